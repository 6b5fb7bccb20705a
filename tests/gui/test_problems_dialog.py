"""The files an import skipped: one line each, read in the interface's direction.

From a tester's day: after importing a folder ``مجلد عربي`` holding an empty
file, a binary file and a page with no text, the Arabic message box laid
each line out left to right, left-aligned (read from the right: the cause,
the colon, the path; QMessageBox took each line's direction from its first
strong letter, the path's), and the English one wrapped the long lines, so
a line was no longer one file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from reader.gui import i18n
from reader.gui.main_window import MainWindow
from reader.gui.path_label import PathLabel
from reader.gui.problems_dialog import ProblemsDialog
from reader.store import Library
from tests.gui.conftest import laid_out_line, on_screen

FOLDER = "مجلد عربي"
FILES = {"ملف فارغ.txt": b"", "صورة معطوبة.txt": b"\x00\x01\x02binary\x00",
         "صفحة بلا نص.html": b"<html><head><title></title></head><body><div></div></body></html>"}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "in4" / FOLDER
    made.mkdir(parents=True)
    for name, data in FILES.items():
        (made / name).write_bytes(data)
    return made


@pytest.fixture
def shown_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[ProblemsDialog]:
    """The dialogs the window opens, answered at once instead of waiting."""
    seen: list[ProblemsDialog] = []
    monkeypatch.setattr(ProblemsDialog, "exec", lambda dialog: seen.append(dialog) or 0)
    return seen


@pytest.fixture
def window(qtbot: QtBot, library: Library, settings_file: Path) -> Iterator[MainWindow]:
    made = MainWindow(library, settings=None, poll_ms=0)
    qtbot.addWidget(made)
    yield made
    made.jobs.cancel_tasks()
    made.jobs.wait_for_tasks()


def import_folder(qtbot: QtBot, window: MainWindow, folder: Path,
                  shown: list[ProblemsDialog]) -> ProblemsDialog:
    window.jobs.start_import([folder])
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    [dialog] = shown
    return on_screen(qtbot, dialog, 520, 200)


def one_line(row: QLabel) -> bool:
    return row.height() < 2 * row.fontMetrics().height()


@pytest.mark.parametrize("language", ["ar", "en"])
def test_each_skipped_file_is_one_line_in_the_interface_direction(
        qtbot: QtBot, window: MainWindow, folder: Path, shown_dialogs: list[ProblemsDialog],
        language: str) -> None:
    window.set_language(language)
    dialog = import_folder(qtbot, window, folder, shown_dialogs)
    direction = (Qt.LayoutDirection.RightToLeft if language == "ar"
                 else Qt.LayoutDirection.LeftToRight)
    assert len(dialog.rows) == len(FILES)
    for row in dialog.rows:
        assert isinstance(row, PathLabel) and one_line(row)
        assert row.layoutDirection() == direction
        shown = row.shown_text()
        assert "…" in shown  # 520 pixels: the path is cut, not wrapped
        assert row.fontMetrics().horizontalAdvance(shown) <= row.contentsRect().width()
        assert Path(row.toolTip()).parent == folder  # the whole path, for the mouse
        # The sentence reads from where the interface reads: the path first
        # (on the right in Arabic), then the cause.
        line = laid_out_line(shown, direction)
        path_x = line.cursorToX(shown.index("tmp") + 1)[0]
        cause_x = line.cursorToX(shown.index(": ") + 3)[0]
        assert (path_x > cause_x) if language == "ar" else (path_x < cause_x)


def test_a_line_without_a_path_wraps_and_reads_in_the_interface_direction(qtbot: QtBot) -> None:
    i18n.apply_language("ar")
    dialog = on_screen(qtbot, ProblemsDialog("عنوان", "القرص ممتلئ", warning=True), 400, 150)
    [row] = dialog.rows
    assert not isinstance(row, PathLabel) and row.wordWrap()
    assert row.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_copy_gives_the_lines_without_their_marks(
        qtbot: QtBot, window: MainWindow, folder: Path,
        shown_dialogs: list[ProblemsDialog]) -> None:
    """Ctrl+C copied a QMessageBox's text; a path pasted into a terminal
    must not hold the invisible isolates."""
    window.set_language("ar")
    dialog = import_folder(qtbot, window, folder, shown_dialogs)
    QGuiApplication.clipboard().clear()
    qtbot.keySequence(dialog, QKeySequence.StandardKey.Copy)
    copied = QGuiApplication.clipboard().text().split("\n")
    assert sorted(line.split(": ")[0] for line in copied) == \
        sorted(str(folder / name) for name in FILES)
