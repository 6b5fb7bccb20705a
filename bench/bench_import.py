"""Import at archive scale, on real articles (issue 16, item 2).

    python bench/bench_import.py [N] [HTML_N]      (default 30000 and 2000)

Writes N plain-text article files, HTML_N saved web pages and one archive
of 12,000 articles in JSON Lines built from ``../shared/corpus/pool``
(``bench/pool.py``; once, into ``/tmp/rtl-reader-bench``), then times
``rtl-reader import FOLDER`` (or the archive) end to end in a child
process, the way a user runs it: with one process
(``--jobs 1``, the peer: what the command did before) and with every core
(the default), each into a fresh store. Prints a table: articles a second,
the ratio of the two, the store's size against the UTF-8 text it holds,
as the import leaves it and after FTS5's ``optimize``; then where an
article's time goes in one process (fold and stem, highlights, the rest:
reading, SQLite).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from machine import describe
from pool import articles, write_files

from reader.importers.parallel import default_workers
from reader.store.stem import stem_text
from reader.text import find_highlights, fold_text

FILES = Path(tempfile.gettempdir()) / "rtl-reader-bench"
ARCHIVE = 12_000
"""Articles of the archive file (about 37 MB of JSON Lines, read in ranges
of lines: ``reader.importers.ranges``)."""
REPO = Path(__file__).resolve().parent.parent


def run_import(folder: Path, jobs: int, store: Path) -> float:
    """Seconds ``rtl-reader import folder --jobs N`` takes, start to end
    (``jobs`` 0: the command's default, every core); ``folder`` may be a file."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "reader", "--store", str(store), "import",
                           str(folder), *(["--jobs", str(jobs)] if jobs else [])],
                          capture_output=True, text=True, env=env, cwd=REPO)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        sys.exit(f"bench: import failed: {done.stderr.strip()[-500:]}")
    return seconds


def size_ratio(store: Path, text_bytes: int, *, optimize: bool) -> float:
    con = sqlite3.connect(store, isolation_level=None)
    try:
        if optimize:
            for table in ("articles_fts", "articles_stem"):
                con.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
            con.execute("VACUUM")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    return store.stat().st_size / text_bytes


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 30_000
    pages = int(argv[1]) if len(argv) > 1 else 2_000
    cores = default_workers()
    # First: without the pool the run would stop here only after every import.
    drawn = list(articles(600))
    # The first 100 warm the engines up (patterns compiled at their first
    # use, as in the first seconds of an import) and are not timed.
    warm, sample = drawn[:100], drawn[100:]
    rows: list[tuple[str, str, str, str]] = []
    for kind, n in (("txt", count), ("html", pages), ("jsonl", ARCHIVE)):
        folder = FILES / f"{kind}-{n}"
        paths, text_bytes = write_files(folder, n, kind)
        what = (f"{n:,} articles in one JSON Lines file" if kind == "jsonl"
                else f"{n:,} {kind} files")
        rates = {}
        for jobs in (1, cores):
            with tempfile.TemporaryDirectory() as tmp:
                store = Path(tmp) / "library.sqlite3"
                seconds = run_import(paths[0] if kind == "jsonl" else folder, jobs, store)
                rates[jobs] = n / seconds
                ratio = size_ratio(store, text_bytes, optimize=False)
                optimized = size_ratio(store, text_bytes, optimize=True)
            rows.append((f"{what}, --jobs {jobs}", f"{rates[jobs]:,.0f}/s",
                         f"{seconds:.1f} s", f"{ratio:.2f}x / {optimized:.2f}x"))
        rows.append((f"  every core against one ({cores} cores)",
                     f"{rates[cores] / rates[1]:.2f}x", "", ""))
    for title, body in warm:
        stem_text(fold_text(body))
        find_highlights(title, field="title")
        find_highlights(body)
    t0 = time.perf_counter()
    folded = [[fold_text(t) for t in pair] for pair in sample]
    fold_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for pair in folded:
        for text in pair:
            stem_text(text)
    stem_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for title, body in sample:
        find_highlights(title, field="title")
        find_highlights(body)
    engine_s = time.perf_counter() - t0
    print(f"{'import (end to end, rtl-reader import)':<50} {'rate':>10} {'time':>9}  "
          f"store / text (as left / optimized)")
    for label, rate, seconds, ratio in rows:
        print(f"{label:<50} {rate:>10} {seconds:>9}  {ratio}")
    print("goal: >= 2,000 articles/s; store <= 2.5x the text")
    n = len(sample)
    print(f"\none process, per article of the pool ({n}, after {len(warm)} to warm up): "
          f"fold {fold_s / n * 1e3:.2f} ms, stem {stem_s / n * 1e3:.2f} ms, "
          f"highlights {engine_s / n * 1e3:.2f} ms")
    return 0


if __name__ == "__main__":
    print(describe(), flush=True)
    raise SystemExit(main(sys.argv[1:]))
