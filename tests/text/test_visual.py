"""Visual order: to_visual for terminals, and the repair of text that arrives in
visual order or as presentation forms (pasted from a PDF)."""

from __future__ import annotations

import re
import unicodedata

import arabic_reshaper
import pytest
from bidi import get_display
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.bidi import BIDI_CONTROLS, LRI, PDI, RLM
from reader.text.visual import has_presentation_forms, looks_visual, to_logical, to_visual

LAM_ALEF_ISOLATED = "\ufefb"
ALEF_FINAL = "\ufe8e"
BEH_INITIAL = "\ufe91"
FATHA = "\u064e"
SHADDA = "\u0651"
DAMMA, KASRA, SUKUN, TANWEEN_FATH = "\u064f", "\u0650", "\u0652", "\u064b"
HARAKAT = [FATHA, DAMMA, KASRA, SUKUN, SHADDA, TANWEEN_FATH]
MARK_CLASS = "[\u064b-\u065f\u0670]"

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


# -- marks, controls, values: what a device that draws left to right needs ------

def glyphs_backwards(text: str) -> str:
    """``text`` (NFKC, logical letters) backwards one glyph at a time: a letter
    with the marks after it, lam-alef (one ligature glyph) with its marks."""
    return "".join(reversed(re.findall(f"(?:ل[اأإآ]|.){MARK_CLASS}*", text, flags=re.DOTALL)))


@pytest.mark.parametrize("word", [
    f"شن{SHADDA}{FATHA}",  # two marks on one letter
    f"ا{KASRA}ق{SUKUN}ر{FATHA}أ{SUKUN}",  # every letter vocalised
    f"كتاب{TANWEEN_FATH}ا",
    f"م{DAMMA}د{SHADDA}{FATHA}ة",
])
def test_each_mark_follows_its_glyph_in_visual_order(word: str) -> None:
    visual = to_visual(f"قال {word} أمس")
    # The device attaches a mark to the glyph drawn just before it.
    assert not re.search(f"(^| ){MARK_CLASS}", visual), visual
    words = unicodedata.normalize("NFKC", visual).split(" ")
    assert words[1] == unicodedata.normalize("NFKC", glyphs_backwards(word))


@pytest.mark.parametrize("control", sorted(BIDI_CONTROLS))
def test_visual_text_holds_no_bidi_control(control: str) -> None:
    text = f"قال{control} المتحدث {LRI}BBC{PDI} إن {control}الاجتماع 2026-12-05{RLM}"
    visual = to_visual(text)
    assert not BIDI_CONTROLS & set(visual), ascii(visual)


@pytest.mark.parametrize(("logical", "visual"), [
    # Dates, times and ranges read left to right inside a right-to-left line.
    ("الموعد 2026-12-05 مساء", "ءاسم 2026-12-05 دعوملا"),
    ("الموعد 05/12/2026 الساعة 09:30", "09:30 ةعاسلا 05/12/2026 دعوملا"),
    ("من 10-20 يوما", "اموي 10-20 نم"),
    ("وكالة الأنباء | 2025-04-02T09:30:00Z", "2025-04-02T09:30:00Z | ءابنلأا ةلاكو"),
    # A web address keeps its order, and its letters do not turn the line
    # left to right: they are no language.
    ("الرابط: https://example.com/news/arabic?id=12",
     "https://example.com/news/arabic?id=12 :طبارلا"),
    # Brackets and guillemets are mirrored, paired or not.
    ("قال (المتحدث) «أمس» ثم) [غادر", "رداغ] (مث «سمأ» (ثدحتملا) لاق"),
])
def test_values_keep_their_order_in_a_right_to_left_line(logical: str, visual: str) -> None:
    assert unicodedata.normalize("NFKC", to_visual(logical)) == visual
    assert to_logical(to_visual(logical + " ثم أعلنت الحكومة الخطة الجديدة للمدينة")) == (
        logical + " ثم أعلنت الحكومة الخطة الجديدة للمدينة")


