"""The highlights panel: every highlight of the open article, filterable by kind,
with a legend whose check boxes show or hide each kind in the view.

Layers (STYLE practice 3): the records come from the store; ``HighlightsModel``
wraps them; the panel only displays and emits ``highlight_activated``,
``role_visibility_changed`` and, from a row's context menu, the requests to
edit a reader's highlight, for the pane to act on.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimerEvent,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QGuiApplication,
    QIcon,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.gui.marks import subtype_label, tooltip_html, value_text
from reader.gui.themes import HIGHLIGHT_ROLES, THEMES, Theme, highlight_role
from reader.gui.turns import QuietTurns
from reader.gui.view_menu import add_highlight_edits
from reader.store.article import HighlightRecord
from reader.text import TEXT_FIELDS
from reader.text.bidi import FSI, PDI, isolate
from reader.text.direction import has_strong_letters, is_rtl
from reader.text.spans import shortened

ROLE_KIND = Qt.ItemDataRole.UserRole + 1
"""Item data role: the highlight's colour role (``quotation``, ``term``, ``figure``, ``user``)."""
ROLE_RECORD = Qt.ItemDataRole.UserRole + 2
"""Item data role: the HighlightRecord itself."""

_MAX_SHOWN = 140  # characters of highlighted text on a row; the tooltip has the rest

_Index = QModelIndex | QPersistentModelIndex


def _role_labels() -> dict[str, str]:
    return {"quotation": QCoreApplication.translate("HighlightsPanel", "Quotations"),
            "term": QCoreApplication.translate("HighlightsPanel", "Terms"),
            "figure": QCoreApplication.translate("HighlightsPanel", "Figures"),
            "user": QCoreApplication.translate("HighlightsPanel", "Yours")}


class _RowList(QListView):
    """A list of wrapped rows that keeps its layout when only its height changes.

    QListView lays every row out again after any resize when it wraps text,
    though rows wrap at the width: the find bar opening above the pane made
    the list measure the 3,400 rows of a 1 MB article again while the
    reader typed the first letters of a search.

    It lays its rows out in batches from a zero-interval timer; with
    ``turns`` it skips a batch when they hold (a search's frame is due).

    ``row_menu_requested(index, global position)``: a right click on a row,
    or the Menu key or Shift+F10 (``window_keys``) on the current row.
    """

    row_menu_requested = Signal(QModelIndex, QPoint)

    def __init__(self, parent: QWidget | None = None, *,
                 turns: QuietTurns | None = None) -> None:
        super().__init__(parent)
        self._turns = turns

    def timerEvent(self, event: QTimerEvent) -> None:
        # The list's timers are Qt's own (the batch layout among them), each
        # firing again until Qt stops it: one skipped is only delayed.
        if self._turns is not None and self._turns.yields_turn(self):
            return
        super().timerEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            index = self.currentIndex()
            at = self.viewport().mapToGlobal(self.visualRect(index).center())
        else:  # the pointer's position, on the viewport
            index, at = self.indexAt(event.pos()), event.globalPos()
        if index.isValid():
            self.row_menu_requested.emit(index, at)

    def resizeEvent(self, event: QResizeEvent) -> None:
        if event.size().width() == event.oldSize().width():
            # The scroll bars and viewport follow; the rows stay where they are.
            QAbstractItemView.resizeEvent(self, event)
        else:
            super().resizeEvent(event)


