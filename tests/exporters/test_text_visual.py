"""Visual-order plain text, checked without the libraries that made it: an
Arabic-only line read backwards and NFKC-normalized is the logical text; mixed
lines match orders written out by hand from the bidi algorithm."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from reader.exporters import export_items
from reader.exporters.text_visual import HEADER, LABEL, logical_lines
from tests.exporters import sample


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def rev(text: str) -> str:
    """``text`` backwards as a visual line holds it: lam-alef is one glyph (a
    ligature), so it keeps its inner order."""
    return "".join(reversed(re.findall("ل[اأإآ]|.", text, flags=re.DOTALL)))


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
            assert nfkc(line[::-1]) in expected, line
            checked += 1
    assert checked >= 10


def test_arabic_is_shaped_into_presentation_forms(visual: list[str]) -> None:
    text = "\n".join(visual)
    assert any("\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff" for ch in text)
    # No letter of the basic Arabic block is left for a device to shape.
    letters = [ch for ch in text if "\u0621" <= ch <= "\u064a"]
    assert len(letters) < len(text) // 50


@pytest.mark.parametrize("expected", [
    # An Arabic label, then a left-to-right run: the run sits at the left.
    "rtl-reader://article/7?at=154 :" + rev("الموضع"),
    "We will support every school that reopens :" + rev("اقتباس"),
    "Opening day: note in English :" + rev("ملاحظة"),
    "yellow :" + rev("اللون"),
    # Digits after Arabic letters are Arabic numbers: they keep their own order.
    "120 :" + rev("رقم"),
    rev("مدرسة") + " 120 :" + rev("القيمة"),
    "USD 2500000 :" + rev("القيمة"),
    rev("دولة") + " 30 " + rev("دار نشر من") + " 450 :" + rev("تظليل"),
])
def test_mixed_lines_in_hand_written_order(visual: list[str], expected: str) -> None:
    assert expected in [nfkc(line) for line in visual]


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
