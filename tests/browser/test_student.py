"""A pabo student's path in a real browser: search in Dutch from a USB stick, follow cross-links theory <->
practice."""
from __future__ import annotations

from conftest import outside_requests
from zoektabel import Zoeker


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


def test_search_finds_the_page_offline_from_a_usb_stick(page, site):
    """Opened from a USB stick (file://), a student's Dutch words find the page that explains them among the
    first three, and nothing is requested outside the site. (The query table, tests/browser/zoekvragen.yml,
    asks hundreds more queries; this is the student's own path from file://.)"""
    base = site.as_uri()
    zoeker = Zoeker(page, base).open("index.html")
    for query, expected in [("gehechtheid", "theorie/gehechtheidstheorie.html"),
                            ("herstelgesprek", "aanbevelingen/6-herstel-van-de-relatie.html"),
                            ("autonomie", "aanbevelingen/3-autonomie-en-structuur.html")]:
        found = zoeker.pages(zoeker.ask(query)[0])
        assert expected in found[:3], (query, found[:5])
    assert outside_requests(page.requests_seen, base) == []
