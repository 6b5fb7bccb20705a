"""What the window keeps between runs: the reading preferences and its state.

``WindowSettings`` reads and writes ``QSettings``: the ``Preferences`` (language,
theme, justification, line spacing, font, margins, diacritics, the kinds of
highlight painted) and the window
state (geometry, toolbars, splitter, last article, recent articles; the
window adds the pixels of the last article's place, which belong to its
layout). Reading position, read and starred live in the store (DESIGN
decision 4). A window
without settings (screenshots) keeps nothing. ``preferences_changed`` says
when the preferences changed, whoever changed them.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal
from PySide6.QtWidgets import QMainWindow, QSplitter

from reader.gui import i18n
from reader.store.article import HIGHLIGHT_ROLES

THEME_CHOICES: tuple[str, ...] = ("system", "light", "dark", "sepia")
"""``system`` follows the desktop's light or dark preference."""

MARGIN_RANGE = (0, 200)
FONT_SIZE_RANGE = (8.0, 40.0)
LINE_SPACING_RANGE = (100, 250)


@dataclass(frozen=True, slots=True)
class Preferences:
    """The reading preferences. ``font_family`` "" is the bundled Naskh;
    ``font_size`` in points at zoom 1.0; ``margin`` in pixels around the text;
    ``show_<kind>`` whether highlights of that kind (``HIGHLIGHT_ROLES``:
    View > Highlights) are painted; ``mark_read_at_once`` whether an article
    opened in passing (a row of the list) is read as it opens rather than
    after a moment there (``ReadMarker``)."""

    language: str = "en"
    theme: str = "system"
    justified: bool = False
    line_spacing: int = 125
    font_family: str = ""
    font_size: float = 15.0
    margin: int = 18
    show_diacritics: bool = True
    show_quotation: bool = True
    show_term: bool = True
    show_figure: bool = True
    show_user: bool = True
    mark_read_at_once: bool = False


def shown_field(role: str) -> str:
    """The ``Preferences`` field that says whether highlights of ``role``
    (one of ``HIGHLIGHT_ROLES``) are painted."""
    return f"show_{role}"


_KEYS: dict[str, str] = {
    "theme": "view/theme",
    "justified": "view/justified",
    "line_spacing": "view/line_spacing",
    "font_family": "view/font_family",
    "font_size": "view/font_size",
    "margin": "view/margin",
    "show_diacritics": "view/diacritics",
    "mark_read_at_once": "reading/mark_read_at_once",
    **{shown_field(role): f"view/{shown_field(role)}" for role in HIGHLIGHT_ROLES},
    "language": i18n.LANGUAGE_KEY,
}
"""Where each preference is kept in the settings."""


EXPORT_FOLDER_KEY = "export/folder"
EXPORT_KINDS_KEY = "export/kinds"
EXPORT_FORMAT_KEY = "export/format"
DIALOG_FOLDER_KEY = "dialogs/{kind}_folder"
RUNNING_IMPORTS_KEY = "imports/running"
"""Where the last file dialog of a kind (``import_files``, ``import_folder``,
``opml``) was left."""


