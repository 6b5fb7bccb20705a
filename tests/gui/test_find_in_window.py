"""Find in the real window, by keys: a second Ctrl+F finds again (issue 14,
item 3), and a pasted page cannot freeze the window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.gui.find_bar import MAX_QUERY_CHARS
from reader.gui.main_window import MainWindow
from reader.store import Article, Library
from tests.gui.conftest import on_screen

BODY = "\n".join(f"قال الوزير في الفقرة {i} إن الخطة ستبدأ قريبًا." for i in range(6))



@pytest.fixture
def window(qtbot: QtBot, store_path: Path) -> Iterator[MainWindow]:
    with Library.open(store_path) as library:
        library.add_articles([Article(title="خطة الوزير", body=BODY, published="2024-05-02")])
        w = MainWindow(library, settings=None, poll_ms=0)
        on_screen(qtbot, w, 1000, 650, active=True)
        yield w
        w.close()


def ctrl_f(qtbot: QtBot, window: MainWindow) -> None:
    view = window.pane.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.pane.find_bar.edit.hasFocus)


def test_reopening_find_shows_the_count_and_enter_and_f3_move(
        qtbot: QtBot, window: MainWindow) -> None:
    bar = window.pane.find_bar
    ctrl_f(qtbot, window)
    bar.edit.setText("الخطة")  # typed (QTest cannot type Arabic letters)
    qtbot.waitUntil(lambda: bar.counter.text() == "1 / 6")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and bar.counter.text() == "0 / 0"
    ctrl_f(qtbot, window)
    assert bar.edit.text() == "الخطة" and bar.edit.selectedText() == "الخطة"
    assert bar.counter.text() == "1 / 6"  # not 0 / 0: the kept term is searched again
    assert len(window.pane.view.find_selections()) == 7  # every hit and the current one
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.counter.text() == "2 / 6"
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3)
    assert bar.counter.text() == "3 / 6"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.counter.text() == "2 / 6"


def test_f3_after_escape_opens_and_finds_the_kept_term(qtbot: QtBot,
                                                        window: MainWindow) -> None:
    bar = window.pane.find_bar
    ctrl_f(qtbot, window)
    bar.edit.setText("الوزير")
    qtbot.waitUntil(lambda: bar.counter.text() == "1 / 7")  # the title has it too
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    window.pane.view.setFocus()
    qtbot.waitUntil(window.pane.view.hasFocus)
    qtbot.keyClick(window.pane.view, Qt.Key.Key_F3)
    assert bar.isVisible() and bar.counter.text() == "1 / 7"


def test_a_pasted_page_is_cut_to_the_limit_and_the_bar_says_so(
        qtbot: QtBot, window: MainWindow) -> None:
    bar = window.pane.find_bar
    ctrl_f(qtbot, window)
    QApplication.clipboard().setText(" ".join(["الخطة"] * 150_000))
    bar.edit.paste()
    assert len(bar.edit.text()) == MAX_QUERY_CHARS
    assert bar.notice.isVisible() and "1,000" in bar.notice.text()
    bar.search_now()  # a thousand characters search at once
    assert bar.error() == "" or bar.counter.text() == "!"
    bar.edit.setText("الخطة")
    bar.search_now()
    assert not bar.notice.isVisible()
    bar.open_bar("و" * (MAX_QUERY_CHARS + 50))  # a query handed over is cut too
    assert len(bar.edit.text()) == MAX_QUERY_CHARS and bar.notice.isVisible()


def test_opening_find_leaves_the_article_its_width(qtbot: QtBot, window: MainWindow) -> None:
    """The bar fits the pane rather than widening it (a wider pane reflows
    the article just as the search starts, and lays a long one out again):
    its options are in a menu, whole, and the button says how many are on."""
    view = window.pane.view
    width, panel = view.viewport().width(), window.pane.highlights_panel.width()
    ctrl_f(qtbot, window)
    QApplication.processEvents()
    assert window.pane.find_bar.width() <= window.pane.width()
    assert view.viewport().width() == width
    assert window.pane.highlights_panel.width() == panel
    bar = window.pane.find_bar
    assert bar.options_button.text() == "Options"
    assert [a.text() for a in bar.options_button.menu().actions()] == [
        "Match diacritics", "Match hamza", "Whole word"]
    bar.set_texts([("body", "زار المدينة ثم مدينة أخرى ومدينتين")])
    bar.edit.setText("مدين")
    bar.search_now()
    assert len(bar.spans()) == 3
    bar.whole_word.trigger()  # as a click in the menu does
    assert bar.options_button.text() == "Options (1)"
    assert "Whole word" in bar.options_button.toolTip()
    assert bar.spans() == []  # searched again, with the option
    assert view.viewport().width() == width


def test_find_right_after_ctrl_home_starts_at_the_top(qtbot: QtBot, store_path: Path) -> None:
    """Ctrl+Home then Ctrl+F at once (found in an hour of use): the bar's
    opening resized the view, which went back to the place reported before
    the Ctrl+Home, and the search started from there ("3 / 4", not "1 / 4")."""
    body = "\n".join(f"قال الوزير في الفقرة {i} إن الخطة ستبدأ قريبًا." for i in range(300))
    with Library.open(store_path) as library:
        library.add_articles([Article(title="خطة الوزير", body=body, published="2024-05-02")])
        w = MainWindow(library, settings=None, poll_ms=0)
        on_screen(qtbot, w, 1000, 650, active=True)
        view, bar = w.pane.view, w.pane.find_bar
        scroll = view.verticalScrollBar()
        qtbot.waitUntil(lambda: not view.is_laying_out())
        scroll.setValue(scroll.maximum() // 2)  # the reader scrolls to the middle
        view.settle_position()
        assert view.reading_position() > 0
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
        top = scroll.value()
        assert top < view.viewport().height() and view.has_pending_position()
        # Ctrl+F before the scroll is reported: the bar opens and takes its
        # room (the view's resize) with no turn of the event loop between.
        w.pane.show_find_bar("الخطة")
        w.pane.layout().activate()
        bar.search_now()
        assert bar.counter.text() == "1 / 300"
        assert scroll.value() <= top
        w.close()


def test_escape_in_the_article_closes_the_find_bar(qtbot: QtBot, window: MainWindow) -> None:
    """With the focus back in the text (a click, or a library search result
    opened), Esc still closes the bar (found in an hour of use)."""
    bar, view = window.pane.find_bar, window.pane.view
    ctrl_f(qtbot, window)
    bar.edit.setText("الخطة")
    qtbot.waitUntil(lambda: bar.counter.text() == "1 / 6")
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert view.find_selections() == []


def test_escape_leaves_the_found_word_where_it_was(qtbot: QtBot, store_path: Path) -> None:
    """A hit is brought to the middle of the view; Esc closed the bar and the
    view, growing by the bar's room, put the hit's line at the top: the page
    jumped half a screen under the reader's eyes (found in a day of use)."""
    body = "\n".join(f"قال الوزير في الفقرة {i} إن الخطة ستبدأ قريبًا وإن العمل سيستمر."
                     for i in range(200)).replace("الفقرة 150 ", "الفقرة 150 الفريدة ")
    with Library.open(store_path) as library:
        library.add_articles([Article(title="خطة الوزير", body=body, published="2024-05-02")])
        w = MainWindow(library, settings=None, poll_ms=0)
        on_screen(qtbot, w, 1000, 650, active=True)
        view, bar = w.pane.view, w.pane.find_bar
        qtbot.waitUntil(lambda: not view.is_laying_out())
        ctrl_f(qtbot, w)
        bar.edit.setText("الفريدة")
        qtbot.waitUntil(lambda: bar.counter.text() == "1 / 1")
        start = body.index("الفريدة")

        def hit() -> QRect:
            cursor = view.textCursor()
            cursor.setPosition(view.offsets.span_to_qt("body", start, start + 1)[0])
            rect = view.cursorRect(cursor)
            return QRect(view.viewport().mapTo(w, rect.topLeft()), rect.size())

        before = hit()
        qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
        w.pane.layout().activate()
        qtbot.wait(50)
        assert not bar.isVisible()
        # The text moves up by the bar's room at most, give or take a line.
        assert abs(hit().y() - before.y()) <= bar.height() + before.height()
        w.close()


