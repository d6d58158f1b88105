"""Accessibility in a real browser: axe-core on every page, light and dark, both languages; keyboard focus.

axe-core comes from the pinned npm package (package.json, installed by scripts/setup).
"""
from __future__ import annotations

import os
import pathlib

import pytest

from conftest import ROOT, browser_required

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def axe_source() -> str:
    """The axe-core script; missing it fails under CI and skips for a plain user."""
    if not AXE.exists():
        message = f"{AXE} missing: run scripts/setup (needs npm)"
        if browser_required():
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def built_pages(site: pathlib.Path) -> list[str]:
    """Every HTML page of the site, relative to its root."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")


def axe_violations(page, axe_source: str, rules: list[str] | None = None) -> list[str]:
    """Run axe (all rules, or only `rules`) on the loaded page; describe each violation with its first targets."""
    page.add_script_tag(content=axe_source)
    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    result = page.evaluate("async (options) => await axe.run(document, options)", options)
    return [f"{v['id']} ({v['impact']}): {v['help']} -> "
            f"{[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]]


# The dark scheme changes colours only, so there axe checks just the colour rules (halves the run time).
SCHEMES = {"light": None, "dark": ["color-contrast", "link-in-text-block"]}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violations_on_any_page(browser, server, site, axe_source, scheme):
    """axe-core reports 0 violations on every page in both colour schemes and both languages."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    offenders = {}
    try:
        for path in built_pages(site):
            page.goto(f"{server}/{path}")
            page.wait_for_load_state("load")
            violations = axe_violations(page, axe_source, SCHEMES[scheme])
            if violations:
                offenders[path] = violations
    finally:
        context.close()
    assert offenders == {}, "\n".join(f"{p}: {v}" for p, v in offenders.items())


def test_keyboard_reaches_content_with_a_visible_focus(page, server):
    """Tab from the top reaches the skip link, then links in the content, each with a visible outline."""
    page.goto(f"{server}/aanbevelingen/1-persoonlijke-band.html")
    page.keyboard.press("Tab")
    first = page.evaluate("() => document.activeElement.className + ' ' + document.activeElement.textContent")
    assert "md-skip" in first
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
        assert info["outline"] or info["shadow"], info
        if info["inArticle"] and info["tag"] == "A":
            seen_content_link = True
            break
    assert seen_content_link
