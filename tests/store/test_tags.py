"""Tags: the reader's collections beyond Star (schema version 6), and the
list's filters by tag, star and unread."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.errors import NotFound
from reader.store import Library, schema
from reader.store.listing import ListFilter
from reader.store.tags import MAX_TAG_CHARS, clean_tag
from tests.store.conftest import sample_articles


def _as_version_7(path: Path) -> None:
    """Make the store at ``path`` exactly what schema version 7 left: no tag tables."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    con.execute("DROP TABLE article_tags")
    con.execute("DROP TABLE tags")
    con.execute("PRAGMA user_version = 7")
    con.execute("COMMIT")
    con.close()


def test_a_version_7_store_gains_tags_and_keeps_its_articles(store_path: Path) -> None:
    with Library.open(store_path) as lib:
        ids = [r.id for r in lib.add_articles(sample_articles())]
        lib.set_starred(ids[0], True)
        before = [lib.get(i) for i in ids]
    _as_version_7(store_path)
    with Library.open(store_path, read_only=True) as old:  # cannot migrate: reads untagged
        assert old.tags() == [] and old.article_tags(ids[0]) == []
        tagged = ListFilter(tag="مهم")
        assert old.rows(where=tagged) == [] and old.count(where=tagged) == 0
    with Library.open(store_path) as lib:
        assert [lib.get(i) for i in ids] == before
        assert lib.set_article_tags(ids[1], ["مهم"]) == ["مهم"]
        assert [r.id for r in lib.rows(where=ListFilter(tag="مهم"))] == [ids[1]]
    con = sqlite3.connect(store_path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 10
    con.close()


def test_tags_are_set_read_counted_and_cleaned(filled: tuple[Library, list[int]]) -> None:
    lib, ids = filled
    assert lib.set_article_tags(ids[0], ["  اقتصاد ", "تعليم", "تعليم", "", "اقتصاد"]) == \
        ["اقتصاد", "تعليم"]
    lib.set_article_tags(ids[1], ["تعليم"])
    assert lib.article_tags(ids[0]) == ["اقتصاد", "تعليم"]
    assert [(t.name, t.articles) for t in lib.tags()] == [("اقتصاد", 1), ("تعليم", 2)]
    lib.set_article_tags(ids[0], ["تعليم"])  # اقتصاد is left without articles: gone
    assert [(t.name, t.articles) for t in lib.tags()] == [("تعليم", 2)]
    assert sorted(r.id for r in lib.rows(where=ListFilter(tag="تعليم"))) == sorted(ids[:2])
    assert lib.count(where=ListFilter(tag="تعليم")) == 2
    assert lib.count(where=ListFilter(tag="تعليم", text="معرض")) == 1  # with the title filter too


def test_tags_are_added_and_removed_keeping_the_others(
        filled: tuple[Library, list[int]]) -> None:
    lib, ids = filled
    lib.set_article_tags(ids[0], ["اقتصاد", "تعليم"])
    assert lib.change_article_tags(ids[0], add=[" للقراءة "], remove=["تعليم", "غائب"]) == \
        ["اقتصاد", "للقراءة"]
    assert lib.article_tags(ids[0]) == ["اقتصاد", "للقراءة"]
    assert [t.name for t in lib.tags()] == ["اقتصاد", "للقراءة"]  # تعليم: no articles left
    with pytest.raises(NotFound):
        lib.change_article_tags(10_000, add=["للقراءة"])


def test_deleting_an_article_drops_its_tags(filled: tuple[Library, list[int]]) -> None:
    lib, ids = filled
    lib.set_article_tags(ids[0], ["للقراءة"])
    lib.delete(ids[0])
    assert lib.tags() == []
    with pytest.raises(NotFound):
        lib.article_tags(ids[0])
    with pytest.raises(NotFound):
        lib.set_article_tags(ids[0], ["للقراءة"])


def test_starred_and_unread_filters(filled: tuple[Library, list[int]]) -> None:
    lib, ids = filled
    lib.set_starred(ids[2], True)
    lib.set_read(ids[0], True)
    assert [r.id for r in lib.rows(where=ListFilter(starred=True))] == [ids[2]]
    assert lib.count(where=ListFilter(unread=True)) == len(ids) - 1
    assert ids[0] not in [r.id for r in lib.rows(where=ListFilter(unread=True))]


def test_the_unread_list_can_keep_one_read_article(filled: tuple[Library, list[int]]) -> None:
    """``unread_or``: the open article stays in the Unread collection once
    read; every query of the list agrees on it, and it widens only
    ``unread``."""
    lib, ids = filled
    lib.set_read(ids[0], True)
    lib.set_read(ids[1], True)
    listed = [r.id for r in lib.rows(where=ListFilter(unread=True, unread_or=ids[0]))]
    assert listed == [r.id for r in lib.rows() if r.id != ids[1]]
    assert lib.count(where=ListFilter(unread=True, unread_or=ids[0])) == len(listed)
    assert sorted(lib.ids(where=ListFilter(unread=True, unread_or=ids[0]))) == sorted(listed)
    kept = ListFilter(unread=True, unread_or=ids[0])
    assert lib.position(ids[0], where=kept) == listed.index(ids[0])
    assert lib.position(ids[0], where=ListFilter(unread=True)) is None
    # No unread filter: nothing to widen.
    assert lib.count(where=ListFilter(unread_or=ids[0])) == len(ids)
    lib.set_starred(ids[2], True)
    # Starred still holds.
    assert lib.count(where=ListFilter(starred=True, unread=True, unread_or=ids[0])) == 1


@pytest.mark.parametrize(("given", "stored"), [
    ("  كتب\tجديدة ", "كتب جديدة"),
    ("x" * (MAX_TAG_CHARS + 10), "x" * MAX_TAG_CHARS),
    ("   ", ""),
    # Pasted with bidi controls, a tag stood beside its twin (a day of use).
    ("\u202eتحذير\u202c خطر \u2067RLI", "تحذير خطر RLI"),
    ("news\u202e123 abc", "news123 abc"),
    ("\u200f\u200e", ""),
])
def test_clean_tag(given: str, stored: str) -> None:
    assert clean_tag(given) == stored


def test_a_tag_is_renamed_on_every_article_or_joins_one_that_exists(
        filled: tuple[Library, list[int]]) -> None:
    """A tester's day: a tag typed wrong could only be mended article by article."""
    lib, ids = filled
    lib.set_article_tags(ids[0], ["اقتصد"])
    lib.set_article_tags(ids[1], ["اقتصد", "سياسة"])
    lib.set_article_tags(ids[2], ["اقتصاد"])
    assert lib.rename_tag("سياسة", "  شؤون   سياسية ") == 1  # cleaned as a tag is
    assert lib.article_tags(ids[1]) == ["اقتصد", "شؤون سياسية"]
    assert lib.rename_tag("اقتصد", "اقتصاد") == 3  # the two are one now
    assert [(t.name, t.articles) for t in lib.tags()] == [("اقتصاد", 3), ("شؤون سياسية", 1)]
    assert lib.rename_tag("اقتصاد", "اقتصاد") == 3
    with pytest.raises(NotFound):
        lib.rename_tag("اقتصد", "أي اسم")
    with pytest.raises(ValueError):
        lib.rename_tag("اقتصاد", " \u200f ")
