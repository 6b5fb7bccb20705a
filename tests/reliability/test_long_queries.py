"""A query typed or pasted into the library search cannot stall it (issue 13,
item 7): 20,000 words took 3.5 s and 150,000 words 99 s; past
``MAX_QUERY_CHARS`` the parser that the command and the window share refuses
the query at once, in one short line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.errors import QueryError
from reader.store import Article, Library
from reader.store import query as query_module
from reader.store.query import MAX_QUERY_CHARS, parse

WORDS = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية".split()


def pasted(words: int) -> str:
    """A query of ``words`` words of news, as a long paste gives."""
    return " ".join(WORDS[i % len(WORDS)] for i in range(words))


class _Unread:
    """A lexer that fails the test if the query is read at all."""

    def finditer(self, _query: str) -> None:
        pytest.fail("the query over the limit was read")


@pytest.mark.parametrize("words", [20_000, 150_000])
def test_a_query_over_the_limit_is_refused_at_once(
        words: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Refused before a word of it is read: the length is checked first."""
    query = pasted(words)
    monkeypatch.setattr(query_module, "_LEX", _Unread())
    with pytest.raises(QueryError) as exc:
        parse(query)
    assert exc.value.message == (f"the query is too long: {len(query):,} characters "
                                 f"(at most {MAX_QUERY_CHARS:,})")
    assert len(exc.value.line()) < 200  # the subject is the query's start, not all of it
    assert exc.value.subject.startswith("أعلنت الحكومة") and exc.value.subject.endswith("…")


def test_a_query_at_the_limit_still_searches(store_path: Path) -> None:
    with Library.open(store_path) as library:
        library.add_articles([Article(title="خطة جديدة لدعم المزارعين",
                                      body="أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين.")])
        query = pasted(200)[:MAX_QUERY_CHARS].rsplit(" ", 1)[0]
        assert len(query) <= MAX_QUERY_CHARS
        assert parse(query).groups
        library.search(query)  # no error: long, but within the limit
        with pytest.raises(QueryError):
            library.search(pasted(20_000))


def test_the_command_refuses_a_long_query_in_one_line(
        capsys: pytest.CaptureFixture[str], store_path: Path) -> None:
    Library.open(store_path).close()
    code = main(["--store", str(store_path), "search", pasted(20_000)])
    _, err = capsys.readouterr()
    assert code == 1 and err.count("\n") == 1 and len(err) < 220
    assert "the query is too long" in err
