"""The article library: one SQLite file (DESIGN decision 4).

One ``Library`` holds one connection (stdlib ``sqlite3``, autocommit mode):
WAL journal, foreign keys on, ``busy_timeout`` of ``BUSY_TIMEOUT_MS``, and
every write inside an explicit ``BEGIN IMMEDIATE`` ... ``COMMIT`` (a deferred
transaction under WAL can fail with SQLITE_BUSY that the timeout never
retries). An article is written whole in one transaction together with its
automatic highlights, its user highlights and both index rows; a killed
process leaves each article whole or absent. The schema and its migrations
live in ``reader.store.schema``; the query language in ``reader.store.query``;
hits and snippets in ``reader.store.snippets``.

Automatic highlights carry the ``ENGINE_VERSION`` that computed them. When
the engine changes, an article's highlights are recomputed lazily the first
time ``highlights(article_id)`` asks for them (stored when the store is
writable), and all at once by ``reindex``; ``ArticleRow.quotes``/``figures``
of articles not yet recomputed show the old engine's counts until then.

Errors (``reader.errors``), ``subject`` the path (or the id, or the query):
``NotADatabase`` (the path holds something else: never touched),
``StoreTooNew``, ``StoreLocked``, ``StoreReadOnly``, ``StoreError`` (missing
with ``create=False``, damaged, disk full), ``NotFound``, ``QueryError``.
The class is safe to share between threads: calls are serialised.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.errors import (
    NotADatabase,
    NotFound,
    QueryError,
    ReaderError,
    StoreError,
    StoreLocked,
    StoreReadOnly,
    StoreTooNew,
)
from reader.store import connection, derive, schema, search
from reader.store.article import Article, HighlightRecord
from reader.store.query import parse
from reader.store.search import SearchHit
from reader.store.stem import STEMMER_VERSION, stem_text

__all__ = ["AddResult", "ArticleRow", "Library", "SearchHit"]
from reader.text import ENGINE_VERSION, fold_text
from reader.text.spans import TEXT_FIELDS

BATCH_SIZE = 100
"""Articles per write transaction in ``add_articles`` and ``reindex``: short
enough that another writer waits well under ``BUSY_TIMEOUT_MS``."""

_SORTS = {
    "published": "published", "imported_at": "imported_at", "imported": "imported_at",
    "title": "title", "source": "source", "id": "id", "quotes": "quotes",
    "figures": "figures", "read": "read", "starred": "starred",
}
_FIELD_ORDER = "CASE field " + " ".join(
    f"WHEN '{name}' THEN {i}" for i, name in enumerate(TEXT_FIELDS)) + " ELSE 9 END"
_ARTICLE_COLS = ("id, title, subtitle, caption, byline, body, source, url, author, published, "
                 "language, imported_at, read, starred, position")
_HL_COLS = ('id, article_id, field, kind, subtype, start, "end", text, value, speaker, '
            "colour, note, created, engine, orphan")
_FTS_COLS = ", ".join(schema.FTS_COLUMNS)


@dataclass(frozen=True, slots=True)
class AddResult:
    """What ``add_articles`` did with one article: stored, or a duplicate of ``id``."""

    id: int
    duplicate: bool


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One line of the article list: no body, cheap to load in pages."""

    id: int
    title: str
    source: str
    published: str
    imported_at: str
    quotes: int
    figures: int
    read: bool
    starred: bool


