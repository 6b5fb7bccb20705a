"""A library search result's snippet in the list (``reader.gui.search_delegate``):
however long the snippet and however narrow the column, the word that
matched stays in view, marked, with context on both sides where it fits."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRect
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPalette,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from reader.gui.fonts import register_fonts
from reader.gui.library_model import SNIPPET_ROLE
from reader.gui.search_delegate import LEAD, SearchResultDelegate, fitted

FILLER = "قالت الوزارة في بيانها إن العمل مستمر في المشاريع كلها "
HIT = "المياه"


def snippet_with_hit(before: int, after: int, hit: str = HIT,
                     filler: str = FILLER) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``before`` and ``after`` fillers around ``hit``; the hit's mark."""
    text = filler * before + hit + " " + filler * after
    start = len(filler * before)
    return text.rstrip(), ((start, start + len(hit)),)


SNIPPETS = {
    "hit near the end": snippet_with_hit(12, 0),
    "hit near the start": snippet_with_hit(0, 12),
    "hit in the middle": snippet_with_hit(6, 6),
    "mixed, hit near the end": snippet_with_hit(
        10, 0, "UNESCO", "أعلنت منظمة UNESCO (World Heritage) أن الموقع "),
    "mixed, hit near the start": snippet_with_hit(
        0, 10, "Reuters", "نقلت وكالة Reuters عن مصادر أن المحادثات "),
}


def option_for(width: int, *, bold: bool) -> QStyleOptionViewItem:
    """A title cell ``width`` wide in the bundled Arabic font; ``bold`` as
    an unread row's font is."""
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, width, 60)
    font = QFont(register_fonts(), 11)
    font.setBold(bold)
    option.font = font
    option.fontMetrics = QFontMetrics(font)  # as initStyleOption sets them
    option.palette = QApplication.palette()
    return option


def snippet_line(doc: QTextDocument) -> tuple[str, int]:
    """The snippet as the document lays it out: its text and its lines."""
    block = doc.begin().next()
    doc.documentLayout()  # lays the document out
    return block.text(), block.layout().lineCount()


@pytest.mark.parametrize("width", [180, 320, 900])
@pytest.mark.parametrize("name", list(SNIPPETS))
def test_the_hit_of_a_long_snippet_stays_in_view(qtbot: QtBot, name: str, width: int) -> None:
    snippet, marks = SNIPPETS[name]
    [(start, end)] = marks
    hit = snippet[start:end]
    delegate = SearchResultDelegate()
    doc = delegate.document(option_for(width, bold=False), "عنوان الخبر", snippet, marks)
    text, lines = snippet_line(doc)
    assert hit in text  # the hit is on the one line the row shows
    assert lines == 1  # a second line would be clipped by the row
    assert text != snippet and ("…" in text)
    if start > 0 and width >= 320:  # context before the hit, where there is some
        assert not text.startswith("…" + hit)
    if end < len(snippet) and width >= 320:  # and after it
        assert not text.endswith(hit + "…")
    assert "background-color:" in doc.toHtml()  # and marked


@pytest.mark.parametrize("name", list(SNIPPETS))
def test_an_unread_rows_snippet_is_measured_in_its_own_plain_font(
        qtbot: QtBot, name: str) -> None:
    snippet, marks = SNIPPETS[name]
    delegate = SearchResultDelegate()
    plain = delegate.document(option_for(420, bold=False), "عنوان", snippet, marks)
    unread = delegate.document(option_for(420, bold=True), "عنوان", snippet, marks)
    # The snippet is drawn plain on an unread (bold) row too: it shows as much.
    assert snippet_line(unread) == snippet_line(plain)


def test_a_long_snippet_is_cut_around_its_first_hit() -> None:
    snippet = "كلمة " * 30 + "المياه" + " نص" * 30
    start = snippet.index("المياه")
    cut, marks = fitted(snippet, ((start, start + 6),), lambda text: len(text) <= 60)
    assert len(cut) <= 60 and cut.startswith("…") and cut.endswith("…")
    [(s, e)] = marks
    assert cut[s:e] == "المياه" and s <= LEAD + 1
    assert fitted("قصير", ((0, 4),), lambda text: True) == ("قصير", ((0, 4),))


def test_a_hit_near_the_end_of_a_narrow_line_is_kept() -> None:
    snippet = "كلمة " * 40 + "المياه"
    start = snippet.index("المياه")
    cut, marks = fitted(snippet, ((start, start + 6),), lambda text: len(text) <= 20)
    [(s, e)] = marks
    assert cut[s:e] == "المياه" and cut.startswith("…") and not cut.endswith("…")
    assert len(cut) <= 20


