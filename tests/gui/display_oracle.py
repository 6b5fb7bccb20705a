"""A second, slow way to say where each character of a field sits in the reading
view's document, written apart from reader/gui/offsets.py so the two can be
compared; and limits small enough for generated text to reach them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from hypothesis import strategies as st

from reader.gui import display_text
from reader.gui.display_text import ZERO_WIDTH_SPACE, display_paragraphs, plan_display, safe_text

EMOJI = "\U0001f600"
FATHA, SHADDA = "\u064e", "\u0651"
ZWJ, ZWNJ = "\u200d", "\u200c"
FLAG_EG = "\U0001f1ea\U0001f1ec"  # two regional indicators
SKIN_TONE = "\U0001f3fd"

ALPHABET = [*"بسملاa7", " ", "\n", "\r", "\u2029", ZERO_WIDTH_SPACE, FATHA, SHADDA, ZWJ, ZWNJ,
            "\u200f", EMOJI, "\U0001d7d9", SKIN_TONE, *FLAG_EG, "\x1b", "\x07", "\x00"]
"""Letters, and everything a display break must not split or that Qt treats
specially, and terminal controls (issue 13)."""

shaped_texts = st.lists(st.one_of(st.sampled_from("بسملا"), st.sampled_from(ALPHABET)),
                        max_size=60).map("".join)
"""Text with runs long enough for ``small_limits`` to add breaks and cut blocks."""


@contextmanager
def small_limits() -> Iterator[None]:
    """Runs of more than 5 characters get a break every 2, blocks hold 12."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(display_text, "LONGEST_RUN", 5)
        mp.setattr(display_text, "BREAK_EVERY", 2)
        mp.setattr(display_text, "LONGEST_BLOCK", 12)
        yield


def utf16_units(text: str) -> list[str]:
    """``text`` as Qt counts it: one item per UTF-16 unit (surrogates apart)."""
    data = text.encode("utf-16-le", "surrogatepass")
    return [data[k:k + 2].decode("utf-16-le", "surrogatepass") for k in range(0, len(data), 2)]


@dataclass
class ShownField:
    """One field as the document holds it, unit by unit.

    ``units``: the document's UTF-16 units for the field, block separators as
    U+2029; ``starts[i]``: the unit where character ``i`` starts (``i`` may be
    the length); ``ends[i]``: the unit just past character ``i - 1``;
    ``added``: the units that the text does not have.
    """

    units: list[str]
    starts: list[int]
    ends: list[int]
    added: set[int]

    def without_added(self, lo: int, hi: int) -> str:
        """The document's units ``lo..hi`` with the added ones taken out, as a str."""
        kept = "".join(u for k, u in enumerate(self.units[lo:hi], lo) if k not in self.added)
        return kept.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def shown_field(text: str) -> ShownField:
    """Walk ``text`` and its plan unit by unit; checks that the blocks that
    ``display_paragraphs`` makes hold exactly those units."""
    plan = plan_display(text)
    breaks, cuts = set(plan.breaks), set(plan.cuts)
    units: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    added: set[int] = set()
    for i in range(len(text) + 1):
        ends.append(len(units))
        if i in breaks or i in cuts:
            added.add(len(units))
            units.append(ZERO_WIDTH_SPACE if i in breaks else "\u2029")
        starts.append(len(units))
        if i < len(text):
            units.extend(utf16_units(safe_text(text[i]).replace("\n", "\u2029")))
    blocks = "\u2029".join(piece for _, pieces in display_paragraphs(text, plan)
                           for piece in pieces)
    assert utf16_units(blocks) == units
    return ShownField(units, starts, ends, added)
