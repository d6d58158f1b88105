"""The team scan and the team view in the session build: both languages, linked where the guideline is used.

The scan and the view are pages of their own (front matter `aanvulling: true`, in the nav under "Voor
teamoverleg en studie"); the home page, the team meeting page and every recommendation's "Bespreek in je
team" section link the scan; the worksheet links of the view lead to worksheets of that sub-recommendation.
"""
from __future__ import annotations

import html
import json
import re

import pytest

from sitehtml import Controls, resolve

RECOMMENDATIONS = ["1-persoonlijke-band", "2-kansen-voor-positief-gedrag", "3-autonomie-en-structuur",
                   "4-reflecteren-op-relaties", "5-conflicten-voorkomen", "6-herstel-van-de-relatie"]


def prefix(lang: str) -> str:
    return "en/" if lang == "en" else ""


def bespreek_section(source: str) -> str:
    """The HTML of a recommendation page's #bespreek section, up to the next h2."""
    start = source.index('<h2 id="bespreek"')
    return source[start:source.index("<h2", start + 10)]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_scan_page_holds_the_scan_with_every_sub_recommendation(site, all_pages, lang):
    """25 rows linked to their anchors (which exist), every control labelled, the scan's own files loaded."""
    path = f"{prefix(lang)}teamscan.html"
    source = (site / path).read_text(encoding="utf-8")
    links = re.findall(r'<p class="teamscan-vraag" id="teamscan-\d-\d"><a href="([^"]+)">', source)
    assert len(links) == 25
    for href in links:
        target, anchor = resolve(site, path, href)
        assert anchor in all_pages[target].ids, href
    assert f'data-teamscan="teamscan:{lang}:scan"' in source
    assert Controls(source).unlabelled() == []
    for asset in ("teamscan.min.js", "teamscan.min.css", "bewaren.min.js"):
        assert asset in source
    assert 'id="bewaren-teksten"' in source


