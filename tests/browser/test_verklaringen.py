"""The statements in a real browser: the footer links work from any depth (from file://), in
both languages. (axe checks the statements among one page of every kind: tests/browser/test_toegankelijkheid.py.)"""
from __future__ import annotations

# Each footer link once per language, from pages at every depth (the links are relative: depth is what can
# break them; tests/site/test_verklaringen.py checks every page's footer in the built HTML).
CLICKS = [("index.html", "Privacy", "Privacyverklaring"),
          ("aanbevelingen/4-reflecteren-op-relaties.html", "Toegankelijkheid", "Toegankelijkheidsverklaring"),
          ("aan-de-slag/2x10-oefening.html", "Versies en wijzigingen", "Versies en wijzigingen"),
          ("en/aan-de-slag/2x10-oefening.html", "Privacy", "Privacy statement"),
          ("en/index.html", "Accessibility", "Accessibility statement"),
          ("en/theorie/gehechtheidstheorie.html", "Versions and changes", "Versions and changes")]


# Was over http and from file://. The links are relative links to .html files, which resolve the same over
# both; file:// is the stricter (a link to a folder would show a listing there, where a server gives its
# index.html), so the browser takes that one. tests/site/test_verklaringen.py resolves every page's footer links.
def test_the_footer_links_lead_to_the_statements_from_any_depth(page, site):
    """From pages at every depth, each footer link opens the statement in the page's own language (from a USB
    stick: file://)."""
    base = site.as_uri()
    for start, text, title in CLICKS:
        lang = "en" if start.startswith("en/") else "nl"
        page.goto(f"{base}/{start}")
        page.locator("footer nav.voet-verklaringen").get_by_role("link", name=text, exact=True).click()
        page.wait_for_load_state("load")
        assert page.locator("article h1").first.inner_text().replace("¶", "").strip() == title, (start, text)
        assert page.evaluate("() => document.documentElement.lang") == lang
        assert page.url.startswith(base), page.url
