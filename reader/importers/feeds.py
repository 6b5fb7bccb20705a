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

A document that is not well-formed XML is read as far as feedparser's
lenient parser can, and its ``FeedDocument.damage`` names the first fault
and its place (``well_formed``): the entries of a feed cut short are kept,
and the feed is shown as failing. Faults that lose nothing (an HTML entity,
a bare ``&``, an undeclared prefix, text after the root) are no damage.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import urllib.parse
import xml.parsers.expat
import xml.sax
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reader.errors import EmptyInput, InputTooLarge, UnsupportedFile
from reader.importers.dates import iso_utc
from reader.importers.html import check_depth, html_to_text
from reader.importers.plaintext import headline_from, split_paragraphs
from reader.store.article import Article
from reader.store.feeds import MAX_TITLE_CHARS
from reader.text.spans import shortened
from reader.text.visual import has_presentation_forms, to_logical

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# One item of a prolog: a comment, a processing instruction (the XML
# declaration among them) or a DOCTYPE, its internal subset ([<!ENTITY nbsp
# "&#160;">]) included: its ">" does not end the DOCTYPE. Matched one at a
# time where the last ended, each in one way only: a repeated group of lazy
# parts backtracked exponentially on a prolog that never closes (a file of
# a hundred bytes, "<!DOCTYPE x [a][a]...", hung the import).
_PROLOG_ITEM = re.compile(r"\s*(?:<!--.*?-->|<\?.*?\?>|<!DOCTYPE[^>\[]*(?:\[[^\]]*\][^>\[]*)?>)",
                          re.S)
