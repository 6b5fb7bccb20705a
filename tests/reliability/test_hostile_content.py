"""Hostile article content, end to end: articles no newsroom writes but any
file can hold (Unicode storms, unbalanced bidi controls, quotation marks by
the thousand, a paragraph of a megabyte, numbers of thousands of digits,
impossible dates), imported by the real command and exported in every
format. Each step finishes, and every file written is whole and readable."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.reliability.conftest import cli

A = "قال الوزير إن "
RLO, RLE, RLI = "\u202e", "\u202b", "\u2067"
FATHA, ZWJ = "\u064e", "\u200d"

HOSTILE = {
    "marks": "ب" + FATHA * 10_000 + " «قال» 5%",
    "joiners": A + ZWJ * 20_000 + "«ب» 3 دولار",
    "bidi": RLO * 1000 + A + RLE * 1000 + "«نص» " + RLI * 1000 + "50٪",
    "emoji": "\U0001f468\u200d\U0001f469\u200d\U0001f467 \U0001f1ea\U0001f1ec "
             "قال «مرحبا \U0001f44d\U0001f3fd» 5٪",
    "forms": "\ufefb\ufef7 \ufe8d\ufe8e\ufe8f \ufdfd \U0001d7cf\U0001d7d0% «\U0001d400\U0001d401»",
    "openers": "«" * 50_000,
    "nested": "«" * 5000 + "قال 5%" + "»" * 5000,
    # A quotation open at the start of a paragraph of a megabyte, closed at
    # its end, with no full stop: 4,000 figures in one sentence.
    "megabyte": "«" + (A + "5% " + "من الناس " * 26) * 4000 + "»",
    "digits": "1" * 10_000 + " دولار و " + "١" * 10_000 + "٪ و 1e400 و 10^400 دولار و "
              "10000000000000000000000% و 31/02/99999 و 31/02/2020",
    "breaks": "«قال\r\nهو\r5\u2028%\u2029» " * 500,
}


LONG = {"megabyte", "digits"}
"""Articles whose exports take longest (a quotation of 1 MB, a title of
100,000 letters): their PDF took minutes while each page split laid the
rest of the paragraph out again."""

FORMATS = ("md", "json", "csv", "html", "txt-visual", "pdf")


def _import(folder: Path, names: set[str], store: Path) -> None:
    files = []
    for name in sorted(names):
        path = folder / f"{name}.json"
        path.parent.mkdir(exist_ok=True)
        title = "ب" * 100_000 if name == "digits" else name
        path.write_text(json.dumps({"title": title, "body": HOSTILE[name]}), encoding="utf-8")
        files.append(str(path))
    done = cli("import", *files, store=store)
    assert done.returncode == 0, done.stderr
    assert f"imported {len(names)}," in done.stdout


def _export_all(out: Path, store: Path, formats: tuple[str, ...]) -> None:
    out.mkdir()
    for fmt in formats:
        path = out / f"all.{fmt}"
        done = cli("export", "--all", "--format", fmt, "-o", str(path), store=store)
        assert done.returncode == 0, (fmt, done.stderr)
    exported = json.loads((out / "all.json").read_text(encoding="utf-8"))
    assert exported["articles"]
    limit = csv.field_size_limit(2**31 - 1)  # a quotation of 1 MB is one field
    try:
        with open(out / "all.csv", encoding="utf-8-sig", newline="") as fh:
            assert len({len(row) for row in csv.reader(fh)}) == 1  # every row whole
    finally:
        csv.field_size_limit(limit)
    for h in (h for a in exported["articles"] for h in a["highlights"]):
        assert "2020-02-31" not in json.dumps(h)  # no impossible day as a date
    if "pdf" in formats:
        assert (out / "all.pdf").read_bytes().startswith(b"%PDF")
    cards = out / "cards"
    done = cli("export", "--all", "--format", "png", "--kind", "quote", "-o", str(cards),
               store=store)
    assert done.returncode == 0, done.stderr
    assert cards.is_file() or list(cards.iterdir())  # one card is a file


@pytest.mark.slow
@pytest.mark.timeout(600)  # about 40 s here (PDF 20 s); the megabyte's Markdown export took hours
def test_hostile_articles_import_and_export_in_every_format(tmp_path: Path) -> None:
    _import(tmp_path / "in", set(HOSTILE) - LONG, tmp_path / "store.sqlite")
    _export_all(tmp_path / "out", tmp_path / "store.sqlite", FORMATS)
    _import(tmp_path / "long", LONG, tmp_path / "long.sqlite")
    _export_all(tmp_path / "long-out", tmp_path / "long.sqlite", FORMATS)
