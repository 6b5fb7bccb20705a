"""A theme is the whole window (issue 14, item 4): every top-level widget takes
its palette, the "Yours" swatch is the colour the highlight is painted in, and
the desktop's dark preference is followed until the reader picks a theme."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QMenu,
    QStyle,
    QStyleOptionButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reader.gui import i18n, themes
from reader.gui.feed_dialog import FeedDialog
from reader.gui.main_window import MainWindow
from reader.gui.preferences_dialog import PreferencesDialog
from reader.gui.themes import THEMES, SwitchMenu
from reader.store import Article, Library
from tests.gui.conftest import on_screen

BODY = "أعلنت الحكومة اليوم خطة جديدة للمياه في القرى الشمالية."



@pytest.fixture
def library(store_path: Path) -> Iterator[Library]:
    with Library.open(store_path) as lib:
        lib.add_articles([Article(title="خطة المياه", body=BODY, published="2024-05-02")])
        yield lib


@pytest.fixture
def window(qtbot: QtBot, library: Library, settings_file: Path) -> Iterator[MainWindow]:
    w = MainWindow(library, settings=i18n.settings(), poll_ms=0)
    on_screen(qtbot, w, 1000, 650)
    yield w
    w.close()


@pytest.mark.parametrize("name", ["dark", "sepia", "light"])
def test_a_theme_colours_every_top_level_widget(qtbot: QtBot, window: MainWindow,
                                                name: str) -> None:
    dialog = PreferencesDialog(window.preferences(), window)
    qtbot.addWidget(dialog)
    window.set_theme(name)
    t = THEMES[name]
    role = QPalette.ColorRole
    tops = QApplication.topLevelWidgets()
    assert window in tops and dialog in tops and any(isinstance(w, QMenu) for w in tops)

    def expected(w: QWidget) -> QPalette:
        # A switch menu's Window colour only frames its tick boxes (themes.check_box_palette).
        return t.check_box_palette() if isinstance(w, SwitchMenu) else t.window_palette()

    def colours(pal: QPalette) -> tuple[str, str]:
        return pal.color(role.Window).name(), pal.color(role.WindowText).name()

    def wrong() -> list[object]:  # Qt delivers the palette change from the event loop
        return [w for w in QApplication.topLevelWidgets()
                if colours(w.palette()) != colours(expected(w))]

    qtbot.waitUntil(lambda: not wrong())
    lists = window.article_list.view.palette()
    assert lists.color(role.Base).name() == t.base
    assert window.pane.highlights_panel.list.palette().color(role.Base).name() == t.base
    assert window.commands.toolbar.palette().color(role.Window).name() == t.window
    page = window.pane.view.viewport().palette()
    assert page.color(role.Base).name() == t.page  # the reading page keeps its own colour


def painted(over: str, colour: QColor) -> QColor:
    """``colour`` painted over ``over``, as Qt paints a highlight on the page."""
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(QColor(over))
    painter = QPainter(image)
    painter.fillRect(0, 0, 4, 4, colour)
    painter.end()
    return image.pixelColor(1, 1)


@pytest.mark.parametrize("name", ["light", "dark", "sepia"])
def test_the_yours_swatch_is_the_colour_the_highlight_is_painted(
        window: MainWindow, name: str) -> None:
    window.set_theme(name)
    t = THEMES[name]
    expected = painted(t.page, t.user_colour(""))
    box = window.pane.highlights_panel.legend["user"]
    swatch = box.icon().pixmap(14, 14).toImage().pixelColor(7, 7)
    for got, want in zip(swatch.getRgb()[:3], expected.getRgb()[:3], strict=True):
        assert abs(got - want) <= 1, (swatch.name(), expected.name())


def test_the_desktops_dark_preference_is_followed_by_default(
        qtbot: QtBot, library: Library, settings_file: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(themes, "system_color_scheme", lambda: Qt.ColorScheme.Dark)
    window = MainWindow(library, settings=i18n.settings(), poll_ms=0)
    qtbot.addWidget(window)
    assert window.preferences().theme == "system"
    assert window.commands["theme_system"].isChecked()
    assert window.pane.view.theme().name == "dark"
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == THEMES["dark"].window
    # The desktop switches to light: so does the window.
    monkeypatch.setattr(themes, "system_color_scheme", lambda: Qt.ColorScheme.Light)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert window.pane.view.theme().name == "light"
    # A theme the reader picks stays, whatever the desktop does.
    window.set_theme("sepia")
    monkeypatch.setattr(themes, "system_color_scheme", lambda: Qt.ColorScheme.Dark)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.pane.view.theme().name == "sepia"
    window.close()


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 for the same, 21 for black on white)."""
    def luminance(c: QColor) -> float:
        channels = [x / 255 for x in c.getRgb()[:3]]
        r, g, bl = (x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * bl
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def frame_and_inside(qtbot: QtBot, edit: QWidget) -> tuple[QColor, QColor]:
    """The colour of a text field's frame (at its leading edge, halfway down)
    and of the field just inside it, as painted without the focus."""
    qtbot.waitUntil(lambda: not edit.hasFocus())
    image = edit.grab().toImage()
    y = image.height() // 2
    return image.pixelColor(0, y), image.pixelColor(2, y)


@pytest.mark.parametrize("name", ["dark", "light", "sepia"])
def test_the_find_field_has_a_frame_that_stands_out_from_it(
        qtbot: QtBot, window: MainWindow, name: str) -> None:
    """In the dark theme the find field's frame was painted one shade off its
    inside (#1f2022 on #1e1f22): the field had no edge. Every theme frames
    it at least as clearly as the light one always did, and the list's
    filter field the same way."""
    window.set_theme(name)
    window.pane.show_find_bar()
    edit = window.pane.find_bar.edit
    window.article_list.view.setFocus()
    frame, inside = frame_and_inside(qtbot, edit)
    assert inside.name() == THEMES[name].base
    assert contrast(frame, inside) >= 2.0, (frame.name(), inside.name())
    assert frame.name() == THEMES[name].field_frame
    assert frame_and_inside(qtbot, window.article_list.filter_edit)[0] == frame


def test_user_colours_are_not_the_automatic_ones() -> None:
    from reader.gui.themes import USER_COLOURS

    for t in THEMES.values():
        for _name, stored in USER_COLOURS:
            mine = QColor(stored)
            for role in ("quotation", "term", "figure"):
                other = t.colour(role)
                assert abs(mine.hueF() - other.hueF()) > 0.12 or \
                    abs(mine.saturationF() - other.saturationF()) > 0.3, (stored, role)


def frame_contrast(image: QImage, box: QRect, around: str) -> float:
    """The weakest contrast against ``around`` of the pixels on the frame of
    ``box`` (the middle of each side, clear of rounded corners)."""
    mid = box.center()
    points = [QPoint(box.left(), mid.y()), QPoint(box.right(), mid.y()),
              QPoint(mid.x(), box.top()), QPoint(mid.x(), box.bottom())]
    return min(contrast(image.pixelColor(p), QColor(around)) for p in points)


FRAME_CONTRAST = 1.5
"""At least Fusion's own frame on the light theme's window, which reads; the
dark theme's box was 1.05 (a dark box in a dark window, seen by a tester)."""


@pytest.mark.parametrize("name", ["light", "dark", "sepia"])
def test_an_unticked_check_box_shows_its_box_in_every_theme(
        qtbot: QtBot, window: MainWindow, name: str) -> None:
    window.set_theme(name)
    t = THEMES[name]
    dialog = FeedDialog(None, [], window)
    on_screen(qtbot, dialog, 500, 300)
    box = dialog.full_text
    assert not box.isChecked()
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    indicator.translate(box.mapTo(dialog, QPoint(0, 0)))
    image = dialog.grab().toImage()
    assert frame_contrast(image, indicator, t.window) >= FRAME_CONTRAST, (
        name, image.pixelColor(indicator.left(), indicator.center().y()).name())



@pytest.mark.parametrize("name", ["light", "dark", "sepia"])
def test_an_unticked_tag_shows_its_box_in_every_theme(
        qtbot: QtBot, window: MainWindow, name: str) -> None:
    """The Tags dialog's tick boxes are drawn by its list, not by QCheckBox,
    and kept Fusion's frame: in the dark theme a dark box on a dark list."""
    from reader.gui.tags_dialog import TagsDialog

    window.set_theme(name)
    t = THEMES[name]
    dialog = TagsDialog(["سياسة"], ["سياسة", "اقتصاد"], window)
    on_screen(qtbot, dialog, 400, 300)
    view = dialog.list
    unticked = view.findItems("اقتصاد", Qt.MatchFlag.MatchExactly)[0]
    assert unticked.checkState() == Qt.CheckState.Unchecked
    row = view.visualItemRect(unticked)
    side = view.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
    # The box sits at the row's leading edge, before the name.
    box = QRect(row.left(), row.top(), side + 6, row.height())
    image = view.viewport().grab().toImage()
    strongest = max(contrast(image.pixelColor(x, y), QColor(t.base))
                    for x in range(box.left(), box.right()) for y in range(box.top(), box.bottom()))
    assert strongest >= FRAME_CONTRAST, (name, strongest)


@pytest.mark.parametrize("name", ["light", "dark", "sepia"])
def test_an_unticked_menu_switch_shows_its_box_in_every_theme(
        qtbot: QtBot, window: MainWindow, name: str) -> None:
    """View > Justify unticked showed no box at all in the dark theme (a
    dark frame on a dark menu), so it did not read as a switch."""
    window.set_theme(name)
    menu = window.commands.menus["view"]
    switch = window.commands.named["justified"]
    switch.setChecked(False)
    menu.adjustSize()  # laid out, drawn unshown: a popup warns offscreen
    image = menu.grab().toImage()
    row = menu.actionGeometry(switch)
    # The menu's own colour: the far end of the item, past its text.
    far = row.right() - 3 if not menu.isRightToLeft() else row.left() + 3
    background = image.pixelColor(far, row.center().y())
    side = menu.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
    # Fusion draws the box 7 px in from the item's leading edge.
    lead = range(row.left() + 4, row.left() + side + 10) if not menu.isRightToLeft() \
        else range(row.right() - side - 10, row.right() - 4)
    strongest = max(contrast(image.pixelColor(x, y), background)
                    for x in lead for y in range(row.top() + 1, row.bottom()))
    assert strongest >= FRAME_CONTRAST, (name, strongest)


TEXT_CONTRAST = 4.5
"""WCAG's least contrast for body text (level AA)."""


def drop_down_rows(box: QComboBox) -> list[tuple[QColor, QColor]]:
    """Each row of ``box``'s drop-down list as painted: its background (at the
    row's far end, past its words) and its text (the pixel of the row that
    stands out most from that background). Drawn unshown: a popup warns
    offscreen."""
    view = box.view()
    popup = view.parentWidget()  # the drop-down's own window
    popup.resize(400, view.sizeHintForRow(0) * box.count() + 20)
    image = popup.grab().toImage()
    rows = []
    for row in range(box.count()):
        rect = view.visualRect(box.model().index(row, 0))
        rect.translate(view.viewport().mapTo(popup, QPoint(0, 0)))
        rect = rect.intersected(image.rect())
        far = rect.left() + 3 if box.isRightToLeft() else rect.right() - 3
        background = image.pixelColor(far, rect.center().y())
        text = max((image.pixelColor(x, y) for x in range(rect.left(), rect.right())
                    for y in range(rect.top(), rect.bottom())),
                   key=lambda c: contrast(c, background))
        rows.append((background, text))
    return rows


@pytest.mark.parametrize("name", ["dark", "light", "sepia"])
def test_every_drop_down_list_reads_in_every_theme(
        qtbot: QtBot, window: MainWindow, library: Library, name: str) -> None:
    """In the dark theme an open drop-down list showed near-white words on
    light grey (the export formats, the highlights' kinds, the list's
    collections and tags): every row reads, in a theme chosen at run time
    after another."""
    from reader.gui.export_dialog import ExportDialog

    library.set_article_tags(library.ids()[0], ["سياسة"])
    window.article_list.refresh_collections()
    dialog = ExportDialog(library, current_id=library.ids()[0], parent=window)
    qtbot.addWidget(dialog)
    boxes = {"formats": dialog.format_box, "kinds": window.pane.highlights_panel.filter,
             "collections": window.article_list.collection_box}
    assert boxes["collections"].count() == 4  # all, unread, starred, the tag
    for shown in ("light" if name == "dark" else "dark", name):
        window.set_theme(shown)
        for what, box in boxes.items():
            rows = drop_down_rows(box)
            # The current row is in the theme's selection colours, as everywhere.
            assert rows.pop(box.currentIndex())[0].name() == THEMES[shown].selection
            weakest = min(contrast(background, text) for background, text in rows)
            assert weakest >= TEXT_CONTRAST, (shown, what, weakest)
