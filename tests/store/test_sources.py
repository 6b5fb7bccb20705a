"""The list narrowed to a news source (issue 18): a feed, or a folder with the
folders below it, combined with the other filters; marking many read."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.store import Article, Library
from reader.store.derive import now
from reader.store.feeds import MAX_INTERVAL, FetchState
from reader.store.listing import ListFilter
from tests.store.conftest import sample_articles


@pytest.fixture
def followed(store_path: Path) -> Iterator[tuple[Library, dict[str, int], list[int]]]:
    """Feeds in ``عربي``, ``عربي/محلي``, ``عربي_x`` (an underscore: LIKE's
    wildcard) and no folder; each gave articles, one article two feeds."""
    lib = Library.open(store_path)
    ids = [r.id for r in lib.add_articles(sample_articles())]
    ids.append(lib.add_article(Article(title="خبر سادس", body="نص الخبر السادس.")).id)
    feeds = {
        "arab": lib.feeds.add("http://127.0.0.1:1/a.xml", folder="عربي").id,
        "local": lib.feeds.add("http://127.0.0.1:1/b.xml", folder="عربي/محلي").id,
        "other": lib.feeds.add("http://127.0.0.1:1/c.xml", folder="عربي_x").id,
        "loose": lib.feeds.add("http://127.0.0.1:1/d.xml").id,
    }
    gave = {"arab": ids[0:2], "local": ids[1:3], "other": ids[3:4], "loose": ids[4:5]}
    for name, articles in gave.items():
        lib.feeds.record(feeds[name], FetchState(now()),
                         [([f"{name}-{i}"], i) for i in articles])
    yield lib, feeds, ids
    lib.close()


def test_a_feed_keeps_the_articles_it_gave(
        followed: tuple[Library, dict[str, int], list[int]]) -> None:
    lib, feeds, ids = followed
    assert sorted(r.id for r in lib.rows(where=ListFilter(feed=feeds["local"]))) == ids[1:3]
    assert lib.count(where=ListFilter(feed=feeds["local"])) == 2
    assert lib.count(where=ListFilter(feed=feeds["loose"])) == 1 and lib.count() == len(ids)
    gone = ListFilter(feed=9999)
    assert lib.rows(where=gone) == [] and lib.count(where=gone) == 0


def test_a_folder_holds_its_subfolders_but_not_a_name_that_only_starts_alike(
        followed: tuple[Library, dict[str, int], list[int]]) -> None:
    lib, _, ids = followed
    # The article both عربي and عربي/محلي gave is listed once.
    assert sorted(r.id for r in lib.rows(where=ListFilter(folder="عربي"))) == ids[0:3]
    assert lib.count(where=ListFilter(folder="عربي")) == 3
    assert sorted(r.id for r in lib.rows(where=ListFilter(folder="عربي/محلي"))) == ids[1:3]
    assert [r.id for r in lib.rows(where=ListFilter(folder="عربي_x"))] == ids[3:4]
    assert lib.count(where=ListFilter(folder="عرب")) == 0  # a prefix of a name is no folder
    assert lib.count(where=ListFilter(folder="")) == 5  # the root: every article some feed gave


def test_the_source_combines_with_the_other_filters(
        followed: tuple[Library, dict[str, int], list[int]]) -> None:
    lib, feeds, ids = followed
    lib.set_read(ids[1], True)
    unread = ListFilter(folder="عربي", unread=True)
    assert [r.id for r in lib.rows(sort="id", descending=False, where=unread)] == [ids[0], ids[2]]
    assert lib.count(where=ListFilter(feed=feeds["local"], unread=True)) == 1
    title = lib.get(ids[2]).title
    assert [r.id for r in lib.rows(where=ListFilter(folder="عربي", text=title))] == [ids[2]]
    lib.set_article_tags(ids[0], ["مهم"])
    assert lib.count(where=ListFilter(folder="عربي", tag="مهم")) == 1
    assert lib.count(where=ListFilter(feed=feeds["local"], tag="مهم")) == 0


def test_an_unsubscribed_feed_leaves_its_articles_in_the_library(
        followed: tuple[Library, dict[str, int], list[int]]) -> None:
    lib, feeds, ids = followed
    lib.feeds.remove(feeds["local"])
    assert lib.count() == len(ids)
    assert lib.count(where=ListFilter(feed=feeds["local"])) == 0
    assert sorted(r.id for r in lib.rows(where=ListFilter(folder="عربي"))) == ids[0:2]


def test_a_removed_feeds_id_is_never_given_to_another(
        followed: tuple[Library, dict[str, int], list[int]], store_path: Path) -> None:
    """The red team's finding: removing the newest feed handed its id to the
    next one followed, and a refresh of the removed feed still running then
    recorded its entries, and its articles, under the new feed."""
    lib, feeds, ids = followed
    newest = max(feeds.values())
    lib.feeds.remove(newest)
    added = lib.feeds.add("http://127.0.0.1:1/new.xml").id
    assert added > newest
    # The refresh of the removed feed ends now: nothing goes to the new one.
    lib.feeds.record(newest, FetchState(now()), [(["late-entry"], ids[0])])
    assert lib.count(where=ListFilter(feed=added)) == 0
    assert lib.feeds.seen(added, ["late-entry"]) == {}
    lib.close()
    with Library.open(store_path) as again:  # kept in the store, not in this Library
        again.feeds.remove(added)
        assert again.feeds.add("http://127.0.0.1:1/newer.xml").id > added


def test_a_removed_feed_put_back_is_followed_as_it_was(
        followed: tuple[Library, dict[str, int], list[int]]) -> None:
    """Undo of Remove feed: the same id, title, folder and state, and the
    entries it had seen, so none of them is news again; an entry whose
    article was deleted meanwhile is kept as none."""
    lib, feeds, ids = followed
    before = lib.feeds.get(feeds["arab"])
    removed = lib.feeds.remove(feeds["arab"])
    assert lib.count(where=ListFilter(feed=feeds["arab"])) == 0
    lib.delete(ids[0])
    lib.feeds.put_back(removed)
    again = lib.feeds.get(feeds["arab"])
    assert again == dataclasses.replace(before, unread=again.unread, total=again.total)
    assert again.total == 1  # ids[1]; ids[0] was deleted
    keys = [f"arab-{ids[0]}", f"arab-{ids[1]}"]
    assert lib.feeds.seen(feeds["arab"], keys) == {keys[0]: None, keys[1]: ids[1]}
    with pytest.raises(ReaderError):
        lib.feeds.put_back(removed)  # followed already


def test_a_store_of_version_9_numbers_feeds_past_its_newest(store_path: Path) -> None:
    """The upgrade to v10 keeps the largest id among the feeds a store has."""
    with Library.open(store_path) as lib:
        first = lib.feeds.add("http://127.0.0.1:1/a.xml").id
        second = lib.feeds.add("http://127.0.0.1:1/b.xml").id
    con = sqlite3.connect(store_path, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    con.execute("DROP TRIGGER feeds_id_kept")
    con.execute("DELETE FROM meta WHERE key = 'last_feed_id'")
    con.execute("PRAGMA user_version = 9")
    con.execute("COMMIT")
    con.close()
    with Library.open(store_path) as lib:
        lib.feeds.remove(second)
        assert lib.feeds.add("http://127.0.0.1:1/c.xml").id == second + 1
        assert [f.id for f in lib.feeds.all()] == [first, second + 1]


def test_set_read_many_says_which_changed(
        followed: tuple[Library, dict[str, int], list[int]]) -> None:
    lib, feeds, ids = followed
    lib.set_read(ids[1], True)
    unread = [r.id for r in lib.rows(where=ListFilter(folder="عربي", unread=True))]
    assert lib.set_read_many([*unread, ids[1], 9999], True) == sorted({ids[0], ids[2]})
    assert lib.count(where=ListFilter(folder="عربي", unread=True)) == 0
    assert lib.feeds.get(feeds["arab"]).unread == 0
    assert lib.set_read_many([ids[0]], False) == [ids[0]]
    assert not lib.get(ids[0]).read and lib.set_read_many([], True) == []


def test_an_old_read_only_store_has_no_sources(store_path: Path) -> None:
    with Library.open(store_path) as lib:
        lib.add_articles(sample_articles())
    con = sqlite3.connect(store_path, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    for table in ("feed_entries", "feeds", "article_tags", "tags"):
        con.execute(f"DROP TABLE {table}")
    con.execute("PRAGMA user_version = 6")
    con.execute("COMMIT")
    con.close()
    with Library.open(store_path, read_only=True) as old:
        assert old.rows(where=ListFilter(feed=1)) == []
        assert old.count(where=ListFilter(folder="عربي")) == 0
        assert old.count(where=ListFilter(folder=None)) == len(sample_articles())


@pytest.mark.parametrize("minutes", [0, MAX_INTERVAL + 1, 10**20])
def test_an_interval_outside_a_minute_to_a_week_is_refused(store_path: Path, minutes: int) -> None:
    with Library.open(store_path) as lib:
        with pytest.raises(ValueError):
            lib.feeds.add("http://127.0.0.1:1/a.xml", interval_minutes=minutes)
        feed = lib.feeds.add("http://127.0.0.1:1/a.xml")
        with pytest.raises(ValueError):
            lib.feeds.update(feed.id, interval_minutes=minutes)
        assert lib.feeds.get(feed.id).interval_minutes == feed.interval_minutes


def test_a_huge_interval_stored_by_an_older_version_still_records_a_fetch(
        store_path: Path) -> None:
    """An earlier version took any interval (``feeds add --interval
    9999999999``); every refresh then failed with 'date value out of range'."""
    with Library.open(store_path) as lib:
        feed = lib.feeds.add("http://127.0.0.1:1/a.xml")
    con = sqlite3.connect(store_path, isolation_level=None)
    con.execute("UPDATE feeds SET interval_minutes = 9999999999")
    con.close()
    with Library.open(store_path) as lib:
        lib.feeds.record(feed.id, FetchState(now()), [])
        lib.feeds.record(feed.id, FetchState(now(), error="refused"), [])
        assert lib.feeds.get(feed.id).next_check > now()


def test_a_feed_renamed_renames_the_source_of_its_articles_only(
        followed: tuple[Library, dict[str, int], list[int]]) -> None:
    """The feed's articles under its old name take the new one (one edited
    since keeps its own; another feed's article of that name is left alone);
    a title cleared leaves them as they are."""
    lib, feeds, ids = followed
    lib.feeds.update(feeds["arab"], title="الشرق")
    lib.feeds.update(feeds["other"], title="الشرق")
    for i in ids:
        lib.update_article(dataclasses.replace(lib.get(i), source="الشرق"))
    edited = dataclasses.replace(lib.get(ids[1]), source="مراسلنا")
    lib.update_article(edited)
    assert lib.feeds.update(feeds["arab"], title="الشرق اليوم") == [ids[0]]
    assert [lib.get(i).source for i in ids[:4]] == ["الشرق اليوم", "مراسلنا", "الشرق", "الشرق"]
    assert lib.count(where=ListFilter(text="اليوم")) == 1  # the list's filter reads the new name
    assert lib.feeds.update(feeds["arab"], title="") == []
    assert lib.get(ids[0]).source == "الشرق اليوم"


def test_a_feed_title_of_megabytes_is_cut(store_path: Path) -> None:
    """A title typed, pasted or read from an OPML file is the source of every
    article the feed gives: it is kept short."""
    with Library.open(store_path) as lib:
        feed = lib.feeds.add("http://127.0.0.1:1/a.xml", title="ع" * 1_000_000)
        assert len(lib.feeds.get(feed.id).title) <= 201
        lib.feeds.update(feed.id, title="خبر " * 300_000)
        assert len(lib.feeds.get(feed.id).title) <= 201
