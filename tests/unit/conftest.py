"""Unit layer: Markdown in, HTML out, through our hooks (tests/markdownpagina.py), no site build."""
from __future__ import annotations

import pytest

from markdownpagina import convert


@pytest.fixture
def markdown():
    """convert(text, src_uri=..., language=...) -> Result(html, warnings)."""
    return convert
