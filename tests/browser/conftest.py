"""Browser layer: besides the session's site (tests/conftest.py), small sites of our own making.

`proefsite(folder, pages)` builds a tiny project with Material, our overrides, hooks, CSS and JS (no i18n,
no search: a second or so) from a few Markdown pages, for what the real site cannot show: a worksheet whose
definition changed between two builds, two copies of the site in different folders, edge cases.
`serve(folder)` serves any folder on 127.0.0.1, like `server` serves the session's site.
`axe_source` is the pinned axe-core; `walk_over_http(language)` the walk through one page of every kind of a
language over http with axe light and dark (tests/rondgang.py), made once per test run.
"""
from __future__ import annotations

import functools
import pathlib
import threading

import pytest

from conftest import QuietServer, _QuietHandler, browser_required, shared_result
from proefsite import build_proefsite
from rondgang import AXE, cover, light_and_dark, walk

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
PAGES_PER_STRETCH = 4   # the walk goes in stretches, so that every worker that needs it can take a part


@pytest.fixture(scope="session")
def walk_over_http(browser, server, site, axe_source, run_folder):
    """walk_over_http(language) -> rondgang.walk of one page of every kind in that language (rondgang.cover)
    over http, with axe light and dark on each; once per test run. The pages go in stretches of four: a worker
    that needs the walk takes every stretch no other worker has taken (its own language first), then waits
    for the rest."""
    def stretches(language: str) -> list[tuple[str, list[str]]]:
        paths = cover(site, language)
        return [(f"rondgang-{language}-{n}", paths[n:n + PAGES_PER_STRETCH])
                for n in range(0, len(paths), PAGES_PER_STRETCH)]

    def walking(paths: list[str]):
        return functools.partial(walk, browser, server, paths, functools.partial(light_and_dark, axe_source=axe_source))

    @functools.cache
    def walk_of(language: str) -> dict:
        mine = stretches(language)
        others = [s for other in LANGUAGES if other != language for s in stretches(other)]
        parts = [shared_result(run_folder, name, walking(paths),
                               meanwhile=[(n, walking(p)) for n, p in mine + others])
                 for name, paths in mine]
        return {"pages": sum(part["pages"] for part in parts),
                "outside": [url for part in parts for url in part["outside"]],
                "missing": [item for part in parts for item in part["missing"]],
                "errors": [item for part in parts for item in part["errors"]],
                "problems": {path: found for part in parts for path, found in part["problems"].items()},
                "search_index": any(part["search_index"] for part in parts)}

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
        httpd = QuietServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}"

    yield start
    for httpd in servers:
        httpd.shutdown()
