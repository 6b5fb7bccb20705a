"""When an article the reader passes through becomes read: after a dwell.

Skimming the list (Down, Down, Down; quick clicks) opens each article on the
way: marked read the moment it opened, every headline glanced at lost its
unread state. As Thunderbird ("mark as read after displaying for N
seconds") and Akregator (its delay) do, an article opened in passing becomes
read once it has stayed open ``READ_DWELL_MS``, or at once when the reader
acts in it (the article pane's ``reader_acted``: a scroll, a key or a click
in the text, a search, a highlight). Left before then (another article, the
pane emptied, the reader's own Read command), it stays as it was.

How an opening marks the article is the opener's to say (``MarkRead``).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject, QTimer, Signal

READ_DWELL_MS = 1500
"""How long an article opened in passing stays open before it is read.
A reader stepping through headlines stops on each for a glance, well under
a second (a headline is six to twelve words); reading the first sentence
under it takes several seconds. 1.5 s lets the glance pass and is over
before the reader is into the text; Thunderbird's 5 s, where it is
switched on, left a short item read whole and closed still unread. Any act
in the article marks it at once, so the dwell only decides for a reader
who looks and does nothing."""


class MarkRead(Enum):
    """How opening an article marks it read."""

    AT_ONCE = "at_once"
    """Asked for by name: a link, the command line, Enter on a row or a result."""
    AFTER_DWELL = "after_dwell"
    """Passed through: a row chosen in the list, Back and Forward, the window's
    first article: read after ``READ_DWELL_MS`` or the reader's act in it."""
    NO = "no"
    """Shown, not chosen: the next article after a delete, a delete undone."""


class ReadMarker(QObject):
    """Waits out the dwell on one article at a time.

    ``start(article_id)`` begins the wait (ending any other: the reader left
    that one before its time); ``acted()`` ends it early, the reader being
    into the article; ``stop()`` forgets it, unread. Signal:
    ``read_due(article_id)`` when the article waited on is to be marked read.
    ``dwell_ms`` 0 (or less) marks at once.
    """

    read_due = Signal(int)

    def __init__(self, dwell_ms: int = READ_DWELL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._due)
        self.set_dwell(dwell_ms)

    def set_dwell(self, dwell_ms: int) -> None:
        """Wait ``dwell_ms`` from the next ``start`` on (the reader's preference)."""
        self._timer.setInterval(max(dwell_ms, 0))

    def start(self, article_id: int) -> None:
        if self._waiting == article_id and self._timer.isActive():
            return  # its row chosen again: the reader has been there all along
        self._waiting = article_id
        if self._timer.interval() == 0:
            self._due()
        else:
            self._timer.start()

    def acted(self) -> None:
        if self._waiting is not None:
            self._due()

    def stop(self) -> None:
        self._timer.stop()
        self._waiting = None

    def _due(self) -> None:
        article_id = self._waiting
        self.stop()
        if article_id is not None:
            self.read_due.emit(article_id)
