"""The export dialog (issue 14, item 6): the reader's own highlights by
default, automatic kinds opt-in; kinds named right; mixed runs kept in order
in the preview; where the files go said before anything is written."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from pytestqt.qtbot import QtBot

from reader.exporters import safe_filename, select
from reader.gui import file_dialogs
from reader.gui.export_dialog import PREVIEW_ARTICLES, ExportDialog
from reader.store import Article, Library

BODY = ("تمر الاثنين 7 مايو/أيار 2018 سنة كاملة منذ وصول ماكرون إلى الحكم. "
        "وقال الوزير: «سنبدأ العمل خلال ثلاثة أشهر» وقررت النيابة حبسهما بتهمة "
        "«تكدير الأمن العام».")



@pytest.fixture
def library(store_path: Path) -> Iterator[Library]:
    with Library.open(store_path) as lib:
        lib.add_articles([Article(title="الفرنسيون منقسمون", body=BODY, published="2018-05-07")])
        yield lib


def dialog_on(qtbot: QtBot, library: Library) -> ExportDialog:
    [article_id] = library.ids()
    dialog = ExportDialog(library, current_id=article_id)
    qtbot.addWidget(dialog)
    dialog.resize(640, 480)
    return dialog


def test_the_readers_highlights_are_the_default_and_automatic_ones_opt_in(
        qtbot: QtBot, library: Library) -> None:
    dialog = dialog_on(qtbot, library)
    assert dialog.kinds() == ["user"]
    assert "You have no highlights here yet" in dialog.preview.toPlainText()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    [article_id] = library.ids()
    start = BODY.index("سنة كاملة")
    library.add_user_highlight(article_id, "body", start, start + len("سنة كاملة"))
    dialog = dialog_on(qtbot, library)
    assert dialog.preview.toPlainText().splitlines() == ["Your highlight: "
                                                         "\u2068سنة كاملة\u2069"]
    dialog.kind_boxes["quote"].setChecked(True)
    dialog.kind_boxes["figure"].setChecked(True)
    labels = [line.split(":")[0]
              for line in dialog.preview.toPlainText().splitlines()]
    assert labels[0] == "Your highlight"  # the reader's own first
    assert "Term" in labels and "Quotation" in labels and "Figure" in labels
    rows = dict(line.replace("\u2068", "").replace("\u2069", "").split(": ", 1)
                for line in dialog.preview.toPlainText().splitlines())
    assert rows["Term"] == "تكدير الأمن العام"  # a term is not called a quotation


def test_a_date_in_the_preview_keeps_its_order(qtbot: QtBot, library: Library) -> None:
    dialog = dialog_on(qtbot, library)
    dialog.show()
    dialog.kind_boxes["figure"].setChecked(True)
    doc = dialog.preview.document()
    found = doc.find("مايو")
    assert not found.isNull()
    block = found.block()
    layout = block.layout()
    text = block.text()

    def x(index: int) -> float:
        line = layout.lineForTextPosition(index)
        return line.cursorToX(index)[0]

    # Read right to left inside its isolate: 7 first (rightmost), 2018 last
    # (leftmost). QPlainTextEdit showed "2018 7 مايو/أيار".
    assert x(text.index("7")) > x(text.index("مايو")) > x(text.index("2018"))


def test_the_dialog_says_where_the_files_go(qtbot: QtBot, library: Library,
                                            tmp_path: Path) -> None:
    dialog = dialog_on(qtbot, library)
    dialog.kind_boxes["quote"].setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "notes.md"))
    assert dialog.destination.text() == f"Writes the file \u2066{tmp_path / 'notes.md'}\u2069"
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("png"))
    dialog.path_edit.setText(str(tmp_path / "hl.png"))
    # Two quotations: two cards, which need a folder; "hl.png" becomes the folder "hl".
    assert dialog.destination.text() == (
        f"2 PNG images, one per highlight, into the folder \u2066{tmp_path / 'hl'}\u2069")
    dialog.accept()
    request = dialog.request()
    assert request is not None and request.out == tmp_path / "hl" and request.fmt == "png"


def test_the_formats_are_named_in_arabic_in_the_arabic_interface(
        qtbot: QtBot, library: Library) -> None:
    """The format list showed the exporters' English descriptions ("CSV (UTF-8,
    Readwise columns first)") in the Arabic window."""
    from reader.gui import i18n

    assert i18n.apply_language("ar")
    dialog = dialog_on(qtbot, library)
    names = [dialog.format_box.itemText(i) for i in range(dialog.format_box.count())]
    assert len(names) == 7
    assert all(re.match("[\u0621-\u064a]", name) for name in names), names
    assert dialog.format_box.currentData() == "md"


