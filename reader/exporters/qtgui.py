"""QtGui set-up shared by the PDF and PNG renderers (QtGui only, no widgets).

Imported only when a PDF or PNG is made, so the text formats never load Qt.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
    QTextDocument,
)

from reader.errors import ExportError
from reader.exporters.html import FONT_FAMILY, FONT_FILE
from reader.resources import resource_path

_state: dict[str, object] = {}


def ensure_app() -> QGuiApplication:
    """The running Q(Gui)Application, or a new QGuiApplication when there is
    none (fonts and text layout need one). Kept alive for the process.

    A new one draws offscreen unless QT_QPA_PLATFORM names a platform: it
    only renders files, and Qt's default platform aborts the process where
    there is no display (ssh, cron, a console)."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
        _state["app"] = app
    assert isinstance(app, QGuiApplication)
    return app


def font_family() -> str:
    """The family of the bundled Arabic font, registered once with
    QFontDatabase; the family name itself when registration fails (Qt then
    falls back to a system font that shapes Arabic)."""
    ensure_app()
    family = _state.get("family")
    if isinstance(family, str):
        return family
    families: list[str] = []
    path = resource_path(*FONT_FILE)
    if path.is_file():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families = QFontDatabase.applicationFontFamilies(font_id)
    family = families[0] if families else FONT_FAMILY
    _state["family"] = family
    return family


def arabic_font(point_size: float) -> QFont:
    """The bundled font at ``point_size``."""
    font = QFont(font_family())
    font.setPointSizeF(point_size)
    return font


INK = "#1f1f1f"
"""Text that has no colour of its own, on paper."""

LINK = "#1a4f9c"
"""Links on paper."""


def paper_palette() -> QPalette:
    """Dark ink and blue links: the colours a document on white paper needs,
    whatever the application's theme."""
    palette = QPalette()
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        palette.setColor(role, QColor(INK))
    palette.setColor(QPalette.ColorRole.Link, QColor(LINK))
    return palette


def draw_on_paper(painter: QPainter, doc: QTextDocument, clip: QRectF | None = None) -> None:
    """Paint ``doc`` (clipped to ``clip``, document coordinates) in
    ``paper_palette``. ``QTextDocument.drawContents`` paints text without a
    colour of its own in the application palette's, near white in the app's
    dark theme: an export made then was white on white."""
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette = paper_palette()
    painter.save()
    if clip is not None:
        painter.setClipRect(clip)
        context.clip = clip
    doc.documentLayout().draw(painter, context)
    painter.restore()


def png_bytes(image: QImage | QPixmap, name: str) -> bytes:
    """``image`` encoded as PNG in memory, for the caller to write: a full
    disk or a lost folder is then an ``OSError`` with its cause, where
    libpng writing the file itself prints "libpng error: Write Error" on
    stderr and Qt says only that the save failed. Raises ExportError naming
    ``name`` when the image cannot be encoded."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ExportError(name, "cannot encode the image as PNG")
    return data.data()
