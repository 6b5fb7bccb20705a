"""A deleted article brought back by Undo (``Library.delete_keeping`` and
``restore_article``): the same id, so a link ``rtl-reader://article/ID``
and the ids in an export name it again, and everything else as it was."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.errors import CannotRestore
from reader.store import Article, Library, derive, rows
from reader.store.feeds import FetchState
from reader.store.restore import DeletedArticle
from tests.store.conftest import books_article, sample_articles, school_article, water_article


def consistent(path: Path) -> None:
    """SQLite's and FTS5's own checks: both indexes agree with what they hold."""
    con = sqlite3.connect(path)
    try:
        assert [r[0] for r in con.execute("PRAGMA integrity_check")] == ["ok"]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        for table in ("articles_fts", "articles_stem"):
            con.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    finally:
        con.close()


def highlights(lib: Library, article_id: int) -> list[tuple[Any, ...]]:
    """Every highlight of the article as an export shows it, its id included."""
    return [(h.id, h.field, h.kind, h.subtype, h.start, h.end, h.text, h.colour, h.note,
             h.created, h.extra) for h in lib.highlights(article_id)]


def dressed(lib: Library) -> int:
    """The school article as a reader leaves it: read, starred, half read,
    tagged, two user highlights with notes, given by a feed."""
    article_id = lib.add_article(school_article()).id
    body = school_article().body
    start = body.index("الوزير")
    lib.add_user_highlight(article_id, "body", start, start + len("الوزير"),
                           colour="#ff8a80", note="من هو؟", created="2024-03-11T08:00:00Z")
    lib.add_user_highlight(article_id, "title", 0, 5, note="عنوان")
    lib.set_read(article_id, True)
    lib.set_starred(article_id, True)
    lib.set_position(article_id, body.index("ورحبت"))
    lib.set_article_tags(article_id, ["تعليم", "للمراجعة"])
    feed = lib.feeds.add("http://127.0.0.1:1/feed.xml").id
    lib.feeds.record(feed, FetchState(derive.now()), [(["entry-1"], article_id)])
    return article_id


def test_an_undone_delete_brings_the_article_back_under_its_id_as_it_was(
        store_path: Path) -> None:
    """Regression (tester, both windows): Undo gave a deleted article a new
    id (34 came back as 55), so `show 34` and every exported link failed,
    and its added date became the time of the undo."""
    with Library.open(store_path) as lib:
        lib.add_articles([books_article(), water_article()])
        article_id = dressed(lib)
        before = lib.get(article_id)
        marks = highlights(lib, article_id)
        tags = lib.article_tags(article_id)
        feed = lib.feeds.all()[0].id
        deleted = lib.delete_keeping(article_id)
        assert lib.ids([article_id]) == [] and lib.match_ids("المعلمين") == []
        restored = lib.restore_article(deleted)
        assert restored.id == article_id
        assert lib.get(article_id) == before  # fields, added date, state, user highlights
        assert highlights(lib, article_id) == marks  # automatic ones too, ids and all
        assert restored.highlight_ids == {h.id: h.id for h in before.user_highlights}
        assert lib.article_tags(article_id) == tags
        assert lib.feeds.article_ids(feed) == [article_id]
        assert lib.match_ids("المعلمين") == [article_id]
        assert lib.match_ids("معلم", stem=True) == [article_id]
        assert lib.search("الميزانية")[0].id == article_id
    consistent(store_path)


def test_the_command_line_and_a_link_name_the_article_again(
        store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Library.open(store_path) as lib:
        article_id = lib.add_articles(sample_articles())[2].id
        lib.restore_article(lib.delete_keeping(article_id))
    capsys.readouterr()
    assert main(["--store", str(store_path), "show", str(article_id)]) == 0
    assert water_article().title in capsys.readouterr().out


def test_delete_and_undo_over_and_over_keep_the_id(store_path: Path) -> None:
    with Library.open(store_path) as lib:
        lib.add_articles(sample_articles())
        article_id = dressed(lib)
        marks = highlights(lib, article_id)
        for _ in range(3):
            assert lib.restore_article(lib.delete_keeping(article_id)).id == article_id
        assert highlights(lib, article_id) == marks
        # New articles still number past every id there has been.
        assert lib.add_article(Article(title="خبر جديد", body="نص جديد.")).id > article_id
    consistent(store_path)


def test_highlight_ids_taken_meanwhile_come_back_as_other_ids(store_path: Path) -> None:
    # Highlight ids may be reused: the deleted article's were the largest,
    # and highlights made meanwhile got them.
    with Library.open(store_path) as lib:
        other = lib.add_article(water_article()).id
        article_id = dressed(lib)
        before = lib.get(article_id)
        held = len(lib.highlights(article_id))
        deleted = lib.delete_keeping(article_id)
        made = {lib.add_user_highlight(other, "body", 0, 5, note=str(n)).id: str(n)
                for n in range(held)}
        assert {h.id for h in before.user_highlights} <= set(made)
        restored = lib.restore_article(deleted)
        assert restored.id == article_id
        assert set(restored.highlight_ids) == {h.id for h in before.user_highlights}
        assert not set(restored.highlight_ids.values()) & set(made)
        back = {h.id: (h.text, h.colour, h.note, h.created)
                for h in lib.get(article_id).user_highlights}
        assert back == {restored.highlight_ids[h.id or 0]: (h.text, h.colour, h.note, h.created)
                        for h in before.user_highlights}
        assert len(lib.highlights(article_id)) == held
        assert {h.id: h.note for h in lib.get(other).user_highlights} == made
    consistent(store_path)


def take_id(path: Path, article_id: int) -> None:
    """Another program stores an article under ``article_id`` (raw SQL: this
    program never gives a deleted article's id to another)."""
    p = derive.prepare(books_article())
    con = sqlite3.connect(path)
    with con:
        con.execute(rows.insert_sql("articles", ("id", "content_hash", "imported_at", "title",
                                                 "body")),
                    (article_id, p.content_hash, derive.now(), books_article().title,
                     books_article().body))
    con.close()


def test_an_id_taken_meanwhile_is_refused_then_given_anew(store_path: Path) -> None:
    with Library.open(store_path) as lib:
        lib.add_article(water_article())
        article_id = dressed(lib)
        before = lib.get(article_id)
        deleted = lib.delete_keeping(article_id)
        take_id(store_path, article_id)
        with pytest.raises(CannotRestore) as refused:
            lib.restore_article(deleted)
        assert refused.value.line() == f"{article_id}: another article has this ID now"
        assert lib.get(article_id).title == books_article().title  # left alone
        restored = lib.restore_article(deleted, anew=True)
        assert restored.id > article_id
        again = lib.get(restored.id)
        assert dataclasses.replace(again, id=article_id, user_highlights=[]) == \
            dataclasses.replace(before, user_highlights=[])
        assert [(h.text, h.note) for h in again.user_highlights] == \
            [(h.text, h.note) for h in before.user_highlights]
        assert lib.article_tags(restored.id) == ["تعليم", "للمراجعة"]
        assert lib.match_ids("المعلمين") == [restored.id]
    # The foreign row was never indexed; everything this program wrote is.
    with Library.open(store_path) as lib:
        lib.reindex()
    consistent(store_path)


def test_its_text_stored_again_meanwhile_is_refused_then_joined(store_path: Path) -> None:
    # Deleted, then the same file imported again: undo gives the copy what
    # the reader had added to the deleted one.
    with Library.open(store_path) as lib:
        article_id = dressed(lib)
        deleted = lib.delete_keeping(article_id)
        copy = lib.add_article(school_article()).id
        lib.set_article_tags(copy, ["جديد"])
        with pytest.raises(CannotRestore, match=f"article {copy} has exactly this text now"):
            lib.restore_article(deleted)
        restored = lib.restore_article(deleted, anew=True)
        assert restored.id == copy
        assert lib.article_tags(copy) == ["تعليم", "جديد", "للمراجعة"]
        assert sorted((h.text, h.note) for h in lib.get(copy).user_highlights) == \
            sorted((h.text, h.note) for h in deleted.article.user_highlights)
        assert lib.ids() == [copy]
    consistent(store_path)


def test_an_id_a_running_reindex_holds_is_given_anew(store_path: Path) -> None:
    # A reindex in another process empties the indexes and writes back the
    # ids it listed: one put back into its range might be indexed twice.
    with Library.open(store_path) as lib:
        ids = [r.id for r in lib.add_articles(sample_articles())]
        deleted = lib.delete_keeping(ids[1])
        with lib._db.write() as con:
            rows.IndexPending.start(con, "elsewhere", ids[0], ids[-1])
        with pytest.raises(CannotRestore):
            lib.restore_article(deleted)
        assert lib.restore_article(deleted, anew=True).id > ids[-1]
        with lib._db.write() as con:
            rows.IndexPending.clear(con)
        lib.reindex()
        assert sorted(lib.match_ids("الكتاب")) == [ids[-1] + 1]
    consistent(store_path)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(["delete", "undo", "import", "highlight"]),
                                st.integers(0, 5)), max_size=14))
