"""Seasons and fiscal years: two years written as one span (``موسم 15-2014``).

News writes the 2014/15 season, a fiscal or a school year in many ways:
``2014-15``, ``2014/15``, ``2014/2015``, and, read from the right as Arabic
is, ``15-2014``, ``2015/2014`` or ``2015/14``. ``reader.text.figures`` reads
each as the two years it names, the way it reads ``2014/2015``: two ``range``
figures, one on each side, ``{"amount": <that side's year>, "range": [2014,
2015]}`` (the years in order, whatever the order written).

``season_at(text, pos)``: the season that starts at the run of digits at
``pos``, or None; pure, never raises.

What makes a season (``A`` and ``B`` the two sides, two or four digits of any
script, ``-``, ``–``, ``—`` or ``/`` between, spaces allowed):

- a four-digit year 1900-2099 and the last two digits of the year after or
  before it (``2014-15``, ``2010-09``, ``1955/54``): a season after a season
  word or in parentheses; after no such word too when no unit, currency or
  percent follows (``ثورة أوكرانيا في 2013-14``, ``2014/15``). With a
  season word or in parentheses, two digits past the year's (``(1950-53)``)
  end a span of years as well.
- two digits and a four-digit year, the two digits those of the year after
  or before it (``15-2014``, ``19/2018``, ``18/2019``): after a season word
  or in parentheses only (``القانون رقم 15/2014`` is law 15 of 2014).
- two four-digit years, the later first (``2015/2014``): with a slash or
  after a season word; the earlier first with spaces around the slash
  (``2017 /2018``) after a season word. ``2014-2015`` and ``2014/2015``
  are read by ``figures`` as written (the earlier first already).

Season words, with a clitic or the article or not: موسم، مواسم، موسمي، عام،
عامي، سنة، المالي/المالية، الدراسي/الدراسية، الرياضي/الرياضية، موازنة،
ميزانية. A real range is not a season: ``15-20 عاماً``, a score ``2-15``,
``بين 15 و20``, ``2013 - 30`` (30 follows no year) stay what they are.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from reader.text.clitics import PREFIXES
from reader.text.fold import fold_word
from reader.text.quantities import (
    CURRENCY_SIGNS,
    NEXT_WORDS,
    PERCENT,
    currency,
    is_unit,
    opens_percent,
)


class Season(NamedTuple):
    """Two years written as one span: its match (groups ``a`` and ``b`` the
    sides as written), the sides' offsets and the year each side names."""

    match: re.Match[str]
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_year: int
    b_year: int

    @property
    def years(self) -> list[int]:
        """The two years in order, the earlier first."""
        return sorted((self.a_year, self.b_year))


SEASON_SEPARATORS = frozenset("-–—/")
"""What may stand between the sides (spaces around it too)."""

_SEASON = re.compile(
    r"(?P<a>\d{4}|\d{2})(?!\d)[^\S\n]*(?P<sep>[-–—/])[^\S\n]*(?P<b>\d{4}|\d{2})"
    r"(?!\d|[-–—/.:,٫]\d)"
)
_STEMS = frozenset(map(fold_word, """
    موسم مواسم موسمي عام عامي سنة مالي مالية دراسي دراسية رياضي رياضية موازنة ميزانية
""".split()))
_CLITICS = ("", *sorted(PREFIXES))  # a bare stem, or one under its clitics
_OPENERS = "([«\"'“"


def season_at(text: str, pos: int) -> Season | None:
    """The season whose first side is the run of digits at ``pos`` (see the
    module doc), or None. ``pos`` must start a run of digits."""
    if pos >= 2 and text[pos - 1] in "-–—/.:" and text[pos - 2].isdecimal():
        return None  # the middle of a date or a code (3/15-2014)
    m = _SEASON.match(text, pos)
    if m is None:
        return None
    a_s, b_s = m.group("a"), m.group("b")
    a, b = int(a_s), int(b_s)  # int() reads the digits of every script
    cued = _season_word_before(text, pos) or _in_parens(text, pos, m.end())
    years = _years(len(a_s), a, len(b_s), b, m.group("sep"), m.group(0), cued)
    if years is None:
        return None
    if not cued and len(b_s) == 2 and _quantity_after(text, m.end()):
        return None  # 2013-15 مليون: a range of amounts
    return Season(m, m.start("a"), m.end("a"), m.start("b"), m.end("b"), *years)


def _years(la: int, a: int, lb: int, b: int, sep: str, written: str,
           cued: bool) -> tuple[int, int] | None:
    """The years of sides ``a`` and ``b`` (``la`` and ``lb`` digits long),
    each side's own, or None when they name no season."""
    if la == 4 and lb == 2 and 1900 <= a <= 2099:
        full = a - a % 100 + b
        if b == (a + 1) % 100:
            return a, a + 1 if full < a else full
        if b == (a - 1) % 100:
            return a, a - 1 if full > a else full
        if cued and full > a:
            return a, full  # (1950-53): a span of years
        return None
    if la == 2 and lb == 4 and 1900 <= b <= 2099 and cued:
        if a == (b + 1) % 100:
            return b + 1, b
        if a == (b - 1) % 100:
            return b - 1, b
        return None
    if la == 4 and lb == 4 and min(a, b) >= 1900 and max(a, b) <= 2099:
        if a == b + 1 and (cued or sep == "/"):
            return a, b
        if b == a + 1 and cued and sep == "/" and " " in written:
            return a, b
    return None


def _season_word_before(text: str, pos: int) -> bool:
    """Whether a season word ends right before ``pos``: white space and an
    opening bracket or mark between."""
    head = text[max(0, pos - 30):pos].rstrip().rstrip(_OPENERS).rstrip()
    if not head:
        return False
    word = fold_word(head.rsplit(None, 1)[-1])
    return any(word.startswith(c) and word[len(c):] in _STEMS for c in _CLITICS)


def _in_parens(text: str, start: int, end: int) -> bool:
    return text[start - 1:start] == "(" and text[end:end + 1] == ")"


def _quantity_after(text: str, end: int) -> bool:
    """Whether a unit, currency or percent follows ``end``: what makes
    ``A-B`` a range of amounts rather than years."""
    after = text[end:end + 4].lstrip(" \u00a0")[:1]
    if after and (after in "%٪" or after in CURRENCY_SIGNS):
        return True
    words = NEXT_WORDS.match(text, end)
    if words is None:
        return False
    w1 = fold_word(words.group(1))
    if opens_percent(w1) and PERCENT.match(text, end):
        return True
    return bool(currency(w1, words)) or is_unit(w1)
