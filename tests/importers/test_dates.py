"""Publication dates stated by a file's name or an article's byline (issue 14, item 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.importers import read_file
from reader.importers.dates import date_in

ARABIC_INDIC = "٢٠٢٤-٠٥-٠٢"


@pytest.mark.parametrize(("text", "date"), [
    ("2024-05-02 budget", "2024-05-02"),
    ("news_20240502_budget", "2024-05-02"),
    ("2024_05_02", "2024-05-02"),
    (ARABIC_INDIC, "2024-05-02"),
    ("القاهرة - 2 مايو 2024", "2024-05-02"),
    ("باريس، 7 مايو/أيار 2018", "2018-05-07"),
    ("تونس 26 جانفي 1978", "1978-01-26"),
    ("دمشق ١٥ تشرين الأول ٢٠٢٣", "2023-10-15"),
    ("budget-final", ""),
    ("2024-13-40", ""),  # no such month or day
    ("12345678", ""),
    ("2024-02-30 budget", ""),  # a month and a day that each exist, not together
    ("2023-02-29_2023-03-01", "2023-03-01"),  # read past to the real date
    ("الرباط 31 أبريل 2024", ""),
    ("2024-02-29 leap", "2024-02-29"),
    ("قتل 3000 شخص", ""),
])
def test_date_in(text: str, date: str) -> None:
    assert date_in(text) == date


def test_a_dated_file_name_dates_its_article(tmp_path: Path) -> None:
    file = tmp_path / "2024-05-02 الموازنة.txt"
    file.write_text("الحكومة تعلن الموازنة\n\nأعلنت الحكومة اليوم موازنة العام المقبل.\n",
                    encoding="utf-8")
    [article] = read_file(file)
    assert article.published == "2024-05-02"


def test_a_dateline_dates_its_article_and_a_stated_date_wins(tmp_path: Path) -> None:
    file = tmp_path / "2020-01-01.txt"
    file.write_text("افتتاح معرض الكتاب\nالقاهرة - 2 مايو 2024\n"
                    "افتتح معرض الكتاب أبوابه أمس بمشاركة 300 دار نشر من عشرين دولة.\n"
                    "وقالت مديرة المعرض إن الإقبال فاق التوقعات في اليوم الأول.\n",
                    encoding="utf-8")
    [article] = read_file(file)
    assert article.byline == "القاهرة - 2 مايو 2024"
    assert article.published == "2024-05-02"  # the byline before the file name


def test_an_undated_file_stays_undated(tmp_path: Path) -> None:
    file = tmp_path / "news.txt"
    file.write_text("خبر\n\nوقع الحادث في 7 مايو 2018 حسب الشهود.\n", encoding="utf-8")
    [article] = read_file(file)
    assert article.published == ""  # a body's date is an event, not the publication
