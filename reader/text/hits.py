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
``Match`` and its text for each costs more than finding them, and so does
mapping each back to the original. So the result keeps the hits where the
search found them, in the folded text, with the way back (``FoldMap``), and
maps one hit, a window's worth (by bisection) or, on first use of
``starts``/``ends``, all of them when asked. Which hits there are is settled
when the result is built (find drops the hits that would overlap once
mapped), so ``len`` and every span are final.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import compress, repeat
from operator import add, itemgetter
from typing import NamedTuple, TypeVar, overload

from reader.text.spans import Match

_T = TypeVar("_T")


class FoldMap(NamedTuple):
    """The way back from folded offsets to the original text (find builds it
    from the fold's map): folded ``[fs, fe)`` is original
    ``[fs + starts[fs], fe + ends[fe])``, and where ``edges[fe]`` is set, the
    end goes on over the characters of ``marks`` that follow it (the marks
    after a hit's last letter belong to the hit; the fold dropped them)."""

    starts: Sequence[int]
    ends: Sequence[int]
    edges: bytes
    marks: frozenset[str]


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


def at(seq: Sequence[_T], indices: list[int]) -> Sequence[_T]:
    """``seq[i]`` for each of ``indices``, in one C call (``itemgetter``, which
    gives a bare item rather than a tuple for a single index)."""
    if len(indices) > 1:
        return itemgetter(*indices)(seq)  # type: ignore[no-any-return]
    return [seq[i] for i in indices]


class Hits(Sequence[Match]):
    """Every hit of one find in one text (module docstring).

    Built by ``reader.text.find``: ``Hits(text, starts, ends)`` holds the
    spans in original offsets; with ``fold_map`` they are folded offsets
    mapped through it. ``ends`` may be one int, the folded length of every
    hit (a literal query). The spans must be ordered and, once mapped,
    non-overlapping and non-empty. Like other sequences that are not lists,
    a ``Hits`` is not equal to a list: compare ``list(hits)``.
    """

    __slots__ = ("_ends", "_fends", "_fstarts", "_map", "_starts", "_text")

    def __init__(
        self, text: str, starts: array[int], ends: array[int] | int,
        fold_map: FoldMap | None = None,
    ) -> None:
        self._text = text
        self._fstarts = starts
        self._fends = ends
        self._map = fold_map
        self._starts: array[int] | None = None
        self._ends: array[int] | None = None

    @property
    def starts(self) -> array[int]:
        """Every hit's start, original str indices, ordered (mapped on first use)."""
        if self._starts is None:
            if self._map is None:
                self._starts = self._fstarts
            else:
                fs = self._fstarts.tolist()
                self._starts = array("q", list(map(add, fs, at(self._map.starts, fs))))
        return self._starts

    @property
    def ends(self) -> array[int]:
        """Every hit's end (exclusive), original str indices (mapped on first use)."""
        if self._ends is None:
            fe = self._folded_ends()
            if self._map is None:
                self._ends = array("q", fe)
            else:
                ends = list(map(add, fe, at(self._map.ends, fe)))
                for i in compress(range(len(fe)), at(self._map.edges, fe)):
                    ends[i] = self._widen(ends[i])
                self._ends = array("q", ends)
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

    def _folded_ends(self) -> list[int]:
        if isinstance(self._fends, int):
            return list(map(add, self._fstarts.tolist(), repeat(self._fends)))
        return self._fends.tolist()

    def _start(self, i: int) -> int:
        f = self._fstarts[i]
        return f if self._map is None else f + self._map.starts[f]

    def _end(self, i: int) -> int:
        f = self._fstarts[i] + self._fends if isinstance(self._fends, int) else self._fends[i]
        if self._map is None:
            return f
        e = f + self._map.ends[f]
        return self._widen(e) if self._map.edges[f] else e

    def _widen(self, e: int) -> int:
        """``e`` moved over the marks that follow it."""
        assert self._map is not None
        text, marks, n = self._text, self._map.marks, len(self._text)
        while e < n and text[e] in marks:
            e += 1
        return e

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


class FieldHits(NamedTuple):
    """The hits of one find in one field of an article."""

    name: str
    hits: Hits


class ArticleHits(Sequence[tuple[str, int, int]]):
    """The hits of one find over an article's fields, in reading order.

    A ``Sequence`` of ``(field, start, end)`` (str indices into that field),
    each built on demand: ``len`` is the count a find bar shows, and a view
    that marks the hits on screen reads ``fields`` and asks each field's
    ``Hits.between`` for its window, so thousands of hits never become
    thousands of objects. Hit ``k`` is numbered over the fields in order.
    """

    __slots__ = ("_bases", "fields")

    def __init__(self, fields: Iterable[FieldHits] = ()) -> None:
        self.fields: tuple[FieldHits, ...] = tuple(fields)
        # The number of the first hit of each field, then the total.
        self._bases = [0]
        for field in self.fields:
            self._bases.append(self._bases[-1] + len(field.hits))

    def __len__(self) -> int:
        return self._bases[-1]

    @overload
    def __getitem__(self, index: int) -> tuple[str, int, int]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[str, int, int]]: ...

    def __getitem__(
        self, index: int | slice
    ) -> tuple[str, int, int] | list[tuple[str, int, int]]:
        if isinstance(index, slice):
            return [self[k] for k in range(len(self))[index]]
        field, i = self.locate(index)
        m = field.hits[i]
        return field.name, m.start, m.end

    def locate(self, index: int) -> tuple[FieldHits, int]:
        """The field of hit ``index`` and the hit's index in that field's
        ``Hits``. Raises IndexError outside ``range(len(self))``."""
        k = range(len(self))[index]  # negative indices, IndexError
        f = bisect_right(self._bases, k) - 1
        return self.fields[f], k - self._bases[f]

    def first_from(self, name: str, index: int) -> int:
        """The number of the first hit that starts at or after ``index`` of
        field ``name`` (a later field's first hit when this field has none
        there); 0, the first hit, when none does, the field is not searched
        or there is no hit (then ``len(self) == 0`` says so)."""
        names = [f.name for f in self.fields]
        if name not in names:
            return 0
        at = names.index(name)
        hits = self.fields[at].hits
        i = hits.between(index, index).start  # the first hit that ends after index
        if i < len(hits) and hits[i].start < index:
            i += 1  # it began before index: the view is past its start
        k = self._bases[at] + i
        return k if k < len(self) else 0

    def __iter__(self) -> Iterator[tuple[str, int, int]]:
        for field in self.fields:
            for start, end in zip(field.hits.starts, field.hits.ends, strict=True):
                yield field.name, start, end

    def __repr__(self) -> str:
        return f"<ArticleHits: {len(self)} in {len(self.fields)} fields>"
