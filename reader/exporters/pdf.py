"""PDF export through Qt's own text engine (QtGui only: QTextDocument printed on
a QPdfWriter), so Arabic is shaped by HarfBuzz exactly as in the app, with the
bundled font registered.

The text layer gives back every word: Qt writes no ToUnicode entry for a
glyph that only the shaper's substitutions reach (both halves of lam-alef, لا
لأ لإ لآ, among them), so the page is set in a PDF-only copy of the bundled
font that maps those glyphs, and their text is put back afterwards
(``reader.exporters.pdf_fonts``, which also records the ways weighed). Where
that copy cannot be made (no fontTools) the plain font is used and lam-alef
is lost to search and copy, as before.

Reading it back: ``pdftotext`` returns Arabic as presentation forms wrapped in
bidi embedding controls, with mirrored brackets (DESIGN, Known traps): NFKC
and drop the controls before comparing.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
)

from reader.exporters.common import (
    NOTE_LABEL,
    ExportItem,
    Ticker,
    article_link,
    context_sentence,
    highlight_colour,
    highlight_link,
    sections,
    source_url,
    value_words,
)
from reader.exporters.html import (
    PAGE_TITLE,
    dir_of,
    isolate_ltr,
)
from reader.exporters.pdf_fonts import pdf_family, restore_text
from reader.exporters.qtgui import LINK, arabic_font, draw_on_paper, ensure_app
from reader.store.article import Article, HighlightRecord
from reader.text.bidi import isolate_address
from reader.text.values import isolate_dates

BODY_POINTS = 11.0


def _block(text: str, *, tag: str = "p", style: str = "", inner: str | None = None,
           within: str = "") -> str:
    style_attr = f' style="{style}"' if style else ""
    content = inner if inner is not None else "<br>".join(escape(x) for x in text.split("\n"))
    return f'<{tag} dir="{dir_of(text, within)}"{style_attr}>{content}</{tag}>'


def _highlight_html(article: Article, h: HighlightRecord) -> str:
    text = article.field_text(h.field)
    start, end = min(h.start, len(text)), min(h.end, len(text))
    sentence, s, e = context_sentence(text, start, end)
    colour = highlight_colour(h)
    parts = [_block(h.text, style="margin-right: 9pt; margin-left: 9pt; font-size: 12pt; "
                                  f"background-color: {colour};", within=sentence)]
    if h.speaker:
        parts.append(_block(h.speaker, inner=f"— {escape(h.speaker)}"))
    value = value_words(h.value)
    if value:
        parts.append(_block("القيمة", inner=f"القيمة: {escape(isolate_dates(value))}"))
    if h.note:
        # Labelled, as Markdown and the plain text label it: an italic
        # Arabic note is a slant the script never had (a tester's day).
        lines = "<br>".join(escape(isolate_dates(x)) for x in h.note.split("\n"))
        parts.append(_block(h.note, style="color: #3e2723;",
                            inner=f"<b>{NOTE_LABEL}:</b> {lines}"))
    marked = (f"{escape(sentence[:s])}<span style=\"background-color: {colour};\">"
              f"{escape(sentence[s:e])}</span>{escape(sentence[e:])}")
    parts.append(_block(sentence, style="color: #444444;", inner=marked))
    link = highlight_link(h)
    parts.append(f'<p dir="rtl" style="font-size: 9pt;"><a href="{escape(link)}" '
                 f'style="color: {LINK};">موضعه في المقال</a></p>')
    return "\n".join(parts)


def article_html(article: Article, highlights: Sequence[HighlightRecord]) -> str:
    """The Qt rich-text HTML of one article's section: direction per block."""
    title = article.title or "بلا عنوان"
    parts = [_block(title, tag="h2")]
    day = isolate_ltr(article.published_day())
    meta = " · ".join(escape(x) for x in (article.source, day) if x)
    link = (f'<a href="{escape(article_link(article.id, 0))}" style="color: {LINK};">'
            "فتح في القارئ</a>")
    parts.append(f'<p dir="rtl" style="color: #666666;">{meta + " · " if meta else ""}{link}</p>')
    url = source_url(article)
    if url:
        # On paper the address itself, read left to right as a whole beside
        # the Arabic label, each Arabic word of it in its own place
        # (``isolate_address``), so a line that wraps it at a slash or a
        # hyphen leaves each part of it where it was.
        parts.append(f'<p dir="rtl" style="color: #666666;">المصدر الأصلي: '
                     f'<a href="{escape(url)}" style="color: {LINK};">'
                     f"{escape(isolate_address(url))}</a></p>")
    for title, group in sections(highlights):
        if title is not None:
            parts.append(f'<h3 dir="rtl">{title}</h3>')
        parts += [_highlight_html(article, h) for h in group]
    parts.append("<hr>")
    return "\n".join(parts)


ARTICLES_PER_CHUNK = 100
"""Articles laid out per QTextDocument: memory stays flat for a whole library,
and cancel is honoured between chunks. Each chunk starts a new page."""

RESOLUTION = 300


