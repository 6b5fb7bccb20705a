"""The bundled sample articles: their layout, what they show, their metadata,
and seeding an empty library."""

from __future__ import annotations

import itertools
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from reader.importers import read_file
from reader.importers.plaintext import AGENCY_CREDITS
from reader.importers.samples import load_samples, seed_if_empty
from reader.resources import resource_root
from reader.store.article import Article
from reader.text.direction import is_rtl

TATWEEL = "\u0640"
FATHATAN = "\u064b"
HARAKAT = re.compile("[\u064b-\u0652]")
SAMPLES = Path(str(resource_root().joinpath("samples")))


@pytest.fixture(scope="module")
def samples() -> list[Article]:
    return load_samples()


@pytest.fixture(scope="module")
def index() -> dict[str, Any]:
    return json.loads((SAMPLES / "samples.json").read_text(encoding="utf-8"))


def _bodies(samples: list[Article]) -> str:
    return "\n".join(a.body for a in samples)


def _paragraphs(samples: list[Article]) -> list[str]:
    return [p for a in samples for p in a.body.split("\n")]


def test_every_listed_file_exists_and_every_file_is_listed(index: dict[str, Any]) -> None:
    listed = [e["file"] for e in index["articles"]]
    assert sorted(listed) == sorted(p.name for p in SAMPLES.glob("*.txt"))
    assert all(re.fullmatch(r"\d\d_[a-z_]+\.txt", name) for name in listed)
    assert len(listed) >= 6


def test_layout(samples: list[Article]) -> None:
    for article in samples:
        paragraphs = article.body.split("\n")
        assert 5 <= len(paragraphs) <= 10, article.title
        assert article.title and not article.title.endswith(".")
    full = [a for a in samples if a.subtitle]
    assert len(full) >= 6
    for article in full:
        assert article.caption.endswith(AGENCY_CREDITS), article.caption
        assert " - " in article.byline


def test_the_files_read_the_same_as_load_samples(samples: list[Article],
                                                 index: dict[str, Any]) -> None:
    for entry, article in zip(index["articles"], samples, strict=True):
        [read] = read_file(SAMPLES / entry["file"])
        assert read.fields() == article.fields()


def test_trailing_share_words_are_not_in_the_body(samples: list[Article]) -> None:
    for word in ("شارك", "فيسبوك", "واتساب"):
        assert not any(a.body.endswith(word) for a in samples)


def test_metadata(samples: list[Article], index: dict[str, Any]) -> None:
    categories = {e["category"] for e in index["articles"]}
    assert {"economy", "culture", "science", "sport", "environment"} <= categories
    for entry, article in zip(index["articles"], samples, strict=True):
        assert article.source == entry["source"] and article.source
        assert article.language == "ar"
        assert article.url == entry["url"]
        assert not article.url or re.match(r"https://[a-z.]*example\.com/", article.url)
        datetime.fromisoformat(article.published)


def test_quotations(samples: list[Article]) -> None:
    paragraphs = _paragraphs(samples)
    bodies = _bodies(samples)
    assert bodies.count("«") >= 10
    # a quotation nested in a quotation
    assert re.search(r"«[^»]*\"[^\"«»]+\"[^»]*»", bodies)
    # a quotation continued into the next paragraph: it opens, does not close,
    # and the next paragraph opens again
    assert any(p.count("«") > p.count("»") and n.startswith("«")
               for p, n in itertools.pairwise(paragraphs))
    assert re.search(r"“[^”]+”", bodies)
    assert re.search(r" \"[^\"]+\"", bodies)
    assert re.search(r"وقال [^،]+، [^،]+، إن", bodies)  # وقال وزير المالية، فلان، إن


def test_figures(samples: list[Article]) -> None:
    bodies = _bodies(samples)
    assert re.search(r"\d+(\.\d+)?%", bodies)
    assert re.search("[\u0660-\u0669]+\u066a", bodies)  # ٣٥٪
    assert re.search("[\u0660-\u0669]{4}", bodies)  # ١٢٠٠
    assert "ثلاثة آلاف وخمسمئة" in bodies and "خمسة وعشرين" in bodies
    assert "2.5 مليار دولار" in bodies
    assert re.search(r"\b\d{1,2}:\d\d\b", bodies)  # a time
    assert re.search(r"\d{1,2} (سبتمبر|فبراير|يونيو|أغسطس) \d{4}", bodies)  # a date


def test_diacritics_and_one_tatweel(samples: list[Article]) -> None:
    text = "\n".join("\n".join(a.fields().values()) for a in samples)
    assert len(HARAKAT.findall(text)) >= 20
    assert "مشيراً" in text and text.count(FATHATAN) >= 20
    assert text.count(TATWEEL) == 1


def test_one_article_mixes_english_and_a_channel_name(samples: list[Article]) -> None:
    mixed = [a for a in samples if re.search(r"^(BBC|CNN): ", a.body, re.M)]
    assert len(mixed) == 1
    paragraphs = mixed[0].body.split("\n")
    english = [p for p in paragraphs if not is_rtl(p)]
    assert len(english) == 1 and english[0].startswith('"All twenty-four')
    channel = next(p for p in paragraphs if re.match(r"(BBC|CNN): ", p))
    assert is_rtl(channel)  # DESIGN decision 6: Arabic after "BBC:" stays RTL


def test_samples_are_original(samples: list[Article], corpus_articles: list[Path]) -> None:
    ours = _bodies(samples)
    for path in corpus_articles:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line) > 40:
                assert line not in ours, path.name


# -- seeding -----------------------------------------------------------------


class FakeLibrary:
    def __init__(self, count: int = 0) -> None:
        self.stored: list[Article] = []
        self._count = count

    def count(self) -> int:
        return self._count + len(self.stored)

    def add_articles(self, articles: list[Article]) -> list[Any]:
        self.stored.extend(articles)
        return [type("R", (), {"duplicate": False, "id": i})() for i, _ in enumerate(articles)]


def test_seed_an_empty_library() -> None:
    lib = FakeLibrary()
    added = seed_if_empty(lib)
    assert added == len(load_samples()) == len(lib.stored)
    assert seed_if_empty(lib) == 0  # not empty any more


def test_a_library_with_articles_is_not_seeded() -> None:
    lib = FakeLibrary(count=3)
    assert seed_if_empty(lib) == 0 and lib.stored == []


def test_seed_the_real_store(store_path: Path) -> None:
    from reader.store import Library

    with Library.open(store_path) as lib:
        assert seed_if_empty(lib) == len(load_samples())
        assert lib.count() == len(load_samples())
        assert seed_if_empty(lib) == 0
