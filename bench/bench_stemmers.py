"""Word-family stemmers compared: ours (``reader.store.stem``) against three others.

    .venv/bin/python bench/bench_stemmers.py [--corpus DIR] [--words N] [-v]

The others are snowballstemmer's Arabic stemmer, nltk's ISRI (root) stemmer
and tashaphyne's light stem, each run only when importable
(``pip install -e .[bench]``); a missing one is named in one line and skipped.

Data, written for this script: word families of inflected forms a reader
meets in the news (every pair of forms within a family should get one stem)
and pairs of different words that must stay apart (mostly ones a root stemmer
joins). Metrics per stemmer: family recall (share of same-family pairs with
equal stems), wrongly joined pairs (n/total) and µs per word, the best of five
passes over the timing words: the corpus words in text order
(``DIR/articles/*.txt``, default ``../shared/corpus`` or ``RTL_READER_CORPUS``,
read at run time and never copied), or without the corpus every family form
with and without و, repeated to 2,000 words. Stemmers are called directly,
without the cache the store puts in front of ours.

The first table is on FOLDED input (``reader.text.fold_text``), as the store
indexes it; the second on the words as written, which is what snowball and
tashaphyne are designed for (ours is never called on unfolded text). ``-v``
prints, per stemmer, the families it splits and the pairs it joins. Times
depend on the machine and its load; nothing is asserted.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.store.stem import stem  # noqa: E402
from reader.text import fold_text  # noqa: E402

OURS = "this one (Light10-like)"

# Inflections a reader expects one search to find: article, conjunction,
# prepositions, sound plurals and duals, nisba adjectives, pronoun suffixes,
# the accusative alef. Broken plurals (كتب, مدارس) are left out: no light
# stemmer joins them, and ours keeps them apart on purpose.
FAMILIES: list[tuple[str, ...]] = [
    ("المعلم", "المعلمون", "والمعلمين", "للمعلمين", "معلم", "معلمين", "المعلمة"),
    ("الحكومة", "الحكومات", "والحكومة", "بالحكومة", "حكومة", "للحكومة", "الحكومية",
     "حكومته"),
    ("الانتخابات", "انتخابات", "الانتخابية", "الانتخابي", "وبالانتخابات", "للانتخابات",
     "انتخاب"),
    ("الوزارة", "وزارة", "بالوزارة", "للوزارة", "الوزارات", "وزارات", "وزارته"),
    ("فلسطين", "الفلسطيني", "الفلسطينية", "الفلسطينيين", "فلسطينيون", "والفلسطينيين",
     "فلسطيني"),
    ("المدرسة", "مدرسة", "بالمدرسة", "للمدرسة", "والمدرسة", "المدرسية"),
    ("المسؤول", "مسؤول", "المسؤولون", "المسؤولين", "والمسؤولين", "للمسؤولين", "مسؤولي"),
    ("الاقتصاد", "اقتصاد", "الاقتصادي", "الاقتصادية", "والاقتصاد", "بالاقتصاد", "اقتصادية"),
    ("اللاجئين", "لاجئ", "اللاجئون", "لاجئين", "للاجئين", "واللاجئين", "لاجئة"),
    ("المتظاهرون", "المتظاهرين", "متظاهرين", "متظاهر", "للمتظاهرين", "والمتظاهرين"),
    ("الرئيس", "رئيس", "للرئيس", "والرئيس", "بالرئيس", "رئيسا", "رئيسه"),
    ("مصر", "المصري", "المصرية", "المصريين", "المصريون", "والمصريين", "مصرية"),
    ("أعلن", "أعلنت", "وأعلن", "أعلنوا", "وأعلنت"),
]

# Different words that one search must not mix up.
APART: list[tuple[str, str]] = [
    ("المعلم", "العالم"),   # teacher / world
    ("كتاب", "مكتب"),       # book / office
    ("وزير", "وزارة"),      # minister / ministry
    ("سلام", "إسلام"),      # peace / Islam
    ("مكتبة", "كتابة"),     # library / writing
    ("مدرسة", "دراسة"),     # school / study
    ("محكمة", "حكومة"),     # court / government
    ("اتفاق", "توافق"),     # agreement / consensus
    ("مقاتل", "قتل"),       # fighter / killing
    ("العمل", "العملة"),    # work / currency
]

_TOKEN = re.compile(r"[^\W_]+")
_ARABIC = re.compile(r"[\u0621-\u064a]")


def stemmers() -> list[tuple[str, Callable[[str], str]]]:
    """Ours and every other stemmer that imports, by display name."""
    found: list[tuple[str, Callable[[str], str]]] = [(OURS, stem)]
    try:
        import snowballstemmer
    except ImportError:
        print("not installed: pip install snowballstemmer")
    else:
        found.append(("snowballstemmer arabic", snowballstemmer.stemmer("arabic").stemWord))
    try:
        from nltk.stem.isri import ISRIStemmer
    except ImportError:
        print("not installed: pip install nltk")
    else:
        found.append(("nltk ISRI (root)", ISRIStemmer().stem))
    try:
        from tashaphyne.stemming import ArabicLightStemmer
    except ImportError:
        print("not installed: pip install tashaphyne")
    else:
        found.append(("tashaphyne light stem", ArabicLightStemmer().light_stem))
    return found


def timing_words(corpus: Path, count: int) -> tuple[list[str], str]:
    """Up to ``count`` Arabic words to time, as written, and where they came from."""
    paths = sorted((corpus / "articles").glob("*.txt"))
    if paths:
        words = [w for p in paths for w in _TOKEN.findall(p.read_text(encoding="utf-8"))
                 if _ARABIC.search(w)]
        return words[:count], f"{len(paths)} corpus articles"
    forms = [w for family in FAMILIES for w in family]
    forms += ["و" + w for w in forms]
    words = list(itertools.islice(itertools.cycle(forms), min(count, 2_000)))
    return words, "the family forms, with and without و (no corpus)"


def recall(fn: Callable[[str], str], prep: Callable[[str], str]) -> tuple[int, int, list[str]]:
    """Same-stem pairs within families, all pairs, and the families split (for -v)."""
    joined = total = 0
    split = []
    for family in FAMILIES:
        stems = [fn(prep(w)) for w in family]
        for a, b in itertools.combinations(stems, 2):
            total += 1
            joined += a == b
        if len(set(stems)) > 1:
            split.append(" ".join(f"{w}>{s}" for w, s in zip(family, stems, strict=True)))
    return joined, total, split


def wrongly_joined(fn: Callable[[str], str], prep: Callable[[str], str]) -> list[str]:
    """The APART pairs that get one stem, as ``a=b>stem``."""
    out = []
    for a, b in APART:
        sa, sb = fn(prep(a)), fn(prep(b))
        if sa == sb:
            out.append(f"{a}={b}>{sa}")
    return out


def us_per_word(fn: Callable[[str], str], words: list[str], runs: int = 5) -> float:
    """Best of ``runs`` passes over ``words``, in microseconds per word."""
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        for w in words:
            fn(w)
        best = min(best, time.perf_counter() - t0)
    return best / len(words) * 1e6


def table(title: str, found: list[tuple[str, Callable[[str], str]]],
          prep: Callable[[str], str], words: list[str],
          verbose: bool) -> dict[str, tuple[float, int, float]]:
    """Print one table; return name -> (recall, wrongly joined, µs/word)."""
    prepared = [prep(w) for w in words]
    print(f"\n{title}")
    print(f"    {'stemmer':<26}{'family recall':>14}{'wrongly joined':>16}{'µs/word':>10}")
    rows = {}
    for name, fn in found:
        same, total, split = recall(fn, prep)
        wrong = wrongly_joined(fn, prep)
        us = us_per_word(fn, prepared)
        rows[name] = (same / total, len(wrong), us)
        print(f"    {name:<26}{same / total:>14.2f}{f'{len(wrong)}/{len(APART)}':>16}{us:>10.1f}")
        if verbose:
            for line in split:
                print(f"        split:  {line}")
            for line in wrong:
                print(f"        joined: {line}")
    return rows


def verdict(rows: dict[str, tuple[float, int, float]]) -> str:
    """One line: which stemmer the project uses, and why, from the measured numbers."""
    ours_recall, ours_wrong, ours_us = rows[OURS]
    others = {k: v for k, v in rows.items() if k != OURS}
    if not others:
        return f"project uses: {OURS} (no other stemmer installed to compare)"
    n = len(APART)
    top, (top_recall, top_wrong, _) = max(others.items(), key=lambda kv: (kv[1][0], -kv[1][1]))
    clean, (clean_recall, clean_wrong, _) = min(others.items(),
                                                key=lambda kv: (kv[1][1], -kv[1][0]))
    fast, (_, _, fast_us) = min(others.items(), key=lambda kv: kv[1][2])
    rank = "the highest" if ours_recall >= top_recall else "NOT the highest"
    speed = (f"{fast_us / ours_us:.0f}x the speed of the fastest other ({fast})"
             if ours_us < fast_us else f"slower than {fast} ({ours_us:.1f} vs {fast_us:.1f} µs)")
    return (f"project uses: {OURS}: family recall {ours_recall:.2f}, {rank} on folded text "
            f"(next: {top} {top_recall:.2f} with {top_wrong}/{n} wrongly joined); "
            f"{ours_wrong}/{n} wrongly joined (fewest other: {clean} {clean_wrong}/{n} "
            f"at recall {clean_recall:.2f}); {speed}")


def main(argv: list[str]) -> int:
    default = Path(os.environ.get("RTL_READER_CORPUS", REPO.parent / "shared" / "corpus"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=default)
    parser.add_argument("--words", type=int, default=20_000, help="at most this many timed")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    found = stemmers()
    words, source = timing_words(args.corpus, args.words)
    forms = sum(len(f) for f in FAMILIES)
    print(f"{len(FAMILIES)} families ({forms} forms), {len(APART)} pairs that must stay apart, "
          f"{len(words):,} words timed from {source}")
    rows = table("folded input (fold_text, as the store indexes it):", found,
                 fold_text, words, args.verbose)
    table("unfolded input (words as written; the store never stems these):", found,
          str, words, args.verbose)
    print()
    print(verdict(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
