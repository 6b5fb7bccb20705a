"""``rtl-reader://article/ID?at=START`` links: parsed back exactly as written,
anything else refused with a one-line ReaderError."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import ReaderError
from reader.links import article_link, parse_article_link


@pytest.mark.parametrize(("uri", "expected"), [
    ("rtl-reader://article/12?at=40", (12, 40)),
    ("rtl-reader://article/12", (12, None)),
    ("rtl-reader://article/12/", (12, None)),
    ("RTL-Reader://Article/7?at=0", (7, 0)),
    ("rtl-reader://article/3?at=5&from=browser#frag", (3, 5)),
    ("  rtl-reader://article/9?at=1\n", (9, 1)),
])
def test_links_parse(uri: str, expected: tuple[int, int | None]) -> None:
    assert parse_article_link(uri) == expected


@pytest.mark.parametrize("uri", [
    "http://article/12",
    "rtl-reader://articles/12",
    "rtl-reader://article/",
    "rtl-reader://article/0",
    "rtl-reader://article/-3",
    "rtl-reader://article/abc",
    "rtl-reader://article/\u0661\u0662",  # Arabic-Indic ١٢: ASCII digits only
    "rtl-reader://article/12?at=-1",
    "rtl-reader://article/12?at=x",
    "rtl-reader://article/12?at=1&at=2",
    "rtl-reader://article/12?at=",
    "rtl-reader://article/1234567890123456789012",
    "rtl-reader:article/12",
    "",
])
def test_malformed_links_are_refused_naming_the_link(uri: str) -> None:
    with pytest.raises(ReaderError) as info:
        parse_article_link(uri)
    assert info.value.subject == uri
    assert "\n" not in info.value.line()


@settings(max_examples=200)
@given(st.integers(1, 10**17), st.one_of(st.none(), st.integers(0, 10**17)))
def test_article_link_round_trips(article_id: int, at: int | None) -> None:
    assert parse_article_link(article_link(article_id, at)) == (article_id, at)


@settings(max_examples=300)
@given(st.text(max_size=60))
def test_any_text_parses_or_raises_reader_error(text: str) -> None:
    try:
        article_id, at = parse_article_link(text)
    except ReaderError:
        return
    assert article_id > 0 and (at is None or at >= 0)


def test_exporters_write_links_this_parser_reads() -> None:
    from reader.exporters import article_link as exporter_link

    assert parse_article_link(exporter_link(42, 17)) == (42, 17)
