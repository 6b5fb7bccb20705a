"""One store file, two names: a store is written through one name only.

SQLite finds a store's ``-wal`` and ``-shm`` by the name it was opened by.
Through a hard link, a second program keeps a WAL and locks of its own:
each checkpoint writes its pages over the other's commits. Seen here: the
app's store hard-linked (a "backup" made with ``ln``, ``cp -al``), an import
through the second name reported "imported 3000", and they were gone once
the first program closed ("How To Corrupt An SQLite Database File", 2.5).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.errors import ReaderError
from reader.importers import read_file
from reader.store import Library
from tests.gui.conftest import kept_window, settings_file  # noqa: F401 (its fixture)
from tests.reliability.conftest import cli, make_articles


def _count(store: Path) -> int:
    con = sqlite3.connect(store)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        con.close()


def test_a_hard_link_to_an_open_store_loses_no_committed_article(tmp_path: Path) -> None:
    store = tmp_path / "library.sqlite3"
    make_articles(tmp_path / "first", 3)
    make_articles(tmp_path / "second", 40, start=100)
    make_articles(tmp_path / "third", 3, start=200)
    assert cli("import", str(tmp_path / "first"), store=store).returncode == 0
    lib = Library.open(store)  # the window's library, open for the whole run
    try:
        lib.set_starred(1, True)  # a commit in its WAL, not yet checkpointed
        other = tmp_path / "backup.sqlite3"
        os.link(store, other)
        run = cli("import", str(tmp_path / "second"), store=other)
        reported = 40 if run.returncode == 0 else 0
        if run.returncode:
            assert "hard link" in run.stderr, run.stderr
        assert cli("list", store=other).returncode == 0  # still readable
        # The window goes on writing through its own name, and closes.
        lib.add_articles([a for p in sorted((tmp_path / "third").iterdir())
                          for a in read_file(p)])
    finally:
        lib.close()
    assert _count(store) == 3 + reported + 3


@pytest.mark.usefixtures("settings_file")
def test_a_store_file_replaced_under_the_window_is_said_and_never_written(
        tmp_path: Path, qtbot: QtBot) -> None:
    """A backup restored (or a sync tool's rename) over the store while the
    window runs: the window's connections would go on writing into the old
    file, which nobody opens again, and show as stored what the next start
    has lost; and the -wal and -shm it holds, found by name, damaged the new
    file for the next program that opened it ("database disk image is
    malformed" while the window ran). It says what happened, writes
    nothing, and lets go of the old file's -wal and -shm."""
    store = tmp_path / "library.sqlite3"
    make_articles(tmp_path / "first", 3)
    make_articles(tmp_path / "backup", 3, start=100)
    assert cli("import", str(tmp_path / "first"), store=store).returncode == 0
    backup = tmp_path / "backup.sqlite3"
    assert cli("import", str(tmp_path / "backup"), store=backup).returncode == 0
    with Library.open(store) as lib:
        window = kept_window(qtbot, lib)
        window.open_article(2)
        os.replace(backup, store)  # what a restore or a sync tool does
        window.poll_store()
        assert "replaced" in window.statusBar().currentMessage()
        listed = cli("list", store=store)  # the window still open
        assert listed.returncode == 0, listed.stderr
        assert len(listed.stdout.splitlines()) == 3
        window.commands["star"].trigger()
        shown_starred = window.commands["star"].isChecked()
        window.close()
    con = sqlite3.connect(store)
    try:
        stored = con.execute("SELECT starred FROM articles WHERE id = 2").fetchone()[0]
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        con.close()
    assert shown_starred == bool(stored)


def _break_side_file(store: Path, how: str) -> None:
    wal, shm = Path(f"{store}-wal"), Path(f"{store}-shm")
    if how == "-shm removed":
        shm.unlink()
    elif how == "-wal removed":
        wal.unlink()
    elif how == "both removed":
        wal.unlink()
        shm.unlink()
    else:
        os.truncate(wal, 0)


@pytest.mark.parametrize("how", ["-shm removed", "both removed", "-wal cut to nothing",
                                 "-wal removed"])
def test_the_stores_side_files_removed_under_the_window_never_damage_it(
        tmp_path: Path, how: str) -> None:
    """The store's -shm (where SQLite keeps its locks) or -wal removed or cut
    by hand, or by a cleaning tool, while the window has the store open.
    The command then made a new -shm and wrote the store while the window
    wrote it too, each under its own locks, and the window's checkpoint at
    close copied pages of a -wal cut to nothing into the store: both times
    'file is not a database', every article gone. What the user removed may
    be lost; the store stays whole, with every article the command reported
    and every one the window reported kept, and the window says when it
    stopped writing."""
    store = tmp_path / "library.sqlite3"
    make_articles(tmp_path / "first", 300)
    make_articles(tmp_path / "window", 300, start=1000)
    make_articles(tmp_path / "command", 30, start=2000)
    make_articles(tmp_path / "later", 3, start=3000)
    assert cli("import", str(tmp_path / "first"), store=store).returncode == 0
    lib = Library.open(store)  # the window's library
    try:
        lib.add_articles([a for p in sorted((tmp_path / "window").iterdir())
                          for a in read_file(p)])  # in its WAL, not yet checkpointed
        _break_side_file(store, how)
        run = cli("import", str(tmp_path / "command"), store=store)
        from_command = 30 if run.returncode == 0 else 0
        try:
            lib.set_starred(1, True)  # the reader goes on in the window
            lib.add_articles([a for p in sorted((tmp_path / "later").iterdir())
                              for a in read_file(p)])
            later = 3
        except ReaderError as err:
            later = 0
            assert "store" in err.line(), err.line()
    finally:
        lib.close()
    kept_by_wal = 300 if how in ("-shm removed", "-wal removed") else 0
    assert _count(store) >= 300 + kept_by_wal + from_command + later
