"""The reader's own edits to the store, undoable (``QUndoStack``).

``EditHistory`` makes every edit a reader may regret a command on its stack:
adding, deleting, recolouring a highlight and editing its note, starring
and marking read (one article, or all those of a news source at once),
editing an article's details (title, source, author, date, address) and
its tags, deleting an article. Each command writes through the
window's ``Library`` when done and again when redone, and writes the
opposite when undone; the window hears of every change through signals and
shows it (``highlights_changed``, ``state_changed``, ``details_changed``,
``tags_changed``, ``article_deleted``, ``article_restored``), whichever of do, undo or redo made it.

Undoing a deletion stores the thing again, and the store gives it a new id:
commands name articles and highlights through an ``IdRef`` the history
keeps up to date, so a later command (a colour change of a highlight that
was deleted and restored) still finds it. A deleted article comes back with
its user highlights, notes, read and starred state, reading position and
tags (``Library.add_articles`` keeps them).

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
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QGuiApplication, QUndoCommand, QUndoStack

from reader.errors import ReaderError
from reader.gui.workers import Task, TaskContext
from reader.store.article import Article, HighlightRecord
from reader.store.library import Library


class IdRef:
    """The current store id of something a command names (it changes when an
    undo stores a deleted thing again)."""

    __slots__ = ("id",)

    def __init__(self, value: int) -> None:
        self.id = value


class EditHistory(QObject):
    """The undo stack of the reader's edits to ``library``.

    Signals: ``highlights_changed(article_id)``, ``state_changed(article_id)``
    (read or starred), ``states_changed(ids)`` (many marked read or unread at
    once), ``details_changed(article_id)``, ``tags_changed(article_id)``,
    ``article_deleted(article_id)``,
    ``article_restored(article_id)`` (its new id), ``error_occurred(line)``,
    ``status_message(text)`` (translated, for the status bar),
    ``labels_changed()`` when what Undo and Redo would do changed.
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
        command = _AddHighlight(self, self.article_ref(article_id), field, start, end,
                                colour, note)
        self._push(command)
        return command.record

    def delete_highlight(self, record: HighlightRecord) -> bool:
        return self._push(_DeleteHighlight(self, record))

    def set_note(self, record: HighlightRecord, note: str) -> bool:
        return self._push(_UpdateHighlight(self, record, "note", record.note, note))

    def set_colour(self, record: HighlightRecord, colour: str) -> bool:
        return self._push(_UpdateHighlight(self, record, "colour", record.colour, colour))

    def set_starred(self, article_id: int, starred: bool, *, was: bool) -> bool:
        return self._push(_SetFlag(self, self.article_ref(article_id), "starred", was, starred))

    def set_read(self, article_id: int, read: bool, *, was: bool) -> bool:
        return self._push(_SetFlag(self, self.article_ref(article_id), "read", was, read))

    def mark_read(self, ids: list[int]) -> bool:
        """Mark the articles ``ids`` read in one step; undo marks unread again
        only those that were unread."""
        return self._push(_MarkRead(self, ids))

    def edit_details(self, before: Article, after: Article) -> bool:
        """Store the fields in which ``after`` differs from ``before`` (the
        article as the reader saw it); undo writes back those of ``before``.
        False when nothing differs or the store refused."""
        assert before.id is not None
        changed = [f.name for f in dataclasses.fields(Article)
                   if f.name != "id" and getattr(before, f.name) != getattr(after, f.name)]
        if not changed:
            return False
        return self._push(_EditDetails(self, self.article_ref(before.id),
                                       {name: getattr(before, name) for name in changed},
                                       {name: getattr(after, name) for name in changed}))

    def set_tags(self, article_id: int, tags: list[str], *, was: list[str]) -> bool:
        """Give the article the tags ``tags`` in place of ``was``; False when
        they are the same or the store refused."""
        if tags == was:
            return False
        return self._push(_SetTags(self, self.article_ref(article_id), was, tags))

    def delete_article(self, article_id: int) -> bool:
        """Delete the article (its highlights, notes and tags go with it),
        undoably, on a worker: ``article_deleted`` says when it is gone (or
        ``error_occurred`` that the store refused)."""
        command = _DeleteArticle(self, self.article_ref(article_id))
        return self._in_background(command, command.write_do, lambda: self.stack.push(command))

    def _push(self, command: _Edit) -> bool:
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

    def _in_background(self, command: _BackgroundEdit, write: Callable[[], None],
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
        if isinstance(command, _BackgroundEdit):
            self._in_background(command, command.write_undo, self.stack.undo)
        else:
            self.stack.undo()

    def redo(self) -> None:
        """Redo the edit last undone (nothing while one is being written)."""
        if self.busy or not self.stack.canRedo():
            return
        command = self.stack.command(self.stack.index())
        if isinstance(command, _BackgroundEdit):
            self._in_background(command, command.write_do, self.stack.redo)
        else:
            self.stack.redo()

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
    }
    return labels.get(key, key)


