"""Tab and Shift+Tab move the focus from one part of the window to the next,
as in any desktop app; the arrow keys move within a list.

Found by a tester: in the article list Tab walked cell by cell across the
row, and past the last column opened the next article (and marked it read);
the reading view could not be reached with the keyboard alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.gui.library_model import COLUMNS
from reader.gui.main_window import MainWindow
from reader.store import Article, Library
from tests.gui.conftest import click_row, on_screen


@pytest.fixture
def window(qtbot: QtBot, store_path: Path) -> Iterator[MainWindow]:
    with Library.open(store_path) as library:
        library.add_articles([
            Article(title=f"خبر رقم {i}", body=f"قال الوزير «نص الخبر» عن {i} مليون دينار.",
                    source="وكالة", published=f"2024-01-0{i}") for i in range(1, 4)])
        w = MainWindow(library, settings=None, poll_ms=0)
        on_screen(qtbot, w, 1300, 700, active=True)
        yield w
        w.close()


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(qtbot: QtBot, key: Qt.Key) -> QWidget | None:
    """Press ``key`` where the focus is; the widget that has the focus after."""
    widget = focused()
    assert widget is not None
    qtbot.keyClick(widget, key)
    return focused()


def walk(qtbot: QtBot, key: Qt.Key, steps: int) -> list[QWidget | None]:
    return [press(qtbot, key) for _ in range(steps)]


def test_tab_goes_from_the_list_to_the_article_and_opens_nothing(
        qtbot: QtBot, window: MainWindow) -> None:
    click_row(qtbot, window, 0)
    table = window.article_list.view
    qtbot.waitUntil(table.hasFocus)
    opened = window.current_article_id()
    read = {row: window.article_list.model.row_data(row).read
            for row in range(window.article_list.model.rowCount())}
    assert press(qtbot, Qt.Key.Key_Tab) is window.pane.view
    assert press(qtbot, Qt.Key.Key_Backtab) is table
    # Tab, again and again (past as many as the row has cells), never
    # chooses another row.
    walk(qtbot, Qt.Key.Key_Tab, len(COLUMNS) + 1)
    walk(qtbot, Qt.Key.Key_Backtab, len(COLUMNS) + 1)
    assert window.current_article_id() == opened
    assert {row: window.article_list.model.row_data(row).read for row in read} == read


def test_tab_walks_the_window_part_by_part_and_shift_tab_walks_back(
        qtbot: QtBot, window: MainWindow) -> None:
    """Top to bottom, then along the reading direction: the library search,
    the sources, the list's collection box, its filter and its table, the article, the
    highlights panel (its filter, its legend, its list), and round again."""
    click_row(qtbot, window, 0)
    table = window.article_list.view
    qtbot.waitUntil(table.hasFocus)
    opened = window.current_article_id()
    panel = window.pane.highlights_panel
    parts: list[QWidget] = [
        window.library_search.edit, window.library_search.word_families,
        window.sources.add_button, window.sources.refresh_button, window.sources.view,
        window.article_list.collection_box, window.article_list.filter_edit, table,
        window.pane.view, panel.filter, *panel.legend.values(), panel.list,
    ]
    start = parts.index(table)
    round_trip = parts[start + 1:] + parts[:start + 1]
    assert walk(qtbot, Qt.Key.Key_Tab, len(parts)) == round_trip
    back = parts[:start][::-1] + parts[start:][::-1]
    assert walk(qtbot, Qt.Key.Key_Backtab, len(parts)) == back
    assert window.current_article_id() == opened


def test_the_find_bar_comes_before_the_article_it_searches(
        qtbot: QtBot, window: MainWindow) -> None:
    click_row(qtbot, window, 0)
    window.pane.show_find_bar("الخبر")
    bar = window.pane.find_bar
    qtbot.waitUntil(bar.edit.hasFocus)
    table = window.article_list.view
    table.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(table.hasFocus)
    assert press(qtbot, Qt.Key.Key_Tab) is bar.edit
    steps = [bar.edit]
    while (step := press(qtbot, Qt.Key.Key_Tab)) is not None and bar.isAncestorOf(step):
        steps.append(step)
        assert len(steps) <= len(bar.focus_order())
    assert len(steps) > 1  # the bar's buttons, then the article
    assert step is window.pane.view
    assert press(qtbot, Qt.Key.Key_Backtab) is steps[-1]


@pytest.mark.parametrize("view", ["sources", "highlights"])
def test_tab_leaves_the_other_lists(qtbot: QtBot, window: MainWindow, view: str) -> None:
    click_row(qtbot, window, 0)
    widget = window.sources.view if view == "sources" else window.pane.highlights_panel.list
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    after = press(qtbot, Qt.Key.Key_Tab)
    assert after is not widget and after is not None and not widget.isAncestorOf(after)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_tab_follows_the_reading_direction_along_a_row(
        qtbot: QtBot, window: MainWindow, language: str) -> None:
    """From an hour of use: in the English window Tab went from the title
    filter to the "All articles" box on its left, back against the reading
    direction. Of two stops side by side (on one row of the screen), Tab goes
    first to the one a reader of the language reaches first: the left one in
    English, the right one in Arabic."""
    from reader.gui import i18n

    rtl = language == "ar"
    i18n.apply_language(language)
    click_row(qtbot, window, 0)
    panel, view = window.pane.highlights_panel, window.pane.view
    qtbot.waitUntil(lambda: (panel.mapToGlobal(QPoint()).x()
                             < view.mapToGlobal(QPoint()).x()) == rtl)  # mirrored or not
    first = window.library_search.edit
    first.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(first.hasFocus)
    stops: list[QWidget | None] = [first]
    while (stop := press(qtbot, Qt.Key.Key_Tab)) is not first:  # once round
        stops.append(stop)
        assert len(stops) < 40
    backwards = []
    for before, after in pairwise(stops):
        assert before is not None and after is not None
        a, b = (w.rect().translated(w.mapToGlobal(w.rect().topLeft())) for w in (before, after))
        if a.top() > b.bottom() or b.top() > a.bottom():
            continue  # one above the other
        onwards = b.center().x() < a.center().x() if rtl else b.center().x() > a.center().x()
        if not onwards:
            backwards.append((before.objectName() or type(before).__name__,
                              after.objectName() or type(after).__name__))
    assert backwards == []
