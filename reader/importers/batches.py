"""Writing what many inputs gave into the library: several whole inputs per
transaction, and an input the store refuses costing only itself.

The command (``rtl-reader import``) and the window's import both read their
files through ``reader.importers.parallel.read_files`` and write through one
``BatchWriter``: the same speed, the same failures, whichever a reader uses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reader.errors import ReaderError, StoreError
from reader.importers import bug_line

BATCH_ARTICLES = 200
"""Articles written per transaction (each article whole): fewer commits,
while a batch stays small enough that the list of a window fills as it goes."""

Stored = Callable[[str, Sequence[Any]], None]
"""Told each input stored: its name and one ``AddResult`` per article."""


class BatchWriter:
    """Collects the articles of whole inputs and writes them ``BATCH_ARTICLES``
    or so at a time (an input is never split between two transactions).
    ``on_stored`` hears of each input stored, in order; ``on_failure`` gets the
    one-line error of an input the store refused. A ``StoreError`` (the store
    itself failing: a full disk, a lost file) propagates from ``add`` or
    ``flush``; what was written before it stays written."""

    def __init__(self, library: Any, *, on_stored: Stored,
                 on_failure: Callable[[ReaderError], None],
                 size: int = BATCH_ARTICLES) -> None:
        self._library = library
        self._on_stored = on_stored
        self._on_failure = on_failure
        self._size = size
        self._pending: list[tuple[str, Sequence[Any]]] = []
        self._count = 0

    def add(self, name: str, articles: Sequence[Any]) -> None:
        """Queue the articles (``Article`` or ``Prepared``) that input ``name``
        gave; writes the queue when it holds a batch."""
        self._pending.append((name, articles))
        self._count += len(articles)
        if self._count >= self._size:
            self.flush()

    def flush(self) -> None:
        """Write every input queued."""
        pending, self._pending, self._count = self._pending, [], 0
        for name, results in self._store(pending):
            self._on_stored(name, results)

    def _store(self, inputs: list[tuple[str, Sequence[Any]]]
               ) -> list[tuple[str, Sequence[Any]]]:
        """Store the articles of several inputs in one call; ``(input,
        results)`` for each input stored. When the store refuses an article
        (anything but a ``StoreError``), each input is stored again on its
        own, so only the one that holds it fails. Articles that the failed
        call had committed come back as duplicates then: nothing is stored
        twice."""
        articles = [a for _, group in inputs for a in group]
        if not articles:
            return [(name, []) for name, _ in inputs]
        try:
            results = iter(self._library.add_articles(articles))
            return [(name, [next(results) for _ in group]) for name, group in inputs]
        except StoreError:
            raise
        except Exception as err:
            if len(inputs) == 1:
                name = inputs[0][0]
                self._on_failure(ReaderError(name, f"not stored: {err.message}")
                                 if isinstance(err, ReaderError)
                                 else bug_line(name, err, "not stored"))
                return []
        return [stored for one in inputs for stored in self._store([one])]
