"""A big JSON Lines archive read as several inputs, each a range of whole lines.

``plan_inputs(paths)`` gives the inputs of an import: each path as it is,
but for a JSON Lines file (``.jsonl``, ``.ndjson``) of more than two
``RANGE_BYTES`` whose first line is an article: that file becomes its
``LineRange``s, about ``RANGE_BYTES`` each, cut after a line feed.
``read_range`` reads one range the way ``read_file`` reads the whole file
(decoded, cleaned, its lines parsed, dates filled in), so the ranges of a
file give the articles the file gives, in order (``tests/importers/test_ranges.py``).

Why: each range is parsed and prepared by a worker of its own and written
as soon as it is ready (``reader.importers.parallel``), so the writer works
while the workers read; the file may be larger than ``MAX_FILE_BYTES``
(each range must be within it); and a broken line costs only its range,
reported as ``file:line: cause`` while the other ranges import.

A range is decoded on its own: a file in one encoding throughout (JSON Lines
is UTF-8) reads as it does whole. Its repair note names the range.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import json
import mmap
import os
import re
import shutil
import stat
import tempfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.errors import InputTooLarge, ReaderError, UnsupportedFile
from reader.importers import gzipped
from reader.importers.clean import clean_article, clean_input, repair_note
from reader.importers.dates import fill_published
from reader.importers.decode import decode_bytes
from reader.importers.json_articles import articles_in
from reader.importers.jsonfile import FORMAT_ID, json_lines
from reader.store.article import Article
from reader.store.database import holds

RANGE_BYTES = 1 << 20
"""Bytes of a range, about 330 articles of news: a quarter second of a
worker's time, so the writer soon has a range to store, and a 37 MB archive
gives every core dozens of ranges to share."""

JSON_LINES = (".jsonl", ".ndjson")

ARCHIVE_MAX_BYTES = 16 << 30
"""The most a compressed archive is uncompressed to, for its ranges; one
that holds more (or more than the temporary folder has room for, less
``KEEP_FREE_BYTES``) is read whole, which refuses it as too large."""
KEEP_FREE_BYTES = 1 << 30

_WINDOW = 1 << 20
"""Bytes of a range read at a time to count its lines."""
_BLANK = re.compile(rb"\s*")  # what bytes.strip() strips: blank lines
_LINE = re.compile(rb"[^\r\n]*")


@dataclass(frozen=True, slots=True)
class LineRange:
    """Lines ``first_line``..``last_line`` (numbered from 1) of ``path``: the
    bytes ``start``..``end``."""

    path: Path
    start: int
    end: int
    first_line: int
    last_line: int
    archive: Path | None = None
    """The gzip file whose uncompressed copy ``path`` is (``plan_inputs``
    made it; ``releasing`` removes it); the import names that file."""

    @property
    def named(self) -> Path:
        """The file the reader chose: ``archive``, or ``path``."""
        return self.archive or self.path

    @property
    def name(self) -> str:
        """How the import names it: ``file:first-last``."""
        return f"{self.named}:{self.first_line}-{self.last_line}"


def plan_inputs(paths: Iterable[Path], *,
                on_skip: Callable[[ReaderError], None] | None = None,
                ) -> list[Path | LineRange]:
    """``paths`` in order, each big JSON Lines archive replaced by its ranges;
    a compressed one (``.jsonl.gz``) by the ranges of an uncompressed copy,
    which ``releasing`` removes once the inputs are read. A compressed
    archive too big to read whole whose copy cannot be written (no room in
    the temporary folder, a folder that cannot be written) is left out and
    reported to ``on_skip`` (without it, kept: reading it says it is too
    large). Whatever ends the planning early (Ctrl+C while an archive is
    uncompressed) removes the copies made so far: no ``releasing`` holds
    them yet."""
    inputs: list[Path | LineRange] = []
    try:
        for path in paths:
            try:
                inputs.extend(split_json_lines(path) or [path])
            except ReaderError as err:
                if on_skip is None:
                    inputs.append(path)
                else:
                    on_skip(err)
    except BaseException:
        with releasing(inputs):
            raise
    return inputs


def input_kib(item: Path | LineRange) -> int:
    """How much of an import ``item`` (of ``plan_inputs``) is, for its
    progress: its KiB (a range's bytes, a file's size), at least 1; a file
    that cannot be read counts 1 (its reader says why)."""
    if isinstance(item, LineRange):
        return max(1, (item.end - item.start) >> 10)
    try:
        return max(1, item.stat().st_size >> 10)
    except OSError:
        return 1


@contextlib.contextmanager
def releasing(inputs: Sequence[Path | LineRange]) -> Iterator[Sequence[Path | LineRange]]:
    """``inputs`` (what ``plan_inputs`` gave), the uncompressed copies it made
    for them removed at the end of the ``with``, however it ends."""
    try:
        yield inputs
    finally:
        for path in {i.path for i in inputs if isinstance(i, LineRange) and i.archive}:
            with contextlib.suppress(OSError):
                path.unlink()


def split_json_lines(path: Path, *, range_bytes: int | None = None) -> list[LineRange] | None:
    """The ranges of lines of ``path``, about ``range_bytes`` (``RANGE_BYTES``)
    each; None when it is to be read whole: not a JSON Lines file of more
    than two ranges' bytes, a first line that is no article (or an rtl-reader
    export), one range only, or a file that cannot be read (``read_file``
    says why, in its turn). A gzip file of JSON Lines (``.jsonl.gz``) is
    uncompressed to a file of its own first (in the temporary folder), whose
    ranges name the gzip file (``LineRange.archive``)."""
    size_each = range_bytes or RANGE_BYTES
    if gzipped.inner(path).suffix.lower() not in JSON_LINES:
        return None
    if path != gzipped.inner(path):
        return _split_gzipped(path, size_each)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size <= 2 * size_each or holds(path):
            return None
        with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
            if not _starts_with_article(data, path):
                return None
            ranges = list(_cut(data, path, size_each))
    except (OSError, ValueError):  # ValueError: mmap of a file emptied meanwhile
        return None
    return ranges if len(ranges) > 1 else None


def _split_gzipped(path: Path, size_each: int) -> list[LineRange] | None:
    """``split_json_lines`` of the gzip file ``path``, through an uncompressed
    copy; None (and no copy left) when it is to be read whole. Raises
    ``ReaderError`` (``subject`` the path) when the copy cannot be written
    and the archive is too big to read whole: reading it would blame its
    size, where the cause is the temporary folder."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or holds(path) or not _opens_with_article(path):
            return None
        folder = tempfile.gettempdir()
    except (OSError, EOFError, zlib.error):
        return None
    try:
        free = shutil.disk_usage(folder).free - KEEP_FREE_BYTES
        _remove_orphans(folder)
        fd, name = tempfile.mkstemp(prefix=f"{_COPY_PREFIX}{os.getpid()}-", suffix=".jsonl",
                                    dir=folder)
    except OSError as err:
        _refuse_if_too_big(path, folder, _cause(err))
        return None
    plain = Path(name)
    ranges = problem = None
    try:
        with os.fdopen(fd, "wb") as out:
            whole = gzipped.gunzip_to(path, out, limit=min(ARCHIVE_MAX_BYTES, free))
        if whole:
            ranges = split_json_lines(plain, range_bytes=size_each)
        elif free < ARCHIVE_MAX_BYTES:
            problem = (f"not enough free space ({max(free, 0) // 1048576} MB, beyond the "
                       f"{KEEP_FREE_BYTES // 1048576} MB left free)")
    except gzipped.WriteFailed as err:
        problem = _cause(err.error)
    except (OSError, EOFError, zlib.error):  # damaged or unreadable: read whole, said then
        pass
    finally:
        if ranges is None:
            plain.unlink(missing_ok=True)
    if problem is not None:
        _refuse_if_too_big(path, folder, problem)
    return None if ranges is None else [dataclasses.replace(r, archive=path) for r in ranges]


