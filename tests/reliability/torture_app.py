"""The long-lived side of the torture test: the real window, offscreen, used.

``python -m tests.reliability.torture_app STORE INBOX SEED`` opens the
store once, shows the real ``MainWindow`` (its poll timer, its worker
threads) and acts like a reader every few tens of milliseconds: stars and
unstars, adds highlights with notes, edits notes, scrolls (reading
positions), imports folders of new articles in the background, searches the
library in the background; the window refreshes its stored rankings by
itself. Its journal is what it knows it wrote.

Driven by lines on stdin: ``pause`` stops acting, waits for its background
jobs, catches up with the store and prints one JSON line (the journal and
what the window shows); ``resume``; ``quit``. Only articles whose ids were
given on the command line (after SEED) are starred or highlighted: the
driver never deletes those.
"""

from __future__ import annotations

import faulthandler
import json
import os
import random
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtTest import QTest

from reader.errors import ReaderError
from reader.gui.app import make_application
from reader.gui.main_window import MainWindow
from reader.gui.workers import ImportReport, Task
from reader.store import Library

LIST_FOLLOWS_MS = 600
"""Twice the window's wait before it lists what it wrote itself."""

WORDS = ("الحكومة", "الموازنة", "المزارعين", "المياه", "الوزير", "البرنامج", "التعليم")


class Commands(QObject):
    """Lines read from stdin on a plain thread, delivered to the GUI thread."""

    received = Signal(str)

    def listen(self) -> None:
        def read() -> None:
            for line in sys.stdin:
                self.received.emit(line.strip())
            self.received.emit("quit")

        threading.Thread(target=read, daemon=True).start()


