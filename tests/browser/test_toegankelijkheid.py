"""Accessibility in a real browser: axe-core on every page, light and dark, both languages; keyboard focus.

axe-core comes from the pinned npm package (package.json, installed by scripts/setup).
"""
from __future__ import annotations

import os
import pathlib

import pytest

from conftest import ROOT, browser_required


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
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(axe_source + "\n;true")   # through the debugger: the page's CSP allows no injected <script>
    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    result = page.evaluate("async (options) => await axe.run(document, options)", options)
    return [f"{v['id']} ({v['impact']}): {v['help']} -> "
            f"{[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]]


# The dark scheme changes colours only: on the same loaded page, after switching the page to Material's
# dark scheme (what its colour toggle does), axe checks the colour rules again. One page load per page.
DARK_RULES = ["color-contrast", "link-in-text-block"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_axe_finds_no_violations_on_any_page_light_and_dark(browser, server, site, axe_source, language):
    """axe-core reports 0 violations on every page in both colour schemes, per language (two tests, so that
    two workers can share the work)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    page = context.new_page()
    offenders = {}
    paths = [p for p in built_pages(site) if p.startswith("en/") == (language == "en")]
    assert len(paths) >= 36
    try:
        for path in paths:
            page.goto(f"{server}/{path}")
            page.wait_for_load_state("load")
            violations = axe_violations(page, axe_source)
            # no colour transitions, so axe sees the dark colours, not a blend on their way there
            page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
            page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
            assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") != "rgb(255, 255, 255)"
            violations += [f"dark: {v}" for v in axe_violations(page, axe_source, DARK_RULES)]
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
