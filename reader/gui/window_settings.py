"""View options and window state: what the main window keeps between runs.

``WindowSettingsMixin`` gives ``MainWindow`` the View menu's slots (theme,
justification, diacritics, highlight kinds, language), the preferences
dialog, and ``save_state``/``restore_state``. Settings (``QSettings``) keep
the window state only: geometry, splitter, last article, and the view
preferences. Reading position, read and starred live in the store. A window
without settings (screenshots) keeps nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter

from reader.gui import i18n
from reader.gui.actions import THEME_NAMES
from reader.gui.article_pane import ArticlePane
from reader.gui.dialogs import Preferences, PreferencesDialog
from reader.gui.library_model import LibraryModel
from reader.store.library import Library

if TYPE_CHECKING:
    _WindowBase = QMainWindow
else:
    _WindowBase = object


class WindowSettingsMixin(_WindowBase):
    """View options and saved state of ``MainWindow`` (listed first among its bases)."""

    # Set up by MainWindow.__init__.
    library: Library
    settings: QSettings | None
    model: LibraryModel
    pane: ArticlePane
    splitter: QSplitter
    named_actions: dict[str, QAction]
    _prefs: Preferences

    if TYPE_CHECKING:
        def retranslate_ui(self) -> None: ...
        def current_article_id(self) -> int | None: ...
        def open_article(self, article_id: int, at: int | None = None, *,
                         find: str = "") -> bool: ...
        def select_row(self, row: int) -> None: ...

    # -- view ------------------------------------------------------------------

    def _on_theme_action(self, name: str, checked: bool) -> None:
        if checked:
            self._set_prefs(theme=name)

    def _on_justified(self, checked: bool) -> None:
        self._set_prefs(justified=checked)

    def _on_diacritics(self, checked: bool) -> None:
        self.pane.set_show_diacritics(checked)
        self._save("view/diacritics", checked)

    def _on_kind_action(self, kind: str, checked: bool) -> None:
        self.pane.set_kind_visible(kind, checked)

    def _on_role_visibility(self, role: str, visible: bool) -> None:
        action = self.named_actions.get(f"show_{role}")
        if action is not None and action.isChecked() != visible:
            action.blockSignals(True)
            action.setChecked(visible)
            action.blockSignals(False)

    def _on_language_action(self, code: str, checked: bool) -> None:
        if checked and code != i18n.current_language():
            self.set_language(code)

    def set_language(self, code: str) -> None:
        """Switch the interface language now (the layout mirrors for Arabic) and
        remember it."""
        i18n.apply_language(code)
        self._set_prefs(language=code)
        # Qt posts LanguageChange; retranslate now so the window is right at once.
        self.retranslate_ui()

    def set_theme(self, name: str) -> None:
        """``light``, ``dark`` or ``sepia`` (ValueError otherwise), remembered."""
        if name not in THEME_NAMES:
            raise ValueError(f"unknown theme {name!r}")
        self._set_prefs(theme=name)

    def preferences(self) -> Preferences:
        return self._prefs

    def _set_prefs(self, **changes: object) -> None:
        self._prefs = replace(self._prefs, **changes)  # type: ignore[arg-type]
        self._apply_preferences(self._prefs)
        if self.settings is not None:
            p = self._prefs
            for key, value in (("view/theme", p.theme), ("view/justified", p.justified),
                               ("view/line_spacing", p.line_spacing)):
                self.settings.setValue(key, value)
            if "language" in changes:
                self.settings.setValue(i18n.LANGUAGE_KEY, p.language)

    def _save(self, key: str, value: object) -> None:
        if self.settings is not None:
            self.settings.setValue(key, value)

    def _apply_preferences(self, p: Preferences) -> None:
        self.pane.set_theme(p.theme)
        self.pane.set_justified(p.justified)
        self.pane.set_line_spacing(p.line_spacing)
        if p.language != i18n.current_language():
            i18n.apply_language(p.language)
        for name, value in ((f"theme_{p.theme}", True), ("justified", p.justified),
                            (f"language_{p.language}", True)):
            action = self.named_actions[name]
            action.blockSignals(True)
            action.setChecked(value)
            action.blockSignals(False)

    def _load_preferences(self) -> Preferences:
        s = self.settings
        language = i18n.current_language()
        if s is None:
            return Preferences(language=language)
        theme = str(s.value("view/theme", "light"))
        try:
            spacing = int(s.value("view/line_spacing", 125))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            spacing = 150
        return Preferences(language=language,
                           theme=theme if theme in THEME_NAMES else "light",
                           justified=_as_bool(s.value("view/justified", False)),
                           line_spacing=min(max(spacing, 100), 250))

    def preferences_dialog(self) -> None:
        dialog = PreferencesDialog(self._prefs, self)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            p = dialog.preferences()
            if p.language != self._prefs.language:
                i18n.apply_language(p.language)
            self._set_prefs(language=p.language, theme=p.theme, justified=p.justified,
                            line_spacing=p.line_spacing)

    # -- window state -------------------------------------------------------------

    def save_state(self) -> None:
        """Geometry, splitter and last article into the settings (if any)."""
        s = self.settings
        if s is None:
            return
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        current = self.current_article_id()
        s.setValue("window/last_article", current if current is not None else 0)
        s.sync()

    def restore_state(self) -> None:
        """Put back what ``save_state`` kept; open the last article (or the
        first in the list)."""
        s = self.settings
        last = 0
        geometry = s.value("window/geometry") if s is not None else None
        if geometry is None or not self.restoreGeometry(geometry):  # type: ignore[arg-type]
            self._default_size()
        if s is not None:
            state = s.value("window/state")
            if state is not None:
                self.restoreState(state)  # type: ignore[arg-type]
            splitter = s.value("window/splitter")
            if splitter is not None:
                self.splitter.restoreState(splitter)  # type: ignore[arg-type]
            self.named_actions["diacritics"].setChecked(
                _as_bool(s.value("view/diacritics", True)))
            try:
                last = int(s.value("window/last_article", 0))  # type: ignore[call-overload]
            except (TypeError, ValueError):
                last = 0
        else:
            self.named_actions["diacritics"].setChecked(True)
        if last and self.library.ids([last]):
            self.open_article(last)
        elif self.model.rowCount():
            self.select_row(0)

    def _default_size(self) -> None:
        """First run: most of the screen, at most 1280x800."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 800)
            return
        area = screen.availableGeometry()
        self.resize(min(1280, area.width() * 9 // 10), min(800, area.height() * 9 // 10))
        self.splitter.setSizes([self.width() * 2 // 5, self.width() * 3 // 5])


def _as_bool(value: object) -> bool:
    """QSettings' INI backend hands booleans back as the strings 'true'/'false'."""
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)
