"""What the command prints, made safe for a terminal (issue 13, item 4).

Every line printed from stored text, a file name or an address goes through
``safe`` (``say``, ``fail``): nothing printed can command the terminal or
split a line. ``print_json`` keeps ``--format json`` exact, with the
characters a terminal could act on written as JSON escapes.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from typing import Any, TextIO

from reader.errors import OutputFailed

PROG = "rtl-reader"

STDOUT_NAME = "<stdout>"
"""Standard output's name in messages."""

# Control characters but tab, line and paragraph separators, lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_UNSAFE_BUT_LF = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
# What json.dumps(ensure_ascii=False) leaves raw that a terminal could act on.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def counted(number: int, noun: str) -> str:
    """``number`` and ``noun`` as a summary line says them: "1 article",
    "2 articles", "1,200 highlights" (``noun`` singular, plural with s)."""
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def safe(text: str, *, newlines: bool = False) -> str:
    """``text`` as it may reach a terminal: bidi controls removed, so a title
    holding U+202E cannot reorder the rest of the line (terminals show FSI/PDI
    isolates inconsistently, so stripping is the safe form); every control
    character but tab (and line feed, with ``newlines``), line or paragraph
    separator and lone surrogate shown as its escape (``\\x1b``, ``\\n``,
    ``\\u2028``), so no escape sequence runs and one line stays one line."""
    from reader.text.bidi import strip_bidi_controls

    unsafe = _UNSAFE_BUT_LF if newlines else _UNSAFE
    return unsafe.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"),
                      strip_bidi_controls(text))


def say(line: str, out: TextIO | None = None) -> None:
    """Print one line made from stored text, file names or addresses, safely."""
    print(safe(line), file=out or sys.stdout)


def fail(line: str) -> None:
    """One error line on stderr: ``rtl-reader: <input>: <cause>``."""
    say(f"{PROG}: {line}", sys.stderr)


def print_json(data: Any, out: TextIO | None = None) -> None:
    """``data`` as JSON, UTF-8 as it is but for the characters a terminal
    could act on (DEL, C1 controls, line separators, lone surrogates), which
    become ``\\uXXXX`` escapes: JSON holds them only inside strings, and the
    escape parses back to the same string."""
    out = out or sys.stdout
    text = json.dumps(data, ensure_ascii=False, indent=2)
    out.write(_UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
    out.write("\n")


class Progress:
    """A one-line progress bar on stderr (imports of more than a handful of
    files or of a big archive, reindexing): ``done/total``, or with
    ``percent`` the share done (an import counts KiB, no count to show)."""

    def __init__(self, total: int, *, percent: bool = False) -> None:
        self.total = total
        self.percent = percent

    def update(self, done: int) -> None:
        width = 30
        filled = width * done // self.total
        bar = "#" * filled + "-" * (width - filled)
        told = f"{100 * done // self.total}%" if self.percent else f"{done}/{self.total}"
        print(f"\r[{bar}] {told}", end="", file=sys.stderr, flush=True)

    def clear(self) -> None:
        print("\r" + " " * 50 + "\r", end="", file=sys.stderr, flush=True)


class _Stdout(io.RawIOBase):
    """File descriptor 1, where a write the system refuses (a full disk, a
    closed standard output) raises OutputFailed, a one-line error, rather
    than an OSError traceback; a closed pipe stays BrokenPipeError."""

    def __init__(self, *, closed: bool) -> None:
        super().__init__()
        self._was_closed = closed
        self.discarding = False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return 1

    def isatty(self) -> bool:
        return not self._was_closed and os.isatty(1)

    def write(self, data: Any) -> int:
        size = len(memoryview(data))
        if self.discarding:
            return size
        if self._was_closed:
            raise OutputFailed(STDOUT_NAME, "standard output is closed")
        try:
            return os.write(1, data)
        except BrokenPipeError:
            raise
        except OSError as err:
            raise OutputFailed(STDOUT_NAME, f"cannot write: {err.strerror or err}") from None


def guard_standard_streams() -> None:
    """Make the process's standard streams safe to use (POSIX).

    A closed descriptor 0, 1 or 2 is opened on ``/dev/null``, so no file the
    command opens later takes its number (a Qt warning to descriptor 2 would
    land in that file). Standard output is then written through ``_Stdout``:
    what cannot be written, or a closed standard output, is an OutputFailed
    error, never a traceback nor output silently lost with exit status 0.
    Leaves a ``sys.stdout`` that is not the process's own (a test's capture)
    as it is."""
    if os.name != "posix":
        return
    closed = set()
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            closed.add(fd)
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
    current = sys.stdout
    if current is not None and current is not sys.__stdout__:
        return
    encoding = getattr(current, "encoding", None) or "utf-8"
    errors = getattr(current, "errors", None) or "strict"
    line_buffering = bool(getattr(current, "line_buffering", False))
    sys.stdout = io.TextIOWrapper(io.BufferedWriter(_Stdout(closed=1 in closed)),
                                  encoding=encoding, errors=errors,
                                  line_buffering=line_buffering)


def discard_stdout() -> None:
    """After OutputFailed was reported: drop what is still buffered, so
    Python's flush at exit does not fail a second time."""
    buffer = getattr(sys.stdout, "buffer", None)
    raw = getattr(buffer, "raw", None)
    if isinstance(raw, _Stdout):
        raw.discarding = True
