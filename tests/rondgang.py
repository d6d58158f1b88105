"""A walk through every built page in a real browser, and axe-core: shared by the browser tests.

`walk(context, base, paths, check)` opens each page once in one browser context and records what a reader
would never see: requests that leave the site, files not found, console and script errors; `check(page)`
may add its own problems per page (axe, light and dark). tests/browser/test_toegankelijkheid.py walks every
page over http with axe, once per language and test run, and tests/browser/test_privacy.py reads the same
walk's records for http and walks file:// itself.
"""
from __future__ import annotations

import pathlib

from conftest import ROOT, outside_requests

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The dark scheme changes colours only: on the same loaded page, after switching the page to Material's
# dark scheme (what its colour toggle does), axe checks the colour rules again. One page load per page.
DARK_RULES = ["color-contrast", "link-in-text-block"]


def built_pages(site: pathlib.Path) -> list[str]:
    """Every HTML page of the site, relative to its root."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")


def watch(context) -> dict[str, list[str]]:
    """Record on a browser context: every request, what failed or was not found, and script errors."""
    seen = {"requests": [], "missing": [], "errors": []}
    context.on("request", lambda request: seen["requests"].append(request.url))
    # ERR_ABORTED only means the next page was opened before this one finished loading
    context.on("requestfailed", lambda request: "ERR_ABORTED" not in (request.failure or "")
               and seen["missing"].append(f"{request.url} ({request.failure})"))
    context.on("response", lambda response: response.status >= 400
               and seen["missing"].append(f"{response.url} ({response.status})"))

    def on_page(page):
        page.on("console", lambda message: message.type == "error"
                and seen["errors"].append(f"{page.url}: {message.text}"))
        page.on("pageerror", lambda error: seen["errors"].append(f"{page.url}: {error}"))
    context.on("page", on_page)
    return seen


def walk(browser, base: str, paths: list[str], check=None) -> dict:
    """Open every path under base in one fresh context (every tenth page also waits until the network is
    quiet: search index, worker); return {"pages", "outside", "missing", "errors", "problems": {path: [...]}}
    with what check(page) found on each page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    seen = watch(context)
    page = context.new_page()
    problems = {}
    try:
        for index, path in enumerate(paths):
            page.goto(f"{base}/{path}", wait_until="networkidle" if index % 10 == 0 else "load")
            found = check(page) if check else []
            if found:
                problems[path] = found
    finally:
        context.close()
    return {"pages": len(paths), "outside": outside_requests(seen["requests"], base), "missing": seen["missing"],
            "errors": seen["errors"], "problems": problems,
            "search_index": any("search_index" in url for url in seen["requests"])}


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


def light_and_dark(page, axe_source: str) -> list[str]:
    """axe on the page as it is, then the colour rules again in Material's dark scheme (back to light after)."""
    found = axe_violations(page, axe_source)
    # no colour transitions, so axe sees the dark colours, not a blend on their way there
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    if page.evaluate("() => getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)":
        found.append("dark: the dark scheme did not switch on (white background)")
    found += [f"dark: {v}" for v in axe_violations(page, axe_source, DARK_RULES)]
    page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'default')")
    return found
