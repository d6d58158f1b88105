"""The English edition: parity with the Dutch one, no Dutch running text, and a switch that keeps your place.

Static checks on the session build (conftest.py); the switch and search also run in a real browser.
"""
from __future__ import annotations

import html.parser
import pathlib
import re

import pytest

from conftest import ROOT
import sitehtml

DOCS = ROOT / "docs"

# Frequent Dutch words that are not English words. A block of English text that holds several of them,
# making up a noticeable share of its words, is Dutch text left behind.
DUTCH_WORDS = set("""
    de het een van je jij jouw niet dat ook met voor zijn wordt worden bij naar ze maar als wat hoe
    leerling leerlingen leerkracht leerkrachten hun kun kunt moet heeft hebben om te op aan er nog zo
    deze dit uit welke waar wanneer omdat zoals kan elke iedere geen goed samen
""".split())
DUTCH_MIN_WORDS, DUTCH_MIN_SHARE = 3, 0.15


def dutch_sources() -> list[str]:
    """Every Dutch Markdown page, relative to docs/ (English ones end in .en.md)."""
    return sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if not p.name.endswith(".en.md"))


def built_pairs(all_pages) -> list[tuple[str, str]]:
    """(Dutch page, English page) for every built Dutch page."""
    return [(path, f"en/{path}") for path in all_pages if not path.startswith("en/") and path != "404.html"]


