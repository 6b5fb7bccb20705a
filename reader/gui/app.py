"""Application setup: the ``QApplication``, the bundled font, the language,
the store, the first-run samples and the main window (issue 4, item 1).

``run`` is what ``rtl-reader`` (no command) and ``rtl-reader open`` call. A
store that cannot be opened (``NotADatabase``, ``StoreTooNew``,
``StoreLocked`` …) is shown in a dialog with a way out (try again, choose
another store, quit), never as a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from reader.errors import ReaderError, StoreError, StoreLocked
from reader.store.library import Library

NO_DISPLAY_HINT = ("no display: set DISPLAY or run under xvfb-run; a real window on Linux "
                   "needs libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1")


def has_display(environ: dict[str, str] | None = None, platform: str | None = None) -> bool:
    """True when Qt can open a window: a platform plugin is named
    (``QT_QPA_PLATFORM``), or ``DISPLAY``/``WAYLAND_DISPLAY`` is set, or the
    system is not an X11/Wayland one (Windows, macOS)."""
    env = os.environ if environ is None else environ
    if env.get("QT_QPA_PLATFORM"):
        return True
    if (platform or sys.platform) in ("win32", "darwin"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def check_display() -> str | None:
    """``NO_DISPLAY_HINT`` when there is no display (so the caller prints it
    instead of letting Qt abort), else None."""
    return None if has_display() else NO_DISPLAY_HINT


class StoreChoice(Enum):
    """What the user chose after a store failed to open."""

    RETRY = "retry"
    OTHER = "other"
    QUIT = "quit"


Asker = Callable[[ReaderError], tuple[StoreChoice, Path | None]]


def open_library(path: Path, ask: Asker) -> Library | None:
    """Open the store at ``path``; on a store error ask what to do:
    try again, open another file (``ask`` returns its path), or quit (None).
    The file that failed is never modified."""
    while True:
        try:
            return Library.open(path)
        except StoreError as err:
            choice, other = ask(err)
        if choice is StoreChoice.QUIT:
            return None
        if choice is StoreChoice.OTHER and other is not None:
            path = other


def ask_with_dialog(err: ReaderError) -> tuple[StoreChoice, Path | None]:
    """The store error dialog: the one-line cause and three ways out."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    def tr(text: str) -> str:
        return QCoreApplication.translate("StoreDialog", text)

    box = QMessageBox(QMessageBox.Icon.Critical, "rtl-reader",
                      tr("The article store cannot be opened."))
    box.setInformativeText(err.line())
    if isinstance(err, StoreLocked):
        box.setDetailedText(tr("Another rtl-reader may be importing; try again in a moment."))
    retry = box.addButton(tr("Try again"), QMessageBox.ButtonRole.AcceptRole)
    other = box.addButton(tr("Open another store…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(tr("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    if clicked is retry:
        return StoreChoice.RETRY, None
    if clicked is other:
        chosen, _ = QFileDialog.getSaveFileName(
            None, tr("Article store"), str(Path(err.subject).parent),
            tr("rtl-reader store (*.sqlite3);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        return (StoreChoice.OTHER, Path(chosen)) if chosen else (StoreChoice.RETRY, None)
    return StoreChoice.QUIT, None


def make_application(argv: list[str] | None = None) -> object:
    """The running ``QApplication`` (made when absent) with names, icon and the
    bundled font registered."""
    from PySide6.QtWidgets import QApplication

    from reader.gui.fonts import register_fonts
    from reader.gui.main_window import app_icon

    app = QApplication.instance()
    if app is None:
        QApplication.setOrganizationName("rtl-reader")
        QApplication.setApplicationName("rtl-reader")
        QApplication.setDesktopFileName("rtl-reader")
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setWindowIcon(app_icon())
    register_fonts()
    return app


def run(store_path: Path, *, open_id: int | None = None, at: int | None = None,
        lang: str | None = None) -> int:
    """Run the desktop app on the store at ``store_path``; the exit status.

    Seeds the bundled samples into an empty store; opens article ``open_id``
    at body index ``at`` when given (an unknown id is reported in the status
    bar). Returns 1 when the user quits at a store error or there is no display.
    """
    hint = check_display()
    if hint is not None:
        print(f"rtl-reader: {hint}", file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication, QMessageBox

    from reader.gui import i18n
    from reader.gui.main_window import MainWindow

    app = make_application()
    assert isinstance(app, QApplication)
    i18n.apply_language(i18n.chosen_language(lang))
    library = open_library(Path(store_path), ask_with_dialog)
    if library is None:
        return 1
    try:
        try:
            from reader.importers.samples import seed_if_empty

            seed_if_empty(library)
        except ReaderError as err:
            QMessageBox.warning(None, "rtl-reader", err.line())
        window = MainWindow(library, settings=i18n.settings())
        window.show()
        if open_id is not None:
            window.open_article(open_id, at)
        return int(app.exec())
    finally:
        library.close()
