"""Spin boxes that read the digits of every Arabic keyboard, and put the
number on the interface's leading side.

Qt's widgets write numbers in 0-9 (``i18n.number_locale``), and a spin box
then refuses ١٢ or ۱۲, which an Arabic or Persian keyboard types: those
digits are read as 0-9 as they are typed (or pasted), and the field shows
0-9.

A spin box's field aligns its text by the text's own direction, not the
widget's: 0-9 is left to right, so in the Arabic (right-to-left) interface
the number stuck to the left edge, away from its label on the right. The
field is aligned to the widget's leading side, absolutely, and again when
the interface changes direction.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QSpinBox, QWidget

from reader.text.fold import western_digits


def align_to_leading_side(box: QAbstractSpinBox) -> None:
    """Put ``box``'s number on its layout direction's leading side.

    ``AlignAbsolute``: a plain ``AlignLeft`` is mirrored by the direction of
    the field's text (0-9: left to right), never by the interface's.
    """
    side = (Qt.AlignmentFlag.AlignRight if box.layoutDirection() == Qt.LayoutDirection.RightToLeft
            else Qt.AlignmentFlag.AlignLeft)
    box.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)


class SpinBox(QSpinBox):
    """``QSpinBox`` that takes ٠-٩ and ۰-۹ as 0-9, its number on the
    leading side (module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        align_to_leading_side(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LayoutDirectionChange:
            align_to_leading_side(self)
        super().changeEvent(event)

    def validate(self, text: str, pos: int) -> object:
        # PySide returns (state, text, pos): the field takes the text given back.
        return super().validate(western_digits(text), pos)

    def valueFromText(self, text: str) -> int:
        return super().valueFromText(western_digits(text))


class DoubleSpinBox(QDoubleSpinBox):
    """``QDoubleSpinBox`` that takes ٠-٩, ۰-۹ and ٫, its number on the
    leading side (module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        align_to_leading_side(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LayoutDirectionChange:
            align_to_leading_side(self)
        super().changeEvent(event)

    def validate(self, text: str, pos: int) -> object:
        return super().validate(western_digits(text), pos)

    def valueFromText(self, text: str) -> float:
        return super().valueFromText(western_digits(text))
