"""The feed dialog: follow a new feed, or change what a followed one does.

To add, the reader gives the address of a feed or of a page that names
one (written left to right whatever the interface language); a title (else
the feed's own), a folder (one of those in use, or a new one; "/" nests
folders), how often to look for news, and whether to fetch each article's
page for its full text. For a followed feed the address is shown, not
edited. ``choice()`` is the answer after Accepted.

A bare host or host/path is read as ``https://`` (``feed_address``). Given
``follow(choice, watch)``, which starts following ``choice`` in a ``Task``
and hands the task to ``watch`` before starting it, the dialog stays open
while the address is looked at, and closes once the feed is followed; what
it refuses (not an address, not a feed, a network error) it says in one
line under the form, the address left to be corrected.
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
    QVBoxLayout,
    QWidget,
)

from reader.errors import ReaderError
from reader.gui.error_text import shown
from reader.gui.feed_tasks import FeedChoice
from reader.gui.prompts import Follow
from reader.gui.sources_pane import last_failure
from reader.gui.spin_box import SpinBox
from reader.gui.url_dialog import MIN_WIDTH, refusal_label, typed_address
from reader.gui.workers import Task
from reader.store.feeds import DEFAULT_INTERVAL, MAX_INTERVAL, Feed
from reader.text.bidi import isolate


class FeedDialog(QDialog):
    """Add a feed (``feed`` None) or edit ``feed``; ``folders`` are offered;
    ``follow`` as the module says. ``message`` says why an address was
    refused (or that it is being looked at)."""

    def __init__(self, feed: Feed | None, folders: Sequence[str],
                 parent: QWidget | None = None, *,
                 follow: Follow | None = None) -> None:
        super().__init__(parent)
        self._feed = feed
        self._follow = follow
        self.checking: Task | None = None
        """The follow under way, while the dialog waits for it."""
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
        self.interval = SpinBox(self)
        self.interval.setRange(1, MAX_INTERVAL)
        self.interval.setValue(DEFAULT_INTERVAL)
        self.full_text = QCheckBox(self)
        if feed is not None:
            self.address.setText(feed.url)
            self.title.setText(feed.title)
            self.folder.setCurrentText(feed.folder)
            self.interval.setValue(min(feed.interval_minutes, MAX_INTERVAL))
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
        self.message = refusal_label(self)
        layout.insertWidget(1, self.message)
        self.address.textChanged.connect(self._on_address_changed)
        self._retranslate()
        self._on_address_changed(self.address.text())
        if feed is not None and (failure := last_failure(feed)):
            self._say(failure)  # what the ⚠ beside it means, without hovering

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
        # Nothing typed is no refusal: Follow waits; anything else is looked
        # at when the reader presses it, and refused with its reason.
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.address.text().strip()))
        self.message.hide()

    def accept(self) -> None:
        if self._feed is not None:
            super().accept()
            return
        try:
            typed_address(self.address.text())
        except ReaderError as err:
            self._refuse(err.line())
            return
        if self._follow is None:
            super().accept()
            return
        choice = self.choice()
        self._say(self.tr("Looking for a feed at {address}…").format(
            address=isolate(choice.address)))
        self._set_checking(True)
        self._follow(choice, self._watch)

    def _watch(self, task: Task) -> None:
        # Connected before the task starts: a quick answer cannot be missed.
        self.checking = task
        task.succeeded.connect(self._on_followed)
        task.failed.connect(self._on_refused)

    def reject(self) -> None:
        if self.checking is not None:
            self.checking.cancel()  # the fetch waiting on a server is given up
            self.checking = None
        super().reject()

    def _on_followed(self, _feed: object) -> None:
        if self.checking is None:
            return  # cancelled meanwhile
        self.checking = None
        super().accept()

    def _on_refused(self, line: str) -> None:
        if self.checking is None:
            return
        self.checking = None
        self._set_checking(False)
        self._refuse(line)

    def _set_checking(self, checking: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not checking)
        self.address.setReadOnly(checking)

    def _refuse(self, line: str) -> None:
        self._say(shown(line))
        self.address.setFocus()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def choice(self) -> FeedChoice:
        """What the dialog holds (folder names stripped, empty ones dropped;
        a bare host given ``https://``)."""
        folder = "/".join(p.strip() for p in self.folder.currentText().split("/") if p.strip())
        try:
            address = typed_address(self.address.text())
        except ReaderError:
            address = self.address.text().strip()
        return FeedChoice(address, self.title.text().strip(), folder,
                          self.interval.value(), self.full_text.isChecked())
