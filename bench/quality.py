"""Precision and recall of the automatic highlights against annotations made by reading.

    .venv/bin/python bench/quality.py [--corpus DIR] [--split NAME ...] [-v]
    .venv/bin/python bench/quality.py --draw     # the docnos of the pool splits

Nineteen annotated sets (``--split`` names one, repeatable; default all), each
printed per outlet with its number of items:

``tuning``  the 24 corpus articles the rules were first written against
            (``DIR/articles``; ``tests/data/gold_quotes.json`` and
            ``gold_figures.json``): how the engine does on what it saw.
``dev``     40 pool articles drawn with a fixed seed, annotated by reading;
            the engine may be tuned on them (``tests/data/quality_dev.json``).
``dev2``    40 more pool articles, the next of the same draw, annotated by
            reading after the first round of tuning, before any tuning on
            them; tuned on with ``dev`` (``tests/data/quality_dev2.json``).
``dev3``    40 more, the next of the draw, annotated the same way after the
            tuning on ``dev2`` and measured once as held-out text before
            being tuned on too (``tests/data/quality_dev3.json``).
``dev4``    40 more, the next of the draw (446 spans: 129 quotations, 88
            terms, 229 figures), annotated by reading before any tuning on
            them (the reader saw no engine output for them) and measured once
            as held-out text: quotes P 1.000 R 0.986, q/t 0.902 (alarabia
            0.731 on 27, skynews 0.871 on 31, BBC 0.911 on 45, CNN 0.927 on
            56, france24 0.965 on 58); figures digR 0.962, wordR 0.909, figP
            0.987 (``tests/data/quality_dev4.json``).
``dev5``    40 more, the next of the draw (442 spans as read: 115
            quotations, 74 terms, 253 figures of which 53 number words),
            annotated by reading before the engine was run on them (the
            reader saw no engine output for them) and measured once as
            held-out text (ENGINE_VERSION 14): figures digR 0.985 (197 of
            200: a score 2 - 1 before يوم الثلاثاء, a score "2/ 1" after
            بنتيجة, a date السابع عشر من الشهر الجاري), wordR 0.943 (50 of
            53: the three are halves, النصف والنصف ونصف), figP 0.996 (248
            of 249: ستون of بلاك ستون); quotes P 1.000 R 1.000, q/t 0.931
            (176 of 189: alarabia 0.852 on 27, france24 0.909 on 33,
            skynews 0.923 on 26, CNN 0.950 on 60, BBC 0.977 on 43). Those
            three halves broke the files' convention (a half after the noun
            it halves, عاما ونصف, and النصف الأول, a period, are no figure:
            dev4 and test leave them out, as numbers.py does); found in
            reading the misses, they were taken out of the file, the one
            change after the measurement: 250 figures, wordR 1.000 (50 of
            50). Then tuned on, kind by kind (ENGINE_VERSION 15: a score
            before يوم and a weekday, a score with a slash after نتيجة, a
            day of a month told by its place, ستون alone as the name
            Stone): figures digR 1.000, wordR 1.000, figP 1.000; every
            other set as it was, the test split too (never tuned on: digR
            0.996, wordR 0.982, figP 0.991). One article (FR-culture-36, 2
            quote spans) is also in devq6, drawn apart: its quotes were
            tuned on, its figures were not
            (``tests/data/quality_dev5.json``).
``test``    40 other pool articles drawn the same way, annotated BEFORE any
            tuning and never tuned on (``tests/data/quality_test.json``): the
            honest figure, the one README reports. Its quote spans have a
            second reading, made blind (the reader saw neither the first
            labels nor the engine's output; ``quality_test_second.json``):
            under the test table, how often the two readings give a span
            the same subtype (149 of 158, 0.943, kappa 0.88: how far any
            q/t figure can be read) and the q/t on the spans both agree on.
``devq``    22 more pool articles for quotation or term only (issue 15: the
            dev sets held too few quotes of the outlets the test set found
            weak): drawn with ``SEED`` from the articles no other set took
            that hold a quotation mark, 12 of CNN, 4 of BBC, 2 of each other
            outlet (``draw_quote_split``), annotated by reading before any
            tuning on them; their files hold quote spans only, so figures
            are not scored there (``tests/data/quality_devq.json``).
``devq2``   22 more, the next of the same draw, annotated the same way after
            the tuning on ``devq`` and measured once as held-out text before
            any tuning on them: q/t 0.890 (``tests/data/quality_devq2.json``).
``devq3``   22 more, the next of the same draw (127 quote spans: 93
            quotations, 34 terms), annotated the same way after the tuning
            on ``devq2`` and measured once as held-out text before any
            tuning on them: q/t 0.937 (BBC 0.900, CNN 0.921, the other
            outlets 1.000), quotes P 1.000 R 1.000
            (``tests/data/quality_devq3.json``).
``devq4``   22 more, the next of the same draw (104 quote spans: 73
            quotations, 31 terms), annotated the same way after the tuning
            on ``devq3`` and measured once as held-out text before any
            tuning on them: q/t 0.837 (BBC 0.615 on 13, CNN 0.800 on 55,
            alarabia 0.909 on 11, france24 and skynews 1.000 on 16 and 9),
            quotes P 1.000 R 1.000; then tuned on: 0.904 (BBC 0.769, CNN
            0.891) with the other sets as they were or better
            (``tests/data/quality_devq4.json``).
``devq5``   22 more, the next of the same draw (103 quote spans: 74
            quotations, 29 terms), annotated the same way after the tuning
            on ``devq4`` and measured once as held-out text before any
            tuning on them: q/t 0.913 (BBC 0.923 on 13, CNN 0.929 on 70,
            france24 0.769 on 13, alarabia and skynews 1.000 on 3 and 4),
            quotes P 1.000 R 1.000; then tuned on: 0.971 (CNN 1.000,
            france24 0.846) with the other sets as they were
            (``tests/data/quality_devq5.json``).
``devq6``   22 more, the next of the same draw (115 quote spans: 82
            quotations, 33 terms), annotated the same way after the tuning
            on ``devq5`` and measured once as held-out text before any
            tuning on them: q/t 0.887 (BBC 0.750 on 16, CNN 0.908 on 76,
            france24 0.889 on 9, skynews 0.900 on 10, alarabia 1.000 on 4),
            quotes P 1.000 R 1.000; then tuned, with devq2 to devq5, on the
            kinds of miss that recur across their held-out measurements:
            0.904 (``tests/data/quality_devq6.json``).
``devq7``   22 more, the next of the same draw (82 quote spans: 56
            quotations, 26 terms), annotated the same way after that tuning
            and measured once as held-out text before any tuning on them:
            q/t 0.732 (BBC 0.615 on 13, CNN 0.737 on 57, france24 0.800 on
            5, skynews 0.800 on 5, alarabia 1.000 on 2), quotes P 1.000 R
            1.000; the engine before that tuning read it the same (0.732);
            then tuned on with devq8: 0.915 (``tests/data/quality_devq7.json``).
``devq8``   22 more, the next of the same draw (108 quote spans: 93
            quotations, 15 terms), annotated the same way before any tuning
            on devq7 or devq8 (the reader saw no engine output for them) and
            measured once as held-out text: q/t 0.833 (BBC 0.789 on 19, CNN
            0.824 on 74, france24 0.875 on 8, alarabia 1.000 on 4, skynews
            1.000 on 3), quotes P 1.000 R 1.000; then tuned on with devq7:
            0.843, with the other dev sets as they were or better (devq6
            0.922, devq 0.975, dev3 0.958, dev4 0.921; the test split, never
            tuned on, went from 0.878 to 0.872: one alarabia quote of 158)
            (``tests/data/quality_devq8.json``).
``devq9``   22 more, the next of the same draw (149 quote spans: 93
            quotations, 56 terms), annotated the same way before any tuning
            on it (the reader saw no engine output for it) and measured once
            as held-out text: q/t 0.906 (BBC 0.978 on 45, CNN 0.860 on 57,
            france24 0.917 on 24, skynews 0.786 on 14, alarabia 1.000 on
            9), quotes P 1.000 R 1.000; then tuned, with devq7 and devq8,
            on kinds of miss (a phrase that opens with a preposition, the
            object of a verb of stance, a glued بـ in reported speech …):
            0.960 (CNN 0.930), devq8 0.898, devq7 0.939, devq4 0.913, dev2
            0.955, no set lower; the test split, never tuned on, read the
            same as before (0.872) (``tests/data/quality_devq9.json``).
``devq10``  22 more, the next of the same draw (113 quote spans: 67
            quotations, 46 terms), drawn for the question of the tie (a
            quote whose cue score is 0, read as a term) on text the rules
            were not tuned on; annotated the same way before the engine was
            run on it and measured once as held-out text (ENGINE_VERSION
            13): q/t 0.920 (BBC 0.933 on 30, CNN 0.918 on 61, alarabia
            0.857 on 7, france24 1.000 on 10, skynews 0.800 on 5), quotes
            P 1.000 R 1.000. Its ties (a quote the engine finds whose cue
            score is 0, read as a term): 3 of 113, gold 1 quotation and 2
            terms, so ties stay terms; read as quotations (``score >= 0``,
            the list items after them following) devq10 would read 0.912
            (-1), and the sets the rules were tuned on lose 30 spans: see
            ``bench/fit_quote_model.py``'s finding; then tuned on, with the
            kinds of miss left in devq7 to devq9 (ENGINE_VERSION 14: a
            nickname after الملقب بـ or يلقبونه بـ, a negated adjective
            «غير …», a demand quoted again after another asking verb, the
            source after حسب ما نقلت, a stance verb's content past a long
            subject and object): 0.982 (BBC 1.000, CNN 0.967), dev4 0.930,
            dev3 0.964, devq6 0.930, devq8 0.907, devq9 0.966, dev2 0.960,
            no set lower (``tests/data/quality_devq10.json``).
``devq11``  22 more, the next of the same draw (130 quote spans: 89
            quotations, 41 terms), annotated the same way before the engine
            was run on it and measured once as held-out text after the
            tuning on devq10 (ENGINE_VERSION 14): q/t 0.891 (BBC 0.833 on
            12, CNN 0.922 on 77, alarabia 1.000 on 12 found of 14,
            france24 0.727 on 22, skynews 1.000 on 5), quotes P 1.000 R
            0.985 (the two missed are one speaker's two sentences that a
            doubled mark runs together). One CNN article of it is the very
            text of one of devq10 (a pool duplicate, CN-sport-451 =
            CN-sport-422; its 11 spans labelled the same by two readings
            made apart): without it q/t 0.880 (103 of 117), CNN 0.909 (60
            of 66). The test split, never tuned on, run once at the end
            (aggregate only): 0.872 as before (CNN 0.690), quotes P 1.000
            R 0.987 (``tests/data/quality_devq11.json``).
``devq12``  22 more, the next of the same draw (93 quote spans: 62
            quotations, 31 terms), annotated the same way before the engine
            was run on it and measured once as held-out text after the
            tuning on devq11 (ENGINE_VERSION 17): q/t 0.902 (BBC 0.917 on
            12, CNN 0.897 on 58, france24 0.800 on 10, alarabia and skynews
            1.000 on 4 and 8), quotes P 1.000 R 0.989 (the one missed has no
            closing mark); 0.913 once a nested name was matched with its own
            highlight rather than the quotation around it (the scoring, not
            the engine). Then tuned on, kind by kind (ENGINE_VERSION 18: an
            institution or place noun before a name, a quote before وأن/وإن
            naming no speaker, a verb's بـ inside the marks): 0.957, devq11
            0.906 (a role's film, عن دوره في «…»), no set lower; the test
            split, never tuned on, 0.872 as before
            (``tests/data/quality_devq12.json``).

The pool (``DIR/pool/ant-multisource.jsonl.gz``, default ``../shared/corpus``
or ``RTL_READER_CORPUS``) is not ours: the files hold docnos, a hash of each
text and offsets into it (``start``, ``end``, ``kind``, ``subtype``), never the
text. A set whose texts are missing is skipped with a message; an article
whose text no longer hashes the same is skipped and counted.

The draw (``draw_splits``): pool articles of 400 to 3,500 characters, minus
those the tuning set took from the same source; per outlet 8 articles a split,
two each from sport and economy (most figures are there) and four from its
other categories in turn; each (outlet, category) shuffled with ``SEED``, its
first articles go to test, the next to dev, then dev2, dev3, dev4 and dev5.

Columns: ``quotes`` gold quotations and terms; quotation ``P``/``R`` (a gold
span is found when a quote overlaps at least half of it; a quote is right when
it overlaps at least half of a gold one); ``q/t`` the share of found quotes
whose subtype (quotation or term) is right; ``figs`` gold figures; ``digR``
recall of figures written with digits; ``wordR`` recall of number words
(subtype ``words``); ``figP`` figure precision. Then the throughput of
``find_highlights`` on the pool's text of the measured articles. Exits 0
whatever the scores.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.text import find_highlights  # noqa: E402

DATA = REPO / "tests" / "data"
GOLD_FILES = (DATA / "gold_quotes.json", DATA / "gold_figures.json")
SPLITS = ("test", "dev", "dev2", "dev3", "dev4", "dev5")
"""The pool splits in the order of the draw (test first: adding a split
after the others never changes them)."""
QUOTE_SPLITS = ("devq", "devq2", "devq3", "devq4", "devq5", "devq6", "devq7", "devq8",
                "devq9", "devq10", "devq11", "devq12")
"""Splits annotated for quotes only (figures are not scored on them)."""
QUOTE_DRAWN_AFTER = ("test", "dev", "dev2", "dev3")
"""The pool splits the quote splits were drawn after (``--draw`` excludes
these only, so a pool split added later never changes the quote splits)."""
SPLIT_FILES = {name: DATA / f"quality_{name}.json" for name in SPLITS + QUOTE_SPLITS}
SECOND_READINGS = {"test": DATA / "quality_test_second.json"}
"""A second, blind reading of a split's quote subtypes (the same spans), to
measure how far two readers agree: the ceiling any q/t figure is read under."""
POOL = Path("pool") / "ant-multisource.jsonl.gz"

SEED = 15
PER_OUTLET = 8
LENGTHS = (400, 3500)
OUTLETS = ("alarabia", "BBC", "CNN", "france24", "skynews")
CATEGORIES = ("sport", "economy", "middleEast", "internationalNews", "culture", "technology")


# ------------------------------------------------------------------ the pool


def read_pool(corpus: Path, wanted: set[str] | None = None) -> Iterator[dict[str, str]]:
    """The pool's records (all, or those whose docno is in ``wanted``)."""
    with gzip.open(corpus / POOL, "rt", encoding="utf-8") as f:
        for line in f:
            record: dict[str, str] = json.loads(line)
            if wanted is None or record["docno"] in wanted:
                yield record


