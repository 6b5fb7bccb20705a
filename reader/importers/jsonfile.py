"""Read JSON articles: rtl-reader's own export (schema in
reader.exporters.jsonfile), or articles as other programs write them
(``reader.importers.json_articles``), as one document or JSON Lines.

``read_json(text, *, name)`` returns an export's articles, whole, with their
user highlights in ``Article.user_highlights``; automatic highlights (quotes,
figures) are not carried over because the store recomputes them at import.
Control characters are dropped from every string before a highlight is
anchored, so its offsets point into the text as it will be stored.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from typing import Any

from reader.errors import DecodeFailed, EmptyInput, UnsupportedFile
from reader.importers.clean import drop_controls
from reader.importers.json_articles import articles_in
from reader.store.article import Article, HighlightRecord
from reader.text.spans import TEXT_FIELDS

FORMAT_ID = "rtl-reader/highlights"
"""The value of the top-level ``format`` key of an export."""

SCHEMA_VERSION = 1
"""The schema version this code writes and the newest it reads."""

_META_FIELDS = ("source", "url", "author", "published", "language", "imported_at")


def read_json(text: str, *, name: str,
              on_note: Callable[[str], None] | None = None) -> list[Article]:
    """The articles of an rtl-reader JSON export, ids cleared (the store gives
    new ones), each with its user highlights (``article_id`` 0, ``id`` None).

    A highlight whose offsets no longer hold its text is re-anchored at the
    occurrence of its text nearest to its old start.

    Any other JSON goes to ``json_articles.articles_in``; JSON Lines (one
    value a line) is read as the list of its lines.

    Raises UnsupportedFile (subject ``name``) for JSON that holds no article
    or an export of a newer schema; DecodeFailed for
    malformed JSON or a malformed export (wrong types, a highlight whose text
    is not in its field). ``on_note`` gets a line for each line of JSON
    Lines that is not JSON (``json_lines``); without it, such a line raises.
    """
    data = _parse(text.removeprefix("\ufeff"), name, on_note)
    if not isinstance(data, dict) or data.get("format") != FORMAT_ID:
        return articles_in(data, name=name)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DecodeFailed(name, f"export has no valid schema version: {version!r}")
    if version > SCHEMA_VERSION:
        raise UnsupportedFile(name, f"export schema version {version} is newer than this "
                                    f"rtl-reader reads ({SCHEMA_VERSION}); upgrade rtl-reader")
    articles = data.get("articles")
    if not isinstance(articles, list):
        raise DecodeFailed(name, "export has no list of articles")
    return [_article(entry, name, i) for i, entry in enumerate(articles)]


def _parse(text: str, name: str, on_note: Callable[[str], None] | None = None) -> Any:
    """``text`` as JSON, or as JSON Lines when it is that and not one document."""
    if not text.strip():
        raise EmptyInput(name, "no text in the file (only blank lines)")
    try:
        return json.loads(text)
    except RecursionError:
        raise DecodeFailed(name, "JSON nested too deeply") from None
    except ValueError as err:
        if "integer string conversion" in str(err):  # Python's advice is not for readers
            raise DecodeFailed(name, "not valid JSON: a number of more than "
                                     f"{sys.get_int_max_str_digits():,} digits") from None
        if not (isinstance(err, json.JSONDecodeError) and err.msg == "Extra data"):
            raise DecodeFailed(name, f"not valid JSON: {err}") from None
    return json_lines(text, name=name, on_skip=on_note)


LINE_BREAK = re.compile(r"\r\n|\r|\n")
"""What ends a line of JSON Lines: LF, CRLF, or a lone CR. Not U+2028,
U+2029 or NEL, which ``str.splitlines`` also splits at: JSON allows them raw
inside a string, and Python's ``json.dumps(..., ensure_ascii=False)`` writes
them so (a line holding one was cut in two and refused)."""


def json_lines(text: str, *, name: str, first_line: int | None = None,
               on_skip: Callable[[str], None] | None = None) -> list[Any]:
    """The value of each non-blank line of ``text``, in order. ``text`` is a
    whole file, or, given ``first_line``, a part of one whose first line is
    that line of the file (``reader.importers.ranges``). A line that is not
    JSON raises DecodeFailed (its ``subject`` is ``name``, the line number in
    the message, or ``name:line`` for a part); given ``on_skip``, it costs
    only itself: ``on_skip`` gets that error's line, said skipped, and the
    other lines are read (a red team: one bad line of 3,000 cost the 443
    good ones of its part, and a small file all of them)."""
    values = []
    for number, line in enumerate(LINE_BREAK.split(text), start=first_line or 1):
        if not line.strip():
            continue
        try:
            values.append(json.loads(line))
            continue
        except RecursionError:
            error = _line_error(name, number, first_line, "JSON nested too deeply",
                                f"line {number}: JSON nested too deeply")
        except ValueError as err:
            error = _line_error(name, number, first_line, f"not valid JSON Lines: {err}",
                                f"not valid JSON Lines: line {number}: {err}")
        if on_skip is None:
            raise error
        on_skip(f"{error.line()} {SKIPPED}")
    return values


SKIPPED = "(skipped; the other lines are imported)"
"""What a line of JSON Lines that is not JSON says after its error."""


def _line_error(name: str, number: int, first_line: int | None, cause: str,
                whole: str) -> DecodeFailed:
    """A part of a file names the line in its subject (``file:line``)."""
    if first_line is not None:
        return DecodeFailed(f"{name}:{number}", cause)
    return DecodeFailed(name, whole)


def _article(entry: Any, name: str, index: int) -> Article:
    where = f"article {index + 1}"
    if not isinstance(entry, dict):
        raise DecodeFailed(name, f"{where} is not an object")
    fields = {f: _string(entry, f, name, where) for f in TEXT_FIELDS}
    meta = {f: _string(entry, f, name, where) for f in _META_FIELDS}
    if not meta["language"]:
        meta["language"] = "ar"
    article = Article(title=fields["title"], body=fields["body"], subtitle=fields["subtitle"],
                      caption=fields["caption"], byline=fields["byline"], **meta)
    highlights = entry.get("highlights", [])
    if not isinstance(highlights, list):
        raise DecodeFailed(name, f"{where}: highlights is not a list")
    for j, raw in enumerate(highlights):
        record = _highlight(raw, article, name, f"{where}, highlight {j + 1}")
        if record is not None:
            article.user_highlights.append(record)
    return article


def _string(entry: dict[str, Any], key: str, name: str, where: str) -> str:
    value = entry.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DecodeFailed(name, f"{where}: {key} is not a string")
    return drop_controls(value)


def _int(entry: dict[str, Any], key: str, name: str, where: str) -> int:
    value = entry.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise DecodeFailed(name, f"{where}: {key} is not a non-negative integer")
    return value


def _highlight(raw: Any, article: Article, name: str, where: str) -> HighlightRecord | None:
    if not isinstance(raw, dict):
        raise DecodeFailed(name, f"{where} is not an object")
    kind = _string(raw, "kind", name, where)
    if kind != "user":
        return None
    field = _string(raw, "field", name, where) or "body"
    if field not in TEXT_FIELDS:
        raise DecodeFailed(name, f"{where}: unknown field {field!r}")
    start, end = _int(raw, "start", name, where), _int(raw, "end", name, where)
    text = _string(raw, "text", name, where)
    if end <= start or not text:
        raise DecodeFailed(name, f"{where}: an empty highlight ({start}-{end})")
    field_text = article.field_text(field)
    if field_text[start:end] != text:
        found = _nearest(field_text, text, start)
        if found < 0:
            raise DecodeFailed(name, f"{where}: its text is not in the article's {field}")
        start, end = found, found + len(text)
    return HighlightRecord(
        article_id=0, field=field, kind="user",
        subtype=_string(raw, "subtype", name, where),
        start=start, end=end, text=text,
        colour=_string(raw, "colour", name, where),
        note=_string(raw, "note", name, where),
        created=_string(raw, "created", name, where),
    )


def _nearest(haystack: str, needle: str, near: int) -> int:
    """The start of the occurrence of ``needle`` closest to ``near``; -1 if none."""
    if not needle:
        return -1
    best, i = -1, haystack.find(needle)
    while i >= 0:
        if best < 0 or abs(i - near) < abs(best - near):
            best = i
        i = haystack.find(needle, i + 1)
    return best
