"""A dialog within its screen.

A dialog opens at the size its contents ask for, and a small screen at a
larger scale has less room than that: at 2x on a 1366x768 screen (683x384
to Qt) Qt's Import files dialog opened 683x412, its file type row and
Cancel below the screen's edge. ``fit_to_screen`` makes a dialog, as it
is shown (the file dialogs: ``reader.gui.file_dialogs``; the app's own are
laid out to fit), no wider and no taller than its screen's available
geometry (``QScreen.availableGeometry``: without the desktop's panels), its
window frame included, down to the minimum size its layout needs, and
places it there: centred over its parent, as Qt places a dialog, unless
the app placed it (a note beside its text), then only moved onto the
screen. Qt's own placement (``QDialog.showEvent``) left the frame's lower
border below the screen's edge for a dialog as tall as the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QWidget


def fit_to_screen(window: QWidget) -> None:
    """Make the top-level ``window`` no larger than its screen's available
    geometry, with its frame (as the window manager draws it, else as it
    draws the window's parent's), but not smaller than its minimum size;
    then place it within that geometry (see the module)."""
    screen = window.screen()
    if screen is None:
        return
    area = screen.availableGeometry()
    extent = _frame_extent(window)
    width = max(min(window.width(), area.width() - extent.width()), window.minimumWidth())
    height = max(min(window.height(), area.height() - extent.height()), window.minimumHeight())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    frame = QRect(window.frameGeometry().topLeft(), window.size() + extent)
    parent = window.parentWidget()
    if not window.testAttribute(Qt.WidgetAttribute.WA_Moved):
        frame.moveCenter(parent.window().frameGeometry().center() if parent is not None
                         else area.center())
    # A frame larger than the screen still shows its top left (its title).
    left = max(area.left(), min(frame.left(), area.right() + 1 - frame.width()))
    top = max(area.top(), min(frame.top(), area.bottom() + 1 - frame.height()))
    window.move(left, top)  # a window's position is its frame's


def _frame_extent(window: QWidget) -> QSize:
    """What the window manager's frame adds to ``window``'s size: known once
    it is framed; before its first show, that of the window it belongs to
    (the same window manager draws both)."""
    for shown in (window, window.parentWidget().window() if window.parentWidget() else None):
        if shown is None:
            continue
        extent = shown.frameGeometry().size() - shown.geometry().size()
        if not extent.isNull():
            return extent
    return QSize(0, 0)
