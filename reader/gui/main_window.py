"""The main window: the article list beside the article pane (issue 4).

The list (``LibraryModel`` in a ``QTableView`` under a filter box) and the
``ArticlePane`` sit in a splitter; an Arabic interface mirrors it, list on the
right. Menus, a toolbar with the library search box, and a status bar with
the article count and import progress. Imports (menus or files dropped on the
window) and exports run off the GUI thread (``reader.gui.workers``). The
window polls ``Library.data_version()`` every ``POLL_MS`` so that what another
process writes (an import, a delete, a reindex, an edit) appears in the list,
the reading view and the highlights panel, the reader's selection and place
kept.

The window's parts live beside it: its actions and menus in
``reader.gui.actions``, import and export in ``reader.gui.import_export``,
the library search in ``reader.gui.library_search``, view options and saved
state in ``reader.gui.window_settings``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.errors import ReaderError
from reader.gui import workers
from reader.gui.actions import (
    build_actions,
    build_menus,
    build_toolbar,
    retranslate_actions,
    take_over_shortcuts,
)
from reader.gui.article_pane import ArticlePane
from reader.gui.import_export import ImportExportMixin
from reader.gui.library_model import COLUMN_INDEX, LibraryModel
from reader.gui.library_search import RANKINGS_DELAY_MS, LibrarySearchMixin
from reader.gui.window_settings import WindowSettingsMixin
from reader.gui.workers import Task
from reader.links import article_link
from reader.resources import resource_path
from reader.store.library import Library
from reader.text.bidi import isolate

POLL_MS = 1000
"""How often the window asks the store whether another process wrote."""

FILTER_DELAY_MS = 200

APP_NAME = "rtl-reader"


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "rtl-reader.svg")))


class MainWindow(ImportExportMixin, LibrarySearchMixin, WindowSettingsMixin, QMainWindow):
    """The app's window over an open ``library``.

    ``settings`` None keeps nothing between runs (screenshots). ``notify`` and
    ``confirm`` show a message and ask a yes/no question (``title, text``);
    tests replace them so no modal dialog blocks. ``tasks`` are the background
    jobs still running.
    """

    def __init__(self, library: Library, *, settings: QSettings | None = None,
                 poll_ms: int = POLL_MS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.settings = settings
        self.tasks: list[Task] = []
        self.notify: Callable[[str, str], None] = self._message_box
        self.confirm: Callable[[str, str], bool] = self._question_box
        self._search_query = ""
        self._search_generation = self._search_shown = 0
        self._search_tasks: list[Task] = []
        self._rankings_task: Task | None = None
        self._opening = False
        self._prefs = self._load_preferences()

        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.setMinimumSize(320, 240)

        self.model = LibraryModel(library, self)
        self.list_view = QTableView(self)
        self.list_view.setObjectName("articleList")
        self.list_view.setModel(self.model)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setSortingEnabled(True)
        self.list_view.sortByColumn(COLUMN_INDEX["date"], Qt.SortOrder.DescendingOrder)
        self.list_view.verticalHeader().hide()
        self.list_view.setWordWrap(False)
        self.list_view.setShowGrid(False)
        self.list_view.setAlternatingRowColors(True)
        header = self.list_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMN_INDEX["title"], QHeaderView.ResizeMode.Stretch)
        for key in ("quotes", "figures", "read", "starred"):
            header.setSectionResizeMode(COLUMN_INDEX[key],
                                        QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.list_view.setColumnWidth(COLUMN_INDEX["source"], 100)
        self.list_view.setColumnWidth(COLUMN_INDEX["date"], 82)
        self.list_view.selectionModel().currentRowChanged.connect(self._on_current_row)
        # A sort (header click), a filter or a refresh resets the model: select
        # the open article again.
        self.model.modelReset.connect(self._after_reset)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("filter")
        self.filter_edit.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter_edit.textChanged.connect(self._filter_timer.start)

        self.list_panel = QWidget(self)
        left = QVBoxLayout(self.list_panel)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(2)
        left.addWidget(self.filter_edit)
        left.addWidget(self.list_view, 1)

        self.pane = ArticlePane(library, self)
        self.pane.error_occurred.connect(self._on_store_error)
        self.pane.highlights_panel.role_visibility_changed.connect(self._on_role_visibility)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.list_panel)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([500, 780])
        self.setCentralWidget(self.splitter)

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("librarySearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaximumWidth(320)
        self.search_edit.returnPressed.connect(self._on_search_entered)
        self.search_edit.textChanged.connect(self._on_search_text_changed)
        self.word_families = QCheckBox(self)
        self.word_families.setObjectName("wordFamilies")
        self.word_families.toggled.connect(self._on_word_families_toggled)
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search_edit)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear.activated.connect(self.clear_search)

        self.count_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.cancel_button = QPushButton(self)
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_tasks)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.statusBar().addPermanentWidget(self.count_label)

        self.named_actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        build_actions(self)
        build_menus(self)
        self.toolbar = build_toolbar(self)
        take_over_shortcuts(self)
        self.retranslate_ui()
        self._apply_preferences(self._prefs)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(300)
        self._refresh_timer.timeout.connect(self.refresh_list)
        self._data_version = library.data_version()
        self._rankings_timer = QTimer(self)
        self._rankings_timer.setSingleShot(True)
        self._rankings_timer.setInterval(RANKINGS_DELAY_MS)
        self._rankings_timer.timeout.connect(self._refresh_rankings)
        self.refresh_rankings_later()
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(poll_ms)
        self.poll_timer.timeout.connect(self.poll_store)
        if poll_ms > 0:
            self.poll_timer.start()

        self.restore_state()
        self._update_article_actions()

    def retranslate_ui(self) -> None:
        """Every visible string in the current language (also on LanguageChange)."""
        retranslate_actions(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter titles and sources"))
        self.search_edit.setPlaceholderText(self.tr("Search library (Ctrl+Shift+F)"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.list_view.setAccessibleName(self.tr("Articles"))
        self.filter_edit.setAccessibleName(self.tr("Filter the list"))
        self.search_edit.setAccessibleName(self.tr("Search library"))
        self.word_families.setText(self.tr("Word families"))
        self.word_families.setToolTip(self.tr(
            "Also find other forms of each word: معلم finds المعلمون and والمعلمين"))
        self.progress.setAccessibleName(self.tr("Progress"))
        self.model.retranslate()
        self._update_count()
        self._update_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- opening articles ---------------------------------------------------------

    def current_article_id(self) -> int | None:
        return self.pane.current_article_id()

    def open_article(self, article_id: int, at: int | None = None, *,
                     find: str = "") -> bool:
        """Show ``article_id`` (scrolled to body index ``at``; the stored position
        when None), select its row when loaded, mark it read. A non-empty
        ``find`` opens the find bar with it. False (and a status message) for
        an unknown id."""
        try:
            self.pane.open_article(article_id, at)
        except ReaderError as err:
            self.statusBar().showMessage(err.line(), 8000)
            return False
        self._select_row_of(article_id)
        try:
            if not self.library.read_only and not self._row_state(article_id)[0]:
                self.library.set_read(article_id, True)
                self.model.update_state(article_id, read=True)
        except ReaderError as err:
            self._on_store_error(err.line())
        if find:
            self.pane.show_find_bar(find)
        self._update_title()
        self._update_article_actions()
        return True

    def _row_state(self, article_id: int) -> tuple[bool, bool]:
        """(read, starred) of ``article_id``: from the list when loaded, else the store."""
        row = self.model.row_of(article_id)
        if row >= 0 and not self.model.searching:
            r = self.model.row_data(row)
            return r.read, r.starred
        a = self.library.get(article_id)
        return a.read, a.starred

    def _select_row_of(self, article_id: int) -> None:
        row = self.model.row_of(article_id)
        selection = self.list_view.selectionModel()
        self._opening = True
        try:
            if row < 0:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
                return
            index = self.model.index(row, 0)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect |
                                      QItemSelectionModel.SelectionFlag.Rows)
            self.list_view.scrollTo(index)
        finally:
            self._opening = False

    def select_row(self, row: int) -> None:
        """Make ``row`` the current, selected row (which opens its article).
        Not ``QTableView.selectRow``: before the first layout of a right-to-left
        view it finds no column at x=0 and selects nothing."""
        self.list_view.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect |
            QItemSelectionModel.SelectionFlag.Rows)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._opening or not current.isValid():
            return
        self._open_row(current.row())

    def _open_row(self, row: int) -> None:
        """Open the article of ``row``; a search result opens at its first hit
        with the find bar holding the word as the article writes it."""
        article_id = self.model.article_id(row)
        hit = self.model.search_hit(row)
        if hit is not None and hit.hits:
            field, start, end = hit.hits[0]
            if self.open_article(article_id, start if field == "body" else 0):
                article = self.pane.view.article
                word = article.field_text(field)[start:end] if article is not None else ""
                if word:
                    self.pane.show_find_bar(word)
            return
        if article_id != self.current_article_id():
            self.open_article(article_id)

    # -- list ------------------------------------------------------------------

    def _apply_filter(self) -> None:
        if self.model.searching:
            self.clear_search()
        self.model.set_filter(self.filter_edit.text())
        self._after_reset()

    def refresh_list(self) -> None:
        """Reload the list from the store, keeping the open article selected
        and the list scrolled where it was."""
        bar = self.list_view.verticalScrollBar()
        scrolled = bar.value()
        self.model.refresh()
        self._after_reset()
        bar.setValue(min(scrolled, bar.maximum()))
        self.refresh_rankings_later()
        current = self.current_article_id()
        if current is not None and not self.library.ids([current]):
            self.pane.clear()
            self._update_title()
            self._update_article_actions()

    def poll_store(self) -> None:
        """Catch up when another process committed since the last look: the
        list (selection and scroll kept), the open article and its highlights
        (at the reader's line), the read and star state of the open article."""
        try:
            version = self.library.data_version()
        except ReaderError:
            return
        if version != self._data_version:
            self._data_version = version
            self.refresh_list()
            self.pane.catch_up()
            self._update_article_actions()

    def _after_reset(self) -> None:
        current = self.current_article_id()
        if current is not None:
            self._select_row_of(current)
        self._update_count()

    def _update_count(self) -> None:
        if self.model.searching:
            text = self.tr("%n result(s)", "", self.model.total)
        else:
            shown = total = self.model.total
            if self.model.filter_text:
                try:
                    total = self.library.count()
                except ReaderError:  # the store went away; the list says what it has
                    total = shown
            text = self.tr("%n article(s)", "", total)
            if self.model.filter_text:
                text = self.tr("{shown} of {total}").format(shown=shown, total=text)
        self.count_label.setText(text)

    def _update_title(self) -> None:
        article = self.pane.view.article if self.current_article_id() is not None else None
        if article is None:
            self.setWindowTitle(APP_NAME)
        else:
            title = article.title or self.tr("(untitled)")
            self.setWindowTitle(f"{isolate(title)} \u2014 {APP_NAME}")

    # -- article actions ------------------------------------------------------------------

    def _update_article_actions(self) -> None:
        current = self.current_article_id()
        for name in ("read", "star", "highlight", "delete", "find"):
            self.named_actions[name].setEnabled(current is not None)
        read, starred = False, False
        if current is not None:
            with suppress(ReaderError):
                read, starred = self._row_state(current)
        for name, value in (("read", read), ("star", starred)):
            action = self.named_actions[name]
            action.blockSignals(True)
            action.setChecked(value)
            action.blockSignals(False)

    def set_read(self, read: bool) -> None:
        current = self.current_article_id()
        if current is None:
            return
        try:
            self.library.set_read(current, read)
        except ReaderError as err:
            self._on_store_error(err.line())
            return
        self.model.update_state(current, read=read)
        self._update_article_actions()

    def set_starred(self, starred: bool) -> None:
        current = self.current_article_id()
        if current is None:
            return
        try:
            self.library.set_starred(current, starred)
        except ReaderError as err:
            self._on_store_error(err.line())
            return
        self.model.update_state(current, starred=starred)
        self._update_article_actions()

    def _on_read_action(self, checked: bool) -> None:
        self.set_read(checked)

    def _on_star_action(self, checked: bool) -> None:
        self.set_starred(checked)

    def delete_current(self) -> bool:
        """Delete the open article after asking; True when deleted."""
        current = self.current_article_id()
        article = self.pane.view.article
        if current is None or article is None:
            return False
        if not self.confirm(self.tr("Delete article"),
                            self.tr("Delete “{title}” and its highlights?").format(
                                title=isolate(article.title))):
            return False
        row = self.model.row_of(current)
        try:
            self.library.delete(current)
        except ReaderError as err:
            self._on_store_error(err.line())
            return False
        self.pane.clear()
        self.refresh_list()
        if self.model.rowCount():
            self.select_row(min(max(row, 0), self.model.rowCount() - 1))
        self._update_title()
        self._update_article_actions()
        return True

    def copy(self) -> None:
        """Copy the reading view's selection; with none, the open article's
        title and its ``rtl-reader://`` link."""
        view = self.pane.view
        if view.textCursor().hasSelection():
            view.copy()
            return
        current = self.current_article_id()
        if current is not None and view.article is not None:
            QGuiApplication.clipboard().setText(
                f"{view.article.title}\n{article_link(current)}")

    # -- reports from imports and the store ----------------------------------------------

    # Kept here, not in ImportExportMixin: pyside6-lupdate marks a string plural (%n)
    # only in a self.tr() call, and takes its context from the enclosing class.
    def _on_import_done(self, report: object) -> None:
        assert isinstance(report, workers.ImportReport)
        self._refresh_timer.stop()
        self.refresh_list()
        self._data_version = self.library.data_version()
        if self.current_article_id() is None and report.added:
            self.open_article(report.added[0])
        message = self.tr("Imported %n article(s)", "", len(report.added))
        if report.duplicates:
            message += " " + self.tr("(%n already in the library)", "", report.duplicates)
        if report.cancelled:
            message += " " + self.tr("— cancelled")
        self.statusBar().showMessage(message, 8000)
        if report.errors:
            shown = "\n".join(report.errors[:12])
            if len(report.errors) > 12:
                shown += "\n" + self.tr("… and %n more", "", len(report.errors) - 12)
            self.notify(self.tr("Some files were not imported"), shown)

    def _on_store_error(self, line: str) -> None:
        self.statusBar().showMessage(line, 10000)

    # -- drag and drop ------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_paths(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)
        else:
            event.ignore()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel_tasks()
        self.wait_for_tasks(10.0)
        self.wait_for_search(10.0)
        self.stop_rankings(10.0)
        self.poll_timer.stop()
        self.save_state()
        super().closeEvent(event)

    # -- dialogs ------------------------------------------------------------------------

    def _message_box(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def _question_box(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes


def _local_paths(urls: Sequence[QUrl]) -> list[str]:
    return [url.toLocalFile() for url in urls if url.isLocalFile() and url.toLocalFile()]
