"""``rtl-reader import``: files, folders, web addresses and standard input
into the store, a bad input never costing the good ones."""

from __future__ import annotations

import argparse
import contextlib
import itertools
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from reader.cli.inputs import STDIN_NAME, library, missing, stdin_articles
from reader.cli.parser import STDIN, UsageError
from reader.cli.terminal import Progress, fail, print_json
from reader.errors import ReaderError, StoreError

IMPORT_BATCH = 200
"""Articles written per transaction during a bulk import (each article whole)."""


def cmd_import(args: argparse.Namespace, store: str | None) -> int:
    from reader.importers import collect_files, fetch_url
    from reader.importers.parallel import default_workers, read_files

    if args.paths.count(STDIN) > 1:
        raise UsageError(f"import: standard input ({STDIN}) can be read once")
    urls = [p for p in args.paths if p.startswith(("http://", "https://"))]
    local = [p for p in args.paths if p not in urls and p != STDIN]
    failed: list[str] = []
    progress: Progress | None = None

    def say(line: str) -> None:
        if progress:
            progress.clear()
        fail(line)

    def failure(err: ReaderError) -> None:
        say(err.line())
        failed.append(err.subject)

    found = []
    for p in local:
        cause = missing(p)
        if cause:
            failure(ReaderError(p, cause))
        else:
            found.append(Path(p))
    files = collect_files(found, on_skip=failure)

    def read(results: Iterator[Any]) -> Iterator[tuple[str, Callable[[], list[Any]]]]:
        for done in results:
            for note in done.notes:
                say(note)
            yield done.path, (lambda d=done: _prepared_or_raise(d))

    # Files are read, folded and highlighted on every core; one writer here.
    # Closed here, whatever ends the import: a reader left to the garbage
    # collector would shut its worker pool down from whichever thread
    # collects it, the pool's own among them.
    reading = contextlib.closing(read_files(files, workers=args.jobs or default_workers()))
    sources = itertools.chain(
        read(reading.thing),
        ((u, lambda u=u: fetch_url(u, on_note=say)) for u in urls),
        [(STDIN_NAME, lambda: stdin_articles(on_note=say))] if STDIN in args.paths else [])
    total = len(files) + len(urls) + (STDIN in args.paths)
    progress = Progress(total) if total > 5 and sys.stderr.isatty() else None
    imported = duplicates = 0
    report: list[dict[str, Any]] = []

    with reading, library(store) as lib:
        pending: list[tuple[str, list[Any]]] = []
        size = 0

        def counts() -> str:
            return f"imported {imported}, duplicates {duplicates}, failed {len(failed)}"

        def flush() -> None:
            nonlocal imported, duplicates, size
            written: list[Any] = []
            with interrupt_after():  # what is committed is counted
                try:
                    stored = store_inputs(lib, pending, failure, written.extend)
                except StoreError:
                    # A later transaction failed (a full disk): count the
                    # committed ones; a retried input's come back duplicate.
                    new = {r.id for r in written if not r.duplicate}
                    imported += len(new)
                    duplicates += sum(r.duplicate and r.id not in new for r in written)
                    raise
                for name, results in stored:
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
                    failure(err)
                except Exception as err:  # a bug in a reader: lose this input only
                    failure(bug(name, err))
                else:
                    pending.append((name, articles))
                    size += len(articles)
                    if size >= IMPORT_BATCH:
                        flush()
                if progress:
                    progress.update(done)
            flush()
        except StoreError as err:
            # A full disk, say: what earlier batches stored stays, and says so.
            raise type(err)(err.subject, f"{err.message} (after {counts()}; importing the "
                                         "same again adds the rest)") from None
        except KeyboardInterrupt:
            # Ctrl+C while a batch is written ends the import after it.
            say(f"interrupted: {counts()}; importing the same again adds the rest")
            return 130
    if progress:
        progress.clear()
    if args.format == "json":
        print_json(report + [{"input": f, "error": True} for f in failed])
    summary = counts()
    print(summary, file=sys.stderr if args.format == "json" else sys.stdout)
    return 1 if failed else 0


@contextlib.contextmanager
def interrupt_after() -> Iterator[None]:
    """Hold Ctrl+C (SIGINT) back until the block ends, then raise it.

    A batch is several transactions: Ctrl+C in a later one left the earlier
    ones committed but never counted ("interrupted: imported 0" over 100
    stored articles). The wait is short: the articles are prepared already,
    and a write waiting on another process's lock does not see Ctrl+C before
    SQLite returns anyway. Outside the main thread, or when SIGINT has
    another handler than Python's, the block runs as it is."""
    held: list[int] = []
    try:
        taken = signal.getsignal(signal.SIGINT) is signal.default_int_handler
        if taken:
            signal.signal(signal.SIGINT, lambda signum, frame: held.append(signum))
    except ValueError:  # not the main thread
        taken = False
    try:
        yield
    finally:
        if taken:
            signal.signal(signal.SIGINT, signal.default_int_handler)
    if held:
        raise KeyboardInterrupt


def store_inputs(lib: Any, inputs: list[tuple[str, list[Any]]],
                 failure: Callable[[ReaderError], None],
                 on_written: Callable[[list[Any]], None] | None = None,
                 ) -> list[tuple[str, list[Any]]]:
    """Store the articles of several inputs in one call; ``(input, results)``
    for each input stored. When the store refuses an article (anything but a
    ``StoreError``, which concerns the store itself and propagates), each
    input is stored again on its own, so only the one that holds it fails,
    reported through ``failure``. Articles that the failed call had committed
    come back as duplicates then: nothing is stored twice. ``on_written``
    is given the results of each transaction committed (``Library.add_articles``)."""
    articles = [a for _, group in inputs for a in group]
    if not articles:
        return []
    try:
        results = iter(lib.add_articles(articles, on_written=on_written))
        return [(name, [next(results) for _ in group]) for name, group in inputs]
    except StoreError:
        raise
    except Exception as err:
        if len(inputs) == 1:
            name = inputs[0][0]
            failure(ReaderError(name, f"not stored: {err.message}")
                    if isinstance(err, ReaderError) else bug(name, err, "not stored"))
            return []
    return [stored for one in inputs
            for stored in store_inputs(lib, [one], failure, on_written)]


def bug(name: str, err: Exception, what: str = "not read") -> ReaderError:
    """The one line for an input that hit a bug: the import goes on."""
    from reader.importers import bug_line

    return bug_line(name, err, what)


def _prepared_or_raise(done: Any) -> list[Any]:
    """The prepared articles a worker read from a file, or its error raised."""
    if done.error is not None:
        raise done.error
    return list(done.articles)
