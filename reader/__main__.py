"""``python -m reader`` is the ``rtl-reader`` command."""

import sys

from reader.cli import main

# Guarded: an import's spawned workers (reader.importers.parallel) import the
# main module again, as __mp_main__, and must not run the command.
if __name__ == "__main__":
    sys.exit(main())
