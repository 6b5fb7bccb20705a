"""The article details dialog: title, source, author, date and address.

Imported articles often arrive without a source or a date; the reader fixes
them here (Article > Edit details, Ctrl+I, or a double click on a title,
source or date in the list). The window stores the answer with
``Library.update_article``. A date is ``YYYY-MM-DD`` or empty; the title may
not be empty.
"""

from __future__ import annotations

import dataclasses
import datetime
import re

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from reader.store.article import Article
from reader.text.fold import western_digits

_DATE = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")


def _in_calendar(date: str) -> bool:
    """Whether ``date`` (``YYYY-MM-DD``) is a day of the calendar."""
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        return False
    return True


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
        # ٢٠٢٥-٠٩-١٥ as typed on an Arabic keyboard: the validator lets its
        # digits in and _western_date writes them 0-9, as the store keeps dates.
        self.date_edit.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"[0-9٠-٩۰-۹]{0,4}(-[0-9٠-٩۰-۹]{0,2}){0,2}"), self))
        self.date_edit.textEdited.connect(self._western_date)
        self.date_hint = QLabel(self)
        self.date_hint.setWordWrap(True)
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
        form.addRow(self.date_hint)
        form.addRow(self.tr("Web address:"), self.url_edit)
        form.addRow(self.buttons)
        for edit in (self.title_edit, self.source_edit, self.author_edit, self.url_edit):
            # QLineEdit leaves the cursor after the text, and a long Arabic
            # title then shows its last words with its first ones cut off (a
            # long address its https:// in the Arabic window).
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

    def _western_date(self, text: str) -> None:
        western = western_digits(text)
        if western != text:
            at = self.date_edit.cursorPosition()  # one character for one: the cursor stays
            self.date_edit.setText(western)
            self.date_edit.setCursorPosition(at)

    def _check(self) -> None:
        date = self.date_edit.text().strip()
        written = _DATE.fullmatch(date) is not None
        # A day the calendar lacks (a tester's 2018-02-31) was stored, and the
        # list sorted it between March and February.
        date_ok = not date or (written and _in_calendar(date))
        # Save greyed out with no word of why looked broken: say what a date is.
        self.date_hint.setText(
            self.tr("There is no such day in the calendar.") if written else
            self.tr("Write the date as year-month-day, such as 2025-09-14."))
        self.date_hint.setVisible(not date_ok)
        ok = bool(self.title_edit.text().strip()) and date_ok
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)
