"""The window's import (File > Import Folder) at archive scale, on real articles.

    python bench/bench_window_import.py [N]      (default 10000)

Writes N plain-text article files built from ``../shared/corpus/pool``
(``bench/pool.py``; once, into ``/tmp/rtl-reader-bench``, shared with
``bench_import.py``), then, in a child process each, opens the main window
(offscreen) on a fresh store and imports the folder the way the menu does
(``ImportExport.start_import``), with one process (the peer, as
``rtl-reader import --jobs 1``) and with every core.
Prints a table: articles a second, the ratio of the two, and how long the
window's event loop was held (a 10 ms timer's longest gaps, p99 and max:
what a reader scrolling or typing meanwhile feels).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from machine import describe  # noqa: E402
from pool import write_files  # noqa: E402

FILES = Path(tempfile.gettempdir()) / "rtl-reader-bench"


def child(store: Path, folder: Path, jobs: int) -> None:
    """In the child: the window, the import, one line of JSON."""
    from unittest import mock

    from PySide6.QtCore import QTimer

    from reader.gui import workers
    from reader.gui.app import make_application
    from reader.gui.main_window import MainWindow
    from reader.store.library import Library

    app = make_application()
    library = Library.open(store)
    window = MainWindow(library)
    window.resize(1200, 800)
    window.show()
    window.notify = lambda *_: None  # no dialog at the end
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    real = workers.import_paths
    with mock.patch.object(workers, "import_paths",
                           lambda lib, paths, ctx: real(lib, paths, ctx, workers=jobs)):
        start = time.perf_counter()
        task = window.jobs.start_import([folder])
        ended: list[float] = []
        task.finished.connect(lambda: ended.append(time.perf_counter()))
        while not ended:
            app.processEvents()
            time.sleep(0.001)
    gaps.sort()
    print(json.dumps({"articles": library.count(), "seconds": ended[0] - start,
                      "p99": gaps[int(len(gaps) * 0.99)], "max": gaps[-1]}))
    library.close()


def run(store: Path, folder: Path, jobs: int) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO),
               HOME=str(store.parent), XDG_CONFIG_HOME=str(store.parent / "config"))
    done = subprocess.run([sys.executable, __file__, "--child", str(store), str(folder),
                           str(jobs)], capture_output=True, text=True, env=env, cwd=REPO)
    if done.returncode != 0:
        sys.exit(f"bench: the window's import failed: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    from reader.importers.parallel import default_workers

    count = int(argv[0]) if argv else 10_000
    folder = FILES / f"txt-{count}"
    write_files(folder, count, "txt")
    cores = default_workers()
    print(f"{'the window imports a folder':<36} {'rate':>10} {'time':>8} "
          f"{'event loop held: p99':>22} {'max':>8}")
    rates = {}
    for jobs in (1, cores):
        with tempfile.TemporaryDirectory() as tmp:
            got = run(Path(tmp) / "library.sqlite3", folder, jobs)
        rates[jobs] = got["articles"] / got["seconds"]
        label = "one process (the peer)" if jobs == 1 else f"every core ({cores})"
        print(f"{f'{count:,} files, {label}':<36} {rates[jobs]:>8,.0f}/s "
              f"{got['seconds']:>7.1f}s {got['p99'] * 1e3:>19.0f} ms {got['max'] * 1e3:>5.0f} ms")
    print(f"{'  every core against one':<36} {rates[cores] / rates[1]:>9.2f}x")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
    else:
        print(describe(), flush=True)
        raise SystemExit(main(sys.argv[1:]))
