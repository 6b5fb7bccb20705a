"""A fixed, small workload of ``find_highlights`` for instruction counts.

    valgrind --tool=callgrind --callgrind-out-file=/tmp/eng.cg \\
        .venv/bin/python bench/ir_highlights.py [--articles 150] [--setup-only]
    callgrind_annotate /tmp/eng.cg | head

Wall-clock time on a shared machine is noise; the instructions callgrind
counts are not. This runs ``find_highlights`` once over ``--articles`` pool
articles (the first of ``bench_highlights.py``'s seeded draw, seed 1), after
a warm-up over the next 40 articles of the draw (as an import's first
articles), and compiles every lazily compiled pattern of ``reader.text``.
``--setup-only`` does everything but the measured pass: the difference of
the two totals is the measured pass's cost.

The articles are read from the pool once and kept in ``/tmp`` (decompressing
the whole pool under callgrind would cost more than the work measured).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

WARM = 40


def articles(count: int) -> list[str]:
    """The first ``count + WARM`` articles of the seed-1 pool draw."""
    cache = Path(f"/tmp/ir_highlights_{count}.json")
    if cache.is_file():
        return json.loads(cache.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    from bench_highlights import pool_texts
    corpus = Path(os.environ.get("RTL_READER_CORPUS", REPO.parent / "shared" / "corpus"))
    texts = (pool_texts(corpus, 1e9, 1) or [])[:count + WARM]
    cache.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    return texts


def _compile_lazy_patterns() -> None:
    """Compile every ``LazyPattern`` of ``reader.text`` now: a pattern that
    the warm-up did not need would otherwise be compiled, once, inside the
    measured pass, and its compilation counted as the engine's work."""
    import importlib
    import pkgutil

    import reader.text
    from reader.text.lazy_regex import LazyPattern
    for info in pkgutil.iter_modules(reader.text.__path__):
        module = importlib.import_module(f"reader.text.{info.name}")
        for value in vars(module).values():
            if isinstance(value, LazyPattern):
                value.compiled()
            elif isinstance(value, list | tuple):
                for item in value:
                    pattern = item[-1] if isinstance(item, tuple) and item else item
                    if isinstance(pattern, LazyPattern):
                        pattern.compiled()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--setup-only", action="store_true")
    args = parser.parse_args()
    texts = articles(args.articles)
    from reader.text import find_highlights
    for text in texts[args.articles:]:
        find_highlights(text)
    _compile_lazy_patterns()
    if args.setup_only:
        return 0
    found = sum(len(find_highlights(t)) for t in texts[:args.articles])
    size = sum(len(t.encode("utf-8")) for t in texts[:args.articles])
    print(f"{args.articles} articles, {size / 1e6:.3f} MB, {found} highlights")
    return 0


if __name__ == "__main__":
    sys.exit(main())
