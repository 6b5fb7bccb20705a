"""Following news feeds: subscribe, and refresh them into the library.

``feed_address(text)`` reads what a reader typed as a web address (a bare
host is ``https://``). ``subscribe(library, address)`` adds a feed by its own address or by the
address of a page that names its feeds (``<link rel="alternate">``), after
one fetch that shows it is a feed. ``refresh(library, feed)`` fetches one
feed and stores its new entries; ``refresh_feeds(library)`` refreshes every
feed that is due (or all of them), each on its own thread, so a slow or
broken feed holds up no other.

A refresh:

- asks conditionally (``If-None-Match`` with the last ``ETag``,
  ``If-Modified-Since`` with the last ``Last-Modified``): a 304 stores
  nothing and costs nothing but the request;
- goes through ``reader.importers.fetch.fetch``: the same deadline and size
  cap as importing an address;
- stores only the entries it has not seen, by their keys (id, link without
  tracking parameters: ``feeds.entry_keys``), so an entry republished, or
  whose link gained ``utm_`` parameters, is not stored twice (and the
  store's content hash catches the same text under new keys);
- stores again, with the feed's title and text, the article of an entry
  seen before whose text changed under the same id or link (a correction),
  read and starred as it was (not for a feed of full texts);
- for a feed marked ``full_text``, fetches the page of each new entry that
  came as a summary only (the same path as ``import URL``), all of them
  within ``PAGES_DEADLINE``, and keeps the summary when that fails;
- dates an entry that has no date of its own (nor its page) with the time
  it arrived;
- records the outcome on the subscription: a failure counts, is shown as
  its one-line error, and makes the next try wait twice as long
  (``reader.store.feeds.backoff``); a feed that is not well-formed XML is
  such a failure, though the entries that could be read of it are stored.
"""

from __future__ import annotations

import dataclasses
import encodings.idna
import ipaddress
import re
import time
import unicodedata
import urllib.parse
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from reader.errors import FetchFailed, ReaderError
from reader.importers.feeds import Entry, discover, looks_like_feed, parse_feed
from reader.importers.fetch import (
    CONTROL_CHARACTER,
    FETCH_DEADLINE,
    Answer,
    answer_text,
    articles_of,
    ascii_url,
    fetch,
)
from reader.store import derive
from reader.store.feeds import DEFAULT_INTERVAL, Feed, FetchState
from reader.text.bidi import INVISIBLE
from reader.text.spans import trim_span

Fetcher = Callable[..., Answer]

MAX_THREADS = 8
"""Feeds fetched at once."""

PAGES_DEADLINE = 300.0
"""Seconds the pages of one refresh's new entries (a full-text feed's) may
take in all: a site whose pages never end costs this, not a fetch deadline
for each of its entries."""

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
"""What an address starts with when it names its scheme (RFC 3986)."""


def feed_address(text: str) -> str:
    """The web address a reader means by ``text`` (typed in a dialog or
    given to a command): stripped, and ``https://`` put before a bare host
    or host/path (``example.com/feed``, ``www.aljazeera.net/rss``,
    ``localhost:8080/rss``, ``//example.com``); an ``http://`` or
    ``https://`` address is kept as it is. Invisible marks at either end
    (bidi marks, zero-width characters, BOM: copying from an Arabic page or
    typing after a direction switch leaves them) go with the spaces. Raises
    ReaderError (subject: the text) for what cannot be a web address:
    nothing, a space, control character or invisible mark inside, another
    scheme (``file:``, ``ftp:``, ``mailto:``), no host, a bad port, an
    e-mail address (``user@example.com``), a login before the host
    (``https://user:pw@host/rss``), a host that no server can have (see
    ``_host_problem``). A port in Arabic-Indic or Persian digits is written
    in ASCII ones.

    A login is refused rather than kept: a followed feed's address is shown
    in the window, listed by ``feeds list`` and named in every error line,
    and a password has no place in any of them."""
    address = text[slice(*trim_span(text, 0, len(text)))]
    subject = address or '""'
    if not address:
        raise ReaderError(subject, "no web address given")
    if CONTROL_CHARACTER.search(address):
        raise ReaderError(subject, "not a web address: it holds a control character")
    if any(c.isspace() for c in address):
        raise ReaderError(subject, "not a web address: it holds a space")
    if any(c in INVISIBLE for c in address):
        raise ReaderError(subject, "not a web address: it holds an invisible character")
    named = _SCHEME.match(address)
    # "localhost:8080/rss" and "example.com:8080" are a host and a port, not
    # a scheme: a scheme has no dot and is not followed by a port number.
    explicit = bool(named and "." not in named.group(1) and
                    not re.match(r"\d+(?:[/?#]|$)", address[named.end():]))
    if named and explicit:
        scheme = named.group(1).lower()
        if scheme not in ("http", "https"):
            raise ReaderError(subject, "only http:// and https:// addresses can be "
                                       f"fetched, not {scheme}:")
    else:
        address = "https:" + address if address.startswith("//") else "https://" + address
    try:
        parts = urllib.parse.urlsplit(address)
    except ValueError:  # brackets that hold no IPv6 address, or a character that
        # NFKC turns into one that ends a host (U+2100 is "a/c")
        raise ReaderError(subject, _unsplittable(address)) from None
    if "@" in parts.netloc:
        raise ReaderError(subject, "a user name or password in the address is not supported"
                          if explicit else "this is an e-mail address, not a web address")
    host, colon, port = parts.netloc.rpartition(":")
    if colon and port.isdecimal() and not port.isascii():
        # An Arabic keyboard types the port in its own digits (٨٠٨٠).
        parts = parts._replace(netloc=f"{host}:{int(port)}")
        address = urllib.parse.urlunsplit(parts)
    try:
        parts.port  # noqa: B018 -- raises ValueError for a bad port
    except ValueError:
        raise ReaderError(subject, "not a valid web address: its port is not a "
                                   "number from 0 to 65535") from None
    if not parts.hostname:
        raise ReaderError(subject, "not a web address: it names no host")
    if problem := _host_problem(parts.hostname):
        raise ReaderError(subject, f"not a web address: {problem}")
    return address


