"""Visual-order plain text, checked without the libraries that made it: an
Arabic-only line read backwards and NFKC-normalized is the logical text; mixed
lines match orders written out by hand from the bidi algorithm; and the
repair an import makes (``to_logical``) gives every line back."""

from __future__ import annotations

import re
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.exporters import export_items
from reader.exporters.text_visual import HEADER, LABEL, logical_lines
from reader.importers import read_file
from reader.store.article import Article, HighlightRecord
from reader.text.bidi import BIDI_CONTROLS, LRM, PDI, RLI, RLM, RLO
from reader.text.visual import to_logical
from tests.exporters import sample
from tests.text.test_visual import _balanced_line, _latin_line, _mixed_line


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


MARK = "[\u0610-\u061a\u064b-\u065f\u0670]"


def rev(text: str) -> str:
    """``text`` backwards as a visual line holds it, one glyph at a time: a
    letter with the marks that follow it; lam-alef is one glyph (a ligature),
    so it keeps its inner order."""
    return "".join(reversed(re.findall(f"(?:ل[اأإآ]|.){MARK}*", text, flags=re.DOTALL)))


def _is_arabic_only(line: str) -> bool:
    """Right-to-left letters, spaces and direction-less punctuation only: no
    digits, no Latin, nothing that mirrors."""
    if not line.strip():
        return False
    for ch in line:
        cls = unicodedata.bidirectional(ch)
        if cls in {"L", "EN", "AN", "ES", "ET", "CS"} and ch not in ":،.؟":
            return False
        if unicodedata.mirrored(ch):
            return False
    return any(unicodedata.bidirectional(ch) in {"R", "AL"} for ch in line)


@pytest.fixture
def visual(tmp_path: Path) -> list[str]:
    out = tmp_path / "out.txt"
    export_items(sample.items(), "txt-visual", out)
    return out.read_text(encoding="utf-8").split("\n")


def test_label_says_what_it_is() -> None:
    assert LABEL == "Plain text, visual order (for devices that cannot shape Arabic)"


def test_arabic_only_lines_read_backwards_are_the_logical_text(visual: list[str]) -> None:
    expected = {nfkc(line) for a, hs in sample.items() for line in logical_lines(a, hs)}
    expected.add(HEADER)
    checked = 0
    for line in visual:
        if _is_arabic_only(nfkc(line)):
            # One glyph at a time, before NFKC splits a ligature glyph in two.
            backwards = "".join(reversed(re.findall(f".{MARK}*", line)))
            assert nfkc(backwards) in expected, line
            checked += 1
    assert checked >= 10


def test_arabic_is_shaped_into_presentation_forms(visual: list[str]) -> None:
    text = "\n".join(visual)
    assert any("\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff" for ch in text)
    # No letter of the basic Arabic block is left for a device to shape.
    letters = [ch for ch in text if "\u0621" <= ch <= "\u064a"]
    assert len(letters) < len(text) // 50


@pytest.mark.parametrize("expected", [
    # A link's letters are no language: its line reads from the right, as
    # the other labelled lines do, the link in the order it is typed in.
    "rtl-reader://article/7?at=154 :" + rev("الموضع"),
    # More Latin than Arabic: the line is left to right (DESIGN decision 6, as
    # to_logical reads it back), its Arabic label first, read from its right.
    rev("اقتباس") + ": We will support every school that reopens",
    rev("ملاحظة") + ": Opening day: note in English",
    # Digits after Arabic letters are Arabic numbers: they keep their own order.
    "120 :" + rev("رقم"),
    rev("مدرسة") + " 120 :" + rev("القيمة"),
    # A number and the Arabic words after it (the currency's name, not its code).
    rev("دولار أمريكي") + " 2500000 :" + rev("القيمة"),
    rev("دولة") + " 30 " + rev("دار نشر من") + " 450 :" + rev("تظليل"),
])
def test_mixed_lines_in_hand_written_order(visual: list[str], expected: str) -> None:
    assert expected in [nfkc(line) for line in visual]


_LINK = re.compile(r"rtl-reader://article/\d+\?at=\d+")


def test_link_lines_read_from_the_right_like_the_other_labelled_lines(
        visual: list[str]) -> None:
    """Every line is "label: value" with an Arabic label: on a device that
    cannot shape, the label stands at the right end of the line and the
    value to its left. The lines of links did the opposite (their letters
    outnumber the label's), the label at the left."""
    links = [nfkc(line) for line in visual if "rtl-reader://" in line]
    assert len(links) >= 5
    for line in links:
        link = _LINK.search(line)
        assert link is not None, line  # the link is not reversed
        assert line.endswith(" :" + rev("الموضع")) or line.endswith(" :" + rev("الرابط")), line
        assert line.startswith(link[0]), line


def test_lines_match_the_logical_lines_one_for_one(visual: list[str]) -> None:
    logical = [line for a, hs in sample.items() for line in logical_lines(a, hs)]
    # A title line, then the sections with nothing merged or split.
    assert len([v for v in visual if v.strip()]) == len([x for x in logical if x.strip()]) + 1


def test_long_lines_are_wrapped_before_reordering(visual: list[str]) -> None:
    """A device that wrapped a long visual line itself would show its second
    half first: lines come already short, each reordered on its own."""
    assert max(len(line) for line in visual if " " in line.strip()) <= 72
    # The first sentence of the schools article is longer than a line: its
    # beginning (the label, then its first word) starts the rightmost end of a line.
    start = "السياق: أعلن"
    assert any(nfkc(line).endswith(rev(start)) for line in visual)