class Library:
    """An open store. Use as a context manager or call ``close``.

    ``Library.open(path)`` creates the file (and folder) when absent and seeds
    nothing: the bundled samples come from ``reader.importers.samples`` (the
    store may not import importers), which the app and CLI call on first run.
    Errors: NotADatabase, StoreTooNew, StoreLocked, StoreReadOnly, StoreError,
    NotFound (unknown article / highlight id).
    """

    path: Path

    def __init__(self, con: sqlite3.Connection, path: Path, *, read_only: bool) -> None:
        self._con: sqlite3.Connection | None = con
        self.path = path
        self.read_only = read_only
        """True when opened read-only (asked for, or the file or folder is not
        writable): reads work, writes raise StoreReadOnly."""
        self._lock = threading.RLock()
        self._depth = 0

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, read_only: bool = False,
             progress: Callable[[int, int], None] | None = None) -> Library:
        """Open (or create, unless ``create`` is False) the store at ``path``.

        A store made by an older version is upgraded here: its schema
        migrated, and its word-family index rebuilt when another stemmer
        version made it (one transaction, about a minute per 100,000
        articles), reported as ``progress(done, total)`` articles; an open
        with nothing to upgrade never calls ``progress``.

        A store that cannot be written (file or folder read-only) opens
        read-only, as with ``read_only=True``: reading works and writes raise
        ``StoreReadOnly``. A file that is not SQLite is never opened for
        writing. Raises NotADatabase, StoreTooNew, StoreLocked, StoreReadOnly,
        StoreError (``create=False`` and nothing there; damaged store).
        """
        path = Path(path)
        subject = str(path)
        exists = path.exists()
        if exists and path.is_dir():
            raise StoreError(subject, "this is a folder, not a store file")
        if exists:
            connection.check_header(path)
        elif not create or read_only:
            raise StoreError(subject, "no store here")
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise StoreReadOnly(subject, f"cannot create its folder: "
                                             f"{err.strerror or err}") from None
        writable = not read_only and connection.can_write(path)
        if not writable and not exists:
            raise StoreReadOnly(subject, "cannot create the store: the folder is read-only")
        try:
            con = connection.connect(path, writable=writable)
        except sqlite3.Error as err:
            raise connection.map_error(err, subject) from None
        lib = cls(con, path, read_only=not writable)
        try:
            lib._setup(progress)
        except BaseException:
            con.close()
            raise
        return lib

    def _setup(self, progress: Callable[[int, int], None] | None) -> None:
        subject = str(self.path)
        # One snapshot: another process may be creating the store right now.
        with self._read() as con:
            version = int(con.execute("PRAGMA user_version").fetchone()[0])
            names = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        if version > schema.SCHEMA_VERSION:
            raise StoreTooNew(subject, f"made by a newer rtl-reader (store version {version}, "
                                       f"this one reads up to {schema.SCHEMA_VERSION})")
        if version == 0 and names:
            raise NotADatabase(subject, "an SQLite file of another program, "
                                        "not an rtl-reader store")
        if version > 0 and "articles" not in names:
            raise NotADatabase(subject, "an SQLite file without rtl-reader's tables")
        if self.read_only:
            if version < schema.READABLE_FROM:
                raise StoreReadOnly(subject, "the store needs an upgrade but is read-only")
            return
        self._use_wal(con)
        with self._mapped():
            con.execute("PRAGMA synchronous = NORMAL")
        upgraded = 0  # articles of an existing store being upgraded, for progress
        if version < schema.SCHEMA_VERSION:
            with self._write() as c:
                current = int(c.execute("PRAGMA user_version").fetchone()[0])
                if current < schema.SCHEMA_VERSION:
                    if progress and current > 0:
                        upgraded = int(c.execute("SELECT count(*) FROM articles").fetchone()[0])
                        if upgraded:  # an empty store upgrades in no time
                            progress(0, upgraded)
                    # The stemmer version is the word-family index's own
                    # business (the step that creates the index records it).
                    schema.migrate(c, current)
        with self._mapped():
            stems_current = self._stems_current(con)
        if not stems_current:
            self._rebuild_stems(progress)
        elif progress and upgraded:
            progress(upgraded, upgraded)

    @staticmethod
    def _stems_current(con: sqlite3.Connection) -> bool:
        """Whether the word-family index was made by this STEMMER_VERSION."""
        row = con.execute("SELECT value FROM meta WHERE key = 'stemmer'").fetchone()
        return row is not None and row[0] == str(STEMMER_VERSION)

    def _use_wal(self, con: sqlite3.Connection) -> None:
        """Switch a new store to WAL. The switch needs the file to itself and
        SQLite does not retry it through busy_timeout, so several programs
        opening a new store at once retry here, up to the same timeout."""
        deadline = time.monotonic() + connection.BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                mode = con.execute("PRAGMA journal_mode").fetchone()[0]
                if str(mode).lower() != "wal":
                    mode = con.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() == "wal":
                    return
                error: sqlite3.Error = sqlite3.OperationalError("database is locked")
            except sqlite3.Error as err:
                error = err
            mapped = connection.map_error(error, str(self.path))
            if not isinstance(mapped, StoreLocked) or time.monotonic() > deadline:
                raise mapped from None
            time.sleep(0.01)

    def close(self) -> None:
        """Close the connection; further calls raise StoreError. Idempotent."""
        with self._lock:
            if self._con is not None:
                try:
                    self._con.close()
                finally:
                    self._con = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions and errors ---------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._con is None:
            raise StoreError(str(self.path), "the store is closed")
        return self._con

    @contextmanager
    def _mapped(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as err:
            raise connection.map_error(err, str(self.path)) from None

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for several SELECTs (a deferred read transaction)."""
        with self._lock:
            con = self._connection()
            outer = self._depth == 0
            with self._mapped():
                if outer:
                    con.execute("BEGIN")
                self._depth += 1
                try:
                    yield con
                finally:
                    self._depth -= 1
                    if outer and con.in_transaction:
                        con.execute("COMMIT")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction: committed whole or rolled back."""
        with self._lock:
            if self.read_only:
                raise StoreReadOnly(str(self.path), "the store is read-only")
            con = self._connection()
            if self._depth:
                raise RuntimeError("write inside another transaction")
            with self._mapped():
                con.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield con
                with self._mapped():
                    con.execute("COMMIT")
            except BaseException:
                if con.in_transaction:
                    # SQLite may have rolled back already (e.g. after SQLITE_FULL).
                    with suppress(sqlite3.Error):
                        con.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0

    # -- articles ---------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> list[AddResult]:
        """Store each article whole with its automatic highlights, its
        ``user_highlights`` and its index rows; one result per article, in order.

        A duplicate (same content hash as a stored article, or as an earlier one
        in ``articles``) is not stored again: ``AddResult(existing_id, True)``,
        and its user highlights are skipped. Only ``kind == "user"`` records of
        ``user_highlights`` are kept (automatic ones are recomputed); one whose
        text is no longer at its offsets is re-anchored by its text or stored
        as an orphan. ``id`` and ``imported_at`` of the
        given articles are ignored (the store assigns them); ``read``,
        ``starred`` and ``position`` are kept. Articles are written
        ``BATCH_SIZE`` per transaction; if iterating ``articles`` raises, the
        articles read so far are stored, then the error propagates.
        """
        results: list[AddResult] = []
        batch: list[Article] = []
        created = derive.now()
        source = iter(articles)
        while True:
            try:
                article = next(source)
            except StopIteration:
                break
            except BaseException:
                if batch:
                    results += self._write_batch(batch, created)
                raise
            batch.append(article)
            if len(batch) >= BATCH_SIZE:
                results += self._write_batch(batch, created)
                batch = []
        if batch:
            results += self._write_batch(batch, created)
        return results

    def add_article(self, article: Article) -> AddResult:
        """``add_articles([article])[0]``."""
        return self.add_articles([article])[0]

    def _write_batch(self, batch: list[Article], created: str) -> list[AddResult]:
        hashes = [a.content_hash() for a in batch]
        # Derive text, stems and highlights outside the write lock, and only for
        # articles not already stored (re-importing a folder costs little).
        with self._read() as con:
            stored = self._stored_ids(con, hashes)
        prepared = {h: derive.prepare(a, created, content_hash=h)
                    for a, h in zip(batch, hashes, strict=True) if h not in stored}
        results: list[AddResult] = []
        with self._write() as con:
            stored = self._stored_ids(con, hashes)
            for article, content_hash in zip(batch, hashes, strict=True):
                found = stored.get(content_hash)
                if found is not None:
                    results.append(AddResult(found, True))
                    continue
                p = prepared.get(content_hash) or derive.prepare(article, created)
                a = p.article
                cur = con.execute(
                    "INSERT INTO articles (title, subtitle, caption, byline, body, source, url,"
                    " author, published, language, content_hash, imported_at, read, starred,"
                    " position, title_key, source_key, quotes, figures, engine)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (a.title, a.subtitle, a.caption, a.byline, a.body, a.source, a.url,
                     a.author, a.published, a.language, p.content_hash, created,
                     int(a.read), int(a.starred), int(a.position), p.title_key,
                     p.source_key, p.quotes, p.figures, ENGINE_VERSION))
                article_id = int(cur.lastrowid or 0)
                self._insert_derived(con, article_id, p)
                self._insert_user_highlights(con, article_id, a, created)
                stored[content_hash] = article_id
                results.append(AddResult(article_id, False))
        return results

    @staticmethod
    def _stored_ids(con: sqlite3.Connection, hashes: Sequence[str]) -> dict[str, int]:
        marks = ", ".join("?" * len(hashes))
        return {h: int(i) for h, i in con.execute(
            f"SELECT content_hash, id FROM articles WHERE content_hash IN ({marks})", hashes)}

    @staticmethod
    def _insert_derived(con: sqlite3.Connection, article_id: int, p: derive.Prepared) -> None:
        con.executemany(
            f"INSERT INTO highlights (article_id, {_HL_COLS.split(', ', 2)[2]})"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article_id, *row) for row in p.highlights])
        con.execute(f"INSERT INTO articles_fts (rowid, {_FTS_COLS}) VALUES (?, ?, ?, ?, ?, ?)",
                    (article_id, *p.folded))
        con.execute(f"INSERT INTO articles_stem (rowid, {_FTS_COLS}) VALUES (?, ?, ?, ?, ?, ?)",
                    (article_id, *p.stemmed))

    @staticmethod
    def _insert_user_highlights(con: sqlite3.Connection, article_id: int, a: Article,
                                created: str) -> None:
        for h in a.user_highlights:
            if h.kind not in ("user", ""):
                continue  # automatic highlights are recomputed, never carried over
            text = a.field_text(h.field) if h.field in TEXT_FIELDS else ""
            start, end, orphan = derive.anchor(text, h.start, h.end, h.text)
            con.execute(
                f"INSERT INTO highlights ({_HL_COLS.split(', ', 1)[1]})"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, h.field, "user", h.subtype, start, end, h.text,
                 derive.to_json(h.value), h.speaker, h.colour, h.note, h.created or created,
                 h.engine, int(orphan)))

    def get(self, article_id: int) -> Article:
        """The stored article, with its user highlights in ``user_highlights``.
        Raises NotFound."""
        with self._read() as con:
            row = con.execute(f"SELECT {_ARTICLE_COLS} FROM articles WHERE id = ?",
                              (article_id,)).fetchone()
            if row is None:
                raise _not_found(article_id)
            users = self._highlight_rows(con, article_id, "kind = 'user'", ())
        (id_, title, subtitle, caption, byline, body, source, url, author, published,
         language, imported_at, read, starred, position) = row
        return Article(title=title, body=body, subtitle=subtitle, caption=caption,
                       byline=byline, source=source, url=url, author=author,
                       published=published, language=language, id=id_,
                       imported_at=imported_at, read=bool(read), starred=bool(starred),
                       position=position, user_highlights=users)

    def delete(self, article_id: int) -> None:
        """Delete the article, its highlights and its index rows. Raises NotFound."""
        with self._write() as con:
            if con.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount == 0:
                raise _not_found(article_id)
            _delete_index_rows(con, article_id)

    def count(self, *, filter_text: str = "") -> int:
        """How many articles; with ``filter_text``, how many ``rows`` would list."""
        where, params = _filter_clause(filter_text)
        with self._read() as con:
            return int(con.execute(f"SELECT count(*) FROM articles {where}",
                                   params).fetchone()[0])

    def rows(self, *, offset: int = 0, limit: int | None = None, sort: str = "published",
             descending: bool = True, filter_text: str = "") -> list[ArticleRow]:
        """A page of the article list; ``filter_text`` folds like find does
        and keeps the rows whose title or source contains it.

        ``sort``: published, imported_at, title, source, id, quotes, figures,
        read or starred (ValueError otherwise); ties fall back to the id.
        """
        column = _SORTS.get(sort)
        if column is None:
            raise ValueError(f"cannot sort by {sort!r}")
        direction = "DESC" if descending else "ASC"
        where, params = _filter_clause(filter_text)
        sql = (f"SELECT id, title, source, published, imported_at, quotes, figures, read, "
               f"starred FROM articles {where} ORDER BY {column} {direction}, id {direction} "
               f"LIMIT ? OFFSET ?")
        with self._read() as con:
            found = con.execute(sql, (*params, -1 if limit is None else limit,
                                      max(offset, 0))).fetchall()
        return [ArticleRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), bool(r[8]))
                for r in found]

    def ids(self, ids: Sequence[int] | None = None) -> list[int]:
        """Every article id, ascending; or, given ``ids``, those of them that
        exist, in the order given."""
        with self._read() as con:
            if ids is None:
                return [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id")]
            present: set[int] = set()
            wanted = list(ids)
            for i in range(0, len(wanted), 500):
                chunk = wanted[i:i + 500]
                marks = ", ".join("?" * len(chunk))
                present.update(r[0] for r in con.execute(
                    f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        return [i for i in wanted if i in present]

    def _set(self, article_id: int, column: str, value: int) -> None:
        with self._write() as con:
            cur = con.execute(f"UPDATE articles SET {column} = ? WHERE id = ?",
                              (value, article_id))
            if cur.rowcount == 0:
                raise _not_found(article_id)

    def set_read(self, article_id: int, read: bool) -> None:
        self._set(article_id, "read", int(bool(read)))

    def set_starred(self, article_id: int, starred: bool) -> None:
        self._set(article_id, "starred", int(bool(starred)))

    def set_position(self, article_id: int, position: int) -> None:
        """The reading position, a str index into the body (negative -> 0)."""
        self._set(article_id, "position", max(int(position), 0))

    def data_version(self) -> int:
        """Changes when another connection commits (PRAGMA data_version), so a
        view can poll and catch up."""
        with self._lock, self._mapped():
            return int(self._connection().execute("PRAGMA data_version").fetchone()[0])

    def update_article(self, article: Article) -> None:
        """Replace a stored article's fields (``article.id`` set): automatic
        highlights recomputed, user highlights re-anchored by their text or
        kept as orphans, index updated, all in one transaction.

        ``read``/``starred`` are kept from the store; ``position`` is clamped
        to the new body. Raises NotFound, ValueError (no id), ReaderError
        (another stored article has exactly this text).
        """
        if article.id is None:
            raise ValueError("update_article needs article.id")
        article_id = article.id
        created = derive.now()
        p = derive.prepare(article, created)
        with self._write() as con:
            if con.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() \
                    is None:
                raise _not_found(article_id)
            other = con.execute("SELECT id FROM articles WHERE content_hash = ? AND id != ?",
                                (p.content_hash, article_id)).fetchone()
            if other is not None:
                raise ReaderError(str(article_id),
                                  f"article {other[0]} already has exactly this text")
            a = article
            con.execute(
                "UPDATE articles SET title = ?, subtitle = ?, caption = ?, byline = ?, body = ?,"
                " source = ?, url = ?, author = ?, published = ?, language = ?,"
                " content_hash = ?, title_key = ?, source_key = ?, quotes = ?, figures = ?,"
                " engine = ?, position = min(position, ?) WHERE id = ?",
                (a.title, a.subtitle, a.caption, a.byline, a.body, a.source, a.url, a.author,
                 a.published, a.language, p.content_hash, p.title_key, p.source_key,
                 p.quotes, p.figures, ENGINE_VERSION, len(a.body), article_id))
            self._replace_derived(con, article_id, p)
            fields = a.fields()
            for hid, field, start, end, text in con.execute(
                    "SELECT id, field, start, \"end\", text FROM highlights"
                    " WHERE article_id = ? AND kind = 'user'", (article_id,)).fetchall():
                s, e, orphan = derive.anchor(fields.get(field, ""), start, end, text)
                con.execute('UPDATE highlights SET start = ?, "end" = ?, orphan = ? WHERE id = ?',
                            (s, e, int(orphan), hid))

    def _replace_derived(self, con: sqlite3.Connection, article_id: int,
                         p: derive.Prepared) -> None:
        con.execute("DELETE FROM highlights WHERE article_id = ? AND kind != 'user'",
                    (article_id,))
        _delete_index_rows(con, article_id)
        self._insert_derived(con, article_id, p)

    # -- highlights -------------------------------------------------------------

    def highlights(self, article_id: int, *, kind: str | None = None,
                   subtype: str | None = None) -> list[HighlightRecord]:
        """The article's highlights in reading order (field, start, longest
        first), optionally of one ``kind``/``subtype``. Automatic highlights
        from an older ENGINE_VERSION are recomputed first. Raises NotFound."""
        with self._read() as con:
            row = con.execute("SELECT engine FROM articles WHERE id = ?",
                              (article_id,)).fetchone()
        if row is None:
            raise _not_found(article_id)
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
                f"INSERT INTO highlights (article_id, {_HL_COLS.split(', ', 2)[2]})"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(article_id, *row) for row in p.highlights])
            con.execute("UPDATE articles SET quotes = ?, figures = ?, engine = ? WHERE id = ?",
                        (p.quotes, p.figures, ENGINE_VERSION, article_id))
        return None

    @staticmethod
    def _highlight_rows(con: sqlite3.Connection, article_id: int, where: str,
                        params: Sequence[Any]) -> list[HighlightRecord]:
        rows = con.execute(
            f"SELECT {_HL_COLS} FROM highlights WHERE article_id = ? AND ({where})"
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
                raise _not_found(article_id)
            text = row[0]
            if not 0 <= start < end <= len(text):
                raise ValueError(f"span {start}-{end} is outside the {field} "
                                 f"({len(text)} characters)")
            cur = con.execute(
                f"INSERT INTO highlights ({_HL_COLS.split(', ', 1)[1]})"
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

    # -- search and index ----------------------------------------------------------

    def search(self, query: str, *, limit: int = 20, source: str | None = None,
               since: str | None = None, until: str | None = None, starred: bool = False,
               stem: bool = False) -> list[SearchHit]:
        """Articles matching ``query`` (language: ``reader.store.query``), best
        first: bm25 with the title weighted above the body, ties newest first.

        ``source`` keeps one source (folded comparison); ``since``/``until`` are
        ISO dates or date-times bounding ``published`` (both inclusive: an
        until of ``2024-05`` keeps all of May); ``starred`` keeps starred
        articles; ``stem`` matches word families (``reader.store.stem``).
        Raises QueryError for a malformed query or date.
        """
        request = search.Request.make(query, limit=limit, source=source, since=since,
                                      until=until, starred=starred, stem=stem)
        with self._lock:
            try:
                with self._read() as con:
                    if stem and not self._stems_current(con):
                        raise QueryError(query, "the word-family index was made by another "
                                                "rtl-reader version; open the store writable "
                                                "once to rebuild it")
                    found = search.ranked_articles(con, request)
            except StoreError as err:
                if "fts5" in err.message or "syntax" in err.message:
                    raise QueryError(query, "cannot search for this") from None
                raise
        return search.build_hits(found, request)

    def match_ids(self, query: str, *, stem: bool = False) -> list[int]:
        """Every article id the index matches for ``query``, ascending (no
        ranking, no snippets: for checks and bulk selection). Raises QueryError."""
        parsed = parse(query)
        table = "articles_stem" if stem else "articles_fts"
        with self._read() as con:
            return [r[0] for r in con.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid",
                (parsed.match(search.stem_token if stem else None),))]

    def reindex(self, progress: Callable[[int, int], None] | None = None) -> None:
        """Rebuild both search indexes, the folded list keys and every article's
        automatic highlights (current ENGINE_VERSION), ``BATCH_SIZE`` articles
        per transaction; ``progress(done, total)`` after each batch. Index rows
        of articles that no longer exist are dropped. Raises StoreReadOnly."""
        if self.read_only:
            raise StoreReadOnly(str(self.path), "the store is read-only")
        ids = self.ids()
        total = len(ids)
        if progress:
            progress(0, total)
        with self._write() as con:
            # Until the last batch commits, the word-family index is partial;
            # "rebuilding" makes the next open rebuild it if we are killed.
            con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('stemmer', 'rebuilding')")
            con.execute("INSERT INTO articles_stem(articles_stem) VALUES ('delete-all')")
            con.execute("DELETE FROM articles_fts WHERE rowid NOT IN (SELECT id FROM articles)")
        for i in range(0, total, BATCH_SIZE):
            chunk = ids[i:i + BATCH_SIZE]
            prepared = []
            for article_id in chunk:
                try:
                    article = self.get(article_id)
                    prepared.append((article_id, derive.prepare(article, derive.now())))
                except NotFound:
                    continue  # deleted meanwhile by another process
            with self._write() as con:
                for article_id, p in prepared:
                    con.execute("UPDATE articles SET title_key = ?, source_key = ?, quotes = ?,"
                                " figures = ?, engine = ? WHERE id = ?",
                                (p.title_key, p.source_key, p.quotes, p.figures,
                                 ENGINE_VERSION, article_id))
                    con.execute("DELETE FROM highlights WHERE article_id = ? AND kind != 'user'",
                                (article_id,))
                    con.execute("DELETE FROM articles_fts WHERE rowid = ?", (article_id,))
                    self._insert_derived(con, article_id, p)
            if progress:
                progress(min(i + BATCH_SIZE, total), total)
        with self._write() as con:
            for table in ("articles_fts", "articles_stem"):
                con.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
            con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('stemmer', ?)",
                        (str(STEMMER_VERSION),))

    def _rebuild_stems(self, progress: Callable[[int, int], None] | None = None) -> None:
        """Refill the word-family index after the stemmer changed (one
        transaction); ``progress(done, total)`` every ``BATCH_SIZE`` articles."""
        with self._write() as con:
            if self._stems_current(con):
                return  # another program rebuilt it while we waited for the lock
            total = int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
            con.execute("INSERT INTO articles_stem(articles_stem) VALUES ('delete-all')")

            def stemmed() -> Iterator[tuple[Any, ...]]:
                # Streamed from a cursor: a million articles' text never sits in memory.
                rows = con.execute(f"SELECT rowid, {_FTS_COLS} FROM articles_fts")
                for done, row in enumerate(rows, 1):
                    yield (row[0], *(stem_text(t) for t in row[1:]))
                    if progress and done % BATCH_SIZE == 0:
                        progress(done, total)

            if progress:
                progress(0, total)
            con.executemany(
                f"INSERT INTO articles_stem (rowid, {_FTS_COLS}) VALUES (?, ?, ?, ?, ?, ?)",
                stemmed())
            con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('stemmer', ?)",
                        (str(STEMMER_VERSION),))
        if progress:
            progress(total, total)


