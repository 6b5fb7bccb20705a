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
app's own path fields do (``export_dialog``, ``url_dialog``); each file
name in the list reads in its own direction ("00_france24.txt" read
"france24.txt_00"); a filter shows the name of its kind with as many of
its patterns as fit, in order; sizes and dates are written by the app's
number locale (``i18n.number_locale``), and the size, type and date
columns have room for them. A dialog given no folder opens at home, never
in the process's working folder. A native dialog is left as the desktop
draws it.

The file name box (a ``QLineEdit``) lays its text out in the direction of
the text's first strong letter whatever its own layout direction (Qt's
line control has no other), so an Arabic name reads right to left there,
as in the list, and a typed path left to right.

Each function returns what the reader chose, or "" (an empty list) when
they cancelled.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QDir,
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
from PySide6.QtGui import QAbstractFileIconProvider, QFontMetrics, QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFileIconProvider,
    QFileSystemModel,
    QLineEdit,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from reader.gui.combo_label import PaintedLabel
from reader.gui.screen_fit import fit_to_screen
from reader.text.bidi import LRI, PDI, isolate, isolate_path

_SIZE_COLUMN, _TYPE_COLUMN, _DATE_COLUMN = 1, 2, 3
_TYPE_ROOM = 28
"""Characters (on average) the type column may take for its longest word."""
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
        return _typed(dialog) or dialog.selectedFiles()
    finally:
        dialog.deleteLater()


def _typed(dialog: QFileDialog) -> list[str]:
    """The files to open named in the name box of Qt's own ``dialog``
    (``"a.txt" "b.txt"``, or one name), relative to its folder, when every
    one of them is a file; else []. Qt answers with the rows it selected as
    the names were typed, and through the proxy that writes the app's digits
    (``_AppNumbers``) it kept two of four typed names: the others were never
    imported nor mentioned (a new user's day)."""
    edit = dialog.findChild(QLineEdit, "fileNameEdit")
    if (edit is None or dialog.acceptMode() != QFileDialog.AcceptMode.AcceptOpen
            or dialog.fileMode() not in (QFileDialog.FileMode.ExistingFile,
                                         QFileDialog.FileMode.ExistingFiles)):
        return []
    text = edit.text().strip()
    names = text.split('"')[1::2] if '"' in text else [text]
    folder = dialog.directory().absolutePath()
    paths = [os.path.join(folder, os.path.expanduser(n)) for n in names if n.strip()]
    return paths if paths and all(os.path.isfile(p) for p in paths) else []


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
    names = _OwnDirection(dialog)
    files = dialog.findChild(QTreeView, "treeView")
    for view in (dialog.findChild(QListView, "listView"), files):
        if view is not None:
            view.setItemDelegate(names)
    if files is not None:
        _fit_columns(files, dialog.nameFilters())
        dialog.installEventFilter(_WideEnough(files, dialog))
    if not dialog.isRightToLeft():
        return
    ltr = Qt.LayoutDirection.LeftToRight
    look_in.setLayoutDirection(ltr)
    look_in.view().setLayoutDirection(ltr)  # the folders it lists
    look_in.installEventFilter(_PathLeftToRight(look_in))
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    if name is not None:
        # Its frame and completion list; its text is laid out by the text's
        # first strong letter whatever this says (see the module).
        name.setLayoutDirection(ltr)
    # The patterns of a filter ("مقالات (*.atom *.feed … *.xml)") do not fit
    # the box: a right-to-left line cut off their start, and no ellipsis
    # said so. The box names the kind and is painted with its patterns left
    # to right, cut at their end; Qt still filters by the patterns.
    dialog.setOption(QFileDialog.Option.HideNameFilterDetails, True)
    types = dialog.findChild(QComboBox, "fileTypeCombo")
    if types is not None:
        _show_patterns(types, dialog.nameFilters())


