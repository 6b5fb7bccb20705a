"""What the reading view paints over its text without editing it.

Highlights (automatic, then the reader's own), find hits, the current hit
and the brief flash of a highlight chosen in the panel are layers of marks
(``Mark``: a background over document positions), handed to Qt as
ExtraSelections, and only those near the visible part
(``MarksMixin._push_selections`` says why). ``DiacriticsHider`` paints
tashkeel transparent for "hide diacritics". Neither touches the document's
text, so every offset stays valid. Also here: the words that describe a
highlight to the reader (tooltip, subtype and colour names), which the
highlights panel shares.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit

from reader.exporters.common import value_words
from reader.gui.i18n import current_language
from reader.gui.offsets import DocumentOffsets
from reader.gui.themes import Theme
from reader.store.article import HIGHLIGHT_ROLES, HighlightRecord
from reader.text.bidi import FSI, PDI
from reader.text.fold import DIACRITICS
from reader.text.hits import ArticleHits
from reader.text.spans import shortened
from reader.text.values import describe_value, isolate_dates

# What "hide diacritics" paints transparent: the fold's diacritics that are
# combining marks. Tatweel, which joins letters, and the Quranic signs that
# stand alone stay; so do the hamza marks U+0654/U+0655, they spell the word.
DIACRITICS_RE = re.compile(
    "[" + "".join(sorted(ch for ch in DIACRITICS if unicodedata.category(ch) == "Mn")) + "]+")


class DiacriticsHider(QSyntaxHighlighter):
    """Paints tashkeel in a transparent colour: display only.

    A syntax highlighter formats the layout, not the document, so positions,
    selections and copied text are untouched, and colour (unlike bold or a
    smaller font) leaves HarfBuzz's joining and glyph choice as they were.
    """

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._format = QTextCharFormat()
        self._format.setForeground(QColor(0, 0, 0, 0))

    def highlightBlock(self, text: str) -> None:
        astral = 0
        scanned = 0
        for m in DIACRITICS_RE.finditer(text):
            # setFormat counts UTF-16 units: add the astral characters passed so far.
            astral += sum(1 for ch in text[scanned:m.start()] if ord(ch) > 0xFFFF)
            scanned = m.start()
            self.setFormat(m.start() + astral, m.end() - m.start(), self._format)


FLASH_MS = 900
"""How long a highlight chosen in the panel stays marked."""

# ExtraSelection layers, in painting order (later ones on top).
LAYERS: tuple[str, ...] = ("automatic", "user", "note", "find", "current", "flash")

UNDERLINED = frozenset({"note"})
"""Layers drawn as an underline, not a background: a highlight with a note is
underlined (dashes, in the text colour), so the note shows in the text, not
only in a tooltip. An underline keeps Arabic letters joined, as a background does."""


class Mark(NamedTuple):
    """A background over document positions [start, end)."""

    start: int
    end: int
    colour: QColor


if TYPE_CHECKING:
    _ViewBase = QTextBrowser
else:
    _ViewBase = object


class MarksMixin(_ViewBase):
    """The mark layers of ``ReadingView`` (listed first among its bases).

    Spans are ``(field, start, end)`` str indices of the article, as in the
    view's signals; the layers hold them as document positions.
    """

    # Set up by ReadingView.
    _offsets: DocumentOffsets
    _theme: Theme

    if TYPE_CHECKING:
        def scroll_to(self, name: str, index: int, *, center: bool = False,
                      by_reader: bool = False) -> None: ...

        def _block_at(self, y: float) -> QTextBlock: ...

        def _place_caret(self, name: str, index: int) -> None: ...

    def _init_marks(self) -> None:
        """No highlights, hits or flash yet; the view's ``__init__`` calls this
        before anything can scroll."""
        self._highlights: list[HighlightRecord] = []
        self._hidden_roles: set[str] = set()
        self._found = ArticleHits()
        self._find_current = -1
        self._shown_hits: list[Mark] = []
        self._flash: tuple[str, int, int] | None = None
        self._marks: dict[str, list[Mark]] = {layer: [] for layer in LAYERS}
        self._starts: dict[str, list[int]] = {layer: [] for layer in LAYERS}
        self._longest: dict[str, int] = dict.fromkeys(LAYERS, 0)
        self._formats: dict[tuple[int, bool], QTextCharFormat] = {}
        self._window_range: tuple[int, int] | None = None
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._end_flash)

    def _clear_marks(self) -> None:
        """Forget the find hits, the flash and every layer (a new document)."""
        self._found, self._find_current, self._flash = ArticleHits(), -1, None
        self._shown_hits = []
        for layer in LAYERS:
            self._marks[layer], self._starts[layer], self._longest[layer] = [], [], 0

    # -- highlights --------------------------------------------------------

    def highlights(self) -> list[HighlightRecord]:
        return list(self._highlights)

    def user_highlight_of(self, name: str, start: int, end: int) -> HighlightRecord | None:
        """The reader's shown highlight of exactly ``[start, end)`` of field
        ``name``, or None. A span holds one of the reader's highlights: a
        request to highlight it again, in a colour or with a note, goes to
        this one (the pane and the context menu ask here)."""
        return next((h for h in self._highlights
                     if h.kind == "user" and (h.field, h.start, h.end) == (name, start, end)),
                    None)

    def user_highlights_touching(self, name: str, start: int,
                                 end: int) -> list[HighlightRecord]:
        """The reader's shown highlights of field ``name`` that share a
        character with ``[start, end)``, in text order."""
        return sorted((h for h in self._highlights
                       if h.kind == "user" and h.field == name and h.start < end
                       and start < h.end), key=lambda h: (h.start, h.end))

    def set_highlights(self, highlights: Iterable[HighlightRecord]) -> None:
        """Paint ``highlights`` (records whose field is not shown are skipped)."""
        self._highlights = [h for h in highlights if self._fits(h.field, h.start, h.end)]
        self._rebuild_layer("highlights")

    def set_role_visible(self, role: str, visible: bool) -> None:
        """Show or hide one colour role (``quotation``, ``term``, ``figure``, ``user``);
        ``quote`` means both quote subtypes."""
        roles = ("quotation", "term") if role == "quote" else (role,)
        for r in roles:
            if r not in HIGHLIGHT_ROLES:
                raise ValueError(f"unknown highlight kind {role!r}")
            (self._hidden_roles.discard if visible else self._hidden_roles.add)(r)
        self._rebuild_layer("highlights")

    def is_role_visible(self, role: str) -> bool:
        return role not in self._hidden_roles

    def _fits(self, name: str, start: int, end: int) -> bool:
        placed = self._offsets.field(name)
        return placed is not None and 0 <= start <= end <= placed.length

    def _extra(self, a: int, b: int, colour: QColor, *,
               underline: bool = False) -> QTextEdit.ExtraSelection:
        cursor = QTextCursor(self.document())
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        key = (colour.rgba(), underline)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            if underline:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(colour)
            else:
                fmt.setBackground(colour)
            self._formats[key] = fmt
        sel = QTextEdit.ExtraSelection()
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def _set_layer(self, layer: str, spans: Iterable[tuple[str, int, int, QColor]],
                   *, keep_order: bool = False) -> None:
        """Store a layer as document positions, sorted by start unless ``keep_order``
        (then longer spans first, so nested ones paint on top)."""
        items = []
        for name, start, end, colour in spans:
            a, b = self._offsets.span_to_qt(name, start, end)
            items.append(Mark(a, b, colour))
        if not keep_order:
            items.sort(key=lambda m: (m.start, m.start - m.end))
        self._store_layer(layer, items)
        self._push_selections(force=True)

    def _store_layer(self, layer: str, marks: list[Mark]) -> None:
        """Keep ``marks`` (in order) as ``layer``; the next push hands them to Qt."""
        self._marks[layer] = marks
        self._starts[layer] = [m.start for m in marks]
        self._longest[layer] = max((m.end - m.start for m in marks), default=0)

    def _rebuild_layer(self, layer: str) -> None:
        t = self._theme
        if layer == "highlights":
            automatic, user, notes = [], [], []
            colours = {role: t.colour(role) for role in HIGHLIGHT_ROLES if role != "user"}
            ink = QColor(t.text)
            for h in self._highlights:
                role = h.role
                if role in self._hidden_roles:
                    continue
                if role == "user":
                    user.append((h.field, h.start, h.end, t.user_colour(h.colour)))
                    if h.note:
                        notes.append((h.field, h.start, h.end, ink))
                else:
                    automatic.append((h.field, h.start, h.end, colours[role]))
            self._set_layer("automatic", automatic)
            # The reader's own highlights paint over everything automatic.
            self._set_layer("user", user)
            self._set_layer("note", notes)
        elif layer == "flash":
            self._set_layer("flash", [(*self._flash, t.colour("flash"))] if self._flash else [])

    def _rebuild_find_layers(self) -> None:
        """The current hit's layer (the other hits are marked where the view
        is, by ``_hits_near``), pushed to Qt."""
        current = self._theme.colour("find_current")
        self._set_layer("current", (
            [(*self._found[self._find_current], current)] if self._find_current >= 0 else []))

    def _hits_near(self, lo: int, hi: int) -> list[Mark]:
        """The find hits that overlap document positions ``[lo, hi)``.

        Each field's ``Hits.between`` bisects its offset arrays, so only the
        hits near the view are mapped to document positions and marked: a
        frequent word's thousands of hits elsewhere cost nothing until the
        reader scrolls to them.
        """
        colour = self._theme.colour("find_hit")
        marks: list[Mark] = []
        for name, hits in self._found.fields:
            placed = self._offsets.field(name)
            if placed is None or placed.end < lo or placed.start >= hi:
                continue
            # to_index clamps to the field; +1 takes in the character at hi - 1.
            a, b = placed.to_index(lo), placed.to_index(hi) + 1
            for i in hits.between(a, b):
                m = hits[i]
                marks.append(Mark(*placed.span_to_qt(m.start, m.end), colour))
        return marks

    def _visible_range(self) -> tuple[int, int]:
        """Document positions from a screen above the view to a screen below
        it, whole blocks (``ReadingView._block_at`` says why not a hit test)."""
        height = self.viewport().height()
        top = self.verticalScrollBar().value()
        lo = self._block_at(max(0, top - height)).position()
        block = self._block_at(top + 2 * height)
        hi = block.position() + block.length() if block.isValid() else \
            self.document().characterCount()
        return lo, hi

    def _window(self, layer: str, lo: int, hi: int) -> list[Mark]:
        marks = self._marks[layer]
        starts = self._starts[layer]
        i0 = bisect_left(starts, lo - self._longest[layer])
        i1 = bisect_right(starts, hi)
        return [m for m in marks[i0:i1] if m.end >= lo]

    def _push_selections(self, *, force: bool = False) -> None:
        """Hand Qt the ExtraSelections near the view only.

        ``setExtraSelections`` asks the layout for the rectangle of every
        selection, which lays out the whole document: with thousands of
        highlights in a long article that alone costs far more than opening
        it. So only the marks around the visible part are set, and again on
        every scroll.
        """
        lo, hi = self._visible_range()
        if not force and self._window_range == (lo, hi):
            return
        self._window_range = (lo, hi)
        self._shown_hits = self._hits_near(lo, hi)
        selections: list[QTextEdit.ExtraSelection] = []
        for layer in LAYERS:
            underline = layer in UNDERLINED
            marks = self._shown_hits if layer == "find" else self._window(layer, lo, hi)
            selections.extend(self._extra(m.start, m.end, m.colour, underline=underline)
                              for m in marks)
        self.setExtraSelections(selections)

    def _all(self, *layers: str) -> list[QTextEdit.ExtraSelection]:
        return [self._extra(m.start, m.end, m.colour, underline=layer in UNDERLINED)
                for layer in layers for m in self._marks[layer]]

    def highlights_at(self, position: int) -> list[HighlightRecord]:
        """The shown highlights covering the character at document ``position``,
        innermost first."""
        located = self._offsets.locate(position)
        if located is None:
            return []
        name, index = located
        found = [h for h in self._highlights
                 if h.field == name and h.start <= index < h.end
                 and h.role not in self._hidden_roles]
        return sorted(found, key=lambda h: h.end - h.start)

    def flash(self, name: str, start: int, end: int) -> None:
        """Scroll to a span and mark it briefly (a temporary ExtraSelection).
        The reader asked for it (a row of the highlights panel): the reading
        position follows, as after a find's move."""
        if not self._fits(name, start, end):
            return
        self.scroll_to(name, start, center=True, by_reader=True)
        self._flash = (name, start, end)
        self._rebuild_layer("flash")
        self._flash_timer.start(FLASH_MS)

    def _end_flash(self) -> None:
        self._flash = None
        self._rebuild_layer("flash")

    # -- find hits -----------------------------------------------------------

    def set_find_hits(self, found: ArticleHits, current: int = -1) -> None:
        """Show the hits of a find: those near the visible part marked (again
        as the view scrolls), hit number ``current`` marked distinctly and
        brought into view (the reading position follows, as after a scroll
        of the reader's), with the caret at its start and no selection. A
        field that is not shown, or shorter than its hits (another
        article's), drops its hits."""
        fields = [f for f in found.fields
                  if not f.hits or self._fits(f.name, 0, f.hits[-1].end)]
        self._found = found if len(fields) == len(found.fields) else ArticleHits(fields)
        self._find_current = current if 0 <= current < len(self._found) else -1
        span = self._found[self._find_current] if self._find_current >= 0 else None
        colour = self._theme.colour("find_current")
        self._store_layer("current", [Mark(*self._offsets.span_to_qt(*span), colour)]
                          if span is not None else [])
        # Marked once, wherever the view ends up: a scroll to the current hit
        # marks the window it reaches (``_on_scrolled``), else the push below does.
        self._window_range = None
        if span is not None:
            # A hit in view leaves the view where it is: centred anyway, the
            # view moved up to put it in the middle, the next search started
            # from the new top and took a hit above it, and typing a query
            # letter by letter walked the reader back up the article.
            if not self.shows_whole(*span):
                # The reader asked for the hit: where it leaves them is where
                # they read on (a restart opened where they had last scrolled).
                self.scroll_to(span[0], span[1], center=True, by_reader=True)
            # A selection paints over every mark (after Ctrl+A no hit showed):
            # the find takes the caret to the hit, as a browser or an editor
            # does, and the keys read on from there.
            self._place_caret(span[0], span[1])
        self._push_selections()

    def find_selections(self) -> list[QTextEdit.ExtraSelection]:
        """ExtraSelections for the find hits marked now (those near the
        visible part), then the current one again in its own colour."""
        return [self._extra(m.start, m.end, m.colour)
                for m in (*self._shown_hits, *self._marks["current"])]

    def highlight_selections(self) -> list[QTextEdit.ExtraSelection]:
        """ExtraSelections for every shown highlight: automatic, then the
        reader's, then the underlines of those with a note."""
        return self._all("automatic", "user", "note")

    # -- under the mouse -------------------------------------------------------

    def _char_position_at(self, viewport_point: QPoint) -> int:
        """The document position of the character under a viewport point, or -1."""
        point = QPointF(viewport_point.x() + self.horizontalScrollBar().value(),
                        viewport_point.y() + self.verticalScrollBar().value())
        return self.document().documentLayout().hitTest(point, Qt.HitTestAccuracy.ExactHit)

    def highlights_under(self, viewport_point: QPoint) -> list[HighlightRecord]:
        """The shown highlights under a viewport point, innermost first."""
        position = self._char_position_at(viewport_point)
        if position < 0:
            return []
        # A hit lands between characters: the one on either side may be the one under the mouse.
        found = self.highlights_at(position)
        for h in self.highlights_at(position - 1) if position > 0 else []:
            if h not in found:
                found.append(h)
        return found


