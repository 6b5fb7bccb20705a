"""Where the bundled resources are, for a checkout and an installed wheel alike."""

from __future__ import annotations

import importlib.resources
from importlib.resources.abc import Traversable
from pathlib import Path


def resource_root() -> Traversable:
    """The ``resources/`` folder: the ``reader_resources`` package when installed."""
    try:
        return importlib.resources.files("reader_resources")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A real file-system path to a bundled resource (fonts must be files for Qt)."""
    node = resource_root().joinpath(*parts)
    return Path(str(node))