def _fit_columns(files: QTreeView, filters: list[str]) -> None:
    """Widen the size, type and date columns to what the app writes in them:
    Qt sized them for its own words ("mp3Folder" for the type), and
    "1023 بايت", "مستند نصي مجرد" or a date with its year came out elided.
    The types are those of the files ``filters`` accept, of a folder and of
    plain text (a filter "*" accepts any), by their names as ``_NameOnly``
    tells them; a type longer than ``_TYPE_ROOM`` is still cut."""
    header = files.header()
    metrics = files.fontMetrics()
    locale = QLocale()
    types = [_NameOnly.type_of_name(f"x{pattern[1:]}") for pattern in _patterns(filters)
             if pattern.startswith("*.")]
    types += [QFileIconProvider().type(QFileInfo(QDir.homePath())),
              _NameOnly.type_of_name("x.txt")]
    room = metrics.averageCharWidth() * _TYPE_ROOM
    widest = {
        _SIZE_COLUMN: max((locale.formattedDataSize(n, 1, _SIZES) for n in (1023, 1023 << 20)),
                          key=metrics.horizontalAdvance),
        _TYPE_COLUMN: max(types, key=metrics.horizontalAdvance),
        _DATE_COLUMN: locale.toString(QDateTime(QDate(2026, 12, 28), QTime(23, 59)),
                                      QLocale.FormatType.ShortFormat),
    }
    for column, text in widest.items():
        wanted = min(metrics.horizontalAdvance(text), room) + 2 * _CELL_MARGIN
        header.resizeSection(column, max(header.sectionSize(column), wanted))


def _patterns(filters: list[str]) -> list[str]:
    """The patterns of every filter, in order, once each."""
    found: dict[str, None] = {}
    for name_filter in filters:
        found.update(dict.fromkeys(_split_filter(name_filter)[1]))
    return list(found)


_FILTER = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")
"""A name filter as Qt reads one: its kind's name, then its patterns in
parentheses ("Articles (*.txt *.md)"); without them, the whole is a pattern."""


def _split_filter(name_filter: str) -> tuple[str, list[str]]:
    """``name_filter``'s kind and its patterns ("*.txt", "*"), as Qt splits it."""
    match = _FILTER.match(name_filter)
    if match is None:
        return name_filter, name_filter.split()
    return match.group(1), match.group(2).split()


def _show_patterns(types: QComboBox, filters: list[str]) -> None:
    """Let the Arabic reader see which files a filter accepts, its kind's
    name alone being all the box showed (``HideNameFilterDetails``): the box
    and its drop-down list paint each kind with its patterns left to right
    in order, cut at their end to fit, and every item's tooltip lists them
    all."""
    kinds = [_split_filter(f) for f in filters]
    if types.count() != len(kinds):
        return  # not the filters Qt was given
    for row, (_, patterns) in enumerate(kinds):
        types.setItemData(row, isolate_path(" ".join(patterns)), Qt.ItemDataRole.ToolTipRole)
    if not any(patterns for _, patterns in kinds):
        return

    def tell(row: int) -> None:
        types.setToolTip(str(types.itemData(row, Qt.ItemDataRole.ToolTipRole) or ""))

    types.currentIndexChanged.connect(tell)
    tell(types.currentIndex())
    painter = _KindWithPatterns([patterns for _, patterns in kinds], types)
    types.installEventFilter(painter)
    types.view().setItemDelegate(_KindWithPatternsItem(painter, types.view()))


