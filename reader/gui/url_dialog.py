"""The web address dialog: wide enough for an address and its title in Arabic.

``QInputDialog.getText`` sizes itself to its label, so its Arabic title was
clipped and a real address did not fit: this dialog is as wide as an
address needs, writes the address left to right whatever the interface
language, and reads a bare host or host/path as ``https://``
(``feed_address``). What cannot be an address it refuses with the reason,
in one line under the field; Import waits only for something typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from reader.errors import ReaderError
from reader.gui.error_text import shown

MIN_WIDTH = 560


class UrlDialog(QDialog):
    """Ask for a web address; ``url()`` is the address after Accepted
    (``https://`` before a bare host). ``message`` says why one was refused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import web address"))
        self.setMinimumWidth(MIN_WIDTH)
        self.label = QLabel(self.tr("Address of a page or feed:"), self)
        self.edit = QLineEdit(self)
        self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.edit.setPlaceholderText("https://")
        self.edit.setClearButtonEnabled(True)
        self.label.setBuddy(self.edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.edit)
        self.message = refusal_label(self)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._on_text_changed)
        self._on_text_changed(self.edit.text())

    def url(self) -> str:
        try:
            return typed_address(self.edit.text())
        except ReaderError:
            return self.edit.text().strip()

    def accept(self) -> None:
        try:
            typed_address(self.edit.text())
        except ReaderError as err:
            self.message.setText(shown(err.line()))
            self.message.show()
            self.edit.setFocus()
            return
        super().accept()

    def _on_text_changed(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))
        self.message.hide()


def typed_address(text: str) -> str:
    """``reader.importers.subscriptions.feed_address``, loaded when first
    asked (the importers load with the first task, not with the window)."""
    from reader.importers.subscriptions import feed_address

    return feed_address(text)


def refusal_label(parent: QWidget) -> QLabel:
    """The line under an address that says why it was refused: plain text
    (an address is never read as markup), wrapped, hidden until needed."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.hide()
    return label


def is_web_address(text: str) -> bool:
    """True for an absolute ``http``/``https`` address with a host."""
    url = QUrl(text.strip(), QUrl.ParsingMode.StrictMode)
    return url.isValid() and url.scheme() in ("http", "https") and bool(url.host())
