"""Where the store lives: ``--store``, then ``RTL_READER_STORE``, then platformdirs."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "RTL_READER_STORE"
FILE_NAME = "library.sqlite3"


def default_store_path() -> Path:
    """``user_data_dir("rtl-reader")/library.sqlite3`` (DESIGN decision 4)."""
    return Path(platformdirs.user_data_dir("rtl-reader", appauthor=False)) / FILE_NAME


def resolve_store_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The store to use: ``explicit`` if given, else the environment, else the
    default. Raises StoreError for ``~user/…`` naming no user."""
    given = explicit or os.environ.get(ENV_VAR)
    if not given:
        return default_store_path()
    try:
        return Path(given).expanduser()
    except RuntimeError:  # "Could not determine home directory."
        from reader.errors import StoreError

        raise StoreError(str(given), "no such user's home folder") from None


def backup_store(path: Path, *, now: str | None = None) -> Path:
    """Move a store that cannot be opened (and its -wal/-shm files) aside.

    Returns the backup path ``<name>.backup-<UTC time>``; nothing is deleted,
    so the user can send the file to someone who can repair it. Raises
    OSError if the move fails (the original is then untouched).
    """
    import datetime

    stamp = now or datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    backup = path.with_name(f"{path.name}.backup-{stamp}")
    n = 1
    while backup.exists():
        n += 1
        backup = path.with_name(f"{path.name}.backup-{stamp}-{n}")
    os.replace(path, backup)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, backup.with_name(backup.name + suffix))
    return backup
