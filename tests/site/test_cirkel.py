"""The interpersonal circle on the built site (the session build): the explorer page, its links, search boost,
the help links' official titles."""
from __future__ import annotations

import json

import cirkel
from conftest import ROOT
from sitehtml import broken_links, read


def test_explorer_page_is_built_with_explorer_and_reflection(site):
    """The built explorer page holds both widgets, the words 'Roos van Leary' and links back to the theory."""
    page = read(site / "theorie" / "cirkel-verkenner.html")
    html = (site / "theorie" / "cirkel-verkenner.html").read_text(encoding="utf-8")
    assert "data-cirkel-verkenner" in html and "data-cirkel-reflectie" in html
    assert "Roos van Leary" in page.text
    assert "interpersoonlijke-theorie.html#interpersoonlijke-cirkel" in page.article_links
    assert "interpersoonlijke-theorie.html#complementariteit" in page.article_links
    assert "QTI" in page.text and "VIL" in page.text


def test_explorer_links_resolve_in_both_languages(site):
    """Every link on the explorer page (the recommendations that help included) reaches its anchor."""
    for path in ("theorie/cirkel-verkenner.html", "en/theorie/cirkel-verkenner.html"):
        page = read(site / path)
        assert sum("#aanbeveling-" in href for href in page.article_links) >= 24
        assert broken_links(site, {path: page}) == []


def test_explorer_page_has_a_search_boost(site):
    """The page's front matter boost reaches the search index."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = [d for d in index["docs"] if d["location"] == "theorie/cirkel-verkenner.html"]
    assert entries and entries[0].get("boost") == 2


def test_help_links_carry_the_official_titles_in_both_languages():
    """Every `helpt` entry in cirkel.yml reads 'N.M title' exactly as data/aanbevelingen.yml has it."""
    import werkblad_syntax
    titles = {number.replace(".", "-"): (f"{number} {rec.titel}", f"{number} {rec.title}")
              for number, rec in werkblad_syntax.AANBEVELINGEN.items() if "." in number}
    entries = [h for s in cirkel.load_data()["sectoren"] for h in s["helpt"]]
    assert len(entries) >= 8
    for entry in entries:
        number = entry["doel"].rsplit("#aanbeveling-", 1)[1]
        assert (entry["nl"], entry["en"]) == titles[number], entry["doel"]
