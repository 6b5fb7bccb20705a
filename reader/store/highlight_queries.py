"""Reading and writing an article's highlights in the store.

``HighlightQueries`` gives ``Library`` its highlight methods: ``highlights``
(reading order, recomputing automatic highlights made by an older
ENGINE_VERSION first), ``add_user_highlight``, ``update_highlight`` and
``delete_highlight``. Offsets are str indices into the original field
(DESIGN decision 2). Computing the highlights of a text is
``reader.text.highlights``; this module only stores and reads them.

Errors: NotFound (unknown article or highlight id), StoreReadOnly (writes),
StoreError, ValueError (a bad field or span).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.errors import NotFound
from reader.store import derive
from reader.store.article import Article, HighlightRecord, not_found
from reader.text import ENGINE_VERSION
from reader.text.spans import TEXT_FIELDS

_FIELD_ORDER = "CASE field " + " ".join(
    f"WHEN '{name}' THEN {i}" for i, name in enumerate(TEXT_FIELDS)) + " ELSE 9 END"


class HighlightQueries:
    """The highlight methods of ``Library`` (listed among its bases)."""

    # Set up by Library.__init__.
    path: Path
    read_only: bool

    if TYPE_CHECKING:
        def _read(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def _write(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def get(self, article_id: int) -> Article: ...

    def highlights(self, article_id: int, *, kind: str | None = None,
                   subtype: str | None = None) -> list[HighlightRecord]:
        """The article's highlights in reading order (field, start, longest
        first), optionally of one ``kind``/``subtype``. Automatic highlights
        from an older ENGINE_VERSION are recomputed first. Raises NotFound."""
        with self._read() as con:
            row = con.execute("SELECT engine FROM articles WHERE id = ?",
                              (article_id,)).fetchone()
        if row is None:
            raise not_found(article_id)
        if row[0] != ENGINE_VERSION:
            fresh = self._recompute_highlights(article_id)
            if fresh is not None:
                return [h for h in fresh if (kind is None or h.kind == kind)
                        and (subtype is None or h.subtype == subtype)]
        where, params = [], []
        if kind is not None:
            where.append("kind = ?")
            params.append(kind)
        if subtype is not None:
            where.append("subtype = ?")
            params.append(subtype)
        with self._read() as con:
            return self._highlight_rows(con, article_id, " AND ".join(where) or "1", params)

    def _recompute_highlights(self, article_id: int) -> list[HighlightRecord] | None:
        """Recompute one article's automatic highlights; store them when we can
        write (then return None: read them back), else return them computed."""
        article = self.get(article_id)
        p = derive.prepare(article, derive.now())
        if self.read_only:
            fresh = [derive.from_row((None, article_id, *row)) for row in p.highlights]
            return sorted(fresh + list(article.user_highlights),
                          key=lambda h: (TEXT_FIELDS.index(h.field)
                                         if h.field in TEXT_FIELDS else 9, h.start, -h.end))
        with self._write() as con:
            con.execute("DELETE FROM highlights WHERE article_id = ? AND kind != 'user'",
                        (article_id,))
            con.executemany(
                f"INSERT INTO highlights (article_id, {derive.HL_COLUMNS.split(', ', 2)[2]})"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(article_id, *row) for row in p.highlights])
            con.execute("UPDATE articles SET quotes = ?, figures = ?, engine = ? WHERE id = ?",
                        (p.quotes, p.figures, ENGINE_VERSION, article_id))
        return None

    @staticmethod
    def _highlight_rows(con: sqlite3.Connection, article_id: int, where: str,
                        params: Sequence[Any]) -> list[HighlightRecord]:
        rows = con.execute(
            f"SELECT {derive.HL_COLUMNS} FROM highlights WHERE article_id = ? AND ({where})"
            f" ORDER BY {_FIELD_ORDER}, start, \"end\" DESC, id", (article_id, *params))
        return [derive.from_row(r) for r in rows]

    def add_user_highlight(self, article_id: int, field: str, start: int, end: int, *,
                           colour: str = "#ffd54f", note: str = "") -> HighlightRecord:
        """Store a user highlight of ``field[start:end]`` (str indices into the
        original field) and return it with its id. Raises NotFound, ValueError
        (unknown field, empty or out-of-range span)."""
        if field not in TEXT_FIELDS:
            raise ValueError(f"not a text field: {field!r}")
        created = derive.now()
        with self._write() as con:
            row = con.execute(f"SELECT {field} FROM articles WHERE id = ?",
                              (article_id,)).fetchone()
            if row is None:
                raise not_found(article_id)
            text = row[0]
            if not 0 <= start < end <= len(text):
                raise ValueError(f"span {start}-{end} is outside the {field} "
                                 f"({len(text)} characters)")
            cur = con.execute(
                f"INSERT INTO highlights ({derive.HL_COLUMNS.split(', ', 1)[1]})"
                " VALUES (?, ?, 'user', '', ?, ?, ?, NULL, '', ?, ?, ?, 0, 0)",
                (article_id, field, start, end, text[start:end], colour, note, created))
            hid = int(cur.lastrowid or 0)
        return HighlightRecord(article_id, field, "user", "", start, end, text[start:end],
                               colour=colour, note=note, created=created, id=hid)

    def update_highlight(self, highlight_id: int, *, colour: str | None = None,
                         note: str | None = None) -> None:
        """Change a highlight's colour and/or note. Raises NotFound."""
        with self._write() as con:
            if con.execute("SELECT 1 FROM highlights WHERE id = ?",
                           (highlight_id,)).fetchone() is None:
                raise NotFound(str(highlight_id), "no highlight with this ID")
            if colour is not None:
                con.execute("UPDATE highlights SET colour = ? WHERE id = ?",
                            (colour, highlight_id))
            if note is not None:
                con.execute("UPDATE highlights SET note = ? WHERE id = ?", (note, highlight_id))

    def delete_highlight(self, highlight_id: int) -> None:
        """Delete one highlight. Raises NotFound."""
        with self._write() as con:
            if con.execute("DELETE FROM highlights WHERE id = ?",
                           (highlight_id,)).rowcount == 0:
                raise NotFound(str(highlight_id), "no highlight with this ID")
