"""Files compressed with gzip import as the file inside them
(``reader.importers.gzipped``): a news archive kept as ``.jsonl.gz`` is read
in ranges on every core as a plain one is, and leaves no uncompressed copy;
a damaged, cut or bomb-like file is one line naming it, and nothing of it
is stored."""

from __future__ import annotations

import dataclasses
import errno
import gzip
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader import importers
from reader.cli import main
from reader.errors import InputTooLarge, ReaderError, UnsupportedFile
from reader.importers import ranges, read_file
from reader.importers.ranges import plan_inputs, releasing
from reader.store import Library

BODY = ("أعلنت وزارة المالية أن العجز تراجع إلى ٣٫٢٪ من الناتج المحلي هذا العام.\n"
        "وقال الوزير إن «الإصلاحات بدأت تؤتي ثمارها» في مؤتمر صحفي أمس.")
FEED = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار</title>'
        "<item><title>تراجع العجز</title><link>https://example.org/1</link>"
        f"<description>{BODY}</description></item></channel></rss>")


def _line(n: int) -> str:
    return json.dumps({"title": f"خبر رقم {n}", "text": f"{BODY} ({n})",
                       "date": f"2024-05-{1 + n % 28:02d}"}, ensure_ascii=False)


def _pair(folder: Path, name: str, data: bytes) -> tuple[Path, Path]:
    """The file ``name`` holding ``data``, and the same compressed beside it
    (in a folder of its own: the same name, ``.gz`` added)."""
    plain, packed = folder / "plain" / name, folder / "packed" / (name + ".gz")
    for path, content in ((plain, data), (packed, gzip.compress(data))):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(content)
    return plain, packed


def _fields(articles: list) -> list[dict]:
    return [dataclasses.asdict(a) for a in articles]


@pytest.mark.parametrize(("name", "data"), [
    ("2024-05-03 تقرير.txt", ("العجز يتراجع\n\n" + BODY.replace("٣٫٢٪", "3.2%"))
     .encode("cp1256")),
    ("أخبار.xml", FEED.encode()),
    ("archive.jsonl", "\n".join(_line(n) for n in range(5)).encode()),
    ("page", f"<html><head><title>العجز</title></head><body><p>{BODY}</p></body></html>"
     .encode()),
], ids=["text-cp1256", "feed", "json-lines", "no-extension"])
def test_a_compressed_file_reads_as_the_file_inside(tmp_path: Path, name: str,
                                                    data: bytes) -> None:
    plain, packed = _pair(tmp_path, name, data)
    assert _fields(read_file(packed)) == _fields(read_file(plain))
    assert read_file(packed)


def test_the_file_dialogs_offer_compressed_files() -> None:
    assert ".gz" in importers.SUPPORTED_EXTENSIONS


def test_a_compressed_file_of_a_kind_not_imported_is_refused_by_its_name(
        tmp_path: Path) -> None:
    path = tmp_path / "backup.tar.gz"
    path.write_bytes(gzip.compress(b"not read"))
    with pytest.raises(UnsupportedFile) as err:
        read_file(path)
    assert err.value.line().startswith(f"{path}: .tar.gz files are not imported (known: ")


@pytest.mark.parametrize("damage", ["cut", "flipped"])
def test_a_damaged_compressed_file_is_one_line_and_stores_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str) -> None:
    data = bytearray(gzip.compress(("\n".join(_line(n) for n in range(40))).encode()))
    if damage == "cut":
        del data[len(data) // 2:]
    else:
        data[len(data) // 2] ^= 0xFF
    path = tmp_path / "archive.jsonl.gz"
    path.write_bytes(bytes(data))
    store = tmp_path / "library.sqlite3"
    assert main(["--store", str(store), "import", str(path)]) == 1
    out, err = capsys.readouterr()
    cause = "a gzip file cut short" if damage == "cut" else "a damaged gzip file"
    assert err.startswith(f"rtl-reader: {path}: {cause}"), err
    assert err.count("\n") == 1
    assert "imported 0, duplicates 0, failed 1" in out
    with Library.open(store) as lib:
        assert lib.ids() == []


def test_a_gzip_bomb_stops_at_the_limit_of_one_file(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b" " * (importers.MAX_FILE_BYTES + 1)))
    assert path.stat().st_size < 100_000
    with pytest.raises(InputTooLarge) as err:
        read_file(path)
    assert err.value.line() == f"{path}: over the 50 MB limit for one file once uncompressed"


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rest=st.binary(max_size=200))
def test_any_bytes_after_the_gzip_signature_read_or_say_why(tmp_path: Path, rest: bytes) -> None:
    path = tmp_path / "any.txt.gz"
    path.write_bytes(b"\x1f\x8b" + rest)
    try:
        read_file(path)
    except ReaderError as err:
        assert err.subject == str(path) and "\n" not in err.line()


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(list("أعلنتالوزارة «»٪12.\n\r\t\u200f")),
                    min_size=1, max_size=300),
       members=st.integers(min_value=1, max_value=3))