def with_one_highlight(library: Library) -> None:
    [article_id] = library.ids()
    start = BODY.index("سنة كاملة")
    library.add_user_highlight(article_id, "body", start, start + len("سنة كاملة"))


def offered(dialog: ExportDialog) -> str:
    return Path(dialog.path_edit.text()).name


def test_one_png_card_is_offered_as_the_articles_title(qtbot: QtBot, library: Library) -> None:
    """Found in an hour of use under Xvfb: one card was offered as
    "highlights", with no extension, and written as a file of that name."""
    with_one_highlight(library)
    dialog = dialog_on(qtbot, library)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("png"))
    assert offered(dialog) == "الفرنسيون منقسمون.png"
    assert dialog.destination.text().startswith("Writes the file ")
    dialog.accept()
    request = dialog.request()
    assert request is not None and request.out.name == "الفرنسيون منقسمون.png"


def test_the_title_is_made_safe_for_a_file_name(qtbot: QtBot, store_path: Path) -> None:
    title = "الأسعار: \u202eارتفاع/انخفاض؟ 50%"
    with Library.open(store_path) as library:
        library.add_articles([Article(title=title, body=BODY)])
        [article_id] = library.ids()
        library.add_user_highlight(article_id, "body", 0, 3)
        dialog = dialog_on(qtbot, library)
        dialog.format_box.setCurrentIndex(dialog.format_box.findData("png"))
        name = offered(dialog)
        assert name == safe_filename(title, ext="png")
        assert name.endswith(".png") and "/" not in name and "\u202e" not in name
        assert Path(dialog.path_edit.text()).parent == Path(QDir.homePath())


def test_several_png_cards_are_offered_a_folder(qtbot: QtBot, library: Library) -> None:
    with_one_highlight(library)
    dialog = dialog_on(qtbot, library)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("png"))
    assert offered(dialog) == "الفرنسيون منقسمون.png"
    dialog.kind_boxes["quote"].setChecked(True)  # three cards now
    assert offered(dialog) == "highlights"
    assert dialog.destination.text().startswith("3 PNG images, one per highlight, "
                                                "into the folder ")
    dialog.kind_boxes["quote"].setChecked(False)  # one again
    assert offered(dialog) == "الفرنسيون منقسمون.png"
    dialog.kind_boxes["user"].setChecked(False)
    dialog.kind_boxes["quote"].setChecked(True)
    assert offered(dialog) == "highlights"
    dialog.accept()
    request = dialog.request()
    assert request is not None and request.out.name == "highlights"
    assert request.out.suffix == ""


def test_a_name_the_reader_typed_is_kept_when_the_count_changes(
        qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    with_one_highlight(library)
    dialog = dialog_on(qtbot, library)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("png"))
    dialog.path_edit.setText(str(tmp_path / "mine.png"))
    dialog.kind_boxes["quote"].setChecked(True)
    assert dialog.path_edit.text() == str(tmp_path / "mine.png")
    assert dialog.output() == tmp_path / "mine"  # the typed name, as a folder


def test_browse_asks_for_a_folder_for_several_cards_and_a_file_for_one(
        qtbot: QtBot, library: Library, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    asked: list[str] = []
    monkeypatch.setattr(file_dialogs, "folder",
                        lambda *args: asked.append("folder") or str(tmp_path))
    monkeypatch.setattr(file_dialogs, "save_file",
                        lambda *args: asked.append("file") or str(tmp_path / "a.png"))
    with_one_highlight(library)
    dialog = dialog_on(qtbot, library)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("png"))
    dialog._browse()
    dialog.kind_boxes["quote"].setChecked(True)
    dialog._browse()
    assert asked == ["file", "folder"]



@pytest.mark.parametrize("fmt", ["md", "json", "pdf"])
def test_all_articles_are_offered_a_library_wide_name(
        qtbot: QtBot, library: Library, fmt: str, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    """Found in a day of use: with "All articles" chosen, the dialog still
    offered the open article's title as the file name once the reader had
    picked a folder with Browse… (which keeps the offered name)."""
    with_one_highlight(library)
    dialog = dialog_on(qtbot, library)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(fmt))
    title_name = safe_filename("الفرنسيون منقسمون", ext=fmt)
    assert offered(dialog) == title_name
    monkeypatch.setattr(file_dialogs, "save_file",
                        lambda *args: str(tmp_path / title_name))
    dialog._browse()  # another folder, the offered name
    dialog.scope_all.setChecked(True)
    assert dialog.path_edit.text() == str(tmp_path / f"highlights.{fmt}")
    dialog.scope_current.setChecked(True)  # one article again: its title
    assert dialog.path_edit.text() == str(tmp_path / title_name)
    dialog.scope_all.setChecked(True)
    dialog.accept()
    request = dialog.request()
    assert request is not None and request.ids is None
    assert request.out == tmp_path / f"highlights.{fmt}"


