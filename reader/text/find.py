"""In-article find on folded text. STUB: the text-engine helper replaces this."""

from __future__ import annotations

from reader.text.spans import Match


def find(
    text: str,
    query: str,
    *,
    match_diacritics: bool = False,
    match_hamza: bool = False,
    whole_word: bool = False,
    regex: bool = False,
) -> list[Match]:
    raise NotImplementedError
