"""The library search: every article matching a query, in place of the list.

``LibrarySearchMixin`` gives ``MainWindow`` what the toolbar's search box
(``search_edit``, Ctrl+Shift+F) does: ``Library.search`` runs on a worker
thread, on a reader connection the window's ``Library`` lends it (a common
word in a large library takes a while), then the hits fill the list model, the first article opens
at its first hit with the find bar holding the word, and clearing the box
(or Escape) brings the whole, filtered list back. The "Word families"
switch (``word_families``) searches the stemmed index, so one form of a
word finds its inflections.

A few seconds after the window opens and after each change to the list,
``refresh_rankings_later`` has a worker store the rankings of the library's
commonest words and phrases (``Library.refresh_rankings``), which a search
for one of them then reads instead of scoring every article; nothing to do
when they are current, and nothing at all on a read-only store.

Texts use the literal context ``MainWindow`` so pyside6-lupdate files them
where the window's other strings are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QLineEdit, QMainWindow

from reader.errors import ReaderError
from reader.gui.library_model import LibraryModel
from reader.gui.workers import Task, TaskContext
from reader.store import rankings
from reader.store.library import Library
from reader.store.search import SearchHit

SEARCH_LIMIT = rankings.DEPTH
"""Results a library search shows at most: as deep as a stored ranking goes."""

RANKINGS_DELAY_MS = 3000
"""Quiet time after opening or a change before the stored rankings are refreshed."""


@dataclass(frozen=True, slots=True)
class SearchOutcome:
    """What a background search hands back: its results, or an error line."""

    generation: int
    query: str
    hits: list[SearchHit] = field(default_factory=list)
    error: str = ""

if TYPE_CHECKING:
    _WindowBase = QMainWindow
else:
    _WindowBase = object


class LibrarySearchMixin(_WindowBase):
    """The library search of ``MainWindow`` (listed first among its bases)."""

    # Set up by MainWindow.__init__.
    library: Library
    model: LibraryModel
    search_edit: QLineEdit
    word_families: QCheckBox
    _search_query: str
    _search_generation: int
    _search_shown: int
    _search_tasks: list[Task]
    _rankings_task: Task | None
    _rankings_timer: QTimer
    _opening: bool

    if TYPE_CHECKING:
        def select_row(self, row: int) -> None: ...
        def _open_row(self, row: int) -> None: ...
        def _after_reset(self) -> None: ...
        def _update_count(self) -> None: ...

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    @property
    def search_pending(self) -> bool:
        """True from ``search_library`` until its results (or error) are shown."""
        return self._search_shown < self._search_generation

    def search_library(self, query: str) -> None:
        """Search the library in the background; the results replace the list
        and the first opens at its first hit with the find bar filled (a
        malformed query goes to the status bar). An empty query clears. A
        newer search supersedes one still running: only the last is shown."""
        query = query.strip()
        if not query:
            self.clear_search()
            return
        self._search_generation += 1
        generation, library = self._search_generation, self.library
        stem = self.word_families.isChecked()

        def run(_context: TaskContext) -> SearchOutcome:
            try:
                return SearchOutcome(generation, query,
                                     library.search(query, limit=SEARCH_LIMIT, stem=stem))
            except ReaderError as err:
                return SearchOutcome(generation, query, [], err.line())

        task = Task(run, self)
        task.succeeded.connect(self._on_search_done)
        task.finished.connect(self._forget_search_tasks)
        self._search_tasks.append(task)
        task.start()

    def wait_for_search(self, timeout: float = 10.0) -> bool:
        """Block until every running search returned (shutdown)."""
        return all(task.wait(timeout) for task in list(self._search_tasks))

    def refresh_rankings_later(self) -> None:
        """Refresh the stored rankings once the store has been quiet for
        ``RANKINGS_DELAY_MS`` (each call restarts the wait)."""
        if not self.library.read_only:
            self._rankings_timer.start()

    def stop_rankings(self, timeout: float = 10.0) -> bool:
        """Stop refreshing rankings (shutdown): the worker stops after its
        current word and writes what it made. True once it has returned."""
        self._rankings_timer.stop()
        task = self._rankings_task
        if task is None:
            return True
        task.cancel()
        return task.wait(timeout)

    def _refresh_rankings(self) -> None:
        if self._rankings_task is not None and not self._rankings_task.is_done():
            self._rankings_timer.start()  # one at a time: look again later
            return
        library = self.library

        def run(context: TaskContext) -> int:
            return library.refresh_rankings(cancelled=context.cancelled)

        # A failure costs only speed (a search scores every match, as before):
        # the Task prints a bug's traceback, and a store error shows elsewhere.
        task = Task(run, self)
        task.finished.connect(self._on_rankings_done)
        self._rankings_task = task
        task.start()

    def _on_rankings_done(self) -> None:
        if self._rankings_task is not None and self._rankings_task.is_done():
            self._rankings_task.deleteLater()
            self._rankings_task = None

    def _forget_search_tasks(self) -> None:
        for task in self._search_tasks:
            if task.is_done():
                task.deleteLater()
        self._search_tasks = [t for t in self._search_tasks if not t.is_done()]

    def _on_search_done(self, outcome: object) -> None:
        assert isinstance(outcome, SearchOutcome)
        if outcome.generation != self._search_generation:
            return  # superseded by a newer search
        self._search_shown = outcome.generation
        if outcome.error:
            self.statusBar().showMessage(outcome.error, 8000)
            return
        self._search_query = outcome.query
        if self.search_edit.text().strip() != outcome.query:
            self.search_edit.setText(outcome.query)
        self.model.set_search_results(outcome.hits)
        self._update_count()
        if outcome.hits:
            self._opening = True
            try:
                self.select_row(0)
            finally:
                self._opening = False
            self._open_row(0)
        else:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "No article matches."), 5000)

    def clear_search(self) -> None:
        """Back to the whole (filtered) list."""
        if self.search_edit.text():
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
        self._leave_search()

    def _leave_search(self) -> None:
        # A search still running is superseded: its results must not come back.
        self._search_generation += 1
        self._search_shown = self._search_generation
        self._search_query = ""
        if self.model.searching:
            self.model.clear_search_results()
            self._after_reset()

    def _on_word_families_toggled(self, _checked: bool) -> None:
        if self.model.searching and self._search_query:
            self.search_library(self._search_query)

    def _on_search_entered(self) -> None:
        self.search_library(self.search_edit.text())

    def _on_search_text_changed(self, text: str) -> None:
        if not text.strip() and (self.model.searching or self.search_pending):
            self._leave_search()
