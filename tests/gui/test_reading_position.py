"""The reading position across a restart, the way the product restarts: the
reader scrolls into an article, quits with Ctrl+Q, and a new window on the
same store and settings file opens at that place (issue 14, item 1)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from reader.gui import i18n
from reader.gui.main_window import MainWindow
from reader.gui.reading_view import ReadingView
from reader.store import Article, Library
from tests.gui.conftest import on_screen

PARAGRAPHS = [f"الفقرة رقم {i} من مقالة طويلة يتمرر فيها القارئ بعيدًا عن العنوان "
              f"ويقرأ على مهل ما جاء في التقرير عن الموازنة العامة للدولة." for i in range(150)]



@pytest.fixture
def library(store_path: Path) -> Iterator[Library]:
    with Library.open(store_path) as lib:
        lib.add_articles([Article(title="مقالة طويلة عن الموازنة", body="\n".join(PARAGRAPHS),
                                  source="وكالة الأنباء", published="2024-05-02")])
        yield lib


def start(qtbot: QtBot, library: Library) -> MainWindow:
    """A window as ``app.run`` makes one: the settings file, shown, active."""
    window = MainWindow(library, settings=i18n.settings(), poll_ms=0)
    on_screen(qtbot, window, 1000, 650, active=True)
    return window


def test_the_reading_position_survives_quitting_and_starting_again(
        qtbot: QtBot, library: Library, settings_file: Path) -> None:
    first = start(qtbot, library)
    article_id = first.current_article_id()
    assert article_id is not None
    view = first.pane.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    for _ in range(8):  # the reader pages into the body
        qtbot.keyClick(view.viewport(), Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: view.reading_position() > 0)
    place = view.reading_position()
    # Ctrl+Q at once, before the scroll's debounce has stored anything.
    qtbot.keyClick(view, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not first.isVisible()
    assert library.get(article_id).position == place

    second = start(qtbot, library)
    assert second.current_article_id() == article_id
    again = second.pane.view
    qtbot.waitUntil(lambda: again.reading_position() == place)
    # Showing the window scrolled nothing the reader did: nothing waits to be
    # stored, and the store still holds the place.
    assert not again.has_pending_position()
    assert library.get(article_id).position == place
    again.settle_position()  # what the view would store now is the same place
    assert library.get(article_id).position == place
    second.close()


def test_a_new_window_opens_at_the_stored_place_of_the_last_article(
        qtbot: QtBot, library: Library, settings_file: Path) -> None:
    [article_id] = library.ids()
    place = PARAGRAPHS[0].__len__() * 60
    library.set_position(article_id, place)
    window = start(qtbot, library)
    view = window.pane.view
    qtbot.waitUntil(lambda: view.reading_position() > 0)
    assert abs(view.reading_position() - place) < len(PARAGRAPHS[0]) * 2
    assert library.get(article_id).position == place
    window.close()


def test_the_body_at_the_top_reopens_there_not_at_the_headline(
        qtbot: QtBot, library: Library, settings_file: Path) -> None:
    """The reader scrolled just past the headline, the body's first line at
    the top: a restart opened at the headline again (position 0)."""
    first = start(qtbot, library)
    article_id = first.current_article_id()
    view = first.pane.view
    view.scroll_to("body", 0)
    assert view.first_visible() == ("body", 0)
    view.settle_position()
    first.close()
    assert library.get(article_id).position > 0

    second = start(qtbot, library)
    again = second.pane.view
    qtbot.waitUntil(lambda: again.first_visible() == ("body", 0))
    assert again.verticalScrollBar().value() > 0  # the headline above, out of view
    second.close()


def line_at_top(view: ReadingView) -> tuple[str, int, int]:
    """The first visible line as the reader sees it: its field, the index of
    its first character, and how far (pixels) the view's top is below that
    line's top (negative: above it, in the space between paragraphs)."""
    name, index = view.first_visible()
    block = view.document().findBlock(view.offsets.to_qt(name, index))
    layout = view.document().documentLayout()
    line = block.layout().lineForTextPosition(view.offsets.to_qt(name, index) - block.position())
    top = layout.blockBoundingRect(block).top() + line.y()
    return name, index, round(view.verticalScrollBar().value() - top)


def add_short_article(library: Library) -> int:
    """A second article to leave the long one for; its id."""
    return library.add_articles([Article(title="خبر قصير", body="نص قصير.",
                                         published="2024-05-03")])[0].id


def start_on(qtbot: QtBot, library: Library, article_id: int) -> tuple[MainWindow, ReadingView]:
    """A window (``start``) showing ``article_id``, laid out."""
    window = start(qtbot, library)
    window.open_article(article_id)
    view = window.pane.view
    qtbot.waitUntil(lambda: not view.is_laying_out())
    return window, view


