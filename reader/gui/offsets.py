"""The one place that converts str indices to Qt document positions and back.

Offsets in the store and the text engine are Python str indices (code points)
into one field of an article, end exclusive (DESIGN decision 2). A
``QTextDocument`` counts UTF-16 code units, and one separator per block. The
reading view lays the non-empty fields out one after another, each starting a
new block, and each ``\\n`` inside a field becomes a block separator (one unit,
like the ``\\n`` it replaces). In a pathological field the view also puts
display-only units of its own between characters: a zero width space in a
long run without spaces, a block separator in a huge paragraph
(``reader.gui.display_text``, its ``DisplayPlan.inserts``). So inside a field::

    qt_position = field_start + index + (non-BMP characters before index)
                                      + (display units before index)

A display unit at an index belongs before that character: the start of a span
there maps after it and the end of a span maps before it, so a span covers
exactly the document's copy of its characters.

Nothing in this module imports Qt: it is pure arithmetic, testable alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from reader.gui.display_text import NO_CHANGE, DisplayPlan, plan_display

# A regex scans a megabyte of text in C, where a Python loop over it took a fifth of a second.
_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")


def utf16_length(text: str) -> int:
    """The length of ``text`` in UTF-16 code units (what Qt counts)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


@dataclass(frozen=True, slots=True)
class FieldOffsets:
    """The conversion for one field placed at document position ``start``.

    ``astral`` holds the str index of every character outside the BMP (each
    takes two UTF-16 units); ``length`` is the field's length in code points;
    ``plan`` says where the document holds display-only units (none for
    ordinary text).
    """

    name: str
    start: int
    length: int
    astral: tuple[int, ...]
    plan: DisplayPlan = NO_CHANGE
    _inserts: tuple[int, ...] = dataclass_field(repr=False, compare=False, default=())
    # The unit (within the field) where each astral character, or display unit, sits.
    _astral_units: tuple[int, ...] = dataclass_field(repr=False, compare=False, default=())
    _insert_units: tuple[int, ...] = dataclass_field(repr=False, compare=False, default=())

    @classmethod
    def build(cls, name: str, text: str, start: int) -> FieldOffsets:
        """The placement of ``text`` at ``start``, as the reading view shows it
        (``plan_display(text)``)."""
        plan = plan_display(text)
        astral = tuple(m.start() for m in _ASTRAL_RE.finditer(text))
        inserts = plan.inserts
        # Display units at an index come before the character there.
        astral_units = tuple(index + k + bisect_right(inserts, index)
                             for k, index in enumerate(astral))
        insert_units = tuple(index + k + bisect_left(astral, index)
                             for k, index in enumerate(inserts))
        return cls(name, start, len(text), astral, plan, inserts, astral_units, insert_units)

    @property
    def units(self) -> int:
        """The field's length in document positions (UTF-16 units, one per
        block separator, display units included)."""
        return self.length + len(self.astral) + len(self._inserts)

    @property
    def end(self) -> int:
        """The document position just past the field's last character."""
        return self.start + self.units

    def to_qt(self, index: int, *, end: bool = False) -> int:
        """Document position of str index ``index`` (``0 <= index <= length``):
        where the character at ``index`` starts, or with ``end`` where the one
        before it ends (they differ only where a display unit sits between).

        Raises ValueError for an index outside the field.
        """
        if not 0 <= index <= self.length:
            raise ValueError(f"index {index} outside field {self.name!r} of length {self.length}")
        shown = (bisect_left if end else bisect_right)(self._inserts, index)
        return self.start + index + bisect_left(self.astral, index) + shown

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        """Document positions of the span ``[start, end)`` of this field: from
        where its first character starts to where its last one ends (never
        before the start). Raises ValueError for an index outside the field."""
        a = self.to_qt(start)
        return a, max(a, self.to_qt(end, end=True))

    def to_index(self, position: int) -> int:
        """The str index at document ``position``, clamped to the field.

        A position inside a surrogate pair rounds down to the character that
        starts there, so a Qt selection can never split an emoji; either side
        of a display unit gives the index of the character after it.
        """
        unit = min(max(position - self.start, 0), self.units)
        # Astral characters whose first unit lies before ``unit`` each took two units.
        before = bisect_left(self._astral_units, unit)
        # On a low surrogate this gives the index of the character it belongs to.
        return unit - before - bisect_left(self._insert_units, unit)


