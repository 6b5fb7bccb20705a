"""Hostile input: mutated real files, huge and deeply nested files, pages that
try to phone home (issue 7, items 4 and 5)."""

from __future__ import annotations

import http.server
import os
import random
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from reader.errors import InputTooLarge, ReaderError
from reader.importers import MAX_FILE_BYTES, read_file

MUTATIONS_PER_FILE = 12
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

HOSTILE_SPLICES = [
    "\x1b]0;PWNED\x07", "\x1b[2J", "\u009b31m", "\r", "\x85", "\x00",  # terminal commands
    "\\ud800", "\\udfff", "&#xD800;", "&#55296;", "&#x110000;", "&#0;", "&#x1b;",  # not text
]
"""Text an attacker or a broken exporter puts in a file: C0 and C1 controls,
lone surrogates as JSON escapes and as references (issue 13)."""


def _mutate(data: bytes, rng: random.Random) -> bytes:
    """One random edit a damaged download or disk might make, or an attacker."""
    buf = bytearray(data)
    choice = rng.randrange(6)
    if choice == 5:  # hostile characters, spliced in as UTF-8
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(buf) + 1)
            buf[i:i] = rng.choice(HOSTILE_SPLICES).encode("utf-8")
        return bytes(buf)
    if choice == 0 and buf:  # flip bits
        for _ in range(rng.randint(1, 20)):
            i = rng.randrange(len(buf))
            buf[i] ^= 1 << rng.randrange(8)
    elif choice == 1:  # cut short, possibly inside a UTF-8 sequence or a tag
        del buf[rng.randrange(len(buf) + 1):]
    elif choice == 2:  # splice in junk
        i = rng.randrange(len(buf) + 1)
        buf[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    elif choice == 3:  # duplicate a slice (unbalanced tags and quotes)
        i = rng.randrange(len(buf) + 1)
        j = rng.randrange(i, len(buf) + 1)
        buf[j:j] = buf[i:j]
    else:  # NUL bytes, as in a file of another kind
        i = rng.randrange(len(buf) + 1)
        buf[i:i] = b"\x00" * rng.randint(1, 8)
    return bytes(buf)


def test_mutated_corpus_files_give_articles_or_one_line_errors(
    corpus_dir: Path, tmp_path: Path
) -> None:
    rng = random.Random(1234)
    originals = sorted((corpus_dir / "raw").iterdir()) + sorted(
        (corpus_dir / "articles").glob("*.txt"))[:8]
    tried = 0
    for original in originals:
        data = original.read_bytes()
        for n in range(MUTATIONS_PER_FILE):
            target = tmp_path / f"{n}-{original.name}"
            target.write_bytes(_mutate(data, rng))
            try:
                articles = read_file(target)
            except ReaderError as err:
                assert err.subject == str(target)
                assert "\n" not in err.line()
            else:
                assert articles and all(a.title.strip() for a in articles)
                for article in articles:
                    assert not CONTROL.search("".join(article.fields().values()))
                    article.content_hash()  # UTF-8: no lone surrogate is left
            tried += 1
    assert tried == len(originals) * MUTATIONS_PER_FILE


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:  # sparse: a 1 GB file that takes no disk
        fh.truncate(1 << 30)
    assert MAX_FILE_BYTES < 1 << 30
    with pytest.raises(InputTooLarge) as exc:
        read_file(huge)
    assert exc.value.subject == str(huge)


def test_deeply_nested_html_is_refused_or_read_without_recursion(tmp_path: Path) -> None:
    page = tmp_path / "nested.html"
    depth = 200_000
    page.write_text("<html><body>" + "<div>" * depth + "خبر عاجل عن الطقس" + "</div>" * depth
                    + "</body></html>", encoding="utf-8")
    try:
        articles = read_file(page)
    except ReaderError as err:
        assert err.subject == str(page)
    else:
        assert "خبر عاجل" in articles[0].title + articles[0].body


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(b"\x89PNG\r\n\x1a\n")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def counting_server() -> Iterator[tuple[str, list[str]]]:
    _CountingHandler.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _CountingHandler.hits
    server.shutdown()
    server.server_close()


def _hostile_page(base: str) -> str:
    return f"""<!doctype html><html lang="ar"><head><meta charset="utf-8">
<title>تقرير عن أسعار الوقود</title>
<link rel="stylesheet" href="{base}/style.css">
<script src="{base}/tracker.js"></script>
<script>document.write('<img src="{base}/inline.png">')</script>
<style>body {{ background: url({base}/bg.png) }}</style>
</head><body onload="fetch('{base}/onload')">
<article>
<h1>تقرير عن أسعار الوقود</h1>
<p>قال وزير الطاقة إن «الأسعار ستبقى مستقرة حتى نهاية العام» في مؤتمر صحفي عقده اليوم.</p>
<img src="{base}/photo.jpg" onerror="alert(1)">
<iframe src="{base}/frame.html"></iframe>
<p>وأضاف أن الاستهلاك ارتفع بنسبة 12% خلال الربع الأول،
<a href="javascript:alert(2)">التفاصيل</a>.</p>
<p><a href="{base}/more" onclick="steal()">المزيد من الأخبار</a> عن قطاع الطاقة في المنطقة.</p>
</article></body></html>"""


def test_hostile_page_imports_as_clean_text_and_never_phones_home(
    counting_server: tuple[str, list[str]], tmp_path: Path, qapp: object
) -> None:
    base, hits = counting_server
    page = tmp_path / "page.html"
    page.write_text(_hostile_page(base), encoding="utf-8")
    [article] = read_file(page)
    everything = "\n".join(article.fields().values())
    for bad in ("<script", "javascript:", "onload", "onclick", "<iframe", "alert(", base,
                "document.write"):
        assert bad not in everything
    assert "الأسعار ستبقى مستقرة" in article.body

    # Show it in the reading view and export it: still no request may leave.
    from reader import exporters
    from reader.gui.article_pane import ArticlePane
    from reader.store import Library

    store = tmp_path / "library.sqlite3"
    with Library.open(store) as lib:
        [result] = lib.add_articles([article])
        pane = ArticlePane(lib)
        pane.open_article(result.id)
        pane.resize(900, 700)
        pane.show()
        qapp.processEvents()  # type: ignore[attr-defined]
        pane.grab()
        items = exporters.select(lib, [result.id])
        for fmt in ("html", "pdf", "md"):
            exporters.export_items(items, fmt, tmp_path / f"out.{fmt}")
        pane.close()
    assert hits == []


@pytest.mark.parametrize("name", ["../../etc/passwd", "CON", "a" * 300, "x\u202egpj.exe"])
def test_hostile_titles_make_safe_export_names(name: str) -> None:
    from reader.exporters import safe_filename

    safe = safe_filename(name, ext="md")
    assert "/" not in safe and "\\" not in safe and ".." not in safe
    assert "\u202e" not in safe
    assert len(safe) <= 130
    assert safe.endswith(".md")
    assert safe.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL"}
    assert os.path.basename(safe) == safe
