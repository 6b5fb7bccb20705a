"""A broken or unusable store gets a clear line and a way out, never a silent
overwrite (issue 7, item 3), and two writers never lose anything (item 2)."""

from __future__ import annotations

import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from reader.store import Library
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
