"""The Article and the stored highlight record (DESIGN decisions 2 and 5)."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from typing import Any

from reader.errors import NotFound
from reader.text.spans import TEXT_FIELDS, Highlight


@dataclass(slots=True)
class Article:
    """One news article. Text fields are in logical order, never folded.

    ``body`` holds paragraphs separated by a single ``\\n``. ``published`` is
    an ISO 8601 date or date-time string ("" when unknown); ``imported_at`` is
    an ISO 8601 UTC date-time set by the store. ``position`` is the reading
    position: a str index into ``body``. ``id`` is None until stored.
    """

    title: str
    body: str
    subtitle: str = ""
    caption: str = ""
    byline: str = ""
    source: str = ""
    url: str = ""
    author: str = ""
    published: str = ""
    language: str = "ar"
    id: int | None = None
    imported_at: str = ""
    read: bool = False
    starred: bool = False
    position: int = 0
    user_highlights: list[HighlightRecord] = dataclasses.field(default_factory=list)
    """User highlights that arrive with the article (a JSON export being
    imported); ``add_articles`` stores them. Not part of the content hash."""

    def field_text(self, name: str) -> str:
        """The text of field ``name`` (one of ``TEXT_FIELDS``)."""
        if name not in TEXT_FIELDS:
            raise ValueError(f"not a text field: {name!r}")
        return str(getattr(self, name))

    def published_day(self) -> str:
        """The day of ``published`` (``YYYY-MM-DD``), as the article list shows
        it: what a page for people prints; the machine formats keep it whole."""
        return self.published[:10]

    def fields(self) -> dict[str, str]:
        """Every text field by name, in reading order."""
        return {name: self.field_text(name) for name in TEXT_FIELDS}

    def content_hash(self) -> str:
        """SHA-256 over the text fields: the duplicate key of the store."""
        h = hashlib.sha256()
        for name in TEXT_FIELDS:
            h.update(self.field_text(name).encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()


HIGHLIGHT_ROLES: tuple[str, ...] = ("quotation", "term", "figure", "user")
"""What a reader tells highlights apart as (``HighlightRecord.role``), in
the order the window's legend and the exports list them: a quote's two
subtypes apart, every figure subtype together."""


@dataclass(slots=True)
class HighlightRecord:
    """A highlight as the store keeps it: automatic (quote, figure) or user.

    ``start``/``end`` index ``field`` of article ``article_id``. ``text`` is the
    highlighted text as it was, so a highlight can be re-anchored or reported
    orphaned when the field changes. ``colour`` is a ``#rrggbb`` string for
    user highlights ("" otherwise); ``created`` an ISO 8601 UTC date-time;
    ``engine`` the ENGINE_VERSION that computed an automatic highlight
    (0 for user highlights).
    """

    article_id: int
    field: str
    kind: str
    subtype: str
    start: int
    end: int
    text: str
    value: Any = None
    speaker: str = ""
    colour: str = ""
    note: str = ""
    created: str = ""
    engine: int = 0
    id: int | None = None
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def role(self) -> str:
        """One of ``HIGHLIGHT_ROLES``: a term is no quotation, to the reader."""
        if self.kind == "quote":
            return "term" if self.subtype == "term" else "quotation"
        return "figure" if self.kind == "figure" else "user"

    @classmethod
    def from_highlight(
        cls, article_id: int, h: Highlight, *, engine: int, created: str
    ) -> HighlightRecord:
        return cls(article_id, h.field, h.kind, h.subtype, h.start, h.end, h.text,
                   h.value, h.speaker, created=created, engine=engine)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of ``rtl-reader highlights`` (DESIGN decision 8)."""
        return {
            "id": self.id,
            "article_id": self.article_id,
            "field": self.field,
            "kind": self.kind,
            "subtype": self.subtype,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "speaker": self.speaker,
            "colour": self.colour,
            "note": self.note,
            "created": self.created,
        }


def not_found(article_id: int) -> NotFound:
    """The error for an article id the store does not hold."""
    return NotFound(str(article_id), "no article with this ID")
