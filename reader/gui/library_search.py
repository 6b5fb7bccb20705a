"""The library search: every article matching a query, in place of the list.

``LibrarySearch`` owns the toolbar's search box (``edit``, Ctrl+Shift+F) and
its "Word families" switch (``word_families``: the stemmed index, so one form
of a word finds its inflections). ``Library.search`` runs on a worker thread,
on a reader connection the window's ``Library`` lends it (a common word in a
large library takes a while). Results come as the reader types (debounced)
and on Enter; ``results_ready(SearchOutcome)`` hands them to the window,
which shows them in the list; ``search_left()`` when the box is cleared (or
Escape) and the whole, filtered list comes back. Up and Down in the box move
through the results (``step_requested``), Enter opens the current one
(``open_requested``). Escape in an empty box, or Down, gives the keys back
to the list (``keys_given_back``: a tester's Escape left them in the box).

A few seconds after the window opens and after each change to the list,
``refresh_rankings_later`` has a worker store the rankings of the library's
commonest words and phrases (``Library.refresh_rankings``), which a search
for one of them then reads instead of scoring every article; nothing to do
when they are current, and nothing at all on a read-only store.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionFrame, QWidget

from reader.errors import ReaderError
from reader.gui.error_text import shown
from reader.gui.typing_box import TypingBox
from reader.gui.workers import Task, TaskContext, end_tasks
from reader.store import rankings
from reader.store.library import Library
from reader.store.search import SearchHit

SEARCH_LIMIT = rankings.DEPTH
"""Results a library search shows at most: as deep as a stored ranking goes."""

RANKINGS_DELAY_MS = 3000
"""Quiet time after opening or a change before the stored rankings are refreshed."""

TYPING_DELAY_MS = 300
"""Quiet time after a key before the typed query is searched."""

TYPED_MIN_CHARS = 2
"""A typed query shorter than this waits for Enter (one letter matches everything)."""

SEARCH_CHARS = 24
"""The search box's least width, in average characters: a query of three
or four words shows whole (at 1.5x in a 900 px window the box had room
for about one word, its "Word families" in the toolbar's menu). The
toolbar's buttons give way first."""
MAX_QUERY_CHARS = 1000
"""The longest query the box takes (the store refuses longer ones anyway)."""


@dataclass(frozen=True, slots=True)
class SearchOutcome:
    """What a background search hands back: its results, or an error line;
    ``open_first`` when the first result should open (Enter, not typing)."""

    generation: int
    query: str
    hits: list[SearchHit] = field(default_factory=list)
    error: str = ""
    open_first: bool = True
    matched: int = 0
    """How many articles match: more than ``hits`` when they stop at
    ``SEARCH_LIMIT``."""


LINE_EDIT_MARGIN = 2
"""Pixels QLineEdit keeps between its contents rectangle and the text, each side."""


class LibrarySearch(QObject):
    """The search box and switch (parented to ``parent``), the background
    searches and the rankings refresh, over ``library``."""

    results_ready = Signal(object)
    search_left = Signal()
    keys_given_back = Signal()
    step_requested = Signal(int)
    open_requested = Signal()
    status_message = Signal(str, int)

    def __init__(self, library: Library, parent: QWidget) -> None:
        super().__init__(parent)
        self._library = library
        self._query = ""
        self._setting_text = False
        self._generation = self._shown = 0
        self._tasks: list[Task] = []
        self._rankings_task: Task | None = None

        self.edit = TypingBox(SEARCH_CHARS, parent)
        self.edit.setObjectName("librarySearch")
        self.edit.setClearButtonEnabled(True)
        self.edit.setMaximumWidth(320)
        self.edit.setMaxLength(MAX_QUERY_CHARS)
        self.edit.installEventFilter(self)
        self.edit.textChanged.connect(self._on_text_changed)
        self.word_families = QCheckBox(parent)
        self.word_families.setObjectName("wordFamilies")
        self.word_families.toggled.connect(self._on_word_families_toggled)

        self._typing_timer = QTimer(self)
        self._typing_timer.setSingleShot(True)
        self._typing_timer.setInterval(TYPING_DELAY_MS)
        self._typing_timer.timeout.connect(self._on_typing_paused)
        self._rankings_timer = QTimer(self)
        self._rankings_timer.setSingleShot(True)
        self._rankings_timer.setInterval(RANKINGS_DELAY_MS)
        self._rankings_timer.timeout.connect(self._refresh_rankings)
        self.retranslate()

    def retranslate(self) -> None:
        self._fit_placeholder()
        self.edit.setAccessibleName(self.tr("Search library"))
        self.word_families.setText(self.tr("Word families"))
        self.word_families.setToolTip(self.tr(
            "Also find other forms of each word: معلم finds المعلمون and والمعلمين"))

    # -- searching -------------------------------------------------------------

    @property
    def query(self) -> str:
        """The query whose results are shown ("" when the list is)."""
        return self._query

    @property
    def search_pending(self) -> bool:
        """True from ``search_library`` until its results (or error) are shown."""
        return self._shown < self._generation

    def focus(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def search_library(self, query: str, *, open_first: bool = True) -> None:
        """Search the library in the background; ``results_ready`` with the
        outcome (a malformed query goes to the status bar). An empty query
        clears. A newer search supersedes one still running: only the last
        is shown."""
        self._typing_timer.stop()
        query = query.strip()
        if not query:
            self.clear_search()
            return
        self._generation += 1
        generation, library = self._generation, self._library
        stem = self.word_families.isChecked()

        def run(_context: TaskContext) -> SearchOutcome:
            try:
                hits = library.search(query, limit=SEARCH_LIMIT, stem=stem)
                # Counted only when the results fill the limit: "500 results"
                # where 777 match said there were 500.
                matched = len(hits) if len(hits) < SEARCH_LIMIT else \
                    len(library.match_ids(query, stem=stem))
                return SearchOutcome(generation, query, hits, open_first=open_first,
                                     matched=matched)
            except ReaderError as err:
                return SearchOutcome(generation, query, [], err.line(), open_first=open_first)

        task = Task(run, self)
        task.succeeded.connect(self._on_search_done)
        task.finished.connect(self._forget_finished)
        self._tasks.append(task)
        task.start()

    def wait_for_search(self, timeout: float = 10.0) -> bool:
        """Block until every running search returned (shutdown)."""
        return all(task.wait(timeout) for task in list(self._tasks))

    def clear_search(self) -> None:
        """Empty the box and go back to the whole (filtered) list."""
        self._typing_timer.stop()
        if self.edit.text():
            self._set_text("")
        self._leave()

    def _leave(self) -> None:
        # A search still running is superseded: its results must not come back.
        self._generation += 1
        self._shown = self._generation
        was_showing = bool(self._query)
        self._query = ""
        if was_showing:
            self.search_left.emit()

    def _on_search_done(self, outcome: object) -> None:
        assert isinstance(outcome, SearchOutcome)
        if outcome.generation != self._generation:
            return  # superseded by a newer search
        self._shown = outcome.generation
        if outcome.error:
            self.status_message.emit(shown(outcome.error), 8000)
            return
        self._query = outcome.query
        if self.edit.text().strip() != outcome.query:
            self._set_text(outcome.query)
        self.results_ready.emit(outcome)
        if not outcome.hits:
            self.status_message.emit(self.tr("No article matches."), 5000)

    def _forget_finished(self) -> None:
        self._tasks = end_tasks(self._tasks)

    def _on_word_families_toggled(self, _checked: bool) -> None:
        if self._query:
            # The same query read anew: the article being read stays open (it
            # opened the first result, and marked it read: a new user's day).
            self.search_library(self._query, open_first=False)

    def _set_text(self, text: str) -> None:
        """Show ``text`` in the box without it counting as typed. Not by
        blocking the box's signals: the box hides its clear button on its own
        textChanged, and a box emptied so kept the button beside the hint."""
        self._setting_text = True
        try:
            self.edit.setText(text)
        finally:
            self._setting_text = False

    def _on_text_changed(self, text: str) -> None:
        if self._setting_text:
            return
        if not text.strip():
            self._typing_timer.stop()
            if self._query or self.search_pending:
                self._leave()
        else:
            self._typing_timer.start()

    def _on_typing_paused(self) -> None:
        text = self.edit.text().strip()
        if len(text) >= TYPED_MIN_CHARS and text != self._query:
            self.search_library(text, open_first=False)

    def _fit_placeholder(self) -> None:
        """The box's hint with its key when it fits, without it when not: cut
        at the box's edge, "(Ctrl+Shift+F)" read "(Ctrl+S…", another key."""
        full = self.tr("Search library (Ctrl+Shift+F)")
        option = QStyleOptionFrame()
        self.edit.initStyleOption(option)
        room = self.edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents,
                                                option, self.edit).width()
        room -= 2 * LINE_EDIT_MARGIN + self.edit.textMargins().left() \
            + self.edit.textMargins().right()
        fits = self.edit.fontMetrics().horizontalAdvance(full) <= room
        self.edit.setPlaceholderText(full if fits else self.tr("Search library"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.Resize:
            self._fit_placeholder()
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                text = self.edit.text().strip()
                if text and text == self._query and not self.search_pending:
                    self.open_requested.emit()
                else:
                    self.search_library(text)
                return True
            if key == Qt.Key.Key_Escape:
                if not self.edit.text() and not self._query:
                    self.keys_given_back.emit()  # nothing to clear: back to the list
                self.clear_search()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self._query:
                self.step_requested.emit(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key == Qt.Key.Key_Down and not self.edit.text():
                self.keys_given_back.emit()
                return True
        return super().eventFilter(watched, event)

    # -- stored rankings ---------------------------------------------------------

    def refresh_rankings_later(self) -> None:
        """Refresh the stored rankings once the store has been quiet for
        ``RANKINGS_DELAY_MS`` (each call restarts the wait)."""
        if not self._library.read_only:
            self._rankings_timer.start()

    def rankings_running(self) -> bool:
        return self._rankings_task is not None

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
        library = self._library

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
            self._rankings_task.delete_when_returned()
            self._rankings_task = None
