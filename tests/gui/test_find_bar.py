"""The find bar over the reading view: hits come from reader.text.find, marks
sit on the hit text (after an emoji: UTF-16 conversion), keys navigate, Esc clears."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionToolButton, QToolButton, QWidget
from pytestqt.qtbot import QtBot

import reader.text
from reader.gui import i18n
from reader.gui.article_pane import ArticlePane
from reader.gui.find_bar import MAX_QUERY_CHARS, FindBar
from reader.store import Article, Library
from reader.text import TEXT_FIELDS
from tests.gui.test_reading_view import cursor_text, open_pane

Pane = tuple[ArticlePane, int]


@pytest.fixture
def pane(qtbot: QtBot, library: Library) -> Pane:
    return open_pane(qtbot, library)


def engine_hits(p: ArticlePane, query: str, **options: bool) -> list[tuple[str, int, int, str]]:
    article = p.view.article
    assert article is not None
    return [(name, m.start, m.end, m.text) for name in TEXT_FIELDS
            for m in reader.text.find(article.field_text(name), query, **options)]


def search(qtbot: QtBot, p: ArticlePane, query: str) -> None:
    with qtbot.waitSignal(p.find_bar.hits_changed):
        p.show_find_bar(query)


def test_every_hit_is_marked_on_its_text(qtbot: QtBot, pane: Pane) -> None:
    p = pane[0]
    search(qtbot, p, "خطة")
    expected = engine_hits(p, "خطة")
    assert {name for name, *_ in expected} == {"title", "subtitle", "body"}
    assert [(n, s, e) for n, s, e, _ in expected] == p.find_bar.spans()
    assert p.find_bar.counter.text() == f"1 / {len(expected)}"
    marks = p.view.find_selections()
    # Every hit, then the current one drawn again on top in its own colour.
    assert [cursor_text(s.cursor) for s in marks[:-1]] == [t for *_, t in expected]
    assert cursor_text(marks[-1].cursor) == expected[0][3]
    assert marks[-1].format.background() != marks[0].format.background()


def test_hits_after_an_emoji_are_marked_on_the_right_letters(qtbot: QtBot, pane: Pane) -> None:
    p = pane[0]
    search(qtbot, p, "المفاوضات")  # after a flag (two astral characters) in the same paragraph
    (hit,) = engine_hits(p, "المفاوضات")
    assert [cursor_text(s.cursor) for s in p.view.find_selections()] == [hit[3], hit[3]]
    assert hit[3] == "المفاوضات"


def test_a_query_without_hamza_finds_the_word_with_it(qtbot: QtBot, pane: Pane) -> None:
    p = pane[0]
    search(qtbot, p, "اعلنت")
    texts = [cursor_text(s.cursor) for s in p.view.find_selections()[:-1]]
    assert "أعلنت" in texts
    assert "اعلنت" in texts
    with qtbot.waitSignal(p.find_bar.hits_changed):
        p.find_bar.match_hamza.setChecked(True)
    texts = [cursor_text(s.cursor) for s in p.view.find_selections()[:-1]]
    assert "أعلنت" not in texts
    assert "اعلنت" in texts


def test_typing_searches_after_a_pause(qtbot: QtBot, pane: Pane) -> None:
    p = pane[0]
    p.show_find_bar()
    # QTest types ASCII only; Arabic arrives as the line edit's own insertions.
    with qtbot.waitSignal(p.find_bar.hits_changed, timeout=2000):
        qtbot.keyClicks(p.find_bar.edit, "Talks")
    assert p.find_bar.spans() == [(n, s, e) for n, s, e, _ in engine_hits(p, "talks")]
    assert len(p.find_bar.spans()) == 1
    p.find_bar.edit.clear()
    with qtbot.waitSignal(p.find_bar.hits_changed, timeout=2000):
        for letter in "خطة":
            p.find_bar.edit.insert(letter)
    assert p.find_bar.spans() == [(n, s, e) for n, s, e, _ in engine_hits(p, "خطة")]


def test_enter_shift_enter_and_f3_move_between_hits(qtbot: QtBot, pane: Pane) -> None:
    p = pane[0]
    search(qtbot, p, "خطة")
    total = len(p.find_bar.spans())
    assert total >= 3
    bar = p.find_bar
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.counter.text() == f"2 / {total}"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.counter.text() == f"{total} / {total}"  # wraps around
    current = p.view.find_selections()[-1]
    assert cursor_text(current.cursor) == engine_hits(p, "خطة")[-1][3]
    p.view.setFocus()
    qtbot.waitUntil(p.view.hasFocus)
    qtbot.keyClick(p.view, Qt.Key.Key_F3)
    assert bar.current_index() == 0
    qtbot.keyClick(p.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current_index() == total - 1


def test_escape_closes_the_bar_and_clears_the_marks(qtbot: QtBot, pane: Pane) -> None:
    p = pane[0]
    search(qtbot, p, "الحكومة")
    assert p.view.find_selections()
    qtbot.keyClick(p.find_bar.edit, Qt.Key.Key_Escape)
    assert p.find_bar.isHidden()
    assert p.view.find_selections() == []
    assert p.view.highlight_selections()  # the automatic highlights stay


def test_no_hit_shows_zero(qtbot: QtBot, pane: Pane) -> None:
    p = pane[0]
    search(qtbot, p, "غير موجود إطلاقا")
    assert p.find_bar.counter.text() == "0 / 0"
    assert p.view.find_selections() == []


def test_whole_word_skips_a_word_inside_another(qtbot: QtBot, pane: Pane) -> None:
    p = pane[0]
    search(qtbot, p, "خطة")
    loose = len(p.find_bar.spans())
    with qtbot.waitSignal(p.find_bar.hits_changed):
        p.find_bar.whole_word.setChecked(True)
    assert p.find_bar.spans() == [
        (n, s, e) for n, s, e, _ in engine_hits(p, "خطة", whole_word=True)]
    assert len(p.find_bar.spans()) <= loose


def test_the_bar_mirrors_in_a_right_to_left_ui(qtbot: QtBot) -> None:
    bar = FindBar()
    qtbot.addWidget(bar)
    bar.resize(700, 40)
    bar.show()
    qtbot.waitExposed(bar)
    ltr_edit_x = bar.edit.geometry().x()
    bar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    bar.layout().activate()
    assert bar.edit.geometry().x() > ltr_edit_x
    assert bar.close_button.geometry().x() < bar.edit.geometry().x()


def test_ctrl_f_in_the_view_opens_the_bar_with_the_caret_in_it(qtbot: QtBot, pane: Pane) -> None:
    p = pane[0]
    p.view.setFocus()
    qtbot.waitUntil(p.view.hasFocus)
    qtbot.keyClick(p.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert p.find_bar.isVisible()
    qtbot.waitUntil(p.find_bar.edit.hasFocus)


def test_reopening_an_article_searches_it_again(qtbot: QtBot, pane: Pane, library: Library) -> None:
    from reader.store import Article

    p, _ = pane
    search(qtbot, p, "خطة")
    assert p.find_bar.spans()
    other = library.add_article(Article(title="خبر آخر", body="لا شيء هنا عن ذلك")).id
    p.open_article(other)
    assert p.find_bar.spans() == []
    assert p.view.find_selections() == []


def overlapping(widgets: list[QWidget]) -> list[tuple[str, str]]:
    return [(a.objectName() or type(a).__name__, b.objectName() or type(b).__name__)
            for i, a in enumerate(widgets) for b in widgets[i + 1:]
            if a.geometry().intersects(b.geometry())]


def narrow_window(qtbot: QtBot, library: Library, lang: str) -> ArticlePane:
    """The pane of a window 480 px wide (which gives the article its
    narrowest pane), on an article where خطة has four-digit counts."""
    from reader.gui import i18n
    from reader.gui.main_window import MainWindow
    from tests.gui.conftest import on_screen

    i18n.apply_language(lang)
    library.add_article(Article(title="خطة", body="\n".join(["الخطة الجديدة خطة."] * 600)))
    window = MainWindow(library, settings=None, poll_ms=0)
    window.notify = lambda title, text: pytest.fail(f"unexpected message: {title}: {text}")
    on_screen(qtbot, window, 480, 700)
    assert window.pane.width() <= 480
    return window.pane


def whole_in_bar(bar: FindBar) -> bool:
    """Every part shown in the bar, none narrower than it asks (the field
    keeps its minimum, the notice wraps), none over another."""
    parts = [w for w in bar.findChildren(QWidget) if w.parent() is bar and w.isVisible()]
    return (all(bar.rect().contains(w.geometry()) for w in parts)
            and all(w.width() >= w.sizeHint().width() for w in parts
                    if w not in (bar.edit, bar.notice))
            and bar.edit.width() >= bar.edit.minimumWidth()
            and not overlapping(parts))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_find_bar_fits_a_narrow_window(qtbot: QtBot, library: Library, lang: str) -> None:
    """Found in an hour of use under Xvfb: in a window 480 px wide the bar
    needed ~450 px; the field was cut, Previous lay over the count and
    Options lost its edge. Every part fits whole, in both languages, with
    every option on (the widest Options label) and a four-digit count."""
    pane = narrow_window(qtbot, library, lang)
    bar = pane.find_bar
    for option in (bar.match_diacritics, bar.match_hamza, bar.whole_word):
        option.setChecked(True)
    search(qtbot, pane, "خطة")
    assert bar.counter.text() == "1 / 1201"
    qtbot.waitUntil(lambda: bar.width() == pane.width() and whole_in_bar(bar))
    # The field keeps room for a query of two words.
    assert bar.edit.width() >= bar.edit.fontMetrics().horizontalAdvance("خطة السلام") + 20
    # Compact arrows that still say what they do; the options as "… 3".
    assert bar.previous_button.arrowType() == Qt.ArrowType.UpArrow
    assert bar.next_button.arrowType() == Qt.ArrowType.DownArrow
    assert bar.options_button.text() == "\u2026 3"
    tips = (bar.previous_button.toolTip(), bar.next_button.toolTip())
    names = (bar.previous_button.accessibleName(), bar.next_button.accessibleName(),
             bar.options_button.accessibleName())
    if lang == "ar":
        assert all(re.search("[\u0621-\u064a]", text) for text in (*tips, *names)), tips
    else:
        assert tips[0].startswith("Previous match") and tips[1].startswith("Next match")
        assert names == ("Previous", "Next", "Options (3)")


def test_the_options_keep_their_word_where_it_fits(qtbot: QtBot, library: Library) -> None:
    pane = narrow_window(qtbot, library, "en")
    bar = pane.find_bar
    search(qtbot, pane, "السلام")  # no hit: "0 / 0"
    qtbot.waitUntil(lambda: whole_in_bar(bar))
    assert bar.options_button.text() == "Options"
    window = pane.window()
    window.resize(1200, 700)
    qtbot.waitUntil(lambda: bar.width() > 600)
    bar.whole_word.setChecked(True)
    assert bar.options_button.text() == "Options (1)"
    qtbot.waitUntil(lambda: whole_in_bar(bar))


def test_the_notice_of_a_cut_query_fits_a_narrow_bar(qtbot: QtBot, library: Library) -> None:
    """The notice that a paste was cut shows beside the field; in the
    narrowest pane it takes more lines rather than pushing parts out."""
    pane = narrow_window(qtbot, library, "en")
    bar = pane.find_bar
    pane.show_find_bar("كلمة " * 300)
    assert bar.notice.isVisible()
    qtbot.waitUntil(lambda: whole_in_bar(bar))
    assert bar.notice.width() < bar.notice.fontMetrics().horizontalAdvance(bar.notice.text())
    assert bar.notice.height() >= 2 * bar.notice.fontMetrics().height()  # wrapped, not cut


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_notice_of_a_cut_query_stands_apart_from_the_count(
        qtbot: QtBot, library: Library, lang: str) -> None:
    """Seen in the Arabic window: a pasted megabyte showed
    "0 / 0 1,000 حرف على الأكثر", the count and the limit run together as
    if one number. The notice says the query was cut, begins with a word,
    and the count keeps its arrows beside it, the notice past them."""
    pane = narrow_window(qtbot, library, lang)
    pane.window().resize(1200, 700)
    bar = pane.find_bar
    qtbot.waitUntil(lambda: pane.width() > 600)
    pane.show_find_bar("كلمة " * 200_000)  # a megabyte
    assert len(bar.query()) == MAX_QUERY_CHARS
    assert bar.notice.isVisible()
    qtbot.waitUntil(lambda: whole_in_bar(bar))
    text = bar.notice.text()
    if lang == "en":
        assert "cut" in text and f"{MAX_QUERY_CHARS:,}" in text
    else:
        assert re.match("[\u0621-\u064a]", text), text  # a word first, not the number
        assert f"{MAX_QUERY_CHARS:,}" in text
    count, notice = bar.counter.geometry(), bar.notice.geometry()
    low, high = sorted((count.center().x(), notice.center().x()))
    between = [w for w in (bar.previous_button, bar.next_button, bar.options_button)
               if w.isVisible() and low < w.geometry().center().x() < high]
    assert between, "the notice sits right beside the count"
    # With room to spare, one line.
    assert bar.notice.width() >= bar.notice.fontMetrics().horizontalAdvance(text), (
        bar.width(), bar.notice.width())


def painted(button: QToolButton, *, text: bool, arrow: bool) -> QImage:
    """``button`` drawn by its style at its size, with or without its text
    and its menu arrow."""
    option = QStyleOptionToolButton()
    button.initStyleOption(option)
    if not text:
        option.text = ""
    if not arrow:
        option.features &= ~QStyleOptionToolButton.ToolButtonFeature.HasMenu
    image = QImage(button.size(), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    button.style().drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option, painter,
                                      button)
    painter.end()
    return image


def columns_inked_by(button: QToolButton, *, text: bool, arrow: bool) -> set[int]:
    """The columns of the pixels that the text (``text``) or the arrow
    (``arrow``) changes in the drawing of the bare button."""
    bare = painted(button, text=False, arrow=False)
    part = painted(button, text=text, arrow=arrow)
    return {x for x in range(bare.width()) for y in range(bare.height())
            if bare.pixel(x, y) != part.pixel(x, y)}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_options_arrow_stands_clear_of_the_word(qtbot: QtBot, library: Library,
                                                    lang: str) -> None:
    """From an hour of use under Xvfb: the menu arrow of Options (خيارات)
    lay over its last letter: the style draws it in the button's corner
    and Qt's size for a button that pops its menu up leaves no room for it.
    The word and the arrow are drawn apart, in either language, and after a
    switch of language."""
    pane = narrow_window(qtbot, library, lang)
    window = pane.window()
    window.resize(1200, 700)
    bar = pane.find_bar
    search(qtbot, pane, "السلام")
    button = bar.options_button
    for language in (lang, "en" if lang == "ar" else "ar"):
        i18n.apply_language(language)
        word = "Options" if language == "en" else "خيارات"
        qtbot.waitUntil(lambda: button.text() == word  # noqa: B023
                        and button.width() == button.sizeHint().width())
        letters = columns_inked_by(button, text=True, arrow=False)
        arrow = columns_inked_by(button, text=False, arrow=True)
        assert letters and arrow, language
        # A space apart: at a pixel's distance the word and the arrow read as one.
        gap = max(min(arrow) - max(letters), min(letters) - max(arrow)) - 1
        assert gap >= button.fontMetrics().horizontalAdvance(" "), (language, gap)
