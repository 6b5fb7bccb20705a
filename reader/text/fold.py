"""Folding for matching and indexing, with an offset map (DESIGN decision 3).

STUB: the text-engine helper replaces this module. Contract:

``fold(text, *, diacritics=True, hamza=True) -> Folded``; ``Folded.text`` is the
folded string and ``Folded.span(fstart, fend) -> (start, end)`` maps a span of
the folded text back to the smallest span of the original that produced it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Folded:
    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        raise NotImplementedError


def fold(text: str, *, diacritics: bool = True, hamza: bool = True) -> Folded:
    raise NotImplementedError


def fold_text(text: str, *, diacritics: bool = True, hamza: bool = True) -> str:
    """Only the folded string (for indexes and filters)."""
    return fold(text, diacritics=diacritics, hamza=hamza).text
