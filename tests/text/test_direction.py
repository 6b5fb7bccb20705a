"""Paragraph direction by majority of strong letters (DESIGN decision 6)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.text import is_rtl, paragraph_directions


@pytest.mark.parametrize(
    ("paragraph", "rtl"),
    [
        ("أعلنت الحكومة اليوم خطة جديدة", True),
        ("BBC: أعلنت الحكومة اليوم خطة جديدة للنقل العام", True),
        ("The ministry said on Monday that talks would resume", False),
        ("The minister, محمد, said talks would resume", False),
        ("2024-05-01", False),
        ("", False),
        ("«نعم» ok", True),
        ("«نعم» yes", False),  # a tie is left to right
    ],
)
def test_majority_of_strong_letters(paragraph: str, rtl: bool) -> None:
    assert is_rtl(paragraph) is rtl


def test_each_paragraph_has_its_own_direction() -> None:
    body = "قال الوزير إن الخطة جاهزة\nReuters: the plan is ready\nCNN: وأضاف أن التنفيذ يبدأ غدا"
    assert paragraph_directions(body) == [True, False, True]


@given(st.text())
def test_direction_is_total(text: str) -> None:
    assert isinstance(is_rtl(text), bool)
    assert len(paragraph_directions(text)) == text.count("\n") + 1


def _majority(text: str) -> bool:
    """Decision 6 read one character at a time: the definition is_rtl keeps."""
    classes = [unicodedata.bidirectional(ch) for ch in text]
    return sum(c in ("R", "AL") for c in classes) > classes.count("L")


_MIXED = st.text(
    st.one_of(
        st.sampled_from("أعلنت الحكومة خطة ٢٠٢٤ \u064e\u0651ـ"),  # letters, marks, tatweel, digits
        st.sampled_from("Reuters said 2024 «»\u00a0\u200c\u200f\u200e"),
        st.characters(min_codepoint=0x0590, max_codepoint=0x08FF),  # Hebrew to Arabic Extended
        st.characters(min_codepoint=0xFB1D, max_codepoint=0xFEFF),  # presentation forms
        st.characters(min_codepoint=0x1E800, max_codepoint=0x1EFFF),  # Adlam, Mende Kikakui
        st.characters(),
    ),
    max_size=300,
)


@given(_MIXED)
def test_direction_is_the_majority_of_strong_letters(text: str) -> None:
    assert is_rtl(text) is _majority(text)


@given(st.integers(0, 40), st.integers(0, 40))
def test_a_tie_or_fewer_rtl_letters_is_left_to_right(rtl: int, ltr: int) -> None:
    text = "ب" * rtl + " " + "b" * ltr
    assert is_rtl(text) is (rtl > ltr)
    assert is_rtl("b" * ltr + "\U0001e900" * rtl) is (rtl > ltr)  # beyond the BMP (Adlam)