class WindowSettings(QObject):
    """The preferences and window state in ``settings`` (None keeps nothing)."""

    preferences_changed = Signal(object)

    def __init__(self, settings: QSettings | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._prefs = self._load()

    def preferences(self) -> Preferences:
        return self._prefs

    def update(self, **changes: Any) -> None:
        """Change some preferences (ValueError for an unknown theme or language),
        remember them, and emit ``preferences_changed`` when anything changed."""
        if changes.get("theme", THEME_CHOICES[0]) not in THEME_CHOICES:
            raise ValueError(f"unknown theme {changes['theme']!r}")
        if "language" in changes and changes["language"] not in i18n.LANGUAGES:
            raise ValueError(f"unknown language {changes['language']!r}")
        new = _clamped(replace(self._prefs, **changes))
        if new == self._prefs:
            return
        self._prefs = new
        if self._settings is not None:
            for name in changes:
                self._settings.setValue(_KEYS[name], getattr(new, name))
        self.preferences_changed.emit(new)

    # -- window state ------------------------------------------------------------

    def save_window(self, window: QMainWindow, splitter: QSplitter,
                    last_article: int | None, recent: list[int] | None = None) -> None:
        """Keep ``window``'s geometry and toolbars, the splitter, the last
        article and the recent ones (the window calls this as it closes)."""
        values: dict[str, Any] = {
            "window/geometry": window.saveGeometry(),
            "window/state": window.saveState(),
            "window/splitter": splitter.saveState(),
            "window/last_article": last_article if last_article is not None else 0,
        }
        if recent is not None:
            values["window/recent"] = [str(i) for i in recent]
        self.save(values)

    def restore_window(self, window: QMainWindow, splitter: QSplitter) -> bool:
        """Put back what ``save_window`` kept; False when no geometry was kept
        (a first run: the window picks its own size)."""
        state = self.bytes_value("window/state")
        if state is not None:
            window.restoreState(state)
        kept = self.bytes_value("window/splitter")
        if kept is not None:
            splitter.restoreState(kept)
        geometry = self.bytes_value("window/geometry")
        return geometry is not None and window.restoreGeometry(geometry)

    def keep_last_article(self, article_id: int) -> None:
        """Remember the article just opened, at once: a window that never
        gets to close (killed, its session ended, the machine off) reopens
        on it, at the place the store keeps, not on the first in the list."""
        self.save({"window/last_article": article_id})

    def last_article(self) -> int:
        """The article open when the window last closed (0: none)."""
        return self.int_value("window/last_article")

    def recent_articles(self) -> list[int]:
        return self.int_list("window/recent")

    def export_choices(self) -> tuple[Path | None, list[str], str]:
        """The last export's folder (None when gone), kinds of highlight and
        format, as ``save_export_choices`` kept them ("" for none kept)."""
        folder = self.value(EXPORT_FOLDER_KEY)
        kept = Path(folder) if isinstance(folder, str) and folder else None
        fmt = self.value(EXPORT_FORMAT_KEY)
        return (kept if kept is not None and kept.is_dir() else None,
                self.str_list(EXPORT_KINDS_KEY), fmt if isinstance(fmt, str) else "")

    def save_export_choices(self, folder: Path, kinds: list[str], fmt: str) -> None:
        """Keep an export's folder, kinds and format for the next export
        dialog, across restarts (a reader exports to the same place in the
        same form day after day)."""
        self.save({EXPORT_FOLDER_KEY: str(folder), EXPORT_KINDS_KEY: list(kinds),
                   EXPORT_FORMAT_KEY: fmt})

    def dialog_folder(self, kind: str) -> Path:
        """The folder the last file dialog of ``kind`` chose in (kept across
        restarts by ``save_dialog_folder``), else the home folder: never the
        process's working folder, where Qt opens a dialog given none."""
        kept = self.value(DIALOG_FOLDER_KEY.format(kind=kind))
        if isinstance(kept, str) and kept and Path(kept).is_absolute() and Path(kept).is_dir():
            return Path(kept)
        return Path.home()

    def save_dialog_folder(self, kind: str, folder: Path) -> None:
        """Keep the folder a file dialog of ``kind`` chose in, for the next."""
        self.save({DIALOG_FOLDER_KEY.format(kind=kind): str(folder)})

    def import_started(self, store: str, paths: list[str]) -> str:
        """Keep, until ``import_ended``, that the window imports ``paths``
        into ``store``: an import the window was killed in (the machine
        off, SIGKILL) is told at the next start (``interrupted_imports``).
        Returns the entry to end."""
        entry = json.dumps([store, paths], ensure_ascii=False)
        self._reload()  # another window (on another store) may have written since
        self.save({RUNNING_IMPORTS_KEY: [*self.str_list(RUNNING_IMPORTS_KEY), entry]})
        return entry

    def import_ended(self, entry: str) -> None:
        """Forget the running import ``entry`` (finished, cancelled or failed)."""
        self._reload()
        kept = self.str_list(RUNNING_IMPORTS_KEY)
        if entry in kept:
            kept.remove(entry)
            self.save({RUNNING_IMPORTS_KEY: kept})

    def interrupted_imports(self, store: str) -> list[list[str]]:
        """The paths of each import into ``store`` that never ended, now
        forgotten; the imports into other stores are kept for their windows."""
        mine: list[list[str]] = []
        others: list[str] = []
        self._reload()
        for entry in self.str_list(RUNNING_IMPORTS_KEY):
            try:
                kept_store, paths = json.loads(entry)
            except (TypeError, ValueError):
                continue  # not ours to read: dropped
            if kept_store == store and isinstance(paths, list):
                mine.append([str(p) for p in paths])
            elif isinstance(kept_store, str):
                others.append(entry)
        if mine:
            self.save({RUNNING_IMPORTS_KEY: others})
        return mine

    def _reload(self) -> None:
        """Read what other windows wrote to the settings since (QSettings.sync)."""
        if self._settings is not None:
            self._settings.sync()

    def value(self, key: str) -> Any:
        """A saved window-state value (None when absent or without settings)."""
        return None if self._settings is None else self._settings.value(key)

    def int_value(self, key: str) -> int:
        """A saved whole number (0 when absent or unreadable)."""
        number = _int(self.value(key) or 0)
        return 0 if number is None else number

    def int_list(self, key: str) -> list[int]:
        """A saved list of ids (QSettings hands back one item as a bare string),
        without the items that cannot be read."""
        value = self.value(key)
        items = value if isinstance(value, list) else [value] if value else []
        return [n for n in map(_int, items) if n is not None]

    def str_list(self, key: str) -> list[str]:
        """A saved list of names (QSettings hands back one item as a bare
        string), without the empty ones."""
        value = self.value(key)
        items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
        return [str(item) for item in items if item]

    def bytes_value(self, key: str) -> QByteArray | None:
        value = self.value(key)
        return value if isinstance(value, QByteArray) else None

    def save(self, values: dict[str, Any]) -> None:
        """Write window-state values now (the window calls this as it closes)."""
        if self._settings is None:
            return
        for key, value in values.items():
            self._settings.setValue(key, value)
        self._settings.sync()

    def _load(self) -> Preferences:
        language = i18n.current_language()
        s = self._settings
        if s is None:
            return Preferences(language=language)
        default = Preferences(language=language)
        values: dict[str, Any] = {}
        for f in fields(Preferences):
            if f.name == "language":
                continue
            raw = s.value(_KEYS[f.name])
            if raw is None:
                continue
            parsed = _parse(raw, getattr(default, f.name))
            if parsed is not None:
                values[f.name] = parsed
        if values.get("theme") not in (None, *THEME_CHOICES):
            del values["theme"]
        return _clamped(replace(default, **values))


_INT_BOUND = 2 ** 63
"""Every id and size the window saves fits SQLite's signed 64-bit integers;
a longer number was written by some other hand (and the store refuses it)."""


def _int(raw: object) -> int | None:
    """``raw`` as a whole number, None when it is none or out of bounds."""
    try:
        number = int(raw)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None
    return number if -_INT_BOUND <= number < _INT_BOUND else None


def _parse(raw: object, like: object) -> object | None:
    """``raw`` from the settings as the type of ``like`` (INI files hand back
    strings: 'true'/'false' for booleans); None when it cannot be read, or is
    a number no size can be (infinite, not a number)."""
    try:
        if isinstance(like, bool):
            return raw.lower() in ("1", "true", "yes") if isinstance(raw, str) else bool(raw)
        if isinstance(like, int):
            return int(float(str(raw)))
        if isinstance(like, float):
            number = float(str(raw))
            return number if math.isfinite(number) else None
        return str(raw)
    except (TypeError, ValueError, OverflowError):
        return None


def _clamped(p: Preferences) -> Preferences:
    def clamp(value: Any, bounds: tuple[Any, Any]) -> Any:
        return min(max(value, bounds[0]), bounds[1])

    return replace(p, margin=clamp(p.margin, MARGIN_RANGE),
                   font_size=clamp(p.font_size, FONT_SIZE_RANGE),
                   line_spacing=clamp(p.line_spacing, LINE_SPACING_RANGE))
