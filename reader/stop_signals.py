"""The signals that mean "stop": Ctrl+C (SIGINT), ``kill`` (SIGTERM) and the
terminal gone (SIGHUP). A command takes each as Ctrl+C (``reader.cli``,
``reader.importers.batches``); the window as its Quit
(``reader.gui.quit_signals``). Only the standard library here: the window
imports it at start."""

from __future__ import annotations

import signal

STOP_SIGNALS: tuple[int, ...] = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))
"""Those of them this system has (Windows has no SIGHUP)."""
