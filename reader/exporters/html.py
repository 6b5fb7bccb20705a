"""HTML export: one standalone page that needs nothing from the network.

The page is ``lang="ar" dir="rtl"``; every block carries its own ``dir`` from
``reader.text.is_rtl`` (an English quotation stays left to right); the bundled
Noto Naskh Arabic is embedded as a base64 @font-face with a font stack behind
it; a Content-Security-Policy forbids any remote load. Each highlight is a
``<figure class="highlight" data-kind=… data-subtype=… data-field=…
data-start=… data-end=…>`` whose ``<blockquote>`` holds its text and whose
context paragraph marks the span with ``<mark>``.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from reader.exporters.common import (
    AUTOMATIC_COLOURS,
    DEFAULT_USER_COLOUR,
    NOTE_LABEL,
    ExportItem,
    Ticker,
    article_link,
    context_sentence,
    highlight_link,
    normalise_colour,
    sections,
    source_url,
    value_words,
)
from reader.resources import resource_path
from reader.store.article import Article, HighlightRecord
from reader.text.bidi import strip_bidi_controls
from reader.text.direction import has_strong_letters, is_rtl

FONT_FILE = ("fonts", "NotoNaskhArabic-Regular.ttf")
FONT_FAMILY = "Noto Naskh Arabic"
FONT_STACK = (f'"{FONT_FAMILY} Embedded", "{FONT_FAMILY}", "Amiri", "Noto Sans Arabic", '
              '"Geeza Pro", "Arabic Typesetting", "Traditional Arabic", "Tahoma", serif')

CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:"


def escape(text: str) -> str:
    """``text`` as HTML text or an attribute's value, without its bidi
    controls: an article's RLO or unclosed embedding reversed the rest of
    its block in a browser (each block has its ``dir``, each name its
    ``<bdi>``, so no control is needed). Every text on the page passes here."""
    return html.escape(strip_bidi_controls(text))


@lru_cache(maxsize=1)
def font_face() -> str:
    """The @font-face rule embedding the bundled font ("" if it is missing)."""
    try:
        data = resource_path(*FONT_FILE).read_bytes()
    except OSError:
        return ""
    encoded = base64.b64encode(data).decode("ascii")
    return (f'@font-face {{ font-family: "{FONT_FAMILY} Embedded"; '
            f'src: url(data:font/ttf;base64,{encoded}) format("truetype"); }}\n')


def stylesheet(*, embed_font: bool = True) -> str:
    rules = [
        font_face() if embed_font else "",
        f"body {{ font-family: {FONT_STACK}; line-height: 1.8; max-width: 48em; "
        "margin: 2em auto; padding: 0 1em; color: #202020; background: #fdfdfb; }",
        "article { border-bottom: 1px solid #ddd; padding-bottom: 1em; margin-bottom: 2em; }",
        ".meta { color: #666; font-size: 0.9em; }",
        "figure.highlight { margin: 1em 0; }",
        "blockquote { margin: 0.3em 0; padding: 0.3em 0.8em; "
        "border-inline-start: 4px solid #c9a227; background: #faf6e8; }",
        "figcaption { color: #555; }",
        ".context { color: #444; font-size: 0.95em; margin: 0.2em 0; }",
        # No italic: an Arabic note slanted is a slant the script never had.
        ".note { color: #3e2723; border-inline-start: 3px solid #bcaaa4; "
        "padding-inline-start: 0.6em; }",
        "a { color: #1a5fb4; }",
    ]
    rules += [f"mark.{name} {{ background: {colour}; }}"
              for name, colour in AUTOMATIC_COLOURS.items()]
    rules.append(f"mark.user {{ background: {DEFAULT_USER_COLOUR}; }}")
    return "\n".join(r for r in rules if r)


def dir_of(text: str, within: str = "") -> str:
    """``rtl`` or ``ltr`` for a block of ``text`` (DESIGN decision 6); a
    text with no letter (a figure alone: 3.8%, ٣٫٢٪) in the direction of
    ``within``, the sentence it stands in, when given."""
    if within and not has_strong_letters(text):
        text = within
    return "rtl" if is_rtl(text) else "ltr"


def isolate_ltr(text: str) -> str:
    """``text`` in LRI…PDI, so a date such as 2025-03-14 keeps its order after
    Arabic (the bidi algorithm otherwise reads its digits as Arabic numbers
    and shows 14-03-2025); "" stays "". For Qt; HTML uses ``<bdi>``."""
    return f"\u2066{text}\u2069" if text else ""


def _mark_style(h: HighlightRecord) -> str:
    colour = normalise_colour(h.colour)
    return f' style="background: {colour}"' if h.kind == "user" and colour else ""


def render_highlight(article: Article, h: HighlightRecord) -> str:
    """The ``<figure>`` of one highlight (``id="highlight-ID"`` when stored)."""
    text = article.field_text(h.field)
    start, end = min(h.start, len(text)), min(h.end, len(text))
    sentence, s, e = context_sentence(text, start, end)
    attrs = (f'class="highlight {h.role}" data-kind="{escape(h.kind)}" '
             f'data-subtype="{escape(h.subtype)}" data-field="{escape(h.field)}" '
             f'data-start="{h.start}" data-end="{h.end}"')
    if h.id is not None:
        attrs = f'id="highlight-{h.id}" data-id="{h.id}" ' + attrs
    if h.kind == "user" and normalise_colour(h.colour):
        attrs += f' data-colour="{normalise_colour(h.colour)}"'
    parts = [f"<figure {attrs}>",
             f'<blockquote dir="{dir_of(h.text, sentence)}"><p>{_lines(h.text)}</p></blockquote>']
    if h.speaker:
        parts.append(f'<figcaption dir="{dir_of(h.speaker)}">— '
                     f'<span class="speaker">{escape(h.speaker)}</span></figcaption>')
    value = value_words(h.value)
    if value:
        parts.append(f'<p class="value" dir="rtl">القيمة: '
                     f'<bdi>{escape(value)}</bdi></p>')
    if h.note:
        parts.append(f'<p class="note" dir="{dir_of(h.note)}"><b>{NOTE_LABEL}:</b> '
                     f'{_lines(h.note)}</p>')
    parts.append(
        f'<p class="context" dir="{dir_of(sentence)}">{escape(sentence[:s])}'
        f'<mark class="{h.role}"{_mark_style(h)}>{escape(sentence[s:e])}</mark>'
        f'{escape(sentence[e:])}</p>')
    parts.append(f'<p class="link"><a href="{escape(highlight_link(h))}">موضعه في المقال</a></p>')
    parts.append("</figure>")
    return "\n".join(parts)


def _lines(text: str) -> str:
    return "<br>".join(escape(line) for line in text.split("\n"))


def render_article(article: Article, highlights: Sequence[HighlightRecord]) -> str:
    """The ``<article>`` of one article and its highlights."""
    title = article.title or "بلا عنوان"
    parts = [f'<article id="article-{article.id}" dir="{dir_of(title)}">',
             f'<h2 dir="{dir_of(title)}">{escape(title)}</h2>']
    meta = [f"<bdi>{escape(x)}</bdi>" for x in (article.source, article.published_day()) if x]
    meta.append(f'<a href="{escape(article_link(article.id, 0))}">فتح في القارئ</a>')
    url = source_url(article)
    if url:
        meta.append(f'<a href="{escape(url)}" rel="noreferrer">المصدر الأصلي</a>')
    parts.append(f'<p class="meta" dir="rtl">{" · ".join(meta)}</p>')
    for title, group in sections(highlights):
        if title is None:
            parts += [render_highlight(article, h) for h in group]
            continue
        parts.append(f'<section class="{group[0].kind}"><h3 dir="rtl">{title}</h3>')
        parts += [render_highlight(article, h) for h in group]
        parts.append("</section>")
    parts.append("</article>")
    return "\n".join(parts) + "\n"


def page_head(title: str, *, embed_font: bool = True) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f"<style>\n{stylesheet(embed_font=embed_font)}\n</style>\n</head>\n<body>\n"
        f'<h1 dir="rtl">{escape(title)}</h1>\n'
    )


PAGE_TITLE = "مقتطفات rtl-reader"


def write(items: Sequence[ExportItem], path: Path, ticker: Ticker) -> None:
    """Write one standalone UTF-8 page to ``path``."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(page_head(PAGE_TITLE))
        for article, highlights in items:
            fh.write(render_article(article, highlights))
            ticker.step()
        fh.write("</body>\n</html>\n")
