"""A combo box's label painted with a text of the app's choosing.

Qt's combo box draws its current text as it is, clipped at the edge of its
field: a path lost its start, a long choice its end, and no ellipsis said
so. ``PaintedLabel``, installed as an event filter on a box, paints it as Qt
does with the text its ``shown`` gives for the room there is;
``ElidedLabel`` cuts the text at its end with an ellipsis.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter


class PaintedLabel(QObject):
    """Paints a combo box as Qt paints it, with the text ``shown`` gives for
    its current text and the pixels the label has room for."""

    def shown(self, box: QComboBox, text: str, metrics: QFontMetrics, room: int) -> str:
        raise NotImplementedError

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or not isinstance(watched, QComboBox):
            return False
        painter = QStylePainter(watched)
        option = QStyleOptionComboBox()
        option.initFrom(watched)
        option.currentText = watched.currentText()
        option.currentIcon = watched.itemIcon(watched.currentIndex())
        option.iconSize = watched.iconSize()
        option.frame = True
        field = watched.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField,
            watched)
        room = field.width() - (option.iconSize.width() + 4 if not option.currentIcon.isNull()
                                else 0)
        option.currentText = self.shown(watched, option.currentText, option.fontMetrics, room)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
        return True


class ElidedLabel(PaintedLabel):
    """Paints a box's current text cut at its end, with an ellipsis, when it
    does not fit."""

    def shown(self, box: QComboBox, text: str, metrics: QFontMetrics, room: int) -> str:
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
