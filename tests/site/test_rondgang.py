"""The guard of the browser walk: one page of every kind is enough only if the pages chosen hold every kind.

The accessibility (axe, light and dark) and privacy walks open `rondgang.cover(site, language)`, not every
page (tests/rondgang.py). These tests fail when a page holds an element, class, data-/aria- attribute,
script, stylesheet or depth that none of the walked pages holds, and show that a new kind pulls its page in.
"""
from __future__ import annotations

import pytest

from rondgang import _kinds_of_site, built_pages, choose_cover, cover, kinds


def test_the_walked_pages_hold_every_kind_that_any_page_holds(site):
    """Every kind of every page is on at least one walked page, both languages are walked, and the walk is
    a real cut."""
    pages = _kinds_of_site(site)
    walked = cover(site)
    assert cover(site, "nl") and cover(site, "en") and sorted(cover(site, "nl") + cover(site, "en")) == sorted(walked)
    held = set().union(*(pages[p] for p in walked))
    missing = {p: sorted(k - held) for p, k in pages.items() if k - held}
    assert missing == {}, f"kinds on pages the walk does not open: {missing}"
    for needed in ("form.werkblad", "figure.cirkel", "form.teamscan", "section.teamoverzicht", "div.aanvulling",
                   "div.admonition", "table", "depth:0", "depth:1", "script:bewaren.min.js", "css:werkbladen.min.css"):
        assert any(needed in k for k in pages.values()), f"the kinds no longer see {needed}"
    assert 5 <= len(walked) < len(pages) / 4, walked


def test_a_new_kind_on_one_page_pulls_that_page_into_the_walk(site):
    """Twin: a page that gains a block no other page has, or loads a new script, joins the walk."""
    pages = _kinds_of_site(site)
    quiet = next(p for p in sorted(pages) if p not in choose_cover(pages))
    html = (site / quiet).read_text(encoding="utf-8")
    grown = html.replace("</article>", '<div class="nieuw-blok" data-nieuw="1">x</div></article>', 1)
    assert {"div.nieuw-blok", "div[data-nieuw]"} <= kinds(grown, quiet) - pages[quiet]
    assert quiet in choose_cover(dict(pages, **{quiet: frozenset(kinds(grown, quiet))}))
    scripted = html.replace("</head>", '<script src="../assets/javascripts/nieuw.min.js?v=1"></script></head>', 1)
    assert "script:nieuw.min.js" in kinds(scripted, quiet)
    assert quiet in choose_cover(dict(pages, **{quiet: frozenset(kinds(scripted, quiet))}))


def test_kinds_read_the_article_and_the_assets_not_the_navigation():
    """A class in the sidebar is not a kind (every page has the same nav); one in the article is."""
    html = ('<html><head><link rel="stylesheet" href="assets/stylesheets/main.6f8fc17f.min.css"></head><body>'
            '<nav class="md-nav"><a class="md-nav__link">x</a></nav>'
            '<article class="md-content__inner"><p class="tip" role="note">y</p></article></body></html>')
    found = kinds(html, "theorie/x.html")
    assert {"p.tip", "p[role]", "article.md-content__inner", "css:main.min.css", "depth:1", "lang:nl"} <= found
    assert "a.md-nav__link" not in found and kinds(html, "en/theorie/x.html") >= {"depth:1", "lang:en"}
    assert built_pages  # the walk and this guard read the same list of pages
