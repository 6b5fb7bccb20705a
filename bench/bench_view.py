"""Benchmark: opening a 1 MB article in the reading view with every highlight painted.

Goal: open (document built, highlights set, first screen painted) <= 300 ms.
Prints a table; asserts nothing. Run: ``QT_QPA_PLATFORM=offscreen python bench/bench_view.py``.
"1 MB" is 1 MB of UTF-8, about 550k Arabic characters (DESIGN decision 10).
"""

from __future__ import annotations

import os
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from reader.store.article import Article, HighlightRecord

WORDS = ("أعلنت الحكومة اليوم في بيان رسمي أن الوزارة ستبدأ تنفيذ الخطة الجديدة للنقل العام "
         "خلال الشهر المقبل وقال المتحدث باسم الوزارة إن المفاوضات مع الشركات مستمرة "
         "وأضاف أن الميزانية تبلغ مليون دولار وأن نسبة النمو ارتفعت هذا العام").split()
GOAL_MS = 300.0


def make_body(target_bytes: int = 1_000_000, seed: int = 7) -> str:
    """Our own news-style Arabic: sentences with «quotations» and figures."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < target_bytes:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            words = rng.choices(WORDS, k=rng.randint(8, 18))
            if rng.random() < 0.4:
                k = rng.randint(1, len(words) - 3)
                words[k] = "«" + words[k]
                words[k + 2] += "»"
            if rng.random() < 0.6:
                figure = f"{rng.randint(2, 900)}.{rng.randint(1, 9)}"
                words.insert(rng.randint(0, len(words)), figure)
            sentences.append(" ".join(words) + ".")
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 1
    return "\n".join(paragraphs)


def highlights_for(article: Article) -> list[HighlightRecord]:
    """The engine's highlights; a plain pattern stands in while the engine is a stub."""
    try:
        from reader.text import find_highlights

        found = find_highlights(article.body) or []
        records = [HighlightRecord.from_highlight(1, h, engine=1, created="") for h in found]
    except NotImplementedError:
        records = []
    if not records:
        for m in re.finditer(r"«([^»]*)»", article.body):
            records.append(HighlightRecord(1, "body", "quote", "quotation", m.start(1), m.end(1),
                                           m.group(1)))
        for m in re.finditer(r"\d+\.\d+", article.body):
            records.append(HighlightRecord(1, "body", "figure", "digits", m.start(), m.end(),
                                           m.group(), value=float(m.group())))
    return records


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def timed(action: Callable[[], object], repeat: int = 3) -> float:
    """Best wall time of ``action`` in ms; pending deletions run between tries."""
    best = float("inf")
    for _ in range(repeat):
        QApplication.processEvents()
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    from reader.gui.reading_view import ReadingView

    body = make_body()
    article = Article(title="الحكومة تعلن خطة جديدة للنقل العام", body=body, id=1)
    records = highlights_for(article)
    view = ReadingView()
    view.resize(1000, 800)
    view.show()
    app.processEvents()
    rss_before = rss_mb()

    def open_and_paint() -> None:
        view.set_article(article, records)
        view.viewport().grab()

    open_ms = timed(open_and_paint)
    rss_after = rss_mb()
    spans = [("body", m.start(), m.end()) for m in re.finditer("في", body)]
    find_ms = timed(lambda: (view.set_find_hits(spans, 0), view.viewport().grab()))

    def engine_find() -> None:
        import reader.text

        hits = reader.text.find(body, "اعلنت")
        view.set_find_hits([("body", m.start, m.end) for m in hits], 0)
        view.viewport().grab()

    try:
        engine_ms = f"{timed(engine_find):.0f} ms"
    except NotImplementedError:
        engine_ms = "(find engine not built)"
    view.set_find_hits([], -1)
    middle = len(body) // 2
    scroll_ms = timed(lambda: (view.scroll_to("body", middle), view.viewport().grab()))
    hide_ms = timed(lambda: (view.set_show_diacritics(False), view.viewport().grab(),
                             view.set_show_diacritics(True)), repeat=1)
    copy_ms = timed(lambda: (view.selectAll(), view.copy()), repeat=1)
    zoom_ms = timed(lambda: (view.zoom_in(), view.viewport().grab(), view.set_zoom(1.0)), repeat=1)
    justify_ms = timed(lambda: (view.set_justified(True), view.viewport().grab(),
                                view.set_justified(False)), repeat=1)

    rows = [
        ("article size (UTF-8 bytes)", f"{len(body.encode('utf-8')):,}"),
        ("characters / paragraphs", f"{len(body):,} / {body.count(chr(10)) + 1:,}"),
        ("highlights (those near the view painted)", f"{len(records):,}"),
        (f"open + first paint (goal <= {GOAL_MS:.0f} ms)", f"{open_ms:.0f} ms"
         + ("" if open_ms <= GOAL_MS else "  OVER GOAL")),
        (f"mark {len(spans):,} find hits + paint", f"{find_ms:.0f} ms"),
        ("find اعلنت (folding hamza) + mark + paint", engine_ms),
        ("scroll to the middle + paint", f"{scroll_ms:.0f} ms"),
        ("hide + show diacritics", f"{hide_ms:.0f} ms"),
        ("select all + copy", f"{copy_ms:.0f} ms"),
        ("zoom in + paint + zoom back", f"{zoom_ms:.0f} ms"),
        ("justify + paint + back", f"{justify_ms:.0f} ms"),
        ("resident memory before open", f"{rss_before:.0f} MB"),
        ("resident memory after open", f"{rss_after:.0f} MB"),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 16}")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    view.close()
    view.deleteLater()
    app.processEvents()


if __name__ == "__main__":
    main()
