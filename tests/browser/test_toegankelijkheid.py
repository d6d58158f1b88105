"""Accessibility in a real browser: axe-core on one page of every kind (tests/rondgang.py), light and dark,
both languages; keyboard focus.

axe-core comes from the pinned npm package (package.json, installed by scripts/setup).
"""
from __future__ import annotations


import pytest

from rondgang import light_and_dark


@pytest.mark.parametrize("language", ["nl", "en"])
def test_axe_finds_no_violations_on_any_page_light_and_dark(walk_over_http, language):
    """axe-core reports 0 violations on one page of every kind of a language, in both colour schemes (the walk
    over http, tests/rondgang.py: together the pages hold every element, class, script and stylesheet that any
    page holds; tests/site/test_rondgang.py guards that)."""
    walked = walk_over_http(language)
    assert walked["pages"] >= 1
    assert walked["problems"] == {}, "\n".join(f"{p}: {v}" for p, v in walked["problems"].items())


# The axe twin and the keyboard test opened the same page; now one test runs axe on it, tabs through it, then
# breaks it (axe first: a link left focused is styled .focus-visible, which axe would judge too).
def test_keyboard_reaches_content_with_a_visible_focus_and_the_axe_check_bites(page, server, axe_source):
    """Tab from the top reaches the skip link, then links in the content, each with a visible outline. Twin of
    the walk's axe: the page is clean, light and dark; an image without alt text and grey-on-grey text put on
    it are both reported."""
    page.goto(f"{server}/aanbevelingen/1-persoonlijke-band.html")
    assert light_and_dark(page, axe_source) == []
    page.keyboard.press("Tab")
    first = page.evaluate("() => document.activeElement.className + ' ' + document.activeElement.textContent")
    assert "md-skip" in first, f"the first Tab reached {first!r}, not the skip link"
    seen_content_link = False
    for _ in range(200):  # header, the whole nav (about 50 links) and the toc come first
        page.keyboard.press("Tab")
        info = page.evaluate("""() => {
            const el = document.activeElement;
            // a hidden radio (Material's colour toggle) shows its focus on the label right after it
            const shown = el.matches('input.md-option') ? el.nextElementSibling : el;
            const style = getComputedStyle(shown);
            return {inArticle: !!el.closest('article'), tag: el.tagName, cls: el.className,
                    outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
                    shadow: style.boxShadow !== 'none'};
        }""")
        assert info["outline"] or info["shadow"], f"focus without an outline or a shadow: {info}"
        if info["inArticle"] and info["tag"] == "A":
            seen_content_link = True
            break
    assert seen_content_link, "200 Tabs did not reach a link in the article"

    page.evaluate("""() => {
        const article = document.querySelector('article');
        const img = document.createElement('img'); img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='; article.prepend(img);
        const p = document.createElement('p'); p.textContent = 'Bijna onleesbaar'; p.style.color = '#777';
        p.style.background = '#888'; article.prepend(p); }""")
    found = light_and_dark(page, axe_source)
    assert any(v.startswith("image-alt") for v in found), found
    assert any(v.startswith("dark: color-contrast") for v in found), found
