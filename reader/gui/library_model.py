"""The article list as a lazy table model over the store (DESIGN decision 7).

The model never holds more than the rows the view has asked for: it starts
with one page and ``fetchMore`` adds a page each time the view scrolls near
the end, so a store of 100,000 articles opens like one of ten. Sorting and
the filter are the store's (``Library.rows``): a sort or a new filter resets
the model to its first page. Titles and sources are shown isolated in the
direction of their letters (``reader.text.bidi.isolate_paragraph``), so a
title holding U+202E cannot reorder the rest of its row or the window title.

A second mode shows library search results (``set_search_results``): the
hits replace the list until ``clear_search_results``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from reader.errors import ReaderError
from reader.store.library import ArticleRow, Library, SearchHit
from reader.store.listing import ListFilter
from reader.text.bidi import isolate_paragraph

PAGE_SIZE = 200
"""Rows fetched per page: a few screens' worth, one cheap indexed query."""

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, ID_ROLE)``: the article id of the row (any column)."""

SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 2
"""``data(index, SNIPPET_ROLE)`` of a search result's title cell: ``(title,
snippet, marks)``, the marks (start, end) str indices into the snippet;
None elsewhere."""


@dataclass(frozen=True, slots=True)
class Collection:
    """Which articles the list shows: those tagged ``tag``, the starred, the
    unread (all when nothing is set). ``key()`` writes it for the settings
    and ``from_key`` reads it back (every article for a key it cannot read)."""

    tag: str = ""
    starred: bool = False
    unread: bool = False

    def key(self) -> str:
        if self.tag:
            return f"tag:{self.tag}"
        if self.starred:
            return "starred"
        return "unread" if self.unread else "all"

    @classmethod
    def from_key(cls, key: object) -> Collection:
        text = key if isinstance(key, str) else ""
        kind, _, value = text.partition(":")
        if kind == "tag" and value:
            return cls(tag=value)
        return cls(starred=text == "starred", unread=text == "unread")


@dataclass(frozen=True, slots=True)
class Source:
    """Which news source the list shows: the articles feed ``feed`` gave,
    or those of the feeds in ``folder`` and the folders below it; every
    article when neither is set. ``key()`` writes it for the settings and
    ``from_key`` reads it back (the whole library for a key it cannot read)."""

    feed: int | None = None
    folder: str | None = None

    def key(self) -> str:
        if self.feed is not None:
            return f"feed:{self.feed}"
        if self.folder is not None:
            return f"folder:{self.folder}"
        return "all"

    @classmethod
    def from_key(cls, key: object) -> Source:
        text = key if isinstance(key, str) else ""
        kind, _, value = text.partition(":")
        if kind == "feed" and value.isdigit():
            return cls(feed=int(value))
        if kind == "folder" and value:
            return cls(folder=value)
        return cls()


@dataclass(frozen=True, slots=True)
class Column:
    """One list column: its key in ``Library.rows(sort=)`` and its header."""

    key: str
    sort: str
    header: str


# Headers are marked for lupdate here and translated when shown, so a
# language switch needs no rebuild of this table.
COLUMNS: tuple[Column, ...] = (
    Column("title", "title", str(QT_TRANSLATE_NOOP("LibraryModel", "Title"))),
    Column("source", "source", str(QT_TRANSLATE_NOOP("LibraryModel", "Source"))),
    Column("date", "published", str(QT_TRANSLATE_NOOP("LibraryModel", "Date"))),
    Column("quotes", "quotes", str(QT_TRANSLATE_NOOP("LibraryModel", "Quotes"))),
    Column("figures", "figures", str(QT_TRANSLATE_NOOP("LibraryModel", "Figures"))),
    Column("read", "read", str(QT_TRANSLATE_NOOP("LibraryModel", "Read"))),
    Column("starred", "starred", str(QT_TRANSLATE_NOOP("LibraryModel", "Starred"))),
)
COLUMN_INDEX: dict[str, int] = {c.key: i for i, c in enumerate(COLUMNS)}

UNREAD_MARK = "\u25cf"  # ● an unread article
STAR_MARK = "\u2605"  # ★

_HEADER_MARKS = {"quotes": "«»", "figures": "#", "read": UNREAD_MARK, "starred": STAR_MARK}

_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    """A header marked with QT_TRANSLATE_NOOP above, translated now."""
    return QCoreApplication.translate("LibraryModel", text)


def _header_tooltips() -> dict[str, str]:
    """What the sign heading a narrow column means."""
    translate = QCoreApplication.translate  # literal contexts: lupdate reads these
    return {
        "quotes": translate("LibraryModel", "«» Quotations in the article"),
        "figures": translate("LibraryModel", "# Figures in the article"),
        "read": translate("LibraryModel", "● Unread articles"),
        "starred": translate("LibraryModel", "★ Starred articles"),
        "source": translate("LibraryModel", "Source (double-click to edit)"),
        "date": translate("LibraryModel", "Date of publication (double-click to edit)"),
    }


class LibraryModel(QAbstractTableModel):
    """Rows of ``library.rows(...)``, loaded a page at a time.

    ``article_id(row)`` and ``row_of(article_id)`` map between rows and ids
    (``row_of`` only finds rows already loaded; ``locate`` loads the rows
    through the one it finds). In search mode
    (``set_search_results``) the rows are the hits, in rank order, and the
    quote and figure counts are not shown. ``error_occurred(line)`` when the
    store cannot give the next rows (the list keeps those it has).
    """

    error_occurred = Signal(str)

    def __init__(self, library: Library, parent: Any = None, *,
                 page_size: int | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._page = PAGE_SIZE if page_size is None else page_size
        self._sort = "published"
        self._descending = True
        self._filter = ""
        self._collection = Collection()
        self._source = Source()
        self._rows: list[ArticleRow] = []
        self._total = 0
        self._hits: list[SearchHit] | None = None
        self._found: list[SearchHit] = []
        """Every hit of the search shown, those deleted since included: an
        undone delete brings its article back at its rank."""
        self._fetching = False
        self._kept: int | None = None
        """The open article, which the Unread collection lists while it is
        read (``keep``)."""
        self._load(self._page)

    # -- state ----------------------------------------------------------------

    @property
    def filter_text(self) -> str:
        return self._filter

    @property
    def total(self) -> int:
        """How many rows the list has in all (loaded or not)."""
        return self._total

    @property
    def searching(self) -> bool:
        return self._hits is not None

    def sort_key(self) -> tuple[str, bool]:
        """``(store sort name, descending)``."""
        return self._sort, self._descending

    def article_id(self, row: int) -> int:
        return self._rows[row].id

    def row_data(self, row: int) -> ArticleRow:
        return self._rows[row]

    def search_hit(self, row: int) -> SearchHit | None:
        """The search hit shown in ``row`` (search mode), else None."""
        if self._hits is None or not 0 <= row < len(self._hits):
            return None
        return self._hits[row]

    def unread_ids(self) -> list[int]:
        """The unread articles among every row the list holds, loaded or not:
        the search results while they are shown, else the rows of the
        source, collection and filter. The store's own query for those rows
        (ids only): a list of 100,000 is never read row by row.
        Raises ``ReaderError`` when the store cannot answer."""
        if self._hits is not None:
            return self._library.ids([h.id for h in self._hits], where=ListFilter(unread=True))
        return self._library.ids(where=replace(self._where(), unread=True, unread_or=None))

    def holds_any(self, ids: Sequence[int]) -> bool:
        """Whether the whole list, loaded or not, holds any of ``ids`` (the
        search results while they are shown; else the rows of the source,
        collection and filter: one query a 500 ids).
        Raises ``ReaderError`` when the store cannot answer."""
        if self._hits is not None:
            wanted = set(ids)
            return any(h.id in wanted for h in self._hits)
        return bool(self._library.ids(ids, where=self._where()))

    def row_of(self, article_id: int) -> int:
        """The loaded row showing ``article_id``, or -1."""
        for i, r in enumerate(self._rows):
            if r.id == article_id:
                return i
        return -1

    def locate(self, article_id: int) -> int:
        """The row of ``article_id`` in the whole list, loading the rows
        through it when it lies beyond those loaded (one query to find its
        place, one to load them, however far); -1 when the list does not
        hold it."""
        row = self.row_of(article_id)
        if row >= 0 or self._hits is not None:
            return row
        place = self._library.position(article_id, sort=self._sort,
                                       descending=self._descending, where=self._where())
        if place is None:
            return -1
        self.fetch_through(place)
        return self.row_of(article_id)

    def next_unread_row(self, after: int | None) -> int:
        """The row of the first unread article after ``after`` in the list,
        from the top when none comes after it, its rows loaded through it;
        -1 when the list holds no unread article but ``after``. Search
        results are walked in rank order. Raises ``ReaderError`` when the
        store cannot answer."""
        if self._hits is not None:
            ids = [h.id for h in self._hits]
            unread = set(self._library.ids(ids, where=ListFilter(unread=True))) - {after}
            start = ids.index(after) + 1 if after in ids else 0
            return next((i for i in [*range(start, len(ids)), *range(start)]
                         if ids[i] in unread), -1)
        found = self._library.next_unread(after, sort=self._sort, descending=self._descending,
                                          where=self._where())
        return -1 if found is None else self.locate(found)

    def keep(self, article_id: int | None) -> None:
        """List ``article_id`` (the open article) in the Unread collection
        even once it is read, until another is kept: the list reloads when
        that brings in a row it lacked (the open article read before a
        restart), never to take one out, which waits for the next reload,
        so that a row does not vanish under the reader. Raises
        ``ReaderError`` when the store cannot answer."""
        if article_id == self._kept:
            return
        self._kept = article_id
        if (self._collection.unread and article_id is not None and self._hits is None
                and self.row_of(article_id) < 0
                and not self._library.ids([article_id], where=ListFilter(unread=True))):
            self._reset(max(len(self._rows), self._page))

    def fetch_through(self, row: int) -> None:
        """Load every row up to ``row`` (the last row of the list for one
        beyond it) at once, not a page at a time."""
        wanted = min(row + 1, self._total) - len(self._rows)
        if wanted > 0:
            self._insert(max(wanted, self._page))

    # -- changes ------------------------------------------------------------

    @property
    def collection(self) -> Collection:
        return self._collection

    def set_collection(self, collection: Collection) -> None:
        """Show only the articles of ``collection`` (a tag, the starred, the
        unread; all by default), with the filter; back to the first page."""
        if collection == self._collection and not self.searching:
            return
        self._collection = collection
        self._hits = None
        self._reset(self._page)

    @property
    def source(self) -> Source:
        return self._source

    def set_source(self, source: Source) -> None:
        """Show only the articles of ``source`` (a feed, a folder of feeds;
        all by default), with the collection and the filter; back to the
        first page."""
        if source == self._source and not self.searching:
            return
        self._source = source
        self._hits = None
        self._reset(self._page)

    def set_filter(self, text: str) -> None:
        """Keep rows whose title or source contains ``text``, folded as find
        folds (a query without hamza finds أعلن); back to the first page."""
        if text == self._filter and not self.searching:
            return
        self._filter = text
        self._hits = None
        self._reset(self._page)

    def refresh(self) -> None:
        """Reload from the store (another process or thread changed it),
        keeping as many rows loaded as before."""
        if self._hits is not None:
            kept = set(self._library.ids([h.id for h in self._found]))
            self.beginResetModel()
            self._hits = [h for h in self._found if h.id in kept]
            self._rows = _result_rows(self._hits)
            self._fill_states()  # marked read meanwhile (Mark all as read on the results)
            self._total = len(self._rows)
            self.endResetModel()
            return
        self._reset(max(len(self._rows), self._page))

    def set_search_results(self, hits: list[SearchHit]) -> None:
        """Show ``hits`` (best first) instead of the list."""
        self.beginResetModel()
        self._hits = list(hits)
        self._found = list(hits)
        self._rows = _result_rows(self._hits)
        self._fill_states()
        self._total = len(self._rows)
        self.endResetModel()

    def clear_search_results(self) -> None:
        """Back to the (filtered) list."""
        if self._hits is None:
            return
        self._hits = None
        self._reset(self._page)

    def largest(self, key: str) -> int:
        """The largest count of column ``key`` (``quotes`` or ``figures``)
        among the rows the list holds, loaded or not; 0 while it shows
        search results (they show no counts) or holds no rows."""
        if self._hits is not None:
            return 0
        top = self._library.rows(limit=1, sort=key, descending=True, where=self._where())
        return max(top[0].quotes if key == "quotes" else top[0].figures, 0) if top else 0

    def update_state(self, article_id: int, *, read: bool | None = None,
                     starred: bool | None = None) -> None:
        """Show a new read/starred state for a loaded row (after the window
        wrote it to the store), without reloading."""
        row = self.row_of(article_id)
        if row < 0:
            return
        r = self._rows[row]
        self._rows[row] = replace(r, read=r.read if read is None else read,
                                  starred=r.starred if starred is None else starred)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def retranslate(self) -> None:
        """Headers and tooltips in the language just installed."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def _fill_states(self) -> None:
        """The result rows as the store holds their articles now: read and
        starred, and the title, source and date (a tester's day: after the
        details dialog saved, the results kept the old ones)."""
        for i, r in enumerate(self._rows):
            try:
                a = self._library.get(r.id)
            except ReaderError:  # deleted meanwhile: shown as unread, unstarred
                continue
            self._rows[i] = replace(r, title=a.title, source=a.source, published=a.published,
                                    read=a.read, starred=a.starred)

    def _reset(self, count: int) -> None:
        self.beginResetModel()
        self._load(count)
        self.endResetModel()

    def _where(self) -> ListFilter:
        """The rows the list holds: its source, collection and filter."""
        c, s = self._collection, self._source
        return ListFilter(text=self._filter, tag=c.tag, starred=c.starred, unread=c.unread,
                          feed=s.feed, folder=s.folder,
                          unread_or=self._kept if c.unread else None)

    def _load(self, count: int) -> None:
        self._total = self._library.count(where=self._where())
        self._rows = self._library.rows(offset=0, limit=count, sort=self._sort,
                                        descending=self._descending, where=self._where())

    # -- Qt model API ---------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: _Index) -> bool:
        # Not while a page is being inserted: a view (or the model tester)
        # reacting to rowsAboutToBeInserted may ask for more, and a nested
        # fetch would insert the same rows twice.
        return (not parent.isValid() and self._hits is None and not self._fetching
                and len(self._rows) < self._total)

    def fetchMore(self, parent: _Index) -> None:
        if self.canFetchMore(parent):
            self._insert(self._page)

    def _insert(self, count: int) -> None:
        """Load the next ``count`` rows (fewer at the end of the list)."""
        if not self.canFetchMore(QModelIndex()):
            return
        try:
            more = self._library.rows(offset=len(self._rows), limit=count, sort=self._sort,
                                      descending=self._descending, where=self._where())
        except ReaderError as err:
            # Called by the view as it scrolls: raised, it would end in Qt's
            # event loop. The list stops at what it has; the window says why.
            self._total = len(self._rows)
            self.error_occurred.emit(err.line())
            return
        if not more:
            # Articles were deleted elsewhere; the next refresh catches up.
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self._fetching = True
        try:
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()
        finally:
            self._fetching = False
        self._total = max(self._total, len(self._rows))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or self._hits is not None:
            return
        key = COLUMNS[column].sort
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending):
            return
        self._sort, self._descending = key, descending
        self._reset(max(len(self._rows), self._page))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        key = COLUMNS[section].key
        if role == Qt.ItemDataRole.DisplayRole:
            # Narrow columns carry a sign; their name is the tooltip.
            return _HEADER_MARKS.get(key) or _tr(COLUMNS[section].header)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _header_tooltips().get(key) or _tr(COLUMNS[section].header)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _tr(COLUMNS[section].header)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        key = COLUMNS[index.column()].key
        if role == ID_ROLE:
            return r.id
        if role == SNIPPET_ROLE:
            hit = self.search_hit(index.row()) if key == "title" else None
            return (r.title, hit.snippet, hit.marks) if hit is not None and hit.snippet \
                else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, key, index.row())
        if role == Qt.ItemDataRole.FontRole and key == "title" and not r.read:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in ("title", "source"):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _display(self, r: ArticleRow, key: str) -> str:
        if key == "title":
            return isolate_paragraph(
                r.title or QCoreApplication.translate("LibraryModel", "(untitled)"))
        if key == "source":
            return isolate_paragraph(r.source)
        if key == "date":
            return r.published[:10]
        if key == "quotes":
            return "" if r.quotes < 0 else str(r.quotes)
        if key == "figures":
            return "" if r.figures < 0 else str(r.figures)
        if key == "read":
            return "" if r.read else UNREAD_MARK
        return STAR_MARK if r.starred else ""

    def _tooltip(self, r: ArticleRow, key: str, row: int) -> str | None:
        if key == "title":
            hit = self.search_hit(row)
            if hit is not None and hit.snippet:
                return isolate_paragraph(r.title) + "\n" + isolate_paragraph(hit.snippet)
            return isolate_paragraph(r.title) if r.title else None
        if key == "read":
            if r.read:
                return QCoreApplication.translate("LibraryModel", "Read")
            return QCoreApplication.translate("LibraryModel", "Unread")
        if key == "starred":
            return QCoreApplication.translate("LibraryModel", "Starred") if r.starred else None
        return None


def _result_rows(hits: list[SearchHit]) -> list[ArticleRow]:
    """The list's rows of search results (states filled by ``_fill_states``)."""
    return [ArticleRow(h.id, h.title, h.source, h.published, "", -1, -1, False, False)
            for h in hits]
