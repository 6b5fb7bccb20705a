"""A killed import leaves the library whole (issue 7, item 1).

A child process imports two thousand files and is killed with SIGKILL at
points spread over a measured full import. After each kill the file passes
``PRAGMA integrity_check``, every stored article is whole (all its text, its
automatic highlights, its index entry), and importing again completes the
library without duplicates.
"""

from __future__ import annotations

import random
import signal
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from reader.store import Library
from reader.text import find_highlights
from tests.reliability.conftest import cli, cli_popen, integrity, token_of

KILL_RUNS = 20
CHECKED_PER_RUN = 25

pytestmark = pytest.mark.slow


def _expected_bodies(files: Sequence[Path]) -> dict[str, str]:
    bodies = {}
    for path in files:
        lines = path.read_text(encoding="utf-8").split("\n")
        body = "\n".join(line for line in lines[2:] if line)
        token = token_of(body)
        assert token
        bodies[token] = body
    return bodies


def _check_whole(store: Path, bodies: dict[str, str], rng: random.Random) -> int:
    """Assert every sampled article is whole; return how many articles there are."""
    assert integrity(store) == "ok"
    with Library.open(store, create=False) as lib:
        ids = lib.ids()
        sample = set(rng.sample(ids, min(CHECKED_PER_RUN, len(ids))))
        if ids:
            sample.add(max(ids))  # the last article written is the one a kill could tear
        for article_id in sample:
            article = lib.get(article_id)
            token = token_of(article.body)
            assert token is not None, article_id
            assert article.body == bodies[token]
            expected = sum(len(find_highlights(text, field=name))
                           for name, text in article.fields().items())
            assert len(lib.highlights(article_id)) == expected
            assert [h.id for h in lib.search(token)] == [article_id]
        return len(ids)


def test_sigkill_during_import_never_tears_an_article(
    generated: Sequence[Path], tmp_path: Path
) -> None:
    folder = generated[0].parent
    bodies = _expected_bodies(generated)
    rng = random.Random(2026)

    started = time.monotonic()
    full = cli("import", str(folder), store=tmp_path / "full.sqlite3")
    duration = time.monotonic() - started
    assert full.returncode == 0, full.stderr
    assert _check_whole(tmp_path / "full.sqlite3", bodies, rng) == len(generated)

    partial_counts = []
    for run in range(KILL_RUNS):
        store = tmp_path / f"killed-{run}.sqlite3"
        child = cli_popen("import", str(folder), store=store)
        # Spread the kills evenly over the import, with jitter inside each slot.
        time.sleep(duration * (run + rng.random()) / KILL_RUNS)
        child.send_signal(signal.SIGKILL)
        child.communicate()
        if not store.exists():
            partial_counts.append(0)
            continue
        partial_counts.append(_check_whole(store, bodies, rng))

        again = cli("import", str(folder), store=store)
        assert again.returncode == 0, again.stderr
        assert _check_whole(store, bodies, rng) == len(generated)
        with Library.open(store, create=False) as lib:
            titles = [row.title for row in lib.rows()]
        assert len(set(titles)) == len(titles) == len(generated)

    # The kills really landed inside imports: some stores were partly filled.
    assert any(0 < n < len(generated) for n in partial_counts), partial_counts
