"""The export dialog.

``ExportDialog`` asks which articles, which kinds of highlight, which format
and which file, shows the first highlights that would be exported, says
where the files will go, and confirms before replacing a file. It returns an
``ExportRequest``; the window runs it off the GUI thread
(``reader.gui.workers.export``).

The reader's own highlights are what an export holds by default; quotations
and figures found automatically are opt-in (46 automatic items used to bury
the reader's 2). The window offers the kinds the last export held
(``kinds``). The preview is a ``QTextEdit``, each row its own paragraph
with the highlight's text isolated (``QPlainTextEdit`` scrambled a date such as
"7 مايو/أيار 2018" after a Latin label).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader import exporters
from reader.errors import ReaderError
from reader.exporters import ExportItem
from reader.gui import file_dialogs
from reader.gui.path_label import PathLabel
from reader.gui.workers import ExportRequest
from reader.store.library import Library
from reader.text.bidi import isolate, isolate_file_name

PREVIEW_ITEMS = 8
"""Highlights shown in the export preview."""

PREVIEW_ARTICLES = 50
"""Articles holding a highlight of each kind the preview of a whole-library
export looks at."""

KINDS = ("user", "quote", "figure")
"""The choices, the reader's own first."""

DEFAULT_KINDS = ("user",)
"""The kinds ticked when the window offers none (its first export)."""


