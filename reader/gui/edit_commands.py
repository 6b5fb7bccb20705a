"""The undoable edits ``EditHistory`` puts on its ``QUndoStack``, one
command class per kind of edit (``reader.gui.edits`` says what they share).

Each command writes through the history's ``Library`` and says what changed
through the history's signals. ``BackgroundEdit``s (deleting an article)
split their work: ``write_do``/``write_undo`` touch the store only and run
on a worker; ``_do``/``_undo`` run when the stack moves and show the result.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from reader.errors import CannotRestore, ReaderError
from reader.store.article import HighlightRecord
from reader.store.feeds import RemovedFeed
from reader.store.listing import ListFilter
from reader.store.restore import DeletedArticle, Restored

if TYPE_CHECKING:
    from reader.gui.edits import EditHistory


class IdRef:
    """The current store id of something a command names (it changes when an
    undo stores a deleted highlight again, or a deleted article whose id
    was taken meanwhile)."""

    __slots__ = ("id",)

    def __init__(self, value: int) -> None:
        self.id = value


class Edit(QUndoCommand):
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
        self.article: IdRef | None = None
        """The one article the edit changes (None for many at once)."""

    def span(self) -> tuple[str, int, int] | None:
        """The ``(field, start, end)`` the edit changes in ``article`` (a
        highlight's), or None (a state or the details of the whole article)."""
        return None

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
            elif self.article is not None and self.history.article_gone(self.article):
                # Not "no highlight with this ID" and a number (a tester's day).
                self.history.error_occurred.emit(QCoreApplication.translate(
                    "EditHistory", "Nothing to undo or redo there: another program deleted "
                                   "the article"))
            else:
                self.history.error_occurred.emit(err.line())
            return
        self.done = True

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class Swap(Edit):
    """An edit that writes one value: ``new`` when done, ``old`` when undone."""

    old: Any
    new: Any

    def _write(self, value: Any) -> None:
        raise NotImplementedError

    def _do(self) -> None:
        self._write(self.new)

    def _undo(self) -> None:
        self._write(self.old)


class AddHighlight(Edit):
    def __init__(self, history: EditHistory, article: IdRef, field: str, start: int, end: int,
                 colour: str, note: str) -> None:
        super().__init__(history, "highlight")
        self.article, self.colour, self.note = article, colour, note
        self.place = (field, start, end)
        if note:
            self.typed_note = (article, note)
        self.ref: IdRef | None = None
        self.record: HighlightRecord | None = None

    def span(self) -> tuple[str, int, int] | None:
        return self.place

    def _do(self) -> None:
        # A redo brings back the highlight the reader made, made when it was.
        created = self.record.created if self.record is not None else None
        record = self.library.add_user_highlight(
            self.article.id, *self.place, colour=self.colour, note=self.note, created=created,
            as_id=None if self.ref is None else self.ref.id)
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


class DeleteHighlight(Edit):
    def __init__(self, history: EditHistory, record: HighlightRecord) -> None:
        super().__init__(history, "delete_highlight")
        assert record.id is not None
        self.record = record
        self.ref = history.highlight_ref(record.id)
        self.article = history.article_ref(record.article_id)

    def span(self) -> tuple[str, int, int] | None:
        return self.record.field, self.record.start, self.record.end

    def _do(self) -> None:
        self.library.delete_highlight(self.ref.id)
        self.history.highlights_changed.emit(self.article.id)

    def _undo(self) -> None:
        r = self.record
        # Under its own ID while no other highlight took it: an export that
        # listed it, or a note that cites it, still names it.
        again = self.library.add_user_highlight(self.article.id, r.field, r.start, r.end,
                                                colour=r.colour, note=r.note, created=r.created,
                                                as_id=self.ref.id)
        assert again.id is not None
        self.history.move_highlight(self.ref, again.id)
        self.history.highlights_changed.emit(self.article.id)


class UpdateHighlight(Swap):
    def __init__(self, history: EditHistory, record: HighlightRecord, what: str,
                 old: str, new: str) -> None:
        super().__init__(history, what)
        assert record.id is not None
        self.ref = history.highlight_ref(record.id)
        self.article = history.article_ref(record.article_id)
        self.record = record
        self.what, self.old, self.new = what, old, new
        if what == "note" and new:
            self.typed_note = (self.article, new)

    def span(self) -> tuple[str, int, int] | None:
        return self.record.field, self.record.start, self.record.end

    def _write(self, value: str) -> None:
        self.library.update_highlight(self.ref.id, **{self.what: value})
        self.history.highlights_changed.emit(self.article.id)


class SetFlag(Swap):
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


class EditDetails(Swap):
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


class SetTags(Edit):
    """An article's tags from ``old`` to ``new``, as the reader chose them:
    the tags added and those taken away, each write applied to the tags
    stored then, so a tag another program added meanwhile is kept (a
    tester's day: ``rtl-reader tag`` added one while the Tags dialog was
    open, and OK dropped it)."""

    def __init__(self, history: EditHistory, article: IdRef, old: list[str],
                 new: list[str]) -> None:
        super().__init__(history, "tags")
        self.article = article
        self.added = [t for t in new if t not in old]
        self.removed = [t for t in old if t not in new]

    def _do(self) -> None:
        self._change(self.added, self.removed)

    def _undo(self) -> None:
        self._change(self.removed, self.added)

    def _change(self, add: list[str], remove: list[str]) -> None:
        assert self.article is not None
        self.library.change_article_tags(self.article.id, add=add, remove=remove)
        self.history.tags_changed.emit(self.article.id)


class RenameTag(Edit):
    """Call a tag by another name on every article that carries it (a name
    that exists: the two become one); undo gives the old tag back to those
    articles and takes the new one from those that had not carried it, each
    article's other tags as stored then (a tag another program added
    meanwhile stays, as in ``SetTags``)."""

    def __init__(self, history: EditHistory, old: str, new: str) -> None:
        super().__init__(history, "rename_tag")
        self.old, self.new = old, new
        self.renamed: list[int] = []
        """The articles that carried ``old``."""
        self.had_new: set[int] = set()
        """Those of them that carried ``new`` already."""

    def _do(self) -> None:
        library = self.library
        self.renamed = library.ids(where=ListFilter(tag=self.old))
        self.had_new = set(library.ids(where=ListFilter(tag=self.new)))
        library.rename_tag(self.old, self.new)
        self.history.tag_renamed.emit(self.new)

    def _undo(self) -> None:
        for article_id in self.renamed:
            self.library.change_article_tags(
                article_id, add=[self.old],
                remove=[] if article_id in self.had_new else [self.new])
        self.history.tag_renamed.emit(self.old)


class MarkRead(Edit):
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


class RemoveFeed(Edit):
    """Stop following a feed; undo follows it again as it was, under its own
    id, with the entries it had seen (``Feeds.put_back``): none of them
    comes back as news."""

    def __init__(self, history: EditHistory, feed_id: int) -> None:
        super().__init__(history, "remove_feed")
        self.feed_id = feed_id
        self.removed: RemovedFeed | None = None

    def _do(self) -> None:
        self.removed = self.library.feeds.remove(self.feed_id)
        self.history.feeds_changed.emit()

    def _undo(self) -> None:
        assert self.removed is not None
        self.library.feeds.put_back(self.removed)
        self.history.feeds_changed.emit()


class BackgroundEdit(Edit):
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


class DeleteArticle(BackgroundEdit):
    """Delete an article; undo stores it again as it was, under its own id
    (``Library.restore_article``), so links and exports that name it work
    again. Only when another program took that id meanwhile does it come
    back under a new one, which its refs follow."""

    def __init__(self, history: EditHistory, article: IdRef) -> None:
        super().__init__(history, "delete_article")
        self.article = article
        self.deleted: DeletedArticle | None = None
        """What the last delete took away (written on the worker)."""
        self.restored: Restored | None = None
        """Where the last undo stored it (written on the worker)."""
        self.highlight_refs: dict[int, IdRef] = {}
        """The refs of its user highlights while it is deleted, by their id then."""

    def write_do(self) -> None:
        self.deleted = self.library.delete_keeping(self.article.id)

    def show_done(self) -> None:
        assert self.deleted is not None
        # Kept, not looked up by id at undo: while the article is deleted,
        # another highlight may be given one of these ids (SQLite numbers
        # past the largest) and its ref moved with it.
        self.highlight_refs = {h.id: self.history.highlight_ref(h.id)
                               for h in self.deleted.article.user_highlights if h.id is not None}
        self.history.article_deleted.emit(self.article.id)

    def write_undo(self) -> None:
        assert self.deleted is not None
        try:
            self.restored = self.library.restore_article(self.deleted)
        except CannotRestore:
            # Another program stored an article under its id, or its text.
            self.restored = self.library.restore_article(self.deleted, anew=True)

    def show_undone(self) -> None:
        assert self.restored is not None
        self.history.move_article(self.article, self.restored.id)
        for old, new in self.restored.highlight_ids.items():
            ref = self.highlight_refs.pop(old, None) or self.history.highlight_ref(old)
            self.history.move_highlight(ref, new)
        self.history.article_restored.emit(self.restored.id)