def test_a_name_the_reader_typed_is_kept_for_all_articles(
        qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    with_one_highlight(library)
    dialog = dialog_on(qtbot, library)
    dialog.path_edit.setText(str(tmp_path / "mine.md"))
    dialog.scope_all.setChecked(True)
    assert dialog.path_edit.text() == str(tmp_path / "mine.md")


def test_the_library_wide_name_is_in_the_interface_language(
        qtbot: QtBot, library: Library) -> None:
    from reader.gui import i18n

    assert i18n.apply_language("ar")
    with_one_highlight(library)
    dialog = dialog_on(qtbot, library)
    dialog.scope_all.setChecked(True)
    assert offered(dialog) == "التظليلات.md"
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("png"))
    assert offered(dialog) == "التظليلات"  # a folder of cards
    dialog.scope_current.setChecked(True)  # one card: the title
    assert offered(dialog) == "الفرنسيون منقسمون.png"


def test_the_dialog_ticks_the_kinds_it_is_offered(qtbot: QtBot, library: Library) -> None:
    [article_id] = library.ids()
    dialog = ExportDialog(library, current_id=article_id, kinds=["quote", "figure"])
    qtbot.addWidget(dialog)
    assert dialog.kinds() == ["quote", "figure"]
    assert "Quotation: " in dialog.preview.toPlainText()
    # Nothing it knows (a kind from another version): the reader's own.
    dialog = ExportDialog(library, current_id=article_id, kinds=["colour"])
    qtbot.addWidget(dialog)
    assert dialog.kinds() == ["user"]


