"""The article pane in a window the reader makes narrow (reader.gui.article_pane)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.gui import i18n
from reader.gui.article_pane import MIN_ARTICLE_WIDTH, READABLE_ARTICLE_WIDTH, ArticlePane
from reader.gui.main_window import MainWindow
from reader.store import Article, Library
from tests.gui.conftest import kept_window, on_screen

TITLE = "الأجور تلتهم 23% من مصروفات مصر في 7 أشهر و14% للدعم"
BODY = "استحوذت الأجور على ما يقرب من 23% من إجمالي مصروفات مصر خلال الأشهر السبعة الأولى."


@contextmanager
def window_with(qtbot: QtBot, store_path: Path, body: str,
                size: tuple[int, int] = (1100, 700)) -> Iterator[MainWindow]:
    """A window on screen with one article of ``body`` open."""
    with Library.open(store_path) as library:
        library.add_articles([Article(title=TITLE, body=body)])
        window = MainWindow(library, settings=None, poll_ms=0)
        try:
            on_screen(qtbot, window, *size)
            window.open_article(library.ids()[0])
            yield window
        finally:
            window.close()


@pytest.fixture
def window(qtbot: QtBot, store_path: Path) -> Iterator[MainWindow]:
    with window_with(qtbot, store_path, BODY, (1260, 800)) as w:
        yield w


def test_a_narrow_window_keeps_the_article_readable(qtbot: QtBot, window: MainWindow) -> None:
    """Half a laptop screen: the article kept 110-125 px (three letters of a
    headline word a line) while the highlights panel kept its 215; now the
    panel folds away and comes back, at its width, when there is room."""
    pane = window.pane
    assert pane.highlights_panel.width() > 0
    panel_width = pane.splitter.sizes()[1]
    window.resize(640, 480)
    qtbot.waitUntil(lambda: window.width() == 640)
    assert pane.view.width() >= MIN_ARTICLE_WIDTH
    assert pane.splitter.sizes()[1] == 0
    window.resize(1260, 800)
    qtbot.waitUntil(lambda: pane.splitter.sizes()[1] > 0)
    assert pane.splitter.sizes()[1] == panel_width
    assert pane.view.width() >= MIN_ARTICLE_WIDTH


def test_a_panel_the_reader_folded_stays_folded(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.pane
    pane.splitter.setSizes([pane.splitter.width(), 0])
    window.resize(640, 480)
    qtbot.waitUntil(lambda: window.width() == 640)
    window.resize(1260, 800)
    qtbot.waitUntil(lambda: window.width() == 1260)
    assert pane.splitter.sizes()[1] == 0


@pytest.mark.parametrize("panel", [320, 0])
def test_the_highlights_panel_keeps_its_width_between_runs(
        qtbot: QtBot, store_path: Path, settings_file: Path, panel: int) -> None:
    """Widened, or folded by the reader, it came back at a quarter of the pane."""
    with Library.open(store_path) as library:
        library.add_articles([Article(title=TITLE, body=BODY)])
        first = kept_window(qtbot, library, 1260, 800)
        room = first.pane.splitter.width() - first.pane.splitter.handleWidth()
        first.pane.splitter.setSizes([room - panel, panel])
        first.close()
        again = kept_window(qtbot, library, 1260, 800)
        assert again.pane.splitter.sizes()[1] == panel
        again.close()


def test_the_highlights_panel_keeps_the_kinds_it_lists_between_runs(
        qtbot: QtBot, store_path: Path, settings_file: Path) -> None:
    """From a tester's day: a reader who listed only their own highlights
    found every kind listed again after a restart."""
    with Library.open(store_path) as library:
        library.add_articles([Article(title=TITLE, body=BODY)])
        first = kept_window(qtbot, library, 1260, 800)
        panel = first.pane.highlights_panel
        panel.filter.setCurrentIndex(panel.filter.count() - 1)  # the last kind alone
        chosen = panel.filter.currentData()
        first.close()
        again = kept_window(qtbot, library, 1260, 800)
        assert again.pane.highlights_panel.filter.currentData() == chosen
        assert len(chosen) == 1
        again.close()


def drag_panel_to(pane: ArticlePane, width: int) -> None:
    """The reader drags the handle between the article and the highlights
    panel until the panel is ``width`` wide (a left-to-right window)."""
    pane.splitter.moveSplitter(pane.splitter.width() - pane.splitter.handleWidth() - width, 1)
    assert pane.splitter.sizes()[1] == width


@pytest.mark.parametrize("narrow", [(900, 600), (640, 480)], ids=["squeezed", "folded"])
def test_a_narrow_window_does_not_replace_the_readers_panel_width(
        qtbot: QtBot, store_path: Path, settings_file: Path, narrow: tuple[int, int]) -> None:
    """From a 1366x768 screen: the reader dragged the panel to 305 px; one
    run at 1.5x, untouched, kept the 215 px its narrower window squeezed the
    panel to (or the width before it folded), and back at 1x the panel was
    narrower. The squeeze is the window's, the width the reader's."""
    with Library.open(store_path) as library:
        library.add_articles([Article(title=TITLE, body=BODY)])
        first = kept_window(qtbot, library, 1260, 800)
        drag_panel_to(first.pane, 305)
        first.close()
        small = kept_window(qtbot, library, *narrow)
        assert small.pane.splitter.sizes()[1] < 305  # no room for it
        small.close()
        again = kept_window(qtbot, library, 1260, 800)
        assert again.pane.splitter.sizes()[1] == 305
        again.close()


def test_a_squeezed_panel_the_reader_folds_stays_folded(
        qtbot: QtBot, store_path: Path, settings_file: Path) -> None:
    """A drag in a narrow window is the reader's new choice, kept as theirs."""
    with Library.open(store_path) as library:
        library.add_articles([Article(title=TITLE, body=BODY)])
        first = kept_window(qtbot, library, 1260, 800)
        drag_panel_to(first.pane, 305)
        first.resize(900, 600)
        qtbot.waitUntil(lambda: first.pane.splitter.sizes()[1] < 305)
        drag_panel_to(first.pane, 0)  # to the edge
        first.close()
        again = kept_window(qtbot, library, 1260, 800)
        assert again.pane.splitter.sizes()[1] == 0
        again.close()


