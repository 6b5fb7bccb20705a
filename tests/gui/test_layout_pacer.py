"""The reading view lays a long article out in slices (``LayoutPacer``): the
layout still reaches the end as the event loop turns, the scroll bar then
spans the whole document, a new width starts it over, and find marks sit
on their words once it is done."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.gui.article_pane import ArticlePane
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
