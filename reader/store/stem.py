"""A light Arabic stemmer for word-family search (issue 6).

It works on FOLDED text (``reader.text.fold_text``: hamza forms, ة and ى
already folded, marks dropped), one token at a time, in the manner of Larkey's
Light10: strip the conjunction و, a definite article, then common suffixes.
It groups inflections (المعلمون, والمعلمين, للمعلمين -> معلم; الحكومة,
الحكومات -> حكوم) but, being light, never joins broken plurals (كتاب and كتب
stay apart), which keeps unrelated words from colliding the way root stemmers
make العالم and المعلم one word.

Chosen by measurement on folded input, reproduced by ``bench/bench_stemmers.py``
(13 word families of 5-8 forms each, 10 pairs of different words that must
stay apart, 11.6k corpus words timed; one run on a shared 2-core machine),
2026-11:

    stemmer                 family recall   wrongly joined   µs/word
    this one (Light10-like)      0.82            1/10            0.9
    snowballstemmer arabic       0.39            0/10           51
    nltk ISRI (root)             0.79            8/10            7.7
    tashaphyne light stem        0.48            1/10           23

ISRI comes close on recall only by reducing words to roots (كتاب = مكتب,
المعلم = العالم, وزير = وزارة: 8 of the 10 pairs), which floods a search.
Snowball and tashaphyne expect unfolded text and lose families once ة and
hamza are folded; on the words as written they reach 0.59 and 0.71, still
below this one on folded text. Snowball joins none of the pairs but splits
most families (and cuts فلسطين to لسط). This one joins العمل and العملة (ة
folds to ه, then ه goes as a suffix) and splits what it does not strip: a
pronoun after ت (حكومته), the accusative alef (رئيسا), verbs (أعلنت), and
two of its own cuts: فلسطين -> فلسط but الفلسطيني -> فلسطين, and وزارة -> زار
(its و taken as the conjunction) but الوزارة -> وزار.

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
    (four after the conjunction و, so وزير keeps its و; وزارة, folded to five
    letters, loses it).
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
