"""The app's file dialogs (``reader.gui.file_dialogs``): where Qt draws its
own (no native dialog, as offscreen and on a bare X session), paths read
left to right in the Arabic window, a filter keeps its patterns in order,
and the file list writes sizes and dates with the app's digits. Found in an
hour of use: "/tmp/fd/مقالات" read "مقالات/tmp/fd/", the Import filter's
patterns were cut at their start, sizes read "MiB ٢٫٨٦"."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QLocale, Qt, QTimer
from PySide6.QtGui import QFont, QPainter, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFileSystemModel,
    QLineEdit,
    QListView,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reader.gui import file_dialogs, i18n
from reader.gui.following import Following
from reader.gui.import_export import ImportExport
from reader.gui.window_settings import WindowSettings
from reader.store import Article, Library
from reader.text.bidi import LRI, PDI, isolate_path
from tests.reliability.conftest import cli

FILTERS = "مقالات (*.txt *.html);;كل الملفات (*)"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "مقالات").mkdir()
    big = tmp_path / "مقالات" / "تقرير الاقتصاد.txt"
    with big.open("wb") as f:
        f.truncate(3 * 1024 * 1024)  # sparse: 3 MiB without writing them
    (tmp_path / "مقالات" / "notes.md").write_text("x", encoding="utf-8")
    return tmp_path / "مقالات"


@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[None]:
    i18n.apply_language("ar")
    # The app's number locale on an Arabic system (i18n.number_locale).
    QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.UnitedArabEmirates))
    yield
    i18n.apply_language("en")


def qt_dialog(qtbot: QtBot, folder: Path, filters: str = FILTERS) -> QFileDialog:
    dialog = QFileDialog(None, "استيراد ملفات", str(folder), filters)
    qtbot.addWidget(dialog)
    file_dialogs.readable(dialog)
    return dialog


class Drawn(QProxyStyle):
    """Keeps what Qt draws as combo box labels (``labels``: text, the
    painter's direction) and item view cells (``cells``: text, the cell's
    direction)."""

    def __init__(self) -> None:
        super().__init__("Fusion")
        self.labels: list[tuple[str, Qt.LayoutDirection]] = []
        self.cells: list[tuple[str, Qt.LayoutDirection]] = []

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption,
                    painter: QPainter, widget: QWidget | None = None) -> None:
        if element == QStyle.ControlElement.CE_ComboBoxLabel:
            assert isinstance(option, QStyleOptionComboBox)
            self.labels.append((option.currentText, painter.layoutDirection()))
        elif element == QStyle.ControlElement.CE_ItemViewItem:
            assert isinstance(option, QStyleOptionViewItem)
            self.cells.append((option.text, option.direction))
        super().drawControl(element, option, painter, widget)


def test_paths_read_left_to_right_in_the_arabic_window(
        qtbot: QtBot, folder: Path, arabic: None) -> None:
    """Qt's Look in box drew "/tmp/…/مقالات" right to left, its own layout
    direction notwithstanding: "مقالات/tmp/…/"."""
    dialog = qt_dialog(qtbot, folder)
    assert dialog.isRightToLeft()  # the dialog itself stays mirrored
    look_in = dialog.findChild(QComboBox, "lookInCombo")
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    assert look_in is not None and name is not None
    assert look_in.currentText() == str(folder)
    style = Drawn()
    look_in.setStyle(style)
    dialog.resize(900, 500)
    dialog.show()
    look_in.grab()  # paints it
    text, direction = style.labels[-1]
    # Drawn isolated left to right, or on a left-to-right line of its own;
    # a long temporary folder (a test worker's) elided in the middle.
    isolated = isolate_path(str(folder))
    head, cut, tail = text.partition("…")
    assert text == isolated or (cut and isolated.startswith(head) and isolated.endswith(tail)
                                and len(head) > 1 and len(tail) > 1) or (
        text == str(folder) and direction == Qt.LayoutDirection.LeftToRight), (text, direction)
    assert name.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert look_in.view().layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_a_path_too_long_for_the_box_is_cut_in_its_middle(
        qtbot: QtBot, tmp_path: Path, arabic: None) -> None:
    deep = tmp_path.joinpath(*["مجلد فرعي طويل الاسم"] * 8)
    deep.mkdir(parents=True)
    dialog = qt_dialog(qtbot, deep)
    look_in = dialog.findChild(QComboBox, "lookInCombo")
    assert look_in is not None
    style = Drawn()
    look_in.setStyle(style)
    dialog.resize(700, 400)
    dialog.show()
    look_in.grab()  # paints it
    text, _ = style.labels[-1]
    assert "…" in text and text.startswith(LRI + "/") and text.endswith("الاسم" + PDI), text


def test_a_filter_names_its_kind_and_still_filters(
        qtbot: QtBot, folder: Path, arabic: None) -> None:
    """The patterns of the Import filter did not fit the box: a right-to-left
    line cut off their start with no ellipsis."""
    dialog = qt_dialog(qtbot, folder)
    types = dialog.findChild(QComboBox, "fileTypeCombo")
    assert types is not None
    assert [types.itemText(i) for i in range(types.count())] == ["مقالات", "كل الملفات"]
    model = dialog.proxyModel().sourceModel()
    assert isinstance(model, QFileSystemModel)
    assert model.nameFilters() == ["*.txt", "*.html"]
    types.setCurrentIndex(1)  # as the reader picks it
    types.activated.emit(1)
    assert model.nameFilters() == ["*"]


def test_the_english_window_is_left_as_qt_draws_it(qtbot: QtBot, folder: Path) -> None:
    dialog = qt_dialog(qtbot, folder, "Articles (*.txt *.html)")
    types = dialog.findChild(QComboBox, "fileTypeCombo")
    assert types is not None and types.itemText(0) == "Articles (*.txt *.html)"
    look_in = dialog.findChild(QComboBox, "lookInCombo")
    assert look_in is not None and look_in.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_sizes_and_dates_use_the_apps_digits(
        qtbot: QtBot, folder: Path, arabic: None) -> None:
    dialog = qt_dialog(qtbot, folder, "كل الملفات (*)")
    dialog.show()  # the list reads the folder for its view
    proxy = dialog.proxyModel()
    model = proxy.sourceModel()
    assert isinstance(model, QFileSystemModel)
    root = proxy.mapFromSource(model.index(str(folder)))
    qtbot.waitUntil(lambda: proxy.rowCount(root) == 2)
    rows = {proxy.index(r, 0, root).data(): r for r in range(2)}
    big = rows["تقرير الاقتصاد.txt"]
    size = proxy.index(big, 1, root).data()
    date = proxy.index(big, 3, root).data()
    assert size == "3.0 م.ب", size
    assert not any("\u0660" <= c <= "\u0669" for c in date), date
    assert str(model.lastModified(model.index(str(folder / "notes.md"))).date().year()) in date


def answer(qtbot: QtBot, act: Callable[[QFileDialog], None]) -> None:
    """Do ``act`` on the file dialog once it is open (it runs modal)."""

    def find() -> None:
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QFileDialog) and w.isVisible()]
        if not shown:
            QTimer.singleShot(10, find)
            return
        act(shown[0])

    QTimer.singleShot(0, find)


def choosing(path: Path) -> Callable[[QFileDialog], None]:
    """The answer of a reader who picks ``path`` in a file dialog (``answer``)."""

    def choose(dialog: QFileDialog) -> None:
        dialog.selectFile(str(path))
        dialog.accept()

    return choose


def test_save_file_returns_the_name_typed(qtbot: QtBot, folder: Path, arabic: None) -> None:
    def type_name(dialog: QFileDialog) -> None:
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        assert edit is not None
        edit.setText("مختارات.md")
        dialog.accept()

    answer(qtbot, type_name)
    chosen = file_dialogs.save_file(None, "تصدير", str(folder / "highlights.md"))
    assert chosen == str(folder / "مختارات.md")


def test_open_files_returns_every_file_chosen(qtbot: QtBot, folder: Path) -> None:
    def choose(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(folder))
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        assert edit is not None
        edit.setText('"notes.md" "تقرير الاقتصاد.txt"')
        dialog.accept()

    answer(qtbot, choose)
    chosen = file_dialogs.open_files(None, "Import", "All files (*)")
    assert sorted(chosen) == sorted([str(folder / "notes.md"),
                                     str(folder / "تقرير الاقتصاد.txt")])


def test_names_typed_are_what_opens_whatever_row_was_highlighted_before(
        qtbot: QtBot, folder: Path) -> None:
    """A tester's leftover: a row clicked, then other names typed in the name
    box, and Qt's dialog gave the clicked row alone (its selection wins over
    the box in ``QFileDialog.selectedFiles``); a typed path in another
    folder was lost the same way."""
    elsewhere = folder.parent / "أرشيف.txt"
    elsewhere.write_text("x", encoding="utf-8")
    (folder / "ملحق.txt").write_text("x", encoding="utf-8")

    def click_then_type(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(folder))
        view = dialog.findChild(QListView, "listView")
        assert view is not None
        model = view.model()
        qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 3)
        row = next(model.index(r, 0, view.rootIndex()) for r in range(3)
                   if model.index(r, 0, view.rootIndex()).data() == "notes.md")
        view.selectionModel().select(
            row, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        assert edit is not None
        edit.setText(f'"ملحق.txt" "{elsewhere}"')
        dialog.accept()

    answer(qtbot, click_then_type)
    chosen = file_dialogs.open_files(None, "Import", "All files (*)")
    assert chosen == [str(folder / "ملحق.txt"), str(elsewhere)]

    def type_one(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(folder))
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        assert edit is not None
        edit.setText("ملحق.txt")
        dialog.accept()

    answer(qtbot, type_one)
    assert file_dialogs.open_file(None, "Import", "All files (*)") == str(folder / "ملحق.txt")


def test_every_name_typed_key_by_key_is_what_opens(qtbot: QtBot, folder: Path) -> None:
    """A new user's day: four names typed in the name box of Import files,
    and only the first two were imported, the others never mentioned (the
    dialog's selection, which Qt keeps in step with the box as it is typed,
    loses names through the proxy that writes the app's digits)."""
    names = ["empty.txt", "binary.txt", "huge_line.txt", "broken_utf8.txt"]
    for name in names:
        (folder / name).write_text("x", encoding="utf-8")

    def type_names(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(folder))
        view = dialog.findChild(QListView, "listView")
        assert view is not None
        qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) == 6)
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        assert edit is not None
        dialog.activateWindow()
        edit.setFocus()
        qtbot.waitUntil(edit.hasFocus)
        typed = " ".join(f'"{n}"' for n in names)
        for end in range(1, len(typed) + 1):  # a key at a time, as Qt reads it
            edit.setText(typed[:end])
        dialog.accept()

    answer(qtbot, type_names)
    chosen = file_dialogs.open_files(None, "Import", "All files (*)")
    assert chosen == [str(folder / n) for n in names]


