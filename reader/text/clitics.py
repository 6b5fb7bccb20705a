"""Arabic proclitics: the prefixes glued to a word, for whole-word find.

A written Arabic word may carry, in this order: a conjunction (و، ف), a
preposition (ب، ك، ل) and the article (ال); ل + ال is written لل (the alef
is dropped). ``PREFIXES`` holds every non-empty combination, in folded form
(they contain no letter that folding changes).
"""

from __future__ import annotations

from itertools import product

_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ك", "ل")
_ARTICLE = ("", "ال")


def _combine(conj: str, prep: str, art: str) -> str:
    if prep == "ل" and art:
        return conj + "لل"
    return conj + prep + art


PREFIXES: frozenset[str] = frozenset(
    _combine(*parts) for parts in product(_CONJUNCTIONS, _PREPOSITIONS, _ARTICLE)
) - {""}
"""و ف ب ك ل ال، وب فب وك ول، وال فال بال كال لل، وبال فبال وكال ولل فلل …"""


def is_prefix(letters: str) -> bool:
    """Whether ``letters`` (folded, marks removed) is a proclitic combination."""
    return letters in PREFIXES
