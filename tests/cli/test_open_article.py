"""``rtl-reader open ID`` and ``open rtl-reader://article/ID`` as a user runs
them, in a child process (DESIGN decision 8): an unknown ID is exit status 1
and one line, whether a window runs on the store or not, and a request for
the window already open on the store needs no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.gui import app
from reader.store import Article, Library

NO_DISPLAY = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def open_command(store: Path, target: str, *, display: bool = False,
                 options: tuple[str, ...] = ()) -> subprocess.Popen[str]:
    """``rtl-reader --store STORE open [OPTIONS] TARGET`` started in a child
    process, without a display unless ``display`` (then the offscreen one)."""
    env = {k: v for k, v in os.environ.items() if k not in NO_DISPLAY}
    if display:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.Popen([sys.executable, "-m", "reader", "--store", str(store), "open",
                             *options, target], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, text=True, env=env)


def finished(qtbot: QtBot, proc: subprocess.Popen[str]) -> tuple[int, str]:
    """The exit status and standard error of ``proc``, this process's events
    served meanwhile (the window's socket here answers the child)."""
    try:
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=60000)
    finally:
        if proc.poll() is None:  # a window it opened after all: not left behind
            proc.kill()
    _, err = proc.communicate()
    return proc.returncode, err


@pytest.fixture
def store_with_one(store_path: Path) -> tuple[Path, int]:
    with Library.open(store_path) as lib:
        (added,) = lib.add_articles([Article(title="خبر", body="نص الخبر.",
                                             published="2024-02-01")])
    return store_path, added.id


@pytest.fixture
def window_socket(store_with_one: tuple[Path, int]):
    """A window's hand-over socket listening on the store (what a running
    ``rtl-reader`` opens), and the requests it receives."""
    store, _ = store_with_one
    received: list[tuple[int | None, int | None]] = []
    server = app.make_instance_server(app.instance_name(store),
                                      lambda i, at: received.append((i, at)))
    assert server is not None
    yield received
    server.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize("link", ["rtl-reader://article/{id}", "{id}",
                                  "rtl-reader://article/{id}?at=5"])
def test_an_unknown_id_is_status_1_and_one_line_with_a_window_open(
        qtbot: QtBot, store_with_one: tuple[Path, int], window_socket: list[object],
        link: str) -> None:
    """From a day of use: with the window open, ``open rtl-reader://article/34``
    exited 0 (the window showed the error) where DESIGN says 1. The window
    is still told (it says the article is gone): a link clicked on the
    desktop has no terminal for the line."""
    store, known = store_with_one
    unknown = known + 33
    code, err = finished(qtbot, open_command(store, link.format(id=unknown)))
    assert code == 1
    assert err == f"rtl-reader: {unknown}: no article with this ID\n"
    qtbot.waitUntil(lambda: len(window_socket) == 1)
    assert window_socket[0][0] == unknown


@pytest.mark.parametrize("display", [False, True])
def test_an_unknown_id_is_status_1_and_one_line_with_no_window(
        qtbot: QtBot, store_with_one: tuple[Path, int], display: bool) -> None:
    """No window runs: the same line, before any window would open (and,
    without a display, rather than the display hint)."""
    store, known = store_with_one
    code, err = finished(qtbot, open_command(store, f"rtl-reader://article/{known + 1}",
                                             display=display))
    assert (code, err) == (1, f"rtl-reader: {known + 1}: no article with this ID\n")


def test_an_unknown_id_clicked_on_the_desktop_opens_a_window_that_says_so(
        qtbot: QtBot, store_with_one: tuple[Path, int]) -> None:
    """From a day of use: a dead link clicked on the desktop (the .desktop
    file's ``open --from-desktop``) with no window open showed nothing, its
    line on no terminal. Now a window opens (it says the article is gone,
    as ``MainWindow.open_article`` does for any unknown id)."""
    store, known = store_with_one
    a_window_listens(qtbot, store, open_command(store, f"rtl-reader://article/{known + 1}",
                                                display=True, options=("--from-desktop",)))


def a_window_listens(qtbot: QtBot, store: Path, proc: subprocess.Popen[str]) -> None:
    """Assert that ``proc`` opened a window on ``store`` (it listens for
    hand-overs there) rather than exiting; then end it."""
    name = app.instance_name(store)
    try:
        qtbot.waitUntil(lambda: proc.poll() is not None or app.send_to_running(name, None, None),
                        timeout=60000)
        assert proc.poll() is None  # a window listens on the store: it did not just exit
    finally:
        proc.kill()
        proc.communicate()


def test_an_id_with_no_store_is_unknown_and_makes_no_store(qtbot: QtBot,
                                                           tmp_path: Path) -> None:
    store = tmp_path / "none.sqlite3"
    code, err = finished(qtbot, open_command(store, "rtl-reader://article/3"))
    assert (code, err) == (1, "rtl-reader: 3: no article with this ID\n")
    assert not store.exists()


def test_a_window_open_on_the_store_takes_the_link_without_a_display(
        qtbot: QtBot, store_with_one: tuple[Path, int], window_socket: list[object]) -> None:
    """From a day of use: without DISPLAY the command stopped at the missing
    libxcb packages, though the window open on the store could take it."""
    store, known = store_with_one
    code, err = finished(qtbot, open_command(store, f"rtl-reader://article/{known}?at=4"))
    assert (code, err) == (0, "")
    qtbot.waitUntil(lambda: window_socket == [(known, 4)])


def test_a_known_id_with_no_window_and_no_display_still_says_why(
        qtbot: QtBot, store_with_one: tuple[Path, int]) -> None:
    store, known = store_with_one
    code, err = finished(qtbot, open_command(store, str(known)))
    assert code == 1 and err.startswith("rtl-reader: no display")