@pytest.mark.parametrize("squeezed_at", ["start", "run"])
def test_a_squeezed_panel_grows_back_as_the_window_widens(
        qtbot: QtBot, store_path: Path, settings_file: Path, squeezed_at: str) -> None:
    """Regression (a day of reading): a window started narrow (a run at
    1.5x, half a screen) squeezed the highlights panel; widened, all the
    room went to the article and the panel came back to the reader's width
    only at the next start. It grows back as the window widens, to the
    width the reader dragged it to (in an earlier run or this one), as
    far as the article can spare on the way."""
    with Library.open(store_path) as library:
        library.add_articles([Article(title=TITLE, body=BODY)])
        first = kept_window(qtbot, library, 1260, 800)
        drag_panel_to(first.pane, 305)
        if squeezed_at == "run":
            window = first
            window.resize(1000, 800)
        else:
            first.close()
            window = kept_window(qtbot, library, 1000, 800)
        splitter = window.pane.splitter
        qtbot.waitUntil(lambda: 0 < splitter.sizes()[1] < 305)  # squeezed, not folded
        squeezed = splitter.sizes()[1]
        window.resize(1100, 800)  # part of the way: all the article spares
        qtbot.waitUntil(lambda: window.width() == 1100)
        assert squeezed < splitter.sizes()[1] <= 305
        assert window.pane.view.width() == MIN_ARTICLE_WIDTH or splitter.sizes()[1] == 305
        window.resize(1260, 800)
        qtbot.waitUntil(lambda: window.width() == 1260)
        assert splitter.sizes()[1] == 305
        window.close()


