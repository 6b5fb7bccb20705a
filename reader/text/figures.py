"""Figure highlights (DESIGN decision 5): the numbers of a news text.

``find_figures(text) -> list[Highlight]``: kind ``figure``, sorted by start,
never overlapping; offsets are str indices into ``text``, end exclusive.

The span is the number as written: sign, separators (``, . ٫ ٬``, spaces
between thousands), ``%``/``٪`` or ``في المئة``/``بالمائة``, and a scale word
(``2.2 مليون``, ``٤٥ ألف``); a date's span runs from its day to its year
(``5 مارس 2018``, ``9 مايو/أيار 2021``, ``الثالث من يونيو``). The unit,
counted noun or currency is NOT in the span: it goes into ``value``. Clitics
glued before digits stay outside (``بـ2030`` gives ``2030``); on number words
they stay inside (``وثلاثة``).

Subtypes, first that applies wins (precedence):

``date``     a numeric date (``2018/3/5``, ``17/07/2018``, ``2018-03-05``),
             a day and/or year with a month name (``5 مارس 2018``,
             ``نوفمبر/ تشرين الثاني 2019``, ``الخامس من شباط``), a
             year after عام/سنة/منذ/في… or in parentheses, or any bare
             1900-2099 with no unit after it. Value ``{"date": "2018-03-05"}``
             when complete, else the parts: ``{"year": 2014}``,
             ``{"month": 4, "day": 27}``; ``"calendar": "hijri"`` after هـ.
``time``     ``16:20`` (h ≤ 24, two-digit minutes), or a whole hour after
             الساعة: ``{"time": "16:20"}`` (مساءً adds 12 hours).
``score``    a match score, one figure: ``3-2``, ``2-صفر``, ``صفر-1`` (glued
             to the next word too: ``2-صفرعلى``): ``{"score": [3, 2]}``. صفر
             makes it a score; two numbers need a score word before them
             (فاز، خسر، تعادل، بنتيجة …) or a score right before.
``range``    each side of ``A-B`` / ``A – B`` / ``2014/2015`` (``1914-2015``
             is TWO figures):
             ``{"amount": 1914, "range": [1914, 2015]}`` plus the unit,
             currency or percent that follows B.
``percent``  ``%``, ``٪``, ``في المئة``, ``بالمائة``: ``{"percent": 90}``.
``money``    a currency word or sign (``47 مليار دولار``, ``$5``):
             ``{"amount": 47000000000, "currency": "USD"}``, ISO 4217 where
             the currency is known, else the word as written (``دينار``).
``count``    digits and a counted noun or unit (``24 ساعة``, ``3000 مقاتل``,
             ``5 كم``): ``{"amount": 3000, "unit": "مقاتل"}``; unit as written
             without its marks.
``digits``   any other number in digits: value int or float.
``words``    number words (``ثلاث نساء``, ``خمسة وعشرين``, ``نصف``); value
             the number, or a dict with ``amount`` and ``unit``/``currency``,
             or ``percent``, when a noun, currency or ``في المئة`` follows.
             See ``reader.text.numbers`` for what is not a number word.

``A و B``, ``A إلى B`` and ``A حتى B`` where B is a count, percent, money or a
day of a month give A the same reading (``بين 35 و38 بالمائة``, ``3 و4 و5
جانفي``), and so does ``A × B بكسل``.

Separators: ``,`` ``٬`` and thin or plain spaces group thousands (``1,250``,
``3 500``); ``.`` and ``٫`` are decimal, and so is ``,`` before one or two
digits (Maghrebi ``1,5``); several ``.`` groups of three (``1.000.000``) and a
single ``.000`` (``10.000``) group thousands.

A bare number that ends a short quoted name (``موقع "مدينة 24"``, ``«نوفا
810»``) belongs to the name, and so does the same name mentioned again in the
text without the marks: no figure.

A bare number after a name word belongs to the name: TV channels (``فرانس
24``, ``France 2``: any Latin word), products (``آيفون 10``), stock indexes
(``ستوكس 600``), and ``القرن 21`` (an ordinal use). Digits glued after a
word that lost its space (``إلى11,7``, ``في1988``) are still a figure.

Not figures: digits inside a hashtag, mention, URL, e-mail or a code glued
to letters or a hyphen (``#سوريا2018``, ``COVID-19``, ``كوفيد-19``,
``F-16``, ``XR3``, ``5G``, ``لقناة24``), version and address numbers
(``1.2.3``, ``192.168.1.1``), phone numbers (``+966 ...``, ``0021…``, three
or more hyphenated groups); ordinals and vague plurals in words.
"""

from __future__ import annotations

import bisect
import re
from operator import attrgetter
from typing import Any

from reader.text.clitics import is_prefix
from reader.text.fold import MARKS_CLASS, fold_word, loose_pattern
from reader.text.numbers import NumberWords, find_number_words, parse_digits, word_before
from reader.text.spans import Highlight

_M = f"[{MARKS_CLASS}]*"
_SP = r"[^\S\n]"
"""White space within a paragraph: a figure never runs over a line break."""
_NUM = (
    r"(?:\d{1,3}(?:\.\d{3}(?!\d)){2,}"  # 1.000.000
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3}(?![\d.,٫]))+"  # 3 500
    r"|\d+(?:[,٬]\d{3}(?!\d))*(?:[.٫]\d+|,\d{1,2}(?!\d)|,\d{4,})?)"
)
_MASTER = re.compile(
    r"(?:"
    r"(?P<ymd>(?P<y1>\d{4})(?P<s1>[-/.])(?P<m1>\d{1,2})(?P=s1)(?P<d1>\d{1,2}))(?![\d])"
    r"|(?P<dmy>(?P<d2>\d{1,2})(?P<s2>[-/.])(?P<m2>\d{1,2})(?P=s2)(?P<y2>\d{4}))(?![\d])"
    r"|(?P<time>(?P<hh>\d{1,2})[:：](?P<mm>\d\d)(?::\d\d)?)(?![\d:])"
    r"|(?P<yrange>(?P<ya>\d{4})/(?P<yb>\d{4}))(?![\d]|[-/.]\d)"
    rf"|(?P<range>(?P<ra>{_NUM})[^\S\n]*[-–—][^\S\n]*(?P<rb>{_NUM}))(?![\d]|[-–—/.:,]\d)"
    rf"|(?P<num>{_NUM})"
    r")"
)
"""Anchored at the start of each run of digits (found by ``_DIGITS``): a
pattern led by a look-behind would be tried at every character."""
_NUMBER = re.compile(f"(?P<num>{_NUM})")
"""A number alone: tried instead of ``_MASTER`` when nothing after the run
of digits could make a date, time or range."""
_SPECIAL_AFTER = frozenset("-/.:：–—")
_DASHES = frozenset("-–—")


