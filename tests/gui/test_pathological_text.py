"""The reading view on text no article should have but any file can (issue 13,
item 2): letters with no space, huge paragraphs, marks piled on one letter,
mixed directions. It must open at once, and every offset must stay exact
although the document holds display-only units (reader/gui/display_text.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from array import array
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextBlock, QTextCursor, QTextLayout
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.gui.article_pane import ArticlePane
from reader.gui.display_text import LONGEST_BLOCK, ZERO_WIDTH_SPACE, safe_text
from reader.gui.reading_view import ReadingView
from reader.store import Article, Library
from reader.text import ArticleHits, FieldHits, Hits
from tests.gui.display_oracle import EMOJI, FATHA, SHADDA, shaped_texts, shown_field, small_limits
from tests.gui.test_reading_view import open_pane

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
LEAD = "أعلنت الحكومة اليوم أن «الخطة ستبدأ الشهر المقبل» بتكلفة 2.5 مليون دولار."


def letters(count: int) -> str:
    """``count`` Arabic letters with no space (deterministic, not one letter repeated)."""
    return "".join(LETTERS[(k * 7 + k // 3) % len(LETTERS)] for k in range(count))


def pathological_body() -> str:
    """A normal paragraph; 30,000 letters with no space, an emoji, a flag and a
    vocalised letter here and there (more than a block, so it is cut too);
    a normal paragraph again."""
    run = list(letters(30_000))
    for k in range(500, len(run) - 1000, 1000):
        run[k] = EMOJI
        run[k + 300] = "ب" + FATHA + SHADDA
        run[k + 600] = "\U0001f1ea\U0001f1ec"
    return "\n".join([LEAD, "".join(run), LEAD])


def document_text(view: ReadingView) -> str:
    """The whole document, block separators as U+2029 (what the map counts)."""
    cursor = QTextCursor(view.document())
    cursor.select(QTextCursor.SelectionType.Document)
    return cursor.selectedText()


def cursor_between(view: ReadingView, a: int, b: int) -> QTextCursor:
    cursor = QTextCursor(view.document())
    cursor.setPosition(a)
    cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
    return cursor


def ink(view: ReadingView) -> int:
    """How many pixels of the view differ from its page colour."""
    image = view.viewport().grab().toImage()
    page = QColor(view.theme().page)
    return sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
               if abs(image.pixelColor(x, y).lightness() - page.lightness()) > 60)



@pytest.fixture
def pane(qtbot: QtBot, library: Library) -> tuple[ArticlePane, int]:
    return open_pane(qtbot, library, Article(title="مقال بلا مسافات", body=pathological_body(),
                                             source="test"))


# -- it opens -----------------------------------------------------------------------

LAUNCH = r"""
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from reader.gui.reading_view import ReadingView
from reader.gui.themes import THEMES
from reader.store.article import Article
from tests.gui.test_pathological_text import BODIES, ink

shown = {}
for name, make in BODIES.items():
    # As the window does at start: the article is set while the view is hidden
    # at its first small size, then the saved look is applied, then it is shown.
    view = ReadingView()
    view.set_article(Article(title="مقال", body=make()))
    view.set_theme(THEMES["dark"])
    view.set_line_spacing(125)
    view.resize(900, 600)
    view.show()
    app.processEvents()
    shown[name] = ink(view)
    view.deleteLater()
    app.processEvents()
print(json.dumps(shown))
"""

BODIES = {
    "300,000 Arabic letters without a space": lambda: letters(300_000),
    "1,000,000 Latin letters without a space": lambda: "abcdefghij" * 100_000,
    "Arabic, Latin and digits in turn, no space": lambda: ("كلمة" + "word" + "2025") * 25_000,
    "one paragraph of 1 MB": lambda: " ".join([LEAD] * 7_500),
    "50,000 one-word paragraphs": lambda: "\n".join(["كلمة", "word"] * 25_000),
    "100,000 marks on one letter": lambda: "ب" + FATHA * 100_000,
}
"""Bodies that froze the view (each took from 20 s to forever before the fix)."""


def test_pathological_articles_open_and_show_text_regression() -> None:
    """Opening each must finish (a child process under a generous deadline: a
    hang cannot be caught in-process) and paint text on the page."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", LAUNCH], env=env, timeout=60,
                          capture_output=True, text=True, cwd=Path(__file__).parents[2])
    assert done.returncode == 0, done.stderr[-2000:]
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(shown) == set(BODIES)
    assert all(shown.values()), shown