_ENDS_HOST = frozenset("/?#@:[]")
"""What ends a host in an address (or brackets an IPv6 one)."""

_MAX_LABEL = 63
_MAX_NAME = 253
"""Lengths of one part of a host name and of the whole, in ASCII (RFC 1035 2.3.4)."""
_TOO_LONG = (f"its host name is too long (at most {_MAX_LABEL} characters between dots, "
             f"{_MAX_NAME} in all)")


def _unsplittable(address: str) -> str:
    """Why urlsplit refused ``address``: a character that NFKC folds into one
    that ends a host (urlsplit's guard against spoofed hosts), else brackets."""
    for c in address.split("//", 1)[-1]:
        if c in _ENDS_HOST:
            break
        if not c.isascii() and _ENDS_HOST & set(unicodedata.normalize("NFKC", c)):
            return f'not a web address: its host name cannot hold "{c}"'
    return "not a valid web address: its brackets hold no IPv6 address"


def _host_problem(host: str) -> str:
    """Why ``host`` (urlsplit's ``hostname``: lower case, without brackets)
    can name no server, or "" when it can: an IPv6 address (urlsplit has
    checked those in brackets), an IPv4 address, or names between dots that
    are each letters, digits, hyphens (not at either end), underscores (DNS
    has them, and browsers open them) and combining marks, and that the
    IDNA codec writes in ASCII as ``fetch`` will (``موقع.مصر`` is
    ``xn--4gbrim.xn--wgbh1c``). One dot may end the name (the DNS root)."""
    if ":" in host:  # only a bracketed host holds a colon here
        return ""
    labels = host.removesuffix(".").split(".")
    if "" in labels:
        return "its host name starts with a dot or has two dots together"
    for label in labels:
        if label.startswith("-") or label.endswith("-"):
            return "a part of its host name starts or ends with a hyphen"
        for c in label:
            if not (c.isalnum() or c in "-_" or unicodedata.category(c).startswith("M")):
                return f'its host name cannot hold "{c}"'
    if labels[-1].isascii() and labels[-1].isdigit():
        # A name ends in a word: one that ends in a number is an IPv4 address.
        try:
            ipaddress.IPv4Address(host.removesuffix("."))
        except ValueError:
            return "its host name ends in a number but is not an IPv4 address"
        return ""
    try:
        ascii_labels = [label if label.isascii() else encodings.idna.ToASCII(label).decode()
                        for label in labels]
    except UnicodeError:
        if any(len("xn--" + label.encode("punycode").decode()) > _MAX_LABEL
               for label in labels if not label.isascii()):
            return _TOO_LONG
        # Nameprep's rules: one direction in a name, no forbidden characters.
        return "its host name is not a valid international (IDN) name"
    if any(len(label) > _MAX_LABEL for label in ascii_labels) or \
            len(".".join(ascii_labels)) > _MAX_NAME:
        return _TOO_LONG
    return ""


