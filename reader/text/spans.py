"""The value types that reader.text returns.

Offsets everywhere are Python ``str`` indices (code points) into the original,
unfolded text of one field, ``end`` exclusive (DESIGN decision 2).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from typing import Any

from reader.text.bidi import INVISIBLE

TEXT_FIELDS: tuple[str, ...] = ("title", "subtitle", "caption", "byline", "body")
"""The article fields that hold text, in reading order."""

KINDS: tuple[str, ...] = ("quote", "figure", "user")


@dataclass(frozen=True, slots=True)
class Match:
    """One hit of in-article find: ``text[start:end] == self.text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Highlight:
    """An automatic highlight of one field.

    ``kind`` is ``quote`` or ``figure`` (``user`` for the reader's own, which
    the store keeps). ``subtype``: for quotes ``quotation`` or ``term``; for
    figures ``digits``, ``words``, ``percent``, ``money``, ``date``, ``time``,
    ``range``, ``count``, ``score`` (a match score, value ``{"score": [3, 2]}``).
    ``value`` is JSON-serialisable: a number, or a dict
    such as ``{"amount": 3000, "unit": "مقاتل"}`` or
    ``{"amount": 2.5, "currency": "USD"}``; None for quotes. ``speaker`` is the
    attributed speaker of a quotation as written, "" when unknown.
    """

    kind: str
    subtype: str
    start: int
    end: int
    text: str
    value: Any = None
    speaker: str = ""
    field: str = "body"

    def __init__(self, kind: str, subtype: str, start: int, end: int, text: str,
                 value: Any = None, speaker: str = "", field: str = "body") -> None:
        # The __init__ that dataclass writes for a frozen class calls
        # object.__setattr__ once a field; setting the slots through their
        # descriptors takes half the time, and find_highlights makes one
        # highlight every 150 characters of news.
        k, s, st, e, t, v, sp, f = _SET_HIGHLIGHT
        k(self, kind)
        s(self, subtype)
        st(self, start)
        e(self, end)
        t(self, text)
        v(self, value)
        sp(self, speaker)
        f(self, field)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form used by the CLI and the exporters."""
        return asdict(self)


_SET_HIGHLIGHT: tuple[Callable[[Highlight, Any], None], ...] = tuple(
    getattr(Highlight, f.name).__set__ for f in fields(Highlight))
"""The slot setters of ``Highlight``, in field order."""


def figure(text: str, start: int, end: int, subtype: str, value: Any) -> Highlight:
    """The figure highlight of ``text[start:end]`` (the readers of figures,
    dates and scores build theirs through this one place)."""
    return Highlight("figure", subtype, start, end, text[start:end], value)


def positions(text: str, chars: str, start: int = 0, end: int | None = None) -> list[int]:
    """The indices of every occurrence of any of ``chars`` in
    ``text[start:end]`` (indices into ``text``), unsorted: one ``str.find``
    scan a character, which beats a regex class tried at every character
    when the characters are rare (quotation marks, dashes, newlines)."""
    stop = len(text) if end is None else end
    found: list[int] = []
    for ch in chars:
        i = text.find(ch, start, stop)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1, stop)
    return found


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``[start, end)`` of ``text`` without the white space and the
    invisible marks (``INVISIBLE``: bidi controls, ZWJ, ZWNJ, ZWSP, BOM) at
    either end, as ``(start, end)`` with ``start <= new start <= new end <= end``.

    A span of only such characters (or an empty one) gives an empty span at
    ``start``, ``(start, start)``. Otherwise ``text[new start]`` and
    ``text[new end - 1]`` are neither space nor invisible. Characters inside
    the span are kept as they are. Raises ValueError unless
    ``0 <= start <= end <= len(text)``.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}-{end} is outside the text ({len(text)} characters)")
    first = start
    while first < end and (text[first].isspace() or text[first] in INVISIBLE):
        first += 1
    if first == end:
        return start, start
    while text[end - 1].isspace() or text[end - 1] in INVISIBLE:
        end -= 1
    return first, end


def in_word(ch: str) -> bool:
    """A letter, or a mark that belongs to the letter before it (tashkeel)."""
    return ch.isalpha() or unicodedata.category(ch) == "Mn"


LONGEST_WORD = 40
"""Letters a span grows by at most on either side to reach a word's edge
(past that it is no word a reader selected a part of: text run together)."""


def widen_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened so that it cuts no word: a span that starts
    after a letter of its first word starts at that word's first letter, one
    that ends before a letter of its last word ends after that word's last
    letter (marks included). Letters are ``str.isalpha`` characters with their
    marks; digits, punctuation (``_`` of a hashtag too) and spaces part words,
    so "14" in و14% stays as it is. An empty span is returned as it is, and
    so is an edge whose word runs on for more than ``LONGEST_WORD`` letters.
    Raises ValueError unless ``0 <= start <= end <= len(text)``.

    Dragging the mouse over joined Arabic letters easily starts or stops
    inside a word; a highlight of "ى ما يقرب" (cut from على) is not what the
    reader meant to keep."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}-{end} is outside the text ({len(text)} characters)")
    if start == end:
        return start, end
    if start > 0 and in_word(text[start]) and in_word(text[start - 1]):
        first = start
        while first > 0 and in_word(text[first - 1]) and start - first < LONGEST_WORD:
            first -= 1
        if first == 0 or not in_word(text[first - 1]):
            start = first
    if end < len(text) and in_word(text[end - 1]) and in_word(text[end]):
        last = end
        while last < len(text) and in_word(text[last]) and last - end < LONGEST_WORD:
            last += 1
        if last == len(text) or not in_word(text[last]):
            end = last
    return start, end


def shortened(text: str, limit: int) -> str:
    """``text`` with its runs of white space made one space, cut to at most
    ``limit`` characters and "…" when longer: at the last space within the
    limit, unless that keeps less than half of it (a word run on for longer is
    cut inside, never between a letter and its marks). The result without its
    "…" is a prefix of the flattened text. Raises ValueError for ``limit < 1``.

    A list row, a menu entry or a card shows the start of a long text; a cut
    inside a word left "ال…" of الاستثمارات."""
    if limit < 1:
        raise ValueError(f"limit {limit} is below 1")
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit + 1)
    if cut < limit // 2:
        cut = limit
        while cut > 1 and unicodedata.category(flat[cut]) == "Mn":
            cut -= 1
    return flat[:cut].rstrip() + "…"
