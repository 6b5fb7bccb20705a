"""Dates, times of day and match scores: the figures read as calendar, clock or result.

``reader.text.figures`` calls these readers on the digits it finds; the
month names, ordinal days and score words live here. Spans and values follow
``reader.text.figures`` (module doc): a date runs from its day to its year,
its value is ``{"date": "2018-03-05"}`` when complete, else the parts.
"""

from __future__ import annotations

import bisect
import calendar
import re
from typing import Any

from reader.text.fold import MARKS, MARKS_CLASS, fold_word, loose_alternation, loose_pattern
from reader.text.lazy_regex import LazyPattern
from reader.text.numbers import word_after, word_before
from reader.text.quantities import NEXT_WORDS, PERCENT, SP, currency, is_unit
from reader.text.spans import Highlight, figure, positions

_M = f"[{MARKS_CLASS}]*"

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


_RELATIVE_MONTHS = [f"الشهر {w}" for w in "الجاري الحالي المقبل القادم الماضي".split()]
"""A month named by its place (``من الشهر الجاري``): with a day before it
a date, its value the day alone."""
_NAMES_ALT = loose_alternation(list(_MONTHS) + list(_HIJRI_MONTHS))
_MONTH_ALT = loose_alternation(list(_MONTHS) + list(_HIJRI_MONTHS) + _RELATIVE_MONTHS)
_FROM, _MONTH_WORD, _YEAR_WORD = map(loose_pattern, ("من", "شهر", "عام"))
MONTH_AFTER = LazyPattern(
    rf"[ \u00a0]*(?:{_FROM}[^\S\n]+)?(?:{_MONTH_WORD}[^\S\n]+)?(?P<m1>{_MONTH_ALT})(?![^\W\d_])"
    rf"(?:[^\S\n]*/[^\S\n]*(?P<m2>{_MONTH_ALT})(?![^\W\d_]))?"
    rf"(?P<yr>[ \u00a0]*[،,]?[ \u00a0]*(?:{_YEAR_WORD}[^\S\n]+)?(?<!\d)(?P<y>\d{{4}})(?!\d)"
    r"(?P<era>[^\S\n]?(?:م|هـ|ه)(?![^\W\d_]))?)?"
)
MONTH_FIRST_WORDS = frozenset(n.split()[0] for n in list(_MONTHS) + list(_HIJRI_MONTHS))

