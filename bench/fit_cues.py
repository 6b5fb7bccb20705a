"""Are weights fitted on data more general than the hand-set weights of the quote cues?

    .venv/bin/python bench/fit_cues.py [--corpus DIR]

Keeps the cue definitions of ``reader.text.quote_cues.CUES`` and asks only
about their weights (issue 15). For every gold quote span of the training
sets that the engine finds (matched as ``bench/quality.py`` matches them: the
engine quote that overlaps at least half of the gold span, the most), the
features are which cues hold for the engine's own ``Quote``
(``reader.text.quotes._classified``, as ``find_quotes`` builds it; the
length cues are cues too), the
label its gold subtype. A logistic regression with an L2 penalty and no
intercept (the engine's score has none: above 0 is a quotation) gives a
weight per cue; the weights used are ``round(k * w)``, integers as in the
table.

Training sets: ``TRAIN`` only. The penalty and the scale ``k`` are chosen by
leave-one-set-out cross-validation over them (the q/t of the held-out sets
pooled). ``devq6``, which no weight was set on, is the one comparison of the
hand weights and the weights fitted on all of ``TRAIN``. The test split is
never read here.

The two list cues read the subtype of the quote before (``«…» و«…»``): in
training that is the gold subtype of the one before (its engine subtype when
it has no gold span); in every measurement it is what the weights being
measured decided for it, quote after quote, as the engine runs. Prints the
cross-validation table, the weights, and hand versus fitted on ``devq6``.
Exits 0 whatever the scores.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from quality import (  # noqa: E402
    POOL,
    Span,
    covers_half,
    load_sets,
    overlap,
)

from reader.text.quote_context import Quote  # noqa: E402
from reader.text.quote_cues import CUES, LONG  # noqa: E402
from reader.text.quotes import _classified  # noqa: E402

TRAIN = ("tuning", "dev", "dev2", "dev3", "devq", "devq2", "devq3", "devq4", "devq5")
CHECK = "devq6"
PENALTIES = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
"""The L2 penalties tried (on the sum of the squared weights, against the
summed log-loss of about 1,000 spans)."""
SCALES = (1.0, 1.5, 2.0, 3.0, 4.0)
"""The ``k`` tried for the integer weights ``round(k * w)``."""
STATES = ("", "quotation", "term")
"""What ``Quote.list_after`` can be: no list, after a quotation, after a term."""

Weights = Sequence[float]


@dataclass(frozen=True)
class Row:
    """One engine quote: the indices of the cues of ``CUES`` that hold, for
    each ``STATES`` (only the list cues tell them apart); whether it follows
    the quote before as an item of one list; the gold subtypes matched to it
    (one, seldom more, or none); and the engine's subtype."""

    active: dict[str, tuple[int, ...]]
    linked: bool
    gold: tuple[str, ...]
    engine: str


Article = list[Row]


def _active(quote: Quote) -> dict[str, tuple[int, ...]]:
    words = min(quote.words, LONG)
    cues = [(i, c) for i, c in enumerate(CUES) if words in c.words]
    kept = quote.list_after
    active = {}
    for state in STATES:
        quote.list_after = state
        active[state] = tuple(i for i, c in cues if c.holds(quote))
    quote.list_after = kept
    return active


def read_article(text: str, gold: list[Span]) -> Article:
    """The rows of one text, in text order."""
    found = list(_classified(text))  # the engine's own quotes and subtypes
    spans = [Span(q.start, q.end, "quote", s) for q, s in found]
    labels: dict[int, list[str]] = defaultdict(list)
    for g in gold:
        if g.kind != "quote":
            continue
        same = [k for k, h in enumerate(spans) if covers_half(g, h)]
        if same:
            labels[max(same, key=lambda k: overlap(g, spans[k]))].append(g.subtype)
    return [Row(_active(q), q.list_after != "", tuple(labels[k]), s)
            for k, (q, s) in enumerate(found)]


