"""PDF export, read back with poppler's pdftotext and pdffonts."""

from __future__ import annotations

import html
import io
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from reader.exporters import export_items, pdf_fonts
from reader.exporters.pdf import article_html
from reader.store.article import Article, HighlightRecord
from reader.text.bidi import isolate_address
from tests.conftest import require_program
from tests.exporters import sample

CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
MARK = "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]"  # Arabic marks: part of a word


def words(text: str) -> list[str]:
    """The words of ``text`` as pdftotext gives them back: NFKC (presentation
    forms -> letters), no bidi controls, no marks (``marks`` counts them:
    poppler may hang a vowel mark on the letter beside its own). Every
    letter counts, lam-alef (لا لأ لإ لآ) included."""
    text = re.sub(MARK, "", CONTROLS.sub("", unicodedata.normalize("NFKC", text)))
    # Digits and letters apart: pdftotext may move the space at a change of
    # direction ("2.5 مليون" comes back as " 2.5مليون").
    return re.findall(r"\d+|[^\W\d_]+|_", text)


def marks(text: str) -> Counter[str]:
    return Counter(re.findall(MARK, unicodedata.normalize("NFKC", text)))


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


def test_copied_text_is_letters_not_presentation_forms(pdf_text: str) -> None:
    """From a day of use: pdftotext gave ﻣﻘﺘﻄﻔﺎت (U+FB50-FEFF, the forms
    the font's cmap lists for each glyph), so a word copied from the PDF or
    searched for in it was not the word; without NFKC, the title reads as typed."""
    assert not [ch for ch in pdf_text if "\ufb50" <= ch <= "\ufeff"]
    assert "الحكومة تعلن خطة لإعادة إعمار المدارس في الجنوب" in pdf_text


def test_allah_comes_back_as_letters_not_a_lost_ligature(pdf_text: str) -> None:
    # The font's optional الله ligature has no Unicode value in Qt's PDF; the
    # export turns optional ligatures off so the word survives copy and search.
    got = words(pdf_text)
    assert got.count("الله") >= 2
    assert "لله" in got


def test_english_quotation_reads_left_to_right(pdf_text: str) -> None:
    lines = [CONTROLS.sub("", line) for line in pdf_text.splitlines()]
    assert "We will support every school that reopens" in lines


def test_guillemets_of_an_arabic_line_come_back_as_written(pdf_text: str) -> None:
    """From a tester's day: a copy of «خطوة أولى» out of the PDF read
    »خطوة أولى«: an Arabic line draws « with the glyph of », which the PDF's
    text map called ». A Latin line's « » stay as they are. (Parentheses and
    brackets come from the system's fallback font, which the PDF copy does
    not reach: README, known limits.)"""
    text = CONTROLS.sub("", pdf_text)
    assert "«خطوة أولى»" in text and "»خطوة أولى«" not in text
    assert "صفه»" in text and "صفه«" not in text


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


FULL_DISK = """
import resource, signal, sys
from pathlib import Path
from reader.exporters import pdf
from reader.exporters.common import Ticker
from tests.exporters import sample

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, (8192, resource.RLIM_INFINITY))
items = sample.items()
try:
    pdf.write(items, Path(sys.argv[1]), Ticker(len(items), None, None))
except OSError as err:
    print("refused", err.errno)
else:
    print("written", Path(sys.argv[1]).stat().st_size)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE as a full disk: Linux")
def test_a_pdf_the_disk_cannot_hold_is_an_error_not_a_short_file(tmp_path: Path) -> None:
    """Regression: on a full disk Qt's writer dropped the rest of the PDF
    silently, and the export reported a 4 KB file as written. A file size
    limit stands in for the full disk (a write past it fails, EFBIG)."""
    import errno
    import os

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", FULL_DISK, str(tmp_path / "out.pdf")],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.stdout.split() == ["refused", str(errno.EFBIG)], result.stderr


def test_the_source_link_comes_back_whole_and_opens(pdf_text: str, exported: Path) -> None:
    """Regression: Markdown and HTML give the article's original address
    ("المصدر الأصلي"), the PDF left it out. On paper it is the address
    itself, and in a PDF viewer a link to it."""
    [url] = [article.url for article, _ in sample.items() if article.url]
    lines = [unicodedata.normalize("NFKC", CONTROLS.sub("", line))
             for line in pdf_text.splitlines()]
    line = next((line for line in lines if url in line), None)
    assert line is not None, url  # whole, left to right, on one line
    assert "المصدر الأصلي" in line
    assert sum("المصدر الأصلي" in line for line in lines) == 1  # the other has no address
    assert f"/URI ({url})".encode() in exported.read_bytes()


@pytest.mark.parametrize("url", ["https://example.org/news/schools",
                                 "https://example.org/أخبار/مدارس?id=12"])
def test_the_source_address_is_laid_out_left_to_right(url: str) -> None:
    page = article_html(Article(id=3, title="التضخم يتراجع", url=url, body="نص."), [])
    assert f"{isolate_address(url)}</a>" in page.replace("&amp;", "&")


@pytest.mark.parametrize("url", ["", "javascript:alert(1)", "file:///etc/passwd"])
def test_an_address_no_reader_can_open_gives_no_source_line(url: str) -> None:
    assert "المصدر الأصلي" not in article_html(Article(id=3, title="ت", url=url, body="نص."), [])


def test_no_colour_tag_line(pdf_text: str) -> None:
    """The reader's colour is the background; no stray "#yellow" (issue 14, item 6)."""
    assert not re.search(r"#?(yellow|green|blue|pink)#?", pdf_text)


