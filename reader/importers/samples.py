"""The bundled sample articles (``resources/samples``): the first run's library.

The samples are plain-text files in the layout ``reader.importers.plaintext``
reads, listed in ``samples.json`` with their metadata (source, url, author,
published, language); the list's order is the seeding order. They are found
through ``importlib.resources`` (``reader.resources``), so an installed wheel
seeds as well as a checkout.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

from reader.importers.decode import decode_bytes
from reader.importers.plaintext import parse_plain_text
from reader.resources import resource_root
from reader.store.article import Article

_META = ("source", "url", "author", "published", "language")


class _Library(Protocol):
    def count(self) -> int: ...
    def add_articles(self, articles: list[Article]) -> list[Any]: ...


def load_samples() -> list[Article]:
    """The bundled sample articles, in the order of ``samples.json``.

    Text fields come from the files; metadata from ``samples.json`` (a value
    there wins over what the byline suggests). A missing or broken sample is
    a packaging bug and raises (FileNotFoundError, ValueError, ReaderError).
    """
    folder = resource_root().joinpath("samples")
    index = json.loads(folder.joinpath("samples.json").read_text(encoding="utf-8"))
    articles = []
    for entry in index["articles"]:
        name = str(entry["file"])
        data = folder.joinpath(name).read_bytes()
        article = parse_plain_text(decode_bytes(data, name=name), name=name)
        for key in _META:
            value = entry.get(key)
            if value:
                setattr(article, key, str(value))
        articles.append(article)
    return articles


def seed_if_empty(library: _Library) -> int:
    """Add the samples to ``library`` when it holds no article; return how many
    were added (0 when the library already had articles). The store writes
    each article whole (``add_articles``)."""
    if library.count() != 0:
        return 0
    results = library.add_articles(load_samples())
    return sum(1 for r in results if not getattr(r, "duplicate", False))