def test_the_highlights_panel_keeps_its_width_as_a_restored_window_grows(
        qtbot: QtBot, store_path: Path, settings_file: Path) -> None:
    """From an hour of use: a maximized window is shown at its normal size
    and maximized by the window manager after; the panel took a share of
    the growth, and its kept width grew 25-35 px at every start."""
    with Library.open(store_path) as library:
        library.add_articles([Article(title=TITLE, body=BODY)])
        for _start in range(3):
            window = MainWindow(library, settings=i18n.settings(), poll_ms=0)
            on_screen(qtbot, window, 1260, 800)
            if _start == 0:
                room = window.pane.splitter.width() - window.pane.splitter.handleWidth()
                window.pane.splitter.setSizes([room - 300, 300])
            window.resize(1500, 800)  # the window manager maximizes it
            qtbot.waitUntil(lambda w=window: w.width() == 1500)
            assert window.pane.splitter.sizes()[1] == 300, _start
            window.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_window_made_narrower_than_its_panes_cuts_nothing_off(
        qtbot: QtBot, window: MainWindow, language: str) -> None:
    """Regression: the window took any width down to 320 px while the sources,
    the list and the article need about 600 side by side; dragged to 520 it
    cut the article off at its edge (the start of every line, in Arabic)."""
    i18n.apply_language(language)
    window.resize(480, 400)
    qtbot.waitUntil(lambda: window.centralWidget().width() == window.width())
    view = window.pane.view
    shown = view.rect().translated(view.mapTo(window, view.rect().topLeft()))
    assert window.rect().contains(shown), (window.size(), shown)
    assert view.width() >= MIN_ARTICLE_WIDTH


def test_a_folded_panel_says_what_it_holds_and_comes_back_on_a_click(
        qtbot: QtBot, window: MainWindow) -> None:
    """From a day of use: with the list widened the panel folded away and
    nothing said it was there. Under the article a button now counts its
    highlights; a click narrows the list and brings the panel back."""
    pane = window.pane
    button = pane.status.panel_button
    held = pane.highlights_panel.model.rowCount()
    assert held >= 3  # two percentages and a number word, at least
    assert button.isHidden()
    needed = MIN_ARTICLE_WIDTH + pane.splitter.handleWidth() \
        + pane.highlights_panel.minimumSizeHint().width()
    window.resize(window.lists.minimumSizeHint().width() + needed + 40, 600)
    qtbot.waitUntil(lambda: window.splitter.width() == window.width())
    window.splitter.setSizes([window.width() - needed + 60, needed - 60])  # the list dragged wide
    assert pane.splitter.sizes()[1] == 0
    assert not button.isHidden() and button.text() == f"Highlights ({held})"
    lists = window.splitter.sizes()[0]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert pane.splitter.sizes()[1] >= pane.highlights_panel.minimumSizeHint().width()
    assert window.splitter.sizes()[0] < lists
    assert pane.view.width() >= MIN_ARTICLE_WIDTH
    assert button.isHidden()


def test_the_panel_brought_back_leaves_the_article_readable_when_the_list_can_spare_it(
        qtbot: QtBot, window: MainWindow) -> None:
    """A tester's day: the list dragged wider folded the panel; the click
    brought it back at its full width beside an article of three words a
    line (320 px) while the list kept all its room. The list now gives the
    article a readable width first, and the panel gives way to its least."""
    pane = window.pane
    lists, whole = window.splitter.sizes()
    panel_min = pane.highlights_panel.minimumSizeHint().width()
    folds = MIN_ARTICLE_WIDTH + pane.splitter.handleWidth() + panel_min - 20
    window.splitter.setSizes([lists + whole - folds, folds])  # the list dragged wide
    qtbot.waitUntil(lambda: pane.splitter.sizes()[1] == 0)
    pane.status.panel_button.click()
    assert pane.splitter.sizes()[1] >= panel_min
    assert pane.view.width() >= READABLE_ARTICLE_WIDTH
    assert window.splitter.sizes()[0] >= window.lists.minimumSizeHint().width()


