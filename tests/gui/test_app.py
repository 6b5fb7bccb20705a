"""Application setup: the no-display hint, store errors offered a way out
(never a traceback), the window opened on the article asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from reader.errors import NotADatabase, ReaderError, StoreDamaged, StoreTooNew
from reader.gui import app
from reader.gui.app import NO_DISPLAY_HINT, StoreChoice, has_display, open_library
from reader.store import Article, Library
from reader.text.bidi import isolate_path


@pytest.mark.parametrize(("env", "platform", "expected"), [
    ({}, "linux", False),
    ({"DISPLAY": ":0"}, "linux", True),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
    ({"DISPLAY": ""}, "linux", False),
    ({}, "win32", True),
    ({}, "darwin", True),
])
def test_has_display(env: dict[str, str], platform: str, expected: bool) -> None:
    assert has_display(env, platform) is expected


def test_run_without_a_display_prints_the_hint_instead_of_aborting(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        store_path: Path) -> None:
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(app.sys, "platform", "linux")
    assert app.run(store_path) == 1
    err = capsys.readouterr().err
    assert NO_DISPLAY_HINT in err and "libxcb-cursor0" in err
    assert not store_path.exists()


def test_a_foreign_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    foreign = tmp_path / "notes.sqlite3"
    foreign.write_bytes(b"these are my notes, not a database" * 10)
    before = foreign.read_bytes()
    asked: list[ReaderError] = []

    def ask(err: ReaderError) -> tuple[StoreChoice, Path | None]:
        asked.append(err)
        return StoreChoice.QUIT, None

    assert open_library(foreign, ask) is None
    assert len(asked) == 1 and isinstance(asked[0], NotADatabase)
    assert asked[0].subject == str(foreign)
    assert foreign.read_bytes() == before


def test_choosing_another_store_opens_it(tmp_path: Path) -> None:
    foreign = tmp_path / "bad.sqlite3"
    foreign.write_bytes(b"\x00" * 200)
    other = tmp_path / "good.sqlite3"
    answers = iter([(StoreChoice.RETRY, None), (StoreChoice.OTHER, other)])
    library = open_library(foreign, lambda err: next(answers))
    assert library is not None
    try:
        assert library.path == other
    finally:
        library.close()


def test_a_store_from_a_newer_version_offers_a_way_out(store_path: Path) -> None:
    import sqlite3

    Library.open(store_path).close()
    con = sqlite3.connect(store_path)
    con.execute("PRAGMA user_version = 9999")
    con.close()
    seen: list[type] = []
    assert open_library(store_path, lambda err: (seen.append(type(err)),
                                                 (StoreChoice.QUIT, None))[1]) is None
    assert seen == [StoreTooNew]


def test_make_application_registers_the_bundled_font(qtbot: QtBot) -> None:
    from PySide6.QtGui import QFontDatabase

    app.make_application()
    assert "Noto Naskh Arabic" in QFontDatabase.families()


def test_run_opens_the_window_on_the_article_asked_for(
        qtbot: QtBot, store_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QApplication

    from reader.gui.main_window import MainWindow

    monkeypatch.setenv("RTL_READER_SETTINGS", str(tmp_path / "settings.ini"))
    with Library.open(store_path) as lib:
        ids = [r.id for r in lib.add_articles([
            Article(title="الأول", body="نص أول.", published="2024-02-01"),
            Article(title="الثاني", body="نص ثان طويل.", published="2024-01-01")])]
    seen: list[tuple[int | None, str]] = []

    def fake_exec() -> int:
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        seen.append((window.current_article_id(), window.windowTitle()))
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert app.run(store_path, open_id=ids[1], at=3, lang="en") == 0
    assert seen[0][0] == ids[1] and "الثاني" in seen[0][1]


@pytest.mark.parametrize("at", [20, 5000])
def test_open_link_puts_the_caret_at_its_offset(
        qtbot: QtBot, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        at: int) -> None:
    """``rtl-reader open 'rtl-reader://article/ID?at=N'`` scrolled to the line
    of body index N but left the caret on the title: the first arrow key
    took the reader back to the top. ``at`` counts code points of the body
    (DESIGN decision 2; an emoji before it is two UTF-16 units in Qt)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from reader.cli import main
    from reader.gui.main_window import MainWindow

    monkeypatch.setenv("RTL_READER_SETTINGS", str(tmp_path / "settings.ini"))
    body = "\n".join(f"\U0001f4f0 الفقرة {n} من خبر طويل عن خطة النقل الجديدة في المدينة،"
                     " وقال الوزير إنها تبدأ في الربيع المقبل." for n in range(80))
    with Library.open(store_path) as lib:
        article_id = lib.add_article(Article(title="خطة النقل", body=body)).id
    seen: list[tuple[str, int]] = []

    def fake_exec() -> int:
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        view = window.pane.view
        qtbot.waitUntil(lambda: not view.is_laying_out())
        caret = view.textCursor().position()
        assert view.offsets.locate(caret) == ("body", at)
        assert view.viewport().rect().contains(view.cursorRect().center())
        seen.append(view.first_visible())
        top = view.verticalScrollBar().value()
        qtbot.keyClick(view, Qt.Key.Key_Down)  # the next line, not the title
        seen.append(view.offsets.locate(view.textCursor().position()) or ("", 0))
        assert view.verticalScrollBar().value() >= top
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert main(["--store", str(store_path), "open",
                 f"rtl-reader://article/{article_id}?at={at}"]) == 0
    (field, first), (after_field, after) = seen
    assert field == "body" and first <= at
    assert after_field == "body" and after > at


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen plugin
def test_a_request_from_a_second_open_keeps_the_window_maximized(
        qtbot: QtBot, store_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """``rtl-reader open ID`` sent to a running window: it comes to the front
    and out of the task bar, at the size the user gave it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from reader.gui.main_window import MainWindow

    monkeypatch.setenv("RTL_READER_SETTINGS", str(tmp_path / "settings.ini"))
    with Library.open(store_path) as lib:
        ids = [r.id for r in lib.add_articles([
            Article(title="الأول", body="نص أول.", published="2024-02-01"),
            Article(title="الثاني", body="نص ثان.", published="2024-01-01")])]
    maximized = Qt.WindowState.WindowMaximized
    minimized = Qt.WindowState.WindowMinimized
    states: list[Qt.WindowState] = []

    def fake_exec() -> int:
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        name = app.instance_name(store_path)
        window.showMaximized()
        qtbot.waitUntil(window.isMaximized)
        assert app.send_to_running(name, ids[1], None)
        qtbot.waitUntil(lambda: window.current_article_id() == ids[1])
        states.append(window.windowState())
        window.setWindowState(window.windowState() | minimized)  # minimized while maximized
        assert app.send_to_running(name, ids[0], None)
        qtbot.waitUntil(lambda: window.current_article_id() == ids[0])
        states.append(window.windowState())
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert app.run(store_path, lang="en") == 0
    assert len(states) == 2
    for state in states:
        assert state & maximized and not state & minimized


# -- hand-over to the app already running on the store ---------------------------

@pytest.mark.parametrize(("data", "expected"), [
    (b'{"open": 7, "at": 120}', (7, 120)),
    (b'{"open": 7, "at": null}', (7, None)),
    (b'{"open": null, "at": null}', (None, None)),
    (b'{"open": -1, "at": 0}', None),
    (b'{"open": true, "at": 0}', None),
    (b'{"open": "7", "at": 0}', None),
    (b'{"open": 7.5}', None),
    (b'{"open": 99999999999999999999, "at": 0}', None),
    (b'{"open": 7, "at": 99999999999999999999}', None),
    (b'{"open": 9223372036854775807, "at": 9223372036854775807}',
     (9223372036854775807, 9223372036854775807)),
    (b"[7, 1]", None),
    (b"not json", None),
    (b"\xff\xfe", None),
])
def test_requests_are_parsed_strictly(data: bytes, expected: object) -> None:
    assert app.parse_request(data) == expected


def test_a_file_request_with_an_offset_past_any_text_is_refused() -> None:
    assert app.parse_file_request(b'{"file": "/tmp/a.txt", "at": 12}') == (Path("/tmp/a.txt"), 12)
    assert app.parse_file_request(b'{"file": "/tmp/a.txt", "at": 99999999999999999999}') is None


@settings(max_examples=200)
@given(st.binary(max_size=80))
def test_any_bytes_parse_to_a_request_or_none(data: bytes) -> None:
    request = app.parse_request(data)
    assert request is None or all(v is None or (isinstance(v, int) and 0 <= v < 2 ** 63)
                                  for v in request)


def test_instance_names_differ_per_store(tmp_path: Path) -> None:
    a, b = app.instance_name(tmp_path / "a.sqlite3"), app.instance_name(tmp_path / "b.sqlite3")
    assert a != b and a == app.instance_name(tmp_path / "." / "a.sqlite3")


def test_a_second_open_hands_the_article_to_the_running_app(
        qtbot: QtBot, store_path: Path) -> None:
    received: list[tuple[int | None, int | None]] = []
    name = app.instance_name(store_path)
    server = app.make_instance_server(name, lambda i, at: received.append((i, at)))
    assert server is not None
    try:
        assert app.run(store_path, open_id=12, at=40) == 0
        qtbot.waitUntil(lambda: received == [(12, 40)])
        assert not store_path.exists()  # the second process never opened the store
    finally:
        server.close()  # type: ignore[attr-defined]


def test_nobody_listening_means_no_hand_over(qtbot: QtBot, tmp_path: Path) -> None:
    assert not app.send_to_running(app.instance_name(tmp_path / "none.sqlite3"), 1, None,
                                   timeout_ms=200)


# -- desktop integration ------------------------------------------------------------

def test_desktop_file_registers_the_link_scheme() -> None:
    import configparser

    from reader.resources import resource_path

    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(resource_path("rtl-reader.desktop"), encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "rtl-reader open --from-desktop %u"
    assert "x-scheme-handler/rtl-reader" in entry["MimeType"].split(";")
    assert resource_path("icons", f"{entry['Icon']}.svg").is_file()
    assert any("\u0621" <= ch <= "\u064a" for ch in entry["Name[ar]"])


def test_app_icon_loads(qtbot: QtBot) -> None:
    from reader.gui.main_window import app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert not icon.pixmap(64, 64).toImage().isNull()


@pytest.mark.parametrize(("button", "choice"), [("Quit", StoreChoice.QUIT),
                                                ("Try again", StoreChoice.RETRY)])
def test_the_store_error_dialog_offers_its_ways_out(qtbot: QtBot, tmp_path: Path,
                                                    button: str, choice: StoreChoice) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.informativeText())
        [target] = [b for b in box.buttons() if b.text() == button]
        target.click()

    QTimer.singleShot(0, answer)
    store = str(tmp_path / "x.sqlite3")
    err = NotADatabase(store, "an SQLite file of another program")
    assert app.ask_with_dialog(err) == (choice, None)
    # In English too the path is isolated (an Arabic folder would reorder it).
    assert seen == [f"{isolate_path(store)}: an SQLite file of another program"]


def _with_stale_stems(store_path: Path, count: int) -> None:
    """A store whose word-family index an older stemmer made."""
    import sqlite3

    with Library.open(store_path) as library:
        library.add_articles(Article(f"خبر {n}", "المعلمون في المدارس.") for n in range(count))
    con = sqlite3.connect(store_path)
    with con:
        con.execute("UPDATE meta SET value = '0' WHERE key = 'stemmer'")
    con.close()


def test_an_upgrade_at_open_shows_its_progress_and_then_goes(
        qtbot: QtBot, store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from reader.store import connection

    monkeypatch.setattr(connection, "BATCH_SIZE", 100)  # steps within the 250 articles
    _with_stale_stems(store_path, 250)
    seen: list[tuple[bool, int, int]] = []
    report = app.upgrade_progress()

    def watch(done: int, total: int) -> None:
        report(done, total)
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        seen.append((any(d.isVisible() for d in dialogs), done, total))

    library = open_library(store_path, lambda err: (StoreChoice.QUIT, None), watch)
    assert library is not None
    try:
        assert library.match_ids("معلم", stem=True)
    finally:
        library.close()
    assert seen[0] == (True, 0, 250)
    assert seen[-1] == (False, 250, 250)  # closed when done
    assert any(shown and 0 < done < 250 for shown, done, _ in seen)


def test_an_open_with_nothing_to_upgrade_shows_no_dialog(store_path: Path) -> None:
    from PySide6.QtWidgets import QApplication, QProgressDialog

    Library.open(store_path).close()
    before = {id(w) for w in QApplication.topLevelWidgets()}
    library = open_library(store_path, lambda err: (StoreChoice.QUIT, None),
                           app.upgrade_progress())
    assert library is not None
    library.close()
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QProgressDialog) and id(w) not in before]



def test_a_store_that_opens_but_whose_list_is_damaged_offers_a_way_out(
        qtbot: QtBot, store_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A store whose articles' pages are damaged opens (the open reads no
    article), then the window's list failed to load: the window never
    appeared, its only word a line on a terminal a desktop launch has not."""
    import sqlite3

    from PySide6.QtWidgets import QApplication

    monkeypatch.setenv("RTL_READER_SETTINGS", str(tmp_path / "settings.ini"))
    with Library.open(store_path) as lib:
        lib.add_articles(Article(title=f"خبر {n}", body=f"نص الخبر رقم {n}. " * 200)
                         for n in range(40))
    con = sqlite3.connect(store_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = con.execute("PRAGMA page_size").fetchone()[0]
    pages = [r[0] for r in con.execute("SELECT pageno FROM dbstat WHERE name = 'articles' "
                                       "AND pagetype = 'leaf'")]
    con.close()
    data = bytearray(store_path.read_bytes())
    for page in pages:
        data[(page - 1) * size:page * size] = bytes(size)
    store_path.write_bytes(bytes(data))
    asked: list[ReaderError] = []
    monkeypatch.setattr(app, "ask_with_dialog",
                        lambda err: (asked.append(err), (StoreChoice.QUIT, None))[1])
    monkeypatch.setattr(QApplication, "exec", staticmethod(lambda: 0))
    assert app.run(store_path, lang="en") == 1
    assert [type(err) for err in asked] == [StoreDamaged]
    assert asked[0].line().startswith(f"{store_path}: the store is damaged")
    assert store_path.read_bytes() == bytes(data)