def write(items: Sequence[ExportItem], path: Path, ticker: Ticker) -> None:
    """Lay out the articles chunk by chunk and paint them page by page on an A4
    QPdfWriter at ``path``, with page numbers. Raises Cancelled between chunks,
    OSError when the file cannot be written whole (a full disk)."""
    ensure_app()
    # The PDF is made in memory and written by Python: Qt's own file writes
    # fail silently, and a full disk left a 4 KB PDF reported as written.
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(PAGE_TITLE)
    writer.setCreator("rtl-reader")
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
    rect = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer = RESOLUTION // 3
    page = QSizeF(rect.width(), rect.height() - footer)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write a PDF to {path}")
    try:
        number = 0
        chunks = [items[i:i + ARTICLES_PER_CHUNK]
                  for i in range(0, len(items), ARTICLES_PER_CHUNK)] or [[]]
        for index, chunk in enumerate(chunks):
            parts = [f'<h1 dir="rtl">{escape(PAGE_TITLE)}</h1>'] if index == 0 else []
            parts += [article_html(article, highlights) for article, highlights in chunk]
            doc = _document("\n".join(parts), writer, page)
            for p in range(doc.pageCount()):
                if number:
                    writer.newPage()
                number += 1
                _paint_page(painter, doc, p, page, footer, number)
            for _ in chunk:
                ticker.step()
    finally:
        painter.end()
        del writer  # the file is complete only once the writer is gone
    data = buffer.data().data()
    buffer.close()
    path.write_bytes(data)
    restore_text(path)


def _font(points: float) -> QFont:
    """The searchable PDF copy of the bundled font, or the font itself."""
    family = pdf_family()
    if family is None:
        return arabic_font(points)
    font = QFont(family)
    font.setPointSizeF(points)
    return font


def _document(html: str, device: QPdfWriter, page: QSizeF) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    font = _font(BODY_POINTS)
    # An optional ligature (the font's الله) is one glyph for several letters,
    # and readers of the PDF put such a glyph's letters in the wrong order
    # (or lose them): keep the letters, as search and copy need them.
    font.setFeature(QFont.Tag("liga"), 0)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setPageSize(page)
    # One setHtml per document: inserting piece by piece merges each first
    # block into the last one.
    doc.setHtml(html)
    _split_at_pages(doc)
    return doc


def _split_at_pages(doc: QTextDocument) -> None:
    """Make each paragraph that runs from one page onto the next two
    paragraphs, split where the page breaks, so that every paragraph lies on
    one page.

    Qt draws a paragraph that a page's clip cuts from the last line wholly
    above the clip (QTextLayout::draw starts one line early): the clip hid
    that line, but its text stayed in the PDF, where copy, search and
    pdftotext found it twice. The second part keeps the paragraph's format
    without its top margin, so every line stays where it was; a second round
    checks that."""
    for _ in range(3):
        breaks = _page_breaks(doc)
        if not breaks:
            return
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        for position in reversed(breaks):  # the earlier positions stay valid
            cursor.setPosition(position)
            rest = cursor.block().blockFormat()
            rest.setTopMargin(0)
            cursor.insertBlock(rest, cursor.block().charFormat())
        cursor.endEditBlock()
        # After an edit Qt lays out only part of a large document, and
        # leaves the paragraphs after it without lines: lay it all out again.
        doc.setPageSize(doc.pageSize())


def _page_breaks(doc: QTextDocument) -> list[int]:
    """The document positions where a paragraph goes on from one page to the
    next: the first character of each line on a later page than the line
    before it in the same paragraph, in document order."""
    height = doc.pageSize().height()
    layout = doc.documentLayout()
    breaks: list[int] = []
    block = doc.begin()
    while block.isValid():
        # Asking where a paragraph is lays it out (a large document is laid
        # out lazily, its later paragraphs have no lines before).
        top = layout.blockBoundingRect(block).y()
        lines = block.layout()
        page = -1
        for i in range(lines.lineCount()):
            line = lines.lineAt(i)
            line_page = int((top + line.y()) // height)
            if i and line_page != page:
                breaks.append(block.position() + line.textStart())
            page = line_page
        block = block.next()
    return breaks


def _paint_page(painter: QPainter, doc: QTextDocument, index: int, page: QSizeF,
                footer: int, number: int) -> None:
    top = index * page.height()
    painter.save()
    painter.translate(0, -top)
    # A paragraph that ends at the page's top edge or starts at its bottom
    # edge (as the first one on the next page does) touches a clip of the
    # whole page, and Qt draws all of it: its text, hidden by the clip,
    # stayed in the PDF (the page number read into it, "ه1جمات"). The
    # clip keeps half a pixel clear of both edges; no line is so thin.
    clip = QRectF(0, top + 0.5, page.width(), page.height() - 1)
    draw_on_paper(painter, doc, clip)
    painter.restore()
    painter.save()
    painter.setFont(_font(9))
    painter.drawText(QRectF(0, page.height(), page.width(), footer),
                     int(Qt.AlignmentFlag.AlignCenter), str(number))
    painter.restore()