class Blocks(html.parser.HTMLParser):
    """Text blocks (paragraphs, list items, cells, headings, captions) of the article, with what they hold.

    Left out: anything inside an element with lang="nl" (a Dutch title quoted on purpose) and the
    citation block, which names the Dutch original by its Dutch title."""

    BLOCK = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "summary", "label",
             "dt", "dd", "caption", "legend", "button", "text"}
    VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "path", "rect", "circle",
            "line", "polygon", "use", "stop", "area", "base", "embed", "track", "polyline", "ellipse"}

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.counts = {"werkblad": 0, "cirkel": 0, "details": 0, "admonition": 0, "table": 0}
        self._stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self._article = False
        self._current: list[str] | None = None
        sitehtml.feed(self, source)

    def _skipping(self) -> bool:
        return any(skipped for _, skipped in self._stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "article":
            self._article = True
        if not self._article:
            return
        if "werkblad" in classes:
            self.counts["werkblad"] += 1
        if tag == "svg" and attrs.get("role") == "img" and any(c.startswith("cirkel") for c in classes):
            self.counts["cirkel"] += 1
        if "admonition" in classes:
            self.counts["admonition"] += 1
        if tag in ("details", "table"):
            self.counts[tag] += 1
        skipped = attrs.get("lang", "").startswith("nl") or "verwijzing" in classes or tag in ("script", "style")
        if tag not in self.VOID:
            self._stack.append((tag, skipped))
        if tag in self.BLOCK and self._current is None and not self._skipping():
            self._current = []
            self._block_tag = tag

    def handle_endtag(self, tag):
        if not self._article:
            return
        if tag == "article":
            self._article = False
        if self._current is not None and tag == self._block_tag:
            self.blocks.append(re.sub(r"\s+", " ", "".join(self._current)).strip())
            self._current = None
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                del self._stack[index:]
                break

    def handle_data(self, data):
        if self._current is not None and not self._skipping():
            self._current.append(data)


def parse(path: pathlib.Path) -> Blocks:
    return Blocks(path.read_text(encoding="utf-8"))


def dutch_blocks(blocks: list[str]) -> list[str]:
    """The blocks that read as Dutch."""
    found = []
    for block in blocks:
        words = re.findall(r"[a-zà-ÿ]+", block.lower())
        dutch = [w for w in words if w in DUTCH_WORDS]
        if len(dutch) >= DUTCH_MIN_WORDS and len(dutch) >= DUTCH_MIN_SHARE * len(words):
            found.append(block[:160])
    return found


def test_every_dutch_page_has_an_english_source():
    """docs/x.md has docs/x.en.md beside it."""
    missing = [p for p in dutch_sources() if not (DOCS / re.sub(r"\.md$", ".en.md", p)).exists()]
    assert len(dutch_sources()) >= 36
    assert missing == []


def in_comparable_order(path: str, ids: list[str]) -> list[str]:
    """The ids in the order both languages share: each glossary is in its own language's alphabetical order
    (docs/begrippen.en.md says so), so its terms are compared as a set, here and in the whole guide."""
    if path == "begrippen.html":
        return sorted(ids)
    if path == "hele-leidraad.html":
        return [i for i in ids if not i.startswith("begrippen--")] + sorted(i for i in ids if i.startswith("begrippen--"))
    return ids


def test_english_pages_have_the_same_sections_worksheets_and_figures(site, all_pages):
    """Same heading ids (below the page title), same number of worksheets, circles, boxes and tables."""
    # Page titles (h1) take their id from their words; on the whole-guide page they become chapter h2s.
    titles = {lang: {text for path, page in all_pages.items() if path.startswith("en/") == (lang == "en")
                     for tag, _, text in page.headings if tag == "h1"} for lang in ("nl", "en")}
    problems = []
    for dutch, english in built_pairs(all_pages):
        assert english in all_pages, f"{english} was not built"
        ids = {lang: [anchor for tag, anchor, text in all_pages[path].headings
                      if tag != "h1" and not (tag == "h2" and text in titles[lang])]
               for lang, path in (("nl", dutch), ("en", english))}
        ids = {lang: in_comparable_order(dutch, found) for lang, found in ids.items()}
        if ids["nl"] != ids["en"]:
            problems.append(f"{dutch}: section ids differ: nl-only {sorted(set(ids['nl']) - set(ids['en']))}, "
                            f"en-only {sorted(set(ids['en']) - set(ids['nl']))}"
                            + ("" if set(ids["nl"]) != set(ids["en"]) else " (order)"))
        counts = {lang: parse(site / path).counts for lang, path in (("nl", dutch), ("en", english))}
        if counts["nl"] != counts["en"]:
            problems.append(f"{dutch}: nl {counts['nl']} != en {counts['en']}")
    assert len(built_pairs(all_pages)) >= 36
    assert problems == []


def test_parity_check_bites(site, all_pages):
    """The comparison notices a missing section and a missing worksheet."""
    source = (site / "en/aan-de-slag/2x10-oefening.html").read_text(encoding="utf-8")
    assert parse(site / "aan-de-slag/2x10-oefening.html").counts["werkblad"] >= 1
    crippled = Blocks(source.replace('class="werkblad"', 'class="was-werkblad"', 1))
    assert crippled.counts != parse(site / "aan-de-slag/2x10-oefening.html").counts


def test_no_dutch_running_text_on_english_pages(site, all_pages):
    """English pages hold no Dutch paragraphs, list items, headings, cells or labels."""
    offenders = {}
    for _, english in built_pairs(all_pages):
        found = dutch_blocks(parse(site / english).blocks)
        if found:
            offenders[english] = found[:3]
    assert offenders == {}


def test_dutch_text_check_bites(site):
    """The same check finds plenty of Dutch on the Dutch pages (so it can fail)."""
    blocks = parse(site / "aanbevelingen/1-persoonlijke-band.html").blocks
    assert len(dutch_blocks(blocks)) > 0.5 * len([b for b in blocks if len(b.split()) > 8])


def test_english_pages_use_english_interface_words(site, all_pages):
    """Material's own words, our buttons and the citation block are English on English pages."""
    home = (site / "en/index.html").read_text(encoding="utf-8")
    assert 'placeholder="Search"' in home and "Zoeken" not in home
    sheet = (site / "en/aan-de-slag/2x10-oefening.html").read_text(encoding="utf-8")
    for word in (">Print<", ">Clear<", "Belongs to", "How to cite this page", "Link to this section"):
        assert word in sheet, word
    for word in ("Afdrukken", "Wissen", "Hoort bij", "Zo verwijs je", "Link naar dit onderdeel"):
        assert word not in sheet, word


@pytest.mark.parametrize("path", ["index.html", "aanbevelingen/3-autonomie-en-structuur.html",
                                  "aan-de-slag/2x10-oefening.html"])
def test_language_switch_links_the_same_page(site, path):
    """On both editions the switch's links lead to the same page in each language, with hreflang."""
    for here, lang_path in (("nl", path), ("en", f"en/{path}")):
        source = (site / lang_path).read_text(encoding="utf-8")
        links = dict((lang, href) for href, lang in
                     re.findall(r'<a href="([^"]+)" hreflang="(\w+)" class="md-select__link"', source))
        assert set(links) == {"nl", "en"}, links
        for lang, href in links.items():
            target = (site / lang_path).parent.joinpath(href).resolve()
            expected = (site / (path if lang == "nl" else f"en/{path}")).resolve()
            assert target == expected, (here, lang, href)