def line_after_restart(qtbot: QtBot, library: Library) -> tuple[str, int, int]:
    """``line_at_top`` of a new window on the same store and settings, once laid out."""
    second = start(qtbot, library)
    view = second.pane.view
    qtbot.waitUntil(lambda: not view.is_laying_out())
    line = line_at_top(view)
    second.close()
    return line


@pytest.mark.parametrize(("paragraph", "into_line"), [
    (40, 9),  # partway down a line: its upper part above the view
    (40, -4),  # in the space above a paragraph's first line
    (41, 1),
    (0, -30),  # the headline still in view, partly scrolled off
])
def test_a_restart_shows_the_same_line_at_the_same_height(
        qtbot: QtBot, library: Library, settings_file: Path, paragraph: int,
        into_line: int) -> None:
    """The place came back "within about a line": the store kept the first
    visible line's character, and the restart put that line flush with the
    top, wherever the reader had scrolled within it."""
    first = start(qtbot, library)
    view = first.pane.view
    qtbot.waitUntil(lambda: not view.is_laying_out())
    index = len("\n".join(PARAGRAPHS[:paragraph])) + (1 if paragraph else 0)
    view.scroll_to("body", index)
    bar = view.verticalScrollBar()
    with qtbot.waitSignal(first.pane.position_changed, timeout=3000):
        bar.setValue(bar.value() + into_line)  # as the wheel would
    before = line_at_top(view)
    first.close()

    second = start(qtbot, library)
    again = second.pane.view
    qtbot.waitUntil(lambda: not again.is_laying_out())
    assert line_at_top(again) == before
    assert not again.has_pending_position()
    second.close()


@pytest.mark.parametrize("into_line", [9, -4])
def test_back_to_an_article_its_line_is_at_the_same_height(
        qtbot: QtBot, library: Library, settings_file: Path, into_line: int) -> None:
    """Within a session too: the reader leaves an article for another and
    comes back. The line came back flush with the top (the exact height was
    kept across a restart only)."""
    first_id, other_id = library.ids()[0], add_short_article(library)
    window, view = start_on(qtbot, library, first_id)
    index = len("\n".join(PARAGRAPHS[:40])) + 1
    view.scroll_to("body", index)
    bar = view.verticalScrollBar()
    with qtbot.waitSignal(window.pane.position_changed, timeout=3000):
        bar.setValue(bar.value() + into_line)
    before = line_at_top(view)
    window.open_article(other_id)
    assert window.current_article_id() == other_id
    window.open_article(first_id)
    qtbot.waitUntil(lambda: not view.is_laying_out())
    assert line_at_top(view) == before

    # Moved by another hand meanwhile (the command, another window): the
    # stored position wins, its line flush with the top.
    window.open_article(other_id)
    library.set_position(first_id, len("\n".join(PARAGRAPHS[:60])) + 1)
    window.open_article(first_id)
    qtbot.waitUntil(lambda: not view.is_laying_out())
    assert line_at_top(view) == ("body", len("\n".join(PARAGRAPHS[:60])) + 1, 0)
    window.close()