@dataclass(slots=True)
class Refreshed:
    """What one refresh of one feed did."""

    feed_id: int
    name: str
    added: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    """Articles whose entry the feed edited since (a correction): their
    title and text are the entry's now."""
    duplicates: int = 0
    """Entries of the feed the library already held: seen before, or new
    under keys of their own with a text it holds."""
    not_modified: bool = False
    error: str = ""
    notes: list[str] = field(default_factory=list)


def subscribe(library: Any, address: str, *, folder: str = "", title: str = "",
              interval_minutes: int = DEFAULT_INTERVAL, full_text: bool = False,
              fetcher: Fetcher = fetch) -> Feed:
    """Follow the feed at ``address``, or the first feed the page at
    ``address`` names. Raises FetchFailed (nothing there, or neither a
    feed nor a page that names one, or XML too broken to read an entry
    of), ReaderError (already followed), and the errors of a fetch."""
    answer = fetcher(address)
    text, kind = answer_text(address, answer)
    # Kept as typed, Arabic letters and all, unless the server sent us on:
    # the address is shown, listed and named by the reader (feeds remove).
    url = address if answer.final_url in ("", ascii_url(address)) else answer.final_url
    # Servers label feeds text/plain, text/html or octet-stream: the root
    # element decides, as it does for an import.
    if kind != "feed" and not looks_like_feed(text):
        feeds = discover(text, url)
        if not feeds:
            raise FetchFailed(address, "neither a feed nor a page that names one")
        url = feeds[0]
        answer = fetcher(url)
        text, _ = answer_text(url, answer)
    document = parse_feed(text, name=url, url=answer.final_url)
    if document.damage and not document.entries:
        raise FetchFailed(url, document.damage)  # nothing read: no feed to follow yet
    return library.feeds.add(url, title=title or document.title, folder=folder,
                             site_url=document.site_url, interval_minutes=interval_minutes,
                             full_text=full_text)


def refresh(library: Any, feed: Feed, *, fetcher: Fetcher = fetch,
            deadline: float | None = None,
            cancelled: Callable[[], bool] | None = None) -> Refreshed:
    """Fetch one feed and store its new entries (see the module); never
    raises for the feed's own failures: they are in ``error``. Once
    ``cancelled()`` says so, no more pages are fetched for full text: the
    entries left keep their summaries."""
    done = Refreshed(feed.id, feed.name)
    now = derive.now()
    try:
        answer = fetcher(feed.url, deadline=deadline, headers={
            "If-None-Match": feed.etag, "If-Modified-Since": feed.last_modified})
        if answer.status == 304:
            done.not_modified = True
            library.feeds.record(feed.id, FetchState(now, feed.etag, feed.last_modified), [])
            return done
        text, _ = answer_text(feed.url, answer)
        document = parse_feed(text, name=feed.url, url=answer.final_url)
    except ReaderError as err:
        done.error = err.message
        library.feeds.record(feed.id, FetchState(now, error=err.line()), [])
        return done
    seen = library.feeds.seen(feed.id, (k for e in document.entries
                                        for k in (*e.keys, e.text_key)))
    new = [e for e in document.entries if not seen.keys() & set(e.keys)]
    known = len(document.entries) - len(new)
    done.updated = _update_edited(library, feed, document.entries, seen, done.notes)
    if feed.full_text:
        new = _with_full_texts(feed, new, done.notes, fetcher, deadline, cancelled)
    for entry in new:
        # Dated when it arrived, as feed readers date it: undated, it showed
        # no date and sank below every dated article of the list.
        entry.article.published = entry.article.published or now
        # From the source the reader named it, as its articles before
        # (``Feeds.update``); the feed's own title until then.
        entry.article.source = feed.title or entry.article.source
    results = library.add_articles(e.article for e in new)
    done.added = [r.id for r in results if not r.duplicate]
    # Already there: the entries seen before, and new ones whose text the
    # library holds (it counted only these: "0 already there" for a feed
    # whose entries were all stored).
    done.duplicates = known + len(results) - len(done.added)
    # A document that is not well-formed keeps what could be read of it, but
    # the feed fails (and is asked again without its validators): an entry
    # cut off, or all those after a fault, may be missing.
    done.error = document.damage
    state = FetchState(now, error=ReaderError(feed.url, document.damage).line()) \
        if document.damage else FetchState(now, answer.header("ETag"),
                                           answer.header("Last-Modified"),
                                           document.title, document.site_url)
    library.feeds.record(
        feed.id, state,
        [((*e.keys, e.text_key), r.id) for e, r in zip(new, results, strict=True)]
        + [((*e.keys, e.text_key), _stored_for(e, seen)) for e in document.entries
           if seen.keys() & set(e.keys)])
    return done