_MONTH_LAST_WORDS = frozenset(n.split()[-1] for n in list(_MONTHS) + list(_HIJRI_MONTHS))
_MONTH_BEFORE = LazyPattern(
    rf"(?<![^\W\d_])(?P<m1>{_NAMES_ALT})(?:{SP}*/{SP}*(?P<m2>{_NAMES_ALT}))?"
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
_ORDINAL_MONTH = LazyPattern(
    rf"{_FROM}[^\S\n]+(?:{_MONTH_WORD}[^\S\n]+)?"
    rf"(?P<m1>{loose_alternation(list(_MONTHS) + _RELATIVE_MONTHS)})(?![^\W\d_])"
    rf"(?:[^\S\n]*/[^\S\n]*(?P<m2>{loose_alternation(list(_MONTHS))})(?![^\W\d_]))?"
    rf"(?:[ \u00a0]*[،,]?[ \u00a0]*(?:{_YEAR_WORD}[^\S\n]+)?(?P<y>\d{{4}})(?!\d))?"
)
"""``من`` + month: found first (a literal start the regex engine scans for
fast); the ordinal day before it is checked with ``_ORDINAL_DAY``."""
_ORDINAL_DAY = LazyPattern(
    rf"(?<![^\W\d_])(?:(?P<and>و{_M})|[فب]{_M})?(?P<day>{loose_alternation(list(_ORDINAL_DAYS))})"
    r"[^\S\n]+\Z"
)



# ------------------------------------------------------------ times of day

_GREENWICH = loose_alternation(["غرينتش", "غرينيتش", "جرينتش", "جرينيتش", "غرنتش"])
_ZONE = re.compile(
    rf"[ \u00a0]*(?:ت{_M}[ .]?غ{_M}\.?(?![^\W\d_])|(?:{loose_alternation(['بتوقيت', 'توقيت'])})"
    rf"[ \u00a0]+(?:{_GREENWICH})(?![^\W\d_])|(?:GMT|UTC)(?![A-Za-z]))"
)
"""ت غ، ت.غ، بتوقيت غرينتش، GMT: the time before is Greenwich time."""
ZONE_OPENERS = "تبGU"
"""The letters a zone opens with (after the spaces before it)."""
_ZONE_START = re.compile(rf"[ \u00a0]*[{ZONE_OPENERS}]")
"""What a zone starts with: checked before the whole of ``_ZONE``."""
_CLOCK = re.compile(r"(\d{1,2})[.,٫](\d\d)")
"""An hour and its minutes with a dot or comma (``22,00``, ``12.01``): a time
only where a time word or a time zone says so, else a decimal number."""


def time_figure(text: str, start: int, end: int, hour: int, minute: int) -> Highlight:
    """The time ``hour:minute`` written at ``text[start:end]``: مساءً after
    it adds 12 hours to a morning hour, a Greenwich zone after it goes into
    the value (``{"time": "22:00", "zone": "GMT"}``)."""
    nxt = NEXT_WORDS.match(text, end)
    if nxt is not None and fold_word(nxt.group(1)) in PM and hour < 12:
        hour += 12
    value: dict[str, str] = {"time": f"{hour:02d}:{minute:02d}"}
    if _ZONE.match(text, end):
        value["zone"] = "GMT"
    return figure(text, start, end, "time", value)


def clock_time(text: str, start: int, end: int) -> Highlight | None:
    """``22,00``, ``12.01`` or ``0900`` at ``text[start:end]`` read as a time
    of day, or None. Hour and minutes with a dot or comma are a time after a
    time word (``الساعة 10,00``) or before a time zone (``08,00 ت غ``); four
    digits after a time word (``الساعة 1430``, ``الساعة 1907 بتوقيت وسط
    أوروبا``: no year follows "the hour"), or before a zone and not after a
    year word (``0900 ت غ``)."""
    raw = text[start:end]
    m = _CLOCK.fullmatch(raw) if len(raw) != 4 or not raw.isdecimal() else None
    zone = _ZONE_START.match(text, end) is not None and _ZONE.match(text, end) is not None
    if m is not None:
        if not zone and word_before(text, start) not in TIME_CUES:
            return None
        hour, minute = int(m.group(1)), int(m.group(2))
    elif len(raw) == 4 and raw.isdecimal() and (
            word_before(text, start) in TIME_CUES
            or (zone and word_before(text, start) not in YEAR_CUES)):
        hour, minute = int(raw[:2]), int(raw[2:])
    else:
        return None  # a year or a plain number: the common case
    if hour > 24 or minute > 59:
        return None
    return time_figure(text, start, end, hour, minute)


# ------------------------------------------------------------ years

YEAR_CUES = frozenset(
    "عام العام عامي سنه السنه سنتي منذ مطلع منتصف اواخر اوائل نهايه بدايه صيف ربيع خريف شتاء "
    "خلال حتي الي وفي في ومنذ بعام".split()
)
TIME_CUES = frozenset("الساعه ساعه تمام".split())
TIME_CUE_ENDS = "ةهم"
"""The last letters of the time cues (before any fold), for a cheap first look."""
PM = frozenset("مساء مساءا ليلا عصرا ظهرا".split())

# ------------------------------------------------------------ match scores

_ZERO = loose_pattern("صفر")
_SCORE = re.compile(
    rf"(?<![\d.,/:٫٬\-–+])(?:[وبفل]ـ?)?(?P<a>\d{{1,2}}|{_ZERO})[^\S\n]*[-–][^\S\n]*"
    rf"(?P<b>\d{{1,2}}|{_ZERO})(?![\d/%٪:]|[.,٫٬\-–]\d)"
)
_SCORE_CUES = frozenset(map(fold_word, """
    فاز فازت يفوز فوز الفوز بفوز فوزه بفوزه خسر خسرت يخسر خساره الخساره خسارته تعادل تعادلت
    التعادل تغلب تغلبت هزم هزمت هزيمه الهزيمه بنتيجه نتيجه النتيجه المباراه مباراه اللقاء
    سحق اكتسح انتهت انتهي الشوط تقدم متقدما هدف بهدف اهداف المجموعه امام
    الدور النهائي نهائي الجوله البطوله المونديال الدوري الكاس لصالح
    انتصار الانتصار انتصارا انتصاره بانتصار فوزا
    """.split()))
"""Words that make ``A-B`` a match score when no صفر says so."""


def scores(text: str) -> list[Highlight]:
    """Match scores (``3-2``, ``2-صفر``, ``صفر-1``): one figure each, value
    ``{"score": [a, b]}``. With صفر on a side it is always a score; two
    numbers of one or two digits are a score after a score word (فاز، خسر،
    تعادل، بنتيجة …) or right after another score (``6-1 و6-4``), never
    before a unit, currency or percent (``16-18 عاما`` is a range)."""
    out: list[Highlight] = []
    for m in _score_matches(text):
        glued = _glued_word(text, m.start("a"))
        if glued and not (_CLITIC.fullmatch(glued) or _is_score_cue(fold_word(glued))):
            continue  # a code or a name (XR3-2); a score word that lost its space reads on
        a, b = m.group("a"), m.group("b")
        if a.isdecimal() and b.isdecimal():
            previous = out[-1].end if out else -99
            if not (m.start() - previous <= 6 or _score_context(text, m.start("a"))):
                continue
            nxt = NEXT_WORDS.match(text, m.end())
            if nxt is not None and (is_unit(fold_word(nxt.group(1)))
                                    or currency(fold_word(nxt.group(1)), nxt)) and not (
                    _on_a_weekday(text, nxt)):
                continue
            if PERCENT.match(text, m.end()):
                continue
        value = [0 if not x.isdecimal() else int(x) for x in (a, b)]
        out.append(figure(text, m.start("a"), m.end(), "score", {"score": value}))
    if "/" in text:  # a slash is rare in news: most texts never look
        slashed = _slash_scores(text)
        if slashed:
            out = sorted(out + slashed, key=lambda h: h.start)
    return out


_SLASH_SCORE = re.compile(
    r"(?<![\d.,/:٫٬\-–+])(?P<a>\d{1,2})[^\S\n]*/[^\S\n]*(?P<b>\d{1,2})"
    r"(?![\d/%٪:]|[.,٫٬\-–/]\d)"
)
_RESULT_WORDS = frozenset(map(fold_word, "نتيجة بنتيجة النتيجة".split()))
_BEFORE_RESULT = re.compile(r"([^\W\d_]+)[ \u00a0]*[\"«“]?[ \u00a0]*\Z")


def _slash_scores(text: str) -> list[Highlight]:
    """``A/ B`` right after نتيجة (``بنتيجة "2/ 1"``): a score written with a
    slash. Only there: elsewhere a slash joins a day and a month, a fraction
    or the numbers of a decree."""
    out: list[Highlight] = []
    for i in sorted(positions(text, "/")):
        m = _SLASH_SCORE.search(text, max(0, i - 4), i + 6)
        if m is None or not m.end("a") <= i < m.start("b"):
            continue
        word = _BEFORE_RESULT.search(text, max(0, m.start() - 16), m.start())
        if word is not None and fold_word(word.group(1)) in _RESULT_WORDS:
            out.append(figure(text, m.start(), m.end(),
                              "score", {"score": [int(m.group("a")), int(m.group("b"))]}))
    return out


_WEEKDAYS = frozenset(map(fold_word, "السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة"
                                     .split()))
_DAY_WORDS = frozenset(map(fold_word, "يوم اليوم".split()))


def _on_a_weekday(text: str, nxt: re.Match[str]) -> bool:
    """Whether the unit word after a score is يوم before a weekday (``2 - 1
    يوم الثلاثاء``): when the match was played, not days it counts."""
    return fold_word(nxt.group(1)) in _DAY_WORDS and word_after(text, nxt.end(1)) in _WEEKDAYS


_DASHES = "-–"


def _dash_positions(text: str) -> list[int]:
    """The indices of the dashes a score is written with, in order: one
    ``str.find`` scan a dash (a regex class, tested character by character,
    was 6% of all the work of ``find_figures`` on pool text)."""
    return sorted(positions(text, _DASHES))


def _score_matches(text: str) -> list[re.Match[str]]:
    """``_SCORE`` matches, looked for only around each dash: a pattern led by
    a look-behind would be tried at every character of the text."""
    out: list[re.Match[str]] = []
    last_end = -1
    for i in _dash_positions(text):
        if i < last_end or not _between_sides(text, i):
            continue
        # The look-behind sees before pos; endpos is far enough for any score.
        m = _SCORE.search(text, max(0, last_end, i - 8), i + 40)
        if m is not None and m.start() > last_end and m.end("a") <= i < m.start("b"):
            out.append(m)
            last_end = m.end()
    return out


def _between_sides(text: str, i: int) -> bool:
    """Whether the dash at ``i`` may stand between the two sides of a score:
    past the white space around it (a line break aside), a digit or the end
    of صفر before it and a digit or the start of صفر after it. A cheap test
    that spares most dashes of a text (hyphens between words, dashes
    between clauses) the search of ``_SCORE``, which it never matches."""
    j = i - 1
    while j >= 0 and text[j] != "\n" and text[j].isspace():
        j -= 1
    k, n = i + 1, len(text)
    while k < n and text[k] != "\n" and text[k].isspace():
        k += 1
    return (j >= 0 and (text[j].isdecimal() or text[j] == "ر" or text[j] in MARKS)
            and k < n and (text[k].isdecimal() or text[k] == "ص"))


_CLITIC = re.compile("[وبفل]ـ?")


def _glued_word(text: str, pos: int) -> str:
    """The letters glued right before ``pos`` (``التعادل`` of
    ``التعادل1-1``), "" when a space or nothing stands there."""
    i = pos
    while i > max(0, pos - 20) and (text[i - 1].isalpha() or text[i - 1] == "ـ"):
        i -= 1
    return text[i:pos]


def _score_context(text: str, start: int) -> bool:
    """A score word among the words of the paragraph just before ``start``."""
    lo = max(0, start - 80, text.rfind("\n", 0, start) + 1)
    return any(_is_score_cue(fold_word(word)) for word in _LETTERS.findall(text, lo, start))


def _is_score_cue(folded: str) -> bool:
    """A folded word of ``_SCORE_CUES``, و ف or ب glued before it or not."""
    return folded in _SCORE_CUES or (folded[:1] in "وفب" and folded[1:] in _SCORE_CUES)


_LETTERS = re.compile(r"[^\W\d_]+")


def is_numeric_date(year: int, month: int, day: int) -> bool:
    """Whether three numbers written as a date (``31/12/2020``, ``2018/31/1``
    with month and day the other way round, as ``date_figure`` reads them)
    name a day of the Gregorian calendar; a month or day of 0 and the year
    0 stand for a part not given (``00/00/2020``). 31/02/2020, 13/31/2020
    and 2020/13/45 name none: no date, as 25:61 is no time."""
    month, day = _month_and_day(month, day)
    if not month or not day:
        return month <= 12 and day <= 31
    # Without a year, a leap one: 29/02 may be a day.
    return month <= 12 and day <= calendar.monthrange(year or 2000, month)[1]


def _month_and_day(month: int, day: int) -> tuple[int, int]:
    if not 1 <= month <= 12 and 1 <= day <= 12:
        return day, month  # 2018/31/1: month and day the other way round
    return month, day


def date_figure(text: str, start: int, end: int, year: int | None, month: int | None,
          day: int | None, *, hijri: bool = False) -> Highlight:
    if month is not None and day is not None:
        month, day = _month_and_day(month, day)
    value: dict[str, Any]
    if year and month and day and not hijri:
        value = {"date": f"{year:04d}-{month:02d}-{day:02d}"}
    else:
        value = {k: v for k, v in (("year", year), ("month", month), ("day", day)) if v}
    if hijri:
        value["calendar"] = "hijri"
    return figure(text, start, end, "date", value)


YEAR_NEXT = re.compile(r"[^\S\n]*\d{4}(?!\d)")
_WORD_BREAKS = re.compile(r"[\s/،,]+")
_OPEN_PAREN = re.compile(r"\(\s*(?:[^\W\d_]+\s*[-–]\s*)?\Z")


def month_before(text: str, start: int) -> re.Match[str] | None:
    """The month name (or two, ``مايو/أيار``) right before a year at ``start``."""
    words = _WORD_BREAKS.split(fold_word(text[max(0, start - 12):start]))
    if not _MONTH_LAST_WORDS.intersection(words):
        return None
    return _MONTH_BEFORE.search(text, max(0, start - 40), start)


def in_parens(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 12):start]
    return bool(_OPEN_PAREN.search(before)) and text[end:end + 1] == ")"