def test_to_logical_reads_marks_before_their_glyphs_too() -> None:
    """Visual text from a plain reversal (python-bidi, many PDF tools) puts each
    mark before its glyph; ``to_visual`` after it: both come back."""
    text = (f"أعلنت الحكومة{TANWEEN_FATH} خطة{DAMMA} جديدة لدعم المزارعين في المناطق "
            f"الريفية وقال{FATHA} المتحد{SHADDA}ث إن{SHADDA}{FATHA}")
    reversed_plainly = get_display(arabic_reshaper.ArabicReshaper(
        configuration={"delete_harakat": False}).reshape(text))
    assert re.search(f" {MARK_CLASS}", reversed_plainly)  # marks lead words
    assert to_logical(reversed_plainly) == text
    assert to_logical(to_visual(text)) == text


_LETTERS_NO_LIGATURE = re.compile(f"ل{MARK_CLASS}+(?=[اأإآ])")


@st.composite
def _vocalised(draw: st.DrawFn, word: str) -> str:
    """``word`` with random harakat on its letters (never on a lam that a
    following alef joins into a ligature: the reshaper moves those)."""
    out = []
    for ch in word:
        out.append(ch)
        out.extend(draw(st.lists(st.sampled_from(HARAKAT), max_size=2, unique=True)))
    return _LETTERS_NO_LIGATURE.sub("ل", "".join(out))


_OTHER_TOKENS = st.sampled_from([
    "2024", "٤٥٠", "3.5%", "10-20", "2026-12-05", "05/12/2026", "09:30", "$12", "-5",
    "IMF", "BBC News", "(IMF)", "«الخطة»", "(تقرير)", "،", ".", ":", "!", "؟", "/",
    "https://www.example.com/world/middle-east-2024?page=3", "rtl-reader://article/7?at=154",
    "(http://bbc.co.uk/arabic/)",
])


@st.composite
def _mixed_line(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORDS, min_size=6, max_size=12, unique=True))
    tokens = [draw(_vocalised(w)) for w in words]
    for _ in range(draw(st.integers(0, 5))):
        tokens.insert(draw(st.integers(1, len(tokens))), draw(_OTHER_TOKENS))
    seps = draw(st.lists(st.sampled_from([" ", " ", ", ", "، ", " - "]),
                         min_size=len(tokens) - 1, max_size=len(tokens) - 1))
    return "".join(t + s for t, s in zip(tokens, [*seps, ""], strict=True))


_LATIN_WORDS = st.sampled_from(
    "the minister said on Tuesday that schools will reopen next week after repairs BBC "
    "Reuters Opening day note in English".split())


@st.composite
def _latin_line(draw: st.DrawFn) -> str:
    """A line with more Latin letters than Arabic ones (a note or a quotation
    in English, an English source), an Arabic word or two and a value inside,
    or an Arabic label before it as the exports write one (``ملاحظة: ...``)."""
    tokens = draw(st.lists(_LATIN_WORDS, min_size=4, max_size=9))
    for _ in range(draw(st.integers(0, 2))):
        tokens.insert(draw(st.integers(0, len(tokens))), draw(_WORDS))
    for _ in range(draw(st.integers(0, 2))):
        tokens.insert(draw(st.integers(1, len(tokens))), draw(_OTHER_TOKENS))
    line = " ".join(tokens)
    label = draw(st.sampled_from(["", "ملاحظة: ", "اقتباس: ", "السياق: "]))
    return label + line + draw(st.sampled_from(["", ".", ":", "؟", " (2024)", " «الخطة»"]))


@st.composite
def _balanced_line(draw: st.DrawFn) -> str:
    """Arabic and Latin words about even (either may win by a letter or two)."""
    arabic = draw(st.lists(_WORDS, min_size=2, max_size=4, unique=True))
    latin = draw(st.lists(_LATIN_WORDS, min_size=2, max_size=5))
    tokens = draw(st.permutations(arabic + latin))
    return " ".join(tokens)


def _marks_before_glyphs(visual: str) -> str:
    """The same visual text with each Arabic letter's marks before it."""
    return re.sub(f"([\u0621-\u064a\ufb50-\ufdff\ufe80-\ufefc])({MARK_CLASS}+)",
                  lambda m: m[2][::-1] + m[1], visual)


@settings(max_examples=200, deadline=None)
@given(st.tuples(_mixed_line(), st.lists(st.one_of(_mixed_line(), _latin_line(),
                                                   _balanced_line()), max_size=3))
       .flatmap(lambda first_rest: st.permutations([first_rest[0], *first_rest[1]]))
       .map("\n".join))
