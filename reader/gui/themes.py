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
from PySide6.QtWidgets import QWidget

THEME_NAMES: tuple[str, ...] = ("light", "dark", "sepia")

HIGHLIGHT_ROLES: tuple[str, ...] = ("quotation", "term", "figure", "user")
"""The colour roles of highlights, in legend order: a quote's two subtypes
get their own colours, every figure subtype shares one."""

USER_COLOURS: tuple[tuple[str, str], ...] = (
    ("Yellow", "#ffd54f"),
    ("Green", "#81c784"),
    ("Blue", "#64b5f6"),
    ("Pink", "#f48fb1"),
)
"""The colour choices offered for a user highlight: (name, ``#rrggbb``)."""

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

    def colour(self, role: str) -> QColor:
        """The background colour of highlight role ``role`` (one of HIGHLIGHT_ROLES
        except ``user``, or ``find_hit``/``find_current``/``flash``)."""
        return QColor(getattr(self, role))

    def user_colour(self, stored: str) -> QColor:
        """A user highlight's stored colour, toned for this page."""
        colour = QColor(stored) if QColor.isValidColorName(stored) else QColor(DEFAULT_USER_COLOUR)
        colour.setAlpha(self.user_alpha)
        return colour

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
    ),
    "dark": Theme(
        name="dark", page="#1e1f22", text="#e6e6e6", muted="#a0a4ab",
        selection="#4f7ccf", selected_text="#ffffff",
        quotation="#1f3f66", term="#45315f", figure="#1f5130", user_alpha=110,
        find_hit="#6b5a12", find_current="#b8570f", flash="#c2410c",
    ),
    "sepia": Theme(
        name="sepia", page="#f4ecd8", text="#3b2f22", muted="#7a6a55",
        selection="#a0784a", selected_text="#ffffff",
        quotation="#d9e4f0", term="#e6d6ee", figure="#d5e8c8", user_alpha=210,
        find_hit="#f3d36b", find_current="#e8944a", flash="#e0703a",
    ),
}


def theme(name: str) -> Theme:
    """The theme called ``name``; raises ValueError for an unknown name."""
    try:
        return THEMES[name]
    except KeyError:
        choices = ", ".join(THEME_NAMES)
        raise ValueError(f"unknown theme {name!r}; choose one of {choices}") from None


def highlight_role(kind: str, subtype: str) -> str:
    """The colour role of a highlight of ``kind``/``subtype``."""
    if kind == "quote":
        return "term" if subtype == "term" else "quotation"
    if kind == "figure":
        return "figure"
    return "user"


def resolve(name: str) -> str:
    """The theme to show for a preference: ``system`` is ``dark`` when the
    desktop prefers dark colours, ``light`` otherwise; other names as given."""
    if name != "system":
        return name
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def apply_theme(widget: QWidget, t: Theme) -> None:
    """Give ``widget`` (and its children) the page and text colours of ``t``."""
    widget.setPalette(t.palette(widget.palette()))