def test_a_cancelled_dialog_returns_nothing(qtbot: QtBot, folder: Path) -> None:
    answer(qtbot, lambda dialog: dialog.reject())
    assert file_dialogs.folder(None, "Import folder", str(folder)) == ""
    answer(qtbot, lambda dialog: dialog.reject())
    assert file_dialogs.open_file(None, "Import OPML", "OPML (*.opml)") == ""


def test_a_folder_is_chosen_as_a_folder(qtbot: QtBot, folder: Path) -> None:
    answer(qtbot, lambda dialog: dialog.accept())
    assert file_dialogs.folder(None, "Import folder", str(folder)) == str(folder)


def test_the_file_list_columns_fit_the_dialog_when_it_opens(
        qtbot: QtBot, folder: Path, arabic: None) -> None:
    """At Qt's size the date column ran past the list's edge, and in the
    Arabic window a date read "1:22" for 11:22."""
    dialog = qt_dialog(qtbot, folder)
    files = dialog.findChild(QTreeView, "treeView")
    assert files is not None
    dialog.show()
    qtbot.waitExposed(dialog)
    assert files.header().length() <= files.viewport().width()


def store_locks() -> int:
    """How many POSIX locks this process holds (``/proc/locks``)."""
    me = f" {os.getpid()} "
    with open("/proc/locks", encoding="ascii") as f:
        return sum(me in line for line in f)


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="needs Linux's /proc/locks")
def test_a_file_dialog_in_the_stores_folder_leaves_the_store_to_sqlite(
        qtbot: QtBot, tmp_path: Path) -> None:
    """Found in a day of use: the Import dialog opened in the store's folder
    read the first bytes of store.sqlite-wal and -shm to tell their type;
    closing them dropped the window's SQLite locks, ``rtl-reader list`` then
    deleted the WAL the window went on writing to, and the command saw none
    of the window's later writes. The window and the command, as they run."""
    store = tmp_path / "store.sqlite"
    with Library.open(store) as library:
        library.add_articles([Article(title="الخبر الأول", body="نص الخبر الأول.",
                                      published="2024-01-01")])
        assert Path(f"{store}-wal").exists() and Path(f"{store}-shm").exists()
        held = store_locks()
        assert held
        dialog = file_dialogs._dialog(None, "استيراد ملفات", str(tmp_path), "كل الملفات (*)",
                                      QFileDialog.FileMode.ExistingFiles)
        qtbot.addWidget(dialog)
        file_dialogs.readable(dialog)
        dialog.show()
        proxy = dialog.proxyModel()
        model = proxy.sourceModel()
        assert isinstance(model, QFileSystemModel)
        root = proxy.mapFromSource(model.index(str(tmp_path)))
        qtbot.waitUntil(lambda: proxy.rowCount(root) >= 3)
        for row in range(proxy.rowCount(root)):  # all the view asks for, every column
            for column in range(proxy.columnCount(root)):
                index = proxy.index(row, column, root)
                index.data(Qt.ItemDataRole.DisplayRole)
                index.data(Qt.ItemDataRole.DecorationRole)
        qtbot.wait(200)  # the icons come from Qt's file-information thread
        assert store_locks() == held

        assert cli("list", store=store).returncode == 0  # the command, alone as it thinks
        library.add_articles([Article(title="الخبر الثاني", body="نص الخبر الثاني.",
                                      published="2024-01-02")])
        listed = cli("list", store=store)
        assert "الخبر الثاني" in listed.stdout, listed.stdout + listed.stderr


