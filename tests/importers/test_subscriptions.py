"""Following feeds (issue 18): a local server on 127.0.0.1 serves feeds that
change between requests; counts of requests and of articles prove the
conditional GET, that nothing is stored twice, that one broken or slow feed
costs no other, and the deadline. Nothing is fetched from elsewhere."""

from __future__ import annotations

import ipaddress
import re
import time
import urllib.parse
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.errors import FetchFailed, ReaderError
from reader.importers.feeds import normalize_link
from reader.importers.opml import Outline, read_opml, write_opml
from reader.importers.subscriptions import feed_address, refresh, refresh_feeds, subscribe
from reader.store import Library
from reader.store.feeds import backoff
from tests.feed_site import FeedSite, Request, serve


def rss(title: str, items: list[tuple[str, str, str]], *, content: bool = True) -> bytes:
    """An RSS 2.0 feed; items are (guid, link, text)."""
    body = "".join(
        f"<item><title>{text.split('.')[0]}</title><link>{link}</link>"
        f"<guid isPermaLink='false'>{guid}</guid>"
        + (f"<content:encoded><![CDATA[<p>{text}</p>]]></content:encoded>" if content
           else f"<description>{text[:40]}</description>")
        + "</item>" for guid, link, text in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{title}</title><link>http://127.0.0.1/</link>{body}</channel></rss>"
            ).encode()


STORY = ("قال وزير المالية إن «الموازنة الجديدة ستخفض العجز» بنسبة 3% خلال العام المقبل، "
         "مضيفاً أن الحكومة ستنفق 2.5 مليار دينار على المدارس والمستشفيات. رقم {n}.")


class Feeds:
    """What the server serves, changed by the tests between refreshes."""

    def __init__(self, site: FeedSite) -> None:
        self.site = site
        self.items: list[tuple[str, str, str]] = []
        self.not_modified = 0
        self.etag = "v1"
        self.empty_fills = False

    @property
    def requests(self) -> Counter[str]:
        return self.site.requests

    def news(self, request: Request) -> None:
        """The feed, or 304 when the client has its ETag."""
        if request.headers.get("If-None-Match") == self.etag:
            self.not_modified += 1
            request.status(304)
        else:
            request.send(rss("أخبار المدينة", self.items), "application/rss+xml",
                         {"ETag": self.etag})

    def drip(self, request: Request) -> None:
        """The feed a byte every 50 ms."""
        request.send_response(200)
        request.send_header("Content-Type", "application/rss+xml")
        request.end_headers()
        for byte in rss("بطيء", self.items):
            request.wfile.write(bytes([byte]))
            request.wfile.flush()
            time.sleep(0.05)

    def page(self, request: Request) -> None:
        """An article's page, with more text than its feed entry."""
        n = request.route.rsplit("/", 1)[1]
        request.send(f"<html><body><article><h1>خبر {n}</h1><p>{STORY.format(n=n)}"
                     " وهذا هو النص الكامل للخبر من صفحته.</p></article></body>"
                     "</html>".encode(), "text/html; charset=utf-8")


@pytest.fixture
def server() -> Iterator[tuple[str, Feeds]]:
    with serve() as site:
        state = Feeds(site)
        base = site.base
        state.items = [(f"g{n}", f"{base}/news/{n}", STORY.format(n=n)) for n in range(3)]
        site.alternate = "/news.xml"
        site.routes.update({
            "/news.xml": state.news,
            "/slow.xml": state.drip,
            "/news/": state.page,
            "/summaries.xml": lambda r: r.send(rss("ملخصات", state.items[:1], content=False),
                                               "application/rss+xml"),
            "/empty.xml": lambda r: r.send(
                rss("هادئ", state.items if state.empty_fills else []), "application/rss+xml"),
            "/moved.xml": lambda r: r.status(301, {"Location": "/news.xml"}),
            "/catalog.xml": lambda r: r.send(
                "<?xml version='1.0'?><catalog><book>كتاب</book></catalog>".encode(),
                "application/xml"),
        })
        yield base, state


