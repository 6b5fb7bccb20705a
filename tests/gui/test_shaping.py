"""'Properly shaped' is proven, not assumed.

For sample lines, run by run, the glyph ids the reading view lays out
(``QTextLayout`` glyph runs, listed in visual order) equal what HarfBuzz gives
for the same run with the bundled font file, and differ from the unshaped
glyphs (the cmap lookup of each code point). Qt gives a right-to-left run's
glyphs in logical order; HarfBuzz gives them in visual order, so an RTL run is
compared reversed (DESIGN, Known traps). Digits form their own run.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest
import uharfbuzz as hb
from PySide6.QtGui import QGlyphRun, QRawFont, QTextLayout
from pytestqt.qtbot import QtBot

from reader.gui.fonts import font_path, register_fonts
from reader.gui.reading_view import ReadingView
from reader.store import Article

FATHA, DAMMA, KASRA, SHADDA, SUKUN = "\u064e", "\u064f", "\u0650", "\u0651", "\u0652"

SAMPLES = [
    "أعلنت الحكومة اليوم خطة جديدة للنقل العام",
    # ٪ (not %): the bundled font has no ASCII percent sign, and a fallback font
    # splits the run where Qt and a one-font HarfBuzz cannot be compared.
    "قال الوزير إن النمو بلغ 3.5٪ في عام 2024 مقارنة بالعام الماضي",
    "لا يمكن للأطفال الدخول إلا مع ذويهم",  # lam-alef ligatures
    f"و{FATHA}ق{FATHA}ال{FATHA} الم{DAMMA}ت{FATHA}ح{FATHA}د{SHADDA}{KASRA}ث{DAMMA}"
    f" إ{KASRA}ن{SHADDA}{FATHA}"
    f" الو{FATHA}ض{SUKUN}ع{FATHA} م{DAMMA}س{SUKUN}ت{FATHA}ق{KASRA}ر{SHADDA}{DAMMA}",
    "BBC: المفاوضات ستستأنف قريبا في العاصمة",
]

FLAGS = (QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
         | QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes
         | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions)


@pytest.fixture(scope="module")
def hb_font() -> hb.Font:
    blob = hb.Blob.from_file_path(str(font_path()))
    return hb.Font(hb.Face(blob))


def harfbuzz_glyphs(font: hb.Font, text: str, start: int, end: int, *, rtl: bool) -> list[int]:
    """HarfBuzz's glyphs for ``text[start:end]``, shaped with the whole line as
    context (as Qt does), in HarfBuzz's output order."""
    buf = hb.Buffer()
    buf.add_codepoints([ord(ch) for ch in text], start, end - start)
    buf.direction = "rtl" if rtl else "ltr"
    buf.guess_segment_properties()
    hb.shape(font, buf)
    return [info.codepoint for info in buf.glyph_infos]


def laid_out_runs(qtbot: QtBot, text: str, *, hide_diacritics: bool = False
                  ) -> tuple[str, list[tuple[QGlyphRun, int, int]]]:
    """The first line of ``text`` as the reading view lays it out: each glyph
    run (visual order) with the [start, end) of the block text it covers."""
    view = ReadingView()
    qtbot.addWidget(view)
    view.resize(1400, 400)
    view.set_show_diacritics(not hide_diacritics)
    view.set_article(Article(title="", body=text))
    block = view.document().firstBlock()
    view.document().documentLayout().blockBoundingRect(block)  # lays the block out
    layout = block.layout()
    assert layout.lineCount() == 1, "a sample must fit on one line"
    line = layout.lineAt(0)
    runs = line.glyphRuns(-1, -1, FLAGS)
    # Runs partition the line in logical order: each covers the text up to the next one's start.
    starts = sorted({min(r.stringIndexes()) for r in runs})
    bounds = dict(zip(starts, [*starts[1:], line.textStart() + line.textLength()], strict=True))
    return block.text(), [(r, min(r.stringIndexes()), bounds[min(r.stringIndexes())])
                          for r in runs]


