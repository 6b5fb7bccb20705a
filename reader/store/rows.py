"""SQL for article, highlight and index rows, built from one tuple of column
names each (never a hand-counted row of ``?``), and row <-> record.

Every function takes the connection of a transaction the caller holds
(``Database.read`` or ``write``); none begins or ends one. Offsets are str
indices into the original field (DESIGN decision 2).
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from reader.store import derive
from reader.store.article import Article, HighlightRecord
from reader.store.schema import FTS_COLUMNS
from reader.store.stem import stem_text
from reader.text import ENGINE_VERSION
from reader.text.spans import TEXT_FIELDS

ARTICLE_FIELDS = ("title", "subtitle", "caption", "byline", "body", "source", "url", "author",
                  "published", "language")
"""The ``articles`` columns that are ``Article`` fields of the same name."""

ARTICLE_STATE = ("read", "starred", "position")
"""The reader's state of an article, also ``Article`` fields."""

ARTICLE_DERIVED = ("content_hash", "title_key", "source_key", "quotes", "figures", "engine")
"""Columns the store derives from an article (``derive.prepare``)."""

HIGHLIGHT_COLUMNS = ("article_id", "field", "kind", "subtype", "start", "end", "text",
                     "value", "speaker", "colour", "note", "created", "engine", "orphan")
"""The ``highlights`` columns a row is written with, in the order of the
tuples of ``derive.Prepared.highlights`` (which lack ``article_id``)."""

FIELD_ORDER = "CASE field " + " ".join(
    f"WHEN '{name}' THEN {i}" for i, name in enumerate(TEXT_FIELDS)) + " ELSE 9 END"
"""An SQL expression sorting highlights by field in reading order."""


def names(columns: Sequence[str]) -> str:
    """``columns`` as an SQL list, each quoted (``end`` is a keyword)."""
    return ", ".join(f'"{c}"' for c in columns)


def insert_sql(table: str, columns: Sequence[str]) -> str:
    """``INSERT INTO table (columns) VALUES (?, ...)``, one ``?`` a column."""
    return f"INSERT INTO {table} ({names(columns)}) VALUES ({', '.join('?' * len(columns))})"


def update_sql(table: str, columns: Sequence[str], where: str) -> str:
    """``UPDATE table SET c = ?, ... WHERE where``."""
    assignments = ", ".join(f'"{c}" = ?' for c in columns)
    return f"UPDATE {table} SET {assignments} WHERE {where}"


_INSERT_HIGHLIGHT = insert_sql("highlights", HIGHLIGHT_COLUMNS)
_SELECT_HIGHLIGHT = f"SELECT {names(('id', *HIGHLIGHT_COLUMNS))} FROM highlights"
_INSERT_ARTICLE = insert_sql("articles", (*ARTICLE_FIELDS, *ARTICLE_STATE, *ARTICLE_DERIVED,
                                          "imported_at"))
_FTS = names(FTS_COLUMNS)


def from_row(row: Sequence[Any]) -> HighlightRecord:
    """A HighlightRecord from a row of ``("id", *HIGHLIGHT_COLUMNS)``; an
    orphaned user highlight has ``extra == {"orphaned": True}``."""
    values = dict(zip(("id", *HIGHLIGHT_COLUMNS), row, strict=True))
    value = values["value"]
    return HighlightRecord(
        values["article_id"], values["field"], values["kind"], values["subtype"],
        values["start"], values["end"], values["text"],
        json.loads(value) if value is not None else None, values["speaker"],
        values["colour"], values["note"], values["created"], values["engine"], values["id"],
        {"orphaned": True} if values["orphan"] else {})


def highlight_rows(con: sqlite3.Connection, article_id: int, where: str = "1",
                   params: Sequence[Any] = ()) -> list[HighlightRecord]:
    """The article's highlights matching ``where`` in reading order: field,
    start, longest first."""
    rows = con.execute(f"{_SELECT_HIGHLIGHT} WHERE article_id = ? AND ({where})"
                       f' ORDER BY {FIELD_ORDER}, start, "end" DESC, id',
                       (article_id, *params))
    return [from_row(r) for r in rows]


def insert_highlight(con: sqlite3.Connection, article_id: int, values: Sequence[Any]) -> int:
    """Store one highlight (``values`` in ``HIGHLIGHT_COLUMNS`` order without
    ``article_id``); its id."""
    return int(con.execute(_INSERT_HIGHLIGHT, (article_id, *values)).lastrowid or 0)


def replace_automatic(con: sqlite3.Connection, article_id: int, p: derive.Prepared) -> None:
    """The article's automatic highlights replaced by ``p``'s, and its counts
    and engine version with them."""
    con.execute("DELETE FROM highlights WHERE article_id = ? AND kind != 'user'", (article_id,))
    con.executemany(_INSERT_HIGHLIGHT, [(article_id, *row) for row in p.highlights])
    con.execute(update_sql("articles", ("quotes", "figures", "engine"), "id = ?"),
                (p.quotes, p.figures, ENGINE_VERSION, article_id))


