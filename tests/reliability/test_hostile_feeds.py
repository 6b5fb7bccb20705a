"""Feeds from hostile or careless servers (on 127.0.0.1, ``tests.feed_site``):
what a reader is told, in one line, and what is followed and stored."""

from __future__ import annotations

import contextlib
import re
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.errors import FetchFailed, ReaderError
from reader.importers import subscriptions
from reader.importers.subscriptions import refresh, subscribe
from reader.store import Library
from reader.store.feeds import MAX_TITLE_CHARS
from tests.feed_site import FeedSite, Request, items, rss, serve


@pytest.fixture
def site() -> Iterator[FeedSite]:
    with serve() as served:
        yield served


@pytest.fixture
def lib(store_path: Path) -> Iterator[Library]:
    with Library.open(store_path) as library:
        yield library


@pytest.mark.parametrize("kind", ["text/plain", "text/html; charset=utf-8",
                                  "application/octet-stream"])
def test_a_feed_served_under_a_careless_type_is_followed_and_refreshed(
        site: FeedSite, lib: Library, kind: str) -> None:
    site.routes["/feed"] = lambda r: r.send(rss("أخبار", items("k", 2), site.base), kind)
    feed = subscribe(lib, site.url("/feed"))
    assert (feed.url, feed.title) == (site.url("/feed"), "أخبار")
    done = refresh(lib, feed)
    assert not done.error and len(done.added) == 2


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://127.0.0.1/feed.xml",
                                    "javascript:alert(1)"])
def test_a_redirect_to_another_scheme_is_named_not_called_a_loop(
        site: FeedSite, lib: Library, target: str) -> None:
    site.routes["/moved"] = lambda r: r.status(302, {"Location": target})
    with pytest.raises(FetchFailed) as caught:
        subscribe(lib, site.url("/moved"))
    assert caught.value.line() == (f"{site.url('/moved')}: redirected to a non-web address: "
                                   f"{target}")
    assert lib.feeds.all() == []


