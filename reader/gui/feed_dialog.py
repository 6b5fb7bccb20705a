"""The feed dialog: follow a new feed, or change what a followed one does.

To add, the reader gives the address of a feed or of a page that names
one (written left to right whatever the interface language); a title (else
the feed's own), a folder (one of those in use, or a new one; "/" nests
folders), how often to look for news, and whether to fetch each article's
page for its full text. For a followed feed the address is shown, not
edited. ``choice()`` is the answer after Accepted.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader.gui.feed_tasks import FeedChoice
from reader.gui.url_dialog import MIN_WIDTH, is_web_address
from reader.store.feeds import DEFAULT_INTERVAL, Feed

MAX_INTERVAL = 7 * 24 * 60
"""The longest interval offered: a week, in minutes."""


class FeedDialog(QDialog):
    """Add a feed (``feed`` None) or edit ``feed``; ``folders`` are offered."""

    def __init__(self, feed: Feed | None, folders: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._feed = feed
        self.setMinimumWidth(MIN_WIDTH)
        self.address = QLineEdit(self)
        self.address.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.address.setPlaceholderText("https://")
        self.address.setClearButtonEnabled(feed is None)
        self.address.setReadOnly(feed is not None)
        self.title = QLineEdit(self)
        self.folder = QComboBox(self)
        self.folder.setEditable(True)
        self.folder.addItems(["", *folders])
        self.interval = QSpinBox(self)
        self.interval.setRange(1, MAX_INTERVAL)
        self.interval.setValue(DEFAULT_INTERVAL)
        self.full_text = QCheckBox(self)
        if feed is not None:
            self.address.setText(feed.url)
            self.title.setText(feed.title)
            self.folder.setCurrentText(feed.folder)
            self.interval.setValue(feed.interval_minutes)
            self.full_text.setChecked(feed.full_text)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self._labels: list[tuple[QLabel, QWidget]] = []
        for widget in (self.address, self.title, self.folder, self.interval):
            label = QLabel(self)
            label.setBuddy(widget)
            self.form.addRow(label, widget)
            self._labels.append((label, widget))
        self.form.addRow(self.full_text)
        self.address.textChanged.connect(self._on_address_changed)
        self._retranslate()
        self._on_address_changed(self.address.text())

    def _retranslate(self) -> None:
        adding = self._feed is None
        self.setWindowTitle(self.tr("Add feed") if adding else self.tr("Feed properties"))
        texts = (self.tr("&Address of a feed or of a page:"), self.tr("&Title:"),
                 self.tr("&Folder:"), self.tr("&Look for news every:"))
        for (label, _widget), text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.title.setPlaceholderText(self.tr("The feed's own title"))
        self.folder.lineEdit().setPlaceholderText(self.tr("No folder (a/b nests folders)"))
        self.interval.setSuffix(self.tr(" minutes"))
        self.full_text.setText(self.tr("Fetch each article's page for its &full text"))
        self.full_text.setToolTip(self.tr("For feeds that give only a summary of each article"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Follow") if adding else self.tr("Save"))

    def _on_address_changed(self, _text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            is_web_address(self.address.text()))

    def choice(self) -> FeedChoice:
        """What the dialog holds (folder names stripped, empty ones dropped)."""
        folder = "/".join(p.strip() for p in self.folder.currentText().split("/") if p.strip())
        return FeedChoice(self.address.text().strip(), self.title.text().strip(), folder,
                          self.interval.value(), self.full_text.isChecked())
