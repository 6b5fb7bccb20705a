"""A news site on 127.0.0.1 for the feed tests (issue 18): the window's, the
command's, the torture test's and the refresh engine's.

``FeedSite`` serves RSS feeds the test changes between requests (``feeds``:
path -> title and items), counts the requests, and has a few that behave
badly: ``/slow.xml`` holds its answer until the test sets ``release``
(``stuck`` is set while a request waits there), ``/broken.xml`` answers
500, ``/page.html`` names ``alternate`` (``/a.xml``) in a
``<link rel="alternate">`` and ``/plain.html`` names nothing. A test adds
its own answers in ``routes`` (path, or a prefix ending in "/", to a
function given the request), which come first. ``serve(tls=True)`` serves
the same site over https with the certificate ``TLS_CERT`` (for 127.0.0.1,
self-signed, made for these tests): a client trusts it through
``SSL_CERT_FILE``. Nothing is fetched from anywhere else.
"""

from __future__ import annotations

import ssl
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

STORY = ("قال وزير المالية إن «الموازنة الجديدة ستخفض العجز» بنسبة {n}% خلال العام المقبل، "
         "مضيفاً أن الحكومة ستنفق 2.5 مليار دينار على المدارس والمستشفيات.")

LONG_STORY = "\n".join(
    f"الفقرة {i}: وقال رئيس البلدية إن «العمل في المشروع يسير وفق الخطة» وإن كلفته بلغت "
    f"{i + 3} ملايين دينار حتى الآن، وإن الأهالي سيرون النتائج قبل نهاية العام." for i in range(90))


TLS_CERT = Path(__file__).parent / "data" / "tls" / "localhost.pem"
"""Certificate and key of 127.0.0.1 for ``serve(tls=True)``, valid until 2126."""


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of a feed: its id, title and text (paragraphs by "\\n")."""

    guid: str
    title: str
    text: str


def items(prefix: str, count: int) -> list[Item]:
    """``count`` news items with quotations and figures in them."""
    return [Item(f"{prefix}-{n}", f"خبر {prefix} رقم {n}", STORY.format(n=n + 2))
            for n in range(count)]


def rss(title: str, entries: list[Item], base: str) -> bytes:
    body = "".join(
        f"<item><title>{escape(e.title)}</title><link>{base}/news/{e.guid}</link>"
        f"<guid isPermaLink='false'>{e.guid}</guid><pubDate>Mon, 0{1 + n % 9} Jun 2025 "
        f"10:00:00 GMT</pubDate><content:encoded><![CDATA["
        + "".join(f"<p>{escape(p)}</p>" for p in e.text.split("\n"))
        + "]]></content:encoded></item>" for n, e in enumerate(entries))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{escape(title)}</title><link>{base}/</link>{body}</channel></rss>").encode()


class Request(BaseHTTPRequestHandler):
    """A request to the site, answered by a route or by ``FeedSite``'s own."""

    site: FeedSite

    def log_message(self, *args: object) -> None:
        pass

    @property
    def route(self) -> str:
        """The path, without its query."""
        return self.path.split("?")[0]

    def send(self, data: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
        """A 200 answer of ``data`` as ``kind``, with ``headers``."""
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def status(self, code: int, headers: dict[str, str] | None = None) -> None:
        """An answer without a body."""
        self.send_response(code)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()

    def do_GET(self) -> None:
        site, path = self.site, self.route
        site.requests[path] += 1
        route = site.routes.get(path) or next(
            (r for p, r in site.routes.items() if p.endswith("/") and path.startswith(p)), None)
        if route is not None:
            route(self)
            return
        if path == "/slow.xml":
            site.stuck.set()
            site.release.wait(60)
            site.stuck.clear()
        if path in site.feeds:
            title, entries = site.feeds[path]
            self.send(rss(title, entries, site.base), "application/rss+xml")
        elif path == "/broken.xml":
            self.status(500)
        elif path == "/page.html":
            self.send(b"<html><head><link rel='alternate' type='application/rss+xml'"
                      b" href='" + site.alternate.encode() + b"'></head><body>Home</body></html>",
                      "text/html; charset=utf-8")
        elif path == "/plain.html":
            self.send(b"<html><body>nothing to follow</body></html>", "text/html; charset=utf-8")
        else:
            self.status(404)


Route = Callable[[Request], None]


@dataclass
class FeedSite:
    """What the server serves and what it was asked (see the module)."""

    base: str = ""
    feeds: dict[str, tuple[str, list[Item]]] = field(default_factory=dict)
    requests: Counter[str] = field(default_factory=Counter)
    stuck: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    routes: dict[str, Route] = field(default_factory=dict)
    alternate: str = "/a.xml"

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def serve(*, tls: bool = False) -> Iterator[FeedSite]:
    """The site, running until the block ends (the fixture ``site``);
    ``tls``: over https."""
    state = FeedSite()
    state.feeds = {
        "/a.xml": ("أخبار الاقتصاد", items("a", 3)),
        "/b.xml": ("أخبار المدينة", [Item("b-long", "تقرير مطول عن مشروع البلدية", LONG_STORY),
                                     *items("b", 2)]),
        "/c.xml": ("الملاعب", items("c", 3)),
        "/slow.xml": ("بطيء", items("s", 2)),
    }

    handler = type("Handler", (Request,), {"site": state})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True  # a request left waiting on /slow.xml ends with the test
    if tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(TLS_CERT)
        httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    state.base = f"{'https' if tls else 'http'}://127.0.0.1:{httpd.server_port}"
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield state
    finally:
        state.release.set()
        httpd.shutdown()
        httpd.server_close()
