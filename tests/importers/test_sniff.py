"""Telling a document's kind by its content: a prolog (comments, processing
instructions, a DOCTYPE) of any length or shape is read past in one pass."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.importers import read_file
from reader.importers.feeds import looks_like_feed
from reader.importers.sniff import sniff_kind

REPO = Path(__file__).resolve().parent.parent.parent

ITEM = ("<item><title>خبر عاجل</title>"
        "<description>قال الوزير إن الخطة تبدأ اليوم.</description></item>")


def _sniffed_in_a_child(text: str) -> str:
    """``sniff_kind(text)`` run in a child process that a hang guard ends
    after 60 s: a regular expression holds the GIL, so no thread of the test
    could stop it, and a hang would hang the suite."""
    code = ("import sys; from reader.importers.sniff import sniff_kind; "
            "print(sniff_kind(sys.stdin.read()))")
    done = subprocess.run([sys.executable, "-c", code], input=text, capture_output=True,
                          text=True, encoding="utf-8", timeout=60, cwd=REPO, check=True)
    return done.stdout.strip()


@pytest.mark.parametrize(("text", "kind"), [
    ("<!DOCTYPE x " + "[a]" * 60, "None"),
    ("<!DOCTYPE rss " + "[a]" * 60 + "<rss>", "None"),
    ("<!--a-->" * 60 + "x", "None"),
    ("<!--a-->" * 60 + "<html>", "html"),
    ("<?xml version='1.0'?>" + "<!--a-->" * 60 + "<rss version='2.0'>", "feed"),
])
def test_a_prolog_that_never_closes_is_read_past_in_one_pass_regression(
        text: str, kind: str) -> None:
    """Regression: repeated groups of lazy parts backtracked exponentially, so
    a file of a hundred bytes ("<!DOCTYPE x [a][a]...") hung the import."""
    assert _sniffed_in_a_child(text) == kind


def test_a_feed_whose_prolog_is_longer_than_4_kb_is_a_feed_regression(tmp_path: Path) -> None:
    """Regression: only the first 4 KB were read, and a feed opening with a
    long licence comment or a DOCTYPE declaring many entities was refused as
    "not an RSS or Atom feed (its root is neither <rss> nor <feed>)"."""
    entities = "".join(f'<!ENTITY e{n} "&#{1600 + n};">' for n in range(300))
    licence = "<!-- " + "هذه النشرة متاحة بشروط الترخيص. " * 200 + "-->"
    path = tmp_path / "long-prolog.xml"
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n{licence}\n'
                    f"<!DOCTYPE rss [{entities}]>\n<rss version=\"2.0\"><channel>"
                    f"<title>نشرة</title>{ITEM}</channel></rss>", encoding="utf-8")
    assert len(path.read_text(encoding="utf-8").split("<rss")[0]) > 4096
    [article] = read_file(path)
    assert article.title == "خبر عاجل"


_PROLOG_ITEMS = st.sampled_from([
    "<!-- تعليق -->", "<!---->", "<?xml-stylesheet href='a.xsl'?>", "\n", "  ",
    '<!DOCTYPE rss [<!ENTITY nbsp "&#160;">]>', "<!DOCTYPE rss>",
    "<!-- <rss> inside a comment -->",
])


@given(st.lists(_PROLOG_ITEMS, max_size=12), st.sampled_from(["rss", "feed", "rdf:RDF"]))
def test_any_prolog_before_a_feed_root_is_read_past(items: list[str], root: str) -> None:
    text = '<?xml version="1.0"?>' + "".join(items) + f"<{root} version='2.0'>"
    assert looks_like_feed(text)
    assert sniff_kind(text) == "feed"


@given(st.lists(_PROLOG_ITEMS, max_size=12))
def test_a_prolog_before_no_root_is_no_feed(items: list[str]) -> None:
    assert not looks_like_feed("".join(items) + "<catalog>")


JSON_LINES = ('{"title": "الوزير يعلن الخطة", "body": "قال الوزير إن الاقتصاد نما."}\n'
              '{"title": "افتتاح المعرض", "body": "افتتح المعرض أبوابه أمس."}\n')


def test_json_lines_with_no_extension_are_articles_not_one_text(tmp_path: Path) -> None:
    """A red team: JSON Lines read from standard input, or from a file with
    no extension, was stored as one plain-text article of raw JSON."""
    path = tmp_path / "export"
    path.write_text(JSON_LINES, encoding="utf-8")
    assert [a.title for a in read_file(path)] == ["الوزير يعلن الخطة", "افتتاح المعرض"]


def test_json_lines_from_standard_input_are_articles(tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite3"
    done = subprocess.run([sys.executable, "-m", "reader", "--store", str(store), "import", "-"],
                          input=JSON_LINES, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "imported 2," in done.stdout
