"""The export dialog (issue 14, item 6): the reader's own highlights by
default, automatic kinds opt-in; kinds named right; mixed runs kept in order
in the preview; where the files go said before anything is written."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.gui.export_dialog import ExportDialog
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
    assert dialog.destination.text() == f"Writes the file \u2068{tmp_path / 'notes.md'}\u2069"
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("png"))
    dialog.path_edit.setText(str(tmp_path / "hl.png"))
    # Two quotations: two cards, which need a folder; "hl.png" becomes the folder "hl".
    assert dialog.destination.text() == (
        f"2 PNG images, one per highlight, into the folder \u2068{tmp_path / 'hl'}\u2069")
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
