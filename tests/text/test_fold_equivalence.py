"""One fold for every rule: a cue word spelled any way that find treats as
the same word gives the same classification.

The engine's rules (quotation or term, the speaker, the kind of a figure)
compare words through ``reader.text.fold.fold_word`` and look for them in
original text through ``loose_pattern``. So respelling a cue word with
another hamza form, final ى for ي, ة for ه, tashkeel or tatweel between its
letters must change nothing. Every sentence here is the project's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text import find_highlights
from reader.text.fold import VARIANTS, fold_text, fold_word
from reader.text.quotes import find_quotes

FATHA, DAMMA, KASRA, SHADDA, SUKUN, TANWEEN = (
    "\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b")
TATWEEL = "\u0640"
MARKS = [FATHA, DAMMA, KASRA, SHADDA, SUKUN, TANWEEN, TATWEEL]

# {…} marks a cue word. Quotation or term, and the speaker, hang on them.
QUOTE_SENTENCES = [
    "{وقال} الوزير {إن} «الحكومة ستعلن خطتها الجديدة للنقل خلال الأسبوع المقبل».",
    "وأطلق على المشروع ما {يسمى} «خطة الإنقاذ الوطنية لإعادة بناء المدن المدمرة».",
    "ونشرت {صحيفة} «الأيام» تقريرا مطولا عن الموسم.",
    "{ووصف} الوزير الاتفاق {بأنه} «مجحف».",
    "وعاد إلى عمله بعد ما {يمكن} {وصفه} {بأنه} «أقصر إجازة».",
    "{وأكدت} الوزارة {أن} مشاركة الجيش «واجب أخلاقي».",
    "وهو رقم «معتدل» {بحسب} المفوضية.",
    "«لن نتراجع عن القرار مهما كان الثمن»، {قال} رئيس البلدية.",
    "{وقالت} «الشركة»، {إن} الصفقة تمت.",
    "وقال قائد الشرطة {إن} عناصر «العصابة» فروا إلى الجبال.",
    "وسمع رجل {يصيح} {بقوله} «عودوا».",
    "«سنواصل العمل حتى نهاية العام المقبل»، {وفقا} {لما} {قاله} وزير النقل.",
    "وتبث قناة {اسمها} «نجوم» أفلاما قديمة.",
    "وأغلقت السلطات المعبر «لأسباب أمنية»، في وقت متأخر، {وفقا} لمصادر محلية.",
    "{ووصفته} المنظمة {بأنه} عمل «مؤسف».",
    "{وأشارت} الصحافة إلى «فوران» في الأسواق {و}«مضاربات» ضد العملة.",
    "{وقالت} «الشركة» في بيان {أن} الصفقة تمت.",
    "ونشر {كتابه} «مدن تحت الماء وأخرى فوق الغيم في زمن الحرب» العام الماضي.",
    "وأعلنت «{جبهة} الإنقاذ» مشاركتها.",
    "{وحذرت} الحكومة {من} أي «تصعيد جديد» على الحدود.",
    "{ودعا} الوزير الطرفين {إلى} «الحوار».",
    "{يذكر} {أن} «النسور» سيواجهون «الفهود» الأحد.",
    "وأكد المدير {أن} {تقرير} «آفاق الاقتصاد العالمي في ظل تباطؤ النمو وارتفاع الديون» سيصدر.",
    "{وقالت} المديرة {إن} {شركتها} «تطمح لأن تصل بمنتجاتها إلى ثلث الأسر في المنطقة».",
    "{وحذر} قائد الجيش {من} {وصفهم} {بـ}«الخونة» من العبث بأمن البلاد.",
    "{وتوعد} الرئيس المخالفين {بـ}«عقاب شديد».",
    "ورفضت الحكومة {ما} {أسمته} «افتراءات» المعارضة.",
    "وخرج الطلاب {مرددين} {شعار} «التعليم حق للجميع».",
    "{وكتبت} {الصحيفة} «هذه لحظة فارقة».",
    "وقالت الوزيرة إن بلادها لن تقدم {أي} «تنازلات».",
    "ونشر اللاعب صورته على «{تويتر}» أمس.",
]

# Figures: the kind of each hangs on the words around the digits.
FIGURE_SENTENCES = [
    "ارتفعت الأسعار بنسبة 5 {في} {المئة} خلال الشهر.",
    "ووصل {ثلاثة} {آلاف} لاجئ إلى الحدود.",
    "وبدأت الجولة {الأولى} {من} {مارس} 2018.",
    "وعقد الاجتماع في {الخامس} {من} {شهر} {أبريل}.",
    "وفاز الفريق المضيف 3-{صفر} على ملعبه.",
    "واستمرت الزيارة {يوما} {واحدا} فقط.",
    "وبلغت الصفقة 5 {ملايين} {دولار}.",
    "وتبث قناة {فرانس} 24 البرنامج.",
    "وانتهى الاجتماع عند الساعة 9 {مساء}.",
    "تراوحت أعمارهم بين 16 {و}18 {عاما}.",
    "وسجل {اثنان} من اللاعبين {خمسة} {وعشرين} هدفا.",
]

CUE = re.compile(r"\{([^}]+)\}")


@st.composite
def respelling(draw: st.DrawFn, word: str) -> str:
    """``word`` spelled another way that folds the same: each letter as any
    of its fold variants, marks or tatweel after any letter."""
    out = []
    for ch in word:
        if not ch.isalpha():
            out.append(ch)
            continue
        variants = VARIANTS.get(fold_word(ch), ch)
        if fold_word(ch) == "ا":
            # Whether an alef carries hamza stays as written: و + أحد is
            # another word than واحد, and only the fold may merge them.
            variants = "أإ" if ch in "أإ" else "اٱ"
        out.append(draw(st.sampled_from(sorted(set(variants) | {ch}))))
        out.append("".join(draw(st.lists(st.sampled_from(MARKS), max_size=2))))
    respelled = "".join(out)
    assert fold_text(respelled) == fold_text(word)
    return respelled


@st.composite
def respelled(draw: st.DrawFn, template: str) -> tuple[str, str]:
    """The template with its cue words as written, and respelled."""
    plain = CUE.sub(r"\1", template)
    words = CUE.findall(template)
    new = [draw(respelling(w)) for w in words]
    it = iter(new)
    return plain, CUE.sub(lambda _: next(it), template)


def _quote_reading(text: str) -> list[object]:
    return [(h.subtype, bool(h.speaker)) for h in find_quotes(text)]


def _figure_reading(text: str) -> list[object]:
    return [h.subtype for h in find_highlights(text) if h.kind == "figure"]


READINGS = [(t, _quote_reading) for t in QUOTE_SENTENCES] + [
    (t, _figure_reading) for t in FIGURE_SENTENCES]


@pytest.mark.parametrize(("template", "reading"), READINGS)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_readings_ignore_the_spelling_of_their_cue_words(
    template: str, reading: Callable[[str], list[object]], data: st.DataObject
) -> None:
    """Quotation or term and the speaker's presence (quotes), the kind of
    each figure (figures): the same whatever the spelling of the cue words."""
    plain, other = data.draw(respelled(template))
    assert reading(other) == reading(plain)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The example the issue was filed with: find folds these alike, and
        # so does the classifier.
        ("وأطلق على المشروع ما يسمى «خطة الإنقاذ الوطنية لإعادة بناء المدن المدمرة».",
         "وأطلق على المشروع ما يسمي «خطة الإنقاذ الوطنية لإعادة بناء المدن المدمرة»."),
        ("وقال الوزير إن «الحكومة ستعلن خطتها الجديدة للنقل خلال الأسبوع المقبل».",
         f"وقا{FATHA}ل الوزير إ{KASRA}ن{SHADDA} «الحكومة ستعلن خطتها الجديدة للنقل خلال الأسبوع"
         " المقبل»."),
    ],
)
def test_yusamma_with_alef_maqsura_or_ya_is_one_cue(a: str, b: str) -> None:
    assert _quote_reading(a) == _quote_reading(b)
    assert [h.subtype for h in find_quotes(a)] == ["term"] or "قال" in a


def test_the_reading_of_each_sentence() -> None:
    """What the sentences above read as, so that the properties compare real
    readings, not empty ones."""
    assert [r[0] for s in QUOTE_SENTENCES for r in _quote_reading(CUE.sub(r"\1", s))] == [
        "quotation", "term", "term", "quotation", "term", "quotation", "quotation",
        "quotation", "term", "term", "quotation", "quotation",
        "term", "quotation", "quotation", "quotation", "quotation", "term", "term", "term",
        "quotation", "quotation", "term", "term", "term", "quotation", "quotation",
        "quotation", "quotation", "quotation", "quotation", "quotation", "term",
    ]
    assert [_figure_reading(CUE.sub(r"\1", s)) for s in FIGURE_SENTENCES] == [
        ["percent"], ["words"], ["date"], ["date"], ["score"], ["words"], ["money"], [],
        ["time"], ["count", "count"], ["words", "words"],
    ]
