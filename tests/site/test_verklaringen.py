"""The statements (accessibility, privacy, versions) in the session build: both languages, in every footer.

Every built page's footer links the three statements of its own language (overrides/partials/copyright.html,
hooks/verklaringen.py); the links are relative, so they work from file:// at any depth. The versions page
lists data/versies.yml, whose every date is a day with commits, and gives the content's version from git.
"""
from __future__ import annotations

import html.parser
import re
import subprocess

import pytest
import yaml

from conftest import ROOT
from sitehtml import resolve
import sitehtml

STATEMENTS = ["toegankelijkheid.html", "privacy.html", "versies.html"]
WORDS = {lang: [yaml.safe_load((ROOT / "hooks" / "verklaringen.yml").read_text(encoding="utf-8"))[key][lang]
                for key in ("toegankelijkheid", "privacy", "versies")] for lang in ("nl", "en")}
TITLES = {"nl": ["Toegankelijkheidsverklaring", "Privacyverklaring", "Versies en wijzigingen"],
          "en": ["Accessibility statement", "Privacy statement", "Versions and changes"]}


class FooterLinks(html.parser.HTMLParser):
    """The hrefs and texts of the links inside <nav class="voet-verklaringen"> in the page's footer."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.hrefs, self.texts, self._footer, self._nav, self._a = [], [], False, False, False
        sitehtml.feed(self, source)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "footer":
            self._footer = True
        if tag == "nav" and self._footer and "voet-verklaringen" in (attrs.get("class") or "").split():
            self._nav = True
        if tag == "a" and self._nav:
            self.hrefs.append(attrs.get("href") or "")
            self.texts.append("")
            self._a = True

    def handle_data(self, data):
        if self._a:
            self.texts[-1] += data.strip()

    def handle_endtag(self, tag):
        if tag == "a":
            self._a = False
        if tag == "nav":
            self._nav = False
        if tag == "footer":
            self._footer = False


def language(path: str) -> str:
    return "en" if path.startswith("en/") else "nl"


def footer_problems(site, path: str, source: str) -> list[str]:
    """What is wrong with a page's footer links: missing, absolute, or leading to the wrong page or language."""
    links = FooterLinks(source)
    hrefs = links.hrefs
    want = [f"en/{name}" if language(path) == "en" else name for name in STATEMENTS]
    found = [resolve(site, path, href) for href in hrefs]
    problems = [f"{path}: footer link {href!r} is not relative" for href in hrefs if href.startswith(("/", "http"))]
    got = [target[0] if target else None for target in found]
    if got != want:
        problems.append(f"{path}: footer links lead to {got}, not {want}")
    words = WORDS[language(path)]
    if links.texts != words:
        problems.append(f"{path}: footer links read {links.texts}, not {words}")
    return problems


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_three_statements_exist_in_both_languages(site, all_pages, lang):
    """Each statement is built in both languages, with its title as H1 and the page's language declared."""
    for name, title in zip(STATEMENTS, TITLES[lang]):
        path = name if lang == "nl" else f"en/{name}"
        page = all_pages[path]
        assert page.lang == lang, path
        assert [text for tag, _, text in page.headings if tag == "h1"] == [title]


def test_every_page_links_the_statements_from_its_footer(site, all_pages):
    """All built pages (both languages, every depth) end with the three links, relative, in their language."""
    assert len(all_pages) >= 80
    problems = [p for path in all_pages for p in footer_problems(site, path, (site / path).read_text(encoding="utf-8"))]
    assert problems == []


def test_the_footer_check_bites(site):
    """A page whose footer lost one link, or links the other language, fails the check."""
    path = "aanbevelingen/4-reflecteren-op-relaties.html"
    source = (site / path).read_text(encoding="utf-8")
    assert footer_problems(site, path, source) == []
    one_less = re.sub(r'<a href="[^"]*privacy\.html">[^<]*</a>', "", source, count=1)
    assert one_less != source and footer_problems(site, path, one_less) != []
    other = source.replace('href="../privacy.html"', 'href="../en/privacy.html"')
    assert other != source and footer_problems(site, path, other) != []
    english = (site / f"en/{path}").read_text(encoding="utf-8")
    assert footer_problems(site, path, english) != []  # English links on what claims to be a Dutch page