def _digit_runs() -> re.Pattern[str]:
    """``\\d+`` that finds its runs three times faster.

    Looking for ``\\d`` the regex engine asks the Unicode database about
    every character of the text; a class of code points is a table lookup.
    The class holds every BMP character that this Python's ``\\d`` matches
    (read from ``\\d`` itself, so the two cannot disagree) and every
    character beyond the BMP; the look-behind then keeps only those beyond
    the BMP that ``\\d`` matches too. Same matches as ``\\d+``, same spans.
    """
    bmp = "".join(map(chr, range(0x10000)))
    ranges: list[list[int]] = []
    for ch in re.findall(r"\d", bmp):
        if ranges and ranges[-1][1] == ord(ch) - 1:
            ranges[-1][1] = ord(ch)
        else:
            ranges.append([ord(ch), ord(ch)])
    bmp_digits = "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in ranges)
    return re.compile(f"[{bmp_digits}\\U00010000-\\U0010ffff](?<=\\d)\\d*")


_DIGITS = _digit_runs()
_SIGNS = "-+−"


_OPENERS = "([{«\"'“‹‘"
_LATIN = re.compile(r"[A-Za-z]")
_GLUED_AFTER = re.compile(r"\S{0,40}")
"""What is glued after a number; bounded so that text with no white space
at all stays linear."""
_IN = loose_pattern("في")
_PERCENT = re.compile(
    rf"[ \u00a0]?[%٪]|{_SP}+(?:{_IN}{_SP}+{loose_pattern('ال')}|{loose_pattern('بال')}|{_IN}{_SP}+)"
    rf"(?:{loose_pattern('مايه')}|{loose_pattern('ميه')})(?![^\W\d_])"
)
"""``%``, ``٪``, في المئة, بالمائة, فى المئة … in any spelling."""
_PERCENT_BEFORE = re.compile(r"(?<!\S)[%٪]\Z")
_SCALE_VALUES = {"الف": 1000, "الفا": 1000, "الاف": 1000, "مليون": 10**6, "مليونا": 10**6,
                 "ملايين": 10**6, "مليار": 10**9, "مليارا": 10**9, "مليارات": 10**9,
                 "بليون": 10**9, "تريليون": 10**12, "ترليون": 10**12, "تريليونا": 10**12,
                 "تريليونات": 10**12}
_WORD = rf"((?:[^\W\d_]|[{MARKS_CLASS}])+)"
_NEXT_WORDS = re.compile(rf"[ \u00a0]*{_WORD}(?:{_SP}+{_WORD})?")
_CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}

# Month names (folded) -> number: Egyptian/Gulf, Maghrebi (جانفي، أوت) and
# Moroccan (يوليوز، شتنبر) forms and the Levantine/Iraqi names (كانون الثاني).
_MONTHS: dict[str, int] = {}
for _n, _names in {
    1: "يناير جانفي كانون_الثاني", 2: "فبراير فيفري شباط", 3: "مارس اذار",
    4: "ابريل افريل نيسان", 5: "مايو ماي ايار", 6: "يونيو يونيه جوان حزيران",
    7: "يوليو يوليه جويليه يوليوز تموز", 8: "اغسطس اوت غشت اب", 9: "سبتمبر شتنبر ايلول",
    10: "اكتوبر تشرين_الاول", 11: "نوفمبر نونبر تشرين_الثاني",
    12: "ديسمبر دجنبر كانون_الاول",
}.items():
    for _name in _names.split():
        _MONTHS[_name.replace("_", " ")] = _n
_HIJRI_MONTHS = {"محرم": 1, "صفر": 2, "ربيع الاول": 3, "ربيع الثاني": 4, "ربيع الاخر": 4,
                 "جمادي الاولي": 5, "جمادي الاخره": 6, "جمادي الثانيه": 6, "رجب": 7,
                 "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعده": 11, "ذي القعده": 11,
                 "ذو الحجه": 12, "ذي الحجه": 12}

def _alternation(names: list[str]) -> str:
    return "|".join(loose_pattern(n) for n in sorted(names, key=len, reverse=True))


