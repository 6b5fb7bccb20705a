"""The tags dialog: the reader's collections an article belongs to.

Every tag in use is listed with a check box (those of the article ticked);
a new one is typed below and added ticked. The typing box has the focus:
Enter adds what it holds, and Enter on an empty box saves the choice. The
window stores what the reader added and took away
(``Library.change_article_tags``: a tag another program added meanwhile
stays) and lists the tags in the collection box above the article list.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.store.tags import MAX_TAG_CHARS, clean_tag
from reader.text.bidi import strip_bidi_controls


class TagsDialog(QDialog):
    """Choose an article's tags among ``known`` ones or new ones; ``tags()``
    after Accepted."""

    def __init__(self, current: Sequence[str], known: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tags"))
        self.setMinimumWidth(380)
        self.label = QLabel(self.tr("Tags of this article:"), self)
        self.list = QListWidget(self)
        for name in sorted({*known, *current}):
            self._add_item(name, checked=name in current)
        self.new_edit = QLineEdit(self)
        self.new_edit.setMaxLength(MAX_TAG_CHARS)
        self.new_edit.setPlaceholderText(self.tr("New tag"))
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.clicked.connect(self.add_typed)
        self.new_edit.returnPressed.connect(self._on_return)
        row = QHBoxLayout()
        row.addWidget(self.new_edit, 1)
        row.addWidget(self.add_button)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # Enter belongs to the typing box. A dialog presses its default button
        # on Enter too, and the button box makes OK the default when it is
        # shown unless another button is: Add is (it adds nothing when the
        # box is empty), so Enter never closes the dialog behind the reader.
        self.add_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.new_edit.setFocus()

    def tags(self) -> list[str]:
        """The ticked tags, by name."""
        return sorted(self._name(i) for i in range(self.list.count())
                      if self.list.item(i).checkState() == Qt.CheckState.Checked)

    def _name(self, row: int) -> str:
        return str(self.list.item(row).data(Qt.ItemDataRole.UserRole))

    def add_typed(self) -> None:
        """Add the typed tag, ticked (or tick it when it is listed already)."""
        name = clean_tag(self.new_edit.text())
        if not name:
            return
        found = [i for i in range(self.list.count()) if self._name(i) == name]
        if found:
            self.list.item(found[0]).setCheckState(Qt.CheckState.Checked)
        else:
            self._add_item(name, checked=True)
        self.new_edit.clear()

    def _on_return(self) -> None:
        if self.new_edit.text().strip():
            self.add_typed()
        else:
            self.accept()

    def _add_item(self, name: str, *, checked: bool) -> None:
        # Shown without bidi controls (an override written by another hand
        # showed "tech" as "hcet"), kept whole: the tag is the name as stored.
        item = QListWidgetItem(strip_bidi_controls(name), self.list)
        item.setData(Qt.ItemDataRole.UserRole, name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
