"""A killed import leaves every article whole or absent, index included.

A child process imports generated articles (each with automatic highlights, a
user highlight and two index rows) and reports each committed batch on
stdout; the parent SIGKILLs it right after a chosen report, i.e. in the middle
of the next batch. The store must pass ``integrity_check`` and hold only
whole articles, every one indexed, and no index row without its article.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.store import Article, HighlightRecord, Library
from reader.text import find_highlights

REPO = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent('''
    import sys
    from reader.store import Library, library
    from tests.store.test_kill import make_article

    library.BATCH_SIZE = 7
    with Library.open(sys.argv[1]) as lib:
        n = 0
        while True:
            batch = [make_article(n + k) for k in range(21)]
            lib.add_articles(batch)
            n += len(batch)
            print(n, flush=True)
''')

_WORDS = ("أعلنت الحكومة خطة جديدة لدعم المزارعين في المناطق الريفية وقال المتحدث "
          "باسم الوزارة إن البرنامج يشمل تمويل مشاريع الري وتحسين الطرق").split()


def make_article(n: int) -> Article:
    """Article number ``n``, the same in the child and in the checks."""
    words = [_WORDS[(n * 7 + i * 3) % len(_WORDS)] for i in range(60)]
    body = (f"{' '.join(words[:30])} رقم{n:06d}.\n"
            f"وقال المسؤول إن «{' '.join(words[30:40])}» وإن النسبة بلغت {n % 97}%.\n"
            f"{' '.join(words[40:])} عام {1990 + n % 30}.")
    article = Article(f"خبر رقم {n}", body, source="وكالة", published=f"2024-01-{1 + n % 28:02d}")
    start = body.index("المسؤول")
    article.user_highlights = [HighlightRecord(0, "body", "user", "", start, start + 7,
                                               "المسؤول", colour="#ffd54f")]
    return article


def _kill_after(store: Path, reports: int) -> int:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get(
        "PYTHONPATH", "")]))
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(store)], cwd=REPO, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    last = 0
    for _ in range(reports):
        line = child.stdout.readline()
        if not line:
            _, err = child.communicate()
            pytest.fail(f"the importer died on its own: {err}")
        last = int(line)
    child.send_signal(signal.SIGKILL)
    child.communicate()
    return last


def _check_whole(store: Path, at_least: int) -> None:
    con = sqlite3.connect(store)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for table in ("articles_fts", "articles_stem"):
            con.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
            strays = con.execute(f"SELECT count(*) FROM {table} WHERE rowid NOT IN "
                                 "(SELECT id FROM articles)").fetchone()[0]
            assert strays == 0, table
            missing = con.execute(f"SELECT count(*) FROM articles WHERE id NOT IN "
                                  f"(SELECT rowid FROM {table})").fetchone()[0]
            assert missing == 0, table
    finally:
        con.close()
    with Library.open(store) as lib:
        ids = lib.ids()
        assert len(ids) >= at_least
        # Articles are written in order, so the stored ones are 0..k-1, whole.
        for n, article_id in enumerate(ids):
            article = lib.get(article_id)
            expected = make_article(n)
            assert article.fields() == expected.fields()
            automatic = [h for h in lib.highlights(article_id) if h.kind != "user"]
            assert len(automatic) == sum(len(find_highlights(t, field=f))
                                         for f, t in expected.fields().items())
            assert [h.text for h in lib.highlights(article_id, kind="user")] == ["المسؤول"]
            assert lib.match_ids(f"رقم{n:06d}") == [article_id]


@pytest.mark.parametrize("reports", [1, 3, 6])
def test_killed_import_leaves_whole_articles(tmp_path: Path, reports: int) -> None:
    store = tmp_path / "library.sqlite3"
    committed = _kill_after(store, reports)
    _check_whole(store, committed)
