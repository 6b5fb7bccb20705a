"""What a drop on the window holds: local files and folders, or web addresses.

A file manager drops ``file:`` URLs; a browser dropping a link gives its
address as an ``http(s)`` URL (``text/uri-list``) and often as plain text
too. Both are read here, so the window imports files and fetches links alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

from PySide6.QtCore import QMimeData, QUrl

from reader.gui.url_dialog import is_web_address

MAX_DROPPED_ADDRESSES = 20
"""A drop of more links than this is not a reader choosing articles."""

MAX_TEXT_LINES = 1000
"""Lines of a dropped text looked at for addresses: a longer text is a page
being dragged, not a list of links (and the window asks at every move of
the mouse while a drag passes over it)."""


def dropped_paths(mime: QMimeData) -> list[str]:
    """The local files and folders of a drop, as paths."""
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


def dropped_web_addresses(mime: QMimeData) -> list[str]:
    """The ``http``/``https`` addresses of a drop (its URLs, else its text when
    that is one address per line: the first ``MAX_TEXT_LINES``), without
    repeats, the first ``MAX_DROPPED_ADDRESSES``."""
    found: Iterable[str] = [url.toString() for url in mime.urls() if not url.isLocalFile()]
    if not found and mime.hasText():
        found = islice(mime.text().splitlines(), MAX_TEXT_LINES)
    out: dict[str, None] = {}  # in the order dropped
    for text in found:
        if is_web_address(text):
            out[QUrl(text.strip()).toString()] = None
            if len(out) == MAX_DROPPED_ADDRESSES:
                break
    return list(out)
