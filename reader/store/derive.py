"""What the store derives from an article before writing it, and row <-> record.

``prepare`` does the CPU work of an import outside the write lock: the
content hash, the folded and stemmed text of each field for the two indexes,
and the automatic highlights of every text field with the current
ENGINE_VERSION. ``anchor`` finds a user highlight's text again after a field
changed. Offsets are str indices into the original field (DESIGN decision 2).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reader.store.article import Article, HighlightRecord
from reader.store.schema import FTS_COLUMNS
from reader.store.stem import stem_text
from reader.text import ENGINE_VERSION, find_highlights, fold_text
from reader.text.spans import TEXT_FIELDS


@dataclass(slots=True)
class Prepared:
    """An article with everything derived from it, computed outside the write lock."""

    article: Article
    content_hash: str
    folded: tuple[str, ...] | tuple[bytes, ...]
    """The ``FTS_COLUMNS`` values of the plain index: str, or their UTF-8
    bytes when prepared in an import's worker (``encoded``)."""
    stemmed: tuple[str, ...] | tuple[bytes, ...]
    """The values of the word-family index, str or bytes as ``folded``."""
    highlights: list[tuple[Any, ...]]
    quotes: int
    figures: int
    title_key: str
    source_key: str


def now() -> str:
    """The current UTC time, ISO 8601 with a Z."""
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def prepare(article: Article, *, content_hash: str | None = None) -> Prepared:
    """Everything the store writes for ``article`` besides its own columns
    (``content_hash``: the article's hash when the caller has it already).
    Pure CPU work, the same in any process: an import may run it in worker
    processes and hand the result to ``Library.add_articles``."""
    fields = article.fields()
    folded = index_text([fields[name] for name in FTS_COLUMNS])
    rows: list[tuple[Any, ...]] = []
    quotes = figures = 0
    for name in TEXT_FIELDS:
        text = fields[name]
        if not text:
            continue
        for h in find_highlights(text, field=name):
            quotes += h.kind == "quote"
            figures += h.kind == "figure"
            # Stored without their text and time: both come from the article
            # when read (``rows.from_row``), a quarter of the store's size less.
            rows.append((h.field, h.kind, h.subtype, h.start, h.end, "",
                         to_json(h.value), h.speaker, "", "", "", ENGINE_VERSION, 0))
    return Prepared(
        article, content_hash or article.content_hash(), folded,
        tuple(stem_text(f) for f in folded),
        rows, quotes, figures, folded[0], source_key(article.source),
    )


def source_key(source: str) -> str:
    """What the list's filter matches a source by (``articles.source_key``)."""
    return fold_text(source)


def encoded(p: Prepared) -> Prepared:
    """``p`` with the text of its index rows (``folded``, ``stemmed``) as
    UTF-8 bytes, for a worker process to hand to the writer: pickled, a str
    is encoded to UTF-8 and decoded again on the other side, and then
    encoded once more for SQLite, which takes the bytes as they are
    (``rows.insert_articles`` casts them back to text). That is more than
    half of the text an article sends: the writer's process ran 3% fewer
    instructions an article (callgrind, an import of 2,000 plain-text
    articles: 6.75 G to 6.61 G), the workers the same. Only
    ``rows.insert_articles`` takes what this gives."""
    p.folded = tuple(t.encode() for t in p.folded)  # type: ignore[union-attr]
    p.stemmed = tuple(t.encode() for t in p.stemmed)  # type: ignore[union-attr]
    return p


def index_text(fields: Sequence[str | None]) -> tuple[str, ...]:
    """What the plain search index holds for an article's ``FTS_COLUMNS``
    values: each folded. Deleting a row from that contentless index needs
    exactly these values again, so this is the one place that makes them."""
    return tuple(fold_text(t) if t else "" for t in fields)


def to_json(value: Any) -> str | None:
    """A highlight value as stored: JSON text, or NULL for None."""
    return None if value is None else _ENCODE(value)


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
"""``json.dumps(value, ensure_ascii=False)``, its encoder made once: dumps
makes a new one per call when given an option, which cost twice the
encoding itself (an article has about ten values)."""


def anchor(text: str, start: int, end: int, old: str) -> tuple[int, int, bool]:
    """Where highlighted text ``old`` (once at start..end) sits in ``text`` now:
    the occurrence nearest the old start, or the old span clamped and orphaned."""
    if 0 <= start <= end <= len(text) and text[start:end] == old:
        return start, end, False
    best: int | None = None
    at = text.find(old) if old else -1
    while at >= 0:
        if best is None or abs(at - start) < abs(best - start):
            best = at
        at = text.find(old, at + 1)
    if best is None:
        s = min(max(start, 0), len(text))
        return s, min(max(end, s), len(text)), True
    return best, best + len(old), False


HL_COLUMNS = ('id, article_id, field, kind, subtype, start, "end", text, value, speaker, '
              "colour, note, created, engine, orphan")
"""The ``highlights`` table's columns, in the order ``from_row`` reads them."""


def from_row(r: Sequence[Any]) -> HighlightRecord:
    """A HighlightRecord from a ``highlights`` row (columns as ``HL_COLUMNS``);
    an orphaned user highlight has ``extra == {"orphaned": True}``."""
    (hid, article_id, field, kind, subtype, start, end, text, value, speaker, colour, note,
     created, engine, orphan) = r
    return HighlightRecord(article_id, field, kind, subtype, start, end, text,
                           json.loads(value) if value is not None else None, speaker,
                           colour, note, created, engine, hid,
                           {"orphaned": True} if orphan else {})
