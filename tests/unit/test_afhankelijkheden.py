"""Dependencies: every package pinned exactly, and serving the site installs no test tool."""
from __future__ import annotations

import re

from conftest import ROOT

TEST_TOOLS = {"pytest", "pytest-xdist", "playwright", "pypdf", "execnet", "greenlet", "iniconfig", "pluggy"}


def packages(name: str) -> dict[str, str]:
    """{package: version} of a requirements file (comments and -r lines left out); a line that is not
    `name==version` is returned as {line: ''}."""
    found = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-r "):
            continue
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([0-9][\w.\-+]*)", line)
        found[match[1].lower() if match else line] = match[2] if match else ""
    return found


def test_every_dependency_is_pinned_exactly():
    """No range, no unpinned name, in either file; the test file builds on the site's."""
    for name in ("requirements.txt", "requirements-test.txt"):
        assert [p for p, version in packages(name).items() if not version] == [], name
    assert "-r requirements.txt" in (ROOT / "requirements-test.txt").read_text(encoding="utf-8")


def test_serving_installs_no_test_tool():
    """scripts/serve installs requirements.txt: none of the test tools are in it, all are in the test file;
    scripts/serve and scripts/test ask scripts/setup for the right set."""
    assert TEST_TOOLS & set(packages("requirements.txt")) == set()
    assert TEST_TOOLS <= set(packages("requirements-test.txt"))
    assert "scripts/setup test" not in (ROOT / "scripts" / "serve").read_text(encoding="utf-8")
    assert "scripts/setup test" in (ROOT / "scripts" / "test").read_text(encoding="utf-8")


def test_the_pin_check_bites():
    """Twin: a range and a bare name are both caught by the same reading."""
    line = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([0-9][\w.\-+]*)", "mkdocs>=1.6")
    assert line is None and re.fullmatch(r"([A-Za-z0-9_.\-]+)==([0-9][\w.\-+]*)", "mkdocs==1.6.1")