# -- each name in its own direction ------------------------------------------------


def x_of(text: str, direction: Qt.LayoutDirection, part: str) -> float:
    """Where the glyphs of ``part`` of ``text`` stand on screen (their
    middle), ``text`` laid out on a line of ``direction`` as a cell draws it."""
    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns(text.index(part), len(part))
    box = runs[0].boundingRect()
    for run in runs[1:]:
        box = box.united(run.boundingRect())
    return box.center().x()


NAMES = ["00_france24.txt", "01_BBC.txt", "تقرير.txt"]


@pytest.fixture
def named(tmp_path: Path) -> Path:
    for name in NAMES:
        (tmp_path / name).write_text("نص", encoding="utf-8")
    return tmp_path


def shown_names(qtbot: QtBot, dialog: QFileDialog,
                folder: Path) -> list[tuple[str, Qt.LayoutDirection]]:
    files = dialog.findChild(QTreeView, "treeView")
    assert files is not None
    style = Drawn()
    files.setStyle(style)
    dialog.resize(900, 500)
    dialog.show()
    proxy = dialog.proxyModel()
    model = proxy.sourceModel()
    assert isinstance(model, QFileSystemModel)
    root = proxy.mapFromSource(model.index(str(folder)))
    qtbot.waitUntil(lambda: proxy.rowCount(root) == len(NAMES))
    files.viewport().grab()  # paints it
    return [(text, direction) for text, direction in style.cells
            if any(name in text for name in NAMES)]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_each_file_name_reads_in_its_own_direction(
        qtbot: QtBot, named: Path, language: str) -> None:
    """In the Arabic window "00_france24.txt" read "france24.txt_00": the
    line laid out right to left put its leading digits at its end."""
    i18n.apply_language(language)
    dialog = qt_dialog(qtbot, named, "كل الملفات (*)")
    cells = shown_names(qtbot, dialog, named)
    for name in NAMES:
        text, direction = next(cell for cell in cells if name in cell[0])
        if name.isascii():  # left to right: the digits first, the extension last
            assert x_of(text, direction, name[:2]) < x_of(text, direction, name[3:-4]) \
                < x_of(text, direction, ".txt"), (text, direction)
        else:  # right to left: the name's first letter rightmost, the extension leftmost
            assert x_of(text, direction, "تقرير") > x_of(text, direction, ".txt"), \
                (text, direction)


