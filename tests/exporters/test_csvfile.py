"""CSV export: read back with the csv module as a spreadsheet would get it."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.exporters import export_items
from reader.exporters.csvfile import guard, unguard
from tests.exporters import sample

READWISE = ["Highlight", "Title", "Author", "URL", "Note", "Location", "Date"]


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "spreadsheets need the BOM to read UTF-8"
    reader = csv.DictReader(io.StringIO(raw[3:].decode("utf-8"), newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def test_one_row_per_highlight_with_readwise_columns_first(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    export_items(sample.items(), "csv", out)
    header, rows = _rows(out)
    assert header[:7] == READWISE
    assert len(rows) == len(sample.all_highlights())
    articles = {a.id: a for a, _ in sample.items()}
    for row, h in zip(rows, sample.all_highlights(), strict=True):
        article = articles[h.article_id]
        assert unguard(row["Highlight"]) == h.text
        assert row["Title"] == article.title
        assert row["Author"] == article.author
        assert row["URL"] == article.url
        assert unguard(row["Note"]) == h.note
        assert int(row["Location"]) == h.start
        assert row["Date"] == "2025-05-01 10:15:00"
        assert (row["Kind"], row["Subtype"], row["Field"]) == (h.kind, h.subtype, h.field)
        assert (int(row["Start"]), int(row["End"])) == (h.start, h.end)
        assert article.field_text(h.field)[h.start:h.end] == unguard(row["Highlight"])
        assert unguard(row["Highlight"]) in row["Context"]
        assert (json.loads(row["Value"]) if row["Value"] else None) == h.value
        assert row["Speaker"] == h.speaker and row["Colour"] == h.colour
        assert row["Link"].startswith(f"rtl-reader://article/{h.article_id}?at=")


def test_formula_cells_are_guarded(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    export_items(sample.items(), "csv", out)
    _, rows = _rows(out)
    note = next(r["Note"] for r in rows if "SUM" in r["Note"])
    assert note.startswith("'=")
    assert unguard(note) == "=SUM(A1:A2) ليست صيغة"


@pytest.mark.parametrize(("cell", "guarded"), [
    ("=1+1", "'=1+1"), ("+971 4", "'+971 4"), ("@cmd", "'@cmd"), ("-x", "'-x"),
    ("-3.5٪", "-3.5٪"), ("-٣", "-٣"), ("نص عادي", "نص عادي"), ("'quoted", "'quoted"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"), ("-1,250.5%", "-1,250.5%"),
    ("-5 مليون", "'-5 مليون"),
])
def test_guard_and_unguard(cell: str, guarded: str) -> None:
    assert guard(cell) == guarded
    assert unguard(guard(cell)) == cell


# What a spreadsheet may run: =, +, @, tab or CR first, or a minus sign
# that does not make a plain negative number of the whole cell.
_RUNS = re.compile(r"[=+@\t\r]|-(?![\d.,٫٬]+[%٪]?\Z)")


@given(st.tuples(st.sampled_from(["", "-", "-2", "-٣.5", "'", "''=", "'-1", "="]),
                 st.text(st.sampled_from("-=+@\t\r0123456789٣.,٪%|!' Acmdنص"), max_size=10))
       .map("".join))
def test_a_guarded_cell_never_runs_and_unguards_to_itself(cell: str) -> None:
    # Was: "-2+3+cmd|' /C calc'!A0" passed as a negative number (a minus
    # before a digit was trusted), a command for a spreadsheet's DDE.
    guarded = guard(cell)
    assert not _RUNS.match(guarded)
    assert unguard(guarded) == cell


def test_newlines_and_quotes_inside_a_cell_survive(tmp_path: Path) -> None:
    article, highlights = sample.items()[0]
    note = 'سطر أول\nسطر "ثان", وفاصلة'
    h = replace(highlights[0], note=note)
    out = tmp_path / "out.csv"
    export_items([(article, [h])], "csv", out)
    _, rows = _rows(out)
    assert [r["Note"] for r in rows] == [note]


EXCEL_CELL_LIMIT = 32_767
"""The most characters (UTF-16 units) an Excel cell holds; a longer field
breaks the file where it stands."""


def test_a_field_longer_than_a_spreadsheet_cell_is_cut_with_a_mark_regression(
        tmp_path: Path) -> None:
    """Was: a 40,000-character highlight written whole, which Excel cuts
    inside the cell or refuses, and the rows after it shift."""
    from reader.store.article import Article, HighlightRecord

    long_text = " ".join(["الاستثمارات"] * 4000)  # 47,999 characters
    emoji = "\U0001f4da" * 20_000  # 20,000 characters, 40,000 UTF-16 units
    body = f"مقدمة. {long_text}. خاتمة"
    start = body.index(long_text)
    article = Article(id=9, title="تقرير طويل", body=body)
    h = HighlightRecord(9, "body", "user", "", start, start + len(long_text), long_text,
                        colour="#ffd54f", note="=" + emoji)
    out = tmp_path / "long.csv"
    export_items([(article, [h])], "csv", out)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert len(rows) == 2
    cells = dict(zip(rows[0], rows[1], strict=True))
    for cell in rows[1]:
        assert len(cell.encode("utf-16-le")) // 2 <= EXCEL_CELL_LIMIT
    assert cells["Highlight"].endswith("الاستثمارات…")
    assert long_text.startswith(cells["Highlight"].removesuffix("…"))
    assert cells["Note"].startswith("'=\U0001f4da") and cells["Note"].endswith("…")
    assert cells["Title"] == "تقرير طويل" and cells["Start"] == str(start)