def test_a_restart_opens_where_a_find_left_the_reader(
        qtbot: QtBot, library: Library, settings_file: Path) -> None:
    """Seen in a real window: the reader had scrolled to the end, a find took
    the view back to a word near the top, Ctrl+Q, and the next start opened
    at the end (100%), where the reader's last scroll had been, not where
    the find had left them."""
    first = start(qtbot, library)
    article_id = first.current_article_id()
    assert article_id is not None
    view, bar = first.pane.view, first.pane.find_bar
    qtbot.waitUntil(lambda: not view.is_laying_out())
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    view.settle_position()
    assert library.get(article_id).position > len("\n".join(PARAGRAPHS[:140]))
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(bar.edit.hasFocus)
    bar.edit.setText("رقم 3 ")  # typed: the hit is near the top
    qtbot.waitUntil(lambda: bar.counter.text() == "1 / 1")
    left = line_at_top(view)
    assert left[1] < len("\n".join(PARAGRAPHS[:5]))
    qtbot.keyClick(bar.edit, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not first.isVisible()

    assert line_after_restart(qtbot, library) == left


def test_an_article_opened_with_the_find_bar_open_keeps_its_place(
        qtbot: QtBot, library: Library, settings_file: Path) -> None:
    """The bar searches the article as it opens and goes to its first hit
    before the view goes to the reading position: that move is not the
    reader's, and the place stored stays exactly as it was."""
    first_id, other_id = library.ids()[0], add_short_article(library)
    place = len("\n".join(PARAGRAPHS[:60])) + 20  # partway along a line
    library.set_position(first_id, place)
    window = start(qtbot, library)
    window.open_article(other_id)
    window.pane.show_find_bar("رقم 100 ")  # a hit far below the place
    window.open_article(first_id)
    view = window.pane.view
    assert window.pane.find_bar.counter.text() == "1 / 1"
    assert view.first_visible()[1] <= place < len("\n".join(PARAGRAPHS[:62]))
    assert not view.has_pending_position()
    window.close()
    assert library.get(first_id).position == place


def click_panel_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    """A left click on row ``row`` of the highlights panel, as the mouse makes it."""
    panel = window.pane.highlights_panel
    index = panel.list.model().index(row, 0)
    # The list lays its rows out in batches between events: a row is
    # clicked once the list finds it under its rectangle, as the reader
    # clicks a row they see.
    qtbot.waitUntil(lambda: panel.list.indexAt(panel.list.visualRect(index).center()) == index)
    rect = panel.list.visualRect(index)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_back_to_an_article_where_a_highlight_of_the_panel_left_the_reader(
        qtbot: QtBot, library: Library, settings_file: Path) -> None:
    """Seen in a real window: the reader scrolled to 19%, clicked the first
    highlight in the panel (the view went to the top, 3%), opened another
    article and came back: it opened at 19% again."""
    first_id, other_id = library.ids()[0], add_short_article(library)
    window, view = start_on(qtbot, library, first_id)
    view.scroll_to("body", len("\n".join(PARAGRAPHS[:30])) + 1)
    view.settle_position()  # the reader's scroll, stored
    click_panel_row(qtbot, window, 0)  # the figure in the first paragraph
    left = line_at_top(view)
    assert left[1] < len(PARAGRAPHS[0])
    window.open_article(other_id)
    window.open_article(first_id)
    qtbot.waitUntil(lambda: not view.is_laying_out())
    assert line_at_top(view) == left
    window.close()


def test_a_restart_opens_where_a_highlight_of_the_panel_left_the_reader(
        qtbot: QtBot, library: Library, settings_file: Path) -> None:
    first = start(qtbot, library)
    article_id = first.current_article_id()
    assert article_id is not None
    view = first.pane.view
    qtbot.waitUntil(lambda: not view.is_laying_out())
    view.scroll_to("body", len("\n".join(PARAGRAPHS[:30])) + 1)
    view.settle_position()
    click_panel_row(qtbot, first, 0)
    left = line_at_top(view)
    first.close()  # at once: the jump is stored all the same

    assert line_after_restart(qtbot, library) == left


def test_a_restart_opens_where_a_link_left_the_reader(
        qtbot: QtBot, library: Library, settings_file: Path) -> None:
    """A link's place (``rtl-reader open …?at=N``) is one the reader asked
    for, as a find's hit is: where it leaves them is where they read on."""
    [article_id] = library.ids()
    library.set_position(article_id, len("\n".join(PARAGRAPHS[:100])) + 1)
    first = start(qtbot, library)
    at = len("\n".join(PARAGRAPHS[:20])) + 1
    first.open_article(article_id, at)
    view = first.pane.view
    qtbot.waitUntil(lambda: not view.is_laying_out())
    assert view.first_visible() == ("body", at)
    first.close()
    assert library.get(article_id).position == at

    assert line_after_restart(qtbot, library)[:2] == ("body", at)


def first_character_and_height(view: ReadingView) -> tuple[str, int, int]:
    """The first visible character (field, index) and the height of its top
    in the view, as the reader sees them."""
    name, index = view.first_visible()
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(name, index))
    return name, index, view.cursorRect(cursor).top()


@pytest.mark.parametrize("into_line", [9, -4])
def test_a_theme_change_keeps_the_line_at_the_same_height(
        qtbot: QtBot, library: Library, settings_file: Path, into_line: int) -> None:
    """View > Theme moved the text by up to a line (20 to 45 px): the line at
    the top went back flush with it, as after a change of sizes, though a
    theme changes colours only."""
    window, view = start_on(qtbot, library, library.ids()[0])
    view.scroll_to("body", len("\n".join(PARAGRAPHS[:40])) + 1)
    bar = view.verticalScrollBar()
    with qtbot.waitSignal(window.pane.position_changed, timeout=3000):
        bar.setValue(bar.value() + into_line)  # as the wheel would
    name, index, height = first_character_and_height(view)
    for theme in ("dark", "light", "sepia", "dark"):
        window.commands.named[f"theme_{theme}"].trigger()
        assert view.theme().name == theme
        qtbot.waitUntil(lambda: not view.is_laying_out())
        now = first_character_and_height(view)
        assert now[:2] == (name, index) and abs(now[2] - height) <= 2, (theme, now, height)
    window.close()
