"""A pabo student's path in a real browser: search in Dutch, follow cross-links theory <-> practice."""
from __future__ import annotations

import pytest

from conftest import outside_requests



def search(page, query: str) -> list[str]:
    """Type a query into Material's search and return the result links once they stop changing."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.click()
    page.keyboard.type(query, delay=30)
    previous, stable = None, 0
    for _ in range(40):  # results are debounced: wait until two reads agree
        page.wait_for_timeout(150)
        links = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
        stable = stable + 1 if links == previous and links else 0
        if stable >= 2:
            return links
        previous = links
    return previous or []


@pytest.mark.parametrize("query, expected", [
    ("gehechtheid", "theorie/gehechtheidstheorie.html"),
    ("herstelgesprek", "aanbevelingen/6-herstel-van-de-relatie.html"),
    ("autonomie", "aanbevelingen/3-autonomie-en-structuur.html"),
])
def test_dutch_search_finds_the_page(page, server, query, expected):
    """A Dutch query lists the page that explains it among the first results."""
    page.goto(f"{server}/index.html")
    page.wait_for_timeout(500)  # let the search worker load its index
    links = search(page, query)
    assert any(expected in link for link in links[:5]), links[:5]
    assert outside_requests(page.requests_seen, server) == []


def test_cross_link_from_practice_to_theory_and_back(page, server):
    """From recommendation 4 a student reaches 'mentale representaties' in the theory and gets back."""
    page.goto(f"{server}/aanbevelingen/4-reflecteren-op-relaties.html")
    link = page.locator("article a[href*='gehechtheidstheorie.html#mentale-representaties']").first
    link.click()
    page.wait_for_url("**/theorie/gehechtheidstheorie.html#mentale-representaties")
    heading = page.locator("#mentale-representaties")
    assert heading.is_visible()
    assert heading.bounding_box()["y"] < 400  # scrolled to the section
    page.locator("#aanbevelingen ~ * a[href*='4-reflecteren-op-relaties.html']").first.click()
    page.wait_for_url("**/aanbevelingen/4-reflecteren-op-relaties.html*")
    assert page.console_errors == []
    assert outside_requests(page.requests_seen, server) == []


def test_search_works_offline_from_file_url(page, site):
    """Opened from a USB stick (file://), search still finds pages and nothing is requested outside."""
    base = site.as_uri()
    page.goto(f"{base}/index.html")
    page.wait_for_timeout(800)
    links = search(page, "gehechtheid")
    assert any("theorie/gehechtheidstheorie.html" in link for link in links[:5]), links[:5]
    assert outside_requests(page.requests_seen, base) == []
