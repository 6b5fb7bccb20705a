"""What a reader expects beyond the defects (issue 14): the font, size, spacing
and margins of Preferences; focus mode and full screen; Help; back, forward
and recent articles; a link dropped from a browser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QFontDatabase, QImage, QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication
from pytestqt.qtbot import QtBot

from reader.gui import i18n
from reader.gui.fonts import arabic_families, register_fonts
from reader.gui.main_window import MainWindow
from reader.gui.preferences_dialog import PreferencesDialog
from reader.store import Article, Library
from reader.text.bidi import LRI, PDI, RLI
from tests.gui.conftest import on_screen

TITLES = ["الخبر الأول عن الموازنة", "الخبر الثاني عن المياه", "الخبر الثالث عن التعليم"]



@pytest.fixture
def library(store_path: Path) -> Iterator[Library]:
    with Library.open(store_path) as lib:
        lib.add_articles(Article(title=t, body=f"نص {t}.", published=f"2024-0{i + 1}-01")
                         for i, t in enumerate(TITLES))
        yield lib


@pytest.fixture
def window(qtbot: QtBot, library: Library, settings_file: Path) -> Iterator[MainWindow]:
    w = MainWindow(library, settings=i18n.settings(), poll_ms=0)
    w.notify = lambda title, text: pytest.fail(f"unexpected message: {title}: {text}")
    on_screen(qtbot, w, 1100, 700, active=True)
    yield w
    w.close()


def ids_by_title(library: Library) -> dict[str, int]:
    return {library.get(i).title: i for i in library.ids()}


def test_font_size_spacing_and_margins_apply_to_the_article(window: MainWindow) -> None:
    view = window.pane.view
    window.window_settings.update(font_size=20.0, line_spacing=180, margin=48)
    doc = view.document()
    assert doc.defaultFont().pointSizeF() == pytest.approx(20.0 * view.zoom())
    assert doc.documentMargin() == 48 and view.line_spacing() == 180
    window.window_settings.update(font_family="No Such Family 123")
    assert view.font_family() == register_fonts()  # a family gone: the bundled Naskh
    assert window.preferences().font_family == "No Such Family 123"  # kept for next time


def test_the_pdf_copy_of_the_font_is_no_choice_in_preferences(qtbot: QtBot) -> None:
    """After a PDF export the list offered "Noto Naskh Arabic PDF", the copy
    the export registers for its text maps (a day of use)."""
    from reader.exporters.pdf_fonts import PDF_FAMILY, pdf_family

    if pdf_family() is None:
        pytest.skip("fontTools is missing: the PDF export keeps the plain font")
    assert PDF_FAMILY in QFontDatabase.families()
    assert PDF_FAMILY not in arabic_families()


def test_preferences_offer_the_bundled_naskh_first_and_return_every_choice(
        qtbot: QtBot, window: MainWindow) -> None:
    dialog = PreferencesDialog(window.preferences(), window)
    qtbot.addWidget(dialog)
    families = [dialog.font_box.itemData(i) for i in range(dialog.font_box.count())]
    assert families[0] == "" and "(bundled)" in dialog.font_box.itemText(0)
    assert len(families) == len(arabic_families())
    dialog.size_box.setValue(18.5)
    dialog.margin_box.setValue(60)
    dialog.spacing_box.setValue(160)
    chosen = dialog.preferences()
    assert (chosen.font_size, chosen.margin, chosen.line_spacing) == (18.5, 60, 160)


def _type(box: QAbstractSpinBox, text: str) -> None:
    """Keys as an Arabic keyboard sends them: each with its character."""
    box.lineEdit().selectAll()
    for ch in text:
        QApplication.sendEvent(box.lineEdit(), QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
    box.interpretText()


def test_preferences_take_the_digits_an_arabic_keyboard_types(
        qtbot: QtBot, window: MainWindow) -> None:
    dialog = PreferencesDialog(window.preferences(), window)
    qtbot.addWidget(dialog)
    _type(dialog.size_box, "١٩٫٥")
    _type(dialog.margin_box, "۴۰")  # Persian digits
    _type(dialog.spacing_box, "١٥٠")
    chosen = dialog.preferences()
    assert (chosen.font_size, chosen.margin, chosen.line_spacing) == (19.5, 40, 150)
    assert dialog.margin_box.text().startswith("40")


def test_the_font_choices_are_remembered(qtbot: QtBot, window: MainWindow,
                                         library: Library) -> None:
    window.window_settings.update(font_size=19.0, margin=40)
    window.close()
    again = MainWindow(library, settings=i18n.settings(), poll_ms=0)
    qtbot.addWidget(again)
    assert again.pane.view.document().documentMargin() == 40
    assert again.preferences().font_size == 19.0


def test_focus_mode_hides_all_but_the_article_and_esc_brings_it_back(
        qtbot: QtBot, window: MainWindow) -> None:
    parts = [window.article_list, window.pane.highlights_panel, window.commands.toolbar,
             window.menuBar(), window.statusBar()]
    assert all(p.isVisible() for p in parts)
    view = window.pane.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_F9)
    assert not any(p.isVisible() for p in parts) and view.isVisible()
    assert window.commands["focus_mode"].isChecked()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert all(p.isVisible() for p in parts)
    assert not window.commands["focus_mode"].isChecked()


def test_f11_fills_the_screen_and_back(qtbot: QtBot, window: MainWindow) -> None:
    view = window.pane.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert window.commands["full_screen"].isChecked()
    qtbot.keyClick(view, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())


def test_leaving_full_screen_gives_back_a_maximized_window(
        qtbot: QtBot, window: MainWindow) -> None:
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    view = window.pane.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    qtbot.keyClick(view, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.windowState() & Qt.WindowState.WindowMaximized
    assert not window.commands["full_screen"].isChecked()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_help_pages_open_in_the_interface_language(qtbot: QtBot, window: MainWindow,
                                                   lang: str) -> None:
    window.set_language(lang)
    for kind in ("guide", "about"):
        dialog = window.show_help(kind)
        qtbot.waitExposed(dialog)
        text = dialog.browser.toPlainText()
        assert len(text) > 80, kind
        if lang == "ar":
            assert any("\u0621" <= ch <= "\u064a" for ch in dialog.windowTitle()), kind
        dialog.close()
    shortcuts = window.show_help("shortcuts")
    qtbot.waitExposed(shortcuts)
    table = shortcuts.table
    rows = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    assert len(rows) > 20
    keys = [k for _label, k in rows]
    assert f"{LRI}Ctrl+F{PDI}" in keys and f"{LRI}F9{PDI}" in keys
    if lang == "ar":
        assert any("\u0621" <= ch <= "\u064a" for ch in shortcuts.windowTitle())
        assert all(any("\u0621" <= ch <= "\u064a" for ch in label) for label, _k in rows)
    shortcuts.close()


def test_the_shortcuts_name_undo_not_the_last_edit(qtbot: QtBot, window: MainWindow,
                                                  library: Library) -> None:
    """From a day of use: after Mark all read the list said "Undo mark all
    as read" for Ctrl+Z: what the key is, not what it would undo now."""
    window.commands.show_undo("mark all as read", "mark as read")
    dialog = window.show_help("shortcuts")
    qtbot.waitExposed(dialog)
    table = dialog.table
    labels = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert "Undo" in labels and "Redo" in labels
    assert not [label for label in labels if "mark" in label]
    dialog.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_shortcuts_read_in_the_interface_direction(qtbot: QtBot, window: MainWindow,
                                                       lang: str) -> None:
    """From a day of use: in the Arabic window the shortcuts table hugged the
    left, each key to the right of its action (Qt's rich text ignores
    <table dir="rtl">). What a key does comes first where a reader starts: on
    the right in Arabic, on the left in English, and the table fills the
    page."""
    window.set_language(lang)
    dialog = window.show_help("shortcuts")
    qtbot.waitExposed(dialog)
    table = dialog.table
    viewport = table.viewport()
    for row in range(table.rowCount()):
        action = table.visualRect(table.model().index(row, 0))
        keys = table.visualRect(table.model().index(row, 1))
        if lang == "ar":
            assert action.left() >= keys.right(), row
            assert action.right() >= viewport.width() - 2  # against the right edge
        else:
            assert action.right() <= keys.left(), row
            assert action.left() <= 1
        assert table.item(row, 1).text().startswith(LRI)  # keys left to right inside
    dialog.close()


