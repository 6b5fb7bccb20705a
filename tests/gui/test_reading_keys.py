"""Reading with the keyboard: the page keys turn the page, the arrow keys
move the caret, wherever the reader last clicked, and Ctrl+End reads all.

Found by hand in a real window: after a click near the end of an Arabic
line, Page Down moved the caret one line and the view stayed where it was.
Qt turns the page by moving the caret down line by line, keeping the x it
had; in right-to-left text that x can land on the boundary of a wrapped
line, where the caret does not move, and then Qt does not scroll at all.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from reader.gui.article_pane import ArticlePane
from reader.importers.samples import load_samples
from reader.store import Library


@pytest.fixture
def panes(qtbot: QtBot, library: Library) -> tuple[ArticlePane, list[int]]:
    ids = [library.add_article(article).id for article in load_samples()]
    pane = ArticlePane(library)
    qtbot.addWidget(pane)
    pane.resize(900, 600)
    pane.show()
    qtbot.waitExposed(pane)
    return pane, ids


def _clicks(pane: ArticlePane) -> list[QPoint]:
    """Points spread over the viewport: near both ends of lines and between."""
    rect = pane.view.viewport().rect()
    return [QPoint(rect.width() * fx // 20, rect.height() * fy // 10)
            for fx in (1, 2, 5, 10, 15, 18, 19) for fy in (2, 5, 8)]


def _open_at_top(qtbot: QtBot, pane: ArticlePane, article_id: int) -> None:
    pane.open_article(article_id, at=0)
    qtbot.waitUntil(lambda: not pane.view.is_laying_out())
    pane.view.verticalScrollBar().setValue(0)


def test_page_down_turns_a_page_wherever_the_reader_clicked(
    qtbot: QtBot, panes: tuple[ArticlePane, list[int]]
) -> None:
    pane, ids = panes
    view, bar = pane.view, pane.view.verticalScrollBar()
    for article_id in ids:
        for point in _clicks(pane):
            _open_at_top(qtbot, pane, article_id)
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
            top = bar.value()
            qtbot.keyClick(view, Qt.Key.Key_PageDown)
            assert bar.value() == min(top + bar.pageStep(), bar.maximum()), (article_id, point)
            caret = view.cursorRect()
            assert view.viewport().rect().intersects(caret), (article_id, point)
            qtbot.keyClick(view, Qt.Key.Key_PageUp)
            assert bar.value() == top, (article_id, point)


def test_down_arrow_always_moves_the_caret_until_the_end(
    qtbot: QtBot, panes: tuple[ArticlePane, list[int]]
) -> None:
    pane, ids = panes
    view = pane.view
    for article_id in ids:
        _open_at_top(qtbot, pane, article_id)
        doc = view.document()
        end = doc.characterCount() - 1
        for start in range(0, end, 29):  # carets all over the text, lines' ends among them
            cursor = QTextCursor(doc)
            cursor.setPosition(start)
            view.setTextCursor(cursor)
            lines = 0
            while view.textCursor().position() < end and lines < 200:
                before = view.textCursor().position()
                qtbot.keyClick(view, Qt.Key.Key_Down)
                after = view.textCursor().position()
                if after == before:
                    # Only the last line of the document may keep the caret.
                    block = view.textCursor().block()
                    layout = block.layout()
                    line = layout.lineForTextPosition(after - block.position())
                    assert block == doc.lastBlock(), (article_id, start, after)
                    assert line.lineNumber() == layout.lineCount() - 1, (article_id, start)
                    break
                lines += 1
            assert lines < 200


def test_ctrl_end_reads_the_whole_article(
    qtbot: QtBot, panes: tuple[ArticlePane, list[int]]
) -> None:
    """The last line in view is the whole article read, though the margin
    below it is not (it said 97-98%, found in an hour of use)."""
    pane, ids = panes
    view, bar = pane.view, pane.view.verticalScrollBar()
    for article_id in ids:
        _open_at_top(qtbot, pane, article_id)
        assert bar.maximum() > 0  # longer than the view
        assert pane.reading_progress() < 100
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        assert pane.reading_progress() == 100, article_id


def test_ctrl_home_goes_back_to_the_top_of_the_article_with_its_margin(
        qtbot: QtBot, panes: tuple[ArticlePane, list[int]]) -> None:
    """A tester's day: after Ctrl+Home the headline stood flush against the
    top, without the margin it opens with."""
    pane, ids = panes
    _open_at_top(qtbot, pane, ids[0])
    view = pane.view
    bar = view.verticalScrollBar()
    assert bar.value() == 0 and bar.maximum() > 0
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() > 0
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == 0
    assert view.textCursor().position() == 0
