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
    """The store to use: ``explicit`` if given, else the environment, else the default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return default_store_path()
