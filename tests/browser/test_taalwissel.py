"""The language switch in a real browser: same page, same section, from file://."""
from __future__ import annotations

from conftest import outside_requests


# Was over http and from file://. The switch's links are relative links to the other language's page, which
# resolve the same over both; from file:// (the USB stick) is the stricter, so the browser takes that one. Over
# http the switch is used on the privacy walk (tests/browser/test_privacy.py, interact), and
# tests/site/test_engels.py checks that both editions' switches link the same page.
def test_switching_language_keeps_page_and_section(page, site):
    """Reading 3.2 in Dutch, the switch lands on 3.2 of the English page, and back, from file://."""
    base = site.as_uri()
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