TEXT = st.text(alphabet="ابت ثج حa b«»٫،\u064e", max_size=120)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.data(), st.integers(min_value=0, max_value=140))
def test_the_first_hit_is_always_inside_what_is_returned(
        snippet: str, data: st.DataObject, room: int) -> None:
    bounds = st.integers(min_value=0, max_value=len(snippet))
    spans = data.draw(st.lists(st.tuples(bounds, bounds).map(sorted), max_size=4))
    marks = tuple((s, e) for s, e in spans)
    cut, kept = fitted(snippet, marks, lambda text: len(text) <= room)
    lead = 1 if cut.startswith("…") else 0
    body = cut[lead:len(cut) - (1 if cut.endswith("…") else 0)]
    # Where the returned text begins in the snippet: the one shift under
    # which the text and every mark kept are the snippet's own.
    shifts = [d for d in range(-1, len(snippet) + 1)
              if snippet[d + lead:d + lead + len(body)] == body
              and all((s + d, e + d) in marks and 0 <= s <= e <= len(cut) for s, e in kept)
              and (not marks or (marks and (min(marks)[0] - d, min(marks)[1] - d) in kept))]
    assert shifts, (snippet, marks, cut, kept)
    if marks:
        first = min(marks)
        if first[1] - first[0] + 2 <= room:
            assert len(cut) <= room
    elif room >= 1:
        assert len(cut) <= room


@pytest.mark.parametrize("outside", [((2, 2),), ((5, 9), (0, 1)), ((-3, -1),)])
def test_marks_outside_the_snippet_mark_nothing_and_break_nothing(
        outside: tuple[tuple[int, int], ...]) -> None:
    # The search gives marks inside its snippet; these come from nowhere, and
    # used to raise IndexError while the row was painted.
    snippet = "ا"
    cut, kept = fitted(snippet, outside, lambda text: False)
    assert all(0 <= s <= e <= len(cut) for s, e in kept)
    if (0, 1) in outside:  # the one mark inside is the hit, kept whole
        assert cut == snippet and kept == ((0, 1),)



def hit_contrast(image: QImage) -> tuple[float, QColor, QColor]:
    """In a painted result cell: how well the marked words read (the
    strongest WCAG contrast of a pixel inside the mark against the mark),
    the mark's colour and the row's. The row is the commonest colour, the
    mark the next (glyphs are thin, and antialiased into many colours)."""
    from tests.gui.test_themes import contrast

    colours = Counter(image.pixelColor(x, y).rgb()
                      for y in range(image.height()) for x in range(image.width()))
    (row, _n), (marked, _m) = colours.most_common(2)
    mark = QColor.fromRgb(marked)
    boxed = [(x, y) for y in range(image.height()) for x in range(image.width())
             if image.pixelColor(x, y).rgb() == marked]
    xs, ys = [x for x, _y in boxed], [y for _x, y in boxed]
    words = max(contrast(image.pixelColor(x, y), mark)
                for x in range(min(xs), max(xs) + 1) for y in range(min(ys), max(ys) + 1))
    return words, mark, QColor.fromRgb(row)


def painted_result(qtbot: QtBot, theme: str, *, selected: bool) -> QImage:
    """A result row's title cell as the list paints it in ``theme``,
    selected or not."""
    from PySide6.QtWidgets import QTableView

    from reader.gui.themes import THEMES

    palette = THEMES[theme].window_palette()
    table = QTableView()
    table.setPalette(palette)
    qtbot.addWidget(table)
    option = option_for(420, bold=False)
    option.palette = palette
    option.widget = table
    option.state |= QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Active
    if selected:
        option.state |= QStyle.StateFlag.State_Selected
    image = QImage(option.rect.size(), QImage.Format.Format_RGB32)
    image.fill(palette.color(QPalette.ColorRole.Base))
    snippet, marks = snippet_with_hit(0, 1, "وقف إطلاق النار")
    model = QStandardItemModel(1, 1)
    model.setData(model.index(0, 0), ("عنوان الخبر", snippet, marks), SNIPPET_ROLE)
    delegate = SearchResultDelegate()
    delegate.set_theme(THEMES[theme])
    painter = QPainter(image)
    delegate.paint(painter, option, model.index(0, 0))
    painter.end()
    return image


@pytest.mark.parametrize("selected", [False, True], ids=["unselected", "selected"])
@pytest.mark.parametrize("theme", ["light", "dark", "sepia"])
def test_the_hit_words_are_readable_in_every_row(qtbot: QtBot, theme: str,
                                                 selected: bool) -> None:
    """Seen by a tester: in the selected (blue) row the hit words were white
    on pale yellow, unreadable. In every theme, selected or not, the words
    on a mark read as well as body text must (WCAG AA: 4.5), on a mark
    that is not the row's colour."""
    words, mark, row = hit_contrast(painted_result(qtbot, theme, selected=selected))
    assert words >= 4.5, (theme, mark.name(), words)
    assert mark != row
