"""Folding (DESIGN decision 3) and its offset map back to the original."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.text.fold import (
    MAX_VARIED_SEATS,
    Folded,
    fold,
    fold_text,
    fold_word,
    fold_words,
    loose_alternation,
    loose_pattern,
    seat_spellings,
    western_digits,
)

FATHA, DAMMA, KASRA, SHADDA, SUKUN = "\u064e", "\u064f", "\u0650", "\u0651", "\u0652"
FATHATAN, DAMMATAN, KASRATAN = "\u064b", "\u064c", "\u064d"
MADDA, HAMZA_ABOVE, HAMZA_BELOW = "\u0653", "\u0654", "\u0655"
SUPERSCRIPT_ALEF = "\u0670"
TATWEEL = "\u0640"
SMALL_HIGH_SEEN, END_OF_AYAH = "\u06dc", "\u06dd"
LRM, RLM, ALM = "\u200e", "\u200f", "\u061c"
RLE, PDF, RLO = "\u202b", "\u202c", "\u202e"
RLI, PDI, FSI = "\u2067", "\u2069", "\u2068"
ZWJ, ZWNJ = "\u200d", "\u200c"
LIGATURE_ALLAH = "\ufdf2"  # one character, NFKC: four letters
LAM_ALEF_ISOLATED = "\ufefb"  # one character, NFKC: two letters
ALEF_HAMZA_ISOLATED = "\ufe83"  # presentation form of أ
BEH_INITIAL, BEH_FINAL = "\ufe91", "\ufe90"
EMOJI = "\U0001f600"

# (original, folded with the default options: diacritics and hamza folded)
FOLD_RULES = [
    # alef forms, hamza on waw and yeh
    ("أعلنت", "اعلنت"),
    ("إعلان", "اعلان"),
    ("آخر", "اخر"),
    ("ٱلكتاب", "الكتاب"),
    ("مسؤول", "مسوول"),
    ("رئيس", "رييس"),
    # hamza written as a mark: NFKC composes it with the letter, then it folds
    ("ا" + HAMZA_ABOVE + "علنت", "اعلنت"),
    ("ا" + HAMZA_BELOW + "علان", "اعلان"),
    ("ر" + HAMZA_ABOVE, "ر"),
    # alef maqsura and teh marbuta, always
    ("على", "علي"),
    ("مدينة", "مدينه"),
    # tashkeel, superscript alef, Quranic marks, tatweel
    ("مشيرا" + FATHATAN, "مشيرا"),
    ("كَتَبَ".replace("َ", FATHA), "كتب"),
    ("م" + DAMMA + "د" + SHADDA + "ة" + KASRATAN, "مده"),
    ("قال" + SUKUN + DAMMATAN, "قال"),
    ("ه" + SUPERSCRIPT_ALEF + "ذا", "هذا"),
    ("رحيم" + SMALL_HIGH_SEEN + END_OF_AYAH, "رحيم"),
    ("جميـ" + TATWEEL + "ـل", "جميل"),
    ("ا" + MADDA + "خر", "اخر"),
    # digits: Arabic-Indic and Persian to ASCII
    ("٢٠١٨", "2018"),
    ("۲۰۱۸", "2018"),
    ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
    ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),
    # the signs an Arabic keyboard types with them: percent, decimal and thousands
    ("٢٣٪", "23%"),
    ("٨٠٫٢", "80.2"),
    ("٣٬٥٠٠", "3,500"),
    # bidi controls, ZWJ and ZWNJ
    (RLM + "قال" + LRM, "قال"),
    (RLE + "BBC" + PDF + ALM, "bbc"),
    (RLI + "نص" + PDI + FSI + RLO, "نص"),
    ("ب" + ZWJ + "ب" + ZWNJ, "بب"),
    # presentation forms and ligatures (NFKC), including one char -> several
    (ALEF_HAMZA_ISOLATED + "علن", "اعلن"),
    (BEH_INITIAL + BEH_FINAL, "بب"),
    (LIGATURE_ALLAH, "الله"),
    (LAM_ALEF_ISOLATED, "لا"),
    # Latin casefolded, fullwidth to ASCII
    ("BBC News", "bbc news"),
    ("Straße", "strasse"),
    ("ＢＢＣ", "bbc"),
    # untouched
    ("قال الوزير", "قال الوزير"),
    ("«نص» ، ؟", "«نص» ، ؟"),
    ("", ""),
]


@pytest.mark.parametrize(("original", "folded"), FOLD_RULES)
def test_fold_rule(original: str, folded: str) -> None:
    assert fold(original).text == folded
    assert fold_text(original) == folded


# (original, folded with diacritics=False: marks and tatweel kept)
KEEP_DIACRITICS = [
    ("مشيرا" + FATHATAN, "مشيرا" + FATHATAN),
    ("جميـ" + TATWEEL + "ل", "جميـ" + TATWEEL + "ل"),
    ("رحيم" + SMALL_HIGH_SEEN, "رحيم" + SMALL_HIGH_SEEN),
    # hamza still folds, the other rules still apply
    ("أَعلن" .replace("َ", FATHA) + "ة", "ا" + FATHA + "علنه"),
    (RLM + "٣", "3"),
    # NFKC reorders marks: shadda then fatha and fatha then shadda fold alike
    ("م" + SHADDA + FATHA, "م" + FATHA + SHADDA),
    ("م" + FATHA + SHADDA, "م" + FATHA + SHADDA),
]


@pytest.mark.parametrize(("original", "folded"), KEEP_DIACRITICS)
def test_fold_keeps_diacritics_on_request(original: str, folded: str) -> None:
    assert fold(original, diacritics=False).text == folded


# (original, folded with hamza=False: hamza forms kept)
KEEP_HAMZA = [
    ("أعلنت", "أعلنت"),
    ("إعلان", "إعلان"),
    ("آخر", "آخر"),
    ("مسؤول", "مسؤول"),
    ("رئيس", "رئيس"),
    # a hamza mark after its letter composes, and the composed form is kept
    ("ا" + HAMZA_ABOVE + "علنت", "أعلنت"),
    ("ي" + HAMZA_ABOVE, "ئ"),
    ("ر" + HAMZA_ABOVE, "ر" + HAMZA_ABOVE),
    # diacritics still fold, as do the always-rules
    ("أَ".replace("َ", FATHA) + "ى", "أي"),
]


@pytest.mark.parametrize(("original", "folded"), KEEP_HAMZA)
def test_fold_keeps_hamza_on_request(original: str, folded: str) -> None:
    assert fold(original, hamza=False).text == folded


def test_both_switches_off_still_apply_the_always_rules() -> None:
    text = RLM + "أَ".replace("َ", FATHA) + "ة" + "٥" + "X"
    assert fold(text, diacritics=False, hamza=False).text == "أ" + FATHA + "ه" + "5" + "x"


# --- the offset map ---------------------------------------------------------------


def test_span_of_a_word_after_marks_and_emoji_counts_code_points() -> None:
    text = EMOJI + " مشيرا" + FATHATAN + " إلى"
    f = fold(text)
    assert f.text == EMOJI + " مشيرا الي"
    start = f.text.index("الي")
    s, e = f.span(start, start + 3)
    assert text[s:e] == "إلى"
    s, e = f.span(2, 7)
    assert text[s:e] == "مشيرا"  # the dropped tanween is not produced by any letter


def test_span_inside_a_ligature_is_the_whole_ligature() -> None:
    text = "بسم " + LIGATURE_ALLAH + " و" + LAM_ALEF_ISOLATED
    f = fold(text)
    assert f.text == "بسم الله ولا"
    assert f.span(5, 6) == (4, 5)  # one lam of four folded letters -> the ligature
    assert f.span(4, 8) == (4, 5)
    assert f.span(11, 12) == (7, 8)  # the alef of lam-alef


def test_span_of_expanded_casefold() -> None:
    text = "Straße ok"
    f = fold(text)
    i = f.text.index("ss")
    assert f.span(i, i + 1) == (4, 5)
    assert f.span(i + 1, i + 2) == (4, 5)
    assert f.span(i + 2, i + 3) == (5, 6)


def test_composed_hamza_maps_to_letter_and_mark() -> None:
    text = "ا" + HAMZA_ABOVE + "ب"
    assert fold(text, hamza=False).text == "أب"
    assert fold(text, hamza=False).span(0, 1) == (0, 2)


def test_empty_span_and_bounds() -> None:
    text = RLM + "قال" + RLM
    f = fold(text)
    assert f.span(0, 0) == (1, 1)
    assert f.span(3, 3) == (len(text), len(text))
    for bad in ((-1, 1), (2, 1), (0, 4)):
        with pytest.raises(ValueError):
            f.span(*bad)


def test_fold_is_cached_per_text_and_options() -> None:
    text = "نص " * 50
    assert fold(text) is fold(text)
    assert fold(text, diacritics=False) is not fold(text)
    assert fold(text, diacritics=False).text == fold(text).text


# --- anything goes in --------------------------------------------------------------

HOSTILE = [
    SHADDA + FATHA + KASRA,  # marks with no letter
    "\u0301\u0301" + HAMZA_ABOVE,
    RLO + LRM + RLM + PDF + PDI,
    EMOJI * 3 + "\U0001f1f8\U0001f1e6",
    "\ud800x\udfff",  # lone surrogates
    "\ufeff" + "\u0000\r\n",
    "\uff9e" + "\uff76\uff9e",  # halfwidth voiced mark alone and after kana
    "\u1100\u1161\u11a8",  # Hangul jamo that NFKC composes
    "e\u0301\u0327" + "\u0f73",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_folds_and_maps(text: str) -> None:
    f = fold(text)
    assert f.text == fold_text(text)
    _check_map(text, f)


def test_a_megabyte_of_guillemets() -> None:
    text = "«" * 500_000
    f = fold(text)
    assert f.text == text
    assert f.span(10, 20) == (10, 20)


# --- properties ----------------------------------------------------------------------

ALPHABET = [
    *"ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآٱؤئىة",
    *(FATHA, DAMMA, KASRA, SHADDA, SUKUN, FATHATAN, MADDA, HAMZA_ABOVE, HAMZA_BELOW),
    *(SUPERSCRIPT_ALEF, TATWEEL, SMALL_HIGH_SEEN),
    *(LIGATURE_ALLAH, LAM_ALEF_ISOLATED, ALEF_HAMZA_ISOLATED, BEH_INITIAL),
    *"٠١٩۰۹09",
    *"aZßİ",
    *(EMOJI, "\u0301"),
    *(LRM, RLM, ALM, RLE, PDF, RLI, PDI, ZWJ, ZWNJ),
    *" \n.«»،",
]
arabic_mix = st.text(alphabet=ALPHABET, max_size=40)


def _check_map(text: str, f: Folded, *, diacritics: bool = True, hamza: bool = True) -> None:
    """Every folded character comes from a non-empty original span, the spans
    never go back, and every short folded substring is found in the fold of
    the original span it maps to."""
    prev = (0, 0)
    for i in range(len(f.text)):
        s, e = f.char_span(i)
        assert 0 <= s < e <= len(text)
        assert s >= prev[0] and e >= prev[1], "offsets must be monotonic"
        prev = (s, e)
    for i in range(len(f.text)):
        for j in range(i + 1, min(len(f.text), i + 6) + 1):
            s, e = f.span(i, j)
            assert f.text[i:j] in fold_text(text[s:e], diacritics=diacritics, hamza=hamza)


@settings(max_examples=300, deadline=None)
@given(arabic_mix, st.booleans(), st.booleans())
def test_map_takes_every_folded_piece_back_to_its_source(
    text: str, diacritics: bool, hamza: bool
) -> None:
    f = fold(text, diacritics=diacritics, hamza=hamza)
    assert f.text == fold_text(text, diacritics=diacritics, hamza=hamza)
    _check_map(text, f, diacritics=diacritics, hamza=hamza)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=[ch for ch in ALPHABET if ch not in "ßİ\u0301"], max_size=40))
def test_fold_is_idempotent_on_arabic_text(text: str) -> None:
    # (not for Latin: ß + U+0301 folds to ss + U+0301, which NFKC composes to sś)
    once = fold_text(text)
    assert fold_text(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_any_text_folds_and_maps(text: str) -> None:
    f = fold(text)
    assert f.text == fold_text(text)
    for i in range(len(f.text)):
        s, e = f.char_span(i)
        assert 0 <= s < e <= len(text)


def test_western_digits_reads_every_arabic_keyboards_number() -> None:
    assert western_digits("٢٣٪ و۱۲٫٥ و١٬٢٥٠ ريالاً") == "23% و12.5 و1,250 ريالاً"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=[*ALPHABET, *"٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٪٫٬0123456789"], max_size=40))
def test_western_digits_keeps_offsets_and_agrees_with_the_fold(text: str) -> None:
    # a spin box's cursor and a date's position stay valid, and the importers'
    # dates read a number as find and the highlights do
    western = western_digits(text)
    assert len(western) == len(text)
    assert fold_text(western) == fold_text(text)
    assert not any(ch in western for ch in "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٪٫٬")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=60).map("".join), st.integers(1, 5))
def test_folding_a_repeat_is_the_repeat_of_the_fold(text: str, times: int) -> None:
    # a text built from whole words separated by spaces folds word by word
    words = (text + " ") * times
    assert fold_text(words) == fold_text(text + " ") * times


def test_corpus_articles_fold_and_map(corpus_articles: list) -> None:
    for path in corpus_articles:
        text = path.read_text(encoding="utf-8")
        f = fold(text)
        assert f.text == fold_text(text)
        assert "\u064b" not in f.text and "أ" not in f.text and "ة" not in f.text
        step = max(1, len(f.text) // 300)
        for i in range(0, len(f.text) - 8, step):
            s, e = f.span(i, i + 8)
            assert f.text[i : i + 8] in fold_text(text[s:e])


# --- against the rule as written: NFKC of the whole text, casefold, then rules -------


def _reference(text: str, *, diacritics: bool = True, hamza: bool = True) -> str:
    """DESIGN decision 3 applied literally, character by character after NFKC."""
    nfkc = unicodedata.normalize("NFKC", text).casefold()
    out = []
    for ch in nfkc:
        if ch in ALWAYS_DROPPED:
            continue
        if diacritics and (ch in DIACRITIC_MARKS or ch == TATWEEL):
            continue
        if hamza and ch in (HAMZA_ABOVE, HAMZA_BELOW):
            continue
        if hamza:
            ch = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ي"}.get(ch, ch)
        ch = {"ى": "ي", "ة": "ه"}.get(ch, ch)
        if "\u0660" <= ch <= "\u0669" or "\u06f0" <= ch <= "\u06f9":
            ch = str(unicodedata.digit(ch))
        # The Arabic percent sign and separators go with the digits (FOLD_VERSION 3).
        ch = {"\u066a": "%", "\u066b": ".", "\u066c": ","}.get(ch, ch)
        out.append(ch)
    return "".join(out)


ALWAYS_DROPPED = {LRM, RLM, ALM, "\u202a", RLE, PDF, "\u202d", RLO, "\u2066", RLI, FSI, PDI,
                  ZWJ, ZWNJ,
                  "\u200b", "\ufeff"}  # zero-width space, BOM: invisible too (bidi.INVISIBLE)
DIACRITIC_MARKS = {
    *map(chr, range(0x064B, 0x0654)), *map(chr, range(0x0656, 0x0660)),
    SUPERSCRIPT_ALEF, *map(chr, range(0x06D6, 0x06EE)),
}

# Characters where NFKC of the whole text differs from NFKC char by char:
# compositions (hamza, Latin accents, Hangul, Indic length marks), reordering
# of marks, compatibility characters that decompose into marks.
TRICKY = [
    *"اويهeaKkßİ",
    MADDA, HAMZA_ABOVE, HAMZA_BELOW, FATHA, SHADDA, KASRA, TATWEEL, ZWJ,
    "\u0301", "\u0327", "\u0308", "\u0344", "\u0345", "\u03b9", "\u1fbe", "\u0390",
    "\u1100", "\u1161", "\u11a8", "\uac00", "\u3131", "\u314f",
    "\uff76", "\uff9e", "\u3099",
    "\u0b47", "\u0b3e", "\u0c46", "\u0c56", "\u0f71", "\u0f72", "\u0f73",
    "\u05bc", "\u05c1", "\u05e9", "\ufb2c",
    LIGATURE_ALLAH, LAM_ALEF_ISOLATED, ALEF_HAMZA_ISOLATED, "\u0622", "\u0671", "\u06c1",
    "\u1e9e", "\u2126", "\u212b", "\ud800", "\U0001d15e", "\U0001d165",
]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=TRICKY, max_size=12), st.booleans(), st.booleans())
def test_fold_equals_the_rule_as_written(text: str, diacritics: bool, hamza: bool) -> None:
    expected = _reference(text, diacritics=diacritics, hamza=hamza)
    assert fold_text(text, diacritics=diacritics, hamza=hamza) == expected
    f = fold(text, diacritics=diacritics, hamza=hamza)
    assert f.text == expected
    _check_map(text, f, diacritics=diacritics, hamza=hamza)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=25))
@example("٢٣٪ و٨٠٫٢ و١٬٥٠٠")
def test_any_text_folds_by_the_rule_as_written(text: str) -> None:
    assert fold_text(text) == _reference(text)


def test_marks_reordered_without_a_base_map_as_one_cluster() -> None:
    # iota, U+0344 (two marks in one) and a dagesh: NFKC reorders the marks, so
    # the marks cannot keep one span each when they are kept
    text = "\u03b9\u0344\u05bc"
    f = fold(text, diacritics=False)
    _check_map(text, f, diacritics=False)


@pytest.mark.timeout(30)  # about 1 s here; the quadratic sort took minutes
def test_long_mark_runs_fold_in_linear_time_regression_quadratic_nfkc() -> None:
    # NFKC sorts marks with an insertion sort; one letter carrying 500,000
    # alternating shadda/fatha took minutes before runs were chunked.
    text = "ب" + (SHADDA + FATHA) * 250_000 + " قال"
    assert fold(text).text == "ب قال"
    kept = fold(text, diacritics=False)
    assert kept.text.count(SHADDA) == kept.text.count(FATHA) == 250_000
    assert kept.text.startswith("ب" + FATHA) and kept.text.endswith(" قال")
    assert kept.span(len(kept.text) - 3, len(kept.text)) == (len(text) - 3, len(text))


@pytest.mark.parametrize(
    "text",
    [
        # the same base and first marks, then a longer run: each cluster whole
        "ب" + SHADDA + FATHA + " ب" + SHADDA + FATHA + SUKUN + " ب" + SHADDA + FATHA,
        SHADDA + FATHA + "ب" + SHADDA + FATHA,  # marks with no base at the start
        ("م" + SHADDA + DAMMA + "ح" + FATHA + "م" + SHADDA + FATHA + "د ") * 50,
        "ا" + HAMZA_ABOVE + FATHA + " و" + HAMZA_ABOVE + " ي" + HAMZA_ABOVE + KASRA,
        "e\u0301\u0323 a\u0323\u0301 " + "ب" + SHADDA + FATHA,
    ],
)
@pytest.mark.parametrize(("diacritics", "hamza"), [(True, True), (False, True), (False, False)])
def test_mark_clusters_in_longer_text(text: str, diacritics: bool, hamza: bool) -> None:
    f = fold(text, diacritics=diacritics, hamza=hamza)
    assert f.text == _reference(text, diacritics=diacritics, hamza=hamza)
    _check_map(text, f, diacritics=diacritics, hamza=hamza)


_PLAIN = st.text(
    alphabet=st.sampled_from(
        [chr(c) for c in range(0x0621, 0x0660)] + ["\u0670", "\u0671"]
        + [chr(c) for c in range(0x0660, 0x066A)] + list("0123456789AZaz")),
    max_size=12)


@settings(max_examples=500, deadline=None)
@given(_PLAIN)
def test_fold_word_fast_path_is_the_full_fold(word: str) -> None:
    # fold_word folds plain Arabic words with one str.translate; it must give
    # what the whole fold gives (NFKC may compose a letter with a hamza or a
    # madda, and the default fold turns the composed letter back).
    fold_word.cache_clear()
    assert fold_word(word) == fold_text(word)
    assert fold_word(word, diacritics=False) == fold_text(word, diacritics=False)


_NAMES = ["مارس", "مايو", "ماي", "اب", "ابريل", "كانون الاول", "كانون الثاني", "ربيع",
          "ربيع الاول", "يونيو", "يونيه"]


@given(st.text(alphabet="مارسيوبلكنثاأإآةى \u064e\u0651\u0640\nxX.", max_size=30),
       st.sampled_from(["", "(?![^\\W\\d_])", "[ ]*/", "\\Z"]))
@settings(max_examples=2000)
def test_loose_alternation_matches_as_the_alternation_longest_first(text: str, after: str) -> None:
    # The trie finds, at every place, what an alternation of every name's
    # loose_pattern, longest first, finds (same span), whatever follows it.
    plain = "|".join(loose_pattern(n) for n in sorted(_NAMES, key=len, reverse=True))
    expected = re.compile(f"(?:{plain}){after}")
    trie = re.compile(f"(?:{loose_alternation(_NAMES)}){after}")
    for i in range(len(text) + 1):
        a, b = expected.match(text, i), trie.match(text, i)
        assert (a and a.span()) == (b and b.span())


SEATED = st.text(alphabet=[*"ءؤئويمسلا ", "\u064e", "\u064f", "\u0654", "\ufe8b"], max_size=24)


@settings(max_examples=300, deadline=None)
@given(SEATED, st.booleans())
def test_seat_spellings_vary_only_the_hamza_seats(text: str, diacritics: bool) -> None:
    spellings = seat_spellings(text, diacritics=diacritics)
    assert spellings[0] == fold_text(text, diacritics=diacritics)
    assert len(set(spellings)) == len(spellings) <= 3 ** MAX_VARIED_SEATS
    for other in spellings:
        assert len(other) == len(spellings[0])
        assert all(a == b or {a, b} <= set("ءوي") for a, b in zip(other, spellings[0], strict=True))


@pytest.mark.parametrize("words", [["مسئول", "مسؤول", "مسءول"], ["شئون", "شؤون"],
                                   ["رءوس", "رؤوس"], ["يقرءون", "يقرؤون"],
                                   ["مسئُولين", "مسؤولين"], ["مسو\u0654ول", "مسئول"]])
def test_every_spelling_of_a_hamza_before_waw_gives_the_same_spellings(words: list[str]) -> None:
    spellings = {tuple(sorted(seat_spellings(w))) for w in words}
    assert len(spellings) == 1
    assert all(fold_text(w) in next(iter(spellings)) for w in words)


@pytest.mark.parametrize("word", ["رئيس", "سئل", "مسوول", "وزير", "قراءة"])
def test_a_hamza_not_before_waw_has_one_spelling(word: str) -> None:
    assert seat_spellings(word) == [fold_text(word)]


# Words as news writes them: letters that fold to themselves or to another
# letter (hamza seats, ى, ة, ٱ), now and then a mark, tatweel, a Quranic
# mark, a Latin letter or a digit.
_WORD = st.lists(st.sampled_from(
    [*"قالتدعكرأإآٱؤئىةهيونمسفبحصشطظزذجخغضثء", FATHA, SHADDA, "\u0640", "\u06e5", "a", "3"]),
    max_size=7).map("".join)


@given(st.lists(_WORD, max_size=8))
def test_words_folded_together_are_each_folded_alone(words: list[str]) -> None:
    """``fold_words`` is ``fold_word`` a word at a time, for words of Arabic
    letters alone; any other word leaves the whole batch to ``fold_word``."""
    folded = fold_words(words)
    letters_only = bool(words) and all(
        "\u0621" <= ch <= "\u064a" or ch == "\u0671" for w in words for ch in w
    ) and not any(ch in w for w in words for ch in (FATHA, SHADDA, "\u0640"))
    if letters_only:
        assert folded == [fold_word(w) for w in words]
    else:
        assert folded is None
