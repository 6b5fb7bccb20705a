"""JSON articles as other programs write them (scrapers, news APIs, archives):
one object, a list, an object holding a list, JSON Lines; the keys they use."""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import DecodeFailed, EmptyInput, InputTooLarge, ReaderError, UnsupportedFile
from reader.importers import read_file
from reader.importers.jsonfile import read_json

BODY = ("أعلنت وزارة الزراعة أمس أن محصول القمح بلغ مليوني طن هذا العام.\n"
        "وقال الوزير إن الأمطار ساعدت المزارعين في الجنوب.")


def _read(data: Any) -> list:
    return read_json(json.dumps(data, ensure_ascii=False), name="news.json")


def test_one_object_with_a_title_and_a_body_is_an_article() -> None:
    [article] = _read({"title": "محصول قياسي", "body": BODY, "url": "https://example.com/a"})
    assert (article.title, article.body) == ("محصول قياسي", BODY)
    assert article.url == "https://example.com/a"


@pytest.mark.parametrize("shape", ["list", "articles", "items", "results", "lines"])
def test_a_list_of_articles_in_every_common_shape(shape: str) -> None:
    entries = [{"title": f"خبر {n}", "text": BODY} for n in range(3)]
    if shape == "list":
        text = json.dumps(entries, ensure_ascii=False)
    elif shape == "lines":
        text = "\n".join(json.dumps(e, ensure_ascii=False) for e in entries) + "\n"
    else:
        text = json.dumps({"count": 3, shape: entries}, ensure_ascii=False)
    articles = read_json(text, name="news.json")
    assert [a.title for a in articles] == ["خبر 0", "خبر 1", "خبر 2"]
    assert all(a.body == BODY for a in articles)


def test_an_archive_line_keeps_its_source_author_and_date(tmp_path: Path) -> None:
    """The keys of a news archive (src, time in RFC 822, author, an abstract
    that is the opening of the text) through a ``.jsonl`` file."""
    entry = {"docno": "X-1", "url": "http://example.com/x-1", "src": "الواحة",
             "cat": "economy", "title": "محصول قياسي", "time": "Sun, 18 Feb 2018 21:35:43 +0400",
             "author": "القاهرة - سلمى الكعبي", "abstract": BODY[:40] + "...", "text": BODY}
    path = tmp_path / "archive.jsonl"
    path.write_text(json.dumps(entry, ensure_ascii=False) + "\n", encoding="utf-8")
    [article] = read_file(path)
    assert article.source == "الواحة" and article.author == "القاهرة - سلمى الكعبي"
    assert article.published == "2018-02-18T17:35:43Z"
    assert article.subtitle == ""  # the abstract is the body's opening, not a standfirst
    assert article.body == BODY and article.url == "http://example.com/x-1"


@pytest.mark.parametrize(("author", "byline"), [
    ("37a2dd6d-f52a-452d-a2fb-13ce3282f026", ""),
    (["75B10396-07F6-4E38-8217-EBF8770508B2", "ليلى حسن"], "ليلى حسن"),
    ("فريق 37a2dd6d-f52a-452d-a2fb-13ce3282f026", "فريق 37a2dd6d-f52a-452d-a2fb-13ce3282f026"),
])
def test_an_author_that_is_only_an_id_is_no_byline(author: object, byline: str) -> None:
    """From a day of use: 457 pool articles name a UUID as their author (an
    id in the archive's records), and the window showed it as the byline."""
    [article] = _read({"title": "محصول قياسي", "body": BODY, "author": author})
    assert article.author == byline


