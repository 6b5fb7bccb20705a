"""The local article store (SQLite) and its records.

Who owns the connections (DESIGN decision 4 and the known trap "SQLite and
foreign file handles"):

- A process opens a store through ``Library.open`` and keeps that one
  ``Library`` for as long as it uses the store: the window and every worker
  thread it starts share the window's, a command opens one for its run. The
  ``Library`` owns a ``database.Database``, the only maker and closer of
  connections to the file.
- Which thread uses which connection: any thread may call any ``Library``
  method. A read borrows one of the ``Database``'s reader connections for
  that call (so threads read at once and a long search never holds up the
  list); a write runs on the single writer connection, and the threads of
  the process take turns for it; other processes wait through
  ``busy_timeout``. A read made inside a write, on the same thread, runs in
  that write's transaction.
- Nothing else opens, reads, replaces or closes the store's files (database,
  ``-wal``, ``-shm``, ``-journal``) while the process may hold a connection:
  closing any descriptor of the file would drop SQLite's locks. The one
  Python read of a store file, the header check, runs before the process's
  first connection to it; importers, exporters and the command line ask
  ``database.holds(path)`` and refuse such a path.
"""

from reader.store.article import Article, HighlightRecord
from reader.store.library import AddResult, ArticleRow, Library, SearchHit
from reader.store.listing import ListFilter
from reader.store.location import default_store_path, resolve_store_path

__all__ = [
    "AddResult",
    "Article",
    "ArticleRow",
    "HighlightRecord",
    "Library",
    "ListFilter",
    "SearchHit",
    "default_store_path",
    "resolve_store_path",
]
