"""Rows another program wrote into a store: values of the wrong type, a
highlight's value that is not JSON, offsets outside their field. The store
reads them as well as it can (text as text, a broken value as none, offsets
held inside the field and the highlight marked orphaned) so that show,
highlights and every export go on, never a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.cli import main
from reader.store import Library
from tests.store.conftest import school_article

TAMPERING = {
    "title as bytes": "UPDATE articles SET title = CAST('وزارة التربية' AS BLOB)",
    "title not UTF-8": "UPDATE articles SET title = x'ff00fe'",
    "caption as a number": "UPDATE articles SET caption = 12345",
    "speaker as bytes": "UPDATE highlights SET speaker = x'ff', note = 5",
    "value not JSON": "UPDATE highlights SET value = '{not json'",
    "offsets before the start": "UPDATE highlights SET start = -50",
    "offsets past the end": "UPDATE highlights SET \"end\" = 999999",
    "offsets reversed": "UPDATE highlights SET start = \"end\" + 3",
    "offsets as text": "UPDATE highlights SET start = 'x'",
}


@pytest.fixture
def tampered(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    store = tmp_path / "library.sqlite3"
    lib = Library.open(store)
    [added] = lib.add_articles([school_article()])
    lib.add_user_highlight(added.id, "body", 0, 5, colour="#ffd54f", note="ملاحظة")
    lib.close()
    con = sqlite3.connect(store)
    con.execute(TAMPERING[request.param])
    con.commit()
    con.close()
    return store


@pytest.mark.parametrize("tampered", list(TAMPERING), indirect=True)
@pytest.mark.parametrize("command", [
    ["show", "1"], ["highlights", "1", "--format", "json"],
    *(["export", "--format", f, "-o", "-", "1"] for f in ("md", "json", "csv", "html")),
])
def test_a_row_of_the_wrong_shape_reads_without_a_traceback(
        capsys: pytest.CaptureFixture[str], tampered: Path, command: list[str]) -> None:
    # Was: TypeError, ValueError or JSONDecodeError tracebacks.
    code = main(["--store", str(tampered), *command])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Traceback" not in err
    assert out


@pytest.mark.parametrize("tampered", ["title as bytes", "title not UTF-8", "caption as a number"],
                         indirect=True)
def test_an_article_of_the_wrong_shape_is_reindexed_and_deleted(
        capsys: pytest.CaptureFixture[str], tampered: Path) -> None:
    # Was: delete raised TypeError folding the bytes for the index.
    assert main(["--store", str(tampered), "reindex"]) == 0
    assert main(["--store", str(tampered), "delete", "1"]) == 0
    assert main(["--store", str(tampered), "list", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert out.rstrip().endswith("[]") and "Traceback" not in err
    con = sqlite3.connect(tampered)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        con.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    finally:
        con.close()


@pytest.mark.parametrize("tampered", ["offsets past the end", "offsets reversed"],
                         indirect=True)
def test_offsets_outside_their_field_are_held_inside_it_and_orphaned(tampered: Path) -> None:
    lib = Library.open(tampered)
    try:
        body = lib.get(1).body
        for h in lib.highlights(1):
            assert 0 <= h.start <= h.end <= len(lib.get(1).field_text(h.field))
        user = [h for h in lib.get(1).user_highlights]
        assert user and all(h.extra.get("orphaned") for h in user)
        assert body
    finally:
        lib.close()
