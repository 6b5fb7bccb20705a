"""A publication date where the file or the text says it (issue 14, item 7).

Plain text rarely carries metadata, but a file named ``2024-05-02 budget.txt``
or a dateline ``القاهرة - 2 مايو 2024`` does say when. ``date_in`` finds one
date, as ISO ``YYYY-MM-DD``: written in ISO form, or as day, Arabic month name
(Egyptian, Levantine or Maghrebi: مايو، أيار، ماي) and year, in any digits.
Only text that states a date is read: the file name and the byline; a body's
dates are events, not the publication.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterable

from reader.store.article import Article
from reader.text.fold import western_digits

MONTHS: dict[str, int] = {
    name: number for number, names in enumerate((
        ("يناير", "كانون الثاني", "جانفي"), ("فبراير", "شباط", "فيفري"),
        ("مارس", "آذار", "اذار"), ("أبريل", "ابريل", "نيسان", "أفريل", "افريل"),
        ("مايو", "أيار", "ايار", "ماي"), ("يونيو", "حزيران", "جوان"),
        ("يوليو", "تموز", "جويلية"), ("أغسطس", "اغسطس", "آب", "اب", "أوت", "اوت"),
        ("سبتمبر", "أيلول", "ايلول"), ("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول"),
        ("نوفمبر", "تشرين الثاني", "نونبر"), ("ديسمبر", "كانون الأول", "كانون الاول", "دجنبر"),
    ), start=1) for name in names
}

_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
_MONTH_NAMES = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
_WRITTEN = re.compile(rf"(?<!\d)([12]?\d|3[01])\s+(?:{_MONTH_NAMES})(?:\s*/\s*(?:{_MONTH_NAMES}))?"
                      rf"\s+((?:19|20)\d\d)(?!\d)")
_MONTH_IN = re.compile(_MONTH_NAMES)


def date_in(text: str) -> str:
    """The first date ``text`` states that is a day of the calendar,
    ``YYYY-MM-DD``; "" when none (2024-02-30 is no date: a file name or a
    byline that says so is read past)."""
    text = western_digits(text)
    for m in _ISO.finditer(text):
        if _real(int(m.group(1)), int(m.group(2)), int(m.group(3))):
            return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    for m in _WRITTEN.finditer(text):
        month = MONTHS[_MONTH_IN.search(m.group(0)).group(0)]  # type: ignore[union-attr]
        if _real(int(m.group(2)), month, int(m.group(1))):
            return f"{m.group(2)}-{month:02d}-{int(m.group(1)):02d}"
    return ""


def _real(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def iso_utc(when: dt.datetime | time.struct_time) -> str:
    """``when`` (a date-time with its offset, or feedparser's UTC
    ``struct_time``) as ISO 8601 UTC, ``YYYY-MM-DDTHH:MM:SSZ``; "" when it is
    no day of the years 1 to 9999 in UTC (a feed's year 0, an offset that
    carries it past the calendar's edge). Never ``strftime``: its ``%Y``
    writes the year 999 as "999", which sorts after "2025"."""
    try:
        if isinstance(when, time.struct_time):
            # A leap second (:60) is the last second of its minute.
            when = dt.datetime(*when[:5], min(when.tm_sec, 59), tzinfo=dt.UTC)
        utc = when.astimezone(dt.UTC) if when.tzinfo else when
    except (OverflowError, ValueError):
        return ""
    return utc.replace(tzinfo=None, microsecond=0).isoformat() + "Z"


def fill_published(articles: Iterable[Article], file_name: str) -> None:
    """Give each article without a date the one its byline, else its file
    name, states (nothing when neither states one)."""
    for article in articles:
        if not article.published:
            article.published = date_in(article.byline) or date_in(file_name)