def test_about_names_the_app_before_its_version_in_the_arabic_window(
        qtbot: QtBot, window: MainWindow) -> None:
    """From a day of use: the Arabic About box read "0.1.0 rtl-reader"."""
    window.set_language("ar")
    dialog = window.show_help("about")
    qtbot.waitExposed(dialog)
    document = dialog.browser.document()
    block = document.findBlock(document.toPlainText().index("rtl-reader"))
    text, layout = block.text(), block.layout()
    line = layout.lineForTextPosition(text.index("rtl-reader"))
    # a cursor inside each word: at a run's edge its side is ambiguous
    name_x = line.cursorToX(text.index("rtl-reader") + 1)[0]
    version_x = line.cursorToX(text.index("rtl-reader") + len("rtl-reader 0"))[0]
    assert name_x < version_x  # read left to right, as in the English window
    dialog.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_about_box_is_as_tall_as_its_text(qtbot: QtBot, window: MainWindow,
                                              lang: str) -> None:
    """From a day of use: the About box was about twice as tall as its text."""
    window.set_language(lang)
    dialog = window.show_help("about")
    qtbot.waitExposed(dialog)
    browser = dialog.browser
    text_height = browser.document().size().height()
    assert browser.verticalScrollBar().maximum() == 0  # every line shown
    blank = browser.viewport().height() - text_height
    assert 0 <= blank < browser.fontMetrics().height()  # and no empty page below it
    assert dialog.height() <= dialog.layout().sizeHint().height() + 2
    dialog.close()