def load(corpus: Path, names: Sequence[str]) -> dict[str, list[Article]]:
    """The articles of each set of ``names`` (never ``test``)."""
    return load_sets(corpus, names, read_article)


# ------------------------------------------------------------------ measuring


def measure(articles: Sequence[Article], weights: Weights) -> tuple[int, int]:
    """(right, spans): the gold spans whose subtype the weights give, and the
    gold spans the engine finds (q/t = right / spans), deciding quote after
    quote as the engine does: a score above 0 is a quotation, and a quote in
    a list reads the subtype just decided for the one before."""
    right = total = 0
    for rows in articles:
        before = ""
        for row in rows:
            active = row.active[before if row.linked else ""]
            subtype = "quotation" if sum(weights[i] for i in active) > 0 else "term"
            before = subtype
            right += sum(g == subtype for g in row.gold)
            total += len(row.gold)
    return right, total


def examples(articles: Sequence[Article]) -> list[tuple[tuple[int, ...], int]]:
    """(active cues, +1 quotation / -1 term) for every gold span found; the
    list cues read the gold subtype of the quote before."""
    out = []
    for rows in articles:
        before = ""
        for row in rows:
            active = row.active[before if row.linked else ""]
            out += [(active, 1 if g == "quotation" else -1) for g in row.gold]
            before = row.gold[0] if row.gold else row.engine
    return out


