"""Find as you type in a long article (issue 16 item 1): the bar counts every
hit from the engine's arrays, the view marks only the hits near what it
shows (again where it scrolls, on the right characters, emoji before them
included), Next goes past the marked part, and a keystroke supersedes the
search of the one before it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import reader.gui.find_bar
import reader.text
from reader.gui.article_pane import ArticlePane
from reader.gui.display_text import ZERO_WIDTH_SPACE, safe_text
from reader.gui.find_bar import DEBOUNCE_MS
from reader.gui.reading_view import ReadingView
from reader.store import Article, Library
from reader.text import TEXT_FIELDS, ArticleHits, FieldHits
from tests.gui.display_oracle import shaped_texts, shown_field, small_limits
from tests.gui.test_reading_view import cursor_text, open_pane

EMOJI = "\U0001f600"  # one str index, two UTF-16 units
FLAG = "\U0001f1ea\U0001f1ec"  # two astral characters
MATH_A = "\U0001d400"  # MATHEMATICAL BOLD CAPITAL A, a letter outside the BMP

# Every paragraph has astral characters before its hits, so a mark one unit
# off per emoji would land on the wrong letters further down.
LONG_BODY = "\n".join(
    f"{EMOJI} قال الوزير في الفقرة {i} {FLAG} إن الخطة في العاصمة {MATH_A} ستبدأ قريبا."
    for i in range(1500))
LONG = Article(title="خطة الوزير في العاصمة", body=LONG_BODY)

Span = tuple[str, int, int]


@pytest.fixture
def pane(qtbot: QtBot, library: Library) -> ArticlePane:
    p, _ = open_pane(qtbot, library, LONG)
    p.show_find_bar()
    return p


def engine(article: Article, query: str) -> list[Span]:
    return [(name, m.start, m.end) for name in TEXT_FIELDS
            for m in reader.text.find(article.field_text(name), query)]


def marked(view: ReadingView, role: str = "find_hit") -> list[tuple[Span, str]]:
    """What Qt holds as ExtraSelections in the colour of ``role``: each one's
    span in the article (through the view's one offset map) and its text."""
    colour = view.theme().colour(role)
    found = []
    for sel in view.extraSelections():
        if sel.format.background().color() != colour:
            continue
        span = view.offsets.selection_span(sel.cursor.selectionStart(),
                                           sel.cursor.selectionEnd())
        assert span is not None
        found.append((span, cursor_text(sel.cursor).replace(ZERO_WIDTH_SPACE, "")))
    return found


def check_marks(view: ReadingView, expected: list[Span]) -> list[Span]:
    """Every find mark is one of ``expected`` and covers exactly its text;
    the marked spans, in order."""
    article = view.article
    assert article is not None
    spans = []
    for (name, start, end), text in marked(view):
        assert (name, start, end) in expected
        assert text == article.field_text(name)[start:end]
        spans.append((name, start, end))
    return sorted(spans)


def near_the_view(view: ReadingView, spans: list[Span]) -> bool:
    """Each span within a screen above or below the view (whole paragraphs)."""
    height = view.viewport().height()
    for name, start, _end in spans:
        cursor = view.textCursor()
        cursor.setPosition(view.offsets.to_qt(name, start))
        top = view.cursorRect(cursor).top()
        if not -2 * height <= top <= 3 * height:
            return False
    return True


def search(qtbot: QtBot, p: ArticlePane, query: str) -> None:
    with qtbot.waitSignal(p.find_bar.hits_changed):
        p.find_bar.edit.setText(query)  # what typing the last letter fires


def test_the_count_is_the_engines_for_a_frequent_word_in_a_long_article(
        qtbot: QtBot, pane: ArticlePane) -> None:
    search(qtbot, pane, "في")
    expected = engine(LONG, "في")
    assert len(expected) == 3001  # the title's and two a paragraph
    found = pane.find_bar.found()
    assert isinstance(found, ArticleHits) and len(found) == len(expected)
    assert pane.find_bar.counter.text() == f"1 / {len(expected)}"
    assert list(found) == expected


def test_only_the_hits_near_the_view_are_marked_then_those_at_the_end(
        qtbot: QtBot, pane: ArticlePane) -> None:
    view = pane.view
    search(qtbot, pane, "الخطة")
    expected = engine(LONG, "الخطة")
    shown = check_marks(view, expected)
    assert 0 < len(shown) < len(expected) // 10
    assert shown[0] == expected[0]  # the view is at the top
    assert near_the_view(view, shown)
    (current, text), = marked(view, "find_current")
    assert current == expected[0] and text == "الخطة"

    # The bar reaches the end once the layout has: it grows as the pacer goes.
    qtbot.waitUntil(lambda: not view.is_laying_out())
    QApplication.processEvents()  # Qt's own size report, let through again
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    shown = check_marks(view, expected)
    assert shown[-1] == expected[-1]
    assert expected[0] not in shown
    assert near_the_view(view, shown)


def test_marks_follow_a_resize_and_a_zoom(qtbot: QtBot, pane: ArticlePane) -> None:
    view = pane.view
    search(qtbot, pane, "الوزير")
    expected = engine(LONG, "الوزير")
    before = check_marks(view, expected)
    view.set_zoom(0.6)  # more paragraphs on a screen
    smaller = check_marks(view, expected)
    assert len(smaller) > len(before) and near_the_view(view, smaller)
    pane.resize(pane.width(), pane.height() * 2)
    QApplication.processEvents()
    taller = check_marks(view, expected)
    assert len(taller) > len(smaller) and near_the_view(view, taller)


def test_next_past_the_marked_part_scrolls_and_marks(qtbot: QtBot, pane: ArticlePane) -> None:
    view, bar = pane.view, pane.find_bar
    search(qtbot, pane, "العاصمة")
    expected = engine(LONG, "العاصمة")
    shown = check_marks(view, expected)
    beyond = next(k for k, span in enumerate(expected) if span not in shown)
    for _ in range(beyond):
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.current_index() == beyond
    assert bar.counter.text() == f"{beyond + 1} / {len(expected)}"
    assert view.verticalScrollBar().value() > 0
    assert [span for span, _ in marked(view, "find_current")] == [expected[beyond]]
    assert expected[beyond] in check_marks(view, expected)
    # Previous from the first hit wraps to the last, at the end of the article.
    while bar.current_index() != 0:
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current_index() == len(expected) - 1
    assert [span for span, _ in marked(view, "find_current")] == [expected[-1]]
    assert expected[-1] in check_marks(view, expected)


def test_a_search_superseded_by_a_later_keystroke_never_shows_its_results(
        qtbot: QtBot, pane: ArticlePane, monkeypatch: pytest.MonkeyPatch) -> None:
    bar = pane.find_bar
    # As over a long text: one letter waits for a pause in the typing.
    monkeypatch.setattr(reader.gui.find_bar, "LONG_TEXT_CHARS", 10)
    shown: list[int] = []
    bar.hits_changed.connect(lambda found, _current: shown.append(len(found)))
    bar.edit.setText("ف")
    assert bar.is_search_pending() and shown == []
    bar.edit.setText("ق")  # another letter instead: still waiting
    assert bar.is_search_pending() and shown == []
    bar.edit.setText("قا")  # two letters search at once; the pending one is dropped
    assert not bar.is_search_pending()
    qtbot.wait(2 * DEBOUNCE_MS)
    assert shown == [len(engine(LONG, "قا"))]
    assert bar.counter.text() == f"1 / {shown[0]}"
    bar.edit.setText("و")
    qtbot.waitUntil(lambda: len(shown) == 2)
    assert shown[1] == len(engine(LONG, "و"))
    bar.edit.clear()  # an empty query clears at once
    assert shown[2:] == [0] and not bar.is_search_pending()


def test_a_later_keystroke_drops_a_search_running_in_steps(
        qtbot: QtBot, pane: ArticlePane, monkeypatch: pytest.MonkeyPatch) -> None:
    """One letter over a long text, after the pause, runs a step per turn of
    the event loop; a key pressed meanwhile is taken and its search is the
    only one shown."""
    bar = pane.find_bar
    monkeypatch.setattr(reader.gui.find_bar, "LONG_TEXT_CHARS", 10)
    monkeypatch.setattr(reader.gui.find_bar, "STEP_MS", 0.0)  # one step a turn
    shown: list[int] = []
    bar.hits_changed.connect(lambda found, _current: shown.append(len(found)))
    bar.edit.setText("و")
    bar.search_in_steps()  # what the pause in the typing fires
    QApplication.processEvents()
    assert bar.is_search_pending() and shown == []  # searching, nothing shown yet
    bar.edit.setText("وز")  # the next key: searched at once, the running search dropped
    assert not bar.is_search_pending()
    qtbot.wait(50)
    assert shown == [len(engine(LONG, "وز"))] and shown[0] > 0
    assert bar.counter.text() == f"1 / {shown[0]}"


def test_the_count_is_right_after_a_one_letter_query_in_steps(
        qtbot: QtBot, pane: ArticlePane, monkeypatch: pytest.MonkeyPatch) -> None:
    bar = pane.find_bar
    monkeypatch.setattr(reader.gui.find_bar, "LONG_TEXT_CHARS", 10)
    monkeypatch.setattr(reader.gui.find_bar, "STEP_MS", 0.0)
    bar.edit.setText("ا")
    qtbot.waitUntil(lambda: not bar.is_search_pending())
    expected = engine(LONG, "ا")
    assert len(expected) > 10_000
    assert list(bar.found()) == expected
    assert bar.counter.text() == f"1 / {len(expected)}"
    assert expected[0] in check_marks(pane.view, expected)
    bar.edit.setText("اا")  # Enter while a one-letter search waits runs it first
    bar.edit.setText("ا")
    assert bar.is_search_pending()
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.counter.text() == f"1 / {len(expected)}"


def test_a_short_query_searches_at_once_in_a_short_article(
        qtbot: QtBot, pane: ArticlePane) -> None:
    bar = pane.find_bar
    assert len(LONG.body) < reader.gui.find_bar.LONG_TEXT_CHARS
    bar.edit.setText("ف")
    assert not bar.is_search_pending()
    assert bar.counter.text() == f"1 / {len(engine(LONG, 'ف'))}"


@given(shaped_texts, shaped_texts, st.data())
@settings(max_examples=40, deadline=None)
def test_every_hit_is_marked_on_its_characters_through_the_map(
        qapp: QApplication, title: str, body: str, data: st.DataObject) -> None:
    """With small limits (breaks and cuts in generated text, emoji in it):
    each hit of a query taken from the text is marked from where its first
    character starts to where its last one ends, and the document holds the
    hit's own characters there; the current hit is marked again, distinctly."""
    texts = [(name, text) for name, text in (("title", title), ("body", body)) if text]
    if not texts:
        return
    _name, text = data.draw(st.sampled_from(texts))
    start = data.draw(st.integers(0, len(text) - 1))
    query = text[start:start + data.draw(st.integers(1, 3))]
    view = ReadingView()
    try:
        view.resize(900, 3000)  # every hit of a short text near the view
        view.show()
        with small_limits():
            view.set_article(Article(title=title, body=body))
            shown = {name: shown_field(t) for name, t in texts}
        found = ArticleHits(FieldHits(n, reader.text.find(t, query)) for n, t in texts)
        current = data.draw(st.integers(-1, len(found) - 1))
        view.set_find_hits(found, current)
        expected = {view.offsets.span_to_qt(*span): span for span in found}
        for role in ("find_hit", "find_current"):
            colour = view.theme().colour(role)
            marks = sorted((sel.cursor.selectionStart(), sel.cursor.selectionEnd())
                           for sel in view.extraSelections()
                           if sel.format.background().color() == colour)
            if role == "find_hit":
                assert marks == sorted(expected)
            else:
                assert marks == ([view.offsets.span_to_qt(*found[current])]
                                 if current >= 0 else [])
        for (a, b), (name, s, e) in expected.items():
            offset = view.offsets.to_qt(name, 0)
            assert shown[name].without_added(a - offset, b - offset) == \
                safe_text(dict(texts)[name][s:e]).replace("\n", "\u2029")
    finally:
        view.close()
        view.deleteLater()


def test_a_scroll_in_a_text_that_fits_leaves_the_range_alone_regression(
        qtbot: QtBot) -> None:
    """A scroll past the range Qt reported extends it only over text laid out:
    extended for text that fits, the bar showed, narrowed the view, and the
    resize scrolled back here again, forever (the torture test's window hung)."""
    view = ReadingView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    view.set_article(Article(title="خبر قصير", body="قال الوزير إن الخطة ستبدأ."))
    view.scroll_to("body", 20, center=False)
    view.scroll_to("body", 20, center=True)
    bar = view.verticalScrollBar()
    assert bar.maximum() == 0 and bar.value() == 0
    assert not bar.isVisible()

