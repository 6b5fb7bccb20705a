"""A big JSON Lines archive read in ranges of lines (``reader.importers.ranges``):
the same articles as the file read whole, a broken line costing only its
range, and no size limit on the file, only on a range."""

from __future__ import annotations

import dataclasses
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader import importers
from reader.cli import main
from reader.importers import parallel, ranges, read_file
from reader.importers.ranges import LineRange, plan_inputs, read_range, split_json_lines
from reader.store import Library

SENTENCES = ("أعلنت وزارة الزراعة أن محصول القمح بلغ مليوني طن هذا العام.",
             "وقال الوزير إن «الأمطار ساعدت المزارعين» في الجنوب.",
             "ارتفعت أسعار الخبز 12٪ في ثلاث مدن خلال شهر واحد.",
             "The ministry said exports rose by 4.5 percent.")


def _line(n: int, *, extra: str = "") -> str:
    return json.dumps({"title": f"خبر رقم {n}", "text": f"{SENTENCES[n % 4]}{extra}\n"
                       f"{SENTENCES[(n + 1) % 4]} ({n})", "date": "2024-03-0" + str(1 + n % 9)},
                      ensure_ascii=False)


def _archive(path: Path, count: int, *, broken: set[int] = frozenset()) -> Path:
    lines = ["{broken" if n in broken else _line(n) for n in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _fields(articles: list) -> list[dict]:
    return [dataclasses.asdict(a) for a in articles]


def _by_ranges(parts: list[LineRange]) -> list:
    return [a for part in parts for a in read_range(part)]


# Pieces of a line of JSON Lines: articles (with raw U+2028, NEL, CR inside
# a string, which JSON allows and which end no line), objects that are not
# articles, blank lines; lines ended by LF, CRLF or a lone CR.
_TEXT = st.text(alphabet=st.sampled_from(list("أعلنتالوزارةفي «»٪12. \u2028\u0085\r\t\u200f")),
                min_size=1, max_size=40)
_VALUE = st.one_of(
    st.builds(lambda t, b: {"title": t, "text": "قال الوزير " + b}, _TEXT, _TEXT),
    st.builds(lambda t: {"name": t}, _TEXT),
    st.just(""), st.just("   "))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(_VALUE, min_size=1, max_size=30),
       ends=st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=30, max_size=30),
       range_bytes=st.integers(min_value=1, max_value=400), bom=st.booleans())
def test_reading_in_ranges_gives_the_articles_of_the_whole_file(
        tmp_path: Path, values: list, ends: list[str], range_bytes: int, bom: bool) -> None:
    first = {"title": "افتتاح المكتبة", "text": "افتتحت المكتبة العامة أمس."}
    lines = [json.dumps(first, ensure_ascii=False)]
    lines += [json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v for v in values]
    text = "".join(line + end for line, end in zip(lines, ends, strict=False))
    path = tmp_path / "archive.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" * bom + text.encode("utf-8"))
    parts = split_json_lines(path, range_bytes=range_bytes)
    whole = read_file(path)
    if parts is None:  # too small, or no line feed to cut at before the end
        data = path.read_bytes()
        assert len(data) <= 2 * range_bytes or b"\n" not in data[range_bytes - 1:-1]
        return
    assert [(p.start, p.end) for p in parts] == list(zip(
        [0, *(p.end for p in parts[:-1])], [p.end for p in parts], strict=True))
    assert parts[-1].end == path.stat().st_size
    assert _fields(_by_ranges(parts)) == _fields(whole)


def test_ranges_are_numbered_by_their_lines(tmp_path: Path) -> None:
    path = _archive(tmp_path / "archive.jsonl", 40)
    parts = split_json_lines(path, range_bytes=1000)
    assert parts is not None and len(parts) > 3
    assert parts[0].first_line == 1 and parts[-1].last_line == 40
    for before, after in itertools.pairwise(parts):
        assert after.first_line == before.last_line + 1
    for part in parts:
        assert len(read_range(part)) == part.last_line - part.first_line + 1
        assert part.name == f"{path}:{part.first_line}-{part.last_line}"