_SCALE = re.compile(
    rf"[ \u00a0]?(?P<w>{_alternation(list(_SCALE_VALUES))})(?![^\W\d_]|[{MARKS_CLASS}])"
)
_MONTH_ALT = _alternation(list(_MONTHS) + list(_HIJRI_MONTHS))
_FROM, _MONTH_WORD, _YEAR_WORD = map(loose_pattern, ("من", "شهر", "عام"))
_MONTH_AFTER = re.compile(
    rf"[ \u00a0]*(?:{_FROM}[^\S\n]+)?(?:{_MONTH_WORD}[^\S\n]+)?(?P<m1>{_MONTH_ALT})(?![^\W\d_])"
    rf"(?:[^\S\n]*/[^\S\n]*(?P<m2>{_MONTH_ALT})(?![^\W\d_]))?"
    rf"(?P<yr>[ \u00a0]*[،,]?[ \u00a0]*(?:{_YEAR_WORD}[^\S\n]+)?(?<!\d)(?P<y>\d{{4}})(?!\d)"
    r"(?P<era>[^\S\n]?(?:م|هـ|ه)(?![^\W\d_]))?)?"
)
_MONTH_FIRST_WORDS = frozenset(n.split()[0] for n in list(_MONTHS) + list(_HIJRI_MONTHS))
_PERCENT_WORDS = frozenset({"في", "بالميه", "بالمايه"})
_MONTH_LAST_WORDS = frozenset(n.split()[-1] for n in list(_MONTHS) + list(_HIJRI_MONTHS))
_MONTH_BEFORE = re.compile(
    rf"(?<![^\W\d_])(?P<m1>{_MONTH_ALT})(?:{_SP}*/{_SP}*(?P<m2>{_MONTH_ALT}))?"
    r"[ \u00a0]*[،,]?[ \u00a0]*\Z"
)
_ORDINAL_DAYS = {
    "الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
    "السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10, "الحادي عشر": 11,
    "الثاني عشر": 12, "الثالث عشر": 13, "الرابع عشر": 14, "الخامس عشر": 15,
    "السادس عشر": 16, "السابع عشر": 17, "الثامن عشر": 18, "التاسع عشر": 19,
    "العشرين": 20, "الحادي والعشرين": 21, "الثاني والعشرين": 22, "الثالث والعشرين": 23,
    "الرابع والعشرين": 24, "الخامس والعشرين": 25, "السادس والعشرين": 26,
    "السابع والعشرين": 27, "الثامن والعشرين": 28, "التاسع والعشرين": 29,
    "الثلاثين": 30, "الحادي والثلاثين": 31,
}
_ORDINAL_MONTH = re.compile(
    rf"{_FROM}[^\S\n]+(?:{_MONTH_WORD}[^\S\n]+)?(?P<m1>{_alternation(list(_MONTHS))})(?![^\W\d_])"
    rf"(?:[^\S\n]*/[^\S\n]*(?P<m2>{_alternation(list(_MONTHS))})(?![^\W\d_]))?"
    rf"(?:[ \u00a0]*[،,]?[ \u00a0]*(?:{_YEAR_WORD}[^\S\n]+)?(?P<y>\d{{4}})(?!\d))?"
)
"""``من`` + month: found first (a literal start the regex engine scans for
fast); the ordinal day before it is checked with ``_ORDINAL_DAY``."""
_ORDINAL_DAY = re.compile(
    rf"(?<![^\W\d_])(?:[وفب]{_M})?(?P<day>{_alternation(list(_ORDINAL_DAYS))})[^\S\n]+\Z"
)


_YEAR_CUES = frozenset(
    "عام العام عامي سنه السنه سنتي منذ مطلع منتصف اواخر اوائل نهايه بدايه صيف ربيع خريف شتاء "
    "خلال حتي الي وفي في ومنذ بعام".split()
)
_TIME_CUES = frozenset("الساعه ساعه تمام".split())
_PM = frozenset("مساء مساءا ليلا عصرا ظهرا".split())

_CURRENCIES = {
    "دولار": "USD", "دولارا": "USD", "دولارات": "USD", "يورو": "EUR", "جنيه": "جنيه",
    "جنيها": "جنيه", "جنيهات": "جنيه", "درهم": "AED", "درهما": "AED", "دراهم": "AED",
    "ريال": "SAR", "ريالا": "SAR", "ريالات": "SAR", "دينار": "دينار", "دينارا": "دينار",
    "دنانير": "دينار", "ليره": "ليرة", "ليرات": "ليرة", "يوان": "CNY", "ين": "JPY",
    "روبل": "RUB", "روبيه": "INR", "شيكل": "ILS", "شيكلا": "ILS", "فرنك": "فرنك",
    "فرنكا": "فرنك", "اوقيه": "MRU", "مليم": "TND",
}
_CURRENCY_QUALIFIED = {
    ("جنيه", "استرليني"): "GBP", ("جنيه", "مصري"): "EGP", ("جنيه", "سوداني"): "SDG",
    ("دينار", "كويتي"): "KWD", ("دينار", "اردني"): "JOD", ("دينار", "تونسي"): "TND",
    ("دينار", "عراقي"): "IQD", ("دينار", "ليبي"): "LYD", ("دينار", "بحريني"): "BHD",
    ("دينار", "جزايري"): "DZD", ("AED", "مغربي"): "MAD", ("AED", "اماراتي"): "AED",
    ("SAR", "قطري"): "QAR", ("SAR", "عماني"): "OMR", ("SAR", "يمني"): "YER",
    ("SAR", "سعودي"): "SAR", ("ليرة", "لبنانيه"): "LBP", ("ليرة", "سوريه"): "SYP",
    ("ليرة", "تركيه"): "TRY", ("USD", "كندي"): "CAD", ("USD", "استرالي"): "AUD",
    ("USD", "امريكي"): "USD", ("USD", "اميركي"): "USD", ("فرنك", "سويسري"): "CHF",
}

