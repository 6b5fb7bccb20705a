"""What a drop on the window holds: its files, or the web addresses of its
links or of its text, read without going through all of a huge drag."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QUrl

from reader.gui import drops
from reader.gui.drops import MAX_DROPPED_ADDRESSES, dropped_paths, dropped_web_addresses


def text_drop(text: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    return mime


def test_the_addresses_of_a_text_come_once_each_in_order(qapp: object) -> None:
    mime = text_drop(" https://a.example/x \nnot a link\nhttps://a.example/x\nhttps://b.example\n")
    assert dropped_web_addresses(mime) == ["https://a.example/x", "https://b.example"]
    assert dropped_paths(mime) == []


@pytest.mark.parametrize("links", [True, False])
def test_a_drag_of_many_links_reads_only_what_it_keeps(
    qapp: object, monkeypatch: pytest.MonkeyPatch, links: bool
) -> None:
    # Asked at every move of the mouse over the window: a drag of 100,000
    # links read them all (and compared each with every kept one).
    looked_at: list[str] = []
    real = drops.is_web_address
    monkeypatch.setattr(drops, "is_web_address",
                        lambda text: looked_at.append(text) or real(text))
    addresses = [f"https://news.example/{n}" for n in range(100_000)]
    mime = QMimeData()
    if links:
        mime.setUrls([QUrl(a) for a in addresses])
    else:
        mime.setText("\n".join(addresses))
    assert dropped_web_addresses(mime) == addresses[:MAX_DROPPED_ADDRESSES]
    assert len(looked_at) == MAX_DROPPED_ADDRESSES


def test_a_long_text_without_links_is_read_only_at_its_start(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    looked_at: list[str] = []
    monkeypatch.setattr(drops, "is_web_address", lambda text: looked_at.append(text) or False)
    assert dropped_web_addresses(text_drop("كلمة\n" * 1_000_000)) == []
    assert len(looked_at) <= drops.MAX_TEXT_LINES
