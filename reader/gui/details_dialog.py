"""The article details dialog: title, source, author, date and address.

Imported articles often arrive without a source or a date; the reader fixes
them here (Article > Edit details, Ctrl+I, or a double click on a title,
source or date in the list). The window stores the answer with
``Library.update_article``. A date is ``YYYY-MM-DD`` or empty; the title may
not be empty.
"""

from __future__ import annotations

import dataclasses
import re

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from reader.store.article import Article

_DATE = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")


class DetailsDialog(QDialog):
    """Edit ``article``'s details; ``edited()`` is the changed article after Accepted."""

    def __init__(self, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Article details"))
        self.setMinimumWidth(520)
        self._article = article
        self.title_edit = QLineEdit(article.title, self)
        self.source_edit = QLineEdit(article.source, self)
        self.author_edit = QLineEdit(article.author, self)
        self.date_edit = QLineEdit(article.published[:10], self)
        self.date_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.date_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.date_edit.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"[0-9]{0,4}(-[0-9]{0,2}){0,2}"), self))
        self.url_edit = QLineEdit(article.url, self)
        self.url_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Source:"), self.source_edit)
        form.addRow(self.tr("Author:"), self.author_edit)
        form.addRow(self.tr("Date:"), self.date_edit)
        form.addRow(self.tr("Web address:"), self.url_edit)
        form.addRow(self.buttons)
        for edit in (self.title_edit, self.source_edit, self.author_edit):
            # QLineEdit leaves the cursor after the text, and a long Arabic
            # title then shows its last words with its first ones cut off.
            edit.setCursorPosition(0)
        for edit in (self.title_edit, self.date_edit):
            edit.textChanged.connect(self._check)
        self._check()

    def edited(self) -> Article:
        """The article with the details as the dialog holds them now."""
        date = self.date_edit.text().strip()
        kept = self._article.published
        published = kept if date and kept.startswith(date) else date
        return dataclasses.replace(
            self._article, title=self.title_edit.text().strip(),
            source=self.source_edit.text().strip(), author=self.author_edit.text().strip(),
            published=published, url=self.url_edit.text().strip())

    def _check(self) -> None:
        date = self.date_edit.text().strip()
        ok = bool(self.title_edit.text().strip()) and (not date or _DATE.fullmatch(date))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(bool(ok))