def test_a_larger_text_wants_a_wider_article_before_the_panel_shows_beside_it(
        qtbot: QtBot, window: MainWindow) -> None:
    """A tester's day: at 18 pt and Ctrl++ the article read two or three
    words a line while an empty highlights panel kept its 200 px. The
    article's narrowest grows with its text; the panel folds away, and comes
    back when the text is back to its size."""
    pane = window.pane
    panel = pane.splitter.sizes()[1]
    assert panel > 0
    pane.set_font("", 18)
    for _ in range(3):
        pane.zoom_in()
    scale = pane.view.text_scale()
    assert scale > 1.5
    assert pane.splitter.width() < round(MIN_ARTICLE_WIDTH * scale) + panel  # no room for both
    assert pane.splitter.sizes()[1] == 0  # folded: the article keeps its words a line
    assert not pane.status.panel_button.isHidden()  # and says the panel is there
    pane.zoom_reset()
    pane.set_font("", 15)
    assert pane.splitter.sizes()[1] == panel


def test_a_panel_folded_by_the_reader_comes_back_on_a_click(
        qtbot: QtBot, window: MainWindow) -> None:
    pane = window.pane
    pane.splitter.setSizes([pane.splitter.width(), 0])  # a drag to the edge
    assert not pane.status.panel_button.isHidden()
    pane.status.panel_button.click()
    assert pane.splitter.sizes()[1] > 0
    assert pane.status.panel_button.isHidden()


def test_focus_mode_and_no_article_show_no_folded_panel(
        qtbot: QtBot, window: MainWindow) -> None:
    """Focus mode hides the panel on purpose; with no article open there is
    nothing to count."""
    pane, button = window.pane, window.pane.status.panel_button
    window.modes.set_focus_mode(True)
    assert button.isHidden()
    window.modes.set_focus_mode(False)
    pane.splitter.setSizes([pane.splitter.width(), 0])
    assert not button.isHidden()
    pane.clear()
    assert button.isHidden()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_with_no_room_anywhere_the_panel_says_to_widen_the_window(
        qtbot: QtBot, window: MainWindow, language: str) -> None:
    """700 px: the list at its narrowest and the article leave the panel too
    little; the click says so and takes nothing from the article."""
    i18n.apply_language(language)
    pane = window.pane
    window.resize(700, 600)
    qtbot.waitUntil(lambda: pane.splitter.sizes()[1] == 0)
    messages: list[str] = []
    pane.status_message.connect(messages.append)
    lists = window.splitter.sizes()
    pane.status.panel_button.click()
    assert pane.splitter.sizes()[1] == 0
    assert window.splitter.sizes() == lists  # not narrowed for nothing
    assert messages == [{"en": "Widen the window to show the highlights panel",
                         "ar": "وسّع النافذة لتظهر لوحة التظليلات"}[language]]
    assert pane.view.width() >= MIN_ARTICLE_WIDTH
    assert not pane.status.panel_button.isHidden()



def test_the_line_asking_for_a_wider_window_goes_once_the_panel_shows(
        qtbot: QtBot, window: MainWindow) -> None:
    """At 1.5x: "Widen the window to show the highlights panel" stayed in the
    status bar after the reader widened the window and the panel was back."""
    pane, bar = window.pane, window.statusBar()
    window.resize(700, 600)
    qtbot.waitUntil(lambda: pane.splitter.sizes()[1] == 0)
    pane.status.panel_button.click()
    asked = bar.currentMessage()
    assert asked == "Widen the window to show the highlights panel"
    window.resize(1260, 800)
    qtbot.waitUntil(lambda: pane.splitter.sizes()[1] > 0)
    assert bar.currentMessage() == ""


def test_a_later_line_stays_when_the_panel_shows(qtbot: QtBot, window: MainWindow) -> None:
    pane, bar = window.pane, window.statusBar()
    window.resize(700, 600)
    qtbot.waitUntil(lambda: pane.splitter.sizes()[1] == 0)
    pane.status.panel_button.click()
    bar.showMessage("Imported 3 files")
    window.resize(1260, 800)
    qtbot.waitUntil(lambda: pane.splitter.sizes()[1] > 0)
    assert bar.currentMessage() == "Imported 3 files"


