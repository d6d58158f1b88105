"""hooks/teamscan.py: the ```teamscan and ```teamoverzicht blocks, Markdown in, HTML out, and their data.

The 25 sub-recommendations come from data/aanbevelingen.yml, each linked to its anchor from wherever the
page lives; the worksheets of a sub-recommendation from the werkblad blocks in docs/aan-de-slag/. A block
with options, or a second block of a kind on a page, is a warning with file and line and an error box.
"""
from __future__ import annotations

import re

import pytest

import gereedschap
import teamscan
from conftest import ROOT
from sitehtml import Controls

DOCS = str(ROOT / "docs")


def block(kind: str, body: str = "") -> str:
    """A page whose block fence is on line 3."""
    return f"# Proef\n\n```{kind}\n{body}\n```\n"


@pytest.mark.parametrize("src_uri, prefix", [("teamscan.md", ""), ("aan-de-slag/proef.md", "../")])
def test_the_scan_asks_about_every_sub_recommendation_with_a_link_to_it(markdown, src_uri, prefix):
    """25 rows, each linked to its anchor relative to the page; four levels and a tick per row, all labelled."""
    result = markdown(block("teamscan"), src_uri=src_uri)
    assert result.warnings == []
    html = result.html
    anchors = re.findall(r'<p class="teamscan-vraag" id="teamscan-(\d-\d)"><a href="([^"]+)">', html)
    assert len(anchors) == 25
    assert anchors[2] == ("1-3", f"{prefix}aanbevelingen/1-persoonlijke-band.html#aanbeveling-1-3")
    assert anchors[-1] == ("6-4", f"{prefix}aanbevelingen/6-herstel-van-de-relatie.html#aanbeveling-6-4")
    assert html.count('type="radio"') == 4 * 25 and html.count('type="checkbox"') == 25
    assert Controls(html).unlabelled() == []
    assert 'data-teamscan="teamscan:nl:scan"' in html
    assert 'data-vraag="1.3 Maak tijd voor een-op-een contact met leerlingen: hoe vaak doe je dit nu?"' in html
    assert 'data-bestandsnaam="leidraad-teamscan-{datum}.json"' in html
    assert html.count("<fieldset") == 6


def test_the_scan_speaks_english_on_an_english_page(markdown):
    """Titles, levels, buttons and the record follow the page's language; the stored values do not."""
    html = markdown(block("teamscan"), src_uri="teamscan.en.md").html
    assert 'data-teamscan="teamscan:en:scan"' in html
    assert "Make time for one-to-one contact with pupils" in html and "Maak tijd" not in html
    assert '<input type="radio" name="teamscan-vaak-1-1" value="nooit" data-sleutel="vaak:1-1"> never</label>' in html
    assert "Save to a file" in html and "Bewaar" not in html


def test_the_team_view_has_a_row_and_a_top_item_for_each_sub_recommendation(markdown):
    """Per sub-recommendation a table row with a cell per level and for 'want to', and a hidden top item
    with its page, its worksheets (or the exercise index) and the discussion questions."""
    html = markdown(block("teamoverzicht"), src_uri="teamoverzicht.md").html
    assert len(re.findall(r'<tr data-sub="\d-\d">', html)) == 25
    assert len(re.findall(r'<li data-sub="\d-\d" hidden>', html)) == 25
    assert html.count('<td data-n="werken">') == 25 and html.count('<td data-n="nooit">') == 25
    item = re.search(r'<li data-sub="1-3" hidden>(.*?)</li>', html, re.S).group(1)
    assert 'href="aan-de-slag/2x10-oefening.html"' in item and 'href="aan-de-slag/persoonlijk-contact-plannen.html"' in item
    assert 'href="aanbevelingen/1-persoonlijke-band.html#bespreek"' in item
    lonely = re.search(r'<li data-sub="1-2" hidden>(.*?)</li>', html, re.S).group(1)
    assert 'href="aan-de-slag/index.html#bij-aanbeveling-1-persoonlijke-band"' in lonely
    assert 'scope="rowgroup"' in html and '<th scope="row">' in html
    assert 'id="teamscan-teksten"' in html and "geen ingevulde teamscan" in html