def test_any_mix_of_deletes_undos_imports_and_highlights_keeps_ids_and_indexes(
        tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[str, int]]) -> None:
    """Deletes undone in any order (the undo stack's order is one of them),
    between imports and highlights elsewhere: each article comes back under
    its id with what it held, and the indexes stay whole."""
    path = tmp_path_factory.mktemp("restore") / "library.sqlite3"
    with Library.open(path) as lib:
        originals = {r.id: lib.get(r.id) for r in lib.add_articles(sample_articles())}
        trash: list[DeletedArticle] = []
        imported = 0
        for step, n in steps:
            present = lib.ids()
            if step == "delete" and present:
                trash.append(lib.delete_keeping(present[n % len(present)]))
            elif step == "undo" and trash:
                deleted = trash.pop(n % len(trash))
                restored = lib.restore_article(deleted)
                assert restored.id == deleted.article.id
                assert sorted(map(repr, lib.get(restored.id).user_highlights)) == sorted(
                    repr(dataclasses.replace(h, id=restored.highlight_ids[h.id or 0]))
                    for h in deleted.article.user_highlights)
            elif step == "import":
                imported += 1
                originals[lib.add_article(Article(title=f"خبر {imported}",
                                                  body=f"نص الخبر رقم {imported}.")).id] = None
            elif step == "highlight" and present:
                lib.add_user_highlight(present[n % len(present)], "title", 0, 3, note=str(n))
        for deleted in trash:
            assert lib.restore_article(deleted).id == deleted.article.id
        assert sorted(lib.ids()) == sorted(originals)
        for article_id, article in originals.items():
            if article is not None:
                assert dataclasses.replace(lib.get(article_id), user_highlights=[]) == \
                    dataclasses.replace(article, user_highlights=[])
                assert lib.match_ids(f'"{article.title}"') == [article_id]
    consistent(path)
