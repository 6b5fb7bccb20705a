"""RSS and Atom feeds -> one Article per entry, through feedparser.

Per entry: ``title`` (markup stripped; the first sentence of the text when
missing), the body from the entry's content or else its summary (HTML ->
text, scripts and images dropped), ``url`` from its link (http/https only),
``published`` (or ``updated``) as an ISO 8601 UTC date-time, ``author``, and
the feed's own title as ``source``. Entries with no text at all are skipped.

feedparser is given the bytes of our own decoded text (never a string, which
it would take for an address or a file name to open), with the XML
declaration's encoding rewritten to UTF-8; it never fetches anything and
does not resolve external entities.
"""

from __future__ import annotations

import io
import re
import time
from typing import Any

from reader.errors import EmptyInput, UnsupportedFile
from reader.importers.html import check_depth, html_to_text
from reader.importers.plaintext import headline_from, split_paragraphs
from reader.store.article import Article
from reader.text.visual import has_presentation_forms, to_logical

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def looks_like_feed(text: str) -> bool:
    """True when the document's root element is ``rss``, ``feed`` or ``rdf:RDF``."""
    head = _XML_DECL.sub("", text[:4096], count=1)
    head = re.sub(r"<!--.*?-->|<\?.*?\?>|<!DOCTYPE[^>]*>", "", head, flags=re.S)
    return bool(re.match(r"\s*<(rss|feed|rdf:RDF)[\s>]", head, re.IGNORECASE))


def read_feed(text: str, *, name: str, url: str = "") -> list[Article]:
    """The entries of an RSS/Atom document. Raises ``UnsupportedFile`` (not a
    feed), ``EmptyInput`` (a feed without entries that hold text) or
    ``InputTooLarge`` (elements nested deeper than the HTML limit)."""
    import feedparser

    check_depth(text, name=name)
    text = _XML_DECL.sub("", text, count=1)
    data = ('<?xml version="1.0" encoding="utf-8"?>\n' + text).encode("utf-8")
    parsed = feedparser.parse(io.BytesIO(data), response_headers={
        "content-type": "application/xml; charset=utf-8",
        "content-location": url or "http://localhost/",
    })
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("version"):
            raise UnsupportedFile(name, "not a valid RSS or Atom feed")
        raise EmptyInput(name, "the feed has no entries")
    source = _plain(parsed.feed.get("title", ""))
    language = str(parsed.feed.get("language", "") or "ar")[:2].lower() or "ar"
    articles = []
    for entry in parsed.entries:
        article = _entry_article(entry, source=source, language=language)
        if article is not None:
            articles.append(article)
    if not articles:
        raise EmptyInput(name, "no entry of the feed holds text")
    return articles


def _plain(value: str) -> str:
    text = html_to_text(value) if "<" in value or "&" in value else value
    text = re.sub(r"\s+", " ", text).strip()
    return to_logical(text) if has_presentation_forms(text) else text


def _entry_article(entry: Any, *, source: str, language: str) -> Article | None:
    markup = ""
    for content in entry.get("content", []) or []:
        if content.get("value"):
            markup = content["value"]
            break
    markup = markup or entry.get("summary", "") or entry.get("description", "")
    body_text = html_to_text(markup) if markup else ""
    if has_presentation_forms(body_text):
        body_text = to_logical(body_text)
    paragraphs = split_paragraphs(body_text)
    title = _plain(entry.get("title", ""))
    if not paragraphs and not title:
        return None
    if not paragraphs:
        paragraphs = [title]
    if not title:
        title = headline_from(paragraphs[0])
    link = str(entry.get("link", "") or "")
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    return Article(
        title=title,
        body="\n".join(paragraphs),
        url=link if link.startswith(("http://", "https://")) else "",
        author=_plain(entry.get("author", "") or ""),
        published=time.strftime("%Y-%m-%dT%H:%M:%SZ", published) if published else "",
        source=source,
        language=language if language.isalpha() else "ar",
    )
