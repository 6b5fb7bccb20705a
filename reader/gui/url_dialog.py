"""The web address dialog: wide enough for an address and its title in Arabic.

``QInputDialog.getText`` sizes itself to its label, so its Arabic title was
clipped and a real address did not fit: this dialog is as wide as an
address needs, writes the address left to right whatever the interface
language, and enables Import only for an ``http``/``https`` address.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

MIN_WIDTH = 560


class UrlDialog(QDialog):
    """Ask for a web address; ``url()`` is the stripped answer after Accepted."""

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
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._on_text_changed)
        self._on_text_changed(self.edit.text())

    def url(self) -> str:
        return self.edit.text().strip()

    def _on_text_changed(self, _text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(is_web_address(self.url()))


def is_web_address(text: str) -> bool:
    """True for an absolute ``http``/``https`` address with a host."""
    url = QUrl(text.strip(), QUrl.ParsingMode.StrictMode)
    return url.isValid() and url.scheme() in ("http", "https") and bool(url.host())
