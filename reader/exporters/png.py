"""PNG quote cards: one highlight as an image for sharing (QtGui only).

A card holds the article's title as headline, the highlighted text large, its
speaker (or value, or the reader's note) and the source, laid out right to
left by QTextDocument in the bundled font. The PNG also carries the text in
its metadata (``Title``, ``Description``, ``Author``, ``Source``, ``Comment``
text chunks) so the card stays searchable and accessible.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument, QTextOption

from reader.errors import ExportError, OutputExists
from reader.exporters.common import (
    ExportItem,
    Ticker,
    context_sentence,
    fsync_dir,
    fsync_file,
    highlight_colour,
    highlight_link,
    publish,
    refuse_special,
    safe_filename,
    value_words,
)
from reader.exporters.html import dir_of, isolate_ltr
from reader.exporters.qtgui import INK, arabic_font, draw_on_paper, ensure_app, png_bytes
from reader.store.article import Article, HighlightRecord
from reader.text.spans import shortened

CARD_WIDTH = 1080
MARGIN = 72
MAX_QUOTE_CHARS = 900
MAX_LINE_CHARS = 300
"""The title, speaker or note a card shows at most: their start, like a
long quote's (a title of 100,000 letters made a card 37,000 pixels tall)."""
BACKGROUND = "#fdfbf3"


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _quote_html(article: Article, h: HighlightRecord) -> tuple[str, str]:
    """The card's big text as HTML, and its direction. A highlight without a
    letter (a bare figure: "40") means nothing alone: the card shows the
    sentence it stands in, the figure marked, in the sentence's direction."""
    if not _has_letters(h.text):
        text = article.field_text(h.field)
        start, end = min(h.start, len(text)), min(h.end, len(text))
        sentence, s, e = context_sentence(text, start, end)
        if _has_letters(sentence):
            marked = (f"{escape(sentence[:s])}<span style=\"background-color: "
                      f"{highlight_colour(h)};\">{escape(sentence[s:e])}</span>"
                      f"{escape(sentence[e:])}")
            return marked.replace(chr(10), "<br>"), dir_of(sentence)
    quote = _at_most(h.text, MAX_QUOTE_CHARS)
    if h.kind == "quote":
        # The marks were left out of the span (DESIGN decision 5); a card shows them.
        quote = f"«{quote}»" if dir_of(quote) == "rtl" else f"“{quote}”"
    return "<br>".join(escape(x) for x in quote.split(chr(10))), dir_of(quote)


def _at_most(text: str, limit: int) -> str:
    """``text`` whole, its blank lines dropped, when it fits in ``limit``;
    else its start on one line (``shortened``)."""
    if len(text) > limit:
        return shortened(text, limit)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _card_html(article: Article, h: HighlightRecord) -> str:
    quote, direction = _quote_html(article, h)
    title = _at_most(article.title or "", MAX_LINE_CHARS)
    parts = [f'<p dir="{dir_of(title)}" style="font-size: 26px; color: #6b5b2e;">'
             f"{escape(title)}</p>",
             f'<p dir="{direction}" style="font-size: 44px; color: {INK};">{quote}</p>']
    # Who said it, the value and the source are the quote's attribution:
    # they line up under it (— CNN on the right of an Arabic card); a note
    # is the reader's own text, in its own direction.
    value = value_words(h.value)
    if h.speaker:
        extra, extra_dir = f"— {_at_most(h.speaker, MAX_LINE_CHARS)}", direction
    elif value:
        extra, extra_dir = f"القيمة: {value}", "rtl"
    else:
        extra, extra_dir = _at_most(h.note, MAX_QUOTE_CHARS), dir_of(h.note)
    if extra:
        # A note's own lines stay lines (a tester's two-line note was rewrapped).
        parts.append(f'<p dir="{extra_dir}" style="font-size: 30px; color: #333333;">'
                     f"{escape(extra).replace(chr(10), '<br/>')}</p>")
    source = " · ".join(x for x in (article.source, isolate_ltr(article.published_day())) if x)
    if source:
        parts.append(f'<p dir="{direction}" style="font-size: 24px; color: #777777;">'
                     f"{escape(source)}</p>")
    return "\n".join(parts)


