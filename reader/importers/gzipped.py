"""Files compressed with gzip (``news.jsonl.gz``, ``feed.xml.gz``): read as
the file inside them, as news archives and feed dumps are often kept.

A file is gzip by its first two bytes, whatever its name; what kind of file
is inside is told by the name without ``.gz`` (``inner``), or by its
content when that name has no extension. ``gunzip`` stops at the size limit
of one input, so a small file that inflates to gigabytes (a gzip bomb) costs
no more memory than a plain file at the limit; ``gunzip_to`` writes the whole
of a big JSON Lines archive to a file of its own, for
``reader.importers.ranges`` to cut into ranges as it cuts a plain one.
"""

from __future__ import annotations

import gzip
import io
import zlib
from pathlib import Path
from typing import BinaryIO

from reader.errors import InputTooLarge, ReaderError

MAGIC = b"\x1f\x8b"
SUFFIX = ".gz"


def inner(path: Path) -> Path:
    """The name of the file inside ``path``: ``a.jsonl.gz`` gives ``a.jsonl``;
    any other path is its own."""
    return path.with_suffix("") if path.suffix.lower() == SUFFIX else path


def gunzip(data: bytes, *, name: str, limit: int) -> bytes:
    """The bytes inside the gzip file ``data`` (every member of it). Raises
    (``subject`` is ``name``) ``InputTooLarge`` beyond ``limit`` bytes
    uncompressed, ``ReaderError`` when it is damaged or cut short."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            body = f.read(limit + 1)
    except (OSError, EOFError, zlib.error) as err:
        raise ReaderError(name, _damaged(err)) from None
    if len(body) > limit:
        raise InputTooLarge(name, f"over the {limit // 1048576} MB limit for one file once "
                                  "uncompressed")
    return body


class WriteFailed(Exception):
    """``gunzip_to`` could not write to its output (``error``: why), as
    opposed to reading a file that is damaged or cannot be read."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def gunzip_to(path: Path, out: BinaryIO, *, limit: int) -> bool:
    """The whole of the gzip file at ``path`` written to ``out`` (and
    flushed); False, and no more written, once that is over ``limit`` bytes
    (a gzip bomb fills no disk). Raises ``WriteFailed`` when ``out`` refuses
    the bytes (a full disk), and ``OSError`` (``gzip.BadGzipFile`` among
    them), ``EOFError`` or ``zlib.error`` when ``path`` cannot be read or is
    damaged."""
    written = 0
    with gzip.open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            written += len(chunk)
            if written > limit:
                return False
            try:
                out.write(chunk)
            except OSError as err:
                raise WriteFailed(err) from None
    try:
        out.flush()
    except OSError as err:
        raise WriteFailed(err) from None
    return True


def _damaged(err: BaseException) -> str:
    """What a failed ``gzip`` read says, in the importers' words: cut short,
    or damaged (a checksum that fails, data that is no deflate stream)."""
    if isinstance(err, EOFError):
        return "a gzip file cut short (it ends before its data does)"
    return "a damaged gzip file"  # zlib's words ("invalid code lengths set") help no reader
