"""A broken or unusable store gets a clear line and a way out, never a silent
overwrite (issue 7, item 3), and two writers never lose anything (item 2)."""

from __future__ import annotations

import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from reader.store import Article, Library
from tests.conftest import rerun_where_file_modes_bind
from tests.reliability.conftest import REPO, child_env, cli, cli_popen, integrity, make_articles


def _one_line_error(proc: subprocess.CompletedProcess[str], store: Path) -> str:
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith(f"rtl-reader: {store}: "), lines[0]
    return lines[0]


@pytest.fixture
def small_store(tmp_path: Path, generated: Sequence[Path]) -> Path:
    store = tmp_path / "library.sqlite3"
    folder = tmp_path / "some"
    folder.mkdir()
    for path in generated[:40]:
        shutil.copy(path, folder)
    proc = cli("import", str(folder), store=store)
    assert proc.returncode == 0, proc.stderr
    return store


def test_truncated_store_is_kept_and_can_be_reset(small_store: Path) -> None:
    size = small_store.stat().st_size
    with small_store.open("r+b") as fh:
        fh.truncate(size // 3)
    damaged = small_store.read_bytes()

    line = _one_line_error(cli("list", store=small_store), small_store)
    assert "--backup-and-reset" in line
    assert small_store.read_bytes() == damaged

    reset = cli("--backup-and-reset", "list", "--format", "json", store=small_store)
    assert reset.returncode == 0, reset.stderr
    assert reset.stdout.strip() == "[]"
    backups = list(small_store.parent.glob(small_store.name + ".backup-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == damaged


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n" + bytes(500), os.urandom(4096)])
def test_file_that_is_not_sqlite_is_never_touched(tmp_path: Path, content: bytes) -> None:
    store = tmp_path / "library.sqlite3"
    store.write_bytes(content)
    _one_line_error(cli("import", str(tmp_path), store=store), store)
    assert store.read_bytes() == content
    assert not (tmp_path / "library.sqlite3-wal").exists()


def test_store_from_a_newer_version(small_store: Path) -> None:
    con = sqlite3.connect(small_store)
    con.execute("PRAGMA user_version = 999")
    con.close()
    before = small_store.read_bytes()
    line = _one_line_error(cli("list", store=small_store), small_store)
    assert "newer" in line
    assert small_store.read_bytes() == before


def test_healthy_store_is_never_reset(small_store: Path) -> None:
    proc = cli("--backup-and-reset", store=small_store)
    assert proc.returncode == 1 and "nothing to reset" in proc.stderr
    assert len(Library.open(small_store).ids()) == 40


def test_read_only_store_lists_but_refuses_writes(
    tmp_path: Path, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> None:
    if rerun_where_file_modes_bind(request, tmp_path_factory):
        return  # as root: proven in a child that file modes bind
    store = tmp_path / "library.sqlite3"
    make_articles(tmp_path / "in", 1)
    assert cli("import", str(tmp_path / "in"), store=store).returncode == 0
    store.chmod(0o444)
    tmp_path.chmod(0o555)
    before = store.read_bytes()
    try:
        listed = cli("list", "--format", "json", store=store)
        assert listed.returncode == 0, listed.stderr
        refused = cli("delete", "1", store=store)
        _one_line_error(refused, store)
        assert "Traceback" not in refused.stderr
    finally:
        tmp_path.chmod(0o755)
    assert store.read_bytes() == before


def test_a_wal_store_without_shm_in_a_read_only_folder_shows_everything_it_holds(
    tmp_path: Path, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Its -wal holds committed articles and nobody can create its -shm: read
    as immutable, SQLite ignores the WAL and the store looks smaller; the
    command reads a private copy instead and says so (issue 13, item 6)."""
    if rerun_where_file_modes_bind(request, tmp_path_factory):
        return  # as root: proven in a child that file modes bind
    world_readable_dir = tmp_path
    store = world_readable_dir / "library.sqlite3"
    with Library.open(store) as lib:
        lib.add_article(Article(title="خبر محفوظ في الملف", body="نص أول."))
    writer = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import os
        from reader.store import Article, Library
        lib = Library.open({str(store)!r})
        lib.add_articles([Article(title=f"خبر في السجل {{n}}", body=f"نص {{n}}.")
                          for n in range(5)])
        os._exit(0)  # killed before a checkpoint: the articles live in the -wal
    """)], cwd=REPO, env=child_env(), capture_output=True, text=True, timeout=120)
    assert writer.returncode == 0, writer.stderr
    assert Path(f"{store}-wal").stat().st_size > 0
    Path(f"{store}-shm").unlink()
    store.chmod(0o444)
    Path(f"{store}-wal").chmod(0o444)
    world_readable_dir.chmod(0o555)
    before = store.read_bytes(), Path(f"{store}-wal").read_bytes()
    try:
        listed = cli("list", "--format", "json", store=store)
    finally:
        world_readable_dir.chmod(0o755)
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 6
    assert "note: read-only folder" in listed.stderr and len(listed.stderr.splitlines()) == 1
    assert (store.read_bytes(), Path(f"{store}-wal").read_bytes()) == before


@pytest.mark.parametrize("kind", ["folder", "fifo", "device"])
def test_backup_and_reset_touches_only_a_damaged_store_file(tmp_path: Path, kind: str) -> None:
    """``--store`` naming a folder, a FIFO or a device: one line, nothing
    renamed, nothing created, no wait (a FIFO's header would wait forever)."""
    target = {"folder": tmp_path / "folder", "fifo": tmp_path / "pipe",
              "device": Path("/dev/null")}[kind]
    if kind == "folder":
        target.mkdir()
    elif kind == "fifo":
        os.mkfifo(target)
    for args in (["list"], ["--backup-and-reset"], ["--backup-and-reset", "list"]):
        proc = cli(*args, store=target)
        assert proc.returncode == 1, (args, proc.stderr)
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
        assert "--backup-and-reset keeps" not in proc.stderr
    assert list(target.parent.glob(f"{target.name}.backup-*")) == []
    assert not Path(f"{target}-wal").exists()
    if kind == "folder":
        assert target.is_dir() and not any(target.iterdir())


def test_backup_and_reset_keeps_a_file_of_another_kind(tmp_path: Path) -> None:
    store = tmp_path / "essay.txt"
    store.write_text("مقالتي التي لا أريد أن أفقدها", encoding="utf-8")
    proc = cli("--backup-and-reset", store=store)
    assert proc.returncode == 1 and len(proc.stderr.strip().splitlines()) == 1
    assert store.read_text(encoding="utf-8") == "مقالتي التي لا أريد أن أفقدها"
    assert list(tmp_path.glob("essay.txt.backup-*")) == []


def test_a_store_damaged_inside_is_reset_and_its_hint_is_only_where_it_helps(
        small_store: Path) -> None:
    """Pages zeroed in the middle: every command, ``reindex`` included, says
    "damaged" in one line with the way out; ``--backup-and-reset`` takes it
    (it opens, but its pages are not sound). Errors that a reset cannot
    help, such as a healthy store or nothing there, carry no hint."""
    con = sqlite3.connect(small_store)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = con.execute("PRAGMA page_size").fetchone()[0]
    # Every page of the articles' table: each command reads some of them.
    zeroed = [r[0] for r in con.execute("SELECT pageno FROM dbstat WHERE name = 'articles'")]
    con.close()
    data = bytearray(small_store.read_bytes())
    for page in zeroed:
        data[(page - 1) * size:page * size] = bytes(size)
    small_store.write_bytes(bytes(data))
    for args in (["reindex"], ["list"], ["search", "الحكومة"], ["export", "--all",
                 "--format", "md", "-o", str(small_store.parent / "x.md")]):
        line = _one_line_error(cli(*args, store=small_store), small_store)
        assert "damaged" in line and "--backup-and-reset" in line, (args, line)
    healthy = cli("--backup-and-reset", store=small_store.parent / "new.sqlite3")
    assert healthy.returncode == 1 and "--backup-and-reset keeps" not in healthy.stderr
    reset = cli("--backup-and-reset", "list", "--format", "json", store=small_store)
    assert reset.returncode == 0, reset.stderr
    assert json.loads(reset.stdout) == []


def test_an_empty_store_path_is_a_usage_error(tmp_path: Path) -> None:
    for args in (["--store", "", "list"], ["list", "--store", ""]):
        proc = subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                              text=True, cwd=REPO, env=child_env(), timeout=120)
        assert proc.returncode == 2 and "--store" in proc.stderr, proc.stderr


def test_full_disk_fails_cleanly_and_keeps_what_was_there(
    small_store: Path, tmp_path: Path, generated: Sequence[Path]
) -> None:
    """A file-size limit stands in for a full disk: SQLite gets EFBIG/ENOSPC alike."""
    more = tmp_path / "more"
    more.mkdir()
    for path in generated[100:600]:
        shutil.copy(path, more)
    limit = small_store.stat().st_size + 64 * 1024

    def limit_file_size() -> None:
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = subprocess.run(
        [sys.executable, "-m", "reader", "--store", str(small_store), "import", str(more)],
        capture_output=True, text=True, cwd=REPO, env=child_env(), timeout=300,
        preexec_fn=limit_file_size,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert any(line.startswith(f"rtl-reader: {small_store}: ")
               for line in proc.stderr.splitlines()), proc.stderr
    assert integrity(small_store) == "ok"
    with Library.open(small_store) as lib:
        count = lib.count()
        assert count >= 40
        for article_id in lib.ids():
            assert lib.get(article_id).body


def test_two_imports_at_once_lose_nothing(tmp_path: Path) -> None:
    store = tmp_path / "library.sqlite3"
    first = make_articles(tmp_path / "one", 400, start=10_000)
    second = make_articles(tmp_path / "two", 400, start=20_000)
    a = cli_popen("import", str(first[0].parent), store=store)
    b = cli_popen("import", str(second[0].parent), store=store)
    for proc in (a, b):
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        assert "locked" not in err.lower()
    with Library.open(store) as lib:
        assert lib.count() == 800


def test_reader_catches_up_while_another_process_imports(tmp_path: Path) -> None:
    """What the GUI does: an open library sees another process's commits."""
    store = tmp_path / "library.sqlite3"
    files = make_articles(tmp_path / "in", 600, start=30_000)
    with Library.open(store) as lib:
        version = lib.data_version()
        child = cli_popen("import", str(files[0].parent), store=store)
        seen_growing = False
        while child.poll() is None:
            n = len(lib.rows(limit=1000))
            seen_growing |= 0 < n < len(files)
            time.sleep(0.05)
        _, err = child.communicate()
        assert child.returncode == 0, err
        assert lib.data_version() != version
        assert len(lib.rows()) == len(files)
        assert seen_growing or lib.count() == len(files)
