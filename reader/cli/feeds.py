"""``rtl-reader feeds add|list|remove|refresh|import-opml|export-opml``: the
subscriptions of the library (``reader.store.feeds``), fetched by
``reader.importers.subscriptions``, exchanged as OPML with other readers.

``list`` and ``refresh`` (and ``add``, ``import-opml``) take ``--format
json``. ``refresh`` exits 1 when a feed failed (each failure one line on
standard error, the others stored all the same); a feed whose XML is
broken fails too, and what could be read of it is stored and counted.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from reader.cli.inputs import MAX_ID, library, read_text
from reader.cli.parser import STDIN
from reader.cli.terminal import counted, fail, print_json, say
from reader.errors import NotFound, ReaderError


def cmd_feeds(args: argparse.Namespace, store: str | None) -> int:
    return _ACTIONS[args.feeds_command](args, store)


def _add(args: argparse.Namespace, store: str | None) -> int:
    from reader.importers.subscriptions import feed_address, subscribe

    address = feed_address(args.address)  # a bare host is https://
    with library(store, create=True) as lib:
        feed = subscribe(lib, address, folder=args.folder, title=args.title,
                         interval_minutes=args.interval, full_text=args.full_text)
    if args.format == "json":
        print_json([_feed_dict(feed)])
    else:
        say(f"following {feed.name} ({feed.url}) as feed {feed.id}")
    return 0


def _list(args: argparse.Namespace, store: str | None) -> int:
    with library(store) as lib:
        feeds = lib.feeds.all()
    if args.format == "json":
        print_json([_feed_dict(f) for f in feeds])
        return 0
    for f in feeds:
        where = f"{f.folder}/" if f.folder else ""
        trouble = f"  ! {f.last_error}" if f.failures else ""
        say(f"{f.id:>4}  {f.unread:>4}/{f.total:<5} {where}{f.name}  <{f.url}>{trouble}")
    return 0


def _remove(args: argparse.Namespace, store: str | None) -> int:
    with library(store) as lib:
        feed = _feed_of(lib, args.feed)
        lib.feeds.remove(feed.id)
    say(f"stopped following {feed.name}; its {feed.total} articles stay in the library")
    return 0


def _refresh(args: argparse.Namespace, store: str | None) -> int:
    from reader.importers.subscriptions import refresh_feeds
    from reader.store import derive

    with library(store) as lib:
        if args.feeds:
            chosen = [_feed_of(lib, value) for value in args.feeds]
        else:
            chosen = lib.feeds.due(derive.now()) if args.due else lib.feeds.all()
        results = refresh_feeds(lib, chosen)
    failed = [r for r in results if r.error]
    for r in results:
        for note in r.notes:
            fail(f"{r.name}: {note}")
        if r.error:
            fail(f"{r.name}: {r.error}")
    if args.format == "json":
        print_json([asdict(r) for r in results])
    else:
        for r in results:
            # A feed that failed after entries were read of it (XML cut
            # short) says what it stored, as well as why it failed.
            if not r.error or r.added or r.duplicates:
                say(f"{r.name}: " + ("nothing new (not modified)" if r.not_modified else
                                     f"{len(r.added)} new, {r.duplicates} already there"
                                     + (f", {len(r.updated)} updated" if r.updated else "")))
    return 1 if failed else 0


def _import_opml(args: argparse.Namespace, store: str | None) -> int:
    from reader.importers.opml import read_opml

    name = "<stdin>" if args.file == STDIN else args.file
    skipped: list[ReaderError] = []

    def skip(err: ReaderError) -> None:
        fail(err.line())
        skipped.append(err)

    outlines = read_opml(read_text(args.file), name=name, on_skip=skip)
    added: list[dict[str, Any]] = []
    known = 0
    with library(store, create=True) as lib:
        followed = {f.url for f in lib.feeds.all()}
        for outline in outlines:
            if outline.url in followed:
                known += 1
                continue
            feed = lib.feeds.add(outline.url, title=outline.title, folder=outline.folder,
                                 site_url=outline.site_url)
            added.append(_feed_dict(feed))
    if args.format == "json":
        print_json(added)
    feeds = "feed" if len(added) == 1 else "feeds"
    summary = f"following {len(added)} more {feeds} ({known} already followed" + (
        f", {len(skipped)} not followed" if skipped else "") + \
        "); rtl-reader feeds refresh fetches them"
    print(summary, file=sys.stderr if args.format == "json" else sys.stdout)
    return 1 if skipped else 0


def _export_opml(args: argparse.Namespace, store: str | None) -> int:
    from reader.exporters.common import atomic_path
    from reader.importers.opml import Outline, write_opml

    with library(store) as lib:
        feeds = lib.feeds.all()
    text = write_opml(Outline(f.url, f.title, f.folder, f.site_url) for f in feeds)
    if args.output == STDIN:
        sys.stdout.write(text)
        return 0
    out = Path(args.output)
    with atomic_path(out, force=args.force) as tmp:
        tmp.write_text(text, encoding="utf-8")
    say(str(out))
    print(f"exported {counted(len(feeds), 'feed')}", file=sys.stderr)
    return 0


def _feed_of(lib: Any, value: str) -> Any:
    """The subscription named by its ID or its address. Raises NotFound."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if 0 < number <= MAX_ID:
        return lib.feeds.get(number)
    for feed in lib.feeds.all():
        if feed.url == value:
            return feed
    raise NotFound(value, "no feed with this ID or address")


def _feed_dict(feed: Any) -> dict[str, Any]:
    return {"id": feed.id, "url": feed.url, "title": feed.title, "folder": feed.folder,
            "site_url": feed.site_url, "interval_minutes": feed.interval_minutes,
            "full_text": feed.full_text, "unread": feed.unread, "total": feed.total,
            "failures": feed.failures, "last_error": feed.last_error,
            "checked": feed.checked, "next_check": feed.next_check}


_ACTIONS = {
    "add": _add, "list": _list, "remove": _remove, "refresh": _refresh,
    "import-opml": _import_opml, "export-opml": _export_opml,
}
