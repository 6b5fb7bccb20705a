"""The window's commands: named actions, the menus and the toolbar.

``WindowActions`` makes every command of the window a ``QAction`` named in
``ACTIONS`` (``import_files``, ``find``, ``theme_dark``, ``show_figure``,
``language_ar``, …) with its keyboard shortcuts, lays the menus and the
toolbar out from those names, and gives each its text in the current
language. It calls nothing itself: the window connects each action to the
part that does the work (``connect``), so the parts never reach into each
other.

A menu shows an action's shortcut after a tab, in the text itself,
isolated left to right (U+2066 … U+2069): left to Qt, an Arabic menu lays
``Ctrl++`` out right to left as ``++Ctrl``.

Back and Forward follow the interface's direction: in a right-to-left one
Back points right, as its arrow does there, so Alt+Right goes back (as
browsers bind it in Arabic and Hebrew).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QMenu, QSizePolicy, QToolBar, QWidget

from reader.gui import i18n
from reader.gui.themes import SwitchMenu
from reader.text.bidi import LRI, PDI

HIGHLIGHT_KINDS = ("quotation", "term", "figure", "user")
THEME_ACTIONS = ("system", "light", "dark", "sepia")

_STD = QKeySequence.StandardKey
Keys = Sequence[QKeySequence.StandardKey | str]


class ActionSpec(NamedTuple):
    """One command: its name, shortcuts, and whether it is a switch."""

    name: str
    keys: Keys = ()
    checkable: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("import_files", [_STD.Open]),
    ActionSpec("import_folder"),
    ActionSpec("import_url", ["Ctrl+L"]),
    ActionSpec("export", ["Ctrl+E"]),
    ActionSpec("import_opml"),
    ActionSpec("export_opml"),
    ActionSpec("quit", [_STD.Quit, "Ctrl+Q"]),  # the Windows key scheme has no Quit key
    ActionSpec("undo", [_STD.Undo]),
    ActionSpec("redo", [_STD.Redo, "Ctrl+Y"]),
    ActionSpec("find", [_STD.Find]),
    ActionSpec("search_library", ["Ctrl+Shift+F"]),
    ActionSpec("copy", [_STD.Copy]),
    ActionSpec("preferences", [_STD.Preferences, "Ctrl+,"]),
    ActionSpec("zoom_in", [_STD.ZoomIn, "Ctrl+="]),
    ActionSpec("zoom_out", [_STD.ZoomOut]),
    ActionSpec("zoom_reset", ["Ctrl+0"]),
    *(ActionSpec(f"theme_{name}", checkable=True) for name in THEME_ACTIONS),
    ActionSpec("justified", checkable=True),
    ActionSpec("diacritics", checkable=True),
    *(ActionSpec(f"show_{kind}", checkable=True) for kind in HIGHLIGHT_KINDS),
    ActionSpec("show_sources", checkable=True),
    ActionSpec("focus_mode", ["F9"], checkable=True),
    ActionSpec("full_screen", ["F11"], checkable=True),
    *(ActionSpec(f"language_{code}", checkable=True) for code in i18n.LANGUAGES),
    ActionSpec("back"),  # its keys and Forward's follow the direction: _bind_navigation_keys
    ActionSpec("forward"),
    ActionSpec("next_unread", ["N"]),
    ActionSpec("read", ["Ctrl+R"], checkable=True),
    ActionSpec("star", ["Ctrl+D"], checkable=True),
    ActionSpec("highlight", ["Ctrl+H"]),
    ActionSpec("details", ["Ctrl+I"]),
    ActionSpec("tags", ["Ctrl+T"]),
    ActionSpec("rename_tag"),
    ActionSpec("delete", [_STD.Delete]),
    ActionSpec("add_feed"),
    ActionSpec("refresh_feeds", ["F5"]),
    ActionSpec("mark_all_read", ["Ctrl+Shift+R"]),
    ActionSpec("feed_properties"),
    ActionSpec("remove_feed"),
    ActionSpec("guide", [_STD.HelpContents]),
    ActionSpec("shortcuts"),
    ActionSpec("about"),
)

EXCLUSIVE = (tuple(f"theme_{t}" for t in THEME_ACTIONS),
             tuple(f"language_{c}" for c in i18n.LANGUAGES))
"""Groups of switches of which exactly one is on."""

MENUS: dict[str, list[str | None]] = {
    "file": ["import_files", "import_folder", "import_url", None, "export", None,
             "import_opml", "export_opml", None, "quit"],
    "edit": ["undo", "redo", None, "find", "search_library", "copy", None, "preferences"],
    "view": ["zoom_in", "zoom_out", "zoom_reset", None, "@theme", "justified", "diacritics",
             "@highlights", None, "show_sources", "focus_mode", "full_screen", None,
             "@language"],
    "go": ["back", "forward", None, "next_unread", None, "@recent"],
    "sources": ["add_feed", None, "refresh_feeds", "mark_all_read", None, "feed_properties",
                "remove_feed"],
    "article": ["read", "star", "highlight", None, "details", "tags", "rename_tag", None,
                "delete"],
    "help": ["guide", "shortcuts", None, "about"],
}
"""The menu bar, in order; None is a separator, ``@name`` a submenu of ``SUBMENUS``."""

SUBMENUS: dict[str, list[str]] = {
    "theme": [f"theme_{t}" for t in THEME_ACTIONS],
    "highlights": [f"show_{k}" for k in HIGHLIGHT_KINDS],
    "language": [f"language_{c}" for c in i18n.LANGUAGES],
    "recent": [],  # filled by the window's navigation
}

TOOLBAR: tuple[str | None, ...] = ("back", "forward", None, "star", "find", None,
                                   "import_files", "export")
"""The toolbar's buttons, in order; a narrow window moves them into the
toolbar's menu (») from the end, so the rarest (import, export) go first."""


