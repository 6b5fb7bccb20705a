"""QtGui set-up shared by the PDF and PNG renderers (QtGui only, no widgets).

Imported only when a PDF or PNG is made, so the text formats never load Qt.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from reader.exporters.html import FONT_FAMILY, FONT_FILE
from reader.resources import resource_path

_state: dict[str, object] = {}


def ensure_app() -> QGuiApplication:
    """The running Q(Gui)Application, or a new QGuiApplication when there is
    none (fonts and text layout need one). Kept alive for the process."""
    app = QGuiApplication.instance()
    if app is None:
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
