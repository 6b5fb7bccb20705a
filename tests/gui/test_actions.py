"""The window's actions and their keys (reader.gui.actions)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from reader.gui.actions import WindowActions
from reader.gui.main_window import MainWindow
from reader.store import Article, Library
from tests.gui.conftest import on_screen


@pytest.fixture
def x11_key_bindings(monkeypatch: pytest.MonkeyPatch) -> None:
    """The standard keys as Qt binds them on X11, where Delete is also Ctrl+D
    (the offscreen platform binds Delete to Del alone)."""
    platform = QKeySequence.keyBindings

    def x11(key: QKeySequence.StandardKey) -> list[QKeySequence]:
        extra = [QKeySequence("Ctrl+D")] if key == QKeySequence.StandardKey.Delete else []
        return [*platform(key), *extra]

    monkeypatch.setattr(QKeySequence, "keyBindings", staticmethod(x11))


def test_no_key_belongs_to_two_actions_on_x11(qtbot: QtBot, x11_key_bindings: None) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = WindowActions(window)
    owners: dict[str, list[str]] = defaultdict(list)
    for name, action in actions.named.items():
        for keys in action.shortcuts():
            owners[keys.toString()].append(name)
    assert {keys: names for keys, names in owners.items() if len(names) > 1} == {}
    assert actions["star"].shortcut().toString() == "Ctrl+D"
    assert [k.toString() for k in actions["delete"].shortcuts()] == ["Del"]


@pytest.fixture
def window(qtbot: QtBot, store_path: Path, x11_key_bindings: None) -> Iterator[MainWindow]:
    with Library.open(store_path) as library:
        library.add_articles([Article(title="خبر عن الموازنة", body="نص الخبر.")])
        w = MainWindow(library, settings=None, poll_ms=0)
        on_screen(qtbot, w, 1000, 650, active=True)
        yield w
        w.close()


def test_ctrl_d_stars_the_article_on_x11(qtbot: QtBot, window: MainWindow) -> None:
    """Star's key, as the Article menu shows it, was ambiguous with Delete's
    second X11 binding: neither fired."""
    article_id = window.library.ids()[0]
    window.open_article(article_id)
    window.pane.view.setFocus()
    qtbot.waitUntil(window.pane.view.hasFocus)
    qtbot.keyClick(window.pane.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.library.get(article_id).starred)
    assert window.library.ids() == [article_id]  # starred, not deleted
