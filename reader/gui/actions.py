"""The main window's actions, menus and toolbar.

Every command of the window is a ``QAction`` named in ``MainWindow.named_actions``
(``import_files``, ``find``, ``theme_dark``, ``show_figure``, ``language_ar``, …),
carrying its keyboard shortcuts; the menus and the toolbar are laid out from
those names, and ``retranslate_actions`` gives each its text in the current
language. The slots the actions call are the window's own.

Texts use the literal context ``MainWindow`` so pyside6-lupdate files them
where ``MainWindow.tr`` looks them up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QSizePolicy, QToolBar, QWidget

from reader.gui import i18n

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow

HIGHLIGHT_KINDS = ("quotation", "term", "figure", "user")

THEME_NAMES = ("light", "dark", "sepia")


def _add_action(window: MainWindow, name: str, slot: Callable[..., object], *,
                keys: Sequence[QKeySequence | QKeySequence.StandardKey | str] = (),
                checkable: bool = False) -> QAction:
    action = QAction(window)
    action.setObjectName(name)
    if keys:
        action.setShortcuts([k if isinstance(k, QKeySequence) else QKeySequence(k)
                             for k in keys])
    action.setCheckable(checkable)
    (action.toggled if checkable else action.triggered).connect(slot)
    window.addAction(action)
    window.named_actions[name] = action
    return action


def build_actions(window: MainWindow) -> None:
    """Create every action of ``window`` with its slot and shortcuts, into
    ``window.named_actions``; the window's pane must exist already."""
    std = QKeySequence.StandardKey
    a = partial(_add_action, window)
    a("import_files", window.import_files_dialog, keys=[std.Open])
    a("import_folder", window.import_folder_dialog)
    a("import_url", window.import_url_dialog, keys=["Ctrl+L"])
    a("export", window.export_dialog, keys=["Ctrl+E"])
    a("quit", window.close, keys=[std.Quit])
    a("find", lambda: window.pane.show_find_bar(), keys=[std.Find])
    a("search_library", window.focus_search, keys=["Ctrl+Shift+F"])
    a("copy", window.copy, keys=[std.Copy])
    a("preferences", window.preferences_dialog, keys=[std.Preferences])
    a("zoom_in", window.pane.zoom_in, keys=[std.ZoomIn, "Ctrl+="])
    a("zoom_out", window.pane.zoom_out, keys=[std.ZoomOut])
    a("zoom_reset", window.pane.zoom_reset, keys=["Ctrl+0"])
    themes = QActionGroup(window)
    for name in THEME_NAMES:
        action = a(f"theme_{name}", partial(window._on_theme_action, name), checkable=True)
        themes.addAction(action)
    a("justified", window._on_justified, checkable=True)
    a("diacritics", window._on_diacritics, checkable=True)
    for kind in HIGHLIGHT_KINDS:
        action = a(f"show_{kind}", partial(window._on_kind_action, kind), checkable=True)
        action.setChecked(True)
    languages = QActionGroup(window)
    for code, name in i18n.LANGUAGES.items():
        action = a(f"language_{code}", partial(window._on_language_action, code),
                   checkable=True)
        action.setText(name)
        languages.addAction(action)
    a("read", window._on_read_action, keys=["Ctrl+R"], checkable=True)
    a("star", window._on_star_action, keys=["Ctrl+D"], checkable=True)
    a("highlight", lambda: window.pane.add_user_highlight_from_selection(), keys=["Ctrl+H"])
    a("delete", window.delete_current, keys=[std.Delete])
    a("clear_search", window.clear_search)


