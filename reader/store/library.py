"""The article library: one SQLite file (DESIGN decision 4).

STUB with the agreed public API; the store helper implements it (and may split
schema, migrations and search into their own modules).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.store.article import Article, HighlightRecord


@dataclass(frozen=True, slots=True)
class AddResult:
    """What ``add_articles`` did with one article: stored, or a duplicate of ``id``."""

    id: int
    duplicate: bool


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One line of the article list: no body, cheap to load in pages."""

    id: int
    title: str
    source: str
    published: str
    imported_at: str
    quotes: int
    figures: int
    read: bool
    starred: bool


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One library search result. ``snippet`` is cut from the original text of
    ``field``; ``marks`` are (start, end) of the matched words inside
    ``snippet``; ``hits`` are (field, start, end) of matches in the article's
    original fields, first hit first, so the GUI can open the article there."""

    id: int
    title: str
    source: str
    published: str
    snippet: str
    marks: tuple[tuple[int, int], ...]
    hits: tuple[tuple[str, int, int], ...]
    rank: float

    def to_dict(self) -> dict[str, Any]:
        raise NotImplementedError


class Library:
    """An open store. Use as a context manager or call ``close``.

    ``Library.open(path)`` creates the file (and folder) when absent and seeds
    nothing: the bundled samples come from ``reader.importers.samples`` (the
    store may not import importers), which the app and CLI call on first run. Errors: NotADatabase, StoreTooNew, StoreLocked,
    StoreReadOnly, StoreError, NotFound (unknown article / highlight id).
    """

    path: Path

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, read_only: bool = False) -> Library:
        raise NotImplementedError

    def close(self) -> None: ...
    def __enter__(self) -> Library: return self
    def __exit__(self, *exc: object) -> None: self.close()

    # articles
    def add_articles(self, articles: Iterable[Article]) -> list[AddResult]:
        """Store each article whole with its automatic highlights and index
        entries; a duplicate (same content hash) is not stored twice."""
        raise NotImplementedError

    def add_article(self, article: Article) -> AddResult:
        raise NotImplementedError

    def get(self, article_id: int) -> Article:
        raise NotImplementedError

    def delete(self, article_id: int) -> None:
        raise NotImplementedError

    def count(self) -> int:
        raise NotImplementedError

    def rows(self, *, offset: int = 0, limit: int | None = None, sort: str = "published",
             descending: bool = True, filter_text: str = "") -> list[ArticleRow]:
        """A page of the article list; ``filter_text`` folds like find does."""
        raise NotImplementedError

    def set_read(self, article_id: int, read: bool) -> None: raise NotImplementedError
    def set_starred(self, article_id: int, starred: bool) -> None: raise NotImplementedError
    def set_position(self, article_id: int, position: int) -> None: raise NotImplementedError
    def data_version(self) -> int:
        """Changes when another connection commits (PRAGMA data_version), so a
        view can poll and catch up."""
        raise NotImplementedError

    # highlights
    def highlights(self, article_id: int, *, kind: str | None = None,
                   subtype: str | None = None) -> list[HighlightRecord]:
        raise NotImplementedError

    def add_user_highlight(self, article_id: int, field: str, start: int, end: int, *,
                           colour: str = "#ffd54f", note: str = "") -> HighlightRecord:
        raise NotImplementedError

    def update_highlight(self, highlight_id: int, *, colour: str | None = None,
                         note: str | None = None) -> None:
        raise NotImplementedError

    def delete_highlight(self, highlight_id: int) -> None:
        raise NotImplementedError

    # search and index
    def search(self, query: str, *, limit: int = 20, source: str | None = None,
               since: str | None = None, until: str | None = None, starred: bool = False,
               stem: bool = False) -> list[SearchHit]:
        raise NotImplementedError

    def reindex(self, progress: Callable[[int, int], None] | None = None) -> None:
        raise NotImplementedError

    def update_article(self, article: Article) -> None:
        """Replace a stored article's fields (``article.id`` set): automatic
        highlights recomputed, user highlights re-anchored by their text or
        kept as orphans, index updated, all in one transaction."""
        raise NotImplementedError

    def ids(self, ids: Sequence[int] | None = None) -> list[int]:
        raise NotImplementedError
