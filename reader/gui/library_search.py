"""The library search: every article matching a query, in place of the list.

``LibrarySearchMixin`` gives ``MainWindow`` what the toolbar's search box
(``search_edit``, Ctrl+Shift+F) does: ``Library.search`` fills the list model
with the hits, the first article opens at its first hit with the find bar
holding the word, and clearing the box (or Escape) brings the whole,
filtered list back. The "Word families" switch (``word_families``) searches
the stemmed index, so one form of a word finds its inflections.

Texts use the literal context ``MainWindow`` so pyside6-lupdate files them
where the window's other strings are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QMainWindow

from reader.errors import ReaderError
from reader.gui.library_model import LibraryModel
from reader.store.library import Library

if TYPE_CHECKING:
    _WindowBase = QMainWindow
else:
    _WindowBase = object


class LibrarySearchMixin(_WindowBase):
    """The library search of ``MainWindow`` (listed first among its bases)."""

    # Set up by MainWindow.__init__.
    library: Library
    model: LibraryModel
    search_edit: QLineEdit
    word_families: QCheckBox
    _search_query: str
    _opening: bool

    if TYPE_CHECKING:
        def select_row(self, row: int) -> None: ...
        def _open_row(self, row: int) -> None: ...
        def _after_reset(self) -> None: ...
        def _update_count(self) -> None: ...

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def search_library(self, query: str) -> int:
        """Show the articles matching ``query`` instead of the list and open the
        first at its first hit with the find bar filled; an empty query
        clears. Returns the number of hits (-1 for a malformed query)."""
        query = query.strip()
        if not query:
            self.clear_search()
            return 0
        try:
            hits = self.library.search(query, limit=500,
                                       stem=self.word_families.isChecked())
        except ReaderError as err:
            self.statusBar().showMessage(err.line(), 8000)
            return -1
        self._search_query = query
        if self.search_edit.text().strip() != query:
            self.search_edit.setText(query)
        self.model.set_search_results(hits)
        self._update_count()
        if hits:
            self._opening = True
            try:
                self.select_row(0)
            finally:
                self._opening = False
            self._open_row(0)
        else:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "No article matches."), 5000)
        return len(hits)

    def clear_search(self) -> None:
        """Back to the whole (filtered) list."""
        if self.search_edit.text():
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
        self._leave_search()

    def _leave_search(self) -> None:
        self._search_query = ""
        if self.model.searching:
            self.model.clear_search_results()
            self._after_reset()

    def _on_word_families_toggled(self, _checked: bool) -> None:
        if self.model.searching and self._search_query:
            self.search_library(self._search_query)

    def _on_search_entered(self) -> None:
        self.search_library(self.search_edit.text())

    def _on_search_text_changed(self, text: str) -> None:
        if not text.strip() and self.model.searching:
            self._leave_search()
