"""Opening the store file safely, and turning sqlite3 errors into ReaderErrors.

``check_header`` reads (never writes) a file before SQLite sees it, so a file
that is not ours is never touched; only ``reader.store.database`` calls it,
and only for a file this process holds no connection to (closing a
descriptor of our own would drop SQLite's locks). ``connect`` opens a file
writable or read-only (immutable when a WAL store sits in a folder we cannot
write); ``map_error`` gives the one-line error a user sees for an
``sqlite3.Error``.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from reader.errors import (
    NotADatabase,
    ReaderError,
    StoreDamaged,
    StoreError,
    StoreLocked,
    StoreReadOnly,
)

BUSY_TIMEOUT_MS = 30_000
SQLITE_LARGEST = 2**63 - 1
"""The largest integer SQLite holds (signed 64-bit): the bound of every id,
offset and count the store is handed."""
"""How long a write waits for another process's write lock before StoreLocked.
Every writer of ours holds the lock for one batch (``BATCH_SIZE`` articles,
well under a second), so a wait this long means a stuck program, not a busy
one; the same bound covers switching a new store to WAL."""

BATCH_SIZE = 250
"""Articles per write transaction in ``Library.add_articles`` and ``reindex``:
short enough that another writer waits well under ``BUSY_TIMEOUT_MS`` (a
tenth of a second or so), long enough that the two FTS5 indexes flush and
merge few segments: 250 a transaction cost the writer a sixth less CPU an
article than 100, and 500 little less than 250 (an import of the pool's
articles, 2026-12)."""

SQLITE_HEADER = b"SQLite format 3\x00"


def check_header(path: Path) -> None:
    """Refuse a file that is not SQLite (without writing to it) and one whose
    header promises more pages than the file holds (truncated)."""
    subject = str(path)
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
            size = os.fstat(fh.fileno()).st_size
    except PermissionError:
        raise StoreReadOnly(subject, "cannot read the store: permission denied") from None
    except OSError as err:
        raise StoreError(subject, f"cannot read the store: {err.strerror or err}") from None
    if not header:
        return  # an empty file: initialised as a new store
    if not header.startswith(SQLITE_HEADER):
        raise NotADatabase(subject, "not an rtl-reader store (not an SQLite file)")
    if len(header) < 100:
        raise StoreDamaged(subject, "the store is damaged (truncated header)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96]
    wal = path.with_name(path.name + "-wal")
    if valid and pages and size < pages * page_size and not wal.exists():
        raise StoreDamaged(subject, "the store is damaged (the file is truncated)")


def can_write(path: Path) -> bool:
    folder = path.parent if path.parent != Path("") else Path(".")
    if path.exists() and not os.access(path, os.W_OK):
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def connect_options() -> dict[str, Any]:
    """Keyword arguments of every ``sqlite3.connect`` of the store: autocommit
    (transactions are explicit), usable from any thread (a ``Database`` lends
    each connection to one thread at a time), waiting ``BUSY_TIMEOUT_MS``."""
    return {"timeout": BUSY_TIMEOUT_MS / 1000, "isolation_level": None,
            "check_same_thread": False}


def connect(path: Path, *, writable: bool) -> tuple[sqlite3.Connection, str]:
    """A connection to the store at ``path`` and the URI that made it (the
    reader connections of a read-only store use the same one). Writable
    creates the file when absent; read-only never writes (immutable when a
    WAL store sits in a folder we cannot write). Raises sqlite3.Error."""
    con: sqlite3.Connection
    uri = path.resolve().as_uri()
    if writable:
        con = sqlite3.connect(str(path), **connect_options())
        uri += "?mode=rw"
    else:
        uri += "?mode=ro"
        con = sqlite3.connect(uri, uri=True, **connect_options())
        if not readable(con):
            # A WAL store in a folder we cannot write has no -shm to share;
            # with no other writer around, reading it as immutable is safe
            # (what its -wal holds is the business of reader.store.database).
            con.close()
            return connect_immutable(path)
    con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    con.execute("PRAGMA foreign_keys = ON")
    return con, uri


def connect_immutable(path: Path) -> tuple[sqlite3.Connection, str]:
    """A connection that reads the database file alone, as it is (no locks,
    no WAL): for a store nobody can write."""
    uri = path.resolve().as_uri() + "?immutable=1"
    return sqlite3.connect(uri, uri=True, **connect_options()), uri


def readable(con: sqlite3.Connection) -> bool:
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        return False
    return True


CODES = {5: "busy", 6: "busy", 8: "readonly", 11: "corrupt", 26: "notadb", 13: "full",
          10: "ioerr", 14: "cantopen"}


def map_error(err: sqlite3.Error, subject: str) -> ReaderError:
    """The ReaderError a user sees for an sqlite3 error."""
    code = getattr(err, "sqlite_errorcode", None)
    kind = CODES.get(code & 0xFF) if isinstance(code, int) else None
    text = str(err)
    if kind is None:
        lowered = text.lower()
        kind = ("busy" if "locked" in lowered or "busy" in lowered else
                "readonly" if "readonly" in lowered or "read-only" in lowered else
                "corrupt" if "malformed" in lowered else
                "notadb" if "not a database" in lowered else None)
    if kind == "busy":
        return StoreLocked(subject, "another program is writing to the store; try again later")
    if kind == "readonly":
        return StoreReadOnly(subject, "the store is read-only")
    if kind in ("corrupt", "notadb"):
        return StoreDamaged(subject, "the store is damaged")
    if kind == "full":
        return StoreError(subject, "the disk is full")
    if kind == "ioerr":
        # SQLite's name says which operation failed (SQLITE_IOERR_WRITE,
        # _FSYNC, _SHORT_READ ...): a real disk error, named as one.
        name = getattr(err, "sqlite_errorname", "") or "SQLITE_IOERR"
        return StoreError(subject, f"the disk failed while reading or writing the store "
                                   f"({name})")
    if kind == "cantopen":
        return StoreError(subject, "cannot open the store")
    return StoreError(subject, f"database error: {text}")