def _has_joining_pair(text: str) -> bool:
    letters = [0x0621 <= ord(ch) <= 0x064A for ch in text]
    return any(a and b for a, b in pairwise(letters))


@pytest.mark.parametrize("sample", SAMPLES)
def test_each_run_is_shaped_like_harfbuzz_shapes_it(
    qtbot: QtBot, hb_font: hb.Font, sample: str
) -> None:
    family = register_fonts()
    text, runs = laid_out_runs(qtbot, sample)
    assert text == sample
    compared = 0
    for run, start, end in runs:
        if run.rawFont().familyName() != family:
            continue  # Latin letters fall back to another font; not ours to check
        qt = list(run.glyphIndexes())
        rtl = run.isRightToLeft()
        expected = harfbuzz_glyphs(hb_font, text, start, end, rtl=rtl)
        assert qt == (expected[::-1] if rtl else expected), text[start:end]
        if _has_joining_pair(text[start:end]):
            unshaped = list(run.rawFont().glyphIndexesForString(text[start:end]))
            assert qt != unshaped, f"{text[start:end]!r} was not shaped"
        compared += 1
    assert compared >= 1


def test_runs_come_in_visual_order_with_digits_on_their_own(qtbot: QtBot) -> None:
    text, runs = laid_out_runs(qtbot, SAMPLES[1])
    lefts = [min(p.x() for p in run.positions()) for run, _, _ in runs]
    assert lefts == sorted(lefts)
    digit_runs = [text[s:e] for run, s, e in runs if not run.isRightToLeft()]
    assert any("2024" in r for r in digit_runs)
    assert all(run.isRightToLeft() for run, s, e in runs if _has_joining_pair(text[s:e]))


def test_hiding_diacritics_keeps_every_letter_glyph(qtbot: QtBot) -> None:
    """Transparent marks must not cut words apart: the same glyphs, joined forms
    included, are laid out with the marks shown and hidden."""
    sample = SAMPLES[3]
    _, shown = laid_out_runs(qtbot, sample)
    _, hidden = laid_out_runs(qtbot, sample, hide_diacritics=True)
    glyphs_shown = Counter(g for run, _, _ in shown for g in run.glyphIndexes())
    glyphs_hidden = Counter(g for run, _, _ in hidden for g in run.glyphIndexes())
    assert glyphs_hidden == glyphs_shown


def test_corpus_arabic_is_drawn_with_the_bundled_font(
    qtbot: QtBot, corpus_articles: list[Path]
) -> None:
    """Every Arabic character of real articles is in the bundled font, so Qt
    never falls back to a system font for it (DESIGN decision 7), and no run
    laid out in the bundled font draws a missing-glyph box."""
    family = register_fonts()
    raw = QRawFont(str(font_path()), 16)
    assert raw.isValid()
    view = ReadingView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    arabic: set[str] = set()
    runs = 0
    for path in corpus_articles[:8]:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        paragraphs = [line for line in lines if line][:6]
        arabic |= {ch for p in paragraphs for ch in p
                   if "\u0600" <= ch <= "\u06ff" and unicodedata.category(ch)[0] in "LMN"}
        view.set_article(Article(title="", body="\n".join(paragraphs)))
        block = view.document().firstBlock()
        while block.isValid():
            view.document().documentLayout().blockBoundingRect(block)
            layout = block.layout()
            for k in range(layout.lineCount()):
                for run in layout.lineAt(k).glyphRuns(-1, -1, FLAGS):
                    if run.rawFont().familyName() == family:
                        assert 0 not in list(run.glyphIndexes())
                        runs += 1
            block = block.next()
    assert runs > 0
    assert arabic
    missing = sorted(f"U+{ord(ch):04X}" for ch in arabic if not raw.supportsCharacter(ord(ch)))
    assert missing == []


def test_register_fonts_is_idempotent_and_gives_the_bundled_family(qapp: object) -> None:
    from PySide6.QtGui import QFontDatabase

    family = register_fonts()
    assert register_fonts() == family
    assert family in QFontDatabase.families()
    assert QFontDatabase.families().count(family) == 1
    assert font_path().is_file()
