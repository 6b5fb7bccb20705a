"""The command speaks like a Unix command (issue 17): ``-`` for standard input
and output, help for every option, dates checked as usage, ``rtl-reader FILE``,
shell completion for bash and zsh."""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import COMMANDS, completion, main, window
from reader.cli.parser import build_parser, command_names
from reader.store import Article, Library
from tests.cli.test_cli import ARTICLE_A, ARTICLE_B
from tests.conftest import REPO, require_program


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """``stdin(text_or_bytes)`` makes that standard input."""
    def give(data: str | bytes) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    return give


def all_actions(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.Action]]:
    found = [("", a) for a in parser._actions]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += [(name, a) for a in sub._actions]
    return found


# -- help and usage -----------------------------------------------------------------

def test_every_option_and_argument_has_help() -> None:
    missing = [(where, action.dest) for where, action in all_actions(build_parser())
               if not isinstance(action, argparse._SubParsersAction)
               and not (action.help or "").strip()]
    assert missing == []


def test_every_command_of_the_parser_has_a_handler() -> None:
    assert sorted(command_names(build_parser())) == sorted(COMMANDS)


@pytest.mark.parametrize(("argv", "command", "words"), [
    (["lsit"], "", "invalid choice: 'lsit'"),
    (["--frobnicate"], "", "unrecognized arguments: --frobnicate"),
    (["list", "--limit", "zero"], "list", "argument --limit: 'zero' is not a whole number"),
    (["search"], "search", "the following arguments are required: query"),
    (["show", "1", "2"], "show", "unrecognized arguments: 2"),
    (["list", "--frobnicate"], "list", "unrecognized arguments: --frobnicate"),
    (["export", "--format", "xx", "-o", "-", "1"], "export", "invalid choice: 'xx'"),
    (["feeds"], "feeds", "the following arguments are required: ACTION"),
    (["feeds", "add"], "feeds add", "the following arguments are required: URL"),
    (["feeds", "list", "extra"], "feeds list", "unrecognized arguments: extra"),
    (["export", "--all", "1", "--format", "md", "-o", "-"], "export",
     "give article IDs or --all, not both"),
])
def test_a_usage_error_is_one_line_naming_the_command_and_its_help_regression(
        store_path: Path, argv: list[str], command: str, words: str) -> None:
    """Was: the whole usage block of the command (three to five lines), then
    the error line, which named no command."""
    proc = subprocess.run([sys.executable, "-m", "reader", "--store", str(store_path), *argv],
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    prog = f"rtl-reader {command}".strip()
    where = f"{command}: " if command else ""
    assert (proc.returncode, proc.stdout) == (2, "")
    assert len(proc.stderr.splitlines()) == 1, proc.stderr
    assert proc.stderr.startswith(f"rtl-reader: {where}"), proc.stderr
    assert words in proc.stderr
    assert proc.stderr.endswith(f" (see {prog} --help)\n"), proc.stderr


@pytest.mark.parametrize("date", ["2024-13-01", "2024-02-30", "yesterday", "24-01-01",
                                  "2024/01/01", "2024-1-1"])
def test_a_bad_date_is_a_usage_error(capsys, store_path: Path, date: str) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--store", str(store_path), "search", "خبر", "--since", date])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    last = err.strip().splitlines()[-1]
    assert last.startswith("rtl-reader: search: argument --since: ") and repr(date) in last
    assert "Traceback" not in err


@pytest.mark.parametrize("date", ["2024", "2024-02", "2024-02-29", "2024-02-29T10:30:00Z"])
def test_good_dates_are_taken(capsys, store_path: Path, date: str) -> None:
    Library.open(store_path).close()
    code, out, _ = run(capsys, "--store", str(store_path), "search", "خبر", "--until", date,
                       "--format", "json")
    assert (code, json.loads(out)) == (0, [])


# -- standard input and output -----------------------------------------------------

def test_import_from_standard_input(capsys, stdin, store_path: Path) -> None:
    stdin(ARTICLE_A)
    code, out, err = run(capsys, "--store", str(store_path), "import", "-", "--format", "json")
    assert code == 0, err
    [row] = json.loads(out)
    assert row["input"] == "<stdin>" and not row["duplicate"]
    code, out, _ = run(capsys, "--store", str(store_path), "list", "--format", "json")
    assert [r["title"] for r in json.loads(out)] == [ARTICLE_A.splitlines()[0]]


def test_standard_input_beside_files(capsys, stdin, store_path: Path, tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    stdin(ARTICLE_A.encode("utf-8"))
    code, out, _ = run(capsys, "--store", str(store_path), "import", str(tmp_path / "b.txt"),
                       "-")
    assert code == 0 and "imported 2, duplicates 0, failed 0" in out


def test_empty_standard_input_is_one_error_line(capsys, stdin, store_path: Path) -> None:
    stdin(b"")
    code, _, err = run(capsys, "--store", str(store_path), "import", "-")
    assert code == 1 and err.splitlines()[0].startswith("rtl-reader: <stdin>: ")


def test_standard_input_is_read_once(capsys, store_path: Path) -> None:
    code, _, err = run(capsys, "--store", str(store_path), "import", "-", "-")
    assert code == 2 and "standard input (-) can be read once" in err


def test_find_in_standard_input_gives_offsets_into_it(capsys, stdin) -> None:
    text = "أعلنت الحكومة\r\nثم أعلنت"
    stdin(b"\xef\xbb\xbf" + text.encode("utf-8"))
    code, out, _ = run(capsys, "find", "اعلنت", "-", "--format", "json")
    hits = json.loads(out)
    assert code == 0 and [(h["start"], h["end"]) for h in hits] == [(0, 5), (18, 23)]
    assert all(text[h["start"]:h["end"]] == h["text"] for h in hits)


def test_highlights_and_show_of_standard_input(capsys, stdin) -> None:
    stdin(ARTICLE_A)
    code, out, _ = run(capsys, "highlights", "-", "--kind", "quote", "--format", "json")
    [quote] = json.loads(out)
    assert code == 0 and ARTICLE_A[quote["start"]:quote["end"]] == quote["text"]
    stdin(ARTICLE_A)
    code, out, _ = run(capsys, "show", "-")
    assert code == 0 and out.startswith(ARTICLE_A.splitlines()[0])


@pytest.fixture
def filled(capsys, tmp_path: Path, store_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    assert run(capsys, "--store", str(store_path), "import", str(folder))[0] == 0
    return store_path


def test_export_to_standard_output_is_the_file(capsys, filled: Path, tmp_path: Path) -> None:
    args = ["--store", str(filled), "export", "--all", "--format", "md"]
    code, _, _ = run(capsys, *args, "-o", str(tmp_path / "out.md"))
    assert code == 0
    code, out, err = run(capsys, *args, "-o", "-")
    assert code == 0 and out == (tmp_path / "out.md").read_text(encoding="utf-8")
    assert err.startswith("exported ") and str(tmp_path) not in out


def test_a_pdf_to_standard_output_stays_binary(tmp_path: Path, filled: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "reader", "--store", str(filled), "export",
                           "--all", "--format", "pdf", "-o", "-"],
                          capture_output=True, cwd=REPO, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    assert proc.stdout.startswith(b"%PDF-") and proc.stdout.rstrip().endswith(b"%%EOF")


@pytest.mark.parametrize("fmt", ["pdf", "png"])
def test_a_pdf_or_png_export_needs_no_display(tmp_path: Path, filled: Path, fmt: str) -> None:
    """Regression: over ssh, in cron or a plain console (no DISPLAY, no
    QT_QPA_PLATFORM) Qt aborted the process with "could not connect to
    display" (exit status 134) and wrote nothing."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / f"out.{fmt}"
    proc = subprocess.run([sys.executable, "-m", "reader", "--store", str(filled), "export",
                           "1", "--format", fmt, "--kind", "quote", "-o", str(out)],
                          capture_output=True, text=True, cwd=REPO, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    written = out if out.is_file() else next(out.iterdir())  # several cards: a folder
    assert written.read_bytes()[:5] in (b"%PDF-", b"\x89PNG\r")


def test_png_cards_of_several_highlights_need_a_folder(capsys, filled: Path) -> None:
    code, out, err = run(capsys, "--store", str(filled), "export", "--all", "--format", "png",
                         "-o", "-")
    assert code == 2 and out == "" and "-o - takes one" in err


# -- rtl-reader FILE, open FILE --------------------------------------------------------

@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """What reached the window (recorded instead of opening one)."""
    calls: list[dict[str, object]] = []

    def fake(store: str | None, ident: int | None = None, at: int | None = None, *,
             file: Path | None = None) -> int:
        calls.append({"store": store, "id": ident, "at": at, "file": file})
        return 0

    monkeypatch.setattr(window, "open_gui", fake)
    return calls


def test_a_file_alone_opens_it(opened, tmp_path: Path, store_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text(ARTICLE_A, encoding="utf-8")
    assert main(["--store", str(store_path), str(path)]) == 0
    assert main(["open", str(path), "--at", "12"]) == 0
    assert main(["open", path.as_uri()]) == 0  # how a file manager's "Open with" passes it
    assert [(c["file"], c["at"]) for c in opened] == [(path, None), (path, 12), (path, None)]
    assert opened[0]["store"] == str(store_path)


def test_links_and_ids_still_open_articles(opened, store_path: Path) -> None:
    with Library.open(store_path) as lib:
        first, second = (r.id for r in lib.add_articles(
            [Article(title=f"خبر {n}", body=f"نص الخبر {n}.") for n in range(2)]))
    store = ["--store", str(store_path)]
    assert main([*store, "open", f"rtl-reader://article/{first}?at=40"]) == 0
    assert main([*store, "open", str(second)]) == 0
    assert [(c["id"], c["at"], c["file"]) for c in opened] == [
        (first, 40, None), (second, None, None)]


def test_an_unknown_id_opens_nothing(capsys, opened, store_path: Path) -> None:
    """DESIGN decision 8: an unknown ID is status 1 and one line, for ``open`` too."""
    code, _, err = run(capsys, "--store", str(store_path), "open", "rtl-reader://article/34")
    assert (code, err, opened) == (1, "rtl-reader: 34: no article with this ID\n", [])


def test_a_missing_file_address_is_one_line(capsys, opened, tmp_path: Path) -> None:
    uri = (tmp_path / "gone.txt").as_uri()
    code, _, err = run(capsys, "open", uri)
    assert code == 1 and err == f"rtl-reader: {uri}: no such file\n" and opened == []


def test_a_word_that_is_no_file_stays_a_usage_error(opened) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2 and opened == []


# -- shell completion ------------------------------------------------------------------

@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_completion_names_every_command_and_option(capsys, shell: str) -> None:
    code, script, _ = run(capsys, "completion", shell)
    assert code == 0
    for where, action in all_actions(build_parser()):
        for name in action.option_strings:
            assert name in script, (shell, where, name)
    for name in COMMANDS:
        assert (f"{name})" in script) and (name in script), (shell, name)


def test_the_bash_script_parses_and_completes(capsys, tmp_path: Path) -> None:
    bash = require_program("bash", "bash")
    script = tmp_path / "rtl-reader.bash"
    script.write_text(run(capsys, "completion", "bash")[1], encoding="utf-8")
    assert subprocess.run([bash, "-n", str(script)], capture_output=True).returncode == 0

    def complete(*words: str) -> list[str]:
        line = " ".join(f"'{w}'" for w in words)
        code = (f"source {script}; COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}; "
                "_rtl_reader; printf '%s\\n' \"${COMPREPLY[@]}\"")
        proc = subprocess.run([bash, "-c", code], capture_output=True, text=True,
                              cwd=tmp_path, timeout=30)
        assert proc.returncode == 0, proc.stderr
        return sorted(filter(None, proc.stdout.splitlines()))

    assert complete("rtl-reader", "exp") == ["export"]
    assert complete("rtl-reader", "--store", "s.db", "hi") == ["highlights"]
    assert complete("rtl-reader", "export", "--format", "") == sorted(
        ["md", "json", "csv", "html", "pdf", "txt-visual", "png"])
    assert "--match-hamza" in complete("rtl-reader", "find", "--match-")
    assert complete("rtl-reader", "completion", "") == ["bash", "zsh"]
    assert complete("rtl-reader", "import", "rtl-reader.b") == ["rtl-reader.bash"]


def test_the_zsh_script_parses(capsys, tmp_path: Path) -> None:
    zsh = require_program("zsh", "zsh")
    script = tmp_path / "_rtl-reader"
    script.write_text(run(capsys, "completion", "zsh")[1], encoding="utf-8")
    proc = subprocess.run([zsh, "-n", str(script)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert script.read_text(encoding="utf-8").startswith("#compdef rtl-reader\n")


def test_completion_needs_no_store(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "reader", "--store",
                           str(tmp_path / "none" / "s.db"), "completion", "bash"],
                          capture_output=True, text=True, cwd=REPO, timeout=60)
    assert proc.returncode == 0 and "complete -o filenames -F _rtl_reader rtl-reader" in proc.stdout
    assert not (tmp_path / "none").exists()


def test_completion_help_strings_cannot_break_zsh_specs() -> None:
    option = completion.Option(("--x",), "a [weird]: 'help'", True, (), False)
    assert completion._zsh_spec(option) == "'--x[a \\[weird\\]\\: help]:value: '"


def test_the_export_summary_counts_in_words_a_reader_would_write(
        capsys, filled: Path) -> None:
    code, _, err = run(capsys, "--store", str(filled), "export", "1", "--format", "json",
                       "-o", "-")
    assert code == 0 and re.fullmatch(r"exported (1 highlight|[\d,]+ highlights) from 1 article\n",
                                      err)