def test_compressed_text_reads_as_the_text(tmp_path: Path, text: str, members: int) -> None:
    """Whatever the text, and however many gzip members hold it (``cat a.gz
    b.gz`` is a gzip file too)."""
    data = text.encode()
    cut = [len(data) * k // members for k in range(members + 1)]
    packed = b"".join(gzip.compress(data[a:b]) for a, b in itertools.pairwise(cut))
    plain, gz = tmp_path / "t.txt", tmp_path / "t.txt.gz"
    plain.write_bytes(data)
    gz.write_bytes(packed)
    try:
        expected = _fields(read_file(plain))
    except ReaderError as err:
        with pytest.raises(type(err)):
            read_file(gz)
    else:
        assert _fields(read_file(gz)) == expected


@pytest.fixture
def small_ranges(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Ranges of 2 KB and a temporary folder of the test's own (where the
    uncompressed copies go): that folder. The workers start as the command
    starts them: forked from a process of one thread, else spawned (a fork
    from the test process, whose earlier tests left threads, may deadlock)."""
    monkeypatch.setattr(ranges, "RANGE_BYTES", 2048)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    return temporary


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_compressed_archive_imports_in_ranges_and_leaves_no_copy(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], small_ranges: Path,
        jobs: str) -> None:
    lines = [_line(n) for n in range(150)]
    lines[90] = "{broken"
    plain, packed = _pair(tmp_path, "archive.jsonl", "\n".join(lines).encode())
    inputs = plan_inputs([packed])
    with releasing(inputs):
        assert len(inputs) > 5
        assert all(isinstance(part, ranges.LineRange) and part.named == packed
                   for part in inputs)
        assert len(list(small_ranges.iterdir())) == 1  # the one copy, while it is read
    assert list(small_ranges.iterdir()) == []
    store = tmp_path / "library.sqlite3"
    code = main(["--store", str(store), "import", str(packed), "--jobs", jobs])
    _out, err = capsys.readouterr()
    assert code == 1
    assert err.startswith(f"rtl-reader: {packed}:91: not valid JSON Lines: ")
    assert err.count("\n") == 1
    assert list(small_ranges.iterdir()) == []
    with Library.open(store) as lib:
        stored = [lib.get(i) for i in lib.ids()]
    expected = [a for part in plan_inputs([plain])  # the broken line only left out
                for a in ranges.read_range(part, on_note=lambda _: None)]  # type: ignore[arg-type]
    assert [(a.title, a.body, a.published) for a in stored] == [
        (a.title, a.body, a.published) for a in expected]
    assert len(stored) == 149


def test_a_cut_archive_too_big_for_one_file_says_so_and_leaves_no_copy(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], small_ranges: Path) -> None:
    data = gzip.compress("\n".join(_line(n) for n in range(150)).encode())
    path = tmp_path / "archive.jsonl.gz"
    path.write_bytes(data[: len(data) * 3 // 4])
    assert plan_inputs([path]) == [path]  # read whole, which says why
    assert list(small_ranges.iterdir()) == []
    assert main(["--store", str(tmp_path / "library.sqlite3"), "import", str(path)]) == 1
    assert capsys.readouterr().err.startswith(f"rtl-reader: {path}: a gzip file cut short")


def test_ctrl_c_while_an_archive_is_uncompressed_leaves_no_copy_of_those_before(
        tmp_path: Path, small_ranges: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen before: Ctrl+C while the second archive of an import was
    uncompressed left the first one's copy (its whole text) in the
    temporary folder: no ``releasing`` held it yet."""
    text = "\n".join(_line(n) for n in range(150)).encode()
    _plain, first = _pair(tmp_path, "first.jsonl", text)
    _plain, second = _pair(tmp_path, "second.jsonl", text)
    real = ranges.gzipped.gunzip_to

    def interrupted(path: Path, out, *, limit: int) -> bool:  # type: ignore[no-untyped-def]
        if path == second:
            out.write(b"{")
            raise KeyboardInterrupt
        return real(path, out, limit=limit)

    monkeypatch.setattr(ranges.gzipped, "gunzip_to", interrupted)
    with pytest.raises(KeyboardInterrupt):
        plan_inputs([first, second])
    assert list(small_ranges.iterdir()) == []


@pytest.mark.parametrize("failure", ["full", "unwritable", "no-room"])
def test_an_archive_whose_copy_cannot_be_written_says_so_and_stores_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], small_ranges: Path,
        monkeypatch: pytest.MonkeyPatch, failure: str) -> None:
    """Seen before: an archive too big to read whole, whose uncompressed copy
    could not be written (a full disk, a read-only temporary folder), was
    refused as "over the 50 MB limit", as if no archive were read in
    ranges; the cause, the temporary folder, went unsaid."""
    monkeypatch.setattr(importers, "MAX_FILE_BYTES", 4096)
    _plain, packed = _pair(tmp_path, "archive.jsonl",
                           "\n".join(_line(n) for n in range(150)).encode())
    if failure == "full":
        def full(path: Path, out, *, limit: int) -> bool:  # type: ignore[no-untyped-def]
            if out.name == os.devnull:
                return real(path, out, limit=limit)
            raise ranges.gzipped.WriteFailed(OSError(errno.ENOSPC, "No space left on device"))

        real = ranges.gzipped.gunzip_to
        monkeypatch.setattr(ranges.gzipped, "gunzip_to", full)
        cause = "no space left on device"
    elif failure == "unwritable":
        def refused(*_args: object, **_kwargs: object) -> object:
            raise PermissionError(errno.EROFS, "Read-only file system")

        monkeypatch.setattr(tempfile, "mkstemp", refused)
        cause = "read-only file system"
    else:
        usage = shutil.disk_usage(small_ranges)
        monkeypatch.setattr(shutil, "disk_usage", lambda _path: usage._replace(
            free=ranges.KEEP_FREE_BYTES + 2048))
        cause = "not enough free space (0 MB, beyond the 1024 MB left free)"
    store = tmp_path / "library.sqlite3"
    assert main(["--store", str(store), "import", str(packed)]) == 1
    err = capsys.readouterr().err
    assert err == (f"rtl-reader: {packed}: over the 0 MB limit for one file once uncompressed, "
                   "and its uncompressed copy (read in ranges) cannot be written in the "
                   f"temporary folder {small_ranges}: {cause}\n")
    assert list(small_ranges.iterdir()) == []
    with Library.open(store) as lib:
        assert lib.ids() == []


