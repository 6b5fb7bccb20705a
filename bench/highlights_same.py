"""Prove that a change left the automatic highlights as they were.

    .venv/bin/python bench/highlights_same.py record DIGEST [--articles N] [--seed S]
    .venv/bin/python bench/highlights_same.py check DIGEST

``record`` runs ``find_highlights`` over ``N`` pool articles (drawn at random
with ``--seed``, as ``bench_highlights.py`` draws them; default 5,000) plus
the corpus samples and the made sentences of ``bench_highlights.py``, and
writes one line per article: its index and the SHA-256 of every field of
every highlight it gave (kind, subtype, start, end, text, value, speaker,
field), in order. ``check`` recomputes the lines for the same articles (the
file's header says which) and names the first articles that differ; exit
status 1 when any does. For speed work, where the output must not change.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_highlights import made_texts, pool_texts, sample_texts  # noqa: E402

from reader.text import find_highlights  # noqa: E402


def texts(corpus: Path, articles: int, seed: int) -> list[str]:
    """The pool articles (the first ``articles`` of the seeded draw), then
    one pass of the samples and of the made sentences."""
    pool = pool_texts(corpus, 1e9, seed) or []
    samples = sample_texts(corpus, 0) or []
    return pool[:articles] + samples + made_texts(0)


def digest(text: str) -> str:
    """The SHA-256 of every highlight of ``text``, fields in a fixed order."""
    rows = [[h.kind, h.subtype, h.start, h.end, h.text, h.value, h.speaker, h.field]
            for h in find_highlights(text)]
    # sort_keys: a value dict built in another key order is the same value
    blob = json.dumps(rows, ensure_ascii=False, sort_keys=True)
    return f"{len(rows)} {hashlib.sha256(blob.encode('utf-8')).hexdigest()}"


def main() -> int:
    default = Path(os.environ.get("RTL_READER_CORPUS", REPO.parent / "shared" / "corpus"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=("record", "check"))
    parser.add_argument("digest", type=Path)
    parser.add_argument("--corpus", type=Path, default=default)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.mode == "record":
        items = texts(args.corpus, args.articles, args.seed)
        lines = [f"# articles={args.articles} seed={args.seed} texts={len(items)}"]
        lines += [f"{k} {digest(t)}" for k, t in enumerate(items)]
        args.digest.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"recorded {len(items):,} texts, "
              f"{sum(int(line.split()[1]) for line in lines[1:]):,} highlights")
        return 0
    header, *expected = args.digest.read_text(encoding="utf-8").splitlines()
    params = dict(p.split("=") for p in header.lstrip("# ").split())
    items = texts(args.corpus, int(params["articles"]), int(params["seed"]))
    if len(items) != int(params["texts"]):
        print(f"the texts changed: {len(items)} now, {params['texts']} recorded")
        return 1
    differ = [k for k, (t, line) in enumerate(zip(items, expected, strict=True))
              if f"{k} {digest(t)}" != line]
    if differ:
        print(f"{len(differ):,} of {len(items):,} texts differ, first: {differ[:10]}")
        return 1
    print(f"identical on all {len(items):,} texts "
          f"({sum(int(line.split()[1]) for line in expected):,} highlights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