@pytest.fixture
def lib(store_path: Path) -> Iterator[Library]:
    with Library.open(store_path) as library:
        yield library


def test_a_feed_fills_the_library_once_and_then_costs_a_304(
        server: tuple[str, Feeds], lib: Library) -> None:
    base, state = server
    feed = subscribe(lib, f"{base}/news.xml", folder="محلي")
    assert feed.title == "أخبار المدينة" and feed.folder == "محلي"
    first = refresh(lib, feed)
    assert len(first.added) == 3 and not first.error
    assert lib.count() == 3
    assert all(lib.highlights(i, kind="figure") for i in first.added)
    again = refresh(lib, lib.feeds.get(feed.id))
    assert again.not_modified and again.added == [] and state.not_modified == 1
    state.etag = "v2"
    state.items.append(("g9", f"{base}/news/9", STORY.format(n=9)))
    # Republished: the same guid again, and an old link decorated for tracking.
    state.items.append(("g0", f"{base}/news/0", STORY.format(n=0)))
    state.items.append(("new-guid-1", f"{base}/news/1?utm_source=rss&fbclid=x",
                        STORY.format(n=1) + " تحديث."))
    third = refresh(lib, lib.feeds.get(feed.id))
    assert len(third.added) == 1 and lib.count() == 4
    shown = lib.feeds.get(feed.id)
    assert (shown.unread, shown.total, shown.failures, shown.etag) == (4, 4, 0, "v2")
    assert lib.feeds.mark_all_read(feed.id) == 4 and lib.feeds.get(feed.id).unread == 0


def test_one_broken_or_slow_feed_costs_no_other(
        server: tuple[str, Feeds], lib: Library) -> None:
    base, _ = server
    good = lib.feeds.add(f"{base}/news.xml")
    broken = lib.feeds.add(f"{base}/broken.xml")
    slow = lib.feeds.add(f"{base}/slow.xml")
    results = {r.feed_id: r for r in refresh_feeds(lib, deadline=1.5)}
    assert len(results[good.id].added) == 3
    assert "500" in results[broken.id].error
    # The slow one ends at its deadline, not its end: given up, nothing stored.
    assert "within 1.5 seconds" in results[slow.id].error
    assert results[slow.id].added == [] and lib.feeds.get(slow.id).failures == 1
    failed = lib.feeds.get(broken.id)
    assert failed.failures == 1 and "500" in failed.last_error and "\n" not in failed.last_error
    assert failed.next_check > lib.feeds.get(good.id).next_check  # backing off
    refresh(lib, failed)
    assert lib.feeds.get(broken.id).failures == 2
    assert lib.feeds.due("9999-01-01T00:00:00Z") and not lib.feeds.due("2000-01-01T00:00:00Z")


def test_backoff_doubles_up_to_a_day() -> None:
    assert [backoff(60, n) for n in range(4)] == [60, 120, 240, 480]
    assert backoff(60, 30) == 24 * 60


def test_subscribe_by_a_page_a_redirect_and_refuse_what_is_no_feed(
        server: tuple[str, Feeds], lib: Library) -> None:
    base, _ = server
    moved = subscribe(lib, f"{base}/moved.xml", title="منقول")
    assert moved.url == f"{base}/news.xml" and moved.title == "منقول"  # where it moved
    lib.feeds.remove(moved.id)
    assert subscribe(lib, f"{base}/page.html").url == f"{base}/news.xml"
    with pytest.raises(ReaderError, match="already followed"):
        subscribe(lib, f"{base}/page.html")
    with pytest.raises(FetchFailed, match="neither a feed"):
        subscribe(lib, f"{base}/plain.html")
    with pytest.raises(ReaderError):  # XML, but no feed, however empty
        subscribe(lib, f"{base}/catalog.xml")
    assert [f.url for f in lib.feeds.all()] == [f"{base}/news.xml"]


