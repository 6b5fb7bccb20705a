"""Paths and file names in the window's messages read in one piece.

Found in a day of use: in the Arabic interface the status bar after an
export and the export dialog's "سيُكتب الملف …" line showed a path with its
extension first and its folders last. Every message that embeds a path
wraps it in LRI…PDI (``reader.text.bidi.isolate_path``): FSI followed the
first strong letter, so a path that starts with an Arabic letter was laid
out right to left inside the sentence. A file name alone reads in the
direction of the sentence around it (``isolate_file_name``; from a later day
of use: under LRI the Arabic question read "الملف md.ماذا قال … الشمسية؟
موجود", the extension before the name); a path never breaks across lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reader.errors import ExportError
from reader.gui import app, i18n
from reader.gui.error_text import shown
from reader.gui.export_dialog import ExportDialog
from reader.gui.main_window import MainWindow
from reader.gui.workers import ExportRequest
from reader.store import Article, Library
from reader.text.bidi import FSI, LRI, LRM, PDI, RLI, isolate_path
from tests.gui.conftest import on_screen

TITLE = "كمامات الكولا سلاح جديد"
NAME = f"{TITLE}.md"


@pytest.fixture
def library(store_path: Path) -> Iterator[Library]:
    with Library.open(store_path) as lib:
        lib.add_articles([Article(title=TITLE, body="قال الوزير إن «الخطة جاهزة».",
                                  published="2024-05-02")])
        [article_id] = lib.ids()
        lib.add_user_highlight(article_id, "body", 0, 3)
        yield lib


@pytest.fixture
def arabic() -> Iterator[None]:
    assert i18n.apply_language("ar")
    yield
    i18n.apply_language("en")


def x_of(text: str, index: int, font: QFont,
         direction: Qt.LayoutDirection = Qt.LayoutDirection.RightToLeft) -> float:
    """Where the character at ``index`` starts in ``text`` laid out as one
    line in ``direction`` (right to left, as an Arabic window lays out its
    messages, unless told)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(5000)
    layout.endLayout()
    return line.cursorToX(index)[0]


def reads_left_to_right(message: str, path: str, font: QFont) -> bool:
    """Folders, then the name's Arabic words, then the extension's last
    letter, from left to right, as in the path field: the path is one
    left-to-right piece inside the sentence."""
    start = message.index(path)
    name = start + path.index(TITLE)
    places = [name, start + len(path) - 1]
    if path.startswith("/"):
        places.insert(0, start + 1)  # the first folder's first letter
    xs = [x_of(message, i, font) for i in places]
    return xs == sorted(xs) and len(set(xs)) == len(xs)


def test_the_status_bar_after_an_export_isolates_the_path_left_to_right(
        qtbot: QtBot, library: Library, tmp_path: Path, arabic: None) -> None:
    window = MainWindow(library, settings=None, poll_ms=0)
    qtbot.addWidget(window)
    out = tmp_path / NAME
    window.jobs.start_export(ExportRequest(library.ids(), "md", out))
    qtbot.waitUntil(lambda: not window.jobs.tasks, timeout=20_000)
    message = window.statusBar().currentMessage()
    assert message == f"صُدّرت إلى {LRI}{out}{PDI}"
    assert reads_left_to_right(message, str(out), window.statusBar().font())
    window.close()


def test_the_export_dialog_isolates_its_path(
        qtbot: QtBot, library: Library, tmp_path: Path, arabic: None) -> None:
    dialog = ExportDialog(library, current_id=library.ids()[0])
    qtbot.addWidget(dialog)
    out = tmp_path / NAME
    dialog.path_edit.setText(str(out))
    assert dialog.destination.text() == f"سيُكتب الملف {LRI}{out}{PDI}"
    assert reads_left_to_right(dialog.destination.text(), str(out), dialog.destination.font())


QUESTIONED = "ماذا قال محمد بن سلمان عن مشروع الطاقة الشمسية؟.md"


@pytest.mark.parametrize(("language", "isolate", "direction"), [
    ("ar", RLI, Qt.LayoutDirection.RightToLeft),
    ("en", LRI, Qt.LayoutDirection.LeftToRight),
])
def test_the_replace_question_reads_the_name_before_its_extension(
        qtbot: QtBot, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        language: str, isolate: str, direction: Qt.LayoutDirection) -> None:
    """From a day of use: the Arabic question read "الملف md.ماذا قال …
    الشمسية؟ موجود": a name isolated left to right puts its extension where
    a right-to-left reader starts. The name reads in the sentence's direction:
    its first word first, its extension last."""
    i18n.apply_language(language)
    dialog = ExportDialog(library, current_id=library.ids()[0])
    qtbot.addWidget(dialog)
    out = tmp_path / QUESTIONED
    out.write_text("قديم", encoding="utf-8")
    dialog.path_edit.setText(str(out))
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _parent, _title, text, *args: asked.append(text)
                        or QMessageBox.StandardButton.No)
    dialog.accept()
    [question] = asked
    assert f"{isolate}{QUESTIONED}{PDI}" in question
    start = question.index(QUESTIONED)
    first = x_of(question, start, dialog.font(), direction)  # م of ماذا
    extension = x_of(question, start + len(QUESTIONED) - 1, dialog.font(), direction)  # d of md
    assert (first > extension) if language == "ar" else (first < extension)


