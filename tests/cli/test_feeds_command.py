"""``rtl-reader feeds`` (issue 18): follow, list, refresh, remove, OPML in
and out, against the local news site of the window's feed tests (127.0.0.1
only); a failure is one line and costs no other feed; JSON where it lists."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli import main
from reader.store import Library
from tests.feed_site import FeedSite, items, rss, serve


@pytest.fixture
def site() -> Iterator[FeedSite]:
    with serve() as running:
        yield running


def run(capsys: pytest.CaptureFixture[str], store: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--store", str(store), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_follow_refresh_list_and_remove(capsys: pytest.CaptureFixture[str], site: FeedSite,
                                        store_path: Path) -> None:
    code, out, _ = run(capsys, store_path, "feeds", "add", site.url("/page.html"),
                       "--folder", "اقتصاد", "--format", "json")
    assert code == 0
    [added] = json.loads(out)
    assert added["url"] == site.url("/a.xml") and added["title"] == "أخبار الاقتصاد"
    code, _, err = run(capsys, store_path, "feeds", "add", site.url("/broken.xml"))
    assert code == 1 and "500" in err and err.count("\n") == 1  # never followed
    with Library.open(store_path) as lib:  # followed while it worked (or from OPML)
        lib.feeds.add(site.url("/broken.xml"))
    code, out, err = run(capsys, store_path, "feeds", "refresh")
    assert code == 1  # one feed failed...
    assert "أخبار الاقتصاد: 3 new" in out  # ...and cost the other nothing
    assert len([line for line in err.splitlines() if "500" in line]) == 1
    code, out, _ = run(capsys, store_path, "feeds", "refresh", site.url("/a.xml"))
    assert code == 0 and "0 new" in out  # nothing stored twice
    code, out, _ = run(capsys, store_path, "feeds", "list", "--format", "json")
    listed = {f["url"]: f for f in json.loads(out)}
    assert listed[site.url("/a.xml")]["unread"] == 3
    assert listed[site.url("/broken.xml")]["failures"] == 1
    assert "500" in listed[site.url("/broken.xml")]["last_error"]
    code, out, _ = run(capsys, store_path, "feeds", "remove", str(added["id"]))
    assert code == 0 and "3 articles stay" in out
    code, out, _ = run(capsys, store_path, "list", "--format", "json")
    assert len(json.loads(out)) == 3


def test_opml_in_and_out(capsys: pytest.CaptureFixture[str], site: FeedSite,
                         store_path: Path, tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(f"""<?xml version="1.0"?><opml version="1.0"><body>
      <outline text="محلي"><outline text="المدينة" xmlUrl="{site.url('/b.xml')}"/></outline>
      <outline text="الملاعب" xmlUrl="{site.url('/c.xml')}"/></body></opml>""",
                    encoding="utf-8")
    code, out, _ = run(capsys, store_path, "feeds", "import-opml", str(opml))
    assert code == 0 and "following 2 more feeds (0 already followed)" in out
    code, out, _ = run(capsys, store_path, "feeds", "import-opml", str(opml))
    assert "following 0 more feeds (2 already followed)" in out
    code, out, _ = run(capsys, store_path, "feeds", "export-opml")
    assert code == 0 and 'xmlUrl="' + site.url("/b.xml") in out and "محلي" in out
    written = tmp_path / "out.opml"
    assert run(capsys, store_path, "feeds", "export-opml", "-o", str(written))[0] == 0
    code, _, err = run(capsys, store_path, "feeds", "export-opml", "-o", str(written))
    assert code == 1 and "--force" in err
    code, _, err = run(capsys, store_path, "feeds", "import-opml", str(tmp_path / "x.opml"))
    assert code == 1 and len(err.strip().splitlines()) == 1


def test_export_then_import_keeps_each_folder_path(capsys: pytest.CaptureFixture[str],
                                                   store_path: Path, tmp_path: Path) -> None:
    folders = {"http://127.0.0.1:1/a.xml": "عربي/محلي", "http://127.0.0.1:1/b.xml": "عربي",
               "http://127.0.0.1:1/c.xml": "a/b/c", "http://127.0.0.1:1/d.xml": ""}
    with Library.open(store_path) as lib:
        for url, folder in folders.items():
            lib.feeds.add(url, title=url[-5], folder=folder)
    written = tmp_path / "subs.opml"
    assert run(capsys, store_path, "feeds", "export-opml", "-o", str(written))[0] == 0
    assert 'text="عربي/محلي"' not in written.read_text(encoding="utf-8")
    other = tmp_path / "other.sqlite3"
    assert run(capsys, other, "feeds", "import-opml", str(written))[0] == 0
    with Library.open(other) as lib:
        assert {f.url: f.folder for f in lib.feeds.all()} == folders


def test_an_unknown_feed_and_a_page_without_one_are_one_line(
        capsys: pytest.CaptureFixture[str], site: FeedSite, store_path: Path) -> None:
    code, _, err = run(capsys, store_path, "feeds", "remove", "99")
    assert code == 1 and err.count("\n") == 1
    code, _, err = run(capsys, store_path, "feeds", "add", site.url("/plain.html"))
    assert code == 1 and "neither a feed" in err and err.count("\n") == 1


def test_a_bare_address_is_followed_over_https_and_a_file_address_refused(
        capsys: pytest.CaptureFixture[str], secure_site: FeedSite, store_path: Path) -> None:
    bare = secure_site.url("/page.html").removeprefix("https://")  # 127.0.0.1:PORT/page.html
    code, out, _ = run(capsys, store_path, "feeds", "add", bare, "--format", "json")
    assert code == 0
    [added] = json.loads(out)
    assert added["url"] == secure_site.url("/a.xml")
    code, out, err = run(capsys, store_path, "feeds", "add", "file:///etc/passwd")
    assert code == 1 and out == ""
    assert err == ("rtl-reader: file:///etc/passwd: only http:// and https:// addresses can be "
                   "fetched, not file:\n")


def test_an_opml_address_feeds_add_would_refuse_is_not_followed(
        capsys, store_path: Path, tmp_path: Path) -> None:
    """Regression: import-opml followed ``http://[::1``, ``http://a b/`` and
    one holding a line break, which then failed at every refresh; ``feeds
    add`` refuses them. Other schemes (``file:``) were left out without a
    word; now each is told, and counted."""
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        '<outline text="مكسور" type="rss" xmlUrl="http://[::1"/>'
        '<outline text="بمسافة" type="rss" xmlUrl="http://a b/"/>'
        '<outline text="بسطر" type="rss" xmlUrl="http://a&#10;b/"/>'
        '<outline text="سليم" type="rss" xmlUrl="http://127.0.0.1:1/feed.xml"/>'
        '<outline text="ملف" type="rss" xmlUrl="file:///etc/passwd"/>'
        "</body></opml>", encoding="utf-8")
    code, out, err = run(capsys, store_path, "feeds", "import-opml", str(opml))
    assert code == 1
    assert err.splitlines() == [
        "rtl-reader: مكسور: http://[::1: not a valid web address: its brackets hold no IPv6 "
        "address",
        "rtl-reader: بمسافة: http://a b/: not a web address: it holds a space",
        "rtl-reader: بسطر: http://a\\nb/: not a web address: it holds a control character",
        "rtl-reader: ملف: file:///etc/passwd: only http:// and https:// addresses can be "
        "fetched, not file:",
    ]
    assert out.startswith("following 1 more feed (0 already followed, 4 not followed)")
    with Library.open(store_path) as lib:
        assert [f.url for f in lib.feeds.all()] == ["http://127.0.0.1:1/feed.xml"]


def test_an_opml_of_only_a_local_file_says_so_and_follows_nothing(
        capsys: pytest.CaptureFixture[str], store_path: Path, tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    local = tmp_path / "local.xml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><body>'
                    f'<outline text="محلي" xmlUrl="{local.as_uri()}"/></body></opml>',
                    encoding="utf-8")
    code, out, err = run(capsys, store_path, "feeds", "import-opml", str(opml))
    assert code == 1
    assert err == (f"rtl-reader: محلي: {local.as_uri()}: only http:// and https:// addresses "
                   "can be fetched, not file:\n")
    assert out.startswith("following 0 more feeds (0 already followed, 1 not followed)")
    with Library.open(store_path) as lib:
        assert lib.feeds.all() == []


def test_a_feed_of_broken_xml_fails_in_refresh_and_list_and_is_not_followed(
        capsys: pytest.CaptureFixture[str], site: FeedSite, store_path: Path) -> None:
    """The tester's two feeds: one whose tags do not match (followed, then
    refused), one cut off in its 4th entry (refreshed "0 new, 3 already
    there" with status 0, as if whole)."""
    whole = rss("مقطوع", items("cut", 4), site.base).decode()
    cut = whole[:whole.index("<item>", whole.index("cut-2")) + 40]
    served = {"/cut.xml": whole}
    site.routes["/cut.xml"] = lambda r: r.send(served["/cut.xml"].encode(), "application/xml")
    site.routes["/bad.xml"] = lambda r: r.send(
        "<rss><channel><title>مكسور</title><item><title>x</item></channel>".encode(),
        "application/xml")
    code, _, err = run(capsys, store_path, "feeds", "add", site.url("/bad.xml"))
    assert (code, err) == (1, f"rtl-reader: {site.url('/bad.xml')}: not well-formed XML at "
                              "line 1, column 51 (mismatched tag)\n")
    assert run(capsys, store_path, "feeds", "add", site.url("/cut.xml"))[0] == 0
    served["/cut.xml"] = cut
    code, out, err = run(capsys, store_path, "feeds", "refresh", "1")
    assert code == 1
    assert out == "مقطوع: 3 new, 0 already there\n"  # what it read is kept...
    [line] = err.splitlines()  # ...and the feed failed, in one line
    assert re.fullmatch(r"rtl-reader: مقطوع: not well-formed XML at line 1, column \d+ "
                        r"\(cut short\)", line)
    code, out, _ = run(capsys, store_path, "feeds", "list")
    assert re.search(r"مقطوع  <.*>  ! .*: not well-formed XML at line 1, column \d+ "
                     r"\(cut short\)$", out.strip())
    served["/cut.xml"] = whole
    code, out, err = run(capsys, store_path, "feeds", "refresh", "1")
    assert (code, out, err) == (0, "مقطوع: 1 new, 3 already there\n", "")
    assert "!" not in run(capsys, store_path, "feeds", "list")[1]


def test_refresh_says_how_many_articles_a_feed_corrected(
        capsys: pytest.CaptureFixture[str], site: FeedSite, store_path: Path) -> None:
    import dataclasses

    served = items("fix", 3)
    site.routes["/fix.xml"] = lambda r: r.send(rss("تصحيحات", served, site.base),
                                               "application/xml")
    assert run(capsys, store_path, "feeds", "add", site.url("/fix.xml"))[0] == 0
    first = run(capsys, store_path, "feeds", "refresh", "1")[1]
    assert first == "تصحيحات: 3 new, 0 already there\n"
    served[2] = dataclasses.replace(served[2], text=served[2].text + " وتابع الوزير حديثه.")
    code, out, err = run(capsys, store_path, "feeds", "refresh", "1")
    assert (code, out, err) == (0, "تصحيحات: 0 new, 3 already there, 1 updated\n", "")