class ExportDialog(QDialog):
    """Choose what to export and where. ``request()`` is the answer after
    ``exec()`` returned Accepted. ``confirm_overwrite`` asks before replacing
    an existing output (tests replace it). The path offered first is in
    ``folder`` (the home folder when None); the kinds of ``KINDS`` in
    ``kinds`` are ticked (``DEFAULT_KINDS`` when it names none); ``fmt`` is
    the format chosen first (the default one when "" or unknown).

    The name offered follows what the export writes: one PNG card is the file
    ``<title>.png``, several are the folder ``highlights``; a file of the
    whole library is ``highlights`` with the format's extension, of one
    article its title (``highlights`` in the interface language). While the
    file name is still the one offered (in whatever folder), it changes when
    the highlights ticked make one card several or several one, or the
    articles chosen change. A name the reader typed is kept; a new format
    changes its extension when it ends in a format's. A name that ends in
    another format's extension than the one chosen (``all2.md`` for a PDF)
    is refused, with a line under the path, Export off until they agree:
    the dialog cannot tell which of the two the reader meant, and switching
    the format behind the reader's back (a PDF became a folder of cards for
    a name in ``.png``) is a surprise found only in the file. A name with
    no extension, or one no format writes, is written as typed."""

    def __init__(self, library: Library, *, current_id: int | None,
                 folder: Path | None = None, kinds: Iterable[str] = DEFAULT_KINDS,
                 fmt: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export highlights"))
        self.setMinimumWidth(560)
        self._library = library
        self._folder = folder
        self._current_id = current_id
        self._request: ExportRequest | None = None
        self._count = 0
        self._has_items = False
        """Whether the preview found anything to export (Export is off otherwise)."""
        self._chosen: list[ExportItem] = []
        """What the preview found in the current article ([] for the library)."""
        self._offered = ""
        """The path the dialog offered last, to tell it from one the reader typed."""
        self.confirm_overwrite = self._ask_overwrite

        self.scope_current = QRadioButton(self.tr("This article"), self)
        self.scope_all = QRadioButton(self.tr("All articles"), self)
        scope = QButtonGroup(self)
        scope.addButton(self.scope_current)
        scope.addButton(self.scope_all)
        (self.scope_current if current_id is not None else self.scope_all).setChecked(True)
        self.scope_current.setEnabled(current_id is not None)

        self.kind_boxes = {
            "user": QCheckBox(self.tr("My highlights"), self),
            "quote": QCheckBox(self.tr("Quotations and terms"), self),
            "figure": QCheckBox(self.tr("Figures"), self),
        }
        ticked = set(kinds) & set(KINDS) or set(DEFAULT_KINDS)
        for kind, box in self.kind_boxes.items():
            box.setChecked(kind in ticked)
        for kind in ("quote", "figure"):
            self.kind_boxes[kind].setToolTip(self.tr("Found automatically in the text"))

        self.format_box = QComboBox(self)
        labels = self._format_labels()
        for name, format_ in exporters.FORMATS.items():
            self.format_box.addItem(labels.get(name, format_.description), name)
        chosen = self.format_box.findData(fmt) if fmt else -1  # one no longer made: the default
        self.format_box.setCurrentIndex(
            chosen if chosen >= 0 else self.format_box.findData(exporters.DEFAULT_FORMAT))

        self.path_edit = QLineEdit(self)
        self.path_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.destination = PathLabel(self)
        self.destination.setObjectName("exportDestination")
        self.name_problem = QLabel(self)
        self.name_problem.setObjectName("exportNameProblem")
        self.name_problem.hide()

        self.preview = QTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setAcceptRichText(False)
        self.preview.setMinimumHeight(140)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        scope_row = QHBoxLayout()
        scope_row.addWidget(self.scope_current)
        scope_row.addWidget(self.scope_all)
        kind_row = QHBoxLayout()
        for box in self.kind_boxes.values():
            kind_row.addWidget(box)
        form = QFormLayout()
        form.addRow(self.tr("Articles:"), scope_row)
        form.addRow(self.tr("Highlights:"), kind_row)
        form.addRow(self.tr("Format:"), self.format_box)
        form.addRow(self.tr("Save to:"), path_row)
        under_path = QVBoxLayout()  # one line: where it goes, or why not
        under_path.addWidget(self.destination)
        under_path.addWidget(self.name_problem)
        form.addRow("", under_path)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)

        for button in (self.scope_current, self.scope_all, *self.kind_boxes.values()):
            button.toggled.connect(self._refresh)
        self.format_box.currentIndexChanged.connect(self._on_format_chosen)
        self.path_edit.textChanged.connect(self._update_destination)
        self._refresh()  # offers the first path: the field is still the (empty) offer

    # -- the answer ----------------------------------------------------------------

    def ids(self) -> list[int] | None:
        """The articles chosen; None means the whole library."""
        if self.scope_current.isChecked() and self._current_id is not None:
            return [self._current_id]
        return None

    def _format_labels(self) -> dict[str, str]:
        """Each format's description in the interface language (the exporters'
        own, in English, are the command line's)."""
        return {
            "md": self.tr("Markdown file"),
            "json": self.tr("JSON file (rtl-reader schema, with W3C Web Annotation selectors)"),
            "csv": self.tr("CSV file (UTF-8, Readwise columns first)"),
            "html": self.tr("HTML page (standalone, font embedded)"),
            "pdf": self.tr("PDF file"),
            "txt-visual": self.tr("Plain text in visual order (for devices that cannot "
                                  "shape Arabic)"),
            "png": self.tr("PNG quote cards (one image per highlight)"),
        }

    def kinds(self) -> list[str]:
        return [k for k, box in self.kind_boxes.items() if box.isChecked()]

    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def request(self) -> ExportRequest | None:
        return self._request

    def output(self) -> Path | None:
        """Where the export will write: a file, or for several PNG cards a
        folder (a typed ``name.png`` becomes the folder ``name``)."""
        text = self.path_edit.text().strip()
        if not text:
            return None
        out = Path(text).expanduser()
        if self._folder_of_cards() and out.suffix.lower() == ".png":
            out = out.with_suffix("")
        return out

    def accept(self) -> None:
        out = self.output()
        if out is None or self._other_format_named():
            self.path_edit.setFocus()
            return
        force = False
        if out.exists() and not (self.fmt() == "png" and out.is_dir()):
            if not self.confirm_overwrite(out):
                return
            force = True
        self._request = ExportRequest(self.ids(), self.fmt(), out, self.kinds() or None,
                                      force=force)
        super().accept()

    # -- what would be exported ----------------------------------------------------

    def preview_items(self) -> list[tuple[str, str]]:
        """(kind label, highlight text) of the first ``PREVIEW_ITEMS`` highlights,
        the reader's own first; counts every highlight of the chosen articles
        (of the sample looked at, for the whole library)."""
        ids, kinds = self.ids(), self.kinds()
        self._count = 0
        self._chosen = []
        if not kinds:
            return []
        try:
            if ids is not None:
                items = exporters.select(self._library, ids, kinds=kinds)
            else:
                # A sample of the command's own selection, kind by kind
                # (the reader's own first), so that a few articles of
                # automatic highlights cannot hide the reader's own.
                items = [item for kind in kinds
                         for item in exporters.select(self._library, None, kinds=[kind],
                                                      first=PREVIEW_ARTICLES)]
        except ReaderError:
            return []
        if ids is not None:
            self._chosen = items
        found = [h for _article, highlights in items for h in highlights]
        self._count = len(found)
        found.sort(key=lambda h: h.kind != "user")  # stable: reading order within each
        return [(kind_label(h.kind, h.subtype), h.text) for h in found[:PREVIEW_ITEMS]]

    def _refresh(self) -> None:
        rows = self.preview_items()
        if rows:
            # The label is in the interface language and sets the row's
            # direction; the highlight's text is isolated within it.
            lines = [f"{label}: {isolate(text)}" for label, text in rows]
            # The preview shows the first few; it said nothing of the rest,
            # and a reader took a quotation missing from it for one left out.
            if self.ids() is None:
                lines.append(self.tr("… and the others found in the library, all exported"))
            elif self._count > len(rows):
                lines.append(self.tr("… and %n more, all exported", "", self._count - len(rows)))
            self.preview.setPlainText("\n".join(lines))
        elif self.kinds() == ["user"]:
            self.preview.setPlainText(self.tr(
                "You have no highlights here yet. Tick Quotations and terms or Figures "
                "to export what was found automatically."))
        else:
            self.preview.setPlainText(self.tr("No highlights to export."))
        self._has_items = bool(rows)
        if self._holds_offer():
            # One card may have become several (a file, a folder now), or
            # the other way round; one article may have become the library.
            self._suggest_path()
        self._update_destination()

    def _folder_of_cards(self) -> bool:
        """True when the export makes a folder of PNG cards (more than one card,
        or a whole library whose count the preview does not know)."""
        return self.fmt() == "png" and (self._count > 1 or self.ids() is None)

    def _update_destination(self) -> None:
        """Say where the files will go, before anything is written; or why
        not, when the name's extension is another format's (class
        docstring). Export is on only when there is something to write and
        the name agrees with the format."""
        out = self.output()
        other = self._other_format_named()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self._has_items and other is None)
        # The refusal takes the destination's line: nothing is written there yet.
        self.name_problem.setVisible(other is not None)
        self.destination.setVisible(other is None)
        if other is not None:
            typed = exporters.FORMATS[other].extension
            wanted = exporters.FORMATS[self.fmt()].extension
            self.name_problem.setText(self.tr(
                "A name in {typed} is for another format: choose it above, or end the name "
                "in {wanted}").format(typed=isolate("." + typed), wanted=isolate("." + wanted)))
        elif out is None:
            self.destination.set_path("", "")
        elif self._folder_of_cards():
            if self.ids() is None:
                text = self.tr("One PNG image per highlight, into the folder {folder}")
            else:
                text = self.tr("%n PNG image(s), one per highlight, into the folder {folder}",
                               "", self._count)
            self.destination.set_path(text.replace("{folder}", "{path}"), str(out))
        else:
            self.destination.set_path(self.tr("Writes the file {path}"), str(out))

    def _other_format_named(self) -> str | None:
        """The format the typed name's extension names when it is not the one
        chosen; None when they agree or the name names none."""
        named = exporters.format_named_by(self.path_edit.text().strip())
        return named if named not in (None, self.fmt()) else None

    def _on_format_chosen(self) -> None:
        """Offer the new format's name; a name the reader typed keeps its
        stem and takes the format's extension when it had a format's."""
        text = self.path_edit.text().strip()
        if self._holds_offer() or not text:
            self._suggest_path()
            return
        if exporters.format_named_by(text) is not None:  # else written as typed
            self.path_edit.setText(str(Path(text).with_suffix(
                "." + exporters.FORMATS[self.fmt()].extension)))
        self._update_destination()  # the text may be unchanged: the name was the format's

    def _holds_offer(self) -> bool:
        """True while the path's file name is the one offered last: the
        reader may have changed its folder (Browse… keeps the offered name),
        not what it is called, so the name still follows what is exported."""
        text = self.path_edit.text().strip()
        return text == self._offered or (
            bool(text) and bool(self._offered)
            and Path(text).name == Path(self._offered).name)

    def _suggest_path(self) -> None:
        fmt = self.fmt()
        old = self.path_edit.text().strip()
        folder = Path(old).parent if old else self._folder or Path(QDir.homePath())
        ids = self.ids()
        # What a folder of cards, or a file of the whole library, is called:
        # a word in the interface language, as the titles are in theirs.
        several = exporters.safe_filename(self.tr("highlights"), ext="")
        if ids:
            # The highlights themselves: how many cards is a file or a folder.
            try:
                items = self._chosen or [(self._library.get(ids[0]), [])]
                name = exporters.suggested_name(items, fmt, several=several)
            except ReaderError:
                name = exporters.safe_filename(several, ext=exporters.FORMATS[fmt].extension)
        else:
            name = several if fmt == "png" else \
                exporters.safe_filename(several, ext=exporters.FORMATS[fmt].extension)
        self._offered = str(folder / name)
        self.path_edit.setText(self._offered)
        self._update_destination()

    def _browse(self) -> None:
        if self._folder_of_cards():
            chosen = file_dialogs.folder(self, self.tr("Folder for the cards"),
                                         self.path_edit.text())
        else:
            chosen = file_dialogs.save_file(self, self.tr("Export highlights"),
                                            self.path_edit.text())
        if chosen:
            self.path_edit.setText(chosen)

    def _ask_overwrite(self, out: Path) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Replace file?"),
            self.tr("{name} already exists. Replace it?").format(
                name=isolate_file_name(out.name, rtl=self.isRightToLeft())),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes


def kind_label(kind: str, subtype: str) -> str:
    """What a highlight is, in the reader's words: a term is not a quotation."""
    translate = QCoreApplication.translate  # literal contexts: lupdate reads these
    if kind == "user":
        return translate("ExportDialog", "Your highlight")
    if kind == "figure":
        return translate("ExportDialog", "Figure")
    if subtype == "term":
        return translate("ExportDialog", "Term")
    return translate("ExportDialog", "Quotation")
