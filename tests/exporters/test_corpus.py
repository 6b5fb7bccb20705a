"""Real third-party articles (../shared/corpus, skipped when absent): highlights
on every «…» span and every number come back from each format's real reader."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from reader.exporters import export_items
from reader.exporters.csvfile import unguard
from reader.exporters.text_visual import HEADER, logical_lines
from reader.importers.jsonfile import read_json
from reader.store.article import Article, HighlightRecord
from tests.conftest import require_program
from tests.exporters.test_html import ExportParser
from tests.exporters.test_pdf import has_run, words

QUOTED = re.compile(r"«([^«»\n]{2,300})»")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _article(path: Path, article_id: int) -> tuple[Article, list[HighlightRecord]]:
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    article = Article(id=article_id, title=lines[0], body="\n".join(lines[1:]),
                      source=path.stem)
    highlights = []
    for m in QUOTED.finditer(article.body):
        highlights.append(HighlightRecord(article_id, "body", "quote", "quotation",
                                          m.start(1), m.end(1), m.group(1)))
    for i, m in enumerate(NUMBER.finditer(article.body)):
        kind = "user" if i % 2 else "figure"
        highlights.append(HighlightRecord(article_id, "body", kind, "" if i % 2 else "digits",
                                          m.start(), m.end(), m.group(),
                                          colour="#ffd54f" if i % 2 else "",
                                          note="رقم للمراجعة" if i % 2 else ""))
    highlights.sort(key=lambda h: (h.start, -h.end))
    return article, highlights


@pytest.fixture(scope="module")
def corpus_items(corpus_articles: list[Path]) -> list[tuple[Article, list[HighlightRecord]]]:
    items = [_article(p, i + 1) for i, p in enumerate(corpus_articles)]
    items = [(a, hs) for a, hs in items if hs]
    assert items
    return items


def test_json_round_trip_on_real_articles(tmp_path: Path, corpus_items: list) -> None:
    out = tmp_path / "corpus.json"
    export_items(corpus_items, "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    for entry, (article, highlights) in zip(data["articles"], corpus_items, strict=True):
        assert entry["body"] == article.body
        assert [(h["start"], h["end"], h["text"]) for h in entry["highlights"]] == [
            (h.start, h.end, h.text) for h in highlights]
        for h in entry["highlights"]:
            c = h["context"]
            assert c["text"][c["start"]:c["end"]] == h["text"]
    back = read_json(out.read_text(encoding="utf-8"), name="corpus.json")
    assert [[(h.start, h.end, h.text) for h in a.user_highlights] for a in back] == [
        [(h.start, h.end, h.text) for h in hs if h.kind == "user"] for _, hs in corpus_items]


def test_csv_on_real_articles(tmp_path: Path, corpus_items: list) -> None:
    out = tmp_path / "corpus.csv"
    export_items(corpus_items, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert [unguard(r["Highlight"]) for r in rows] == [h.text for _, hs in corpus_items
                                                       for h in hs]


def test_html_on_real_articles(tmp_path: Path, corpus_items: list) -> None:
    out = tmp_path / "corpus.html"
    export_items(corpus_items, "html", out)
    page = ExportParser()
    page.feed(out.read_text(encoding="utf-8"))
    page.close()
    got = sorted((int(f.attrs["data-start"]), f.quote, f.marked) for f in page.figures)
    want = sorted((h.start, h.text, h.text) for _, hs in corpus_items for h in hs)
    assert got == want


def test_visual_text_on_real_articles(tmp_path: Path, corpus_items: list) -> None:
    out = tmp_path / "corpus.txt"
    export_items(corpus_items, "txt-visual", out)
    expected = {unicodedata.normalize("NFKC", line)
                for a, hs in corpus_items for line in logical_lines(a, hs)} | {HEADER}
    checked = 0
    for line in out.read_text(encoding="utf-8").split("\n"):
        if line and all(unicodedata.bidirectional(ch) in {"R", "AL", "WS", "NSM", "ON"}
                        and not unicodedata.mirrored(ch) for ch in line):
            # Backwards one glyph at a time: a letter with the marks after it.
            glyphs = re.findall(r".[\u0610-\u061a\u064b-\u065f\u0670]*", line)
            assert unicodedata.normalize("NFKC", "".join(reversed(glyphs))) in expected
            checked += 1
    assert checked > 0


def test_pdf_on_real_articles(qapp, tmp_path: Path, corpus_items: list) -> None:
    pdftotext = require_program("pdftotext", "poppler-utils")
    items = corpus_items[:4]
    out = tmp_path / "corpus.pdf"
    export_items(items, "pdf", out)
    text = subprocess.run([pdftotext, "-enc", "UTF-8", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    page = words(text)
    for _, highlights in items:
        for h in highlights:
            assert has_run(page, words(h.text)), h.text