_LONG_NUMBER = re.compile(r"(?<![\d.:/-])(\d{5,})(?=(?:\.\d+)?(?![\d:/-]))")


def value_text(value: object) -> str:
    """A figure's parsed value as the reader reads it: ``describe_value``
    (in the Arabic interface the Arabic words exports print, ``value_words``:
    دولار أمريكي, not USD) with the thousands of long numbers grouped
    (1,000,000; a year or an hour stays as it is written), and dates and
    times and scores isolated left to right: after an Arabic word the bidi algorithm
    reads 2026-06-30 as Arabic numbers and shows 30-06-2026 (06-21, a date
    with no year, as 21-06). The whole value is isolated (FSI…PDI) in the
    direction of its own words, "" when there is none: in the English
    window "count · 90 شخصا" showed 90 left of شخصا, read "شخصا 90"."""
    described = value_words(value) if current_language() == "ar" else describe_value(value)
    text = _LONG_NUMBER.sub(lambda m: f"{int(m.group(1)):,}", described)
    text = isolate_dates(text)
    # Not bidi.isolate, which would strip the isolates just added.
    return FSI + text + PDI if text else ""


def colour_label(name: str) -> str:
    """The translated name of a user highlight colour of ``USER_COLOURS``.

    Literal calls, so pyside6-lupdate sees every string."""
    labels = {
        "Yellow": QCoreApplication.translate("ReadingView", "Yellow"),
        "Orange": QCoreApplication.translate("ReadingView", "Orange"),
        "Pink": QCoreApplication.translate("ReadingView", "Pink"),
        "Red": QCoreApplication.translate("ReadingView", "Red"),
    }
    return labels.get(name, name)


