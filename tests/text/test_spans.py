"""``reader.text.spans``: the positions scan the quote and score finders share."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.text.spans import positions


@given(st.text(alphabet="ab«»\n-–", max_size=60),
       st.sets(st.sampled_from("«»\n-–")).map("".join),
       st.integers(0, 60), st.integers(0, 60))
def test_positions_are_every_index_of_those_characters_in_the_range(
        text: str, chars: str, start: int, end: int) -> None:
    expected = [i for i, c in enumerate(text[:end]) if i >= start and c in chars]
    assert sorted(positions(text, chars, start, end)) == expected
    assert sorted(positions(text, chars)) == [i for i, c in enumerate(text) if c in chars]
