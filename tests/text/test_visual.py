"""Visual order: to_visual for terminals, and the repair of text that arrives in
visual order or as presentation forms (pasted from a PDF)."""

from __future__ import annotations

import unicodedata

import arabic_reshaper
import pytest
from bidi import get_display
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.visual import has_presentation_forms, looks_visual, to_logical, to_visual

LAM_ALEF_ISOLATED = "\ufefb"
ALEF_FINAL = "\ufe8e"
BEH_INITIAL = "\ufe91"
FATHA = "\u064e"
SHADDA = "\u0651"

SENTENCES = [
    "قال الوزير إن النمو بلغ 3.5% في عام 2024 وفق تقرير IMF الجديد (المعدل).",
    "وأضاف أن «الحكومة ستواصل الإصلاحات» خلال السنة المقبلة.",
    "لا تزال الأسعار مرتفعة في الأسواق المحلية منذ بداية الشهر.",
    "افتتح المعرض بمشاركة ٤٥٠ دار نشر من ٢٨ دولة، ويستمر حتى الأحد.",
    "قالت المديرة: “القارئ العربي لم يختفِ” في كلمة الافتتاح.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_visual_text_is_restored_to_logical(sentence: str) -> None:
    visual = to_visual(sentence)
    assert has_presentation_forms(visual)
    assert looks_visual(visual)
    assert not looks_visual(sentence)
    assert to_logical(visual) == sentence


def test_multi_line_visual_text_keeps_its_lines() -> None:
    text = "\n".join(SENTENCES)
    assert to_logical(to_visual(text)) == text


def test_presentation_forms_in_logical_order_are_only_normalised() -> None:
    text = "\n".join(SENTENCES[:3])
    shaped = arabic_reshaper.reshape(text)  # forms, but still logical order
    assert has_presentation_forms(shaped)
    assert not looks_visual(shaped)
    assert to_logical(shaped) == text


def test_lam_alef_ligature_becomes_two_letters_in_order() -> None:
    text = "لا بد من العمل بلا توقف لإنجاز المشروع الجديد"
    visual = to_visual(text)
    assert LAM_ALEF_ISOLATED in visual and "\ufefc" in visual  # isolated and final ligatures
    assert to_logical(visual) == text


def test_hand_made_visual_line() -> None:
    # "الباب" and "البيت" laid out left to right as a PDF would store them:
    # each word's final form first, its initial alef-lam last.
    bab = "\ufe8f\ufe8e\ufe92\ufedf\ufe8d"
    bait = "\ufe96\ufef4\ufe92\ufedf\ufe8d"
    madrasa = "\ufe94\ufeb3\ufeae\ufea9\ufee4\ufedf\ufe8d"
    visual = " ".join([madrasa, bait, bab])
    assert looks_visual(visual)
    assert to_logical(visual) == "الباب البيت المدرسة"


def test_plain_letters_stored_backwards_are_detected_and_reversed() -> None:
    # No presentation forms: a PDF extractor that reversed base letters.
    text = "أعلنت الحكومة عن الخطة الجديدة لدعم الزراعة في المنطقة الشرقية"
    backwards = get_display(text)
    assert not has_presentation_forms(backwards)
    assert looks_visual(backwards)
    assert to_logical(backwards) == text


def test_marks_survive_the_round_trip() -> None:
    text = f"شن{SHADDA}{FATHA} الطيران غارات على المواقع الجديدة مشيرا{FATHA} إلى الخطة"
    assert to_logical(to_visual(text)) == text


@pytest.mark.parametrize("text", [
    "", "Hello world", "3000", "قال", "BBC: قال المتحدث إن الاجتماع انتهى",
    "الحكومة الجديدة", "في المدينة القديمة",
])
def test_logical_or_undecidable_text_is_not_visual(text: str) -> None:
    assert not looks_visual(text)


def test_to_logical_leaves_logical_text_alone() -> None:
    text = "\n".join(SENTENCES) + "\r\n"
    assert to_logical(text) == text


_WORDS = st.sampled_from(
    "الحكومة أعلنت اليوم خطة جديدة لدعم المزارعين في المناطق الريفية وقال المتحدث إن "
    "البرنامج يشمل تمويل مشاريع الري والطرق مدرسة المدينة".split()
)
# Distinct words, at least six: looks_visual rightly declines to judge a line
# with too few telling words (such as أعلنت إن إن إن).
_SENTENCE = st.lists(_WORDS, min_size=6, max_size=14, unique=True).map(" ".join)


@settings(max_examples=80, deadline=None)
@given(_SENTENCE, st.sampled_from(["", ".", "،", " 2024.", " (تقرير)."]))
def test_round_trip_property(sentence: str, tail: str) -> None:
    text = sentence + tail
    visual = to_visual(text)
    assert looks_visual(visual)
    assert to_logical(visual) == text
    assert unicodedata.normalize("NFKC", to_logical(visual)) == text


def test_no_real_article_looks_visual(corpus_articles: list) -> None:
    for path in corpus_articles:
        text = path.read_text(encoding="utf-8")
        assert not looks_visual(text), path.name
        for line in text.splitlines():
            assert not looks_visual(line), (path.name, line[:40])


def test_adverbs_ending_in_la_are_not_visual_evidence_enough() -> None:
    assert not looks_visual("قال أولا إنه سيعود فعلا لكنه بقي قليلا ثم غادر طويلا")