def subtype_label(kind: str, subtype: str) -> str:
    """A highlight's subtype as the reader's language names it."""
    labels = {
        "quotation": QCoreApplication.translate("ReadingView", "quotation"),
        "term": QCoreApplication.translate("ReadingView", "term"),
        "digits": QCoreApplication.translate("ReadingView", "number"),
        "words": QCoreApplication.translate("ReadingView", "number in words"),
        "percent": QCoreApplication.translate("ReadingView", "percentage"),
        "money": QCoreApplication.translate("ReadingView", "money"),
        "date": QCoreApplication.translate("ReadingView", "date"),
        "time": QCoreApplication.translate("ReadingView", "time"),
        "range": QCoreApplication.translate("ReadingView", "range"),
        "count": QCoreApplication.translate("ReadingView", "count"),
        "score": QCoreApplication.translate("ReadingView", "match score"),
        "user": QCoreApplication.translate("ReadingView", "your highlight"),
    }
    return labels.get(subtype or kind, subtype or kind)


def tooltip_html(highlights: Sequence[HighlightRecord]) -> str:
    """The tooltip for the highlights under the mouse, as escaped rich text:
    article text and notes never reach Qt's HTML parser unescaped."""
    rows = []
    for h in highlights:
        if h.kind == "user":
            head = QCoreApplication.translate("ReadingView", "Your highlight")
        else:
            head = subtype_label(h.kind, h.subtype)
        lines = [f"<b>{html.escape(head)}</b>"]
        value = value_text(h.value)
        if value:
            label = QCoreApplication.translate("ReadingView", "value")
            lines.append(html.escape(label + ": " + value))
        if h.speaker:
            lines.append(html.escape(QCoreApplication.translate("ReadingView", "speaker")
                                     + ": " + h.speaker))
        if h.note:
            lines.extend(html.escape(isolate_dates(line)) for line in _note_lines(h.note))
        rows.append("<br>".join(lines))
    return "<qt>" + "<hr>".join(rows) + "</qt>"


TOOLTIP_NOTE_LINES = 20
TOOLTIP_LINE_CHARS = 300


def _note_lines(note: str) -> list[str]:
    """The lines of ``note`` a tooltip shows: the first ``TOOLTIP_NOTE_LINES``,
    each cut to ``TOOLTIP_LINE_CHARS``, then "…" when there is more. A note
    of pages made a tooltip taller than the screen, laid out anew at every
    hover (the note dialog holds it all)."""
    lines = note.splitlines()
    shown = [shortened(line, TOOLTIP_LINE_CHARS) for line in lines[:TOOLTIP_NOTE_LINES]]
    return [*shown, "…"] if len(lines) > TOOLTIP_NOTE_LINES else shown

