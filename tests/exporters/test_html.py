"""HTML export: read back with html.parser; direction per block; nothing remote."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.exporters import export_items
from reader.exporters.html import dir_of
from reader.store.article import Article, HighlightRecord
from reader.text.bidi import strip_bidi_controls
from tests.exporters import sample


@dataclass
class Figure:
    attrs: dict[str, str]
    quote: str = ""
    quote_dir: str = ""
    marked: str = ""
    mark_style: str = ""
    context_dir: str = ""
    links: list[str] = field(default_factory=list)
    speaker: str = ""


class ExportParser(HTMLParser):
    """Collects the page's root attributes, each highlight figure, and every
    attribute that could load a resource."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: dict[str, str] = {}
        self.figures: list[Figure] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.style = ""
        self.headings: list[tuple[str, str]] = []
        self._stack: list[str] = []
        self._in_style = False
        self._heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if tag == "html":
            self.root = a
        elif tag == "style":
            self._in_style = True
        elif tag == "h2":
            self._heading = [a.get("dir", "")]
        elif tag == "figure":
            self.figures.append(Figure(a))
        elif self.figures and "figure" in self._stack:
            fig = self.figures[-1]
            if tag == "blockquote":
                fig.quote_dir = a.get("dir", "")
            elif tag == "mark":
                fig.mark_style = a.get("style", "")
            elif tag == "p" and a.get("class") == "context":
                fig.context_dir = a.get("dir", "")
            elif tag == "a":
                fig.links.append(a.get("href", ""))
        if tag not in {"br", "meta"}:
            self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False
        if tag == "h2" and self._heading is not None:
            self.headings.append((self._heading[0], "".join(self._heading[1:])))
            self._heading = None
        if tag in self._stack:
            while self._stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        if self._heading is not None:
            self._heading.append(data)
        if not self.figures or "figure" not in self._stack:
            return
        fig = self.figures[-1]
        if "blockquote" in self._stack:
            fig.quote += data
        if "mark" in self._stack:
            fig.marked += data
        if self._stack[-1] == "span" and "figcaption" in self._stack:
            fig.speaker += data


def _parse(tmp_path: Path, items: list) -> ExportParser:
    out = tmp_path / "out.html"
    export_items(items, "html", out)
    parser = ExportParser()
    parser.feed(out.read_text(encoding="utf-8"))
    parser.close()
    return parser


def test_page_is_arabic_right_to_left(tmp_path: Path) -> None:
    page = _parse(tmp_path, sample.items())
    assert page.root == {"lang": "ar", "dir": "rtl"}
    assert [t for t, _ in page.headings] == ["rtl", "rtl"]
    assert [h for _, h in page.headings] == [a.title for a, _ in sample.items()]


def test_every_highlight_is_on_the_page(tmp_path: Path) -> None:
    page = _parse(tmp_path, sample.items())
    by_id = {h.id: h for h in sample.all_highlights()}
    assert sorted(int(f.attrs["data-id"]) for f in page.figures) == sorted(by_id)
    for fig in page.figures:
        a = fig.attrs
        h = by_id[int(a["data-id"])]
        assert (a["data-kind"], a["data-subtype"], a["data-field"]) == (h.kind, h.subtype, h.field)
        assert (int(a["data-start"]), int(a["data-end"])) == (h.start, h.end)
        assert fig.quote == h.text
        assert fig.marked == h.text
        assert fig.speaker == h.speaker
        at = h.start if h.field == "body" else 0
        assert f"rtl-reader://article/{h.article_id}?at={at}" in fig.links


def test_direction_is_set_per_block(tmp_path: Path) -> None:
    page = _parse(tmp_path, sample.items())
    dirs = {fig.quote: fig.quote_dir for fig in page.figures}
    assert dirs["We will support every school that reopens"] == "ltr"
    assert dirs["هل تكفي ثلاثة أشهر"] == "rtl"
    # The sentence around the English quotation is mostly Arabic: right to left.
    english = next(f for f in page.figures if f.quote.startswith("We will"))
    assert english.context_dir == "rtl"
    # A figure alone ("120") has no letter: it stands in the direction of its
    # sentence, here Arabic, under the Arabic entries rather than across the page.
    assert dirs["120"] == "rtl"
    assert dir_of("3.8%", "The rate rose to 3.8% in May") == "ltr"
    assert dir_of("٣٫٢٪", "ارتفع المعدل إلى ٣٫٢٪") == "rtl"
    assert dir_of("3.8%") == "ltr"  # no sentence: as Qt lays it out


