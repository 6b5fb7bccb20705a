"""Precision and recall of the automatic highlights against hand-made gold.

    .venv/bin/python bench/quality.py [--corpus DIR] [-v]

Reads ``tests/data/gold_quotes.json`` and ``tests/data/gold_figures.json``
(``{"version": 1, "files": {NAME: [{"start", "end", "kind", "subtype"}]}}``,
offsets into the article file read as UTF-8 with its newlines; a missing gold
file is reported and skipped), runs ``reader.text.find_highlights`` on every
article of ``DIR/articles`` (default ``../shared/corpus``, or
``RTL_READER_CORPUS``) and prints a table.

Matching: a gold span is found when a highlight of its kind overlaps at least
half of it; a highlight is correct when a gold span of its kind overlaps at
least half of the highlight. Per subtype, both sides must also have that
subtype. "subtype right" is the share of found gold spans whose best
overlapping highlight carries the gold subtype. Then the engines' throughput
on about 1 MB of corpus text. Exits 0 whatever the scores, and with a message
when the corpus is absent.

How the quote gold was labelled, by reading each article: the span is the
text inside the marks without outer white space; ``quotation`` is someone's
words reproduced (a clause, a phrase presented as a named person's or a
document's statement, a slogan or chant); ``term`` is a name (organisation,
work, place, product), a label with no one utterance behind it (a charge, a
legal term, a passive "وُصف بـ"), or a scare quote. A mark with no partner
gives no gold span, except where the quoted words are plain to a reader (a
closing mark forgotten before punctuation or at the paragraph's end).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.text import find_highlights  # noqa: E402
from reader.text.figures import find_figures  # noqa: E402
from reader.text.quotes import find_quotes  # noqa: E402

GOLD_FILES = (REPO / "tests/data/gold_quotes.json", REPO / "tests/data/gold_figures.json")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    subtype: str


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def covers_half(of: Span, by: Span) -> bool:
    """True when ``by`` overlaps at least half of ``of``."""
    return 2 * overlap(of, by) >= max(1, of.end - of.start)


def load_gold(paths: tuple[Path, ...]) -> tuple[dict[str, list[Span]], set[str]]:
    """Gold spans per file name, and the kinds the gold files cover."""
    gold: dict[str, list[Span]] = defaultdict(list)
    kinds: set[str] = set()
    for path in paths:
        if not path.is_file():
            print(f"gold file missing: {path.relative_to(REPO)} (its kind is not measured)")
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for name, spans in data["files"].items():
            for s in spans:
                span = Span(s["start"], s["end"], s["kind"], s["subtype"])
                gold[name].append(span)
                kinds.add(span.kind)
        # A gold file with no spans still says which kind it covers.
        kinds.update(
            {"gold_quotes.json": {"quote"}, "gold_figures.json": {"figure"}}.get(path.name, set())
        )
    return gold, kinds


class Tally:
    def __init__(self) -> None:
        self.gold = 0
        self.found = 0
        self.predicted = 0
        self.correct = 0

    def row(self, label: str) -> str:
        p = self.correct / self.predicted if self.predicted else float("nan")
        r = self.found / self.gold if self.gold else float("nan")
        return f"{label:<22}{self.gold:>6}{self.predicted:>7}{p:>11.3f}{r:>8.3f}"


def measure(corpus: Path, verbose: bool) -> None:
    gold, kinds = load_gold(GOLD_FILES)
    if not kinds:
        print("no gold file: nothing to measure")
        return
    tallies: dict[str, Tally] = defaultdict(Tally)
    subtype_right: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    articles = sorted((corpus / "articles").glob("*.txt"))
    for path in articles:
        text = path.read_text(encoding="utf-8")
        spans = gold.get(path.name, [])
        hits = [
            Span(h.start, h.end, h.kind, h.subtype)
            for h in find_highlights(text)
            if h.kind in kinds
        ]
        for g in spans:
            same_kind = [h for h in hits if h.kind == g.kind and covers_half(g, h)]
            for key in (g.kind, f"{g.kind}/{g.subtype}"):
                tallies[key].gold += 1
            if same_kind:
                tallies[g.kind].found += 1
                best = max(same_kind, key=lambda h: overlap(g, h))
                subtype_right[g.kind][1] += 1
                subtype_right[g.kind][0] += best.subtype == g.subtype
            if any(h.subtype == g.subtype for h in same_kind):
                tallies[f"{g.kind}/{g.subtype}"].found += 1
            elif verbose:
                got = ", ".join(f"{h.subtype}" for h in same_kind) or "nothing"
                print(
                    f"  miss {path.name} {g.kind}/{g.subtype} [{g.start}:{g.end}] "
                    f"{text[g.start : g.end][:60]!r} got {got}"
                )
        for h in hits:
            matches = [g for g in spans if g.kind == h.kind and covers_half(h, g)]
            for key in (h.kind, f"{h.kind}/{h.subtype}"):
                tallies[key].predicted += 1
            if matches:
                tallies[h.kind].correct += 1
            if any(g.subtype == h.subtype for g in matches):
                tallies[f"{h.kind}/{h.subtype}"].correct += 1
            elif verbose and not matches:
                print(
                    f"  extra {path.name} {h.kind}/{h.subtype} [{h.start}:{h.end}] "
                    f"{text[h.start : h.end][:60]!r}"
                )
    print(f"{len(articles)} articles in {corpus}")
    print(f"{'kind/subtype':<22}{'gold':>6}{'found':>7}{'precision':>11}{'recall':>8}")
    for key in sorted(tallies, key=lambda k: (k.split("/")[0], "/" in k, k)):
        print(tallies[key].row(key))
    for kind, (right, total) in sorted(subtype_right.items()):
        share = right / total if total else float("nan")
        print(f"{kind}: subtype right on {right}/{total} found spans = {share:.3f}")


def throughput(corpus: Path) -> None:
    """MB/s of UTF-8 for the engines over about 1 MB made of the corpus
    articles one after another (the goal for find_highlights is 10 MB/s)."""
    joined = "\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("articles/*.txt")))
    if not joined:
        return
    text = "\n".join([joined] * (1 + 1_000_000 // len(joined.encode("utf-8"))))
    size = len(text.encode("utf-8")) / 1e6
    print(f"{'engine':<22}{'MB':>6}{'best s':>10}{'MB/s':>10}")
    for name, engine in (
        ("find_quotes", find_quotes),
        ("find_figures", find_figures),
        ("find_highlights", find_highlights),
    ):
        best = min(_timed(engine, text) for _ in range(3))
        print(f"{name:<22}{size:>6.2f}{best:>10.4f}{size / best:>10.1f}")


def _timed(engine: Callable[[str], object], text: str) -> float:
    start = time.perf_counter()
    engine(text)
    return time.perf_counter() - start


def main() -> int:
    default = Path(os.environ.get("RTL_READER_CORPUS", REPO.parent / "shared" / "corpus"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=default)
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    args = parser.parse_args()
    if not (args.corpus / "articles").is_dir():
        print(
            f"corpus not found at {args.corpus} (set RTL_READER_CORPUS or --corpus): "
            "nothing to measure"
        )
        return 0
    measure(args.corpus, args.verbose)
    print()
    throughput(args.corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