def test_the_scans_files_load_only_on_its_two_pages(site, all_pages):
    """teamscan.js and teamscan.css are on the scan and the view, and on no other page (pagina_bestanden.py)."""
    loading = sorted(path for path in all_pages if "teamscan.min.js" in (site / path).read_text(encoding="utf-8"))
    assert loading == ["en/teamoverzicht.html", "en/teamscan.html", "teamoverzicht.html", "teamscan.html"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_view_links_each_sub_recommendations_own_worksheets(site, lang):
    """A top item's worksheet links lead to worksheets whose block names that sub-recommendation (or its
    recommendation as a whole); the discussion link to the page's #bespreek."""
    path = f"{prefix(lang)}teamoverzicht.html"
    source = (site / path).read_text(encoding="utf-8")
    items = dict(re.findall(r'<li data-sub="(\d-\d)" hidden>(.*?)</li>', source, re.S))
    assert len(items) == 25
    for sub, item in items.items():
        number = sub.replace("-", ".")
        hrefs = re.findall(r'href="([^"]+)"', item)
        assert hrefs[0].endswith(f"#aanbeveling-{sub}") and hrefs[-1].endswith("#bespreek")
        for href in hrefs[1:-1]:
            target, anchor = resolve(site, path, href)
            if anchor.startswith("bij-aanbeveling-"):
                assert anchor.startswith(f"bij-aanbeveling-{sub[0]}-")
                continue
            sheet = (site / target).read_text(encoding="utf-8")
            belongs = re.search(r'class="werkblad-aanbeveling">[^<]*<a href="[^"#]*(?:#aanbeveling-(\d-\d))?"', sheet)
            assert belongs and belongs.group(1) in (sub, None), (number, href, belongs and belongs.group(0))
    assert "teamscan.min.js" in source and "bewaren.min.js" in source


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_scan_is_linked_where_teams_use_the_guideline(site, lang):
    """The home page, the team meeting page and each recommendation's #bespreek section, inside its marker."""
    home = (site / f"{prefix(lang)}index.html").read_text(encoding="utf-8")
    assert 'href="teamscan.html"' in home
    meeting = (site / f"{prefix(lang)}teamoverleg.html").read_text(encoding="utf-8")
    assert 'href="teamscan.html"' in meeting and 'href="teamoverzicht.html"' in meeting
    for name in RECOMMENDATIONS:
        section = bespreek_section((site / f"{prefix(lang)}aanbevelingen/{name}.html").read_text(encoding="utf-8"))
        marker = section[section.index('<div class="aanvulling">'):]
        closing = marker.index("</div>")
        assert 'href="../teamscan.html"' in marker[:closing], name


def test_the_link_check_bites(site):
    """A #bespreek section whose line moved out of the marker fails the check."""
    source = (site / "aanbevelingen/2-kansen-voor-positief-gedrag.html").read_text(encoding="utf-8")
    section = bespreek_section(source)
    marker = section[section.index('<div class="aanvulling">'):]
    moved = marker.replace('href="../teamscan.html"', 'href="../elders.html"', 1)
    assert 'href="../teamscan.html"' not in moved[:moved.index("</div>")]


def test_the_scan_and_the_view_are_in_the_nav_for_team_meetings(site):
    """Both pages sit under 'Voor teamoverleg en studie' (after the team meeting, before the poster) in both
    languages; the statements are in no nav (they are in the footer)."""
    for lang in ("nl", "en"):
        source = (site / f"{prefix(lang)}index.html").read_text(encoding="utf-8")
        nav = source[source.index('<nav class="md-nav md-nav--primary"'):source.index('<div class="md-content"')]
        order = [nav.find(f'href="{name}.html"') for name in ("teamoverleg", "teamscan", "teamoverzicht", "poster")]
        assert -1 not in order and order == sorted(order), order
        assert "privacy.html" not in nav and "versies.html" not in nav


def plan_problems(view: str, plan: str) -> list[str]:
    """What 'Maak ons plan' on a built view would write that the built plan page does not ask: a field key the
    plan's form lacks, or a record other than the plan form's."""
    button = re.search(r'data-plan-record="([^"]+)" data-plan-href="[^"]+" data-plan-sleutels="([^"]+)"', view)
    keys = json.loads(html.unescape(button.group(2)))
    form_record = re.search(r'<form class="werkblad[^"]*"[^>]*data-werkblad="([^"]+)"', plan).group(1)
    problems = [] if form_record == button.group(1) else [f"record {button.group(1)} is not {form_record}"]
    return problems + [f"no field {key}" for key in keys if f'data-sleutel="{key}"' not in plan]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_make_our_plan_writes_fields_the_plan_page_has(site, lang):
    """The view's 'Maak ons plan' names the plan page's record and three of its fields (the plan's labels and
    teamscan.yml `plan_deel` must stay in step); the plan is in the exercise index and the nav."""
    view = (site / f"{prefix(lang)}teamoverzicht.html").read_text(encoding="utf-8")
    plan = (site / f"{prefix(lang)}aan-de-slag/ons-plan.html").read_text(encoding="utf-8")
    assert plan_problems(view, plan) == []
    assert 'href="ons-plan.html"' in (site / f"{prefix(lang)}aan-de-slag/index.html").read_text(encoding="utf-8")
    nav = view[view.index('<nav class="md-nav md-nav--primary"'):view.index('<div class="md-content"')]
    assert 'href="aan-de-slag/ons-plan.html"' in nav


def test_the_plan_check_bites(site):
    """A plan whose first field was renamed is reported."""
    view = (site / "teamoverzicht.html").read_text(encoding="utf-8")
    plan = (site / "aan-de-slag/ons-plan.html").read_text(encoding="utf-8")
    renamed = plan.replace('data-sleutel="veld:deelaanbeveling-1"', 'data-sleutel="veld:keuze-1"')
    assert plan_problems(view, renamed) == ["no field veld:deelaanbeveling-1"]
