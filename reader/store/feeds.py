"""Subscriptions to news feeds, kept in the store (schema v7).

``Feeds`` is the part of ``Library`` (``library.feeds``) that owns the
``feeds`` and ``feed_entries`` tables: subscriptions with their title,
folder, refresh interval and full-text choice; the state of their fetches
(validators of a conditional GET, failures in a row and the last error,
when each is due, backing off after failures); the entries each gave, by
their keys, with the article stored for them. Fetching and reading feeds is
``reader.importers.subscriptions``; no network here.

Times are ISO 8601 UTC strings (``derive.now()``). Errors: NotFound (no such
feed), ReaderError (a subscription to that address exists), StoreReadOnly.
A read-only store made before v7 has no subscriptions to list.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.errors import NotFound, ReaderError
from reader.store import derive, rows
from reader.store.database import Database
from reader.text.spans import shortened

DEFAULT_INTERVAL = 60
"""Minutes between two fetches of a feed, unless the subscription says."""

MAX_INTERVAL = 7 * 24 * 60
"""The longest interval between two fetches: a week, in minutes."""

MAX_BACKOFF_MINUTES = 24 * 60
"""After failures a feed waits twice as long each time, at most a day."""

MAX_TITLE_CHARS = 200
"""A feed's title is cut to this: it is the source of every article the feed
gives (a title of megabytes was stored once per entry: a 2 MB feed made an
800 MB store)."""

_COLUMNS = ("id", "url", "title", "folder", "site_url", "interval_minutes", "full_text",
            "etag", "last_modified", "checked", "succeeded", "next_check", "failures",
            "last_error", "added")
_NEXT_ID = rows.next_id_sql("feeds")


@dataclass(frozen=True, slots=True)
class Feed:
    """A subscription and the state of its fetches; ``unread`` and ``total``
    count the stored articles it gave (0 where not asked for)."""

    id: int
    url: str
    title: str
    folder: str
    site_url: str
    interval_minutes: int
    full_text: bool
    etag: str
    last_modified: str
    checked: str
    succeeded: str
    next_check: str
    failures: int
    last_error: str
    added: str
    unread: int = 0
    total: int = 0

    @property
    def name(self) -> str:
        """What to call it: its title, else its address."""
        return self.title or self.url


@dataclass(frozen=True, slots=True)
class RemovedFeed:
    """A subscription as ``Feeds.remove`` took it out, with the entries it
    had seen (``entry_key``, the article stored for it, when seen), so that
    ``Feeds.put_back`` (Undo) follows it again as it was: its entries are
    not news again."""

    feed: Feed
    entries: tuple[tuple[str, int | None, str], ...]


def backoff(interval_minutes: int, failures: int) -> int:
    """Minutes to wait after ``failures`` failures in a row (0: none)."""
    interval_minutes = min(interval_minutes, MAX_INTERVAL)  # a store of an older version
    if failures <= 0:
        return interval_minutes
    return min(interval_minutes * 2 ** min(failures, 10), MAX_BACKOFF_MINUTES)


def later(start: str, minutes: int) -> str:
    """``start`` (ISO UTC) plus ``minutes``, as ISO UTC."""
    when = datetime.datetime.strptime(start, "%Y-%m-%dT%H:%M:%SZ")
    return (when + datetime.timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _check_interval(minutes: int) -> None:
    if not 1 <= minutes <= MAX_INTERVAL:
        raise ValueError(f"the interval is 1 to {MAX_INTERVAL} minutes (a week)")


class Feeds:
    """The subscriptions of one store (a part of ``Library``)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, url: str, *, title: str = "", folder: str = "", site_url: str = "",
            interval_minutes: int = DEFAULT_INTERVAL, full_text: bool = False) -> Feed:
        """Subscribe to the feed at ``url`` (due at once). Raises ReaderError
        when a subscription to it exists, ValueError for an interval outside
        1..MAX_INTERVAL."""
        _check_interval(interval_minutes)
        title = shortened(title, MAX_TITLE_CHARS) if title else title
        now = derive.now()
        with self._db.write() as con:
            if con.execute("SELECT 1 FROM feeds WHERE url = ?", (url,)).fetchone():
                raise ReaderError(url, "already followed")
            feed_id = int(con.execute(_NEXT_ID).fetchone()[0])
            con.execute(
                rows.insert_sql("feeds", ("id", "url", "title", "folder", "site_url",
                                          "interval_minutes", "full_text", "next_check",
                                          "added")),
                (feed_id, url, title, folder, site_url, interval_minutes, int(full_text), now,
                 now))
        return self.get(feed_id)

    def get(self, feed_id: int) -> Feed:
        """One subscription. Raises NotFound."""
        found = self._select("WHERE f.id = ?", (feed_id,))
        if not found:
            raise NotFound(str(feed_id), "no feed with this ID")
        return found[0]

    def all(self) -> list[Feed]:
        """Every subscription, by folder then name, with its unread and total
        counts; [] for a store made before subscriptions existed."""
        return self._select("ORDER BY f.folder, lower(f.title), f.url", ())

    def due(self, now: str) -> list[Feed]:
        """The subscriptions whose next fetch is at ``now`` or before."""
        return [f for f in self.all() if f.next_check <= now]

    def _select(self, tail: str, params: Sequence[object]) -> list[Feed]:
        sql = (f"SELECT {', '.join('f.' + c for c in _COLUMNS)},"
               " (SELECT count(DISTINCT e.article_id) FROM feed_entries e"
               "  JOIN articles a ON a.id = e.article_id WHERE e.feed_id = f.id AND NOT a.read),"
               " (SELECT count(DISTINCT e.article_id) FROM feed_entries e"
               "  WHERE e.feed_id = f.id AND e.article_id IS NOT NULL)"
               f" FROM feeds f {tail}")
        try:
            with self._db.read() as con:
                found = con.execute(sql, params).fetchall()
        except ReaderError as err:
            if "no such table" in err.message:
                return []  # a read-only store from before v7
            raise
        return [_feed(r) for r in found]

    def update(self, feed_id: int, *, title: str | None = None, folder: str | None = None,
               interval_minutes: int | None = None, full_text: bool | None = None
               ) -> list[int]:
        """Change what the reader chose for a subscription. A new title is
        the source of the feed's articles too (those still under its old
        title: a source edited in an article's details stays), as of the
        entries it gives later (``reader.importers.subscriptions``). The
        ids of the articles whose source changed. Raises NotFound,
        ValueError for an interval outside 1..MAX_INTERVAL."""
        if interval_minutes is not None:
            _check_interval(interval_minutes)
        if title:
            title = shortened(title, MAX_TITLE_CHARS)
        changes = {"title": title, "folder": folder, "interval_minutes": interval_minutes,
                   "full_text": None if full_text is None else int(full_text)}
        chosen = {k: v for k, v in changes.items() if v is not None}
        with self._db.write() as con:
            found = con.execute("SELECT title FROM feeds WHERE id = ?", (feed_id,)).fetchone()
            if found is None:
                raise NotFound(str(feed_id), "no feed with this ID")
            if chosen:
                con.execute(rows.update_sql("feeds", tuple(chosen), "id = ?"),
                            (*chosen.values(), feed_id))
            old = str(found[0])
            if not title or not old or title == old:
                return []
            renamed = [r[0] for r in con.execute(
                "SELECT id FROM articles WHERE source = ? AND id IN"
                " (SELECT article_id FROM feed_entries WHERE feed_id = ?) ORDER BY id",
                (old, feed_id))]
            con.executemany("UPDATE articles SET source = ?, source_key = ? WHERE id = ?",
                            [(title, derive.source_key(title), i) for i in renamed])
            return renamed

    def remove(self, feed_id: int) -> RemovedFeed:
        """Stop following a feed; the articles it gave stay. What was
        removed, for ``put_back``. Raises NotFound."""
        with self._db.write() as con:
            found = con.execute(f"SELECT {', '.join(_COLUMNS)}, 0, 0 FROM feeds WHERE id = ?",
                                (feed_id,)).fetchone()
            if found is None:
                raise NotFound(str(feed_id), "no feed with this ID")
            entries = tuple((str(r[0]), r[1], str(r[2])) for r in con.execute(
                "SELECT entry_key, article_id, seen FROM feed_entries WHERE feed_id = ?",
                (feed_id,)))
            con.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))
        return RemovedFeed(_feed(found), entries)

    def put_back(self, removed: RemovedFeed) -> None:
        """Follow a removed feed again as it was, under its own id (never
        given to another, schema v10), with the entries it had seen; an
        entry's article deleted meanwhile is kept as none. Raises
        ReaderError when its address is followed again meanwhile."""
        feed = removed.feed
        with self._db.write() as con:
            if con.execute("SELECT 1 FROM feeds WHERE url = ? OR id = ?",
                           (feed.url, feed.id)).fetchone():
                raise ReaderError(feed.url, "already followed")
            # full_text, a bool, is stored as SQLite stores one: 1 or 0.
            con.execute(rows.insert_sql("feeds", _COLUMNS),
                        tuple(getattr(feed, c) for c in _COLUMNS))
            con.executemany(
                "INSERT INTO feed_entries (feed_id, entry_key, article_id, seen) VALUES"
                " (?, ?, (SELECT id FROM articles WHERE id = ?), ?)",
                [(feed.id, key, article, seen) for key, article, seen in removed.entries])

    def seen(self, feed_id: int, keys: Iterable[str]) -> dict[str, int | None]:
        """Those of ``keys`` this feed gave before, each with the article
        stored for it (None when it gave none)."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, int | None] = {}
        with self._db.read() as con:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i:i + 500]
                found.update((r[0], r[1]) for r in con.execute(
                    "SELECT entry_key, article_id FROM feed_entries WHERE feed_id = ? AND"
                    f" entry_key IN ({', '.join('?' * len(chunk))})", (feed_id, *chunk)))
        return found

    def with_text_keys(self, feed_id: int, article_ids: Iterable[int]) -> set[int]:
        """Those of ``article_ids`` for which this feed recorded the key of
        an entry's text (``text:``): entries recorded before texts were
        keyed have none, and cannot be told edited."""
        wanted = list(dict.fromkeys(article_ids))
        found: set[int] = set()
        with self._db.read() as con:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i:i + 500]
                found.update(r[0] for r in con.execute(
                    "SELECT DISTINCT article_id FROM feed_entries WHERE feed_id = ? AND"
                    f" article_id IN ({', '.join('?' * len(chunk))})"
                    " AND entry_key LIKE 'text:%'", (feed_id, *chunk)))
        return found

    def record(self, feed_id: int, fetched: FetchState,
               entries: Iterable[tuple[Sequence[str], int | None]]) -> None:
        """After a fetch: the feed's new state, and each entry's keys with the
        article stored for it (None when it gave none), in one transaction."""
        now = fetched.checked
        with self._db.write() as con:
            row = con.execute("SELECT interval_minutes, failures FROM feeds WHERE id = ?",
                              (feed_id,)).fetchone()
            if row is None:
                return  # unsubscribed meanwhile: nothing to keep
            interval, failures = int(row[0]), int(row[1])
            failures = failures + 1 if fetched.error else 0
            state = {
                "checked": now, "failures": failures, "last_error": fetched.error,
                "next_check": later(now, backoff(interval, failures)),
            }
            if not fetched.error:
                state["succeeded"] = now
                state["etag"] = fetched.etag
                state["last_modified"] = fetched.last_modified
                if fetched.title:
                    con.execute("UPDATE feeds SET title = ? WHERE id = ? AND title = ''",
                                (fetched.title, feed_id))
                if fetched.site_url:
                    con.execute("UPDATE feeds SET site_url = ? WHERE id = ?",
                                (fetched.site_url, feed_id))
            con.execute(rows.update_sql("feeds", tuple(state), "id = ?"),
                        (*state.values(), feed_id))
            con.executemany(
                "INSERT OR IGNORE INTO feed_entries (feed_id, entry_key, article_id, seen)"
                " VALUES (?, ?, ?, ?)",
                [(feed_id, key, article_id, now) for keys, article_id in entries
                 for key in keys])

    def article_ids(self, feed_id: int | None = None, folder: str | None = None) -> list[int]:
        """The stored articles a feed (or every feed of a folder) gave."""
        where, params = ("f.id = ?", (feed_id,)) if feed_id is not None else (
            "f.folder = ?", (folder or "",))
        with self._db.read() as con:
            return [r[0] for r in con.execute(
                "SELECT DISTINCT e.article_id FROM feed_entries e JOIN feeds f"
                f" ON f.id = e.feed_id WHERE {where} AND e.article_id IS NOT NULL"
                " ORDER BY e.article_id", params)]

    def mark_all_read(self, feed_id: int) -> int:
        """Mark every article the feed gave as read; how many changed."""
        with self._db.write() as con:
            return con.execute(
                "UPDATE articles SET read = 1 WHERE NOT read AND id IN"
                " (SELECT article_id FROM feed_entries WHERE feed_id = ?)",
                (feed_id,)).rowcount


@dataclass(frozen=True, slots=True)
class FetchState:
    """What one fetch of a feed left to remember: when, the validators of
    the answer (for the next conditional GET), the feed's own title and
    site, or the one-line error."""

    checked: str
    etag: str = ""
    last_modified: str = ""
    title: str = ""
    site_url: str = ""
    error: str = ""


def _feed(row: Sequence[object]) -> Feed:
    values = list(row)
    values[6] = bool(values[6])
    return Feed(*values[:15], unread=int(values[15]), total=int(values[16]))  # type: ignore[arg-type]