def test_to_logical_inverts_to_visual_with_marks_digits_latin(text: str) -> None:
    # One line at least tells the whole text's order (looks_visual); the
    # others may hold more Latin than Arabic, or about as much.
    visual = to_visual(text)
    assert not BIDI_CONTROLS & set(visual)
    assert to_logical(visual) == text
    if re.search(f"[\u0621-\u064a]{MARK_CLASS}+(?=$|[ ،,.:!؟/)»-])", text, flags=re.M):
        # A word-final mark tells the order of the marks: undone either way.
        assert to_logical(_marks_before_glyphs(visual)) == text


@pytest.mark.parametrize("text", [
    "\u200dلا",  # a zero-width joiner, then lam-alef at the end of the line
    "قال الوزير\u200d إنه لا يعرف، ثم قال: لا",
    "بسم \u200dالله",
])
def test_a_zero_width_joiner_neither_breaks_nor_shifts_the_ligatures(text: str) -> None:
    # arabic-reshaper drops a ZWJ from its glyphs but not from the text it
    # finds ligatures in: each ligature after it was looked for one glyph
    # late (لا came out as a medial lam and an alef), and one at the end of
    # the line raised IndexError (`rtl-reader show FILE --bidi visual` and
    # the txt-visual export stopped with a traceback).
    assert to_visual(text) == to_visual(text.replace("\u200d", ""))


_OLD_STARTS_FINAL_ONLY = re.compile(
    "(?<![\u0621-\u064a\u0671-\u06d3\u064b-\u065f\u0670\u0640\ufb50-\ufdff\ufe70-\ufefc])"
    "[\u0640\u064b-\u065f\u0670]*[\u0629\u0649]")
"""The one lookbehind pattern the two of ``visual`` replace (a word whose
first letter, past its marks, is ة or ى), kept as the reference."""


@settings(max_examples=3000)
@given(st.text(alphabet=st.sampled_from(
    ["\u0629", "\u0649", "\u064e", "\u0651", "\u0640", "\u0670", "\u0654", "ا", "ب",
     "\ufe8e", " ", "\n", "،", ".", "x", "1"]), max_size=12))
def test_word_starting_final_only_letter_found_as_by_one_lookbehind(text: str) -> None:
    from reader.text import visual

    new = bool(visual._STARTS_FINAL_ONLY.search(text)
               or visual._MARKS_START_FINAL_ONLY.search(text))
    assert new == bool(_OLD_STARTS_FINAL_ONLY.search(text))


@settings(max_examples=2000)
@given(st.text(alphabet=st.sampled_from(
    ["\u0629", "\u0649", "\u064e", "\u0640", "\u0675", "\ufe8e", "\ufeb3", "\ufef5", "ا", "ل",
     "ب", "ه", " ", "\n", "x"]), max_size=40), st.integers(min_value=1, max_value=40))
def test_needs_logical_is_forms_or_visual(text: str, sample: int) -> None:
    from reader.text.visual import needs_logical

    assert needs_logical(text, sample=sample) == (
        has_presentation_forms(text) or looks_visual(text, sample=sample))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى" "لا" "\u0640" "".join(HARAKAT)
    + "  \u00a0\t،.0123456789ab«»()-"), max_size=60))
def test_a_line_reshaped_word_by_word_is_the_line_reshaped_whole(line: str) -> None:
    # The visual export reshapes each word once (a cache): the same glyphs as
    # the reshaper gives the whole line, ligatures and marks included.
    from reader.text.visual import _RESHAPER, reshaped
    assert reshaped(line) == _RESHAPER.reshape(line)


@pytest.mark.parametrize("line", [
    "بسم الله الرحمن الرحيم", "صلى الله عليه وسلم", "جل جلاله", "لا إله إلا الله",
    "قالَ  الوزيرُ لا", " لا ", "",
])
def test_phrases_the_reshaper_could_join_across_spaces_are_shaped_alike(line: str) -> None:
    from reader.text.visual import _RESHAPER, reshaped
    assert reshaped(line) == _RESHAPER.reshape(line)
