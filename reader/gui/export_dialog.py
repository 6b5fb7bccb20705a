"""The export dialog.

``ExportDialog`` asks which articles, which kinds of highlight, which format
and which file, shows the first highlights that would be exported, and
confirms before replacing a file. It returns an ``ExportRequest``; the window
runs it off the GUI thread (``reader.gui.workers.export``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader import exporters
from reader.errors import ReaderError
from reader.gui.workers import ExportRequest
from reader.store.library import Library
from reader.text.bidi import isolate

PREVIEW_ITEMS = 8
"""Highlights shown in the export preview."""

KINDS = ("quote", "figure", "user")


class ExportDialog(QDialog):
    """Choose what to export and where. ``request()`` is the answer after
    ``exec()`` returned Accepted. ``confirm_overwrite`` asks before replacing
    an existing output (tests replace it)."""

    def __init__(self, library: Library, *, current_id: int | None,
                 selected_ids: list[int] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export highlights"))
        self._library = library
        self._current_id = current_id
        self._selected = list(selected_ids or [])
        self._request: ExportRequest | None = None
        self.confirm_overwrite = self._ask_overwrite

        self.scope_current = QRadioButton(self.tr("This article"), self)
        self.scope_all = QRadioButton(self.tr("All articles"), self)
        scope = QButtonGroup(self)
        scope.addButton(self.scope_current)
        scope.addButton(self.scope_all)
        (self.scope_current if current_id is not None else self.scope_all).setChecked(True)
        self.scope_current.setEnabled(current_id is not None)

        self.kind_boxes = {
            "quote": QCheckBox(self.tr("Quotations"), self),
            "figure": QCheckBox(self.tr("Figures"), self),
            "user": QCheckBox(self.tr("My highlights"), self),
        }
        for box in self.kind_boxes.values():
            box.setChecked(True)

        self.format_box = QComboBox(self)
        for name, fmt in exporters.FORMATS.items():
            self.format_box.addItem(fmt.description, name)
        self.format_box.setCurrentIndex(self.format_box.findData(exporters.DEFAULT_FORMAT))

        self.path_edit = QLineEdit(self)
        self.path_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
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
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)

        for button in (self.scope_current, self.scope_all, *self.kind_boxes.values()):
            button.toggled.connect(self._refresh)
        self.format_box.currentIndexChanged.connect(self._suggest_path)
        self._suggest_path()
        self._refresh()

    # -- the answer ----------------------------------------------------------------

    def ids(self) -> list[int] | None:
        """The articles chosen; None means the whole library."""
        if self.scope_current.isChecked() and self._current_id is not None:
            return [self._current_id]
        return None

    def kinds(self) -> list[str]:
        return [k for k, box in self.kind_boxes.items() if box.isChecked()]

    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def request(self) -> ExportRequest | None:
        return self._request

    def accept(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.path_edit.setFocus()
            return
        out = Path(text).expanduser()
        force = False
        if out.exists() and not (self.fmt() == "png" and out.is_dir()):
            if not self.confirm_overwrite(out):
                return
            force = True
        self._request = ExportRequest(self.ids(), self.fmt(), out, self.kinds() or None,
                                      force=force)
        super().accept()

    # -- helpers ------------------------------------------------------------------

    def preview_items(self) -> list[tuple[str, str]]:
        """(kind label, highlight text) of the first ``PREVIEW_ITEMS`` highlights."""
        ids = self.ids()
        kinds = self.kinds()
        if not kinds:
            return []
        try:
            chosen = ids if ids is not None else self._library.ids()[:50]
            items = exporters.select(self._library, chosen, kinds=kinds)
        except ReaderError:
            return []
        labels = {"quote": self.tr("Quotation"), "figure": self.tr("Figure"),
                  "user": self.tr("Highlight")}
        out: list[tuple[str, str]] = []
        for _article, highlights in items:
            for h in highlights:
                out.append((labels.get(h.kind, h.kind), h.text))
                if len(out) >= PREVIEW_ITEMS:
                    return out
        return out

    def _refresh(self) -> None:
        rows = self.preview_items()
        if not rows:
            self.preview.setPlainText(self.tr("No highlights to export."))
        else:
            self.preview.setPlainText("\n".join(f"{isolate(label)}: {isolate(text)}"
                                                for label, text in rows))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(rows))

    def _suggest_path(self) -> None:
        fmt = self.fmt()
        old = self.path_edit.text().strip()
        folder = Path(old).parent if old else Path(QDir.homePath())
        ids = self.ids()
        if ids:
            try:
                name = exporters.suggested_name([(self._library.get(ids[0]), [])], fmt)
            except ReaderError:
                name = f"highlights.{exporters.FORMATS[fmt].extension}"
        else:
            name = "highlights" if fmt == "png" else \
                f"highlights.{exporters.FORMATS[fmt].extension}"
        self.path_edit.setText(str(folder / name))

    def _browse(self) -> None:
        if self.fmt() == "png":
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the cards"),
                                                      self.path_edit.text())
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export highlights"),
                                                    self.path_edit.text())
        if chosen:
            self.path_edit.setText(chosen)

    def _ask_overwrite(self, out: Path) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Replace file?"),
            self.tr("{name} already exists. Replace it?").format(name=isolate(out.name)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
