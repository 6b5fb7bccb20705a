"""Paragraph direction by majority of strong letters (DESIGN decision 6)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache, lru_cache
from itertools import accumulate, repeat

_RTL_CLASSES = frozenset({"R", "AL"})
_group = re.Match.group


@lru_cache(maxsize=4096)
def _strong_class(ch: str) -> str:
    return unicodedata.bidirectional(ch)


_CODES = {"R": "R", "AL": "R", "L": "L"}
_GAP = 64
"""Runs of strong left-to-right characters closer than this (code points)
share one range of ``_Classes.maybe_ltr``: fewer ranges, a class that
compiles in a millisecond."""


class _Classes:
    """Two character classes of the Basic Multilingual Plane, read from
    ``unicodedata`` once (about 25 ms, at the first paragraph): ``rtl``, its
    strong right-to-left characters exactly (R and AL), in runs; ``maybe_ltr``, a
    superset of its strong left-to-right ones, and every character beyond
    it, in runs. A paragraph is then two scans in C: the characters that may
    be L (few in Arabic text) are counted and classified once per distinct
    character, and the Arabic letters are counted only as far as the
    decision needs. (A loop over the characters in Python took a third of
    the time a 1 MB article takes to open.)"""

    def __init__(self) -> None:
        codes = "".join(map(_CODES.get, map(unicodedata.bidirectional,
                                            map(chr, range(0x10000))), repeat(".")))
        rtl = [m.span() for m in re.finditer("R+", codes)]
        ltr: list[list[int]] = []
        for m in re.finditer("L+", codes):
            if ltr and m.start() - ltr[-1][1] < _GAP:
                ltr[-1][1] = m.end()
            else:
                ltr.append([m.start(), m.end()])
        self.rtl = re.compile(_class(rtl) + "+")
        self.maybe_ltr = re.compile(_class(ltr)[:-1] + "\U00010000-\U0010ffff]+")


def _class(spans: list[tuple[int, int]] | list[list[int]]) -> str:
    return "[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b - 1))}" for a, b in spans) + "]"


@cache
def _classes() -> _Classes:
    return _Classes()


def is_rtl(text: str) -> bool:
    """True when ``text`` has more strong RTL letters than strong LTR letters
    (bidi classes R and AL against L, as ``unicodedata`` gives them).

    So ``BBC: ...`` followed by an Arabic sentence is RTL, an English paragraph
    with one Arabic name is LTR, and text with no strong letters at all
    (digits, punctuation) is LTR.
    """
    classes = _classes()
    rtl = ltr = 0
    for ch, n in Counter("".join(classes.maybe_ltr.findall(text))).items():
        cls = _strong_class(ch)
        if cls == "L":
            ltr += n
        elif cls in _RTL_CLASSES:  # beyond the BMP
            rtl += n
    # RTL once the runs of RTL letters of the BMP add up to more than ltr - rtl:
    # in an Arabic paragraph the first word decides; all in C.
    runs = map(len, map(_group, classes.rtl.finditer(text)))
    return any(map((ltr - rtl).__lt__, accumulate(runs, initial=0)))


def has_strong_letters(text: str) -> bool:
    """Whether ``text`` holds a letter of either direction (bidi class L, R
    or AL): a figure alone (3.8%, ٣٫٢٪, 2025) holds none, and takes its
    direction from the text around it."""
    return any(_strong_class(ch) in ("L", "R", "AL") for ch in text)


def paragraph_directions(text: str) -> list[bool]:
    """``is_rtl`` of each ``\\n``-separated paragraph of ``text``, in order."""
    return [is_rtl(p) for p in text.split("\n")]
