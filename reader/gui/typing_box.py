"""A line edit that keeps room to type in, however narrow its row gets."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLineEdit, QWidget


class TypingBox(QLineEdit):
    """A line edit never narrower than ``chars`` average characters of its
    font (so the least width grows with the scale and the font): the
    widgets beside it give up their width first. Qt's own least width for a
    line edit is a letter or two."""

    def __init__(self, chars: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chars = chars

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self._chars * self.fontMetrics().averageCharWidth()),
                     hint.height())