def month_number(m: re.Match[str]) -> int:
    name = " ".join(fold_word(m.group("m1")).split())
    return _MONTHS.get(name) or _HIJRI_MONTHS.get(name, 0)


def is_hijri(m: re.Match[str]) -> bool:
    name = " ".join(fold_word(m.group("m1")).split())
    return name in _HIJRI_MONTHS and name not in _MONTHS


def month_has_day(month: re.Match[str], day: int) -> bool:
    """Whether the month ``month`` matched (with its year, when it has one)
    has a day ``day``: ``31 فبراير 2020`` names no day, and is no date, as
    31/02/2020 is none (``is_numeric_date``). A Hijri month has at most 30
    days; a month told by its place (الشهر الجاري) up to 31."""
    number = month_number(month)
    if _hijri_date(month):
        return day <= 30
    if not number:
        return day <= 31
    # Without a year, a leap one: 29 فبراير may be a day.
    year = int(month.group("y")) if month.group("y") else 0
    return day <= calendar.monthrange(year or 2000, number)[1]


def _hijri_date(month: re.Match[str]) -> bool:
    """Whether the month ``month`` matched is read in the Hijri calendar: a
    Hijri month's name, or an era after its year other than م (هـ)."""
    era = month.group("era")
    return is_hijri(month) or bool(era and fold_word(era.strip()) != "م")


