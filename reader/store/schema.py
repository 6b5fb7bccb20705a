"""The store's schema, as ordered migrations keyed by ``PRAGMA user_version``.

Version 1 is kept verbatim as history: a store made by the first release is
brought up to date by running every later step in order, inside one
``BEGIN IMMEDIATE`` transaction (so a crash mid-migration leaves the old
version whole). Never edit a step that has shipped; add a new one.

Tables (version 3):

- ``articles``: every ``Article`` field (the short list columns first and the
  long text last, so listing and ranking never read a body's overflow pages),
  plus ``title_key``/``source_key`` (folded, for the list filter),
  ``quotes``/``figures`` (counts of automatic highlights, so the list never
  counts rows) and ``engine`` (the ``ENGINE_VERSION`` that computed the
  article's automatic highlights).
- ``highlights``: automatic and user highlights; ``value`` is JSON;
  ``orphan`` is 1 for a user highlight whose text vanished in an update.
- ``articles_fts``: FTS5 over the folded text fields, ``rowid`` = article id;
  contentless from v6 (values recomputed from the article when a row goes).
- ``articles_stem`` (v2): the same fields folded then stemmed (word families),
  contentless.
- indexes for every sort of the article list (v3).
- ``meta``: key/value (``stemmer`` and ``fold``: the STEMMER_VERSION and
  FOLD_VERSION the indexes were made with; ``generation``, ``rankings``,
  ``index_pending``).
- ``rankings`` (v5): stored rankings of the commonest words.
- ``feeds``, ``feed_entries`` (v7): subscriptions and the entries they gave.
- ``tags`` and ``article_tags`` (v8): the reader's tags. A read-only store of
  an older version has none (``reader.store.tags`` reads it as untagged).
- ``meta.last_article_id`` and its trigger (v9): ids are never reused.
- ``meta.last_feed_id`` and its trigger (v10): nor are a feed's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

FTS_COLUMNS = ("title", "subtitle", "caption", "byline", "body")
TOKENIZE = "unicode61 remove_diacritics 0"

V1_DDL = f"""
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    published TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0,
    quotes INTEGER NOT NULL DEFAULT 0,
    figures INTEGER NOT NULL DEFAULT 0,
    engine INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL DEFAULT '',
    source_key TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    title_key TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'ar',
    url TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    subtitle TEXT NOT NULL DEFAULT '',
    caption TEXT NOT NULL DEFAULT '',
    byline TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published, id);
CREATE INDEX articles_imported ON articles(imported_at, id);
CREATE INDEX articles_title ON articles(title, id);
CREATE INDEX articles_source ON articles(source, id);
CREATE TABLE highlights (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    field TEXT NOT NULL DEFAULT 'body',
    kind TEXT NOT NULL,
    subtype TEXT NOT NULL DEFAULT '',
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT,
    speaker TEXT NOT NULL DEFAULT '',
    colour TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL DEFAULT '',
    engine INTEGER NOT NULL DEFAULT 0,
    orphan INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX highlights_article ON highlights(article_id, field, start);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    {", ".join(FTS_COLUMNS)}, tokenize = '{TOKENIZE}'
);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

V2_DDL = f"""
CREATE VIRTUAL TABLE articles_stem USING fts5(
    {", ".join(FTS_COLUMNS)}, content = '', tokenize = '{TOKENIZE}'
);
"""
"""Contentless: the stems are derived from ``articles_fts`` (deterministic for
one STEMMER_VERSION), so a row is deleted with the FTS5 ``'delete'`` command
and values recomputed from ``articles_fts``, and no copy of the text is kept."""


def _to_v1(con: sqlite3.Connection) -> None:
    for statement in _statements(V1_DDL):
        con.execute(statement)


def _to_v2(con: sqlite3.Connection) -> None:
    """Add the word-family index and fill it from the folded index."""
    from reader.store.stem import STEMMER_VERSION, stem_text

    for statement in _statements(V2_DDL):
        con.execute(statement)
    cols = ", ".join(FTS_COLUMNS)
    rows = con.execute(f"SELECT rowid, {cols} FROM articles_fts")  # streamed
    con.executemany(
        f"INSERT INTO articles_stem(rowid, {cols}) VALUES (?, ?, ?, ?, ?, ?)",
        ((row[0], *(stem_text(text) for text in row[1:])) for row in rows),
    )
    con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('stemmer', ?)",
                (str(STEMMER_VERSION),))


