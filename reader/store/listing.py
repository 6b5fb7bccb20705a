"""Which articles the article list holds: ``ListFilter``, and its SQL.

``Library.count``, ``rows``, ``position``, ``next_unread`` and ``ids`` each
take one ``ListFilter`` (``where=``), so the five read the same rows and a
filter gains a field in one place.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from reader.store.sources import source_clauses
from reader.store.tags import has_tags, tag_clause
from reader.text.fold import seat_spellings


@dataclass(frozen=True, slots=True)
class ListFilter:
    """The articles kept: those whose folded title or source contains
    ``text`` (folded as find folds: a filter without hamza keeps أعلن),
    tagged ``tag``, starred, unread (with ``unread_or``: that article too,
    read or not; the one open, which the Unread collection keeps while it
    is read, as a mail reader keeps the message being read in its unread
    view), given by the feed ``feed`` (an id) or by a feed of ``folder`` (a
    folder path, its subfolders included; ``reader.store.sources``). Each
    field left at its default keeps every article."""

    text: str = ""
    tag: str = ""
    starred: bool = False
    unread: bool = False
    feed: int | None = None
    folder: str | None = None
    unread_or: int | None = None


EVERY_ARTICLE = ListFilter()


def where_clause(con: sqlite3.Connection, kept: ListFilter) -> tuple[str, list[object]]:
    """The SQL condition on ``articles`` that keeps what ``kept`` keeps, and
    its parameters (``1`` when it keeps every article)."""
    conditions: list[str] = []
    params: list[object] = []
    # Each spelling of a hamza before و (seat_spellings), as find reads it.
    keys = [key for key in dict.fromkeys(k.strip() for k in seat_spellings(kept.text)) if key]
    if keys:
        patterns = ["%" + k.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                    for k in keys]
        conditions.append("(" + " OR ".join(
            ["title_key LIKE ? ESCAPE '\\' OR source_key LIKE ? ESCAPE '\\'"] * len(keys)) + ")")
        params += [p for pattern in patterns for p in (pattern, pattern)]
    if kept.tag:
        if not has_tags(con):
            conditions.append("0")  # an old read-only store: nothing is tagged
        else:
            clause, values = tag_clause(kept.tag)
            conditions.append(clause)
            params += values
    if kept.starred:
        conditions.append("starred = 1")
    if kept.unread and kept.unread_or is not None:
        conditions.append("read = 0 OR id = ?")
        params.append(kept.unread_or)
    elif kept.unread:
        conditions.append("read = 0")
    more, values = source_clauses(con, kept.feed, kept.folder)
    conditions += more
    params += values
    return " AND ".join(f"({c})" for c in conditions) or "1", params
