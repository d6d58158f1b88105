"""The search worker loads only when a reader turns to search (README budgets), over http and file://."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("how", ["http", "file"])
def test_search_worker_starts_only_when_the_reader_searches(page, server, site, how):
    """A first visit fetches neither the search worker nor the query understanding and its words
    (zoeken.min.js, zoekwoorden.js); focusing the search box fetches all three, and search works."""
    base = server if how == "http" else site.as_uri()
    page.goto(f"{base}/index.html", wait_until="networkidle")
    page.wait_for_timeout(300)   # an absence has no state to await: a lazy load after the quiet would show here
    helpers = ("/workers/search.", "/zoeken.min.js", "/zoekwoorden.js")
    assert not [url for url in page.requests_seen if any(name in url for name in helpers)]
    page.locator(".md-search__input").click()
    page.keyboard.type("gehechtheid", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    for name in helpers:
        assert [url for url in page.requests_seen if name in url], f"{name} was not loaded"
    assert page.console_errors == []
