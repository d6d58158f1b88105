"""Private and offline: one built page of every kind (tests/rondgang.py), over http and from file://, in a
real browser.

Fails on any request that leaves the site, on any response or file that is not found (Material's
sitemap.xml look-ups included), and on any console error or uncaught script error.
"""
from __future__ import annotations


import pytest

from conftest import outside_requests
from rondgang import cover, walk, watch



def interact(browser, base: str) -> dict:
    """The language switch and the search (worker + index) on one page, watched."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="allow")
    seen = watch(context)
    page = context.new_page()
    try:
        page.goto(f"{base}/aanbevelingen/1-persoonlijke-band.html", wait_until="networkidle")
        page.locator(".md-search__input").click()
        page.keyboard.type("relatie", delay=20)
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
        page.keyboard.press("Escape")
        page.locator(".md-header .md-select").first.hover()
        page.locator('a.md-select__link[hreflang="en"]').first.click()
        page.wait_for_url("**/en/aanbevelingen/1-persoonlijke-band.html")
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    return {"outside": outside_requests(seen["requests"], base), "missing": seen["missing"], "errors": seen["errors"],
            "search_index": any("search_index" in url for url in seen["requests"])}


@pytest.mark.parametrize("how", ["http", "file"])
def test_every_page_stays_on_the_site_finds_everything_and_logs_no_error(browser, server, site, walk_over_http,
                                                                         how):
    """One page of every kind, then search and the language switch: no outside request, no missing file, no
    error. Over http the walk is the accessibility test's (each page was opened once, with axe); from file://
    this test walks the same pages itself."""
    if how == "http":
        walks = [walk_over_http("nl"), walk_over_http("en")]
        base = server
    else:
        base = site.as_uri()
        walks = [walk(browser, base, cover(site, "nl") + cover(site, "en"))]
    walks.append(interact(browser, base))
    assert sum(w.get("pages", 0) for w in walks) >= 10
    assert [url for w in walks for url in w["outside"]] == []
    assert [item for w in walks for item in w["missing"]] == []
    assert [item for w in walks for item in w["errors"]] == []
    assert walks[-1]["search_index"], "the search index was never loaded"


# The CSP check and the watch's twin were two tests per protocol, each with its own context and a fixed wait
# of half a second; now one page per protocol, and the test awaits the violations and the error themselves.
# Both protocols stay: the policy's origin is another from file://, and there a missing file is a failed
# request, not a 404 answer.
@pytest.mark.parametrize("how", ["http", "file"])
def test_the_policy_refuses_another_host_and_the_watch_notices_a_missing_file_and_a_script_error(browser, server,
                                                                                                 site, how):
    """Injected into a page, an image, a script, a fetch and a stylesheet from another host are all refused
    by the page's CSP (hooks/csp.py): the browser reports each violation and sends nothing. Then the recorder
    of the walk above (rondgang.watch) can fail: a missing image and a thrown error are both caught."""
    base = server if how == "http" else site.as_uri()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="allow")
    seen = watch(context)
    page = context.new_page()
    failed, answered = {}, []
    page.on("requestfailed", lambda request: failed.__setitem__(request.url, request.failure))
    page.on("response", lambda response: answered.append(response.url))
    try:
        page.goto(f"{base}/aanbevelingen/1-persoonlijke-band.html")
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
        violations = page.evaluate("""async () => {
            const seen = [];
            document.addEventListener('securitypolicyviolation', e => seen.push(e.violatedDirective));
            const img = new Image(); img.src = 'https://example.org/spoor.png'; document.body.append(img);
            const script = document.createElement('script'); script.src = 'https://example.org/x.js'; document.body.append(script);
            const css = document.createElement('link'); css.rel = 'stylesheet'; css.href = 'https://example.org/x.css';
            document.head.append(css);
            try { await fetch('https://example.org/verzamel?x=1'); } catch (error) { /* refused */ }
            const until = Date.now() + 5000;            // the four reports, or five seconds at most
            while (seen.length < 4 && Date.now() < until) await new Promise(resolve => setTimeout(resolve, 20));
            return seen.sort();
        }""")
        assert violations == ["connect-src", "img-src", "script-src-elem", "style-src-elem"]
        tried = [url for url in seen["requests"] if "example.org" in url]
        # the fetch is refused before it becomes a request; the other three are stopped by the CSP
        assert len(tried) == 3 and {failed.get(url) for url in tried} == {"csp"}, (tried, failed)
        assert [url for url in answered if "example.org" in url] == []

        with page.expect_event("pageerror"):
            page.evaluate("""() => new Promise(resolve => {
                const img = document.createElement('img'); img.onerror = resolve; img.src = 'bestaat-niet.png';
                document.body.append(img); }).then(() => setTimeout(() => { throw new Error('proef'); }))""")
    finally:
        context.close()
    assert any("bestaat-niet.png" in item for item in seen["missing"]), seen
    assert any("proef" in item for item in seen["errors"]), seen


@pytest.mark.parametrize("how", ["http", "file"])
def test_the_404_page_has_the_policy_and_loads_everything_from_disk_and_from_a_server(browser, server, site, how):
    """Issue 21: 404.html had no policy, and from file:// its /assets/… paths pointed at the disk's root. Opened
    from file:// (both languages), and sent by a server for a missing address two folders deep: one policy,
    styles applied, search works, nothing missing, no error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="allow")
    seen = watch(context)
    page = context.new_page()
    if how == "http":
        body = (site / "404.html").read_text(encoding="utf-8")
        context.route("**/theorie/oud/bestaat-niet.html", lambda route: route.fulfill(
            status=404, body=body, content_type="text/html; charset=utf-8"))
        addresses = [f"{server}/theorie/oud/bestaat-niet.html"]
    else:
        addresses = [f"{site.as_uri()}/404.html", f"{site.as_uri()}/en/404.html"]
    try:
        for address in addresses:
            page.goto(address, wait_until="networkidle")
            assert page.locator('head > meta[http-equiv="Content-Security-Policy"]').count() == 1
            assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
            assert page.evaluate("__md_scope.href") == (f"{server}/" if how == "http" else f"{site.as_uri()}/")
            page.locator(".md-search__input").click()
            page.keyboard.type("relationship" if "/en/" in address else "relatie", delay=20)
            page.wait_for_selector(".md-search-result__item", timeout=10_000)
            page.keyboard.press("Escape")
            home = page.locator('a.md-select__link[hreflang="nl"]').first.get_attribute("href")
            assert page.evaluate("href => new URL(href, document.baseURI).href", home) == (
                f"{server}/index.html" if how == "http" else f"{site.as_uri()}/index.html")
    finally:
        context.close()
    # the missing address itself is answered 404 (and Chromium logs that); nothing else may be
    assert [item for item in seen["missing"] if "bestaat-niet.html" not in item] == []
    assert [item for item in seen["errors"] if "bestaat-niet.html: Failed to load resource" not in item] == []
    assert outside_requests(seen["requests"], server if how == "http" else site.as_uri()) == []