@dataclass(frozen=True, slots=True)
class DocumentOffsets:
    """The fields of one article as laid out in a document, in document order
    (with the parts the reading view shows beside them under their own
    names: ``reading_view.shown_parts``).

    Build it with ``DocumentOffsets.build([(name, text), ...])``: empty fields
    get no block and are absent; each present field starts one position after
    the previous one ended (the block separator).
    """

    fields: tuple[FieldOffsets, ...]

    @classmethod
    def build(cls, texts: Iterable[tuple[str, str]]) -> DocumentOffsets:
        placed: list[FieldOffsets] = []
        position = 0
        for name, text in texts:
            if not text:
                continue
            if placed:
                position = placed[-1].end + 1
            placed.append(FieldOffsets.build(name, text, position))
        return cls(tuple(placed))

    def field(self, name: str) -> FieldOffsets | None:
        """The placement of field ``name``, or None when it is empty (not shown)."""
        for f in self.fields:
            if f.name == name:
                return f
        return None

    def has(self, name: str) -> bool:
        return self.field(name) is not None

    def to_qt(self, name: str, index: int) -> int:
        """Document position of ``(field, index)``.

        Raises KeyError for a field that is not in the document and ValueError
        for an index outside it.
        """
        f = self.field(name)
        if f is None:
            raise KeyError(name)
        return f.to_qt(index)

    def span_to_qt(self, name: str, start: int, end: int) -> tuple[int, int]:
        """Document positions of the span ``[start, end)`` of field ``name``."""
        f = self.field(name)
        if f is None:
            raise KeyError(name)
        return f.span_to_qt(start, end)

    def locate(self, position: int, *, prefer_previous: bool = False) -> tuple[str, int] | None:
        """``(field, index)`` of document ``position``; None for an empty document.

        A position on the separator between two fields belongs to the field
        that ends there (the end of a selection); with ``prefer_previous`` a
        position at the very start of a field also maps to the end of the
        previous one, which is what the end of a selection made by dragging
        past the last character of a field needs.
        """
        if not self.fields:
            return None
        starts = [f.start for f in self.fields]
        k = bisect_right(starts, position) - 1
        if k < 0:
            return self.fields[0].name, 0
        f = self.fields[k]
        if prefer_previous and k > 0 and position == f.start:
            prev = self.fields[k - 1]
            return prev.name, prev.length
        return f.name, f.to_index(position)

    def selection_span(self, anchor: int, position: int) -> tuple[str, int, int] | None:
        """``(field, start, end)`` for a selection between two document positions.

        A selection that crosses fields is cut at the end of the field where it
        starts (a highlight belongs to one field). None when it selects nothing.
        """
        found = self._selected(anchor, position)
        if found is None:
            return None
        k, start, end = found
        return self.fields[k].name, start, end

    def selection_is_cut(self, anchor: int, position: int) -> bool:
        """Whether the selection between two document positions reaches into a
        field after the one ``selection_span`` keeps it to (so the span leaves
        part of what the reader selected out)."""
        found = self._selected(anchor, position)
        if found is None:
            return False
        k = found[0]
        return k + 1 < len(self.fields) and max(anchor, position) > self.fields[k + 1].start

    def _selected(self, anchor: int, position: int) -> tuple[int, int, int] | None:
        """``(k, start, end)``: the selection's span in ``fields[k]``, the field
        it starts in (``selection_span``)."""
        lo, hi = sorted((anchor, position))
        located = self.locate(lo)
        if lo == hi or located is None:
            return None
        name, start = located
        k = [f.name for f in self.fields].index(name)
        f = self.fields[k]
        if start >= f.length:
            # The selection starts on the separator after the field: the next one.
            if k + 1 >= len(self.fields):
                return None
            k, f, start = k + 1, self.fields[k + 1], 0
        if hi <= f.start:
            return None
        end = f.to_index(min(hi, f.end))
        if end <= start:
            return None
        return k, start, end