def shows_current_hit(window: MainWindow) -> bool:
    """Whether the middle of the find's current hit shows its colour on screen."""
    view, bar = window.pane.view, window.pane.find_bar
    name, start, end = bar.spans()[bar.current_index()]
    a, b = view.offsets.span_to_qt(name, start, end)
    cursor = view.textCursor()
    cursor.setPosition(a)
    left = view.cursorRect(cursor)
    cursor.setPosition(b)
    right = view.cursorRect(cursor)
    image = view.viewport().grab().toImage()
    colour = view.theme().colour("find_current")
    y = left.center().y()
    return any(image.pixelColor(x, y) == colour
               for x in range(min(left.x(), right.x()), max(left.x(), right.x())))


def test_find_after_select_all_shows_its_hits(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+A, then Ctrl+F and a word (seen in a real window): the count said
    "1 / 6" but the whole article stayed selected over the marks, so no hit
    showed. The find takes the selection to its hit, as an editor does."""
    view, bar = window.pane.view, window.pane.find_bar
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert view.textCursor().hasSelection()
    ctrl_f(qtbot, window)
    bar.edit.setText("الخطة")
    qtbot.waitUntil(lambda: bar.counter.text() == "1 / 6")
    assert view.textCursor().selectedText() == ""
    qtbot.waitUntil(lambda: shows_current_hit(window))
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)  # Next takes the caret along
    _field, start, _end = bar.spans()[1]
    assert view.textCursor().position() == view.offsets.span_to_qt("body", start, start)[0]


LONG = "\n".join(
    f"قال خالد في الفقرة {i} إن الخطة ستبدأ قريبًا"
    + (" بعد مقتل خاشقجي." if i % 7 == 3 else ".") for i in range(400))


def test_typing_a_query_never_walks_the_reader_back_up_the_article_regression(
        qtbot: QtBot, store_path: Path) -> None:
    """Was: every letter typed moved the current hit up (16/28, 9/17, 5/11 …
    until the subtitle): the hit was centred even in view, the next search
    began at the new top, above it. And Ctrl+F again after reading on
    jumped back to a hit above the page being read."""
    with Library.open(store_path) as library:
        library.add_articles([Article(title="خطة خالد", body=LONG, published="2024-05-02")])
        window = MainWindow(library, settings=None, poll_ms=0)
        on_screen(qtbot, window, 1000, 650, active=True)
        try:
            view, bar = window.pane.view, window.pane.find_bar
            bar_value = view.verticalScrollBar()
            qtbot.waitUntil(lambda: bar_value.maximum() > 5000)
            bar_value.setValue(int(bar_value.maximum() * 0.6))
            top = bar_value.value()
            origin = view.first_visible()
            ctrl_f(qtbot, window)
            for typed in ("خ", "خا", "خاش", "خاشق", "خاشقجي"):
                bar.edit.setText(typed)  # typed letter by letter (QTest types no Arabic)
                qtbot.waitUntil(lambda: not bar.is_search_pending())
                field, start, _end = bar.found()[bar.current_index()]
                assert (field, start) >= origin, typed  # at or after the page being read
                assert bar_value.value() >= top, typed  # the view never moved up
                top = bar_value.value()
            qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
            view.setFocus()
            qtbot.waitUntil(view.hasFocus)
            for _ in range(4):  # read on
                qtbot.keyClick(view, Qt.Key.Key_PageDown)
            top, origin = bar_value.value(), view.first_visible()
            ctrl_f(qtbot, window)
            qtbot.waitUntil(lambda: bar.counter.text() != "0 / 0")
            field, start, _end = bar.found()[bar.current_index()]
            assert (field, start) >= origin
            assert bar_value.value() >= top
        finally:
            window.close()