def test_a_run_without_spaces_wraps_inside_the_view(pane: tuple[ArticlePane, int]) -> None:
    view = pane[0].view
    block = view.document().findBlock(view.offsets.to_qt("body", len(LEAD) + 1))
    view.document().documentLayout().blockBoundingRect(block)  # lays the block out
    layout = block.layout()
    assert layout.lineCount() > 10
    widest = max(layout.lineAt(k).naturalTextWidth() for k in range(layout.lineCount()))
    assert widest <= view.document().textWidth()
    assert ink(view) > 0


def test_a_huge_paragraph_is_cut_into_blocks_of_its_direction() -> None:
    paragraph = " ".join([LEAD] * 1_000)
    view = ReadingView()
    try:
        view.set_article(Article(title="", body=f"{paragraph}\nhello"))
        doc = view.document()
        blocks = []
        block = doc.firstBlock()
        while block.isValid():
            blocks.append(block)
            block = block.next()
        pieces, last = blocks[:-1], blocks[-1]
        assert len(pieces) > len(paragraph) // LONGEST_BLOCK
        assert "".join(b.text() for b in pieces) == paragraph
        assert all(len(b.text()) <= LONGEST_BLOCK for b in pieces)
        assert all(b.text().endswith(" ") for b in pieces[:-1])
        assert all(b.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
                   for b in pieces)
        # The paragraph's space below it comes after its last block only.
        assert [b.blockFormat().bottomMargin() for b in pieces][-2:] == [0, 8]
        assert last.text() == "hello"
        assert last.blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        view.deleteLater()


# -- offsets stay exact -------------------------------------------------------------


@given(shaped_texts, shaped_texts, st.data())
@settings(max_examples=40, deadline=None)
def test_the_document_and_every_span_agree_with_the_map(
    qapp: QApplication, title: str, body: str, data: st.DataObject
) -> None:
    """With small limits, so generated text gets breaks and cuts: the document
    holds what the map says, a span's text is the field's, a selection maps
    back to its span and copying it gives the field's own characters."""
    view = ReadingView()
    try:
        with small_limits():
            view.set_article(Article(title=title, body=body))
            shown = {name: shown_field(text) for name, text in (("title", title), ("body", body))
                     if text}
        expected = "\u2029".join(
            "".join(shown[name].units) for name in ("title", "body") if name in shown)
        assert document_text(view).encode("utf-16-le", "surrogatepass") == \
            expected.encode("utf-16-le", "surrogatepass")
        for name, text in (("title", title), ("body", body)):
            if not text:
                continue
            start = data.draw(st.integers(0, len(text)))
            end = data.draw(st.integers(start, len(text)))
            a, b = view.offsets.span_to_qt(name, start, end)
            offset = view.offsets.to_qt(name, 0)
            assert shown[name].without_added(a - offset, b - offset) == \
                safe_text(text[start:end]).replace("\n", "\u2029")
            view.setTextCursor(cursor_between(view, a, b))
            assert view.selection_span() == ((name, start, end) if start < end else None)
            if start < end:
                assert view.createMimeDataFromSelection().text() == text[start:end]
    finally:
        view.deleteLater()


def test_highlights_find_hits_and_copy_are_exact_across_breaks(
    qtbot: QtBot, pane: tuple[ArticlePane, int], library: Library
) -> None:
    p, article_id = pane
    view = p.view
    body = view.article.body if view.article else ""
    placed = view.offsets.field("body")
    assert placed is not None and placed.plan.breaks and placed.plan.cuts
    # Spans that start, end or run across an added break, an emoji and a cut.
    cut = placed.plan.cuts[0]
    brk = placed.plan.breaks[5]
    emoji = body.index(EMOJI)
    spans = [(brk - 3, brk + 3), (brk, brk + 20), (brk - 20, brk), (emoji - 2, emoji + 40),
             (cut - 50, cut + 50)]
    ordered = sorted(spans)
    hits = Hits(body, array("q", [a for a, _ in ordered]), array("q", [b for _, b in ordered]))
    view.set_find_hits(ArticleHits([FieldHits("body", hits)]), ordered.index(spans[0]))
    found = [s.cursor.selectedText().replace(ZERO_WIDTH_SPACE, "").replace("\u2029", "")
             for s in view.find_selections()]
    # Every hit in document order, then the current one again.
    assert found == [body[a:b] for a, b in sorted(spans)] + [body[slice(*spans[0])]]

    a, b = spans[3]
    view.select_span("body", a, b)
    QApplication.clipboard().clear()
    view.copy()
    assert QApplication.clipboard().text() == body[a:b]

    # The reader's highlight from a selection made across a cut.
    a, b = spans[4]
    view.select_span("body", a, b)
    with qtbot.waitSignal(p.highlights_changed):
        record = p.add_user_highlight_from_selection()
    assert record is not None
    (stored,) = library.highlights(article_id, kind="user")
    assert (stored.field, stored.start, stored.end, stored.text) == ("body", a, b, body[a:b])