def test_full_text_fetches_the_page_of_a_summary(
        server: tuple[str, Feeds], lib: Library) -> None:
    base, state = server
    short = lib.feeds.add(f"{base}/summaries.xml")
    full = lib.feeds.add(f"{base}/summaries.xml?full", full_text=True)
    [summary_id] = refresh(lib, short).added
    [full_id] = refresh(lib, full).added
    assert "النص الكامل" not in lib.get(summary_id).body
    assert "النص الكامل" in lib.get(full_id).body
    assert lib.get(full_id).url == f"{base}/news/0"
    assert state.requests["/news/0"] == 1


def test_a_feed_with_no_entries_yet_is_followed_and_is_no_failure(
        server: tuple[str, Feeds], lib: Library) -> None:
    base, state = server
    feed = subscribe(lib, f"{base}/empty.xml")
    quiet = refresh(lib, feed)
    assert not quiet.error and quiet.added == []
    shown = lib.feeds.get(feed.id)
    assert (shown.failures, shown.last_error, shown.total) == (0, "", 0)
    state.empty_fills = True
    assert len(refresh(lib, lib.feeds.get(feed.id)).added) == 3


def test_a_cancelled_refresh_fetches_no_more_pages_and_keeps_the_summaries(
        server: tuple[str, Feeds], lib: Library) -> None:
    base, state = server
    feed = lib.feeds.add(f"{base}/summaries.xml", full_text=True)
    [kept] = refresh(lib, feed, cancelled=lambda: True).added
    assert state.requests["/news/0"] == 0
    assert "النص الكامل" not in lib.get(kept).body


@pytest.mark.parametrize(("link", "same"), [
    ("https://Example.com/a/b/?utm_source=x&id=3#top", "http://example.com/a/b?id=3"),
    ("http://example.com:80/a?fbclid=1&gclid=2", "https://example.com/a"),
])
def test_links_lose_their_tracking(link: str, same: str) -> None:
    assert normalize_link(link) == normalize_link(same) != ""


# -- OPML, as other feed readers write it --------------------------------------------

OTHER_READER = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>Subscriptions</title></head>
  <body>
    <outline text="عربي" title="عربي">
      <outline text="محلي">
        <outline type="rss" text="أخبار المدينة" xmlUrl="http://127.0.0.1:1/news.xml"
                 htmlUrl="http://127.0.0.1:1/"/>
      </outline>
      <outline type="rss" title="اقتصاد" text="ignored" xmlurl="http://127.0.0.1:1/eco.xml"/>
    </outline>
    <outline type="rss" text="Tech" xmlUrl="http://127.0.0.1:1/tech.xml"/>
    <outline type="rss" text="no address"/>
    <outline type="rss" text="again" xmlUrl="http://127.0.0.1:1/tech.xml"/>
  </body>
