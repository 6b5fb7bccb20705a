"""The lazy article list: pages on demand, the store's sort and folded filter,
read/starred marks, titles isolated so U+202E cannot reorder a row."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from reader.gui.library_model import (
    COLUMN_INDEX,
    COLUMNS,
    ID_ROLE,
    STAR_MARK,
    UNREAD_MARK,
    LibraryModel,
)
from reader.store import Article, Library
from reader.store.listing import ListFilter
from tests.gui.conftest import laid_out_line

LRI, RLI, PDI, RLO = "\u2066", "\u2067", "\u2069", "\u202e"
HAMZA_TITLE = "الوزارة أعلنت خطة جديدة للمياه"  # أعلنت: alef with hamza above
HAMZA_LESS_QUERY = "اعلنت"

DISPLAY = Qt.ItemDataRole.DisplayRole


def news(i: int, **fields: object) -> Article:
    values: dict[str, object] = {
        "title": f"خبر محلي رقم {i}", "body": f"نص الخبر رقم {i} عن المدينة.",
        "source": "وكالة الأنباء", "published": f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
    }
    values.update(fields)
    return Article(**values)  # type: ignore[arg-type]


def titles(model: LibraryModel) -> list[str]:
    col = COLUMN_INDEX["title"]
    return [model.data(model.index(r, col), DISPLAY) for r in range(model.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester, library: Library) -> None:
    library.add_articles([news(i) for i in range(30)])
    model = LibraryModel(library, page_size=7)
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 30


def test_rows_arrive_a_page_at_a_time(library: Library) -> None:
    library.add_articles(news(i) for i in range(2500))
    model = LibraryModel(library, page_size=200)
    assert model.rowCount() == 200
    assert model.total == 2500
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 2500
    ids = [model.data(model.index(r, 0), ID_ROLE) for r in range(model.rowCount())]
    assert sorted(ids) == library.ids()


def test_default_order_is_newest_first_and_sort_follows_the_column(library: Library) -> None:
    library.add_articles([news(1, title="ب خبر", published="2024-01-05"),
                          news(2, title="أ خبر", published="2024-03-01"),
                          news(3, title="ت خبر", published="2023-12-31")])
    model = LibraryModel(library)
    dates = [model.row_data(r).published for r in range(3)]
    assert dates == ["2024-03-01", "2024-01-05", "2023-12-31"]
    model.sort(COLUMN_INDEX["date"], Qt.SortOrder.AscendingOrder)
    assert [model.row_data(r).published for r in range(3)] == sorted(dates)
    model.sort(COLUMN_INDEX["title"], Qt.SortOrder.AscendingOrder)
    assert [model.row_data(r).title for r in range(3)] == ["أ خبر", "ب خبر", "ت خبر"]


def test_a_filter_without_hamza_finds_a_title_with_hamza(library: Library) -> None:
    library.add_articles([news(1), news(2, title=HAMZA_TITLE), news(3)])
    model = LibraryModel(library)
    model.set_filter(HAMZA_LESS_QUERY)
    assert model.rowCount() == 1
    assert model.row_data(0).title == HAMZA_TITLE
    model.set_filter("")
    assert model.rowCount() == 3


def test_filter_matches_the_source_too(library: Library) -> None:
    library.add_articles([news(1), news(2, source="إذاعة الوطن")])
    model = LibraryModel(library)
    model.set_filter("اذاعه")  # no hamza, ه for ة
    assert [model.row_data(r).source for r in range(model.rowCount())] == ["إذاعة الوطن"]


def test_titles_are_isolated_so_an_override_cannot_escape(library: Library) -> None:
    spoof = f"عنوان {RLO}txt.exe"
    library.add_articles([news(1, title=spoof)])
    model = LibraryModel(library)
    shown = titles(model)[0]
    assert shown[0] in (LRI, RLI) and shown.endswith(PDI)
    assert RLO not in shown  # its own controls are dropped before isolating
    assert "txt.exe" in shown


@pytest.mark.parametrize("ui", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft])
def test_a_title_that_starts_with_a_latin_name_reads_right_to_left(
        qapp: QApplication, library: Library, ui: Qt.LayoutDirection) -> None:
    """Regression (decision 6): "PWC: مؤشرات …" was isolated by its first
    letter, so the row read left to right, PWC at the left and the headline
    after it, unlike the same title in the article; the source likewise."""
    title, source = "PWC: مؤشرات بزيادة نشاط الاندماج", "BBC عربي"
    library.add_articles([news(1, title=title, source=source)])
    model = LibraryModel(library)
    for key, latin, arabic in (("title", "PWC", "مؤشرات"), ("source", "BBC", "عربي")):
        shown = model.data(model.index(0, COLUMN_INDEX[key]), DISPLAY)
        line = laid_out_line(shown, ui)
        latin_x = line.cursorToX(shown.index(latin) + 1)[0]
        arabic_x = line.cursorToX(shown.index(arabic) + 1)[0]
        assert latin_x > arabic_x, key  # the Latin name first, on the right


def test_read_and_starred_are_shown_and_updated_in_place(library: Library) -> None:
    [first, second] = [r.id for r in library.add_articles([news(1), news(2, read=True)])]
    library.set_starred(first, True)
    model = LibraryModel(library)
    row_first, row_second = model.row_of(first), model.row_of(second)
    read_col, star_col = COLUMN_INDEX["read"], COLUMN_INDEX["starred"]
    assert model.data(model.index(row_first, read_col), DISPLAY) == UNREAD_MARK
    assert model.data(model.index(row_second, read_col), DISPLAY) == ""
    assert model.data(model.index(row_first, star_col), DISPLAY) == STAR_MARK
    unread_font = model.data(model.index(row_first, 0), Qt.ItemDataRole.FontRole)
    assert unread_font is not None and unread_font.bold()
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, *_: changed.append(top.row()))
    model.update_state(first, read=True, starred=False)
    assert changed == [row_first]
    assert model.data(model.index(row_first, read_col), DISPLAY) == ""
    assert model.data(model.index(row_first, star_col), DISPLAY) == ""


def test_refresh_shows_articles_added_by_another_connection(library: Library,
                                                            store_path: Path) -> None:
    library.add_articles([news(1)])
    model = LibraryModel(library)
    with Library.open(store_path) as other:
        other.add_articles([news(2), news(3)])
    assert model.rowCount() == 1
    model.refresh()
    assert model.rowCount() == 3


def test_search_results_replace_the_list_until_cleared(library: Library) -> None:
    library.add_articles([news(1), news(2, title=HAMZA_TITLE), news(3)])
    model = LibraryModel(library)
    hits = library.search(HAMZA_LESS_QUERY)
    model.set_search_results(hits)
    assert model.searching
    assert model.rowCount() == 1 and model.row_data(0).title == HAMZA_TITLE
    assert model.search_hit(0) is hits[0]
    assert not model.canFetchMore(QModelIndex())
    model.clear_search_results()
    assert not model.searching and model.rowCount() == 3


def test_headers_name_every_column(library: Library) -> None:
    model = LibraryModel(library)
    names = [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.AccessibleTextRole)
             for c in range(model.columnCount())]
    assert names == ["Title", "Source", "Date", "Quotes", "Figures", "Read", "Starred"]
    # The narrow columns carry a sign; the tooltip says what it counts or marks.
    tips = [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            for c in range(model.columnCount())]
    assert tips[3:] == ["«» Quotations in the article", "# Figures in the article",
                        "● Unread articles", "★ Starred articles"]


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(column=st.sampled_from(range(len(COLUMNS))), descending=st.booleans(),
       page=st.integers(1, 40), filter_text=st.sampled_from(["", "خبر", "اعلن", "9", "zz"]))
def test_paging_adds_up_to_the_store_order(library: Library, column: int, descending: bool,
                                           page: int, filter_text: str) -> None:
    if library.count() == 0:
        library.add_articles([news(i) for i in range(57)] + [news(99, title=HAMZA_TITLE)])
    model = LibraryModel(library, page_size=page)
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    model.sort(column, order)
    model.set_filter(filter_text)
    while model.canFetchMore(QModelIndex()):
        before = model.rowCount()
        model.fetchMore(QModelIndex())
        assert model.rowCount() - before <= page
    expected = library.rows(sort=COLUMNS[column].sort, descending=descending,
                            where=ListFilter(text=filter_text))
    assert [model.article_id(r) for r in range(model.rowCount())] == [r.id for r in expected]


def test_rows_the_store_cannot_give_end_the_list_with_a_line_not_in_qt(
        library: Library) -> None:
    """The view asks for more rows as it scrolls, from Qt's event loop: a
    store that fails then (closed, damaged, gone) said so with a traceback
    out of that loop. The list keeps its rows and says why."""
    library.add_articles([news(i) for i in range(30)])
    model = LibraryModel(library, page_size=7)
    said: list[str] = []
    model.error_occurred.connect(said.append)
    library.close()
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 7 and not model.canFetchMore(QModelIndex())
    assert len(said) == 1 and said[0].endswith("the store is closed")


def test_a_result_deleted_and_brought_back_is_a_result_again_at_its_rank(
        library: Library) -> None:
    """From a day of use: a search result deleted, then restored by Ctrl+Z,
    was open in the pane but missing from the results (one result left)."""
    library.add_articles([news(i) for i in range(5)])
    model = LibraryModel(library)
    model.set_search_results(library.search("المدينة"))
    shown = [model.article_id(r) for r in range(model.rowCount())]
    assert len(shown) == 5
    deleted = library.delete_keeping(shown[2])
    model.refresh()
    assert [model.article_id(r) for r in range(model.rowCount())] == shown[:2] + shown[3:]
    library.restore_article(deleted)
    model.refresh()
    assert [model.article_id(r) for r in range(model.rowCount())] == shown
