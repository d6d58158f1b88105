"""Browser layer: besides the session's site (tests/conftest.py), small sites of our own making.

`proefsite(folder, pages)` builds a tiny project with Material, our overrides, hooks, CSS and JS (no i18n,
no search: a second or so) from a few Markdown pages, for what the real site cannot show: a worksheet whose
definition changed between two builds, two copies of the site in different folders, edge cases.
`serve(folder)` serves any folder on 127.0.0.1, like `server` serves the session's site.
`axe_source` is the pinned axe-core; `walk_over_http(language)` the walk through every page of a language
over http with axe light and dark (tests/rondgang.py), made once per test run.
"""
from __future__ import annotations

import functools
import http.server
import pathlib
import threading

import pytest

from conftest import _QuietHandler, browser_required, shared_result
from proefsite import build_proefsite
from rondgang import AXE, built_pages, light_and_dark, walk

@pytest.fixture(scope="session")
def axe_source() -> str:
    """The axe-core script (npm, package-lock.json); missing it fails under CI and skips for a plain user."""
    if not AXE.exists():
        message = f"{AXE} missing: run scripts/setup (needs npm)"
        if browser_required():
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


LANGUAGES = ("nl", "en")


@pytest.fixture(scope="session")
def walk_over_http(browser, server, site, axe_source, run_folder):
    """walk_over_http(language) -> rondgang.walk of every page in that language over http, with axe light and
    dark on each; once per test run (with two workers, each walks one language)."""
    def pages_of(language: str) -> list[str]:
        return [p for p in built_pages(site) if p.startswith("en/") == (language == "en")]

    def walking(language: str):
        return functools.partial(walk, browser, server, pages_of(language),
                                 functools.partial(light_and_dark, axe_source=axe_source))

    @functools.cache
    def walk_of(language: str) -> dict:
        return shared_result(run_folder, f"rondgang-{language}", walking(language),
                             meanwhile=[(f"rondgang-{other}", walking(other)) for other in LANGUAGES])

    return walk_of


@pytest.fixture
def proefsite():
    """build_proefsite(folder, pages) -> the built site's folder."""
    return build_proefsite


@pytest.fixture
def serve():
    """serve(folder) -> 'http://127.0.0.1:PORT', serving that folder until the test ends."""
    servers = []

    def start(folder: pathlib.Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}"

    yield start
    for httpd in servers:
        httpd.shutdown()
