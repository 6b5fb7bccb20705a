"""A one-line sentence that names a path, the path cut in its middle to fit.

A word-wrapped label broke a long path at any character, the middle of a
file name among them ("سيُكتب الملف" in the export dialog, from a day of
use). ``PathLabel`` keeps the sentence on one line and, when the whole path
does not fit, draws it cut in the middle with one ellipsis: the start of the
folders and the end of the name (its extension) stay. ``text()`` and the
tooltip keep the whole path, for a screen reader and for the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle, QWidget

from reader.text.bidi import isolate_path


class PathLabel(QLabel):
    """``set_path(sentence, path)`` shows ``sentence`` with ``{path}`` as
    ``path`` isolated left to right (``isolate_path``), elided in its middle
    when the label is too narrow for the whole of it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sentence = ""
        self._path = ""
        self.setTextFormat(Qt.TextFormat.PlainText)  # a name may hold "<b>"
        # The width comes from the dialog, never from the path: a long path
        # is cut, it does not widen the window.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_path(self, sentence: str, path: str) -> None:
        """Show ``sentence`` (holding ``{path}``) about ``path``; both "" to clear."""
        self._sentence, self._path = sentence, path
        self.setText(sentence.format(path=isolate_path(path)) if sentence else "")
        self.setToolTip(path)

    def shown_text(self) -> str:
        """What the label draws at its present width: the sentence with the
        path cut in its middle if the whole does not fit."""
        if not self._sentence:
            return self.text()
        metrics = self.fontMetrics()
        room = self.contentsRect().width() - metrics.horizontalAdvance(
            self._sentence.format(path=isolate_path("")))
        if metrics.horizontalAdvance(self._path) <= room:
            return self.text()
        cut = metrics.elidedText(self._path, Qt.TextElideMode.ElideMiddle, max(room, 0))
        return self._sentence.format(path=isolate_path(cut))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        alignment = QStyle.visualAlignment(self.layoutDirection(), self.alignment())
        self.style().drawItemText(painter, self.contentsRect(), int(alignment), self.palette(),
                                  self.isEnabled(), self.shown_text(), self.foregroundRole())
