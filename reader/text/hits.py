"""``Hits``: every hit of one in-article find, without a Python object per hit.

``reader.text.find`` returns a ``Hits``. It is a ``Sequence[Match]``, so code
that wants objects indexes or iterates it and gets ``Match(start, end, text)``
as before, built on demand; code that wants many hits at once reads them in
bulk:

- ``len(hits)``: the number of hits (a counter needs nothing else);
- ``hits.starts``, ``hits.ends``: every hit's span as two ``array('q')`` of
  Python str indices (code points, end exclusive) into the ORIGINAL text,
  ordered, non-overlapping (``ends[i] <= starts[i + 1]``);
- ``hits.between(lo, hi)``: the ``range`` of indices of the hits that overlap
  the original span ``[lo, hi)`` (the hits a window shows), by bisection.

A frequent word has thousands of hits in a long article: building a
``Match`` and its text for each costs more than finding them, so the
result keeps the hits where the search found them, in the folded text, with
the fold's offset table (one shift per folded character, see
``reader.text.find``), and maps an index, a window or (on first use of
``starts``/``ends``) all of them back when asked. Widened ends (the marks
after a hit's last letter belong to it) are settled when the result is
built, so its length and every span are final.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from itertools import repeat
from operator import add, itemgetter
from typing import overload

from reader.text.spans import Match

Shifts = tuple[Sequence[int], Sequence[int]]
"""``(start_shifts, end_shifts)``: folded ``[fs, fe)`` is original
``[fs + start_shifts[fs], fe + end_shifts[fe])``."""

# Match is a frozen dataclass whose generated __init__ costs ~0.8 µs; hits are
# built in bulk through the slot descriptors (same objects, ~0.2 µs each).
_new = object.__new__
_set_start: Callable[[Match, int], None] = vars(Match)["start"].__set__
_set_end: Callable[[Match, int], None] = vars(Match)["end"].__set__
_set_text: Callable[[Match, str], None] = vars(Match)["text"].__set__


def _matches(text: str, starts: list[int], ends: list[int]) -> list[Match]:
    """``Match(s, e, text[s:e])`` for each span, built in C-level loops."""
    out: list[Match] = list(map(_new, repeat(Match, len(starts))))
    deque(map(_set_start, out, starts), 0)
    deque(map(_set_end, out, ends), 0)
    deque(map(_set_text, out, map(text.__getitem__, map(slice, starts, ends))), 0)
    return out


def _shifted(offsets: array[int], shifts: Sequence[int]) -> array[int]:
    """``offsets[i] + shifts[offsets[i]]`` for every ``i``, in C-level calls."""
    fs = offsets.tolist()  # one int object per offset, read twice
    if len(fs) > 1:
        # itemgetter gives a bare item rather than a tuple for a single index;
        # an array fills faster from a list than from an iterator
        return array("q", list(map(add, fs, itemgetter(*fs)(shifts))))
    return array("q", [f + shifts[f] for f in fs])


class Hits(Sequence[Match]):
    """Every hit of one find in one text (module docstring).

    Built by ``reader.text.find``: ``Hits(text, starts, ends)`` holds spans
    already in original offsets; with ``shifts`` the spans are folded offsets
    mapped through them (``Shifts``), and ``widened`` gives, by hit index,
    the original end of each hit that the marks after it widened. The spans
    must be ordered and, once mapped, non-overlapping and non-empty.
    """

    __slots__ = ("_ends", "_fends", "_fstarts", "_shifts", "_starts", "_text", "_widened")

    def __init__(
        self,
        text: str,
        starts: array[int],
        ends: array[int],
        shifts: Shifts | None = None,
        widened: dict[int, int] | None = None,
    ) -> None:
        self._text = text
        self._fstarts = starts
        self._fends = ends
        self._shifts = shifts
        self._widened = widened or {}
        self._starts: array[int] | None = starts if shifts is None else None
        self._ends: array[int] | None = ends if shifts is None and not widened else None

    @property
    def starts(self) -> array[int]:
        """Every hit's start, original str indices, ordered (mapped on first use)."""
        if self._starts is None:
            assert self._shifts is not None
            self._starts = _shifted(self._fstarts, self._shifts[0])
        return self._starts

    @property
    def ends(self) -> array[int]:
        """Every hit's end (exclusive), original str indices (mapped on first use)."""
        if self._ends is None:
            ends = self._fends if self._shifts is None else _shifted(self._fends, self._shifts[1])
            if self._widened:
                ends = array("q", ends)
                for i, e in self._widened.items():
                    ends[i] = e
            self._ends = ends
        return self._ends

    def between(self, lo: int, hi: int) -> range:
        """The indices of the hits that overlap original ``[lo, hi)``: those
        ending after ``lo`` and starting before ``hi`` (empty when none does;
        ``between(pos, len(text)).start`` is the first hit that ends after
        ``pos``). Maps about 2·log2(len) hits, not all of them."""
        n = len(self._fstarts)
        if self._starts is not None and self._ends is not None:
            first = bisect_right(self._ends, lo)
            stop = bisect_left(self._starts, hi, first)
        else:
            first = bisect_right(range(n), lo, key=self._end)
            stop = bisect_left(range(n), hi, first, key=self._start)
        return range(first, max(first, stop))

    def _start(self, i: int) -> int:
        f = self._fstarts[i]
        return f if self._shifts is None else f + self._shifts[0][f]

    def _end(self, i: int) -> int:
        got = self._widened.get(i)
        if got is not None:
            return got
        f = self._fends[i]
        return f if self._shifts is None else f + self._shifts[1][f]

    def __len__(self) -> int:
        return len(self._fstarts)

    @overload
    def __getitem__(self, index: int) -> Match: ...

    @overload
    def __getitem__(self, index: slice) -> list[Match]: ...

    def __getitem__(self, index: int | slice) -> Match | list[Match]:
        if isinstance(index, slice):
            return _matches(self._text, self.starts[index].tolist(), self.ends[index].tolist())
        i = range(len(self._fstarts))[index]  # negative indices, IndexError
        s, e = self._start(i), self._end(i)
        return Match(s, e, self._text[s:e])

    def __iter__(self) -> Iterator[Match]:
        return iter(_matches(self._text, self.starts.tolist(), self.ends.tolist()))

    def __repr__(self) -> str:
        return f"<Hits: {len(self)} in {len(self._text)} characters>"
