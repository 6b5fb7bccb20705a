"""Nothing the command prints can command the terminal (issue 13, item 4).

Stored text may hold control characters (a store filled before they were
dropped at import, or by another program), and file names and addresses may
hold anything: every line printed from them shows escapes instead, keeps bidi
controls out, and stays one line. ``--format json`` stays exact.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.cli import main
from reader.store import Article, HighlightRecord, Library

OSC_TITLE = "\x1b]0;PWNED\x07"  # retitles the terminal window
CLEAR = "\x1b[2J"  # clears the screen
CSI = "\u009b"  # the one-character form of ESC [
RLO = "\u202e"  # shows the rest of the line backwards
TITLE = f"انقطاع{OSC_TITLE} المياه{CLEAR} في {RLO}المدينة\r\u2028القديمة"
SOURCE = f"وكالة{CSI}31m الأنباء"
BODY = (f"أعلنت شركة المياه{CLEAR} انقطاع الخدمة عن المدينة القديمة لمدة 12 ساعة.\n"
        f"وقال المتحدث إن «الإصلاحات{OSC_TITLE} ضرورية» وإن الخدمة تعود مساء الغد.")
NOTE = f"للمتابعة{CLEAR}{RLO}"

# Anything a terminal takes as a command or a line break, and the bidi controls.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u061c"
                    "\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_safe(text: str) -> None:
    assert not UNSAFE.search(text), repr(UNSAFE.search(text))


@pytest.fixture
def hostile_store(store_path: Path) -> tuple[Path, int]:
    """A store holding an article full of terminal commands, with a user note."""
    note = HighlightRecord(article_id=0, field="body", kind="user", subtype="", start=0,
                           end=5, text="أعلنت", colour="#ffd54f", note=NOTE)
    with Library.open(store_path) as library:
        [result] = library.add_articles([Article(title=TITLE, body=BODY, source=SOURCE,
                                                 user_highlights=[note])])
    return store_path, result.id


@pytest.mark.parametrize("command", [
    ["list"],
    ["search", "المياه"],
    ["find", "المدينة", "{id}"],
    ["highlights", "{id}"],
])
def test_one_line_commands_print_one_safe_line_per_item(
        capsys: pytest.CaptureFixture[str], hostile_store: tuple[Path, int],
        command: list[str]) -> None:
    store, article_id = hostile_store
    code, out, err = run(capsys, "--store", str(store),
                         *[c.format(id=article_id) for c in command])
    assert code == 0, err
    assert_safe(out)
    lines = out.splitlines()
    if command[0] == "list":
        assert lines == [f"{article_id:>6}  •             انقطاع\\x1b]0;PWNED\\x07 المياه\\x1b[2J "
                         "في المدينة\\r\\u2028القديمة  [وكالة\\x9b31m الأنباء] q1 f1"]
    if command[0] == "search":
        assert len(lines) == 2  # the title line and the snippet line
    if command[0] == "highlights":
        assert any("note=للمتابعة\\x1b[2J" in line for line in lines)


@pytest.mark.parametrize("bidi", ["logical", "visual"])
def test_show_prints_paragraphs_and_nothing_else(
        capsys: pytest.CaptureFixture[str], hostile_store: tuple[Path, int],
        bidi: str) -> None:
    # Regression: show printed the title's U+202E and its escape sequences raw.
    store, article_id = hostile_store
    code, out, _ = run(capsys, "--store", str(store), "show", str(article_id), "--bidi", bidi)
    assert code == 0
    assert_safe(out)
    assert len(out.splitlines()) == 5  # the title, then two paragraphs, blank lines between


def test_show_of_a_file_strips_its_bidi_controls(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text(f"{RLO}عنوان الخبر\n\nنص الخبر فيه رقم 5.\n", encoding="utf-8")
    code, out, _ = run(capsys, "show", str(path))
    assert code == 0 and out.startswith("عنوان الخبر\n")
    assert_safe(out)


def test_json_output_is_exact_and_safe(capsys: pytest.CaptureFixture[str],
                                       hostile_store: tuple[Path, int]) -> None:
    store, article_id = hostile_store
    code, out, _ = run(capsys, "--store", str(store), "list", "--format", "json")
    assert code == 0
    [row] = json.loads(out)
    assert (row["title"], row["source"]) == (TITLE, SOURCE)
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]", out)  # escaped
    code, out, _ = run(capsys, "--store", str(store), "show", str(article_id),
                       "--format", "json")
    assert json.loads(out)[0]["body"] == BODY


def test_export_prints_the_path_it_wrote_safely(
        capsys: pytest.CaptureFixture[str], hostile_store: tuple[Path, int],
        tmp_path: Path) -> None:
    store, _ = hostile_store
    target = tmp_path / f"notes{CLEAR}\nrtl-reader: forged.md"
    code, out, err = run(capsys, "--store", str(store), "export", "--all", "--format", "md",
                         "-o", str(target))
    assert code == 0, err
    assert target.exists()
    assert out == str(target).replace("\x1b", "\\x1b").replace("\n", "\\n") + "\n"


@pytest.mark.parametrize("name", [
    "missing\nrtl-reader: forged.txt: a second line",
    f"missing{OSC_TITLE}{CLEAR}.txt",
    "missing\u2028.txt",
])
def test_an_error_about_a_strange_file_name_is_one_safe_line(
        capsys: pytest.CaptureFixture[str], store_path: Path, tmp_path: Path,
        name: str) -> None:
    # Regression: a file name with a newline forged a second error line.
    code, _, err = run(capsys, "--store", str(store_path), "import", str(tmp_path / name))
    assert code == 1
    assert err.count("\n") == 1 and err.startswith(f"rtl-reader: {tmp_path}/missing")
    assert_safe(err.rstrip("\n"))


def test_an_error_about_a_strange_existing_file_is_one_safe_line(
        capsys: pytest.CaptureFixture[str], store_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / f"photo{CLEAR}\nrtl-reader: all is well.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    code, _, err = run(capsys, "--store", str(store_path), "import", str(bad))
    assert code == 1 and err.count("\n") == 1 and "PNG" in err
    assert_safe(err.rstrip("\n"))


@pytest.mark.parametrize("url", ["http://127.0\r\n.0.1/", "http://[::1/x",
                                 f"http://127.0.0.1/{OSC_TITLE}"])
def test_an_error_about_a_strange_address_is_one_safe_line(
        capsys: pytest.CaptureFixture[str], store_path: Path, url: str) -> None:
    code, _, err = run(capsys, "--store", str(store_path), "import", url)
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert_safe(err.rstrip("\n"))


def test_a_name_too_long_for_the_system_is_one_line(
        capsys: pytest.CaptureFixture[str], store_path: Path) -> None:
    # Regression: Path.exists raised OSError (File name too long): a traceback.
    name = "خبر" * 2000
    code, _, err = run(capsys, "--store", str(store_path), "import", name)
    assert code == 1 and err == f"rtl-reader: {name}: file name too long\n"
    code, _, err = run(capsys, "--store", str(store_path), "show", name)
    assert code == 1 and err.count("\n") == 1
