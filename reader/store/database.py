"""The one owner of a store's connections in this process.

POSIX advisory locks belong to the process, not to a file descriptor:
closing *any* descriptor on the database file drops every lock the process
holds on it ("How To Corrupt An SQLite Database File", 2.2). Another process
then believes it is alone, checkpoints and deletes the WAL that our
connections still use, and the store is corrupted. SQLite's own connections
share their locks correctly (its unix VFS keeps one record per file and
defers closing descriptors while a lock is held); only a descriptor opened
outside SQLite can do this. Hence:

- Every connection to a store is made by a ``Database``. The registry in
  this module knows every store file (by device and inode) that this process
  holds connections to.
- ``connection.check_header``, the one place that reads a store file with
  Python, runs only for a file the process holds no connection to, under
  the registry's lock, so no connection can appear while it reads.
- ``holds(path)`` tells the rest of the program (importers, exporters, the
  command line) that a path is an open store's database, ``-wal``, ``-shm``
  or ``-journal`` file, which they must never open, replace or read.

A ``Database`` owns, and closes in ``close``:

- one *writer* connection, used by every write transaction of every thread:
  a Python lock makes this process's threads take turns, and other
  processes wait for SQLite's write lock through ``busy_timeout``;
- *reader* connections (``PRAGMA query_only``), each lent to one thread for
  one read transaction and kept for the next (at most ``IDLE_READERS`` idle),
  so a long search on a worker thread never holds up the window's list.

A transaction belongs to the thread that began it: a read inside that
thread's write runs in the write transaction and sees what it wrote; a write
inside a read or a write is a bug (``RuntimeError``). Errors from SQLite
become ``ReaderError``s (``connection.map_error``).
"""

from __future__ import annotations

import ctypes
import os
import shutil
import sqlite3
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from reader.errors import StoreDamaged, StoreError, StoreReadOnly
from reader.store import connection

IDLE_READERS = 4
"""Reader connections kept open for reuse; more are made while more threads read."""

_SIDE_FILES = ("-wal", "-shm", "-journal")

_registry_lock = threading.Lock()
_open_files: Counter[tuple[int, int]] = Counter()
"""How many open ``Database``s hold each store file, by (st_dev, st_ino)."""
_open_paths: dict[tuple[int, int], Path] = {}


def _identity(path: Path | str) -> tuple[int, int] | None:
    """(device, inode) of ``path``, following symlinks; None when absent.
    A ``stat`` opens no descriptor, so it is safe beside open connections."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _links(path: Path) -> int:
    """How many names (hard links) the file at ``path`` has; 0 when absent.
    A store must be written through one name only: its -wal and -shm are
    found by name, so a program writing through another name neither sees
    the first one's WAL nor its locks, and their checkpoints overwrite each
    other's commits ("How To Corrupt An SQLite Database File", 2.5)."""
    try:
        return os.stat(path).st_nlink
    except (OSError, ValueError):
        return 0


def holds(path: Path | str) -> bool:
    """True when ``path`` (however named: symlink, hard link, relative) is
    the database file of a store this process has open, or its ``-wal``,
    ``-shm`` or ``-journal`` file, that file there or not: SQLite finds
    those by name, and a ``-journal`` written beside a store in WAL mode
    (an export named so) made every other program wait on it as a hot
    journal, then was deleted as one. Such a file must not be opened
    outside SQLite while the store is open."""
    key = _identity(path)
    with _registry_lock:
        if key is not None and key in _open_files:
            return True
        stores = list(_open_paths.values())
    sides = [f"{store}{suffix}" for store in stores for suffix in _SIDE_FILES]
    if key is not None and any(_identity(side) == key for side in sides):
        return True
    if not sides or key is not None:
        # No store open here (an import's worker process); or ``path`` exists,
        # and a name that resolves to a side file's would have shown that
        # file's identity above: the resolving (a few syscalls a component,
        # for every file an import reads) is for a path not there yet.
        return False
    try:
        named = os.path.realpath(path)
    except (OSError, ValueError):
        return False
    return any(named == os.path.realpath(side) for side in sides)


REPLACED = ("the store file was replaced or removed by another program; "
            "restart rtl-reader to open it")
SIDE_REPLACED = ("the store's -wal or -shm file was removed or replaced by another program; "
                 "restart rtl-reader to open the store")

_SQLITE_IOERR = 10
_NO_CKPT_ON_CLOSE = 1006
"""SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE (SQLite 3.16)."""


