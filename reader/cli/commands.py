"""The commands that read and write the store: list, show, delete, find,
highlights, search, reindex, export (``import`` is in ``importing``, the
ones that open a window in ``window``)."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from reader.cli.inputs import (
    article_id,
    fields_of,
    is_text_source,
    library,
    read_text,
    stdin_articles,
)
from reader.cli.parser import STDIN, UsageError
from reader.cli.terminal import Progress, counted, fail, print_json, safe, say
from reader.errors import QueryError


def cmd_list(args: argparse.Namespace, store: str | None) -> int:
    with library(store) as lib:
        rows = lib.rows(limit=args.limit)
    if args.format == "json":
        print_json([
            {"id": r.id, "title": r.title, "source": r.source, "published": r.published,
             "quotes": r.quotes, "figures": r.figures, "read": r.read, "starred": r.starred,
             "imported_at": r.imported_at}
            for r in rows
        ])
        return 0
    for r in rows:
        flags = ("*" if r.starred else " ") + (" " if r.read else "•")
        date = (r.published or "")[:10]
        say(f"{r.id:>6} {flags} {date:<10}  {r.title}{_in_brackets(r.source)} q{r.quotes}"
            f" f{r.figures}")
    return 0


def _in_brackets(source: str) -> str:
    """An article's source after its title in a listing, or nothing when it
    has none (a bare "[]" read as a source of that name)."""
    return f"  [{source}]" if source else ""


def cmd_show(args: argparse.Namespace, store: str | None) -> int:
    if args.target == STDIN:
        article = stdin_articles(on_note=fail)[0]
    elif is_text_source(args.target):
        from reader.importers import read_file

        article = read_file(Path(args.target), on_note=fail)[0]
    else:
        with library(store) as lib:
            article = lib.get(article_id(args.target))
    if args.format == "json":
        print_json([article_dict(article)])
        return 0
    parts = [article.title, article.subtitle, article.caption, article.byline]
    head = "\n".join(p for p in parts if p)
    text = safe(head + "\n\n" + article.body.replace("\n", "\n\n") + "\n", newlines=True)
    if args.bidi == "visual":
        from reader.text.visual import to_visual

        text = to_visual(text)
    sys.stdout.write(text)
    return 0


def article_dict(article: Any) -> dict[str, Any]:
    keys = ("id", "title", "subtitle", "caption", "byline", "body", "source", "url",
            "author", "published", "language", "imported_at", "read", "starred", "position")
    return {k: getattr(article, k) for k in keys}


def cmd_delete(args: argparse.Namespace, store: str | None) -> int:
    with library(store) as lib:
        lib.delete(article_id(args.id))
    return 0


def cmd_tag(args: argparse.Namespace, store: str | None) -> int:
    target = article_id(args.id)
    with library(store) as lib:
        if args.tags or args.remove:
            tags = lib.change_article_tags(target, add=args.tags, remove=args.remove)
        else:
            tags = lib.article_tags(target)
    if args.format == "json":
        print_json(tags)
    else:
        for tag in tags:
            say(tag)
    return 0


def cmd_rename_tag(args: argparse.Namespace, store: str | None) -> int:
    with library(store) as lib:
        try:
            tagged = lib.rename_tag(args.old, args.new)
        except ValueError as err:
            raise UsageError("rename-tag", str(err)) from None
    say(f"renamed {args.old} to {args.new}: {counted(tagged, 'article')} tagged {args.new}")
    return 0


def cmd_find(args: argparse.Namespace, store: str | None) -> int:
    from reader.text import find

    options = {"match_diacritics": args.match_diacritics, "match_hamza": args.match_hamza,
               "whole_word": args.whole_word, "regex": args.regex}
    if not args.query:
        raise QueryError("", "nothing to find")  # as `search ''` says
    source = fields_of(args.target, store)
    results: list[dict[str, Any]] = []
    if isinstance(source, str):
        for m in find(source, args.query, **options):
            results.append({"start": m.start, "end": m.end, "text": m.text})
    else:
        for field, text in source.items():
            for m in find(text, args.query, **options):
                results.append({"field": field, "start": m.start, "end": m.end, "text": m.text})
    if args.format == "json":
        print_json(results)
    else:
        for r in results:
            where = f"{r['field']}:" if "field" in r else ""
            say(f"{where}{r['start']}-{r['end']}\t{r['text']}")
    return 0


def cmd_highlights(args: argparse.Namespace, store: str | None) -> int:
    from reader.text import find_highlights

    if is_text_source(args.target):
        items = [h.to_dict() for h in find_highlights(read_text(args.target))]
    else:
        with library(store) as lib:
            records = lib.highlights(article_id(args.target), kind=args.kind,
                                     subtype=args.subtype)
        items = [r.to_dict() for r in records]
    items = [h for h in items
             if (args.kind is None or h["kind"] == args.kind)
             and (args.subtype is None or h["subtype"] == args.subtype)]
    if args.format == "json":
        print_json(items)
        return 0
    for h in items:
        extra = []
        if h.get("value") is not None:
            extra.append(f"value={json.dumps(h['value'], ensure_ascii=False)}")
        if h.get("speaker"):
            extra.append(f"speaker={h['speaker']}")
        if h.get("note"):
            extra.append(f"note={h['note']}")
        say(f"{h['field']}:{h['start']}-{h['end']}\t{h['kind']}/{h['subtype']}\t"
            f"{h['text']}" + ("\t" + " ".join(extra) if extra else ""))
    return 0


def cmd_search(args: argparse.Namespace, store: str | None) -> int:
    with library(store) as lib:
        hits = lib.search(" ".join(args.query), limit=args.limit, source=args.source,
                          since=args.since, until=args.until, starred=args.starred,
                          stem=args.stem)
    if args.format == "json":
        print_json([h.to_dict() for h in hits])
        return 0
    for h in hits:
        date = (h.published or "")[:10]
        say(f"{h.id:>6}  {date:<10}  {h.title}{_in_brackets(h.source)}")
        say(f"        {h.snippet}")
    return 0


def cmd_reindex(args: argparse.Namespace, store: str | None) -> int:
    with library(store) as lib:
        progress = Progress(1) if sys.stderr.isatty() else None

        def report(done: int, total: int) -> None:
            if progress:
                progress.total = max(total, 1)
                progress.update(done)

        if not lib.reindex(report):
            if progress:
                progress.clear()
            print("another rtl-reader started reindexing the store meanwhile; "
                  "it finishes the work")
            return 0
        # The stored rankings are stale after a reindex: make them now, not
        # at the next search in the window.
        ranked = lib.refresh_rankings(report)
        if progress:
            progress.clear()
        print(f"reindexed {counted(lib.count(), 'article')}"
              + (f"; stored the rankings of {counted(ranked, 'common word')}" if ranked else ""))
    return 0


def cmd_export(args: argparse.Namespace, store: str | None) -> int:
    from reader import exporters

    if args.all and args.ids:
        raise UsageError("export", "give article IDs or --all, not both")
    if not args.all and not args.ids:
        raise UsageError("export", "give article IDs or --all")
    ids = None if args.all else [article_id(i) for i in args.ids]
    to_stdout = args.output == STDIN
    with library(store) as lib:
        items = exporters.select(lib, ids, kinds=args.kind, subtypes=args.subtype,
                                 colours=args.colour)
        count = sum(len(h) for _, h in items)
        if to_stdout:
            write_to_stdout(items, args.export_format)
        else:
            for path in exporters.export_items(items, args.export_format, Path(args.output),
                                               force=args.force):
                say(str(path))
    print(f"exported {counted(count, 'highlight')} from {counted(len(items), 'article')}",
          file=sys.stderr)
    return 0


def write_to_stdout(items: Any, fmt: str) -> None:
    """Export ``items`` as one file and copy it to standard output (bytes as
    written: a PDF stays a PDF). PNG cards of several highlights make a
    folder, which standard output cannot hold: a usage error."""
    from reader import exporters

    with tempfile.TemporaryDirectory(prefix="rtl-reader-") as folder:
        out = Path(folder) / f"export.{fmt}"
        written = exporters.export_items(items, fmt, out)
        if len(written) != 1 or not written[0].is_file():
            raise UsageError("export", f"{fmt} makes {len(written)} files here; "
                                       f"-o {STDIN} takes one (give a folder)")
        sys.stdout.flush()
        with written[0].open("rb") as f:
            shutil.copyfileobj(f, sys.stdout.buffer)
        sys.stdout.buffer.flush()