def test_worksheets_are_found_by_the_recommendation_they_belong_to():
    """'1.3' has two sheets; '2' (a sheet for the recommendation as a whole) one; English titles on English pages."""
    sheets = teamscan.worksheets(DOCS, "nl")
    assert [href for _, href in sheets["1.3"]] == ["aan-de-slag/2x10-oefening.html",
                                                  "aan-de-slag/persoonlijk-contact-plannen.html"]
    assert [href for _, href in sheets["2"]] == ["aan-de-slag/contact-met-leerlingen-uit-andere-klassen.html"]
    assert "1.2" not in sheets
    english = dict(teamscan.worksheets(DOCS, "en")["1.1"])
    assert "aan-de-slag/leer-je-leerlingen-kennen.html" in english.values()
    assert dict(sheets["1.1"]) != english


def test_a_sub_recommendation_without_a_sheet_of_its_own_gets_its_recommendations_sheets():
    """2.1 has no sheet of its own: the one for recommendation 2 as a whole, and the index section."""
    groups = teamscan.groups("nl", "teamoverzicht.md", DOCS)
    sub = next(s for g in groups for s in g.subs if s.nummer == "2.1")
    assert [h for _, h in sub.werkbladen] == ["aan-de-slag/contact-met-leerlingen-uit-andere-klassen.html"]
    assert sub.index == ("Werkbladen bij aanbeveling 2", "aan-de-slag/index.html#bij-aanbeveling-2-kansen-voor-positief-gedrag")
    own = next(s for g in groups for s in g.subs if s.nummer == "1.3")
    assert own.index is None
    assert sum(len(g.subs) for g in groups) == 25 and [g.nummer for g in groups] == list("123456")


@pytest.mark.parametrize("kind", ["teamscan", "teamoverzicht"])
def test_a_block_with_options_is_an_error_with_file_and_line(markdown, kind):
    """Both blocks take nothing: a line in them is named, and the page shows an error box."""
    result = markdown(block(kind, "taal: en"), src_uri="teamscan.md")
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith(f"docs/teamscan.md, line 4: the {kind} block takes no options")
    assert "blokfout" in result.html and 'class="teamscan"' not in result.html


def test_two_scans_on_one_page_are_an_error(markdown):
    """A page holds one scan: a second would write into the same record with the same ids."""
    result = markdown(block("teamscan") + "\n" + block("teamscan").replace("# Proef\n\n", ""), src_uri="teamscan.md")
    assert len(result.warnings) == 1 and "already holds a teamscan block" in result.warnings[0]


def test_the_words_are_there_in_both_languages():
    """Every word of teamscan.yml has a Dutch and an English text, and nothing else."""
    data = gereedschap.data(teamscan.WORDS)
    problems = [problem for section, table in data.items()
                for problem in gereedschap.missing_translations(table, f"teamscan.yml {section}")]
    problems += [f"{section}: {key}" for section, table in data.items() for key, value in table.items()
                 if set(value) != {"nl", "en"}]
    assert problems == []


def test_our_plan_is_no_sheet_of_one_sub_recommendation_and_the_view_knows_its_fields(markdown):
    """'Ons plan' (aanbeveling 4 for the worksheet check) is not listed as a worksheet of recommendation 4 in
    the view; the view's 'Maak ons plan' names the plan's record, page and the keys of its three fields."""
    assert not any("ons-plan" in href for sheets in teamscan.worksheets(DOCS, "nl").values() for _, href in sheets)
    html = markdown(block("teamoverzicht"), src_uri="teamoverzicht.md").html
    assert 'data-plan-record="werkblad:nl:ons-plan" data-plan-href="aan-de-slag/ons-plan.html"' in html
    assert teamscan.plan("en", "en/x/teamoverzicht.md")["sleutels"] == [f"veld:deelaanbeveling-{n}" for n in (1, 2, 3)]
    assert teamscan.plan("nl", "teamoverzicht.md")["vragen"] == ["Deelaanbeveling 1", "Deelaanbeveling 2", "Deelaanbeveling 3"]
