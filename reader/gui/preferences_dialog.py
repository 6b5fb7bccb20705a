"""The preferences dialog: language, theme, and how the article is set.

The font list holds the bundled Naskh first, then the system's fonts that
write Arabic; the reading view falls back to the bundled font when a chosen
family is gone.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QWidget,
)

from reader.gui.fonts import arabic_families, register_fonts
from reader.gui.i18n import LANGUAGES
from reader.gui.spin_box import DoubleSpinBox, SpinBox
from reader.gui.window_settings import (
    FONT_SIZE_RANGE,
    LINE_SPACING_RANGE,
    MARGIN_RANGE,
    Preferences,
)


class PreferencesDialog(QDialog):
    """Edit ``Preferences``; ``preferences()`` is the answer after Accepted."""

    def __init__(self, current: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current = current
        self.setWindowTitle(self.tr("Preferences"))
        self.language_box = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(self.language_box.findData(current.language))
        self.theme_box = QComboBox(self)
        labels = {"system": self.tr("As the system"), "light": self.tr("Light"),
                  "dark": self.tr("Dark"), "sepia": self.tr("Sepia")}
        for code, label in labels.items():
            self.theme_box.addItem(label, code)
        self.theme_box.setCurrentIndex(max(self.theme_box.findData(current.theme), 0))
        self.font_box = QComboBox(self)
        bundled = register_fonts()
        for family in arabic_families():
            label = self.tr("{family} (bundled)").format(family=family) \
                if family == bundled else family
            self.font_box.addItem(label, "" if family == bundled else family)
        self.font_box.setCurrentIndex(max(self.font_box.findData(current.font_family), 0))
        self.size_box = DoubleSpinBox(self)
        self.size_box.setRange(*FONT_SIZE_RANGE)
        self.size_box.setSingleStep(0.5)
        self.size_box.setDecimals(1)
        self.size_box.setSuffix(self.tr(" pt"))
        self.size_box.setValue(current.font_size)
        self.spacing_box = SpinBox(self)
        self.spacing_box.setRange(*LINE_SPACING_RANGE)
        self.spacing_box.setSingleStep(10)
        self.spacing_box.setSuffix("%")
        self.spacing_box.setValue(current.line_spacing)
        self.margin_box = SpinBox(self)
        self.margin_box.setRange(*MARGIN_RANGE)
        self.margin_box.setSingleStep(6)
        self.margin_box.setSuffix(self.tr(" px"))
        self.margin_box.setValue(current.margin)
        self.justified_box = QCheckBox(self.tr("Justify paragraphs"), self)
        self.justified_box.setChecked(current.justified)
        self.diacritics_box = QCheckBox(self.tr("Show diacritics"), self)
        self.diacritics_box.setChecked(current.show_diacritics)
        self.read_at_once_box = QCheckBox(self.tr("Mark an article read as soon as it opens"),
                                          self)
        self.read_at_once_box.setToolTip(self.tr(
            "Otherwise an article chosen in the list is read once it stayed open for a "
            "moment, or you scrolled or searched in it: skimming the list keeps what "
            "you passed unread"))
        self.read_at_once_box.setChecked(current.mark_read_at_once)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Language:"), self.language_box)
        form.addRow(self.tr("Theme:"), self.theme_box)
        form.addRow(self.tr("Font:"), self.font_box)
        form.addRow(self.tr("Font size:"), self.size_box)
        form.addRow(self.tr("Line spacing:"), self.spacing_box)
        form.addRow(self.tr("Margins:"), self.margin_box)
        form.addRow("", self.justified_box)
        form.addRow("", self.diacritics_box)
        form.addRow("", self.read_at_once_box)
        form.addRow(buttons)

    def preferences(self) -> Preferences:
        """The preferences the dialog started from, with what it shows as chosen
        now: those it does not show (the View menu's highlight switches) stay
        as they were, so OK does not reset them."""
        return replace(self._current,
                       language=str(self.language_box.currentData()),
                       theme=str(self.theme_box.currentData()),
                       justified=self.justified_box.isChecked(),
                       line_spacing=self.spacing_box.value(),
                       font_family=str(self.font_box.currentData() or ""),
                       font_size=self.size_box.value(),
                       margin=self.margin_box.value(),
                       show_diacritics=self.diacritics_box.isChecked(),
                       mark_read_at_once=self.read_at_once_box.isChecked())
