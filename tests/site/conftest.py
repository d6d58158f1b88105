"""Site layer: the session's strict build (tests/conftest.py, `site`), and every built page parsed once."""
from __future__ import annotations

import pytest

from sitehtml import pages


@pytest.fixture(scope="session")
def all_pages(site):
    """Every built page by its path from the site root, parsed once per worker (tests/sitehtml.py, Page)."""
    return pages(site)
