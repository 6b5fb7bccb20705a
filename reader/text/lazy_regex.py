"""Regular expressions compiled the first time they are used.

The engine's largest patterns (every spelling of every month name, every
number word with its marks) take 15-65 ms each to compile, about 0.3 s of
the 0.4 s that importing ``reader.text`` took: paid by every ``rtl-reader``
command and by the window before it shows, most of which never look for a
date. ``LazyPattern`` defers that cost to the first search.
"""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    """Stands for ``re.compile(source, flags)``, compiled at the first use
    of any of its attributes (``search``, ``finditer``, ``pattern``, ...).

    Each attribute, once asked for, is kept on this object, so later uses
    cost what they cost on the compiled pattern itself. Two threads that
    use it first at once may both compile it; either result serves."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not)."""
        pattern = self.__dict__.get("_compiled")
        if pattern is None:
            pattern = self.__dict__["_compiled"] = re.compile(self._source, self._flags)
        return pattern

    def __getattr__(self, name: str) -> Any:
        # Only names this object lacks reach here: the pattern's.
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value
        return value
