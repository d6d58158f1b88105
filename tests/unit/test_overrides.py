"""Our copies of theme and plugin templates (overrides/) are the installed originals plus marked lines only.

A copied template changes a line or two of a file of Material (or mkdocs-static-i18n). Our lines sit between
`{# wijziging: why #}` and `{# /wijziging #}`; a line of the original we replace is kept in a `{# was: … #}`
comment. Put back, the copy must be the installed original exactly: after an upgrade that changed the
original, this fails and names the file, so nobody ships an old copy by accident.
"""
from __future__ import annotations

import difflib
import pathlib
import re

import material
import mkdocs_static_i18n
import pytest

from conftest import ROOT

ORIGINALS = {
    "404.html": pathlib.Path(material.__file__).parent / "templates" / "404.html",
    "partials/nav-item.html": pathlib.Path(material.__file__).parent / "templates" / "partials" / "nav-item.html",
    "partials/search.html": pathlib.Path(material.__file__).parent / "templates" / "partials" / "search.html",
    "partials/copyright.html": pathlib.Path(material.__file__).parent / "templates" / "partials" / "copyright.html",
    "sitemap.xml": pathlib.Path(mkdocs_static_i18n.__file__).parent / "custom_i18n_sitemap" / "sitemap.xml",
}
RE_CHANGE = re.compile(r"^[ \t]*\{#-? wijziging:.*?#\}\n(?P<body>.*?)^[ \t]*\{#-? /wijziging -?#\}\n", re.S | re.M)
RE_WAS = re.compile(r"^[ \t]*\{#-? was: ?(?P<line>.*?) -?#\}\n", re.M)


def header_removed(text: str) -> str:
    """The text without its opening comment (Material's 'generated' note, or ours describing the copy)."""
    return re.sub(r"\A(<\?xml[^\n]*\n)?\{#.*?#\}\n", r"\1", text, count=1, flags=re.S)


def put_back(copy: str) -> str:
    """The copy with each marked change replaced by the original lines it names (was: …)."""
    def original_lines(match: re.Match) -> str:
        return "".join(f"{was['line']}\n" for was in RE_WAS.finditer(match["body"]))
    return RE_CHANGE.sub(original_lines, header_removed(copy))


def test_every_copied_template_is_known():
    """Every template in overrides/ but main.html (which extends Material's base) is a checked copy."""
    copies = {p.relative_to(ROOT / "overrides").as_posix() for p in (ROOT / "overrides").rglob("*.*")}
    assert copies - {"main.html"} == set(ORIGINALS)


@pytest.mark.parametrize("name", ORIGINALS)
def test_a_copy_is_the_original_plus_marked_lines(name):
    """Outside the marked changes, the copy is the installed original, line for line."""
    original = header_removed(ORIGINALS[name].read_text(encoding="utf-8"))
    restored = put_back((ROOT / "overrides" / name).read_text(encoding="utf-8"))
    diff = "".join(difflib.unified_diff(original.splitlines(True), restored.splitlines(True), "installed", "ours"))
    assert diff == "", f"overrides/{name} differs from the installed original outside its marked lines:\n{diff}"


def test_the_check_bites_on_an_unmarked_change():
    """An edit outside the markers (or an upgrade of the original) is found."""
    name = "partials/search.html"
    copy = (ROOT / "overrides" / name).read_text(encoding="utf-8").replace('autocomplete="off"', 'autocomplete="on"', 1)
    assert put_back(copy) != header_removed(ORIGINALS[name].read_text(encoding="utf-8"))
    upgraded = header_removed(ORIGINALS[name].read_text(encoding="utf-8")) + "<!-- new in an upgrade -->\n"
    assert put_back((ROOT / "overrides" / name).read_text(encoding="utf-8")) != upgraded