def test_the_destination_line_cuts_a_long_path_in_the_middle(
        qtbot: QtBot, library: Library, arabic: None) -> None:
    """From a day of use: the line "سيُكتب الملف …" wrapped a long path in
    the middle of the name. It stays one line, the path cut in its middle
    (the folder's start and the name's end kept), the whole path in its
    tooltip."""
    dialog = ExportDialog(library, current_id=library.ids()[0])
    out = Path("/tmp/tester3/home/مقالات الأسبوع/مختارات/") / QUESTIONED
    dialog.path_edit.setText(str(out))
    on_screen(qtbot, dialog, 420, 520)
    label = dialog.destination
    line = label.fontMetrics().height()
    assert label.height() < 2 * line  # one line
    shown = label.shown_text()
    assert shown.startswith(f"سيُكتب الملف {LRI}/tmp/") and shown.endswith(f"الشمسية؟.md{PDI}")
    assert "…" in shown
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert label.toolTip() == str(out)
    assert label.text() == f"سيُكتب الملف {isolate_path(str(out))}"  # what a screen reader reads


NESTED = "/tmp/tester57/in4/مجلد عربي/صفحة بلا نص.html"
"""A path whose folder and name are both Arabic (from a day of use: the
import dialog showed ``/tmp/tester57/in4/صفحة بلا نص/مجلد عربي.html``)."""


@pytest.mark.parametrize("direction", [Qt.LayoutDirection.RightToLeft,
                                       Qt.LayoutDirection.LeftToRight])
def test_an_arabic_folder_stays_left_of_the_arabic_name_in_it(
        qapp: object, direction: Qt.LayoutDirection) -> None:
    """Left to right: the first folder, the Arabic folder, the Arabic name,
    its extension, in an Arabic or an English line alike."""
    message = isolate_path(NESTED) + ": لم يُعثر على نص مقالة"
    # Inside each word (Qt puts a cursor on a run's edge at either run).
    places = [message.index("tmp") + 1, message.index("مجلد") + 1, message.index("صفحة") + 1,
              message.index(".html") + 2]
    xs = [x_of(message, i, QFont(), direction) for i in places]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)


@pytest.mark.parametrize(("line", "expected"), [
    # A path subject: left to right, whatever its first letter; an Arabic
    # name keeps to the right of its Arabic folder (LRM).
    ("/tmp/مقالات/كمامات.md: exists; use --force to overwrite",
     f"{LRI}/tmp/مقالات/{LRM}كمامات.md{PDI}: موجود من قبل"),
    # A cause the table does not know keeps its words; its path is isolated.
    ("/tmp/مقالات/كمامات.md: something new went wrong",
     f"{LRI}/tmp/مقالات/{LRM}كمامات.md{PDI}: something new went wrong"),
    # An address or a name keeps its own direction.
    ("file:///etc/passwd: not a web address: it holds a space",
     f"{FSI}file:///etc/passwd{PDI}: ليس عنوان ويب: فيه مسافة"),
])
def test_error_lines_isolate_a_path_subject_left_to_right(
        line: str, expected: str, arabic: None) -> None:
    assert shown(line) == expected


def test_the_store_dialog_shows_its_path_isolated(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, arabic: None) -> None:
    """The dialog for a store that cannot be opened showed the raw English
    line, the store's path unisolated."""
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append(box.informativeText()) or 0)
    choice, _ = app.ask_with_dialog(ExportError("/tmp/مكتبتي/library.sqlite3",
                                                "the disk is full"))
    assert choice is app.StoreChoice.QUIT
    assert seen == [f"{LRI}/tmp/مكتبتي/library.sqlite3{PDI}: القرص ممتلئ"]


def test_an_english_error_line_isolates_its_path_too() -> None:
    """In English the words stay as given, but an Arabic folder and name in
    the path came out swapped: the path is isolated left to right."""
    line = f"{NESTED}: the file is empty"
    assert shown(line) == f"{isolate_path(NESTED)}: the file is empty"
    assert shown("https://example.com/a: already followed") == \
        "https://example.com/a: already followed"  # an address reads as typed