_DOCTYPE = re.compile(r"\s*<!DOCTYPE", re.IGNORECASE)
_FEED_ROOT = re.compile(r"\s*<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)



def prolog_end(text: str, *, doctype: bool = True) -> int:
    """Where the prolog of ``text`` ends: after leading byte-order marks, the
    comments, processing instructions and (``doctype``) the DOCTYPE before
    its root element. Any length (a licence comment, a DOCTYPE declaring
    hundreds of entities), in time linear in it."""
    pos = len(text[:16]) - len(text[:16].lstrip("\ufeff"))
    while (item := _PROLOG_ITEM.match(text, pos)) and (doctype or not _DOCTYPE.match(text, pos)):
        pos = item.end()
    return pos


def looks_like_feed(text: str) -> bool:
    """True when the document's root element is ``rss``, ``feed`` or ``rdf:RDF``."""
    return bool(_FEED_ROOT.match(text, prolog_end(text)))


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of a feed: its article, the keys that name it (its id and
    its link without tracking parameters: ``entry_keys``), and whether the
    feed gave only a summary of it (no full content)."""

    article: Article
    keys: tuple[str, ...]
    summary_only: bool

    @property
    def text_key(self) -> str:
        """The key of what the entry says (``text_key``): under the same id,
        another one is the entry edited."""
        return text_key(self.article)


@dataclass(frozen=True, slots=True)
class FeedDocument:
    """A parsed feed: its own title and site address, and its entries."""

    title: str
    site_url: str
    entries: list[Entry]
    listed: int
    """Entries the document holds, those without text included."""
    damage: str = ""
    """Why the document is not well-formed XML, with the place (``well_formed``);
    "" when it is. Its entries are those read before or past the fault."""


def read_feed(text: str, *, name: str, url: str = "",
              on_note: Callable[[str], None] | None = None) -> list[Article]:
    """The entries of an RSS/Atom document. Raises ``UnsupportedFile`` (not a
    feed), ``EmptyInput`` (a feed without entries that hold text) or
    ``InputTooLarge`` (elements nested deeper than the HTML limit). A
    document that is not well-formed gives its entries read and ``on_note``
    one line ``<name>: <the fault>`` (as a followed feed is shown failing)."""
    document = parse_feed(text, name=name, url=url)
    if document.damage and on_note is not None:
        on_note(f"{name}: {document.damage}")
    if not document.listed:
        raise EmptyInput(name, "the feed has no entries")
    if not document.entries:
        raise EmptyInput(name, "no entry of the feed holds text")
    return [entry.article for entry in document.entries]


def parse_feed(text: str, *, name: str, url: str = "") -> FeedDocument:
    """The feed's title, site and entries. A feed without entries, or
    without any that holds text, is a feed all the same (a site may empty
    it between two refreshes): only what is no feed raises, with
    ``UnsupportedFile``, and what is nested too deep, ``InputTooLarge``."""
    import feedparser

    check_depth(text, name=name, kind="XML")
    declaration = _XML_DECL.match(text)
    skipped = declaration.end() if declaration else 0
    data = ('<?xml version="1.0" encoding="utf-8"?>\n' + text[skipped:]).encode("utf-8")
    parsed = feedparser.parse(io.BytesIO(data), response_headers={
        "content-type": "application/xml; charset=utf-8",
        "content-location": url or "http://localhost/",
    })
    if not parsed.entries and not parsed.get("version"):
        raise UnsupportedFile(name, "not a valid RSS or Atom feed")
    # feedparser's "bozo" is also set for what is no fault of the document
    # (an encoding other than declared, an unexpected content type): only its
    # strict parser's refusal (a SAXException) is looked at, and placed.
    fault = _fault(text, skipped) \
        if isinstance(parsed.get("bozo_exception"), xml.sax.SAXException) else None
    read = _whole_entries(parsed.entries, text, skipped, fault)
    try:
        source = shortened(_plain(parsed.feed.get("title", "")), MAX_TITLE_CHARS)
        language = str(parsed.feed.get("language", "") or "ar")[:2].lower() or "ar"
        entries = []
        for entry in read:
            article = _entry_article(entry, source=source, language=language)
            if article is not None:
                full = any(c.get("value") for c in entry.get("content", []) or [])
                entries.append(Entry(article, entry_keys(entry, article), not full))
    except InputTooLarge as err:  # an entry's escaped HTML nested too deep
        raise InputTooLarge(name, err.message) from None
    site = str(parsed.feed.get("link", "") or "")
    return FeedDocument(source, site if site.startswith(("http://", "https://")) else "",
                        entries, len(parsed.entries), fault.line if fault else "")


_BARE_AMPERSAND = re.compile(r"&(?!#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z_:][\w.:-]*;)")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_JUNK_AFTER_ROOT = xml.parsers.expat.errors.codes[
    xml.parsers.expat.errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT]
_CUT_SHORT = frozenset(xml.parsers.expat.errors.codes[message] for message in (
    xml.parsers.expat.errors.XML_ERROR_NO_ELEMENTS,
    xml.parsers.expat.errors.XML_ERROR_UNCLOSED_TOKEN,
    xml.parsers.expat.errors.XML_ERROR_UNCLOSED_CDATA_SECTION,
    xml.parsers.expat.errors.XML_ERROR_PARTIAL_CHAR))
_ENTRY_END = re.compile(r"</(?:[\w.-]+:)?(?:item|entry)\s*>", re.IGNORECASE)
_TAG_MISMATCH = xml.parsers.expat.errors.codes[xml.parsers.expat.errors.XML_ERROR_TAG_MISMATCH]
_ENTRY_START = re.compile(r"<(?:[\w.-]+:)?(?:item|entry)[\s>/]", re.IGNORECASE)


def _whole_entries(entries: list[Any], text: str, start: int, fault: _Fault | None) -> list[Any]:
    """``entries`` (what the lenient parser read of ``text``) without the
    one a fault of structure falls inside: a stub (a title, half a body)
    that, stored, would stay beside the whole entry once the feed is
    mended. A feed cut short loses the entry it ends in. Past a mismatched
    tag (an element left open: one was stored with half its body, a
    tester's day) only the entry around it goes, or, when the parser did
    not read the entries one for one (an entry left open swallows what
    follows it), every entry from it on. Other faults (an entity refused)
    leave the entries as read."""
    if fault is None or not (fault.cut_short or fault.mismatched):
        return entries
    ended = len(_ENTRY_END.findall(text, start, fault.offset))
    if fault.cut_short or len(_ENTRY_END.findall(text, start)) != len(entries):
        return entries[:ended]
    last_end = max((m.end() for m in _ENTRY_END.finditer(text, start, fault.offset)),
                   default=start)
    if _ENTRY_START.search(text, last_end, fault.offset) is None:
        return entries  # the fault lies between entries
    return entries[:ended] + entries[ended + 1:]


def well_formed(text: str, start: int = 0) -> str:
    """Why ``text`` from ``start`` (past an XML declaration) is not
    well-formed XML, as "not well-formed XML at line L, column C (the
    parser's words, or "cut short" where the text ends too soon)" with L
    and C counted in ``text`` as an editor counts them (from 1, in
    characters); "" when it is, or when its only faults are those a lenient
    parser reads past without losing a word: HTML entities (``&nbsp;``), a
    bare ``&`` (``AT&T``), a namespace prefix never declared (``media:``)
    and anything after the root element (a server's warning)."""
    fault = _fault(text, start)
    return fault.line if fault else ""


@dataclass(frozen=True, slots=True)
class _Fault:
    line: str
    offset: int
    """Where in the text (a character's index)."""
    cut_short: bool
    """The text ends inside an element or a token."""
    mismatched: bool = False
    """An end tag that closes no open element (one left open before it)."""


def _fault(text: str, start: int) -> _Fault | None:
    """The first fault of ``well_formed``, or None."""
    # A bare "&" becomes another character of the same length: the places
    # of the faults after it stay where they are in ``text``.
    body = _BARE_AMPERSAND.sub("_", text[start:])
    parser = xml.parsers.expat.ParserCreate()  # no namespaces: prefixes unchecked
    parser.UseForeignDTD(True)  # an undefined entity is skipped, not a fault
    try:
        parser.Parse(body, True)
    except xml.parsers.expat.ExpatError as err:
        if err.code == _JUNK_AFTER_ROOT:
            return None
        # expat counts the lines of ``body`` from 1, the columns from 0.
        starts = [0, *(m.end() for m in _LINE_BREAK.finditer(body))]
        offset = start + starts[min(err.lineno, len(starts)) - 1] + err.offset
        line, column = _place(text, offset)
        cut = err.code in _CUT_SHORT
        reason = "cut short" if cut else xml.parsers.expat.errors.messages[err.code]
        return _Fault(f"not well-formed XML at line {line}, column {column} ({reason})",
                      offset, cut, err.code == _TAG_MISMATCH)
    return None


def _place(text: str, offset: int) -> tuple[int, int]:
    """Line and column (both from 1) of ``offset`` in ``text``."""
    before = text[:offset]
    breaks = list(_LINE_BREAK.finditer(before))
    return len(breaks) + 1, offset - (breaks[-1].end() if breaks else 0) + 1


TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|"
                      r"ref|ref_src|ref_url|cmpid|ocid|xtor|at_medium|at_campaign|"
                      r"_ga|_gl|s_cid|smid|rss|feed|from)$", re.IGNORECASE)
"""Query parameters that say where a reader came from, not what they read."""


def normalize_link(link: str) -> str:
    """A link as the same page's other links would read: no scheme (http and
    https are one page), host in lower case, default port and fragment
    dropped, tracking parameters (``TRACKING``) removed, a final slash
    dropped. "" for anything that is not an http(s) link."""
    parts = urllib.parse.urlsplit(link.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    host = parts.hostname.lower()
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = urllib.parse.urlencode([(k, v) for k, v in urllib.parse.parse_qsl(
        parts.query, keep_blank_values=True) if not TRACKING.match(k)])
    path = parts.path.rstrip("/") or "/"
    return host + path + (f"?{query}" if query else "")


def entry_keys(entry: Any, article: Article) -> tuple[str, ...]:
    """The keys an entry is known by: its id (RSS guid, Atom id) and its
    normalized link; a hash of its title and text when it has neither. An
    entry republished under a new id, or with its link decorated, still
    shares a key with what was seen before."""
    keys = []
    ident = str(entry.get("id", "") or "").strip()
    if ident:
        keys.append("id:" + (normalize_link(ident) or ident))
    link = normalize_link(str(entry.get("link", "") or ""))
    if link:
        keys.append("link:" + link)
    if not keys:
        keys.append(text_key(article))
    return tuple(dict.fromkeys(keys))


def text_key(article: Article) -> str:
    """``text:`` and a hash of the article's title and text."""
    digest = hashlib.sha256(f"{article.title}\n{article.body}".encode(
        "utf-8", "replace")).hexdigest()[:32]
    return "text:" + digest


_ALTERNATE = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def discover(page: str, base_url: str) -> list[str]:
    """The feeds a web page names (``<link rel="alternate"
    type="application/rss+xml">`` or Atom), as absolute addresses, in the
    page's order."""
    found = []
    for tag in _ALTERNATE.findall(page[:500_000]):
        attrs = {m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
                 for m in _ATTRIBUTE.finditer(tag)}
        rels = attrs.get("rel", "").lower().split()
        kind = attrs.get("type", "").lower()
        if "alternate" in rels and kind in ("application/rss+xml", "application/atom+xml") \
                and attrs.get("href"):
            address = urllib.parse.urljoin(base_url, attrs["href"])
            if address.startswith(("http://", "https://")) and address not in found:
                found.append(address)
    return found


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
    # The stored keys themselves (dict.get): FeedParserDict answers a missing
    # updated_parsed with published_parsed and a DeprecationWarning.
    published = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    return Article(
        title=title,
        body="\n".join(paragraphs),
        url=link if link.startswith(("http://", "https://")) else "",
        author=_plain(entry.get("author", "") or ""),
        published=iso_utc(published) if published else "",
        source=source,
        language=language if language.isalpha() else "ar",
    )
