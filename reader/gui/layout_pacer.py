"""Laying a long document out in short slices, the event loop free between them.

Qt lays a long ``QTextDocument`` out lazily (``QTextDocumentLayout``): after
the document is set or its width changes, the layout's own timer lays out a
step every 10 ms, and each step is twice the last, up to 200,000 characters.
For 1 MB of Arabic the last steps take 50-200 ms each, during the first half
second or so after an article opens: a key pressed then (the reader typing a
search at once) waits for the step to end. The step size is private to Qt
(``lazyLayoutStepSize``) and only the layout's timer doubles it.

``LayoutPacer`` takes the layout over while it runs: it filters out the
layout's timer events, so Qt's steps never grow, and lays the document out
itself from a zero-interval timer, one step of a few thousand characters per
turn of the event loop (asking the layout for a block's rectangle lays the
document out up to that block, in Qt's steps of the size they had when the
pacer began). Input is handled between slices; after a search's hits are set
the pacer skips a turn (``reader.gui.turns``), so the frame that shows them
waits for no slice. Every ``REPORT_MS`` it announces the new size
(``documentSizeChanged``, which Qt's filtered timer would have sent), so the
scroll bar grows as before, the first time not in the turn the article
opens; when the last block is laid out it reports the final size and lets
Qt's timers through again.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QSizeF, QTimer
from PySide6.QtGui import QAbstractTextDocumentLayout, QTextDocument

from reader.gui.turns import QuietTurns

REPORT_MS = 100.0
"""How often the pacer announces the size while it runs: each announcement
resizes and repaints the scroll bar (a few ms), and the layout grows below
the view, where nothing else needs to know."""
CHUNK_CHARS = 4000
"""Characters asked for per turn: about one of Qt's steps at their start size
(one call lays out at least to the next of Qt's checkpoints, 2000 px down),
about 1 ms of 1 MB of Arabic news, 3 at most. More per turn holds a key, or
the frame after one, that much longer."""


class LayoutPacer(QObject):
    """Lays one document out in slices (module docstring). ``start`` after
    the document is set or relaid from the top (a new width); ``running``
    while the layout is not finished. A slice gives way to a search when
    ``turns`` holds (``QuietTurns.hold``)."""

    def __init__(self, parent: QObject | None = None, *,
                 turns: QuietTurns | None = None) -> None:
        super().__init__(parent)
        self._turns = turns
        self._doc: QTextDocument | None = None
        self._layout: QAbstractTextDocumentLayout | None = None
        self._position = 0
        self._reported = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)

    def start(self, doc: QTextDocument) -> None:
        """Lay ``doc`` out from the top in slices, in place of Qt's steps."""
        layout = doc.documentLayout()
        if layout is not self._layout:
            layout.installEventFilter(self)
        self._doc, self._layout, self._position = doc, layout, 0
        # The first report a while after opening, not in the turn that paints
        # the new article (a few ms of scroll bar and size hints).
        self._reported = time.perf_counter()
        self._timer.start()

    def running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Qt's lazy-layout timer and its size-report timer: both held back
        # while the pacer runs (the pacer reports the size itself).
        return (watched is self._layout and self._timer.isActive()
                and event.type() == QEvent.Type.Timer)

    def _slice(self) -> None:
        if self._turns is not None and self._turns.yields_turn(self):
            return
        doc, layout = self._doc, self._layout
        assert doc is not None and layout is not None
        end = doc.characterCount()
        self._position = min(self._position + CHUNK_CHARS, end)
        # Lays the document out to the end of this block, no further than
        # Qt's current step past it.
        layout.blockBoundingRect(doc.findBlock(self._position - 1))
        if self._position >= end:
            # The last block is laid out: Qt's layout stopped its step timer
            # and started its size report, which would reach the scroll bar
            # a turn later (End pressed now would stop short): report now.
            self._timer.stop()
            layout.documentSizeChanged.emit(QSizeF())
        elif time.perf_counter() - self._reported > REPORT_MS / 1000:
            self._reported = time.perf_counter()
            layout.documentSizeChanged.emit(QSizeF())
