"""The reader's own edits to the store, undoable (``QUndoStack``).

``EditHistory`` makes every edit a reader may regret a command on its stack:
adding, deleting, recolouring a highlight and editing its note, starring
and marking read (one article, or all those the list shows at once),
editing an article's details (title, source, author, date, address) and
its tags, deleting an article. Each command writes through the
window's ``Library`` when done and again when redone, and writes the
opposite when undone; the window hears of every change through signals and
shows it (``highlights_changed``, ``state_changed``, ``details_changed``,
``tags_changed``, ``article_deleted``, ``article_restored``), whichever of do, undo or redo made it.

A deleted article comes back as it was (``Library.restore_article``):
under the same id, so a link ``rtl-reader://article/ID`` and an export's
ids name it again, with the time it was added, its read and starred state,
reading position, tags, automatic highlights and user highlights (notes,
colours, times, and their ids where no other highlight took them). A
deleted highlight comes back under a new id, and so does an article whose
id another program took meanwhile: commands name articles and highlights
through an ``IdRef`` the history keeps up to date, so a later command (a
colour change of a highlight that was deleted and restored) still finds it.

Deleting an article, and undoing and redoing that, write on a worker
(``reader.gui.workers.Task``): taking a 5 MB article out of the index, or
storing it again, takes seconds, and the window must not freeze meanwhile
(the confirmation dialog stayed on screen). The stack moves once the store
has the change; until then ``busy`` is True and Undo and Redo offer
nothing, and another edit waits for it, so that the stack keeps the
store's order.

A command the store refuses (``ReaderError``) reports ``error_occurred`` and
leaves the stack (Qt drops an obsolete command). A note the reader typed
while another program deleted its article is not lost with it: it goes to
the clipboard, and ``status_message`` says so (``keep_lost_note``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QGuiApplication, QUndoCommand, QUndoStack

from reader.errors import ReaderError
from reader.gui import edit_commands as commands
from reader.gui.edit_commands import IdRef
from reader.gui.workers import Task, TaskContext
from reader.store.article import Article, HighlightRecord
from reader.store.library import Library


class EditHistory(QObject):
    """The undo stack of the reader's edits to ``library``.

    Signals: ``highlights_changed(article_id)``, ``state_changed(article_id)``
    (read or starred), ``states_changed(ids)`` (many marked read or unread at
    once), ``details_changed(article_id)``, ``tags_changed(article_id)``,
    ``article_deleted(article_id)``, ``article_restored(article_id)`` (its
    id: a new one only when its own was taken), ``error_occurred(line)``,
    ``status_message(text)`` (translated, for the status bar),
    ``feeds_changed()`` when a feed was removed or followed again,
    ``tag_renamed(name)`` when a tag was renamed or the rename undone
    (``name``: the tag the articles carry now),
    ``labels_changed()`` when what Undo and Redo would do changed,
    ``revisiting(article_id, span, undone, what)`` right before an undo or
    redo changes one article (``span``: the ``(field, start, end)`` it
    changes, or None; ``what``: the edit in the reader's words), so that the
    window shows the change where it happens: the stack is the window's,
    and the last edit may be in another article than the one open.
    """

    highlights_changed = Signal(int)
    state_changed = Signal(int)
    states_changed = Signal(object)
    details_changed = Signal(int)
    tags_changed = Signal(int)
    article_deleted = Signal(int)
    article_restored = Signal(int)
    error_occurred = Signal(str)
    status_message = Signal(str)
    labels_changed = Signal()
    revisiting = Signal(int, object, bool, str)
    feeds_changed = Signal()
    tag_renamed = Signal(str)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.stack = QUndoStack(self)
        self._articles: dict[int, IdRef] = {}
        self._highlights: dict[int, IdRef] = {}
        self._running: tuple[Task, Callable[[], None]] | None = None
        """The edit being written on a worker, and what moves the stack after it."""
        # A method, not a lambda: Qt disconnects it when the history goes (the
        # stack, its child, says its index changed as it is destroyed).
        self.stack.indexChanged.connect(self._on_index_changed)

    # -- the edits -------------------------------------------------------------

    def add_highlight(self, article_id: int, field: str, start: int, end: int, *,
                      colour: str, note: str = "") -> HighlightRecord | None:
        """Store a user highlight of ``field[start:end]``; the record, or None
        when the store refused."""
        command = commands.AddHighlight(self, self.article_ref(article_id), field, start, end,
                                        colour, note)
        self._push(command)
        return command.record

    def replace_highlights(self, replaced: Sequence[HighlightRecord], article_id: int,
                           field: str, start: int, end: int, *, colour: str,
                           note: str) -> HighlightRecord | None:
        """Delete ``replaced`` and store a user highlight of
        ``field[start:end]``, as one step for Undo; the record, or None when
        the store refused."""
        self._settle()
        self.stack.beginMacro("highlight")
        try:
            for record in replaced:
                self._push(commands.DeleteHighlight(self, record))
            return self.add_highlight(article_id, field, start, end, colour=colour, note=note)
        finally:
            self.stack.endMacro()

    def delete_highlight(self, record: HighlightRecord) -> bool:
        return self._push(commands.DeleteHighlight(self, record))

    def set_note(self, record: HighlightRecord, note: str) -> bool:
        return self._push(commands.UpdateHighlight(self, record, "note", record.note, note))

    def set_colour(self, record: HighlightRecord, colour: str) -> bool:
        return self._push(commands.UpdateHighlight(self, record, "colour", record.colour, colour))

    def set_starred(self, article_id: int, starred: bool, *, was: bool) -> bool:
        return self._push(commands.SetFlag(self, self.article_ref(article_id), "starred", was,
                                           starred))

    def set_read(self, article_id: int, read: bool, *, was: bool) -> bool:
        return self._push(commands.SetFlag(self, self.article_ref(article_id), "read", was, read))

    def mark_read(self, ids: list[int]) -> bool:
        """Mark the articles ``ids`` read in one step; undo marks unread again
        only those that were unread."""
        return self._push(commands.MarkRead(self, ids))

    def edit_details(self, before: Article, after: Article) -> bool:
        """Store the fields in which ``after`` differs from ``before`` (the
        article as the reader saw it); undo writes back those of ``before``.
        False when nothing differs or the store refused."""
        assert before.id is not None
        changed = [f.name for f in dataclasses.fields(Article)
                   if f.name != "id" and getattr(before, f.name) != getattr(after, f.name)]
        if not changed:
            return False
        return self._push(commands.EditDetails(
            self, self.article_ref(before.id),
            {name: getattr(before, name) for name in changed},
            {name: getattr(after, name) for name in changed}))

    def rename_tag(self, old: str, new: str) -> bool:
        """Call the tag ``old`` ``new`` on every article, undoably; False when
        the store refused."""
        return self._push(commands.RenameTag(self, old, new))

    def remove_feed(self, feed_id: int) -> bool:
        """Stop following the feed ``feed_id``, undoably; False when the store
        refused."""
        return self._push(commands.RemoveFeed(self, feed_id))

    def set_tags(self, article_id: int, tags: list[str], *, was: list[str]) -> bool:
        """Give the article the tags ``tags`` in place of ``was``; False when
        they are the same or the store refused."""
        if tags == was:
            return False
        return self._push(commands.SetTags(self, self.article_ref(article_id), was, tags))

    def delete_article(self, article_id: int) -> bool:
        """Delete the article (its highlights, notes and tags go with it),
        undoably, on a worker: ``article_deleted`` says when it is gone (or
        ``error_occurred`` that the store refused)."""
        command = commands.DeleteArticle(self, self.article_ref(article_id))
        return self._in_background(command, command.write_do, lambda: self.stack.push(command))

    def _push(self, command: commands.Edit) -> bool:
        self._settle()
        self.stack.push(command)
        return command.done

    @property
    def busy(self) -> bool:
        """Whether an edit is being written on a worker (the stack moves when it is done)."""
        return self._running is not None

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the edit being written (if any) is in the store
        (shutdown: the store closes next); False on timeout."""
        return self._running is None or self._running[0].wait(timeout)

    def _in_background(self, command: commands.BackgroundEdit, write: Callable[[], None],
                       then: Callable[[], None]) -> bool:
        """Run ``write`` (the store's work only, no Qt) on a worker, then
        ``then`` in this thread, which moves the stack. Always True: the
        stack takes the edit once written, or reports its refusal."""
        self._settle()

        def run(_context: TaskContext) -> None:
            try:
                write()
            except ReaderError as err:
                command.refusal = err  # raised when the stack moves: Qt drops the edit
            except Exception as err:
                command.refusal = ReaderError("", f"{type(err).__name__}: {err}")
                raise  # a bug: the task prints its traceback

        task = Task(run, self, description="edit")
        self._running = (task, then)
        task.finished.connect(lambda: self._written(task))
        self.labels_changed.emit()
        task.start()
        return True

    def _written(self, task: Task) -> None:
        """The stack takes the edit ``task`` wrote (once: ``_settle`` may have come first)."""
        if self._running is None or self._running[0] is not task:
            return
        then = self._running[1]
        self._running = None
        task.delete_when_returned()
        then()
        self.labels_changed.emit()

    def _settle(self) -> None:
        """Let the stack take the edit being written before another edit
        moves it: the stack keeps the store's order. An edit made in those
        few seconds waits for it."""
        if self._running is not None:
            task = self._running[0]
            task.wait()
            self._written(task)

    def keep_lost_note(self, note: str) -> None:
        """Put ``note``, which the store could not take because its article was
        deleted meanwhile, on the clipboard, and say so: the reader's typing
        is not lost."""
        QGuiApplication.clipboard().setText(note)
        self.status_message.emit(QCoreApplication.translate(
            "EditHistory", "The article was deleted while you wrote your note: "
                           "the note was copied to the clipboard"))

    def article_gone(self, ref: IdRef) -> bool:
        """Whether the store no longer holds the article (False when it cannot tell)."""
        try:
            return not self.library.ids([ref.id])
        except ReaderError:
            return False

    # -- undo and redo -----------------------------------------------------------

    def _on_index_changed(self, _index: int) -> None:
        self.labels_changed.emit()

    def undo(self) -> None:
        """Undo the last edit (nothing while one is being written)."""
        if self.busy or not self.stack.canUndo():
            return
        command = self.stack.command(self.stack.index() - 1)
        if isinstance(command, commands.BackgroundEdit):
            self._in_background(command, command.write_undo, self.stack.undo)
        else:
            self._revisit(command, undone=True)
            self.stack.undo()

    def redo(self) -> None:
        """Redo the edit last undone (nothing while one is being written)."""
        if self.busy or not self.stack.canRedo():
            return
        command = self.stack.command(self.stack.index())
        if isinstance(command, commands.BackgroundEdit):
            self._in_background(command, command.write_do, self.stack.redo)
        else:
            self._revisit(command, undone=False)
            self.stack.redo()

    def _revisit(self, command: QUndoCommand, *, undone: bool) -> None:
        # A deleted article's undo and redo show themselves
        # (``article_restored``, ``article_deleted``); many marked read at
        # once are no one article.
        edit = command
        if not isinstance(edit, commands.Edit) and command.childCount():
            # A macro (highlights joined into one): its last step is where
            # the reader made it, the joined highlight.
            edit = command.child(command.childCount() - 1)
        if isinstance(edit, commands.Edit) and edit.article is not None:
            self.revisiting.emit(edit.article.id, edit.span(), undone, label(command.text()))

    def undo_label(self) -> str:
        """What Undo would undo, in the reader's words ("" when nothing, or
        while an edit is being written)."""
        return label(self.stack.undoText()) if self.stack.canUndo() and not self.busy else ""

    def redo_label(self) -> str:
        return label(self.stack.redoText()) if self.stack.canRedo() and not self.busy else ""

    # -- ids that change -----------------------------------------------------------

    def article_ref(self, article_id: int) -> IdRef:
        return self._articles.setdefault(article_id, IdRef(article_id))

    def highlight_ref(self, highlight_id: int) -> IdRef:
        return self._highlights.setdefault(highlight_id, IdRef(highlight_id))

    def move_article(self, ref: IdRef, new_id: int) -> None:
        self._articles.pop(ref.id, None)
        ref.id = new_id
        self._articles[new_id] = ref

    def move_highlight(self, ref: IdRef, new_id: int) -> None:
        self._highlights.pop(ref.id, None)
        ref.id = new_id
        self._highlights[new_id] = ref


def label(key: str) -> str:
    """The reader's words for an edit (the key a command carries as its text)."""
    translate = QCoreApplication.translate  # literal contexts: lupdate reads these
    labels = {
        "highlight": translate("EditHistory", "highlight"),
        "delete_highlight": translate("EditHistory", "delete highlight"),
        "note": translate("EditHistory", "note"),
        "colour": translate("EditHistory", "colour"),
        "starred": translate("EditHistory", "star"),
        "read": translate("EditHistory", "mark as read"),
        "mark_all_read": translate("EditHistory", "mark all as read"),
        "delete_article": translate("EditHistory", "delete article"),
        "details": translate("EditHistory", "article details"),
        "tags": translate("EditHistory", "tags"),
        "remove_feed": translate("EditHistory", "remove feed"),
        "rename_tag": translate("EditHistory", "rename tag"),
    }
    return labels.get(key, key)
