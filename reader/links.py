"""Links back into the app: ``rtl-reader://article/ID?at=START`` (DESIGN decision 8).

Pure Python, no Qt: the CLI's ``open`` command parses a link before it loads
the GUI, and the exporters write the same form. ``START`` is a str index into
the article's body (code points), as every offset in the project.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from reader.errors import ReaderError

SCHEME = "rtl-reader"

_DIGITS = re.compile(r"[0-9]{1,18}")
"""ASCII digits only (``str.isdigit`` would take ٣ and ³), short enough for SQLite."""


def article_link(article_id: int, at: int | None = None) -> str:
    """The link that opens article ``article_id`` (scrolled to body index ``at``)."""
    link = f"{SCHEME}://article/{int(article_id)}"
    return link if at is None else f"{link}?at={int(at)}"


def parse_article_link(uri: str) -> tuple[int, int | None]:
    """``(article_id, at)`` from ``rtl-reader://article/ID[?at=START]``.

    The scheme and the word ``article`` are case-insensitive; a trailing ``/``
    is allowed; ``at`` is absent (None) or a non-negative decimal; unknown
    query parameters and a fragment are ignored (a browser may add them).
    Raises ReaderError (``subject`` the link) for anything else: another
    scheme, a missing or non-decimal id, a repeated or malformed ``at``.
    """
    text = uri.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        raise ReaderError(uri, "not an rtl-reader link") from None
    if parts.scheme.lower() != SCHEME:
        raise ReaderError(uri, f"not an {SCHEME}:// link")
    if parts.netloc.lower() != "article":
        raise ReaderError(uri, f"expected {SCHEME}://article/ID")
    path = parts.path[:-1] if parts.path.endswith("/") else parts.path
    ident = path[1:] if path.startswith("/") else path
    if not _DIGITS.fullmatch(ident) or int(ident) == 0:
        raise ReaderError(uri, "the article ID must be a positive number")
    try:
        query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=False)
    except ValueError:
        raise ReaderError(uri, "malformed query") from None
    at: int | None = None
    values = query.get("at")
    if values is not None:
        if len(values) != 1 or not _DIGITS.fullmatch(values[0]):
            raise ReaderError(uri, "at= must be one non-negative number")
        at = int(values[0])
    return int(ident), at
