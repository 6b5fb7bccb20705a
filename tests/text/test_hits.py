"""``Hits``, what find returns: the same hits as one ``Match`` per hit, read
by index, in bulk (``starts``/``ends``) and by window (``between``), with no
Python object per hit until one is asked for."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reader.errors import QueryError
from reader.text import ArticleHits, FieldHits, Hits, Match, find
from reader.text.find import _DENSE_MIN, _SAMPLED, _folded_hits
from reader.text.fold import fold, fold_text, is_mark, seat_spellings

FATHA, SHADDA, FATHATAN, SUKUN = "\u064e", "\u0651", "\u064b", "\u0652"
HAMZA_ABOVE, TATWEEL = "\u0654", "\u0640"
RLM, LRM, ZWNJ = "\u200f", "\u200e", "\u200c"
ACUTE = "\u0301"  # a combining mark the fold keeps
ELLIPSIS = "\u2026"  # NFKC: three folded characters for one original
LAM_ALEF_HAMZA = "\ufef7"  # a presentation form: NFKC gives two letters
LIGATURE_ALLAH = "\ufdf2"
EMOJI = "\U0001f600"  # outside the BMP: one str index, two UTF-16 units

OPTIONS = ("match_diacritics", "match_hamza", "whole_word", "regex")


def reference_find(text: str, query: str, **options: bool) -> list[Match]:
    """Find as it was before ``Hits``, one ``Match`` per hit: folded hits
    (a plain scan of the folded text for a literal query) mapped one by one
    through ``Folded.span``, widened over the marks after them, a hit that
    overlaps the one kept before it dropped."""
    if not query or not text:
        return []
    diacritics = not options.get("match_diacritics", False)
    hamza = not options.get("match_hamza", False)
    folded = fold(text, diacritics=diacritics, hamza=hamza)
    if not diacritics or options.get("whole_word") or options.get("regex"):
        fstarts, fends = _folded_hits(
            folded.text, query, diacritics, hamza,
            options.get("whole_word", False), options.get("regex", False),
        )
        spans = list(zip(fstarts, fends, strict=True))
    else:
        # A hamza before و is looked for on every seat (مسئول finds مسؤول):
        # each spelling, leftmost first, none overlapping the one before.
        spellings = (seat_spellings(query) if hamza
                     else [fold_text(query, diacritics=diacritics, hamza=hamza)])
        alternatives = "|".join(re.escape(q) for q in spellings if q)
        spans = [m.span() for m in re.finditer(alternatives, folded.text)] if alternatives else []
    out: list[Match] = []
    prev_end = 0
    for fs, fe in spans:
        s, e = folded.span(fs, fe)
        while e < len(text) and is_mark(text[e]):
            e += 1
        if s >= prev_end:
            out.append(Match(s, e, text[s:e]))
            prev_end = e
    return out


def check_hits(text: str, hits: Hits, expected: list[Match]) -> None:
    """Every way of reading ``hits`` gives ``expected``."""
    assert len(hits) == len(expected)
    assert [hits[i] for i in range(len(hits))] == expected  # mapped one by one
    if expected:
        assert hits[-1] == expected[-1]
    with pytest.raises(IndexError):
        hits[len(expected)]
    assert list(hits) == expected
    assert list(hits.starts) == [m.start for m in expected]
    assert list(hits.ends) == [m.end for m in expected]
    assert hits[1:3] == expected[1:3]
    assert all(type(m) is Match for m in hits)


def check_between(hits: Hits, expected: list[Match], lo: int, hi: int) -> None:
    inside = [i for i, m in enumerate(expected) if m.end > lo and m.start < hi]
    window = hits.between(lo, hi)
    assert list(window) == inside, (lo, hi)
    if not inside:
        after = [i for i, m in enumerate(expected) if m.end > lo]
        assert window.start == (after[0] if after else len(expected))


# --- the same hits as before, every option ------------------------------------------

LETTERS = "ابتدرسعفقكلمنهويأإآىةؤئ"
SPECIALS = [
    FATHA, SHADDA, FATHATAN, SUKUN, HAMZA_ABOVE, TATWEEL, RLM, LRM, ZWNJ, ACUTE,
    ELLIPSIS, LAM_ALEF_HAMZA, LIGATURE_ALLAH, EMOJI, "٢", "1", "ß", "A", "«", "\n",
]


@st.composite
def news_and_query(draw: st.DrawFn) -> tuple[str, str]:
    """Words of Arabic letters with, now and then, a mark, a bidi control, a
    ligature, an emoji or Latin; repeated so that a query taken from it (or
    typed at random) has many hits, with the fold's map sparse as in news
    text (the table path and the path that maps hits when asked)."""
    words = draw(st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=6),
                          min_size=1, max_size=8))
    base = list(" ".join(words))
    for _ in range(draw(st.sampled_from([0, 1, 1, 2, 3]))):
        at = draw(st.integers(0, len(base)))
        base.insert(at, draw(st.sampled_from(SPECIALS)))
    one = "".join(base) + " "
    text = one * draw(st.sampled_from([1, 3, _DENSE_MIN + 1, _DENSE_MIN + 1]))
    if draw(st.integers(0, 3)):
        i = draw(st.integers(0, len(one) - 1))
        return text, one[i : i + draw(st.integers(1, 4))]
    return text, draw(st.text(alphabet=[*LETTERS, *SPECIALS[:6]], min_size=1, max_size=3))


ANY = [*LETTERS, *SPECIALS, " "]


@settings(max_examples=400, deadline=None)
@given(news_and_query(), st.fixed_dictionaries({k: st.booleans() for k in OPTIONS}))
def test_hits_are_the_per_hit_matches_under_every_option(
    case: tuple[str, str], options: dict[str, bool]
) -> None:
    text, query = case
    try:
        expected = reference_find(text, query, **options)
    except QueryError:
        assume(False)
    check_hits(text, find(text, query, **options), expected)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ANY, max_size=60), st.text(alphabet=ANY, min_size=1, max_size=4),
       st.sampled_from([1, _DENSE_MIN + 1]), st.booleans(), st.booleans())
def test_hits_are_the_per_hit_matches_in_any_mix(
    base: str, query: str, times: int, match_diacritics: bool, match_hamza: bool
) -> None:
    text = base * times
    options = {"match_diacritics": match_diacritics, "match_hamza": match_hamza}
    check_hits(text, find(text, query, **options), reference_find(text, query, **options))


@settings(max_examples=300, deadline=None)
@given(news_and_query(), st.data())
def test_between_is_the_hits_that_overlap_a_window(
    case: tuple[str, str], data: st.DataObject
) -> None:
    text, query = case
    expected = reference_find(text, query)
    for _ in range(3):
        lo = data.draw(st.integers(-1, len(text) + 1))
        hi = data.draw(st.integers(lo, len(text) + 2))
        check_between(find(text, query), expected, lo, hi)  # mapped as bisection asks
        hits = find(text, query)
        hits.starts, hits.ends  # noqa: B018 (mapped in bulk first)
        check_between(hits, expected, lo, hi)


def test_a_hamza_on_another_seat_is_a_hit_in_every_window() -> None:
    # ئو finds ؤو (مسئول finds مسؤول): the hit is in the windows over it
    text = "ؤو ما ئو "
    expected = [Match(0, 2, "ؤو"), Match(6, 8, "ئو")]
    assert reference_find(text, "ئو") == expected
    check_hits(text, find(text, "ئو"), expected)
    for lo, hi in [(0, 1), (1, 2), (2, 6), (2, 7), (7, 9), (-1, 12)]:
        check_between(find(text, "ئو"), expected, lo, hi)


@settings(max_examples=60, deadline=None)
@given(news_and_query(), st.sampled_from(["", "شظ", "ا", "ال", "ف"]))
def test_hits_in_a_long_text_are_the_per_hit_matches(case: tuple[str, str], common: str) -> None:
    # past _SAMPLED characters the scan is chosen by how common the query's
    # characters are: an anchor on a rare one, str.find, the regex engine
    one, query = case
    one = one[: len(one) // _DENSE_MIN + 8] if len(one) > 200 else one
    filler = (common + " ") * 50 + "نص عادي " * 20
    text = (one + filler) * (_SAMPLED // len(one + filler) + 2)
    assert len(text) > _SAMPLED
    check_hits(text, find(text, query), reference_find(text, query))
    check_hits(text, find(text, query, whole_word=True),
               reference_find(text, query, whole_word=True))


# --- exact offsets -----------------------------------------------------------------------


def test_many_hits_after_emoji_count_code_points() -> None:
    line = EMOJI + " أعلنت في " + EMOJI * 2 + " الوزارة" + FATHATAN + RLM + " في\n"
    text = line * 100
    hits = find(text, "في")
    assert len(hits) == 200
    assert hits[0] == Match(8, 10, "في")
    assert hits[1] == Match(24, 26, "في")
    assert hits[199].start == 99 * len(line) + 24
    check_hits(text, hits, reference_find(text, "في"))
    assert all(text[s:e] == "في" for s, e in zip(hits.starts, hits.ends, strict=True))


FILLER = "سمير وجدي هو " * 3
"""Words that no query below finds: news text has many plain letters between
the characters the fold drops or expands (the map's pieces are sparse)."""


@pytest.mark.parametrize(
    ("line", "query", "hit"),
    [
        # the marks after a hit belong to it, mapped when the hit is asked for
        ("قال مشيرا" + FATHATAN + " إلى ", "مشيرا", "مشيرا" + FATHATAN),
        ("جميـ" + TATWEEL + "ل" + SHADDA + FATHA + RLM + " جدا ", "جميل",
         "جميـ" + TATWEEL + "ل" + SHADDA + FATHA),
        # an ellipsis folds to three dots: a piece of the map with a width
        ("قال" + ELLIPSIS + " في المدينة ", "في", "في"),
        ("انتظر" + ELLIPSIS + " ", "..", ELLIPSIS),
        # a hit inside a presentation form covers all of it
        ("من " + LAM_ALEF_HAMZA + "ن ", "ا", LAM_ALEF_HAMZA),
        # several folded hits inside one ligature are one hit
        ("بسم " + LIGATURE_ALLAH + " ", "ل", LIGATURE_ALLAH),
    ],
)
def test_many_hits_widen_and_merge_like_the_per_hit_map(line: str, query: str, hit: str) -> None:
    text = (line + FILLER) * (_DENSE_MIN + 8)
    hits = find(text, query)
    assert [m.text for m in hits] == [hit] * (_DENSE_MIN + 8)
    check_hits(text, hits, reference_find(text, query))


@pytest.mark.parametrize("query", ["ل", "لل", "ا"])
def test_a_ligature_among_many_hits_is_one_hit(query: str) -> None:
    # a piece with a width among many plain hits: found by bisection, not by
    # a look at every hit (and the ligature's several hits are one)
    line = "بسم " + LIGATURE_ALLAH + " " + "قل لنا الا " * 6 + "\n"
    text = line * 40
    hits = find(text, query)
    check_hits(text, hits, reference_find(text, query))
    assert LIGATURE_ALLAH in [m.text for m in hits]


def test_empty_results() -> None:
    for hits in (find("", "في"), find("نص", ""), find("نص", "في"), find("نص", "x*", regex=True)):
        assert len(hits) == 0 and not hits
        assert list(hits) == [] and list(hits.starts) == [] and list(hits.ends) == []
        assert hits.between(0, 10) == range(0, 0)


# --- no object per hit -------------------------------------------------------------------


def test_find_builds_no_object_per_hit() -> None:
    # news-like: dropped marks and a bidi control (the map has pieces), an
    # ellipsis (a piece with a width), and 3,000 hits of a frequent word
    line = "وقال الوزير" + FATHATAN + " في" + RLM + " المؤتمر" + ELLIPSIS + " إن الوضع في المدينة\n"
    text = line * 1500
    find(text, "في")  # the fold and its offset table, cached per text
    before = sys.getallocatedblocks()
    hits = find(text, "في")
    grown = sys.getallocatedblocks() - before
    assert len(hits) == 3000
    assert grown < 100, f"{grown} blocks for {len(hits)} hits"
    before = sys.getallocatedblocks()
    assert hits[2999] == Match(1499 * len(line) + 35, 1499 * len(line) + 37, "في")
    hits.between(len(text) // 2, len(text) // 2 + 200)
    assert sys.getallocatedblocks() - before < 100
    assert hits[:] == reference_find(text, "في")


# -- ArticleHits: one find over several fields ------------------------------------------


@st.composite
def article_fields(draw: st.DrawFn) -> tuple[list[tuple[str, str]], str]:
    """Up to four fields of news-like text (emoji included) and a query."""
    names = draw(st.lists(st.sampled_from(["title", "subtitle", "caption", "byline", "body"]),
                          unique=True, min_size=1, max_size=4))
    texts = [draw(news_and_query())[0] for _ in names]
    query = draw(st.sampled_from(["ال", "في", "ا", EMOJI, "خطة", "شظ"]))
    return list(zip(names, texts, strict=True)), query


@settings(max_examples=200, deadline=None)
@given(article_fields(), st.data())
def test_article_hits_number_every_fields_hits_in_reading_order(
        case: tuple[list[tuple[str, str]], str], data: st.DataObject) -> None:
    fields, query = case
    found = ArticleHits(FieldHits(name, find(text, query)) for name, text in fields)
    expected = [(name, m.start, m.end) for name, text in fields
                for m in reference_find(text, query)]
    assert len(found) == len(expected)
    assert list(found) == expected
    assert [found[k] for k in range(len(found))] == expected
    assert found[-1:] == expected[-1:]
    for k in range(len(found)):
        field, i = found.locate(k)
        assert (field.name, field.hits[i].start, field.hits[i].end) == expected[k]
    # The first search picks the first hit at or after where the view is.
    name, text = data.draw(st.sampled_from(fields))
    index = data.draw(st.integers(0, len(text)))
    rank = {n: r for r, (n, _) in enumerate(fields)}
    after = [k for k, (n, s, _) in enumerate(expected) if (rank[n], s) >= (rank[name], index)]
    assert found.first_from(name, index) == (after[0] if after else 0)
    assert found.first_from("nowhere", index) == 0


def test_article_hits_of_nothing() -> None:
    found = ArticleHits()
    assert len(found) == 0 and list(found) == [] and found.first_from("body", 3) == 0
    with pytest.raises(IndexError):
        found.locate(0)
