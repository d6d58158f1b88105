"""The language switch in a real browser: same page, same section, over http and from file://."""
from __future__ import annotations

import pytest

from conftest import outside_requests


@pytest.mark.parametrize("how", ["http", "file"])
def test_switching_language_keeps_page_and_section(page, server, site, how):
    """Reading 3.2 in Dutch, the switch lands on 3.2 of the English page, and back; also from file://."""
    base = server if how == "http" else site.as_uri()
    page.goto(f"{base}/aanbevelingen/3-autonomie-en-structuur.html#aanbeveling-3-2")
    page.locator(".md-header .md-select").first.hover()
    page.locator('a.md-select__link[hreflang="en"]').first.click()
    page.wait_for_url("**/en/aanbevelingen/3-autonomie-en-structuur.html#aanbeveling-3-2")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("#aanbeveling-3-2").bounding_box()["y"] < 400
    page.locator(".md-header .md-select").first.hover()
    page.locator('a.md-select__link[hreflang="nl"]').first.click()
    page.wait_for_url("**/aanbevelingen/3-autonomie-en-structuur.html#aanbeveling-3-2")
    assert "/en/" not in page.url
    assert page.console_errors == []
    assert outside_requests(page.requests_seen, base) == []
