"""When an article becomes read (``reader.gui.read_marker``): skimming the
list leaves the articles passed unread; one the reader stays on, or acts in,
becomes read; a link and the reader's own Read command mark at once.

The dwell is the window's ``read_after_ms``: ``LONG`` where the test must
not see it end (no test outlasts it), ``SHORT`` where it must, waited for
with ``qtbot.waitUntil``; no test measures time."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from reader.gui import i18n
from reader.gui.library_model import Source
from reader.gui.main_window import MainWindow
from reader.store import Article, Library
from reader.store.listing import ListFilter
from tests.gui.conftest import DWELL_NEVER_OVER, SHORT_DWELL, click_row, on_screen
from tests.gui.test_sources import pane_line

LONG = DWELL_NEVER_OVER
SHORT = SHORT_DWELL

BODY = "\n".join(f"الفقرة {n}: قال الوزير إن المشروع يتقدم وفق الخطة الموضوعة." for n in range(80))


@pytest.fixture
def library(store_path: Path) -> Iterator[Library]:
    with Library.open(store_path) as lib:
        lib.add_articles(Article(title=f"خبر رقم {n}", body=BODY, source="وكالة الأنباء",
                                 published=f"2024-05-{n + 1:02d}") for n in range(6))
        yield lib


MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, library: Library, settings_file: Path) -> MakeWindow:
    def make(read_after_ms: int) -> MainWindow:
        window = MainWindow(library, settings=i18n.settings(), poll_ms=0, refresh_ms=0,
                            read_after_ms=read_after_ms)
        window.notify = lambda title, text: pytest.fail(f"unexpected message: {title}: {text}")
        return on_screen(qtbot, window, 1100, 700, active=True)
    return make


def unread_shown(window: MainWindow, row: int) -> bool:
    """Whether the list shows ``row`` as unread: its title bold."""
    model = window.article_list.model
    font = model.data(model.index(row, 0), Qt.ItemDataRole.FontRole)
    return isinstance(font, QFont) and font.bold()


def unread_count(window: MainWindow) -> str:
    """The sources pane's unread count beside "All articles"."""
    return pane_line(window.sources, Source())[1]


def in_the_list(qtbot: QtBot, window: MainWindow) -> None:
    view = window.article_list.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)


def test_skimming_the_list_with_down_leaves_the_articles_passed_unread(
        qtbot: QtBot, make_window: MakeWindow, library: Library) -> None:
    """Regression (a day of reading): Down through 30 headlines opened each
    and marked it read at once; the reader lost every unread mark they
    passed. Each still opens; none becomes read for being passed."""
    window = make_window(LONG)
    in_the_list(qtbot, window)
    ids = [r.id for r in library.rows()]
    for row in range(1, len(ids)):
        qtbot.keyClick(window.article_list.view, Qt.Key.Key_Down)
        assert window.current_article_id() == ids[row]  # opened, on the way
    click_row(qtbot, window, 2)  # a quick click back up: the same
    assert window.current_article_id() == ids[2]
    assert library.count(where=ListFilter(unread=True)) == len(ids)
    assert all(unread_shown(window, row) for row in range(len(ids)))
    assert unread_count(window) == str(len(ids))
    assert not window.commands["read"].isChecked()


def test_an_article_the_reader_stays_on_becomes_read(
        qtbot: QtBot, make_window: MakeWindow, library: Library) -> None:
    """Once the dwell is over, the article is read: in the store, the list
    (no longer bold), the unread count and the Read switch."""
    window = make_window(SHORT)
    in_the_list(qtbot, window)
    ids = [r.id for r in library.rows()]
    qtbot.waitUntil(lambda: library.get(ids[0]).read)  # the first, opened with the window
    qtbot.keyClick(window.article_list.view, Qt.Key.Key_Down)
    assert window.current_article_id() == ids[1]
    qtbot.waitUntil(lambda: library.get(ids[1]).read)
    assert not unread_shown(window, 1) and unread_shown(window, 2)
    qtbot.waitUntil(lambda: unread_count(window) == str(len(ids) - 2))
    assert window.commands["read"].isChecked()


def page_down(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.pane.view, Qt.Key.Key_PageDown)


def scroll_bar_drag(_qtbot: QtBot, window: MainWindow) -> None:
    window.pane.view.verticalScrollBar().triggerAction(
        window.pane.view.verticalScrollBar().SliderAction.SliderPageStepAdd)


def click_in_text(qtbot: QtBot, window: MainWindow) -> None:
    viewport = window.pane.view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=viewport.rect().center())


def search_in_it(qtbot: QtBot, window: MainWindow) -> None:
    window.pane.show_find_bar()
    qtbot.waitUntil(window.pane.find_bar.edit.hasFocus)
    qtbot.keyClicks(window.pane.find_bar.edit, "12")  # QTest types Latin keys only


