"""Opening stores: migrations, files that are not ours, newer, locked, read-only."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from reader.errors import (
    NotADatabase,
    StoreDamaged,
    StoreError,
    StoreLocked,
    StoreReadOnly,
    StoreTooNew,
)
from reader.store import Library, schema
from reader.text import fold_text
from tests.conftest import rerun_where_file_modes_bind
from tests.store.conftest import school_article, water_article


def _make_v1_store(path: Path) -> None:
    """A store exactly as the first schema wrote it, with one article indexed."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("BEGIN")
    for statement in schema.V1_DDL.split(";"):
        if statement.strip():
            con.execute(statement)
    a = school_article()
    con.execute(
        "INSERT INTO articles (id, title, subtitle, caption, byline, body, source, published,"
        " content_hash, imported_at, title_key, source_key, engine)"
        " VALUES (7, ?, ?, ?, ?, ?, ?, ?, ?, '2024-01-01T00:00:00Z', ?, ?, 0)",
        (a.title, a.subtitle, a.caption, a.byline, a.body, a.source, a.published,
         a.content_hash(), fold_text(a.title), fold_text(a.source)))
    con.execute("INSERT INTO articles_fts (rowid, title, subtitle, caption, byline, body)"
                " VALUES (7, ?, ?, ?, ?, ?)",
                tuple(fold_text(t) for t in a.fields().values()))
    con.execute("PRAGMA user_version = 1")
    con.execute("COMMIT")
    con.close()


def _user_version(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("PRAGMA user_version").fetchone()[0])
    finally:
        con.close()