def test_a_news_api_article_its_html_body_authors_and_standfirst() -> None:
    [article] = _read({
        "headline": "افتتاح معرض الكتاب",
        "description": "دور نشر من عشرين بلداً تشارك في الدورة الجديدة",
        "content": "<p>افتتح المعرض <b>صباح اليوم</b> في العاصمة.</p><p>ويستمر عشرة أيام.</p>",
        "authors": [{"name": "ليلى حسن"}, {"name": "سامي نور"}],
        "publisher": {"name": "الواحة"}, "datePublished": "2025-03-02", "language": "ar",
    })
    assert article.title == "افتتاح معرض الكتاب"
    assert article.body == "افتتح المعرض صباح اليوم في العاصمة.\nويستمر عشرة أيام."
    assert article.subtitle == "دور نشر من عشرين بلداً تشارك في الدورة الجديدة"
    assert (article.author, article.source) == ("ليلى حسن، سامي نور", "الواحة")
    assert article.published == "2025-03-02"


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-03-02T10:00:00+03:00", "2025-03-02T07:00:00Z"),
    ("2025-03-02T10:00:00Z", "2025-03-02T10:00:00Z"),
    ("2025-03-02", "2025-03-02"),
    ("Sun, 02 Mar 2025 10:00:00 GMT", "2025-03-02T10:00:00Z"),
    (1740909600, "2025-03-02T10:00:00Z"),
    (1740909600000, "2025-03-02T10:00:00Z"),
    ("٢ مارس ٢٠٢٥", "2025-03-02"),
    ("قبل ساعتين", ""),
    (True, ""),
    (10 ** 30, ""),
    # Regression: these raised OverflowError, and the file was "not read: a
    # bug in rtl-reader" instead of imported without a date.
    (int("9" * 400), ""),
    ("0001-01-01T00:00:00+14:00", ""),
    ("9999-12-31T23:59:59-14:00", ""),
    ("0999-05-02T10:00:00Z", "0999-05-02T10:00:00Z"),
])
def test_dates_in_the_forms_archives_write(value: Any, expected: str) -> None:
    [article] = _read({"body": BODY, "date": value})
    assert article.published == expected


def _is_iso(published: str) -> bool:
    """An ISO 8601 date or date-time with a four-digit year (so dates sort
    as text), or no date at all."""
    if not published:
        return True
    try:
        dt.datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return False
    return published[:4].isdigit() and published[4] == "-"


@given(st.integers() | st.floats()
       | st.builds(lambda when, minutes: when.replace(tzinfo=dt.timezone(
           dt.timedelta(minutes=minutes))).isoformat(),
           st.datetimes(), st.integers(-23 * 60 - 59, 23 * 60 + 59))
       | st.datetimes().map(lambda when: email.utils.format_datetime(when)))
def test_any_date_value_gives_an_iso_date_or_none(value: Any) -> None:
    [article] = _read({"body": BODY, "date": value})
    assert _is_iso(article.published), article.published


def test_without_a_title_the_first_sentence_is_one() -> None:
    [article] = _read([{"body": BODY}])
    assert article.title == "أعلنت وزارة الزراعة أمس أن محصول القمح بلغ مليوني طن هذا العام"


def test_objects_without_a_body_are_passed_over() -> None:
    articles = _read([{"title": "بلا نص"}, {"text": BODY}, {"id": 7}, "نص"])
    assert [a.body for a in articles] == [BODY]


@pytest.mark.parametrize("text", [
    '{"name": "rtl-reader", "version": "1.0"}',
    "[1, 2, 3]",
    '{"articles": [{"title": "بلا نص"}]}',
])
def test_json_with_no_article_is_refused_with_its_name(text: str) -> None:
    with pytest.raises(UnsupportedFile) as err:
        read_json(text, name="news.json")
    assert err.value.subject == "news.json" and "no article" in err.value.message


@pytest.mark.parametrize("name", ["news.json", "news.jsonl"])
def test_a_file_of_blank_lines_is_called_empty_not_broken_json(name: str) -> None:
    # a scraper that found nothing writes a JSON Lines file of newlines
    with pytest.raises(EmptyInput) as err:
        read_json("\n \n\r\n", name=name)
    assert err.value.subject == name and "only blank lines" in err.value.message


def test_a_broken_json_line_is_named_by_its_number() -> None:
    text = json.dumps({"text": BODY}) + "\n" + json.dumps({"text": BODY}) + "\n{broken\n"
    with pytest.raises(DecodeFailed) as err:
        read_json(text, name="news.jsonl")
    assert err.value.subject == "news.jsonl" and "line 3" in err.value.message


