"""Speakers that cannot be right: how often the speaker finder names a piece
of text instead of someone.

    .venv/bin/python bench/speakers.py [--corpus DIR] [--articles N] [--seed S] [-v]

Runs ``find_highlights`` over the corpus articles (``DIR/articles/*.txt``)
and ``N`` pool articles drawn with ``--seed`` as ``bench_highlights.py``
draws them (default 3,000), and counts the quotations whose speaker is
suspicious by its form alone (``suspicious``): a lone letter or clitic
(``بـ``), a quotation mark inside, more than ``MAX_WORDS`` words (a
clause), or a first word that is a preposition glued to a noun
(``بالفعل``, ``للصحفيين``, ``لـ…``). A speaker that passes is not
necessarily right: the count is a floor of the wrong ones, not a score.
``-v`` prints each suspicious speaker with its reason (to the terminal
only: the texts are never copied anywhere).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_highlights import pool_texts  # noqa: E402

from reader.text import find_highlights  # noqa: E402
from reader.text.fold import fold_word  # noqa: E402
from reader.text.speech import QUOTATION_MARKS, arabic_words  # noqa: E402

MAX_WORDS = 6
"""More words than this is a clause, not a name or a title with a name."""

_GLUED_PREPOSITIONS = ("بال", "لل")  # كال… opens names: كالوم
_HANGING_PREPOSITION = re.compile("[وف]?(?:بال|لل|[بلك])\u0640")


def suspicious(speaker: str) -> str:
    """Why ``speaker`` cannot be a speaker's name or noun phrase ("" when
    nothing in its form says so)."""
    if not speaker:
        return ""
    if not QUOTATION_MARKS.isdisjoint(speaker):
        return "quotation mark"
    words = speaker.split()
    if len(words) > MAX_WORDS:
        return "clause"
    letters = "".join(arabic_words(speaker)) or speaker
    if len(fold_word(letters).replace("\u0640", "")) <= 1:
        return "letter"
    if _HANGING_PREPOSITION.match(words[0]):
        return "preposition"
    if fold_word(words[0]).startswith(_GLUED_PREPOSITIONS) and len(words[0]) > 4:
        return "preposition"
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = os.environ.get("RTL_READER_CORPUS", str(REPO.parent / "shared" / "corpus"))
    parser.add_argument("--corpus", type=Path, default=Path(default))
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()

    sets = {
        "articles": [p.read_text(encoding="utf-8")
                     for p in sorted((args.corpus / "articles").glob("*.txt"))],
        "pool": (pool_texts(args.corpus, 1e9, args.seed) or [])[: args.articles],
    }
    print(f"{'set':10} {'texts':>6} {'quotations':>10} {'speakers':>8} {'suspicious':>10}  reasons")
    for name, texts in sets.items():
        if not texts:
            print(f"{name:10} absent under {args.corpus}")
            continue
        quotations = named = 0
        reasons: Counter[str] = Counter()
        for k, text in enumerate(texts):
            for h in find_highlights(text):
                if h.subtype != "quotation":
                    continue
                quotations += 1
                named += bool(h.speaker)
                reason = suspicious(h.speaker)
                if reason:
                    reasons[reason] += 1
                    if args.verbose:
                        print(f"  {name}[{k}] {reason}: {h.speaker!r}")
        listed = ", ".join(f"{r} {n}" for r, n in reasons.most_common())
        print(f"{name:10} {len(texts):>6} {quotations:>10} {named:>8} {sum(reasons.values()):>10}"
              f"  {listed}")


if __name__ == "__main__":
    main()