# -- helpers ------------------------------------------------------------------------


def _filter_clause(filter_text: str) -> tuple[str, list[str]]:
    """The WHERE clause of the list filter: folded title or source contains it."""
    key = fold_text(filter_text).strip() if filter_text else ""
    if not key:
        return "", []
    pattern = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return ("WHERE title_key LIKE ? ESCAPE '\\' OR source_key LIKE ? ESCAPE '\\'",
            [pattern, pattern])


def _delete_index_rows(con: sqlite3.Connection, article_id: int) -> None:
    """Remove an article from both indexes. The contentless stem index must be
    told the stems it holds, recomputed from the folded text still in
    ``articles_fts``; so this runs before that row goes."""
    row = con.execute(f"SELECT {_FTS_COLS} FROM articles_fts WHERE rowid = ?",
                      (article_id,)).fetchone()
    if row is None:
        return
    con.execute(f"INSERT INTO articles_stem (articles_stem, rowid, {_FTS_COLS})"
                " VALUES ('delete', ?, ?, ?, ?, ?, ?)",
                (article_id, *(stem_text(text) for text in row)))
    con.execute("DELETE FROM articles_fts WHERE rowid = ?", (article_id,))


def _not_found(article_id: int) -> NotFound:
    return NotFound(str(article_id), "no article with this ID")
