"""Saved web pages (HTML, XHTML) -> Article, through trafilatura.

trafilatura finds the main text and the metadata (title, author, site name,
canonical address; the publication date only when the page's metadata states
it, never guessed from a URL's year). Scripts, styles, frames, forms, event
handlers, ``javascript:`` links and images never reach the article: it holds
text only, and nothing is ever fetched while importing.

When trafilatura finds nothing (a tiny page whose ``<body>`` is just text),
the page falls back to a plain-text reading of its ``<body>`` with lxml.

The title: trafilatura's, unless it is useless (empty, an encoding name such
as "windows-1256", no letters, or Latin when the article is Arabic); then the
``og:title``, the first ``<h1>``/``<h2>``, or the first sentence of the text.

Limits, checked on the text before any parser sees it: ``MAX_HTML_DEPTH``
levels of nested elements (``InputTooLarge``; lxml and trafilatura recurse).
libxml2's own limits (256 levels, 10 MB in one text node), past which it
stops reading without an error, are lifted for lxml and trafilatura alike.
"""

from __future__ import annotations

import codecs
import functools
import re
from typing import Any

from reader.errors import EmptyInput, InputTooLarge
from reader.importers.clean import REPLACEMENT
from reader.importers.plaintext import article_paragraphs, headline_from
from reader.store.article import Article

MAX_HTML_DEPTH = 400
"""Elements nested deeper than this are refused before parsing (real pages
stay under about 60)."""

# Elements whose end tag is optional or absent: they do not count as nesting.
_VOID_OR_OPTIONAL = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "thead",
    "tbody", "tfoot", "colgroup", "rt", "rp", "optgroup", "html", "head", "body",
})
# [^<>] keeps the scan linear on text full of "<" with no ">" after it.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_DROP = ("script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed",
         "template", "svg", "math", "button", "input", "select", "textarea", "head", "nav",
         "canvas", "video", "audio", "picture", "img", "figure")
_BLOCKS = ("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th",
           "blockquote", "pre", "section", "article", "header", "footer", "aside", "dt",
           "dd", "figcaption", "table", "ul", "ol", "dl", "hr", "address", "main")
_USELESS_TITLES = frozenset({"untitled", "document", "home", "index", "page", "new page",
                             "بدون عنوان"})


def check_depth(text: str, *, name: str, kind: str = "HTML") -> None:
    """Raise ``InputTooLarge`` when elements nest deeper than ``MAX_HTML_DEPTH``
    (``kind`` names the markup in the message: HTML, a feed's XML, OPML).

    A linear scan of the tags (no recursion), counting elements that must be
    closed; stray end tags never make the depth negative.
    """
    depth = 0
    for match in _TAG.finditer(text):
        closing, tag, self_closing = match.groups()
        tag = tag.lower()
        if tag in _VOID_OR_OPTIONAL or self_closing:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > MAX_HTML_DEPTH:
                raise InputTooLarge(
                    name, f"{kind} nested more than {MAX_HTML_DEPTH} levels deep; not parsed")


def html_to_text(markup: str) -> str:
    """The visible text of an HTML fragment or page, one block per line.

    Scripts, styles, frames, forms, images and the ``<head>`` are dropped;
    whitespace inside a block collapses to one space as a browser shows it.
    Raises ``InputTooLarge`` with no subject (the caller names its input)
    for elements nested deeper than ``MAX_HTML_DEPTH``: lxml reads a limited
    depth and drops what lies below without a word.
    """
    check_depth(markup, name="")
    root = _parse(markup)
    if root is None:
        return ""
    return _visible_text(root)


def read_html(text: str, *, name: str, url: str = "") -> list[Article]:
    """One article from a saved page. ``url`` is where it came from, if known.

    Raises ``InputTooLarge`` (nesting), ``EmptyInput`` (no text in the page).
    """
    check_depth(text, name=name)
    text = _xml_safe(_XML_DECL.sub("", text, count=1))
    doc = _extract(text, url)
    body_text = str(doc.get("text") or "") if doc else ""
    root = _parse(text)
    if not body_text.strip() and root is not None:
        body_text = html_to_text(text)  # its own tree: root keeps the <head> for the title
    paragraphs = article_paragraphs(body_text)
    if not paragraphs:
        raise EmptyInput(name, "no article text found in the page")

    title = _choose_title(doc, root, paragraphs)
    if paragraphs and paragraphs[0] == title and len(paragraphs) > 1:
        paragraphs = paragraphs[1:]
    article = Article(title=title, body="\n".join(paragraphs))
    if doc:
        article.author = _clean(doc.get("author"))
        article.published = _clean(doc.get("date"))
        article.source = _clean(doc.get("sitename")) or _clean(doc.get("hostname"))
        article.url = _clean(doc.get("url"))
    if url:
        article.url = article.url or url
        if not article.url.startswith(("http://", "https://")):
            article.url = url
    if article.url and not article.url.startswith(("http://", "https://")):
        article.url = ""
    lang = (root.get("lang") or "").strip().lower()[:2] if root is not None else ""
    if lang.isalpha():
        article.language = lang
    return [article]


