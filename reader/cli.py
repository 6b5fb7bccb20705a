"""The ``rtl-reader`` command (DESIGN decision 8).

``rtl-reader [--store PATH] COMMAND ...``; ``--store`` is also accepted after the
command. No command opens the GUI. An argument that names an existing file is a
FILE (decoded, BOM removed, newlines kept; offsets point into that text),
anything else an article ID. Exit status: 0 success (no hits included), 1 when
something failed, 2 for bad usage. Errors are one line on stderr:
``rtl-reader: <input>: <cause>``.

Every line printed from stored text, a file name or an address goes through
``_safe`` (``_say``): nothing printed can command the terminal or split a
line. ``--format json`` output is exact, with the characters a terminal could
act on written as JSON escapes.

Qt is imported only inside the commands that open or render a window.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn, TextIO

from reader.errors import NotFound, ReaderError

PROG = "rtl-reader"
EXPORT_FORMATS = ("md", "json", "csv", "html", "pdf", "txt-visual", "png")
IMPORT_BATCH = 200
"""Articles written per transaction during a bulk import (each article whole)."""


class UsageError(Exception):
    """Bad usage: exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{PROG}: {_safe(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    store_help = "the article store (default: $RTL_READER_STORE or the user data folder)"
    parser = _Parser(prog=PROG, description="A reader for Arabic news articles.")
    parser.add_argument("--store", metavar="PATH", help=store_help)
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    parser.add_argument("--backup-and-reset", action="store_true",
                        help="move a store that cannot be opened aside (kept as a backup) "
                             "and start a new one")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--store", metavar="PATH", dest="store_after", help=store_help,
                       default=argparse.SUPPRESS)
        return p

    def fmt(p: argparse.ArgumentParser) -> None:
        p.add_argument("--format", choices=("text", "json"), default="text",
                       help="json prints one JSON array for scripts")

    p = command("import", "import files, folders (recursively) and web addresses")
    p.add_argument("paths", nargs="+", metavar="PATH|URL")
    p.add_argument("--jobs", "-j", type=_positive_int, metavar="N",
                   help="processes that read and analyse files (default: one per core)")
    fmt(p)

    p = command("list", "list the articles in the store, newest first")
    p.add_argument("--limit", type=_positive_int, metavar="N")
    fmt(p)

    p = command("show", "print an article")
    p.add_argument("target", metavar="ID|FILE")
    p.add_argument("--bidi", choices=("logical", "visual"), default="logical",
                   help="visual: shaped and reordered for terminals that cannot shape Arabic")
    fmt(p)

    p = command("delete", "delete an article and its highlights")
    p.add_argument("id", metavar="ID")

    p = command("find", "find text inside an article or file, folding Arabic like the app")
    p.add_argument("query")
    p.add_argument("target", metavar="ID|FILE")
    p.add_argument("--match-diacritics", action="store_true")
    p.add_argument("--match-hamza", action="store_true")
    p.add_argument("--whole-word", action="store_true")
    p.add_argument("--regex", action="store_true")
    fmt(p)

    p = command("highlights", "list the highlights of an article or file")
    p.add_argument("target", metavar="ID|FILE")
    p.add_argument("--kind", choices=("quote", "figure", "user"))
    p.add_argument("--subtype", metavar="S")
    fmt(p)

    p = command("search", "search the whole library")
    p.add_argument("query")
    p.add_argument("--limit", type=_positive_int, default=20, metavar="N")
    p.add_argument("--source", metavar="S")
    p.add_argument("--since", metavar="DATE")
    p.add_argument("--until", metavar="DATE")
    p.add_argument("--starred", action="store_true")
    p.add_argument("--stem", action="store_true", help="match word families (light stemmer)")
    fmt(p)

    p = command("reindex", "rebuild the search indexes, the rankings of common words "
                           "and the automatic highlights")

    p = command("export", "export highlights")
    p.add_argument("ids", nargs="*", metavar="ID")
    p.add_argument("--all", action="store_true", help="every article in the store")
    p.add_argument("--format", dest="export_format", choices=EXPORT_FORMATS, required=True,
                   help="md, json, csv, html, pdf, png (quote cards), or txt-visual: "
                        "Plain text, visual order (for devices that cannot shape Arabic)")
    p.add_argument("--kind", action="append", choices=("quote", "figure", "user"))
    p.add_argument("--subtype", action="append", metavar="S")
    p.add_argument("--colour", "--color", action="append", metavar="C")
    p.add_argument("-o", "--output", required=True, metavar="PATH")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")

    p = command("open", "open the app on an article (ID or rtl-reader://article/ID?at=N)")
    # Optional: the .desktop file runs `rtl-reader open %u`, which has no
    # argument when the app is started from the menu.
    p.add_argument("target", metavar="ID|URI", nargs="?")
    p.add_argument("--at", type=_non_negative_int, metavar="OFFSET")

    p = command("screenshot", "render the main window offscreen to a PNG")
    p.add_argument("-o", "--output", required=True, metavar="FILE.png")
    p.add_argument("--open", dest="open_id", metavar="ID")
    p.add_argument("--find", metavar="QUERY")
    p.add_argument("--size", default="1280x800", type=_size, metavar="WxH")
    p.add_argument("--theme", choices=("light", "dark", "sepia"), default="light")
    p.add_argument("--lang", choices=("ar", "en"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    store = getattr(args, "store_after", None) or args.store
    if store == "" or getattr(args, "store_after", None) == "":
        _fail("--store: an empty path names no store")
        return 2
    try:
        if args.backup_and_reset:
            _backup_and_reset(store)
            if args.command is None:
                return 0
        if args.command is None:
            return _open_gui(store, None, None)
        handler = _COMMANDS[args.command]
        return handler(args, store)
    except ReaderError as err:
        _fail(err.line() + _way_out(err))
    except UsageError as err:
        _fail(str(err))
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # A closed pager is not an error; keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return 1


# -- helpers ---------------------------------------------------------------


def _version() -> str:
    from reader import __version__

    return __version__


def _positive_int(value: str) -> int:
    n = _non_negative_int(value)
    if n == 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return n


def _non_negative_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is negative")
    return n


def _size(value: str) -> tuple[int, int]:
    w, sep, h = value.lower().partition("x")
    if not sep or not w.isdigit() or not h.isdigit() or int(w) < 200 or int(h) < 150:
        raise argparse.ArgumentTypeError(f"{value!r} is not a size such as 1280x800")
    return int(w), int(h)


def _way_out(err: ReaderError) -> str:
    """The way out of a store error, appended to its line where there is one."""
    from reader.errors import StoreDamaged, StoreTooNew

    if isinstance(err, StoreTooNew):
        return " (written by a newer rtl-reader: upgrade to open it)"
    if isinstance(err, StoreDamaged):
        return " (--backup-and-reset keeps it aside and starts a new store)"
    return ""


def _fail(line: str) -> None:
    """One error line on stderr: ``rtl-reader: <input>: <cause>``."""
    _say(f"{PROG}: {line}", sys.stderr)


def _say(line: str, out: TextIO | None = None) -> None:
    """Print one line made from stored text, file names or addresses, safely."""
    print(_safe(line), file=out or sys.stdout)


# Control characters but tab, line and paragraph separators, lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_UNSAFE_BUT_LF = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
# What json.dumps(ensure_ascii=False) leaves raw that a terminal could act on.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _safe(text: str, *, newlines: bool = False) -> str:
    """``text`` as it may reach a terminal: bidi controls removed, so a title
    holding U+202E cannot reorder the rest of the line (terminals show FSI/PDI
    isolates inconsistently, so stripping is the safe form); every control
    character but tab (and line feed, with ``newlines``), line or paragraph
    separator and lone surrogate shown as its escape (``\\x1b``, ``\\n``,
    ``\\u2028``), so no escape sequence runs and one line stays one line."""
    from reader.text.bidi import strip_bidi_controls

    unsafe = _UNSAFE_BUT_LF if newlines else _UNSAFE
    return unsafe.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"),
                      strip_bidi_controls(text))


def _print_json(data: Any, out: TextIO | None = None) -> None:
    """``data`` as JSON, UTF-8 as it is but for the characters a terminal
    could act on (DEL, C1 controls, line separators, lone surrogates), which
    become ``\\uXXXX`` escapes: JSON holds them only inside strings, and the
    escape parses back to the same string."""
    out = out or sys.stdout
    text = json.dumps(data, ensure_ascii=False, indent=2)
    out.write(_UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
    out.write("\n")


def _backup_and_reset(store: str | None) -> None:
    """Keep a damaged store as a backup and start afresh (never anything else)."""
    from reader.store import resolve_store_path
    from reader.store.library import reset_damaged

    path, backup = reset_damaged(resolve_store_path(store))
    _say(f"{path}: kept the old store as {backup}; started a new, empty one", sys.stderr)


@contextmanager
def _library(store: str | None, *, create: bool = True) -> Iterator[Any]:
    from reader.store import Library, resolve_store_path

    lib = Library.open(resolve_store_path(store), create=create, progress=_UpgradeNote())
    if lib.notice:
        _fail(f"{lib.path}: note: {lib.notice}")
    try:
        yield lib
    finally:
        lib.close()


class _UpgradeNote:
    """``progress`` for ``Library.open``: one line saying why this open takes
    long (the store is upgraded for this version), then a bar on a terminal.
    Said once the upgrade has gone a step (an upgrade that ends, or fails,
    at once needs no explanation)."""

    def __init__(self) -> None:
        self.said = False

    def __call__(self, done: int, total: int) -> None:
        if not 0 < done < total and not self.said:
            return
        if not self.said:
            self.said = True
            print(f"rtl-reader: updating the store of {total} articles for this version "
                  "(once)", file=sys.stderr)
        elif sys.stderr.isatty():
            bar = _Progress(total)
            bar.update(done)
            if done >= total:
                bar.clear()


def _article_id(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise NotFound(value, "no such file, and not an article ID") from None
    if n <= 0:
        raise NotFound(value, "not an article ID")
    return n


def _is_file(target: str) -> bool:
    try:
        return Path(target).is_file()
    except (OSError, ValueError):  # a name too long for the system, a NUL
        return False


def _missing(path: str) -> str | None:
    """Why there is nothing at ``path`` to import; None when there is."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return "no such file or folder"
    except PermissionError:
        return "permission denied (a folder on the way cannot be opened)"
    except OSError as err:  # a name too long, a loop of links
        return (err.strerror or str(err)).lower()
    except ValueError:
        return "not a valid file name"
    return None


def _read_text_file(target: str) -> str:
    from reader.importers import decode_bytes, read_bytes

    return decode_bytes(read_bytes(target), name=target)


# -- commands --------------------------------------------------------------


def _prepared_or_raise(done: Any) -> list[Any]:
    if done.error is not None:
        raise done.error
    return list(done.articles)


def _cmd_import(args: argparse.Namespace, store: str | None) -> int:
    from reader.importers import collect_files, fetch_url
    from reader.importers.parallel import default_workers, read_files

    urls = [p for p in args.paths if p.startswith(("http://", "https://"))]
    local = [p for p in args.paths if p not in urls]
    failed: list[str] = []
    progress: _Progress | None = None

    def say(line: str) -> None:
        if progress:
            progress.clear()
        _fail(line)

    def fail(err: ReaderError) -> None:
        say(err.line())
        failed.append(err.subject)

    found = []
    for p in local:
        cause = _missing(p)
        if cause:
            fail(ReaderError(p, cause))
        else:
            found.append(Path(p))
    files = collect_files(found, on_skip=fail)
    total = len(files) + len(urls)
    progress = _Progress(total) if total > 5 and sys.stderr.isatty() else None
    imported = duplicates = 0
    report: list[dict[str, Any]] = []

    def read(results: Iterator[Any]) -> Iterator[tuple[str, Callable[[], list[Any]]]]:
        for done in results:
            for note in done.notes:
                say(note)
            yield done.path, (lambda d=done: _prepared_or_raise(d))

    # Files are read, folded and highlighted on every core (one writer here).
    sources = itertools.chain(
        read(read_files(files, workers=args.jobs or default_workers())),
        ((u, lambda u=u: fetch_url(u, on_note=say)) for u in urls))

    with _library(store) as lib:
        pending: list[tuple[str, list[Any]]] = []
        size = 0

        def flush() -> None:
            nonlocal imported, duplicates, size
            for name, results in _store_inputs(lib, pending, fail):
                duplicates += sum(r.duplicate for r in results)
                imported += sum(not r.duplicate for r in results)
                report.extend({"input": name, "id": r.id, "duplicate": r.duplicate}
                              for r in results)
            pending.clear()
            size = 0

        try:
            for done, (name, load) in enumerate(sources, 1):
                try:
                    articles = load()
                except ReaderError as err:
                    fail(err)
                except Exception as err:  # a bug in a reader: lose this input only
                    fail(_bug(name, err))
                else:
                    pending.append((name, articles))
                    size += len(articles)
                    if size >= IMPORT_BATCH:
                        flush()
                if progress:
                    progress.update(done)
            flush()
        except KeyboardInterrupt:
            # A batch being written is rolled back whole; what came before stays.
            say(f"interrupted: imported {imported}, duplicates {duplicates}, failed "
                f"{len(failed)}; importing the same again adds the rest")
            return 130
    if progress:
        progress.clear()
    if args.format == "json":
        _print_json(report + [{"input": f, "error": True} for f in failed])
    summary = f"imported {imported}, duplicates {duplicates}, failed {len(failed)}"
    print(summary, file=sys.stderr if args.format == "json" else sys.stdout)
    return 1 if failed else 0


def _store_inputs(lib: Any, inputs: list[tuple[str, list[Any]]],
                  fail: Callable[[ReaderError], None]) -> list[tuple[str, list[Any]]]:
    """Store the articles of several inputs in one call; ``(input, results)``
    for each input stored. When the store refuses an article (anything but a
    ``StoreError``, which concerns the store itself and propagates), each
    input is stored again on its own, so only the one that holds it fails,
    reported through ``fail``. Articles that the failed call had committed
    come back as duplicates then: nothing is stored twice."""
    from reader.errors import StoreError

    articles = [a for _, group in inputs for a in group]
    if not articles:
        return []
    try:
        results = iter(lib.add_articles(articles))
        return [(name, [next(results) for _ in group]) for name, group in inputs]
    except StoreError:
        raise
    except Exception as err:
        if len(inputs) == 1:
            name = inputs[0][0]
            fail(ReaderError(name, f"not stored: {err.message}")
                 if isinstance(err, ReaderError) else _bug(name, err, "not stored"))
            return []
    return [stored for one in inputs for stored in _store_inputs(lib, [one], fail)]


def _bug(name: str, err: Exception, what: str = "not read") -> ReaderError:
    """The one line for an input that hit a bug: the import goes on."""
    from reader.importers import bug_line

    return bug_line(name, err, what)


class _Progress:
    """A one-line progress bar on stderr, for imports of more than a handful of files."""

    def __init__(self, total: int) -> None:
        self.total = total

    def update(self, done: int) -> None:
        width = 30
        filled = width * done // self.total
        bar = "#" * filled + "-" * (width - filled)
        print(f"\r[{bar}] {done}/{self.total}", end="", file=sys.stderr, flush=True)

    def clear(self) -> None:
        print("\r" + " " * 50 + "\r", end="", file=sys.stderr, flush=True)


def _cmd_list(args: argparse.Namespace, store: str | None) -> int:
    with _library(store) as lib:
        rows = lib.rows(limit=args.limit)
    if args.format == "json":
        _print_json([
            {"id": r.id, "title": r.title, "source": r.source, "published": r.published,
             "quotes": r.quotes, "figures": r.figures, "read": r.read, "starred": r.starred,
             "imported_at": r.imported_at}
            for r in rows
        ])
        return 0
    for r in rows:
        flags = ("*" if r.starred else " ") + (" " if r.read else "•")
        date = (r.published or "")[:10]
        _say(f"{r.id:>6} {flags} {date:<10}  {r.title}  [{r.source}] q{r.quotes} f{r.figures}")
    return 0


def _cmd_show(args: argparse.Namespace, store: str | None) -> int:
    if _is_file(args.target):
        from reader.importers import read_file

        articles = read_file(Path(args.target), on_note=_fail)
        article = articles[0]
    else:
        with _library(store) as lib:
            article = lib.get(_article_id(args.target))
    if args.format == "json":
        _print_json([_article_dict(article)])
        return 0
    parts = [article.title, article.subtitle, article.caption, article.byline]
    head = "\n".join(p for p in parts if p)
    text = _safe(head + "\n\n" + article.body.replace("\n", "\n\n") + "\n", newlines=True)
    if args.bidi == "visual":
        from reader.text.visual import to_visual

        text = to_visual(text)
    sys.stdout.write(text)
    return 0


def _article_dict(article: Any) -> dict[str, Any]:
    keys = ("id", "title", "subtitle", "caption", "byline", "body", "source", "url",
            "author", "published", "language", "imported_at", "read", "starred", "position")
    return {k: getattr(article, k) for k in keys}


def _cmd_delete(args: argparse.Namespace, store: str | None) -> int:
    with _library(store, create=False) as lib:
        lib.delete(_article_id(args.id))
    return 0


def _fields_of(target: str, store: str | None) -> dict[str, str] | str:
    """A FILE's text, or an article's fields by name."""
    if _is_file(target):
        return _read_text_file(target)
    with _library(store) as lib:
        return lib.get(_article_id(target)).fields()


def _cmd_find(args: argparse.Namespace, store: str | None) -> int:
    from reader.text import find

    options = {"match_diacritics": args.match_diacritics, "match_hamza": args.match_hamza,
               "whole_word": args.whole_word, "regex": args.regex}
    source = _fields_of(args.target, store)
    results: list[dict[str, Any]] = []
    if isinstance(source, str):
        for m in find(source, args.query, **options):
            results.append({"start": m.start, "end": m.end, "text": m.text})
    else:
        for field, text in source.items():
            for m in find(text, args.query, **options):
                results.append({"field": field, "start": m.start, "end": m.end, "text": m.text})
    if args.format == "json":
        _print_json(results)
    else:
        for r in results:
            where = f"{r['field']}:" if "field" in r else ""
            _say(f"{where}{r['start']}-{r['end']}\t{r['text']}")
    return 0


def _cmd_highlights(args: argparse.Namespace, store: str | None) -> int:
    from reader.text import find_highlights

    if _is_file(args.target):
        text = _read_text_file(args.target)
        items = [h.to_dict() for h in find_highlights(text)]
    else:
        with _library(store) as lib:
            records = lib.highlights(_article_id(args.target), kind=args.kind,
                                     subtype=args.subtype)
        items = [r.to_dict() for r in records]
    items = [h for h in items
             if (args.kind is None or h["kind"] == args.kind)
             and (args.subtype is None or h["subtype"] == args.subtype)]
    if args.format == "json":
        _print_json(items)
        return 0
    for h in items:
        extra = []
        if h.get("value") is not None:
            extra.append(f"value={json.dumps(h['value'], ensure_ascii=False)}")
        if h.get("speaker"):
            extra.append(f"speaker={h['speaker']}")
        if h.get("note"):
            extra.append(f"note={h['note']}")
        _say(f"{h['field']}:{h['start']}-{h['end']}\t{h['kind']}/{h['subtype']}\t"
             f"{h['text']}" + ("\t" + " ".join(extra) if extra else ""))
    return 0


def _cmd_search(args: argparse.Namespace, store: str | None) -> int:
    with _library(store) as lib:
        hits = lib.search(args.query, limit=args.limit, source=args.source, since=args.since,
                          until=args.until, starred=args.starred, stem=args.stem)
    if args.format == "json":
        _print_json([h.to_dict() for h in hits])
        return 0
    for h in hits:
        date = (h.published or "")[:10]
        _say(f"{h.id:>6}  {date:<10}  {h.title}  [{h.source}]")
        _say(f"        {h.snippet}")
    return 0


def _cmd_reindex(args: argparse.Namespace, store: str | None) -> int:
    with _library(store, create=False) as lib:
        progress = _Progress(1) if sys.stderr.isatty() else None

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
        print(f"reindexed {lib.count()} articles"
              + (f"; stored the rankings of {ranked} common words" if ranked else ""))
    return 0


def _cmd_export(args: argparse.Namespace, store: str | None) -> int:
    from reader import exporters

    if args.all and args.ids:
        raise UsageError("export: give article IDs or --all, not both")
    if not args.all and not args.ids:
        raise UsageError("export: give article IDs or --all")
    ids = None if args.all else [_article_id(i) for i in args.ids]
    with _library(store, create=False) as lib:
        items = exporters.select(lib, ids, kinds=args.kind, subtypes=args.subtype,
                                 colours=args.colour)
        written = exporters.export_items(items, args.export_format, Path(args.output),
                                         force=args.force)
    count = sum(len(h) for _, h in items)
    for path in written:
        _say(str(path))
    print(f"exported {count} highlights from {len(items)} articles", file=sys.stderr)
    return 0


def _cmd_open(args: argparse.Namespace, store: str | None) -> int:
    from reader.links import parse_article_link

    target = args.target
    if target is None:
        return _open_gui(store, None, None)
    if target.startswith("rtl-reader:"):
        article_id, at = parse_article_link(target)
    else:
        article_id, at = _article_id(target), None
    if args.at is not None:
        at = args.at
    return _open_gui(store, article_id, at)


def _open_gui(store: str | None, article_id: int | None, at: int | None) -> int:
    from reader.gui.app import check_display
    from reader.store import resolve_store_path

    hint = check_display()
    if hint:
        _fail(hint)
        return 1
    from reader.gui.app import run

    return run(resolve_store_path(store), open_id=article_id, at=at)


def _cmd_screenshot(args: argparse.Namespace, store: str | None) -> int:
    from reader.store import resolve_store_path

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from reader.gui.screenshot import take_screenshot

    open_id = _article_id(args.open_id) if args.open_id else None
    take_screenshot(resolve_store_path(store), Path(args.output), open_id=open_id,
                    find=args.find, size=args.size, theme=args.theme, lang=args.lang)
    _say(args.output)
    return 0


_COMMANDS: dict[str, Callable[[argparse.Namespace, str | None], int]] = {
    "import": _cmd_import,
    "list": _cmd_list,
    "show": _cmd_show,
    "delete": _cmd_delete,
    "find": _cmd_find,
    "highlights": _cmd_highlights,
    "search": _cmd_search,
    "reindex": _cmd_reindex,
    "export": _cmd_export,
    "open": _cmd_open,
    "screenshot": _cmd_screenshot,
}

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