V3_DDL = """
CREATE INDEX IF NOT EXISTS articles_quotes ON articles(quotes, id);
CREATE INDEX IF NOT EXISTS articles_figures ON articles(figures, id);
CREATE INDEX IF NOT EXISTS articles_starred ON articles(starred, id);
CREATE INDEX IF NOT EXISTS articles_read ON articles(read, id)
"""
"""The list sorts by quotes, figures, starred and read without sorting every
row (213 ms a page at 100k articles before, under 5 ms after)."""


def _to_v3(con: sqlite3.Connection) -> None:
    for statement in _statements(V3_DDL):
        con.execute(statement)


V4_DDL = """
CREATE INDEX IF NOT EXISTS articles_filter ON articles(id, source_key, published, starred)
"""
"""What a filtered library search reads of each match, beside its id: an
article's row holds its text, so reading these columns from the row costs
overflow pages (the source filter on a common word at 100k articles: 44 ms
from the rows, 12 ms from this index)."""


def _to_v4(con: sqlite3.Connection) -> None:
    for statement in _statements(V4_DDL):
        con.execute(statement)


V5_DDL = (
    """CREATE TABLE IF NOT EXISTS rankings (
        index_name TEXT NOT NULL,
        match TEXT NOT NULL,
        generation INTEGER NOT NULL,
        ids BLOB NOT NULL,
        ranks BLOB NOT NULL,
        PRIMARY KEY (index_name, match)
    ) WITHOUT ROWID""",
    "INSERT OR IGNORE INTO meta(key, value) VALUES ('generation', '0')",
    *(f"""CREATE TRIGGER IF NOT EXISTS articles_text_{name} AFTER {event} ON articles
    BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation';
    END""" for name, event in (
        ("inserted", "INSERT"), ("deleted", "DELETE"),
        ("edited", f"UPDATE OF {', '.join(FTS_COLUMNS)}"))),
)
"""Stored rankings of the commonest words and phrases
(``reader.store.rankings``) and the text generation they are checked against.
The triggers bump the generation in the transaction of every change to an
article's text, whichever code makes it, so a ranking made before the change
is never used after it.
(Statements one by one: a trigger's body holds semicolons.)"""


def _to_v5(con: sqlite3.Connection) -> None:
    for statement in V5_DDL:
        con.execute(statement)


V6_DDL = (
    f"""CREATE VIRTUAL TABLE articles_folded USING fts5(
        {", ".join(FTS_COLUMNS)}, content = '', tokenize = '{TOKENIZE}'
    )""",
    "DROP TABLE articles_fts",
    "ALTER TABLE articles_folded RENAME TO articles_fts",
    "UPDATE highlights SET text = '', created = '' WHERE kind != 'user'",
    "INSERT OR REPLACE INTO meta(key, value) VALUES ('fold', '0')",
)
"""The folded text is kept once: the plain index becomes contentless like the
word-family one (an article's row is deleted with the values
``derive.index_text`` makes again from its stored text), and automatic
highlights are stored without their text and time (cut from the article when
read). Fold version 0 makes ``Library.open`` refill both indexes from the
articles' text, and then compact the file (``Library._compact``): 4.3 times
the text the store held before, about 2.4 times after."""


def _to_v6(con: sqlite3.Connection) -> None:
    for statement in V6_DDL:
        con.execute(statement)