# -- helpers ---------------------------------------------------------------


def _parse(markup: str) -> Any:
    import lxml.etree
    import lxml.html

    markup = _XML_DECL.sub("", markup, count=1)
    markup = _xml_safe(markup)
    if not markup.strip():
        return None
    try:
        return lxml.html.document_fromstring(markup, parser=_huge_parser())
    except (lxml.etree.ParserError, ValueError):
        return None


def _huge_parser() -> Any:
    """lxml's HTML parser with libxml2's limits lifted: past 256 levels of
    nesting or 10 MB in one text node it stops without an error, and the
    article ended there. The nesting is checked before (``check_depth``);
    the walks here keep their own stacks."""
    import lxml.html

    return lxml.html.HTMLParser(huge_tree=True)


@functools.cache  # once a process
def _lift_trafilatura_limits() -> None:
    """trafilatura parses with a parser of its own, under the same limits:
    its ``HTML_PARSER`` (module-level, read at each parse) gets the same
    options with the limits lifted. WORKAROUND: trafilatura 2.x offers no
    option for it; a tree parsed by us would skip its repairs of the markup."""
    import lxml.html
    import trafilatura.utils

    trafilatura.utils.HTML_PARSER = lxml.html.HTMLParser(
        collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
        remove_pis=True, huge_tree=True)


def _xml_safe(markup: str) -> str:
    """Without the characters XML forbids (lxml refuses them): vertical tab and
    form feed become spaces, a lone surrogate U+FFFD (lxml would stop reading
    at it), other control characters and U+FFFE/U+FFFF go."""
    return _NOT_XML.sub(_xml_replacement, markup)


def _xml_replacement(match: re.Match[str]) -> str:
    char = match.group()
    if char in "\x0b\x0c":
        return " "
    return REPLACEMENT if "\ud800" <= char <= "\udfff" else ""


def _visible_text(root: Any) -> str:
    """The text of ``root`` as a browser lays it out, one block per line.

    A walk with an explicit stack (no recursion, no change to the tree):
    dropped elements give only their tail, comments and processing
    instructions likewise; block elements start and end a line.
    """
    drop, blocks = frozenset(_DROP), frozenset(_BLOCKS)
    parts: list[str] = []
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else None
        if closing:
            if tag in blocks:
                parts.append("\n")
            if el.tail and el is not root:
                parts.append(el.tail)
            continue
        if tag is None or tag.lower() in drop:
            if el.tail and el is not root:
                parts.append(el.tail)
            continue
        if tag.lower() in blocks:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    text = _xml_safe("".join(parts))
    lines = (re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _extract(text: str, url: str) -> dict[str, Any] | None:
    import trafilatura

    _lift_trafilatura_limits()
    try:
        doc = trafilatura.bare_extraction(
            text, url=url or None, with_metadata=True, include_comments=False,
            include_images=False, include_links=False, include_tables=True,
            # metadata only: the extensive search guesses "2013-01-01" from a URL's year
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:
        return None
    if doc is None:
        return None
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return {k: v for k, v in data.items() if k not in ("body", "commentsbody")}


def _clean(value: object) -> str:
    return re.sub(r"\s+", " ", str(value)).strip() if value else ""


def _useless_title(title: str, paragraphs: list[str]) -> bool:
    if not title or not any(ch.isalpha() for ch in title):
        return True
    if title.strip().lower() in _USELESS_TITLES:
        return True
    try:
        codecs.lookup(title.strip())
        return True  # "windows-1256", "utf-8": a charset where a title should be
    except LookupError:
        pass
    text = " ".join(paragraphs[:5])
    arabic_text = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff")
    arabic_title = sum(1 for ch in title if "\u0600" <= ch <= "\u06ff")
    return arabic_text > len(text) // 3 and arabic_title == 0


def _choose_title(doc: dict[str, Any] | None, root: Any, paragraphs: list[str]) -> str:
    candidates: list[str] = []
    if doc:
        candidates.append(_clean(doc.get("title")))
    if root is not None:
        for xpath in ('//meta[@property="og:title"]/@content',
                      '//meta[@name="twitter:title"]/@content',
                      "//h1", "//h2", "//title"):
            for found in root.xpath(xpath)[:1]:
                value = found if isinstance(found, str) else found.text_content()
                candidates.append(_clean(value))
    for candidate in candidates:
        if not _useless_title(candidate, paragraphs):
            return candidate
    return headline_from(paragraphs[0])