def render_card(article: Article, h: HighlightRecord, *, width: int = CARD_WIDTH) -> QImage:
    """The card of highlight ``h`` of ``article`` as an ARGB32 image ``width``
    pixels wide, as tall as its text needs (at least half its width)."""
    ensure_app()
    doc = QTextDocument()
    doc.setDefaultFont(arabic_font(20))
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    doc.setDocumentMargin(0)
    doc.setHtml(_card_html(article, h))
    doc.setTextWidth(width - 2 * MARGIN)
    text_height = int(doc.size().height())
    height = max(width // 2, text_height + 2 * MARGIN)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(BACKGROUND))
    accent = highlight_colour(h)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        # The accent bar stands where an RTL reader's eye starts: the right edge.
        painter.fillRect(QRectF(width - 24, 0, 24, height), QColor(accent).darker(130))
        painter.translate(MARGIN, (height - text_height) // 2)
        draw_on_paper(painter, doc)
    finally:
        painter.end()
    image.setText("Title", article.title)
    image.setText("Description", h.text)
    if h.speaker:
        image.setText("Author", h.speaker)
    if article.source:
        image.setText("Source", article.source)
    image.setText("Comment", highlight_link(h))
    image.setText("Software", "rtl-reader")
    return image


def card_names(items: Sequence[ExportItem]) -> list[str]:
    """The file name of each card in a folder export, numbered in order."""
    names: list[str] = []
    for article, highlights in items:
        for _ in highlights:
            names.append(safe_filename(f"{len(names) + 1:04d} {article.title}", ext="png"))
    return names


def write_cards(items: Sequence[ExportItem], out: Path, *, force: bool,
                ticker: Ticker) -> list[Path]:
    """Render one card per highlight. One highlight and ``out`` not a folder:
    the card is ``out``; otherwise ``out`` is a folder (made if absent) of
    numbered cards. All cards are written to temporary files first and renamed
    only when every one succeeded; a failure or a cancel removes them (and a
    folder this call made). Raises OutputExists for a card that exists and not
    ``force``, ExportError for an unwritable place or no highlight at all."""
    cards = [(a, h) for a, hs in items for h in hs]
    if not cards:
        raise ExportError(str(out), "no highlights to export")
    try:
        targets, folder = _targets(items, out, single=len(cards) == 1, force=force)
    except OSError as err:  # Path.exists raises for ENAMETOOLONG, EACCES
        raise ExportError(str(out), f"cannot write: {err.strerror or err}") from None
    made_folder = False
    if not folder.is_dir():
        try:
            folder.mkdir()
        except OSError as err:
            raise ExportError(str(out), f"cannot make the folder: {err.strerror}") from None
        made_folder = True
    temps: list[Path] = []
    published: list[Path] = []
    try:
        for (article, h), target in zip(cards, targets, strict=True):
            tmp = target.with_name(f".{target.name}.part")
            temps.append(tmp)
            tmp.write_bytes(png_bytes(render_card(article, h), str(target)))
            fsync_file(tmp)
            ticker.step()
        for tmp, target in zip(temps, targets, strict=True):
            publish(tmp, target, force=force)
            published.append(target)
    except BaseException as err:
        # Cards this call added are taken back too (replaced ones cannot be).
        for tmp in temps + ([] if force else published):
            with contextlib.suppress(OSError):
                tmp.unlink()
        if made_folder:
            with contextlib.suppress(OSError):
                folder.rmdir()
        if isinstance(err, OSError):
            raise ExportError(str(out), f"cannot write: {err.strerror or err}") from None
        raise
    fsync_dir(folder)
    return targets


def _targets(items: Sequence[ExportItem], out: Path, *, single: bool,
             force: bool) -> tuple[list[Path], Path]:
    """The cards' paths and their folder, checked as ``write_cards`` says."""
    if single and not out.is_dir():
        refuse_special(out)
        if out.exists() and not force:
            raise OutputExists(str(out), "exists; use --force to overwrite")
        if not out.parent.is_dir():
            raise ExportError(str(out), f"folder does not exist: {out.parent}")
        return [out], out.parent
    if out.exists() and not out.is_dir():
        raise ExportError(str(out), "is a file; several PNG cards need a folder")
    targets = [out / name for name in card_names(items)]
    for target in targets:
        refuse_special(target)
        if target.exists() and not force:
            raise OutputExists(str(target), "exists; use --force to overwrite")
    return targets, out