_COPY_PREFIX = "rtl-reader-copy-"
_COPY = re.compile(re.escape(_COPY_PREFIX) + r"(\d+)-[^/]*\.jsonl")


def _remove_orphans(folder: str) -> None:
    """Remove the uncompressed copies in ``folder`` whose import died
    unfinished (SIGKILL, the machine off, ``kill`` of the command): no
    ``releasing`` ran, and each may be gigabytes. A copy is named with the
    id of its process; one whose process is gone is an orphan (a live one,
    even another program that took the id again, keeps its copies)."""
    uid = os.getuid()
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            found = _COPY.fullmatch(entry.name)
            with contextlib.suppress(OSError):
                if found and entry.is_file(follow_symlinks=False) and (
                        entry.stat(follow_symlinks=False).st_uid == uid
                        and not _alive(int(found.group(1)))):
                    os.unlink(entry.path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _refuse_if_too_big(path: Path, folder: str, problem: str) -> None:
    """Raise the ``ReaderError`` of an archive whose uncompressed copy could
    not be written in ``folder`` (``problem``: why), when it holds more than
    one file may (else it is read whole, and nothing is said)."""
    from reader.importers import MAX_FILE_BYTES

    try:
        with open(os.devnull, "wb") as nowhere:
            if gzipped.gunzip_to(path, nowhere, limit=MAX_FILE_BYTES):
                return
    except (OSError, EOFError, zlib.error, gzipped.WriteFailed):
        return  # reading it whole says what is wrong with it
    raise ReaderError(str(path), f"over the {MAX_FILE_BYTES // 1048576} MB limit for one file "
                                 "once uncompressed, and its uncompressed copy (read in ranges) "
                                 f"cannot be written in the temporary folder {folder}: {problem}")


def _cause(err: OSError) -> str:
    return (err.strerror or str(err)).lower()


HEAD_BYTES = 1 << 20
"""The start of a compressed archive read to see that it is one."""


def _opens_with_article(path: Path) -> bool:
    """Whether the gzip file ``path`` may be an archive worth its copy: its
    first line opens a JSON object and, when it ends within its first
    ``HEAD_BYTES`` uncompressed, is an article (``_starts_with_article``).
    A bomb of zeros or of blank lines is thus read whole, stopping at the
    limit of one file, and never written out to gigabytes first."""
    with gzip.open(path, "rb") as f:
        head = f.read(HEAD_BYTES)
    start = _first_line_start(head)
    if head[start:start + 1] != b"{":  # blank throughout, or no JSON object
        return False
    if _LINE.match(head, start).end() == len(head):  # type: ignore[union-attr]
        return len(head) == HEAD_BYTES  # a first line longer than the head: see the copy
    return _starts_with_article(head, path)


def _starts_with_article(data: mmap.mmap | bytes, path: Path) -> bool:
    """Whether the first non-blank line of ``data`` alone is an article in
    JSON (so the file is JSON Lines, read line by line whole or in ranges).
    Blank lines are skipped in one scan (a loop of ``find`` for each took
    time quadratic in them), and no more of the line is read than one input
    may hold (a file of gigabytes without a line break is no archive)."""
    from reader.importers import MAX_FILE_BYTES

    start = _first_line_start(data)
    line = _LINE.match(data, start, start + MAX_FILE_BYTES + 1).group()  # type: ignore[union-attr]
    if len(line) > MAX_FILE_BYTES:
        return False
    try:
        value = json.loads(line.decode("utf-8"))
        if not isinstance(value, dict) or value.get("format") == FORMAT_ID:
            return False
        return bool(articles_in(value, name=str(path)))
    except (ValueError, RecursionError, ReaderError):
        return False


def _first_line_start(data: mmap.mmap | bytes) -> int:
    """Where the first non-blank line of ``data`` starts, past a UTF-8 BOM."""
    return _BLANK.match(data, 3 if data[:3] == b"\xef\xbb\xbf" else 0).end()  # type: ignore[union-attr]


def _cut(data: mmap.mmap, path: Path, size_each: int) -> Iterable[LineRange]:
    """Ranges of about ``size_each`` bytes, each ending after a line feed
    (the last at the end of the file). Lines end at LF, CRLF or a lone CR,
    as ``jsonfile.LINE_BREAK`` has them; a cut after LF never parts a CRLF."""
    start, line, size = 0, 1, len(data)
    while start < size:
        cut = data.find(b"\n", min(start + size_each, size) - 1)
        end = size if cut < 0 else cut + 1
        ended = data[end - 1] in b"\n\r"
        last = line + _breaks(data, start, end) - (1 if ended else 0)
        yield LineRange(path, start, end, line, last)
        start, line = end, last + 1


def _breaks(data: mmap.mmap, start: int, end: int) -> int:
    """The line breaks (LF, CRLF, a lone CR) in ``data[start:end]``, counted
    ``_WINDOW`` bytes at a time: a range may hold a line of gigabytes, which
    its reader refuses unread, but whose breaks number the lines after it."""
    count = 0
    for at in range(start, end, _WINDOW):
        stop = min(at + _WINDOW, end)
        window = data[at:stop]
        count += window.count(b"\n") + window.count(b"\r") - window.count(b"\r\n")
        if window.endswith(b"\r") and stop < end and data[stop] == ord("\n"):
            count -= 1  # a CRLF split between two windows
    return count


def read_range(part: LineRange, *, on_note: Callable[[str], None] | None = None,
               ) -> list[Article]:
    """The articles of ``part``'s lines, as ``read_file`` reads them from the
    whole file. Raises (``subject`` the range, or ``file:line`` for a line
    that is not JSON): ``InputTooLarge`` (a range over ``MAX_FILE_BYTES``:
    a line that long), ``DecodeFailed``, a plain ``ReaderError`` when the
    file cannot be read or changed since it was cut. A range without an
    article gives none: the file has one, its first line."""
    from reader.importers import MAX_FILE_BYTES

    name = part.name
    size = part.end - part.start
    if size > MAX_FILE_BYTES:
        raise InputTooLarge(name, f"a line of over the {MAX_FILE_BYTES // 1048576} MB "
                                  "limit for one input")
    try:
        with part.path.open("rb") as fh:
            fh.seek(part.start)
            data = fh.read(size)
    except OSError as err:
        raise ReaderError(name, (err.strerror or str(err)).lower()) from None
    if len(data) != size:
        raise ReaderError(name, "the file changed while it was imported")
    text, replaced = clean_input(decode_bytes(data, name=name, on_note=on_note))
    values = json_lines(text, name=str(part.named), first_line=part.first_line, on_skip=on_note)
    try:
        articles = articles_in(values, name=name)
    except UnsupportedFile:
        articles = []
    for article in articles:
        replaced += clean_article(article)
    if replaced and on_note is not None:
        on_note(repair_note(name, replaced))
    fill_published(articles, gzipped.inner(part.named).stem)
    return articles
