"""The reading view: a read-only QTextBrowser showing one article.

The document is built with ``QTextCursor`` from the article's text fields in
logical order, and its author in the byline's place when it has no byline
(``shown_parts``), never from HTML, so article text is never parsed as markup;
Qt shapes it with HarfBuzz and runs the bidi algorithm (DESIGN decision 1).
Each paragraph is its own block whose layout direction comes from
``reader.text.is_rtl`` (decision 6). Highlights, find hits and the flash of a
highlight chosen in the panel are ``ExtraSelection`` backgrounds
(``reader.gui.marks``), so nothing edits the document text and every offset
stays valid. Offsets cross between str indices and Qt positions only through
``reader.gui.offsets``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import groupby
from operator import itemgetter

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontDatabase,
    QFontInfo,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QResizeEvent,
    QShowEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QAbstractSlider, QMenu, QTextBrowser, QToolTip, QWidget

from reader.gui.display_text import display_paragraphs
from reader.gui.fonts import register_fonts
from reader.gui.layout_pacer import LayoutPacer
from reader.gui.marks import DiacriticsHider, MarksMixin, tooltip_html
from reader.gui.offsets import DocumentOffsets, FieldOffsets
from reader.gui.themes import THEMES, Theme, apply_theme
from reader.gui.turns import QuietTurns
from reader.gui.view_menu import context_menu
from reader.store.article import Article, HighlightRecord
from reader.text import TEXT_FIELDS, is_rtl
from reader.text.spans import trim_span, widen_to_words

SliderAction = QAbstractSlider.SliderAction

BASE_POINT_SIZE = 15.0
"""The body's size in points at zoom 1.0 unless the reader chose another."""
DOCUMENT_MARGIN = 18
"""Pixels around the text unless the reader chose other margins."""
MEASURE_EMS = 36
"""The longest line, in ems of the body's font (about 80 Arabic letters and
spaces): in a wider view the text stands in a column of this width in the
middle. A line of 150 letters across a full screen in focus mode was hard
to follow back to the start of the next."""
_WORD_EDGE_PUNCTUATION = "\u060c\u061b\u061f«»“”‘’„‹›"
"""Marks Qt's word selection takes in with the word beside them: the Arabic
comma, semicolon and question mark, and the quotation marks but ASCII ones."""

ZOOM_STEPS: tuple[float, ...] = (0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0, 2.4, 3.0)

# Relative size and colour role of each header field; the body is 1.0 in the text colour.
_FIELD_STYLE: dict[str, tuple[float, str]] = {
    "title": (1.7, "text"),
    "subtitle": (1.2, "muted"),
    "caption": (0.9, "muted"),
    "byline": (0.9, "muted"),
    "author": (0.9, "muted"),
}

SHOWN_AUTHOR = "author"
"""The part of the document that shows the article's author (the name a feed
or a page gave beside the text) in the byline's place when the article has
no byline. Shown only: it is no text field, so no highlight, search hit or
reading position points into it."""


def shown_parts(article: Article) -> list[tuple[str, str]]:
    """``(name, text)`` of what the document shows, in order: the text
    fields, with ``SHOWN_AUTHOR`` where the byline would be when the article
    has none (a byline already names the writer as the article prints it)."""
    parts = [(name, article.field_text(name)) for name in TEXT_FIELDS]
    if not article.byline and article.author.strip():
        at = TEXT_FIELDS.index("byline")
        parts.insert(at, (SHOWN_AUTHOR, article.author.strip()))
    return parts


