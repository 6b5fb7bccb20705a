"""Quotation highlights. STUB: the quotations helper replaces this."""

from __future__ import annotations

from reader.text.spans import Highlight


def find_quotes(text: str) -> list[Highlight]:
    """Every quotation and quoted term in ``text`` (kind ``quote``)."""
    return []
