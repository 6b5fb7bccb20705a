"""Hits and snippets map back to the original text (property tests)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.store.derive import anchor
from reader.store.query import TOKEN, Term, parse
from reader.store.snippets import _pattern_spans, _token_spans, find_hits, make_snippet
from reader.text import fold_text

ALEF_HAMZA = "\u0623"
FATHA = "\u064e"
SHADDA = "\u0651"
RLM = "\u200f"

PIECES = ["الحكومة", f"{ALEF_HAMZA}علنت", f"قر{SHADDA}{FATHA}ر", "مدرسة", "٢٠٢٤", "2024",
          "«", "»", " ", " ", "\n", "،", RLM, "\U0001f4f0", "BBC", "و", "ال"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=150, deadline=None)
@given(TEXT, TEXT, st.sampled_from(["الحكومة", "اعلنت", "قرر", "2024", '"الحكومة اعلنت"',
                                    "مدر*", "bbc"]))
def test_hits_and_snippet_point_into_the_original(title: str, body: str, query: str) -> None:
    fields = {"title": title, "body": body}
    terms = parse(query).terms()
    hits = find_hits(fields, terms)
    for field, start, end in hits:
        found = TOKEN.findall(fold_text(fields[field][start:end]))
        # A word's hit may carry the proclitics Arabic glues to it.
        term_tokens = [[form] for t in terms for form in t.forms()] + [
            list(t.tokens) for t in terms]
        if terms[0].prefix:
            starts = terms[0].forms() or terms[0].tokens[-1:]  # a word glued, a phrase's last
            assert found and any(found[-1].startswith(form) for form in starts)
        else:
            assert found in term_tokens
    snip = make_snippet(fields, hits)
    text = fields[snip.field]
    assert text[snip.start:snip.start + len(snip.text)] == snip.text
    assert "\n" not in snip.text
    for s, e in snip.marks:
        assert 0 <= s < e <= len(snip.text)
        assert (snip.field, snip.start + s, snip.start + e) in hits


WORDS = ["في", "الحكومه", "اعلنت", "قرر", "ال", "و", "2024", "bbc", "مدرسه"]
GLUE = [" ", " ", "  ", "\n", "،", "«", "»", "_", "-", FATHA, RLM, "\U0001f4f0", ""]
TERMS = st.lists(st.builds(Term, st.lists(st.sampled_from([*WORDS[:-1], "مد", "الح"]),
                                          min_size=1, max_size=3).map(tuple),
                           st.booleans()), min_size=1, max_size=3)


@settings(max_examples=300, deadline=None)
@given(TERMS, st.data())
def test_the_pattern_search_finds_what_the_token_walk_finds(terms: list[Term],
                                                             data: st.DataObject) -> None:
    # The text is made of the terms' own tokens, other words and every kind of
    # separator, so phrases meet glued words ("فيال"), repeats ("في في في")
    # and separators that are not one space.
    tokens = [t for term in terms for t in term.tokens]
    folded = "".join(data.draw(st.lists(st.sampled_from(tokens + WORDS + GLUE), max_size=80)))
    assert _pattern_spans(folded, terms) == _token_spans(folded, terms, None)


@settings(max_examples=150)
@given(st.text(max_size=40), st.text(max_size=10), st.data())
def test_anchor_follows_the_text(text: str, prefix: str, data: st.DataObject) -> None:
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    old = text[start:end]
    assert anchor(text, start, end, old) == (start, end, False)
    moved = prefix + text
    s, e, orphan = anchor(moved, start, end, old)
    assert not orphan and moved[s:e] == old
    gone_s, gone_e, gone = anchor("", start, end, old)
    assert gone and (gone_s, gone_e) == (0, 0)