KEYS = ["title", "headline", "body", "text", "content", "summary", "abstract", "author",
        "authors", "source", "src", "url", "date", "time", "published", "articles", "name"]


@settings(max_examples=150)
@given(st.lists(st.dictionaries(
    st.sampled_from(KEYS),
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
    | st.lists(st.characters() | st.sampled_from(["<p>", "</p>", "\n", "أ", "\u200f", " "]),
               max_size=12).map("".join)
    | st.lists(st.text(max_size=4) | st.dictionaries(st.just("name"), st.text(max_size=4)),
               max_size=2),
    max_size=6), max_size=4), st.booleans())
def test_any_objects_give_their_articles_or_one_reader_error(
        entries: list[dict[str, Any]], as_lines: bool) -> None:
    text = ("\n".join(json.dumps(e, ensure_ascii=False) for e in entries) if as_lines
            else json.dumps(entries, ensure_ascii=False))
    try:
        articles = read_json(text, name="news.json")
    except ReaderError as err:
        assert err.subject == "news.json" and "\n" not in err.line()
    else:
        for article in articles:
            assert article.title.strip() and article.body.strip()
            assert not article.published or article.published[:4].isdigit()


def test_pool_articles_import_as_json_lines(corpus_dir: Path, tmp_path: Path) -> None:
    """Real archive lines (the pool, as its publisher wrote them): each is an
    article with its title, body, source and date."""
    with gzip.open(corpus_dir / "pool" / "ant-multisource.jsonl.gz", "rt", encoding="utf-8") as f:
        lines = list(itertools.islice(f, 300))
    path = tmp_path / "pool.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    articles = read_file(path)
    assert len(articles) == len(lines)
    for line, article in zip(lines, articles, strict=True):
        entry = json.loads(line)
        assert article.title and article.body and article.source == entry["src"]
        assert article.published[:2] == "20"


def _nested(depth: int) -> str:
    return ("<p>افتتحت البلدية المكتبة العامة.</p>" + "<div>" * depth + "وقال الوزير كلمة."
            + "</div>" * depth + "<p>وختم الحفل بالنشيد.</p>")


def test_a_body_nested_past_libxml2s_default_depth_keeps_all_its_text() -> None:
    # Was: the body ended after its first paragraph (libxml2 reads 256 levels).
    [article] = _read({"title": "المكتبة", "body": _nested(300)})
    assert article.body.split("\n") == ["افتتحت البلدية المكتبة العامة.", "وقال الوزير كلمة.",
                                        "وختم الحفل بالنشيد."]


def test_a_body_nested_too_deep_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text(json.dumps({"title": "المكتبة", "body": _nested(5000)}), encoding="utf-8")
    with pytest.raises(InputTooLarge) as exc:
        read_file(path)
    assert exc.value.subject == str(path)
    assert "nested more than" in exc.value.message


def test_a_json_line_holding_a_raw_line_separator_is_one_line_issue16() -> None:
    """JSON allows U+2028, U+2029 and NEL raw inside a string, and Python's
    ``json.dumps(..., ensure_ascii=False)`` writes them so; ``str.splitlines``
    cut such a line in two and the file was refused."""
    lines = [json.dumps({"title": "خبر", "text": BODY + sep + "وأضاف الوزير."},
                        ensure_ascii=False) for sep in ("\u2028", "\u2029", "\x85")]
    articles = read_json("\n".join(lines) + "\r\n", name="news.jsonl")
    assert [a.body.count("وأضاف الوزير.") for a in articles] == [1, 1, 1]


def test_a_date_no_calendar_holds_leaves_the_article_undated() -> None:
    """A red team: a year past C's int ended ``show`` in a traceback and
    refused the article in ``import`` as "a bug in rtl-reader"."""
    published = "Mon, 01 Jan 99999999999999999999 00:00:00 GMT"
    [article] = _read({"title": "عنوان", "body": "نص الخبر كاملا.", "published": published})
    assert article.title == "عنوان" and article.published == ""
