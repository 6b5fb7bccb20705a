"""Import speed and size of the store.

    python bench/bench_import.py [N]        (default 10000)

Generates N articles first (not timed), then imports them into a fresh store
with ``Library.add_articles`` (automatic highlights, both search indexes, one
transaction per ``BATCH_SIZE`` articles) and prints a table: articles per
second (goal: at least 2,000/s), where the time goes (folding + stemming,
highlight engine, SQLite writes), and bytes per article on disk after a WAL
checkpoint. Also times re-importing the same articles (all duplicates).
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_store import Generator

from reader.store import Library, library
from reader.store.stem import stem_text
from reader.text import find_highlights, fold_text


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 10_000
    articles = list(Generator().articles(count))
    chars = sum(len(a.body) + len(a.title) for a in articles)

    # What the import computes per article, outside SQLite.
    sample = articles[: min(count, 1000)]
    t0 = time.perf_counter()
    for a in sample:
        for text in a.fields().values():
            stem_text(fold_text(text))
    fold_s = (time.perf_counter() - t0) / len(sample)
    t0 = time.perf_counter()
    found = 0
    for a in sample:
        for name, text in a.fields().items():
            found += len(find_highlights(text, field=name))
    engine_s = (time.perf_counter() - t0) / len(sample)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "library.sqlite3"
        with Library.open(path) as lib:
            t0 = time.perf_counter()
            results = lib.add_articles(articles)
            import_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            again = lib.add_articles(articles)
            dup_s = time.perf_counter() - t0
            assert not any(r.duplicate for r in results)
            assert all(r.duplicate for r in again)
        con = sqlite3.connect(path)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        highlights = con.execute("SELECT count(*) FROM highlights").fetchone()[0]
        con.close()
        size = path.stat().st_size

    per_article = import_s / count
    rows = [
        ("articles", f"{count:,}"),
        ("characters per article (title + body)", f"{chars / count:,.0f}"),
        ("automatic highlights stored", f"{highlights:,} ({found / len(sample):.1f}/article)"),
        ("batch size (articles per transaction)", f"{library.BATCH_SIZE}"),
        ("import time", f"{import_s:.2f} s"),
        ("import rate", f"{count / import_s:,.0f} articles/s (goal >= 2,000)"),
        ("  fold + stem per article", f"{fold_s * 1e3:.3f} ms"),
        ("  highlight engine per article", f"{engine_s * 1e3:.3f} ms"),
        ("  SQLite writes + rest per article",
         f"{max(per_article - fold_s - engine_s, 0) * 1e3:.3f} ms"),
        ("re-import (all duplicates)", f"{count / dup_s:,.0f} articles/s"),
        ("store size", f"{size / 1e6:.1f} MB"),
        ("bytes per article", f"{size / count:,.0f}"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 30}")
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    if found == 0:
        print("note: the highlight engine found nothing (quotes/figures still stubs?)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
