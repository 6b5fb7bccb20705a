"""Highlights -> files (issue 5): Markdown, JSON, CSV, HTML, PDF, visual plain
text and PNG quote cards.

The CLI and the GUI call ``select`` then ``export_items``; both work on plain
data (Articles and HighlightRecords), so nothing here needs the store except
``select``. The PDF and PNG formats load QtGui (never QtWidgets) only when
used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.errors import ExportError
from reader.exporters.common import (
    COLOUR_NAMES,
    Cancelled,
    ExportItem,
    Ticker,
    article_link,
    atomic_path,
    colour_name,
    context_sentence,
    filter_highlights,
    safe_filename,
    select,
)


@dataclass(frozen=True, slots=True)
class Format:
    """One export format as offered to the user."""

    name: str
    description: str
    extension: str
    module: str


FORMATS: dict[str, Format] = {
    f.name: f for f in (
        Format("md", "Markdown", "md", "markdown"),
        Format("json", "JSON (rtl-reader schema, with W3C Web Annotation selectors)", "json",
               "jsonfile"),
        Format("csv", "CSV (UTF-8, Readwise columns first)", "csv", "csvfile"),
        Format("html", "HTML page (standalone, font embedded)", "html", "html"),
        Format("pdf", "PDF", "pdf", "pdf"),
        Format("txt-visual", "Plain text, visual order (for devices that cannot shape Arabic)",
               "txt", "text_visual"),
        Format("png", "PNG quote cards (one image per highlight)", "png", "png"),
    )
}
"""Every format by name, in the order to offer them; ``md`` is the default."""

DEFAULT_FORMAT = "md"


def format_named_by(path: str | Path) -> str | None:
    """The format whose extension ends the file name of ``path``, in any case
    (``pdf`` for ``notes.PDF``); None for a name with no extension or one no
    format writes."""
    suffix = Path(path).suffix.lower().removeprefix(".")
    return next((f.name for f in FORMATS.values() if suffix and f.extension == suffix), None)


def suggested_name(items: Sequence[ExportItem], fmt: str, *,
                   several: str = "highlights") -> str:
    """A file name to offer for an export: the article's title (made safe) for
    one article, ``several`` otherwise (the GUI passes it in the interface
    language); for PNG cards of several highlights the folder ``several`` (no
    extension), as ``export_items`` writes them (one card, or none yet, is a
    file)."""
    if fmt == "png" and sum(len(h) for _, h in items) > 1:
        return safe_filename(several, ext="")
    title = items[0][0].title if len(items) == 1 else several
    return safe_filename(title, ext=FORMATS[fmt].extension)


def export_items(items: Sequence[ExportItem], fmt: str, out: Path, *, force: bool = False,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> list[Path]:
    """Write ``items`` (articles with their highlights) in format ``fmt`` to ``out``.

    ``out`` is a file; for ``png`` with more than one highlight it is a folder
    of numbered cards (made if absent). Returns the paths written. Every file
    is written to a temporary file beside it, fsynced and renamed into place.
    ``progress(done, total)`` is called with articles done (cards for png);
    ``cancelled()`` is polled between them: when it returns True, whatever was
    written is removed, nothing is replaced, and the result is ``[]``.

    Raises ValueError for an unknown ``fmt``; OutputExists when a target exists
    and not ``force``; ExportError (subject: the path) when it cannot be
    written, with the system's cause.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    out = Path(out)
    module = importlib.import_module(f"reader.exporters.{FORMATS[fmt].module}")
    try:
        if fmt == "png":
            total = sum(len(h) for _, h in items)
            written: list[Path] = module.write_cards(
                items, out, force=force, ticker=Ticker(total, progress, cancelled))
            return written
        ticker = Ticker(len(items), progress, cancelled)
        ticker.check()
        with atomic_path(out, force=force) as tmp:
            module.write(items, tmp, ticker)
        return [out]
    except Cancelled:
        return []
    except UnicodeEncodeError as err:  # lone surrogates in the text
        raise ExportError(str(out), f"text cannot be written as UTF-8: {err.reason}") from None


__all__ = [
    "COLOUR_NAMES",
    "DEFAULT_FORMAT",
    "FORMATS",
    "ExportItem",
    "Format",
    "article_link",
    "colour_name",
    "context_sentence",
    "export_items",
    "filter_highlights",
    "format_named_by",
    "safe_filename",
    "select",
    "suggested_name",
]
