"""Searching the store and keeping its two search indexes current.

``Indexing`` gives ``Library`` ``search`` (ranked hits with snippets, built
by ``reader.store.search``), ``match_ids`` (every matching id) and
``reindex`` (both indexes, the folded list keys and the automatic
highlights rebuilt, ``BATCH_SIZE`` articles per transaction),
``refresh_rankings`` (the stored rankings of the commonest words and phrases,
``reader.store.rankings``), and to
``Library.open`` the check and rebuild of the word-family index
(``articles_stem``) when another STEMMER_VERSION made it.

Errors: QueryError (a malformed query or date; a stale word-family index),
StoreReadOnly (``reindex``), StoreError.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.errors import NotFound, QueryError, StoreError, StoreReadOnly
from reader.store import connection, derive, rankings, schema, search
from reader.store.article import Article
from reader.store.query import parse
from reader.store.search import SearchHit
from reader.store.stem import STEMMER_VERSION, stem_text
from reader.text import ENGINE_VERSION

if TYPE_CHECKING:
    import threading

_FTS_COLS = ", ".join(schema.FTS_COLUMNS)


class Indexing:
    """Search and index maintenance of ``Library`` (listed among its bases)."""

    # Set up by Library.__init__.
    path: Path
    read_only: bool
    _lock: threading.RLock

    if TYPE_CHECKING:
        def _read(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def _write(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def get(self, article_id: int) -> Article: ...
        def ids(self, ids: Sequence[int] | None = None) -> list[int]: ...
        @staticmethod
        def _insert_derived(con: sqlite3.Connection, article_id: int,
                            p: derive.Prepared) -> None: ...

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
        automatic highlights (current ENGINE_VERSION), ``connection.BATCH_SIZE`` articles
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
            rankings.bump(con)
        for i in range(0, total, connection.BATCH_SIZE):
            chunk = ids[i:i + connection.BATCH_SIZE]
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
                progress(min(i + connection.BATCH_SIZE, total), total)
        with self._write() as con:
            for table in ("articles_fts", "articles_stem"):
                con.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
            con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('stemmer', ?)",
                        (str(STEMMER_VERSION),))

    def refresh_rankings(self, progress: Callable[[int, int], None] | None = None,
                         cancelled: Callable[[], bool] | None = None, *,
                         min_rows: int | None = None, max_terms: int | None = None) -> int:
        """Store the rankings of the commonest words and phrases of both
        indexes for the current text generation (``reader.store.rankings``);
        nothing to do when the stored ones are current. Each ranking is made
        in its own snapshot, so other connections read and write meanwhile;
        all are written in one transaction at the end, none if the text
        changed meanwhile (it stops at the first word that sees the change).
        ``progress(done, total)`` after each word; ``cancelled()`` is asked
        between words. ``min_rows`` and ``max_terms`` default to
        ``rankings.MIN_ROWS`` and ``MAX_TERMS``. Returns how many rankings
        were written. Raises StoreReadOnly."""
        if self.read_only:
            raise StoreReadOnly(str(self.path), "the store is read-only")
        min_rows = rankings.MIN_ROWS if min_rows is None else min_rows
        max_terms = rankings.MAX_TERMS if max_terms is None else max_terms
        with self._read() as con:
            current = rankings.generation(con)
            # Made for this text and this choice of words: nothing to do.
            made_for = f"{current} {min_rows} {max_terms} {rankings.DEPTH}"
            done_for = con.execute("SELECT value FROM meta WHERE key = 'rankings'").fetchone()
            if current is None or (done_for is not None and done_for[0] == made_for):
                return 0
            documents, total = self._sample_texts(con, min_rows)
            plan = [("articles_fts", gram) for gram in rankings.choose(
                documents, len(documents), total, min_rows=min_rows, max_terms=max_terms)]
            if self._stems_current(con):
                plan += [("articles_stem", gram) for gram in rankings.choose(
                    ([stem_text(t) for t in fields] for fields in documents), len(documents),
                    total, min_rows=min_rows, max_terms=max_terms)]
            if not plan and con.execute("SELECT 1 FROM rankings LIMIT 1").fetchone() is None:
                return 0  # a small library: nothing to store, nothing to write
        made: list[tuple[str, str, list[tuple[int, float]]]] = []
        for done, (index, gram) in enumerate(plan, 1):
            if cancelled and cancelled():
                break
            match = rankings.match_of(gram)
            with self._read() as con:
                if rankings.generation(con) != current:
                    # The text changed: every ranking made so far is stale, and
                    # the caller that changed it asks again once it is done.
                    made = []
                    break
                made.append((index, match, rankings.cut(
                    search.top_ranked(con, index, match, rankings.DEPTH), rankings.DEPTH)))
            if progress:
                progress(done, len(plan))
        with self._write() as con:
            now = rankings.generation(con)
            con.execute("DELETE FROM rankings WHERE generation != ?", (now,))
            kept = made if now == current else []
            con.executemany(
                "INSERT OR REPLACE INTO rankings(index_name, match, generation, ids, ranks)"
                " VALUES (?, ?, ?, ?, ?)",
                [(index, match, now, *rankings.pack(ranking)) for index, match, ranking in kept])
            if now == current and len(kept) == len(plan):
                con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('rankings', ?)",
                            (made_for,))
        return len(kept)

    @staticmethod
    def _sample_texts(con: sqlite3.Connection,
                      min_rows: int) -> tuple[list[tuple[str, ...]], int]:
        """The index texts (one per field) of up to ``rankings.SAMPLE``
        articles spread evenly over the ids (none when there are fewer than
        ``min_rows``: nothing can match that many), and how many articles
        there are."""
        total, low, high = con.execute(
            "SELECT count(*), min(id), max(id) FROM articles").fetchone()
        if total < max(min_rows, 1):
            return [], total
        if total <= rankings.SAMPLE:
            return [tuple(r) for r in con.execute(f"SELECT {_FTS_COLS} FROM articles_fts")], total
        rows: dict[int, tuple[str, ...]] = {}
        step = (high - low) / rankings.SAMPLE
        for k in range(rankings.SAMPLE):
            row = con.execute(f"SELECT rowid, {_FTS_COLS} FROM articles_fts WHERE rowid >= ?"
                              " ORDER BY rowid LIMIT 1", (low + int(k * step),)).fetchone()
            if row is not None:
                rows[row[0]] = tuple(row[1:])
        return list(rows.values()), total

    @staticmethod
    def _stems_current(con: sqlite3.Connection) -> bool:
        """Whether the word-family index was made by this STEMMER_VERSION."""
        row = con.execute("SELECT value FROM meta WHERE key = 'stemmer'").fetchone()
        return row is not None and row[0] == str(STEMMER_VERSION)

    def _rebuild_stems(self, progress: Callable[[int, int], None] | None = None) -> None:
        """Refill the word-family index after the stemmer changed (one
        transaction); ``progress(done, total)`` every ``connection.BATCH_SIZE`` articles."""
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
                    if progress and done % connection.BATCH_SIZE == 0:
                        progress(done, total)

            if progress:
                progress(0, total)
            con.executemany(
                f"INSERT INTO articles_stem (rowid, {_FTS_COLS}) VALUES (?, ?, ?, ?, ?, ?)",
                stemmed())
            con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('stemmer', ?)",
                        (str(STEMMER_VERSION),))
            rankings.bump(con)
        if progress:
            progress(total, total)