class _Edit(QUndoCommand):
    """One edit: ``_do``/``_undo`` write to the store and say what changed.
    ``done`` is False when the store refused the first write."""

    def __init__(self, history: EditHistory, key: str) -> None:
        super().__init__(key)
        self.history = history
        self.library = history.library
        self.done = False
        self.typed_note: tuple[IdRef, str] | None = None
        """The article and the note text the reader typed, for an edit that
        stores one: kept (``keep_lost_note``) if the article went meanwhile."""

    def redo(self) -> None:
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, step: object) -> None:
        assert callable(step)
        try:
            step()
        except ReaderError as err:
            # Gone or changed elsewhere (another process): drop this edit.
            self.setObsolete(True)
            if (not self.done and self.typed_note is not None
                    and self.history.article_gone(self.typed_note[0])):
                self.history.keep_lost_note(self.typed_note[1])
            else:
                self.history.error_occurred.emit(err.line())
            return
        self.done = True

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class _AddHighlight(_Edit):
    def __init__(self, history: EditHistory, article: IdRef, field: str, start: int, end: int,
                 colour: str, note: str) -> None:
        super().__init__(history, "highlight")
        self.article, self.span, self.colour, self.note = article, (field, start, end), colour, note
        if note:
            self.typed_note = (article, note)
        self.ref: IdRef | None = None
        self.record: HighlightRecord | None = None

    def _do(self) -> None:
        # A redo brings back the highlight the reader made, made when it was.
        created = self.record.created if self.record is not None else None
        record = self.library.add_user_highlight(self.article.id, *self.span, colour=self.colour,
                                                 note=self.note, created=created)
        assert record.id is not None
        if self.ref is None:
            self.ref = self.history.highlight_ref(record.id)
        else:
            self.history.move_highlight(self.ref, record.id)
        self.record = record
        self.history.highlights_changed.emit(self.article.id)

    def _undo(self) -> None:
        assert self.ref is not None
        self.library.delete_highlight(self.ref.id)
        self.history.highlights_changed.emit(self.article.id)


class _DeleteHighlight(_Edit):
    def __init__(self, history: EditHistory, record: HighlightRecord) -> None:
        super().__init__(history, "delete_highlight")
        assert record.id is not None
        self.record = record
        self.ref = history.highlight_ref(record.id)
        self.article = history.article_ref(record.article_id)

    def _do(self) -> None:
        self.library.delete_highlight(self.ref.id)
        self.history.highlights_changed.emit(self.article.id)

    def _undo(self) -> None:
        r = self.record
        again = self.library.add_user_highlight(self.article.id, r.field, r.start, r.end,
                                                colour=r.colour, note=r.note, created=r.created)
        assert again.id is not None
        self.history.move_highlight(self.ref, again.id)
        self.history.highlights_changed.emit(self.article.id)


class _UpdateHighlight(_Edit):
    def __init__(self, history: EditHistory, record: HighlightRecord, what: str,
                 old: str, new: str) -> None:
        super().__init__(history, what)
        assert record.id is not None
        self.ref = history.highlight_ref(record.id)
        self.article = history.article_ref(record.article_id)
        self.what, self.old, self.new = what, old, new
        if what == "note" and new:
            self.typed_note = (self.article, new)

    def _write(self, value: str) -> None:
        self.library.update_highlight(self.ref.id, **{self.what: value})
        self.history.highlights_changed.emit(self.article.id)

    def _do(self) -> None:
        self._write(self.new)

    def _undo(self) -> None:
        self._write(self.old)


class _SetFlag(_Edit):
    def __init__(self, history: EditHistory, article: IdRef, column: str, old: bool,
                 new: bool) -> None:
        super().__init__(history, column)
        self.article, self.column, self.old, self.new = article, column, old, new

    def _write(self, value: bool) -> None:
        if self.column == "starred":
            self.library.set_starred(self.article.id, value)
        else:
            self.library.set_read(self.article.id, value)
        self.history.state_changed.emit(self.article.id)

    def _do(self) -> None:
        self._write(self.new)

    def _undo(self) -> None:
        self._write(self.old)


