"""A query typed the moment a long article opens (issue 16 item 1): the count
and the marks near the view show while the document is still laid out in
slices and the highlights list still filled in batches; both make way for the
search for one turn of the event loop, then go on and finish; the list keeps
its width while it fills, so filling it never lays the window out again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.gui.article_pane import ArticlePane
from reader.store import Article, Library
from tests.gui.test_find_marks import check_marks, engine, near_the_view, search
from tests.gui.test_layout_pacer import PaintLog, laid_out_blocks
from tests.gui.test_reading_view import open_pane, sample_article

LONG = sample_article(paragraphs=300)  # ~90k characters, 1,500 highlights
QUERY = "الشهر"


@pytest.fixture
def library(store_path: Path) -> Library:
    with Library.open(store_path) as lib:
        yield lib


def filled(pane: ArticlePane) -> QSize:
    """How far the highlights list has laid its rows out (it grows as it fills)."""
    return pane.highlights_panel.list.contentsSize()


def list_complete(pane: ArticlePane) -> bool:
    """Every row of the highlights list laid out (a row not yet laid out has
    no rectangle)."""
    panel = pane.highlights_panel
    rows = panel.proxy.rowCount()
    return rows > 0 and all(panel.list.visualRect(panel.proxy.index(row, 0)).isValid()
                            for row in (0, rows // 2, rows - 1))


def wait_done(qtbot: QtBot, pane: ArticlePane) -> None:
    qtbot.waitUntil(lambda: not pane.view.is_laying_out() and list_complete(pane),
                    timeout=10_000)


def test_a_query_typed_as_the_article_opens_is_counted_and_marked_before_the_layout_ends(
        qtbot: QtBot, library: Library) -> None:
    pane, article_id = open_pane(qtbot, library, LONG)
    view = pane.view
    pane.show_find_bar()
    search(qtbot, pane, QUERY)  # the moment it is painted: nothing else ran
    expected = engine(LONG, QUERY)
    assert len(expected) > 100
    assert pane.find_bar.counter.text() == f"1 / {len(expected)}"
    assert view.is_laying_out() and not list_complete(pane)
    QApplication.processEvents()  # the turn that paints them
    shown = check_marks(view, expected)
    assert shown and shown[0] == expected[0] and near_the_view(view, shown)
    assert view.is_laying_out()

    wait_done(qtbot, pane)
    doc = view.document()
    assert laid_out_blocks(doc) == doc.blockCount()
    stored = library.highlights(article_id)
    assert sorted(h.id for h in pane.highlights_panel.shown_records()) == sorted(
        h.id for h in stored)
    panel = pane.highlights_panel
    assert all(panel.list.visualRect(panel.proxy.index(row, 0)).isValid()
               for row in range(panel.proxy.rowCount()))
    # The marks stay on their words once the layout is whole, at the end too.
    QApplication.processEvents()  # Qt's own size report, let through again
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    shown = check_marks(view, expected)
    assert shown[-1] == expected[-1] and near_the_view(view, shown)


def test_a_search_holds_the_layout_and_the_list_for_one_turn_only(
        qtbot: QtBot, library: Library) -> None:
    pane, _ = open_pane(qtbot, library, LONG)
    view = pane.view
    doc = view.document()
    pane.show_find_bar()
    QApplication.processEvents()
    QApplication.processEvents()
    assert view.is_laying_out() and not list_complete(pane)
    paints = PaintLog(view.viewport(), doc)
    search(qtbot, pane, QUERY)
    blocks, rows = laid_out_blocks(doc), filled(pane)
    QApplication.processEvents()  # the turn after the hits: paint only
    assert paints.laid == [blocks]  # the marks painted, nothing laid out first
    assert laid_out_blocks(doc) == blocks and filled(pane) == rows
    QApplication.processEvents()  # and the one after it: both go on
    assert laid_out_blocks(doc) > blocks and filled(pane).height() > rows.height()
    wait_done(qtbot, pane)
    assert laid_out_blocks(doc) == doc.blockCount()


def test_typing_letter_by_letter_as_it_opens_still_lets_the_work_finish(
        qtbot: QtBot, library: Library) -> None:
    # Every keystroke's hits hold a turn; the layout and the list still end.
    pane, _ = open_pane(qtbot, library, LONG)
    pane.show_find_bar()
    for k in range(2, len(QUERY) + 1):
        search(qtbot, pane, QUERY[:k])
        QApplication.processEvents()
    wait_done(qtbot, pane)
    assert pane.find_bar.counter.text().endswith(f"/ {len(engine(LONG, QUERY))}")


def test_the_highlights_list_keeps_its_width_while_it_fills(
        qtbot: QtBot, library: Library) -> None:
    # A short list first (no scroll bar needed), then 1,500 rows: a scroll
    # bar appearing during the fill would narrow the rows, and the list would
    # lay them out again from the first.
    pane, _ = open_pane(qtbot, library, Article(title="خطة", body="قال «نعم» في 2024."))
    panel = pane.highlights_panel
    QApplication.processEvents()
    width = panel.list.viewport().width()
    assert panel.list.verticalScrollBar().isVisible()  # there, greyed, while it is short
    pane.open_article(library.add_article(LONG).id)
    widths = set()
    while not list_complete(pane):
        QApplication.processEvents()
        widths.add(panel.list.viewport().width())
    assert widths == {width}