def test_back_forward_and_recent_articles(qtbot: QtBot, window: MainWindow,
                                          library: Library) -> None:
    ids = ids_by_title(library)
    first, second, third = (ids[t] for t in TITLES)
    for article_id in (first, second, third):
        window.open_article(article_id)
    view = window.pane.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_article_id() == second
    window.commands["back"].trigger()
    assert window.current_article_id() == first
    assert window.article_list.model.article_id(
        window.article_list.view.currentIndex().row()) == first
    window.commands["forward"].trigger()
    assert window.current_article_id() == second
    assert window.commands["forward"].isEnabled()
    window.open_article(first)  # a new step drops what lay ahead
    assert not window.commands["forward"].isEnabled()
    menu = window.commands.menus["recent"]
    menu.aboutToShow.emit()
    titles = [a.text().strip("\u2066\u2067\u2068\u2069") for a in menu.actions()]
    assert titles[:3] == [TITLES[0], TITLES[1], TITLES[2]]
    menu.actions()[2].trigger()
    assert window.current_article_id() == third


def test_recent_articles_are_kept_and_deleted_ones_skipped(
        qtbot: QtBot, window: MainWindow, library: Library, store_path: Path) -> None:
    ids = ids_by_title(library)
    for title in TITLES:
        window.open_article(ids[title])
    window.close()
    with Library.open(store_path) as other:
        other.delete(ids[TITLES[1]])
    again = MainWindow(library, settings=i18n.settings(), poll_ms=0)
    qtbot.addWidget(again)
    menu = again.commands.menus["recent"]
    menu.aboutToShow.emit()
    shown = [a.text().strip("\u2066\u2067\u2068\u2069") for a in menu.actions()]
    assert shown == [TITLES[2], TITLES[0]]