_UNITS = frozenset(map(fold_word, """
    ساعه ساعات دقيقه دقايق ثانيه ثوان ثواني يوم يوما ايام اسبوع اسابيع شهر شهرا اشهر شهور سنه
    سنوات سنين عام اعوام عاما قرن قرون عقد عقود
    كم كلم كيلومتر كيلومترا كيلومترات متر مترا امتار سم سنتيمتر ملم مليمتر ميل اميال كغ كلغ كيلو
    كيلوغرام كيلوغراما كيلوجرام كيلوغرامات غرام جرام طن طنا اطنان لتر لترا لترات برميل برميلا
    براميل هكتار هكتارا دونم دونما فدان بوصه انش قدم درجه درجات واط كيلوواط ميغاواط ميغابيكسل
    ميجابيكسل بكسل بيكسل جيجابايت غيغابايت ميغابايت تيرابايت بايت نقطه نقاط مرات مره
    شخص شخصا اشخاص فرد افراد نسمه قتيل قتيلا قتلي جريح جريحا جرحي مصاب مصابا مصابين اصابه اصابات
    وفاه وفيات حاله حالات ضحيه ضحايا لاجي لاجيا لاجيين نازح نازحا نازحين مهاجر مهاجرا مهاجرين
    مقاتل مقاتلا مقاتلين متطرف متطرفا عنصر عنصرا عناصر جندي جنديا جنود مسلح مسلحا مسلحين
    مدني مدنيا مدنيين طفل طفلا اطفال امراه نساء سيده سيدات رجل رجلا رجال مواطن مواطنا مواطنين
    معتقل معتقلا معتقلين اسير اسيرا اسري سجين سجينا سجناء عامل عاملا عمال موظف موظفا موظفين
    طالب طالبا طلاب تلميذ تلميذا تلاميذ مريض مريضا مرضي صحفي صحفيا صحفيين ناشط ناشطا ناشطين
    زاير زايرا زوار سايح سايحا سياح حاج حاجا حجاج مشارك مشاركا مشاركين متظاهر متظاهرا متظاهرين
    عضو عضوا اعضاء نايب نايبا نواب مقعد مقعدا مقاعد صوت صوتا اصوات ناخب ناخبا ناخبين
    غاره غارات هجوم هجوما هجمات صاروخ صاروخا صواريخ قذيفه قذايف طايره طايرات دبابه دبابات
    سياره سيارات شاحنه شاحنات سفينه سفن قارب قوارب رحله رحلات مبني مباني منزل منزلا منازل
    بيت بيوت قريه قري مدينه مدن دوله دول بلد بلدان مدرسه مدارس مستشفي مستشفيات مسجد مساجد
    شركه شركات مشروع مشروعا مشاريع وظيفه وظايف فرصه فرص اغنيه اغان اغاني تغريده تغريدات كلمه
    كلمات صفحه صفحات كتاب كتب لوحه لوحات فيلم افلام حلقه حلقات مباراه مباريات هدف هدفا اهداف
    بند بنود ماده مواد سبب سببا اسباب موقع موقعا مواقع قناه قياس قياسا قضيه قضايا
    دعوي مليون الف رصاصه طلقه حزمه جلسه جلسات لجنه لجان منظمه منظمات مركز مراكز
    """.split()))
_STOPWORDS = frozenset(map(fold_word, """
    في من على الى عن مع ثم او و حتي منذ بين قبل بعد خلال نحو حوالي لا لم لن قد كل
    التي الذي الذين هو هي هم انه انها ان لكن بل اي ما ماذا هذا هذه ذلك تلك هناك هنا كما
    عند عندما اذا حين فقط ايضا وقد فقد كان كانت يكون تكون وفي ومن ام مقابل ضد دون عبر لدي
    اكثر اقل اخري اخر منها منه منهم فيها فيه عليها عليه اليوم امس غدا سنويا يوميا شهريا
    مساء صباحا مساءا ليلا فيما بينما بسبب وفق وفقا حسب بحسب لصالح اذ وهو وهي
    اخرون اخرين اخريات تقريبا
    """.split()))


def find_figures(text: str) -> list[Highlight]:
    """Every figure in ``text`` (kind ``figure``), sorted, none overlapping.

    Offsets are str indices into ``text``; see the module doc for spans,
    subtypes, values and what is left out. Never raises on any str.
    """
    found: list[Highlight] = []
    scores = _scores(text)
    score_ends = {h.start: h.end for h in scores}
    skip_until = -1
    for run in _DIGITS.finditer(text):
        pos = run.start()
        if pos < skip_until:
            continue
        if score_ends and (pos in score_ends or pos - 1 in score_ends):
            skip_until = score_ends.get(pos) or score_ends[pos - 1]
            continue
        after = run.end()
        special = after < len(text) and (text[after] in _SPECIAL_AFTER or (
            text[after] == " " and text[after + 1:after + 2] in _DASHES))
        m = (_MASTER if special else _NUMBER).match(text, pos)
        if m is None:  # pragma: no cover - every run of digits is a number
            continue
        skip_until = m.end()
        sign = _sign(text, pos)
        code_end = _code_end(text, m, sign)
        if code_end is not None:
            skip_until = max(skip_until, code_end)
            continue
        found.extend(_digit_figures(text, m, sign))
    if found:  # most paragraphs have no digits: nothing to tidy
        found = _without_names(text, _propagate(text, _non_overlapping(found)))
    if scores:
        found = sorted(found + scores, key=_START)
    taken = [(h.start, h.end) for h in found]
    extra = _ordinal_dates(text, taken)
    if extra:
        taken = sorted(taken + [(h.start, h.end) for h in extra])
    words = _word_figures(text, taken)
    return sorted(found + extra + words, key=_START)


_START = attrgetter("start")


# ------------------------------------------------------------ match scores

_ZERO = loose_pattern("صفر")
_SCORE = re.compile(
    rf"(?<![^\W_]|[.,/:٫٬\-–+])(?:[وبفل]ـ?)?(?P<a>\d{{1,2}}|{_ZERO})[^\S\n]*[-–][^\S\n]*"
    rf"(?P<b>\d{{1,2}}|{_ZERO})(?![\d/%٪:]|[.,٫٬\-–]\d)"
)
_SCORE_CUES = frozenset(map(fold_word, """
    فاز فازت يفوز فوز الفوز بفوز فوزه بفوزه خسر خسرت يخسر خساره الخساره خسارته تعادل تعادلت
    التعادل تغلب تغلبت هزم هزمت هزيمه الهزيمه بنتيجه نتيجه النتيجه المباراه مباراه اللقاء
    سحق اكتسح انتهت انتهي الشوط تقدم متقدما هدف بهدف اهداف المجموعه امام
    الدور النهائي نهائي الجوله البطوله المونديال الدوري الكاس لصالح
    """.split()))
"""Words that make ``A-B`` a match score when no صفر says so."""


