"""How large a user's regular expression compiles: the estimate that lets
find refuse ``a{99999999}`` before the engine asks for gigabytes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.text.regex_size import expanded_size

# A pattern as a tree: an atom (size 1), a sequence, a group, a counted repeat.
ATOMS = st.sampled_from(["ا", "ب", "x", r"\d", r"\p{L}", r"\N{ARABIC LETTER ALEF}", "[ab]",
                         r"[]\]{]", "[^]]", ".", r"\{", r"\x{627}"])


def _tree(children: st.SearchStrategy[tuple[str, int]]) -> st.SearchStrategy[tuple[str, int]]:
    seq = st.lists(children, min_size=1, max_size=3).map(
        lambda parts: ("".join(p for p, _ in parts), sum(n for _, n in parts)))
    group = children.map(lambda c: (f"(?:{c[0]})", c[1]))
    alternation = st.tuples(children, children).map(
        lambda ab: (f"(?:{ab[0][0]}|{ab[1][0]})", ab[0][1] + ab[1][1]))
    counted = st.tuples(children, st.integers(0, 50), st.sampled_from(["{%d}", "{%d,}",
                                                                       "{%d,60}"])).map(
        lambda c: (f"(?:{c[0][0]})" + c[2] % c[1], c[0][1] * max(c[1], 1)))
    loose = children.map(lambda c: (f"(?:{c[0]})*", c[1]))
    return seq | group | alternation | counted | loose


PATTERNS = st.recursive(ATOMS.map(lambda a: (a, 1)), _tree, max_leaves=12)


@given(PATTERNS)
def test_the_size_multiplies_counted_repeats_and_adds_the_rest(case: tuple[str, int]) -> None:
    pattern, size = case
    assert expanded_size(pattern) == size


@given(st.text())
def test_any_text_gets_an_estimate_and_a_literal_is_its_length_at_most(text: str) -> None:
    assert expanded_size(text) >= 0
    assert expanded_size(re.escape(text)) <= len(text)


@pytest.mark.parametrize(("pattern", "size"), [
    ("a{99999999}", 99999999),
    ("(?:ab{1000}){1000}", 1001000),
    ("(a{1,1000}){1000}", 1000),  # the engine lays out the lower bound only
    ("a{1,99999999}", 1),
    ("x{}", 3), ("x{,}", 4),  # not counts: literal braces
    ("(?#a{99999999})b", 1),  # a comment
    ("[a{9999}]", 1),
])
def test_sizes(pattern: str, size: int) -> None:
    assert expanded_size(pattern) == size
