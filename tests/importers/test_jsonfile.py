"""The importer of rtl-reader's own JSON export: what it accepts and refuses
(other programs' JSON articles: test_json_articles.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import DecodeFailed, EmptyInput, ReaderError, UnsupportedFile
from reader.importers import read_file
from reader.importers.jsonfile import FORMAT_ID, SCHEMA_VERSION, read_json

BODY = "قال المتحدث إن الاجتماع انتهى. وأكد أن الاجتماع المقبل في الربيع."


def _export(**changes: Any) -> dict[str, Any]:
    highlight = {"field": "body", "kind": "user", "subtype": "", "start": 15, "end": 23,
                 "text": "الاجتماع", "colour": "#ffd54f", "note": "مهم",
                 "created": "2025-05-01T10:15:00Z"}
    highlight.update(changes.pop("highlight", {}))
    article = {"id": 4, "title": "خبر", "body": BODY, "source": "وكالة",
               "published": "2025-01-02", "highlights": [highlight]}
    article.update(changes.pop("article", {}))
    data = {"format": FORMAT_ID, "version": SCHEMA_VERSION, "articles": [article]}
    data.update(changes)
    return data


def _read(data: Any) -> list:
    return read_json(json.dumps(data, ensure_ascii=False), name="notes.json")


def test_reads_article_and_user_highlight() -> None:
    [article] = _read(_export())
    assert (article.title, article.body, article.source, article.published) == (
        "خبر", BODY, "وكالة", "2025-01-02")
    assert article.id is None and article.language == "ar"
    [h] = article.user_highlights
    assert (h.kind, h.field, h.start, h.end, h.text, h.colour, h.note) == (
        "user", "body", 15, 23, "الاجتماع", "#ffd54f", "مهم")
    assert BODY[h.start:h.end] == h.text


def test_a_byte_order_mark_is_not_an_error() -> None:
    [article] = read_json("\ufeff" + json.dumps(_export()), name="notes.json")
    assert article.body == BODY


def test_quotes_and_figures_are_left_to_the_store() -> None:
    [article] = _read(_export(highlight={"kind": "quote", "subtype": "term"}))
    assert article.user_highlights == []


def test_shifted_highlight_is_reanchored_at_the_nearest_occurrence() -> None:
    second = BODY.index("الاجتماع", 20)
    [article] = _read(_export(highlight={"start": second + 3, "end": second + 11}))
    [h] = article.user_highlights
    assert (h.start, h.end) == (second, second + len("الاجتماع"))


@pytest.mark.parametrize(("text", "error"), [
    ("{not json", DecodeFailed),
    ("", EmptyInput),
    ("[" * 100_000, DecodeFailed),
    ("[]", UnsupportedFile),
    ('{"format": "something-else"}', UnsupportedFile),
    ('{"title": "خبر", "summary": "بلا نص"}', UnsupportedFile),
    ('[{"body": 5}, {"text": "  "}, 3]', UnsupportedFile),
])
def test_malformed_or_foreign_json_is_refused(text: str, error: type[ReaderError]) -> None:
    with pytest.raises(error) as err:
        read_json(text, name="notes.json")
    assert err.value.subject == "notes.json"


@pytest.mark.parametrize(("changes", "error"), [
    ({"version": SCHEMA_VERSION + 1}, UnsupportedFile),
    ({"version": "1"}, DecodeFailed),
    ({"articles": {"a": 1}}, DecodeFailed),
    ({"article": {"body": 5}}, DecodeFailed),
    ({"article": {"highlights": "none"}}, DecodeFailed),
    ({"highlight": {"start": -1}}, DecodeFailed),
    ({"highlight": {"start": True}}, DecodeFailed),
    ({"highlight": {"end": 3}}, DecodeFailed),
    ({"highlight": {"end": 15, "text": ""}}, DecodeFailed),
    ({"highlight": {"field": "footer"}}, DecodeFailed),
    ({"highlight": {"text": "غير موجود"}}, DecodeFailed),
    ({"highlight": {"note": ["x"]}}, DecodeFailed),
])
def test_malformed_export_is_refused_with_the_file_name(changes: dict, error: type) -> None:
    with pytest.raises(error) as err:
        _read(_export(**changes))
    assert err.value.subject == "notes.json"
    assert "\n" not in err.value.line()


def test_newer_schema_says_to_upgrade() -> None:
    with pytest.raises(UnsupportedFile) as err:
        _read(_export(version=SCHEMA_VERSION + 1))
    assert "upgrade" in err.value.message


@settings(max_examples=150)
@given(st.recursive(st.none() | st.booleans() | st.integers()
                    | st.text(st.characters() | st.sampled_from(["\x07", "\x1b", "\x9b", "\ud800"]),
                              max_size=5),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.sampled_from(["format", "version", "articles",
                                                       "title", "body", "highlights",
                                                       "kind", "start", "end", "text"]),
                                      inner, max_size=4),
                    max_leaves=12))
def test_any_json_gives_articles_or_a_reader_error(data: Any) -> None:
    for candidate in (data, {"format": FORMAT_ID, "version": 1, "articles": data},
                      {"format": FORMAT_ID, "version": 1, "articles": [data]}):
        try:
            articles = _read(candidate)
        except ReaderError as err:
            assert err.subject == "notes.json"
        else:
            for article in articles:
                for h in article.user_highlights:
                    assert article.field_text(h.field)[h.start:h.end] == h.text


# -- characters that are not text (issue 13) --------------------------------------


def test_lone_surrogates_become_replacement_characters_and_are_reported(tmp_path: Path) -> None:
    # Regression: "\ud800" in a title, body, note or source ended the whole
    # import in "UnicodeEncodeError: surrogates not allowed".
    data = _export(article={"title": "خبر \ud800 عاجل", "source": "وكالة \udfff",
                            "body": BODY + " \ud800"},
                   highlight={"note": "مهم \ud800"})
    path = tmp_path / "notes.json"
    path.write_text(json.dumps(data), encoding="ascii")  # "\ud800" as JSON escapes
    notes: list[str] = []
    [article] = read_file(path, on_note=notes.append)
    assert article.title == "خبر \ufffd عاجل"
    assert article.source == "وكالة \ufffd"
    assert article.body == BODY + " \ufffd"
    [h] = article.user_highlights
    assert h.note == "مهم \ufffd" and article.body[h.start:h.end] == h.text == "الاجتماع"
    assert notes == [f"{path}: replaced 4 invalid characters (lone surrogates or "
                     "references to no character) with U+FFFD"]


def test_control_characters_are_dropped_and_highlights_stay_on_their_text() -> None:
    hostile = "\x1b]0;PWNED\x07\x1b[2J"
    [article] = _read(_export(article={"title": f"خبر{hostile} عاجل",
                                       "body": f"\x07{BODY}\r\u009b"},
                              highlight={"note": f"مهم{hostile}", "text": "الاجتماع\x07",
                                         "end": 24}))
    assert article.title == "خبر]0;PWNED[2J عاجل"
    assert article.body == BODY
    [h] = article.user_highlights
    assert h.note == "مهم]0;PWNED[2J"
    assert (h.start, h.end, h.text) == (15, 23, "الاجتماع")


@pytest.mark.parametrize("nesting", ["[" * 100_000 + "]" * 100_000,
                                     '{"a":' * 50_000 + "1" + "}" * 50_000])
def test_json_nested_too_deeply_without_its_extension_is_one_line(
        tmp_path: Path, nesting: str) -> None:
    """Regression: told by its content (no .json, or standard input), such a
    file reached the sniffer's json.loads, whose RecursionError came out as
    "not read: RecursionError … (a bug in rtl-reader: please report it)"."""
    path = tmp_path / "deep"
    path.write_text(nesting, encoding="utf-8")
    with pytest.raises(DecodeFailed) as err:
        read_file(path)
    assert (err.value.subject, err.value.message) == (str(path), "JSON nested too deeply")


def test_a_number_too_long_to_read_is_named_so() -> None:
    """Python's own message advised calling sys.set_int_max_str_digits()."""
    with pytest.raises(DecodeFailed) as err:
        read_json('{"format": 1, "version": ' + "9" * 5000 + "}", name="notes.json")
    assert err.value.message == "not valid JSON: a number of more than 4,300 digits"
