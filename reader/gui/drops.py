"""What a drop on the window holds: local files and folders, or web addresses.

A file manager drops ``file:`` URLs; a browser dropping a link gives its
address as an ``http(s)`` URL (``text/uri-list``) and often as plain text
too. Both are read here, so the window imports files and fetches links alike.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QUrl

from reader.gui.url_dialog import is_web_address

MAX_DROPPED_ADDRESSES = 20
"""A drop of more links than this is not a reader choosing articles."""


def dropped_paths(mime: QMimeData) -> list[str]:
    """The local files and folders of a drop, as paths."""
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


def dropped_web_addresses(mime: QMimeData) -> list[str]:
    """The ``http``/``https`` addresses of a drop (its URLs, else its text when
    that is one address per line), without repeats, at most
    ``MAX_DROPPED_ADDRESSES``."""
    found = [url.toString() for url in mime.urls() if not url.isLocalFile()]
    if not found and mime.hasText():
        found = [line.strip() for line in mime.text().splitlines() if line.strip()]
    out: list[str] = []
    for text in found:
        if is_web_address(text) and text not in out:
            out.append(QUrl(text).toString())
    return out[:MAX_DROPPED_ADDRESSES]