def test_marks_follow_their_glyphs(visual: list[str]) -> None:
    """A device that draws left to right puts a mark on the glyph before it:
    اِقْرَأْ must come out with each mark right after its letter."""
    assert rev(nfkc(sample.IQRA)) + " :" + rev("مصطلح") in [nfkc(line) for line in visual]
    marked = [line for line in visual if re.search(MARK, line)]
    assert marked
    for line in marked:
        assert not re.search(f"(^|[ :«»]){MARK}", line), line


def _export_one(tmp_path: Path, article: Article) -> list[str]:
    h = HighlightRecord(article.id or 0, "body", "figure", "range", 0, 5, article.body[:5])
    out = tmp_path / "one.txt"
    export_items([(article, [h])], "txt-visual", out)
    return out.read_text(encoding="utf-8").split("\n")


def test_header_values_keep_their_left_to_right_order(tmp_path: Path) -> None:
    """A date, a time and a number range in the title and the source line
    read as typed inside the right-to-left line (the bidi algorithm alone
    shows 2026-12-05 as 05-12-2026 after an Arabic word, and 10-20 as 20-10)."""
    article = Article(id=3, title="موعد الانتخابات 05/12/2026 بين 10-20 مرشحا",
                      source="وكالة الأنباء", published="2026-12-05 09:30",
                      body="10-20 مرشحا في 2026-12-05.")
    lines = [nfkc(line) for line in _export_one(tmp_path, article)]
    assert (rev("مرشحا") + " 10-20 " + rev("بين") + " 05/12/2026 " + rev("موعد الانتخابات")
            in lines)
    assert "2026-12-05 | " + rev("وكالة الأنباء") in lines  # the day, as the list shows it
    assert "10-20 :" + rev("رقم") in lines


def test_no_bidi_control_reaches_the_file(tmp_path: Path) -> None:
    """Devices without bidi print controls as boxes: the title's overrides,
    isolates and marks are left out (their order is already laid out)."""
    article = Article(id=4, title=f"{RLO}عاجل{LRM}: {RLI}BBC{PDI} تقرير{RLM}",
                      source=f"{RLM}وكالة", body=f"قال{LRM} المتحدث {RLI}Reuters{PDI} أمس.")
    text = "\n".join(_export_one(tmp_path, article))
    assert not BIDI_CONTROLS & set(text), ascii(text)
    assert rev("تقرير") + " BBC :" + rev("عاجل") in [nfkc(line) for line in text.split("\n")]


def _reimported(article: Article, highlights: list[HighlightRecord]) -> tuple[str, str]:
    """What the export of ``article`` repairs to on import, and the logical
    text it was made from."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.txt"
        export_items([(article, highlights)], "txt-visual", out)
        written = out.read_text(encoding="utf-8")
    logical = HEADER + "\n\n" + "\n".join(logical_lines(article, highlights)) + "\n"
    return to_logical(written), logical


def test_a_note_in_english_comes_back_from_a_reimport_in_its_order(tmp_path: Path) -> None:
    body = "قال الوزير إن المدارس ستفتح أبوابها الأسبوع المقبل بعد الترميم."
    note = "Opening day: check the BBC report."
    h = HighlightRecord(1, "body", "user", "", 0, 10, body[:10], colour="#ffd54f", note=note)
    article = Article(id=1, title="خبر المدارس", body=body)
    repaired, logical = _reimported(article, [h])
    assert f"ملاحظة: {note}" in repaired.split("\n")
    assert repaired == logical
    # The same through the importer a reader uses (it repairs visual text).
    out = tmp_path / "export.txt"
    export_items([(article, [h])], "txt-visual", out)
    [imported] = read_file(out)
    assert f"ملاحظة: {note}" in imported.body.split("\n")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_latin_line(), _balanced_line(), _mixed_line()),
                min_size=1, max_size=4))
def test_an_export_repaired_on_import_gives_back_its_lines(paragraphs: list[str]) -> None:
    """Quotations, notes and context lines with more Latin than Arabic, about
    as much, or less: the txt-visual export, read back by ``to_logical`` (as
    the importers do), is the logical text line for line."""
    body = "\n".join([*paragraphs, sample.IQRA + " قال الوزير إن المدارس ستفتح."])
    highlights = []
    at = 0
    for n, paragraph in enumerate(paragraphs):
        highlights.append(HighlightRecord(
            2, "body", "user", "", at, at + len(paragraph), paragraph, colour="#64b5f6",
            note=paragraphs[(n + 1) % len(paragraphs)]))
        highlights.append(HighlightRecord(2, "body", "quote", "quotation", at,
                                          at + len(paragraph), paragraph))
        at += len(paragraph) + 1
    repaired, logical = _reimported(Article(id=2, title="تقرير المراسل", body=body),
                                    highlights)
    assert repaired == logical


def test_a_note_of_two_lines_stays_two_lines() -> None:
    """A tester's day: a note of two lines was joined and rewrapped in the
    plain text for devices that cannot shape Arabic (the other formats kept
    the break)."""
    body = "قال الوزير إن المدارس ستفتح أبوابها الأسبوع المقبل بعد الترميم."
    note = "السطر الأول من الملاحظة\nسطر ثان"
    h = HighlightRecord(1, "body", "user", "", 0, 10, body[:10], colour="#ffd54f", note=note)
    lines = logical_lines(Article(id=1, title="خبر المدارس", body=body), [h])
    at = lines.index("ملاحظة: السطر الأول من الملاحظة")
    assert lines[at + 1] == "سطر ثان"
    blank = HighlightRecord(1, "body", "user", "", 0, 10, body[:10], note=" \n ")
    assert not any(line.startswith("ملاحظة") for line in logical_lines(
        Article(id=1, title="خبر", body=body), [blank]))
