"""The policy on every built page, 404.html included, and a 404 page whose links work from file:// (issue 21, 1).

Read from the session's strict build: each page is parsed, and its <head> must open with exactly one
Content-Security-Policy; each 404 page (Dutch at the root, English under en/) must load and link only what
lies beside it on disk. Each check is shown to fail on a page broken on purpose.
"""
from __future__ import annotations

import html.parser
import pathlib
import posixpath
import urllib.parse

from conftest import ROOT, build_site
from proefsite import pipeline_hook
import sitehtml


class Head(html.parser.HTMLParser):
    """The first element in <head>, the policies in <head>, and every address the page loads or links."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.first_in_head: tuple | None = None
        self.policies_in_head = 0
        self.addresses: list[str] = []
        self._in_head = False
        sitehtml.feed(self, text)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "head":
            self._in_head = True
            return
        if tag == "body":
            self._in_head = False
        if self._in_head:
            if self.first_in_head is None:
                self.first_in_head = (tag, values.get("http-equiv"))
            if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
                self.policies_in_head += 1
        for name in ("href", "src"):
            if values.get(name) and tag != "base":
                self.addresses.append(values[name])

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False


def policy_problem(text: str) -> str:
    """'' when the page's <head> opens with its one policy; else what is wrong."""
    head = Head(text)
    if head.policies_in_head != 1:
        return f"{head.policies_in_head} policies in <head>"
    if head.first_in_head != ("meta", "Content-Security-Policy"):
        return f"<head> opens with {head.first_in_head}, not the policy"
    return ""


def broken_addresses(site: pathlib.Path, relative_path: str, text: str) -> list[str]:
    """Addresses on a page that, read from file://, do not lead to a file of the site."""
    folder = posixpath.dirname(relative_path)
    broken = []
    for address in Head(text).addresses:
        parts = urllib.parse.urlsplit(address)
        if parts.scheme in ("data", "blob") or (not parts.path and parts.fragment):
            continue
        target = posixpath.normpath(posixpath.join(folder, urllib.parse.unquote(parts.path)))
        if parts.scheme or parts.netloc or parts.path.startswith("/") or not (site / target).is_file():
            broken.append(address)
    return broken


def test_every_page_opens_its_head_with_the_policy_404_included(site):
    pages = sorted(site.rglob("*.html"))
    assert {"404.html", "en/404.html"} <= {p.relative_to(site).as_posix() for p in pages}
    problems = {p.relative_to(site).as_posix(): policy_problem(p.read_text(encoding="utf-8")) for p in pages}
    assert {path: problem for path, problem in problems.items() if problem} == {}


def test_the_policy_check_fails_on_a_page_without_it_or_with_it_only_in_the_body():
    assert policy_problem('<html><head><meta charset="utf-8"></head><body>'
                          '<meta http-equiv="Content-Security-Policy" content="default-src *"></body></html>')
    assert policy_problem('<html><head><script>x()</script><meta http-equiv="Content-Security-Policy" content="x">'
                          "</head></html>")
    assert not policy_problem('<html><head><meta http-equiv="Content-Security-Policy" content="x"></head></html>')


def test_each_language_has_its_404_page_and_every_address_on_it_works_from_disk(site):
    """Dutch at the root (the default language), English under en/; no /absolute address (from file:// that is
    the disk's root): every stylesheet, script, icon and link leads to a file of the site."""
    for path, lang in (("404.html", "nl"), ("en/404.html", "en")):
        text = (site / path).read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in text, path
        assert len(Head(text).addresses) > 20, path
        assert broken_addresses(site, path, text) == [], path


def test_the_address_check_fails_on_an_absolute_or_missing_address(site):
    text = ('<head><link rel="stylesheet" href="../assets/stylesheets/leidraad.min.css"><link rel="icon" '
            'href="/assets/favicon.svg"></head><body><a href="../bestaat-niet.html">x</a><a href="#top">y</a>'
            '<a href="https://example.org/">z</a><a href="../index.html#kop">w</a></body>')
    assert broken_addresses(site, "en/404.html", text) == ["/assets/favicon.svg", "../bestaat-niet.html",
                                                            "https://example.org/"]


def test_a_page_that_quotes_the_policy_in_its_text_still_carries_it(tmp_path):
    """The probe of issue 21: a page that shows `http-equiv="Content-Security-Policy"` in a code span (and in raw
    HTML in its body) was built without a policy. Built now, its real <head> opens with it."""
    text = ('# Over de policy\n\nDe site zet `<meta http-equiv="Content-Security-Policy" content="…">` in elke pagina.\n\n'
            '    http-equiv="Content-Security-Policy"\n')
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(text, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: Proef\nuse_directory_urls: false\nhooks:\n  - {pipeline_hook(tmp_path, ('csp',))}\n",
                      encoding="utf-8")
    result = build_site(tmp_path / "site", config=config)
    assert result.returncode == 0, result.stdout + result.stderr
    built = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in built.split("<body", 1)[1]
    assert policy_problem(built) == ""
    assert policy_problem((tmp_path / "site" / "404.html").read_text(encoding="utf-8")) == ""