def test_new_store_has_the_current_schema_and_wal(store_path: Path) -> None:
    Library.open(store_path).close()
    assert _user_version(store_path) == schema.SCHEMA_VERSION
    con = sqlite3.connect(store_path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


def test_store_from_the_first_schema_is_migrated(store_path: Path) -> None:
    _make_v1_store(store_path)
    with Library.open(store_path) as lib:
        article = lib.get(7)
        assert article.fields() == school_article().fields()
        assert [h.id for h in lib.search("المعلمين")] == [7]
        # The word-family index arrived with version 2 and holds the old article.
        assert [h.id for h in lib.search("معلم", stem=True)] == [7]
        # Highlights of the v1 article are computed on first use.
        assert all(h.article_id == 7 for h in lib.highlights(7))
        assert lib.add_article(water_article()).id == 8
        # From v9 a deleted article's id is never given again.
        lib.delete(8)
        assert lib.add_article(water_article()).id == 9
    assert _user_version(store_path) == schema.SCHEMA_VERSION


def test_migrations_are_ordered_steps() -> None:
    assert schema.SCHEMA_VERSION == len(schema.MIGRATIONS) >= 2


def test_empty_file_is_initialised(store_path: Path) -> None:
    store_path.write_bytes(b"")
    with Library.open(store_path) as lib:
        lib.add_article(school_article())
    assert _user_version(store_path) == schema.SCHEMA_VERSION


@pytest.mark.parametrize("content", [
    "هذا ملف نصي وليس مكتبة\n".encode(),
    os.urandom(8192),
    b"SQLite format 2\x00" + bytes(200),
], ids=["text", "random", "almost"])
def test_not_a_database_is_never_touched(store_path: Path, content: bytes) -> None:
    store_path.write_bytes(content)
    with pytest.raises(NotADatabase) as err:
        Library.open(store_path)
    assert err.value.subject == str(store_path)
    assert store_path.read_bytes() == content
    assert sorted(p.name for p in store_path.parent.iterdir()) == [store_path.name]


def test_sqlite_file_of_another_program(store_path: Path) -> None:
    con = sqlite3.connect(store_path)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.commit()
    con.close()
    before = store_path.read_bytes()
    with pytest.raises(NotADatabase):
        Library.open(store_path)
    assert store_path.read_bytes() == before


def test_store_too_new(store_path: Path) -> None:
    Library.open(store_path).close()
    con = sqlite3.connect(store_path)
    con.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    con.close()
    before = store_path.read_bytes()
    with pytest.raises(StoreTooNew) as err:
        Library.open(store_path)
    assert "newer" in err.value.message
    assert store_path.read_bytes() == before


def test_truncated_store_is_reported_and_kept(store_path: Path) -> None:
    with Library.open(store_path) as lib:
        lib.add_articles([school_article(), water_article()] + [
            type(school_article())(f"خبر رقم {n}", "نص طويل " * 400) for n in range(40)])
    size = store_path.stat().st_size
    with store_path.open("r+b") as fh:
        fh.truncate(size // 3)
    damaged = store_path.read_bytes()
    with pytest.raises(StoreError) as err, Library.open(store_path) as lib:
        lib.rows()
        lib.search("نص")
    assert type(err.value) is StoreDamaged
    assert store_path.read_bytes() == damaged


def test_missing_store_with_create_false(store_path: Path) -> None:
    with pytest.raises(StoreError):
        Library.open(store_path, create=False)
    assert not store_path.exists()


def test_folder_is_created(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "library.sqlite3"
    Library.open(path).close()
    assert path.is_file()


def test_store_locked_by_another_writer(store_path: Path) -> None:
    with Library.open(store_path) as lib:
        article_id = lib.add_article(school_article()).id
        holder = sqlite3.connect(store_path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            lib._db._writer.execute("PRAGMA busy_timeout = 50")
            with pytest.raises(StoreLocked) as err:
                lib.set_read(article_id, True)
            assert err.value.subject == str(store_path)
            # Reading is never blocked by a writer under WAL.
            assert lib.get(article_id).read is False
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        lib.set_read(article_id, True)
        assert lib.get(article_id).read is True


def test_read_only_open_lists_and_refuses_writes(store_path: Path) -> None:
    with Library.open(store_path) as lib:
        article_id = lib.add_article(school_article()).id
    before = store_path.read_bytes()
    with Library.open(store_path, read_only=True) as lib:
        assert lib.read_only
        assert [r.id for r in lib.rows()] == [article_id]
        assert lib.search("المعلمين")[0].id == article_id
        for write in (lambda: lib.delete(article_id), lambda: lib.set_read(article_id, True),
                      lambda: lib.add_article(water_article()), lambda: lib.reindex()):
            with pytest.raises(StoreReadOnly):
                write()
    assert store_path.read_bytes() == before


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_read_only_file_and_folder(store_path: Path, request: pytest.FixtureRequest,
                                   tmp_path_factory: pytest.TempPathFactory) -> None:
    if rerun_where_file_modes_bind(request, tmp_path_factory):
        return  # as root: proven in a child that file modes bind
    with Library.open(store_path) as lib:
        article_id = lib.add_article(school_article()).id
    store_path.chmod(0o444)
    store_path.parent.chmod(0o555)
    try:
        with Library.open(store_path) as lib:
            assert lib.read_only and lib.ids() == [article_id]
            with pytest.raises(StoreReadOnly):
                lib.delete(article_id)
        with pytest.raises(StoreReadOnly):
            Library.open(store_path.parent / "other.sqlite3")
    finally:
        store_path.parent.chmod(0o755)
        store_path.chmod(0o644)


def test_unwritable_store_opens_read_only(store_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """What a user without write access gets (simulated: tests may run as root)."""
    from reader.store import connection

    with Library.open(store_path) as lib:
        article_id = lib.add_article(school_article()).id
    monkeypatch.setattr(connection, "can_write", lambda path: False)
    with Library.open(store_path) as lib:
        assert lib.read_only and lib.ids() == [article_id]
        with pytest.raises(StoreReadOnly):
            lib.set_starred(article_id, True)
    with pytest.raises(StoreReadOnly):
        Library.open(store_path.parent / "new.sqlite3")


def test_a_folder_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        Library.open(tmp_path)


def test_many_openers_of_a_new_store_at_once(tmp_path: Path) -> None:
    """Imports started together all create-or-open the same new file (the
    switch to WAL and the first migration race each other)."""
    import threading

    from reader.store import Article

    for round_ in range(8):
        path = tmp_path / f"library-{round_}.sqlite3"
        errors: list[BaseException] = []
        start = threading.Barrier(6)

        def open_and_add(n: int, path: Path = path, errors: list[BaseException] = errors,
                         start: threading.Barrier = start) -> None:
            try:
                start.wait()
                with Library.open(path) as lib:
                    lib.add_article(Article(f"خبر {n}", f"نص الخبر رقم {n}"))
            except BaseException as err:  # reported below with its type
                errors.append(err)

        threads = [threading.Thread(target=open_and_add, args=(n,)) for n in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        with Library.open(path) as lib:
            assert lib.count() == 6


def test_migration_waits_for_a_writer_then_reports_locked(
        store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.store import connection

    _make_v1_store(store_path)
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(store_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreLocked):
            Library.open(store_path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _user_version(store_path) == 1
    with Library.open(store_path) as lib:
        assert lib.get(7).title == school_article().title
    assert _user_version(store_path) == schema.SCHEMA_VERSION


def test_an_older_store_opened_read_only(store_path: Path) -> None:
    """A read-only store cannot be migrated: one recent enough is read as it
    is; the first schema (no word-family index) is refused with StoreReadOnly."""
    with Library.open(store_path) as lib:
        article_id = lib.add_article(school_article()).id
    con = sqlite3.connect(store_path)
    con.execute("DROP INDEX articles_filter")  # added by a later version
    con.execute(f"PRAGMA user_version = {schema.READABLE_FROM}")
    con.close()
    with Library.open(store_path, read_only=True) as lib:
        assert [h.id for h in lib.search("معلم", stem=True)] == [article_id]
        assert [h.id for h in lib.search("المعلمين", since="2000-01-01",
                                         starred=False)] == [article_id]
    assert _user_version(store_path) == schema.READABLE_FROM
    v1 = store_path.with_name("v1.sqlite3")
    _make_v1_store(v1)
    with pytest.raises(StoreReadOnly):
        Library.open(v1, read_only=True)
