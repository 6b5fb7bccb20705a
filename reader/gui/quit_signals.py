"""Quitting on a signal as on Ctrl+Q: Ctrl+C in the terminal that started the
window, ``kill`` (SIGTERM, what a session's end and most task managers send)
and a closed terminal (SIGHUP) close every window the way the reader's own
Quit does, so the place in the article, the window's layout and a running
import's last whole batch are kept.

Python runs a signal handler only between its own bytecodes, and Qt's event
loop is C++: left alone, Ctrl+C did nothing until some Python slot ran (then
raised there) and SIGTERM ended the process on the spot, before the window
could save anything. So Python's C-level handler writes the signal's number
to a socket pair (``signal.set_wakeup_fd``), a ``QSocketNotifier`` wakes the
event loop, and the loop closes the windows. A second signal while they
close ends the process at once, as the system's default does. A signal the
window was started to ignore stays ignored: ``nohup rtl-reader &`` outlives
its terminal (nohup ignores SIGHUP for that), and a window a script starts
in the background is not its Ctrl+C's to quit (the shell ignores SIGINT
for such a job).
"""

from __future__ import annotations

import signal
import socket
from types import FrameType
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

from reader.stop_signals import STOP_SIGNALS


class QuitOnSignals(QObject):
    """While it lives (and ``install`` has run in the main thread), a
    ``STOP_SIGNALS`` signal closes every top-level window and ends the event
    loop with status 128 + the signal's number, as a shell reports a process
    a signal ended."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._receive, self._send = socket.socketpair()
        for end in (self._receive, self._send):
            end.setblocking(False)
        self._notifier = QSocketNotifier(self._receive.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wakeup)
        self._previous_fd: int | None = None
        self._previous: dict[int, Any] = {}
        self.received: int | None = None
        """The first quit signal received, if any."""

    def install(self) -> None:
        """Take the quit signals for this object (main thread only)."""
        self._previous_fd = signal.set_wakeup_fd(self._send.fileno(), warn_on_full_buffer=False)
        for signum in STOP_SIGNALS:
            if signal.getsignal(signum) == signal.SIG_IGN:
                continue  # as nohup or the shell set it: see the module
            # A Python handler, so that Python's C handler is the one the
            # system calls and writes to the wakeup socket; it does nothing
            # itself, since it runs only when Python code next runs.
            self._previous[signum] = signal.signal(signum, _noted)

    def uninstall(self) -> None:
        """The signals as they were before ``install``, the wakeup socket closed."""
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        self._previous.clear()
        if self._previous_fd is not None:
            signal.set_wakeup_fd(self._previous_fd)
            self._previous_fd = None
        self._notifier.setEnabled(False)
        self._receive.close()
        self._send.close()

    def _on_wakeup(self) -> None:
        try:
            data = self._receive.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        signums = [n for n in data if n in STOP_SIGNALS]
        if not signums or self.received is not None:
            return
        self.received = signums[0]
        # A second signal while the windows close (an import's batch being
        # written, a slow network) is the system's: the process ends at once.
        for signum in self._previous:
            signal.signal(signum, signal.SIG_DFL)
        self._app.closeAllWindows()
        self._app.exit(128 + self.received)


def _noted(_signum: int, _frame: FrameType | None) -> None:
    """The Python-level handler of a quit signal: nothing (see ``install``)."""
