"""Python's cyclic garbage collector, run on the GUI thread only.

CPython collects cycles in whichever thread crosses an allocation threshold:
in the window that is often a task's thread (an import, a library search, a
feed refresh, each on ``QThreadPool``). A cycle that holds a Qt object is
then destroyed off the thread that owns it, which Qt does not allow: the
test suite crashed (SIGSEGV in PySide's destructor, the collection running
on a store thread) once in a few full runs. As calibre and pyqtgraph do,
automatic collection is switched off and the GUI thread collects on a timer,
each generation when its count passes the threshold Python itself would use.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500
"""How often the GUI thread looks at the collector's counts (a look costs
nothing when no generation is due)."""


def collect_due(thresholds: tuple[int, int, int]) -> None:
    """Collect, in this thread, the generations whose allocation counts
    passed ``thresholds`` (``gc.get_threshold()`` as it was before automatic
    collection was switched off), as the automatic collector would have."""
    young, middle, old = gc.get_count()
    if young > thresholds[0]:
        gc.collect(0)
        if middle > thresholds[1]:
            gc.collect(1)
            if old > thresholds[2]:
                gc.collect(2)


class GuiThreadCollector(QObject):
    """Switches automatic collection off for the process and collects on the
    thread it lives in (make it on the GUI thread) every ``INTERVAL_MS``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds: tuple[int, int, int] = gc.get_threshold()  # type: ignore[assignment]
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        collect_due(self.thresholds)
