"""The exports a reader reads (Markdown, HTML, PDF, PNG cards, plain text for
devices) are Arabic documents: a user highlight's colour, a figure's subtype
and what its value holds (a currency, a Hijri year, a time zone; the range a
figure is one end of as 10–20) are printed in Arabic, never as the English keys
the store keeps. JSON and CSV keep those keys: they are a data contract."""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument

from reader.exporters import export_items
from reader.exporters.common import COLOUR_NAMES, COLOUR_WORDS, SUBTYPE_WORDS
from reader.exporters.pdf import article_html
from reader.exporters.png import _card_html
from reader.store.article import Article, HighlightRecord
from reader.text.figures import find_figures

BODY = ("ارتفعت الأسعار بنسبة 3% وبلغت الكلفة 47 مليار دولار و5 يورو و100 درهم إماراتي "
        "في 5 مارس 2018 الساعة 16:20 بتوقيت غرينتش. قاتل بين 10-20 مسلحا و3000 مقاتل "
        "وخمسة وعشرون رجلا في عام 1445 هـ، وفاز الفريق 3-2 وسجل العداد 1250 في المساء.\n"
        "قال الوزير إن «الخطة جاهزة» وإن «الاقتصاد الأخضر» أولوية.")

FIGURE_SUBTYPES = {s for s in SUBTYPE_WORDS if s not in ("quotation", "term")}

APP_NAME = "rtl-reader"
"""The program's name, a proper noun: Arabic text writes it as it is."""

LINK = re.compile(r"(?:rtl-reader|https?)://\S+?(?=[\s)>\"']|$)")


def _article() -> tuple[Article, list[HighlightRecord]]:
    article = Article(id=5, title="الأسعار ترتفع", source="وكالة الأنباء",
                      published="2026-12-05", url="https://example.com/news/5", body=BODY)
    figures = [HighlightRecord(5, "body", "figure", f.subtype, f.start, f.end,
                               BODY[f.start:f.end], value=f.value)
               for f in find_figures(BODY)]
    quote = BODY.index("الخطة جاهزة")
    term = BODY.index("الاقتصاد الأخضر")
    quotes = [HighlightRecord(5, "body", "quote", "quotation", quote, quote + 11,
                              "الخطة جاهزة", speaker="الوزير"),
              HighlightRecord(5, "body", "quote", "term", term, term + 15, "الاقتصاد الأخضر")]
    users = [HighlightRecord(5, "body", "user", "", 0, 14, BODY[:14], colour=hex_colour,
                             note="ملاحظة للمتابعة", id=100 + n)
             for n, hex_colour in enumerate(COLOUR_NAMES.values())]
    return article, sorted(figures + quotes + users, key=lambda h: (h.start, -h.end))


def test_the_article_holds_every_figure_subtype_and_english_values() -> None:
    """The tables below would prove nothing if the figures lacked a subtype
    or a value the store keeps in English."""
    _, highlights = _article()
    assert {h.subtype for h in highlights if h.kind == "figure"} == FIGURE_SUBTYPES
    values = json.dumps([h.value for h in highlights])
    for english in ("USD", "EUR", "AED", "GMT", "hijri", "range"):
        assert english in values


def latin_words(text: str) -> list[str]:
    """The Latin letters a reader would see, links and the program's name left out."""
    text = LINK.sub(" ", unicodedata.normalize("NFKC", text)).replace(APP_NAME, " ")
    return re.findall(r"[A-Za-z]+", text)


class _Visible(HTMLParser):
    """The text of a page a browser shows (no attributes, no style sheet)."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._hidden += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text.append(data)


def _qt_text(html: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


def _markdown(tmp_path: Path) -> str:
    out = tmp_path / "out.md"
    export_items([_article()], "md", out)
    return re.sub(r"\]\(<[^>]*>\)|<https?://[^>]*>", "]", out.read_text(encoding="utf-8"))


def _html(tmp_path: Path) -> str:
    out = tmp_path / "out.html"
    export_items([_article()], "html", out)
    page = _Visible()
    page.feed(out.read_text(encoding="utf-8"))
    return "".join(page.text)


def _pdf(tmp_path: Path) -> str:
    return _qt_text(article_html(*_article()))  # the rich text the PDF lays out


def _png(tmp_path: Path) -> str:
    article, highlights = _article()
    return "\n".join(_qt_text(_card_html(article, h)) for h in highlights)


def _txt_visual(tmp_path: Path) -> str:
    out = tmp_path / "out.txt"
    export_items([_article()], "txt-visual", out)
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("text_of", [_markdown, _html, _pdf, _png, _txt_visual],
                         ids=["md", "html", "pdf", "png", "txt-visual"])
def test_a_readers_export_prints_no_english_word(qapp, tmp_path: Path, text_of) -> None:
    text = text_of(tmp_path)
    assert re.search("[\u0621-\u064a]", text) or re.search("[\ufb50-\ufeff]", text)
    assert latin_words(text) == []


def test_markdown_names_each_subtype_and_colour_in_arabic(qapp, tmp_path: Path) -> None:
    text = _markdown(tmp_path)
    for subtype in FIGURE_SUBTYPES:
        assert f"({SUBTYPE_WORDS[subtype]})" in text
    for word in COLOUR_WORDS.values():
        # A colour's name, not a tag: "#أصفر" read as a hashtag (a day of use).
        assert f"اللون: {word}" in text
        assert f"#{word}" not in text
    assert "47000000000 دولار أمريكي" in text and "1445 هـ" in text
    # a range's end as the range a reader says, not "10 range=10, 20"
    assert "\u206616:20\u2069 بتوقيت غرينتش" in text  # isolated: it reads as written
    assert "= \u206610–20\u2069 مسلحا" in text
    assert "range" not in text and "أحد طرفي" not in text


def test_machine_formats_keep_their_english_keys(tmp_path: Path) -> None:
    article, highlights = _article()
    export_items([(article, highlights)], "json", tmp_path / "out.json")
    export_items([(article, highlights)], "csv", tmp_path / "out.csv")
    data = (tmp_path / "out.json").read_text(encoding="utf-8")
    assert '"USD"' in data and '"hijri"' in data and '"percent"' in data
    with open(tmp_path / "out.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["Subtype"] for r in rows if r["Kind"] == "figure"} == FIGURE_SUBTYPES
    assert any('"currency": "USD"' in r["Value"] for r in rows)
