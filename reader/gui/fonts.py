"""The bundled Arabic font, registered with Qt so rendering never depends on
the system's fonts (DESIGN decision 7)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication

from reader.resources import resource_path

FONT_FILES: tuple[str, ...] = ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")
"""The bundled faces, under ``resources/fonts`` (OFL, licence beside them)."""

FALLBACK_FAMILY = "Noto Naskh Arabic"

_registered: dict[str, int] = {}
_family: str | None = None


def font_path(name: str = FONT_FILES[0]) -> Path:
    """The file-system path of a bundled font file (for Qt and for HarfBuzz)."""
    return resource_path("fonts", name)


def register_fonts() -> str:
    """Register every bundled face with ``QFontDatabase`` and return the family name.

    Idempotent: a second call registers nothing and returns the same family.
    Needs a ``QGuiApplication``. When a file cannot be loaded (a broken
    install) the family name the files should have is returned, so Qt falls
    back to a system font rather than failing to open the window.
    """
    global _family
    if QGuiApplication.instance() is None:
        raise RuntimeError("register_fonts() needs a QGuiApplication")
    for name in FONT_FILES:
        if name in _registered:
            continue
        font_id = QFontDatabase.addApplicationFont(str(font_path(name)))
        _registered[name] = font_id
        if font_id >= 0 and _family is None:
            families = QFontDatabase.applicationFontFamilies(font_id)
            if families:
                _family = families[0]
    return _family or FALLBACK_FAMILY


def arabic_families() -> list[str]:
    """The bundled family first, then every other installed family that
    writes Arabic (what the reader may choose in Preferences). Not the
    copy of the bundled face a PDF export registers for its text maps
    (``pdf_fonts.PDF_FAMILY``): it showed in the list once a PDF was made."""
    from reader.exporters.pdf_fonts import PDF_FAMILY

    bundled = register_fonts()
    system = [f for f in QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)
              if f not in (bundled, PDF_FAMILY) and not QFontDatabase.isPrivateFamily(f)]
    return [bundled, *sorted(set(system))]
