"""The work behind following feeds, run by ``Task`` off the GUI thread.

Each function takes the window's ``Library`` and a ``TaskContext`` and
returns a report; none touches a widget. The network work is the core's
(``reader.importers.subscriptions``): these functions only add what the
window needs on top of it:

- a fetcher that gives up at once when the task is cancelled
  (``stoppable``): the fetch itself goes on in a daemon thread until its
  own deadline, touching nothing but the network, while the refresh stops
  without recording anything for that feed (so it is not counted as a
  failure, and is due again next time);
- each refreshed feed reported as it ends (``context.partial``), so the
  window shows its articles and its count without waiting for the slowest.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.errors import ExportError, ReaderError
from reader.gui.workers import TaskContext
from reader.store.feeds import Feed
from reader.store.library import Library

if TYPE_CHECKING:  # the importers load when a task first runs, not with the window
    from reader.importers.fetch import Answer

REFRESH_DEADLINE = 30.0
"""Seconds one fetch of the window's refresh may take (a feed is small; the
core's default, for a whole page, is longer)."""

POLL_SECONDS = 0.1
"""How often a waiting fetch looks at Cancel."""


class RefreshStopped(Exception):
    """A fetch given up because the task was cancelled (not a ReaderError: the
    core records those as the feed's failure)."""


def stoppable(cancelled: Callable[[], bool]) -> Callable[..., Answer]:
    """``reader.importers.fetch.fetch`` that raises ``RefreshStopped`` within
    ``POLL_SECONDS`` of ``cancelled()`` turning true, wherever the server
    keeps it waiting."""
    from reader.importers.fetch import fetch as fetcher

    def fetch_or_stop(url: str, **options: Any) -> Answer:
        outcome: dict[str, Any] = {}
        done = threading.Event()

        def run() -> None:
            try:
                outcome["answer"] = fetcher(url, **options)
            except BaseException as err:  # handed to the waiting thread below
                outcome["error"] = err
            finally:
                done.set()

        threading.Thread(target=run, name="feed-fetch", daemon=True).start()
        while not done.wait(POLL_SECONDS):
            if cancelled():
                raise RefreshStopped(url)
        if "error" in outcome:
            raise outcome["error"]
        return outcome["answer"]  # type: ignore[no-any-return]

    return fetch_or_stop


def refresh(library: Library, feeds: Sequence[Feed], context: TaskContext) -> None:
    """Refresh ``feeds``, each on its own thread; ``context.partial`` gets
    each feed's ``Refreshed`` as it ends. Cancel stops it: the feeds not
    refreshed by then have nothing recorded. Raises the store's errors."""
    from reader.importers.subscriptions import refresh_feeds

    with contextlib.suppress(RefreshStopped):
        refresh_feeds(library, list(feeds), deadline=REFRESH_DEADLINE,
                      fetcher=stoppable(context.cancelled), on_done=context.partial,
                      cancelled=context.cancelled)


@dataclass(frozen=True, slots=True)
class FeedChoice:
    """What the reader chose for a feed in the feed dialog."""

    address: str
    title: str = ""
    folder: str = ""
    interval_minutes: int = 60
    full_text: bool = False


def follow(library: Library, choice: FeedChoice, context: TaskContext) -> Feed:
    """Subscribe to the feed at ``choice.address`` (or the first one the page
    there names). Raises what ``subscribe`` raises; cancelled: RefreshStopped
    is turned into a ReaderError line."""
    from reader.importers.subscriptions import subscribe

    try:
        return subscribe(library, choice.address, folder=choice.folder, title=choice.title,
                         interval_minutes=choice.interval_minutes, full_text=choice.full_text,
                         fetcher=stoppable(context.cancelled))
    except RefreshStopped:
        raise ReaderError(choice.address, "cancelled") from None


@dataclass(slots=True)
class OpmlReport:
    """An OPML import: the feeds now followed, how many were followed
    already, and one line (``subject: cause``) per feed refused."""

    added: list[Feed] = field(default_factory=list)
    known: int = 0
    refused: list[str] = field(default_factory=list)


def import_opml(library: Library, path: Path, context: TaskContext) -> OpmlReport:
    """Follow every feed the OPML file at ``path`` lists, in its folders (no
    fetch: the first refresh shows whether each is a feed); those
    ``read_opml`` refuses are in ``refused``. Raises the errors of reading
    the file and of ``read_opml``."""
    from reader.importers import read_bytes
    from reader.importers.decode import decode_bytes
    from reader.importers.opml import read_opml

    name = str(path)
    report = OpmlReport()
    outlines = read_opml(decode_bytes(read_bytes(path), name=name), name=name,
                         on_skip=lambda err: report.refused.append(err.line()))
    context.progress(0, len(outlines))
    for i, outline in enumerate(outlines):
        if context.cancelled():
            break
        try:
            report.added.append(library.feeds.add(outline.url, title=outline.title,
                                                  folder=outline.folder,
                                                  site_url=outline.site_url))
        except ReaderError as err:
            if "already followed" not in err.message:
                raise
            report.known += 1
        context.progress(i + 1, len(outlines))
    return report


def export_opml(library: Library, path: Path, context: TaskContext) -> int:
    """Write every subscription to ``path`` as OPML (replacing the file: the
    save dialog asked); how many. Raises ExportError."""
    from reader.exporters.common import atomic_path
    from reader.importers.opml import Outline, write_opml

    feeds = library.feeds.all()
    text = write_opml(Outline(f.url, f.title, f.folder, f.site_url) for f in feeds)
    context.progress(0, 1)
    try:
        with atomic_path(path, force=True) as tmp:
            tmp.write_text(text, encoding="utf-8")
    except OSError as err:
        raise ExportError(str(path), f"cannot write: {err.strerror or err}") from None
    context.progress(1, 1)
    return len(feeds)
