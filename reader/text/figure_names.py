"""Numbers that are no figures: codes, links, phone numbers and names.

``reader.text.figures`` asks ``code_end`` about every run of digits before
reading it, and passes its figures through ``without_names`` at the end.
Not figures: digits inside a hashtag, mention, URL, e-mail or a code glued
to letters or a hyphen, phone numbers, and a bare number that belongs to a
name (module doc of ``reader.text.figures``).
"""

from __future__ import annotations

import re

from reader.text.clitics import is_prefix
from reader.text.fold import fold_word
from reader.text.numbers import word_before
from reader.text.quantities import STOPWORDS
from reader.text.spans import Highlight

OPENERS = "([{«\"'“‹‘"
_LATIN = re.compile(r"[A-Za-z]")
_GLUED_AFTER = re.compile(r"\S{0,40}")
"""What is glued after a number; bounded so that text with no white space
at all stays linear."""


def code_end(text: str, m: re.Match[str], sign: str) -> int | None:
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
    core = before.lstrip(OPENERS)
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
_SPACE_OR_OPENER = frozenset(" \t\n\r\u00a0" + OPENERS)
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

def _is_clitic(core: str) -> bool:
    """Whether Arabic letters glued before digits leave them a figure of
    their own: a proclitic (``بـ2030``, ``ولـ5``), or a word that lost its
    space (``إلى11,7``, ``اتفاق2015``, ``بقيمة10 مليارات``: in real press
    nearly every other Arabic word glued to digits is one). Not a name word
    (``فرانس24``, ``إف15``, ``لقناة24``: the number belongs to the name,
    as it would with the space), nor a single letter that is no clitic
    (``ق50``, ``د44``: an abbreviation), nor letters with anything else
    between them and the digits (``الإصلاحات]0``)."""
    folded = fold_word(core)
    if not folded or is_prefix(folded):
        return True
    return (len(folded) > 1 and _ARABIC_WORD.fullmatch(folded) is not None
            and not _is_one_of(_without_article(folded), _NAMED_BEFORE))


_ARABIC_WORD = re.compile("[\u0621-\u064a]+")
"""A folded Arabic word, nothing else glued in (a bracket, a control)."""


def _without_article(word: str) -> str:
    """``للقرن`` read as ``القرن`` (ل + القرن)."""
    return "ال" + word[2:] if word.startswith("لل") else word


_QUOTED_NAME = re.compile(r"[«“\"]([^«»“”\"\n]{1,40})\Z")
_CLOSES_NAME = re.compile(r"[،,.]?[»”\"]")
_OPENS_NAME = re.compile(r"[«“\"][ \u00a0]?\Z")
_REST_OF_NAME = re.compile(r"([^«»“”\"\n]{0,40}?)[»”\"]")


_NAMED_BEFORE = frozenset(map(fold_word, """
    فرانس ايفون آيفون ايباد آيباد جالاكسي غالاكسي نوت ستوكس كاك داكس نيكاي فوتسي
    ويندوز بلايستيشن اكس اس اي بلس ماكس برو لايت ام بي سي جي تي إف القرن
    طراز موديل قناة إذاعة إتش آر كيو إيه بورز سبورت
    """.split()))
"""Words after which a bare number belongs to a name: TV channels (فرانس 24،
قناة 24، سبورت 1), letters of a Latin name (إف 22، إتش 17، إيه 320),
products and models (آيفون 10، غالاكسي إس 9، إف 22، من طراز 055), stock
indexes (ستوكس 600، كاك 40، ستاندرد آند بورز 500), and القرن 21 (an ordinal use, like القرن التاسع
عشر)."""
_PRODUCTS = frozenset(map(fold_word, """
    هاتف هواتف جهاز أجهزة نظام تطبيق برنامج برمجية لعبة منصة معالج شريحة
    مركبة محطة صاروخ صواريخ طائرة طائرات مقاتلة مقاتلات سيارة دبابة قمر سفينة
    غواصة مدمرة حاملة معيار تقنية
    """.split()))
