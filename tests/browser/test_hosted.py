"""The hosted edition in a browser (HOSTING.md): installable, readable offline after one visit, a new version
announced without losing answers, and file:// left exactly as it was.

A service worker needs a real origin: the site is copied to a temp folder (a test changes its worker, as a new
build would) and served on http://127.0.0.1. The network is cut with `context.set_offline(True)` once the
worker is ready. Every request of the context (the worker's too) is recorded for the privacy check.
"""
from __future__ import annotations

import importlib.util
import json
import re
import shutil
import time

import pytest

from conftest import ROOT, outside_requests
from rondgang import axe_violations

WORKSHEET = "aan-de-slag/2x10-oefening.html"
TYPED = "Met Noor, omdat het contact stroef loopt"
OFFLINE_NL = "Niet beschikbaar zonder verbinding"
OFFLINE_EN = "Not available offline"


@pytest.fixture
def hosted(site, tmp_path, serve):
    """(base URL, folder) of a copy of the built site served over http."""
    folder = tmp_path / "site"
    shutil.copytree(site, folder)
    return serve(folder), folder


@pytest.fixture
def context(browser):
    """A browser context (fresh storage, service workers allowed) that records every request and console error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL", service_workers="allow")
    context.requests_seen, context.console_errors = [], []
    context.on("request", lambda request: context.requests_seen.append(request.url))
    yield context
    context.close()


def watched(context, page):
    """The page, with its console errors recorded on the context."""
    page.on("console", lambda m: m.type == "error" and context.console_errors.append(f"{page.url}: {m.text}"))
    page.on("pageerror", lambda error: context.console_errors.append(f"{page.url}: {error}"))
    return page


def first_visit(context, base: str, path: str = "index.html"):
    """Open one page and wait until the worker has fetched ahead (ready) and controls the page."""
    page = watched(context, context.new_page())
    started = time.monotonic()
    page.goto(f"{base}/{path}")
    page.evaluate("() => { navigator.serviceWorker.ready.then(() => { window.werkerKlaar = true; }); }")
    page.wait_for_function("() => window.werkerKlaar === true && navigator.serviceWorker.controller !== null",
                           timeout=60_000)
    print(f"worker ready after the first visit in {time.monotonic() - started:.1f} s")
    return page


def fill_in(page) -> None:
    """Type an answer into the worksheet and wait until it says it is kept."""
    form = page.locator("form.werkblad").first
    form.locator("textarea").first.click()
    page.keyboard.type(TYPED)
    page.wait_for_function("() => document.querySelector('[data-werkblad-status]').textContent"
                           ".includes('Opgeslagen in deze browser.')")


def answer(page) -> str:
    return page.locator("form.werkblad").first.locator("textarea").first.input_value()


def heading(page) -> str:
    return page.locator("article h1").first.inner_text()


def installable(context, page, base: str, manifest: str) -> None:
    """Chrome's own installability check finds nothing missing, and the manifest of the page's language is linked."""
    cdp = context.new_cdp_session(page)
    found = cdp.send("Page.getAppManifest")
    assert found["url"] == base + manifest and found["errors"] == [], (page.url, found)
    errors = [e["errorId"] for e in cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]]
    # A Playwright context is an incognito profile: Chrome never offers to install from one.
    print(f"{page.url}: Chrome's installability errors: {errors}")
    assert [e for e in errors if e != "in-incognito"] == [], (page.url, errors)
    cdp.detach()


# The installability check was a test of its own with two first visits; it needs a controlled page in each
# language, which this path has (the English one once the network is back).
def test_after_one_visit_the_site_works_offline_and_is_installable(context, hosted):
    """Installable: Chrome finds nothing missing and the manifest of the page's language is linked. One visit,
    the network cut: a recommendation not yet opened opens, the filled-in worksheet keeps its answer, search
    answers, and a page never fetched shows the offline page in its language. No request left the site, and
    no policy violation or script error was reported."""
    base, _ = hosted
    page = first_visit(context, base)
    installable(context, page, base, "/manifest.webmanifest")
    page.goto(f"{base}/{WORKSHEET}")
    fill_in(page)
    context.set_offline(True)

    page.goto(f"{base}/aanbevelingen/4-reflecteren-op-relaties.html")
    assert heading(page).startswith("4 Reflecteer regelmatig") and OFFLINE_NL not in page.content()
    page.goto(f"{base}/en/theorie/gehechtheidstheorie.html")   # English was not fetched ahead: offline page
    assert heading(page) == OFFLINE_EN and page.locator("html").get_attribute("lang") == "en"
    page.goto(f"{base}/{WORKSHEET}")
    assert answer(page) == TYPED

    page.goto(f"{base}/index.html")
    page.locator(".md-search__input").click()
    page.keyboard.type("herstel", delay=40)
    page.wait_for_function("() => [...document.querySelectorAll('.md-search-result__item a')]"
                           ".some(a => a.href.includes('6-herstel-van-de-relatie'))", timeout=15_000)

    page.goto(f"{base}/hele-leidraad.html")
    assert heading(page) == OFFLINE_NL and page.locator("html").get_attribute("lang") == "nl"
    page.goto(f"{base}/teamscan.html?x=1")
    assert heading(page) == OFFLINE_NL

    context.set_offline(False)
    page.goto(f"{base}/en/toets/index.html")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    installable(context, page, base, "/en/manifest.webmanifest")
    assert outside_requests(context.requests_seen, base) == []
    assert context.console_errors == []


def test_without_the_worker_the_same_steps_fail(browser, hosted):
    """Twin: with service workers blocked, the network cut leaves the reader with nothing (the test above is
    about the worker, not about the browser's own cache)."""
    base, _ = hosted
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        page.goto(f"{base}/index.html")
        context.set_offline(True)
        with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED"):
            page.goto(f"{base}/aanbevelingen/4-reflecteren-op-relaties.html")
    finally:
        context.close()


def test_a_new_build_announces_itself_and_keeps_the_answers(context, hosted, axe_source):
    """A new build (a new version in the worker) is announced to an open tab with 'Nieuwe versie: vernieuwen';
    nothing reloads by itself; pressing 'vernieuwen' brings in the new version and the typed answer stays."""
    base, folder = hosted
    page = first_visit(context, base, WORKSHEET)
    fill_in(page)
    page.evaluate("window.zelfdePagina = true")
    worker = folder / "offline-werker.js"
    old = json.loads(re.match(r"var BOUW = (.*);\n", worker.read_text(encoding="utf-8")).group(1))["versie"]
    worker.write_text(worker.read_text(encoding="utf-8").replace(old, "nieuw", 1), encoding="utf-8")

    other = watched(context, context.new_page())   # the reader opens the site in another tab: the browser looks
    other.goto(f"{base}/index.html")               # for a new worker, which fetches the new build
    other.evaluate("window.zelfdePagina = true")
    bar = page.locator("#leidraad-nieuwe-versie")
    bar.wait_for(timeout=30_000)
    assert bar.inner_text().startswith("Nieuwe versie:")
    assert bar.get_attribute("role") == "status"
    assert axe_violations(page, axe_source, ["color-contrast", "button-name", "aria-allowed-role", "region"]) == []
    assert page.evaluate("window.zelfdePagina") is True and answer(page) == TYPED

    with page.expect_navigation():
        bar.get_by_role("button", name="vernieuwen").click()
    assert answer(page) == TYPED
    assert page.evaluate("caches.keys()") == ["leidraad-nieuw"]
    assert other.evaluate("window.zelfdePagina") is True, "the other tab did not reload without being asked"
    other.locator("#leidraad-nieuwe-versie").wait_for()   # it still offers the new version itself
    assert other.locator("#leidraad-nieuwe-versie button").inner_text() == "vernieuwen"
    assert context.console_errors == []


def test_file_url_is_left_as_it_was(page, site):
    """From file:// no manifest, no worker, no announcement script: the loader stops at its first test."""
    page.goto((site / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("document.querySelector('script[src*=\"offline.min.js\"]') !== null")
    assert page.locator("link[rel=manifest]").count() == 0
    assert page.locator("script[src*=offline-melding]").count() == 0
    assert not any("offline-melding" in url or "webmanifest" in url for url in page.requests_seen)


def nginx_helpers():
    """tests/site/test_hosting.py as a module: nginx is started exactly as the header tests start it."""
    spec = importlib.util.spec_from_file_location("test_hosting_nginx", ROOT / "tests" / "site" / "test_hosting.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_behind_nginx_the_header_policy_blocks_nothing(context, site, tmp_path):
    """Behind nginx, where the policy comes as a header as well as the <meta>: the worker registers, a worksheet
    saves, search answers, in both languages, with no policy violation or other console error."""
    helpers = nginx_helpers()
    process, host = helpers.start_nginx(site, tmp_path)
    try:
        base = f"http://{host}"
        page = first_visit(context, base, WORKSHEET)
        assert "frame-ancestors" in page.evaluate("fetch(location.href).then(r => r.headers.get('content-security-policy'))")
        fill_in(page)
        page.goto(f"{base}/en/index.html")
        page.locator(".md-search__input").click()
        page.keyboard.type("repair", delay=40)
        page.wait_for_function("() => document.querySelectorAll('.md-search-result__item a').length > 0",
                               timeout=15_000)
        assert context.console_errors == []
        assert outside_requests(context.requests_seen, base) == []
    finally:
        helpers.stop(process)
