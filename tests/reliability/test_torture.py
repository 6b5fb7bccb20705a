"""The library survives real use: the app and the command at once (issue 12).

In the spirit of SQLite's own crash and concurrency tests. One long-lived
process is the real window, offscreen (``torture_app``): one library open
for the whole run, its poll timer and worker threads, a reader starring,
highlighting, writing notes, scrolling, importing and searching. Beside it,
every round starts several short ``rtl-reader`` processes at once (import,
list, search, delete, export, reindex) and kills some of them with SIGKILL
at random moments. After every round, with the window paused:

- ``PRAGMA integrity_check`` is ok, FTS5's ``integrity-check`` of both
  indexes is ok, and both contentless indexes hold exactly the fold (and
  the stems) of every article's text and nothing else (compared term by
  term through ``fts5vocab``);
- every article's highlight counts match its highlights;
- every article a finished import reported is there (unless a delete asked
  for it), and so is every article the window imported;
- every highlight and note the window wrote is there, with its last text,
  and every star it set;
- every entry a finished ``feeds refresh`` saw on the local news site (which
  publishes a new entry each round) is stored, and none twice, while the
  window refreshes the same feeds in the background;
- the window lists as many articles as the store holds (it followed the
  store), and holds no descriptor on a deleted ``-wal`` or ``-shm``.

``RTL_READER_TORTURE_ROUNDS`` sets the number of rounds (30 by default).
"""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from reader.store.derive import index_text
from reader.store.schema import FTS_COLUMNS, TOKENIZE
from reader.store.stem import stem_text
from reader.text import ENGINE_VERSION
from tests.feed_site import STORY, FeedSite, Item, serve
from tests.reliability.conftest import REPO, child_env, cli, make_articles

pytestmark = pytest.mark.slow

ROUNDS = int(os.environ.get("RTL_READER_TORTURE_ROUNDS", "30"))
PROCESSES_PER_ROUND = 6
KILL_SHARE = 0.5
"""The share of commands chosen for a SIGKILL, at a random point of the time
a command of their kind has taken so far (``Ledger.runs``): the kill lands
mid-work on a fast machine or a slow one alike."""
PROTECTED = 6


