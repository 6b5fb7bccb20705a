"""One owner of the store per process (issue 12): nothing in the process
opens the store's files outside SQLite while it holds a connection, so
another process never believes it is alone and deletes a WAL in use.

``test_issue_12_reproduction`` is the issue's reproduction, step by step:
on the code before the fix its ``integrity_check`` said "database disk image
is malformed" and the process held the deleted ``-wal`` and ``-shm``.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from reader.errors import ExportError, UnsupportedFile
from reader.importers import read_bytes, read_file
from reader.store import Article, Library, connection
from reader.store.database import holds
from tests.reliability.conftest import REPO, app_popen, cli, make_articles

CORPUS = REPO.parent / "shared" / "corpus"


def _deleted_store_files_open() -> list[str]:
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if ".sqlite3" in target and target.endswith("(deleted)"):
            found.append(target)
    return found


def _inputs(tmp_path: Path) -> tuple[Path, Path]:
    """Two folders to import: the shared corpus where present, else our own."""
    if (CORPUS / "articles").is_dir() and (CORPUS / "raw").is_dir():
        return CORPUS / "articles", CORPUS / "raw"
    make_articles(tmp_path / "first", 20)
    make_articles(tmp_path / "second", 5, start=100)
    return tmp_path / "first", tmp_path / "second"


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc (Linux)")
def test_issue_12_reproduction(tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite3"
    first, second = _inputs(tmp_path)
    assert cli("import", str(first), store=store).returncode == 0
    lib = Library.open(store)
    try:
        lib.set_starred(1, True)
        with Library.open(store, create=False, read_only=True):  # what a worker did
            pass
        listed = cli("list", store=store)
        assert listed.returncode == 0, listed.stderr
        assert _deleted_store_files_open() == []
        imported = cli("import", str(second), store=store)
        assert imported.returncode == 0, imported.stderr
        for i in range(2, 20):
            lib.set_starred(i, True)
        assert lib.count() == len(lib.ids())
    finally:
        lib.close()
    con = sqlite3.connect(store)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("SELECT count(*) FROM articles WHERE starred").fetchone()[0] == 19
    finally:
        con.close()


def test_the_header_is_read_only_before_the_first_connection(
        store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The header check is the one Python read of a store file: made for the
    first open, never while the process holds a connection to the file."""
    Library.open(store_path).close()
    checked: list[Path] = []
    real = connection.check_header

    def counting(path: Path) -> None:
        checked.append(path)
        real(path)

    monkeypatch.setattr(connection, "check_header", counting)
    with Library.open(store_path) as lib:
        assert len(checked) == 1
        alias = store_path.with_name("alias.sqlite3")
        alias.symlink_to(store_path)
        with Library.open(alias, read_only=True), Library.open(store_path):
            pass
        assert len(checked) == 1  # the same file, however named: no second read
        lib.add_article(Article(title="خبر", body="نص الخبر."))
    with Library.open(store_path):
        assert len(checked) == 2  # closed meanwhile: checked again


def test_nothing_reads_or_replaces_the_files_of_an_open_store(
        store_path: Path, tmp_path: Path) -> None:
    with Library.open(store_path) as lib:
        lib.add_article(Article(title="خبر", body="نص الخبر."))
        wal, shm = (store_path.with_name(store_path.name + s) for s in ("-wal", "-shm"))
        link = tmp_path / "looks-like-an-article.txt"
        link.symlink_to(store_path)
        for path in (store_path, wal, shm, link):
            assert holds(path)
            with pytest.raises(UnsupportedFile, match="article store"):
                read_file(path)
            with pytest.raises(UnsupportedFile, match="article store"):
                read_bytes(path)
        from reader.exporters.common import check_target

        with pytest.raises(ExportError, match="article store"):
            check_target(store_path, force=True)
        # A side file not there (yet) is the store's as well: an export named
        # -journal beside a store in WAL mode made every other program wait
        # on it as a hot journal, then was deleted as one (red team).
        journal = tmp_path / "folder-link" / (store_path.name + "-journal")
        (tmp_path / "folder-link").symlink_to(store_path.parent)
        assert not journal.exists() and holds(journal)
        with pytest.raises(ExportError, match="article store"):
            check_target(journal, force=False)
        assert not holds(store_path.with_name(store_path.name + "-journal.md"))
        # Another process holds no connection: to it the file is one more
        # file that is not an article.
        result = cli("show", str(link), store=tmp_path / "other.sqlite3")
        assert "not a text file" in result.stderr and "article store" not in result.stderr
    assert not holds(store_path)


def test_threads_read_at_once_and_write_in_turn(store_path: Path) -> None:
    """The window's library serves every worker thread: reads on several
    threads at once, writes in turn, nothing lost."""
    import threading

    with Library.open(store_path) as lib:
        errors: list[BaseException] = []

        def work(n: int) -> None:
            try:
                for k in range(15):
                    lib.add_article(Article(title=f"خبر {n}-{k}", body=f"نص الخبر {n} {k}."))
                    lib.search("الخبر")
                    lib.rows(limit=5)
            except BaseException as err:
                errors.append(err)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert lib.count() == 60
    assert not holds(store_path)



def test_a_second_app_on_the_same_store_hands_over_and_opens_nothing(
        tmp_path: Path) -> None:
    """Two real app processes (offscreen): the second asks the first to show
    an article and ends without touching the store; the first shows it
    (marks it read), and the store is whole."""
    store = tmp_path / "library.sqlite3"
    make_articles(tmp_path / "in", 3)
    assert cli("import", str(tmp_path / "in"), store=store).returncode == 0
    first = app_popen(store, "open", "1")
    try:
        _wait(lambda: _read_state(store, 1), "the first app to open article 1")
        second = app_popen(store, "open", "rtl-reader://article/3?at=5")
        _out, err = second.communicate(timeout=60)
        assert second.returncode == 0, err
        _wait(lambda: _read_state(store, 3), "the running app to show article 3")
        assert cli("list", store=store).returncode == 0
    finally:
        first.terminate()
        first.communicate(timeout=60)
    con = sqlite3.connect(store)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        con.close()


def _read_state(store: Path, article_id: int) -> bool:
    con = sqlite3.connect(store, timeout=30)
    try:
        row = con.execute("SELECT read FROM articles WHERE id = ?", (article_id,)).fetchone()
    finally:
        con.close()
    return bool(row and row[0])


def _wait(condition: object, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.2)
    raise AssertionError(f"waited {timeout:.0f} s for {what}")
