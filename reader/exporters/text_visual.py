"""Plain text, visual order (for devices that cannot shape Arabic).

Every line is shaped into presentation forms and reordered for display with
``reader.text.visual.to_visual`` (DESIGN decision 1): the file reads right on
a terminal or e-reader with no shaping engine, and is NOT logical text (do not
search it or give it to Qt). Importing it back repairs it: each line is laid
out in the direction ``reader.text.visual.to_logical`` reads it in, so the
repair gives the logical lines back exactly. Never the default format.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from pathlib import Path

from reader.exporters.common import (
    KIND_WORDS,
    NOTE_LABEL,
    SUBTYPE_WORDS,
    ExportItem,
    Ticker,
    article_link,
    colour_line,
    context_sentence,
    highlight_link,
    value_words,
)
from reader.store.article import Article, HighlightRecord
from reader.text.visual import to_visual

LABEL = "Plain text, visual order (for devices that cannot shape Arabic)"

RULE = "-" * 40
HEADER = "مقتطفات بترتيب العرض"


def _one_line(text: str) -> str:
    return " ".join(text.split())


WIDTH = 72
"""Lines are wrapped in logical order before reordering: a device that wraps a
long visual line itself would show its halves in the wrong order."""


def _wrap(lines: list[str], width: int) -> list[str]:
    out: list[str] = []
    for line in lines:
        out += textwrap.wrap(line, width, break_long_words=False,
                             break_on_hyphens=False) or [""]
    return out


def logical_lines(article: Article, highlights: Sequence[HighlightRecord], *,
                  width: int = WIDTH) -> list[str]:
    """The lines of one article's section in logical order (before ``to_visual``),
    wrapped at ``width`` characters between words."""
    lines = [_one_line(article.title) or "بلا عنوان"]
    meta = " | ".join(_one_line(x) for x in (article.source, article.published_day()) if x)
    if meta:
        lines.append(meta)
    lines += [f"الرابط: {article_link(article.id, 0)}", ""]
    for h in highlights:
        # A figure is named by its kind (رقم), its value says what it is.
        label = SUBTYPE_WORDS["term"] if h.subtype == "term" else KIND_WORDS.get(h.kind, "")
        lines.append(f"{label}: {_one_line(h.text)}")
        if h.speaker:
            lines.append(f"المتحدث: {_one_line(h.speaker)}")
        value = value_words(h.value)
        if value:
            lines.append(f"القيمة: {_one_line(value)}")
        # A note's own lines stay lines (a tester's two were joined).
        noted = [_one_line(line) for line in h.note.splitlines() if line.strip()]
        if noted:
            lines += [f"{NOTE_LABEL}: {noted[0]}", *noted[1:]]
        if h.kind == "user" and colour_line(h.colour):
            lines.append(colour_line(h.colour))
        text = article.field_text(h.field)
        start, end = min(h.start, len(text)), min(h.end, len(text))
        lines.append(f"السياق: {_one_line(context_sentence(text, start, end)[0])}")
        lines.append(f"الموضع: {highlight_link(h)}")
        lines.append("")
    lines += [RULE, ""]
    return _wrap(lines, width)


def write(items: Sequence[ExportItem], path: Path, ticker: Ticker) -> None:
    """Write every article's lines, each line in visual order, to ``path`` (UTF-8).

    Each line is laid out in its own direction (DESIGN decision 6: right to
    left when it has more Arabic letters than Latin ones, the letters of a
    link not counted, so a link's line reads from its label at the right as
    the others do), the direction ``to_logical`` reads a line in: laid out
    right to left, a line of mostly English (a note, a quotation) came back
    from a re-import reversed, and an English line ending in a full stop
    showed it first."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(to_visual(HEADER) + "\n\n")
        for article, highlights in items:
            fh.write(to_visual("\n".join(logical_lines(article, highlights))))
            fh.write("\n")
            ticker.step()