def _scores(text: str) -> list[Highlight]:
    """Match scores (``3-2``, ``2-صفر``, ``صفر-1``): one figure each, value
    ``{"score": [a, b]}``. With صفر on a side it is always a score; two
    numbers of one or two digits are a score after a score word (فاز، خسر،
    تعادل، بنتيجة …) or right after another score (``6-1 و6-4``), never
    before a unit, currency or percent (``16-18 عاما`` is a range)."""
    out: list[Highlight] = []
    for m in _score_matches(text):
        a, b = m.group("a"), m.group("b")
        if a.isdecimal() and b.isdecimal():
            previous = out[-1].end if out else -99
            if not (m.start() - previous <= 6 or _score_context(text, m.start("a"))):
                continue
            nxt = _NEXT_WORDS.match(text, m.end())
            if nxt is not None and (_unit(fold_word(nxt.group(1)))
                                    or _currency(fold_word(nxt.group(1)), nxt)):
                continue
            if _PERCENT.match(text, m.end()):
                continue
        value = [0 if not x.isdecimal() else int(x) for x in (a, b)]
        out.append(_fig(text, m.start("a"), m.end(), "score", {"score": value}))
    return out


_DASH = re.compile("[-–]")


def _score_matches(text: str) -> list[re.Match[str]]:
    """``_SCORE`` matches, looked for only around each dash: a pattern led by
    a look-behind would be tried at every character of the text."""
    out: list[re.Match[str]] = []
    last_end = -1
    for dash in _DASH.finditer(text):
        i = dash.start()
        if i < last_end:
            continue
        # The look-behind sees before pos; endpos is far enough for any score.
        m = _SCORE.search(text, max(0, last_end, i - 8), i + 40)
        if m is not None and m.start() > last_end and m.end("a") <= i < m.start("b"):
            out.append(m)
            last_end = m.end()
    return out


def _score_context(text: str, start: int) -> bool:
    """A score word among the words of the paragraph just before ``start``."""
    lo = max(0, start - 80, text.rfind("\n", 0, start) + 1)
    for word in _LETTERS.findall(text, lo, start):
        folded = fold_word(word)
        if folded in _SCORE_CUES or (folded[:1] in "وفب" and folded[1:] in _SCORE_CUES):
            return True
    return False


_LETTERS = re.compile(r"[^\W\d_]+")


# ------------------------------------------------------------ digit figures


def _sign(text: str, pos: int) -> str:
    """The sign glued before the digits at ``pos``: only where the sign
    itself follows white space, an opening bracket or the text's start."""
    if pos and text[pos - 1] in _SIGNS and (pos == 1 or text[pos - 2].isspace()
                                             or text[pos - 2] in _OPENERS):
        return text[pos - 1]
    return ""


def _code_end(text: str, m: re.Match[str], sign: str) -> int | None:
    """Where the code, URL, hashtag or phone number around ``m`` ends, or
    None when ``m`` is a number a reader would call a figure."""
    start, end = m.start() - len(sign), m.end()
    if end - start > _LONGEST:
        return _glued_after(text, end).end()
    if ((not start or text[start - 1] in _SPACE_OR_OPENER)
            and (end == len(text) or text[end] in _PLAIN_AFTER) and not sign):
        digits = m.group()
        if len(digits) < 8 or not digits.isdecimal() or digits[0] not in "0٠۰":
            return None
    i, low = start, max(0, start - 40)
    while i > low and not text[i - 1].isspace():
        i -= 1
    before = text[i:start]
    after_m = _glued_after(text, end)
    after = after_m.group()
    token_end = after_m.end()
    if "#" in before or "@" in before or "://" in before or "www." in before.lower():
        return token_end
    core = before.lstrip(_OPENERS)
    if core:
        if _LATIN.search(core) or ("/" in core and any(c.isalpha() for c in core)):
            return token_end
        if any(c.isalpha() for c in core.replace("ـ", "")) and (
                core[-1] in "-_" or not _is_clitic(core)):
            return token_end
    if after and (_LATIN.match(after) or _GLUED_CODE.match(after)):
        return token_end
    digits = "".join(c for c in m.group() if c.isdecimal())
    lead = sign or text[max(0, start - 1):start]
    if m.lastgroup == "num" and len(digits) >= 8 and (lead == "+" or digits.startswith("0")):
        return max(token_end, _phone_end(text, end))
    if lead == "+" and _PHONE_GROUPS.match(text, end):
        return _phone_end(text, end)
    return None


_LONGEST = 40
"""A longer run of digits is a code or noise, not a figure (and int() refuses
strings of more than 4300 digits)."""
_SPACE_OR_OPENER = frozenset(" \t\n\r\u00a0" + _OPENERS)
_PLAIN_AFTER = frozenset(" \t\n\r\u00a0)]}»\"'”’،؛!؟?%٪")
_GLUED_CODE = re.compile(r"[.,٫٬:/\-_]\d|[-_][^\W\d_]")
_PHONE_GROUPS = re.compile(r"(?:[ \-]\d{1,4}){2,}")


def _glued_after(text: str, end: int) -> re.Match[str]:
    m = _GLUED_AFTER.match(text, end)
    assert m is not None  # \S{0,40} matches everywhere
    return m


_PHONE_TAIL = re.compile(r"(?:[ \-]?\d+)*")


def _phone_end(text: str, end: int) -> int:
    tail = _PHONE_TAIL.match(text[end:end + 40])
    return end + (tail.end() if tail else 0)


def _digit_figures(text: str, m: re.Match[str], sign: str) -> list[Highlight]:
    kind = m.lastgroup
    if kind == "ymd":
        return [_date(text, m.start(), m.end(), int(m.group("y1")), int(m.group("m1")),
                      int(m.group("d1")))]
    if kind == "dmy":
        return [_date(text, m.start(), m.end(), int(m.group("y2")), int(m.group("m2")),
                      int(m.group("d2")))]
    if kind == "time":
        hh, mm = int(m.group("hh")), int(m.group("mm"))
        if hh <= 24 and mm < 60:
            nxt = _NEXT_WORDS.match(text, m.end())
            if nxt is not None and fold_word(nxt.group(1)) in _PM and hh < 12:
                hh += 12
            return [_fig(text, m.start(), m.end(), "time", {"time": f"{hh:02d}:{mm:02d}"})]
        return []
    if kind == "yrange":
        a, b = int(m.group("ya")), int(m.group("yb"))
        value = {"range": [a, b]}
        return [_fig(text, m.start("ya"), m.end("ya"), "range", {"amount": a, **value}),
                _fig(text, m.start("yb"), m.end("yb"), "range", {"amount": b, **value})]
    if kind == "range":
        return _range(text, m)
    return [_single(text, m.start("num"), m.end("num"), sign)]


