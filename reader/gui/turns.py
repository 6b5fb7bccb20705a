"""Background work making way for the frame that shows a search.

The reading view lays a long document out in slices (``LayoutPacer``) and
the highlights panel fills its list in batches, each from a zero-interval
timer, so both run in every turn of the event loop for a while after an
article opens. A query typed then has its hits set in one turn; the turn
after paints them, and a slice and a batch run in it too, holding that frame
by a few milliseconds.

``QuietTurns`` is what the pane gives both: it calls ``hold()`` when the
find's hits change (a search, a move to another hit, the marks dropped),
and each job that asks ``yields_turn()`` skips its next run, once. A job
that does not run in the turn after ``hold`` (finished, or not started) is
not held later: the hold ends with that turn. Nothing is dropped, only
delayed by one turn.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer


class QuietTurns(QObject):
    """One turn without background work after each ``hold`` (module docstring).

    Jobs name themselves in ``yields_turn(job)``; any hashable name will do.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._holding = False
        self._skipped: set[object] = set()
        """The jobs that skipped their run for the current hold."""
        # A zero-interval timer started by ``hold`` fires after the timers of
        # the jobs already running (Qt fires due timers in the order they
        # fell due): the turn they skip is over when it does.
        self._end = QTimer(self)
        self._end.setSingleShot(True)
        self._end.setInterval(0)
        self._end.timeout.connect(self._end_hold)

    def hold(self) -> None:
        """The next turn of the event loop runs no job: each skips once."""
        self._holding = True
        self._skipped.clear()
        self._end.start()

    def yields_turn(self, job: object) -> bool:
        """True when ``job`` should skip this run: a hold is on and ``job``
        has not skipped for it yet."""
        if not self._holding or job in self._skipped:
            return False
        self._skipped.add(job)
        return True

    def _end_hold(self) -> None:
        self._holding = False
        self._skipped.clear()
