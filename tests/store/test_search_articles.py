"""Library search over real articles: the bundled samples, and the shared
corpus where it is present (issue 6's tests).

Queries are cut from each article's own words, then typed the way a reader
types them (no marks, bare alef, ه for ة, no tatweel, Western digits); every
result is checked against the article's text: phrases keep their order,
excluded words are absent, snippets and hits are the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.importers import read_file
from reader.importers.samples import load_samples
from reader.store import Article, Library
from reader.store.query import TOKEN
from reader.text import fold_text
from reader.text.clitics import glued_forms

# A whole word only: not the tail of ڤينسانت nor the head of لفرانس24, which the
# index holds as one token with the letter or digits beside them.
_IN_WORD = "\\w\u0640\u064b-\u065f\u0670"
ARABIC_WORD = re.compile(f"(?<![{_IN_WORD}])[\u0621-\u064a][\u0621-\u065f\u0640\u0670]{{3,}}"
                         f"(?![{_IN_WORD}])")
TYPED = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "\u0640": None,
                       **{chr(0x064B + i): None for i in range(8)},
                       **{chr(0x0660 + d): str(d) for d in range(10)}})

Store = tuple[Library, dict[int, Article]]


def as_typed(word: str) -> str:
    """``word`` as a reader types it into a search box."""
    typed = word.translate(TYPED)
    return typed[:-1] + "ه" if typed.endswith("ة") else typed


def tokens(article: Article) -> list[list[str]]:
    """The folded index tokens of each text field of ``article``."""
    return [TOKEN.findall(fold_text(text)) for text in article.fields().values() if text]


def stored(lib: Library, articles: list[Article]) -> dict[int, Article]:
    results = lib.add_articles(articles)
    return {r.id: lib.get(r.id) for r in results if not r.duplicate}


@pytest.fixture(scope="module", params=["samples", "corpus"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[Store]:
    if request.param == "samples":
        articles = load_samples()
    else:
        corpus: Path = request.getfixturevalue("corpus_dir")
        articles = [a for p in sorted((corpus / "articles").glob("*.txt")) for a in read_file(p)]
    lib = Library.open(tmp_path_factory.mktemp("search") / "library.sqlite3")
    try:
        by_id = stored(lib, articles)
        assert len(by_id) >= 5
        yield lib, by_id
    finally:
        lib.close()


def _words(article: Article) -> list[str]:
    return ARABIC_WORD.findall(article.body)


def _draw(store: Store, data: st.DataObject) -> tuple[Library, int, Article]:
    """The library, and one of its articles drawn by hypothesis."""
    lib, by_id = store
    article_id = data.draw(st.sampled_from(sorted(by_id)))
    return lib, article_id, by_id[article_id]


def _every(lib: Library, query: str) -> list[int]:
    return [hit.id for hit in lib.search(query, limit=10_000)]


SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(data=st.data())
def test_a_word_typed_plainly_finds_its_article(store: Store, data: st.DataObject) -> None:
    lib, article_id, article = _draw(store, data)
    word = data.draw(st.sampled_from(_words(article)))
    assert article_id in _every(lib, as_typed(word)), word
    assert article_id in _every(lib, word), word  # and as written, marks and all


@SETTINGS
@given(data=st.data())
def test_a_phrase_keeps_its_order(store: Store, data: st.DataObject) -> None:
    lib, article_id, article = _draw(store, data)
    by_id = store[1]
    body = TOKEN.findall(fold_text(article.body))
    i = data.draw(st.integers(0, len(body) - 2))
    first, second = body[i], body[i + 1]
    assert article_id in _every(lib, f'"{first} {second}"')
    for found in _every(lib, f'"{second} {first}"'):
        assert any(f[k:k + 2] == [second, first]
                   for f in tokens(by_id[found]) for k in range(len(f) - 1)), found


@SETTINGS
@given(data=st.data())
def test_an_excluded_word_is_in_no_result(store: Store, data: st.DataObject) -> None:
    lib, article_id, article = _draw(store, data)
    by_id = store[1]
    wanted, unwanted = data.draw(st.lists(st.sampled_from(_words(article)), min_size=2,
                                          max_size=2,
                                          unique_by=lambda w: fold_text(w)))
    excluded = TOKEN.findall(fold_text(unwanted))
    found = _every(lib, f"{as_typed(wanted)} -{as_typed(unwanted)}")
    assert article_id not in found
    for other in found:
        assert not any(excluded == f[k:k + len(excluded)]
                       for f in tokens(by_id[other]) for k in range(len(f))), other


@SETTINGS
@given(data=st.data())
def test_snippets_and_hits_are_the_original_text(store: Store, data: st.DataObject) -> None:
    lib, _, article = _draw(store, data)
    by_id = store[1]
    word = data.draw(st.sampled_from(_words(article)))
    for hit in lib.search(as_typed(word), limit=50):
        result = by_id[hit.id]
        text = result.field_text(hit.field)
        assert text[hit.snippet_start:hit.snippet_start + len(hit.snippet)] == hit.snippet
        for start, end in hit.marks:
            assert _is_the_word(TOKEN.findall(fold_text(hit.snippet[start:end])), word)
        for field, start, end in hit.hits:
            found = TOKEN.findall(fold_text(result.field_text(field)[start:end]))
            assert _is_the_word(found, word), (field, start, end)


def _is_the_word(found: list[str], word: str) -> bool:
    """Whether the tokens of a hit are ``word``'s: the word, with the
    proclitics Arabic glues to it when it is one token (خبز in والخبز)."""
    wanted = TOKEN.findall(fold_text(word))
    if len(wanted) == 1:
        return len(found) == 1 and found[0] in glued_forms(wanted[0])
    return found == wanted
