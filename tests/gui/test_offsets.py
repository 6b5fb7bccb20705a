"""str index <-> Qt position conversion (reader/gui/offsets.py), with text outside the BMP
and the units the reading view adds to pathological text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.gui.display_text import safe_text
from reader.gui.offsets import DocumentOffsets, FieldOffsets, utf16_length
from reader.store.article import Article
from reader.text import TEXT_FIELDS
from tests.gui.display_oracle import shaped_texts, shown_field, small_limits

EMOJI = "\U0001f600"
FLAG = "\U0001f1ea\U0001f1ec"  # two regional indicators, four UTF-16 units
MATH_ONE = "\U0001d7d9"  # MATHEMATICAL DOUBLE-STRUCK DIGIT ONE
FATHA = "\u064e"

# Arabic letters and marks, Latin, digits, spaces, newlines and astral characters.
field_text = st.text(
    alphabet=st.sampled_from(
        [*"أعلنتالحكومةاليومفي ", FATHA, "\n", "a", "B", "7", EMOJI, MATH_ONE, "\U00010900"]
    ),
    max_size=40,
)


def qt_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(field_text, st.integers(min_value=0, max_value=50))
@settings(max_examples=200)
def test_to_qt_counts_utf16_units(text: str, start: int) -> None:
    placed = FieldOffsets.build("body", text, start)
    for i in range(len(text) + 1):
        assert placed.to_qt(i) == start + qt_units(text[:i])
    assert placed.end == start + utf16_length(text) == start + qt_units(text)


@given(field_text)
@settings(max_examples=200)
def test_to_index_inverts_to_qt(text: str) -> None:
    placed = FieldOffsets.build("body", text, 5)
    for i in range(len(text) + 1):
        assert placed.to_index(placed.to_qt(i)) == i


@given(field_text)
@settings(max_examples=100)
def test_a_position_inside_a_surrogate_pair_rounds_down(text: str) -> None:
    placed = FieldOffsets.build("body", text, 0)
    for i, ch in enumerate(text):
        if ord(ch) > 0xFFFF:
            assert placed.to_index(placed.to_qt(i) + 1) == i


def test_index_outside_the_field_is_refused() -> None:
    placed = FieldOffsets.build("title", "abc", 0)
    with pytest.raises(ValueError):
        placed.to_qt(4)
    with pytest.raises(ValueError):
        placed.to_qt(-1)


@given(st.lists(field_text, min_size=len(TEXT_FIELDS), max_size=len(TEXT_FIELDS)))
@settings(max_examples=150)
def test_fields_follow_each_other_with_one_separator(texts: list[str]) -> None:
    doc = DocumentOffsets.build(zip(TEXT_FIELDS, texts, strict=True))
    shown = [(name, text) for name, text in zip(TEXT_FIELDS, texts, strict=True) if text]
    assert [f.name for f in doc.fields] == [name for name, _ in shown]
    # The whole document as Qt sees it: the fields joined by block separators.
    joined = "\u2029".join(text for _, text in shown)
    for name, text in shown:
        for i in range(len(text) + 1):
            position = doc.to_qt(name, i)
            assert position == qt_units(joined[: _start_in_joined(shown, name) + i])
            assert doc.locate(position) == (name, i) or (i == len(text) and name != shown[-1][0])


def _start_in_joined(shown: list[tuple[str, str]], name: str) -> int:
    offset = 0
    for other, text in shown:
        if other == name:
            return offset
        offset += len(text) + 1
    raise AssertionError(name)


def _title_body_selection(title: str, body: str,
                          data: st.DataObject) -> tuple[DocumentOffsets, int, int]:
    """A document of a title and a body, and a selection's two ends drawn
    anywhere in it (Qt positions, in either order)."""
    doc = DocumentOffsets.build([("title", title), ("body", body)])
    total = doc.fields[-1].end
    return doc, data.draw(st.integers(0, total)), data.draw(st.integers(0, total))


@given(field_text.filter(bool), field_text.filter(bool), st.data())
@settings(max_examples=150)
def test_selection_span_stays_in_the_field_it_starts_in(
    title: str, body: str, data: st.DataObject
) -> None:
    doc, anchor, position = _title_body_selection(title, body, data)
    span = doc.selection_span(anchor, position)
    if span is None:
        return
    name, start, end = span
    text = title if name == "title" else body
    assert 0 <= start < end <= len(text)
    lo, hi = sorted((anchor, position))
    assert doc.to_qt(name, start) >= lo or doc.locate(lo) == (name, start)
    assert doc.to_qt(name, end) <= max(hi, doc.to_qt(name, start))


def test_a_selection_from_title_into_body_is_cut_at_the_title_end() -> None:
    doc = DocumentOffsets.build([("title", "عنوان"), ("body", "نص المقال")])
    assert doc.selection_span(2, doc.to_qt("body", 3)) == ("title", 2, 5)
    assert doc.selection_span(doc.to_qt("body", 3), 2) == ("title", 2, 5)
    assert doc.selection_span(doc.to_qt("title", 5), doc.to_qt("body", 2)) == ("body", 0, 2)
    assert doc.selection_is_cut(2, doc.to_qt("body", 3))
    assert doc.selection_is_cut(doc.to_qt("body", 3), 2)
    assert not doc.selection_is_cut(2, doc.to_qt("title", 5))
    assert not doc.selection_is_cut(2, doc.to_qt("body", 0))  # up to the separator only
    assert not doc.selection_is_cut(doc.to_qt("title", 5), doc.to_qt("body", 2))


@given(field_text.filter(bool), field_text.filter(bool), st.data())
@settings(max_examples=150)
def test_a_selection_is_cut_only_when_it_reaches_into_the_next_field(
    title: str, body: str, data: st.DataObject
) -> None:
    doc, anchor, position = _title_body_selection(title, body, data)
    span = doc.selection_span(anchor, position)
    cut = doc.selection_is_cut(anchor, position)
    hi = max(anchor, position)
    if span is None or span[0] == "body":
        assert not cut
    else:
        assert cut == (hi > doc.to_qt("body", 0))
        if cut:
            assert span[2] == len(title)  # the span runs to the end of its field


@given(st.lists(field_text, min_size=len(TEXT_FIELDS), max_size=len(TEXT_FIELDS)), st.data())
@settings(max_examples=30, deadline=None)
def test_the_reading_view_document_agrees_with_the_map(
    qapp: object, texts: list[str], data: st.DataObject
) -> None:
    """Cursor text at mapped positions equals the str slice, emoji and all."""
    from PySide6.QtGui import QTextCursor

    from reader.gui.reading_view import ReadingView

    fields = dict(zip(TEXT_FIELDS, texts, strict=True))
    view = ReadingView()
    try:
        view.set_article(Article(**fields))
        present = [name for name in TEXT_FIELDS if fields[name]]
        for name in present:
            text = fields[name]
            start = data.draw(st.integers(0, len(text)))
            end = data.draw(st.integers(start, len(text)))
            a, b = view.offsets.span_to_qt(name, start, end)
            cursor = QTextCursor(view.document())
            cursor.setPosition(a)
            cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            assert cursor.selectedText().replace("\u2029", "\n") == text[start:end]
        if present:
            assert view.document().characterCount() == view.offsets.fields[-1].end + 1
    finally:
        view.deleteLater()


# -- display units (reader/gui/display_text.py) --------------------------------------

@given(shaped_texts, st.integers(min_value=0, max_value=50))
@settings(max_examples=300)
def test_positions_skip_the_units_the_view_adds(text: str, start: int) -> None:
    """A span's start maps after a display unit before it, its end before a
    display unit after it; a position on either side of one maps to the
    character after it; a position inside an emoji to the emoji."""
    with small_limits():
        shown = shown_field(text)
        placed = FieldOffsets.build("body", text, start)
    assert placed.end == start + len(shown.units)
    for i in range(len(text) + 1):
        assert placed.to_qt(i) == start + shown.starts[i]
        assert placed.to_qt(i, end=True) == start + shown.ends[i]
        assert placed.to_index(start + shown.starts[i]) == i
        assert placed.to_index(start + shown.ends[i]) == i
    for unit in range(len(shown.units) + 1):
        i = placed.to_index(start + unit)
        inside_pair = i < len(text) and ord(text[i]) > 0xFFFF and unit == shown.starts[i] + 1
        assert shown.ends[i] <= unit <= shown.starts[i] or inside_pair


@given(shaped_texts, st.data())
@settings(max_examples=300)
def test_a_span_covers_exactly_its_characters(text: str, data: st.DataObject) -> None:
    with small_limits():
        shown = shown_field(text)
        doc = DocumentOffsets.build([("title", "عنوان"), ("body", text)])
    if not text:
        return
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    a, b = doc.span_to_qt("body", start, end)
    offset = doc.to_qt("body", 0)
    lo, hi = a - offset, b - offset
    assert shown.without_added(lo, hi) == safe_text(text[start:end]).replace("\n", "\u2029")
    if lo < hi:
        assert lo not in shown.added and hi - 1 not in shown.added
    assert doc.selection_span(a, b) == (("body", start, end) if start < end else None)


@given(st.lists(shaped_texts, min_size=len(TEXT_FIELDS), max_size=len(TEXT_FIELDS)))
@settings(max_examples=100)
def test_fields_with_display_units_follow_each_other(texts: list[str]) -> None:
    with small_limits():
        doc = DocumentOffsets.build(zip(TEXT_FIELDS, texts, strict=True))
        shown = {name: shown_field(text) for name, text in zip(TEXT_FIELDS, texts, strict=True)
                 if text}
    position = 0
    for placed in doc.fields:
        assert placed.start == position
        position = placed.end + 1
        for i in range(placed.length + 1):
            assert doc.to_qt(placed.name, i) == placed.start + shown[placed.name].starts[i]
