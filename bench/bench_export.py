"""Benchmark: export the highlights of many articles to each format.

Articles and highlights are generated in memory (no store). Each format runs
in its own child process, so its peak memory is its own: the table shows the
wall time of ``export_items`` and the growth of peak resident memory during
it (the generated data excluded), plus the output size.

    .venv/bin/python bench/bench_export.py [--articles 10000] [--pdf-articles N]
                                           [--png-articles N]

PNG renders one image per highlight (100,000 cards for 10,000 articles), so it
runs on fewer articles by default; the table says so.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from machine import describe  # noqa: E402

from reader.store.article import Article, HighlightRecord  # noqa: E402

WORDS = ("الحكومة أعلنت الوزير قال المتحدث الخطة المدارس الجنوب المحافظات الاجتماع "
         "المقبل الأسبوع الاقتصاد الأسعار ارتفعت انخفضت المواطنين المنظمة الدولية "
         "التقرير الصادر اليوم أمس مؤتمر صحفي مصادر مطلعة العاصمة البرلمان").split()


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 18))) + "."


def make_items(count: int, *, seed: int = 5) -> list[tuple[Article, list[HighlightRecord]]]:
    """``count`` articles of about 2,000 characters, each with 10 highlights:
    quotations with a speaker, figures with a value, user highlights with notes."""
    rng = random.Random(seed)
    items = []
    for article_id in range(1, count + 1):
        paragraphs, highlights = [], []
        offset = 0
        for p in range(6):
            quote = _sentence(rng)[:-1]
            figure = f"{rng.randint(2, 900)} مليون"
            text = (f"{_sentence(rng)} وقال الوزير: «{quote}». وبلغت الكلفة {figure} دولار. "
                    f"{_sentence(rng)}")
            q = text.index(quote)
            f = text.index(figure)
            highlights.append(HighlightRecord(article_id, "body", "quote", "quotation",
                                              offset + q, offset + q + len(quote), quote,
                                              speaker="الوزير", id=article_id * 100 + p,
                                              engine=1))
            if p < 2:
                highlights.append(HighlightRecord(article_id, "body", "figure", "money",
                                                  offset + f, offset + f + len(figure), figure,
                                                  value={"amount": 1e6, "currency": "USD"},
                                                  id=article_id * 100 + 10 + p, engine=1))
            if p < 2:
                u = text.index(" ", 10) + 1
                end = text.index(" ", u + 12)
                highlights.append(HighlightRecord(article_id, "body", "user", "",
                                                  offset + u, offset + end, text[u:end],
                                                  colour="#ffd54f", note="ملاحظة للمتابعة",
                                                  id=article_id * 100 + 20 + p,
                                                  created="2025-05-01T10:15:00Z"))
            paragraphs.append(text)
            offset += len(text) + 1
        article = Article(title=f"خبر رقم {article_id}: {_sentence(rng)}",
                          body="\n".join(paragraphs), source="وكالة الأنباء", id=article_id,
                          published="2025-03-14", url=f"https://example.org/{article_id}")
        highlights.sort(key=lambda h: (h.start, -h.end))
        items.append((article, highlights))
    return items


def _status_kib(key: str) -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def _reset_peak() -> None:
    """Start VmHWM (peak resident memory) afresh from the current size (Linux)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
    except OSError:
        pass


def run_one(fmt: str, count: int) -> dict[str, float]:
    """Child process: generate, export once, report as JSON on stdout."""
    from reader.exporters import FORMATS, export_items

    if fmt in {"pdf", "png"}:
        from reader.exporters.qtgui import ensure_app, font_family

        ensure_app()
        font_family()
    items = make_items(count)
    highlights = sum(len(h) for _, h in items)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / ("cards" if fmt == "png" else f"out.{FORMATS[fmt].extension}")
        _reset_peak()
        before = _status_kib("VmRSS")
        started = time.perf_counter()
        written = export_items(items, fmt, out)
        seconds = time.perf_counter() - started
        peak = _status_kib("VmHWM")
        size = sum(p.stat().st_size for p in written)
    return {"articles": count, "highlights": highlights, "seconds": seconds,
            "peak_mib": max(0, peak - before) / 1024, "size_mib": size / 2**20}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--pdf-articles", type=int, default=10_000)
    parser.add_argument("--png-articles", type=int, default=20)
    parser.add_argument("--formats", default="md,json,csv,html,txt-visual,pdf,png")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.count)))
        return
    counts = {"pdf": args.pdf_articles, "png": args.png_articles}
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    print("| format | articles | highlights | time (s) | per 1k highlights (s) "
          "| peak memory growth (MiB) | output (MiB) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for fmt in args.formats.split(","):
        count = counts.get(fmt, args.articles)
        result = subprocess.run([sys.executable, __file__, "--one", fmt, "--count", str(count)],
                                capture_output=True, text=True, env=env, check=False)
        if result.returncode:
            print(f"| {fmt} | failed: {result.stderr.strip().splitlines()[-1:]} |")
            continue
        r = json.loads(result.stdout.strip().splitlines()[-1])
        note = " (fewer articles)" if count != args.articles else ""
        print(f"| {fmt}{note} | {r['articles']:,} | {r['highlights']:,} | {r['seconds']:.2f} | "
              f"{r['seconds'] / r['highlights'] * 1000:.3f} | {r['peak_mib']:.1f} | "
              f"{r['size_mib']:.1f} |", flush=True)


if __name__ == "__main__":
    print(describe(), flush=True)
    main()
