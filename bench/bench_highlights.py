"""Throughput of the automatic highlight engines on about 1 MB of Arabic.

    .venv/bin/python bench/bench_highlights.py [--corpus DIR] [--mb N]

The text is the corpus articles (``DIR/articles/*.txt``, default
``../shared/corpus`` or ``RTL_READER_CORPUS``) one after another, repeated up
to N MB of UTF-8 (default 1; DESIGN decision 10: 1 MB is about 550k Arabic
characters). Without the corpus it is generated from the project's own news
sentences, rich in figures and number words. Prints, per engine, the best of
three runs in seconds and MB/s, and how many highlights it found (the goal
for ``find_highlights`` is 10 MB/s).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

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
]


def sample_text(corpus: Path, megabytes: float) -> tuple[str, str]:
    """About ``megabytes`` MB of UTF-8 Arabic, and where it came from."""
    paths = sorted((corpus / "articles").glob("*.txt"))
    if paths:
        unit = "\n".join(p.read_text(encoding="utf-8") for p in paths)
        source = f"{len(paths)} corpus articles, repeated"
    else:
        rng = random.Random(5)
        unit = "\n".join(" ".join(rng.choice(SENTENCES) for _ in range(6)) for _ in range(200))
        source = "generated news sentences (no corpus)"
    target = int(megabytes * 1_000_000)
    copies = 1 + target // len(unit.encode("utf-8"))
    return "\n".join([unit] * copies), source


def best_of(engine: Callable[[str], list[object]], text: str, runs: int = 3) -> tuple[float, int]:
    best, count = float("inf"), 0
    for _ in range(runs):
        start = time.perf_counter()
        found = engine(text)
        best = min(best, time.perf_counter() - start)
        count = len(found)
    return best, count


def main() -> int:
    default = Path(os.environ.get("RTL_READER_CORPUS", REPO.parent / "shared" / "corpus"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=default)
    parser.add_argument("--mb", type=float, default=1.0)
    args = parser.parse_args()
    text, source = sample_text(args.corpus, args.mb)
    size = len(text.encode("utf-8")) / 1e6
    print(f"text: {size:.2f} MB, {len(text):,} characters, from {source}")
    print(f"{'engine':<20}{'best s':>10}{'MB/s':>10}{'found':>10}")
    engines: list[tuple[str, Callable[[str], list[object]]]] = [
        ("find_number_words", find_number_words),  # type: ignore[list-item]
        ("find_figures", find_figures),  # type: ignore[list-item]
        ("find_quotes", find_quotes),  # type: ignore[list-item]
        ("find_highlights", find_highlights),  # type: ignore[list-item]
    ]
    for name, engine in engines:
        seconds, count = best_of(engine, text)
        print(f"{name:<20}{seconds:>10.4f}{size / seconds:>10.1f}{count:>10,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