class ReadingView(MarksMixin, QTextBrowser):
    """Shows one article; emits requests, never writes to the store itself.

    Positions in signals are ``(field, start, end)`` str indices of the
    article's original text. ``reading_position_changed`` carries the body
    index of the first visible line, debounced while the reader scrolls.
    The lazy layout makes way for a search when ``turns`` holds.
    """

    reading_position_changed = Signal(int)
    highlight_requested = Signal(str, int, int, str)  # field, start, end, colour
    note_requested = Signal(str, int, int)  # field, start, end: ask for a note, then highlight
    highlight_colour_requested = Signal(int, str)  # highlight id, colour
    highlight_note_edit_requested = Signal(int)  # highlight id
    highlight_delete_requested = Signal(int)  # highlight id

    def __init__(self, parent: QWidget | None = None, *,
                 turns: QuietTurns | None = None) -> None:
        super().__init__(parent)
        self._family = register_fonts()
        self._base_size = BASE_POINT_SIZE
        self._margin = DOCUMENT_MARGIN
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._article: Article | None = None
        self._shown: dict[str, str] = {}
        """The text of each part of the document by name (``shown_parts``)."""
        self._offsets = DocumentOffsets(())
        self._init_marks()
        self._theme: Theme = THEMES["light"]
        self._zoom = 1.0
        self._line_spacing = 100
        self._justified = False
        self._show_diacritics = True
        self._hider: DiacriticsHider | None = None
        self._anchor: tuple[str, int, int] = ("body", 0, 0)
        """What a resize or a show keeps at the top: ``(field, index, pixels)``,
        the line holding ``index`` and the view's top ``pixels`` below its top."""
        self._programmatic_scroll = False
        # Where ``_block_at`` starts looking: the block it last found or
        # ``scroll_to`` last went to, which the view asks about next.
        self._block_hint = 0
        self._position_timer = QTimer(self)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(400)
        self._position_timer.timeout.connect(self._on_scroll_settled)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        # Lines wrap at the view's width (anywhere, when a word is wider), so
        # nothing is ever to the side: only the layout's rounding (a document
        # 0.7 px wider than the view) would show a bar there.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Qt lays a long document out lazily, in steps, and again after a
        # change of width or format: what the view shows can move under the
        # same scroll value. One push per burst of steps re-marks what is
        # near the view then.
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(0)
        self._relayout_timer.timeout.connect(self._push_selections)
        # Qt's own lazy steps grow to 50-200 ms for 1 MB; the pacer lays the
        # rest out in slices of a few ms, so a key pressed meanwhile is taken;
        # ``turns`` (the pane's) has it make way for a search's frame.
        self._pacer = LayoutPacer(self, turns=turns)
        self._apply_default_font(self.document())
        apply_theme(self, self._theme)

    # -- the article -------------------------------------------------------

    @property
    def article(self) -> Article | None:
        return self._article

    @property
    def offsets(self) -> DocumentOffsets:
        """Where each field sits in the document (the only str/Qt converter)."""
        return self._offsets

    def set_article(self, article: Article, highlights: Sequence[HighlightRecord] = ()) -> None:
        """Show ``article`` with ``highlights``; the view starts at the top.

        The document is built whole in a fresh QTextDocument before it replaces
        the shown one, so the view lays it out once.
        """
        doc = QTextDocument(self)
        doc.setUndoRedoEnabled(False)
        self._apply_default_font(doc)
        texts = dict(shown_parts(article))
        self._offsets = DocumentOffsets.build(texts.items())
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        for k, placed in enumerate(self._offsets.fields):
            self._insert_field(cursor, placed, texts[placed.name], first=k == 0)
        cursor.endEditBlock()
        old = self.document()
        # The text control deletes the document it created itself; ours we delete.
        ours = old.parent() is self
        self._article = article
        self._shown = texts
        self._clear_marks()
        self._hider = None
        # Before setDocument: the scroll bar it shows resizes the view, which
        # scrolls to the anchor and finds the blocks near it; the old article's
        # anchor, or block hint, would scroll (and lay out) deep into the new one.
        self._anchor = (self._offsets.fields[0].name if self._offsets.fields else "body", 0, 0)
        self._block_hint = 0
        self._programmatic_scroll = True
        try:
            self.setDocument(doc)
            # setDocument keeps the old scroll value, cut to what the new
            # document has laid out so far.
            self.verticalScrollBar().setValue(0)
        finally:
            self._programmatic_scroll = False
        self._position_timer.stop()
        doc.documentLayout().documentSizeChanged.connect(self._relayout_timer.start)
        self._pacer.start(doc)
        if ours:
            old.deleteLater()
        if not self._show_diacritics:
            self._hider = DiacriticsHider(doc)
            self._hider.rehighlight()
        self.set_highlights(highlights)

    def _insert_field(self, cursor: QTextCursor, placed: FieldOffsets, text: str, *,
                      first: bool) -> None:
        """Append one field: each paragraph a block (a huge one several blocks,
        ``reader.gui.display_text`` says why) in the direction of its paragraph
        (decision 6)."""
        name = placed.name
        char_format = self._field_char_format(name)
        blocks: list[tuple[tuple[bool, bool], str]] = []
        for paragraph, pieces in display_paragraphs(text, placed.plan):
            rtl = is_rtl(paragraph)
            last = len(pieces) - 1
            blocks.extend(((rtl, k == last), piece) for k, piece in enumerate(pieces))
        # Blocks in a row with one format go in one insertText, whose "\n" start
        # blocks of the cursor's formats: block by block, 50,000 one-word
        # paragraphs took a second of Python calls.
        for (rtl, ends_paragraph), group in groupby(blocks, key=itemgetter(0)):
            block_format = self._block_format(name, rtl, ends_paragraph=ends_paragraph)
            if first:
                cursor.setBlockFormat(block_format)
                cursor.setBlockCharFormat(char_format)
                first = False
            else:
                cursor.insertBlock(block_format, char_format)
            joined = "\n".join(piece for _, piece in group)
            if joined:
                cursor.insertText(joined, char_format)

    def is_laying_out(self) -> bool:
        """True while the document is still being laid out in slices."""
        return self._pacer.running()

    def clear_article(self) -> None:
        """Show nothing (the article was deleted)."""
        self.set_article(Article(title="", body=""))
        self._article = None

    def _apply_default_font(self, doc: QTextDocument) -> None:
        font = QFont(self._family)
        font.setPointSizeF(self._base_size * self._zoom)
        doc.setDefaultFont(font)
        doc.setDocumentMargin(self._margin)
        self._apply_measure(doc)

    def _apply_measure(self, doc: QTextDocument) -> None:
        """The side margins that keep lines within ``MEASURE_EMS`` at the
        view's width (the reader's margin at least)."""
        column = MEASURE_EMS * QFontInfo(doc.defaultFont()).pixelSize()
        side = float(max(self._margin, (self.viewport().width() - column) // 2))
        frame = doc.rootFrame()
        fmt = frame.frameFormat()
        if fmt.leftMargin() != side or fmt.rightMargin() != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            frame.setFrameFormat(fmt)

    def _field_char_format(self, name: str) -> QTextCharFormat:
        fmt = QTextCharFormat()
        style = _FIELD_STYLE.get(name)
        if style is not None:
            scale, role = style
            fmt.setFontPointSize(self._base_size * self._zoom * scale)
            if role == "muted":
                fmt.setForeground(QColor(self._theme.muted))
            if name == "title":
                # A whole field in the bold face: no word is half bold, so joining holds.
                fmt.setFontWeight(QFont.Weight.Bold)
        return fmt

    def _block_format(self, name: str, rtl: bool, *, ends_paragraph: bool
                      ) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl
                               else Qt.LayoutDirection.LeftToRight)
        fmt.setAlignment(self._alignment(body=name == "body", rtl=rtl))
        fmt.setLineHeight(float(self._line_spacing),
                          QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if ends_paragraph:
            fmt.setBottomMargin(14 if name == "title" else 8)
        return fmt

    def _alignment(self, *, body: bool, rtl: bool) -> Qt.AlignmentFlag:
        """Leading for both directions (without AlignAbsolute, Qt reads "left"
        as the leading side of each block, so RTL paragraphs sit right);
        justified for left-to-right body paragraphs when asked.

        Right-to-left paragraphs are never justified: Qt justifies Arabic
        script by spacing its letters apart (``qt_getJustificationOpportunities``
        in qtextengine.cpp gives every letter a point that outranks the
        spaces), which breaks the joins inside words (و أ ضاف)."""
        if body and self._justified and not rtl:
            return Qt.AlignmentFlag.AlignJustify
        return Qt.AlignmentFlag.AlignLeading

    def _align_blocks(self, cursor: QTextCursor, placed: FieldOffsets) -> None:
        """Merge ``_alignment`` into each block of ``placed`` by its direction:
        one merge for each run of blocks of one direction (an article is
        mostly one run). Not justified, every block is leading: one merge,
        and no Python step per block (50,000 paragraphs)."""
        if not self._justified:
            cursor.setPosition(placed.start)
            cursor.setPosition(placed.end, QTextCursor.MoveMode.KeepAnchor)
            block_format = QTextBlockFormat()
            block_format.setAlignment(Qt.AlignmentFlag.AlignLeading)
            cursor.mergeBlockFormat(block_format)
            return
        doc = self.document()
        block = doc.findBlock(placed.start)
        while block.isValid() and block.position() <= placed.end:
            rtl = block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
            first = block
            while True:
                following = block.next()
                if not (following.isValid() and following.position() <= placed.end
                        and (following.blockFormat().layoutDirection()
                             == Qt.LayoutDirection.RightToLeft) == rtl):
                    break
                block = following
            cursor.setPosition(first.position())
            cursor.setPosition(block.position(), QTextCursor.MoveMode.KeepAnchor)
            block_format = QTextBlockFormat()
            block_format.setAlignment(self._alignment(body=placed.name == "body", rtl=rtl))
            cursor.mergeBlockFormat(block_format)
            block = block.next()

    def _restyle(self, *, same_sizes: bool = False) -> None:
        """Re-apply sizes, colours, spacing and alignment after an option changed,
        keeping the reading position. Each change is one format merge over a
        field's range (Qt loops over the blocks), never a Python loop per block.
        ``same_sizes``: the option changes no size (a theme), so the line at
        the top keeps its height exactly."""
        if self._position_timer.isActive():
            # Scrolled in the last moments (Ctrl++ right after the wheel): the
            # anchor is not settled yet, and going back to it jumped away.
            self._anchor = self._place_at_top()
        # Otherwise the line at the top goes back flush with it: its pixels
        # were of the old sizes.
        name, index, pixels = self._anchor
        if not same_sizes:
            pixels = 0
        doc = self.document()
        self._apply_default_font(doc)
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        for placed in self._offsets.fields:
            cursor.setPosition(placed.start)
            cursor.setPosition(placed.end, QTextCursor.MoveMode.KeepAnchor)
            char_format = self._field_char_format(placed.name)
            if char_format.properties():
                cursor.setCharFormat(char_format)
            block_format = QTextBlockFormat()
            block_format.setLineHeight(float(self._line_spacing),
                                       QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            cursor.mergeBlockFormat(block_format)
            if placed.name == "body":
                self._align_blocks(cursor, placed)
        cursor.endEditBlock()
        self._pacer.start(doc)
        self.scroll_to(name, index, pixels=pixels)
        self._push_selections(force=True)

    # -- display options ---------------------------------------------------

    def set_theme(self, t: Theme) -> None:
        if t == self._theme:
            # Every preference change applies the theme again: a restyle would
            # put the line at the top back flush with it, the text moved up to
            # a line (from a day of use: hiding diacritics moved the article).
            return
        self._theme = t
        apply_theme(self, t)
        self._restyle(same_sizes=True)
        self._rebuild_layer("highlights")
        self._rebuild_find_layers()

    def theme(self) -> Theme:
        return self._theme

    def zoom(self) -> float:
        return self._zoom

    def text_scale(self) -> float:
        """How large the body's text is against the default (the reader's
        size at zoom 1.0, then the zoom): 1.0 at 15 pt and no zoom."""
        return self._base_size * self._zoom / BASE_POINT_SIZE

    def set_zoom(self, factor: float) -> None:
        """Scale every field's text by ``factor`` (1.0 is the default size)."""
        factor = min(max(factor, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        if factor != self._zoom:
            self._zoom = factor
            self._restyle()

    def zoom_in(self, steps: int = 1) -> None:
        bigger = [z for z in ZOOM_STEPS if z > self._zoom + 1e-9]
        self.set_zoom(bigger[min(steps, len(bigger)) - 1] if bigger else ZOOM_STEPS[-1])

    def zoom_out(self, steps: int = 1) -> None:
        smaller = [z for z in ZOOM_STEPS if z < self._zoom - 1e-9]
        self.set_zoom(smaller[-min(steps, len(smaller))] if smaller else ZOOM_STEPS[0])

    def set_font(self, family: str, size: float) -> None:
        """Set the text in ``family`` ("" or a family not installed: the bundled
        Naskh) at ``size`` points for the body at zoom 1.0."""
        bundled = register_fonts()
        if family and family not in QFontDatabase.families():
            family = ""
        family = family or bundled
        size = min(max(float(size), 6.0), 72.0)
        if (family, size) != (self._family, self._base_size):
            self._family, self._base_size = family, size
            self._restyle()

    def font_family(self) -> str:
        return self._family

    def set_margin(self, pixels: int) -> None:
        """Blank pixels around the text, on every side."""
        pixels = min(max(int(pixels), 0), 400)
        if pixels != self._margin:
            self._margin = pixels
            self._restyle()

    def set_line_spacing(self, percent: int) -> None:
        """Line height as a percentage of the font's (100 = single)."""
        percent = min(max(int(percent), 80), 300)
        if percent != self._line_spacing:
            self._line_spacing = percent
            self._restyle()

    def line_spacing(self) -> int:
        return self._line_spacing

    def set_justified(self, justified: bool) -> None:
        """Justify left-to-right body paragraphs (Qt stretches their spaces);
        right-to-left ones stay flush right (``_alignment`` says why)."""
        if justified != self._justified:
            self._justified = justified
            self._restyle()

    def is_justified(self) -> bool:
        return self._justified

    def set_show_diacritics(self, show: bool) -> None:
        """Show or hide tashkeel; display only, every offset stays the same."""
        self._show_diacritics = show
        if show and self._hider is not None:
            self._hider.setDocument(None)
            self._hider.deleteLater()
            self._hider = None
        elif not show and self._hider is None:
            self._hider = DiacriticsHider(self.document())
            # Now, not on the highlighter's own deferred pass, so the change is seen at once.
            self._hider.rehighlight()

    def shows_diacritics(self) -> bool:
        return self._show_diacritics

    # -- positions -----------------------------------------------------------

    def selection_span(self) -> tuple[str, int, int] | None:
        """``(field, start, end)`` of the selected text, cut to the field it starts in."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._offsets.selection_span(cursor.anchor(), cursor.position())

    def highlight_span(self) -> tuple[str, int, int] | None:
        """``(field, start, end)`` that a highlight of the selection covers:
        ``selection_span`` without the white space and invisible marks the
        mouse took in at its ends (``trim_span``), and widened to the whole of
        a word it starts or ends inside (``widen_to_words``); None when nothing
        else is selected, or the selection starts in the shown author."""
        span = self.selection_span()
        if span is None or self._article is None or span[0] not in TEXT_FIELDS:
            return None
        name, start, end = span
        text = self._article.field_text(name)
        start, end = trim_span(text, start, end)
        if start == end:
            return None
        start, end = widen_to_words(text, start, end)
        return name, start, end

    def selection_is_cut(self) -> bool:
        """Whether the selection runs on past the end of the field it starts
        in (``selection_span`` keeps only the part in that field)."""
        cursor = self.textCursor()
        return cursor.hasSelection() and self._offsets.selection_is_cut(cursor.anchor(),
                                                                       cursor.position())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Qt selects the word under the pointer, but counts the Arabic comma,
        semicolon and question mark and the guillemets and curly quotation
        marks as letters of the word beside them (it leaves "," and '"' out):
        the selection is trimmed of them, so a double-click selects,
        highlights and copies the word alone."""
        super().mouseDoubleClickEvent(event)
        cursor = self.textCursor()
        text = cursor.selectedText()
        # The marks are one UTF-16 unit each: counts of them are Qt positions.
        lead = len(text) - len(text.lstrip(_WORD_EDGE_PUNCTUATION))
        trail = len(text) - len(text.rstrip(_WORD_EDGE_PUNCTUATION))
        start, end = cursor.selectionStart() + lead, cursor.selectionEnd() - trail
        if (lead or trail) and start < end:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)

    def select_span(self, name: str, start: int, end: int) -> None:
        """Select ``[start, end)`` of field ``name`` (str indices)."""
        a, b = self._offsets.span_to_qt(name, start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def span_rect_global(self, name: str, start: int, end: int) -> QRect:
        """The screen rectangle around ``[start, end)`` of field ``name`` as
        shown now (clipped to the view; empty when the span is out of sight)."""
        a, b = self._offsets.span_to_qt(name, start, end)
        first, last = QTextCursor(self.document()), QTextCursor(self.document())
        first.setPosition(a)
        last.setPosition(b)
        rect = self.cursorRect(first).united(self.cursorRect(last))
        if self.cursorRect(first).top() != self.cursorRect(last).top():
            rect = QRect(0, rect.top(), self.viewport().width(), rect.height())  # whole lines
        rect = rect.intersected(self.viewport().rect())
        if rect.isEmpty():
            return QRect()
        return QRect(self.viewport().mapToGlobal(rect.topLeft()), rect.size())

    def scroll_to(self, name: str, index: int, *, center: bool = False,
                  pixels: int = 0, by_reader: bool = False) -> None:
        """Scroll so the line holding ``index`` of field ``name`` is at the top
        (or the middle with ``center``), the view's top ``pixels`` below the
        line's top (above it when negative). Unknown fields and indices
        scroll to the nearest valid place. ``by_reader``: a move the reader
        asked for (a find's hit), reported as the reading position as a
        scroll of theirs is; otherwise the view is only put somewhere."""
        placed = self._offsets.field(name) or self._offsets.field("body")
        if placed is None:
            return
        index = min(max(index, 0), placed.length)
        found = self._line_top(placed, index)
        if found is None:
            return
        block, top = found
        doc = self.document()
        self._block_hint = block.blockNumber()
        if center:
            top -= self.viewport().height() / 2
        target = int(top) + pixels
        self._anchor = (placed.name, index, pixels)
        bar = self.verticalScrollBar()
        if target > bar.maximum():
            # Qt lays a long document out lazily: the bar's range may not
            # reach this far yet. Lay the document out to a screen past the
            # target (not the whole of it: ~200 ms for 1 MB) and give the bar
            # the range Qt will report for that on its next layout step. Never
            # past the text laid out: a range for text that fits would show
            # the scroll bar, narrow the view, and the resize scroll here again.
            layout = doc.documentLayout()
            below = target + 2 * self.viewport().height()
            bottom = 0.0
            while block.isValid():
                bottom = layout.blockBoundingRect(block).bottom()
                if bottom >= below:
                    break
                block = block.next()
            reach = int(bottom + doc.documentMargin()) - self.viewport().height()
            if reach > bar.maximum():
                bar.setMaximum(min(target, reach))
        self._programmatic_scroll = not by_reader
        try:
            bar.setValue(max(0, target))
        finally:
            self._programmatic_scroll = False
        if center:
            # The anchor is what a resize keeps at the top: the line now there,
            # not the centred one (closing the find bar moved a hit from the
            # middle of the view to its top).
            self._anchor = self._place_at_top()

    def shows_whole(self, name: str, start: int, end: int) -> bool:
        """Whether ``start..end`` of field ``name`` lies wholly inside the
        view now, its lines' tops and bottoms included."""
        placed = self._offsets.field(name)
        if placed is None:
            return False
        first = self._line_top(placed, start)
        last = self._line_top(placed, end)
        if first is None or last is None:
            return False
        block, top = last
        line = block.layout().lineForTextPosition(placed.to_qt(end) - block.position())
        bottom = top + (line.height() if line.isValid() else 0.0)
        view_top = self.verticalScrollBar().value()
        return first[1] >= view_top and bottom <= view_top + self.viewport().height()

    def _line_top(self, placed: FieldOffsets, index: int) -> tuple[QTextBlock, float] | None:
        """The block holding ``index`` of a field and the document y that
        ``scroll_to`` puts at the view's top for it: the top of its line,
        or 0 for the document's first character (its margin included)."""
        position = placed.to_qt(index)
        doc = self.document()
        block = doc.findBlock(position)
        if not block.isValid():
            return None
        top = doc.documentLayout().blockBoundingRect(block).top()
        line = block.layout().lineForTextPosition(position - block.position())
        if line.isValid():
            top += line.y()
        if position == 0:
            top = 0.0  # the very top, document margin included
        return block, top

    def _pixels_below(self, name: str, index: int) -> int:
        """How far the view's top is below where ``scroll_to(name, index)``
        puts it (the same rounding, so that scrolling back is exact)."""
        placed = self._offsets.field(name)
        found = self._line_top(placed, index) if placed is not None else None
        if found is None:
            return 0
        return self.verticalScrollBar().value() - int(found[1])

    def _place_at_top(self) -> tuple[str, int, int]:
        """``(field, index, pixels)`` of the first visible line (``first_visible``)."""
        name, index = self.first_visible()
        return name, index, self._pixels_below(name, index)

    def _reading_target(self, index: int) -> tuple[str, int]:
        """Where ``scroll_to_reading_position(index)`` scrolls to."""
        if index <= 0 and self._offsets.fields:
            return self._offsets.fields[0].name, 0
        return "body", index

    def scroll_to_reading_position(self, index: int, *, caret: bool = False,
                                   pixels: int = 0, by_reader: bool = False) -> None:
        """Scroll to body index ``index`` as ``reading_position`` reports it: 0 is
        the top of the article (headline first), not the first body line;
        ``pixels`` as ``reading_place`` gave them (0: the line flush with the
        top). With ``caret`` the caret goes there too (a link's place): the
        keys then read on from it, where from the caret left on the headline
        the first arrow key took the reader back to the top.

        ``by_reader``: a place the reader asked for (a link's): reported as
        the reading position, even when the view was there already.
        Otherwise a move not yet reported is dropped: the view is put back
        where the reader is (an article opening with the find bar open went
        to its first hit first, and that would have been stored a line away
        from the place)."""
        place = self._reading_target(index)
        self.scroll_to(*place, pixels=pixels)
        if by_reader:
            self._position_timer.start()
        else:
            self._position_timer.stop()
        if caret:
            self._place_caret(*place)

    def reading_place(self) -> tuple[int, int]:
        """``(reading_position(), pixels)``: the place exactly, for the next
        run: ``scroll_to_reading_position(*place)`` on the same layout shows
        the same line at the same height. The position alone put the line
        flush with the top, up to a line away from where the reader was."""
        position = self.reading_position()
        return position, self._pixels_below(*self._reading_target(position))

    def _place_caret(self, name: str, index: int) -> None:
        """Put the caret (no selection) before ``index`` of field ``name``,
        cut to the field, without the scroll it may bring counting as the
        reader's."""
        placed = self._offsets.field(name)
        if placed is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(placed.to_qt(min(max(index, 0), placed.length)))
        self._programmatic_scroll = True
        try:
            self.setTextCursor(cursor)
        finally:
            self._programmatic_scroll = False

    def margin_below_text(self) -> int:
        """Pixels of the document below its last line: the document's margin
        and the last paragraph's."""
        doc = self.document()
        return round(doc.documentMargin() + doc.lastBlock().blockFormat().bottomMargin())

    def first_visible(self, *, whole: bool = False) -> tuple[str, int]:
        """``(field, index)`` of the start of the first line at the top of the
        view; ``whole``: of the first line shown whole (a line cut by the top
        edge left out), where a find begins."""
        y = self.verticalScrollBar().value() + 1.0
        block = self._block_at(y)
        position = block.position()
        layout = block.layout()
        if layout is not None:
            y -= self.document().documentLayout().blockBoundingRect(block).top()
            for k in range(layout.lineCount()):
                line = layout.lineAt(k)
                if (line.y() >= y - 1.0 if whole else line.y() + line.height() > y):
                    position += line.textStart()
                    break
            else:
                if whole and block.next().isValid():  # its last line is cut: the next block's
                    position = block.next().position()
        located = self._offsets.locate(max(position, 0))
        return located if located is not None else ("body", 0)

    def _block_at(self, y: float) -> QTextBlock:
        """The first block whose bottom lies below document coordinate ``y``
        (the last block when none does).

        Not the layout's hit test: while Qt lays a long document out (lazily,
        in steps on a timer, for half a second after a 1 MB article opens or
        the width changes) it answers with positions far from the point, and
        finishing the layout to ask again stalls the window ~200 ms. A
        block's rectangle needs the layout only up to that block, so the
        search gallops from a block near the answer (``_block_hint``: the
        view asks about where it just scrolled) and then bisects, laying out
        at most twice as far past the hint as the answer lies. From the top
        it laid out twice as far as ``y``: a word typed the moment a 1 MB
        article opened, its first hit 2% of the way in, waited 9-10 ms for
        its paint instead of 4-5.
        """
        doc = self.document()
        layout = doc.documentLayout()
        count = doc.blockCount()

        def bottom(k: int) -> float:
            return layout.blockBoundingRect(doc.findBlockByNumber(k)).bottom()

        hint = min(self._block_hint, count - 1)
        if hint > 0 and bottom(hint - 1) > y:
            # before the hint, in text laid out already: gallop back to a
            # block above y; the answer is after it, at hint - 1 at most
            hi, step = hint - 1, 1
            while hi - step > 0 and bottom(hi - step) > y:
                hi -= step
                step *= 2
            lo, hi = max(0, hi - step), hi + 1
        else:
            step = 1
            while hint + step < count and bottom(hint + step - 1) <= y:
                step *= 2
            lo, hi = hint + step // 2, min(hint + step, count)
        k = min(bisect_right(range(count), y, lo, hi, key=bottom), count - 1)
        self._block_hint = k
        return doc.findBlockByNumber(k)

    def reading_position(self) -> int:
        """The body index at the top of the view (0 while a header field is
        there). The body's first line at the top, the header scrolled away,
        is 1, a place on that same line: 0 would reopen at the headline."""
        name, index = self.first_visible()
        if name != "body":
            return 0
        headed = bool(self._offsets.fields) and self._offsets.fields[0].name != "body"
        return 1 if index == 0 and headed else index

    def _on_scrolled(self, _value: int) -> None:
        self._push_selections()
        if not self._programmatic_scroll:
            self._position_timer.start()

    def has_pending_position(self) -> bool:
        """True while a scroll has not been reported yet (the debounce runs)."""
        return self._position_timer.isActive()

    def settle_position(self) -> None:
        """Report the reading position now instead of after the debounce."""
        self._position_timer.stop()
        self._on_scroll_settled()

    def _on_scroll_settled(self) -> None:
        self._anchor = self._place_at_top()
        if self._article is not None:
            self.reading_position_changed.emit(self.reading_position())

    # Qt moves the scroll bar by itself on a resize (a shorter layout cuts the
    # value) and on the first show (QTextEdit.showEvent scrolls to the text
    # cursor, at the top): neither is the reader scrolling, so neither may
    # store a reading position. The view goes back to its anchor instead.
    # (A restart stored 0 and opened at the headline, issue 14 item 1.)

    def resizeEvent(self, event: QResizeEvent) -> None:
        def resize() -> None:
            super(ReadingView, self).resizeEvent(event)
            self._apply_measure(self.document())

        self._back_to_anchor(resize)
        if event.size().width() != event.oldSize().width():
            self._pacer.start(self.document())  # Qt lays it out again from the top
        self._push_selections(force=True)

    def showEvent(self, event: QShowEvent) -> None:
        self._back_to_anchor(lambda: super(ReadingView, self).showEvent(event))

    def _back_to_anchor(self, qt_handler: Callable[[], None]) -> None:
        """Run Qt's own handler, its scrolls not taken as the reader's, then
        scroll back to the anchor."""
        if self._position_timer.isActive():
            # The reader's last scroll is not reported yet (Ctrl+Home, then
            # Ctrl+F opening the find bar at once): come back to where the
            # reader is, not to the place reported before.
            self.settle_position()
        name, index, pixels = self._anchor
        self._programmatic_scroll = True
        try:
            qt_handler()
        finally:
            self._programmatic_scroll = False
        self.scroll_to(name, index, pixels=pixels)

    # -- copy, resources, tooltips, context menu --------------------------------

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy the article's own text for the selection, in logical order: the
        stored characters, not the document's (no-break spaces, separators).
        Plain text only: pasting an article quote should not carry our styling."""
        # WORKAROUND: a QMimeData made in Python and returned from this override
        # is freed twice at exit (PySide6 6.11 keeps ownership): start from Qt's own.
        mime = super().createMimeDataFromSelection()
        # Qt's own fills itself from the document (zero width spaces and all) the
        # first time it is read, over anything set before: have that happen now.
        mime.data("text/plain")
        for name in mime.formats():
            mime.removeFormat(name)
        cursor = self.textCursor()
        if self._article is None or not cursor.hasSelection():
            return mime
        lo, hi = cursor.selectionStart(), cursor.selectionEnd()
        pieces = []
        for placed in self._offsets.fields:
            if placed.end < lo or placed.start > hi:
                continue
            start = placed.to_index(lo)
            end = placed.to_index(hi)
            if end > start:
                pieces.append(self._shown[placed.name][start:end])
        mime.setText("\n".join(pieces))
        return mime

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        """Only resources bundled with the app (``qrc:``) load; anything else,
        remote or local, gives nothing, so an article can never reach out."""
        url = QUrl(url)
        if url.scheme() == "qrc":
            return super().loadResource(kind, url)
        return None

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.highlights_under(event.pos())
            if found:
                QToolTip.showText(event.globalPos(), tooltip_html(found), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The page keys turn a page; the arrow keys move the caret a line.

        Qt turns a page by moving the caret down line by line at the x it
        had and scrolls only when the caret went the whole way; in
        right-to-left text that x can fall on the boundary of a wrapped line,
        where the caret does not move, and then the page did not turn
        (``tests/gui/test_reading_keys.py``). So a page key scrolls by the
        scroll bar's page, as the space bar does, and the caret keeps its
        place on the screen; an arrow key that left the caret where it was
        moves it again from a caret made afresh at that position."""
        std = QKeySequence.StandardKey
        page = (SliderAction.SliderPageStepAdd if event.matches(std.MoveToNextPage)
                else SliderAction.SliderPageStepSub if event.matches(std.MoveToPreviousPage)
                else None)
        if page is not None:
            caret = self.cursorRect()
            shown = self.viewport().rect().contains(caret.center())
            self.verticalScrollBar().triggerAction(page)
            if shown:
                self.setTextCursor(self.cursorForPosition(caret.center()))
            return
        line = (QTextCursor.MoveOperation.Down if event.matches(std.MoveToNextLine)
                else QTextCursor.MoveOperation.Up if event.matches(std.MoveToPreviousLine)
                else None)
        before = self.textCursor().position()
        super().keyPressEvent(event)
        if event.matches(std.MoveToStartOfDocument):
            # Qt scrolls only as far as the caret's line: the headline stood
            # flush against the top, without the margin it opens with.
            self.verticalScrollBar().setValue(0)
        if line is not None and self.textCursor().position() == before:
            fresh = QTextCursor(self.document())
            fresh.setPosition(before)
            if fresh.movePosition(line):
                self.setTextCursor(fresh)

    def build_context_menu(self, viewport_point: QPoint) -> QMenu:
        """The context menu at a viewport point (``reader.gui.view_menu``)."""
        return context_menu(self, viewport_point)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.build_context_menu(event.pos())
        if event.reason() == QContextMenuEvent.Reason.Keyboard and menu.actions():
            # From the keys (Shift+F10, the Menu key) the first entry is
            # ready for Enter: a tester's first Enter did nothing.
            menu.setActiveAction(next(a for a in menu.actions() if not a.isSeparator()))
        menu.exec(event.globalPos())
        menu.deleteLater()
