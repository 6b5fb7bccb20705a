"""The file dialogs of the app: Qt's own dialog made to read right in Arabic.

Where the desktop offers no native file dialog (a bare X session, KDE
without its platform theme, the offscreen tests), Qt draws its own, and in
the Arabic window it laid every line out right to left (found in an hour of
use): the folder "/home/user/مقالات" read "مقالات/home/user/", a filter
"مقالات (*.txt *.html)" lost its brackets to the wrong ends, and the file
list gave sizes as "MiB ٢٫٨٦" and dates in Arabic-Indic digits, unlike
every other number of the app. The static ``QFileDialog`` functions give
no hook before the dialog shows, so every file dialog of the app is made
here: paths read left to right, as the app's own path fields do
(``export_dialog``, ``url_dialog``); the patterns of a filter are isolated
left to right in the sentence that names them; sizes and dates are written
by the app's number locale (``i18n.number_locale``). A native dialog is
left as the desktop draws it.

Each function returns what the reader chose, or "" (an empty list) when
they cancelled.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QIdentityProxyModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFileSystemModel,
    QLineEdit,
    QTreeView,
    QWidget,
)

from reader.text.bidi import LRI, PDI

_SIZE_COLUMN, _DATE_COLUMN = 1, 3
_CELL_MARGIN = 8


def open_files(parent: QWidget | None, caption: str, filters: str) -> list[str]:
    """Existing files to open, several at once."""
    return _run(_dialog(parent, caption, "", filters, QFileDialog.FileMode.ExistingFiles))


def open_file(parent: QWidget | None, caption: str, filters: str) -> str:
    """One existing file to open."""
    chosen = _run(_dialog(parent, caption, "", filters, QFileDialog.FileMode.ExistingFile))
    return chosen[0] if chosen else ""


def save_file(parent: QWidget | None, caption: str, path: str, filters: str = "", *,
              confirm_overwrite: bool = True) -> str:
    """A file to write, starting at ``path`` (a folder, or a file whose name
    is offered). With ``confirm_overwrite`` False the caller asks itself (or
    opens the file rather than replacing it)."""
    dialog = _dialog(parent, caption, path, filters, QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not confirm_overwrite)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""


def folder(parent: QWidget | None, caption: str, path: str = "") -> str:
    """An existing folder, starting at ``path``."""
    dialog = _dialog(parent, caption, path, "", QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""


def _dialog(parent: QWidget | None, caption: str, path: str, filters: str,
            mode: QFileDialog.FileMode) -> QFileDialog:
    dialog = QFileDialog(parent, caption, path, filters)
    dialog.setFileMode(mode)
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    readable(dialog)
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return []
        return dialog.selectedFiles()
    finally:
        dialog.deleteLater()


def readable(dialog: QFileDialog) -> None:
    """Make Qt's own ``dialog`` read right in the window's language (see the
    module); nothing to do for a native one, which has none of its widgets."""
    look_in = dialog.findChild(QComboBox, "lookInCombo")
    if look_in is None:
        return  # the desktop's native dialog
    dialog.setProxyModel(_AppNumbers(dialog))
    files = dialog.findChild(QTreeView, "treeView")
    if files is not None:
        # Qt sized the column for its own dates, which are shorter.
        header = files.header()
        widest = QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 59)),
                                    QLocale.FormatType.ShortFormat)
        wanted = files.fontMetrics().horizontalAdvance(widest) + 2 * _CELL_MARGIN
        header.resizeSection(_DATE_COLUMN, max(header.sectionSize(_DATE_COLUMN), wanted))
    if not dialog.isRightToLeft():
        return
    ltr = Qt.LayoutDirection.LeftToRight
    look_in.setLayoutDirection(ltr)
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    if name is not None:
        name.setLayoutDirection(ltr)
    types = dialog.findChild(QComboBox, "fileTypeCombo")
    if types is not None:
        # Only what the combo shows: QFileDialog applies a filter by its
        # index in nameFilters(), never by the text shown.
        for i in range(types.count()):
            types.setItemText(i, isolated_patterns(types.itemText(i)))


def isolated_patterns(name_filter: str) -> str:
    """``name_filter`` ("مقالات (*.txt *.md)") with its bracketed patterns
    isolated left to right, so that a right-to-left line keeps the brackets
    around them and the patterns in their order; unchanged without them."""
    open_at = name_filter.rfind("(")
    if open_at < 0 or not name_filter.endswith(")"):
        return name_filter
    return f"{name_filter[:open_at]}{LRI}{name_filter[open_at:]}{PDI}"


class _AppNumbers(QIdentityProxyModel):
    """The file list with sizes and dates written by the app's number
    locale (``QLocale()``): Qt's model writes them by the system's, so an
    Arabic system gave "MiB ٢٫٨٦" where the app writes "2.9 م.ب"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole and column in (_SIZE_COLUMN, _DATE_COLUMN):
            model = self.sourceModel()
            if isinstance(model, QFileSystemModel):
                source = self.mapToSource(index)
                shown = model.data(source, role)
                if not shown:
                    return shown  # a folder has no size
                if column == _SIZE_COLUMN:
                    return QLocale().formattedDataSize(
                        model.size(source), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)
                return QLocale().toString(model.lastModified(source),
                                          QLocale.FormatType.ShortFormat)
        return super().data(index, role)
