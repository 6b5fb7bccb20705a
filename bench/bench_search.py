"""Library search speed over a large store.

    python bench/bench_search.py [N] [PATH]     (default 100000, bench-store-N.sqlite3)
    python bench/bench_search.py --pool [N] [PATH]

``--pool`` builds the store from real articles (``bench/pool.py``: the pool,
then joins of two of its articles past its 31,024) with ``rtl-reader
import`` on every core, prints the store's size against the UTF-8 text it
holds, and runs 50 queries drawn (fixed seed) from the pool's own
vocabulary by how many articles hold each word, instead of the fixed list.

Builds the store with ``make_store`` when PATH does not hold N articles yet,
stores the rankings of its commonest words as the window does a few seconds
after opening (``Library.refresh_rankings``; its time is printed, and it is
nothing when they are current), then runs 50 fixed queries (common and rare
words, phrases, prefixes, OR, exclusions, folded spellings, word families)
three times each and prints, per kind and overall, the p50/p95 of
``Library.search(q, limit=20)`` (parse, FTS5 ranking, filters, hits and
snippets from the original text) beside the raw FTS5 time of the same MATCH
string with the same ranking and limit, and their ratio (below 1 where a
stored ranking answers: the raw column is what the search costs without
it); then the time of a few article-list pages and the store's size.
"""

from __future__ import annotations

import resource
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import itertools

from machine import describe
from make_store import build

from reader.store import Library, ListFilter
from reader.store.query import parse
from reader.store.search import TITLE_WEIGHTS, stem_token

QUERIES: list[tuple[str, str, dict[str, object]]] = [
    ("common", q, {}) for q in ("في", "من", "على", "الحكومة", "قال", "اليوم", "أعلنت",
                                "الوزير", "العام", "المنطقة")
] + [
    ("rare", q, {}) for q in ("الجسر", "السدود", "الموانئ", "الهدنة", "الإضراب",
                              "الرباط", "الصادرات", "البطالة", "المطار", "الحقول")
] + [
    ("two words", q, {}) for q in ("الحكومة الأزمة", "المياه الزراعة", "الوزير البرلمان",
                                   "النفط الأسعار", "اللاجئين الحدود")
] + [
    ("phrase", q, {}) for q in ('"الأمم المتحدة"', '"المتحدث باسم الوزارة"',
                                '"رئيس البلدية"', '"مليون دولار"', '"في العاصمة"')
] + [
    ("prefix", q, {}) for q in ("الانتخ*", "المفاوض*", "اقتصا*", "المست*", "مسؤو*")
] + [
    ("or / not", q, {}) for q in ("بيروت OR دمشق", "القاهرة OR عمان الأزمة",
                                  "الحكومة -المعارضة", "النفط -الغاز -الكهرباء",
                                  '"الأمم المتحدة" -اللاجئين')
] + [
    ("folded", q, {}) for q in ("اعلنت", "الازمه", "الاسعار", "٢٠٢٠", "الأمم المتحدة")
] + [
    ("stem / filter", "المعلم", {"stem": True}),
    ("stem / filter", "الحكومات", {"stem": True}),
    ("stem / filter", "الانتخابية", {"stem": True}),
    ("stem / filter", "الوزير", {"source": "وكالة الأنباء"}),
    ("stem / filter", "الأزمة", {"since": "2020-01-01", "until": "2021-12-31"}),
]
assert len(QUERIES) == 50  # as many as pool_queries draws

RUNS = 3


def _raw_ms(con: sqlite3.Connection, query: str, options: dict[str, object]) -> float:
    stem = bool(options.get("stem"))
    table = "articles_stem" if stem else "articles_fts"
    match = parse(query).match(stem_token if stem else None)
    weights = ", ".join(str(w) for w in TITLE_WEIGHTS)
    sql = (f"SELECT rowid FROM {table} WHERE {table} MATCH ? "
           f"ORDER BY bm25({table}, {weights}) LIMIT 20")
    t0 = time.perf_counter()
    con.execute(sql, (match,)).fetchall()
    return (time.perf_counter() - t0) * 1e3


def _search_ms(lib: Library, query: str, options: dict[str, object]) -> tuple[float, int]:
    t0 = time.perf_counter()
    hits = lib.search(query, limit=20, **options)  # type: ignore[arg-type]
    return (time.perf_counter() - t0) * 1e3, len(hits)


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def pool_queries(seed: int = 16) -> list[tuple[str, str, dict[str, object]]]:
    """50 queries in the pool's own words, chosen by document frequency in a
    sample of 3,000 articles: 10 common, 10 of middling frequency, 10 rare,
    5 pairs, 5 phrases, 5 prefixes, 5 with an excluded word or an OR."""
    import random
    from collections import Counter

    from pool import articles

    from reader.text import fold_text

    rng = random.Random(seed)
    words: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for title, body in articles(3000):
        tokens = [t for t in fold_text(f"{title} {body}").split() if t.isalpha()]
        words.update(set(tokens))
        pairs.update({f"{a} {b}" for a, b in itertools.pairwise(tokens)})
    ranked = [w for w, _ in words.most_common() if len(w) > 2]
    middle = [w for w, n in words.items() if 30 <= n <= 90 and len(w) > 3]
    rare = [w for w, n in words.items() if 2 <= n <= 4 and len(w) > 3]
    phrases = [p for p, n in pairs.most_common(400) if all(len(w) > 2 for w in p.split())]
    pick = sorted
    queries: list[tuple[str, str, dict[str, object]]] = [
        ("common", w, {}) for w in ranked[:10]]
    queries += [("middle", w, {}) for w in rng.sample(pick(middle), 10)]
    queries += [("rare", w, {}) for w in rng.sample(pick(rare), 10)]
    queries += [("two words", f"{a} {b}", {}) for a, b in
                zip(rng.sample(pick(middle), 5), rng.sample(ranked[20:200], 5), strict=True)]
    queries += [("phrase", f'"{p}"', {}) for p in rng.sample(phrases[:200], 5)]
    queries += [("prefix", f"{w[:4]}*", {}) for w in rng.sample(ranked[30:300], 5)]
    queries += [("or / not", q, {}) for q in (
        f"{ranked[12]} -{middle[0]}", f"{middle[1]} OR {middle[2]}",
        f"{ranked[15]} -{ranked[40]} -{middle[3]}", f'"{phrases[0]}" -{middle[4]}',
        f"{rare[0]} OR {rare[1]} OR {middle[5]}")]
    return queries


