"""Decoded text -> articles: pick the reader by content, then by the extension.

Content decides when it is unmistakable: a document whose root is ``<rss>``,
``<feed>`` or ``<rdf:RDF>`` is a feed; one that opens with a doctype,
``<html>``, ``<head>`` or ``<body>`` is a page. Otherwise the kind the
extension gave wins; with no extension, JSON is tried for text opening with
``{`` or ``[`` and anything else is plain text.

Every article leaves cleaned (``reader.importers.clean``): no control
character, no lone surrogate (each becomes U+FFFD, and ``on_note`` hears of
it in one line).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.errors import UnsupportedFile
from reader.importers.clean import clean_article, clean_input, clean_references, repair_note
from reader.importers.feeds import looks_like_feed, prolog_end, read_feed
from reader.importers.html import read_html
from reader.importers.markdown import read_markdown
from reader.importers.plaintext import parse_plain_text
from reader.store.article import Article

_PAGE_ROOT = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
                        re.IGNORECASE)


def sniff_kind(text: str) -> str | None:
    """``feed`` or ``html`` when the content says so unmistakably, else None."""
    if looks_like_feed(text):
        return "feed"
    if _PAGE_ROOT.match(text, prolog_end(text, doctype=False)):
        return "html"
    return None


def import_text(text: str, *, name: str, kind: str | None, url: str = "",
                on_note: Callable[[str], None] | None = None) -> list[Article]:
    """The articles in ``text``; ``kind`` is what the extension said (or None).

    Raises the ``ReaderError`` subclasses of the reader chosen. When invalid
    characters were replaced with U+FFFD, ``on_note`` gets one line
    ``<name>: <what was replaced>`` (the articles are whole and imported);
    for a feed that is not well-formed XML, one line naming the fault (its
    entries read are imported).
    """
    text, replaced = clean_input(text)
    sniffed = sniff_kind(text)
    if sniffed and kind != "json":
        kind = sniffed
    if kind is None:
        kind = "json" if _is_json(text) else "text"
    if kind in ("feed", "html"):
        text, references = clean_references(text)
        replaced += references
    articles = _read(text, name=name, kind=kind, url=url, on_note=on_note)
    for article in articles:
        replaced += clean_article(article)
    if replaced and on_note is not None:
        on_note(repair_note(name, replaced))
    return articles


def _read(text: str, *, name: str, kind: str, url: str,
          on_note: Callable[[str], None] | None) -> list[Article]:
    if kind == "feed":
        if not looks_like_feed(text):
            raise UnsupportedFile(name, "not an RSS or Atom feed (its root is neither <rss> "
                                        "nor <feed>)")
        return read_feed(text, name=name, url=url, on_note=on_note)
    if kind == "html":
        return read_html(text, name=name, url=url)
    if kind == "markdown":
        return read_markdown(text, name=name)
    if kind == "json":
        from reader.importers.jsonfile import read_json  # written by the exporters side

        return read_json(text, name=name, on_note=on_note)
    article = parse_plain_text(text, name=name)
    if url:
        article.url = url
    return [article]


def _is_json(text: str) -> bool:
    if text.lstrip()[:1] not in ("{", "["):
        return False
    import json

    try:
        json.loads(text)
    except RecursionError:  # JSON nested too deeply: the JSON reader says so
        return True
    except ValueError:
        # JSON Lines: its first line an object (a red team: JSON Lines read
        # from standard input, or a file with no extension, was stored as one
        # plain-text article of raw JSON)
        first = text.lstrip().split("\n", 1)[0]
        try:
            return isinstance(json.loads(first), dict)
        except (ValueError, RecursionError):
            return False
    return True