class _RowDelegate(QStyledItemDelegate):
    """Measures a row's wrapped text in the width it is drawn in.

    Qt's style measures an item's text as wide as the whole item, its icon
    included, and each pass with a rectangle of its own (the layout's row
    less the spacing, ``visualRect`` a pixel wider); it draws the text beside
    the icon. A row then needed a line more than its height at some widths:
    a long quotation ended "ال……" (the row's own cut, then the style's) and
    its kind line was dropped. Here the text is measured in the rectangle the
    style draws it in, for a row as wide as the list's rows.
    """

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self._text_width = (-1, 0)
        """(row width, its text's width): every row has the same icon."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        # The text takes the row's whole height (the style otherwise bounds
        # it by its own measure, the wrong one above).
        option.showDecorationSelected = True

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        width = self._view.viewport().width() - 2 * self._view.spacing()
        if self._text_width[0] != width:
            row = QStyleOptionViewItem(option)
            self.initStyleOption(row, index)
            row.text = ""  # the row less its icon: no need to lay the text out
            row.rect = QRect(0, 0, width, option.fontMetrics.height())
            text = self._view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText,
                                                     row, self._view)
            self._text_width = (width, text.width())
        # The style wraps at its rectangle's width less the margins it takes
        # in drawing: give it the text's own rectangle.
        measured = QStyleOptionViewItem(option)
        measured.rect = QRect(option.rect.topLeft(),
                              QSize(self._text_width[1], option.rect.height()))
        size = super().sizeHint(measured, index)
        return QSize(min(size.width(), width), size.height())


class HighlightsModel(QAbstractListModel):
    """The highlights of one article in reading order (field, then start).

    Display text is the highlighted text wrapped in FSI…PDI (so an English
    quote in an Arabic list, or the reverse, cannot reorder its row) and a
    second line with subtype, value, speaker or note. Each row is aligned by
    its highlighted text's direction (decision 6), not the interface's: an
    Arabic quote in the English window is flush right, not left with a ragged
    right edge; a row without letters (2019, 3.8%) follows the rows as a whole.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[HighlightRecord] = []
        self._theme: Theme = THEMES["light"]
        self._neutral_rtl = False


    def set_highlights(self, highlights: Iterable[HighlightRecord]) -> None:
        order = {name: k for k, name in enumerate(TEXT_FIELDS)}
        self.beginResetModel()
        self._rows = sorted(highlights, key=lambda h: (order.get(h.field, 99), h.start, h.end))
        # A row of digits alone (2019, 3.8%) has no direction of its own: it
        # sits on the side of the article's rows, not ragged against them.
        # (The first 200 rows tell: all of a 1 MB article's cost ~10 ms at its opening.)
        self._neutral_rtl = is_rtl(" ".join(h.text[:_MAX_SHOWN] for h in self._rows[:200]))
        self.endResetModel()

    def set_theme(self, t: Theme) -> None:
        self._theme = t
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1),
                                  [Qt.ItemDataRole.DecorationRole])

    def retranslate(self) -> None:
        """Row texts name subtypes in the reader's language: show them again."""
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])

    def record(self, row: int) -> HighlightRecord:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        h = self._rows[index.row()]
        colour_role = highlight_role(h.kind, h.subtype)
        if role == Qt.ItemDataRole.DisplayRole:
            # details() isolates what needs it inside: wrap it, strip nothing.
            return isolate(shortened(h.text, _MAX_SHOWN)) + "\n" + FSI + details(h) + PDI
        if role == Qt.ItemDataRole.TextAlignmentRole:
            shown = h.text[:_MAX_SHOWN]
            rtl = is_rtl(shown) if has_strong_letters(shown) else self._neutral_rtl
            side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
            # Absolute: a relative AlignRight would flip to the left in an
            # Arabic (right-to-left) window.
            return side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_html([h])
        if role == Qt.ItemDataRole.DecorationRole:
            colour = (self._theme.user_swatch(h.colour) if colour_role == "user"
                      else self._theme.colour(colour_role))
            pixmap = QPixmap(12, 12)
            pixmap.fill(colour)
            return QIcon(pixmap)
        if role == ROLE_KIND:
            return colour_role
        if role == ROLE_RECORD:
            return h
        return None


def details(h: HighlightRecord) -> str:
    """The second line of a row: subtype, value, speaker, note (what is known).
    Each part after the subtype is isolated in its own direction, so an
    Arabic value or speaker in the English window (or an English note in the
    Arabic one) reads as written; the speaker and note lose any bidi
    control of their own, the value keeps those ``value_text`` gives it. The
    note is shown on one line, its start when it is long."""
    parts = [subtype_label(h.kind, h.subtype)]
    value = value_text(h.value)
    if value:
        parts.append(value)
    if h.speaker:
        parts.append(isolate(h.speaker))
    if h.note:
        # On one line and cut like the text: a note of pages made its row
        # taller than the panel and hid the highlights after it (the
        # tooltip and the note dialog hold the whole note).
        parts.append(isolate(shortened(h.note, _MAX_SHOWN)))
    return " · ".join(parts)


