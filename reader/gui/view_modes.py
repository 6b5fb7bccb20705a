"""Focus mode and full screen.

``ViewModes`` hides everything but the article in focus mode (F9): the list,
the highlights panel, the toolbar, the menu bar and the status bar; the
actions keep their keys (they live on the window), and Esc in the article
or F9 again brings it all back as it was. Full screen (F11) is the window's
own state, so it combines with focus mode. ``changed()`` tells the window to
show the switches' state.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QWidget


class ViewModes(QObject):
    """The modes of ``window``; ``hidden`` are the parts focus mode hides and
    ``article`` the widget whose Esc leaves it."""

    changed = Signal()
    escaped = Signal()
    """Esc pressed in the article outside focus mode: the window closes what
    else is open there (the find bar)."""

    def __init__(self, window: QMainWindow, hidden: Sequence[QWidget], article: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._hidden = list(hidden)
        self._was_visible: list[bool] = []
        self._focus = False
        self._was_maximized = False
        leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), article)
        leave.setContext(Qt.ShortcutContext.WidgetShortcut)
        leave.activated.connect(self._on_escape)

    def _on_escape(self) -> None:
        if self._focus:
            self.set_focus_mode(False)
        else:
            self.escaped.emit()

    def in_focus_mode(self) -> bool:
        return self._focus

    def set_focus_mode(self, on: bool) -> None:
        """Hide (or bring back) everything but the article."""
        if on == self._focus:
            return
        self._focus = on
        if on:
            self._was_visible = [w.isVisible() for w in self._hidden]
            for widget in self._hidden:
                widget.hide()
        else:
            for widget, visible in zip(self._hidden, self._was_visible, strict=True):
                widget.setVisible(visible)
        self.changed.emit()

    def is_full_screen(self) -> bool:
        return self._window.isFullScreen()

    def set_full_screen(self, on: bool) -> None:
        if on == self._window.isFullScreen():
            return
        if on:
            # showFullScreen() drops the maximized state; remembered so that
            # leaving full screen gives back the window the user had.
            self._was_maximized = self._window.isMaximized()
            self._window.showFullScreen()
        elif self._was_maximized:
            self._window.showMaximized()
        else:
            self._window.showNormal()
        self.changed.emit()