def text_hash(text: str) -> str:
    """What an annotation file keeps of a text: its SHA-256, never the text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def draw_splits(records: Iterable[dict[str, str]], exclude: set[str]) -> dict[str, list[str]]:
    """The docnos of each split of ``SPLITS`` (module doc for the rule)."""
    by_cell: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in records:
        if r["docno"] not in exclude and LENGTHS[0] <= len(r["text"]) <= LENGTHS[1]:
            by_cell[(r["src"], r["cat"])].append(r["docno"])
    rng = random.Random(SEED)
    for key in sorted(by_cell):
        by_cell[key].sort()
        rng.shuffle(by_cell[key])
    splits: dict[str, list[str]] = {name: [] for name in SPLITS}
    for outlet in OUTLETS:
        others = [c for c in CATEGORIES[2:] if by_cell.get((outlet, c))]
        plan = ["sport", "economy", "sport", "economy"]
        plan += [others[k % len(others)] for k in range(PER_OUTLET - len(plan))]
        used: dict[str, int] = defaultdict(int)
        for name in SPLITS:
            for cat in plan:
                cell = by_cell[(outlet, cat)]
                splits[name].append(cell[used[cat]])
                used[cat] += 1
    return splits


QUOTE_PLAN = {"CNN": 12, "BBC": 4, "alarabia": 2, "france24": 2, "skynews": 2}
"""How many articles of each outlet ``draw_quote_split`` takes."""


def draw_quote_split(records: Iterable[dict[str, str]], exclude: set[str],
                     name: str = "devq") -> list[str]:
    """The docnos of the quote split ``name`` (of ``QUOTE_SPLITS``): per
    outlet of ``QUOTE_PLAN``, the pool articles of ``LENGTHS`` not in
    ``exclude`` that hold a quotation mark, sorted, shuffled with ``SEED``;
    ``devq`` takes the first ones, ``devq2`` the next, ``devq3`` to
    ``devq12`` the ones after those, in turn."""
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for r in records:
        if (r["docno"] not in exclude and LENGTHS[0] <= len(r["text"]) <= LENGTHS[1]
                and any(m in r["text"] for m in '«"“”')):
            by_outlet[r["src"]].append(r["docno"])
    rng = random.Random(SEED)
    skip = QUOTE_SPLITS.index(name)
    drawn: list[str] = []
    for outlet, count in QUOTE_PLAN.items():
        cell = sorted(by_outlet[outlet])
        rng.shuffle(cell)
        drawn += cell[skip * count : (skip + 1) * count]
    return drawn


def tuning_docnos(corpus: Path) -> set[str]:
    """The pool docnos of the tuning articles (named in the corpus SOURCES.md)."""
    sources = corpus / "SOURCES.md"
    if not sources.is_file():
        return set()
    words = sources.read_text(encoding="utf-8").replace("`", " ").split()
    return {Path(w).stem for w in words if w.endswith(".txt") and "/" in w}


# ------------------------------------------------------------------ scoring


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    subtype: str


T = TypeVar("T")


def load_sets(corpus: Path, names: Iterable[str],
              read: Callable[[str, list[Span]], T]) -> dict[str, list[T]]:
    """Each annotated set of ``names`` (never ``test``: the fit scripts must
    not see it) as ``read(text, gold spans)`` an article: ``tuning`` from the
    corpus articles and their gold files, the others from the pool (an
    article whose text changed is skipped with a line)."""
    names = tuple(names)
    assert "test" not in names
    sets: dict[str, list[T]] = {name: [] for name in names}
    wanted: dict[str, tuple[str, dict]] = {}
    for name in names:
        if name == "tuning":
            gold: dict[str, list[Span]] = defaultdict(list)
            for path in GOLD_FILES:
                data = json.loads(path.read_text(encoding="utf-8"))
                for file, spans in data["files"].items():
                    gold[file] += [Span(s["start"], s["end"], s["kind"], s["subtype"])
                                   for s in spans]
            for path in sorted((corpus / "articles").glob("*.txt")):
                sets[name].append(read(path.read_text(encoding="utf-8"), gold[path.name]))
            continue
        data = json.loads(SPLIT_FILES[name].read_text(encoding="utf-8"))
        for docno, entry in data["articles"].items():
            wanted[docno] = (name, entry)
    for record in read_pool(corpus, set(wanted)):
        name, entry = wanted[record["docno"]]
        if text_hash(record["text"]) != entry["sha256"]:
            print(f"{name} {record['docno']}: text changed, skipped")
            continue
        spans = [Span(s["start"], s["end"], s["kind"], s["subtype"]) for s in entry["spans"]]
        sets[name].append(read(record["text"], spans))
    return sets


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def covers_half(of: Span, by: Span) -> bool:
    """True when ``by`` overlaps at least half of ``of``."""
    return 2 * overlap(of, by) >= max(1, of.end - of.start)


class Score:
    """Counts for one outlet (or a whole set), by name: ``articles``,
    ``quotes`` (gold), ``quotes_found``, ``quotes_predicted``, ``quotes_right``,
    ``subtype_right``, ``figures``, ``digits``, ``digits_found``, ``words``,
    ``words_found``, ``figures_predicted``, ``figures_right``."""

    def __init__(self) -> None:
        self.n: Counter[str] = Counter()
        self.misses: list[str] = []

    def add(self, other: Score) -> None:
        self.n.update(other.n)
        self.misses.extend(other.misses)

    def row(self, label: str) -> str:
        n = self.n

        def share(a: str, b: str) -> str:
            return f"{n[a] / n[b]:.3f}" if n[b] else "  -  "

        return (f"{label:<12}{n['articles']:>5}{n['quotes']:>7}"
                f"{share('quotes_right', 'quotes_predicted'):>7}"
                f"{share('quotes_found', 'quotes'):>7}"
                f"{share('subtype_right', 'quotes_found'):>7}{n['figures']:>6}"
                f"{share('digits_found', 'digits'):>7}{share('words_found', 'words'):>7}"
                f"{share('figures_right', 'figures_predicted'):>7}")


HEADER = (f"{'outlet':<12}{'arts':>5}{'quotes':>7}{'P':>7}{'R':>7}{'q/t':>7}{'figs':>6}"
          f"{'digR':>7}{'wordR':>7}{'figP':>7}")


def score_article(name: str, text: str, gold: list[Span], verbose: bool,
                  kinds: tuple[str, ...] = ("quote", "figure")) -> Score:
    """Compare ``find_highlights(text)`` with ``gold`` (only the ``kinds`` the
    gold was annotated for)."""
    s = Score()
    n = s.n
    n["articles"] = 1
    hits = [Span(h.start, h.end, h.kind, h.subtype) for h in find_highlights(text)
            if h.kind in kinds]
    for g in gold:
        same = [h for h in hits if h.kind == g.kind and covers_half(g, h)]
        # the hit most like the gold span: of those that overlap it most, the
        # tightest (a name nested in a quotation is the nested quote, not
        # the quotation around it, which overlaps it as much)
        best = (max(same, key=lambda h: (overlap(g, h), h.start - h.end))
                if same else None)
        label = f"{name} {g.kind}/{g.subtype} [{g.start}:{g.end}] {text[g.start:g.end][:50]!r}"
        if g.kind == "quote":
            n["quotes"] += 1
            n["quotes_found"] += best is not None
            n["subtype_right"] += best is not None and best.subtype == g.subtype
            if best is None or best.subtype != g.subtype:
                s.misses.append(f"  miss {label} got {best.subtype if best else 'nothing'}")
            continue
        n["figures"] += 1
        group = "words" if g.subtype == "words" else "digits"
        n[group] += 1
        n[f"{group}_found"] += best is not None
        if best is None:
            s.misses.append(f"  miss {label}")
    for h in hits:
        right = any(g.kind == h.kind and covers_half(h, g) for g in gold)
        group = "quotes" if h.kind == "quote" else "figures"
        n[f"{group}_predicted"] += 1
        n[f"{group}_right"] += right
        if not right:
            s.misses.append(f"  extra {name} {h.kind}/{h.subtype} [{h.start}:{h.end}] "
                            f"{text[h.start:h.end][:50]!r}")
    if not verbose:
        s.misses.clear()
    return s


def print_table(title: str, per_outlet: dict[str, Score], verbose: bool) -> Score:
    total = Score()
    print(title)
    print(HEADER)
    for outlet in sorted(per_outlet):
        print(per_outlet[outlet].row(outlet))
        total.add(per_outlet[outlet])
    print(total.row("all"))
    if verbose:
        print("\n".join(total.misses))
    print()
    return total


# ------------------------------------------------------------------ the sets


def measure_split(corpus: Path, name: str, verbose: bool) -> list[str]:
    """Print the table of one pool split; return its texts (for throughput)."""
    data = json.loads(SPLIT_FILES[name].read_text(encoding="utf-8"))
    articles = data["articles"]
    kinds = tuple(data.get("kinds", ("quote", "figure")))
    if not (corpus / POOL).is_file():
        print(f"{name}: pool not found at {corpus / POOL}: skipped\n")
        return []
    per_outlet: dict[str, Score] = defaultdict(Score)
    texts = []
    changed = 0
    for record in read_pool(corpus, set(articles)):
        entry = articles[record["docno"]]
        if text_hash(record["text"]) != entry["sha256"]:
            changed += 1
            continue
        gold = [Span(s["start"], s["end"], s["kind"], s["subtype"]) for s in entry["spans"]]
        per_outlet[record["src"]].add(score_article(record["docno"], record["text"], gold,
                                                    verbose, kinds))
        texts.append(record["text"])
    note = f", {changed} skipped (text changed)" if changed else ""
    print_table(f"{name} split: {len(texts)} pool articles{note}", per_outlet, verbose)
    if name in SECOND_READINGS:
        print_agreement(corpus, articles, json.loads(SECOND_READINGS[name].read_text("utf-8")))
    return texts


def agreement(first: dict[str, dict], second: dict[str, dict]
              ) -> tuple[float, float, dict[str, list[Span]]]:
    """Two readings of the same quote spans (``articles`` of two annotation
    files): the share of spans given the same subtype, Cohen's kappa (that
    share corrected for what chance alone would give), and the spans both
    readings agree on, by docno."""
    pairs: list[tuple[str, str]] = []
    agreed: dict[str, list[Span]] = defaultdict(list)
    for docno, entry in second.items():
        subtypes = {(s["start"], s["end"]): s["subtype"] for s in first[docno]["spans"]
                    if s["kind"] == "quote"}
        for s in entry["spans"]:
            one = subtypes[(s["start"], s["end"])]
            pairs.append((one, s["subtype"]))
            if one == s["subtype"]:
                agreed[docno].append(Span(s["start"], s["end"], "quote", one))
    same = sum(a == b for a, b in pairs) / len(pairs)
    q1 = sum(a == "quotation" for a, _ in pairs) / len(pairs)
    q2 = sum(b == "quotation" for _, b in pairs) / len(pairs)
    chance = q1 * q2 + (1 - q1) * (1 - q2)
    kappa = (same - chance) / (1 - chance) if chance < 1 else 1.0
    return same, kappa, agreed


def print_agreement(corpus: Path, first: dict[str, dict], second: dict) -> None:
    """Print ``agreement`` of two readings and the engine's q/t on the spans
    both agree on. Never verbose: the second reading is a measurement, not a
    source of cases to tune on."""
    same, kappa, agreed = agreement(first, second["articles"])
    score = Score()
    for record in read_pool(corpus, set(agreed)):
        if text_hash(record["text"]) == second["articles"][record["docno"]]["sha256"]:
            score.add(score_article(record["docno"], record["text"], agreed[record["docno"]],
                                    False, ("quote",)))
    n = score.n
    total = sum(len(e["spans"]) for e in second["articles"].values())
    print(f"second reading of the {total} quote subtypes: the readings agree on "
          f"{same:.3f} (kappa {kappa:.2f}); q/t on the "
          f"{sum(map(len, agreed.values()))} spans they agree on: "
          f"{n['subtype_right'] / max(1, n['quotes_found']):.3f}\n")


def measure_tuning(corpus: Path, verbose: bool) -> list[str]:
    """Print the table of the tuning articles (``DIR/articles``)."""
    gold: dict[str, list[Span]] = defaultdict(list)
    for path in GOLD_FILES:
        data = json.loads(path.read_text(encoding="utf-8"))
        for file, spans in data["files"].items():
            gold[file] += [Span(s["start"], s["end"], s["kind"], s["subtype"]) for s in spans]
    per_outlet: dict[str, Score] = defaultdict(Score)
    texts = []
    for path in sorted((corpus / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        outlet = path.stem.split("_", 1)[-1]
        per_outlet[outlet].add(score_article(path.name, text, gold[path.name], verbose))
        texts.append(text)
    print_table(f"tuning set: {len(texts)} corpus articles", per_outlet, verbose)
    return texts


def throughput(texts: list[str]) -> None:
    """MB/s of ``find_highlights`` over the measured texts, article by article
    (best of three; the goal is 10 MB/s)."""
    if not texts:
        return
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for t in texts:
            find_highlights(t)
        best = min(best, time.perf_counter() - start)
    print(f"find_highlights on these {len(texts)} texts ({size:.2f} MB): {size / best:.1f} MB/s")


def main() -> int:
    default = Path(os.environ.get("RTL_READER_CORPUS", REPO.parent / "shared" / "corpus"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=default)
    parser.add_argument("--split", choices=("tuning", *SPLITS, *QUOTE_SPLITS), action="append",
                        help="the set(s) to measure (default: all)")
    parser.add_argument("--draw", action="store_true", help="print the docnos of the splits")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus} (set RTL_READER_CORPUS or --corpus): "
              "nothing to measure")
        return 0
    if args.draw:
        exclude = tuning_docnos(args.corpus)
        splits = draw_splits(read_pool(args.corpus), exclude)
        for name in QUOTE_DRAWN_AFTER:
            exclude |= set(splits[name])
        quote_splits = {name: draw_quote_split(read_pool(args.corpus), exclude, name)
                        for name in QUOTE_SPLITS}
        print(json.dumps(splits | quote_splits, indent=1))
        return 0
    texts: list[str] = []
    for name in args.split or ("tuning", "dev", "dev2", "dev3", "dev4", "dev5", "devq", "devq2",
                               "devq3", "devq4", "devq5", "devq6", "devq7", "devq8", "devq9",
                               "devq10", "devq11", "devq12", "test"):
        if name == "tuning":
            texts += measure_tuning(args.corpus, args.verbose)
        else:
            texts += measure_split(args.corpus, name, args.verbose)
    throughput(texts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
