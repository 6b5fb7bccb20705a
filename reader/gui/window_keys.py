"""The window's shortcuts work wherever the keyboard focus is in the window.

Before Qt looks a key up among the shortcuts, it offers it to the focused
widget as a ``ShortcutOverride`` event; a widget that accepts it gets the key
as a plain key press and the shortcut never fires. A line edit accepts every
key its platform binds to an editing command, and on X11 those include Emacs
aliases: Ctrl+E is "move to the end of the line" (the End key does the same),
so Ctrl+E (Export) did nothing while the library search box had the focus.

``WindowKeys`` keeps the keys that a focused widget genuinely needs, the
ones it edits text with (typing, Backspace, Delete, Undo, Redo, Cut, Copy,
Paste, Select All, deleting a word or a line) and gives every other key that
an enabled action of the window names to the window.

Shift+F10 opens the focused widget's context menu, as the Menu key does:
the standard key for it on Windows and the Linux desktops, and the only
one on a keyboard without a Menu key. Qt turns the Menu key alone into a
context menu (in the platform plugin).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Slot
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

_STD = QKeySequence.StandardKey

EDITING_KEYS: tuple[QKeySequence.StandardKey, ...] = (
    _STD.Undo, _STD.Redo, _STD.Cut, _STD.Copy, _STD.Paste, _STD.SelectAll,
    _STD.Delete, _STD.Backspace, _STD.DeleteStartOfWord, _STD.DeleteEndOfWord,
    _STD.DeleteEndOfLine, _STD.DeleteCompleteLine,
)
"""The platform's keys for commands that change or copy a field's text: a
focused widget keeps these even when an action of the window names one (the
search box undoes its own typing on Ctrl+Z)."""

_COMMAND_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                      | Qt.KeyboardModifier.MetaModifier)


def needed_by_the_widget(event: QKeyEvent) -> bool:
    """True for a key a focused text field needs for itself: one typed
    without Ctrl, Alt or Meta (letters, Backspace, arrows, Home, End), or a
    platform key of ``EDITING_KEYS``. A cursor-movement alias such as X11's
    Ctrl+E is not: the field has another key for it."""
    if not event.modifiers() & _COMMAND_MODIFIERS:
        return True
    return any(event.matches(key) for key in EDITING_KEYS)


CONTEXT_MENU_KEY = QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F10)
"""Opens the focused widget's context menu (``open_context_menu``)."""


def open_context_menu() -> None:
    """The focused widget's context menu, at its caret (a list's current
    item), as Qt opens it for the Menu key (QWidgetWindow::handleContextMenuEvent
    in qtbase): the same event, so a widget's menu cannot tell the keys apart."""
    widget = QApplication.focusWidget()
    if widget is None or not widget.isEnabled():
        return
    pos = QRectF(widget.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)).toRect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, pos, widget.mapToGlobal(pos),
                              Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


class WindowKeys(QObject):
    """Gives ``window``'s action shortcuts priority over the focused widget,
    but for the keys it genuinely needs (``needed_by_the_widget``).

    The filter goes on the focused widget and its parents up to the window
    as the focus moves (a composite widget such as an editable combo box
    offers the key to its line edit again from its own ``event``)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._on_focus_changed)
        self._on_focus_changed(None, app.focusWidget())  # focused before this existed
        QShortcut(CONTEXT_MENU_KEY, window).activated.connect(open_context_menu)

    def takes(self, event: QKeyEvent) -> bool:
        """True when an enabled action of the window has this key and the
        focused widget does not need it."""
        if needed_by_the_widget(event):
            return False
        pressed = QKeySequence(event.keyCombination())
        return any(action.isEnabled() and pressed in action.shortcuts()
                   for action in self._window.actions())

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or new.window() is not self._window:
            return
        widget: QWidget | None = new
        while widget is not None and widget is not self._window:
            widget.installEventFilter(self)  # once: installing again only moves it first
            widget = widget.parentWidget()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and self.takes(event):
            # Not offered to the widget: left unaccepted, the key goes on to
            # the window's shortcuts.
            event.ignore()
            return True
        return super().eventFilter(watched, event)
