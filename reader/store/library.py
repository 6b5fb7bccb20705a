"""The article library: one SQLite file (DESIGN decision 4).

One ``Library`` holds one connection (stdlib ``sqlite3``, autocommit mode):
WAL journal, foreign keys on, ``busy_timeout`` of ``BUSY_TIMEOUT_MS``, and
every write inside an explicit ``BEGIN IMMEDIATE`` ... ``COMMIT`` (a deferred
transaction under WAL can fail with SQLITE_BUSY that the timeout never
retries). An article is written whole in one transaction together with its
automatic highlights, its user highlights and both index rows; a killed
process leaves each article whole or absent.

This module holds opening and upgrading the store, transactions, the
articles themselves (add, get, update, delete, read/starred/position) and
the article list (``rows``, ``count``, ``ids``). ``Library`` takes its
highlight methods from ``reader.store.highlight_queries`` and its search and
index maintenance (``search``, ``match_ids``, ``reindex``) from
``reader.store.indexing``. The schema and its migrations live in
``reader.store.schema``; the query language in ``reader.store.query``; hits
and snippets in ``reader.store.snippets``.

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

from reader.errors import (
    NotADatabase,
    ReaderError,
    StoreError,
    StoreLocked,
    StoreReadOnly,
    StoreTooNew,
)
from reader.store import connection, derive, schema
from reader.store.article import Article, not_found
from reader.store.connection import BATCH_SIZE
from reader.store.highlight_queries import HighlightQueries
from reader.store.indexing import Indexing
from reader.store.search import SearchHit
from reader.store.stem import stem_text
from reader.text import ENGINE_VERSION, fold_text
from reader.text.spans import TEXT_FIELDS

__all__ = ["BATCH_SIZE", "AddResult", "ArticleRow", "Library", "SearchHit"]

_SORTS = {
    "published": "published", "imported_at": "imported_at", "imported": "imported_at",
    "title": "title", "source": "source", "id": "id", "quotes": "quotes",
    "figures": "figures", "read": "read", "starred": "starred",
}
_ARTICLE_COLS = ("id, title, subtitle, caption, byline, body, source, url, author, published, "
                 "language, imported_at, read, starred, position")
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


class Library(HighlightQueries, Indexing):
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
            f"INSERT INTO highlights (article_id, {derive.HL_COLUMNS.split(', ', 2)[2]})"
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
                f"INSERT INTO highlights ({derive.HL_COLUMNS.split(', ', 1)[1]})"
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
                raise not_found(article_id)
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
                raise not_found(article_id)
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
                raise not_found(article_id)

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
                raise not_found(article_id)
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