def test_a_small_archive_whose_copy_cannot_be_written_is_read_whole(
        tmp_path: Path, small_ranges: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*_args: object, **_kwargs: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    _plain, packed = _pair(tmp_path, "archive.jsonl",
                           "\n".join(_line(n) for n in range(150)).encode())
    assert plan_inputs([packed]) == [packed]
    assert len(read_file(packed)) == 150


def test_the_copy_of_an_import_killed_unfinished_is_removed_by_the_next(
        tmp_path: Path, small_ranges: Path) -> None:
    """Seen before: ``kill -9`` (or ``kill``) of an import of a ``.jsonl.gz``
    left its uncompressed copy, the whole text of the archive, in the
    temporary folder for good; no later import removed it."""
    text = "\n".join(_line(n) for n in range(150)).encode()
    _plain, packed = _pair(tmp_path, "archive.jsonl", text)
    killed = subprocess.Popen(
        [sys.executable, "-c", "import sys, tempfile; from pathlib import Path\n"
         "from reader.importers.ranges import plan_inputs\n"
         "tempfile.tempdir = sys.argv[2]\n"
         "from reader.importers import ranges; ranges.RANGE_BYTES = 2048\n"
         "assert len(plan_inputs([Path(sys.argv[1])])) > 1\n"
         "print('planned', flush=True); sys.stdin.read()",
         str(packed), str(small_ranges)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert killed.stdout is not None and killed.stdout.readline() == "planned\n"
    killed.kill()
    killed.wait()
    (left,) = small_ranges.iterdir()  # what a killed import leaves
    others = [small_ranges / f"rtl-reader-copy-{os.getpid()}-x.jsonl",  # a live import's
              small_ranges / "rtl-reader-copy-notes.jsonl"]  # not one of ours
    for path in others:
        path.write_text("{}\n")
    inputs = plan_inputs([packed])
    with releasing(inputs):
        assert not left.exists()
        assert all(path.exists() for path in others)
    assert sorted(small_ranges.iterdir()) == sorted(others)


@pytest.mark.parametrize("filler", [b"0", b"\n"], ids=["zeros", "blank-lines"])
def test_a_bomb_named_as_an_archive_is_never_copied_out(
        tmp_path: Path, small_ranges: Path, monkeypatch: pytest.MonkeyPatch,
        filler: bytes) -> None:
    """Was: 60 MB (or up to 16 GB) of zeros or blank lines written to the
    temporary folder before the import found it no archive; its first
    megabyte says so, and it is read whole, stopping at the limit."""
    copies: list[object] = []
    real = tempfile.mkstemp
    monkeypatch.setattr(tempfile, "mkstemp",
                        lambda *a, **k: copies.append(k) or real(*a, **k))  # type: ignore[func-returns-value]
    path = tmp_path / "archive.jsonl.gz"
    path.write_bytes(gzip.compress(filler * (importers.MAX_FILE_BYTES + 10_000_000)))
    assert plan_inputs([path]) == [path]
    assert copies == [] and list(small_ranges.iterdir()) == []
    with pytest.raises(InputTooLarge):
        read_file(path)


def test_an_archive_whose_first_line_is_longer_than_the_look_is_still_read_in_ranges(
        tmp_path: Path, small_ranges: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ranges, "HEAD_BYTES", 64)
    lines = [_line(n) for n in range(60)]
    assert len(lines[0].encode()) > 64
    path = tmp_path / "archive.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    with releasing(plan_inputs([path])) as inputs:
        assert len(inputs) > 2
        assert [a.title for part in inputs for a in ranges.read_range(part)] == [  # type: ignore[arg-type]
            f"خبر رقم {n}" for n in range(60)]