"""Nouns before a product's name: the number after that name is its version
or model (برنامج كابتشر 5.1، المركبة تيانزو 1، طائرة بوينغ 737)."""
_VERSION_WORDS = frozenset(map(fold_word, "إصدار الإصدار نسخة النسخة".split()))
"""Words before a version number: a number with a dot after them is a
version (الإصدار 5.1), a whole one may count editions (النسخة 23)."""
_LATIN_WORD = re.compile(r"[a-z]+")
_NOT_A_NAME = frozenset(map(fold_word, """
    في من على إلى عن مع نحو حوالي بنحو قرابة بلغ بلغت سجل سجلت عند وصل وصلت
    بين حتى منذ عام بعد قبل أكثر أقل رقم الرقم قياس بسرعة بوزن بطول بسعر بقيمة
    """.split()))
"""Words that a number follows as a quantity: never the name of a product."""


def _after_name(text: str, h: Highlight) -> bool:
    """Whether the bare number ``h`` follows a name word or a Latin word
    (France 2, iPhone 8), or a product's name (برنامج كابتشر 5.1), or is a
    version (الإصدار 5.1): it is part of that name."""
    before = word_before(text, h.start)
    if not before:
        return False
    if _LATIN_WORD.fullmatch(before):
        return True
    before = _without_article(before)
    if _is_one_of(before, _NAMED_BEFORE):
        return True
    if _is_one_of(before, _VERSION_WORDS):
        return "." in h.text
    # برنامج كابتشر 5.1، معيار دولبي أوديو كابتشر 5.1: one to three words of
    # a name after a product noun.
    for k, written in enumerate(_words_before(text, h.start)):
        word = fold_word(written)  # folded one by one: most runs stop at the first
        if k and _is_one_of(word.removeprefix("ال"), _PRODUCTS):
            return True
        if word.startswith("ال") or word in _NOT_A_NAME or word in STOPWORDS or k == 3:
            return False
    return False


def _words_before(text: str, start: int) -> list[str]:
    """The words (as written) right before ``start`` in its paragraph,
    nearest first, at most four, up to the first that is not all letters (a
    punctuation mark, a digit, a mark ends the run)."""
    seg = text[max(0, start - 80):start]
    seg = seg[seg.rfind("\n") + 1:]
    if not seg[-1:].isspace():
        return []
    out = []
    for word in reversed(seg.rsplit(None, 4)[-4:]):  # the last four of seg.split()
        if not word.isalpha():
            break
        out.append(word)
    return out


def _is_one_of(word: str, words: frozenset[str]) -> bool:
    """A folded ``word`` is in ``words``, or is with و ف ب ل glued before."""
    return word in words or (word[:1] in "وفبل" and word[1:] in words)


def without_names(text: str, found: list[Highlight]) -> list[Highlight]:
    """Bare numbers that belong to a name: after a name word (``فرانس 24``,
    ``iPhone 8``, ``ستوكس 600``) or a product's name (``برنامج كابتشر 5.1``),
    opening or ending a short quoted name (``«21 سنشيري فوكس»``, ``موقع
    "مدينة 24"``, ``«نوفا 810»``), and the same name mentioned again without
    the marks."""
    names: set[str] = set()
    kept = []
    for h in found:
        if h.subtype == "digits" and (_after_name(text, h) or _opens_quoted_name(text, h)):
            names.add(_name_key(text, h))
        else:
            kept.append(h)
    found = kept
    for h in found:
        if h.subtype != "digits" or not _CLOSES_NAME.match(text, h.end):
            continue
        opening = _QUOTED_NAME.search(text, max(0, h.start - 41), h.start)
        if opening is not None and 1 <= len(opening.group(1).split()) <= 3:
            names.add(_name_key(text, h))
    if not names:
        return found
    return [h for h in found if h.subtype != "digits" or not _is_name(_name_key(text, h), names)]


def _opens_quoted_name(text: str, h: Highlight) -> bool:
    """A bare number that opens a short quoted name (``«21 سنشيري فوكس»``)
    or is all of one (a password ``«123456»``)."""
    if not _OPENS_NAME.search(text, max(0, h.start - 2), h.start):
        return False
    rest = _REST_OF_NAME.match(text, h.end)
    return rest is not None and len(rest.group(1).split()) <= 3


def _is_name(key: str, names: set[str]) -> bool:
    """``key`` or ``key`` without a clitic (ونوفا 810 after «نوفا 810»)."""
    return key in names or (key[:1] in "وفبل" and key[1:] in names)


def _name_key(text: str, h: Highlight) -> str:
    return f"{word_before(text, h.start)} {h.text}"