def test_a_title_that_starts_with_a_latin_name_reads_right_to_left_everywhere(
        window: MainWindow, library: Library) -> None:
    """Decision 6, as the list and the article show it: "PWC: مؤشرات …" in
    the title bar and Go > Recent went by its first letter, left to right."""
    title = "PWC: مؤشرات بزيادة نشاط الاندماج"
    [article] = library.add_articles([Article(title=title, body="نص الخبر.")])
    window.open_article(article.id)
    assert window.windowTitle().startswith(RLI + title + PDI)
    menu = window.commands.menus["recent"]
    menu.aboutToShow.emit()
    assert menu.actions()[0].text() == RLI + title + PDI


@pytest.mark.parametrize("as_text", [False, True])
def test_a_link_dropped_from_a_browser_is_imported(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch, as_text: bool) -> None:
    fetched: list[str] = []
    monkeypatch.setattr(window.jobs, "start_import_url", fetched.append)
    address = "https://example.com/news/2024/budget.html"
    mime = QMimeData()
    if as_text:
        mime.setText(address + "\n")
    else:
        mime.setUrls([QUrl(address)])
    event = QDropEvent(QPointF(QPoint(60, 60)), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert fetched == [address] and event.isAccepted()
    mime = QMimeData()
    mime.setText("just some words")
    event = QDropEvent(QPointF(QPoint(60, 60)), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert fetched == [address]


def test_an_import_with_replaced_characters_says_so_as_information(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><head><meta charset='utf-8'><title>خبر</title></head><body><article>"
                    "<h1>خبر فيه محرف غير صالح</h1><p>نص الخبر &#xD800; يتابع هنا بجمل كافية "
                    "ليكون مقالة كاملة يقرؤها القارئ في النافذة.</p></article></body></html>",
                    encoding="utf-8")
    told: list[tuple[str, str]] = []
    window.inform = lambda title, text: told.append((title, text))
    window.jobs.start_import([page])
    qtbot.waitUntil(lambda: not window.jobs.tasks, timeout=20_000)
    assert len(told) == 1
    title, text = told[0]
    assert title == "Imported with changes"
    assert "page.html" in text and "U+FFFD" in text


def test_the_details_dialog_checks_the_date_and_keeps_a_time(qtbot: QtBot) -> None:
    from reader.gui.details_dialog import DetailsDialog

    article = Article(title="عنوان", body="نص.", published="2024-05-02T09:30:00Z", id=3)
    dialog = DetailsDialog(article)
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    assert save.isEnabled() and dialog.date_edit.text() == "2024-05-02"
    assert dialog.edited().published == "2024-05-02T09:30:00Z"  # unchanged: the time kept
    dialog.date_edit.setText("2024-13-01")
    assert not save.isEnabled()
    dialog.date_edit.setText("2024-06-01")
    dialog.source_edit.setText("وكالة الأنباء")
    edited = dialog.edited()
    assert (edited.published, edited.source, edited.id) == ("2024-06-01", "وكالة الأنباء", 3)
    dialog.title_edit.setText("  ")
    assert not save.isEnabled()  # a title is needed


def test_the_details_dialog_takes_a_date_typed_in_arabic_digits_and_says_what_a_date_is(
        qtbot: QtBot) -> None:
    """From a day of use: ٢٠٢٥-٠٩-١٥ typed in the date field kept only its
    hyphens, and 2025-13-40 greyed out Save without a word of why."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from reader.gui.details_dialog import DetailsDialog

    dialog = DetailsDialog(Article(title="عنوان", body="نص.", id=3))
    on_screen(qtbot, dialog, 520, 240)
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)

    def type_date(text: str) -> None:
        dialog.date_edit.clear()
        for ch in text:  # key events with their text, as a keyboard sends them
            QApplication.sendEvent(dialog.date_edit, QKeyEvent(
                QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch))

    type_date("٢٠٢٥-٠٩-١٥")
    assert dialog.date_edit.text() == "2025-09-15" and save.isEnabled()
    assert not dialog.date_hint.isVisible()
    assert dialog.edited().published == "2025-09-15"
    type_date("۱۴۰۲-۰۱-۰۵")  # Persian digits
    assert dialog.date_edit.text() == "1402-01-05"
    type_date("2025-13-40")
    assert not save.isEnabled() and dialog.date_hint.isVisible()
    assert "2025-09-14" in dialog.date_hint.text()
    # A tester's day: 2018-02-31 was stored, and sorted between March and February.
    for no_day in ("2018-02-31", "2023-02-29", "2018-04-31"):
        type_date(no_day)
        assert not save.isEnabled() and dialog.date_hint.isVisible()
        assert dialog.date_hint.text() == "There is no such day in the calendar."
    type_date("2024-02-29")  # a leap year's
    assert save.isEnabled() and not dialog.date_hint.isVisible()


def test_the_details_dialog_shows_the_start_of_a_long_arabic_title(qtbot: QtBot) -> None:
    """Seen under Xvfb: the title field showed the last words of a long title,
    its first ones cut off at the right edge, because the cursor stood after
    the text and the field scrolls to show the cursor. (The scroll itself is
    only computed when Qt paints on a real display: checked there by eye.)"""
    from reader.gui.details_dialog import DetailsDialog

    title = "المحققون الدوليون يستعدون لبدء مهمتهم في موقع الهجوم المزعوم شرق العاصمة " * 2
    article = Article(title=title.strip(), body="نص.", source="وكالة الأنباء العربية", id=3)
    dialog = DetailsDialog(article)
    on_screen(qtbot, dialog, 520, 240)
    assert [e.cursorPosition() for e in (dialog.title_edit, dialog.source_edit)] == [0, 0]


def test_the_details_dialog_shows_the_start_of_a_long_address(qtbot: QtBot) -> None:
    """From a day of use: in the Arabic window a long address showed as
    ps://news.example.com/…, its https cut off (the cursor stood at the end)."""
    from reader.gui.details_dialog import DetailsDialog

    url = "https://news.example.com/" + "section/" * 20 + "article.html"
    dialog = DetailsDialog(Article(title="عنوان", body="نص.", url=url, id=3))
    on_screen(qtbot, dialog, 520, 240)
    assert dialog.url_edit.cursorPosition() == 0


def test_tags_are_typed_and_saved_with_the_enter_key(qtbot: QtBot) -> None:
    """Seen under Xvfb: typing a tag and pressing Enter closed the dialog as
    Cancel and lost the tag (the list had the focus, Cancel was default)."""
    from reader.gui.tags_dialog import TagsDialog

    dialog = on_screen(qtbot, TagsDialog(["اقتصاد"], ["اقتصاد", "رياضة"]), 400, 300,
                       active=True)
    qtbot.waitUntil(dialog.new_edit.hasFocus)
    for tag in ("سوريا", "أسلحة كيميائية"):
        dialog.new_edit.insert(tag)  # as typed (QTest.keyClicks aborts on Arabic letters)
        qtbot.keyClick(dialog.new_edit, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.new_edit.text() == ""
    assert dialog.tags() == sorted(["اقتصاد", "سوريا", "أسلحة كيميائية"])
    qtbot.keyClick(dialog.new_edit, Qt.Key.Key_Return)  # nothing typed: save
    assert dialog.result() == TagsDialog.DialogCode.Accepted


def test_a_tag_with_bidi_controls_shows_without_them_and_keeps_its_name(
        qtbot: QtBot) -> None:
    """A tag written by another hand with an override (U+202E) showed "tech"
    as "hcet" in the Tags dialog; ticking it again must keep the same tag."""
    from reader.gui.tags_dialog import TagsDialog

    odd = "\u202etech"
    dialog = on_screen(qtbot, TagsDialog([odd], [odd, "اقتصاد"]), 400, 300)
    shown = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert "tech" in shown and not any("\u202e" in text for text in shown)
    assert dialog.tags() == [odd]
    dialog.new_edit.insert("اقتصاد")
    dialog.add_typed()  # listed already: ticked, not added twice
    assert dialog.list.count() == 2 and dialog.tags() == sorted([odd, "اقتصاد"])


def test_the_article_has_the_keys_when_the_window_opens(qtbot: QtBot,
                                                         window: MainWindow) -> None:
    """Not the filter box, where Ctrl+E and Ctrl+H edit the line on X11."""
    qtbot.waitUntil(window.pane.view.hasFocus)


def _ink_unchanged_at(before: QImage, after: QImage) -> str:
    """Which end of the ink of a row drawn twice kept its pixels ("left",
    "right", or "none"): the part both texts share stays put where the
    row starts."""
    background = before.pixel(0, 0)

    def column(image: QImage, x: int) -> list[int]:
        return [image.pixel(x, y) for y in range(image.height())]

    ink = [x for x in range(before.width())
           if any(p != background for p in column(before, x) + column(after, x))]
    ends = {"left": ink[:12], "right": ink[-12:]}
    kept = [end for end, xs in ends.items()
            if all(column(before, x) == column(after, x) for x in xs)]
    return kept[0] if len(kept) == 1 else "none"


@pytest.mark.parametrize(("language", "tags", "changed", "kept_at"), [
    # The Arabic interface: the first tag at the right, each tag read from its right.
    ("ar", ["أسلحة كيماوية", "متابعة ٢٠١٨", "سوريا"], ["أسلحة كيماوية", "متابعة ٢٠١٨", "سو"],
     "right"),
    ("ar", ["أسلحة كيماوية"], ["أسلحة كي"], "right"),
    ("ar", ["متابعة ٢٠١٨"], ["متابعة ٢"], "right"),
    # The English one: the first tag at the left; an Arabic tag still reads
    # from its right (so its second word is the one at the row's start).
    ("en", ["أسلحة كيماوية", "سوريا"], ["أسلحة كيماوية", "سو"], "left"),
    ("en", ["أسلحة كيماوية"], ["أس كيماوية"], "left"),
    ("en", ["chemical weapons", "syria"], ["chemical weapons", "sy"], "left"),
    ("en", ["chemical weapons"], ["chemical we"], "left"),
])
def test_the_tag_row_reads_in_the_interface_direction(
        qtbot: QtBot, window: MainWindow, language: str, tags: list[str], changed: list[str],
        kept_at: str) -> None:
    """From a tester's day: in the Arabic window the row under the article
    showed its tags left to right from the trailing edge, the first tag at
    the left beside the progress bar. A row of tags (each in an isolate)
    has no strong letter outside them, so the label took it for left to
    right. Drawn twice with its last letters changed, the row keeps the
    pixels where it starts: the leading edge."""
    window.set_language(language)
    label = window.pane.status.tags_label

    def drawn(chosen: list[str]) -> QImage:
        window.tags_prompt = lambda _now, _known: chosen
        window.commands["tags"].trigger()
        qtbot.waitUntil(lambda: all(t in label.text() for t in chosen))
        return label.grab().toImage()

    assert _ink_unchanged_at(drawn(tags), drawn(changed)) == kept_at


def test_back_is_the_arrow_that_points_back_in_an_arabic_window(
        qtbot: QtBot, window: MainWindow, library: Library) -> None:
    """In a right-to-left window Back's arrow points right, so Alt+Right goes
    back and Alt+Left forward, as browsers bind them there; the menu says so,
    and English brings Alt+Left back."""
    ids = ids_by_title(library)
    first, second, third = (ids[t] for t in TITLES)
    for article_id in (first, second, third):
        window.open_article(article_id)
    window.set_language("ar")
    view = window.pane.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_article_id() == second
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_article_id() == first
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_article_id() == second
    assert window.commands["back"].text().endswith("\u2066Alt+Right\u2069")
    window.set_language("en")
    assert window.commands["back"].text().endswith("\u2066Alt+Left\u2069")
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_article_id() == first
