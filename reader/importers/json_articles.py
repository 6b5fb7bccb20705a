"""Articles in the JSON other programs write: scrapers, news APIs, archives.

``articles_in(data, *, name)`` takes parsed JSON that is not rtl-reader's own
export and returns its articles. The shapes read:

- one object that is an article;
- a list of them, or an object holding one under ``articles``, ``items``,
  ``entries``, ``results``, ``data`` or ``documents``;
- JSON Lines (``.jsonl``, ``.ndjson``): one such object a line (parsed by
  ``reader.importers.jsonfile``, which hands the list here).

An object is an article when it has a body under one of the keys below (the
first non-empty string wins), as news APIs and archives name them:
``body``/``text``/``content``/``articleBody``…, ``title``/``headline``; the
standfirst from ``subtitle``/``abstract``/``summary``/``description`` unless
the body already begins with it; ``author``/``authors`` (a string, a list,
or objects with a ``name``), ``source``/``src``/``site``/``publisher``,
``url``/``link``, and the date from ``published``/``date``/``time``/
``pubDate``/``datePublished``…, in ISO 8601, RFC 822 (feeds) or Unix
seconds. A body in HTML is read as a page's text is; without a title, the
body's first sentence is one. Objects that are not articles (no body) are
passed over; a file with no article at all is refused.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from typing import Any

from reader.errors import InputTooLarge, UnsupportedFile
from reader.importers.dates import date_in, iso_utc
from reader.importers.html import html_to_text
from reader.importers.plaintext import headline_from, split_paragraphs
from reader.store.article import Article
from reader.text.visual import has_presentation_forms, to_logical

BODY_KEYS = ("body", "text", "content", "articleBody", "article_body", "article",
             "full_text", "fulltext", "story")
TITLE_KEYS = ("title", "headline")
SUBTITLE_KEYS = ("subtitle", "abstract", "summary", "description", "lead", "standfirst")
CAPTION_KEYS = ("caption",)
BYLINE_KEYS = ("byline", "dateline")
AUTHOR_KEYS = ("author", "authors", "creator", "writer")
SOURCE_KEYS = ("source", "src", "site", "site_name", "publisher", "outlet")
URL_KEYS = ("url", "link", "href", "permalink")
DATE_KEYS = ("published", "date", "time", "pubDate", "datePublished", "published_at",
             "publishedAt", "pub_date", "created_at", "timestamp")
LANGUAGE_KEYS = ("language", "lang")
LIST_KEYS = ("articles", "items", "entries", "results", "data", "documents")

_TAG = re.compile(r"<(?:p|br|div|span|a|b|i|em|strong|h[1-6]|ul|ol|li|img|figure|blockquote)\b",
                  re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def articles_in(data: Any, *, name: str) -> list[Article]:
    """The articles of parsed JSON ``data`` (module docstring), in order.

    Raises UnsupportedFile (subject ``name``) when it holds no article, and
    InputTooLarge when a body's HTML nests deeper than ``MAX_HTML_DEPTH``.
    """
    try:
        articles = [a for a in map(_article, _objects(data)) if a is not None]
    except InputTooLarge as err:  # a body's HTML nested too deep
        raise InputTooLarge(name, err.message) from None
    if not articles:
        raise UnsupportedFile(name, "JSON with no article in it (no object with a body "
                                    "or text)")
    return articles


def _objects(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, dict):
        for key in LIST_KEYS:
            inner = data.get(key)
            if isinstance(inner, list):
                return [item for item in inner if isinstance(item, dict)]
        return [data]
    if isinstance(data, list):
        return [item for item in data if isinstance(item, dict)]
    return []


def _article(entry: dict[str, Any]) -> Article | None:
    paragraphs = split_paragraphs(_text(_first(entry, BODY_KEYS)))
    if not paragraphs:
        return None
    title = _line(_first(entry, TITLE_KEYS))
    subtitle = _line(_first(entry, SUBTITLE_KEYS))
    if _SPACES.sub(" ", paragraphs[0]).startswith(subtitle.rstrip(".… ")):
        subtitle = ""  # an abstract that is the body's opening, as archives keep it
    url = _line(_first(entry, URL_KEYS))
    language = _line(_first(entry, LANGUAGE_KEYS))
    return Article(
        title=title or headline_from(paragraphs[0]),
        body="\n".join(paragraphs),
        subtitle=subtitle,
        caption=_line(_first(entry, CAPTION_KEYS)),
        byline=_line(_first(entry, BYLINE_KEYS)),
        author=_line(_names(_first_value(entry, AUTHOR_KEYS))),
        source=_line(_names(_first_value(entry, SOURCE_KEYS))),
        url=url if url.startswith(("http://", "https://")) else "",
        published=_date(_first_value(entry, DATE_KEYS)),
        language=language if language.isalpha() and len(language) <= 8 else "ar",
    )


def _first_value(entry: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = entry.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _first(entry: dict[str, Any], keys: tuple[str, ...]) -> str:
    """The first of ``keys`` holding a non-blank string."""
    for key in keys:
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return ""


_ID_ONLY = re.compile(r"\s*[0-9A-Fa-f]{8}-(?:[0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}\s*")
"""A UUID: what some archives put under ``author`` (an id in their own
records), which names nobody: shown as the byline, it read as one."""


def _names(value: Any) -> str:
    """An author or source as a string: itself, a list joined with ``، ``, or
    the ``name`` of an object (schema.org's Person and Organization); an
    author that is only a UUID gives ""."""
    if isinstance(value, str):
        return "" if _ID_ONLY.fullmatch(value) else value
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return "، ".join(n for n in map(_names, value) if n.strip())
    return ""


def _text(value: str) -> str:
    """A body: its page text when it is HTML, in logical order."""
    text = html_to_text(value) if _TAG.search(value) else value
    return to_logical(text) if has_presentation_forms(text) else text


def _line(value: str) -> str:
    return _SPACES.sub(" ", _text(value)).strip()


def _date(value: Any) -> str:
    """An ISO 8601 date or UTC date-time from what archives write; "" when
    none can be read."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        try:
            # Unix time, in seconds or (above year 33658) milliseconds.
            when = dt.datetime.fromtimestamp(value / 1000 if value > 1e12 else value, dt.UTC)
        except (OverflowError, OSError, ValueError):  # past a float, or the calendar
            return ""
        return iso_utc(when)
    if not isinstance(value, str):
        return ""
    text = value.strip()
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):  # a year past C's int
            return date_in(text)
    if when.tzinfo is None:
        return when.isoformat() if len(text) > 10 else when.date().isoformat()
    return iso_utc(when)
