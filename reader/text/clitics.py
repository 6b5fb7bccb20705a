"""Arabic proclitics: the prefixes glued to a word, for whole-word find and
for library search (``glued_forms``).

A written Arabic word may carry, in this order: a conjunction (و، ف), a
preposition (ب، ك، ل) and the article (ال); ل + ال is written لل (the alef
is dropped). ``PREFIXES`` holds every non-empty combination, in folded form
(they contain no letter that folding changes).
"""

from __future__ import annotations

import re
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


_ARTICLE_WORD = "ال"
_LETTERS = re.compile("[\u0621-\u064a\u0671]+")
"""Arabic letters only (folded text holds no marks)."""

GLUED_AT_LEAST = 3
"""Letters a word needs, after its article, before ``glued_forms`` glues
anything to it: a shorter one glued reads as other words too often (لم
glued to ف is فلم "film", من to ك is كمن "lurked")."""


def glued_forms(word: str) -> tuple[str, ...]:
    """``word`` (folded) and every spelling of it with proclitics glued
    before it, shortest first: the forms a search for it should find.
    ``خبز`` gives ``الخبز والخبز بالخبز للخبز بخبز …``; a word with the
    article gives it behind a conjunction or preposition only (``الخبز``:
    ``والخبز بالخبز للخبز …``, never the bare ``خبز``), as whole-word find
    reads it. A word of fewer than ``GLUED_AT_LEAST`` letters after its
    article, or of anything but Arabic letters, is only itself."""
    if not _LETTERS.fullmatch(word):
        return (word,)
    has_article = word.startswith(_ARTICLE_WORD)
    core = word[len(_ARTICLE_WORD):] if has_article else word
    if len(core) < GLUED_AT_LEAST:
        return (word,)
    if has_article:
        forms = {_combine(conj, prep, _ARTICLE_WORD) + core
                 for conj, prep in product(_CONJUNCTIONS, _PREPOSITIONS)}
    else:
        forms = {prefix + word for prefix in PREFIXES} | {word}
    return tuple(sorted(forms, key=lambda form: (len(form), form)))
