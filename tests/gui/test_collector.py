"""Python's garbage is collected on the GUI thread only (``reader.gui.collector``):
a worker thread of the window never destroys a Qt object held in a cycle."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from reader.gui.app import make_application
from reader.gui.collector import GuiThreadCollector


@pytest.fixture
def automatic_collection() -> Iterator[None]:
    """The process as Python starts it: cycles collected by whichever thread
    allocates past the threshold (the test session itself collects on its
    main thread only; see tests/conftest.py)."""
    was = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was:
            gc.disable()


class _Cycle:
    """A cycle holding a QObject, noting the thread that destroys it."""

    def __init__(self, died_on: list[threading.Thread]) -> None:
        self.me = self
        self.qobject = QObject()
        self.died_on = died_on

    def __del__(self) -> None:
        self.died_on.append(threading.current_thread())


def _allocate_on_a_worker(kept: list[object]) -> None:
    """Enough new containers, made on another thread and ``kept``, to cross
    every threshold of the collector."""
    worker = threading.Thread(target=lambda: kept.extend([[] for _ in range(50)]
                                                         for _ in range(20_000)))
    worker.start()
    worker.join()


def test_a_cycle_holding_a_qobject_dies_on_the_gui_thread(
        qtbot: QtBot, automatic_collection: None) -> None:
    collector = GuiThreadCollector()
    try:
        died_on: list[threading.Thread] = []
        kept: list[object] = []
        _Cycle(died_on)
        _allocate_on_a_worker(kept)
        assert died_on == []  # the worker's allocations collected nothing
        qtbot.waitUntil(lambda: bool(died_on), timeout=5000)  # the GUI thread's timer did
        assert died_on == [threading.main_thread()]
    finally:
        collector.deleteLater()


def test_the_application_collects_on_its_own_thread(qtbot: QtBot) -> None:
    assert make_application().findChild(GuiThreadCollector) is not None
    assert not gc.isenabled()
