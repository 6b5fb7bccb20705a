"""Visual order, for targets that have no shaping engine (DESIGN decision 1).

Never pass the output of ``to_visual`` to a Qt widget: Qt shapes Arabic itself.
"""

from __future__ import annotations

import arabic_reshaper
from bidi import get_display

_RESHAPER = arabic_reshaper.ArabicReshaper(
    configuration={"delete_harakat": False, "support_ligatures": True}
)


def to_visual(text: str) -> str:
    """Shape (presentation forms) and reorder ``text`` line by line for display.

    Each ``\\n``-separated line is reshaped, then laid out with the Unicode
    bidi algorithm, base direction taken from the line itself. The result is
    for terminals and plain-text devices only; it is not logical text.
    """
    return "\n".join(get_display(_RESHAPER.reshape(line)) for line in text.split("\n"))
