"""Feeds from hostile or careless servers (on 127.0.0.1, ``tests.feed_site``):
what a reader is told, in one line, and what is followed and stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.errors import FetchFailed
from reader.importers.subscriptions import refresh, subscribe
from reader.store import Library
from tests.feed_site import FeedSite, items, rss, serve


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