def _no_checkpoint_on_close(con: sqlite3.Connection) -> None:
    """Make closing ``con`` leave the -wal and -shm alone: SQLite's last
    close in a process checkpoints through its own wal-index and unlinks the
    -wal and -shm *by name*, which, once another program owns those names,
    writes stale pages into the store and deletes that program's WAL under
    it. Best effort: Python 3.12 has ``setconfig``; on 3.11 the same SQLite
    call through ctypes, on the handle that ``Connection`` keeps first
    after its object header, used only when SQLite confirms it is ours."""
    setconfig = getattr(con, "setconfig", None)
    if setconfig is not None:
        setconfig(_NO_CKPT_ON_CLOSE, True)
        return
    try:
        import _sqlite3  # the module's own SQLite (dlsym searches its dependencies)
        lib = ctypes.CDLL(_sqlite3.__file__)
        lib.sqlite3_db_filename.restype = ctypes.c_char_p
        lib.sqlite3_db_filename.argtypes = (ctypes.c_void_p, ctypes.c_char_p)
        handle = ctypes.c_void_p.from_address(id(con) + object.__basicsize__).value
        names = {str(row[2]) for row in con.execute("PRAGMA database_list")}
        if not handle or (lib.sqlite3_db_filename(handle, b"main") or b"").decode() not in names:
            return
        lib.sqlite3_db_config(ctypes.c_void_p(handle), ctypes.c_int(_NO_CKPT_ON_CLOSE),
                              ctypes.c_int(1), ctypes.c_void_p(None))
    except (OSError, AttributeError, ValueError, sqlite3.Error):
        return

SNAPSHOT_LIMIT = 1 << 30
"""The largest store (with its WAL) read through a private copy when its folder
is read-only and its WAL cannot be shared: 1 GiB."""


def _wal_size(path: Path) -> int:
    try:
        return os.stat(f"{path}-wal").st_size
    except OSError:
        return 0


def _read_through_wal(path: Path, *, held: bool
                      ) -> tuple[sqlite3.Connection, str, str, Path | None]:
    """Read a WAL store whose folder cannot be written and that has no
    ``-shm`` (copied from a machine where it was last written, or to a
    read-only medium): SQLite can then read it only as immutable, which
    ignores the committed changes its WAL holds. So copy the store and its
    WAL into a private folder and read the copy there; when the process
    already holds the file (the copy would open and close its descriptors)
    or it is over ``SNAPSHOT_LIMIT``, read it as immutable and say what is
    not shown. Returns (connection, URI, notice, the private folder)."""
    wal = _wal_size(path)
    if held or os.stat(path).st_size + wal > SNAPSHOT_LIMIT:
        con, uri = connection.connect_immutable(path)
        return con, uri, (f"read-only folder: {wal // 1024} KB of recent changes in the "
                          f"store's -wal cannot be read here and are not shown"), None
    folder = Path(tempfile.mkdtemp(prefix="rtl-reader-snapshot-"))
    try:
        copy = folder / path.name
        shutil.copyfile(path, copy)
        shutil.copyfile(f"{path}-wal", f"{copy}-wal")
        con, uri = connection.connect(copy, writable=False)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return con, uri, ("read-only folder: reading a private copy of the store with the "
                      "recent changes its -wal holds"), folder