def test_a_selection_ending_on_either_side_of_a_break_copies_the_same(
    pane: tuple[ArticlePane, int],
) -> None:
    view = pane[0].view
    body = view.article.body if view.article else ""
    placed = view.offsets.field("body")
    assert placed is not None
    brk = placed.plan.breaks[3]
    before, after = placed.to_qt(brk, end=True), placed.to_qt(brk)
    assert after == before + 1  # the zero width space between them
    start = placed.to_qt(brk - 10)
    for position in (before, after):
        view.setTextCursor(cursor_between(view, start, position))
        assert view.selection_span() == ("body", brk - 10, brk)
        QApplication.clipboard().clear()
        view.copy()
        assert QApplication.clipboard().text() == body[brk - 10:brk]


def test_reading_position_inside_a_run_without_spaces(
    qtbot: QtBot, library: Library, pane: tuple[ArticlePane, int]
) -> None:
    p, article_id = pane
    view = p.view
    target = len(LEAD) + 1 + 20_000
    view.scroll_to("body", target)
    name, index = view.first_visible()
    assert name == "body"
    # The line holding the target is at the top: it starts at most a line before it.
    assert target - 200 < index <= target
    p.open_article(article_id, at=index)
    assert view.first_visible() == ("body", index)

    bar = view.verticalScrollBar()
    with qtbot.waitSignal(p.position_changed, timeout=3000) as signal:
        bar.setValue(bar.value() + view.viewport().height())
    position = signal.args[1]
    assert position > index
    assert library.get(article_id).position == position
    p.open_article(article_id)
    assert view.reading_position() == position


def glyphs(layout: QTextLayout) -> Counter[int]:
    found: Counter[int] = Counter()
    for k in range(layout.lineCount()):
        for run in layout.lineAt(k).glyphRuns():
            found.update(run.glyphIndexes())
    return found


def one_line(text: str, view: ReadingView) -> QTextLayout:
    layout = QTextLayout(text, view.document().defaultFont())
    layout.beginLayout()
    layout.createLine().setLineWidth(1_000_000)
    layout.endLayout()
    return layout


def test_arabic_stays_joined_across_the_breaks(qtbot: QtBot) -> None:
    """The added zero width spaces are transparent to joining: the run is drawn
    with the same glyphs, line by line, as without them on one long line."""
    text = letters(600)
    view = ReadingView()
    qtbot.addWidget(view)
    view.resize(500, 400)
    view.set_article(Article(title="", body=text))
    block = view.document().firstBlock()
    view.document().documentLayout().blockBoundingRect(block)
    assert block.layout().lineCount() > 3
    shown = glyphs(block.layout())
    space = glyphs(one_line(f"بب{ZERO_WIDTH_SPACE}بب", view)) - glyphs(one_line("بببب", view))
    ((zwsp, _),) = space.items()
    assert shown.pop(zwsp) == len(view.offsets.fields[0].plan.breaks)
    assert shown == glyphs(one_line(text, view))



RLO, LRO = "\u202e", "\u202d"


def glyph_x(block: QTextBlock) -> dict[int, float]:
    """Where the glyph of each character of a laid out block is drawn (its
    index in the block: its x)."""
    flags = QTextLayout.GlyphRunRetrievalFlag.RetrieveAll
    return {i: p.x() for run in block.layout().glyphRuns(0, block.length(), flags)
            for i, p in zip(run.stringIndexes(), run.positions(), strict=True)}


@pytest.mark.parametrize("override", [RLO, LRO, RLO * 1000])
def test_an_override_in_the_text_shows_the_letters_in_the_order_typed(
        qtbot: QtBot, library: Library, override: str) -> None:
    """An override no PDF closes (RLO, LRO, a thousand RLO) showed the
    paragraph's letters in another order than they were typed: 50٪ read
    05٪ beside a highlight that says 50%, a word spelled backwards. The view
    shows them in the order typed (offsets unchanged: same length)."""
    body = f"قال الوزير {override}إن 50٪ من الناس و abc"
    pane, _ = open_pane(qtbot, library, Article(title="عنوان", body=body, source="test"))
    shown = document_text(pane.view)
    block = pane.view.document().findBlock(shown.index("50٪"))
    x = glyph_x(block)
    at = {word: block.text().index(word) for word in ("50", "abc", "الناس")}
    assert x[at["50"]] < x[at["50"] + 1]  # 50 from the left
    assert x[at["abc"]] < x[at["abc"] + 2]  # abc, not cba
    assert x[at["الناس"]] > x[at["الناس"] + 4]  # الناس from the right