def _fig(text: str, start: int, end: int, subtype: str, value: Any) -> Highlight:
    return Highlight("figure", subtype, start, end, text[start:end], value)


def _date(text: str, start: int, end: int, year: int | None, month: int | None,
          day: int | None, *, hijri: bool = False) -> Highlight:
    if month is not None and not 1 <= month <= 12 and day is not None and 1 <= day <= 12:
        month, day = day, month  # 2018/31/1: month and day the other way round
    value: dict[str, Any]
    if year and month and day and not hijri:
        value = {"date": f"{year:04d}-{month:02d}-{day:02d}"}
    else:
        value = {k: v for k, v in (("year", year), ("month", month), ("day", day)) if v}
    if hijri:
        value["calendar"] = "hijri"
    return _fig(text, start, end, "date", value)


def _number_value(s: str, sign: str = "") -> int | float:
    value = parse_digits(s)
    return -value if sign in ("-", "−") else value


def _range(text: str, m: re.Match[str]) -> list[Highlight]:
    a_s, a_e, b_s, b_e = m.start("ra"), m.end("ra"), m.start("rb"), m.end("rb")
    a, b = parse_digits(m.group("ra")), parse_digits(m.group("rb"))
    tail = _single(text, b_s, b_e, "")
    extra: dict[str, Any] = {}
    if isinstance(tail.value, dict):
        extra = {k: v for k, v in tail.value.items() if k in ("unit", "currency")}
        if "percent" in tail.value:
            extra["percent"] = True
    b_end = tail.end if tail.subtype in ("percent", "money", "count") else b_e
    pair = [a, b if tail.subtype not in ("money", "count", "percent") else _amount(tail, b)]
    return [
        _fig(text, a_s, a_e, "range", {"amount": a, "range": pair, **extra}),
        _fig(text, b_s, b_end, "range", {"amount": pair[1], "range": pair, **extra}),
    ]


def _amount(h: Highlight, default: int | float) -> int | float:
    if isinstance(h.value, dict):
        for key in ("amount", "percent"):
            if key in h.value:
                return h.value[key]  # type: ignore[no-any-return]
    return default


def _single(text: str, start: int, end: int, sign: str) -> Highlight:
    """One number at ``text[start:end]`` (digits and separators), read with
    what follows it: percent, scale word, month, currency, unit."""
    raw = text[start:end]
    value = _number_value(raw, sign)
    if sign:
        start -= 1
    # A hyphen both sides is a label (المادة -١-), not a minus sign.
    if sign == "-" and text[end:end + 1] == "-":
        start += 1
        value = -value
        sign = ""
    is_int = isinstance(value, int) and not sign and raw.isdecimal()

    after = text[end:end + 4].lstrip(" \u00a0")[:1]
    if not after or not (after.isalpha() or after in "%٪" or after in _CURRENCY_SIGNS):
        return _plain(text, start, end, raw, value, is_int)
    if after in "%٪":
        pct = _PERCENT.match(text, end)
        if pct is not None:
            return _fig(text, start, pct.end(), "percent", {"percent": value})
    if after in _CURRENCY_SIGNS:
        return _fig(text, start, end, "money",
                    {"amount": value, "currency": _CURRENCY_SIGNS[after]})
    words = _NEXT_WORDS.match(text, end)
    if words is None:  # a letter glued after a mark, say
        return _plain(text, start, end, raw, value, is_int)
    w1 = fold_word(words.group(1))
    scaled = False
    if w1 in _SCALE_VALUES:
        scale = _SCALE.match(text, end)
        if scale is not None:
            value = _scaled(value, _SCALE_VALUES[fold_word(scale.group("w"))])
            end, is_int, scaled = scale.end(), False, True
            words = _NEXT_WORDS.match(text, end)
            w1 = fold_word(words.group(1)) if words else ""
    if w1 in _PERCENT_WORDS:
        pct = _PERCENT.match(text, end)
        if pct is not None:
            return _fig(text, start, pct.end(), "percent", {"percent": value})
    if words is None:
        return _plain(text, start, end, raw, value, False)
    if is_int and value <= 31 and (w1 in _MONTH_FIRST_WORDS or w1 in ("من", "شهر")):
        month = _MONTH_AFTER.match(text, end)
        if month is not None:
            return _month_date(text, start, month, int(value))
    currency = _currency(w1, words)
    if currency:
        return _fig(text, start, end, "money", {"amount": value, "currency": currency})
    if is_int and len(raw) == 4 and w1 in ("م", "ه") and 500 <= value <= 2100:
        return _fig(text, start, words.end(1), "date",
                    {"year": value, **({"calendar": "hijri"} if w1 != "م" else {})})
    if _unit(w1) and not (w1 in ("عام", "سنه") and _YEAR_NEXT.match(text, words.end(1))) and not (
            is_int and 1900 <= value <= 2100 and word_before(text, start) in _YEAR_CUES):
        return _fig(text, start, end, "count",
                    {"amount": value, "unit": _MARKS_OUT.sub("", words.group(1))})
    return _plain(text, start, end, raw, value, is_int and not scaled)