def test_a_name_chosen_in_the_list_is_the_files_exact_path(
        qtbot: QtBot, named: Path, arabic: None) -> None:
    """The name is directed at drawing time only: QFileDialog takes the
    chosen names from the list's text."""
    def choose(dialog: QFileDialog) -> None:
        files = dialog.findChild(QTreeView, "treeView")
        assert files is not None
        proxy = dialog.proxyModel()
        model = proxy.sourceModel()
        assert isinstance(model, QFileSystemModel)

        def pick() -> None:
            for name in ("00_france24.txt", "تقرير.txt"):
                index = proxy.mapFromSource(model.index(str(named / name)))
                files.selectionModel().select(
                    index, files.selectionModel().SelectionFlag.Select
                    | files.selectionModel().SelectionFlag.Rows)
            dialog.accept()

        qtbot.waitUntil(lambda: proxy.rowCount(
            proxy.mapFromSource(model.index(str(named)))) == len(NAMES))
        pick()

    answer(qtbot, choose)
    chosen = file_dialogs.open_files(None, "استيراد ملفات", "كل الملفات (*)", str(named))
    assert sorted(chosen) == sorted([str(named / "00_france24.txt"), str(named / "تقرير.txt")])


# -- the type column ------------------------------------------------------------------


def test_the_type_column_has_room_for_its_words(
        qtbot: QtBot, named: Path, arabic: None) -> None:
    """Qt sized the type column for "mp3Folder": "مستند نصي مجرد" read
    "مستـ…جرد", "plain text document" "pla…ent"."""
    dialog = qt_dialog(qtbot, named, "مقالات (*.txt *.html *.json)")
    files = dialog.findChild(QTreeView, "treeView")
    assert files is not None
    dialog.show()
    qtbot.waitExposed(dialog)
    proxy = dialog.proxyModel()
    model = proxy.sourceModel()
    assert isinstance(model, QFileSystemModel)
    root = proxy.mapFromSource(model.index(str(named)))
    qtbot.waitUntil(lambda: proxy.rowCount(root) == len(NAMES))
    for row in range(proxy.rowCount(root)):
        kind = proxy.index(row, 2, root).data()
        assert kind
        assert files.header().sectionSize(2) >= files.fontMetrics().horizontalAdvance(kind), kind
    assert files.header().length() <= files.viewport().width()  # all still fit


