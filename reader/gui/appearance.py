"""How the window looks: the preferences applied to its parts.

``Appearance`` listens to ``WindowSettings.preferences_changed`` and to the
desktop's light or dark switch, and applies the preferences: the interface
language (at once: the posted LanguageChange is delivered before it returns),
the theme of the whole application (``themes.apply_window_theme``) and of the
article, justification, line spacing, font, margins, diacritics and the kinds
of highlight painted; the View menu's switches show the choice. It also runs the Preferences dialog.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from reader.gui import i18n, themes
from reader.gui.actions import WindowActions
from reader.gui.article_list import ArticleList
from reader.gui.article_pane import ArticlePane
from reader.gui.window_settings import Preferences, WindowSettings, shown_field
from reader.store.article import HIGHLIGHT_ROLES


class Appearance(QObject):
    """Applies ``settings``' preferences to ``pane``, the article list, the
    application and the ``commands``' switches (the parent is the window, for
    the dialog)."""

    def __init__(self, settings: WindowSettings, pane: ArticlePane, article_list: ArticleList,
                 commands: WindowActions, parent: QWidget) -> None:
        super().__init__(parent)
        self._settings = settings
        self._pane = pane
        self._list = article_list
        self._commands = commands
        self._parent = parent
        settings.preferences_changed.connect(self.apply)
        # "As the system" follows the desktop when it switches between light and dark.
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)

    def apply(self, p: Preferences) -> None:
        if p.language != i18n.current_language():
            i18n.apply_language(p.language)
            # Qt posts LanguageChange: deliver it now, so the window is right at once.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        shown = themes.theme(themes.resolve(p.theme))
        themes.apply_window_theme(shown)
        pane = self._pane
        pane.set_theme(shown.name)
        self._list.set_theme(shown)
        pane.set_justified(p.justified)
        pane.set_line_spacing(p.line_spacing)
        pane.set_font(p.font_family, p.font_size)
        pane.set_margin(p.margin)
        pane.set_show_diacritics(p.show_diacritics)
        for role in HIGHLIGHT_ROLES:
            on = getattr(p, shown_field(role))
            # Only a change: each one rebuilds the article's highlight layer.
            if pane.view.is_role_visible(role) != on:
                pane.set_kind_visible(role, on)
            self._commands.set_checked_quietly(f"show_{role}", on)
        for name, on in ((f"theme_{p.theme}", True), ("justified", p.justified),
                         ("diacritics", p.show_diacritics), (f"language_{p.language}", True)):
            self._commands.set_checked_quietly(name, on)

    def preferences_dialog(self) -> None:
        from reader.gui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self._settings.preferences(), self._parent)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            self._settings.update(**dataclasses.asdict(dialog.preferences()))

    def _on_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._settings.preferences().theme == "system":
            self.apply(self._settings.preferences())