def highlight_in_it(_qtbot: QtBot, window: MainWindow) -> None:
    window.pane.view.select_span("body", 0, len("الفقرة"))
    window.commands["highlight"].trigger()


@pytest.mark.parametrize("act", [page_down, scroll_bar_drag, click_in_text, search_in_it,
                                 highlight_in_it])
def test_an_act_in_the_article_marks_it_read_before_the_dwell_ends(
        qtbot: QtBot, make_window: MakeWindow, library: Library,
        act: Callable[[QtBot, MainWindow], None]) -> None:
    window = make_window(LONG)
    in_the_list(qtbot, window)
    ids = [r.id for r in library.rows()]
    qtbot.keyClick(window.article_list.view, Qt.Key.Key_Down)
    assert window.current_article_id() == ids[1] and not library.get(ids[1]).read
    window.pane.view.setFocus()
    qtbot.waitUntil(window.pane.view.hasFocus)
    act(qtbot, window)
    qtbot.waitUntil(lambda: library.get(ids[1]).read)
    assert not unread_shown(window, 1)
    assert window.commands["read"].isChecked()
    assert not library.get(ids[0]).read  # the one passed on the way stays unread


def test_a_link_and_enter_mark_the_article_read_at_once(
        qtbot: QtBot, make_window: MakeWindow, library: Library) -> None:
    """Asked for by name (``rtl-reader open rtl-reader://article/ID``, Enter
    in the filter box), the article is read as it opens."""
    window = make_window(LONG)
    ids = [r.id for r in library.rows()]
    assert window.open_article(ids[4])
    assert library.get(ids[4]).read and not unread_shown(window, 4)
    window.article_list.filter_edit.setFocus()
    qtbot.waitUntil(window.article_list.filter_edit.hasFocus)
    qtbot.keyClicks(window.article_list.filter_edit, "3")  # in one title only
    qtbot.keyClick(window.article_list.filter_edit, Qt.Key.Key_Return)
    assert window.current_article_id() == library.rows()[2].id
    assert library.get(library.rows()[2].id).read


def test_the_readers_own_mark_as_unread_outlasts_the_dwell(
        qtbot: QtBot, make_window: MakeWindow, library: Library) -> None:
    """Marked read and back to unread by the reader while the dwell ran:
    nothing marks it read behind their back, not the dwell, not a scroll."""
    window = make_window(LONG)
    in_the_list(qtbot, window)
    ids = [r.id for r in library.rows()]
    qtbot.keyClick(window.article_list.view, Qt.Key.Key_Down)
    window.commands["read"].trigger()
    assert library.get(ids[1]).read and not unread_shown(window, 1)
    window.commands["read"].trigger()
    assert not library.get(ids[1]).read and unread_shown(window, 1)
    page_down(qtbot, window)  # would have ended a dwell still running
    assert not library.get(ids[1]).read


def test_an_article_left_before_its_dwell_is_unread_after_undo_too(
        qtbot: QtBot, make_window: MakeWindow, library: Library) -> None:
    """Mark all read, undone, puts back the unread state the skimming kept."""
    window = make_window(LONG)
    in_the_list(qtbot, window)
    for _ in range(3):
        qtbot.keyClick(window.article_list.view, Qt.Key.Key_Down)
    window.commands["mark_all_read"].trigger()
    assert library.count(where=ListFilter(unread=True)) == 0
    window.commands["undo"].trigger()
    qtbot.waitUntil(lambda: library.count(where=ListFilter(unread=True)) == len(library.ids()))


def test_a_reader_who_wants_it_has_articles_read_as_they_open(
        qtbot: QtBot, make_window: MakeWindow, library: Library,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Preferences: "Mark an article read as soon as it opens", kept across a
    restart; unticked, the moment there counts again."""
    from reader.gui.preferences_dialog import PreferencesDialog

    ids = [r.id for r in library.rows()]

    def choose(at_once: bool) -> None:
        def answer(dialog: PreferencesDialog) -> PreferencesDialog.DialogCode:
            dialog.read_at_once_box.setChecked(at_once)
            return PreferencesDialog.DialogCode.Accepted
        monkeypatch.setattr(PreferencesDialog, "exec", answer)
        window.commands["preferences"].trigger()

    window = make_window(LONG)
    choose(True)
    in_the_list(qtbot, window)
    qtbot.keyClick(window.article_list.view, Qt.Key.Key_Down)
    assert library.get(ids[1]).read and not unread_shown(window, 1)
    window.close()
    window = make_window(LONG)
    assert window.preferences().mark_read_at_once
    choose(False)
    in_the_list(qtbot, window)
    qtbot.keyClick(window.article_list.view, Qt.Key.Key_Down)  # from the row it reopened on
    assert window.current_article_id() == ids[2]
    assert not library.get(ids[2]).read