# -- which files a filter accepts --------------------------------------------------------

PATTERNS = " ".join(f"*.{ext}" for ext in
                    "atom feed htm html json jsonl markdown md ndjson rss shtml text txt xhtml xml"
                    .split())


def test_the_arabic_filter_shows_its_patterns_in_order(
        qtbot: QtBot, named: Path, arabic: None) -> None:
    """In Arabic the filter read only "مقالات" (English: "Articles (*.atom
    *.feed …)"): the reader could not see which files it accepts."""
    dialog = qt_dialog(qtbot, named, f"مقالات ({PATTERNS});;كل الملفات (*)")
    types = dialog.findChild(QComboBox, "fileTypeCombo")
    assert types is not None
    style = Drawn()
    types.setStyle(style)
    dialog.resize(700, 400)
    dialog.show()
    qtbot.waitExposed(dialog)
    types.grab()  # paints it
    text, _ = style.labels[-1]
    assert text.startswith("مقالات " + LRI + "(*.atom *.feed *.htm") and text.endswith(" …)" + PDI)
    shown = text[text.index("(") + 1:-len(" …)" + PDI)].split()
    assert shown == PATTERNS.split()[:len(shown)]  # whole patterns, in order
    assert types.fontMetrics().horizontalAdvance(text) <= types.width()
    assert all(p in types.toolTip() for p in PATTERNS.split())  # every one of them
    types.setCurrentIndex(1)
    assert "*.atom" not in types.toolTip() and "*" in types.toolTip()
    model = dialog.proxyModel().sourceModel()
    assert isinstance(model, QFileSystemModel)
    assert model.nameFilters() == PATTERNS.split()  # Qt still filters by them


