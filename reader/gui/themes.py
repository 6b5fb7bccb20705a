"""Reading themes: the page colours and the highlight palette of each.

Highlights are backgrounds only (never bold): background, colour and
underline keep Arabic letters joined, bold changes the glyphs (DESIGN, Known
traps). Each theme picks highlight colours that keep the text readable on its
own page colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QToolTip, QWidget

THEME_NAMES: tuple[str, ...] = ("light", "dark", "sepia")


USER_COLOURS: tuple[tuple[str, str], ...] = (
    ("Yellow", "#ffd54f"),
    ("Orange", "#ffb74d"),
    ("Pink", "#f48fb1"),
    ("Red", "#e57373"),
)
"""The colour choices offered for a user highlight: (name, ``#rrggbb``). All
warm and strong, so none looks like the pale, cool colours of the automatic
highlights (blue quotations, lavender terms, green figures); the exporters
name them the same (``reader.exporters.common.COLOUR_NAMES``)."""

DEFAULT_USER_COLOUR = USER_COLOURS[0][1]


@dataclass(frozen=True, slots=True)
class Theme:
    """The colours of one theme, as ``#rrggbb`` (or ``#aarrggbb``) strings."""

    name: str
    page: str
    text: str
    muted: str
    selection: str
    selected_text: str
    quotation: str
    term: str
    figure: str
    user_alpha: int
    """Opacity (0..255) given to a user highlight's stored colour on this page."""
    find_hit: str
    find_current: str
    flash: str
    window: str
    """The window's own surfaces: menus, toolbar, panels, dialogs."""
    window_text: str
    base: str
    """Lists and text fields."""
    alternate_base: str
    button: str
    placeholder: str
    link: str
    tooltip: str
    shade: str
    """Frames and separators (QPalette's Mid; Dark and Shadow are darker)."""
    field_frame: str
    """The frame of a text field (the find field, the list's filter, the
    dialogs' fields) when it has no focus: it must stand out from ``base``."""
    check_frame: str = ""
    """The frame of a check box's box; "" keeps Fusion's, the window colour
    darkened, which vanishes on a dark window."""

    def colour(self, role: str) -> QColor:
        """The background colour of highlight role ``role`` (one of
        ``reader.store.article.HIGHLIGHT_ROLES`` except ``user``, or
        ``find_hit``/``find_current``/``flash``)."""
        return QColor(getattr(self, role))

    def user_colour(self, stored: str) -> QColor:
        """A user highlight's stored colour, toned for this page."""
        colour = QColor(stored) if QColor.isValidColorName(stored) else QColor(DEFAULT_USER_COLOUR)
        colour.setAlpha(self.user_alpha)
        return colour

    def user_swatch(self, stored: str) -> QColor:
        """The colour a user highlight shows on the page: ``user_colour``
        painted over the page colour, opaque, for swatches and icons that sit
        on other backgrounds (a pale toned colour on a white legend read as
        another colour than the dark olive in the dark page)."""
        top, page = self.user_colour(stored), QColor(self.page)
        alpha = top.alphaF()
        return QColor.fromRgbF(*(t * alpha + p * (1 - alpha) for t, p in (
            (top.redF(), page.redF()), (top.greenF(), page.greenF()),
            (top.blueF(), page.blueF()))))

    def window_palette(self) -> QPalette:
        """The whole application's palette in this theme: every window, list,
        menu, dialog and tooltip, not the reading page alone."""
        role, group = QPalette.ColorRole, QPalette.ColorGroup
        colours = {
            role.Window: self.window, role.WindowText: self.window_text,
            role.Base: self.base, role.AlternateBase: self.alternate_base,
            role.Text: self.window_text, role.Button: self.button,
            role.ButtonText: self.window_text, role.BrightText: "#ffffff",
            role.Highlight: self.selection, role.HighlightedText: self.selected_text,
            role.ToolTipBase: self.tooltip, role.ToolTipText: self.window_text,
            role.PlaceholderText: self.placeholder, role.Link: self.link,
            role.LinkVisited: self.link, role.Mid: self.shade,
            role.Midlight: self.button, role.Light: self.alternate_base,
            role.Dark: QColor(self.shade).darker(130).name(),
            role.Shadow: QColor(self.shade).darker(200).name(),
        }
        pal = QPalette()
        for name, colour in colours.items():
            pal.setColor(name, QColor(colour))
        for name in (role.WindowText, role.Text, role.ButtonText):
            pal.setColor(group.Disabled, name, QColor(self.placeholder))
        return pal

    def field_palette(self) -> QPalette:
        """``window_palette`` for text fields (QLineEdit), framed in
        ``field_frame``: Fusion frames a line edit in the Window colour made
        darker (140) (``QFusionStylePrivate::outline`` in qtbase's
        qfusionstyle.cpp). In the dark theme that was #1f2022 around a field
        of #1e1f22: no edge at all."""
        return self._framed(self.field_frame, 140)

    def check_box_palette(self) -> QPalette:
        """``window_palette`` for tick boxes (QCheckBox, the Tags dialog's
        list and each SwitchMenu, whose items tick), framed in ``check_frame``: Fusion
        frames the box in the Window colour made darker (140) then lighter
        (110); "" keeps Fusion's, which vanished on a dark window."""
        return self._framed(self.check_frame, 127)

    def _framed(self, frame: str, undone: int) -> QPalette:
        """``window_palette`` with the Window colour that Fusion, darkening it
        by ``undone`` percent, draws as ``frame``.

        WORKAROUND: Fusion has no palette role of its own for these frames.
        The widgets given this palette use their Window colour for nothing
        else (a field's inside is Base, a check box paints no background,
        the window behind them paints itself); a style drawing the frames
        itself would cost every widget's painting a call into Python."""
        pal = self.window_palette()
        if frame:
            pal.setColor(QPalette.ColorRole.Window, QColor(frame).lighter(undone))
        return pal

    def palette(self, base: QPalette) -> QPalette:
        """``base`` with this theme's page, text and selection colours."""
        pal = QPalette(base)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            pal.setColor(group, QPalette.ColorRole.Base, QColor(self.page))
            pal.setColor(group, QPalette.ColorRole.Text, QColor(self.text))
            pal.setColor(group, QPalette.ColorRole.Highlight, QColor(self.selection))
            pal.setColor(group, QPalette.ColorRole.HighlightedText, QColor(self.selected_text))
        return pal


THEMES: dict[str, Theme] = {
    "light": Theme(
        name="light", page="#ffffff", text="#1a1a1a", muted="#5f6368",
        selection="#3d7be0", selected_text="#ffffff",
        quotation="#cfe3ff", term="#e4d7fb", figure="#c8f0cf", user_alpha=255,
        find_hit="#ffe08a", find_current="#ff9f43", flash="#ff7043",
        window="#efefef", window_text="#1a1a1a", base="#ffffff", alternate_base="#f6f6f6",
        button="#e9e9e9", placeholder="#757575", link="#1a5fb4", tooltip="#ffffe1",
        shade="#b9b9b9", field_frame="#ababab",
    ),
    "dark": Theme(
        name="dark", page="#1e1f22", text="#e6e6e6", muted="#a0a4ab",
        selection="#4f7ccf", selected_text="#ffffff",
        quotation="#1f3f66", term="#45315f", figure="#1f5130", user_alpha=110,
        find_hit="#6b5a12", find_current="#b8570f", flash="#c2410c",
        window="#2b2d30", window_text="#e6e6e6", base="#1e1f22", alternate_base="#26282b",
        button="#35373b", placeholder="#8f949c", link="#8ab4f8", tooltip="#3a3d41",
        shade="#4c4f55", field_frame="#6b6f77", check_frame="#8f949c",
    ),
    "sepia": Theme(
        name="sepia", page="#f4ecd8", text="#3b2f22", muted="#7a6a55",
        selection="#a0784a", selected_text="#ffffff",
        quotation="#d9e4f0", term="#e6d6ee", figure="#d5e8c8", user_alpha=210,
        find_hit="#f3d36b", find_current="#e8944a", flash="#e0703a",
        window="#eadfc7", window_text="#3b2f22", base="#f4ecd8", alternate_base="#eee3cb",
        button="#e3d5b8", placeholder="#857459", link="#7a4a1a", tooltip="#fbf6ea",
        shade="#bba888", field_frame="#a79f8e",
    ),
}


def theme(name: str) -> Theme:
    """The theme called ``name``; raises ValueError for an unknown name."""
    try:
        return THEMES[name]
    except KeyError:
        choices = ", ".join(THEME_NAMES)
        raise ValueError(f"unknown theme {name!r}; choose one of {choices}") from None


def system_color_scheme() -> Qt.ColorScheme:
    """The desktop's light or dark preference (``Unknown`` where it says none)."""
    return QGuiApplication.styleHints().colorScheme()


def resolve(name: str) -> str:
    """The theme to show for a preference: ``system`` is ``dark`` when the
    desktop prefers dark colours, ``light`` otherwise; other names as given."""
    if name != "system":
        return name
    return "dark" if system_color_scheme() == Qt.ColorScheme.Dark else "light"


def apply_window_theme(t: Theme) -> None:
    """Give the whole application ``t``'s palette (every top-level window,
    dialogs and menus included). In the Fusion style, which paints with the
    palette on every platform (a native style may keep its own colours)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    palette = t.window_palette()
    app.setPalette(palette)
    # A platform theme gives some classes palettes of their own (menus first
    # of all), which the application palette does not replace.
    for name in _THEMED_CLASSES:
        app.setPalette(palette, name)
    app.setPalette(t.field_palette(), "QLineEdit")
    app.setPalette(t.check_box_palette(), "QCheckBox")
    app.setPalette(t.check_box_palette(), "QListWidget")  # the Tags dialog's ticks
    app.setPalette(t.check_box_palette(), SwitchMenu.__name__)
    QToolTip.setPalette(palette)  # tooltips keep a palette of their own


_THEMED_CLASSES = ("QMenu", "QMenuBar", "QToolButton", "QAbstractButton", "QCheckBox",
                   "QRadioButton", "QHeaderView", "QComboBox", "QAbstractItemView", "QTabBar",
                   "QLabel", "QGroupBox", "QTextEdit", "QMessageBoxLabel")
"""Classes a platform theme may give a palette of their own (QPlatformTheme::Palette)."""


class SwitchMenu(QMenu):
    """A menu whose items tick (View > Justify): it takes ``check_box_palette``,
    by its class name, so that an unticked box shows in every theme.

    Not every QMenu: a combo box paints its drop-down list's rows in the
    Window colour of the QMenu class palette (QComboMenuDelegate in qtbase's
    qcombobox_p.h), and the tick boxes' frame colour there made the dark
    theme's lists light grey under near-white text."""


def apply_theme(widget: QWidget, t: Theme) -> None:
    """Give ``widget`` (and its children) the page and text colours of ``t``."""
    widget.setPalette(t.palette(widget.palette()))
