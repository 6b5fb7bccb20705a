"""The interface language: English or Arabic (issue 4, item 8).

The choice is, in order: the ``lang`` the caller gives (``--lang``), the one
saved in the settings (View > Language), the system locale (Arabic when the
locale's language is Arabic, English otherwise). Arabic installs
``resources/translations/rtl_reader_ar.qm`` (and Qt's own Arabic strings for
standard buttons when Qt ships them); English loads ``rtl_reader_en.qm``, which
holds only the plural forms of the English source strings and turns the whole layout right to left,
so the window mirrors: the article list sits on the right.

Settings live in ``QSettings`` (organisation ``rtl-reader``); the environment
variable ``RTL_READER_SETTINGS`` names an INI file to use instead (tests, and
a user who wants a portable setup).
"""

from __future__ import annotations

import os

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QGuiApplication

from reader.resources import resource_path

ORGANISATION = "rtl-reader"
APPLICATION = "rtl-reader"

LANGUAGES: dict[str, str] = {"en": "English", "ar": "العربية"}
"""Language code -> its name in that language (menus show names untranslated)."""

RTL_LANGUAGES = frozenset({"ar"})

LANGUAGE_KEY = "ui/language"

_installed: list[QTranslator] = []
_current = "en"


def settings() -> QSettings:
    """The app's settings: ``RTL_READER_SETTINGS`` (an INI file) when set,
    else the platform's store for organisation and application ``rtl-reader``."""
    path = os.environ.get("RTL_READER_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)


def system_language() -> str:
    """``ar`` when the system locale's language is Arabic, else ``en``."""
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def saved_language() -> str | None:
    value = settings().value(LANGUAGE_KEY)
    return str(value) if value in LANGUAGES else None


def save_language(lang: str) -> None:
    """Remember ``lang`` for the next start. Raises ValueError for an unknown code."""
    _check(lang)
    s = settings()
    s.setValue(LANGUAGE_KEY, lang)
    s.sync()


def chosen_language(lang: str | None = None) -> str:
    """``lang`` when given, else the saved choice, else the system's. Raises
    ValueError for an unknown ``lang``."""
    if lang is not None:
        _check(lang)
        return lang
    return saved_language() or system_language()


def current_language() -> str:
    """The language installed last by ``apply_language`` (``en`` before)."""
    return _current


def is_rtl(lang: str) -> bool:
    return lang in RTL_LANGUAGES


def translation_file(lang: str) -> str:
    """The compiled catalogue of ``lang`` (``.qm``), as a file path."""
    return str(resource_path("translations", f"rtl_reader_{lang}.qm"))


def apply_language(lang: str) -> bool:
    """Install the translations of ``lang`` and its layout direction on the
    running application; widgets get a ``LanguageChange`` event and retranslate.

    Returns False when the catalogue could not be loaded (a broken install):
    the direction still follows the language and the strings stay English
    (with "(s)" plurals).
    Raises ValueError for an unknown code, RuntimeError without an application.
    """
    global _current
    _check(lang)
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("apply_language() needs a QApplication")
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    ours = QTranslator(app)
    # English has a catalogue too: only the plural forms ("1 article", "3 articles").
    loaded = ours.load(translation_file(lang))
    if loaded:
        QCoreApplication.installTranslator(ours)
        _installed.append(ours)
    if lang != "en":
        qt = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{lang}", qt_dir):
            QCoreApplication.installTranslator(qt)
            _installed.append(qt)
    QLocale.setDefault(number_locale(QLocale.system(), lang))
    if isinstance(app, QGuiApplication):
        direction = (Qt.LayoutDirection.RightToLeft if is_rtl(lang)
                     else Qt.LayoutDirection.LeftToRight)
        QGuiApplication.setLayoutDirection(direction)
    _current = lang
    return loaded


def number_locale(system: QLocale, lang: str) -> QLocale:
    """The locale Qt's widgets format numbers with (progress bars, spin
    boxes) under the interface language ``lang``: ``system`` when it writes
    the digits 0-9, as every count, offset and date the app formats itself
    does, else one of ``lang`` that writes them, so that an Arabic system
    locale (ar_EG, ar_SA) does not show ٣٨٪ beside "84 hits"."""
    if system.zeroDigit() == "0":
        return system
    # The Emirates' Arabic locale writes 0-9, with the month names of Egypt's.
    return (QLocale(QLocale.Language.Arabic, QLocale.Country.UnitedArabEmirates)
            if lang == "ar" else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def _check(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; one of {', '.join(LANGUAGES)}")