def test_hiding_diacritics_from_the_menu_leaves_the_article_where_it_was(
        qtbot: QtBot, store_path: Path) -> None:
    """From a day of use: View > Show diacritics moved the text up to a line
    (mid-article, and at its end from 100% to 99%): every preference change
    applied the unchanged theme again, and the restyle put the line at the
    top flush with it."""
    body = "\n".join(f"قَالَ الْمُتَحَدِّثُ إِنَّ الْحُكُومَةَ سَتَعْرِضُ الْخُطَّةَ رَقْمَ {k} "
                     "عَلَى الْبَرْلَمَانِ فِي جَلْسَتِهِ الْمُقْبِلَةِ." for k in range(60))
    with window_with(qtbot, store_path, body) as window:
        bar = window.pane.view.verticalScrollBar()
        qtbot.waitUntil(lambda: bar.maximum() > 400)
        laid_out: list[int] = []

        def settled() -> bool:  # the layout goes in steps: until the height holds
            laid_out.append(bar.maximum())
            return len(laid_out) > 5 and len(set(laid_out[-5:])) == 1
        qtbot.waitUntil(settled, timeout=10_000)
        for value in (bar.maximum() // 2 + 7, bar.maximum()):  # mid-line, then the end
            bar.setValue(value)
            qtbot.wait(50)
            for _ in range(2):  # hide, then show again
                window.commands["diacritics"].trigger()
                qtbot.wait(50)
                assert bar.value() == value


def test_zooming_right_after_scrolling_keeps_the_line_at_the_top(
        qtbot: QtBot, store_path: Path) -> None:
    """Found with the test above: a restyle (zoom, a font, line spacing)
    within 0.4 s of a scroll went back to the place before the scroll, the
    top of the article, because the place is settled only after a pause."""
    body = "\n".join(f"قال المتحدث إن الحكومة ستعرض الخطة رقم {k} على البرلمان في "
                     "جلسته المقبلة، بعد أن أقرتها اللجنة المالية." for k in range(80))
    with window_with(qtbot, store_path, body) as window:
        view = window.pane.view
        bar = view.verticalScrollBar()
        qtbot.waitUntil(lambda: bar.maximum() > 1000)
        bar.setValue(bar.maximum() // 2)
        field, index = view.first_visible()
        assert field == "body" and index > 0
        window.commands["zoom_in"].trigger()  # at once, before the place settles
        qtbot.wait(50)
        top_field, top_index = view.first_visible()
        # the line at the top holds the same place (the zoom wraps it anew)
        assert top_field == "body" and 0 <= index - top_index < 60


def test_a_window_widened_gives_the_list_back_the_room_the_article_took(
        qtbot: QtBot, store_path: Path, settings_file: Path) -> None:
    """A tester's day: the window narrowed, the panel brought back took the
    list's room for the article, and the window widened again (and a
    restart) left the list a strip of titles with no date or source. The
    room goes back to the list up to the width the reader gave it, kept
    across a restart."""
    with Library.open(store_path) as library:
        library.add_articles([Article(title=TITLE, body=BODY)])
        window = kept_window(qtbot, library, 1250, 760)
        window.open_article(library.ids()[0])
        total = sum(window.splitter.sizes())
        window.splitter.setSizes([520, total - 520])  # the reader's drag
        window.splitter.splitterMoved.emit(520, 1)
        window.resize(900, 760)
        qtbot.waitUntil(lambda: window.pane.splitter.sizes()[1] == 0)  # the panel folds
        window.pane.status.panel_button.click()
        narrowed = window.splitter.sizes()[0]
        assert narrowed < 400
        window.resize(1250, 760)
        qtbot.waitUntil(lambda: window.width() == 1250)
        assert window.splitter.sizes()[0] >= 500
        window.resize(900, 760)
        qtbot.waitUntil(lambda: window.width() == 900)
        window.close()
        again = kept_window(qtbot, library, 900, 760)
        again.resize(1250, 760)
        qtbot.waitUntil(lambda: again.width() == 1250)
        assert again.splitter.sizes()[0] >= 500
        again.close()