def _stored_for(entry: Entry, seen: dict[str, int | None]) -> int | None:
    """The one article stored for ``entry`` under its keys, else None."""
    stored = {seen[k] for k in entry.keys if seen.get(k) is not None}
    return stored.pop() if len(stored) == 1 else None


def _update_edited(library: Any, feed: Feed, entries: Sequence[Entry],
                   seen: dict[str, int | None], notes: list[str]) -> list[int]:
    """Store again, with their title and text as the feed gives them now,
    the articles of entries seen before whose text changed (a correction:
    an editor never saw it). Only for entries whose text the feed recorded
    before (``Feeds.with_text_keys``; one recorded by an older version is
    keyed now and told edited from then on), and not for a feed of full
    texts, whose articles hold a page's text, not the entry's. Read and
    starred are kept; the reader's own highlights are anchored again by
    their text (``Library.update_article``). Returns their ids."""
    if feed.full_text:
        return []
    edited = [(e, stored) for e in entries
              if e.text_key not in seen and (stored := _stored_for(e, seen)) is not None]
    keyed = library.feeds.with_text_keys(feed.id, [stored for _, stored in edited])
    updated: list[int] = []
    for entry, article_id in edited:
        if article_id not in keyed:
            continue
        try:
            article = library.get(article_id)
            fresh = entry.article
            if (article.title, article.body) == (fresh.title, fresh.body):
                continue
            library.update_article(dataclasses.replace(
                article, title=fresh.title, body=fresh.body,
                author=fresh.author or article.author, url=fresh.url or article.url))
        except ReaderError as err:  # deleted meanwhile, or its new text is another's
            notes.append(err.line())
            continue
        updated.append(article_id)
    return updated


def refresh_feeds(library: Any, feeds: Sequence[Feed] | None = None, *,
                  fetcher: Fetcher = fetch, deadline: float | None = None,
                  on_done: Callable[[Refreshed], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> list[Refreshed]:
    """Refresh ``feeds`` (default: those due now), up to ``MAX_THREADS`` at
    once; ``on_done`` gets each result as it comes (on a worker thread)."""
    chosen = list(feeds) if feeds is not None else library.feeds.due(derive.now())

    def one(feed: Feed) -> Refreshed | None:
        if cancelled is not None and cancelled():
            return None
        result = refresh(library, feed, fetcher=fetcher, deadline=deadline,
                         cancelled=cancelled)
        if on_done is not None:
            on_done(result)
        return result

    if not chosen:
        return []
    with ThreadPoolExecutor(max_workers=min(MAX_THREADS, len(chosen)),
                            thread_name_prefix="feed") as pool:
        return [r for r in pool.map(one, chosen) if r is not None]


def _with_full_texts(feed: Feed, entries: list[Entry], notes: list[str], fetcher: Fetcher,
                     deadline: float | None,
                     cancelled: Callable[[], bool] | None) -> list[Entry]:
    """``entries`` with their pages' text, fetched by ``fetcher`` (the
    window's gives up at Cancel, wherever a page holds it) within
    ``PAGES_DEADLINE`` in all; those left when it passes keep their
    summaries (one note)."""
    until = time.monotonic() + PAGES_DEADLINE
    result, late = [], 0
    for entry in entries:
        left = until - time.monotonic()
        if (cancelled is not None and cancelled()) or not entry.summary_only \
                or not entry.article.url:
            result.append(entry)
        elif left <= 0:
            late += 1
            result.append(entry)
        else:
            result.append(_with_full_text(entry, notes, fetcher,
                                          min(deadline or FETCH_DEADLINE, left)))
    if late:
        notes.append(f"{feed.url}: {late} more {'entry' if late == 1 else 'entries'} not "
                     f"fetched in full (their pages took over {PAGES_DEADLINE:g} seconds in "
                     "all); the feed's summaries are kept")
    return result


def _with_full_text(entry: Entry, notes: list[str], fetcher: Fetcher,
                    deadline: float | None) -> Entry:
    """The entry with its page's text when it came as a summary only."""
    link = entry.article.url
    if not entry.summary_only or not link:
        return entry
    try:
        page = articles_of(link, fetcher(link, deadline=deadline))
    except ReaderError as err:
        notes.append(f"{err.line()} (kept the feed's summary)")
        return entry
    if not page or not page[0].body.strip():
        return entry
    article = entry.article
    full = page[0]
    full.title = article.title or full.title
    full.url = link
    full.published = article.published or full.published
    full.source = article.source or full.source
    full.author = article.author or full.author
    return Entry(full, entry.keys, False)
