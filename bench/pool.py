"""Real articles for the benchmarks, from ``../shared/corpus/pool``.

``pool_records()`` reads the pool (31,024 Arabic news articles, JSON Lines);
``write_files(folder, n, kind)`` writes ``n`` article files built from it,
as plain text (headline, blank line, paragraphs), as simple saved web
pages, or (``jsonl``) as one archive file of ``n`` lines, and returns their
paths and the bytes of UTF-8 text they hold. Past
the pool's size, each further article joins the paragraphs of two pool
articles (a real headline, real vocabulary, a text no other file has), so
100,000 files still read like news. The files are written once into
``folder`` and reused by later runs (their list is the cache).

Never copied into the repository: the benchmarks read the pool where it
lies and stop with a message where it is absent.
"""

from __future__ import annotations

import gzip
import html
import json
import sys
from collections.abc import Iterator
from pathlib import Path

POOL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pool" / \
    "ant-multisource.jsonl.gz"


def pool_records() -> list[dict[str, str]]:
    """Every record of the pool (keys: docno, src, cat, title, text, ...)."""
    if not POOL.exists():
        sys.exit(f"bench: {POOL}: the pool is absent (../shared/corpus/pool)")
    with gzip.open(POOL, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def articles(n: int) -> Iterator[tuple[str, str]]:
    """``n`` (title, body) pairs: the pool's articles, then joins of two."""
    records = [r for r in pool_records() if r["title"].strip() and r["text"].strip()]
    for k in range(n):
        first = records[k % len(records)]
        if k < len(records):
            yield first["title"], first["text"]
            continue
        second = records[(k * 7919) % len(records)]
        rounds = k // len(records)
        paragraphs = first["text"].split("\n")
        cut = len(paragraphs) * rounds // (rounds + 1) or 1
        yield (f"{first['title']} ({rounds})",
               "\n".join(paragraphs[:cut] + second["text"].split("\n")[1:]))


def write_files(folder: Path, n: int, kind: str = "txt") -> tuple[list[Path], int]:
    """``n`` article files in ``folder`` (``txt`` or ``html``), written once;
    their paths and the UTF-8 bytes of the text they hold."""
    folder.mkdir(parents=True, exist_ok=True)
    index = folder.parent / f"{folder.name}.index.json"  # beside: never imported
    if index.exists():
        done = json.loads(index.read_text(encoding="utf-8"))
        return [Path(p) for p in done["paths"]], int(done["bytes"])
    paths, size = [], 0
    if kind == "jsonl":
        archive = folder / "archive.jsonl"
        with archive.open("w", encoding="utf-8") as out:
            for title, body in articles(n):
                out.write(json.dumps({"title": title, "text": body}, ensure_ascii=False) + "\n")
                size += len(title.encode("utf-8")) + len(body.encode("utf-8"))
        paths.append(archive)
    for k, (title, body) in enumerate(articles(n) if kind != "jsonl" else ()):
        path = folder / f"a{k:06d}.{kind}"
        if kind == "txt":
            path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
        else:
            paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in body.split("\n"))
            path.write_text(
                f"<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='utf-8'>"
                f"<title>{html.escape(title)}</title></head><body><nav>الرئيسية | أخبار"
                f"</nav><article><h1>{html.escape(title)}</h1>\n{paragraphs}</article>"
                f"<footer>جميع الحقوق محفوظة</footer></body></html>\n", encoding="utf-8")
        paths.append(path)
        size += len(title.encode("utf-8")) + len(body.encode("utf-8"))
    index.write_text(json.dumps({"paths": [str(p) for p in paths], "bytes": size}),
                     encoding="utf-8")
    return paths, size
