"""The article list narrowed to a news source: one feed, or a folder of feeds.

A feed names the articles it gave through ``feed_entries`` (schema v7,
``reader.store.feeds``); a folder is a path of names joined with "/"
(``عربي/محلي``, as OPML nests them), and holds the feeds of its subfolders
too. ``source_clauses`` gives the conditions on ``articles`` that
``Library.rows`` and ``Library.count`` add to the others (filter text,
tag, starred, unread). A read-only store made before v7 has no feeds: a
feed or folder there holds nothing.
"""

from __future__ import annotations

import sqlite3


def has_feeds(con: sqlite3.Connection) -> bool:
    """True when the store has the feed tables (schema version 7 or later)."""
    return con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                       " AND name = 'feed_entries'").fetchone() is not None


def folder_pattern(folder: str) -> str:
    """A LIKE pattern (escape ``\\``) for the folders below ``folder``."""
    escaped = folder.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "/%"


def source_clauses(con: sqlite3.Connection, feed: int | None,
                   folder: str | None) -> tuple[list[str], list[object]]:
    """Conditions on ``articles`` keeping the articles feed ``feed`` gave
    and those some feed of ``folder`` (or of a folder below it; "" is the
    root, holding every feed) gave; None asks for neither."""
    if feed is None and folder is None:
        return [], []
    if not has_feeds(con):
        return ["0"], []  # an old read-only store: no feed gave anything
    conditions: list[str] = []
    params: list[object] = []
    if feed is not None:
        conditions.append("id IN (SELECT article_id FROM feed_entries WHERE feed_id = ?)")
        params.append(feed)
    if folder is not None:
        if folder:
            conditions.append(
                "id IN (SELECT e.article_id FROM feed_entries e JOIN feeds f ON f.id = e.feed_id"
                " WHERE f.folder = ? OR f.folder LIKE ? ESCAPE '\\')")
            params += [folder, folder_pattern(folder)]
        else:
            conditions.append("id IN (SELECT article_id FROM feed_entries)")
    return conditions, params