V7_DDL = """
CREATE TABLE IF NOT EXISTS feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    folder TEXT NOT NULL DEFAULT '',
    site_url TEXT NOT NULL DEFAULT '',
    interval_minutes INTEGER NOT NULL DEFAULT 60,
    full_text INTEGER NOT NULL DEFAULT 0,
    etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    checked TEXT NOT NULL DEFAULT '',
    succeeded TEXT NOT NULL DEFAULT '',
    next_check TEXT NOT NULL DEFAULT '',
    failures INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    added TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS feed_entries (
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    entry_key TEXT NOT NULL,
    article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    seen TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (feed_id, entry_key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS feed_entries_article ON feed_entries(article_id, feed_id)
"""
"""Subscriptions (``reader.store.feeds``): a feed's address, title, folder,
refresh interval and whether its entries' pages are fetched for their full
text; the state of its last fetches (validators for a conditional GET, when
it last succeeded, how many times it failed since and why, when it is due);
and every entry seen, by its keys (id and normalized link), with the article
it gave: an entry republished, or whose link gained tracking parameters, is
known again and stored once."""


def _to_v7(con: sqlite3.Connection) -> None:
    for statement in _statements(V7_DDL):
        con.execute(statement)


V8_DDL = """
CREATE TABLE IF NOT EXISTS tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_tags_tag ON article_tags(tag_id, article_id)
"""
"""The reader's tags (collections beyond Star): a name each, any number per
article (``reader.store.tags``). Deleting an article drops its links."""


def _to_v8(con: sqlite3.Connection) -> None:
    for statement in _statements(V8_DDL):
        con.execute(statement)


def last_id_key(table: str) -> str:
    """The ``meta`` key that keeps the largest id a deleted row of ``table``
    had (``last_article_id``, ``last_feed_id``)."""
    return f"last_{table.removesuffix('s')}_id"


def _ids_kept(table: str) -> tuple[str, str]:
    """The statements that keep ``table``'s ids from being given again: the
    largest id it holds now, then a trigger keeping each deleted one."""
    key = last_id_key(table)
    return (f"""INSERT OR IGNORE INTO meta(key, value)
    SELECT '{key}', CAST(coalesce(max(id), 0) AS TEXT) FROM {table}""",
            f"""CREATE TRIGGER IF NOT EXISTS {table}_id_kept AFTER DELETE ON {table}
    BEGIN
        UPDATE meta SET value = CAST(old.id AS TEXT)
        WHERE key = '{key}' AND CAST(value AS INTEGER) < old.id;
    END""")


V9_DDL = _ids_kept("articles")
"""An article's id is never given to another article: a link to it
(``rtl-reader://article/ID``, an export, Go > Recent) opens it or nothing.
SQLite gives a new row the largest id + 1, so deleting the newest article
handed its id to the next one imported; ``meta.last_article_id`` keeps the
largest id a deleted article had (the trigger, whichever code deletes), and
``rows.insert_articles`` numbers past it. (The table is not rebuilt with
AUTOINCREMENT: that would rewrite every article.)"""


def _to_v9(con: sqlite3.Connection) -> None:
    for statement in V9_DDL:
        con.execute(statement)


V10_DDL = _ids_kept("feeds")
"""A feed's id is never given to another feed, as an article's is not (v9):
a refresh still running for a removed feed recorded its entries, and stored
its articles, under the feed added next in its place; the window's saved
source (``window/source``) chose that other feed. ``meta.last_feed_id``
keeps the largest id a removed feed had; ``Feeds.add`` numbers past it."""


def _to_v10(con: sqlite3.Connection) -> None:
    for statement in V10_DDL:
        con.execute(statement)


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _to_v1, _to_v2, _to_v3, _to_v4, _to_v5, _to_v6, _to_v7, _to_v8, _to_v9, _to_v10)
"""``MIGRATIONS[n]`` takes a store from version ``n`` to ``n + 1``."""

SCHEMA_VERSION = len(MIGRATIONS)

READABLE_FROM = 2
"""The oldest version this code reads without migrating (a read-only store
cannot be migrated): every table it queries exists from this version on."""


def migrate(con: sqlite3.Connection, current: int) -> None:
    """Run every step from ``current`` up to ``SCHEMA_VERSION`` on ``con``.

    The caller holds a ``BEGIN IMMEDIATE`` transaction and commits.
    """
    for step in MIGRATIONS[current:]:
        step(con)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _statements(ddl: str) -> list[str]:
    return [s.strip() for s in ddl.split(";") if s.strip()]
