"""What the command's arguments name: an article ID, a FILE, standard input
(``-``), a web address; and the store they are read from.

DESIGN decision 8: an argument that names an existing file is a FILE
(decoded, BOM removed, newlines kept; offsets point into that text),
anything else an article ID. ``-`` is standard input, read whole and
decoded like a file (``<stdin>`` in messages), at most ``MAX_FILE_BYTES``.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reader.cli.parser import STDIN
from reader.cli.terminal import Progress, fail, say
from reader.errors import EmptyInput, InputTooLarge, NotFound, ReaderError
from reader.store.connection import SQLITE_LARGEST

STDIN_NAME = "<stdin>"
"""Standard input's name in messages and as an imported article's input."""


MAX_ID = SQLITE_LARGEST
"""The largest ID a store can hold (SQLite's integers are signed 64-bit)."""


def article_id(value: str) -> int:
    """The article ID ``value`` names (any Unicode decimal digits, so
    Arabic-Indic too). Raises NotFound for what is no ID, and for an ID past
    ``MAX_ID``, which no article has (SQLite could not even be asked)."""
    if not value:
        raise NotFound('""', "an empty argument names no file and no article ID")
    try:
        n = int(value)
    except ValueError:
        raise NotFound(value, f"{_no_file(value)}, and not an article ID") from None
    if n <= 0:
        raise NotFound(value, "not an article ID")
    if n > MAX_ID:
        raise NotFound(value, "no article with this ID")
    return n


def _no_file(value: str) -> str:
    """Why ``value`` names no FILE: nothing is there, or what is there is
    not a regular file (which is read for no text: a pipe could block)."""
    try:
        mode = os.stat(value).st_mode
    except (OSError, ValueError):
        return "no such file"
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    return "not a regular file (a device, FIFO or socket)"


def is_file(target: str) -> bool:
    try:
        return Path(target).is_file()
    except (OSError, ValueError):  # a name too long for the system, a NUL
        return False


def missing(path: str) -> str | None:
    """Why there is nothing at ``path`` to import; None when there is."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return "no such file or folder"
    except PermissionError:
        return "permission denied (a folder on the way cannot be opened)"
    except OSError as err:  # a name too long, a loop of links
        return (err.strerror or str(err)).lower()
    except ValueError:
        return "not a valid file name"
    return None


def read_stdin() -> bytes:
    """Standard input's bytes, refused past the importers' size limit."""
    from reader.importers import MAX_FILE_BYTES

    if sys.stdin is None:
        raise EmptyInput(STDIN_NAME, "standard input is closed")
    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise InputTooLarge(STDIN_NAME, f"more than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    return data


def read_text(target: str) -> str:
    """The decoded text of a FILE, or of standard input for ``-``."""
    from reader.importers import decode_bytes, read_bytes

    if target == STDIN:
        return decode_bytes(read_stdin(), name=STDIN_NAME)
    return decode_bytes(read_bytes(target), name=target)


def stdin_articles(on_note: Any = None) -> list[Any]:
    """The articles in standard input, of any kind the importers read
    (plain text, HTML, Markdown, a feed, the JSON export), told by content."""
    from reader.importers import decode_bytes
    from reader.importers.sniff import import_text

    text = decode_bytes(read_stdin(), name=STDIN_NAME)
    return import_text(text, name=STDIN_NAME, kind=None, on_note=on_note)


def is_text_source(target: str) -> bool:
    """True when ``target`` is read as text (a FILE or ``-``), not as an ID."""
    return target == STDIN or is_file(target)


def fields_of(target: str, store: str | None) -> dict[str, str] | str:
    """A FILE's (or standard input's) text, or an article's fields by name."""
    if is_text_source(target):
        return read_text(target)
    with library(store) as lib:
        return lib.get(article_id(target)).fields()  # type: ignore[no-any-return]


@contextmanager
def library(store: str | None, *, create: bool = False) -> Iterator[Any]:
    """The store, open for the command. Only the commands that store what
    the user brings (``import``, ``feeds add``, ``feeds import-opml``) pass
    ``create``; any other says "no store here" (NoStore) rather than leave a
    new store behind at a mistyped ``--store``, or an empty default one
    before the app's first run has put its samples in."""
    from reader.store import Library, resolve_store_path

    lib = Library.open(resolve_store_path(store), create=create, progress=UpgradeNote())
    if lib.notice:
        fail(f"{lib.path}: note: {lib.notice}")
    try:
        yield lib
    finally:
        lib.close()


class UpgradeNote:
    """``progress`` for ``Library.open``: one line saying why this open takes
    long (the store is upgraded for this version), then a bar on a terminal.
    Said once the upgrade has gone a step (an upgrade that ends, or fails,
    at once needs no explanation)."""

    def __init__(self) -> None:
        self.said = False

    def __call__(self, done: int, total: int) -> None:
        if not 0 < done < total and not self.said:
            return
        if not self.said:
            self.said = True
            print(f"rtl-reader: updating the store of {total} articles for this version "
                  "(once)", file=sys.stderr)
        elif sys.stderr.isatty():
            bar = Progress(total)
            bar.update(done)
            if done >= total:
                bar.clear()


def way_out(err: ReaderError) -> str:
    """The way out of a store error, appended to its line where there is one."""
    from reader.errors import NoStore, StoreDamaged, StoreTooNew

    if isinstance(err, StoreTooNew):
        return " (written by a newer rtl-reader: upgrade to open it)"
    if isinstance(err, NoStore):
        return " (rtl-reader import FILE, or the app, starts one)"
    if isinstance(err, StoreDamaged):
        return " (--backup-and-reset keeps it aside and starts a new store)"
    return ""


def backup_and_reset(store: str | None) -> None:
    """Keep a damaged store as a backup and start afresh (never anything else)."""
    from reader.store import resolve_store_path
    from reader.store.library import reset_damaged

    path, backup = reset_damaged(resolve_store_path(store))
    say(f"{path}: kept the old store as {backup}; started a new, empty one", sys.stderr)
