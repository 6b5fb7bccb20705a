"""What the Article menu does to the open article.

``ArticleCommands`` marks it read or unread, stars it, edits its details and
tags and deletes it, all through the undoable ``EditHistory``, and copies it.
It asks the reader through the window's prompts; the history says what
changed and the window shows it (the list, the pane, the actions).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication

from reader.errors import ReaderError
from reader.gui.edits import EditHistory
from reader.gui.reading_view import ReadingView
from reader.links import article_link
from reader.store.article import Article
from reader.store.library import Library
from reader.text.bidi import isolate

State = tuple[bool, bool]
"""(read, starred) of an article."""


class ArticleCommands(QObject):
    """The commands on the article ``view`` shows, over ``library`` and ``edits``.

    ``state_of(article_id)`` gives (read, starred) as the window knows it
    (raises ReaderError for an article gone). The window sets ``confirm``,
    ``details_prompt`` and ``tags_prompt``. Edits go through ``edits``, which
    says what changed; ``error_occurred(line)`` when the store could not be
    read.
    """

    error_occurred = Signal(str)

    def __init__(self, library: Library, edits: EditHistory, view: ReadingView,
                 current: Callable[[], int | None], state_of: Callable[[int], State],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._edits = edits
        self._view = view
        self._current = current
        self._state_of = state_of
        self.confirm: Callable[[str, str], bool] = lambda _title, _text: False
        self.details_prompt: Callable[[Article], Article | None] = lambda _article: None
        self.tags_prompt: Callable[[list[str], list[str]], list[str] | None] = \
            lambda _current, _known: None

    def set_read(self, read: bool) -> None:
        """Mark the open article read or unread (undoably)."""
        current, was = self._current(), self._state()
        if current is not None and was is not None and was[0] != read:
            self._edits.set_read(current, read, was=was[0])

    def set_starred(self, starred: bool) -> None:
        """Star or unstar the open article (undoably)."""
        current, was = self._current(), self._state()
        if current is not None and was is not None and was[1] != starred:
            self._edits.set_starred(current, starred, was=was[1])

    def delete_current(self) -> bool:
        """Delete the open article after asking (Undo brings it back); True
        when the reader said yes. The store's work runs on a worker (the
        history says when the article is gone): the dialog closes at once."""
        current = self._current()
        article = self._view.article
        if current is None or article is None:
            return False
        if not self.confirm(self.tr("Delete article"),
                            self.tr("Delete “{title}” and its highlights?").format(
                                title=isolate(article.title))):
            return False
        return self._edits.delete_article(current)

    def edit_details(self, article_id: int | None = None) -> bool:
        """Ask for the title, source, author, date and address of an article
        (the open one by default) and store them (undoably); True when stored."""
        article_id = self._current() if article_id is None else article_id

        def ask_and_store(article_id: int) -> bool:
            before = self._library.get(article_id)
            edited = self.details_prompt(before)
            return edited is not None and self._edits.edit_details(before, edited)

        return self._ask(article_id, ask_and_store)

    def edit_tags(self) -> bool:
        """Ask for the open article's tags and store them (undoably); True when stored."""

        def ask_and_store(article_id: int) -> bool:
            was = self._library.article_tags(article_id)
            chosen = self.tags_prompt(was, [t.name for t in self._library.tags()])
            return chosen is not None and self._edits.set_tags(article_id, chosen, was=was)

        return self._ask(self._current(), ask_and_store)

    def _ask(self, article_id: int | None, ask_and_store: Callable[[int], bool]) -> bool:
        """Run ``ask_and_store`` on an article; ``error_occurred`` when the
        store could not give what to ask about (the history reports a write
        the store refused)."""
        if article_id is None:
            return False
        try:
            return ask_and_store(article_id)
        except ReaderError as err:
            self.error_occurred.emit(err.line())
            return False

    def copy(self) -> None:
        """Copy the reading view's selection; with none, the open article's
        title and its ``rtl-reader://`` link."""
        view = self._view
        if view.textCursor().hasSelection():
            view.copy()
            return
        current = self._current()
        if current is not None and view.article is not None:
            QGuiApplication.clipboard().setText(
                f"{view.article.title}\n{article_link(current)}")

    def _state(self) -> State | None:
        current = self._current()
        if current is None:
            return None
        try:
            return self._state_of(current)
        except ReaderError as err:
            self.error_occurred.emit(err.line())
            return None
