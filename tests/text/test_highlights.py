"""Properties of ``reader.text.find_highlights`` as a whole (quotes and figures)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text import Highlight, find_highlights

FATHA = "\u064e"
SHADDA = "\u0651"
HAMZA_ABOVE = "\u0654"
RLE = "\u202b"
PDF = "\u202c"
RLI = "\u2067"
PDI = "\u2069"
ZWJ = "\u200d"

PIECES = st.sampled_from(
    [
        "قال",
        " الوزير",
        " إن",
        ": ",
        "«",
        "»",
        '"',
        "“",
        "”",
        " 3000",
        " ٣٠٠٠",
        " 2.5",
        "%",
        "٪",
        " مليون",
        " ثلاثة",
        " دولار",
        "،",
        ".",
        "\n",
        " ",
        "-",
        "/",
        "2018",
        FATHA,
        SHADDA,
        HAMZA_ABOVE,
        RLE,
        PDF,
        RLI,
        PDI,
        ZWJ,
        "😀",
        "👍🏽",
        "\ud800",
        "\udfff",
        "e",
        "١٢",
    ]
)
ARTICLE_LIKE = st.lists(PIECES, max_size=120).map("".join)


def _check(text: str, found: list[Highlight], field: str = "body") -> None:
    for h in found:
        assert 0 <= h.start < h.end <= len(text), h
        assert text[h.start : h.end] == h.text, h
        assert h.kind in ("quote", "figure")
        assert h.field == field
        if h.kind == "quote":
            assert h.subtype in ("quotation", "term")
            assert h.value is None
    assert found == sorted(found, key=lambda h: (h.start, -h.end, h.kind))
    figures = [h for h in found if h.kind == "figure"]
    for a, b in pairwise(figures):
        assert a.end <= b.start, (a, b)  # figures never overlap
    quotes = [h for h in found if h.kind == "quote"]
    for i, a in enumerate(quotes):
        for b in quotes[i + 1 :]:
            if b.start >= a.end:
                break
            assert b.end <= a.end, (a, b)  # overlap only when nested wholly


@settings(max_examples=250, deadline=None)
@given(ARTICLE_LIKE)
def test_highlights_lie_inside_the_text_and_keep_their_order(text: str) -> None:
    _check(text, find_highlights(text))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_crashes(text: str) -> None:
    _check(text, find_highlights(text))


@settings(max_examples=50, deadline=None)
@given(ARTICLE_LIKE, st.sampled_from(["title", "subtitle", "caption", "byline", "body"]))
def test_every_highlight_names_its_field(text: str, field: str) -> None:
    found = find_highlights(text, field=field)
    _check(text, found, field)
    assert [(h.kind, h.start, h.end) for h in found] == [
        (h.kind, h.start, h.end) for h in find_highlights(text)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "«" * 500_000,  # 1 MB of UTF-8
        FATHA * 300_000 + SHADDA * 200_000,  # combining marks alone
        (RLE + "«" + PDF + RLI + '"' + PDI) * 50_000,
        "😀" * 250_000,
        ("\ud800" + "«" + "\udfff" + "»") * 100_000,
        "1" * 200_000 + "%",
        ("3,000 " + "٣٬٠٠٠ ") * 40_000,
    ],
    ids=["guillemets", "marks", "bidi", "emoji", "surrogates", "long-number", "numbers"],
)
@pytest.mark.timeout(30)  # each about 1 s here: a quadratic pass never finishes in time
def test_pathological_input_finishes(text: str) -> None:
    _check(text, find_highlights(text))


def test_quote_and_figures_of_one_sentence() -> None:
    text = "وقال المتحدث إن «أكثر من 3000 شخص غادروا المدينة» خلال يومين."
    found = find_highlights(text)
    _check(text, found)
    [quote] = [h for h in found if h.kind == "quote"]
    assert quote.subtype == "quotation"
    assert quote.text == "أكثر من 3000 شخص غادروا المدينة"


def test_corpus_articles_keep_the_properties(corpus_articles: list[Path]) -> None:
    for path in corpus_articles:
        text = path.read_text(encoding="utf-8")
        _check(text, find_highlights(text))
