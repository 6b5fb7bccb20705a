"""How fast the window opens and scrolls as the library grows (DESIGN decision 7:
100,000 articles should open and scroll like 10).

    python bench/bench_gui.py [--sizes 10,1000,100000] [--store PATH]

For each size a store is built once under ``bench/.cache`` (short generated
articles: the list reads titles, sources and counts, not bodies; pass
``--store`` to time a store made by ``bench/make_store.py`` instead). Each
run is a fresh process (offscreen unless DISPLAY is set and
``QT_QPA_PLATFORM`` says otherwise) that opens the window; the table gives the
time from process start to the window shown with its first article open, the
time to scroll the list to its end 20 times (each scroll loads one more page),
and the resident memory after each.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from machine import describe  # noqa: E402

CHILD = r"""
import json, sys, time
from pathlib import Path

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0

from PySide6.QtCore import QCoreApplication, QElapsedTimer
from reader.gui.app import make_application
from reader.gui.main_window import MainWindow
from reader.store import Library

app = make_application()
library = Library.open(Path(sys.argv[1]), read_only=True)
window = MainWindow(library, settings=None, poll_ms=0)
window.resize(1280, 800)
window.show()
clock = QElapsedTimer()
clock.start()
while not (window.windowHandle() and window.windowHandle().isExposed()) and clock.elapsed() < 20000:
    QCoreApplication.processEvents()
QCoreApplication.processEvents()
shown = time.time()
rss_shown = rss_mb()
start = time.perf_counter()
for _ in range(20):
    window.article_list.view.scrollToBottom()
    QCoreApplication.processEvents()
scrolled = time.perf_counter() - start
print(json.dumps({"shown": shown, "rss_shown": rss_shown, "scroll_s": scrolled,
                  "rows": window.article_list.model.rowCount(),
                  "total": window.article_list.model.total,
                  "rss_scrolled": rss_mb(), "article": window.current_article_id()}))
window.close()
library.close()
"""


def build_quick(path: Path, count: int) -> None:
    """``count`` short articles (generated titles, one-sentence bodies)."""
    from bench.make_store import SOURCES, Generator
    from reader.store import Article, Library

    gen = Generator()
    import random

    rng = random.Random(7)
    with Library.open(path) as lib:
        step = 5000
        for first in range(0, count, step):
            lib.add_articles(
                Article(title=f"{gen._sentence(rng, rng.randint(6, 12))} ({n})",
                        body=gen._sentence(rng, 25) + ".",
                        source=rng.choice(SOURCES),
                        published=f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-"
                                  f"{rng.randint(1, 28):02d}")
                for n in range(first, min(first + step, count)))


def measure(store: Path) -> dict[str, float]:
    env = dict(os.environ)
    if not env.get("DISPLAY") or env.get("QT_QPA_PLATFORM") == "offscreen":
        env["QT_QPA_PLATFORM"] = "offscreen"
    started = time.time()
    out = subprocess.run([sys.executable, "-c", CHILD, str(store)], cwd=REPO, env=env,
                         capture_output=True, text=True, check=True, timeout=600).stdout
    result = json.loads(out.strip().splitlines()[-1])
    result["start_to_shown_s"] = result["shown"] - started
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,1000,100000")
    parser.add_argument("--store", type=Path, help="time this store only")
    parser.add_argument("--runs", type=int, default=3, help="runs per store (best is kept)")
    args = parser.parse_args(argv)
    stores: list[tuple[str, Path]] = []
    if args.store:
        stores.append((args.store.name, args.store))
    else:
        cache = REPO / "bench" / ".cache"
        cache.mkdir(exist_ok=True)
        for size in (int(s) for s in args.sizes.split(",")):
            path = cache / f"gui-{size}.sqlite3"
            if not path.exists():
                t = time.perf_counter()
                build_quick(path, size)
                print(f"built {path} ({size} articles) in {time.perf_counter() - t:.1f} s",
                      file=sys.stderr)
            stores.append((f"{size:,}", path))
    print(f"{'articles':>10} {'start→shown':>12} {'RSS shown':>10} {'20 scrolls':>11} "
          f"{'rows loaded':>12} {'RSS after':>10}")
    for label, path in stores:
        runs = [measure(path) for _ in range(max(args.runs, 1))]
        best = min(runs, key=lambda r: r["start_to_shown_s"])
        print(f"{label:>10} {best['start_to_shown_s'] * 1000:>10.0f}ms "
              f"{best['rss_shown']:>8.0f}MB {best['scroll_s'] * 1000:>9.0f}ms "
              f"{best['rows']:>6}/{best['total']:<6} {best['rss_scrolled']:>8.0f}MB")
    return 0


if __name__ == "__main__":
    print(describe(), flush=True)
    raise SystemExit(main(sys.argv[1:]))
