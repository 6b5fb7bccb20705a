"""The local article store (SQLite) and its records."""

from reader.store.article import Article, HighlightRecord
from reader.store.library import AddResult, ArticleRow, Library, SearchHit
from reader.store.location import default_store_path, resolve_store_path

__all__ = [
    "AddResult",
    "Article",
    "ArticleRow",
    "HighlightRecord",
    "Library",
    "SearchHit",
    "default_store_path",
    "resolve_store_path",
]
