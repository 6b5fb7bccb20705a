"""Upgrading a store made by the release before schema v6 (issue 16, item 3).

``tests/data/stores/v5-library.sqlite3`` was written by that release's own
code (the bundled samples, two user highlights with a note and a colour, a
star, a read article with its reading position, stored rankings), and
``v5-library.json`` is what that code read back from it. Opening it now
upgrades it at open, with progress: the folded copy of the text goes (the
plain index becomes contentless), automatic highlights lose their stored
text, both indexes are refilled, the file is compacted to 16 KB pages; and
nothing a reader had is lost.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.store import Library, schema
from reader.store.library import PAGE_SIZE
from reader.text import ENGINE_VERSION
from tests.reliability.test_torture import check_store

DATA = Path(__file__).resolve().parents[1] / "data" / "stores"
FIXTURE_ENGINE = 3
"""The ENGINE_VERSION that computed the fixture's automatic highlights."""


@pytest.fixture
def old_store(tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite3"
    shutil.copyfile(DATA / "v5-library.sqlite3", path)
    return path


def test_a_v5_store_upgrades_whole(old_store: Path) -> None:
    expected = json.loads((DATA / "v5-library.json").read_text(encoding="utf-8"))
    calls: list[tuple[int, int]] = []
    with Library.open(old_store, progress=lambda done, total: calls.append((done, total))) \
            as lib:
        assert calls[0] == (0, len(expected)) and calls[-1] == (len(expected),) * 2
        assert lib.ids() == [a["id"] for a in expected]
        for want in expected:
            article = lib.get(want["id"])
            assert article.fields() == want["fields"]
            assert (article.source, article.published, article.read, article.starred,
                    article.position) == (want["source"], want["published"], want["read"],
                                          want["starred"], want["position"])
            got = [[h.field, h.kind, h.subtype, h.start, h.end, h.text, h.value, h.speaker,
                    h.colour, h.note] for h in lib.highlights(want["id"])]
            assert [g for g in got if g[1] == "user"] == \
                   [w for w in want["highlights"] if w[1] == "user"]
            for field, _, _, start, end, text, *_ in got:
                assert text == article.field_text(field)[start:end]
            if ENGINE_VERSION == FIXTURE_ENGINE:
                assert got == want["highlights"]
            assert [hit.id for hit in lib.search("الحكومة", limit=50)] == want["search"]
        assert "ملاحظة القارئ على الفقرة" in {
            h.note for a in expected for h in lib.highlights(a["id"], kind="user")}
    assert check_store(old_store) == []
    con = sqlite3.connect(old_store)
    try:
        assert con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert con.execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.execute("SELECT count(*) FROM highlights WHERE kind != 'user'"
                           " AND text != ''").fetchone()[0] == 0
        assert con.execute("PRAGMA freelist_count").fetchone()[0] == 0  # compacted
    finally:
        con.close()


def test_a_v5_store_read_only_is_read_as_it_is(old_store: Path) -> None:
    """A store that cannot be written cannot be upgraded: it is read as v5."""
    expected = json.loads((DATA / "v5-library.json").read_text(encoding="utf-8"))
    with Library.open(old_store, read_only=True) as lib:
        for want in expected:
            assert lib.get(want["id"]).fields() == want["fields"]
            users = [[h.field, h.kind, h.subtype, h.start, h.end, h.text, h.value, h.speaker,
                      h.colour, h.note] for h in lib.highlights(want["id"], kind="user")]
            assert users == [w for w in want["highlights"] if w[1] == "user"]
        assert [hit.id for hit in lib.search("الحكومة", limit=50)] == expected[0]["search"]
    con = sqlite3.connect(old_store)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 5
    con.close()