def test_the_next_export_offers_the_kinds_the_last_one_held(
        qtbot: QtBot, library: Library, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """From a day of use: a reader who exported figures ticked Figures again
    every time the dialog opened (it came back with only their own
    highlights ticked). A dialog closed with Cancel changes nothing."""
    from PySide6.QtWidgets import QWidget

    from reader.gui.import_export import ImportExport

    window = QWidget()
    qtbot.addWidget(window)
    jobs = ImportExport(library, window)
    jobs.current_article = lambda: library.ids()[0]
    offered: list[list[str]] = []
    answers = iter(["export", "cancel", "look"])

    def answer(dialog: ExportDialog) -> int:
        offered.append(dialog.kinds())
        step = next(answers)
        if step == "export":
            dialog.kind_boxes["user"].setChecked(False)
            dialog.kind_boxes["figure"].setChecked(True)
            dialog.path_edit.setText(str(tmp_path / "figures.md"))
            dialog.accept()
        else:
            if step == "cancel":
                dialog.kind_boxes["quote"].setChecked(True)
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", answer)
    for _ in range(3):
        jobs.export_dialog()
        assert jobs.wait_for_tasks()
    qtbot.waitUntil(lambda: not jobs.tasks, timeout=20000)
    assert offered == [["user"], ["figure"], ["figure"]]
    assert (tmp_path / "figures.md").exists()


def test_the_export_choices_outlive_a_restart(
        qtbot: QtBot, library: Library, tmp_path: Path, settings_file: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder, the kinds and the format of the last export were kept for
    the run only: after a restart the dialog offered the home folder,
    Markdown and the reader's own highlights again."""
    from PySide6.QtWidgets import QWidget

    from reader.gui import i18n
    from reader.gui.import_export import ImportExport
    from reader.gui.window_settings import WindowSettings

    out = tmp_path / "تصدير"
    out.mkdir()
    seen: list[tuple[str, list[str], str]] = []

    def answer(dialog: ExportDialog) -> int:
        seen.append((str(Path(dialog.path_edit.text()).parent), dialog.kinds(), dialog.fmt()))
        if len(seen) == 1:
            dialog.format_box.setCurrentIndex(dialog.format_box.findData("json"))
            dialog.kind_boxes["quote"].setChecked(True)
            dialog.path_edit.setText(str(out / "مختارات.json"))
            dialog.accept()
        else:
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", answer)
    for _ in range(2):  # the window, then the window after a restart
        window = QWidget()
        qtbot.addWidget(window)
        jobs = ImportExport(library, window, WindowSettings(i18n.settings(), window))
        jobs.current_article = lambda: library.ids()[0]
        jobs.export_dialog()
        assert jobs.wait_for_tasks()
        qtbot.waitUntil(lambda jobs=jobs: not jobs.tasks, timeout=20000)
    assert seen[1] == (str(out), ["user", "quote"], "json")
    assert (out / "مختارات.json").exists()


@pytest.mark.parametrize("kinds", [["user"], ["user", "quote", "figure"]])
def test_all_articles_finds_the_readers_highlights_in_any_article(
        qtbot: QtBot, store_path: Path, kinds: list[str]) -> None:
    """Found by a tester: "All articles" with only My highlights ticked said
    there were none and left Export disabled when the highlighted article was
    not among the library's first articles; ``export --all --kind user``
    found them. The dialog shows what the command exports, the reader's own
    first."""
    with Library.open(store_path) as library:
        added = library.add_articles(
            [Article(title=f"خبر رقم {n}", body=BODY, published="2018-05-07")
             for n in range(PREVIEW_ARTICLES + 5)])
        last = added[-1].id
        start = BODY.index("سنة كاملة")
        library.add_user_highlight(last, "body", start, start + len("سنة كاملة"))
        dialog = ExportDialog(library, current_id=None)
        qtbot.addWidget(dialog)
        for kind, box in dialog.kind_boxes.items():
            box.setChecked(kind in kinds)
        assert dialog.scope_all.isChecked()
        [first, *_] = dialog.preview.toPlainText().splitlines()
        assert first == "Your highlight: \u2068سنة كاملة\u2069"
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        exported = select(library, None, kinds=kinds)
        assert any(h.kind == "user" for _, hs in exported for h in hs)


def test_a_name_in_another_formats_extension_is_refused_until_they_agree(
        qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    """Regression (tester 57): PDF chosen and ``all2.md`` typed wrote a PDF
    into all2.md. The name is refused with a line under the path and Export
    is off until the name or the format changes; choosing the format the
    name names keeps the name; a new format gives a typed name its extension."""
    with_one_highlight(library)
    dialog = dialog_on(qtbot, library)
    export = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pdf"))
    dialog.path_edit.setText(str(tmp_path / "all2.md"))
    assert not export.isEnabled()
    assert dialog.name_problem.isVisibleTo(dialog)
    assert dialog.name_problem.text() == ("A name in \u2068.md\u2069 is for another format: "
                                          "choose it above, or end the name in \u2068.pdf\u2069")
    assert not dialog.destination.isVisibleTo(dialog)  # no "Writes the file" meanwhile
    dialog.accept()
    assert dialog.request() is None and dialog.result() == 0

    dialog.format_box.setCurrentIndex(dialog.format_box.findData("md"))  # the name's format
    assert dialog.path_edit.text() == str(tmp_path / "all2.md")
    assert export.isEnabled() and not dialog.name_problem.isVisibleTo(dialog)
    assert dialog.destination.isVisibleTo(dialog)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("txt-visual"))
    assert dialog.path_edit.text() == str(tmp_path / "all2.txt")  # typed, new extension
    assert export.isEnabled()
    dialog.path_edit.setText(str(tmp_path / "all2.PDF"))
    assert not export.isEnabled()
    for as_typed in ("all2", "all2.bak"):  # no format's extension: written as typed
        dialog.path_edit.setText(str(tmp_path / as_typed))
        assert export.isEnabled() and not dialog.name_problem.isVisibleTo(dialog)
    dialog.accept()
    request = dialog.request()
    assert request is not None and request.fmt == "txt-visual"
    assert request.out == tmp_path / "all2.bak"


def test_the_preview_says_how_many_more_it_does_not_show_regression(
        qtbot: QtBot, store_path: Path) -> None:
    """Was: nine highlights, eight shown and nothing said of the ninth; the
    reader took a quotation missing from the preview for one left out."""
    from reader.gui.export_dialog import PREVIEW_ITEMS

    body = " ".join(f"وقال المسؤول رقم {n}: «الخطة تبدأ غدا»." for n in range(PREVIEW_ITEMS + 3))
    with Library.open(store_path) as lib:
        lib.add_articles([Article(title="تصريحات", body=body)])
        dialog = dialog_on(qtbot, lib)
        dialog.kind_boxes["quote"].setChecked(True)
        lines = dialog.preview.toPlainText().splitlines()
        quotes = len([h for _a, hs in select(lib, lib.ids(), kinds=["quote"]) for h in hs])
        assert quotes > PREVIEW_ITEMS and len(lines) == PREVIEW_ITEMS + 1
        assert lines[-1] == f"… and {quotes - PREVIEW_ITEMS} more, all exported"
