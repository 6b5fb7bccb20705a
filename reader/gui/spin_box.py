"""Spin boxes that read the digits of every Arabic keyboard.

Qt's widgets write numbers in 0-9 (``i18n.number_locale``), and a spin box
then refuses ١٢ or ۱۲, which an Arabic or Persian keyboard types: those
digits are read as 0-9 as they are typed (or pasted), and the field shows
0-9.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

from reader.text.fold import western_digits


class SpinBox(QSpinBox):
    """``QSpinBox`` that takes ٠-٩ and ۰-۹ as 0-9 (module docstring)."""

    def validate(self, text: str, pos: int) -> object:
        # PySide returns (state, text, pos): the field takes the text given back.
        return super().validate(western_digits(text), pos)

    def valueFromText(self, text: str) -> int:
        return super().valueFromText(western_digits(text))


class DoubleSpinBox(QDoubleSpinBox):
    """``QDoubleSpinBox`` that takes ٠-٩, ۰-۹ and ٫ (module docstring)."""

    def validate(self, text: str, pos: int) -> object:
        return super().validate(western_digits(text), pos)

    def valueFromText(self, text: str) -> float:
        return super().valueFromText(western_digits(text))
