"""Characters that are never article text: replaced or dropped at import.

- **Lone surrogates** (U+D800..U+DFFF without their pair) are not Unicode
  text: no UTF-8 encoder, and so neither the store nor a terminal, accepts
  them. They come from a JSON ``"\\ud800"`` escape or an ``&#xD800;``
  reference. Like a browser, the importers show each as U+FFFD (the
  replacement character), and so they do with references to no character at
  all (beyond U+10FFFF, or ``&#0;``), and they count them so the import can
  say so in one line.
- **Control characters** (C0 except tab and line feed, DEL, C1) are dropped.
  They are never content, and on a terminal they are commands: ESC starts an
  escape sequence (``\\x1b]0;…\\x07`` retitles the window, ``\\x1b[2J``
  clears it), CR moves the cursor back over what was printed.

``clean_input`` (and ``clean_references`` for HTML and feeds) work on the
decoded text before a reader parses it; ``clean_article`` on every field
after, since a JSON escape or a reference makes the same characters again.
Dropping changes lengths: every offset is computed on the cleaned text (the
JSON reader drops controls before it anchors the user highlights it carries).
"""

from __future__ import annotations

import dataclasses
import functools
import re

from reader.store.article import Article

REPLACEMENT = "\ufffd"

_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Before parsing, the line breaks that split lines and paragraphs (CR, VT,
# FF, FS..RS, NEL) stay: the readers lay out the text by them.
_RAW_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")
# Either kind of character, found by one scan: nearly every text holds
# none, and then the two substitutions (a scan each) are spared.
_DIRTY = re.compile("[\ud800-\udfff\x00-\x08\x0b-\x1f\x7f-\x9f]")
_RAW_DIRTY = re.compile("[\ud800-\udfff\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")


def drop_controls(text: str) -> str:
    """``text`` without control characters (tab and line feed kept)."""
    return _CONTROL.sub("", text)


def clean_input(text: str) -> tuple[str, int]:
    """Decoded text before a reader parses it: lone surrogates replaced by
    U+FFFD, control characters dropped but for the line breaks and tab (they
    separate lines and paragraphs); and how many surrogates were replaced."""
    if not _RAW_DIRTY.search(text):
        return text, 0
    text, replaced = _SURROGATE.subn(REPLACEMENT, text)
    return _RAW_CONTROL.sub("", text), replaced


def clean_text(text: str) -> tuple[str, int]:
    """``text`` with lone surrogates replaced by U+FFFD and control characters
    dropped (tab and line feed kept); and how many surrogates were replaced."""
    if not _DIRTY.search(text):
        return text, 0
    text, replaced = _SURROGATE.subn(REPLACEMENT, text)
    return drop_controls(text), replaced


def clean_references(markup: str) -> tuple[str, int]:
    """HTML or XML with every numeric character reference to no character (a
    surrogate, ``&#0;``, beyond U+10FFFF) turned into ``&#xFFFD;``, and those
    to a control character other than a line break or tab dropped; and how
    many were replaced. feedparser raises on the former; lxml, like a
    browser, shows U+FFFD for them, and counting them here lets the import
    say so whatever the parser."""
    replaced = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal replaced
        digits = match.group(1) or match.group(2)
        # A run of digits too long for any code point: no need to convert it.
        code = int(digits, 16 if match.group(1) else 10) if len(digits) <= 8 else -1
        if code <= 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            replaced += 1
            return "&#xFFFD;"
        if (code < 0x20 and chr(code) not in "\t\n\r\x0c") or code == 0x7F:
            return ""
        return match.group(0)

    return _REFERENCE.sub(fix, markup), replaced


def clean_article(article: Article) -> int:
    """Clean every string of ``article`` and of its user highlights in place
    (``clean_text``); return how many surrogates were replaced.

    Replacing a surrogate keeps lengths; dropping a control does not, so user
    highlights must already point into control-free text."""
    replaced = _clean_strings(article)
    for record in article.user_highlights:
        replaced += _clean_strings(record)
    return replaced


def _clean_strings(obj: object) -> int:
    replaced = 0
    for name in _field_names(type(obj)):
        value = getattr(obj, name)
        if isinstance(value, str) and value:
            cleaned, count = clean_text(value)
            if cleaned != value:
                setattr(obj, name, cleaned)
            replaced += count
    return replaced


@functools.lru_cache(maxsize=8)
def _field_names(cls: type) -> tuple[str, ...]:
    """The field names of dataclass ``cls`` (``dataclasses.fields`` builds
    them anew at every call; there are two classes, Article and
    HighlightRecord)."""
    return tuple(field.name for field in dataclasses.fields(cls))


def repair_note(name: str, replaced: int) -> str:
    """The one line that says ``name`` was imported with ``replaced`` U+FFFD."""
    plural = "" if replaced == 1 else "s"
    return (f"{name}: replaced {replaced} invalid character{plural} (lone surrogates or "
            "references to no character) with U+FFFD")