@dataclass
class Ledger:
    """What the driver knows: imports that finished, deletes asked for, counts."""

    reported: set[int] = field(default_factory=set)
    published: set[str] = field(default_factory=set)
    deleted: set[int] = field(default_factory=set)
    started: int = 0
    killed: int = 0
    failed: list[str] = field(default_factory=list)
    checks: int = 0
    runs: dict[str, list[float]] = field(default_factory=dict)
    """How long each finished command took, by kind."""

    def typical_run(self, kind: str) -> float:
        """The median run of ``kind`` so far (a first guess before any)."""
        runs = sorted(self.runs.get(kind, ())) or [0.5]
        return runs[len(runs) // 2]
    by_command: dict[str, int] = field(default_factory=dict)


def check_store(store: Path) -> list[str]:
    """What is wrong with the store file; [] when nothing is."""
    problems: list[str] = []
    con = sqlite3.connect(store, timeout=60, isolation_level=None)
    try:
        result = [r[0] for r in con.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            return [f"integrity_check: {result[:5]}"]
        for table in ("articles_fts", "articles_stem"):
            try:
                con.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as err:
                problems.append(f"{table} integrity-check: {err}")
        con.execute("BEGIN")
        for article_id, quotes, figures, stored_quotes, stored_figures in con.execute(
                "SELECT a.id, a.quotes, a.figures,"
                " (SELECT count(*) FROM highlights h WHERE h.article_id = a.id"
                "  AND h.kind = 'quote'),"
                " (SELECT count(*) FROM highlights h WHERE h.article_id = a.id"
                "  AND h.kind = 'figure')"
                " FROM articles a WHERE a.engine = ?", (ENGINE_VERSION,)):
            if (quotes, figures) != (stored_quotes, stored_figures):
                problems.append(f"article {article_id}: counts {quotes}/{figures}, "
                                f"highlights {stored_quotes}/{stored_figures}")
        pending = con.execute("SELECT value FROM meta WHERE key = 'index_pending'").fetchone()
        rows = con.execute(f"SELECT id, {', '.join(FTS_COLUMNS)} FROM articles").fetchall()
        con.execute("COMMIT")
        problems += _index_problems(con, rows, json.loads(pending[0]) if pending else None)
    finally:
        con.close()
    return problems


def _index_problems(con: sqlite3.Connection, rows: list[tuple[object, ...]],
                    pending: dict[str, int] | None) -> list[str]:
    """Compare every (term, article, column, offset) of both contentless
    indexes with the fold (and stems) of the articles' text; rows a reindex
    left for later (``index_pending``) must be absent instead."""
    columns = ", ".join(FTS_COLUMNS)
    low, high = (pending["low"], pending["high"]) if pending else (1, 0)
    kept = [r for r in rows if not low <= int(str(r[0])) <= high]
    folded = [(r[0], *index_text([str(t or "") for t in r[1:]])) for r in kept]
    problems = []
    for index, texts in (("articles_fts", folded),
                         ("articles_stem", [(r[0], *map(stem_text, r[1:])) for r in folded])):
        con.execute("DROP TABLE IF EXISTS temp.expected")
        con.execute(f"CREATE VIRTUAL TABLE temp.expected USING fts5({columns},"
                    f" tokenize = '{TOKENIZE}')")
        con.executemany(
            f"INSERT INTO temp.expected (rowid, {columns}) VALUES ({', '.join('?' * 6)})", texts)
        con.execute("DROP TABLE IF EXISTS temp.v_actual")
        con.execute("DROP TABLE IF EXISTS temp.v_expected")
        con.execute(f"CREATE VIRTUAL TABLE temp.v_actual USING fts5vocab(main, {index},"
                    " instance)")
        con.execute("CREATE VIRTUAL TABLE temp.v_expected USING fts5vocab(temp, expected,"
                    " instance)")
        missing = con.execute("SELECT count(*) FROM (SELECT * FROM temp.v_expected"
                              " EXCEPT SELECT * FROM temp.v_actual)").fetchone()[0]
        extra = con.execute("SELECT count(*) FROM (SELECT * FROM temp.v_actual"
                            " EXCEPT SELECT * FROM temp.v_expected)").fetchone()[0]
        if missing or extra:
            problems.append(f"{index}: {missing} terms missing, {extra} in no article")
        sized = {r[0] for r in con.execute(f"SELECT id FROM {index}_docsize")}
        if sized != {r[0] for r in kept}:
            problems.append(f"{index}: rows {sorted(sized ^ {r[0] for r in kept})[:5]} "
                            "sized but not indexed, or indexed but not sized")
    return problems


class App:
    """The torture app process and its stdin/stdout protocol."""

    ANSWER_WITHIN = 180.0
    """Seconds the app may take to pause and report before the test fails."""

    def __init__(self, store: Path, inbox: Path, protected: list[int]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.torture_app", str(store), str(inbox),
             "7", *map(str, protected)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO,
            env=child_env())
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        assert self._line() == "ready"

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line.strip())
        self._lines.put("")

    def _line(self) -> str:
        try:
            line = self._lines.get(timeout=self.ANSWER_WITHIN)
        except queue.Empty:
            raise AssertionError("the app did not answer within "
                                 f"{self.ANSWER_WITHIN:.0f} s") from None
        assert line, f"the app process ended (status {self.proc.poll()})"
        return line

    def send(self, command: str) -> None:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(command + "\n")
            self.proc.stdin.flush()
        except BrokenPipeError:
            raise AssertionError(f"the app process ended (status {self.proc.wait()})") from None

    def pause(self) -> dict[str, object]:
        self.send("pause")
        report: dict[str, object] = json.loads(self._line())
        return report

    def quit(self) -> int:
        if self.proc.poll() is None:
            try:
                self.send("quit")
                return self.proc.wait(timeout=120)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
        return self.proc.wait()


def _command(rng: random.Random, round_no: int, n: int, inbox: Path,
             ledger: Ledger) -> tuple[str, list[str]]:
    kind = rng.choice(("import", "import", "import", "list", "search", "delete", "export",
                       "reindex", "feeds refresh"))
    if kind == "feeds refresh":
        return kind, ["feeds", "refresh", "--format", "json"]
    if kind == "import":
        folder = inbox / f"cli{round_no:03d}-{n}"
        make_articles(folder, rng.randint(1, 12), seed=round_no * 100 + n,
                      start=(round_no * 100 + n) * 20)
        return kind, ["import", str(folder), "--format", "json"]
    if kind == "list":
        return kind, ["list", "--format", "json"]
    if kind == "search":
        query = rng.choice(("الحكومة", "المزارعين", "الري", '"خطة جديدة"', "الوزارة -الطرق"))
        return kind, ["search", query, *(["--stem"] if rng.random() < 0.5 else [])]
    if kind == "delete":
        candidates = sorted(ledger.reported - ledger.deleted)
        if not candidates:
            return "list", ["list"]
        victim = rng.choice(candidates)
        ledger.deleted.add(victim)  # asked for: gone or not, never expected any more
        return kind, ["delete", str(victim)]
    if kind == "export":
        return kind, ["export", "--all", "--format", rng.choice(("md", "json", "csv")),
                      "-o", str(inbox / f"export{round_no}-{n}.out"), "--force"]
    return kind, ["reindex"]


class _Command:
    """A command running: its output read, and the time it took measured, by
    a thread of its own (the pipes drained while others are being killed)."""

    def __init__(self, kind: str, proc: subprocess.Popen[str], kill_at: float | None) -> None:
        self.kind, self.proc, self.kill_at = kind, proc, kill_at
        self.started = time.monotonic()
        self.took = 0.0
        self._out = ("", "")
        self._error: BaseException | None = None
        self._reader = threading.Thread(target=self._communicate, daemon=True)
        self._reader.start()

    def _communicate(self) -> None:
        try:
            self._out = self.proc.communicate(timeout=300)
        except BaseException as err:  # raised in the test's thread by output()
            self._error = err
        self.took = time.monotonic() - self.started

    def output(self) -> tuple[str, str]:
        """Its standard output and error, once it has ended."""
        self._reader.join()
        if self._error is not None:
            raise self._error
        return self._out


def _run_round(rng: random.Random, round_no: int, store: Path, inbox: Path,
               ledger: Ledger, site: FeedSite) -> None:
    # The news site publishes: each round a new entry, and now and then an
    # old one again under a link decorated for tracking.
    _, entries = site.feeds["/a.xml"]
    entries.append(Item(f"t{round_no}", f"خبر الجولة {round_no}",
                        STORY.format(n=round_no + 7)))
    published = {site.url(f"/news/{e.guid}") for path in ("/a.xml", "/b.xml", "/c.xml")
                 for e in site.feeds[path][1]}
    started = []
    for n in range(PROCESSES_PER_ROUND):
        kind, args = _command(rng, round_no, n, inbox, ledger)
        # A process killed mid-write may cut a character in two: read what
        # it wrote with replacements (only finished imports are parsed).
        proc = subprocess.Popen([sys.executable, "-m", "reader", "--store", str(store), *args],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                errors="replace", cwd=REPO, env=child_env())
        kill_at = (rng.uniform(0.1, 0.9) * ledger.typical_run(kind)
                   if rng.random() < KILL_SHARE else None)
        started.append(_Command(kind, proc, kill_at))
        ledger.started += 1
        ledger.by_command[kind] = ledger.by_command.get(kind, 0) + 1
        time.sleep(rng.uniform(0, 0.15))
    for command in started:
        if command.kill_at is not None:
            time.sleep(max(0.0, command.started + command.kill_at - time.monotonic()))
            if command.proc.poll() is None:
                command.proc.send_signal(signal.SIGKILL)
    for command in started:
        kind, proc = command.kind, command.proc
        out, err = command.output()
        if proc.returncode == -signal.SIGKILL:
            ledger.killed += 1
            continue
        ledger.runs.setdefault(kind, []).append(command.took)
        if proc.returncode != 0:
            ledger.failed.append(f"{kind}: status {proc.returncode}: {err.strip()[-300:]}")
            continue
        if kind == "import":
            ledger.reported.update(item["id"] for item in json.loads(out))
        if kind == "feeds refresh":
            ledger.published |= published  # a finished refresh saw every entry


def test_app_and_commands_at_once_never_corrupt_or_lose(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store, inbox = tmp_path / "library.sqlite3", tmp_path / "inbox"
    seed_folder = tmp_path / "protected"
    make_articles(seed_folder, PROTECTED, seed=1, start=90000)
    done = cli("import", str(seed_folder), "--format", "json", store=store)
    assert done.returncode == 0, done.stderr
    protected = [item["id"] for item in json.loads(done.stdout)]
    rng = random.Random(12)
    ledger = Ledger()
    with serve() as site:
        for path in ("/a.xml", "/b.xml", "/c.xml"):
            followed = cli("feeds", "add", site.url(path), store=store)
            assert followed.returncode == 0, followed.stderr
        _rounds(store, inbox, protected, rng, ledger, site, capsys)
    assert not ledger.failed, ledger.failed[:5]
    with capsys.disabled():
        print(f"\ntorture: {ROUNDS} rounds, {ledger.started} commands "
              f"({', '.join(f'{k} {v}' for k, v in sorted(ledger.by_command.items()))}), "
              f"{ledger.killed} killed with SIGKILL, {ledger.checks} checks, all ok")
    assert ledger.killed >= ROUNDS // 2  # the kills really happened


def _rounds(store: Path, inbox: Path, protected: list[int], rng: random.Random,
            ledger: Ledger, site: FeedSite, capsys: pytest.CaptureFixture[str]) -> None:
    app = App(store, inbox, protected)
    try:
        for round_no in range(1, ROUNDS + 1):
            _run_round(rng, round_no, store, inbox, ledger, site)
            report = app.pause()
            assert "fatal" not in report, report.get("fatal")
            problems = check_store(store)
            problems += _lost(store, report, ledger, protected)
            problems += _feed_problems(store, ledger, site)
            ledger.checks += 1
            with capsys.disabled():
                print(f"\ntorture round {round_no}/{ROUNDS}: {ledger.started} commands, "
                      f"{ledger.killed} killed, window actions {report['actions']}, "
                      f"checks {ledger.checks} "
                      f"{'ok' if not problems else 'FAILED'}", end="")
            assert not problems, problems
            app.send("resume")
    finally:
        status = app.quit()
    assert status == 0


def _feed_problems(store: Path, ledger: Ledger, site: FeedSite) -> list[str]:
    """Every entry a finished refresh saw is stored, and none twice."""
    con = sqlite3.connect(store, timeout=60)
    try:
        urls = [r[0] for r in con.execute("SELECT url FROM articles WHERE url LIKE ?",
                                          (site.base + "/news/%",))]
    finally:
        con.close()
    problems = []
    twice = sorted({u for u in urls if urls.count(u) > 1})
    if twice:
        problems.append(f"feed entries stored twice: {twice[:3]}")
    missing = sorted(ledger.published - set(urls))
    if missing:
        problems.append(f"feed entries a finished refresh saw are not stored: {missing[:3]}")
    return problems


def _lost(store: Path, report: dict[str, object], ledger: Ledger,
          protected: list[int]) -> list[str]:
    """What the store lost of what was reported written, and what the window
    failed to follow."""
    problems: list[str] = []
    con = sqlite3.connect(store, timeout=60)
    try:
        present = {r[0] for r in con.execute("SELECT id FROM articles")}
        notes = {r[0]: (r[1], r[2]) for r in con.execute(
            "SELECT id, article_id, note FROM highlights WHERE kind = 'user'")}
        stars = {r[0]: bool(r[1]) for r in con.execute("SELECT id, starred FROM articles")}
    finally:
        con.close()
    lost = ledger.reported - ledger.deleted - present
    if lost:
        problems.append(f"articles a finished import reported are gone: {sorted(lost)[:5]}")
    imported = set(report["imported"])  # type: ignore[arg-type]
    if imported - present:
        problems.append(f"articles the window imported are gone: {sorted(imported - present)}")
    for hid, (article_id, note) in report["notes"].items():  # type: ignore[attr-defined]
        if notes.get(int(hid)) != (article_id, note):
            problems.append(f"highlight {hid}: wrote {note!r}, store has {notes.get(int(hid))}")
    for article_id, starred in report["stars"].items():  # type: ignore[attr-defined]
        if stars.get(int(article_id)) != starred:
            problems.append(f"article {article_id}: starred {starred} was lost")
    if not set(protected) <= present:
        problems.append("a protected article is gone")
    if report["window_total"] != len(present):
        problems.append(f"the window lists {report['window_total']} articles, "
                        f"the store holds {len(present)}")
    for key in ("deleted_store_files_open", "errors", "import_failures"):
        if report[key]:
            problems.append(f"window {key}: {report[key]}")
    return problems
