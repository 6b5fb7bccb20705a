"""The annotated pool splits (``tests/data/quality_dev.json``,
``quality_dev2.json`` and ``quality_test.json``, read by ``bench/quality.py``).

They hold docnos, a hash of each text and offsets with kind and subtype,
never the texts (the pool is not ours). With the pool present
(``../shared/corpus/pool``) the docnos are checked to be the fixed-seed draw,
the spans to lie in the texts, and the engine to stay above a floor on both
splits: a regression guard, not a target (the targets are in the issue and
README, measured by the bench).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from types import ModuleType

import pytest

from reader.text import find_highlights
from tests.conftest import CORPUS, DATA, REPO

SPLITS = {name: DATA / f"quality_{name}.json"
          for name in ("dev", "dev2", "dev3", "dev4", "dev5", "test")}
SUBTYPES = {
    "quote": {"quotation", "term"},
    "figure": {"digits", "words", "percent", "money", "date", "time", "range", "count", "score"},
}


def _load(name: str) -> dict[str, dict[str, object]]:
    data = json.loads(SPLITS[name].read_text(encoding="utf-8"))
    assert data["split"] == name
    articles: dict[str, dict[str, object]] = data["articles"]
    return articles


def _bench() -> ModuleType:
    """bench/quality.py, whose draw and hash the files were made with."""
    if "bench_quality" not in sys.modules:
        spec = importlib.util.spec_from_file_location("bench_quality",
                                                      REPO / "bench" / "quality.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["bench_quality"] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules["bench_quality"]


@pytest.mark.parametrize("name", sorted(SPLITS))
def test_a_split_holds_offsets_and_labels_only(name: str) -> None:
    articles = _load(name)
    assert len(articles) >= 40
    for docno, entry in articles.items():
        assert set(entry) == {"src", "cat", "sha256", "spans"}, docno
        previous = (-1, 0)
        for span in entry["spans"]:  # type: ignore[attr-defined]
            assert set(span) <= {"start", "end", "kind", "subtype", "value"}
            assert 0 <= span["start"] < span["end"]
            assert span["subtype"] in SUBTYPES[span["kind"]]
            assert (span["start"], -span["end"]) >= previous
            previous = (span["start"], -span["end"])


def test_the_splits_are_disjoint_and_spread_over_outlets_and_categories() -> None:
    splits = {name: _load(name) for name in SPLITS}
    seen: set[str] = set()
    for articles in splits.values():
        assert not seen & set(articles)
        seen |= set(articles)
    for articles in splits.values():
        outlets = Counter(str(a["src"]) for a in articles.values())
        categories = Counter(str(a["cat"]) for a in articles.values())
        assert len(outlets) == 5 and min(outlets.values()) >= 8
        assert len(categories) == 6
        assert categories["sport"] >= 10 and categories["economy"] >= 10


@pytest.fixture(scope="module")
def pool() -> dict[str, dict[str, str]]:
    path = CORPUS / "pool" / "ant-multisource.jsonl.gz"
    if not path.is_file():
        pytest.skip(f"pool not found at {path} (set RTL_READER_CORPUS)")
    bench = _bench()
    return {r["docno"]: r for r in bench.read_pool(CORPUS)}


def test_the_splits_are_the_fixed_seed_draw(pool: dict[str, dict[str, str]]) -> None:
    bench = _bench()
    drawn = bench.draw_splits(pool.values(), bench.tuning_docnos(CORPUS))
    for name in SPLITS:
        assert drawn[name] == list(_load(name)), name


@pytest.mark.parametrize("name", sorted(SPLITS))
def test_spans_lie_in_the_texts_they_were_read_from(
    name: str, pool: dict[str, dict[str, str]]
) -> None:
    bench = _bench()
    for docno, entry in _load(name).items():
        text = pool[docno]["text"]
        assert bench.text_hash(text) == entry["sha256"], docno
        for span in entry["spans"]:  # type: ignore[attr-defined]
            inner = text[span["start"] : span["end"]]
            assert inner and inner == inner.strip(), (docno, span)


def _half(of: tuple[int, int], by: tuple[int, int]) -> bool:
    return 2 * max(0, min(of[1], by[1]) - max(of[0], by[0])) >= of[1] - of[0]


@pytest.mark.parametrize("name", sorted(SPLITS))
def test_engine_stays_above_the_floor_on_unseen_news(
    name: str, pool: dict[str, dict[str, str]]
) -> None:
    counts: Counter[str] = Counter()
    for docno, entry in _load(name).items():
        text = pool[docno]["text"]
        hits = find_highlights(text)
        for kind in ("quote", "figure"):
            gold = [(s["start"], s["end"]) for s in entry["spans"]  # type: ignore[attr-defined]
                    if s["kind"] == kind]
            got = [(h.start, h.end) for h in hits if h.kind == kind]
            counts[f"{kind} gold"] += len(gold)
            counts[f"{kind} found"] += sum(any(_half(g, h) for h in got) for g in gold)
            counts[f"{kind} predicted"] += len(got)
            counts[f"{kind} right"] += sum(any(_half(h, g) for g in gold) for h in got)
    for kind in ("quote", "figure"):
        assert counts[f"{kind} found"] / counts[f"{kind} gold"] >= 0.97, kind
        assert counts[f"{kind} right"] / counts[f"{kind} predicted"] >= 0.97, kind


QUOTE_SPLITS = ("devq", "devq2", "devq3", "devq4", "devq5", "devq6", "devq7", "devq8",
                "devq9", "devq10", "devq11", "devq12")
SHARED = {"devq6": {"FR-culture-36-20180408"}}
"""Articles a quote split shares with a pool split drawn after it (dev5's
draw takes the next articles of each cell whatever the quote splits took)."""


@pytest.mark.parametrize("name", QUOTE_SPLITS)
def test_the_quote_splits_hold_quote_labels_only(name: str) -> None:
    """``quality_devq.json`` to ``quality_devq12.json``: the quote-only dev
    splits of issue 15, disjoint from every other split but the articles a
    pool split drawn after them shares with them (``SHARED``: the two draws
    are made apart)."""
    data = json.loads((DATA / f"quality_{name}.json").read_text(encoding="utf-8"))
    assert data["split"] == name and data["kinds"] == ["quote"]
    others: set[str] = set()
    for other in [*SPLITS, *QUOTE_SPLITS]:
        if other != name:
            others |= set(_load(other) if other in SPLITS else json.loads(
                (DATA / f"quality_{other}.json").read_text(encoding="utf-8"))["articles"])
    assert others & set(data["articles"]) == SHARED.get(name, set())
    for docno, entry in data["articles"].items():
        assert set(entry) == {"src", "cat", "sha256", "spans"}, docno
        previous = (-1, 0)
        for span in entry["spans"]:
            assert span["kind"] == "quote" and span["subtype"] in SUBTYPES["quote"]
            assert 0 <= span["start"] < span["end"]
            assert (span["start"], -span["end"]) >= previous
            previous = (span["start"], -span["end"])


@pytest.mark.parametrize("name", QUOTE_SPLITS)
def test_the_quote_splits_are_their_fixed_seed_draw(
    name: str, pool: dict[str, dict[str, str]]
) -> None:
    bench = _bench()
    exclude = bench.tuning_docnos(CORPUS)
    for other in bench.QUOTE_DRAWN_AFTER:
        exclude |= set(_load(other))
    data = json.loads((DATA / f"quality_{name}.json").read_text(encoding="utf-8"))
    assert bench.draw_quote_split(pool.values(), exclude, name) == list(data["articles"])
    for docno, entry in data["articles"].items():
        text = pool[docno]["text"]
        assert bench.text_hash(text) == entry["sha256"], docno
        for span in entry["spans"]:
            inner = text[span["start"] : span["end"]]
            assert inner and inner == inner.strip(), (docno, span)


def _second_reading() -> dict:
    return json.loads((DATA / "quality_test_second.json").read_text(encoding="utf-8"))


def test_the_second_reading_labels_every_quote_span_of_the_test_split_again() -> None:
    """The blind second reading covers the same spans as the first, each once,
    and keeps offsets and labels only (never text, never the reader's notes)."""
    second = _second_reading()
    assert second["split"] == "test" and second["kinds"] == ["quote"]
    first = _load("test")
    for docno, entry in first.items():
        quotes = [(s["start"], s["end"]) for s in entry["spans"]  # type: ignore[attr-defined]
                  if s["kind"] == "quote"]
        again = second["articles"].get(docno, {"spans": []})
        assert [(s["start"], s["end"]) for s in again["spans"]] == quotes, docno
        if quotes:
            assert again["sha256"] == entry["sha256"], docno
        for span in again["spans"]:
            assert set(span) == {"start", "end", "kind", "subtype", "sure"}
            assert span["subtype"] in SUBTYPES["quote"]


def test_agreement_counts_same_labels_and_corrects_for_chance() -> None:
    bench = _bench()

    def reading(*subtypes: str) -> dict[str, dict]:
        return {"a": {"spans": [{"start": 10 * i, "end": 10 * i + 5, "kind": "quote",
                                 "subtype": s} for i, s in enumerate(subtypes)]}}

    first = reading("quotation", "quotation", "term", "term")
    same, kappa, agreed = bench.agreement(first, reading("quotation", "term", "term", "term"))
    assert same == 0.75
    assert kappa == pytest.approx(0.5)  # chance alone agrees 0.5 of the time here
    assert [(s.start, s.subtype) for s in agreed["a"]] == [(0, "quotation"), (20, "term"),
                                                            (30, "term")]
    assert bench.agreement(first, first)[:2] == (1.0, 1.0)
