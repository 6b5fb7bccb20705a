"""Background jobs: results and failures arrive as signals in the GUI thread,
Cancel stops an import between files, each file is stored whole or skipped."""

from __future__ import annotations

import gzip
import itertools
import json
import multiprocessing
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QThread
from pytestqt.qtbot import QtBot

from reader.errors import OutputExists, ReaderError
from reader.gui import workers
from reader.gui.workers import ExportRequest, Task, TaskContext
from reader.importers import ranges
from reader.store import Article, Library


class FakeContext(TaskContext):
    """Runs a job inline; says "cancelled" once ``cancel_after`` progress reports came."""

    def __init__(self, cancel_after: int | None = None) -> None:
        self.reports: list[tuple[int, int]] = []
        self.partials: list[object] = []
        self.cancel_after = cancel_after

    def progress(self, done: int, total: int) -> None:
        self.reports.append((done, total))

    def partial(self, value: object) -> None:
        self.partials.append(value)

    def cancelled(self) -> bool:
        return self.cancel_after is not None and len(self.reports) > self.cancel_after


def write_news(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"news{i:02d}.txt"
        path.write_text(f"خبر رقم {i}\n\nنص الخبر رقم {i} عن الطقس في المدينة.\n",
                        encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def store(store_path: Path) -> Iterator[Library]:
    """The window's library: the one every job of the window uses."""
    with Library.open(store_path) as library:
        yield library


def test_import_reports_added_duplicates_and_failures(store: Library, tmp_path: Path) -> None:
    files = write_news(tmp_path / "in", 3)
    (tmp_path / "in" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    context = FakeContext()
    report = workers.import_paths(store, [tmp_path / "in"], context)
    assert len(report.added) == 3 and report.duplicates == 0 and not report.cancelled
    assert len(report.errors) == 1 and "image.png" in report.errors[0]
    assert context.reports[0] == (0, 4) and context.reports[-1] == (4, 4)
    assert sum(len(p) for p in context.partials) == 3  # type: ignore[arg-type]
    again = workers.import_paths(store, files, FakeContext())
    assert again.added == [] and again.duplicates == 3


def test_import_progress_follows_the_bytes_read_not_the_inputs(
        store: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From a day of use: an archive read in ranges showed "3/12" (ranges,
    read as articles), and a folder counted a big archive as one small
    file. Progress is now in KiB of input: the archive's steps add up to
    its size, and the bar reads a percentage."""

    monkeypatch.setattr(ranges, "RANGE_BYTES", 4096)
    folder = tmp_path / "in"
    write_news(folder, 2)
    body = "قال المتحدث إن الأمطار الغزيرة أغلقت الطرق المؤدية إلى المدينة. " * 4
    archive = folder / "news.jsonl"
    archive.write_text("\n".join(json.dumps({"title": f"خبر رقم {n}", "text": f"{body} {n}"},
                                            ensure_ascii=False) for n in range(120)) + "\n",
                       encoding="utf-8")
    context = FakeContext()
    report = workers.import_paths(store, [folder], context, workers=1)
    assert len(report.added) == 122 and not report.errors
    done = [d for d, _ in context.reports]
    total = context.reports[0][1]
    assert {t for _, t in context.reports} == {total}
    assert done[0] == 0 and done[-1] == total and done == sorted(done)
    kib = archive.stat().st_size // 1024
    assert kib - 12 <= total - 2 <= kib  # the archive in KiB (each range rounded down), two files
    assert len(done) >= 2 + 12  # a step each range of 4 KiB
    assert max(b - a for a, b in itertools.pairwise(done)) <= 5  # no input's step a big one


class WatchingContext(FakeContext):
    """Also notes the most worker processes alive at a progress report."""

    def __init__(self) -> None:
        super().__init__()
        self.workers = 0

    def progress(self, done: int, total: int) -> None:
        super().progress(done, total)
        self.workers = max(self.workers, len(multiprocessing.active_children()))


def test_the_window_imports_on_every_core_what_one_process_imports(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.importers import parallel

    monkeypatch.setattr(parallel, "SPAWN_AT_LEAST", 2)  # workers for a few files too
    write_news(tmp_path / "in", 12)
    (tmp_path / "in" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    stored = []
    for jobs in (1, 2):
        context = WatchingContext()
        with Library.open(tmp_path / f"s{jobs}.sqlite3") as library:
            report = workers.import_paths(library, [tmp_path / "in"], context, workers=jobs)
            stored.append(([(r.title, r.body) for r in map(library.get, report.added)],
                           [e.split(": ", 1)[1] for e in report.errors], report.duplicates,
                           context.reports[-1]))
        assert context.workers == (2 if jobs == 2 else 0)
    assert stored[0] == stored[1]
    assert len(stored[0][0]) == 12 and len(stored[0][1]) == 1


@pytest.mark.parametrize("jobs", [1, 2])
def test_cancel_stops_between_files_and_keeps_what_was_stored(
        store: Library, tmp_path: Path, jobs: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.importers import parallel

    monkeypatch.setattr(parallel, "SPAWN_AT_LEAST", 2)
    files = write_news(tmp_path / "in", 40)
    report = workers.import_paths(store, files, FakeContext(cancel_after=2), workers=jobs)
    assert multiprocessing.active_children() == []  # the workers went with the import
    assert report.cancelled
    assert len(report.added) == 2
    assert store.count() == 2
    assert sorted(r.title for r in store.rows()) == ["خبر رقم 0", "خبر رقم 1"]


def test_export_refuses_to_replace_without_force(store: Library, tmp_path: Path) -> None:
    [result] = store.add_articles([Article(
        title="خبر", body="قال الوزير: «سنبدأ غداً» وبلغت الكلفة 5 ملايين دولار.")])
    out = tmp_path / "out.md"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(OutputExists):
        workers.export(store, ExportRequest([result.id], "md", out), FakeContext())
    assert out.read_text(encoding="utf-8") == "old"
    written = workers.export(store, ExportRequest([result.id], "md", out, force=True),
                             FakeContext())
    assert written == [out] and "سنبدأ غداً" in out.read_text(encoding="utf-8")


def test_export_with_nothing_to_export_is_a_reader_error(store: Library, tmp_path: Path) -> None:
    [result] = store.add_articles([Article(title="خبر", body="نص بلا اقتباس.")])
    with pytest.raises(ReaderError, match="no highlights"):
        workers.export(store, ExportRequest([result.id], "md", tmp_path / "x.md",
                                            kinds=["user"]), FakeContext())


def test_task_signals_arrive_in_the_gui_thread(qtbot: QtBot) -> None:
    gui = QCoreApplication.instance().thread()  # type: ignore[union-attr]
    seen: dict[str, object] = {}
    worker_threads: list[threading.Thread] = []

    def job(context: TaskContext) -> str:
        worker_threads.append(threading.current_thread())
        context.progress(1, 2)
        return "done"

    task = Task(job)
    task.progressed.connect(lambda d, t: seen.update(progress_thread=QThread.currentThread()))
    task.succeeded.connect(lambda result: seen.update(result=result))
    with qtbot.waitSignal(task.finished, timeout=10000):
        task.start()
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == "done"
    assert seen["progress_thread"] is gui
    assert worker_threads[0] is not threading.main_thread()


@pytest.mark.parametrize(("error", "expected"), [
    (ReaderError("news.txt", "not text"), "news.txt: not text"),
    (KeyError("bug"), "KeyError: 'bug'"),
])
def test_task_failure_is_one_line(qtbot: QtBot, error: Exception, expected: str,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    def job(context: TaskContext) -> None:
        raise error

    task = Task(job)
    with qtbot.waitSignal(task.failed, timeout=10000) as blocker:
        task.start()
    assert blocker.args == [expected]
    task.wait(5)


def test_a_done_task_is_deleted_only_once_its_thread_has_returned(qtbot: QtBot) -> None:
    # Regression: the window deleted a task once it was done, while its
    # thread was still emitting ``finished``: SIGSEGV (the torture test, 3.13).
    task = Task(lambda _ctx: None)
    destroyed: list[bool] = []
    task.destroyed.connect(lambda: destroyed.append(True))
    task._done.set()  # done, its thread not yet out of ``_run``
    assert workers.end_tasks([task]) == []
    qtbot.wait(3 * workers.RETRY_DELETE_MS)
    QCoreApplication.sendPostedEvents(None, 0)  # any deleteLater due
    assert destroyed == []
    task._returned.set()
    qtbot.waitUntil(lambda: bool(destroyed), timeout=2000)


def test_a_task_run_to_the_end_is_deleted(qtbot: QtBot) -> None:
    task = Task(lambda _ctx: 7)
    destroyed: list[bool] = []
    task.destroyed.connect(lambda: destroyed.append(True))
    with qtbot.waitSignal(task.finished):
        task.start()
    assert task.wait(5)
    workers.end_tasks([task])
    qtbot.waitUntil(lambda: bool(destroyed), timeout=2000)


@pytest.mark.parametrize("cancel_after", [None, 2])
def test_the_window_imports_a_compressed_archive_in_ranges_and_leaves_no_copy(
        store: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        cancel_after: int | None) -> None:
    """A news archive kept as ``.jsonl.gz``, through File > Import, whole or
    cancelled after two ranges: its uncompressed copy goes with the import."""
    monkeypatch.setattr(ranges, "RANGE_BYTES", 2048)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    lines = [json.dumps({"title": f"خبر رقم {n}",
                         "text": f"قال الوزير إن العجز بلغ {n}٪ هذا العام."}, ensure_ascii=False)
             for n in range(120)]
    archive = tmp_path / "أرشيف.jsonl.gz"
    archive.write_bytes(gzip.compress("\n".join(lines).encode()))
    report = workers.import_paths(store, [archive], FakeContext(cancel_after=cancel_after),
                                  workers=2)
    assert report.errors == []
    assert list(temporary.iterdir()) == []
    titles = [r.title for r in store.rows()]
    if cancel_after is None:
        assert not report.cancelled and sorted(titles) == sorted(f"خبر رقم {n}" for n in range(120))
    else:
        assert report.cancelled and 0 < len(titles) < 120
