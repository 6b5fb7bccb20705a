"""CSV export: UTF-8 with a BOM (so spreadsheet programs read Arabic right),
one row per highlight, Readwise's import columns first, then ours.

A text cell that a spreadsheet would run as a formula (starting with ``=``,
``+``, ``@``, a tab, or ``-`` unless the whole cell is a negative number
such as ``-3.5%``) is written with a leading apostrophe, the usual guard
against CSV injection; ``unguard`` undoes it.

A cell longer than a spreadsheet cell holds (``CELL_LIMIT``) is cut, with
"…" at the cut (``fitted``): Excel cut it silently or broke the rows after
it. The JSON export keeps every text whole.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Sequence
from pathlib import Path

from reader.exporters.common import ExportItem, Ticker, context_sentence, highlight_link
from reader.store.article import Article, HighlightRecord
from reader.text.spans import shortened

READWISE_COLUMNS: tuple[str, ...] = ("Highlight", "Title", "Author", "URL", "Note",
                                     "Location", "Date")
OUR_COLUMNS: tuple[str, ...] = (
    "Article ID", "Field", "Kind", "Subtype", "Start", "End", "Context", "Value",
    "Speaker", "Colour", "Source", "Published", "Link", "Highlight ID",
)
COLUMNS: tuple[str, ...] = READWISE_COLUMNS + OUR_COLUMNS

# A minus sign is safe only before a plain number filling the cell: after
# "-2" a spreadsheet reads on ("-2+3+cmd|' /C calc'!A0" runs a command).
_FORMULA = re.compile(r"^(?:[=+@\t\r]|-(?![\d.,٫٬]+[%٪]?\Z))")


CELL_LIMIT = 32_767
"""The most characters an Excel cell holds, counted in UTF-16 units (a
character outside the BMP counts two)."""


def fitted(cell: str) -> str:
    """``cell`` as a spreadsheet cell holds it, with room for ``guard``'s
    apostrophe: as it is when short enough, else ``shortened`` (white space
    made single, cut at a space where it can be, "…" at the cut)."""
    units = len(cell.encode("utf-16-le")) // 2
    if units < CELL_LIMIT:
        return cell
    # The apostrophe and "…" take one each; every character outside the BMP
    # in the cell (at most) one more unit than it counts.
    return shortened(cell, CELL_LIMIT - 2 - (units - len(cell)))


def guard(cell: str) -> str:
    """``cell`` with an apostrophe before a leading formula character, and
    before apostrophes that lead to one (so ``unguard`` takes one off only)."""
    return "'" + cell if _FORMULA.match(cell.lstrip("'")) else cell


def unguard(cell: str) -> str:
    """The cell as it was before ``guard``."""
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell.lstrip("'")) else cell


def _date(created: str) -> str:
    """Readwise's date form, ``YYYY-MM-DD HH:MM:SS``, from ISO 8601."""
    m = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?", created)
    if not m:
        return ""
    clock = m.group(2) or "00:00:00"
    return f"{m.group(1)} {clock if len(clock) == 8 else clock + ':00'}"


def row(article: Article, h: HighlightRecord) -> list[str]:
    """One highlight's cells, in ``COLUMNS`` order."""
    text = article.field_text(h.field)
    start, end = min(h.start, len(text)), min(h.end, len(text))
    context = context_sentence(text, start, end)[0]
    value = "" if h.value is None else json.dumps(h.value, ensure_ascii=False)
    cells = [
        h.text, article.title, article.author or article.byline, article.url, h.note,
        str(h.start), _date(h.created),
        "" if article.id is None else str(article.id), h.field, h.kind, h.subtype,
        str(h.start), str(h.end), context, value, h.speaker, h.colour,
        article.source, article.published, highlight_link(h),
        "" if h.id is None else str(h.id),
    ]
    return [guard(fitted(c)) for c in cells]


def write(items: Sequence[ExportItem], path: Path, ticker: Ticker) -> None:
    """Write the header and one row per highlight to ``path``."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for article, highlights in items:
            writer.writerows(row(article, h) for h in highlights)
            ticker.step()