def build_menus(window: MainWindow) -> None:
    """The menu bar of ``window`` from its named actions, into ``window.menus``
    (submenus too: ``theme``, ``highlights``, ``language``)."""
    bar = window.menuBar()
    layout = {
        "file": ["import_files", "import_folder", "import_url", None, "export", None,
                 "quit"],
        "edit": ["find", "search_library", "copy", None, "preferences"],
        "view": ["zoom_in", "zoom_out", "zoom_reset", None, "@theme", "justified",
                 "diacritics", "@highlights", None, "@language"],
        "article": ["read", "star", "highlight", None, "delete"],
    }
    subs = {
        "theme": [f"theme_{t}" for t in THEME_NAMES],
        "highlights": [f"show_{k}" for k in HIGHLIGHT_KINDS],
        "language": [f"language_{c}" for c in i18n.LANGUAGES],
    }
    for name, entries in layout.items():
        menu = bar.addMenu("")
        window.menus[name] = menu
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            elif entry.startswith("@"):
                sub = menu.addMenu("")
                window.menus[entry[1:]] = sub
                for action_name in subs[entry[1:]]:
                    sub.addAction(window.named_actions[action_name])
            else:
                menu.addAction(window.named_actions[entry])


def build_toolbar(window: MainWindow) -> QToolBar:
    """The toolbar of ``window``: a few actions, then the library search box
    (``window.search_edit``) and its word-family switch at the far end; added
    to the window."""
    toolbar = QToolBar(window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for name in ("import_files", "export", None, "star", "find"):
        if name is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(window.named_actions[name])
    spacer = QWidget(toolbar)
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    toolbar.addWidget(window.search_edit)
    toolbar.addWidget(window.word_families)
    window.addToolBar(toolbar)
    return toolbar


def take_over_shortcuts(window: MainWindow) -> None:
    """The window's actions own the keys the pane also binds (Ctrl+F, Ctrl+H,
    zoom): two enabled shortcuts on one key are ambiguous and neither fires,
    so the pane's copies are switched off; the actions call the same slots."""
    mine = {seq.toString() for action in window.named_actions.values()
            for seq in action.shortcuts()}
    for shortcut in getattr(window.pane, "shortcuts", []):
        if shortcut.key().toString() in mine:
            shortcut.setEnabled(False)


def retranslate_actions(window: MainWindow) -> None:
    """The text of every action and menu of ``window``, and the toolbar's
    title, in the current language."""
    translate = QCoreApplication.translate  # literal contexts: lupdate reads these
    texts = {
        "import_files": translate("MainWindow", "Import &files…"),
        "import_folder": translate("MainWindow", "Import f&older…"),
        "import_url": translate("MainWindow", "Import &web address…"),
        "export": translate("MainWindow", "&Export highlights…"),
        "quit": translate("MainWindow", "&Quit"),
        "find": translate("MainWindow", "&Find in article"),
        "search_library": translate("MainWindow", "&Search library"),
        "copy": translate("MainWindow", "&Copy"),
        "preferences": translate("MainWindow", "&Preferences…"),
        "zoom_in": translate("MainWindow", "Zoom &in"),
        "zoom_out": translate("MainWindow", "Zoom &out"),
        "zoom_reset": translate("MainWindow", "&Normal size"),
        "theme_light": translate("MainWindow", "Light"),
        "theme_dark": translate("MainWindow", "Dark"),
        "theme_sepia": translate("MainWindow", "Sepia"),
        "justified": translate("MainWindow", "&Justify paragraphs"),
        "diacritics": translate("MainWindow", "Show &diacritics"),
        "show_quotation": translate("MainWindow", "Quotations"),
        "show_term": translate("MainWindow", "Terms in quotation marks"),
        "show_figure": translate("MainWindow", "Figures"),
        "show_user": translate("MainWindow", "My highlights"),
        "read": translate("MainWindow", "Mark as &read"),
        "star": translate("MainWindow", "S&tar"),
        "highlight": translate("MainWindow", "&Highlight selection"),
        "delete": translate("MainWindow", "&Delete article"),
        "clear_search": translate("MainWindow", "Clear search"),
    }
    for name, text in texts.items():
        window.named_actions[name].setText(text)
    menus = {
        "file": translate("MainWindow", "&File"),
        "edit": translate("MainWindow", "&Edit"),
        "view": translate("MainWindow", "&View"),
        "article": translate("MainWindow", "&Article"),
        "theme": translate("MainWindow", "&Theme"),
        "highlights": translate("MainWindow", "&Highlights"),
        "language": translate("MainWindow", "&Language"),
    }
    for name, text in menus.items():
        window.menus[name].setTitle(text)
    window.toolbar.setWindowTitle(translate("MainWindow", "Toolbar"))
