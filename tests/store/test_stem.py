"""The light stemmer behind ``search(stem=True)``: which words it joins and keeps apart.

The words are folded first, as the index folds them.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.store.stem import stem, stem_text
from reader.text import fold_text

FAMILIES = [
    ("المعلمون", "والمعلمين", "معلم", "للمعلمين", "المعلم"),
    ("الكتب", "كتب"),
    ("كتاب", "الكتاب", "بالكتاب", "كتابه"),
    ("الحكومة", "الحكومات", "حكومة", "للحكومة"),
    ("الانتخابات", "انتخابات", "الانتخابية", "انتخابي"),
    ("المدرسة", "مدرسة", "بالمدرسة"),
    ("الفلسطينية", "الفلسطينيين", "فلسطيني", "فلسطين", "والفلسطينيين"),
    ("الوزارة", "وزارة", "وزارات", "وزارته", "بالوزارة"),    # و of the word, not "and"
    ("حكومته", "حكومتها", "الحكومة"),                       # ة before a pronoun
]

APART = [("كتب", "كتاب"), ("المعلم", "العالم"), ("وزير", "وزارة"), ("سلام", "إسلام"),
         ("وزير", "زير"), ("ولا", "ولاية"), ("وزارة", "زيارة")]


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f[0])
def test_inflections_share_a_stem(family: tuple[str, ...]) -> None:
    assert len({stem(fold_text(word)) for word in family}) == 1


@pytest.mark.parametrize(("a", "b"), APART)
def test_different_words_stay_apart(a: str, b: str) -> None:
    assert stem(fold_text(a)) != stem(fold_text(b))


@pytest.mark.parametrize("token", ["bbc", "2024", "في", "من", "قال"])
def test_short_and_latin_tokens_are_kept(token: str) -> None:
    assert stem(token) == token


@settings(max_examples=200)
@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي", min_size=1, max_size=12))
def test_a_stem_is_a_piece_of_the_word_at_least_three_letters(word: str) -> None:
    s = stem(word)
    assert s in word
    assert len(s) >= min(3, len(word))
    assert stem_text(word) == s
