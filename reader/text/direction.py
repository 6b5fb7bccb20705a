"""Paragraph direction by majority of strong letters (DESIGN decision 6)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_RTL_CLASSES = frozenset({"R", "AL"})


@lru_cache(maxsize=4096)
def _strong_class(ch: str) -> str:
    return unicodedata.bidirectional(ch)


def strong_counts(text: str) -> tuple[int, int]:
    """Count strong right-to-left and left-to-right characters in ``text``."""
    rtl = ltr = 0
    for ch in text:
        cls = _strong_class(ch)
        if cls in _RTL_CLASSES:
            rtl += 1
        elif cls == "L":
            ltr += 1
    return rtl, ltr


def is_rtl(text: str) -> bool:
    """True when ``text`` has more strong RTL letters than strong LTR letters.

    So ``BBC: ...`` followed by an Arabic sentence is RTL, an English paragraph
    with one Arabic name is LTR, and text with no strong letters at all
    (digits, punctuation) is LTR.
    """
    rtl, ltr = strong_counts(text)
    return rtl > ltr


def paragraph_directions(text: str) -> list[bool]:
    """``is_rtl`` of each ``\\n``-separated paragraph of ``text``, in order."""
    return [is_rtl(p) for p in text.split("\n")]
