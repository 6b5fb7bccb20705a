"""In-article find on 1.2 MB of real news: our find against QTextDocument.find.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_find.py``

The text is the pool's articles (``bench/pool.py``: ``../shared/corpus/pool``,
real Arabic news), title and body, joined until it holds 1.2 MB of UTF-8.
Prints tables; asserts nothing (DESIGN: timings live in bench/, not tests).

Per query kind (a frequent word, a rare word, a rare word made of the
letters most common in news only, a whole word, a regular expression): the
first find on a text never seen (fold and offset table
included), the later find-all (the fold cached, as the user meets it while
typing), and the peer in the same run: ``QTextDocument.find`` over the same
text in an offscreen plain document, hit after hit (whole words: its
FindWholeWords flag; the regular expression: a QRegularExpression). The
ratio is the peer's time over our later find-all. Then what a caller pays
after find, for the frequent word: every span in bulk (``starts``/``ends``),
every hit as a ``Match``, the hits in a window (``between`` then indexing).
Last, the fold alone, and on a fully vocalized copy (the map's worst case).

Times are the best of N runs, the median beside it: the machine is shared;
our find-all and the peer run in turns, so that a busy moment weighs on both.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from machine import describe

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pool import articles

from reader.text import find, fold

TARGET_BYTES = 1_200_000
FREQUENT = "في"
RARE_CANDIDATES = ("داعش", "المفاوضات", "البرلمان", "الشرطة")
PLAIN_RARE_CANDIDATES = ("السعودية", "الموسم", "المنافسة", "الحلقة")
"""Rare words made of letters common in news only (no anchor for the scan)."""
WHOLE_WORD = "قال"
REGEX = r"\d{4}"
"""Four digits (years): the fold makes Arabic-Indic digits ASCII; the peer
matches both through QRegularExpression's Unicode \\d."""


def build_text() -> str:
    """Real news, title and body of each pool article, to TARGET_BYTES of UTF-8."""
    parts: list[str] = []
    size = 0
    for title, body in articles(10_000):
        parts += (title, body)
        size += len(title.encode("utf-8")) + len(body.encode("utf-8")) + 2
        if size >= TARGET_BYTES:
            break
    return "\n".join(parts)


def rare_word(text: str, candidates: tuple[str, ...]) -> str:
    """A word with between 10 and 200 hits in ``text`` (the first that has)."""
    folded = fold(text).text
    for word in candidates:
        if 10 <= folded.count(fold(word).text) <= 200:
            return word
    return candidates[0]


class Timing:
    """Best and median wall time (ms) of ``runs`` calls, and the last result."""

    def __init__(self, fn: Callable[[], object], runs: int) -> None:
        self.times: list[float] = []
        self.fn = fn
        for _ in range(runs):
            self.run()

    def run(self) -> None:
        t0 = time.perf_counter()
        self.result = self.fn()
        self.times.append((time.perf_counter() - t0) * 1000)

    @property
    def best(self) -> float:
        return min(self.times)

    def __str__(self) -> str:
        return f"{self.best:7.2f} ({statistics.median(self.times):.2f})"


def side_by_side(ours: Callable[[], object], peer: Callable[[], object], runs: int
                 ) -> tuple[Timing, Timing]:
    """Both timed in turns, run after run, so that a busy moment of a shared
    machine falls on both alike."""
    a, b = Timing(ours, 0), Timing(peer, 0)
    for _ in range(runs):
        a.run()
        b.run()
    return a, b


def vocalize(text: str) -> str:
    """The text with a vowel after every Arabic letter and a shadda (typed
    before its vowel, as keyboards do) on one in eight: the worst case for
    the fold's map, as in fully vocalized poetry or scripture."""
    rng = random.Random(5)
    vowels = ["\u064e", "\u064f", "\u0650", "\u0652", "\u064b"]
    out = []
    for ch in text:
        out.append(ch)
        if "\u0621" <= ch <= "\u064a":
            if rng.random() < 0.125:
                out.append("\u0651")
            out.append(rng.choice(vowels))
    return "".join(out)