def fit(data: Sequence[tuple[tuple[int, ...], int]], penalty: float) -> list[float]:
    """The weights minimising the summed logistic loss plus ``penalty / 2``
    times the sum of their squares (Newton's method; features are 0/1)."""
    d = len(CUES)
    w = [0.0] * d
    for _ in range(50):
        grad = [penalty * x for x in w]
        hess = [[penalty if i == j else 0.0 for j in range(d)] for i in range(d)]
        for active, y in data:
            margin = y * sum(w[i] for i in active)
            p = 1.0 / (1.0 + math.exp(margin)) if margin > -30 else 1.0  # sigma(-margin)
            for i in active:
                grad[i] -= y * p
            h = p * (1.0 - p)
            for i in active:
                row = hess[i]
                for j in active:
                    row[j] += h
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step, strict=True)]
        if max(map(abs, step)) < 1e-8:
            break
    return w


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """x with a x = b (a symmetric positive definite: Gaussian elimination)."""
    n = len(b)
    m = [[*row, b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            if f:
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def rounded(w: Weights, scale: float) -> list[int]:
    return [round(scale * x) for x in w]


# ------------------------------------------------------------------ report


def _q(right_total: tuple[int, int]) -> str:
    right, total = right_total
    return f"{right / total:.3f}" if total else "  -  "


def cross_validate(sets: dict[str, list[Article]]) -> tuple[float, float]:
    """Choose the penalty and the scale by leave-one-set-out q/t over
    ``TRAIN``; print the choice and the table of the held-out sets."""
    hand = [c.weight for c in CUES]
    fits = {}
    for penalty in PENALTIES:
        for held in TRAIN:
            rest = [a for name in TRAIN if name != held for a in sets[name]]
            fits[penalty, held] = fit(examples(rest), penalty)
    pooled: dict[tuple[float, float | None], tuple[int, int]] = {}
    for penalty in PENALTIES:
        for scale in (None, *SCALES):
            right = total = 0
            for held in TRAIN:
                w = fits[penalty, held]
                r, t = measure(sets[held], w if scale is None else rounded(w, scale))
                right, total = right + r, total + t
            pooled[penalty, scale] = (right, total)
    print("leave-one-set-out q/t pooled over TRAIN, by penalty (rows) and scale k "
          "(columns; 'real' = unrounded weights)")
    print(f"{'penalty':>8}{'real':>7}" + "".join(f"{k:>7}" for k in SCALES))
    for penalty in PENALTIES:
        print(f"{penalty:>8}{_q(pooled[penalty, None]):>7}"
              + "".join(f"{_q(pooled[penalty, k]):>7}" for k in SCALES))
    # The best integer q/t; among equals the strongest penalty, then the smallest scale.
    penalty, scale = max(((p, k) for p in PENALTIES for k in SCALES),
                         key=lambda pk: (pooled[pk][0], pk[0], -pk[1]))
    print(f"chosen: penalty {penalty}, k {scale}\n")
    print(f"{'held out':<10}{'spans':>6}{'hand':>7}{'fitted':>8}{'real':>7}")
    hand_all = fit_all = real_all = (0, 0)
    for held in TRAIN:
        w = fits[penalty, held]
        h, f, r = (measure(sets[held], hand), measure(sets[held], rounded(w, scale)),
                   measure(sets[held], w))
        print(f"{held:<10}{h[1]:>6}{_q(h):>7}{_q(f):>8}{_q(r):>7}")
        hand_all, fit_all, real_all = (_add(hand_all, h), _add(fit_all, f), _add(real_all, r))
    print(f"{'all':<10}{hand_all[1]:>6}{_q(hand_all):>7}{_q(fit_all):>8}{_q(real_all):>7}")
    print("(hand: the table's weights, set while reading these very sets; fitted: "
          "round(k * w) with w fitted on the other eight; real: w unrounded)\n")
    return penalty, scale


def _add(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    return a[0] + b[0], a[1] + b[1]


def main() -> int:
    default = Path(os.environ.get("RTL_READER_CORPUS", REPO.parent / "shared" / "corpus"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=default)
    args = parser.parse_args()
    if not (args.corpus / POOL).is_file():
        print(f"pool not found at {args.corpus / POOL}: nothing to fit")
        return 0
    sets = load(args.corpus, (*TRAIN, CHECK))
    hand = [c.weight for c in CUES]
    for name, articles in sets.items():
        engine = [r.engine for rows in articles for r in rows]
        ours = []
        for rows in articles:  # the measurement decides as the engine does
            before = ""
            for r in rows:
                active = r.active[before if r.linked else ""]
                before = "quotation" if sum(hand[i] for i in active) > 0 else "term"
                ours.append(before)
        assert ours == engine, name
    penalty, scale = cross_validate(sets)
    w = fit(examples([a for name in TRAIN for a in sets[name]]), penalty)
    ints = rounded(w, scale)
    print(f"weights fitted on all of TRAIN (penalty {penalty}, k {scale}):")
    train = examples([a for name in TRAIN for a in sets[name]])
    holds = [sum(i in active for active, _ in train) for i in range(len(CUES))]
    print(f"{'cue':<30}{'holds':>6}{'hand':>5}{'w':>8}{'fitted':>7}")
    for cue, m, x, n in zip(CUES, holds, w, ints, strict=True):
        print(f"{cue.name:<30}{m:>6}{cue.weight:>5}{x:>8.2f}{n:>7}")
    print(f"(holds: of the {len(train)} training spans)")
    h, f, r = measure(sets[CHECK], hand), measure(sets[CHECK], ints), measure(sets[CHECK], w)
    print(f"\n{CHECK} ({h[1]} spans, no weight set on it): hand {_q(h)} ({h[0]}), "
          f"fitted {_q(f)} ({f[0]}), real {_q(r)} ({r[0]})")
    # How much the outcome hangs on the choice (printed after it, never used for it).
    print(f"{CHECK} for every penalty and scale (weights fitted on all of TRAIN):")
    print(f"{'penalty':>8}{'real':>7}" + "".join(f"{k:>7}" for k in SCALES))
    for p in PENALTIES:
        wp = fit(train, p)
        print(f"{p:>8}{_q(measure(sets[CHECK], wp)):>7}"
              + "".join(f"{_q(measure(sets[CHECK], rounded(wp, k))):>7}" for k in SCALES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
