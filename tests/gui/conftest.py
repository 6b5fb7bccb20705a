"""Fixtures shared by the GUI tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QTextLayout, QTextLine, QTextOption
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.gui import i18n
from reader.store import Library
from tests.feed_site import FeedSite, serve

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow


@pytest.fixture(autouse=True)
def english_afterwards(qapp: QApplication) -> Iterator[None]:
    """Every GUI test starts and ends in English, whatever language it switches to."""
    i18n.apply_language("en")
    yield
    i18n.apply_language("en")


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Window settings in a temporary INI file, never the user's."""
    path = tmp_path / "settings.ini"
    monkeypatch.setenv("RTL_READER_SETTINGS", str(path))
    return path


@pytest.fixture
def library(store_path: Path) -> Iterator[Library]:
    """An empty library in this test's store; a test module that needs
    articles in it from the start defines its own."""
    with Library.open(store_path) as lib:
        yield lib


@pytest.fixture
def site() -> Iterator[FeedSite]:
    """A news site on 127.0.0.1 (``tests.feed_site``)."""
    with serve() as running:
        yield running


@pytest.fixture(autouse=True)
def _application_palette_kept(qapp: QApplication) -> Iterator[None]:
    """A window's theme colours the whole application: give the next test
    the palette this one started with."""
    palette = QApplication.palette()
    yield
    QApplication.setPalette(palette)


W = TypeVar("W", bound=QWidget)

DWELL_NEVER_OVER = 600_000
"""A window's ``read_after_ms`` that no test outlasts: an article opened in
passing stays unread unless something else marks it."""
SHORT_DWELL = 20
"""A ``read_after_ms`` a test waits out (``qtbot.waitUntil``), never times."""


def kept_window(qtbot: QtBot, library: Library, width: int = 1100, height: int = 700, *,
                active: bool = False) -> MainWindow:
    """A main window on ``library`` that keeps its settings (``settings_file``)
    between runs, shown ``on_screen``: a restart is another ``kept_window``."""
    from reader.gui.main_window import MainWindow

    window = MainWindow(library, settings=i18n.settings(), poll_ms=0)
    return on_screen(qtbot, window, width, height, active=active)


def on_screen(qtbot: QtBot, widget: W, width: int = 1100, height: int = 700, *,
          active: bool = False) -> W:
    """``widget`` sized, shown and exposed (and the active window when
    ``active``, so that shortcuts reach it), closed by qtbot after the test."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    if active:
        widget.activateWindow()
        qtbot.waitUntil(widget.isActiveWindow)
    return widget


def click_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    """A left click on ``row``'s title in the window's list, as the reader's
    mouse makes it (wherever a right-to-left layout put the title)."""
    view = window.article_list.view
    rect = view.visualRect(window.article_list.model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def written(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the window's edit being written on a worker (a delete, its
    undo or redo) is in the store and shown."""
    qtbot.waitUntil(lambda: not window.edits.busy, timeout=20_000)


def laid_out_line(text: str, direction: Qt.LayoutDirection) -> QTextLine:
    """``text`` laid out by Qt in one line of a paragraph in ``direction``, to
    ask where each character went (``cursorToX``)."""
    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine().setPosition(QPointF(0, 0))
    layout.endLayout()
    _layouts.append(layout)  # the line lives as long as its layout
    return layout.lineAt(0)


_layouts: list[QTextLayout] = []
