"""Dependencies: every package pinned exactly, and serving the site installs no test tool."""
from __future__ import annotations

import pathlib
import re

from conftest import PLAYWRIGHT_DISABLED_FEATURES, ROOT

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


def playwright_disabled_features(bundle: str) -> list[str]:
    """The features Playwright's chromium launcher switches off, read from its driver's bundle
    (`disabledFeatures = [ … ]` in chromiumSwitches.ts); [] when the list is not found."""
    block = re.search(r"disabledFeatures = \[(.*?)\]", bundle, re.S)
    if not block:
        return []
    body = re.sub(r"//[^\n]*", "", block[1])   # comments may hold quotes
    return re.findall(r'"([A-Za-z0-9]+)"', body)


def test_the_browser_tests_keep_the_features_playwright_switches_off():
    """tests/conftest.py passes its own --disable-features, which replaces Playwright's (Chromium keeps the last
    one given): it must repeat every feature the installed Playwright switches off. Twin: a list without one
    of them is caught."""
    import playwright

    bundle = (pathlib.Path(playwright.__file__).parent / "driver" / "package" / "lib" / "coreBundle.js").read_text(
        encoding="utf-8")
    theirs = playwright_disabled_features(bundle)
    assert len(theirs) >= 10, "Playwright's list of disabled features was not found in its driver"
    assert [f for f in theirs if f not in PLAYWRIGHT_DISABLED_FEATURES] == []
    assert [f for f in theirs if f not in PLAYWRIGHT_DISABLED_FEATURES[1:]] == PLAYWRIGHT_DISABLED_FEATURES[:1]
