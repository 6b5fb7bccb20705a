"""read_file and collect_files: dispatch, limits, and every kind of bad input
answered with one clear line naming the file."""

from __future__ import annotations

import codecs
import dataclasses
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import (
    DecodeFailed,
    EmptyInput,
    InputTooLarge,
    ReaderError,
    UnsupportedFile,
)
from reader.importers import MAX_FILE_BYTES, collect_files, read_file
from reader.store.article import Article
from tests.conftest import rerun_where_file_modes_bind

ARTICLE = (
    "افتتاح جسر جديد يربط ضفتي النهر\n"
    "\n"
    "بغداد - مراسل الواحة\n"
    "\n"
    "افتتحت البلدية صباح اليوم جسراً جديداً بطول 420 متراً يربط ضفتي النهر.\n"
    "وقال رئيس البلدية إن «الجسر سيختصر زمن التنقل إلى النصف».\n"
)


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                      "cp1256", "iso8859_6"])
def test_plain_text_in_every_encoding(tmp_path: Path, encoding: str) -> None:
    text = ARTICLE.replace("«", '"').replace("»", '"') if encoding == "iso8859_6" else ARTICLE
    data = text.encode(encoding)
    if encoding == "utf-16-le":
        data = codecs.BOM_UTF16_LE + data
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    [article] = read_file(_write(tmp_path / "a.txt", data))
    assert article.title == "افتتاح جسر جديد يربط ضفتي النهر"
    assert article.byline == "بغداد - مراسل الواحة"
    assert article.body.startswith("افتتحت البلدية")
    assert len(article.body.split("\n")) == 2


def test_text_pasted_from_a_pdf_is_repaired(tmp_path: Path) -> None:
    from reader.text.visual import to_visual

    [article] = read_file(_write(tmp_path / "pdf.txt", to_visual(ARTICLE)))
    assert article.title == "افتتاح جسر جديد يربط ضفتي النهر"
    assert article.body.startswith("افتتحت البلدية صباح اليوم جسراً")


# -- bad input: one line naming the file and the cause ------------------------


def _error(path: Path) -> ReaderError:
    with pytest.raises(ReaderError) as exc:
        read_file(path)
    err = exc.value
    assert err.subject == str(path)
    assert "\n" not in err.line() and err.message
    return err


def test_binary_file(tmp_path: Path) -> None:
    err = _error(_write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256))))
    assert isinstance(err, UnsupportedFile) and "PNG" in err.message


def test_unknown_extension(tmp_path: Path) -> None:
    err = _error(_write(tmp_path / "report.docx", ARTICLE))
    assert isinstance(err, UnsupportedFile) and ".docx" in err.message


def test_empty_file(tmp_path: Path) -> None:
    assert isinstance(_error(_write(tmp_path / "empty.txt", b"")), EmptyInput)
    assert isinstance(_error(_write(tmp_path / "blank.txt", " \n\u00a0\n\t\n")), EmptyInput)


def test_truncated_utf8(tmp_path: Path) -> None:
    data = (ARTICLE + "وقال الوزير").encode("utf-8")[:-1]  # ends inside ر
    err = _error(_write(tmp_path / "cut.txt", data))
    assert isinstance(err, DecodeFailed) and "truncated UTF-8" in err.message


def test_mojibake_is_refused(tmp_path: Path) -> None:
    # Not UTF-8 and not Arabic: windows-1256 would "decode" it into Latin words
    # with Arabic letters glued in; the guess is checked and refused.
    data = ("Le ministre a déclaré que la réforme était prête. " * 4).encode("latin-1")
    err = _error(_write(tmp_path / "latin.txt", data))
    assert isinstance(err, DecodeFailed)