def main(argv: list[str]) -> int:
    from_pool = "--pool" in argv
    argv = [a for a in argv if a != "--pool"]
    count = int(argv[0]) if argv else 100_000
    path = Path(argv[1]) if len(argv) > 1 else Path(
        f"bench-{'pool' if from_pool else 'store'}-{count}.sqlite3")
    have = 0
    if path.exists():
        with Library.open(path) as lib:
            have = lib.count()
    text_bytes = 0
    if from_pool:
        from bench_import import FILES, run_import
        from pool import write_files

        paths, text_bytes = write_files(FILES / f"txt-{count}", count)
        if have < len(paths) * 0.99:
            print(f"importing {len(paths)} pool articles into {path}...", file=sys.stderr)
            for side in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                side.unlink(missing_ok=True)
            seconds = run_import(FILES / f"txt-{count}", 0, path)
            print(f"imported in {seconds:.0f} s ({len(paths) / seconds:.0f}/s)", file=sys.stderr)
        QUERIES[:] = pool_queries()
    elif have < count:
        print(f"building {path} with {count} articles (have {have})...", file=sys.stderr)
        if have:
            path.unlink()
        build(path, count)

    with Library.open(path) as lib:
        t0 = time.perf_counter()
        stored = lib.refresh_rankings()
        refresh_s = time.perf_counter() - t0

    by_kind: dict[str, list[tuple[float, float]]] = {}
    matched = []
    slowest: list[tuple[float, float, str]] = []
    with Library.open(path, read_only=True) as lib:
        con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        for kind, query, options in QUERIES:
            searches, raws = [], []
            for _ in range(RUNS):
                raws.append(_raw_ms(con, query, options))
                ms, n = _search_ms(lib, query, options)
                searches.append(ms)
            matched.append(n)
            by_kind.setdefault(kind, []).append((statistics.median(searches),
                                                 statistics.median(raws)))
            slowest.append((statistics.median(searches), statistics.median(raws), query))
        con.close()
        articles = lib.count()

    header = f"{'queries':<16}{'n':>3}  {'search p50':>10} {'p95':>8}  {'raw FTS p50':>11} " \
             f"{'p95':>8}  {'ratio p50':>9}"
    print(f"{articles:,} articles; times in ms, median of {RUNS} runs per query, limit 20")
    print(f"stored rankings of common words: {stored} made in {refresh_s:.1f} s"
          if stored else "stored rankings of common words: current (or none needed)")
    print(header)
    print("-" * len(header))
    everything: list[tuple[float, float]] = []
    for kind, rows in [*by_kind.items(), ("all", None)]:
        rows = rows if rows is not None else everything
        if kind != "all":
            everything += rows
        s = [r[0] for r in rows]
        r = [r[1] for r in rows]
        print(f"{kind:<16}{len(rows):>3}  {_pct(s, .5):>10.2f} {_pct(s, .95):>8.2f}  "
              f"{_pct(r, .5):>11.2f} {_pct(r, .95):>8.2f}  "
              f"{_pct(s, .5) / max(_pct(r, .5), 1e-6):>9.1f}")
    print("slowest: " + ", ".join(f"{q} {ms:.0f} ms (raw {raw:.0f})"
                                  for ms, raw, q in sorted(slowest, reverse=True)[:8]))
    print()
    print("article list pages (Library.rows, 100 rows; median of 3, ms)")
    with Library.open(path, read_only=True) as lib:
        for label, kwargs in (
            ("newest first, first page", {}),
            ("newest first, middle page", {"offset": articles // 2}),
            ("by title, middle page", {"sort": "title", "offset": articles // 2}),
            ("by figures (no index)", {"sort": "figures"}),
            ("filter on title/source", {"where": ListFilter(text="الحكومة")}),
        ):
            times = []
            for _ in range(RUNS):
                t0 = time.perf_counter()
                lib.rows(limit=100, **kwargs)  # type: ignore[arg-type]
                times.append((time.perf_counter() - t0) * 1e3)
            print(f"  {label:<28}{statistics.median(times):>8.2f}")
        t0 = time.perf_counter()
        lib.count()
        print(f"  {'count()':<28}{(time.perf_counter() - t0) * 1e3:>8.2f}")
    size = path.stat().st_size
    if text_bytes:
        print(f"store against the UTF-8 text it holds: {size / text_bytes:.2f}x "
              f"(goal <= 2.5x)")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"store: {size / 1e6:,.1f} MB ({size / max(articles, 1):,.0f} bytes/article); "
          f"queries with no hit: {sum(1 for n in matched if n == 0)}; "
          f"peak resident memory {peak_mb:,.0f} MB")
    return 0


if __name__ == "__main__":
    print(describe(), flush=True)
    raise SystemExit(main(sys.argv[1:]))