def insert_article(con: sqlite3.Connection, p: derive.Prepared, created: str) -> int:
    """Store a new article whole: its row, automatic highlights, user
    highlights (re-anchored by their text) and both index rows; its id."""
    a = p.article
    cur = con.execute(_INSERT_ARTICLE, (
        *(getattr(a, name) for name in ARTICLE_FIELDS),
        int(a.read), int(a.starred), int(a.position),
        *derived_values(p), created))
    article_id = int(cur.lastrowid or 0)
    con.executemany(_INSERT_HIGHLIGHT, [(article_id, *row) for row in p.highlights])
    insert_index_rows(con, article_id, p)
    for h in a.user_highlights:
        if h.kind not in ("user", ""):
            continue  # automatic highlights are recomputed, never carried over
        text = a.field_text(h.field) if h.field in TEXT_FIELDS else ""
        start, end, orphan = derive.anchor(text, h.start, h.end, h.text)
        insert_highlight(con, article_id, (
            h.field, "user", h.subtype, start, end, h.text, derive.to_json(h.value),
            h.speaker, h.colour, h.note, h.created or created, h.engine, int(orphan)))
    return article_id


def derived_values(p: derive.Prepared) -> tuple[Any, ...]:
    """The ``ARTICLE_DERIVED`` columns of a prepared article, in that order."""
    return (p.content_hash, p.title_key, p.source_key, p.quotes, p.figures, ENGINE_VERSION)


def read_article(con: sqlite3.Connection, article_id: int) -> Article | None:
    """The stored article with its user highlights, or None."""
    columns = ("id", *ARTICLE_FIELDS, *ARTICLE_STATE, "imported_at")
    row = con.execute(f"SELECT {names(columns)} FROM articles WHERE id = ?",
                      (article_id,)).fetchone()
    if row is None:
        return None
    values = dict(zip(columns, row, strict=True))
    values["read"], values["starred"] = bool(values["read"]), bool(values["starred"])
    return Article(**values, user_highlights=highlight_rows(con, article_id, "kind = 'user'"))


def insert_index_rows(con: sqlite3.Connection, article_id: int, p: derive.Prepared) -> None:
    """The article's rows in both search indexes (its word-family row left
    to a running ``reindex`` that has yet to reach it: ``StemsPending``)."""
    con.execute(insert_sql("articles_fts", ("rowid", *FTS_COLUMNS)), (article_id, *p.folded))
    if not StemsPending.covers(con, article_id):
        insert_stems(con, article_id, p.stemmed)


def insert_stems(con: sqlite3.Connection, article_id: int, stemmed: Sequence[str]) -> None:
    """The article's row in the word-family index, unconditionally."""
    con.execute(insert_sql("articles_stem", ("rowid", *FTS_COLUMNS)), (article_id, *stemmed))


def delete_index_rows(con: sqlite3.Connection, article_id: int) -> None:
    """Remove an article from both indexes. The contentless stem index must be
    told the stems it holds, recomputed from the folded text still in
    ``articles_fts``; so this runs before that row goes. A stem row that a
    running ``reindex`` has yet to write is not there to delete."""
    row = con.execute(f"SELECT {_FTS} FROM articles_fts WHERE rowid = ?",
                      (article_id,)).fetchone()
    if row is None:
        return
    if not StemsPending.covers(con, article_id):
        con.execute(insert_sql("articles_stem", ("articles_stem", "rowid", *FTS_COLUMNS)),
                    ("delete", article_id, *(stem_text(text or "") for text in row)))
    con.execute("DELETE FROM articles_fts WHERE rowid = ?", (article_id,))


@dataclass(frozen=True, slots=True)
class StemsPending:
    """The articles whose word-family rows a running ``reindex`` has emptied
    and not yet written again: ids ``low..high``, stored in ``meta`` so that
    every writer of every process leaves those rows to the reindex (a
    contentless FTS5 row can only be deleted with the very values it holds;
    deleting a row that is not there damages the index).

    ``token`` names the reindex that owns the range (a newer one takes it
    over, and the older stops); ``host`` and ``pid`` tell a killed one from a
    running one."""

    token: str
    low: int
    high: int
    host: str
    pid: int

    KEY = "stems_pending"

    @classmethod
    def read(cls, con: sqlite3.Connection) -> StemsPending | None:
        row = con.execute("SELECT value FROM meta WHERE key = ?", (cls.KEY,)).fetchone()
        return cls(**json.loads(row[0])) if row is not None else None

    @classmethod
    def covers(cls, con: sqlite3.Connection, article_id: int) -> bool:
        pending = cls.read(con)
        return pending is not None and pending.low <= article_id <= pending.high

    @classmethod
    def start(cls, con: sqlite3.Connection, token: str, low: int, high: int) -> StemsPending:
        """Record a new range owned by ``token`` by this process."""
        pending = cls(token, low, high, socket.gethostname(), os.getpid())
        pending.write(con)
        return pending

    def write(self, con: sqlite3.Connection) -> None:
        con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                    (self.KEY, json.dumps(asdict(self))))

    @classmethod
    def clear(cls, con: sqlite3.Connection) -> None:
        con.execute("DELETE FROM meta WHERE key = ?", (cls.KEY,))

    def abandoned(self) -> bool:
        """True when the reindex that owns the range ran on this machine and
        its process is gone (killed): nobody will finish it."""
        if self.host != socket.gethostname():
            return False
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return True
        except OSError:
            return False  # alive, another user's
        return False


def index_texts(con: sqlite3.Connection, where: str = "1",
                params: Sequence[Any] = ()) -> Iterable[tuple[Any, ...]]:
    """``(rowid, *folded fields)`` of the plain index's rows matching ``where``."""
    return con.execute(f"SELECT rowid, {_FTS} FROM articles_fts WHERE {where}", params)