_FIT_EVENTS = (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LanguageChange,
               QEvent.Type.FontChange, QEvent.Type.LayoutRequest)
"""The window's events after which the toolbars share the line anew."""


class WindowActions(QObject):
    """The actions, menus and toolbar of ``window``; ``trailing`` widgets (the
    library search box) end the line in a toolbar of their own, which keeps
    their least width: the buttons' toolbar gives way first, its buttons
    going into its menu (»). ``self[name]`` is an action."""

    def __init__(self, window: QMainWindow, trailing: Sequence[QWidget] = ()) -> None:
        super().__init__(window)
        self._window = window
        self.named: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self._quiet = False
        # A key an action names itself is that action's alone: a standard key's
        # platform bindings never take it (on X11 Delete is also Ctrl+D, Star's key:
        # two actions on one key are ambiguous and neither fires).
        named_keys = {QKeySequence(key).toString() for spec in ACTIONS for key in spec.keys
                      if isinstance(key, str)}
        for spec in ACTIONS:
            self._add(spec, named_keys)
        for names in EXCLUSIVE:
            group = QActionGroup(self)
            for name in names:
                group.addAction(self.named[name])
        for code, name in i18n.LANGUAGES.items():
            self.named[f"language_{code}"].setText(name)  # each in its own language
        for kind in HIGHLIGHT_KINDS:
            self.named[f"show_{kind}"].setChecked(True)
        self._build_menus()
        self.toolbar = self._build_toolbar()
        self.search_toolbar = self._build_search_toolbar(trailing)
        self._bind_navigation_keys()
        self.retranslate()
        window.installEventFilter(self)

    def __getitem__(self, name: str) -> QAction:
        return self.named[name]

    def connect(self, name: str, slot: Callable[..., object]) -> None:
        """Call ``slot`` when action ``name`` fires: ``toggled(bool)`` for a
        switch, ``triggered()`` (no argument) otherwise."""
        action = self.named[name]
        if action.isCheckable():
            action.toggled.connect(lambda on: self._quiet or slot(on))
        else:
            action.triggered.connect(lambda _checked=False: slot())

    def set_checked_quietly(self, name: str, checked: bool) -> None:
        """Show a state without running the action's slot (nor the slot of a
        switch of its group that this turns off)."""
        # Not blockSignals: the action's group hears of a switch turned on by
        # its signals, and without them it left the one before checked too
        # (English and Arabic both ticked after Preferences changed the language).
        self._quiet = True
        try:
            self.named[name].setChecked(checked)
        finally:
            self._quiet = False

    def set_enabled(self, names: Iterable[str], enabled: bool) -> None:
        for name in names:
            self.named[name].setEnabled(enabled)

    def show_undo(self, undo: str, redo: str) -> None:
        """Say what Undo and Redo would do (the reader's words for an edit;
        "" when there is nothing), and enable them accordingly."""
        translate = QCoreApplication.translate
        for name, what in (("undo", undo), ("redo", redo)):
            if name == "undo":
                text = translate("WindowActions", "&Undo {what}").format(what=what) if what \
                    else translate("WindowActions", "&Undo")
            else:
                text = translate("WindowActions", "&Redo {what}").format(what=what) if what \
                    else translate("WindowActions", "&Redo")
            set_action_text(self.named[name], text)
            self.named[name].setEnabled(bool(what))

    def take_over_shortcuts(self, shortcuts: Iterable[QShortcut]) -> None:
        """The actions own the keys a part also binds (the pane's Ctrl+F, Ctrl+H,
        zoom): two enabled shortcuts on one key are ambiguous and neither fires,
        so the part's copies are switched off; the actions call the same slots."""
        mine = {seq.toString() for action in self.named.values() for seq in action.shortcuts()}
        for shortcut in shortcuts:
            if shortcut.key().toString() in mine:
                shortcut.setEnabled(False)

    def _add(self, spec: ActionSpec, named_keys: set[str]) -> QAction:
        action = QAction(self._window)
        action.setObjectName(spec.name)
        if spec.keys:
            own = {QKeySequence(key).toString() for key in spec.keys if isinstance(key, str)}
            action.setShortcuts(key_sequences(spec.keys, reserved=named_keys - own))
        action.setCheckable(spec.checkable)
        # On the window, so the shortcuts work with the menu bar hidden (focus mode).
        self._window.addAction(action)
        self.named[spec.name] = action
        return action

    def _bind_navigation_keys(self) -> None:
        """Back and Forward on the arrows of the window's direction."""
        back, forward = key_sequences([_STD.Back]), key_sequences([_STD.Forward])
        if self._window.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            back, forward = [mirrored(seq) for seq in back], [mirrored(seq) for seq in forward]
        self.named["back"].setShortcuts(back)
        self.named["forward"].setShortcuts(forward)

    def _build_menus(self) -> None:
        bar = self._window.menuBar()
        for name, entries in MENUS.items():
            # Any of them may hold switches (View's, Article > Read).
            menu = SwitchMenu(bar)
            bar.addMenu(menu)
            self.menus[name] = menu
            for entry in entries:
                if entry is None:
                    menu.addSeparator()
                elif entry.startswith("@"):
                    sub = SwitchMenu(menu)
                    menu.addMenu(sub)
                    self.menus[entry[1:]] = sub
                    for action_name in SUBMENUS[entry[1:]]:
                        sub.addAction(self.named[action_name])
                else:
                    menu.addAction(self.named[entry])

    def _build_toolbar(self) -> QToolBar:
        toolbar = QToolBar(self._window)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in TOOLBAR:
            if name is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(self.named[name])
        self._window.addToolBar(toolbar)
        return toolbar

    def _build_search_toolbar(self, trailing: Sequence[QWidget]) -> QToolBar:
        """``trailing`` in one widget at the end of the line: a toolbar moves
        its last items into its menu first, and the search box is the one
        item that must stay."""
        toolbar = QToolBar(self._window)
        toolbar.setObjectName("searchToolbar")
        toolbar.setMovable(False)
        box = QWidget(toolbar)
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        spacer = QWidget(box)  # shares the room with the search box, as it did in one toolbar
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addWidget(spacer)
        for widget in trailing:
            row.addWidget(widget)
        toolbar.addWidget(box)
        self._window.addToolBar(toolbar)
        return toolbar

    def _fit_toolbars(self) -> None:
        """The buttons' toolbar takes no more than the search's least width
        leaves: QMainWindow gives the first toolbar of a line all it asks for
        and the last what remains."""
        room = self._window.width() - self.search_toolbar.minimumSizeHint().width()
        self.toolbar.setMaximumWidth(max(room, self.toolbar.minimumSizeHint().width()))

    # -- texts -----------------------------------------------------------------------

    def retranslate(self) -> None:
        """The text, tooltip and toolbar text of every action and the title of
        every menu, in the current language."""
        for name, label in action_texts().items():
            set_action_text(self.named[name], label)
        for name, title in menu_titles().items():
            self.menus[name].setTitle(title)
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.search_toolbar.setWindowTitle(self.tr("Library search"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() in _FIT_EVENTS:
            self._fit_toolbars()
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif watched is self._window and event.type() == QEvent.Type.LayoutDirectionChange:
            self._bind_navigation_keys()
            self.retranslate()  # the menus show the keys
        return super().eventFilter(watched, event)


def key_sequences(keys: Keys, *, reserved: Iterable[str] = ()) -> list[QKeySequence]:
    """Every sequence ``keys`` names, without repeats: a standard key gives all
    of the platform's bindings (``QKeySequence(StandardKey)`` keeps only the
    first: Redo would be Ctrl+Y alone on some platforms, never Ctrl+Shift+Z)
    but those in ``reserved`` (portable text, such as "Ctrl+D": keys that
    other actions name themselves)."""
    taken = set(reserved)
    out: list[QKeySequence] = []
    for key in keys:
        if isinstance(key, QKeySequence.StandardKey):
            found = [seq for seq in QKeySequence.keyBindings(key) if seq.toString() not in taken]
        else:
            found = [QKeySequence(key)]
        out.extend(seq for seq in found if not seq.isEmpty() and seq not in out)
    return out


_ARROW_MIRROR = {Qt.Key.Key_Left: Qt.Key.Key_Right, Qt.Key.Key_Right: Qt.Key.Key_Left}


def mirrored(seq: QKeySequence) -> QKeySequence:
    """``seq`` with Left and Right swapped (Alt+Left gives Alt+Right); any
    other key as it is (the keyboard's own Back key stays Back)."""
    combos = [QKeyCombination(c.keyboardModifiers(), _ARROW_MIRROR.get(c.key(), c.key()))
              for c in (seq[i] for i in range(seq.count()))]
    return QKeySequence(*combos)


def shortcut_text(action: QAction) -> str:
    """The action's first shortcut as the keys are labelled, isolated left to
    right so an Arabic menu shows ``Ctrl++``, not ``++Ctrl``; "" without one.
    The portable form: Qt's native one translates key names in an Arabic
    interface (``Alt+اليسار``), mixing scripts inside a shortcut that the
    keyboard labels in Latin."""
    keys = action.shortcut()
    if keys.isEmpty():
        return ""
    return LRI + keys.toString(QKeySequence.SequenceFormat.PortableText) + PDI


def plain_label(label: str) -> str:
    """``label`` without its ``&`` mnemonic (``&&`` is an ampersand)."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&")


def set_action_text(action: QAction, label: str) -> None:
    """``label`` (with its ``&`` mnemonic) as the menu text with the shortcut
    after a tab, the toolbar text without either, and the tooltip with the
    shortcut in brackets."""
    keys = shortcut_text(action)
    plain = plain_label(label)
    action.setText(f"{label}\t{keys}" if keys else label)
    action.setIconText(plain)
    action.setToolTip(f"{plain} ({keys})" if keys else plain)


def action_texts() -> dict[str, str]:
    """Every translated action text but the language names (each in its own language)."""
    translate = QCoreApplication.translate  # literal contexts: lupdate reads these
    return {
        "import_files": translate("WindowActions", "Import &files…"),
        "import_folder": translate("WindowActions", "Import f&older…"),
        "import_url": translate("WindowActions", "Import &web address…"),
        "export": translate("WindowActions", "&Export highlights…"),
        "quit": translate("WindowActions", "&Quit"),
        "undo": translate("WindowActions", "&Undo"),
        "redo": translate("WindowActions", "&Redo"),
        "find": translate("WindowActions", "&Find in article"),
        "search_library": translate("WindowActions", "&Search library"),
        "copy": translate("WindowActions", "&Copy"),
        "preferences": translate("WindowActions", "&Preferences…"),
        "zoom_in": translate("WindowActions", "Zoom &in"),
        "zoom_out": translate("WindowActions", "Zoom &out"),
        "zoom_reset": translate("WindowActions", "&Normal size"),
        "theme_system": translate("WindowActions", "As the system"),
        "theme_light": translate("WindowActions", "Light"),
        "theme_dark": translate("WindowActions", "Dark"),
        "theme_sepia": translate("WindowActions", "Sepia"),
        "justified": translate("WindowActions", "&Justify paragraphs"),
        "diacritics": translate("WindowActions", "Show &diacritics"),
        "show_quotation": translate("WindowActions", "Quotations"),
        "show_term": translate("WindowActions", "Terms in quotation marks"),
        "show_figure": translate("WindowActions", "Figures"),
        "show_user": translate("WindowActions", "My highlights"),
        "show_sources": translate("WindowActions", "Sources &pane"),
        "focus_mode": translate("WindowActions", "F&ocus mode"),
        "full_screen": translate("WindowActions", "F&ull screen"),
        "back": translate("WindowActions", "&Back"),
        "forward": translate("WindowActions", "&Forward"),
        "next_unread": translate("WindowActions", "Next &unread article"),
        "read": translate("WindowActions", "Mark as &read"),
        "star": translate("WindowActions", "S&tar"),
        "highlight": translate("WindowActions", "&Highlight selection"),
        "details": translate("WindowActions", "Edit &details…"),
        "tags": translate("WindowActions", "T&ags…"),
        "rename_tag": translate("WindowActions", "Re&name tag…"),
        "delete": translate("WindowActions", "&Delete article"),
        "import_opml": translate("WindowActions", "&Import OPML…"),
        "export_opml": translate("WindowActions", "Ex&port OPML…"),
        "add_feed": translate("WindowActions", "&Add feed…"),
        "refresh_feeds": translate("WindowActions", "&Refresh all feeds"),
        "mark_all_read": translate("WindowActions", "&Mark all as read"),
        "feed_properties": translate("WindowActions", "Feed &properties…"),
        "remove_feed": translate("WindowActions", "R&emove feed…"),
        "guide": translate("WindowActions", "&Guide"),
        "shortcuts": translate("WindowActions", "&Keyboard shortcuts"),
        "about": translate("WindowActions", "&About rtl-reader"),
    }


def menu_titles() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "file": translate("WindowActions", "&File"),
        "edit": translate("WindowActions", "&Edit"),
        "view": translate("WindowActions", "&View"),
        "go": translate("WindowActions", "&Go"),
        "sources": translate("WindowActions", "&Sources"),
        "article": translate("WindowActions", "&Article"),
        "help": translate("WindowActions", "&Help"),
        "theme": translate("WindowActions", "&Theme"),
        "highlights": translate("WindowActions", "&Highlights"),
        "language": translate("WindowActions", "&Language"),
        "recent": translate("WindowActions", "&Recent articles"),
    }
