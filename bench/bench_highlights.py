"""Throughput of the automatic highlight engines, on real pool text and on samples.

    .venv/bin/python bench/bench_highlights.py [--corpus DIR] [--mb N] [--seed S]

Three texts, each about N MB of UTF-8 (default 3; DESIGN decision 10: 1 MB
is about 550k Arabic characters):

``pool``     articles drawn at random (``--seed``) from the pool
             (``DIR/pool/ant-multisource.jsonl.gz``), none repeated: unseen
             vocabulary, the figure that counts (the goal for
             ``find_highlights`` is 10 MB/s); first one pass of
             ``find_highlights`` before any engine has seen its words, then
             each engine's best of three passes;
``samples``  the corpus articles (``DIR/articles/*.txt``) one after another,
             repeated up to N MB;
``made``     the project's own news sentences, rich in figures and number
             words (always there, even without the corpus).

``DIR`` defaults to ``../shared/corpus`` or ``RTL_READER_CORPUS``; a text whose
source is missing is skipped with a message. Each engine runs on the text
article by article (as the store calls it), best of three runs; the table
gives seconds, MB/s and the number of highlights found.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from machine import describe  # noqa: E402

from reader.text import find_highlights  # noqa: E402
from reader.text.figures import find_figures  # noqa: E402
from reader.text.numbers import find_number_words  # noqa: E402
from reader.text.quotes import find_quotes  # noqa: E402

SENTENCES = [
    "أعلنت وزارة الصحة تسجيل 1,250 إصابة جديدة خلال 24 ساعة، بينها ثلاث حالات حرجة.",
    "وقال المتحدث باسم الحكومة إن «العجز بلغ 52 مليار دولار لعام 2018» وفق التقديرات.",
    "ارتفعت الأسعار بنسبة ٤٫٥٪ في مارس، مقابل 3.2 في المئة قبل عام.",
    "وصل أكثر من ثلاثة آلاف وخمسمئة لاجئ إلى الحدود منذ 5 مارس 2018.",
    "يبدأ الاجتماع عند الساعة 16:20 في مقر البرلمان، ويستمر حتى المساء.",
    "تراوحت أعمار المشاركين بين 16 و18 سنة، وأغلبهم من الطلاب.",
    "وأشار التقرير إلى أن خمسة وعشرين شخصاً أصيبوا في الحادث الذي وقع أمس.",
    "عاش المعماري (1914-2015) حياة طويلة، وصمم عشرات المباني في المنطقة.",
    "تبلغ المسافة 5 كم، وتستغرق الرحلة نصف ساعة تقريباً.",
    "نشر الوسم #الانتخابات2018 على نطاق واسع، إلى جانب تحذيرات من COVID-19.",
    "في الرابع من أبريل، قدمت الشركة عرضاً بقيمة 1799 دينار تونسي للهاتف الجديد.",
    "ولا يزال الحوار مستمراً بين الأطراف في آن واحد، دون نتائج واضحة حتى الآن.",
    "وفاز الفريق المضيف 2-صفر بعد أن تعادل 1-1 في لقاء الذهاب، واستمرت المباراة يوماً واحداً.",
]


def pool_texts(corpus: Path, megabytes: float, seed: int) -> list[str] | None:
    """Pool articles drawn at random, about ``megabytes`` MB, none repeated."""
    path = corpus / "pool" / "ant-multisource.jsonl.gz"
    if not path.is_file():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    random.Random(seed).shuffle(texts)
    out: list[str] = []
    size = 0
    for text in texts:
        if size >= megabytes * 1_000_000:
            break
        out.append(text)
        size += len(text.encode("utf-8"))
    return out


def sample_texts(corpus: Path, megabytes: float) -> list[str] | None:
    """The corpus articles, repeated up to ``megabytes`` MB."""
    unit = [p.read_text(encoding="utf-8") for p in sorted((corpus / "articles").glob("*.txt"))]
    if not unit:
        return None
    return _repeat(unit, megabytes)


def made_texts(megabytes: float) -> list[str]:
    """Articles of six sentences each, from the project's own sentences."""
    rng = random.Random(5)
    unit = [" ".join(rng.choice(SENTENCES) for _ in range(6)) for _ in range(200)]
    return _repeat(unit, megabytes)


def _repeat(unit: list[str], megabytes: float) -> list[str]:
    size = sum(len(t.encode("utf-8")) for t in unit)
    return unit * (1 + int(megabytes * 1_000_000) // size)


def best_of(engine: Callable[[str], Sequence[object]], texts: list[str],
            runs: int = 3) -> tuple[float, int]:
    """The best time of ``runs`` passes over ``texts``, and the items found."""
    best, count = float("inf"), 0
    for _ in range(runs):
        start = time.perf_counter()
        count = sum(len(engine(t)) for t in texts)
        best = min(best, time.perf_counter() - start)
    return best, count


ENGINES: list[tuple[str, Callable[[str], Sequence[object]]]] = [
    ("find_number_words", find_number_words),
    ("find_figures", find_figures),
    ("find_quotes", find_quotes),
    ("find_highlights", find_highlights),
]


def main() -> int:
    default = Path(os.environ.get("RTL_READER_CORPUS", REPO.parent / "shared" / "corpus"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=default)
    parser.add_argument("--mb", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sources = {
        "pool": pool_texts(args.corpus, args.mb, args.seed),
        "samples": sample_texts(args.corpus, args.mb),
        "made": made_texts(args.mb),
    }
    print(f"{'text':<9}{'MB':>6}{'articles':>10}  {'engine':<19}{'best s':>9}{'MB/s':>8}"
          f"{'found':>10}")
    pool = sources["pool"]
    if pool is not None:
        # Before any engine has seen the pool's words: the engines keep what
        # they learn of a word (its fold, its number value), and the best of
        # three passes below reads every word a second time. 0.2 MB of other
        # pool articles compile the patterns first, as an import's first
        # articles do.
        warm = (pool_texts(args.corpus, args.mb + 0.2, args.seed) or [])[len(pool):]
        for text in warm:
            find_highlights(text)
        size = sum(len(t.encode("utf-8")) for t in pool) / 1e6
        start = time.perf_counter()
        count = sum(len(find_highlights(t)) for t in pool)
        seconds = time.perf_counter() - start
        print(f"{'pool':<9}{size:>6.2f}{len(pool):>10,}  {'find_highlights':<19}{seconds:>9.3f}"
              f"{size / seconds:>8.1f}{count:>10,}  first pass, its words unseen")
    for name, texts in sources.items():
        if texts is None:
            print(f"{name:<9}  skipped: not found under {args.corpus}")
            continue
        size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        for engine_name, engine in ENGINES:
            seconds, count = best_of(engine, texts)
            print(f"{name:<9}{size:>6.2f}{len(texts):>10,}  {engine_name:<19}{seconds:>9.3f}"
                  f"{size / seconds:>8.1f}{count:>10,}")
    return 0


if __name__ == "__main__":
    print(describe(), flush=True)
    sys.exit(main())