</opml>"""


def test_opml_of_another_reader_reads_with_its_folders() -> None:
    assert read_opml(OTHER_READER, name="subs.opml") == [
        Outline("http://127.0.0.1:1/news.xml", "أخبار المدينة", "عربي/محلي",
                "http://127.0.0.1:1/"),
        Outline("http://127.0.0.1:1/eco.xml", "اقتصاد", "عربي"),
        Outline("http://127.0.0.1:1/tech.xml", "Tech", ""),
    ]


def test_opml_round_trips() -> None:
    feeds = read_opml(OTHER_READER, name="subs.opml")
    assert read_opml(write_opml(feeds), name="ours.opml") == feeds


def test_opml_writes_a_nested_folder_as_nested_outlines() -> None:
    """Other readers know folders only as outlines inside outlines: an
    outline titled "عربي/محلي" would be one folder with a slash in its
    name there, and a flat folder beside its parent."""
    feeds = [Outline("http://127.0.0.1:1/a.xml", "أ", "عربي/محلي/المدينة"),
             Outline("http://127.0.0.1:1/b.xml", "ب", "عربي"),
             Outline("http://127.0.0.1:1/c.xml", "ج", "رياضة"),
             Outline("http://127.0.0.1:1/d.xml", "د", "عربي/محلي"),
             Outline("http://127.0.0.1:1/e.xml", "هـ", "")]
    written = write_opml(feeds)
    body = ET.fromstring(written).find("body")
    assert body is not None

    def tree(element: ET.Element) -> list[object]:
        return [(o.get("text"), tree(o)) if o.get("xmlUrl") is None else o.get("xmlUrl")
                for o in element.findall("outline")]

    assert tree(body) == [
        ("عربي", [("محلي", [("المدينة", ["http://127.0.0.1:1/a.xml"]),
                             "http://127.0.0.1:1/d.xml"]),
                  "http://127.0.0.1:1/b.xml"]),
        ("رياضة", ["http://127.0.0.1:1/c.xml"]),
        "http://127.0.0.1:1/e.xml"]
    assert "/" not in "".join(o.get("text", "") for o in body.iter("outline")
                              if o.get("xmlUrl") is None)
    assert {o.url: o for o in read_opml(written, name="ours.opml")} == {o.url: o for o in feeds}


def test_every_opml_feed_not_followed_is_told_with_its_name_address_and_reason() -> None:
    """Regression: a ``file:`` (or ``ftp:``, ``feed:``) address was left out
    without a word. The fetcher reads only http(s), as ``feeds add`` says."""
    text = ('<opml version="2.0"><body>'
            '<outline text="محلي" xmlUrl="file:///home/me/local.xml"/>'
            '<outline text="أرشيف" xmlUrl="ftp://127.0.0.1/rss"/>'
            '<outline xmlUrl="feed://127.0.0.1/rss"/>'
            '<outline text="مكسور" xmlUrl="http://[::1"/>'
            '<outline text="سليم" xmlUrl="http://127.0.0.1:1/feed.xml"/>'
            "</body></opml>")
    told: list[str] = []
    feeds = read_opml(text, name="subs.opml", on_skip=lambda err: told.append(err.line()))
    assert [f.url for f in feeds] == ["http://127.0.0.1:1/feed.xml"]
    assert told == [
        "محلي: file:///home/me/local.xml: only http:// and https:// addresses can be fetched, "
        "not file:",
        "أرشيف: ftp://127.0.0.1/rss: only http:// and https:// addresses can be fetched, "
        "not ftp:",
        "subs.opml: feed://127.0.0.1/rss: only http:// and https:// addresses can be fetched, "
        "not feed:",
        "مكسور: http://[::1: not a valid web address: its brackets hold no IPv6 address",
    ]


def test_an_opml_whose_every_feed_is_refused_tells_each_instead_of_no_feed() -> None:
    told: list[str] = []
    text = '<opml><body><outline text="محلي" xmlUrl="file:///tmp/local.xml"/></body></opml>'
    assert read_opml(text, name="subs.opml", on_skip=lambda err: told.append(err.line())) == []
    assert len(told) == 1 and told[0].startswith("محلي: file:///tmp/local.xml: ")


@pytest.mark.parametrize("text", ["<html/>", "not xml", "<opml><body/></opml>"])
def test_what_is_no_opml_is_one_line(text: str) -> None:
    with pytest.raises(ReaderError) as err:
        read_opml(text, name="x.opml")
    assert "\n" not in err.value.line()


@pytest.mark.parametrize(("typed", "address"), [
    ("example.com/feed", "https://example.com/feed"),
    ("  www.aljazeera.net/rss\n", "https://www.aljazeera.net/rss"),
    ("localhost:8080/rss.xml", "https://localhost:8080/rss.xml"),
    ("example.com:8443", "https://example.com:8443"),
    ("//example.com/x", "https://example.com/x"),
    ("[::1]:8080/feed", "https://[::1]:8080/feed"),
    ("الجزيرة.نت/أخبار", "https://الجزيرة.نت/أخبار"),
    ("http://example.com/rss", "http://example.com/rss"),
    ("HTTPS://Example.com/rss", "HTTPS://Example.com/rss"),
    ("localhost", "https://localhost"),
    ("127.0.0.1:8080/rss", "https://127.0.0.1:8080/rss"),
    ("[2001:db8::1]/rss", "https://[2001:db8::1]/rss"),
    ("موقع.مصر", "https://موقع.مصر"),
    ("الجزيرة.نت/rss", "https://الجزيرة.نت/rss"),
    ("news-24.site2.example.com/rss", "https://news-24.site2.example.com/rss"),
    ("example.com./rss", "https://example.com./rss"),  # the DNS root's dot
])
def test_a_bare_host_is_read_as_https(typed: str, address: str) -> None:
    assert feed_address(typed) == address


@pytest.mark.parametrize(("typed", "address"), [
    ("example.com:٨٠٨٠/rss", "https://example.com:8080/rss"),
    ("http://localhost:۸۰/feed", "http://localhost:80/feed"),
    ("example.com/٢٠٢٦/rss", "https://example.com/٢٠٢٦/rss"),  # a path keeps its digits
])
def test_a_port_in_arabic_digits_is_read(typed: str, address: str) -> None:
    assert feed_address(typed) == address


@pytest.mark.parametrize(("typed", "cause"), [
    ("", '"": no web address given'),
    ("   ", '"": no web address given'),
    ("example.com/my feed", "example.com/my feed: not a web address: it holds a space"),
    ("file:///etc/passwd", "file:///etc/passwd: only http:// and https:// addresses can be "
                           "fetched, not file:"),
    ("ftp://example.com/rss", "ftp://example.com/rss: only http:// and https:// addresses can "
                              "be fetched, not ftp:"),
    ("javascript:alert(1)", "javascript:alert(1): only http:// and https:// addresses can be "
                            "fetched, not javascript:"),
    ("https://", "https://: not a web address: it names no host"),
    ("http:/example.com", "http:/example.com: not a web address: it names no host"),
    ("example.com:99999/rss", "example.com:99999/rss: not a valid web address: its port is "
                              "not a number from 0 to 65535"),
    ("example.com:abc/rss", "example.com:abc/rss: not a valid web address: its port is "
                            "not a number from 0 to 65535"),
    ("http://[::1/rss", "http://[::1/rss: not a valid web address: its brackets hold no "
                        "IPv6 address"),
    ("http://[zz]/rss", "http://[zz]/rss: not a valid web address: its brackets hold no "
                        "IPv6 address"),
    ("example.com/\x00", "example.com/\x00: not a web address: it holds a control character"),
    ("user@example.com", "user@example.com: this is an e-mail address, not a web address"),
    # A password would be shown beside the feed, listed and named in errors.
    ("https://user:pw@example.com/rss", "https://user:pw@example.com/rss: a user name or "
     "password in the address is not supported"),
    ("http://reader@localhost:8080/", "http://reader@localhost:8080/: a user name or "
     "password in the address is not supported"),
    ("//news@example.com/rss", "//news@example.com/rss: this is an e-mail address, not a web "
                               "address"),
    (".com", ".com: not a web address: its host name starts with a dot or has two dots "
             "together"),
    ("example..com/rss", "example..com/rss: not a web address: its host name starts with a dot "
                         "or has two dots together"),
    ("http://-", "http://-: not a web address: a part of its host name starts or ends with a "
                 "hyphen"),
    ("-news.example.com", "-news.example.com: not a web address: a part of its host name starts "
                          "or ends with a hyphen"),
    ("http://a!b.com/", 'http://a!b.com/: not a web address: its host name cannot hold "!"'),
    ("موقع،مصر", 'موقع،مصر: not a web address: its host name cannot hold "،"'),
    ("exa\u2100mple.com", 'exa\u2100mple.com: not a web address: its host name cannot hold '
                          '"\u2100"'),  # NFKC makes it "a/c": a spoofed host
    ("999.1.1.1/rss", "999.1.1.1/rss: not a web address: its host name ends in a number but "
                      "is not an IPv4 address"),
    ("موقع1.com", "موقع1.com: not a web address: its host name is not a valid international "
                  "(IDN) name"),  # one label, two directions (IDNA's bidi rule)
    ("x" * 64 + ".com", "x" * 64 + ".com: not a web address: its host name is too long (at "
                        "most 63 characters between dots, 253 in all)"),
])
def test_what_cannot_be_an_address_is_refused_in_one_line(typed: str, cause: str) -> None:
    with pytest.raises(ReaderError) as refused:
        feed_address(typed)
    assert refused.value.line() == cause


_LDH = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")


def names_a_server(host: str) -> bool:
    """True when ``host`` (urlsplit's hostname) is an IP address or a name
    whose labels, written in ASCII by IDNA, are letters, digits, underscores
    and inner hyphens (RFC 1123, and the underscores DNS allows), not all
    digits at the end, 253 characters at most."""
    try:
        ipaddress.ip_address(host.partition("%")[0])  # an IPv6 zone is the host's own
        return True
    except ValueError:
        pass
    try:
        name = host.removesuffix(".").encode("idna").decode("ascii")
    except UnicodeError:
        return False
    labels = name.split(".")
    return len(name) <= 253 and not labels[-1].isdigit() and \
        all(_LDH.fullmatch(label) for label in labels)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from([*"aez.:/?#@[]-_~%!0189 \t\nاب٣،", "http", "https", "file",
                                 "//", "user@", ".com", "-"]),
                max_size=12).map("".join))
@example("a:٣/٣")
def test_an_address_read_is_a_web_address_and_reads_the_same_again(text: str) -> None:
    try:
        address = feed_address(text)
    except ReaderError as err:
        assert "\n" not in err.message and err.subject in (text.strip(), '""')
        return
    parts = urllib.parse.urlsplit(address)
    assert parts.scheme.lower() in ("http", "https") and parts.hostname
    assert names_a_server(parts.hostname), address
    assert parts.username is None, address  # never a login (shown, listed, in errors)
    # What was typed ends the address, but a port typed in Arabic-Indic
    # digits is written in ASCII ones (a:٣/٣ is https://a:3/٣).
    typed = text.strip()
    assert address.endswith(typed) or any(
        address.endswith(typed[:m.start(1)] + str(parts.port) + typed[m.end(1):])
        for m in re.finditer(r":(\d+)", typed)
        if not m.group(1).isascii() and int(m.group(1)) == parts.port), address
    assert feed_address(address) == address


_ARABIC_LABEL = st.text(st.sampled_from([chr(c) for c in range(0x0621, 0x064B)
                                         if c not in range(0x063B, 0x0641)]),
                        min_size=1, max_size=12)
_ASCII_LABEL = st.from_regex(r"[a-z0-9](?:[a-z0-9-]{0,12}[a-z0-9])?", fullmatch=True)
_NAME = st.lists(st.one_of(_ASCII_LABEL, _ARABIC_LABEL), min_size=1, max_size=4).filter(
    lambda labels: not labels[-1].isdigit()).map(".".join)
_HOST = st.one_of(_NAME, st.ip_addresses(v=4).map(str),
                  st.ip_addresses(v=6).map(lambda ip: f"[{ip}]"))


@settings(max_examples=300, deadline=None)
@given(_HOST, st.none() | st.integers(0, 65535), st.sampled_from(["", "/rss", "/أخبار?x=1"]))
def test_every_host_a_server_can_have_is_read(host: str, port: int | None, path: str) -> None:
    typed = host + (f":{port}" if port is not None else "") + path
    assert feed_address(typed) == "https://" + typed


def test_a_bare_host_and_path_is_followed_over_https(secure_site: FeedSite,
                                                     store_path: Path) -> None:
    bare = secure_site.url("/page.html").removeprefix("https://")
    with Library.open(store_path) as library:
        feed = subscribe(library, feed_address(bare))
    assert feed.url == secure_site.url("/a.xml") and feed.url.startswith("https://")


@pytest.mark.parametrize(("typed", "address"), [
    # Copied from an Arabic page or typed after a direction switch: the
    # marks are invisible, so the address is what the reader sees.
    ("\u200fexample.com/rss", "https://example.com/rss"),
    ("example.com/rss\u200e", "https://example.com/rss"),
    ("\ufeffhttps://example.com/rss", "https://example.com/rss"),
    ("\u202b\u200b http://example.com/rss \u202c", "http://example.com/rss"),
])
def test_invisible_marks_around_an_address_are_dropped(typed: str, address: str) -> None:
    assert feed_address(typed) == address


def test_an_invisible_mark_inside_an_address_is_refused_in_words() -> None:
    with pytest.raises(ReaderError) as refused:
        feed_address("example\u200f.com/rss")
    assert refused.value.message == "not a web address: it holds an invisible character"


@pytest.mark.parametrize("kind", ["OPML", "XML"])
def test_markup_nested_too_deeply_is_named_by_its_kind(kind: str) -> None:
    """The depth limit's line said "HTML nested …" for an OPML list or a feed."""
    from reader.errors import InputTooLarge
    from reader.importers.feeds import parse_feed

    root, inner = ("opml", "outline") if kind == "OPML" else ("rss", "channel")
    text = (f'<?xml version="1.0"?><{root}>' + f"<{inner}>" * 1000 + f"</{inner}>" * 1000
            + f"</{root}>")
    with pytest.raises(InputTooLarge) as err:
        if kind == "OPML":
            read_opml(text, name="deep")
        else:
            parse_feed(text, name="deep")
    assert err.value.message == f"{kind} nested more than 400 levels deep; not parsed"


def test_an_entry_the_feed_corrects_is_stored_again_with_the_correction(
        server: tuple[str, Feeds], lib: Library) -> None:
    """From a tester's day: a feed corrected an entry (its title, a figure)
    under the same id, and the article kept the first text for good. It is
    stored again with the correction, read and starred as it was, the
    reader's own highlight anchored again by its text; once, not at every
    refresh."""
    base, state = server
    feed = subscribe(lib, f"{base}/news.xml")
    first = refresh(lib, feed)
    article_id = next(i for i in first.added if "رقم 1." in lib.get(i).body)
    lib.set_read(article_id, True)
    lib.set_starred(article_id, True)
    body = lib.get(article_id).body
    start = body.index("الحكومة")
    lib.add_user_highlight(article_id, "body", start, start + len("الحكومة"), note="للمتابعة")
    state.etag = "v2"
    corrected = "تصحيح: " + STORY.format(n=1).replace("2.5 مليار", "3 مليارات")
    state.items[1] = ("g1", f"{base}/news/1", corrected)
    done = refresh(lib, lib.feeds.get(feed.id))
    assert done.updated == [article_id] and done.added == [] and not done.error
    article = lib.get(article_id)
    assert "3 مليارات" in article.body and article.title.startswith("تصحيح")
    assert article.read and article.starred
    [mine] = [h for h in lib.highlights(article_id) if h.kind == "user"]
    assert article.body[mine.start:mine.end] == "الحكومة" and mine.note == "للمتابعة"
    assert any(h.text.startswith("3 مليارات") for h in lib.highlights(article_id, kind="figure"))
    state.etag = "v3"
    assert refresh(lib, lib.feeds.get(feed.id)).updated == []  # told once
    assert lib.count() == 3


def test_entries_recorded_before_their_texts_were_keyed_are_not_told_edited(
        server: tuple[str, Feeds], lib: Library) -> None:
    """A store whose entries an older version recorded (no ``text:`` key):
    the first refresh keys them, stores nothing again; a later correction is
    told."""
    base, state = server
    feed = subscribe(lib, f"{base}/news.xml")
    first = refresh(lib, feed)
    with lib._db.write() as con:
        con.execute("DELETE FROM feed_entries WHERE entry_key LIKE 'text:%'")
    state.etag = "v2"
    assert refresh(lib, lib.feeds.get(feed.id)).updated == []
    state.etag = "v3"
    state.items[0] = ("g0", f"{base}/news/0", STORY.format(n=0) + " وأضاف الوزير تفاصيل.")
    done = refresh(lib, lib.feeds.get(feed.id))
    assert len(done.updated) == 1 and done.updated[0] in first.added