# -- every lam-alef comes back (issue 17) ------------------------------------------

# Each lam-alef form after an initial and after a medial lam, with marks on
# both halves, beside shadda with a vowel (a mark pair the font draws as one
# glyph) and the optional ligature's word الله.
LAM_ALEF_WORDS = ["لا", "بلا", "الاقتصاد", "لأن", "الأسبوع", "لإعادة", "الإنجليزية",
                  "لآخر", "الآن", "سلام", "كلاّ", "لَا", "عَلَأ", "قالَا", "مُعَلِّمٌ", "الله", "لله"]


def lam_alef_items() -> list[tuple[Article, list[HighlightRecord]]]:
    body = " ".join(LAM_ALEF_WORDS) + "."
    article = Article(id=3, title="لا بأس، الأسبوع الآن", source="الإذاعة", body=body)
    quote = HighlightRecord(3, "body", "quote", "quotation", 0, len(body) - 1, body[:-1],
                            id=1, engine=1, created="2025-05-01T10:15:00Z")
    return [(article, [quote])]


def pdf_text_of(path: Path) -> str:
    pdftotext = require_program("pdftotext", "poppler-utils")
    return subprocess.run([pdftotext, "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_every_lam_alef_comes_back_with_its_marks(qapp, tmp_path: Path) -> None:
    out = tmp_path / "lam-alef.pdf"
    export_items(lam_alef_items(), "pdf", out)
    text = pdf_text_of(out)
    page = words(text)
    for word in LAM_ALEF_WORDS:
        assert page.count(*words(word)) >= 2, word  # the quotation and its sentence
    assert has_run(page, words("لا بأس، الأسبوع الآن الإذاعة"))  # title, source
    body = lam_alef_items()[0][0].body
    assert marks(text) == marks(body + body)  # every mark, each on some letter


def test_without_fonttools_the_pdf_is_written_with_the_plain_font(
        qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fallback: no fontTools, the same export, lam-alef lost to the text."""
    monkeypatch.setitem(sys.modules, "fontTools", None)
    monkeypatch.setattr(pdf_fonts, "_state", {})
    out = tmp_path / "plain.pdf"
    assert export_items(lam_alef_items(), "pdf", out) == [out]
    assert pdf_fonts.pdf_family() is None
    page = words(pdf_text_of(out))
    assert "سلام" not in page and "بأس" in page


def test_the_pdf_copy_of_the_font_draws_every_glyph_where_the_font_does(qapp) -> None:
    """The alef part of lam-alef gets a width of its own in the PDF copy, and
    the lam part gives it up, and the guillemets of an Arabic line are
    twins of their own: all still land on the same pixels."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, qGray

    from reader.exporters.qtgui import font_family

    def draw(family: str) -> QImage:
        image = QImage(1400, 120, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        font = QFont(family)
        font.setPixelSize(40)
        font.setFeature(QFont.Tag("liga"), 0)
        painter.setFont(font)
        painter.setPen(QColor("black"))
        painter.drawText(image.rect(), int(Qt.AlignmentFlag.AlignCenter),
                         " ".join([*LAM_ALEF_WORDS, "«خطوة»"]))
        painter.end()
        return image

    family = pdf_fonts.pdf_family()
    assert family is not None
    plain, copy = draw(font_family()), draw(family)
    grey = [(qGray(plain.pixel(x, y)), qGray(copy.pixel(x, y)))
            for x in range(plain.width()) for y in range(plain.height())]
    assert sum(a < 128 for a, _ in grey) > 5000  # something was drawn
    # Antialiasing may shade an edge a little differently (sub-pixel
    # positions); a glyph moved by a pixel turns paper into ink (255 levels).
    assert max(abs(a - b) for a, b in grey) < 96


def test_every_glyph_the_shaper_makes_has_a_text(qapp) -> None:
    """HarfBuzz on the PDF copy: no glyph of real Arabic lacks a code point."""
    import uharfbuzz as hb
    from fontTools.ttLib import TTFont

    from reader.resources import resource_path

    for name, first in pdf_fonts.FACES:
        data, extra = pdf_fonts.searchable_face(resource_path("fonts", name), first)
        font = TTFont(io.BytesIO(data))
        reached = {font.getGlyphID(g) for g in font.getBestCmap().values()}
        shaper = hb.Font(hb.Face(data))
        text = " ".join(LAM_ALEF_WORDS + [a.body for a, _ in sample.items()])
        text = re.sub(r"[^\u0600-\u06ff ]+", " ", text)  # Arabic: Latin is another font
        buffer = hb.Buffer()
        buffer.add_str(text)
        buffer.guess_segment_properties()
        hb.shape(shaper, buffer, {"liga": False})
        assert {g.codepoint for g in buffer.glyph_infos} <= reached, name
        assert all(0xE000 <= code <= 0xF8FF and text for code, text in extra.items())


def test_glyph_texts_follow_the_substitutions() -> None:
    from fontTools.ttLib import TTFont

    from reader.resources import resource_path

    font = TTFont(str(resource_path("fonts", "NotoNaskhArabic-Regular.ttf")))
    texts = pdf_fonts.glyph_texts(font)
    assert texts["uniFEDF.rlig"] == "ل" and texts["uniFE84.rlig"] == "أ"
    assert texts["uniFEFB"] == "لا"  # from the cmap, NFKC


def test_cmap_round_trip() -> None:
    body = (b"2 beginbfrange\n<0001> <0003> [<FEE3> <E000> <00410042>]\n"
            b"<0010> <0012> <0661>\nendbfrange\n1 beginbfchar\n<0020> <E001>\nendbfchar\n")
    entries = pdf_fonts.parse_cmap(body)
    assert entries == {1: "\ufee3", 2: "\ue000", 3: "AB", 16: "١", 17: "٢", 18: "٣",
                       32: "\ue001"}
    assert pdf_fonts.parse_cmap(pdf_fonts.write_cmap(entries)) == entries


# -- the page is paper whatever the app's theme (day use) ---------------------------


def darkest_in(png: Path) -> tuple[int, int]:
    """(darkest grey, how many pixels are darker than 96) of a greyscale PNG."""
    from PySide6.QtGui import QImage

    image = QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
    greys = [image.pixelColor(x, y).value()
             for y in range(image.height()) for x in range(image.width())]
    return min(greys), sum(g < 96 for g in greys)


def test_a_pdf_made_in_the_dark_theme_is_dark_ink_on_white(qapp, tmp_path: Path) -> None:
    """The headings, the highlighted text and the note have no colour of their
    own: they were painted in the application palette's text colour, near white
    in the dark theme, on the white page (unreadable)."""
    from PySide6.QtGui import QColor, QGuiApplication, QPalette

    pdftoppm = require_program("pdftoppm", "poppler-utils")
    article = Article(id=4, title="الأجور تلتهم ربع المصروفات", source="الواحة",
                      body="استحوذت الأجور على ما يقرب من ربع المصروفات.")
    mine = HighlightRecord(4, "body", "user", "", 8, 14, "الأجور", id=1, colour="#ffd54f",
                           note="رقم مهم", created="2025-05-01T10:15:00Z")
    saved = QGuiApplication.palette()
    dark = QPalette(saved)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.Link):
        dark.setColor(role, QColor("#f0f0f0"))
    QGuiApplication.setPalette(dark)
    try:
        out = tmp_path / "dark.pdf"
        assert export_items([(article, [mine])], "pdf", out) == [out]
    finally:
        QGuiApplication.setPalette(saved)
    # The top of the page holds only the page heading and the article's title.
    subprocess.run([pdftoppm, "-r", "40", "-gray", "-png", "-f", "1", "-l", "1",
                    "-y", "0", "-H", "90", "-W", "400", str(out), str(tmp_path / "top")],
                   check=True)
    darkest, dark_pixels = darkest_in(next(tmp_path.glob("top*.png")))
    assert darkest < 60 and dark_pixels > 50


def test_a_figure_alone_stands_in_the_direction_of_its_sentence() -> None:
    article = Article(id=3, title="التضخم يتراجع", body="تراجع التضخم إلى 3.8% في مايو.")
    start = article.body.index("3.8%")
    h = HighlightRecord(3, "body", "figure", "percent", start, start + 4, "3.8%")
    html = article_html(article, [h])
    # The entry "3.8%" sits under the Arabic entries, not across the page.
    assert re.search(r'<p dir="rtl" style="[^"]*background-color[^"]*">3\.8%</p>', html)


# -- a paragraph across pages is in the PDF once ------------------------------------

def _unique_word(n: int) -> str:
    """A word of its own for each ``n``: no lam (no lam-alef), no digit."""
    letters = "بتثجحخدذرزسشصضطظعغفقكمنهوي"
    word = ""
    while True:
        word = letters[n % len(letters)] + word
        n //= len(letters)
        if not n:
            return "س" + word


def test_a_paragraph_across_pages_is_in_the_pdf_once(qapp, tmp_path: Path) -> None:
    """From a day of use: the first line of a paragraph that went on to the
    next page was also drawn, hidden, at the foot of the page before, where
    the page number fell into it ("ه1جمات"), and the last line of the page
    before was drawn, hidden, on the next: pdftotext, search and copy found
    those lines twice. Each word of this export is its own, so a line drawn
    twice shows in the count."""
    paragraphs = [" ".join(_unique_word(p * 1000 + i) for i in range(120)) for p in range(8)]
    body = "\n".join(paragraphs)
    article = Article(id=1, title="عنوان", source="", published="", body=body)
    highlights, start = [], 0
    for n, paragraph in enumerate(paragraphs):
        highlights.append(HighlightRecord(1, "body", "user", "", start, start + len(paragraph),
                                          paragraph, colour="#ffd54f", id=n + 1))
        start += len(paragraph) + 1
    out = tmp_path / "long.pdf"
    export_items([(article, highlights)], "pdf", out)
    text = pdf_text_of(out)
    pages = text.count("\f")
    assert pages >= 4  # the highlights run over several page breaks
    found = Counter(w for w in words(text) if w.startswith("س"))
    # Each paragraph twice: the highlight, and its context (no more fits
    # beside a highlight this long).
    assert found == Counter({w: 2 for w in body.split()})
    # The digits are the page numbers, each once, none read into a word.
    assert sorted((w for w in words(text) if w.isdigit()), key=int) == [
        str(n) for n in range(1, pages + 1)]


def test_a_date_in_a_value_reads_left_to_right(qapp) -> None:
    """The PDF lays «القيمة: 2026-06-30» out right to left; unisolated, the
    bidi algorithm took the date's digits for Arabic numbers after القيمة and
    showed 30-06-2026. The page is drawn from ``article_html``."""
    from PySide6.QtGui import QTextDocument

    body = "يبدأ الموسم في الثلاثين من يونيو المقبل."
    start = body.index("الثلاثين")
    end = body.index(" المقبل")
    article = Article(id=3, title="خبر", body=body)
    h = HighlightRecord(3, "body", "figure", "date", start, end, body[start:end],
                        value={"date": "2026-06-30"})
    doc = QTextDocument()
    doc.setHtml(article_html(article, [h]))
    doc.setTextWidth(600)
    block = doc.begin()
    while block.isValid() and not block.text().startswith("القيمة"):
        block = block.next()
    text = block.text()
    doc.documentLayout().blockBoundingRect(block)  # lays the block out
    assert block.layout().lineCount() == 1
    line = block.layout().lineAt(0)
    dash = text.index("2026") + 4  # after the year (not its first digit: a run's edge)
    day_end = text.index("-30") + 2
    assert line.cursorToX(dash)[0] < line.cursorToX(day_end)[0]


ARABIC_ADDRESS = ("https://www.alarabiya.net/ar/qafilah/2018/07/16/"
                  "كتب-عربية-متنوعة-قد-تعجبك-تعرف-عليها.html")


def glyph_lines(path: Path) -> list[str]:
    """The first page's lines as drawn, each read from left to right (an
    Arabic word comes back last letter first), from pdftotext's boxes."""
    pdftotext = require_program("pdftotext", "poppler-utils")
    boxes = subprocess.run([pdftotext, "-bbox", "-enc", "UTF-8", "-f", "1", "-l", "1",
                            str(path), "-"], capture_output=True, text=True, check=True).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" '
                       r'yMax="([\d.]+)">(.*?)</word>', boxes)
    # Latin and Arabic glyphs of one line have boxes of different heights:
    # a line is the glyphs whose middles lie within a few points.
    glyphs = sorted(((float(top) + float(bottom)) / 2, float(x),
                     unicodedata.normalize("NFKC", CONTROLS.sub("", html.unescape(text))))
                    for x, top, bottom, text in found)
    lines: list[list[tuple[float, float, str]]] = []
    for glyph in glyphs:
        if lines and glyph[0] - lines[-1][0][0] < 5:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    return ["".join(text for _, _, text in sorted(line, key=lambda g: g[1])) for line in lines]


def test_an_address_with_arabic_words_reads_left_to_right_on_paper(
        qapp, tmp_path: Path) -> None:
    """Found by a tester: an address whose path holds Arabic words showed
    "https://…/2018/07/16/-" left of its Arabic words, laid out last word
    first, and «عليها» with ".html" on the next line. An address reads left
    to right as a whole, each Arabic word (right to left) in its own place,
    and a line wraps it at a slash or a hyphen."""
    article = Article(id=579, title="كتب عربية متنوعة قد تعجبك.. تعرف عليها",
                      url=ARABIC_ADDRESS, body="نص قصير.", source="alarabia")
    highlight = HighlightRecord(579, "body", "user", "", 0, 2, "نص")
    out = tmp_path / "address.pdf"
    export_items([(article, [highlight])], "pdf", out)
    lines = glyph_lines(out)
    first = next(i for i, line in enumerate(lines) if "https://" in line)
    label = "".join(reversed("المصدرالأصلي"))  # the boxes hold no spaces
    shown = lines[first][:lines[first].rindex(":")]  # left of the label
    assert lines[first].endswith(label)
    while not shown.endswith(".html"):
        assert shown.endswith(("/", "-")), shown  # wrapped between words only
        first += 1
        shown += lines[first]
    drawn = "".join(part[::-1] if part.isalpha() and not part.isascii() else part
                    for part in re.split(r"([\u0600-\u06ff]+)", ARABIC_ADDRESS))
    assert shown == drawn


def test_a_paragraph_over_many_pages_is_split_in_one_edit(qapp) -> None:
    """A red team's paragraph of a megabyte took minutes to export: each split
    at a page break was its own change to the document, and Qt laid the rest
    of the paragraph out again after every one (quadratic: 380,000 letters
    took 80 s). The splits of a round are one edit, so the document is laid
    out once a round however many pages the paragraph crosses."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument

    from reader.exporters.pdf import _split_at_pages
    doc = QTextDocument()
    doc.setPageSize(QSizeF(600, 400))
    doc.setHtml("<p>" + ("من الناس " * 26 + "5% ") * 300 + "</p>")
    pages = doc.pageCount()
    changes: list[int] = []
    doc.contentsChange.connect(lambda *_: changes.append(1))
    _split_at_pages(doc)
    assert pages >= 20
    assert doc.blockCount() >= pages  # split at every page break
    assert len(changes) <= 3  # one edit a round, not one a page


def test_a_note_is_labelled_and_upright() -> None:
    """A tester's day: notes were set in slanted Arabic, a slant the script
    never had. The note is labelled, as Markdown and the plain text label it."""
    from reader.exporters.html import stylesheet

    article = Article(id=4, title="الأجور تلتهم ربع المصروفات",
                      body="استحوذت الأجور على ما يقرب من ربع المصروفات.")
    mine = HighlightRecord(4, "body", "user", "", 8, 14, "الأجور", id=1, colour="#ffd54f",
                           note="رقم مهم\nيحتاج إلى مصدر")
    html = article_html(article, [mine])
    assert "<b>ملاحظة:</b> رقم مهم<br>يحتاج إلى مصدر" in html
    assert "italic" not in html and "italic" not in stylesheet()
    # The HTML export labels it too (a tester's check: it stood alone there).
    from reader.exporters.html import render_highlight

    page = render_highlight(article, mine)
    assert '<p class="note" dir="rtl"><b>ملاحظة:</b> رقم مهم<br>يحتاج إلى مصدر</p>' in page
