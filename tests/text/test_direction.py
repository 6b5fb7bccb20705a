"""Paragraph direction by majority of strong letters (DESIGN decision 6)."""

from __future__ import annotations

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
