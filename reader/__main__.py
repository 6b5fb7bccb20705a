"""``python -m reader`` is the ``rtl-reader`` command."""

import sys

from reader.cli import main

sys.exit(main())