def month_date(text: str, start: int, month: re.Match[str], day: int) -> Highlight:
    """A day (``start``) followed by the month (and year) that ``month`` matched."""
    number = month_number(month) or None  # None: الشهر الجاري, a month told by its place
    year = int(month.group("y")) if month.group("y") else None
    end = month.end("y") if year else (month.end("m2") if month.group("m2") else month.end("m1"))
    if month.group("era"):
        end = month.end("era")
    return date_figure(text, start, end, year, number, day or None, hijri=_hijri_date(month))


def date_parts(value: dict[str, Any]) -> dict[str, int]:
    if "date" in value:
        y, mo, d = (int(p) for p in value["date"].split("-"))
        return {"year": y, "month": mo, "day": d}
    return {k: v for k, v in value.items() if k in ("year", "month", "day")}


def ordinal_dates(text: str, found: list[Highlight]) -> list[Highlight]:
    """Days of a month written as ordinals: ``الخامس من يونيو``, ``الأول من
    شهر مارس 2018``, and each day of ``يومي السابع والثامن من يونيو``. Where
    ``found`` (the figures in digits, sorted) already reads the month and
    year as a date (``الخامس من حزيران/يونيو 2017``), the day joins it: the
    caller drops the figures that a returned one covers."""
    out: list[Highlight] = []
    taken: list[tuple[int, int]] = []
    dates_at: dict[int, Highlight] = {}
    for m in _ORDINAL_MONTH.finditer(text):
        if not taken and found:
            taken = [(h.start, h.end) for h in found]
            dates_at = {h.start: h for h in found if h.subtype == "date"}
        d = _ORDINAL_DAY.search(text, max(0, m.start() - 30), m.start())
        if d is None:
            continue
        start, end = d.start("day"), m.end()
        year = int(m.group("y")) if m.group("y") else None
        read = dates_at.get(m.start("m1"))
        if read is not None and isinstance(read.value, dict) and "year" in read.value:
            end, year = max(end, read.end), read.value["year"]
        elif overlaps(start, end, taken):
            continue
        month = _MONTHS.get(" ".join(fold_word(m.group("m1")).split()), 0)
        days = [(start, end, _ordinal_day(d))]
        # السابع والثامن من يونيو، الخامس أو السادس من مايو: the day before
        # is a date too
        before = d.start() if d.group("and") else _or_before(text, d.start())
        if before >= 0:
            first = _ORDINAL_DAY.search(text, max(0, before - 30), before)
            if first is not None and not first.group("and"):
                days.insert(0, (first.start("day"), first.end("day"), _ordinal_day(first)))
        for day_start, day_end, day in days:
            out.append(date_figure(text, day_start, day_end, year, month or None, day))
    return out


def _ordinal_day(m: re.Match[str]) -> int:
    return _ORDINAL_DAYS.get(" ".join(fold_word(m.group("day")).split()), 0)


_OR = re.compile(r"[^\S\n]+[أا]و[^\S\n]+\Z")


def _or_before(text: str, at: int) -> int:
    """Where the white space before أو ends a word, when أو stands right
    before ``at`` (``الخامس أو |السادس``); else -1."""
    m = _OR.search(text, max(0, at - 8), at)
    return m.start() + 1 if m else -1


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps one of ``spans`` (sorted, disjoint)."""
    k = bisect.bisect_left(spans, (end, -1))
    return bool(k) and spans[k - 1][1] > start