def test_entry_pages_that_never_end_cost_one_budget_not_one_deadline_each(
        site: FeedSite, lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full-text feed of 50 summaries whose pages drip forever took 50
    fetch deadlines (50 minutes) before the refresh ended."""
    monkeypatch.setattr(subscriptions, "PAGES_DEADLINE", 0.5)
    summaries = "".join(
        f"<item><title>خبر {n}</title><guid>g{n}</guid><link>{site.base}/news/{n}</link>"
        f"<description>ملخص الخبر رقم {n}</description></item>" for n in range(50))
    site.routes["/summaries.xml"] = lambda r: r.send(
        f"<rss version='2.0'><channel><title>ملخصات</title>{summaries}</channel></rss>"
        .encode(), "application/rss+xml")
    site.routes["/news/"] = drip_forever
    feed = lib.feeds.add(site.url("/summaries.xml"), full_text=True)
    done = refresh(lib, feed, deadline=30)
    assert not done.error and len(done.added) == 50
    assert all("ملخص الخبر" in lib.get(i).body for i in done.added)
    assert site.requests["/news/0"] == 1 and sum(site.requests.values()) < 10
    assert re.fullmatch(rf"{re.escape(feed.url)}: \d+ more entries not fetched in full "
                        r"\(.*\); the feed's summaries are kept", done.notes[-1])


def drip_forever(request: Request) -> None:
    request.send_response(200)
    request.send_header("Content-Type", "text/html")
    request.end_headers()
    with contextlib.suppress(OSError):
        while True:
            request.wfile.write(b"<")
            request.wfile.flush()
            time.sleep(0.1)


def test_a_feed_title_of_megabytes_is_not_copied_into_every_entry(
        site: FeedSite, lib: Library) -> None:
    """Every entry's source is the feed's title: a 2 MB feed with a title of
    a million letters and 100 entries made an 800 MB store (a 20 MB one
    could fill any disk)."""
    site.routes["/long.xml"] = lambda r: r.send(
        rss("ع" * 1_000_000, items("t", 100), site.base), "application/rss+xml")
    feed = subscribe(lib, site.url("/long.xml"))
    done = refresh(lib, feed)
    assert len(done.added) == 100
    sources = {lib.get(i).source for i in done.added}
    assert len(sources) == 1 and sources == {lib.feeds.get(feed.id).title}
    [source] = sources
    assert source.startswith("عععع") and source.endswith("…")
    assert len(source) <= MAX_TITLE_CHARS + 1  # and the "…"


def test_a_feed_address_with_arabic_letters_is_kept_as_typed(
        site: FeedSite, lib: Library) -> None:
    """The address was kept as sent, every Arabic letter percent-encoded:
    the window and ``feeds list`` showed %D8%A3..., and ``feeds remove``
    with the address as typed found no feed."""
    path = "/أخبار/الاقتصاد.xml"
    site.routes[urllib.parse.quote(path)] = lambda r: r.send(
        rss("أخبار", items("q", 2), site.base), "application/rss+xml")
    typed = site.url(path) + "?قسم=محلي"
    feed = subscribe(lib, typed)
    assert feed.url == typed
    assert len(refresh(lib, feed).added) == 2
    with pytest.raises(ReaderError, match="already followed"):
        subscribe(lib, typed)


BROKEN = "<rss><channel><title>مكسور</title><item><title>x</item></channel>"
"""The tester's feed: ``</item>`` closes ``<title>`` (line 1, column 51 in
an editor's count: the ``i`` of ``item``)."""


def cut_short(count: int) -> bytes:
    """A feed of ``count`` entries cut off in the middle of the next one, as a
    server that dies mid-answer (with a Content-Length that agrees) leaves it."""
    whole = rss("مقطوع", items("cut", count + 1), "http://127.0.0.1").decode()
    return whole[:whole.index("<item>", whole.index(f"cut-{count - 1}")) + 40].encode()


def test_a_feed_of_broken_xml_is_a_failing_feed_with_the_place_of_the_fault(
        site: FeedSite, lib: Library) -> None:
    site.routes["/bad.xml"] = lambda r: r.send(BROKEN.encode(), "application/xml")
    feed = lib.feeds.add(site.url("/bad.xml"))  # followed when it still worked
    done = refresh(lib, feed)
    assert done.error == "not well-formed XML at line 1, column 51 (mismatched tag)"
    shown = lib.feeds.get(feed.id)
    assert shown.failures == 1
    assert shown.last_error == f"{site.url('/bad.xml')}: {done.error}"


def test_a_feed_cut_short_keeps_what_it_read_and_is_failing(
        site: FeedSite, lib: Library) -> None:
    site.routes["/cut.xml"] = lambda r: r.send(cut_short(3), "application/rss+xml")
    feed = lib.feeds.add(site.url("/cut.xml"))
    done = refresh(lib, feed)
    assert len(done.added) == 3  # the whole entries before the cut: nothing lost
    assert re.fullmatch(r"not well-formed XML at line 1, column \d+ \(cut short\)", done.error)
    assert lib.feeds.get(feed.id).failures == 1
    again = refresh(lib, lib.feeds.get(feed.id))  # still cut: still failing, stored once
    assert again.added == [] and again.duplicates == 3 and again.error == done.error
    assert lib.feeds.get(feed.id).failures == 2 and lib.count() == 3
    site.routes["/cut.xml"] = lambda r: r.send(rss("مقطوع", items("cut", 4), site.base),
                                               "application/rss+xml")
    mended = refresh(lib, lib.feeds.get(feed.id))
    assert not mended.error and len(mended.added) == 1 and mended.duplicates == 3
    assert (lib.feeds.get(feed.id).failures, lib.feeds.get(feed.id).last_error) == (0, "")


def test_an_entry_the_fault_falls_inside_is_never_stored(site: FeedSite, lib: Library) -> None:
    """From a tester's day: an item left open (``<description>نص <b>غير مغلق``
    then ``</channel>``) was stored with half its body and counted unread,
    on a feed shown as failing. The entry around a fault is a stub; the
    whole entries before and after it are kept."""
    whole = rss("أخبار", items("m", 5), site.base).decode()
    third = whole.index("<item>", whole.index("m-1"))
    broken = whole[:third] + whole[third:].replace("<title>", "<title><b>", 1)  # left open
    site.routes["/mid.xml"] = lambda r: r.send(broken.encode(), "application/rss+xml")
    feed = lib.feeds.add(site.url("/mid.xml"))
    done = refresh(lib, feed)
    assert "mismatched tag" in done.error
    assert sorted(lib.get(i).title for i in done.added) == \
        [f"خبر m رقم {n}" for n in (0, 1, 3, 4)]
    site.routes["/open.xml"] = lambda r: r.send(
        '<rss version="2.0"><channel><title>خلاصة معطوبة</title>\n<item><title>خبر بلا نهاية'
        '</title><description>نص <b>غير مغلق\n</channel>'.encode(), "application/rss+xml")
    feed = lib.feeds.add(site.url("/open.xml"))
    done = refresh(lib, feed)
    assert done.added == [] and "mismatched tag" in done.error
    assert lib.count() == 4


def test_following_broken_xml_with_no_entry_is_refused_with_its_cause(
        site: FeedSite, lib: Library) -> None:
    site.routes["/bad.xml"] = lambda r: r.send(
        b"<rss><channel><title>x</title><link>http://a/</channel>", "application/xml")
    with pytest.raises(FetchFailed) as caught:
        subscribe(lib, site.url("/bad.xml"))
    assert caught.value.line() == (f"{site.url('/bad.xml')}: not well-formed XML at line 1, "
                                   "column 48 (mismatched tag)")
    assert lib.feeds.all() == []


HARMLESS = {
    "an HTML entity": "<title>أخبار&nbsp;اليوم &eacute;</title>",
    "a bare ampersand": "<title>AT&T & Co &amp y</title>",
    "an undeclared prefix": '<media:thumbnail url="http://a/x.jpg"/>',
    "junk after the feed": "</channel></rss><!-- cache 3 ms --> PHP Warning: x",
}


@pytest.mark.parametrize("quirk", HARMLESS.values(), ids=HARMLESS.keys())
@pytest.mark.parametrize("declaration", ["", "\n\n<?xml version='1.0' encoding='windows-1256'?>"])
def test_careless_xml_that_every_reader_reads_is_no_failure(
        site: FeedSite, lib: Library, quirk: str, declaration: str) -> None:
    """Faults a lenient parser reads past without losing a word (and a
    declaration after blank lines, of an encoding other than the answer's)
    leave a feed healthy: every refresh would otherwise say it failed."""
    whole = rss("أخبار", items("q", 2), site.base).decode()
    whole = declaration + whole.removeprefix('<?xml version="1.0" encoding="utf-8"?>')
    if quirk.startswith("</channel>"):
        whole = whole.replace("</channel></rss>", quirk)
    else:
        whole = whole.replace("<item>", "<item>" + quirk, 1)
    site.routes["/feed"] = lambda r: r.send(whole.encode(), "application/rss+xml; charset=utf-8")
    feed = subscribe(lib, site.url("/feed"))
    done = refresh(lib, feed)
    assert not done.error and len(done.added) == 2
    assert lib.feeds.get(feed.id).failures == 0


def test_importing_a_feed_file_cut_short_says_so_and_keeps_its_whole_entries(
        tmp_path: Path, store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A saved feed that is not well-formed XML, imported as a file: its
    whole entries are stored and one line names the file and the fault (it
    was imported with no word of the entry it broke off in)."""
    from reader.cli import main

    saved = tmp_path / "cut.xml"
    saved.write_bytes(cut_short(3))
    code = main(["--store", str(store_path), "import", str(saved)])
    _out, err = capsys.readouterr()
    assert code == 0
    assert re.search(rf"{re.escape(str(saved))}: not well-formed XML at line 1, column \d+ "
                     r"\(cut short\)\n", err), err
    with Library.open(store_path) as lib:
        assert len(lib.rows()) == 3


def test_an_entry_without_a_date_is_dated_when_it_arrived(
        site: FeedSite, lib: Library) -> None:
    """From a day of use: an entry with no date of its own showed an empty
    Date column and sank below every dated article of the list. It is dated
    when the refresh first found it, as feed readers do; a dated one keeps
    its own date, and a later refresh does not move either."""
    body = ("<p>قال الوزير إن «الموازنة تكفي» لثلاثة أعوام.</p>"
            "<p>وأضاف أن العجز بلغ 3.5 في المئة.</p>")
    feed_xml = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
                "<title>بلا تواريخ</title>"
                f"<item><title>خبر بلا تاريخ</title><guid>a</guid><description><![CDATA[{body}]]>"
                "</description></item>"
                f"<item><title>خبر بتاريخ</title><guid>b</guid><description><![CDATA[{body} 2]]>"
                "</description><pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate></item>"
                "</channel></rss>").encode()
    site.routes["/undated.xml"] = lambda r: r.send(feed_xml, "application/rss+xml")
    before = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 1))
    feed = lib.feeds.add(site.url("/undated.xml"))
    assert len(refresh(lib, feed).added) == 2
    dates = {r.title: r.published for r in lib.rows()}
    assert dates["خبر بتاريخ"] == "2025-06-02T10:00:00Z"
    assert before <= dates["خبر بلا تاريخ"] <= time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    refresh(lib, lib.feeds.get(feed.id))
    assert {r.title: r.published for r in lib.rows()} == dates