def _plain(text: str, start: int, end: int, raw: str, value: int | float,
           is_int: bool) -> Highlight:
    """A number with no unit, currency or percent after it: a time after
    الساعة, a year, or bare digits."""
    sign_before = text[max(0, start - 2):start].strip()[-1:]
    if sign_before in _CURRENCY_SIGNS:
        return _fig(text, start, end, "money",
                    {"amount": value, "currency": _CURRENCY_SIGNS[sign_before]})
    if sign_before in ("%", "٪") and _PERCENT_BEFORE.search(text, max(0, start - 2), start):
        return _fig(text, start - 1, end, "percent", {"percent": value})
    if is_int and len(raw) == 4:
        month = _month_before(text, start)
        if month is not None:
            return _date(text, month.start(), end, int(value), _month_number(month), None,
                         hijri=_is_hijri(month))
    if is_int:
        prev = word_before(text, start)
        if prev in _TIME_CUES and value <= 24:
            nxt = _NEXT_WORDS.match(text, end)
            pm = nxt is not None and fold_word(nxt.group(1)) in _PM and value < 12
            hour = value + 12 if pm else value
            return _fig(text, start, end, "time", {"time": f"{hour:02d}:00"})
        if len(raw) == 4 and (1900 <= value <= 2099 or (
                1000 <= value <= 2100 and (prev in _YEAR_CUES or _in_parens(text, start, end)))):
            glued = text[end:end + 2]
            if glued[:1] in ("م",) and not glued[1:2].isalpha():
                end += 1
            return _fig(text, start, end, "date", {"year": value})
    return _fig(text, start, end, "digits", value)


_MARKS_OUT = re.compile(f"[{MARKS_CLASS}]")


_GLUED_WORDS = frozenset(map(fold_word, """
    في من إلى على عن نحو حوالي بنحو قرابة عام منذ بين حتى بلغ بلغت
    """.split()))
"""Words that lose their space before a number in real press (``إلى11,7``,
``نحو95``, ``في1988``): the digits stay a figure."""


def _is_clitic(core: str) -> bool:
    """Whether letters glued before digits are a proclitic (``بـ2030``,
    ``ولـ5``) or a word that lost its space (``إلى11,7``): the digits are
    then a figure of their own."""
    folded = fold_word(core)
    return not folded or is_prefix(folded) or folded in _GLUED_WORDS
_YEAR_NEXT = re.compile(r"[^\S\n]*\d{4}(?!\d)")
_WORD_BREAKS = re.compile(r"[\s/،,]+")
_OPEN_PAREN = re.compile(r"\(\s*(?:[^\W\d_]+\s*[-–]\s*)?\Z")


def _month_before(text: str, start: int) -> re.Match[str] | None:
    """The month name (or two, ``مايو/أيار``) right before a year at ``start``."""
    words = _WORD_BREAKS.split(fold_word(text[max(0, start - 12):start]))
    if not _MONTH_LAST_WORDS.intersection(words):
        return None
    return _MONTH_BEFORE.search(text, max(0, start - 40), start)


def _in_parens(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 12):start]
    return bool(_OPEN_PAREN.search(before)) and text[end:end + 1] == ")"


def _scaled(value: int | float, scale: int) -> int | float:
    out = value * scale
    return round(out) if abs(out - round(out)) < 1e-6 else out


def _currency(w1: str, words: re.Match[str]) -> str | None:
    """The currency named by the folded word ``w1``, qualified by the next
    word of ``words`` (دينار تونسي -> TND), or None."""
    code = _CURRENCIES.get(w1)
    if code is None:
        return None
    w2 = fold_word(words.group(2) or "")
    return _CURRENCY_QUALIFIED.get((code, w2)) or _CURRENCY_QUALIFIED.get(
        (code, w2[:-1] if w2.endswith("ا") else w2), code)


def _unit(word: str) -> bool:
    return word in _UNITS or (word.endswith("ا") and word[:-1] in _UNITS)


def _month_number(m: re.Match[str]) -> int:
    name = " ".join(fold_word(m.group("m1")).split())
    return _MONTHS.get(name) or _HIJRI_MONTHS.get(name, 0)


def _is_hijri(m: re.Match[str]) -> bool:
    name = " ".join(fold_word(m.group("m1")).split())
    return name in _HIJRI_MONTHS and name not in _MONTHS


def _month_date(text: str, start: int, month: re.Match[str], day: int) -> Highlight:
    """A day (``start``) followed by the month (and year) that ``month`` matched."""
    hijri = _is_hijri(month)
    number = _month_number(month)
    year = int(month.group("y")) if month.group("y") else None
    end = month.end("y") if year else (month.end("m2") if month.group("m2") else month.end("m1"))
    if month.group("era"):
        end = month.end("era")
        hijri = hijri or fold_word(month.group("era").strip()) != "م"
    return _date(text, start, end, year, number, day or None, hijri=hijri)


def _non_overlapping(found: list[Highlight]) -> list[Highlight]:
    out: list[Highlight] = []
    for h in sorted(found, key=lambda h: (h.start, -h.end)):
        if out and h.start < out[-1].end:
            continue
        if h.end > h.start:
            out.append(h)
    return out


_TIMES = re.compile(r"[×xX*]")
_JOIN = re.compile(
    rf"[^\S\n]*(?:{loose_pattern('و')}|[×xX*]|{loose_pattern('الي')}|{loose_pattern('حتي')})"
    r"[^\S\n]*\Z")


def _propagate(text: str, found: list[Highlight]) -> list[Highlight]:
    """``A و B unit`` and ``A × B unit``: A takes B's reading."""
    for i in range(len(found) - 2, -1, -1):
        a, b = found[i], found[i + 1]
        if b.subtype not in ("count", "percent", "money", "date") or b.start - a.end > 6:
            continue
        join = _JOIN.match(text, a.end, b.start)
        if join is None:
            continue
        if a.subtype == "date" and set(a.value) == {"year"} and _TIMES.search(join.group()):
            # 1920 × 1080 بكسل: dimensions, not a year
            a = _fig(text, a.start, a.end, "digits", a.value["year"])
        if a.subtype != "digits":
            continue
        if not isinstance(b.value, dict) or not isinstance(a.value, int | float):
            continue
        if b.subtype == "date":
            if "day" not in b.value and "date" not in b.value:
                continue
            if not (isinstance(a.value, int) and 1 <= a.value <= 31):
                continue
            parts = _date_parts(b.value)
            value: dict[str, Any] = dict(parts, day=a.value)
            found[i] = _date(text, a.start, a.end, value.get("year"), value.get("month"),
                             a.value)
            continue
        key = "percent" if b.subtype == "percent" else "amount"
        value = dict(b.value)
        value[key] = a.value
        found[i] = _fig(text, a.start, a.end, b.subtype, value)
    return found


