"""The sources pane: the news sources the reader follows, beside the list.

A tree: "All articles", then the folders (nested by "/" in their names) with
their feeds, then the feeds in no folder; each with its number of unread
articles. A feed whose last refresh failed carries a warning icon and says
why in its tooltip (the error line in the reader's language). Choosing an
entry narrows the article list to it (``source_chosen``).

The pane reads the store (``Library.feeds``, ``Library.count``) and asks
for everything else through signals, for the entry they concern:
``refresh_requested(source)``, ``mark_read_requested(source)``,
``properties_requested(feed_id)``, ``remove_requested(feed_id)``,
``add_requested()``. ``reload`` reads the feeds and counts again, keeping
the choice, the scroll and the folders as the reader left them (the items
are updated in place while the tree keeps its shape).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QIcon, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QStyle,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.errors import ReaderError
from reader.gui.error_text import shown
from reader.gui.library_model import Source
from reader.store.feeds import Feed
from reader.store.library import Library
from reader.store.listing import ListFilter
from reader.text.bidi import isolate

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, KEY_ROLE)`` of an entry's name: its ``Source.key()``."""

RELOAD_DELAY_MS = 150
"""``reload_later`` gathers the changes of a burst (a refresh of many feeds)."""


def last_failure(feed: Feed) -> str:
    """Why the feed's last refresh failed, in the reader's language ("" when
    it did not): its tooltip and its properties say it. The address is named
    beside it, so the error says only what went wrong."""
    if not (feed.failures and feed.last_error):
        return ""
    error = feed.last_error.removeprefix(f"{feed.url}: ")
    return QCoreApplication.translate("SourcesPane", "Last refresh failed: {error}").format(
        error=shown(error))


