"""Reading and writing an article's highlights in the store.

``Highlights`` is the part of ``Library`` that owns the highlight queries:
``of`` (reading order, recomputing automatic highlights made by an older
ENGINE_VERSION first), ``add_user``, ``update`` and ``delete``. ``Library``
offers them as ``highlights``, ``add_user_highlight``, ``update_highlight``
and ``delete_highlight``. Offsets are str indices into the original field
(DESIGN decision 2). Computing the highlights of a text is
``reader.text.highlights``; this module only stores and reads them.

Errors: NotFound (unknown article or highlight id), StoreReadOnly (writes),
StoreError, ValueError (a bad field or span).
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.errors import NotFound
from reader.store import derive, rows
from reader.store.article import HighlightRecord, not_found
from reader.store.database import Database
from reader.text import ENGINE_VERSION
from reader.text.spans import TEXT_FIELDS

DEFAULT_COLOUR = "#ffd54f"


class Highlights:
    """The highlights of one store's articles (a part of ``Library``)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def of(self, article_id: int, *, kind: str | None = None,
           subtype: str | None = None) -> list[HighlightRecord]:
        """The article's highlights in reading order (field, start, longest
        first), optionally of one ``kind``/``subtype``. Automatic highlights
        from an older ENGINE_VERSION are recomputed first. Raises NotFound."""
        where, params = [], []
        if kind is not None:
            where.append("kind = ?")
            params.append(kind)
        if subtype is not None:
            where.append("subtype = ?")
            params.append(subtype)
        with self._db.read() as con:
            row = con.execute("SELECT engine FROM articles WHERE id = ?",
                              (article_id,)).fetchone()
            if row is None:
                raise not_found(article_id)
            if row[0] == ENGINE_VERSION:
                return rows.highlight_rows(con, article_id, " AND ".join(where) or "1", params)
        fresh = self._recompute(article_id)
        return [h for h in fresh if (kind is None or h.kind == kind)
                and (subtype is None or h.subtype == subtype)]

    def article_ids(self, kinds: Iterable[str] | None = None) -> list[int]:
        """The ids, ascending, of the articles ``of`` may find a highlight of
        one of ``kinds`` in (any kind when None or empty): those storing one,
        and, when an automatic kind is asked, those whose automatic highlights
        ``of`` would recompute first (made by an older ENGINE_VERSION). A
        whole-library export reads only these, not every article."""
        wanted = sorted(set(kinds or ()))
        where = "1"
        params: list[object] = []
        if wanted:
            where = f"kind IN ({', '.join('?' * len(wanted))})"
            params.extend(wanted)
        stale = ""
        if not wanted or set(wanted) - {"user"}:
            stale = " OR engine != ?"
            params.append(ENGINE_VERSION)
        with self._db.read() as con:
            return [r[0] for r in con.execute(
                f"SELECT id FROM articles WHERE id IN "
                f"(SELECT article_id FROM highlights WHERE {where}){stale} ORDER BY id",
                params)]

    def _recompute(self, article_id: int) -> list[HighlightRecord]:
        """Recompute one article's automatic highlights, stored when the store
        is writable; every highlight of the article, in reading order."""
        with self._db.read() as con:
            article = rows.read_article(con, article_id)
        if article is None:
            raise not_found(article_id)
        p = derive.prepare(article)
        if self._db.read_only:
            fields = article.fields()
            fresh = [rows.from_row((None, article_id, *row), fields, article.imported_at)
                     for row in p.highlights]
            return sorted(fresh + list(article.user_highlights),
                          key=lambda h: (TEXT_FIELDS.index(h.field)
                                         if h.field in TEXT_FIELDS else 9, h.start, -h.end))
        with self._db.write() as con:
            # Recomputed from this very text: the text may have changed since.
            current = rows.read_article(con, article_id)
            if current is None:
                raise not_found(article_id)
            if current.fields() != article.fields():
                p = derive.prepare(current)
            rows.replace_automatic(con, article_id, p)
            return rows.highlight_rows(con, article_id)

    def add_user(self, article_id: int, field: str, start: int, end: int, *,
                 colour: str = DEFAULT_COLOUR, note: str = "",
                 created: str | None = None, as_id: int | None = None) -> HighlightRecord:
        """Store a user highlight of ``field[start:end]`` (str indices into the
        original field) and return it with its id. ``created`` (ISO 8601 UTC,
        as ``HighlightRecord.created``) is when the reader made it, now when
        None, and ``as_id`` its id when no other highlight took it since: an
        undo that stores a deleted highlight again passes both, so lists and
        exports keep it in its place, under the ID an earlier export gave.
        Raises NotFound, ValueError (unknown field, empty or out-of-range
        span)."""
        if field not in TEXT_FIELDS:
            raise ValueError(f"not a text field: {field!r}")
        if created is None:
            created = derive.now()
        with self._db.write() as con:
            row = con.execute(f"SELECT {field} FROM articles WHERE id = ?",
                              (article_id,)).fetchone()
            if row is None:
                raise not_found(article_id)
            text = row[0]
            if not 0 <= start < end <= len(text):
                raise ValueError(f"span {start}-{end} is outside the {field} "
                                 f"({len(text)} characters)")
            hid = rows.insert_highlight(con, article_id, (
                field, "user", "", start, end, text[start:end], None, "", colour, note,
                created, 0, 0), as_id=as_id)
        return HighlightRecord(article_id, field, "user", "", start, end, text[start:end],
                               colour=colour, note=note, created=created, id=hid)

    def update(self, highlight_id: int, *, colour: str | None = None,
               note: str | None = None) -> None:
        """Change a highlight's colour and/or note. Raises NotFound."""
        with self._db.write() as con:
            if con.execute("SELECT 1 FROM highlights WHERE id = ?",
                           (highlight_id,)).fetchone() is None:
                raise NotFound(str(highlight_id), "no highlight with this ID")
            if colour is not None:
                con.execute("UPDATE highlights SET colour = ? WHERE id = ?",
                            (colour, highlight_id))
            if note is not None:
                con.execute("UPDATE highlights SET note = ? WHERE id = ?", (note, highlight_id))

    def delete(self, highlight_id: int) -> None:
        """Delete one highlight. Raises NotFound."""
        with self._db.write() as con:
            if con.execute("DELETE FROM highlights WHERE id = ?",
                           (highlight_id,)).rowcount == 0:
                raise NotFound(str(highlight_id), "no highlight with this ID")