def mkdocs_yml() -> dict:
    """mkdocs.yml as data (its !!python/name: tags read as nothing)."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def commit_days() -> set[str] | None:
    """The days of this repository's commits (None when git or its history is not there)."""
    try:
        out = subprocess.run(["git", "log", "--format=%cs"], cwd=ROOT, capture_output=True, text=True,
                             timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return set(out.split()) or None


def test_the_versions_page_lists_every_day_of_the_changelog(site, all_pages):
    """versies.html is the changelog, newest first, each day's id the same in both languages."""
    entries = yaml.safe_load((ROOT / "data" / "versies.yml").read_text(encoding="utf-8"))
    ids = [f"versie-{entry['datum'].isoformat()}" for entry in entries]
    for path in ("versies.html", "en/versies.html"):
        found = [anchor for tag, anchor, _ in all_pages[path].headings if tag == "h3"]
        assert found == ids, path
    text = all_pages["versies.html"].text
    assert "Versie van de inhoud:" in text and "Deze kopie van de site is gebouwd op" in text


def test_every_date_of_the_changelog_is_a_day_with_commits():
    """The changelog is told from git log: each entry's day has commits (and the newest day is listed)."""
    days = commit_days()
    if days is None:
        pytest.skip("no git history here")
    entries = yaml.safe_load((ROOT / "data" / "versies.yml").read_text(encoding="utf-8"))
    listed = [entry["datum"].isoformat() for entry in entries]
    without = [day for day in listed if day not in days]
    assert without == [], (f"data/versies.yml has entries for {', '.join(without)}, days on which git has no commit. "
                           "Put a change under the day you commit it (a copy without the project's history cannot "
                           "check this: use a clone).")
    assert min(days) in listed, f"data/versies.yml has no entry for {min(days)}, a day with commits"


def test_the_content_version_is_the_newest_commit_of_docs(site):
    """The date on the versions page is that of the last commit under docs/."""
    try:
        day = subprocess.run(["git", "log", "-1", "--format=%cs", "--", "docs"], cwd=ROOT, capture_output=True,
                             text=True, timeout=30, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        day = ""
    if not day:
        pytest.skip("no git history here")
    year, month, date = (int(part) for part in day.split("-"))
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december"]
    source = (site / "versies.html").read_text(encoding="utf-8")
    assert f"<strong>Versie van de inhoud:</strong> {date} {months[month - 1]} {year}:" in source


@pytest.mark.parametrize("path", ["toegankelijkheid.html", "privacy.html", "en/toegankelijkheid.html", "en/privacy.html"])
def test_the_contact_placeholder_is_marked_while_mkdocs_yml_has_none(site, path):
    """mkdocs.yml's extra.contact is empty until the publisher fills it in: the statements say so, visibly."""
    contact = mkdocs_yml()["extra"].get("contact")
    source = (site / path).read_text(encoding="utf-8")
    if contact:
        assert contact in source
    else:
        assert source.count('class="verklaring-invullen"') == 1
        assert "extra.contact" in source


def test_the_accessibility_statement_gives_its_figures_and_dates(all_pages):
    """The standard, the axe run and the Lighthouse scores with their dates, in both languages."""
    for path, words in (("toegankelijkheid.html", ["WCAG", "2.1", "AA", "EN 301 549", "axe-core", "0 overtredingen",
                                                   "Laatste run, 1 december 2026", "25 november 2026"]),
                        ("en/toegankelijkheid.html", ["WCAG", "2.1", "AA", "EN 301 549", "axe-core", "0 violations",
                                                      "Last run, December 1, 2026", "November 25, 2026"])):
        text = all_pages[path].text
        assert [word for word in words if word not in text] == []
        assert "{{" not in text


def test_the_statement_counts_the_pages_the_site_has(site):
    """'alle 108 pagina's (54 per taal)': the marker <!-- aantal-paginas --> (hooks/verklaringen.py) counts the
    pages from docs/, so a new page changes the statement by itself; here the count meets the built site."""
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    english = [p for p in pages if p.relative_to(site).parts[0] == "en"]
    for path, pattern in (("toegankelijkheid.html", r"alle (\d+) pagina's \((\d+) per taal\)"),
                          ("en/toegankelijkheid.html", r"all (\d+) pages \((\d+) per language\)")):
        found = re.search(pattern, (site / path).read_text(encoding="utf-8"))
        assert found, (f"{path} names no page count: docs/toegankelijkheid.md (and .en.md) should say "
                       "'alle <!-- aantal-paginas -->' where the axe run is described.")
        said, built = (int(found[1]), int(found[2])), (len(pages), len(english))
        assert said == built, (f"{path} says '{found[0]}', but the site has {built[0]} pages ({built[1]} in English). "
                               "Is there a page in docs/ without its twin, or an HTML page that is not built from docs/?")


def test_the_page_count_follows_the_files_in_docs(tmp_path):
    """The count is the Dutch files times the languages: a page added in both languages raises it by two."""
    import verklaringen
    for name in ("index.md", "index.en.md", "theorie/a.md", "theorie/a.en.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# x\n", encoding="utf-8")
    assert verklaringen.count_markdown("nl", str(tmp_path)) == "4 pagina's (2 per taal)"
    (tmp_path / "b.md").write_text("# b\n", encoding="utf-8")
    (tmp_path / "b.en.md").write_text("# b\n", encoding="utf-8")
    assert verklaringen.count_markdown("en", str(tmp_path)) == "6 pages (3 per language)"
