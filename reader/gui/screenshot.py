"""``rtl-reader screenshot``: the main window rendered to a PNG (issue 4, item 9).

The window is built as the app builds it (fonts, language, store), shown on
whatever platform Qt runs (the CLI picks ``offscreen``), and grabbed with
``QWidget.grab``. Nothing is remembered: the window state is neither read nor
written (only the language falls back to the saved choice), and the store is
opened read-only, so a picture marks nothing read and moves no reading
position in the user's library (nor creates one, nor puts samples in it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QColor, QPixmap


def take_screenshot(store_path: Path, out: Path, *, open_id: int | None = None,
                    find: str | None = None, size: tuple[int, int] = (1280, 800),
                    theme: str = "light", lang: str | None = None) -> None:
    """Write a PNG of ``size`` pixels (width, height) showing the main window on
    the store at ``store_path``: article ``open_id`` (else the first in the
    list) with the find bar holding ``find``, in ``theme`` and ``lang``.

    Raises the store's errors (StoreError and subclasses: NoStore when
    there is none), NotFound for an unknown ``open_id``, ValueError for a
    bad size, theme or language, ExportError when the PNG cannot be written
    (checked before the store is opened; nothing is left half-written).
    """
    from PySide6.QtCore import QCoreApplication, QEventLoop, QSize
    from PySide6.QtGui import QPalette

    from reader.exporters.common import check_target
    from reader.gui import i18n
    from reader.gui.app import make_application
    from reader.gui.main_window import MainWindow
    from reader.gui.read_marker import MarkRead
    from reader.store.library import Library

    width, height = size
    if width < 200 or height < 150 or width > 8000 or height > 8000:
        raise ValueError(f"screenshot size {width}x{height} is outside 200x150..8000x8000")
    if theme not in ("light", "dark", "sepia"):
        raise ValueError(f"unknown theme {theme!r}")
    check_target(Path(out), force=True)
    created = QCoreApplication.instance() is None
    if created:
        _quiet_offscreen_warnings()
    make_application()
    previous = i18n.current_language()
    i18n.apply_language(i18n.chosen_language(lang))
    library: Library | None = None
    window: MainWindow | None = None
    try:
        library = Library.open(store_path, create=False, read_only=True)
        window = MainWindow(library, settings=None, poll_ms=0, refresh_ms=0)
        window.set_theme(theme)
        window.resize(width, height)
        window.show()
        _settle()
        if open_id is not None and not window.open_article(open_id, mark_read=MarkRead.NO):
            library.get(open_id)  # raises NotFound with the usual message
        if find:
            window.pane.show_find_bar(find)
        window.sources.reload()  # the counts after opening an article, not a debounce later
        _settle()
        pixmap: QPixmap = window.grab()
        if pixmap.size() != QSize(width, height):
            background = window.palette().color(QPalette.ColorRole.Window)
            pixmap = _fitted(pixmap, width, height, background)
        _save_png(pixmap, Path(out))
    finally:
        if window is not None:
            window.close()
            window.deleteLater()
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
        if library is not None:
            library.close()
        if not created:
            i18n.apply_language(previous)


def _fitted(pixmap: QPixmap, width: int, height: int, background: QColor) -> QPixmap:
    """``pixmap`` scaled to fit ``width`` x ``height`` undistorted, centred on
    ``background``: the window is no smaller than its panes need (about
    600 x 250), so a smaller picture shows all of it, as a thumbnail."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPainter, QPixmap

    scaled = pixmap.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio,
                           Qt.TransformationMode.SmoothTransformation)
    canvas = QPixmap(width, height)
    canvas.fill(background)
    painter = QPainter(canvas)
    painter.drawPixmap((width - scaled.width()) // 2, (height - scaled.height()) // 2, scaled)
    painter.end()
    return canvas


def _settle() -> None:
    """Let layouts, the reading view's deferred work and paint events run."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    for _ in range(5):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _save_png(pixmap: object, out: Path) -> None:
    from PySide6.QtGui import QPixmap

    from reader.exporters.common import atomic_path
    from reader.exporters.qtgui import png_bytes

    assert isinstance(pixmap, QPixmap)
    with atomic_path(out, force=True) as tmp:
        tmp.write_bytes(png_bytes(pixmap, str(out)))


def _quiet_offscreen_warnings() -> None:
    """The offscreen plugin's propagateSizeHints notice is noise on a CLI's stderr."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        import sys

        print(message, file=sys.stderr)

    qInstallMessageHandler(handler)
