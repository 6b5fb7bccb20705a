"""The spin boxes of the preferences and feed dialogs: the number sits on
the interface's leading side (found in an hour of use under Xvfb: the Arabic
dialogs had every number stuck to the left edge, away from its label)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractSpinBox
from pytestqt.qtbot import QtBot

from reader.gui import i18n
from reader.gui.spin_box import DoubleSpinBox, SpinBox


def ink_span(box: QAbstractSpinBox) -> tuple[int, int]:
    """The leftmost and rightmost columns of the field's dark pixels (the
    number as painted), in the field's own coordinates."""
    image = box.lineEdit().grab().toImage()
    columns = [x for x in range(image.width())
               if any(QColor(image.pixel(x, y)).lightness() < 110
                      for y in range(image.height()))]
    assert columns, "the number was not painted"
    return columns[0], columns[-1]


def shown(qtbot: QtBot, box: QAbstractSpinBox) -> QAbstractSpinBox:
    qtbot.addWidget(box)
    box.resize(220, box.sizeHint().height())
    box.show()
    qtbot.waitExposed(box)
    return box


def on_side(box: QAbstractSpinBox) -> str:
    left, right = ink_span(box)
    width = box.lineEdit().width()
    assert right - left < width / 3  # a short number: it has a side
    if right > width * 2 / 3:
        return "right"
    if left < width / 3:
        return "left"
    return "middle"


@pytest.mark.parametrize("make", [SpinBox, DoubleSpinBox])
@pytest.mark.parametrize(("lang", "side"), [("ar", "right"), ("en", "left")])
def test_the_number_sits_on_the_leading_side(qtbot: QtBot, make: type[QAbstractSpinBox],
                                             lang: str, side: str) -> None:
    i18n.apply_language(lang)
    box = make()
    box.setValue(42)
    assert on_side(shown(qtbot, box)) == side


def test_the_number_changes_side_with_the_language(qtbot: QtBot) -> None:
    """A dialog left open while the reader switches the language."""
    box = SpinBox()
    box.setRange(0, 500)
    box.setValue(120)
    shown(qtbot, box)
    assert on_side(box) == "left"
    i18n.apply_language("ar")
    qtbot.waitUntil(lambda: on_side(box) == "right")
    i18n.apply_language("en")
    qtbot.waitUntil(lambda: on_side(box) == "left")
