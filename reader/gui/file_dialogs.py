"""The file dialogs of the app: Qt's own dialog made to read right in Arabic.

Where the desktop offers no native file dialog (a bare X session, KDE
without its platform theme, the offscreen tests), Qt draws its own, and in
the Arabic window it laid every line out right to left (found in an hour of
use): the folder "/home/user/مقالات" read "مقالات/home/user/", the filter
"مقالات (*.atom *.feed … *.xml)" was cut at the start of its patterns with
no ellipsis, and the file list gave sizes as "MiB ٢٫٨٦" and dates in
Arabic-Indic digits, unlike every other number of the app. The static
``QFileDialog`` functions give no hook before the dialog shows, so every
file dialog of the app is made here: paths read left to right, as the
app's own path fields do (``export_dialog``, ``url_dialog``); a filter
shows the name of its kind; sizes and dates are written by the app's
number locale (``i18n.number_locale``). A native dialog is left as the
desktop draws it.

Each function returns what the reader chose, or "" (an empty list) when
they cancelled.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QEvent,
    QFileInfo,
    QIdentityProxyModel,
    QLocale,
    QMimeDatabase,
    QMimeType,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
)
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFileIconProvider,
    QFileSystemModel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTreeView,
    QWidget,
)

from reader.text.bidi import isolate_path

_SIZE_COLUMN, _DATE_COLUMN = 1, 3
_SIZES = QLocale.DataSizeFormat.DataSizeTraditionalFormat
_CELL_MARGIN = 8


def open_files(parent: QWidget | None, caption: str, filters: str, start: str = "") -> list[str]:
    """Existing files to open, several at once, starting in the folder
    ``start`` (see ``start_folder``)."""
    return _run(_dialog(parent, caption, start, filters, QFileDialog.FileMode.ExistingFiles))


def open_file(parent: QWidget | None, caption: str, filters: str, start: str = "") -> str:
    """One existing file to open, starting in the folder ``start``."""
    chosen = _run(_dialog(parent, caption, start, filters, QFileDialog.FileMode.ExistingFile))
    return chosen[0] if chosen else ""


def save_file(parent: QWidget | None, caption: str, path: str, filters: str = "", *,
              confirm_overwrite: bool = True) -> str:
    """A file to write, starting at ``path`` (a folder, or a file whose name
    is offered; a bare name is offered in the home folder). With
    ``confirm_overwrite`` False the caller asks itself (or opens the file
    rather than replacing it)."""
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


def start_folder(path: str) -> str:
    """Where a dialog given ``path`` opens: ``path`` itself when absolute, a
    relative one under the home folder, the home folder for "". Qt opens in
    the process's working folder otherwise: Import files and Export OPML
    opened in whatever folder the app was started from."""
    return os.path.join(os.path.expanduser("~"), path) if path else os.path.expanduser("~")


def _dialog(parent: QWidget | None, caption: str, path: str, filters: str,
            mode: QFileDialog.FileMode) -> QFileDialog:
    dialog = QFileDialog(parent, caption, start_folder(path), filters)
    dialog.setFileMode(mode)
    return dialog


def native_dialog_is_safe() -> bool:
    """Whether the desktop's own file dialog may be used (``make_application``
    tells Qt, before any dialog is made: a dialog constructed with the
    desktop's in mind has already listed its folder); never where it
    runs inside this process and file locks belong to the process (Linux
    and the BSDs, unless Qt hands dialogs to the desktop portal, another
    process). GTK's and KDE's dialogs read the first bytes of a file whose
    name does not tell its type, a store's ``-wal`` and ``-shm`` among them,
    and closing that read drops every SQLite lock the process holds on the
    store (DESIGN, "SQLite and foreign file handles"). Windows locks per
    handle; macOS dialogs name types from extensions."""
    if sys.platform in ("win32", "darwin"):
        return True
    return ("xdgdesktopportal" in os.environ.get("QT_QPA_PLATFORMTHEME", "")
            or os.path.exists("/.flatpak-info") or "SNAP" in os.environ)


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
    names_only = _NameOnly()
    dialog.setIconProvider(names_only)
    # Qt does not own the provider: it lives as long as the dialog's wrapper.
    dialog._names_only = names_only  # type: ignore[attr-defined]
    dialog.setProxyModel(_AppNumbers(dialog))
    files = dialog.findChild(QTreeView, "treeView")
    if files is not None:
        _fit_columns(files)
        dialog.installEventFilter(_WideEnough(files, dialog))
    if not dialog.isRightToLeft():
        return
    ltr = Qt.LayoutDirection.LeftToRight
    look_in.setLayoutDirection(ltr)
    look_in.view().setLayoutDirection(ltr)  # the folders it lists
    look_in.installEventFilter(_PathLeftToRight(look_in))
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    if name is not None:
        name.setLayoutDirection(ltr)
    # The patterns of a filter ("مقالات (*.atom *.feed … *.xml)") do not fit
    # the box: a right-to-left line cut off their start, and no ellipsis
    # said so. The box names the kind; Qt still filters by the patterns.
    dialog.setOption(QFileDialog.Option.HideNameFilterDetails, True)


def _fit_columns(files: QTreeView) -> None:
    """Widen the size and date columns to what the app writes in them: Qt
    sized them for its own words, and "1023 بايت" or a date with its year
    came out elided."""
    header = files.header()
    locale = QLocale()
    widest = {
        _SIZE_COLUMN: max((locale.formattedDataSize(n, 1, _SIZES) for n in (1023, 1023 << 20)),
                          key=files.fontMetrics().horizontalAdvance),
        _DATE_COLUMN: locale.toString(QDateTime(QDate(2026, 12, 28), QTime(23, 59)),
                                      QLocale.FormatType.ShortFormat),
    }
    for column, text in widest.items():
        wanted = files.fontMetrics().horizontalAdvance(text) + 2 * _CELL_MARGIN
        header.resizeSection(column, max(header.sectionSize(column), wanted))


class _NameOnly(QFileIconProvider):
    """Tells a file's type and icon from its name alone, never opening it.

    Qt's provider reads the first bytes of a file whose name does not tell
    its type; in the folder of the store, its ``-wal`` and ``-shm`` files.
    Closing that read dropped every SQLite lock the window held on the store
    (POSIX locks belong to the process): ``rtl-reader list`` run next, alone
    as it thought, checkpointed and deleted the WAL the window went on
    writing to, and the command saw none of the window's later highlights
    (found in a day of use). Called from Qt's file-information thread too.
    """

    def __init__(self) -> None:
        super().__init__()
        self._mimes = QMimeDatabase()

    def _mime(self, info: QFileInfo) -> QMimeType:
        return self._mimes.mimeTypeForFile(info, QMimeDatabase.MatchMode.MatchExtension)

    def icon(self, what: QFileInfo | QAbstractFileIconProvider.IconType) -> QIcon:
        if isinstance(what, QFileInfo) and what.isFile():
            mime = self._mime(what)
            plain = super().icon(QAbstractFileIconProvider.IconType.File)
            return QIcon.fromTheme(mime.iconName(), QIcon.fromTheme(mime.genericIconName(), plain))
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isFile():
            mime = self._mime(info)
            return mime.comment() or mime.name()
        return super().type(info)


class _WideEnough(QObject):
    """Widens the dialog, once shown, until its file list's columns fit
    (within the screen): at Qt's size the date column ran past the list's
    edge and a date read "1:22" for 11:22."""

    def __init__(self, files: QTreeView, parent: QFileDialog) -> None:
        super().__init__(parent)
        self._files = files

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            over = self._files.header().length() - self._files.viewport().width()
            screen = watched.screen()
            if over > 0 and screen is not None:
                room = screen.availableGeometry().width() - watched.frameGeometry().width()
                watched.resize(watched.width() + min(over, max(room, 0)), watched.height())
        return False


class _PathLeftToRight(QObject):
    """Paints the Look in box's folder left to right. Qt's box draws its
    text in the window's direction whatever its own: "/home/user/مقالات"
    read "مقالات/home/user/". It is painted as Qt paints it (the path cut in
    its middle to fit beside its icon), the path isolated."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or not isinstance(watched, QComboBox):
            return False
        painter = QStylePainter(watched)
        option = QStyleOptionComboBox()
        option.initFrom(watched)
        option.currentText = watched.currentText()
        option.currentIcon = watched.itemIcon(watched.currentIndex())
        option.iconSize = watched.iconSize()
        option.frame = True
        field = watched.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField,
            watched)
        room = field.width() - option.iconSize.width() - 4
        option.currentText = isolate_path(option.fontMetrics.elidedText(
            option.currentText, Qt.TextElideMode.ElideMiddle, room))
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
        return True


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
                    return QLocale().formattedDataSize(model.size(source), 1, _SIZES)
                return QLocale().toString(model.lastModified(source),
                                          QLocale.FormatType.ShortFormat)
        return super().data(index, role)
