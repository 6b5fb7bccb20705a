"""Where the reader has been: back and forward between articles, and the
recent articles.

``ArticleHistory`` works like a browser's: each article the reader opens is
``visited``; Back and Forward (Alt+Left and Alt+Right, swapped in a
right-to-left window; the toolbar) step through what was opened, and opening a new
article drops what lay ahead. The recent articles, most recent first, fill
Go > Recent articles and are kept between runs. The history asks the window
to open an article (``open_requested``); the window tells it what was
opened. Ids the store no longer has are skipped (``forget``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from reader.text.bidi import isolate_paragraph
from reader.text.spans import shortened

RECENT = 12
"""Recent articles kept."""


class ArticleHistory(QObject):
    """Back, forward and recent articles, from ``recent`` kept by the last run.

    Signals: ``changed()`` when Back, Forward or the recent list changed;
    ``open_requested(article_id)`` when Back or Forward chose an article.
    """

    changed = Signal()
    open_requested = Signal(int)

    def __init__(self, recent: Iterable[int] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._back: list[int] = []
        self._forward: list[int] = []
        self._current: int | None = None
        self._stepping = False
        self._recent = list(dict.fromkeys(recent))[:RECENT]
        self._title_of: Callable[[int], str | None] = lambda _id: ""

    def visited(self, article_id: int) -> None:
        """The window opened ``article_id`` (whoever asked for it)."""
        if self._stepping:
            self._stepping = False
        elif article_id != self._current:
            if self._current is not None:
                self._back.append(self._current)
            self._forward.clear()
        self._current = article_id
        self._recent = [article_id, *(i for i in self._recent if i != article_id)][:RECENT]
        self.changed.emit()

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def back(self) -> None:
        """Ask for the article opened before this one."""
        self._step(self._back, self._forward)

    def forward(self) -> None:
        """Ask for the article Back left."""
        self._step(self._forward, self._back)

    def known(self) -> set[int]:
        """Every id the history holds (to check against the store)."""
        return {*self._back, *self._forward, *self._recent}

    def recent(self) -> list[int]:
        """The recent articles, most recent first."""
        return list(self._recent)

    def forget(self, gone: Iterable[int]) -> None:
        """Drop articles the store no longer has from every list."""
        drop = set(gone)
        if not drop:
            return
        self._back = [i for i in self._back if i not in drop]
        self._forward = [i for i in self._forward if i not in drop]
        self._recent = [i for i in self._recent if i not in drop]
        if self._current in drop:
            self._current = None
        self.changed.emit()

    def bind(self, back: QAction, forward: QAction, recent_menu: QMenu,
             title_of: Callable[[int], str | None]) -> None:
        """Drive the window's Back and Forward actions and its recent menu;
        ``title_of(id)`` names an article (None: the store lost it, so the
        history forgets it before a step or a menu)."""
        self._title_of = title_of
        back.triggered.connect(lambda _=False: self._checked_step(self.back))
        forward.triggered.connect(lambda _=False: self._checked_step(self.forward))
        recent_menu.aboutToShow.connect(lambda: self._fill(recent_menu))

        def show_state() -> None:
            back.setEnabled(self.can_go_back())
            forward.setEnabled(self.can_go_forward())
            recent_menu.setEnabled(bool(self._recent))

        self.changed.connect(show_state)
        show_state()

    def _checked_step(self, step: Callable[[], None]) -> None:
        self.forget(i for i in self.known() if self._title_of(i) is None)
        step()

    def _fill(self, menu: QMenu) -> None:
        """The recent articles the store still has, by title, most recent first."""
        menu.clear()
        for article_id in self.recent():
            title = self._title_of(article_id)
            if title is None:
                continue
            action = menu.addAction(isolate_paragraph(shortened(title, 70)))
            action.triggered.connect(lambda _=False, i=article_id: self.open_requested.emit(i))

    def _step(self, source: list[int], other: list[int]) -> None:
        if not source:
            return
        target = source.pop()
        if self._current is not None:
            other.append(self._current)
        self._stepping = True
        self.open_requested.emit(target)
        if self._stepping:  # the window could not open it: that step never was
            self._stepping = False
            if self._current is not None:
                other.pop()
            self.changed.emit()
