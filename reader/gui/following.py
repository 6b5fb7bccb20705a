"""Following news sources from the window: subscribe, refresh, OPML.

``Following`` holds the window's work on subscriptions: the feed dialog
(add, properties), removing a feed (its articles stay), OPML import and
export, and the refreshes: on demand, and in the background, where a timer
refreshes every ``check_ms`` the feeds that are due (``Library.feeds.due``).
Network and file work runs in ``Task``s on the thread pool (the functions of
``reader.gui.feed_tasks``); the GUI thread never waits for a server.

A feed is refreshed by one task at a time: a feed already being refreshed
is left out of another refresh (``refreshing`` holds their ids). At close,
``stop`` cancels the tasks: a fetch waiting on a server is given up at once
(nothing recorded for that feed), what was stored stays stored.

Signals: ``feeds_changed()`` when subscriptions or their state changed (the
pane reads them again); ``articles_arrived(ids)`` as each feed stores new
articles, ``articles_updated(ids)`` as it stores edited entries again (or a
feed renamed renames their source);
``refreshing_changed(ids)`` with the feeds being refreshed;
``refresh_finished(report)`` after each refresh; ``failed(line)`` when a
command the reader gave failed (one line); ``feeds_refused(lines)`` with one
line per feed of an OPML file that cannot be followed (``subject: cause``);
``status_message(text, ms)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from reader.errors import ReaderError
from reader.gui import feed_tasks, file_dialogs, prompts
from reader.gui.error_text import shown
from reader.gui.feed_tasks import FeedChoice, OpmlReport
from reader.gui.window_settings import WindowSettings
from reader.gui.workers import Task, end_tasks
from reader.store import derive
from reader.store.feeds import Feed
from reader.store.library import Library
from reader.text.bidi import isolate, isolate_path

if TYPE_CHECKING:
    from reader.importers.subscriptions import Refreshed

REFRESH_CHECK_MS = 60_000
"""How often the window looks for feeds that are due."""

FIRST_CHECK_MS = 3_000
"""The first look, soon after the window opens (after its first paint)."""


@dataclass(slots=True)
class RefreshReport:
    """What one refresh did: the articles stored, one line per feed that
    failed, and the line of a failure of the refresh itself (the store
    refused a write, say), "" when none."""

    added: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    error: str = ""


class Following(QObject):
    """The subscriptions of ``library`` as the window ``parent`` handles them.

    ``ask_feed(feed, folders, follow)``, ``ask_open_path()``, ``ask_save_path()``
    and ``confirm(title, text)`` ask the reader (tests replace them).
    ``check_ms`` 0 switches the background refresh off (screenshots, a
    read-only store has none either). The OPML dialogs open where the last
    one chose, kept in ``settings``.
    """

    feeds_changed = Signal()
    articles_arrived = Signal(object)
    articles_updated = Signal(object)
    refreshing_changed = Signal(object)
    refresh_finished = Signal(object)
    failed = Signal(str)
    feeds_refused = Signal(object)
    status_message = Signal(str, int)

    def __init__(self, library: Library, parent: QWidget, *,
                 check_ms: int = REFRESH_CHECK_MS,
                 settings: WindowSettings | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._parent = parent
        self._settings = settings
        self.tasks: list[Task] = []
        self.refreshing: set[int] = set()
        self.ask_feed: Callable[[Feed | None, list[str], prompts.Follow | None],
                                FeedChoice | None] = partial(prompts.ask_feed, parent)
        self.ask_open_path: Callable[[], str] = self._open_path
        self.ask_save_path: Callable[[], str] = self._save_path
        self.confirm: Callable[[str, str], bool] = partial(prompts.question, parent)
        self._check_ms = check_ms
        self._stopped = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_timer)
        if check_ms > 0 and not library.read_only:
            self.timer.start(min(FIRST_CHECK_MS, check_ms))

    # -- refreshing ------------------------------------------------------------------

    def refresh_due(self) -> Task | None:
        """Refresh the feeds whose time has come; None when none is due (or
        each is being refreshed already)."""
        try:
            due = self._library.feeds.due(derive.now())
        except ReaderError:
            return None  # the store is busy or gone: the next look tries again
        return self.refresh(due, quietly=True)

    def refresh(self, feeds: Sequence[Feed], *, quietly: bool = False) -> Task | None:
        """Refresh ``feeds`` in the background, but those being refreshed
        already; None when that leaves none. ``quietly`` (the timer's
        refreshes) says nothing when nothing new came."""
        chosen = [f for f in feeds if f.id not in self.refreshing]
        if not chosen or self._library.read_only or self._stopped:
            return None
        ids = {f.id for f in chosen}
        self.refreshing |= ids
        self.refreshing_changed.emit(set(self.refreshing))
        report = RefreshReport()
        library = self._library
        task = Task(lambda ctx: feed_tasks.refresh(library, chosen, ctx), self)
        task.partial_result.connect(lambda result: self._on_feed_done(report, result))
        task.failed.connect(lambda line: setattr(report, "error", line))
        task.finished.connect(lambda: self._on_refresh_done(report, ids, quietly))
        if not quietly:
            self.status_message.emit(self.tr("Refreshing %n feed(s)…", "", len(chosen)), 0)
        self._start(task)
        return task

    def _on_feed_done(self, report: RefreshReport, result: Refreshed) -> None:
        if self._stopped:
            return  # delivered after close: the window shows nothing more
        report.added += result.added
        report.updated += result.updated
        if result.error:
            report.failed.append(f"{result.name}: {result.error}")
        self.refreshing.discard(result.feed_id)
        self.refreshing_changed.emit(set(self.refreshing))
        if result.added:
            self.articles_arrived.emit(list(result.added))
        if result.updated:
            self.articles_updated.emit(list(result.updated))
        self.feeds_changed.emit()

    def _on_refresh_done(self, report: RefreshReport, ids: set[int], quietly: bool) -> None:
        if self._stopped:
            return
        self.refreshing -= ids
        self.refreshing_changed.emit(set(self.refreshing))
        self.feeds_changed.emit()
        if report.added or report.updated or report.failed or report.error or not quietly:
            message = self.summary(report)
            if self.refreshing:  # F5 again while a slow feed loads: not all is in
                message += " \u2014 " + self.tr("%n feed(s) still refreshing", "",
                                                  len(self.refreshing))
            self.status_message.emit(message, 10000)
        self.refresh_finished.emit(report)

    def summary(self, report: RefreshReport) -> str:
        """One line for the status bar: what arrived, what failed."""
        text = self.tr("%n new article(s)", "", len(report.added)) if report.added \
            else self.tr("No new articles")
        if report.updated:  # entries the feed corrected since
            text += " \u2014 " + self.tr("%n article(s) updated", "", len(report.updated))
        if report.failed:
            text += " \u2014 " + self.tr("%n feed(s) could not be refreshed", "",
                                         len(report.failed))
        if report.error:
            text += " \u2014 " + shown(report.error)
        return text

    def _on_timer(self) -> None:
        self.refresh_due()
        self.timer.start(self._check_ms)

    # -- subscriptions -----------------------------------------------------------------

    def add_feed_dialog(self, folders: list[str]) -> Task | None:
        """Ask for a feed to follow and follow it: the dialog stays open and
        says why while an address is refused (then ``failed`` is not
        emitted). None when cancelled."""
        started: list[Task] = []

        def follow(choice: FeedChoice, watch: Callable[[Task], None]) -> None:
            def watched(task: Task) -> None:
                started.append(task)
                watch(task)

            self.subscribe(choice, quietly=True, watch=watched)

        choice = self.ask_feed(None, folders, follow)
        if choice is None:
            return None
        # An answer that did not follow it itself (a test's) is followed here.
        return started[-1] if started else self.subscribe(choice)

    def subscribe(self, choice: FeedChoice, *, quietly: bool = False,
                  watch: Callable[[Task], None] | None = None) -> Task:
        """Follow the feed at ``choice.address`` (or the one the page there
        names), then refresh it; ``failed(line)`` when it cannot be followed,
        unless ``quietly`` (the caller shows the line). ``watch`` gets the
        task before it starts."""
        library = self._library
        task = Task(lambda ctx: feed_tasks.follow(library, choice, ctx), self)
        task.succeeded.connect(self._on_subscribed)
        task.failed.connect(partial(self._on_follow_failed, quietly=quietly))
        if watch is not None:
            watch(task)
        self.status_message.emit(self.tr("Looking for a feed at {address}…").format(
            address=isolate(choice.address)), 0)
        self._start(task)
        return task

    def _on_subscribed(self, feed: object) -> None:
        assert isinstance(feed, Feed)
        if self._stopped:
            return
        self.feeds_changed.emit()
        self.status_message.emit(self.tr("Following {name}").format(name=isolate(feed.name)),
                                 8000)
        self.refresh([feed], quietly=True)  # the line above stays until news arrive

    def _on_follow_failed(self, line: str, *, quietly: bool = False) -> None:
        self.status_message.emit("", 0)  # no longer looking
        if not quietly:
            self.failed.emit(line)

    def edit_feed(self, feed: Feed, folders: list[str]) -> bool:
        """Ask for a feed's title, folder, interval and full text, and keep
        them; False when cancelled or refused."""
        choice = self.ask_feed(feed, folders, None)
        if choice is None:
            return False
        try:
            renamed = self._library.feeds.update(
                feed.id, title=choice.title, folder=choice.folder,
                interval_minutes=choice.interval_minutes, full_text=choice.full_text)
        except ReaderError as err:
            self.failed.emit(err.line())
            return False
        self.feeds_changed.emit()
        if renamed:  # the source of its articles, as the list and the article show it
            self.articles_updated.emit(renamed)
        return True

    def remove_feed(self, feed: Feed, remove: Callable[[int], bool]) -> bool:
        """Stop following ``feed`` once the reader confirms, through
        ``remove`` (the window's undoable edit, which reports a refusal);
        its articles stay."""
        if not self.confirm(self.tr("Remove feed"), self.tr(
                "Stop following {name}? Its articles stay in the library.").format(
                    name=isolate(feed.name))):
            return False
        if not remove(feed.id):
            return False
        self.status_message.emit(self.tr("No longer following {name} (Undo follows it "
                                         "again)").format(name=isolate(feed.name)), 8000)
        return True

    # -- OPML ------------------------------------------------------------------------

    def import_opml_dialog(self) -> Task | None:
        path = self.ask_open_path()
        return self.import_opml(Path(path)) if path else None

    def import_opml(self, path: Path) -> Task:
        """Follow every feed the OPML file lists, then refresh those new."""
        library = self._library
        task = Task(lambda ctx: feed_tasks.import_opml(library, path, ctx), self)
        task.succeeded.connect(self._on_opml_imported)
        task.failed.connect(self.failed)
        self._start(task)
        return task

    def _on_opml_imported(self, report: object) -> None:
        assert isinstance(report, OpmlReport)
        if self._stopped:
            return
        self.feeds_changed.emit()
        text = self.tr("Following %n new feed(s)", "", len(report.added))
        if report.known:
            text += " " + self.tr("(%n already followed)", "", report.known)
        if report.refused:
            text += " " + self.tr("(%n not followed)", "", len(report.refused))
        self.status_message.emit(text, 8000)
        if report.refused:
            self.feeds_refused.emit(list(report.refused))
        self.refresh(report.added, quietly=True)

    def export_opml_dialog(self) -> Task | None:
        path = self.ask_save_path()
        return self.export_opml(Path(path)) if path else None

    def export_opml(self, path: Path) -> Task:
        """Write every subscription to ``path`` as OPML."""
        library = self._library
        task = Task(lambda ctx: feed_tasks.export_opml(library, path, ctx), self)
        task.succeeded.connect(lambda count: self.status_message.emit(
            self.tr("Exported %n feed(s) to {path}", "", int(count)).format(
                path=isolate_path(str(path))), 8000))
        task.failed.connect(self.failed)
        self._start(task)
        return task

    def _open_path(self) -> str:
        return self._kept_folder(file_dialogs.open_file(
            self._parent, self.tr("Import OPML"),
            self.tr("OPML files (*.opml *.xml);;All files (*)"), str(self._opml_folder())))

    def _save_path(self) -> str:
        return self._kept_folder(file_dialogs.save_file(
            self._parent, self.tr("Export OPML"), str(self._opml_folder() / "subscriptions.opml"),
            self.tr("OPML files (*.opml *.xml);;All files (*)")))

    def _opml_folder(self) -> Path:
        """Where the OPML dialogs open: where the last one chose, else home."""
        return self._settings.dialog_folder("opml") if self._settings else Path.home()

    def _kept_folder(self, chosen: str) -> str:
        """``chosen``, its folder kept for the next OPML dialog."""
        if chosen and self._settings is not None:
            self._settings.save_dialog_folder("opml", Path(chosen).parent)
        return chosen

    # -- tasks -----------------------------------------------------------------------

    def _start(self, task: Task) -> None:
        task.finished.connect(self._on_task_finished)
        self.tasks.append(task)
        task.start()

    def _on_task_finished(self) -> None:
        self.tasks = end_tasks(self.tasks)

    def stop(self, timeout: float = 10.0) -> bool:
        """No more refreshes; cancel the tasks and wait for them (at close);
        what they report afterwards is dropped. False when one is still
        running after ``timeout`` seconds."""
        self._stopped = True
        self.timer.stop()
        for task in self.tasks:
            task.cancel()
        return all(task.wait(timeout) for task in list(self.tasks))
