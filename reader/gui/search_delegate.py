"""How a library search result looks in the list: its title, and under it the
snippet of text where it matched, the matched words marked.

``SearchResultDelegate`` paints the title cell of a result row in two lines
(``LibraryModel`` gives the snippet and its marks as ``SNIPPET_ROLE``); each
line is laid out in its own direction (DESIGN decision 6) by a
``QTextDocument`` built from escaped text, so a title or snippet is never
read as markup. Other cells, and every cell of the plain list, are painted
as usual.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader.gui.library_model import SNIPPET_ROLE
from reader.gui.themes import THEMES, Theme
from reader.text import is_rtl
from reader.text.bidi import strip_bidi_controls

_Index = QModelIndex | QPersistentModelIndex

LEAD = 24
"""Characters of a snippet kept before its first hit when the line is short."""

def result_html(title: str, snippet: str, marks: tuple[tuple[int, int], ...],
                mark_colour: str, mark_text: str) -> str:
    """The two lines of a result as rich text: the title in bold, the snippet
    with ``marks`` (str indices into ``snippet``) in ``mark_text`` on
    ``mark_colour``; each line in the direction of its own letters."""
    pieces, at = [], 0
    for start, end in sorted(marks):
        if start < at or end > len(snippet):
            continue
        pieces.append(html.escape(snippet[at:start]))
        pieces.append(f'<span style="background-color: {mark_colour}; color: {mark_text};">'
                      f"{html.escape(snippet[start:end])}</span>")
        at = end
    pieces.append(html.escape(snippet[at:]))
    title = strip_bidi_controls(title)

    def direction(text: str) -> str:
        return "rtl" if is_rtl(text) else "ltr"

    return (f'<p dir="{direction(title)}" style="margin: 0;"><b>{html.escape(title)}</b></p>'
            f'<p dir="{direction(snippet)}" style="margin: 0;">{"".join(pieces)}</p>')


def fitted(snippet: str, marks: tuple[tuple[int, int], ...],
           fits: Callable[[str], bool]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """As much of ``snippet`` around its first mark as ``fits``, with "…"
    where it is cut, and the marks that lie wholly inside, moved to match.

    The first mark (the hit) is always kept whole, even when it alone does
    not fit (then nothing else is kept). Around it, context on both sides:
    up to ``LEAD`` characters before it (more when the text after it runs
    out), the rest after it; a word cut at either end is dropped when a
    space is left to cut at. ``fits`` must be monotone: a text that fits
    still fits with characters taken away. Without marks, the start of
    ``snippet`` is kept. Marks that do not lie inside ``snippet`` are left
    out (they mark nothing there).
    """
    marks = tuple((s, e) for s, e in marks if 0 <= s <= e <= len(snippet))
    if fits(snippet):
        return snippet, marks
    start, end = min(marks, default=(0, 0))
    room_after = len(snippet) - end

    def window(context: int) -> tuple[int, int]:
        # Balanced while short, then LEAD before and the rest after; what one
        # side lacks goes to the other. Both ends only move out as context
        # grows, so the windows nest and the search below is sound.
        before = min(start, max(min((context + 1) // 2, LEAD), context - room_after))
        return start - before, min(len(snippet), end + context - before)

    def shown(begin: int, stop: int) -> str:
        return ("…" if begin > 0 else "") + snippet[begin:stop] + \
            ("…" if stop < len(snippet) else "")

    low, high = 0, start + room_after
    while low < high:  # the most context that fits
        middle = (low + high + 1) // 2
        if fits(shown(*window(middle))):
            low = middle
        else:
            high = middle - 1
    begin, stop = window(low)
    if begin > 0:
        if not snippet[begin - 1].isspace():
            space = snippet.find(" ", begin, start)
            begin = space + 1 if space >= 0 else begin
        while begin < start and snippet[begin].isspace():
            begin += 1
    if stop < len(snippet):
        if not snippet[stop].isspace():
            space = snippet.rfind(" ", end, stop)
            stop = space if space >= 0 else stop
        while stop > end and snippet[stop - 1].isspace():
            stop -= 1
    shift = begin - (1 if begin > 0 else 0)
    return shown(begin, stop), tuple((s - shift, e - shift) for s, e in marks
                                     if s >= begin and e <= stop)


class SearchResultDelegate(QStyledItemDelegate):
    """Paints a search result's title cell with its snippet; ``lines`` is the
    row height in lines of text.

    A matched word is marked as the theme marks a find's hit in the article
    (``set_theme``): the page's text on the hit colour, in a selected row
    too. The row's own text colour on the mark was white on pale yellow in
    a selected row of the light theme, unreadable."""

    lines = 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._theme = THEMES["light"]

    def set_theme(self, t: Theme) -> None:
        """Mark the matched words in ``t``'s colours."""
        self._theme = t

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        found = index.data(SNIPPET_ROLE)
        if not found:
            super().paint(painter, option, index)
            return
        title, snippet, marks = found
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if isinstance(widget, QWidget) else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        doc = self.document(option, title, snippet, marks)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def document(self, option: QStyleOptionViewItem, title: str, snippet: str,
                 marks: tuple[tuple[int, int], ...]) -> QTextDocument:
        """The two lines of a result as painted in a cell of ``option``'s
        rect and font: the title elided, the snippet cut to what fits around
        its first hit (``fitted``), measured in the font it is drawn in."""
        doc = QTextDocument()
        plain = QFont(option.font)
        plain.setBold(False)  # an unread row's bold is for its title alone
        doc.setDefaultFont(plain)
        doc.setDocumentMargin(2)
        width = option.rect.width()
        bold = QFont(plain)
        bold.setBold(True)
        title = QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, width - 8)
        # The snippet's own font: the row's (bold when unread) is wider, and
        # measuring in it cut off words that fit.
        snippet_metrics = QFontMetrics(plain)
        snippet, marks = fitted(snippet, marks,
                                lambda text: snippet_metrics.horizontalAdvance(text) <= width - 8)
        doc.setHtml(result_html(title, snippet, marks, self._theme.find_hit, self._theme.text))
        doc.setTextWidth(width)
        return doc

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(SNIPPET_ROLE):
            size.setHeight(option.fontMetrics.lineSpacing() * self.lines + 8)
        return size
