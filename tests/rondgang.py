"""A walk through the built site in a real browser, and axe-core: shared by the browser tests.

`walk(context, base, paths, check)` opens each page once in one browser context and records what a reader
would never see: requests that leave the site, files not found, console and script errors; `check(page)`
may add its own problems per page (axe, light and dark).

The walk takes one page of every kind, not every page: `kinds(html, path)` lists what a page is made of
(each element, class and data-/aria- attribute inside the article, every script and stylesheet it loads,
its depth in the site and its language), and `choose_cover` picks, greedily, the fewest pages that together
hold every kind that any page holds (13 of 124 in December 2026: the English pages have the same parts as
the Dutch ones, and tests/site/test_engels.py checks their words). A page with a new block, admonition,
template or asset joins the walk by itself; tests/site/test_rondgang.py checks that the cover holds every
kind and that a new kind on one page pulls that page in. tests/browser/test_toegankelijkheid.py walks the
cover over http with axe, once per test run; tests/browser/test_privacy.py reads the same walk's records for
http and walks the cover from file:// itself.
"""
from __future__ import annotations

import functools
import pathlib
import re
from html.parser import HTMLParser

from conftest import ROOT, outside_requests
import sitehtml

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The dark scheme changes colours only: on the same loaded page, after switching the page to Material's
# dark scheme (what its colour toggle does), axe checks the colour rules again. One page load per page.
DARK_RULES = ["color-contrast", "link-in-text-block"]


def built_pages(site: pathlib.Path) -> list[str]:
    """Every HTML page of the site, relative to its root."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")


class _Kinds(HTMLParser):
    """Collects the kinds of a page: inside <article> every tag, tag.class and tag[data-…/aria-…/role]; in the
    whole page every script and stylesheet it loads (by file, without query)."""

    def __init__(self):
        """Start outside the article."""
        super().__init__(convert_charrefs=True)
        self.found: set[str] = set()
        self.in_article = False

    def handle_starttag(self, tag, attrs):
        """Note the element (inside the article) or the asset it loads (anywhere)."""
        attributes = dict(attrs)
        if tag == "script" and attributes.get("src"):
            self.found.add("script:" + _asset(attributes["src"]))
        if tag == "link" and attributes.get("rel") == "stylesheet":
            self.found.add("css:" + _asset(attributes.get("href") or ""))
        if tag == "article":
            self.in_article = True
        if not self.in_article:
            return
        self.found.add(tag)
        self.found.update(f"{tag}.{name}" for name in (attributes.get("class") or "").split())
        self.found.update(f"{tag}[{name}]" for name in attributes if name.startswith(("data-", "aria-", "role")))


def _asset(address: str) -> str:
    """An asset's file name as the kind: no folder (depth is its own kind), no query, no hash."""
    return re.sub(r"\.[0-9a-f]{8}(?=\.)", "", address.split("?")[0].rsplit("/", 1)[-1])


def kinds(html: str, path: str) -> set[str]:
    """What the page at `path` is made of, as the walk must see it (see the module docstring)."""
    parser = _Kinds()
    sitehtml.feed(parser, html)
    language = "en" if path.startswith("en/") else "nl"
    return parser.found | {f"depth:{path.count('/') - (language == 'en')}", f"lang:{language}"}


@functools.lru_cache(maxsize=None)
def _kinds_of_site(site: pathlib.Path) -> dict[str, frozenset[str]]:
    """Every built page's kinds (read once per site folder)."""
    return {path: frozenset(kinds((site / path).read_text(encoding="utf-8"), path)) for path in built_pages(site)}


def choose_cover(pages: dict[str, frozenset[str]]) -> list[str]:
    """The fewest pages (greedy) that together hold every kind of `pages`; ties go to the smaller page (fewer
    kinds), then to the path, so that the choice is the same on every run."""
    left, chosen = set().union(*pages.values()) if pages else set(), []
    while left:
        best = max(pages, key=lambda path: (len(pages[path] & left), -len(pages[path]), path))
        chosen.append(best)
        left -= pages[best]
    return chosen


def cover(site: pathlib.Path, language: str | None = None) -> list[str]:
    """The pages that the walk opens, one of every kind (see choose_cover); with `language`, only those of
    that language (so that two workers can share the walk)."""
    chosen = choose_cover(_kinds_of_site(site))
    return [path for path in chosen if language is None or path.startswith("en/") == (language == "en")]


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
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light",
                                  service_workers="allow")   # the privacy walk watches the offline worker too
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
