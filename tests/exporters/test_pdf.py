"""PDF export, read back with poppler's pdftotext and pdffonts."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from reader.exporters import export_items
from tests.conftest import require_program
from tests.exporters import sample

CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
# Qt writes no ToUnicode entry for a ligature glyph, so lam-alef (لا لأ لإ لآ)
# comes back from the PDF as nothing: drop it on both sides before comparing.
LAM_ALEF = re.compile("ل[\u064b-\u065f\u0670]*[اأإآ]")


def words(text: str) -> list[str]:
    """The words of ``text`` as pdftotext can give them back: NFKC (presentation
    forms -> letters), no bidi controls, no marks, no lam-alef."""
    text = LAM_ALEF.sub(" ", CONTROLS.sub("", unicodedata.normalize("NFKC", text)))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    # Digits and letters apart: pdftotext may move the space at a change of
    # direction ("2.5 مليون" comes back as " 2.5مليون").
    return re.findall(r"\d+|[^\W\d_]+|_", text)


def letters(text: str) -> str:
    return "".join(words(text))


@pytest.fixture(scope="module")
def exported(qapp, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "out.pdf"
    assert export_items(sample.items(), "pdf", out) == [out]
    return out


@pytest.fixture(scope="module")
def pdf_text(exported: Path) -> str:
    pdftotext = require_program("pdftotext", "poppler-utils")
    result = subprocess.run([pdftotext, "-enc", "UTF-8", str(exported), "-"],
                            capture_output=True, text=True, check=True)
    return result.stdout


def test_is_a_pdf(pdf_text: str, exported: Path) -> None:
    assert exported.read_bytes().startswith(b"%PDF-")


def has_run(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def test_every_highlight_comes_back_in_logical_order(pdf_text: str) -> None:
    page = words(pdf_text)
    for h in sample.all_highlights():
        # Word for word, in the order typed (a PDF in visual order would fail).
        assert has_run(page, words(h.text)), h.text
        if h.speaker:
            assert has_run(page, words(h.speaker))


def test_titles_and_sources_come_back(pdf_text: str) -> None:
    page = letters(pdf_text)
    for article, _ in sample.items():
        assert letters(article.title) in page
        assert letters(article.source) in page


def test_arabic_words_come_back_whole(pdf_text: str) -> None:
    got = set(words(pdf_text))
    for word in ("الحكومة", "المدارس", "الجنوب", "سنبدأ", "العربي", "حداد"):
        assert word in got


def test_allah_comes_back_as_letters_not_a_lost_ligature(pdf_text: str) -> None:
    # The font's optional الله ligature has no Unicode value in Qt's PDF; the
    # export turns optional ligatures off so the word survives copy and search.
    got = words(pdf_text)
    assert got.count("الله") >= 2
    assert "لله" in got


def test_english_quotation_reads_left_to_right(pdf_text: str) -> None:
    lines = [CONTROLS.sub("", line) for line in pdf_text.splitlines()]
    assert "We will support every school that reopens" in lines


def test_bundled_font_is_embedded(exported: Path) -> None:
    pdffonts = require_program("pdffonts", "poppler-utils")
    listing = subprocess.run([pdffonts, str(exported)], capture_output=True, text=True,
                             check=True).stdout
    naskh = [line for line in listing.splitlines() if "NotoNaskhArabic" in line]
    assert naskh and all(" yes " in line for line in naskh)


def test_cancelled_pdf_leaves_nothing(qapp, tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    assert export_items(sample.items(), "pdf", out, cancelled=lambda: True) == []
    assert list(tmp_path.iterdir()) == []


def test_no_colour_tag_line(pdf_text: str) -> None:
    """The reader's colour is the background; no stray "#yellow" (issue 14, item 6)."""
    assert not re.search(r"#?(yellow|green|blue|pink)#?", pdf_text)
