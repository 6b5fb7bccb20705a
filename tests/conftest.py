"""Shared fixtures: offscreen Qt, the corpus, temporary stores."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep tests away from the user's real store and settings.
os.environ.pop("RTL_READER_STORE", None)

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("RTL_READER_CORPUS", REPO.parent / "shared" / "corpus"))
DATA = Path(__file__).resolve().parent / "data"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        in_gui = "tests/gui/" in str(item.fspath).replace(os.sep, "/")
        if in_gui or "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """``../shared/corpus``; tests that need it skip where it is absent."""
    if not (CORPUS / "articles").is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (set RTL_READER_CORPUS)")
    return CORPUS


@pytest.fixture(scope="session")
def corpus_articles(corpus_dir: Path) -> list[Path]:
    return sorted((corpus_dir / "articles").glob("*.txt"))


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """A store file path in a fresh temporary folder (the file does not exist yet)."""
    return tmp_path / "library.sqlite3"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """platformdirs and QSettings write under a temporary HOME, never the user's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("RTL_READER_STORE", raising=False)


def require_program(program: str, package: str) -> str:
    """The path of ``program``; skip (naming the Debian ``package``) when it is
    missing, or fail under ``RTL_READER_REQUIRE_ALL=1`` (CI, where nothing may
    be skipped)."""
    import shutil

    found = shutil.which(program)
    if found:
        return found
    message = f"{program} not found: install Debian's {package} package"
    if os.environ.get("RTL_READER_REQUIRE_ALL"):
        pytest.fail(message)
    pytest.skip(message)
