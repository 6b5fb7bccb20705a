"""Standard input and output the command cannot use: closed (``>&-``,
``<&-``), or a full disk (``/dev/full``). Each is one line naming the stream
and exit status 1: never a traceback, and never output lost with status 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="/dev/full and closed fds: Linux")

ARTICLE = "عنوان الخبر\n\nقال الوزير «نحن هنا» اليوم 5 مرات.\n"


def command(*argv: str, stdout: object = None, close: tuple[int, ...] = (),
            stdin: object = subprocess.DEVNULL) -> subprocess.CompletedProcess[str]:
    def closing() -> None:
        for fd in close:
            os.close(fd)

    return subprocess.run([sys.executable, "-m", "reader", *argv], stdin=stdin,
                          stdout=stdout if stdout is not None else subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, timeout=120,
                          preexec_fn=closing if close else None)


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("streams")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    store = folder / "s.db"
    proc = command("--store", str(store), "import", str(folder / "a.txt"))
    assert proc.returncode == 0, proc.stderr
    return store


PRINTING = [
    ["list"], ["list", "--format", "json"], ["show", "1"], ["highlights", "1"],
    ["search", "الوزير"], ["completion", "bash"], ["export", "--all", "--format", "md", "-o", "-"],
    ["export", "--all", "--format", "pdf", "-o", "-"], ["--help"], ["--version"],
]


@pytest.mark.parametrize("argv", PRINTING, ids=" ".join)
def test_output_to_a_full_disk_is_one_line(filled: Path, argv: list[str]) -> None:
    with open("/dev/full", "w") as full:
        proc = command("--store", str(filled), *argv, stdout=full)
    assert (proc.returncode, proc.stderr) == (
        1, "rtl-reader: <stdout>: cannot write: No space left on device\n")


@pytest.mark.parametrize("argv", PRINTING, ids=" ".join)
def test_a_closed_standard_output_is_one_line(filled: Path, argv: list[str]) -> None:
    proc = command("--store", str(filled), *argv, close=(1,))
    assert (proc.returncode, proc.stderr) == (
        1, "rtl-reader: <stdout>: standard output is closed\n")


@pytest.mark.parametrize("argv", [["find", "الوزير", "-"], ["highlights", "-"], ["show", "-"]],
                         ids=" ".join)
def test_a_closed_standard_input_is_one_line(filled: Path, argv: list[str]) -> None:
    proc = command("--store", str(filled), *argv, stdin=None, close=(0,))
    assert (proc.returncode, proc.stderr) == (
        1, "rtl-reader: <stdin>: standard input is closed\n")


def test_with_every_stream_closed_no_file_takes_their_numbers(filled: Path,
                                                               tmp_path: Path) -> None:
    """With 1 and 2 closed, the export file opened first would take
    descriptor 1 or 2, and anything written there (a warning) would land in
    it; they are held on /dev/null instead."""
    out = tmp_path / "out.md"
    proc = command("--store", str(filled), "export", "--all", "--format", "md", "-o", str(out),
                   stdin=None, close=(0, 1, 2))
    assert proc.returncode == 1  # the name of the file written has nowhere to go
    same = tmp_path / "same.md"
    assert command("--store", str(filled), "export", "--all", "--format", "md",
                   "-o", str(same)).returncode == 0
    assert out.read_bytes() == same.read_bytes()
