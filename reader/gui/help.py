"""Help: a short guide, the keyboard shortcuts, and About.

``HelpDialog`` shows the guide and About in a ``QTextBrowser`` (built from
escaped text, each paragraph in the direction of the interface language),
the shortcuts in a table mirrored with the interface, and stays open beside
the window, so the reader can try a shortcut while reading the list. The
shortcuts are read from the window's own actions, so the list cannot drift
from what the keys do.
"""

from __future__ import annotations

import html
import math
import platform
from collections.abc import Iterable
from importlib import metadata

from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.gui import i18n
from reader.gui.actions import action_texts, plain_label, shortcut_text
from reader.text.bidi import LRI, PDI

KINDS = ("guide", "shortcuts", "about")


def _direction() -> str:
    return "rtl" if i18n.is_rtl(i18n.current_language()) else "ltr"


def guide_html() -> str:
    """A short guide to the reader, in the interface language."""
    translate = QCoreApplication.translate  # literal contexts: lupdate reads these
    sections = [
        (translate("Help", "Reading"),
         translate("Help", "Choose an article in the list; it opens where you stopped reading. "
                           "Quotations, terms in quotation marks and figures are coloured; "
                           "the panel beside the article lists them, and a click takes you "
                           "to one; in a narrow window it folds away, and the button "
                           "under the article brings it back. The bar under the article "
                           "shows how far you have read.")),
        (translate("Help", "Finding"),
         translate("Help", "Ctrl+F finds in the article the way Arabic is typed: without "
                           "diacritics, hamza or the exact alef. Ctrl+Shift+F searches the "
                           "whole library as you type; Up and Down move through the results "
                           "and Enter opens one.")),
        (translate("Help", "Searching the library"),
         translate("Help", "Words in quotation marks (\"…\" or «…») are found as one phrase; "
                           "أو or OR between two words finds either; a minus before a word "
                           "(-word) leaves out the articles that hold it; a star after its "
                           "start (word*) finds every word that begins so.")),
        (translate("Help", "Your highlights"),
         translate("Help", "Select words and press Ctrl+H, or right-click for a colour or a "
                           "note. A highlight with a note is underlined. Ctrl+Z undoes a "
                           "highlight, a note, a colour, a star, an edit of an article's "
                           "details or tags, or a deletion.")),
        (translate("Help", "Your library"),
         translate("Help", "Import files, folders or a web address from the File menu, or "
                           "drop them (or a link from a browser) on the window. Ctrl+I edits "
                           "an article's title, source and date; Ctrl+T its tags. The box "
                           "above the list shows all articles, the unread, the starred or "
                           "those with a tag.")),
        (translate("Help", "News sources"),
         translate("Help", "Sources > Add feed follows a news feed by its address or by the "
                           "address of a news page; File > Import OPML follows the feeds "
                           "another feed reader exported. The pane beside the list shows "
                           "them in their folders with their unread articles: choose one to "
                           "see only its articles. Feeds are refreshed by themselves, and F5 "
                           "refreshes them all now. A warning sign means the last refresh "
                           "failed; its tooltip says why. Ctrl+Shift+R marks everything the "
                           "chosen source holds as read.")),
        (translate("Help", "Exporting"),
         translate("Help", "Ctrl+E exports your highlights (and, if you tick them, the "
                           "quotations and figures) to Markdown, HTML, PDF, CSV, JSON or "
                           "picture cards. The dialog says where the files will go.")),
        (translate("Help", "Comfort"),
         translate("Help", "Preferences choose the language, the theme, the font, its size, "
                           "the line spacing and the margins. F9 hides everything but the "
                           "article; F11 fills the screen. Alt+Left and Alt+Right go back "
                           "and forward between articles.")),
    ]
    body = "".join(f"<h3>{html.escape(title)}</h3><p>{html.escape(text)}</p>"
                   for title, text in sections)
    return f'<div dir="{_direction()}">{body}</div>'


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """``(what it does, keys)`` for every action with a shortcut, then the
    keys of the find bar and of Esc; the keys isolated left to right."""
    translate = QCoreApplication.translate
    # What each action is, not what it would do now: Undo, not "Undo mark
    # as read" (its text names the last edit).
    names = {name: plain_label(label) for name, label in action_texts().items()}
    rows = []
    for action in actions:
        keys = shortcut_text(action)  # the first: the others are keys few keyboards have
        if keys:
            rows.append((names.get(action.objectName()) or action.iconText()
                         or action.text().split("\t")[0].replace("&", ""), keys))
    extra = [
        (translate("Help", "Next match in the article"), "F3, Enter"),
        (translate("Help", "Previous match in the article"), "Shift+F3, Shift+Enter"),
        (translate("Help", "Close the find bar, leave focus mode"), "Esc"),
    ]
    return rows + [(label, LRI + keys + PDI) for label, keys in extra]