def test_file_over_the_limit_is_refused_before_reading(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used
    opened: list[str] = []
    real_open = Path.open

    def spy(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        opened.append(str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", spy)
    err = _error(path)
    assert isinstance(err, InputTooLarge) and "50 MB" in err.message
    assert str(path) not in opened


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "no such file" in _error(tmp_path / "nope.txt").message
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert isinstance(_error(folder), UnsupportedFile)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_unreadable_file(tmp_path: Path, request: pytest.FixtureRequest,
                         tmp_path_factory: pytest.TempPathFactory) -> None:
    if rerun_where_file_modes_bind(request, tmp_path_factory):
        return  # as root: proven in a child that file modes bind
    path = _write(tmp_path / "locked.txt", ARTICLE)
    path.chmod(0)
    try:
        err = _error(path)
    finally:
        path.chmod(0o644)
    assert "permission denied" in err.message


def test_unreadable_file_as_root_is_reported_too(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # Root ignores chmod 000, so simulate the refusal the kernel gives others.
    path = _write(tmp_path / "locked.txt", ARTICLE)

    def denied(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", denied)
    err = _error(path)
    assert type(err) is ReaderError and "permission denied" in err.message


def test_a_folder_of_mixed_files(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    _write(folder / "good.txt", ARTICLE)
    _write(folder / "sub" / "also_good.md", "# عنوان\n\nفقرة فيها 3 أرقام.\n")
    _write(folder / "binary.txt", bytes(range(256)) * 4)
    _write(folder / "empty.txt", b"")
    _write(folder / "cut.txt", (ARTICLE + "جسر").encode("utf-8")[:-1])
    _write(folder / "notes.pdf", b"%PDF-1.4\n")
    _write(folder / ".hidden.txt", ARTICLE)
    _write(folder / ".git" / "config.txt", ARTICLE)
    good, bad = [], {}
    for path in collect_files([folder]):
        try:
            good.extend(read_file(path))
        except ReaderError as err:
            bad[path.name] = type(err).__name__
    assert [a.title for a in good] == ["افتتاح جسر جديد يربط ضفتي النهر", "عنوان"]
    assert bad == {"binary.txt": "UnsupportedFile", "cut.txt": "DecodeFailed",
                   "empty.txt": "EmptyInput", "notes.pdf": "UnsupportedFile"}


def test_collect_files_order_hidden_and_duplicates(tmp_path: Path) -> None:
    for name in ("b/2.txt", "b/1.txt", "a.txt", ".secret/x.txt", "b/.y.txt", "c/d/e.html"):
        _write(tmp_path / "in" / name, "x")
    single = _write(tmp_path / ".explicit.txt", "x")
    found = collect_files([tmp_path / "in", single, tmp_path / "in" / "a.txt"])
    rel = [p.relative_to(tmp_path).as_posix() for p in found]
    assert rel == ["in/a.txt", "in/b/1.txt", "in/b/2.txt", "in/c/d/e.html", ".explicit.txt"]


def test_collect_files_does_not_loop_on_symlinked_folders(tmp_path: Path) -> None:
    _write(tmp_path / "in" / "a.txt", "x")
    (tmp_path / "in" / "loop").symlink_to(tmp_path / "in", target_is_directory=True)
    assert [p.name for p in collect_files([tmp_path / "in"])] == ["a.txt"]


def test_a_loop_of_file_links_costs_only_itself(capsys, tmp_path: Path) -> None:
    """Regression: l1 -> l2 -> l1 in a folder made the walk give up on the
    whole folder ("too many levels of symbolic links; its files were
    skipped"); now the loop is one failed file and the rest imports."""
    from reader.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "l1").symlink_to("l2")
    (folder / "l2").symlink_to("l1")
    (folder / "z.txt").write_text("عنوان الخبر\n\nنص الخبر كاملا.\n", encoding="utf-8")
    skipped: list[object] = []
    assert [p.name for p in collect_files([folder], on_skip=skipped.append)] == [
        "l1", "l2", "z.txt"]
    assert skipped == []
    code = main(["--store", str(tmp_path / "s.db"), "import", str(folder)])
    out, err = capsys.readouterr()
    assert code == 1 and out == "imported 1, duplicates 0, failed 2\n"
    assert err.splitlines() == [f"rtl-reader: {folder / name}: too many levels of symbolic links"
                                for name in ("l1", "l2")]


def test_json_goes_to_the_json_reader(tmp_path: Path) -> None:
    path = _write(tmp_path / "export.json", '{"format": "something-else"}')
    err = _error(path)
    # The JSON reader's own refusal (the plain-text reader would have taken it).
    assert type(err) is UnsupportedFile
    assert err.message.startswith("JSON with no article in it")


def test_corpus_articles_all_import(corpus_articles: list[Path]) -> None:
    for path in corpus_articles:
        [article] = read_file(path)
        assert article.title and article.body


# -- properties ------------------------------------------------------------------

_SUFFIXES = st.sampled_from([".txt", ".html", ".md", ".xml", ".rss", ".json", ""])
# What hostile input holds beside any character: C0 and C1 controls (ESC, BEL,
# NEL, CSI), lone surrogates, as characters and as escapes or references.
_HOSTILE = ["\x00", "\x07", "\x0d", "\x1b", "\x7f", "\x85", "\x9b", "\ud800", "\udfff",
            "\\ud800", "&#xD800;", "&#55296;", "&#x1b;", "&#x110000;"]
_PIECES = st.one_of(st.characters(), st.sampled_from(_HOSTILE),
                    st.sampled_from("ابتثجحخدذرسشصضطظعغفقكلمنهوي ."))


def _hostile_text(*, min_size: int = 0, max_size: int) -> st.SearchStrategy[str]:
    return st.lists(_PIECES, min_size=min_size, max_size=max_size).map("".join)



def assert_storable(articles: list[Article]) -> None:
    """What the store and a terminal need: UTF-8 text without controls."""
    for article in articles:
        assert _no_controls(article), article
        for record in [article, *article.user_highlights]:
            for field in dataclasses.fields(record):
                value = getattr(record, field.name)
                if isinstance(value, str):
                    value.encode("utf-8")  # no lone surrogate


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(
    st.binary(max_size=400),
    _hostile_text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.sampled_from([b"<html><body>", b"<rss><channel><item>", b"{\"a\": [", b"# ", b"\xef\xbb\xbf",
                     b"<?xml version='1.0' encoding='bogus'?><feed>",
                     b'{"format": "rtl-reader/highlights", "version": 1, "articles": '
                     b'[{"title": "\\ud800\\u001b", "body": "\\udfff']).flatmap(
        lambda head: st.one_of(
            st.binary(max_size=200),
            _hostile_text(max_size=100).map(lambda t: t.encode("utf-8", "replace")),
        ).map(lambda tail: head + tail)),
), suffix=_SUFFIXES)
def test_read_file_on_arbitrary_bytes_raises_only_reader_errors(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        articles = read_file(path)
    except ReaderError as err:
        assert err.subject == str(path)
        assert "\n" not in err.line()
    else:
        assert articles and all(a.title.strip() for a in articles)
        assert_storable(articles)


def _as(kind: str, text: str) -> str:
    """``text`` in every place an article of ``kind`` holds text."""
    if kind == "json":
        return json.dumps({"format": "rtl-reader/highlights", "version": 1, "articles": [
            {"title": text, "body": text + "نص", "source": text,
             "highlights": [{"kind": "user", "start": 0, "end": len(text) + 1,
                             "text": text + "ن", "note": text}]}]})
    if kind == "feed":
        return (f"<rss version='2.0'><channel><title>{text}</title><item><title>{text}"
                f"</title><description>{text}</description></item></channel></rss>")
    if kind == "html":
        return f"<html><body><h1>{text}</h1><p>{text}</p></body></html>"
    return f"{text}\n\n{text}"


@settings(max_examples=200, deadline=None)
@given(text=_hostile_text(min_size=1, max_size=80),
       kind=st.sampled_from(["text", "markdown", "html", "feed", "json"]))
def test_any_text_of_any_kind_gives_storable_articles_or_a_reader_error(
        text: str, kind: str) -> None:
    from reader.importers.sniff import import_text

    notes: list[str] = []
    try:
        articles = import_text(_as(kind, text), name="fuzz", kind=kind, on_note=notes.append)
    except ReaderError as err:
        assert err.subject == "fuzz" and "\n" not in err.line()
    else:
        assert_storable(articles)
        # One line each, naming the input: a repair, or a feed's XML fault.
        assert all(note.startswith(("fuzz: replaced ", "fuzz: not well-formed XML at line "))
                   and "\n" not in note for note in notes)
        for article in articles:
            for h in article.user_highlights:
                assert article.field_text(h.field)[h.start:h.end] == h.text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    err = _error(pipe)
    assert isinstance(err, UnsupportedFile) and "regular file" in err.message


def test_supported_extensions_all_import(tmp_path: Path) -> None:
    from reader.importers import SUPPORTED_EXTENSIONS

    assert {".txt", ".html", ".md", ".xml", ".rss", ".atom", ".json"} <= set(SUPPORTED_EXTENSIONS)
    for ext in SUPPORTED_EXTENSIONS:
        if ext in (".json", ".jsonl", ".ndjson", ".xml", ".rss", ".atom", ".feed"):
            continue  # need their own structure; tested with their readers
        [article] = read_file(_write(tmp_path / f"a{ext}", ARTICLE))
        assert "جسر" in article.title


# -- characters that are never text (issue 13) ------------------------------------

HOSTILE = "\x1b]0;PWNED\x07\x1b[2J"
"""Retitles a terminal and clears it when printed raw."""


def _no_controls(article: Article) -> bool:
    strings = [value for value in (getattr(article, f.name) for f in dataclasses.fields(article))
               if isinstance(value, str)]
    return not any((ch < " " and ch not in "\t\n") or "\x7f" <= ch <= "\x9f"
                   for s in strings for ch in s)


@pytest.mark.parametrize(("name", "content"), [
    ("news.txt", f"عنوان{HOSTILE} الخبر\n\nنص الخبر\u009b31m فيه {HOSTILE} رقم 5.\n"),
    ("news.md", f"# عنوان{HOSTILE} الخبر\n\nنص الخبر\u009b31m فيه {HOSTILE} رقم 5.\n"),
    ("news.html", f"<html><body><h1>عنوان{HOSTILE} الخبر</h1><p>نص الخبر\u009b31m "
                  f"فيه {HOSTILE} رقم 5.</p></body></html>"),
    ("news.rss", f'<rss version="2.0"><channel><title>نشرة\x1b[2J</title><item>'
                 f"<title>عنوان{HOSTILE} الخبر</title><description>نص الخبر\u009b31m "
                 f"فيه {HOSTILE} رقم 5.</description></item></channel></rss>"),
], ids=["text", "markdown", "html", "feed"])
def test_control_characters_never_reach_an_article(tmp_path: Path, name: str,
                                                   content: str) -> None:
    # Regression: ESC and BEL were stored, then printed raw by list/show/search.
    [article] = read_file(_write(tmp_path / name, content))
    assert _no_controls(article), article
    assert "عنوان]0;PWNED[2J الخبر" in article.title


def _nest(top: Path, depth: int) -> Path:
    """``top/d/d/…/d`` ``depth`` folders deep, made one level at a time."""
    folder = top
    for _ in range(depth):
        folder = folder / "d"
        folder.mkdir(parents=folder == top / "d")
    return folder


def _unnest(top: Path, bottom: Path) -> None:
    """Remove what ``_nest`` made bottom up (shutil.rmtree recurses)."""
    for path in bottom.iterdir():
        path.unlink()
    while bottom != top:
        bottom.rmdir()
        bottom = bottom.parent


def test_a_folder_nested_1500_deep_is_walked_without_recursion(tmp_path: Path) -> None:
    # Regression: os.walk recursed, and RecursionError ended the whole import.
    top = tmp_path / "deep"
    bottom = _nest(top, 1500)
    try:
        _write(bottom / "news.txt", ARTICLE)
        _write(top / "first.txt", ARTICLE)
        skipped: list[ReaderError] = []
        found = collect_files([top], on_skip=skipped.append)
        assert found == [bottom / "news.txt", top / "first.txt"] and skipped == []
        [article] = read_file(found[0])
        assert article.title == "افتتاح جسر جديد يربط ضفتي النهر"
    finally:
        _unnest(top, bottom)


@pytest.fixture
def locked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Folders named ``locked`` cannot be listed (root ignores chmod, so the
    refusal the kernel gives others is simulated)."""
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if Path(str(path)).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)


@pytest.mark.usefixtures("locked")
def test_a_folder_that_cannot_be_listed_is_reported(tmp_path: Path) -> None:
    # os.walk skipped such a folder without a word.
    _write(tmp_path / "in" / "a.txt", ARTICLE)
    _write(tmp_path / "in" / "locked" / "b.txt", ARTICLE)
    _write(tmp_path / "in" / "z" / "c.txt", ARTICLE)
    skipped: list[ReaderError] = []
    found = collect_files([tmp_path / "in"], on_skip=skipped.append)
    assert [p.name for p in found] == ["a.txt", "c.txt"]
    [err] = skipped
    assert err.subject == str(tmp_path / "in" / "locked")
    assert err.message == "permission denied (the folder cannot be read); its files were skipped"


@pytest.mark.usefixtures("locked")
def test_the_command_imports_a_deep_folder_and_names_what_it_skipped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli import main

    top = tmp_path / "deep"
    bottom = _nest(top, 1500)
    _write(bottom / "news.txt", ARTICLE)
    _write(top / "locked" / "other.txt", ARTICLE.replace("جسر", "نفق"))
    try:
        code = main(["--store", str(tmp_path / "s.sqlite3"), "import", str(top)])
    finally:
        _unnest(top, bottom)
    out, err = capsys.readouterr()
    assert code == 1 and "imported 1, duplicates 0, failed 1" in out
    assert err == (f"rtl-reader: {top / 'locked'}: permission denied (the folder cannot be "
                   "read); its files were skipped\n")
