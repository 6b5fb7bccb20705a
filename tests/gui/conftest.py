"""Fixtures shared by the GUI tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reader.gui import i18n


@pytest.fixture
def english_afterwards(qapp: QApplication) -> Iterator[None]:
    """Start and end in English, whatever language a test switches to."""
    i18n.apply_language("en")
    yield
    i18n.apply_language("en")


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Window settings in a temporary INI file, never the user's."""
    path = tmp_path / "settings.ini"
    monkeypatch.setenv("RTL_READER_SETTINGS", str(path))
    return path


@pytest.fixture(autouse=True)
def _application_palette_kept(qapp: QApplication) -> Iterator[None]:
    """A window's theme colours the whole application: give the next test
    the palette this one started with."""
    palette = QApplication.palette()
    yield
    QApplication.setPalette(palette)
