"""The window's warnings and notes: one row per line, in the interface's direction.

The window's messages are lines of ``subject: cause`` (``error_text.shown``),
such as the files an import skipped. QMessageBox laid each line out by its
first strong letter, and a line starts with its path's LRI isolate: in the
Arabic interface every line read left to right, left-aligned, the cause
first from the right; in the English one a long path wrapped, so a line
was no longer one file (from a tester's day). ``ProblemsDialog`` lays each
line out in the window's direction, on one line: a path in it is cut in its
middle when the whole does not fit (``PathLabel``), with the whole path in
its tooltip. Ctrl+C copies the message, as QMessageBox's did.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from reader.gui.path_label import PathLabel
from reader.text.bidi import split_isolated_path, strip_bidi_controls

SCREEN_SHARE = 0.6
"""The widest the dialog grows, as a share of the screen's width: beyond it,
paths are cut."""


class ProblemsDialog(QDialog):
    """``text``'s lines under ``title``, with a warning icon when ``warning``
    (else an information icon) and an OK button; ``rows`` are the lines'
    labels, in order."""

    def __init__(self, title: str, text: str, *, warning: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._text = text
        icon = QLabel(self)
        kind = (QStyle.StandardPixmap.SP_MessageBoxWarning if warning
                else QStyle.StandardPixmap.SP_MessageBoxInformation)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, self)
        icon.setPixmap(self.style().standardIcon(kind, None, self).pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        lines = QVBoxLayout()
        lines.setSpacing(2)
        self.rows = [self._row(line) for line in text.split("\n")]
        for row in self.rows:
            lines.addWidget(row)
        lines.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        body.addLayout(lines, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(buttons)
        self._fit_width(icon.sizeHint().width())

    def _row(self, line: str) -> QLabel:
        parts = split_isolated_path(line)
        if parts is None:
            label = QLabel(line, self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)  # no path to cut: a long sentence wraps
            return label
        before, path, after = parts
        row = PathLabel(self)
        row.set_path(_literal(before) + "{path}" + _literal(after), path)
        return row

    def _fit_width(self, icon_width: int) -> None:
        """As wide as the longest line needs, up to ``SCREEN_SHARE`` of the
        screen: a row's own width never widens the dialog (``PathLabel``)."""
        margins = self.layout().contentsMargins()
        needed = max((row.sizeHint().width() for row in self.rows), default=0)
        needed += icon_width + self.layout().spacing() * 2 + margins.left() + margins.right()
        screen = self.screen().availableGeometry().width()
        self.resize(max(min(needed, int(screen * SCREEN_SHARE)), self.minimumSizeHint().width()),
                    self.sizeHint().height())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            # Without the marks: a path pasted into a terminal must work.
            QGuiApplication.clipboard().setText(strip_bidi_controls(self._text))
            return
        super().keyPressEvent(event)


def _literal(text: str) -> str:
    """``text`` safe in a ``str.format`` template (a cause may hold braces)."""
    return text.replace("{", "{{").replace("}", "}}")