def with_patterns(kind: str, patterns: list[str], metrics: QFontMetrics, room: int) -> str:
    """``kind`` followed by its ``patterns`` in parentheses, the patterns
    isolated left to right (in a right-to-left line they follow the kind,
    read in order) and cut after the last whole one that fits, with an
    ellipsis, so that the whole is at most ``room`` pixels wide by
    ``metrics``; ``kind`` alone when not even one pattern fits."""
    def text(shown: list[str], cut: bool) -> str:
        return f"{kind} {LRI}({' '.join(shown + (['…'] if cut else []))}){PDI}"

    if metrics.horizontalAdvance(text(patterns, False)) <= room:
        return text(patterns, False)
    fitting = 0
    while (fitting < len(patterns)
           and metrics.horizontalAdvance(text(patterns[:fitting + 1], True)) <= room):
        fitting += 1
    return text(patterns[:fitting], True) if fitting else kind


class _OwnDirection(QStyledItemDelegate):
    """Draws each file name in its own direction, whatever the window's:
    in the Arabic window "00_france24.txt" read "france24.txt_00" (a line
    laid out right to left moved the leading digits to its end). The name
    is isolated at drawing time only: QFileDialog takes the chosen names
    from the model's text, which must stay the names themselves."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.column() == 0 and option.text:
            option.text = isolate(option.text)


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

    def icon(self, what: QFileInfo | QAbstractFileIconProvider.IconType) -> QIcon:
        if isinstance(what, QFileInfo) and what.isFile():
            mime = _mime_of_name(what.fileName())
            plain = super().icon(QAbstractFileIconProvider.IconType.File)
            return QIcon.fromTheme(mime.iconName(), QIcon.fromTheme(mime.genericIconName(), plain))
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isFile():
            return self.type_of_name(info.fileName())
        return super().type(info)

    @staticmethod
    def type_of_name(name: str) -> str:
        """The type of a file called ``name``, told from the name alone."""
        mime = _mime_of_name(name)
        return mime.comment() or mime.name()


def _mime_of_name(name: str) -> QMimeType:
    """The MIME type a file called ``name`` has by its name (its content unread)."""
    return QMimeDatabase().mimeTypeForFile(name, QMimeDatabase.MatchMode.MatchExtension)


class _WideEnough(QObject):
    """Widens the dialog, once shown, until its file list's columns fit
    (within the screen): at Qt's size the date column ran past the list's
    edge and a date read "1:22" for 11:22. Then fits it to its screen: Qt
    opens it at its size hint, taller than a small screen at 2x."""

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
            fit_to_screen(watched)  # its frame may not be known yet
        return False


class _PathLeftToRight(PaintedLabel):
    """Paints the Look in box's folder left to right. Qt's box draws its
    text in the window's direction whatever its own: "/home/user/مقالات"
    read "مقالات/home/user/". It is painted as Qt paints it (the path cut in
    its middle to fit beside its icon), the path isolated."""

    def shown(self, box: QComboBox, text: str, metrics: QFontMetrics, room: int) -> str:
        return isolate_path(metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, room))


class _KindWithPatterns(PaintedLabel):
    """Paints the file type box with its kind's name and patterns
    (``with_patterns``); ``patterns`` holds those of each item, in order."""

    def __init__(self, patterns: list[list[str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.patterns = patterns

    def shown(self, box: QComboBox, text: str, metrics: QFontMetrics, room: int) -> str:
        return self.item_text(box.currentIndex(), text, metrics, room)

    def item_text(self, row: int, text: str, metrics: QFontMetrics, room: int) -> str:
        if not 0 <= row < len(self.patterns):
            return text
        return with_patterns(text, self.patterns[row], metrics, room)


class _KindWithPatternsItem(QStyledItemDelegate):
    """The file type box's drop-down items, each kind with its patterns."""

    def __init__(self, painter: _KindWithPatterns, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._painter = painter

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        room = option.rect.width() - 4 * _CELL_MARGIN
        option.text = self._painter.item_text(index.row(), option.text, option.fontMetrics, room)


class _AppNumbers(QIdentityProxyModel):
    """The file list with sizes and dates written by the app's number
    locale (``QLocale()``): Qt's model writes them by the system's, so an
    Arabic system gave "MiB ٢٫٨٦" where the app writes "2.9 م.ب"."""

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