def test_user_colours_are_shown(tmp_path: Path) -> None:
    page = _parse(tmp_path, sample.items())
    styles = {f.quote: f.mark_style for f in page.figures if f.attrs["data-kind"] == "user"}
    assert styles["هل تكفي ثلاثة أشهر"] == "background: #81d4fa"
    assert styles["إعادة إعمار المدارس"] == "background: #ffd54f"


def test_no_remote_resource_and_the_font_is_embedded(tmp_path: Path) -> None:
    page = _parse(tmp_path, sample.items())
    assert not any(tag in {"script", "link", "img", "iframe", "object", "embed"}
                   for tag, _ in page.tags)
    assert not any("src" in attrs for _, attrs in page.tags)
    urls = re.findall(r"url\(([^)]{0,40})", page.style)
    assert urls and all(u.startswith("data:font/ttf;base64,") for u in urls)
    assert "@font-face" in page.style and "Noto Naskh Arabic" in page.style
    csp = next(a["content"] for t, a in page.tags
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp


def test_markup_in_titles_and_notes_stays_text(tmp_path: Path) -> None:
    hostile = '<script>alert("x")</script> & «خبر»'
    article = Article(id=3, title=hostile, body=f"نص {hostile} نهاية")
    start = article.body.index(hostile)
    h = HighlightRecord(3, "body", "user", "", start, start + len(hostile), hostile,
                        colour="red;background:url(http://evil)", note=hostile)
    page = _parse(tmp_path, [(article, [h])])
    assert not any(tag == "script" for tag, _ in page.tags)
    assert page.headings == [("ltr", hostile)]
    assert page.figures[0].quote == hostile and page.figures[0].mark_style == ""


def test_colour_written_in_capitals_is_normalised(tmp_path: Path) -> None:
    article, highlights = sample.items()[0]
    title_h = next(h for h in highlights if h.field == "title")
    page = _parse(tmp_path, [(article, [replace(title_h, colour="#AED581")])])
    assert page.figures[0].mark_style == "background: #aed581"


HTML_TEXT = st.text(alphabet=st.sampled_from([*"ابت جد<>&\"'/«»;=ab\n", "\u202e", "\u064e"]),
                    min_size=1, max_size=40)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(HTML_TEXT, st.data())
def test_any_text_comes_back_exactly(tmp_path: Path, body: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(body) - 1))
    end = data.draw(st.integers(start + 1, len(body)))
    assume("\n" not in body[start:end])
    article = Article(id=1, title=body, body=body)
    h = HighlightRecord(1, "body", "user", "", start, end, body[start:end], note=body)
    out = tmp_path / "prop.html"
    export_items([(article, [h])], "html", out, force=True)
    page = ExportParser()
    page.feed(out.read_text(encoding="utf-8"))
    page.close()
    [fig] = page.figures
    # Exactly, but for the bidi controls (RLO among the letters drawn), which
    # reversed the rest of a block in a browser and are left out.
    shown = strip_bidi_controls(body[start:end])
    assert fig.quote == shown
    assert fig.marked == shown
    assert [t for t, _ in page.tags].count("figure") == 1


def test_embedded_font_is_the_bundled_file(tmp_path: Path) -> None:
    import base64

    from reader.resources import resource_path

    page = _parse(tmp_path, sample.items())
    encoded = re.search(r"url\(data:font/ttf;base64,([A-Za-z0-9+/=]+)\)", page.style)
    assert encoded is not None
    bundled = resource_path("fonts", "NotoNaskhArabic-Regular.ttf").read_bytes()
    assert base64.b64decode(encoded.group(1)) == bundled


def test_no_colour_tag_stands_in_the_page(tmp_path: Path) -> None:
    """The colour shows as the highlight's background; a "#yellow" line beside
    it read as "yellow#" in a right-to-left page (issue 14, item 6)."""
    out = tmp_path / "h.html"
    export_items(sample.items(), "html", out)
    text = out.read_text(encoding="utf-8")
    assert not re.search(r">#(yellow|green|blue|pink|orange|red|purple|grey)<", text)
    assert 'class="tag"' not in text
