"""The statements in a real browser: the footer links work from any depth, over http and from file://, in
both languages. (axe checks the statements with every other page: tests/browser/test_toegankelijkheid.py.)"""
from __future__ import annotations

import pytest

START = ["index.html", "aanbevelingen/4-reflecteren-op-relaties.html", "en/aan-de-slag/2x10-oefening.html",
         "en/index.html"]
TITLES = {"nl": {"Privacy": "Privacyverklaring", "Toegankelijkheid": "Toegankelijkheidsverklaring",
                 "Versies en wijzigingen": "Versies en wijzigingen"},
          "en": {"Privacy": "Privacy statement", "Accessibility": "Accessibility statement",
                 "Versions and changes": "Versions and changes"}}


@pytest.mark.parametrize("how", ["http", "file"])
def test_the_footer_links_lead_to_the_statements_from_any_depth(page, server, site, how):
    """From pages at every depth, each footer link opens the statement in the page's own language."""
    base = site.as_uri() if how == "file" else server
    for start in START:
        lang = "en" if start.startswith("en/") else "nl"
        for text, title in TITLES[lang].items():
            page.goto(f"{base}/{start}")
            page.locator("footer nav.voet-verklaringen").get_by_role("link", name=text, exact=True).click()
            page.wait_for_load_state("load")
            assert page.locator("article h1").first.inner_text().replace("¶", "").strip() == title, (start, text)
            assert page.evaluate("() => document.documentElement.lang") == lang
            assert page.url.startswith(base), page.url