def test_a_short_filter_shows_all_its_patterns(
        qtbot: QtBot, named: Path, arabic: None) -> None:
    dialog = qt_dialog(qtbot, named, "ملفات OPML (*.opml *.xml);;كل الملفات (*)")
    types = dialog.findChild(QComboBox, "fileTypeCombo")
    assert types is not None
    style = Drawn()
    types.setStyle(style)
    dialog.resize(700, 400)
    dialog.show()
    types.grab()
    assert style.labels[-1][0] == "ملفات OPML " + LRI + "(*.opml *.xml)" + PDI


# -- where a dialog opens ----------------------------------------------------------------


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder, and a working folder that is not it."""
    home = tmp_path / "home"
    home.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)
    return home


def opened_in(qtbot: QtBot, run: Callable[[], object]) -> str:
    """The folder the file dialog ``run`` opens shows."""
    seen: list[str] = []

    def look(dialog: QFileDialog) -> None:
        seen.append(dialog.directory().absolutePath())
        dialog.reject()

    answer(qtbot, look)
    run()
    return seen[0]


def test_a_dialog_without_a_folder_opens_at_home_not_the_working_folder(
        qtbot: QtBot, elsewhere: Path) -> None:
    assert opened_in(qtbot, lambda: file_dialogs.open_files(None, "Import", "All (*)")) \
        == str(elsewhere)
    assert opened_in(qtbot, lambda: file_dialogs.save_file(None, "Export OPML",
                                                           "subscriptions.opml")) == str(elsewhere)


def test_import_and_opml_dialogs_open_where_the_last_one_chose_across_restarts(
        qtbot: QtBot, elsewhere: Path, settings_file: Path, library: Library,
        tmp_path: Path) -> None:
    """Import files and Export OPML opened in the working folder the app
    was started from, every time."""
    news = tmp_path / "أخبار"
    news.mkdir()
    (news / "00_france24.txt").write_text("خبر قصير عن الطقس.", encoding="utf-8")
    feeds = tmp_path / "feeds"
    feeds.mkdir()

    def start() -> tuple[ImportExport, Following]:
        window = QWidget()
        qtbot.addWidget(window)
        settings = WindowSettings(i18n.settings(), window)
        return (ImportExport(library, window, settings),
                Following(library, window, check_ms=0, settings=settings))

    jobs, following = start()  # the first run: at home
    assert opened_in(qtbot, jobs.import_files_dialog) == str(elsewhere)
    assert opened_in(qtbot, following.export_opml_dialog) == str(elsewhere)
    assert opened_in(qtbot, jobs.import_folder_dialog) == str(elsewhere)

    answer(qtbot, choosing(news / "00_france24.txt"))
    jobs.import_files_dialog()
    qtbot.waitUntil(lambda: not jobs.tasks, timeout=20_000)

    answer(qtbot, choosing(feeds / "subscriptions.opml"))
    following.export_opml_dialog()
    qtbot.waitUntil(lambda: not following.tasks, timeout=20_000)
    assert (feeds / "subscriptions.opml").exists()

    jobs, following = start()  # after a restart
    assert opened_in(qtbot, jobs.import_files_dialog) == str(news)
    assert opened_in(qtbot, following.export_opml_dialog) == str(feeds)
    assert opened_in(qtbot, following.import_opml_dialog) == str(feeds)