class KindFilter(QSortFilterProxyModel):
    """Keeps rows whose colour role is in ``roles`` (all roles by default)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._roles: frozenset[str] = frozenset(HIGHLIGHT_ROLES)

    def set_roles(self, roles: Iterable[str]) -> None:
        self.beginFilterChange()
        self._roles = frozenset(roles)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        # Asked once a row whenever an article opens (3,400 rows for 1 MB):
        # with every role shown, the answer needs no row.
        if self._roles >= _ALL_ROLES:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return self.sourceModel().data(index, ROLE_KIND) in self._roles


_ALL_ROLES = frozenset(HIGHLIGHT_ROLES)


class HighlightsPanel(QWidget):
    """The list of highlights with a kind filter and the colour legend.

    ``highlight_activated(HighlightRecord)`` when a row is clicked or chosen
    with the keyboard; ``role_visibility_changed(role, visible)`` when a
    legend box is toggled; the edits of a reader's highlight from a row's
    menu as the reading view asks them (``view_menu.AsksHighlightEdits``).
    """

    highlight_activated = Signal(object)
    role_visibility_changed = Signal(str, bool)
    highlight_colour_requested = Signal(int, str)  # highlight id, colour
    highlight_note_edit_requested = Signal(int)  # highlight id
    highlight_delete_requested = Signal(int)  # highlight id

    def __init__(self, parent: QWidget | None = None, *,
                 turns: QuietTurns | None = None) -> None:
        super().__init__(parent)
        self.model = HighlightsModel(self)
        self.proxy = KindFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter = QComboBox(self)
        self.filter.addItem("", list(HIGHLIGHT_ROLES))
        self.filter.addItem("", ["quotation", "term"])
        for role in HIGHLIGHT_ROLES:
            self.filter.addItem("", [role])
        self.filter.currentIndexChanged.connect(self._on_filter_changed)

        self.list = _RowList(self, turns=turns)
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(_RowDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        # Room between rows: two long wrapped quotations read as one otherwise.
        self.list.setSpacing(3)
        # Rows wrap, so each has its own height: a new width measures every
        # row again, 0.3 s for the 3,400 highlights of a 1 MB article. In
        # batches, between events, the window keeps taking keys meanwhile;
        # a batch of 50 rows is ~5 ms (200 held a key ~20-40 ms after
        # opening), of 8 ~0.3 ms, which a keystroke or its frame hardly feels.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(8)
        # Always there (greyed while the list is short): a bar appearing
        # half-way through the fill would narrow the rows, and QListView
        # then lays every row out again from the first, and the window
        # around it too.
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.list.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.list.clicked.connect(self._on_activated)
        self.list.activated.connect(self._on_activated)
        self.list.row_menu_requested.connect(self._on_row_menu)

        self.count_label = QLabel(self)
        self.legend: dict[str, QCheckBox] = {}
        # Two columns, so the legend never makes the panel wide.
        legend = QGridLayout()
        legend.setContentsMargins(0, 0, 0, 0)
        for k, role in enumerate(HIGHLIGHT_ROLES):
            box = QCheckBox(self)
            box.setChecked(True)
            box.toggled.connect(lambda on, r=role: self.role_visibility_changed.emit(r, on))
            self.legend[role] = box
            legend.addWidget(box, k // 2, k % 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.count_label)
        layout.addLayout(top)
        layout.addLayout(legend)
        layout.addWidget(self.list, 1)
        self.set_theme(THEMES["light"])
        self.retranslate()
        self._update_count()

    def retranslate(self) -> None:
        """Every string in the current language (also on LanguageChange)."""
        labels = _role_labels()
        texts = [self.tr("All highlights"), self.tr("Quotes"),
                 *(labels[role] for role in HIGHLIGHT_ROLES)]
        for index, text in enumerate(texts):
            self.filter.setItemText(index, text)
        for role, box in self.legend.items():
            box.setText(labels[role])
            box.setToolTip(self.tr("Show or hide these highlights in the article"))
        self.list.setAccessibleName(self.tr("Highlights of this article"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def focus_order(self) -> list[QWidget]:
        """The widgets Tab stops at, in the order the reader sees them: the
        filter, the legend above the list, the list."""
        return [self.filter, *self.legend.values(), self.list]

    def set_highlights(self, highlights: Iterable[HighlightRecord]) -> None:
        self.model.set_highlights(highlights)
        self._update_count()

    def set_theme(self, t: Theme) -> None:
        """Colour the legend swatches and row icons with ``t``'s palette."""
        self.model.set_theme(t)
        for role, box in self.legend.items():
            colour = t.user_swatch("") if role == "user" else t.colour(role)
            pixmap = QPixmap(14, 14)
            pixmap.fill(QColor(colour))
            box.setIcon(QIcon(pixmap))

    def set_role_checked(self, role: str, visible: bool) -> None:
        """Reflect a visibility change made elsewhere (the pane's API) in the legend."""
        box = self.legend.get(role)
        if box is not None and box.isChecked() != visible:
            box.blockSignals(True)
            box.setChecked(visible)
            box.blockSignals(False)

    def shown_records(self) -> list[HighlightRecord]:
        """The records the list shows now, in order (after the kind filter)."""
        return [self.proxy.data(self.proxy.index(row, 0), ROLE_RECORD)
                for row in range(self.proxy.rowCount())]

    def _on_filter_changed(self, _index: int) -> None:
        self.proxy.set_roles(self.filter.currentData() or HIGHLIGHT_ROLES)
        self._update_count()

    def _on_activated(self, index: QModelIndex) -> None:
        record = self.proxy.data(index, ROLE_RECORD)
        if record is not None:
            self.highlight_activated.emit(record)

    def context_menu(self, record: HighlightRecord) -> QMenu:
        """The menu of ``record``'s row (not shown): go to it, copy its text
        and, for the reader's own highlight, the article's menu's edits of it."""
        menu = QMenu(self)
        menu.addAction(self.tr("Go to highlight")).triggered.connect(
            lambda: self.highlight_activated.emit(record))
        menu.addAction(self.tr("Copy text")).triggered.connect(
            lambda: QGuiApplication.clipboard().setText(record.text))
        if record.kind == "user" and record.id is not None:
            menu.addSeparator()
            add_highlight_edits(menu, record.id, self)
        return menu

    def _on_row_menu(self, index: QModelIndex, at: QPoint) -> None:
        record = self.proxy.data(index, ROLE_RECORD)
        if record is None:
            return
        menu = self.context_menu(record)
        menu.exec(at)
        menu.deleteLater()

    def _update_count(self) -> None:
        self.count_label.setText(str(self.proxy.rowCount()))