def peer_find_all(doc: object, query: object, flags: object = None) -> int:
    """QTextDocument.find from the start, hit after hit; the number of hits."""
    from PySide6.QtGui import QTextCursor, QTextDocument

    flags = flags if flags is not None else QTextDocument.FindFlag(0)
    count = 0
    cursor = QTextCursor(doc)  # type: ignore[call-overload]
    while True:
        cursor = doc.find(query, cursor, flags)  # type: ignore[attr-defined]
        if cursor.isNull():
            return count
        count += 1


def print_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                        for i, cell in enumerate(row)))
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    runs = args.runs

    from PySide6.QtCore import QRegularExpression
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QApplication

    text = build_text()
    rare = rare_word(text, RARE_CANDIDATES)
    plain_rare = rare_word(text, PLAIN_RARE_CANDIDATES)
    app = QApplication.instance() or QApplication([])  # noqa: F841 (Qt needs it)
    doc = QTextDocument()
    doc.setPlainText(text)
    whole = QTextDocument.FindFlag.FindWholeWords
    unicode_digits = QRegularExpression.PatternOption.UseUnicodePropertiesOption
    kinds: list[tuple[str, str, dict[str, bool], object, object]] = [
        ("frequent word", FREQUENT, {}, FREQUENT, None),
        ("rare word", rare, {}, rare, None),
        ("rare, common letters", plain_rare, {}, plain_rare, None),
        ("whole word", WHOLE_WORD, {"whole_word": True}, WHOLE_WORD, whole),
        ("regex", REGEX, {"regex": True}, QRegularExpression(REGEX, unicode_digits), None),
    ]

    fresh = iter(range(10**6))

    def new_text() -> str:
        # an equal string would hit the fold and offset caches: vary the end
        return text + chr(0x41 + next(fresh) % 26)

    rows = []
    for kind, query, options, peer_query, flags in kinds:
        first = Timing(lambda q=query, o=options: find(new_text(), q, **o), runs)
        find(text, query, **options)
        later, peer = side_by_side(lambda q=query, o=options: find(text, q, **o),
                                   lambda q=peer_query, f=flags: peer_find_all(doc, q, f), runs)
        rows.append((kind, query, str(len(later.result)), str(first), str(later),  # type: ignore[arg-type]
                     str(peer.result), str(peer), f"{peer.best / later.best:5.1f}x"))

    print(f"text: {len(text):,} characters, {len(text.encode('utf-8')):,} bytes UTF-8 of "
          f"real news (the pool); Python {sys.version.split()[0]}")
    print(f"ms: best of {runs} runs (median); find-all and the peer in turns; "
          "ratio: the peer's best over our find-all's best")
    print()
    print_table(("query kind", "query", "hits", "first find", "find-all", "peer hits",
                 "QTextDocument.find", "peer/ours"), rows)

    hits = find(text, FREQUENT)
    middle = len(text) // 2
    window = (middle, middle + 3000)  # about a screenful of text
    costs = [
        ("every span: starts, ends (arrays)",
         Timing(lambda: (lambda h: (h.starts, h.ends))(find(text, FREQUENT)), runs)),
        ("every hit as a Match (list(hits))", Timing(lambda: list(find(text, FREQUENT)), runs)),
        ("hits in a window of 3,000 characters (between, then hits[i])",
         Timing(lambda: [hits[i] for i in hits.between(*window)], runs)),
    ]
    print_table((f"after find {FREQUENT} ({len(hits):,} hits), a caller asks for", "ms"),
                [(label, str(t)) for label, t in costs])

    vocalized = vocalize(text)
    runs_v = max(3, runs // 3)
    size = len(vocalized.encode("utf-8")) / 1e6
    folds = [
        ("fold, uncached", Timing(lambda: fold(new_text()), runs)),
        (f"fold, fully vocalized copy ({size:.1f} MB), uncached",
         Timing(lambda: fold(vocalized + chr(0x41 + next(fresh) % 26)), runs_v)),
        ("  same, marks kept (match diacritics)",
         Timing(lambda: fold(vocalized + chr(0x61 + next(fresh) % 26), diacritics=False),
                runs_v)),
    ]
    print_table(("the fold alone", "ms"), [(label, str(t)) for label, t in folds])
    print("Peer counts differ from ours: QTextDocument.find does not fold (hamza,")
    print("ta marbuta, digits) and knows no proclitic, so it misses hits ours makes.")
    return 0


if __name__ == "__main__":
    print(describe(), flush=True)
    raise SystemExit(main())
