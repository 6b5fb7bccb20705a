"""Web addresses -> Articles: fetch with urllib, decode, import as a saved page.

Only ``http`` and ``https`` addresses are fetched, and redirects may only go
to those schemes. The response is read up to ``MAX_FETCH_BYTES`` (a larger
answer raises ``InputTooLarge``, nothing imported). The charset of the
``Content-Type`` header wins over anything the page declares. A feed
(by content type or content) gives one article per entry; a ``text/plain``
answer is read as plain text; anything else as an HTML page. The article's
``url`` is the address finally fetched (after redirects) unless the page
names its canonical address.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from email.message import Message
from typing import IO, Any

from reader import __version__
from reader.errors import FetchFailed, InputTooLarge, UnsupportedFile
from reader.importers.decode import decode_bytes
from reader.importers.sniff import import_text
from reader.store.article import Article

MAX_FETCH_BYTES = 20 * 1024 * 1024
"""Answers larger than 20 MB are refused (a news page is well under 2 MB)."""

USER_AGENT = f"rtl-reader/{__version__} (+https://example.org/rtl-reader)"

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/xml", "text/xml", "application/feed+json")
_TEXT_TYPES = ("text/", "application/xhtml+xml", "application/xml", "application/json")


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http/https only (urllib also allows ftp)."""

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int,
                         msg: str, headers: Message, newurl: str) -> urllib.request.Request | None:
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise FetchFailed(req.full_url, f"redirected to a non-web address: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_url(url: str, *, timeout: float = 20,
              on_note: Callable[[str], None] | None = None) -> list[Article]:
    """The articles of the page (or feed) at ``url``.

    Raises (``subject`` is ``url``): ``FetchFailed`` (not http/https, network
    or HTTP error, timeout), ``InputTooLarge``, ``UnsupportedFile`` (an image
    or other binary answer), and the decoding and import errors of a file.
    """
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise FetchFailed(url, "only http:// and https:// addresses can be fetched")
    request = urllib.request.Request(_ascii_url(url.strip()), headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                  "text/plain;q=0.8,*/*;q=0.5",
        "Accept-Language": "ar,en;q=0.5",
    })
    opener = urllib.request.build_opener(_SafeRedirects())
    try:
        with opener.open(request, timeout=timeout) as response:
            final_url = response.geturl()
            headers = response.headers
            data = _read_limited(response, url)
    except FetchFailed as err:  # from the redirect handler
        raise FetchFailed(url, err.message) from None
    except urllib.error.HTTPError as err:
        raise FetchFailed(url, f"the server answered {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        raise FetchFailed(url, f"cannot reach the server: {_reason(err.reason)}") from None
    except TimeoutError:
        raise FetchFailed(url, f"no answer within {timeout:g} seconds") from None
    except (OSError, ValueError) as err:  # connection reset, bad status line, bad URL
        raise FetchFailed(url, f"the fetch failed: {_reason(err)}") from None

    content_type = headers.get_content_type() if headers else ""
    if content_type and not content_type.startswith(_TEXT_TYPES) and \
            content_type not in _FEED_TYPES and content_type != "application/octet-stream":
        raise UnsupportedFile(url, f"the answer is {content_type}, not a page or a feed")
    charset = headers.get_content_charset() if headers else None
    text = decode_bytes(data, name=url, declared=charset)
    if content_type in _FEED_TYPES[:3]:
        kind: str | None = "feed"
    elif content_type == "text/plain":
        kind = "text"
    elif content_type in ("application/json", "application/feed+json"):
        kind = "json"
    elif content_type in ("application/xml", "text/xml"):
        kind = "feed"
    else:
        kind = "html"
    articles = import_text(text, name=url, kind=kind, url=final_url, on_note=on_note)
    for article in articles:
        if not article.url:
            article.url = final_url
    return articles


def _ascii_url(url: str) -> str:
    """``url`` as urllib can send it: an international host name in IDNA, and
    non-ASCII path, query and fragment characters percent-encoded (addresses
    copied from an Arabic site's address bar hold Arabic letters)."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        raise FetchFailed(url, f"not a valid host name: {host}") from None
    netloc = parts.netloc.replace(host, ascii_host) if host else parts.netloc
    safe = "/:@!$&'()*+,;=%~-._"
    return urllib.parse.urlunsplit((
        parts.scheme, netloc, urllib.parse.quote(parts.path, safe=safe),
        urllib.parse.quote(parts.query, safe=safe + "?"),
        urllib.parse.quote(parts.fragment, safe=safe + "?"),
    ))


def _read_limited(response: Any, url: str) -> bytes:
    length = response.headers.get("Content-Length") if response.headers else None
    if length and length.isdigit() and int(length) > MAX_FETCH_BYTES:
        raise InputTooLarge(url, f"the answer is over the {MAX_FETCH_BYTES // 1048576} MB limit")
    data = response.read(MAX_FETCH_BYTES + 1)
    if len(data) > MAX_FETCH_BYTES:
        raise InputTooLarge(url, f"the answer is over the {MAX_FETCH_BYTES // 1048576} MB limit")
    return bytes(data)


def _reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or type(reason).__name__
