"""Markdown export (CommonMark): per article a heading with title, source, date
and link; quotations as block quotes with their speaker; figures as a list with
their parsed value; user highlights with their note and colour name; each item
with its context sentence and a link back to its exact place.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from reader.exporters.common import (
    NOTE_LABEL,
    ExportItem,
    Ticker,
    article_link,
    colour_line,
    context_sentence,
    highlight_link,
    sections,
    subtype_word,
    value_words,
)
from reader.store.article import Article, HighlightRecord
from reader.text.bidi import strip_bidi_controls
from reader.text.values import isolate_dates

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!])")
_LINE_START_SPECIAL = re.compile(r"^(\s*)([-+=]|\d+[.)])")


def escape(text: str) -> str:
    """``text`` as literal Markdown inline text (one line: newlines become
    spaces), without its bidi controls: an article's RLO or unclosed
    embedding reversed the rest of the line in a browser or viewer."""
    return _escape(strip_bidi_controls(text))


def _escape(text: str) -> str:
    """``escape`` keeping bidi controls: for a text this module isolated
    itself (``isolate_dates``), from a text ``escape`` would strip."""
    text = " ".join(text.split("\n"))
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    return _LINE_START_SPECIAL.sub(lambda m: m.group(1) + _escape_start(m.group(2)), text)


def _escape_start(token: str) -> str:
    return token[:-1] + "\\" + token[-1] if token[-1] in ".)" else "\\" + token


def _link(label: str, url: str) -> str:
    return f"[{escape(label)}](<{url}>)"


def render_article(article: Article, highlights: Sequence[HighlightRecord]) -> str:
    """The Markdown of one article's section."""
    out: list[str] = [f"## {escape(article.title) or 'بلا عنوان'}", ""]
    meta = [escape(x) for x in (article.source, article.published_day()) if x]
    meta.append(_link("فتح في القارئ", article_link(article.id, 0)))
    out += [" · ".join(meta), ""]
    url = strip_bidi_controls(article.url)
    if url:
        out += [f"المصدر الأصلي: <{url}>" if _plain_url(url)
                else f"المصدر الأصلي: {escape(url)}", ""]
    for title, group in sections(highlights):
        if title is not None:
            out += [f"### {title}", ""]
        for h in group:
            out += _item(article, h)
    return "\n".join(out) + "\n"


def _plain_url(url: str) -> bool:
    return re.fullmatch(r"https?://[^\s<>]+", url) is not None


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def _edge_ok(outside: str, inside: str) -> bool:
    """CommonMark's flanking rule for a ``**`` run between ``outside`` (the
    character beyond it, "" at a line edge) and ``inside`` (the emphasised side)."""
    if not inside or inside.isspace():
        return False
    return not _is_punct(inside) or not outside or outside.isspace() or _is_punct(outside)


def emphasise(before: str, span: str, after: str) -> str:
    """``before`` + ``span`` + ``after`` as Markdown with ``span`` in bold: ``**``
    where CommonMark allows it there, ``<strong>`` where it does not (a span
    that starts with punctuation right after a letter, as in قال«عاجل»)."""
    core = span.strip()
    if not core:
        return escape(before + span + after)
    lead, trail = span[: len(span) - len(span.lstrip())], span[len(span.rstrip()):]
    b, c, a = escape(before + lead), escape(core), escape(trail + after)
    if _edge_ok(b[-1:], c[0]) and _edge_ok(a[:1], c[-1]):
        return f"{b}**{c}**{a}"
    return f"{b}<strong>{_entities(core)}</strong>{a}"


def _entities(text: str) -> str:
    """``text`` for the inside of an inline HTML element: ASCII punctuation as
    numeric character references, which CommonMark and HTML both read as the
    character itself (a backslash escape would show in HTML-minded readers)."""
    text = " ".join(strip_bidi_controls(text).split("\n"))
    return "".join(f"&#{ord(ch)};" if ch.isascii() and _is_punct(ch) else ch for ch in text)


def _context_line(article: Article, h: HighlightRecord) -> str:
    text = article.field_text(h.field)
    start, end = min(h.start, len(text)), min(h.end, len(text))
    sentence, s, e = context_sentence(text, start, end)
    return "السياق: " + emphasise(sentence[:s], sentence[s:e], sentence[e:])


def _item(article: Article, h: HighlightRecord) -> list[str]:
    link = _link("موضعه في المقال", highlight_link(h))
    context = _context_line(article, h)
    if h.kind == "quote":
        lines = _block_quote(h.text)
        if h.speaker:
            lines += [">", f"> — {escape(h.speaker)}"]
        return [*lines, "", f"{context} {link}", ""]
    if h.kind == "figure":
        value = value_words(h.value)
        head = f"- **{escape(h.text)}**"
        if value:
            head += f" = {_escape(isolate_dates(strip_bidi_controls(value)))}"
        if word := subtype_word(h.kind, h.subtype):
            head += f" ({word})"
        return [head, f"  {context} {link}", ""]
    lines = [*_block_quote(h.text), ""]
    colour = colour_line(h.colour)
    if h.note.strip():
        note = f"{NOTE_LABEL}: {_note(h.note)}"
        lines.append(f"{note} · {colour}" if colour else note)
    elif colour:
        lines.append(colour)
    if len(lines) > 2:
        lines.append("")
    return [*lines, f"{context} {link}", ""]


def _block_quote(text: str) -> list[str]:
    """The lines of a block quote of ``text`` that keeps its paragraphs (a
    highlight may run from one paragraph of the article into the next): each
    line of ``text`` that holds more than white space a paragraph of the
    quote, an empty quote line between two."""
    lines: list[str] = []
    for paragraph in (p for p in text.splitlines() if p.strip()):
        lines += [">", f"> {escape(paragraph)}"] if lines else [f"> {escape(paragraph)}"]
    return lines or [f"> {escape(text)}"]


def _note(note: str) -> str:
    """A reader's note as the inside of one Markdown paragraph: each line
    escaped, the lines joined by hard line breaks (a backslash ending the
    line), so the note keeps its line breaks and stays one paragraph, the
    same note; a blank line inside it becomes an empty line of it (a
    backslash alone), since a blank line would end the paragraph."""
    return "\\\n".join(escape(line) for line in note.strip("\r\n").splitlines())


def write(items: Sequence[ExportItem], path: Path, ticker: Ticker) -> None:
    """Write all items to ``path`` as one Markdown document (UTF-8)."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# مقتطفات rtl-reader\n\n")
        for article, highlights in items:
            fh.write(render_article(article, highlights))
            fh.write("\n")
            ticker.step()