class Reader:
    """Acts on the window like a person would, and keeps a journal."""

    def __init__(self, window: MainWindow, inbox: Path, seed: int,
                 protected: list[int]) -> None:
        self.window = window
        self.inbox = inbox
        self.rng = random.Random(seed)
        self.protected = protected
        self.notes: dict[int, tuple[int, str]] = {}
        self.stars: dict[int, bool] = {}
        self.imported: list[int] = []
        self.import_failures: list[str] = []
        self.errors: list[str] = []
        self.imports = 0
        self.actions = 0
        self.timer = QTimer()
        self.timer.setInterval(40)
        self.timer.timeout.connect(self.act)
        window.pane.error_occurred.connect(self.errors.append)

    def act(self) -> None:
        self.actions += 1
        action = self.rng.choice((self.star, self.star, self.highlight, self.highlight,
                                  self.edit_note, self.scroll, self.import_folder,
                                  self.search))
        try:
            action()
        except ReaderError as err:
            self.errors.append(f"{action.__name__}: {err.line()}")

    def _open_protected(self) -> int:
        article_id = self.rng.choice(self.protected)
        if self.window.current_article_id() != article_id:
            self.window.open_article(article_id)
        return article_id

    def star(self) -> None:
        article_id = self._open_protected()
        wanted = not self.stars.get(article_id, False)
        self.window.article_commands.set_starred(wanted)
        self.stars[article_id] = wanted

    def highlight(self) -> None:
        article_id = self._open_protected()
        article = self.window.pane.view.article
        assert article is not None
        start = self.rng.randrange(0, max(len(article.body) - 12, 1))
        self.window.pane.view.select_span("body", start, start + 10)
        note = f"ملاحظة {self.actions}"
        record = self.window.pane.add_user_highlight_from_selection("#a5d6a7", note)
        if record is not None and record.id is not None:
            # Words over the edge of the reader's highlights join them into
            # one, with all their notes: those it replaced are gone.
            kept = {h.id for h in self.window.library.highlights(article_id, kind="user")}
            self.notes = {hid: (aid, text) for hid, (aid, text) in self.notes.items()
                          if aid != article_id or hid in kept}
            self.notes[record.id] = (article_id, record.note)

    def edit_note(self) -> None:
        if not self.notes:
            return
        hid = self.rng.choice(sorted(self.notes))
        article_id, _ = self.notes[hid]
        note = f"ملاحظة معدلة {self.actions}"
        self.window.library.update_highlight(hid, note=note)
        self.notes[hid] = (article_id, note)

    def scroll(self) -> None:
        self._open_protected()
        view = self.window.pane.view
        bar = view.verticalScrollBar()
        bar.setValue(self.rng.randint(0, max(bar.maximum(), 0)))
        view.settle_position()

    def import_folder(self) -> None:
        if self.window.jobs.tasks:
            return  # one import at a time, as a reader would
        self.imports += 1
        folder = self.inbox / f"app{self.imports:04d}"
        folder.mkdir(parents=True)
        for n in range(self.rng.randint(1, 4)):
            words = " ".join(self.rng.choice(WORDS) for _ in range(30))
            (folder / f"n{n}.txt").write_text(
                f"خبر النافذة {self.imports}-{n}\n\nقال المتحدث: «{words}» "
                f"وبلغت النسبة {self.rng.randint(2, 90)}%.\napp{self.imports:04d}x{n}\n",
                encoding="utf-8")
        task = self.window.jobs.start_import([folder])
        task.succeeded.connect(self._imported)

    def _imported(self, report: object) -> None:
        assert isinstance(report, ImportReport)
        self.imported += report.added
        self.import_failures += report.errors

    def search(self) -> None:
        self.window.library_search.search_library(self.rng.choice(WORDS))

    def pause(self) -> dict[str, object]:
        """Stop, let every background job end, catch up, and report."""
        self.timer.stop()
        # No feed refresh starts while the store is checked; one running ends
        # first (its articles are the window's own writes: the list follows
        # them when the refresh reports, not through data_version).
        self.window.following.timer.stop()
        app = make_application()
        for _ in range(200):
            tasks: list[Task] = [*self.window.jobs.tasks, *self.window.following.tasks]
            if not tasks and not self.window.library_search.search_pending:
                break
            for task in tasks:
                task.wait(30)
            self.window.library_search.wait_for_search(30)
            app.processEvents()  # type: ignore[attr-defined]
        self.window.library_search.stop_rankings(60)
        app.processEvents()  # type: ignore[attr-defined]
        self.window.library_search.clear_search()
        self.window.poll_store()
        # The window lists its own writes (its imports, its feeds' news) a
        # moment after they report, as a reader sees them: let that moment pass.
        QTest.qWait(LIST_FOLLOWS_MS)
        deleted = [os.readlink(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd")
                   if _is_deleted_store_file(fd)]
        return {
            "notes": {str(k): v for k, v in self.notes.items()},
            "stars": {str(k): v for k, v in self.stars.items()},
            "imported": self.imported,
            "import_failures": self.import_failures,
            "errors": self.errors,
            "window_total": self.window.article_list.model.total,
            "actions": self.actions,
            "deleted_store_files_open": deleted,
        }


def _is_deleted_store_file(fd: str) -> bool:
    try:
        target = os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return False
    return ".sqlite3" in target and target.endswith("(deleted)")


def main() -> int:
    faulthandler.enable()  # a crash of the window says where, on stderr
    store, inbox, seed = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    protected = [int(a) for a in sys.argv[4:]]
    app = make_application()
    library = Library.open(store, create=False)
    window = MainWindow(library, settings=None)
    window.confirm = lambda title, text: True
    window.resize(1000, 700)
    window.show()
    reader = Reader(window, inbox, seed, protected)
    # A dialog would block the run: what it would say goes to the journal.
    window.notify = lambda title, text: reader.errors.append(f"{title}: {text}")
    window.inform = lambda title, text: reader.errors.append(f"{title}: {text}")
    commands = Commands()

    def on_command(line: str) -> None:
        if line == "pause":
            try:
                report = reader.pause()
            except Exception:  # the driver reports it; a silent hang would hide it
                report = {"fatal": traceback.format_exc()}
            print(json.dumps(report, ensure_ascii=False), flush=True)
        elif line == "resume":
            reader.timer.start()
            window.following.timer.start()
        elif line == "quit":
            reader.timer.stop()
            window.close()
            app.quit()  # type: ignore[attr-defined]

    commands.received.connect(on_command)
    commands.listen()
    reader.timer.start()
    print("ready", flush=True)
    status = int(app.exec())  # type: ignore[attr-defined]
    library.close()
    return status


if __name__ == "__main__":
    sys.exit(main())
