"""``rtl-reader open FILE`` in the app (issue 17): imported, then shown; in the
window already open on the store when there is one (the single-instance
request carries the file's path, read strictly)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from reader.gui import app
from reader.store import Library
from reader.text.bidi import isolate_path
from tests.cli.test_cli import ARTICLE_A


@pytest.mark.parametrize(("data", "expected"), [
    (b'{"file": "/home/u/news.txt", "at": null}', (Path("/home/u/news.txt"), None)),
    (b'{"file": "/home/u/news.txt", "at": 40}', (Path("/home/u/news.txt"), 40)),
    (b'{"file": "/home/u/news.txt"}', (Path("/home/u/news.txt"), None)),
    (b'{"file": "news.txt", "at": null}', None),  # relative: whose folder?
    (b'{"file": "/a\\u0000b", "at": null}', None),
    (b'{"file": 7, "at": null}', None),
    (b'{"file": "/x", "at": -1}', None),
    (b'{"file": "/x", "at": true}', None),
    (b'{"file": "/x", "open": 3}', None),  # one request, one meaning
    (b'{"open": 7, "at": 120}', None),
    (b'["/x"]', None),
    (b"\xff", None),
])
def test_file_requests_are_parsed_strictly(data: bytes, expected: object) -> None:
    assert app.parse_file_request(data) == expected


@settings(max_examples=200)
@given(st.binary(max_size=80))
def test_any_bytes_parse_to_a_file_request_or_none(data: bytes) -> None:
    request = app.parse_file_request(data)
    assert request is None or (request[0].is_absolute() and "\x00" not in str(request[0]))


def test_an_article_request_is_not_a_file_request() -> None:
    line = json.dumps({"open": 3, "at": 5}).encode()
    assert app.parse_file_request(line) is None and app.parse_request(line) == (3, 5)


def test_a_file_is_handed_to_the_running_app(qtbot: QtBot, store_path: Path,
                                             tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text(ARTICLE_A, encoding="utf-8")
    articles: list[tuple[int | None, int | None]] = []
    files: list[tuple[Path, int | None]] = []
    name = app.instance_name(store_path)
    server = app.make_instance_server(name, lambda i, at: articles.append((i, at)),
                                      on_file=lambda p, at: files.append((p, at)))
    assert server is not None
    try:
        assert app.run(store_path, open_file=path, at=12) == 0
        qtbot.waitUntil(lambda: files == [(path, 12)])
        assert articles == []
        assert not store_path.exists()  # the second process never opened the store
    finally:
        server.close()  # type: ignore[attr-defined]


def test_a_path_too_long_for_a_request_opens_here_instead(qtbot: QtBot, store_path: Path) -> None:
    name = app.instance_name(store_path)
    server = app.make_instance_server(name, lambda i, at: None, on_file=lambda p, at: None)
    try:
        assert not app.send_to_running(name, None, None, file=Path("/" + "x" * 5000))
    finally:
        server.close()  # type: ignore[attr-defined]


def test_run_imports_the_file_and_shows_it_once(
        qtbot: QtBot, store_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QApplication

    from reader.gui.main_window import MainWindow

    monkeypatch.setenv("RTL_READER_SETTINGS", str(tmp_path / "settings.ini"))
    path = tmp_path / "news.txt"
    path.write_text(ARTICLE_A, encoding="utf-8")
    shown: list[tuple[int | None, str]] = []

    def fake_exec() -> int:
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        title = ARTICLE_A.splitlines()[0]
        qtbot.waitUntil(lambda: not window.jobs.tasks, timeout=20_000)  # imported, then shown
        assert window.pane.view.article is not None
        assert window.pane.view.article.title == title
        shown.append((window.current_article_id(), window.windowTitle()))
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert app.run(store_path, open_file=path, lang="en") == 0
    assert app.run(store_path, open_file=path, lang="en") == 0  # again: found, not stored twice
    with Library.open(store_path) as library:
        ids = [r.id for r in library.rows() if r.title == ARTICLE_A.splitlines()[0]]
    assert len(ids) == 1 and [i for i, _ in shown] == [ids[0], ids[0]]


def test_a_file_that_cannot_be_read_is_reported(
        qtbot: QtBot, store_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.gui.main_window import MainWindow

    monkeypatch.setenv("RTL_READER_SETTINGS", str(tmp_path / "settings.ini"))
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with Library.open(store_path) as library:
        window = MainWindow(library, settings=None, poll_ms=0)
        qtbot.addWidget(window)
        told: list[tuple[str, str]] = []
        window.notify = lambda title, text: told.append((title, text))
        window.show()
        app.open_file_in(window, path)
        qtbot.waitUntil(lambda: bool(told) and not window.jobs.tasks, timeout=20_000)
        assert told[0][1].startswith(f"{isolate_path(str(path))}: ")
        window.close()


@pytest.fixture
def file_socket(store_path: Path):
    """A window's hand-over socket listening on the store, and the files it
    is asked to import."""
    files: list[tuple[Path, int | None]] = []
    server = app.make_instance_server(app.instance_name(store_path), lambda i, at: None,
                                      on_file=lambda p, at: files.append((p, at)))
    assert server is not None
    yield files
    server.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize("form", ["{path}", "file://{path}"])
def test_a_file_of_no_imported_kind_is_status_1_and_one_line_with_a_window_open(
        qtbot: QtBot, store_path: Path, tmp_path: Path, file_socket: list[object],
        form: str) -> None:
    """From a day of use: ``rtl-reader open shot.png`` with the window open
    exited 0, silent, the error only in a dialog in the window. The window
    is still told (its dialog is what "Open with" on the desktop shows)."""
    from tests.cli.test_open_article import finished, open_command

    path = tmp_path / "shot.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n")
    code, err = finished(qtbot, open_command(store_path, form.format(path=path)))
    assert code == 1
    assert err.startswith(f"rtl-reader: {path}: .png files are not imported (known: .atom ")
    assert err.count("\n") == 1
    qtbot.waitUntil(lambda: file_socket == [(path, None)])


def test_a_file_of_no_imported_kind_with_no_window_is_the_line_not_the_display_hint(
        qtbot: QtBot, store_path: Path, tmp_path: Path) -> None:
    from tests.cli.test_open_article import finished, open_command

    path = tmp_path / "shot.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n")
    code, err = finished(qtbot, open_command(store_path, str(path)))
    assert code == 1 and err.startswith(f"rtl-reader: {path}: .png files are not imported")
    assert not store_path.exists()


def test_a_file_that_imports_is_still_handed_to_the_window(
        qtbot: QtBot, store_path: Path, tmp_path: Path, file_socket: list[object]) -> None:
    from tests.cli.test_open_article import finished, open_command

    path = tmp_path / "news.txt"
    path.write_text(ARTICLE_A, encoding="utf-8")
    assert finished(qtbot, open_command(store_path, str(path))) == (0, "")
    qtbot.waitUntil(lambda: file_socket == [(path, None)])


def test_a_file_of_no_imported_kind_opened_from_the_desktop_opens_a_window_that_says_so(
        qtbot: QtBot, store_path: Path, tmp_path: Path) -> None:
    """"Open with" on the desktop has no terminal for the line: with no window
    running, one opens (its dialog says why), as for a dead link."""
    from tests.cli.test_open_article import a_window_listens, open_command

    path = tmp_path / "shot.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n")
    a_window_listens(qtbot, store_path, open_command(store_path, str(path), display=True,
                                                     options=("--from-desktop",)))
