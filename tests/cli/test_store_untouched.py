"""What a command leaves of the store: a command that only reads (or a
screenshot) never creates a store, nor changes one; a mistyped FILE is
``open``'s "no such file", not an unknown command."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.store import Library, default_store_path
from tests.cli.test_cli import ARTICLE_A

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
