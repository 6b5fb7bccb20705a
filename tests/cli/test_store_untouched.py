"""What a command leaves of the store: a command that only reads (or a
screenshot) never creates a store, nor changes one; a mistyped FILE is
``open``'s "no such file", not an unknown command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.store import Article, Library, default_store_path
from tests.cli.test_cli import ARTICLE_A, ARTICLE_B

NO_STORE = "no store here (rtl-reader import FILE, or the app, starts one)"

READING_COMMANDS = [
    ["list"],
    ["search", "foo"],
    ["show", "1"],
    ["highlights", "1"],
    ["find", "خبز", "1"],
    ["feeds", "list"],
    ["feeds", "export-opml"],
    ["export", "--all", "--format", "md", "-o", "-"],
    ["tag", "1"],
    ["reindex"],
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("argv", READING_COMMANDS, ids=" ".join)
def test_a_command_that_reads_never_creates_a_mistyped_store(
        capsys, tmp_path: Path, argv: list[str]) -> None:
    """Regression: list, search, show, highlights and feeds list made the
    folders and a 540 KB store at a mistyped ``--store``, and then printed
    nothing (or "no article")."""
    typo = tmp_path / "typo" / "a" / "lib.sqlite3"
    code, out, err = run(capsys, "--store", str(typo), *argv)
    assert (code, out, err) == (1, "", f"rtl-reader: {typo}: {NO_STORE}\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv", [["list"], ["search", "foo"], ["feeds", "list"]],
                         ids=" ".join)
def test_the_default_store_before_the_first_run_is_no_store(
        capsys, monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    """Before the app's first run (which puts its samples in) or an import,
    there is no library to read: the commands say so and where, with the way
    to start one, rather than make an empty store the app would then not
    fill with its samples."""
    monkeypatch.delenv("RTL_READER_STORE", raising=False)
    path = default_store_path()
    code, out, err = run(capsys, *argv)
    assert (code, out, err) == (1, "", f"rtl-reader: {path}: {NO_STORE}\n")
    assert not path.parent.exists()


def test_import_still_starts_a_store(capsys, tmp_path: Path) -> None:
    store = tmp_path / "new" / "lib.sqlite3"
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE_A, encoding="utf-8")
    assert run(capsys, "--store", str(store), "import", str(article))[0] == 0
    with Library.open(store, create=False) as lib:
        assert lib.count() == 1


# -- screenshot ------------------------------------------------------------------

def _state(store: Path) -> list[tuple[int, bool, int]]:
    """(id, read, position) of every article."""
    with Library.open(store, create=False, read_only=True) as lib:
        return [(r.id, r.read, lib.get(r.id).position) for r in lib.rows()]


@pytest.mark.parametrize("options", [["--open", "1"], [], ["--find", "الخبز"]],
                         ids=["--open", "newest", "--find"])
def test_a_screenshot_changes_nothing_in_the_library(
        tmp_path: Path, store_path: Path, options: list[str]) -> None:
    """Regression: ``screenshot --open 3`` marked article 3 read in the
    user's library, and without ``--open`` the newest."""
    with Library.open(store_path) as lib:
        lib.add_articles([
            Article(title="الخبز", body=ARTICLE_A, published="2024-05-01"),
            Article(title="الكتاب", body=ARTICLE_B, published="2024-05-02")])
        lib.set_position(1, 40)
    before = _state(store_path)
    assert [read for _, read, _ in before] == [False, False]
    out = tmp_path / "shot.png"
    proc = subprocess.run([sys.executable, "-m", "reader", "--store", str(store_path),
                           "screenshot", "-o", str(out), "--size", "600x400", *options],
                          capture_output=True, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
    assert _state(store_path) == before


def test_a_screenshot_to_a_missing_folder_fails_before_opening_anything(
        capsys, tmp_path: Path, store_path: Path) -> None:
    """Regression: ``-o /nonexistent/dir/s.png`` said "folder does not
    exist" after the window had marked the newest article read."""
    with Library.open(store_path) as lib:
        lib.add_articles([Article(title="الخبز", body=ARTICLE_A)])
    before = _state(store_path)
    out = tmp_path / "nonexistent" / "s.png"
    code, _, err = run(capsys, "--store", str(store_path), "screenshot", "-o", str(out))
    assert (code, err) == (1, f"rtl-reader: {out}: folder does not exist: {out.parent}\n")
    assert _state(store_path) == before


def test_a_screenshot_of_no_store_creates_none(capsys, tmp_path: Path) -> None:
    typo = tmp_path / "typo" / "lib.sqlite3"
    code, _, err = run(capsys, "--store", str(typo), "screenshot",
                       "-o", str(tmp_path / "s.png"))
    assert (code, err) == (1, f"rtl-reader: {typo}: {NO_STORE}\n")
    assert list(tmp_path.iterdir()) == []


# -- rtl-reader FILE ---------------------------------------------------------------

@pytest.mark.parametrize("name", ["artcle.html", "notes/artcle", "{tmp}/nonexist.txt"])
def test_a_mistyped_file_is_no_such_file_not_an_unknown_command(
        capsys, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str) -> None:
    """Regression: ``rtl-reader artcle.html`` (the documented ``rtl-reader
    FILE``) said "argument COMMAND: invalid choice", exit 2."""
    monkeypatch.chdir(tmp_path)
    name = name.format(tmp=tmp_path)
    code, out, err = run(capsys, name)
    assert (code, out, err) == (1, "", f"rtl-reader: {name}: no such file, and not an "
                                       "article ID\n")


def test_an_article_link_is_opened(capsys, store_path: Path) -> None:
    Library.open(store_path).close()
    code, _, err = run(capsys, "--store", str(store_path), "rtl-reader://article/7")
    assert (code, err) == (1, "rtl-reader: 7: no article with this ID\n")


def test_a_mistyped_command_still_gets_the_choices(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["lsit"])
    assert exc.value.code == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert "invalid choice: 'lsit'" in last and "'list'" in last
