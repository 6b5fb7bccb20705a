"""JSON export: a documented, versioned schema that ``reader.importers.jsonfile``
reads back.

Schema version 1 (UTF-8, not ASCII-escaped)::

    {
      "format": "rtl-reader/highlights",     # identifies the file
      "version": 1,                          # bumped on incompatible change
      "generator": "rtl-reader 0.1.0",
      "exported": "2026-11-24T16:50:00Z",    # ISO 8601 UTC
      "articles": [
        {
          "id": 3,                           # id in the exporting library
          "title": "...", "subtitle": "...", "caption": "...",
          "byline": "...", "body": "...",    # the text fields, logical order
          "source": "...", "url": "...", "author": "...",
          "published": "...", "language": "ar", "imported_at": "...",
          "link": "rtl-reader://article/3?at=0",
          "highlights": [
            {
              "id": 12,                      # null when not stored
              "field": "body",               # which text field the offsets index
              "kind": "quote" | "figure" | "user",
              "subtype": "quotation" | "term" | "digits" | "money" | ... | "",
              "start": 120, "end": 152,      # code-point offsets into the field,
                                             # end exclusive
              "text": "...",                 # == field[start:end]
              "context": {"text": "...",     # the sentence it stands in
                          "start": 8, "end": 40},   # the span inside it
              "value": 2200000 | {"amount": 3000, "unit": "..."} | null,
              "speaker": "...",              # quotations; "" when unknown
              "colour": "#ffd54f",           # user highlights; "" otherwise
              "note": "...",                 # user highlights
              "created": "2026-...Z",        # ISO 8601 UTC, "" when unknown
              "engine": 1,                   # engine version; 0 for user
              "link": "rtl-reader://article/3?at=120",
              "target": {                    # W3C Web Annotation target
                "source": "rtl-reader://article/3",
                "selector": [
                  {"type": "TextQuoteSelector", "exact": "...",
                   "prefix": "...", "suffix": "..."},   # up to 32 characters
                  {"type": "TextPositionSelector", "start": 120, "end": 152}
                ]
              }
            }
          ]
        }
      ]
    }

TextPositionSelector counts code points, as the W3C model requires, in the
text of the highlight's ``field``. Readers must ignore keys they do not know;
a key is only removed or changes meaning with a new ``version``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any, TextIO

from reader.exporters.common import (
    ExportItem,
    Ticker,
    article_link,
    context_sentence,
    highlight_link,
    quote_selector_parts,
)
from reader.importers.jsonfile import FORMAT_ID, SCHEMA_VERSION
from reader.store.article import Article, HighlightRecord


def _generator() -> str:
    try:
        return f"rtl-reader {metadata.version('rtl-reader')}"
    except metadata.PackageNotFoundError:
        return "rtl-reader"


def article_dict(article: Article, highlights: Sequence[HighlightRecord]) -> dict[str, Any]:
    """One article of the schema, with its highlights."""
    return {
        "id": article.id,
        **article.fields(),
        "source": article.source,
        "url": article.url,
        "author": article.author,
        "published": article.published,
        "language": article.language,
        "imported_at": article.imported_at,
        "link": article_link(article.id, 0),
        "highlights": [highlight_dict(article, h) for h in highlights],
    }


def highlight_dict(article: Article, h: HighlightRecord) -> dict[str, Any]:
    """One highlight of the schema, with its context and W3C selectors."""
    text = article.field_text(h.field)
    start, end = min(h.start, len(text)), min(h.end, len(text))
    context, c_start, c_end = context_sentence(text, start, end)
    prefix, suffix = quote_selector_parts(text, start, end)
    return {
        "id": h.id,
        "field": h.field,
        "kind": h.kind,
        "subtype": h.subtype,
        "start": h.start,
        "end": h.end,
        "text": h.text,
        "context": {"text": context, "start": c_start, "end": c_end},
        "value": h.value,
        "speaker": h.speaker,
        "colour": h.colour,
        "note": h.note,
        "created": h.created,
        "engine": h.engine,
        "link": highlight_link(h),
        "target": {
            "source": f"rtl-reader://article/{article.id if article.id is not None else 0}",
            "selector": [
                {"type": "TextQuoteSelector", "exact": h.text,
                 "prefix": prefix, "suffix": suffix},
                {"type": "TextPositionSelector", "start": h.start, "end": h.end},
            ],
        },
    }


def write(items: Sequence[ExportItem], path: Path, ticker: Ticker) -> None:
    """Write the export to ``path``, one highlight at a time (memory stays flat)."""
    header = {
        "format": FORMAT_ID,
        "version": SCHEMA_VERSION,
        "generator": _generator(),
        "exported": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        head = json.dumps(header, ensure_ascii=False, indent=1)
        fh.write(head[:-2] + ',\n "articles": [')
        for i, (article, highlights) in enumerate(items):
            fh.write("\n" if i == 0 else ",\n")
            _write_article(fh, article, highlights)
            ticker.step()
        fh.write("\n ]\n}\n")


def _write_article(fh: TextIO, article: Article, highlights: Sequence[HighlightRecord]) -> None:
    """``json.dumps(article_dict(article, highlights))`` to ``fh``, the same
    text, with one highlight's dict and JSON in memory at a time: an article
    of 99,000 highlights built whole peaked at 735 MB. ``highlights`` is the
    last key of ``article_dict``; json.dumps separates with ", "."""
    head = article_dict(article, ())
    del head["highlights"]
    fh.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "highlights": [')
    for j, h in enumerate(highlights):
        if j:
            fh.write(", ")
        fh.write(json.dumps(highlight_dict(article, h), ensure_ascii=False))
    fh.write("]}")
