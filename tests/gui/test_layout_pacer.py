"""The reading view lays a long article out in slices (``LayoutPacer``): the
layout still reaches the end as the event loop turns, the scroll bar then
spans the whole document, a new width starts it over, find marks sit on
their words once it is done, and a search's marks are painted before the
next slice. While Qt lays out, the view finds the block at a height by its
rectangle (``ReadingView._block_at``), starting from a hint no public call
can set: the property test sets it."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.gui.article_pane import ArticlePane
from reader.gui.reading_view import ReadingView
from reader.store import Article, Library
from tests.gui.test_find_marks import LONG, check_marks, engine, near_the_view, search
from tests.gui.test_reading_view import open_pane

PARAGRAPHS = "\n".join(f"الفقرة {i}: قال الوزير إن الخطة في العاصمة ستبدأ قريبا." * 3
                       for i in range(2000))


@pytest.fixture
def library(store_path: Path) -> Iterator[Library]:
    lib = Library.open(store_path)
    yield lib
    lib.close()


def test_a_long_article_is_laid_out_to_the_end_in_slices(
        qtbot: QtBot, library: Library) -> None:
    pane, _ = open_pane(qtbot, library, Article(title="خطة", body=PARAGRAPHS))
    view = pane.view
    assert view.is_laying_out()
    QApplication.processEvents()
    assert view.is_laying_out()  # one turn of the loop lays out a slice, not all
    qtbot.waitUntil(lambda: not view.is_laying_out())
    QApplication.processEvents()  # Qt's own size report, let through again
    height = view.document().documentLayout().documentSize().height()
    bar = view.verticalScrollBar()
    assert bar.maximum() == pytest.approx(height - view.viewport().height(), abs=2)


def test_the_view_lays_out_a_long_article_and_scrolls_to_its_end(
        qtbot: QtBot, library: Library) -> None:
    pane, _ = open_pane(qtbot, library, Article(title="خطة", body=PARAGRAPHS))
    view = pane.view
    qtbot.waitUntil(lambda: not view.is_laying_out())
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    name, index = view.first_visible()
    assert name == "body" and index > len(PARAGRAPHS) - 2000


def test_a_new_width_lays_out_again_and_marks_stay_on_their_words(
        qtbot: QtBot, library: Library) -> None:
    pane, _ = open_pane(qtbot, library, LONG)
    pane.show_find_bar()
    view = pane.view
    search(qtbot, pane, "الخطة")
    expected = engine(LONG, "الخطة")
    pane.resize(pane.width() - 200, pane.height())  # every line wraps anew
    assert view.is_laying_out()
    qtbot.waitUntil(lambda: not view.is_laying_out())
    shown = check_marks(view, expected)
    assert expected[0] in shown and near_the_view(view, shown)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    shown = check_marks(view, expected)
    assert shown[-1] == expected[-1] and near_the_view(view, shown)


def test_opening_an_article_while_the_last_is_laid_out(qtbot: QtBot, library: Library) -> None:
    pane, _ = open_pane(qtbot, library, Article(title="خطة", body=PARAGRAPHS))
    assert pane.view.is_laying_out()
    second = library.add_article(LONG).id
    pane.open_article(second)
    pane.show_find_bar()
    search(qtbot, pane, "الخطة")
    qtbot.waitUntil(lambda: not pane.view.is_laying_out())
    assert isinstance(pane, ArticlePane)
    assert engine(LONG, "الخطة")[0] in check_marks(pane.view, engine(LONG, "الخطة"))


def laid_out_blocks(doc: QTextDocument) -> int:
    """How many blocks from the top Qt has laid out (asking a block's
    rectangle would lay it out; its lines are there once it is)."""
    block, count = doc.begin(), 0
    while block.isValid() and block.layout().lineCount() > 0:
        block, count = block.next(), count + 1
    return count


class PaintLog(QObject):
    """The number of blocks laid out each time ``widget`` is painted."""

    def __init__(self, widget: QObject, doc: QTextDocument) -> None:
        super().__init__(widget)
        self.laid: list[int] = []
        self._doc = doc
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.laid.append(laid_out_blocks(self._doc))
        return False


def test_a_search_is_painted_before_the_next_slice_and_the_layout_still_ends(
        qtbot: QtBot, library: Library) -> None:
    # A turn of the event loop sends the posted paint before the pacer's
    # timer fires (checked on the offscreen and xcb platforms), so a search's
    # marks never wait behind a slice; the pacer also skips that turn
    # (``reader.gui.turns``), so the frame is not held after the paint either.
    pane, _ = open_pane(qtbot, library, Article(title="خطة", body=PARAGRAPHS))
    view = pane.view
    doc = view.document()
    pane.show_find_bar()
    QApplication.processEvents()
    assert view.is_laying_out()
    paints = PaintLog(view.viewport(), doc)
    search(qtbot, pane, "العاصمة")
    laid = laid_out_blocks(doc)
    qtbot.waitUntil(lambda: bool(paints.laid))
    assert paints.laid[0] == laid  # the marks painted, nothing laid out first
    assert check_marks(view, engine(Article(title="خطة", body=PARAGRAPHS), "العاصمة"))
    assert view.is_laying_out()
    qtbot.waitUntil(lambda: not view.is_laying_out())
    assert laid_out_blocks(doc) == doc.blockCount()
    QApplication.processEvents()  # Qt's own size report, let through again
    height = doc.documentLayout().documentSize().height()
    assert view.verticalScrollBar().maximum() == pytest.approx(
        height - view.viewport().height(), abs=2)
    search(qtbot, pane, "الوزير")
    assert not view.is_laying_out()  # a search starts no layout


def varied_paragraphs(count: int) -> str:
    """``count`` paragraphs of 0 to 150 words: blocks of one to many lines."""
    rng = random.Random(16)
    words = "قال الوزير إن الخطة في العاصمة ستبدأ قريبا والحكومة أعلنت".split()
    return "\n".join(" ".join(rng.choices(words, k=rng.choice((0, 1, 3, 12, 40, 150))))
                     for _ in range(count))


def first_block_below(view: ReadingView, y: float) -> int:
    """The number of the first block whose bottom lies below ``y`` (the last
    block when none does), block by block from the top."""
    doc = view.document()
    layout = doc.documentLayout()
    block = doc.begin()
    while block.next().isValid() and layout.blockBoundingRect(block).bottom() <= y:
        block = block.next()
    return block.blockNumber()


def test_the_block_at_a_height_is_the_same_from_any_hint(
        qtbot: QtBot, library: Library) -> None:
    pane, _ = open_pane(qtbot, library, Article(title="خطة", body=varied_paragraphs(400)))
    view = pane.view
    doc = view.document()
    layout = doc.documentLayout()
    count = doc.blockCount()
    assert count > 300

    @settings(max_examples=300, deadline=None)
    @given(y=st.one_of(st.floats(-50.0, 1e5), st.integers(0, count - 1)),
           hint=st.integers(0, count + 50))
    def same_block(y: float | int, hint: int) -> None:
        if isinstance(y, int):  # a block's bottom: the boundary between two answers
            y = layout.blockBoundingRect(doc.findBlockByNumber(y)).bottom()
        view._block_hint = hint
        # Asked before the scan lays everything out: the answer must not
        # depend on how far Qt has got.
        found = view._block_at(y).blockNumber()
        assert found == first_block_below(view, y)

    same_block()  # as the article opens, laid out in slices
    pane.resize(pane.width() - 300, pane.height())  # every block's height changes
    assert view.is_laying_out()
    same_block()  # hints from the old width, the layout begun again
    qtbot.waitUntil(lambda: not view.is_laying_out())
    same_block()
    assert layout.blockBoundingRect(doc.lastBlock()).bottom() < 1e5  # y past the end drawn too