class _EditDetails(_Edit):
    """Some fields of an article, from ``old`` to ``new`` (name -> value). Each
    write starts from the article as stored then, so an edit made elsewhere
    to another field is kept."""

    def __init__(self, history: EditHistory, article: IdRef, old: dict[str, Any],
                 new: dict[str, Any]) -> None:
        super().__init__(history, "details")
        self.article, self.old, self.new = article, old, new

    def _write(self, values: dict[str, Any]) -> None:
        stored = self.library.get(self.article.id)
        self.library.update_article(dataclasses.replace(stored, **values))
        self.history.details_changed.emit(self.article.id)

    def _do(self) -> None:
        self._write(self.new)

    def _undo(self) -> None:
        self._write(self.old)


class _SetTags(_Edit):
    def __init__(self, history: EditHistory, article: IdRef, old: list[str],
                 new: list[str]) -> None:
        super().__init__(history, "tags")
        self.article, self.old, self.new = article, old, new

    def _write(self, tags: list[str]) -> None:
        self.library.set_article_tags(self.article.id, tags)
        self.history.tags_changed.emit(self.article.id)

    def _do(self) -> None:
        self._write(self.new)

    def _undo(self) -> None:
        self._write(self.old)


class _MarkRead(_Edit):
    def __init__(self, history: EditHistory, ids: list[int]) -> None:
        super().__init__(history, "mark_all_read")
        self.articles = [history.article_ref(i) for i in ids]
        self.changed: list[IdRef] = []

    def _do(self) -> None:
        by_id = {ref.id: ref for ref in self.articles}
        changed = self.library.set_read_many(by_id, True)
        if not self.done:  # the first time: the articles undo gives back
            self.changed = [by_id[i] for i in changed]
        self.history.states_changed.emit(changed)

    def _undo(self) -> None:
        ids = [ref.id for ref in self.changed]
        self.history.states_changed.emit(self.library.set_read_many(ids, False))


class _BackgroundEdit(_Edit):
    """An edit whose store work can take seconds: ``EditHistory`` runs
    ``write_do`` or ``write_undo`` on a worker (the store only: no signal,
    no widget), then moves the stack, whose ``_do``/``_undo`` show what was
    written, or raise what the store refused (``refusal``)."""

    def __init__(self, history: EditHistory, key: str) -> None:
        super().__init__(history, key)
        self.refusal: ReaderError | None = None

    def write_do(self) -> None:
        raise NotImplementedError

    def write_undo(self) -> None:
        raise NotImplementedError

    def _do(self) -> None:
        self._raise_refusal()
        self.show_done()

    def _undo(self) -> None:
        self._raise_refusal()
        self.show_undone()

    def show_done(self) -> None:
        raise NotImplementedError

    def show_undone(self) -> None:
        raise NotImplementedError

    def _raise_refusal(self) -> None:
        refusal, self.refusal = self.refusal, None
        if refusal is not None:
            raise refusal


class _DeleteArticle(_BackgroundEdit):
    def __init__(self, history: EditHistory, article: IdRef) -> None:
        super().__init__(history, "delete_article")
        self.article = article
        self.kept: Article | None = None
        self.tags: list[str] = []
        self.restored: tuple[int, list[tuple[int, int]]] = (article.id, [])
        """The new id the last undo stored the article under, and the (old,
        new) ids of its user highlights: their refs follow in ``show_undone``."""

    def write_do(self) -> None:
        old_id = self.article.id
        self.kept = self.library.get(old_id)
        self.tags = self.library.article_tags(old_id)
        self.library.delete(old_id)

    def show_done(self) -> None:
        self.history.article_deleted.emit(self.article.id)

    def write_undo(self) -> None:
        assert self.kept is not None
        [result] = self.library.add_articles([dataclasses.replace(self.kept, id=None)])
        if self.tags:
            self.library.set_article_tags(result.id, self.tags)
        again = {(h.field, h.start, h.end, h.text): h.id
                 for h in self.library.highlights(result.id, kind="user")}
        moved = [(old.id, again[key]) for old in self.kept.user_highlights
                 if old.id is not None
                 and (key := (old.field, old.start, old.end, old.text)) in again]
        self.restored = (result.id, moved)

    def show_undone(self) -> None:
        new_id, moved = self.restored
        self.history.move_article(self.article, new_id)
        for old, new in moved:
            self.history.move_highlight(self.history.highlight_ref(old), new)
        self.history.article_restored.emit(new_id)
