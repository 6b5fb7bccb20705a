"""Where the reading view's document differs from a field (reader/gui/display_text.py):
breaks in runs without spaces, cuts in huge paragraphs, and nothing else."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings

from reader.gui import display_text
from reader.gui.display_text import (
    NO_CHANGE,
    ZERO_WIDTH_SPACE,
    can_break_before,
    display_paragraphs,
    plan_display,
    safe_text,
)
from tests.gui.display_oracle import (
    EMOJI,
    FATHA,
    FLAG_EG,
    SHADDA,
    SKIN_TONE,
    ZWJ,
    ZWNJ,
    shaped_texts,
    shown_field,
    small_limits,
)

RLM = "\u200f"
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # man ZWJ woman ZWJ girl


def unchanged_once_added_units_are_out(text: str) -> bool:
    shown = shown_field(text)  # also checks the blocks against the plan
    return shown.without_added(0, len(shown.units)) == safe_text(text).replace("\n", "\u2029")


# -- ordinary text is shown as it is ------------------------------------------------


@pytest.mark.parametrize("text", [
    "أعلنت الحكومة اليوم أن «الخطة ستبدأ الشهر المقبل» بتكلفة 2.5 مليون دولار.",
    "وباستخداماتهم " * 50,
    "https://www.example.com/news/2025/03/14/the-ministry-said-the-talks-would-resume.html"
    "?utm_source=newsletter&utm_medium=email&utm_campaign=spring-2025&utm_content=headline",
    "\n".join(["فقرة قصيرة"] * 3000),
    f"و{FATHA}ق{FATHA}ال{FATHA} {EMOJI} {FLAG_EG} {FAMILY}",
])
def test_ordinary_text_gets_no_display_units(text: str) -> None:
    assert plan_display(text) == NO_CHANGE
    shown = shown_field(text)
    assert not shown.added
    assert shown.without_added(0, len(shown.units)) == text.replace("\n", "\u2029")


def test_corpus_articles_are_shown_unchanged(corpus_articles: list[Path]) -> None:
    for path in corpus_articles:
        text = path.read_text(encoding="utf-8")
        assert plan_display(text) == NO_CHANGE, path.name


def test_block_and_frame_markers_become_line_separators_of_the_same_length() -> None:
    text = "a\rb\r\nc\u2029d\ufdd0e\ufdd1"
    assert safe_text(text) == "a\u2028b\u2028\nc\u2028d\u2028e\u2028"


# -- runs without spaces --------------------------------------------------------------


def test_a_long_run_gets_a_break_every_few_letters() -> None:
    run = "ب" * 1000
    plan = plan_display(f"قال {run} انتهى")
    step = display_text.BREAK_EVERY
    assert plan.breaks == tuple(range(4 + step, 4 + 1000, step))
    assert plan.cuts == ()


def test_a_run_at_the_limit_is_left_alone() -> None:
    limit = display_text.LONGEST_RUN
    assert plan_display("ب" * limit + " " + "س" * limit) == NO_CHANGE
    assert plan_display("ب" * (limit + 1)).breaks


@pytest.mark.parametrize(("before", "after"), [
    ("ب", FATHA),  # a mark belongs to its letter
    ("ب", ZWJ),
    ("ب", ZWNJ),
    ("ب", RLM),
    (ZWJ, "\U0001f469"),  # inside an emoji sequence
    ("\U0001f44b", SKIN_TONE),
    (FLAG_EG[0], FLAG_EG[1]),  # the two halves of a flag
    (FLAG_EG, FLAG_EG),  # between flags too: pairs are not counted (Qt breaks there itself)
    ("\ud83d", "a"),  # a lone surrogate
])
def test_no_break_inside_what_is_drawn_as_one(before: str, after: str) -> None:
    assert not can_break_before(before + after, 1)


@pytest.mark.parametrize(("before", "after"), [
    ("ب", "س"),
    ("a", "ب"),
    (EMOJI, "ب"),
    (FLAG_EG, "ب"),
    ("ب" + FATHA, "س"),
    (ZWNJ, "س"),
])
def test_a_break_between_letters_and_whole_emoji_is_allowed(before: str, after: str) -> None:
    assert can_break_before(before + after, len(before))


def test_breaks_skip_over_marks() -> None:
    vocalised = ("ب" + FATHA + SHADDA) * 100
    plan = plan_display(vocalised)
    assert plan.breaks
    assert all(vocalised[i] == "ب" for i in plan.breaks)


def test_thousands_of_marks_on_one_letter_get_no_break() -> None:
    text = "ب" + FATHA * 5000
    assert plan_display(text) == NO_CHANGE


def test_an_emoji_run_is_broken_between_whole_emoji() -> None:
    text = (EMOJI + FAMILY + FLAG_EG + "\U0001f44b" + SKIN_TONE) * 40
    plan = plan_display(text)
    assert plan.breaks
    assert all(can_break_before(text, i) for i in plan.breaks)
    assert unchanged_once_added_units_are_out(text)


# -- huge paragraphs ------------------------------------------------------------------


def test_a_huge_paragraph_is_cut_after_spaces_into_blocks() -> None:
    words = "أعلنت الحكومة اليوم في بيان رسمي أن الوزارة ستبدأ تنفيذ الخطة".split()
    paragraph = " ".join(words[k % len(words)] for k in range(8000))
    text = f"مقدمة\n{paragraph}\nخاتمة"
    plan = plan_display(text)
    assert plan.breaks == ()
    assert plan.cuts
    assert all(text[i - 1] == " " for i in plan.cuts)
    (_, first), (_, middle), (_, last) = display_paragraphs(text, plan)
    assert first == ["مقدمة"] and last == ["خاتمة"]
    assert len(middle) == len(plan.cuts) + 1
    assert all(len(piece) <= display_text.LONGEST_BLOCK for piece in middle)
    assert "".join(middle) == paragraph


def test_a_huge_run_without_spaces_is_cut_at_its_breaks() -> None:
    text = "ب" * 50_000
    plan = plan_display(text)
    assert plan.cuts
    assert not set(plan.cuts) & set(plan.breaks)
    ((_, pieces),) = display_paragraphs(text, plan)
    letters = [piece.replace(ZERO_WIDTH_SPACE, "") for piece in pieces]
    assert all(len(piece) <= display_text.LONGEST_BLOCK for piece in letters)
    assert "".join(letters) == text


def test_one_grapheme_longer_than_a_block_stays_whole() -> None:
    text = "ب" + FATHA * 30_000 + "س" * 10
    plan = plan_display(text)
    assert all(can_break_before(text, i) for i in plan.inserts)
    assert unchanged_once_added_units_are_out(text)


# -- every shape ------------------------------------------------------------------------


@given(shaped_texts)
@settings(max_examples=300)
def test_taking_the_display_units_out_gives_the_safe_text(text: str) -> None:
    with small_limits():
        plan = plan_display(text)
        assert list(plan.breaks) == sorted(set(plan.breaks))
        assert list(plan.cuts) == sorted(set(plan.cuts))
        for i in plan.inserts:
            assert can_break_before(text, i)
            assert text[i - 1] != "\n" and text[i] != "\n"
        assert unchanged_once_added_units_are_out(text)
        pieces = [piece for _, ps in display_paragraphs(text, plan) for piece in ps]
        assert not any(ch in piece for piece in pieces for ch in "\r\n\u2029\ufdd0\ufdd1")
        assert [p for p, _ in display_paragraphs(text, plan)] == text.split("\n")


@given(shaped_texts)
@settings(max_examples=300)
def test_a_long_run_has_a_break_wherever_one_is_allowed(text: str) -> None:
    """From each break (or a run's start) the next one is BREAK_EVERY further,
    or later only because no break is allowed in between."""
    with small_limits():
        step = display_text.BREAK_EVERY
        inserts = plan_display(text).inserts
        for m in re.finditer("[^ \n\r\u2029\u200b]+", text):
            if len(m.group()) <= display_text.LONGEST_RUN:
                continue
            points = [m.start(), *(i for i in inserts if m.start() < i < m.end()), m.end()]
            for p, q in pairwise(points):
                assert not any(can_break_before(text, j) for j in range(p + step, q))
