"""Bidi controls: stripping, isolation, override detection (direction spoofing)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.text.bidi import (
    BIDI_CONTROLS,
    FSI,
    LRI,
    LRM,
    PDI,
    RLI,
    RLM,
    RLO,
    control_positions,
    has_overrides,
    isolate,
    isolate_address,
    isolate_file_name,
    isolate_path,
    looks_like_path,
    shows_nothing,
    split_isolated_path,
    strip_bidi_controls,
)

SPOOFED_TITLE = "invoice" + RLO + "fdp.exe"


def test_override_is_flagged_and_stripped() -> None:
    assert has_overrides(SPOOFED_TITLE)
    assert strip_bidi_controls(SPOOFED_TITLE) == "invoicefdp.exe"
    assert control_positions(SPOOFED_TITLE) == [(7, "RLO")]


def test_isolate_wraps_clean_text() -> None:
    assert isolate("خبر" + RLO) == FSI + "خبر" + PDI


def test_a_path_is_isolated_left_to_right_whatever_its_first_letter() -> None:
    """FSI took a path's first Arabic letter and laid it out right to left:
    ``md.كمامات/~`` inside an Arabic sentence."""
    assert isolate_path("~/كمامات.md") == LRI + "~/كمامات.md" + PDI
    assert isolate_path("/tmp/" + RLO + "خبر.md") == LRI + "/tmp/خبر.md" + PDI


@pytest.mark.parametrize(("path", "shown"), [
    # Between two Arabic names a separator took their direction and the name
    # came out left of its folder: an LRM follows it.
    ("/tmp/مجلد عربي/صفحة بلا نص.html", "/tmp/مجلد عربي/" + LRM + "صفحة بلا نص.html"),
    ("/tmp/مجلد 2/خبر.md", "/tmp/مجلد 2/" + LRM + "خبر.md"),
    ("/tmp/أرشيف/2024.md", "/tmp/أرشيف/" + LRM + "2024.md"),
    ("C:\\مقالات\\خبر.md", "C:\\مقالات\\" + LRM + "خبر.md"),
    # A Latin letter on either side already keeps the order: no mark.
    ("/tmp/مكتبتي/library.sqlite3", "/tmp/مكتبتي/library.sqlite3"),
    ("/home/news/خبر.md", "/home/news/خبر.md"),
    # From a day of use: the number that opens an Arabic name went to the
    # path's side of it, after its last word ("home/824 للصومال … طنا"): an
    # RLM keeps it where the name is read first.
    ("/home/news/824 طنا مواد.md", "/home/news/" + RLM + "824 طنا مواد.md"),
    ("/tmp/مجلد/13 قتيلا.md", "/tmp/مجلد/" + LRM + RLM + "13 قتيلا.md"),
    ("13 قتيلا.md", RLM + "13 قتيلا.md"),
    ("/home/2024 report.md", "/home/2024 report.md"),
])
def test_an_arabic_name_keeps_its_place_and_its_first_number(path: str, shown: str) -> None:
    assert isolate_path(path) == LRI + shown + PDI


@pytest.mark.parametrize(("url", "shown"), [
    # Each Arabic word keeps its place in an address read left to right: an
    # LRM after every separator between it and the word before (the slug's
    # hyphen stands for a space). LRI alone laid the words out last first.
    ("https://www.alarabiya.net/ar/qafilah/2018/07/16/كتب-عربية-متنوعة-عليها.html",
     "https://www.alarabiya.net/ar/qafilah/2018/07/16/كتب-" + LRM + "عربية-" + LRM
     + "متنوعة-" + LRM + "عليها.html"),
    ("https://example.org/أخبار/مدارس?id=12", "https://example.org/أخبار/" + LRM + "مدارس?id=12"),
    ("https://example.org/وسم/خبر_عاجل", "https://example.org/وسم/" + LRM + "خبر_" + LRM + "عاجل"),
    ("https://example.org/أرشيف/2024", "https://example.org/أرشيف/" + LRM + "2024"),
    # A Latin letter on either side already keeps the order: no mark.
    ("https://example.org/news/schools", "https://example.org/news/schools"),
    ("https://example.org/خبر-news", "https://example.org/خبر-news"),
    ("https://example.org/" + RLO + "خبر", "https://example.org/خبر"),
])
def test_an_address_reads_left_to_right_each_arabic_word_in_its_place(
        url: str, shown: str) -> None:
    assert isolate_address(url) == LRI + shown + PDI


def test_a_file_name_is_isolated_in_the_direction_of_its_sentence() -> None:
    """Read from where its sentence is read, a name's extension comes last:
    LRI in an Arabic sentence showed ``الملف md.كمامات``."""
    assert isolate_file_name("كمامات.md", rtl=True) == RLI + "كمامات.md" + PDI
    assert isolate_file_name("كمامات" + RLO + ".md", rtl=False) == LRI + "كمامات.md" + PDI


@pytest.mark.parametrize(("text", "path"), [
    ("/tmp/مقالات/خبر.md", True),
    ("~/مقالات", True),
    ("C:\\Users\\خبر.md", True),
    ("\\\\server\\share", True),
    ("https://example.com/a", False),
    ("file:///etc/passwd", False),
    ("42", False),
    ("وكالة الأنباء", False),
    ("أخبار/محلي", False),  # a feed's folder of folders, not a path
])
def test_which_subjects_are_paths(text: str, path: bool) -> None:
    assert looks_like_path(text) is path


def test_plain_arabic_has_no_overrides() -> None:
    assert not has_overrides("قال الوزير \u200fإن")


@given(st.text(alphabet=st.sampled_from(sorted(BIDI_CONTROLS) + list("abخبر "))))
def test_stripped_text_has_no_controls(text: str) -> None:
    out = strip_bidi_controls(text)
    assert not any(ch in BIDI_CONTROLS for ch in out)
    assert len(out) == len(text) - len(control_positions(text))


@pytest.mark.parametrize(("text", "parts"), [
    (isolate_path("/tmp/مجلد/خبر.md") + ": الملف فارغ", ("", "/tmp/مجلد/خبر.md", ": الملف فارغ")),
    ("صُدّرت إلى " + isolate_path("~/a.md"), ("صُدّرت إلى ", "~/a.md", "")),
    (isolate("https://example.com/a") + ": لا", None),  # an address is no path
    ("the disk is full", None),
])
def test_a_view_finds_the_path_a_message_isolated(
        text: str, parts: tuple[str, str, str] | None) -> None:
    assert split_isolated_path(text) == parts
    if parts is not None:
        assert parts[0] + isolate_path(parts[1]) + parts[2] == text


@pytest.mark.parametrize(("text", "nothing"), [
    ("", True),
    ("   \t", True),
    (RLO + LRM, True),  # bidi controls alone
    ("\u200b\u200c\u200d\ufeff\u2060", True),  # zero-width characters, BOM, WORD JOINER
    (RLO + "ا", False),
    ("-", False),
    ("\u064e", False),  # a lone fatha is drawn (on a dotted circle)
])
def test_a_text_of_spaces_and_invisible_characters_shows_nothing(
        text: str, nothing: bool) -> None:
    assert shows_nothing(text) is nothing