def _shortcuts_table(rows: list[tuple[str, str]], parent: QWidget) -> QTableWidget:
    """The shortcuts as a table that follows the interface's direction: Qt's
    rich text ignores <table dir="rtl">, so in Arabic the action sat on the
    left and its keys on its right; an item view is mirrored whole."""
    table = QTableWidget(len(rows), 2, parent)
    for row, (label, keys) in enumerate(rows):
        for column, text in enumerate((label, keys)):
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            table.setItem(row, column, item)
    table.horizontalHeader().hide()
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setWordWrap(False)
    return table


def about_html() -> str:
    """The version, what the app is, its licences and what it runs on."""
    translate = QCoreApplication.translate
    try:
        version = metadata.version("rtl-reader")
    except metadata.PackageNotFoundError:
        version = "?"
    lines = [
        # one isolate for name and version: "0.1.0 rtl-reader" in a right-to-left page otherwise
        f"<h2>{LRI}rtl-reader {html.escape(version)}{PDI}</h2>",
        "<p>" + html.escape(translate(
            "Help", "A reader for Arabic news articles: shaped, right-to-left text; quotations "
                    "and figures highlighted; search that reads Arabic as it is typed.")) + "</p>",
        "<p>" + html.escape(translate(
            "Help", "MIT licence. The bundled font, Noto Naskh Arabic, is under the SIL Open "
                    "Font License.")) + "</p>",
        f"<p>{LRI}Qt {html.escape(qVersion())} · Python "
        f"{html.escape(platform.python_version())}{PDI}</p>",
    ]
    return f'<div dir="{_direction()}">' + "".join(lines) + "</div>"


class HelpDialog(QDialog):
    """One help page (``guide``, ``shortcuts`` or ``about``) in a window of its own."""

    def __init__(self, kind: str, actions: Iterable[QAction] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(f"unknown help page {kind!r}")
        translate = QCoreApplication.translate
        titles = {"guide": translate("Help", "Guide"),
                  "shortcuts": translate("Help", "Keyboard shortcuts"),
                  "about": translate("Help", "About rtl-reader")}
        self.kind = kind
        self.setWindowTitle(titles[kind])
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        page: QWidget
        if kind == "shortcuts":
            page = self.table = _shortcuts_table(shortcut_rows(actions), self)
        else:
            page = self.browser = QTextBrowser(self)
            self.browser.setOpenLinks(False)
            self.browser.setHtml(guide_html() if kind == "guide" else about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(page, 1)
        layout.addWidget(buttons)
        self.resize(560, 520)
        if kind == "about":
            self._fit_to_text(560)

    def _fit_to_text(self, width: int) -> None:
        """As tall as the page's text at ``width`` (a fixed 300 px was about
        twice the About text in either language)."""
        margins = self.layout().contentsMargins()
        frame = 2 * self.browser.frameWidth()
        # A copy: the browser lays its own document out at its present width.
        document = self.browser.document().clone(self)
        document.setTextWidth(width - margins.left() - margins.right() - frame)
        self.browser.setFixedHeight(math.ceil(document.size().height()) + frame)
        document.deleteLater()
        self.resize(width, self.sizeHint().height())