def _date_parts(value: dict[str, Any]) -> dict[str, int]:
    if "date" in value:
        y, mo, d = (int(p) for p in value["date"].split("-"))
        return {"year": y, "month": mo, "day": d}
    return {k: v for k, v in value.items() if k in ("year", "month", "day")}


_QUOTED_NAME = re.compile(r"[«“\"]([^«»“”\"\n]{1,40})\Z")
_CLOSES_NAME = re.compile(r"[،,.]?[»”\"]")


_NAMED_BEFORE = frozenset(map(fold_word, """
    فرانس ايفون آيفون ايباد آيباد جالاكسي غالاكسي نوت ستوكس كاك داكس نيكاي فوتسي
    ويندوز بلايستيشن اكس اس اي بلس ماكس برو لايت ام بي سي جي تي القرن
    """.split()))
"""Words after which a bare number belongs to a name: TV channels (فرانس 24),
products (آيفون 10، غالاكسي إس 9), stock indexes (ستوكس 600، كاك 40), and
القرن 21 (an ordinal use, like القرن التاسع عشر)."""
_LATIN_WORD = re.compile(r"[a-z]+")


def _after_name(text: str, h: Highlight) -> bool:
    """Whether the bare number ``h`` follows a name word or a Latin word
    (France 2, iPhone 8): it is part of that name."""
    before = word_before(text, h.start)
    if not before:
        return False
    if _LATIN_WORD.fullmatch(before):
        return True
    if before.startswith("لل"):
        before = "ال" + before[2:]  # للقرن = ل + القرن
    return before in _NAMED_BEFORE or (before[:1] in "وفبل" and before[1:] in _NAMED_BEFORE)


def _without_names(text: str, found: list[Highlight]) -> list[Highlight]:
    """Bare numbers that belong to a name: after a name word (``فرانس 24``,
    ``iPhone 8``, ``ستوكس 600``), or ending a short quoted name (``موقع
    "مدينة 24"``, ``«نوفا 810»``), and the same name mentioned again without
    the marks."""
    found = [h for h in found if h.subtype != "digits" or not _after_name(text, h)]
    names: set[str] = set()
    for h in found:
        if h.subtype != "digits" or not _CLOSES_NAME.match(text, h.end):
            continue
        opening = _QUOTED_NAME.search(text, max(0, h.start - 41), h.start)
        if opening is not None and 1 <= len(opening.group(1).split()) <= 3:
            names.add(_name_key(text, h))
    if not names:
        return found
    return [h for h in found if h.subtype != "digits" or not _is_name(_name_key(text, h), names)]


def _is_name(key: str, names: set[str]) -> bool:
    """``key`` or ``key`` without a clitic (ونوفا 810 after «نوفا 810»)."""
    return key in names or (key[:1] in "وفبل" and key[1:] in names)


def _name_key(text: str, h: Highlight) -> str:
    return f"{word_before(text, h.start)} {h.text}"


# ------------------------------------------------------------ word figures


def _ordinal_dates(text: str, taken: list[tuple[int, int]]) -> list[Highlight]:
    out = []
    for m in _ORDINAL_MONTH.finditer(text):
        d = _ORDINAL_DAY.search(text, max(0, m.start() - 30), m.start())
        if d is None or _overlaps(d.start("day"), m.end(), taken):
            continue
        day = _ORDINAL_DAYS.get(" ".join(fold_word(d.group("day")).split()), 0)
        month = _MONTHS.get(" ".join(fold_word(m.group("m1")).split()), 0)
        year = int(m.group("y")) if m.group("y") else None
        out.append(_date(text, d.start("day"), m.end(), year, month, day))
    return out


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps one of ``spans`` (sorted, disjoint)."""
    k = bisect.bisect_left(spans, (end, -1))
    return bool(k) and spans[k - 1][1] > start


def _word_figures(text: str, taken: list[tuple[int, int]]) -> list[Highlight]:
    out: list[Highlight] = []
    last_end = 0
    for w in find_number_words(text):
        if w.start < last_end or _overlaps(w.start, w.end, taken):
            continue
        h = _word_figure(text, w)
        if _overlaps(h.start, h.end, taken):
            h = _fig(text, w.start, w.end, "words", w.value)
        out.append(h)
        last_end = h.end
    return out


def _word_figure(text: str, w: NumberWords) -> Highlight:
    end = w.end
    pct = _PERCENT.match(text, end)
    if pct is not None:
        return _fig(text, w.start, pct.end(), "words", {"percent": w.value})
    words = _NEXT_WORDS.match(text, end)
    if words is not None and not _is_one(text[w.start:end]):
        w1 = fold_word(words.group(1))
        currency = _currency(w1, words)
        if currency:
            return _fig(text, w.start, end, "words", {"amount": w.value, "currency": currency})
        if (not w.article and _is_noun(w1)) or _unit(w1):
            return _fig(text, w.start, end, "words",
                        {"amount": w.value, "unit": _MARKS_OUT.sub("", words.group(1))})
    return _fig(text, w.start, end, "words", w.value)


def _is_one(phrase: str) -> bool:
    """واحد/واحدة alone: its counted noun stands before it (يوم واحد)."""
    return fold_word(phrase).removeprefix("ال").startswith("واحد")


def _is_noun(word: str) -> bool:
    return (len(word) >= 2 and word not in _STOPWORDS
            and not word.startswith(("ال", "و", "ف", "بال", "لل")))
