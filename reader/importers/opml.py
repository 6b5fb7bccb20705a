"""OPML, the list of subscriptions every feed reader exchanges.

``read_opml(text, name=...)`` gives the feeds an OPML document lists: each
``<outline>`` with an ``xmlUrl`` is a feed (its ``title``, else its
``text``; its ``htmlUrl``), and the outlines around it without one are its
folders, nested names joined with "/" (as RSS Guard, QuiteRSS, Liferea,
NetNewsWire and Feedly write them). Attribute names are matched without
regard to case (``xmlurl`` is met in the wild). ``write_opml(feeds)``
writes OPML 2.0 that those programs read: a nested folder as nested
outlines, so that it reads back as the same path.

Raises ``UnsupportedFile`` (not OPML, or not well-formed XML),
``EmptyInput`` (no feed address in it), ``InputTooLarge`` (nested too deep).
Parsed with the standard library's expat, which fetches nothing and limits
entity expansion.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from xml.sax.saxutils import quoteattr

from reader.errors import EmptyInput, ReaderError, UnsupportedFile
from reader.importers.html import check_depth


@dataclass(frozen=True, slots=True)
class Outline:
    """One feed of an OPML list."""

    url: str
    title: str = ""
    folder: str = ""
    site_url: str = ""


def read_opml(text: str, *, name: str,
              on_skip: Callable[[ReaderError], None] | None = None) -> list[Outline]:
    """The feeds listed, in document order, each once (see the module).
    An address that ``feeds add`` would refuse (``http://[::1``, a space
    inside, ``file:`` or any scheme but http and https, which is all the
    fetcher reads) is left out and told to ``on_skip`` (subject: the
    outline's name, else ``name``; the cause names the address): followed,
    it would fail at every refresh. An address without a scheme is read as
    ``feeds add`` reads it (``https://``). Empty when every feed listed was
    refused (each told)."""
    from reader.importers.subscriptions import feed_address

    check_depth(text, name=name, kind="OPML")
    try:
        root = ET.fromstring(text.lstrip("\ufeff"))
    except ET.ParseError as err:
        raise UnsupportedFile(name, f"not well-formed OPML: {err}") from None
    if root.tag.lower() != "opml":
        raise UnsupportedFile(name, "not an OPML document")
    body = next((child for child in root if child.tag.lower() == "body"), None)
    found: dict[str, Outline] = {}
    listed = False
    for outline in _walk(body if body is not None else root, ()):
        listed = True
        try:
            address = feed_address(outline.url)
        except ReaderError as err:
            if on_skip is not None:
                on_skip(ReaderError(outline.title or name, err.line()))
            continue
        found.setdefault(address, replace(outline, url=address))
    if not listed:
        raise EmptyInput(name, "the OPML lists no feed")
    return list(found.values())


def _walk(element: ET.Element, folders: tuple[str, ...]) -> Iterator[Outline]:
    for child in element:
        if child.tag.lower() != "outline":
            continue
        attrs = {k.lower(): v.strip() for k, v in child.attrib.items()}
        label = attrs.get("title") or attrs.get("text") or ""
        if attrs.get("xmlurl"):
            yield Outline(attrs["xmlurl"], label, "/".join(folders), attrs.get("htmlurl", ""))
        yield from _walk(child, (*folders, label) if not attrs.get("xmlurl") and label
                         else folders)


def write_opml(feeds: Iterable[Outline], *, title: str = "rtl-reader") -> str:
    """OPML 2.0 for ``feeds``: each folder an outline holding its feeds and
    its subfolders (``عربي/محلي`` is the outline محلي inside the outline
    عربي, the way ``read_opml`` and other readers read folders), in the
    order first met. Empty names in a path (``a//b``) are left out: an
    outline without a name is no folder to a reader."""
    root = _Folder()
    for feed in feeds:
        folder = root
        for name in (part for part in feed.folder.split("/") if part):
            if name not in folder.folders:
                folder.folders[name] = _Folder()
                folder.members.append(name)
            folder = folder.folders[name]
        folder.members.append(feed)

    def write(folder: _Folder, indent: str) -> Iterator[str]:
        for member in folder.members:
            if isinstance(member, Outline):
                label = quoteattr(member.title or member.url)
                site = f" htmlUrl={quoteattr(member.site_url)}" if member.site_url else ""
                yield (f'{indent}<outline type="rss" text={label} title={label} '
                       f"xmlUrl={quoteattr(member.url)}{site}/>")
                continue
            label = quoteattr(member)
            yield f"{indent}<outline text={label} title={label}>"
            yield from write(folder.folders[member], indent + "  ")
            yield f"{indent}</outline>"

    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">',
             f"  <head><title>{_escape(title)}</title></head>", "  <body>",
             *write(root, "    "), "  </body>", "</opml>", ""]
    return "\n".join(lines)


@dataclass(slots=True)
class _Folder:
    """A folder while writing: its feeds and subfolder names in the order
    met, and the subfolders by name."""

    members: list[Outline | str] = field(default_factory=list)
    folders: dict[str, _Folder] = field(default_factory=dict)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
