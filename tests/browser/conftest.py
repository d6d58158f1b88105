"""Browser layer: besides the session's site (tests/conftest.py), small sites of our own making.

`proefsite(folder, pages)` builds a tiny project with Material, our overrides, hooks, CSS and JS (no i18n,
no search: a second or so) from a few Markdown pages, for what the real site cannot show: a worksheet whose
definition changed between two builds, two copies of the site in different folders, edge cases.
`serve(folder)` serves any folder on 127.0.0.1, like `server` serves the session's site.
"""
from __future__ import annotations

import functools
import http.server
import pathlib
import threading

import pytest

from conftest import _QuietHandler
from proefsite import build_proefsite

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