class Database:
    """The connections of one open store (see the module docstring).

    ``Database.open`` checks and connects; ``read()`` and ``write()`` are the
    only ways to run SQL; ``close`` closes every connection. Raises the
    errors of ``connection.check_header`` and ``connection.map_error``.
    """

    def __init__(self, path: Path, first: sqlite3.Connection, uri: str, *, writable: bool,
                 key: tuple[int, int], notice: str = "", snapshot: Path | None = None) -> None:
        self.path = path
        self.read_only = not writable
        self.notice = notice
        """One line for the user about how the store is read ("" usually)."""
        self._snapshot = snapshot
        # The first connection: the writer of a writable store, the one that
        # answers data_version on a read-only one (a reader's would differ).
        self._writer = first if writable else None
        self._watcher = first
        self._reader_uri = uri
        self._key = key
        self._sides: tuple[tuple[int, int] | None, ...] | None = None
        """(device, inode) of the -wal and -shm our connections use, once known."""
        self._write_lock = threading.Lock()
        self._pool_lock = threading.Lock()
        self._idle: list[sqlite3.Connection] = []
        self._lent = 0
        self._closed = False
        self._keep_side_files = False
        self._closed_cause = "the store is closed"
        self._local = threading.local()
        self._trace: object = None

    @classmethod
    def open(cls, path: Path, *, writable: bool) -> Database:
        """Connect to the store file at ``path``: writable (a writer
        connection, readers on demand) or read-only. The file's header is
        checked first unless this process already holds it open."""
        with _registry_lock:
            key = _identity(path)
            if key is not None and key not in _open_files:
                connection.check_header(path)
            notice, snapshot = "", None
            links = _links(path)
            if writable and links > 1:
                writable = False
                notice = (f"read-only: the store file has {links} names (hard links); "
                          f"SQLite keeps a store's recent changes beside the name it was "
                          f"opened by, so writing through two names would lose them. "
                          f"Keep one name (copy the file, then remove the links) to write")
            try:
                first, uri = connection.connect(path, writable=writable)
                if uri.endswith("immutable=1") and _wal_size(path):
                    first.close()
                    first, uri, notice, snapshot = _read_through_wal(
                        path, held=key in _open_files)
            except sqlite3.Error as err:
                raise connection.map_error(err, str(path)) from None
            key = _identity(path)
            if key is None:  # removed under us between connect and stat
                first.close()
                raise StoreError(str(path), "the store file vanished while opening")
            _open_files[key] += 1
            _open_paths[key] = path.resolve()
        return cls(path, first, uri, writable=writable, key=key, notice=notice,
                   snapshot=snapshot)

    # -- transactions -------------------------------------------------------------

    @contextmanager
    def mapped(self) -> Iterator[None]:
        """Turn an ``sqlite3.Error`` raised inside into the user's ReaderError."""
        try:
            yield
        except sqlite3.Error as err:
            mapped = connection.map_error(err, str(self.path))
            code = getattr(err, "sqlite_errorcode", 0) or 0
            if isinstance(mapped, StoreDamaged) or code & 0xFF == _SQLITE_IOERR:
                # What SQLite read was not a page: a -wal cut short under us
                # (truncated by hand) reads short or as zeros, and the checkpoint at
                # close would copy those into the store file ("file is not a
                # database"). Left alone, the -wal is checked frame by frame
                # by the next opener, which keeps every intact commit.
                self._keep_side_files = True
            raise mapped from None

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for several SELECTs (a deferred read
        transaction on a reader connection lent to this thread). Inside this
        thread's transaction, that transaction's connection."""
        local = self._local
        if getattr(local, "depth", 0):
            local.depth += 1
            try:
                with self.mapped():
                    yield local.con
            finally:
                local.depth -= 1
            return
        con = self._lend()
        try:
            with self.mapped():
                con.execute("BEGIN")
                local.con, local.depth = con, 1
                try:
                    yield con
                finally:
                    local.con, local.depth = None, 0
                    if con.in_transaction:
                        con.execute("COMMIT")
        finally:
            self._give_back(con)

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction on the writer connection:
        committed whole or rolled back. Raises StoreReadOnly on a read-only
        store, StoreLocked when another process keeps the write lock longer
        than ``connection.BUSY_TIMEOUT_MS``."""
        if self._writer is None:
            raise StoreReadOnly(str(self.path), "the store is read-only")
        local = self._local
        if getattr(local, "depth", 0):
            raise RuntimeError("write inside another transaction")
        with self._write_lock:
            con = self._writer_connection()
            self._check_same_file(con)
            with self.mapped():
                con.execute("BEGIN IMMEDIATE")
            local.con, local.depth = con, 1
            try:
                self._check_same_file()
                with self.mapped():
                    yield con
                    self._check_same_file()
                    con.execute("COMMIT")
            except BaseException:
                if con.in_transaction:
                    # SQLite may have rolled back already (e.g. after SQLITE_FULL).
                    with suppress(sqlite3.Error):
                        con.execute("ROLLBACK")
                raise
            finally:
                local.con, local.depth = None, 0

    def _check_same_file(self, con: sqlite3.Connection | None = None) -> None:
        """Raise StoreError when the store's name no longer leads to the file
        we opened: another program replaced it (a backup restored, a sync
        tool's rename) or moved or removed it. Our connections write on into
        the old file, which nobody will open again, and the other program,
        finding the -wal and -shm by name, takes ours for its own, checkpoints
        and deletes them: all the window wrote from then on would be lost.

        The same when the -wal or -shm names no longer lead to the files our
        connections use (a user or a cleaning tool removed them): the next
        program makes new ones, shares no lock with us, and the two write
        one store at once ("file is not a database" after an import beside
        the window with its -shm removed).

        Given ``con``, the writer outside a transaction, also lets go of the
        old file: empties the -wal (a TRUNCATE checkpoint, into the old file;
        only while the -shm, where SQLite's locks live, is still the one the
        others share, else it would race their writes) and closes every
        connection, none of them checkpointing or unlinking on close. SQLite
        finds the -wal and -shm by name: what we committed before the
        replacement would be replayed onto the new file by its next opener,
        and the -shm we hold tells it the old file's size; either damages it.
        A program that opened the new file before we noticed has taken them
        already. Every use after that raises this error."""
        cause = REPLACED if _identity(self.path) != self._key else self._side_change()
        if not cause:
            return
        if con is not None and not con.in_transaction:
            if cause == REPLACED or _identity(f"{self.path}-shm") == self._shm():
                with suppress(sqlite3.Error):
                    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._closed_cause = cause
            self._shut(checkpoint=False)
        raise StoreError(str(self.path), cause)

    def _side_change(self) -> str:
        """SIDE_REPLACED when the -wal or -shm by name is not the file our
        connections use, "" otherwise. Their identities are taken the first
        time both exist (our writer opens them with its first transaction;
        SQLite never removes them while we hold a connection)."""
        if self._writer is None:
            return ""
        now = (_identity(f"{self.path}-wal"), _identity(f"{self.path}-shm"))
        if self._sides is None:
            if None not in now:
                self._sides = now
            return ""
        return "" if now == self._sides else SIDE_REPLACED

    def _shm(self) -> tuple[int, int] | None:
        return self._sides[1] if self._sides else None

    @contextmanager
    def setup(self) -> Iterator[sqlite3.Connection]:
        """The writer connection outside any transaction, for what must run
        there (``PRAGMA journal_mode``, ``synchronous``) while opening."""
        with self._write_lock:
            try:
                yield self._writer_connection()
            finally:
                # A journal mode switched here removes and remakes the -wal
                # and -shm: ours are the next ones seen.
                self._sides = None

    def data_version(self, last: int) -> int:
        """``PRAGMA data_version`` of the writer connection (of a reader on a
        read-only store): it changes when another process commits, not when
        this process writes. ``last`` is returned while this process is
        writing (the question waits for no one)."""
        if not self._write_lock.acquire(blocking=False):
            return last
        try:
            if self._closed:
                raise StoreError(str(self.path), self._closed_cause)
            if self._writer is not None:
                self._check_same_file(self._writer)
            with self.mapped():
                return int(self._watcher.execute("PRAGMA data_version").fetchone()[0])
        finally:
            self._write_lock.release()

    # -- connections --------------------------------------------------------------

    def _writer_connection(self) -> sqlite3.Connection:
        if self._closed or self._writer is None:
            raise StoreError(str(self.path), self._closed_cause)
        return self._writer

    def _lend(self) -> sqlite3.Connection:
        with self._pool_lock:
            if self._closed:
                raise StoreError(str(self.path), self._closed_cause)
            self._lent += 1
            if self._idle:
                return self._idle.pop()
        try:
            con = sqlite3.connect(self._reader_uri, uri=True, **connection.connect_options())
            con.execute(f"PRAGMA busy_timeout = {connection.BUSY_TIMEOUT_MS}")
            con.execute("PRAGMA query_only = 1")
            if self._trace is not None:
                con.set_trace_callback(self._trace)  # type: ignore[arg-type]
        except sqlite3.Error as err:
            with self._pool_lock:
                self._lent -= 1
            raise connection.map_error(err, str(self.path)) from None
        return con

    def _give_back(self, con: sqlite3.Connection) -> None:
        with self._pool_lock:
            self._lent -= 1
            if not self._closed and len(self._idle) < IDLE_READERS:
                self._idle.append(con)
                return
            last = self._closed and self._lent == 0
            keep = self._closed and self._keep_side_files
        if keep:
            _no_checkpoint_on_close(con)
        con.close()
        if last:
            self._release()

    def close_idle(self) -> None:
        """Close the reader connections no thread is using (before a change
        that needs the file to itself)."""
        with self._pool_lock:
            idle, self._idle = self._idle, []
        for con in idle:
            con.close()

    def trace(self, callback: object) -> None:
        """Pass every statement any connection runs to ``callback`` (None
        stops): for tests that check how SQL is issued."""
        with self._pool_lock:
            self._trace = callback
            cons = [*self._idle, self._watcher]
        for con in cons:
            con.set_trace_callback(callback)  # type: ignore[arg-type]

    def close(self) -> None:
        """Close every connection (one lent to a running read closes when
        given back); further use raises StoreError. Idempotent."""
        with self._write_lock:
            if self._writer is not None and not self._closed:
                with suppress(StoreError):
                    self._check_same_file(self._writer)  # replaced: leave no -wal behind
            self._shut()

    def _shut(self, *, checkpoint: bool = True) -> None:
        """``close`` with the write lock held; ``checkpoint=False`` when the
        -wal and -shm by name may be another program's now."""
        with self._pool_lock:
            if self._closed:
                return
            self._closed = True
            self._keep_side_files = self._keep_side_files or not checkpoint
            idle, self._idle = self._idle, []
            last = self._lent == 0
        try:
            for con in [*idle, self._watcher]:
                if self._keep_side_files:
                    _no_checkpoint_on_close(con)
                con.close()
        finally:
            if last:
                self._release()

    def _release(self) -> None:
        if self._snapshot is not None:
            shutil.rmtree(self._snapshot, ignore_errors=True)
        with _registry_lock:
            _open_files[self._key] -= 1
            if _open_files[self._key] <= 0:
                del _open_files[self._key]
                _open_paths.pop(self._key, None)
