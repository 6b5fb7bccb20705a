"""``reader.text.spans``: the positions scan the quote and score finders share, and
the trim of a span's white space and invisible marks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.text.bidi import INVISIBLE
from reader.text.spans import positions, shortened, trim_span, widen_to_words


@given(st.text(alphabet="ab«»\n-–", max_size=60),
       st.sets(st.sampled_from("«»\n-–")).map("".join),
       st.integers(0, 60), st.integers(0, 60))
def test_positions_are_every_index_of_those_characters_in_the_range(
        text: str, chars: str, start: int, end: int) -> None:
    expected = [i for i, c in enumerate(text[:end]) if i >= start and c in chars]
    assert sorted(positions(text, chars, start, end)) == expected
    assert sorted(positions(text, chars)) == [i for i, c in enumerate(text) if c in chars]


EDGE = " \t\n\u00a0\u200c\u200d\u200f\u200e\u2067\u2069\ufeff"
"""White space (NBSP too) and invisible marks (ZWNJ, ZWJ, RLM, LRM, RLI, PDI, BOM)."""


def _is_edge(ch: str) -> bool:
    return ch.isspace() or ch in INVISIBLE


@given(st.text(alphabet="قال ب«»." + EDGE, max_size=40), st.data())
def test_trim_span_stays_inside_and_ends_on_visible_characters(
        text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    a, b = trim_span(text, start, end)
    assert start <= a <= b <= end
    if a == b:
        assert a == start and all(_is_edge(ch) for ch in text[start:end])
    else:
        assert not _is_edge(text[a]) and not _is_edge(text[b - 1])
        # Only edge characters were dropped: the visible text is all kept.
        assert all(_is_edge(ch) for ch in text[start:a] + text[b:end])


@pytest.mark.parametrize(("text", "span", "expected"), [
    (" الوزير\n", (0, 8), (1, 7)),
    ("\u200fالوزير\u200c ", (0, 9), (1, 7)),
    ("قال: \n \u00a0", (4, 7), (4, 4)),  # only white space: nothing
    ("نص", (1, 1), (1, 1)),
])
def test_trim_span_cases(text: str, span: tuple[int, int], expected: tuple[int, int]) -> None:
    assert trim_span(text, *span) == expected


@pytest.mark.parametrize("span", [(-1, 2), (2, 1), (0, 4)])
def test_trim_span_refuses_a_span_outside_the_text(span: tuple[int, int]) -> None:
    with pytest.raises(ValueError, match="outside the text"):
        trim_span("نص ", *span)


WORDS = "استحوذت الأجور على ما يقرب من 23% من إجماليِّ المصروفات و14% لـ#ميليشيات_الحوثي."


def span_of(part: str, occurrence: str | None = None) -> tuple[int, int]:
    """The span of ``part`` inside ``occurrence`` (itself found in WORDS)."""
    base = WORDS.index(occurrence or part)
    start = base + (occurrence or part).index(part)
    return start, start + len(part)


@pytest.mark.parametrize(("selected", "inside", "kept"), [
    ("ى ما يقرب", "على ما يقرب", "على ما يقرب"),        # began inside على
    ("ما يقر", None, "ما يقرب"),                          # stopped inside يقرب
    ("جور عل", "الأجور على", "الأجور على"),               # both ends inside
    ("إجمالي", "إجماليِّ", "إجماليِّ"),                     # the marks after the last letter
    ("ما يقرب", None, "ما يقرب"),                         # whole words stay
    ("14", "و14%", "14"),                                # a digit is no letter
    ("الحوثي", "ميليشيات_الحوثي", "الحوثي"),              # _ parts a hashtag's words
    (" من ", "يقرب من 23", " من "),                       # spaces are kept as given
])
def test_widen_to_words(selected: str, inside: str | None, kept: str) -> None:
    start, end = widen_to_words(WORDS, *span_of(selected, inside))
    assert WORDS[start:end] == kept


def test_text_run_together_is_not_widened() -> None:
    """A megabyte without a space is no word: the selection stays as made."""
    text = "ب" * 10_000
    assert widen_to_words(text, 5_000, 5_010) == (5_000, 5_010)
    assert widen_to_words(text, 0, 10) == (0, 10)  # the end would run on


@given(st.text(alphabet="قال ب«». 1_\u064e", max_size=40), st.data())
def test_widen_to_words_only_grows_over_letters(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    a, b = widen_to_words(text, start, end)
    assert a <= start <= end <= b
    assert all(ch in "قالب\u064e" for ch in text[a:start] + text[end:b])


QUOTE = ("إن هذه الموارد المختلفة، وسلسلة التوريد، والطلب، والشمس جميعها موجودة في "
         "السعودية ولا توجد في أي مكان آخر حول العالم. لذا إذا قلنا سنلغي الاستثمارات")


def test_a_long_text_is_shortened_between_words() -> None:
    """From an hour of use: the highlights panel cut a quotation at 140
    characters inside a word and showed "ال…"."""
    got = shortened(QUOTE, 140)
    assert got.endswith("…") and len(got) <= 141
    assert QUOTE.startswith(got[:-1])
    assert QUOTE[len(got) - 1] == " "  # the cut falls on a space
    assert shortened("قال الوزير", 140) == "قال الوزير"
    assert shortened("قال\n  الوزير", 140) == "قال الوزير"


def test_a_word_longer_than_half_the_limit_is_cut_inside_not_between_a_letter_and_its_mark(
        ) -> None:
    text = "و" + "بِ" * 40
    got = shortened(text, 10)
    assert got.endswith("…") and text.startswith(got[:-1])
    assert text[len(got) - 1] == "ب"  # the next letter left out whole, with its kasra


@given(st.text(alphabet=st.sampled_from([*"ابت جد\n", "\u0650", "\U0001f600"]), max_size=60),
       st.integers(1, 30))
def test_shortened_is_a_prefix_within_the_limit(text: str, limit: int) -> None:
    got = shortened(text, limit)
    flat = " ".join(text.split())
    if got == flat:
        assert len(flat) <= limit
    else:
        assert got.endswith("…") and flat.startswith(got[:-1])
        assert 1 <= len(got) - 1 <= limit
        assert flat[len(got) - 1] != "\u0650" or len(got) == 2  # no mark cut from its letter


def test_shortened_refuses_a_limit_below_one() -> None:
    with pytest.raises(ValueError):
        shortened("نص", 0)