@pytest.mark.parametrize("first", [
    "{broken",
    '{"name": "not an article"}',
    '{"format": "rtl-reader/highlights", "version": 1, "articles": []}',
    "[1, 2]",
])
def test_a_file_whose_first_line_is_no_article_is_read_whole(tmp_path: Path, first: str) -> None:
    path = tmp_path / "archive.jsonl"
    path.write_text(first + "\n" + "\n".join(_line(n) for n in range(40)) + "\n",
                    encoding="utf-8")
    assert split_json_lines(path, range_bytes=1000) is None
    assert plan_inputs([path]) == [path]


def test_only_json_lines_files_are_split(tmp_path: Path) -> None:
    path = _archive(tmp_path / "archive.json", 40)
    assert split_json_lines(path, range_bytes=1000) is None
    ndjson = _archive(tmp_path / "archive.ndjson", 40)
    assert split_json_lines(ndjson, range_bytes=1000)


@pytest.fixture
def small_ranges(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ranges of 2 KB (about ten lines here), and the forked workers with them."""
    monkeypatch.setattr(ranges, "RANGE_BYTES", 2048)
    monkeypatch.setattr(parallel, "start_method", lambda: "fork")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_broken_line_costs_only_itself(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], small_ranges: None,
        jobs: str) -> None:
    """A red team: one bad line of 3,000 cost the 443 good ones of its range,
    and nothing said so."""
    path = _archive(tmp_path / "archive.jsonl", 200, broken={57})
    store = tmp_path / "library.sqlite3"
    code = main(["--store", str(store), "import", str(path), "--jobs", jobs])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.startswith(f"rtl-reader: {path}:58: not valid JSON Lines: ")
    assert err.endswith(" (skipped; the other lines are imported)\n") and err.count("\n") == 1
    assert "imported 199, duplicates 0, failed 1" in out
    with Library.open(store) as lib:
        titles = {r.title for r in lib.rows()}
    assert titles == {f"خبر رقم {n}" for n in range(200) if n != 57}


def test_an_archive_over_the_size_limit_imports_in_ranges(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], small_ranges: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importers, "MAX_FILE_BYTES", 4096)
    path = _archive(tmp_path / "archive.jsonl", 120)
    assert path.stat().st_size > 6 * 4096
    with pytest.raises(importers.InputTooLarge):
        read_file(path)  # whole, it is refused as before
    store = tmp_path / "library.sqlite3"
    code = main(["--store", str(store), "import", str(path)])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert "imported 120, duplicates 0, failed 0" in out
    with Library.open(store) as lib:
        stored = [lib.get(i) for i in lib.ids()]
    assert [a.title for a in stored] == [f"خبر رقم {n}" for n in range(120)]
    assert [a.body for a in stored] == [a.body for a in _by_ranges(split_json_lines(path))]


def test_a_line_over_the_size_limit_costs_its_range(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importers, "MAX_FILE_BYTES", 8192)
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join([_line(0), _line(1, extra="و" * 9000), _line(2)]) + "\n",
                    encoding="utf-8")
    parts = split_json_lines(path, range_bytes=100)
    assert parts is not None and [len(read_range(p)) for p in (parts[0], parts[-1])] == [1, 1]
    with pytest.raises(importers.InputTooLarge) as err:
        read_range(parts[1])
    assert err.value.subject == f"{path}:2-2"


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_every_core_reads_the_ranges_one_process_reads(
        tmp_path: Path, small_ranges: None, monkeypatch: pytest.MonkeyPatch,
        method: str) -> None:
    monkeypatch.setattr(parallel, "start_method", lambda: method)
    path = _archive(tmp_path / "archive.jsonl", 150, broken={90})
    inputs = plan_inputs([path])
    assert len(inputs) > 5

    def summary(workers: int) -> list:
        return [(r.path, [p.content_hash for p in r.articles],
                 r.error.line() if r.error else None)
                for r in parallel.read_files(inputs, workers=workers)]

    alone = summary(1)
    assert summary(2) == alone
    assert [name for name, *_ in alone] == [p.name for p in inputs]
    assert all(error is None for *_, error in alone)
    skipped = [note for r in parallel.read_files(inputs, workers=1) for note in r.notes]
    assert len(skipped) == 1 and skipped[0].startswith(f"{path}:91: ")
    assert sum(len(hashes) for _, hashes, _ in alone) == 149


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(_VALUE, min_size=1, max_size=30),
       ends=st.lists(st.sampled_from(["\n", "\r\n", "\r", "\r\r\n", "\n\n"]), min_size=30,
                     max_size=30),
       range_bytes=st.integers(min_value=1, max_value=400),
       window=st.integers(min_value=1, max_value=64))
def test_line_breaks_are_counted_alike_in_windows_of_any_size(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, values: list, ends: list[str],
        range_bytes: int, window: int) -> None:
    """A CRLF split between two windows is one line break, not two."""
    first = {"title": "افتتاح المكتبة", "text": "افتتحت المكتبة العامة أمس."}
    lines = [json.dumps(first, ensure_ascii=False)]
    lines += [json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v for v in values]
    path = tmp_path / "archive.jsonl"
    path.write_text("".join(line + end for line, end in zip(lines, ends, strict=False)),
                    encoding="utf-8", newline="")
    whole = split_json_lines(path, range_bytes=range_bytes)
    monkeypatch.setattr(ranges, "_WINDOW", window)
    assert split_json_lines(path, range_bytes=range_bytes) == whole


_PEAK_OF_AN_IMPORT_PLAN = """
import sys, tracemalloc
from pathlib import Path
from reader.errors import ReaderError
from reader.importers import read_file
from reader.importers.ranges import read_range, split_json_lines
path = Path(sys.argv[1])
tracemalloc.start()
parts = split_json_lines(path)
for part in parts or [path]:
    try:
        print(len(read_range(part) if parts else read_file(part)))
    except ReaderError as err:
        print(type(err).__name__, err.line())
print(tracemalloc.get_traced_memory()[1] // (1 << 20))
"""


@pytest.mark.parametrize("articles", [0, 10_000])
def test_a_line_of_a_gigabyte_is_never_read_into_memory_regression(
        tmp_path: Path, articles: int) -> None:
    """Regression: planning an import copied the first line of a JSON Lines
    file, and then each range, whole into memory, whatever their size: a
    3 GB file of NULs renamed .jsonl, or an archive with a broken line of
    gigabytes, took 3 GB, or ended in a MemoryError traceback. Run in a
    child process, so that before the fix the gigabyte was not this one's."""
    import subprocess
    import sys

    path = tmp_path / "huge.jsonl"
    with path.open("wb") as fh:  # sparse: no disk taken
        fh.write("".join(_line(n) + "\n" for n in range(articles)).encode("utf-8"))
        fh.truncate(1 << 30)
    done = subprocess.run([sys.executable, "-c", _PEAK_OF_AN_IMPORT_PLAN, str(path)],
                          capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).resolve().parent.parent.parent)
    assert done.returncode == 0, done.stderr[-2000:]
    *results, peak_mb = done.stdout.splitlines()
    if articles:  # the first range imports; the one with the line of NULs is refused
        parts = split_json_lines(path)
        assert parts is not None and parts[-1].last_line == articles + 1
        assert results == [
            *(str(p.last_line - p.first_line + 1) for p in parts[:-1]),
            f"InputTooLarge {parts[-1].name}: a line of over the 50 MB limit for one input"]
    else:  # read whole, and refused before reading
        assert results == [f"InputTooLarge {path}: 1024.0 MB is over the 50 MB limit for one file"]
    assert int(peak_mb) < 100  # Python's allocations; a first line is read up to 50 MB


def test_blank_lines_before_the_first_are_skipped_in_one_scan_regression(
        tmp_path: Path) -> None:
    """Regression: each blank line searched the rest of the file for a CR,
    time quadratic in them: 3 million took 51 s, 30 million hours. Run in a
    child process that a hang guard ends (a search holds the GIL)."""
    import subprocess
    import sys

    path = tmp_path / "blank.jsonl"
    path.write_bytes(b"\n" * 30_000_000 + "".join(_line(n) + "\n" for n in range(3)).encode())
    code = ("import sys; from pathlib import Path; from reader.importers.ranges import "
            "split_json_lines; print(split_json_lines(Path(sys.argv[1]))[-1].last_line)")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                          text=True, timeout=60, check=True,
                          cwd=Path(__file__).resolve().parent.parent.parent)
    assert done.stdout.strip() == str(30_000_000 + 3)
