"""Markdown export, read back by a real CommonMark reader: Qt's own (md4c,
QTextDocument.setMarkdown)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QTextDocument, QTextFormat

from reader.exporters import export_items
from reader.exporters.common import value_words
from reader.store.article import Article, HighlightRecord
from reader.text.values import isolate_dates
from tests.exporters import sample


@dataclass
class Block:
    heading: int
    quote: bool
    listed: bool
    text: str
    bold: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


def _read_markdown(path: Path) -> list[Block]:
    doc = QTextDocument()
    doc.setMarkdown(path.read_text(encoding="utf-8"))
    blocks: list[Block] = []
    b = doc.begin()
    while b.isValid():
        fmt = b.blockFormat()
        block = Block(fmt.headingLevel(),
                      bool(fmt.property(QTextFormat.Property.BlockQuoteLevel)),
                      b.textList() is not None, b.text())
        it = b.begin()
        while not it.atEnd():
            frag = it.fragment()
            cf = frag.charFormat()
            if cf.isAnchor():
                block.links.append(cf.anchorHref())
            elif cf.fontWeight() >= QFont.Weight.Bold and not block.heading:
                block.bold.append(frag.text())
            it += 1
        blocks.append(block)
        b = b.next()
    return blocks


@pytest.fixture
def blocks(qapp, tmp_path: Path) -> list[Block]:
    out = tmp_path / "out.md"
    export_items(sample.items(), "md", out)
    return _read_markdown(out)


def test_each_article_has_a_heading_with_its_link(blocks: list[Block]) -> None:
    assert [b.text for b in blocks if b.heading == 2] == [a.title for a, _ in sample.items()]
    links = [link for b in blocks for link in b.links]
    for article, _ in sample.items():
        assert f"rtl-reader://article/{article.id}?at=0" in links
    assert "https://example.org/news/schools" in links
    meta = [b.text for b in blocks if "وكالة الأنباء المحلية" in b.text]
    assert meta and "2025-03-14" in meta[0]


def test_terms_have_a_section_of_their_own(blocks: list[Block]) -> None:
    """From a tester's day: terms were listed under "Quotations" (الاقتباسات),
    where the window lists them apart (المصطلحات)."""
    headed: dict[str, list[str]] = {}
    section = ""
    for b in blocks:
        if b.heading == 3:
            section = b.text
        elif b.quote:
            headed.setdefault(section, []).append(b.text)
    for h in sample.all_highlights():
        if h.kind == "quote":
            wanted = "المصطلحات" if h.subtype == "term" else "الاقتباسات"
            assert any(h.text in text for text in headed[wanted]), (h.text, wanted)
            other = "الاقتباسات" if h.subtype == "term" else "المصطلحات"
            assert not any(text.startswith(h.text) for text in headed.get(other, []))


def test_quotations_are_block_quotes_with_their_speaker(blocks: list[Block]) -> None:
    quoted = [b.text for b in blocks if b.quote]
    for h in sample.all_highlights():
        if h.kind == "quote":
            assert h.text in quoted
            if h.speaker:
                assert f"— {h.speaker}" in quoted


def test_figures_are_a_list_with_their_value(blocks: list[Block]) -> None:
    listed = [b for b in blocks if b.listed]
    for h in sample.all_highlights():
        if h.kind == "figure":
            item = next(b for b in listed if b.text.startswith(h.text + " = "))
            assert isolate_dates(value_words(h.value)) in item.text


@pytest.mark.parametrize(("text", "value", "first", "last"), [
    ("الثلاثين من يونيو", {"date": "2026-06-30"}, "2026", "30"),
    ("بين 15 و20 عاما", {"amount": 15, "range": [15, 20], "unit": "عاما"}, "15", "20"),
    ("فاز 3-2", {"score": [3, 2]}, "3", "2"),
])
def test_a_value_reads_left_to_right_after_arabic(qapp, tmp_path: Path, text: str,
                                                  value: object, first: str,
                                                  last: str) -> None:
    """A date, range or score in a figure's value reads as the panel shows it
    once a Markdown reader lays the line out right to left: after the Arabic
    figure the bidi algorithm took 2026-06-30 for Arabic numbers and showed
    30-06-2026 (and 15–20 as 20–15)."""
    from PySide6.QtCore import Qt

    from tests.gui.conftest import laid_out_line

    body = f"قال المتحدث إن الموعد {text} كما أعلن."
    start = body.index(text)
    article = Article(id=9, title="خبر", body=body)
    h = HighlightRecord(9, "body", "figure", "digits", start, start + len(text), text,
                        value=value)
    out = tmp_path / "value.md"
    export_items([(article, [h])], "md", out)
    item = next(b.text for b in _read_markdown(out) if b.listed)
    at = item.index(" = ") + 3
    shown = item[at:item.index(" (", at)]  # the value, before its kind and the context
    line = laid_out_line(item, Qt.LayoutDirection.RightToLeft)
    # The separator after the first number, not that number: Qt reports a
    # run's first cursor on its boundary.
    a = at + shown.index(first) + len(first)
    b = at + shown.rindex(last) + len(last) - 1
    assert line.cursorToX(a)[0] < line.cursorToX(b)[0]


def test_user_highlights_carry_note_and_colour_name(blocks: list[Block]) -> None:
    texts = [b.text for b in blocks]
    assert "هل تكفي ثلاثة أشهر" in [b.text for b in blocks if b.quote]
    # The colour stands apart from the note, after its label, as a name.
    assert "ملاحظة: سؤال مهم للمتابعة · اللون: أزرق" in texts
    assert "اللون: أصفر" in texts


def test_a_highlight_over_two_paragraphs_is_quoted_as_two(qapp, tmp_path: Path) -> None:
    first, second = "افتتح الوزير المعرض صباح الأحد.", "وقال إن الدورة المقبلة أكبر."
    body = f"{first}\n{second}"
    article = Article(id=9, title="خبر", body=body)
    h = HighlightRecord(9, "body", "user", "", 0, len(body), body, colour="#ffd54f")
    out = tmp_path / "two.md"
    export_items([(article, [h])], "md", out)
    assert [b.text for b in _read_markdown(out) if b.quote] == [first, second]


NOTE_LINES = ["سطر أول من الملاحظة", "", "- ليست قائمة", "# ولا عنوان", "1. ولا ترقيم",
              "===", "> ولا اقتباس", "آخر سطر \\"]


def test_a_note_keeps_its_line_breaks(qapp, tmp_path: Path) -> None:
    body = "قال الوزير إن الخطة جاهزة."
    article = Article(id=9, title="خبر", body=body)
    h = HighlightRecord(9, "body", "user", "", 0, len("قال الوزير"), "قال الوزير",
                        colour="#ffd54f", note="\n".join(NOTE_LINES) + "\n")
    out = tmp_path / "note.md"
    export_items([(article, [h])], "md", out)
    blocks = _read_markdown(out)
    texts = [b.text for b in blocks]
    first = texts.index("ملاحظة: " + NOTE_LINES[0])
    note = blocks[first:first + len(NOTE_LINES)]
    # Qt's reader makes a block of each line that a hard break ends...
    assert [b.text for b in note] == ["ملاحظة: " + NOTE_LINES[0], *NOTE_LINES[1:-1],
                                      NOTE_LINES[-1] + " · اللون: أصفر"]
    assert not any(b.heading or b.listed or b.quote or b.links for b in note)
    assert texts[first + len(NOTE_LINES)].startswith("السياق: ")
    # ...CommonMark keeps them one paragraph, the same note: no blank line
    # parts them, every line but the last ends in a hard break.
    paragraph = next(p for p in out.read_text(encoding="utf-8").split("\n\n")
                     if p.startswith("ملاحظة: "))
    lines = paragraph.split("\n")
    assert len(lines) == len(NOTE_LINES)
    assert all(line.endswith("\\") for line in lines[:-1])


def test_every_item_has_its_context_and_link_to_its_place(blocks: list[Block]) -> None:
    bold = [text for b in blocks for text in b.bold]
    links = [link for b in blocks for link in b.links]
    for h in sample.all_highlights():
        assert h.text in bold, h.text
        at = h.start if h.field == "body" else 0
        assert f"rtl-reader://article/{h.article_id}?at={at}" in links


@pytest.mark.parametrize("text", [
    "# ليس عنوانا",
    "- ليست قائمة",
    "1. ولا هذه",
    "نجمة *مائلة* و_خط_ و[رابط](http://x) و<b>وسم</b> و`شيفرة` و|جدول|",
    "\\ شرطة مائلة ! علامة",
])
def test_markdown_syntax_in_the_text_stays_literal(qapp, tmp_path: Path, text: str) -> None:
    article = Article(id=5, title=text, body=f"قال: «{text}» ثم مضى.")
    start = article.body.index(text)
    h = HighlightRecord(5, "body", "quote", "quotation", start, start + len(text), text)
    out = tmp_path / "lit.md"
    export_items([(article, [h])], "md", out)
    blocks = _read_markdown(out)
    assert [b.text for b in blocks if b.heading == 2] == [text]
    assert [b.text for b in blocks if b.quote] == [text]
    assert not any(b.links for b in blocks if b.quote)


MD_TEXT = st.text(alphabet=st.sampled_from([*"ابت جد«»\"()*_-#.،؟!:1٢<>[]`\\", "\u064e"]),
                  min_size=1, max_size=40)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(MD_TEXT, st.data())
def test_context_bolds_exactly_the_highlight(qapp, tmp_path: Path, body: str,
                                             data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(body) - 1))
    end = data.draw(st.integers(start + 1, len(body)))
    text = body[start:end]
    assume(text.strip() and "\n" not in text)
    article = Article(id=1, title="خبر", body=body)
    h = HighlightRecord(1, "body", "user", "", start, end, text, colour="#ffd54f")
    out = tmp_path / "prop.md"
    export_items([(article, [h])], "md", out, force=True)
    blocks = _read_markdown(out)
    context = next(b for b in blocks if b.text.startswith("السياق: "))
    # The bold part is HTML (<strong>), where a reader collapses a run of
    # spaces to one: the same words, spaced as any renderer shows them.
    assert " ".join("".join(context.bold).split()) == " ".join(text.split())
    assert [b.text for b in blocks if b.quote] == [text.strip()]