def folder_path(folder: str) -> str:
    """``folder`` as the pane shows it: names stripped, empty ones dropped."""
    return "/".join(p.strip() for p in folder.split("/") if p.strip())


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the tree: what it shows, and where it hangs ("" at the top)."""

    source: Source
    parent: str
    name: str
    unread: int
    feed: Feed | None = None


class SourcesPane(QWidget):
    """The tree of sources over ``library`` (see the module).

    Signals: ``source_chosen(Source)`` when the reader chooses an entry
    (never for ``set_source``, nor when a reload keeps the choice; when the
    chosen feed or folder is gone, the pane goes back to all articles and
    says so); ``refresh_requested(Source)``, ``mark_read_requested(Source)``,
    ``properties_requested(feed_id)``, ``remove_requested(feed_id)``,
    ``add_requested()``.
    """

    source_chosen = Signal(object)
    refresh_requested = Signal(object)
    mark_read_requested = Signal(object)
    properties_requested = Signal(int)
    remove_requested = Signal(int)
    add_requested = Signal()

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._entries: list[Entry] = []
        self._items: dict[str, tuple[QStandardItem, QStandardItem]] = {}
        self._feeds: dict[int, Feed] = {}
        self._collapsed: set[str] = set()
        self._busy: set[int] = set()
        self._quiet = False
        self._chosen = Source()
        self._init_header()
        self._init_tree()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self._header)
        layout.addWidget(self.view, 1)
        self.reload_timer = QTimer(self)
        self.reload_timer.setSingleShot(True)
        self.reload_timer.setInterval(RELOAD_DELAY_MS)
        self.reload_timer.timeout.connect(self.reload)
        self.retranslate()  # reads the store

    def _init_header(self) -> None:
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.add_button = QToolButton(self)
        self.add_button.setObjectName("addFeed")
        self.add_button.setText("+")
        self.add_button.setAutoRaise(True)
        self.add_button.clicked.connect(self.add_requested)
        self.refresh_button = QToolButton(self)
        self.refresh_button.setObjectName("refreshFeeds")
        self.refresh_button.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_BrowserReload))
        self.refresh_button.setAutoRaise(True)
        self.refresh_button.clicked.connect(lambda: self.refresh_requested.emit(Source()))
        self._header = QHBoxLayout()
        self._header.setContentsMargins(6, 0, 6, 0)
        self._header.addWidget(self.title, 1)
        self._header.addWidget(self.add_button)
        self._header.addWidget(self.refresh_button)

    def _init_tree(self) -> None:
        self.model = QStandardItemModel(0, 2, self)
        view = self.view = QTreeView(self)
        view.setObjectName("sources")
        view.setModel(self.model)
        view.setHeaderHidden(True)
        view.setUniformRowHeights(True)
        view.setIndentation(max(view.fontMetrics().horizontalAdvance("M"), 12))  # a narrow pane
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._on_context_menu)
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        view.selectionModel().currentRowChanged.connect(self._on_current_row)
        view.collapsed.connect(lambda index: self._collapsed.add(self._key_at(index)))
        view.expanded.connect(lambda index: self._collapsed.discard(self._key_at(index)))

    def retranslate(self) -> None:
        """Every string in the current language."""
        self.title.setText(self.tr("Sources"))
        self.add_button.setToolTip(self.tr("Add a feed"))
        self.add_button.setAccessibleName(self.tr("Add a feed"))
        self.refresh_button.setToolTip(self.tr("Refresh all feeds"))
        self.refresh_button.setAccessibleName(self.tr("Refresh all feeds"))
        self.view.setAccessibleName(self.tr("Sources"))
        self._entries = []  # every label again
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- what the window asks --------------------------------------------------

    def focus_order(self) -> list[QWidget]:
        """The widgets Tab stops at, in the order the reader sees them."""
        return [self.add_button, self.refresh_button, self.view]

    def current_source(self) -> Source:
        return self._chosen

    def set_source(self, source: Source) -> bool:
        """Make ``source`` the chosen entry without emitting; False (and all
        articles chosen) when the pane has no such entry."""
        found = source.key() in self._items
        self._chosen = source if found else Source()
        self._select(self._chosen)
        return found

    def feed(self, feed_id: int) -> Feed | None:
        """The followed feed ``feed_id`` as last read, or None."""
        return self._feeds.get(feed_id)

    def feeds(self) -> list[Feed]:
        """Every followed feed as last read."""
        return list(self._feeds.values())

    def folders(self) -> list[str]:
        """Every folder in use, nested ones by their whole path."""
        return [e.source.folder for e in self._entries if e.source.folder is not None]

    def feeds_of(self, source: Source) -> list[Feed]:
        """The feeds ``source`` holds (all of them for all articles)."""
        if source.feed is not None:
            return [f for f in self._feeds.values() if f.id == source.feed]
        folder = source.folder
        if folder is None:
            return list(self._feeds.values())
        return [f for f in self._feeds.values()
                if f"{folder_path(f.folder)}/".startswith(f"{folder}/")]

    def set_refreshing(self, feed_ids: set[int]) -> None:
        """Show these feeds as being refreshed (their names in italics)."""
        self._busy = set(feed_ids)
        for entry in self._entries:
            self._show(entry)

    def collapsed(self) -> list[str]:
        """The keys of the folders the reader folded (``Source.key``), as the
        window keeps them between runs."""
        return sorted(self._collapsed)

    def set_collapsed(self, keys: Iterable[str]) -> None:
        """Fold the folders ``collapsed`` gave, and only those."""
        self._collapsed = {k for k in keys if k}
        self._fold()

    def _fold(self) -> None:
        """Each folder of the tree folded or open as ``_collapsed`` says."""
        for key, (item, _) in self._items.items():
            if item.hasChildren():
                self.view.setExpanded(item.index(), key not in self._collapsed)

    def reload_later(self) -> None:
        """``reload`` soon, once for a burst of changes."""
        self.reload_timer.start()

    def minimumSizeHint(self) -> QSize:
        # "All articles" whole beside its count, the entry every reader
        # uses: a narrow pane (at 1.5x on a small screen) cut it to "All ar…".
        hint = super().minimumSizeHint()
        items = self._items.get(Source().key())
        if items is None:
            return hint
        view = self.view
        cells = sum(view.sizeHintForIndex(item.index()).width() for item in items)
        branch = view.indentation() if view.rootIsDecorated() else 0
        return QSize(max(hint.width(), cells + branch + 2 * view.frameWidth()), hint.height())

    def reload(self) -> None:
        """Read the feeds and the unread counts again and show them; the
        chosen entry stays chosen while it exists."""
        self.reload_timer.stop()
        try:
            entries = self._read_entries()
        except ReaderError:
            return  # the store went away: keep what is shown
        shape = [(e.source.key(), e.parent) for e in entries]
        if shape != [(e.source.key(), e.parent) for e in self._entries]:
            self._rebuild(entries)
        self._entries = entries
        for entry in entries:
            self._show(entry)
        self.updateGeometry()  # a longer count, a new language
        if self._chosen.key() not in self._items:
            self._chosen = Source()
            self._select(self._chosen)
            self.source_chosen.emit(self._chosen)

    # -- building the tree ------------------------------------------------------

    def _read_entries(self) -> list[Entry]:
        library = self._library
        feeds = library.feeds.all()
        self._feeds = {f.id: f for f in feeds}
        folders: set[str] = set()
        for f in feeds:
            parts = folder_path(f.folder).split("/")
            folders.update("/".join(parts[:n]) for n in range(1, len(parts) + 1) if parts[0])
        entries = [Entry(Source(), "", self.tr("All articles"),
                         library.count(where=ListFilter(unread=True)))]
        for path in sorted(folders, key=lambda p: p.casefold()):
            parent = path.rpartition("/")[0]
            entries.append(Entry(Source(folder=path), Source(folder=parent).key() if parent
                                 else "", path.rpartition("/")[2],
                                 library.count(where=ListFilter(unread=True, folder=path))))
        by_name = sorted(feeds, key=lambda f: f.name.casefold())
        for f in [f for f in by_name if folder_path(f.folder)] + \
                [f for f in by_name if not folder_path(f.folder)]:
            folder = folder_path(f.folder)
            entries.append(Entry(Source(feed=f.id), Source(folder=folder).key() if folder
                                 else "", f.name, f.unread, f))
        return entries

    def _rebuild(self, entries: list[Entry]) -> None:
        scrolled = self.view.verticalScrollBar().value()
        self._quiet = True
        try:
            self.model.removeRows(0, self.model.rowCount())
            self._items = {}
            for entry in entries:
                name, count = QStandardItem(), QStandardItem()
                name.setData(entry.source.key(), KEY_ROLE)
                count.setTextAlignment(Qt.AlignmentFlag.AlignTrailing |
                                       Qt.AlignmentFlag.AlignVCenter)
                parent = self._items[entry.parent][0] if entry.parent else \
                    self.model.invisibleRootItem()
                parent.appendRow([name, count])
                self._items[entry.source.key()] = (name, count)
            self._fold()
            self._select(self._chosen)
        finally:
            self._quiet = False
        self.view.verticalScrollBar().setValue(scrolled)

    def _show(self, entry: Entry) -> None:
        items = self._items.get(entry.source.key())
        if items is None:
            return
        name, count = items
        feed = entry.feed
        name.setText(isolate(entry.name))
        count.setText(str(entry.unread) if entry.unread else "")
        font = QFont(self.view.font())
        font.setBold(entry.unread > 0)
        font.setItalic(feed is not None and feed.id in self._busy)
        name.setFont(font)
        count.setFont(font)
        icon = QStyle.StandardPixmap.SP_DirIcon if entry.source.folder is not None else None
        tip = [isolate(entry.source.folder)] if entry.source.folder else []
        if feed is not None:
            tip = [isolate(feed.name), isolate(feed.url)]
            if feed.id in self._busy:
                tip.append(self.tr("Refreshing…"))
            if failure := last_failure(feed):
                icon = QStyle.StandardPixmap.SP_MessageBoxWarning
                tip.append(failure)
        name.setIcon(self.style().standardIcon(icon) if icon is not None else QIcon())
        name.setToolTip("\n".join(tip))
        count.setToolTip(self.tr("%n unread article(s)", "", entry.unread))

    def _select(self, source: Source) -> None:
        items = self._items.get(source.key())
        if items is None:
            return
        quiet, self._quiet = self._quiet, True
        try:
            self.view.setCurrentIndex(items[0].index())
        finally:
            self._quiet = quiet

    def _key_at(self, index: QModelIndex) -> str:
        key = self.model.data(index.siblingAtColumn(0), KEY_ROLE)
        return key if isinstance(key, str) else ""

    # -- the reader's choices ------------------------------------------------------

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        source = Source.from_key(self._key_at(current))
        if source != self._chosen:
            self._chosen = source
            self.source_chosen.emit(source)

    def context_menu(self, source: Source) -> QMenu:
        """The menu of the entry ``source``: refresh it, mark its articles
        read; a feed's properties and removal; adding a feed on all articles."""
        menu = QMenu(self)
        feed_id = source.feed

        def add(name: str, text: str, slot: object) -> None:
            action = menu.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(slot)

        add("refresh", self.tr("&Refresh"), lambda: self.refresh_requested.emit(source))
        add("mark_read", self.tr("&Mark all as read"),
            lambda: self.mark_read_requested.emit(source))
        menu.addSeparator()
        if feed_id is not None:
            add("properties", self.tr("&Properties…"),
                lambda: self.properties_requested.emit(feed_id))
            add("remove", self.tr("R&emove…"), lambda: self.remove_requested.emit(feed_id))
        else:
            add("add", self.tr("&Add feed…"), self.add_requested.emit)
        return menu

    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        menu = self.context_menu(Source.from_key(self._key_at(index)))
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()
