"""The worksheets on the built site (the session build): one per exercise page, all on the print-all page in
nav order, labelled, linked to their recommendation, in the page's language, each with its own record."""
from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT
from sitehtml import Controls, resolve

FORM = re.compile(r'<form class="werkblad[^"]*" id="([\w-]+)"[^>]*data-werkblad="([^"]+)"')


def nav_exercises() -> list[str]:
    """The exercise pages of the 'Aan de slag' section, in the order of mkdocs.yml's nav."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    section = next(entry["Aan de slag"] for entry in config["nav"] if "Aan de slag" in entry)
    return [path for path in section if path not in ("aan-de-slag/index.md", "aan-de-slag/alle-werkbladen.md")]


@pytest.fixture(scope="session")
def sheets(site):
    """Every worksheet page of the built site (both languages): path -> HTML."""
    found = {}
    for path in sorted(site.rglob("aan-de-slag/*.html")):
        if path.name not in ("index.html", "alle-werkbladen.html"):
            found[path.relative_to(site).as_posix()] = path.read_text(encoding="utf-8")
    return found


def test_every_exercise_page_holds_one_worksheet(sheets):
    """At least 14 exercise pages, each with exactly one rendered worksheet (no raw YAML, no error box)."""
    dutch = {path: text for path, text in sheets.items() if not path.startswith("en/")}
    assert len(dutch) >= 14
    assert {path: len(FORM.findall(text)) for path, text in dutch.items()} == {p: 1 for p in dutch}
    assert not any("language-werkblad" in text or "blokfout" in text for text in sheets.values())


def in_nav_order(ids: list[str], expected: list[str]) -> list[str]:
    """What is wrong with the ids of the print-all page: missing, extra or out of order ([] when right)."""
    problems = [f"missing {i}" for i in expected if i not in ids] + [f"extra {i}" for i in ids if i not in expected]
    if not problems and ids != expected:
        problems.append(f"out of nav order: {ids}")
    return problems


def test_print_all_page_holds_every_worksheet_in_nav_order(site):
    """alle-werkbladen has every worksheet of the nav section once, in the nav's order, in both languages."""
    expected = [f"werkblad-{path.split('/')[-1][:-3]}" for path in nav_exercises()]
    assert len(expected) >= 14
    for prefix in ("", "en/"):
        together = (site / prefix / "aan-de-slag" / "alle-werkbladen.html").read_text(encoding="utf-8")
        assert in_nav_order([i for i, _ in FORM.findall(together)], expected) == [], prefix


def test_the_nav_order_check_bites():
    """Swapped, missing and extra sheets are each reported."""
    assert in_nav_order(["a", "b"], ["a", "b"]) == []
    assert in_nav_order(["b", "a"], ["a", "b"]) == ["out of nav order: ['b', 'a']"]
    assert in_nav_order(["a", "c"], ["a", "b"]) == ["missing b", "extra c"]


def test_a_sheet_shares_its_record_with_the_print_all_page(site, sheets):
    """A sheet's page and the print-all page keep its answers in the same record (README 'Waar antwoorden blijven')."""
    for prefix in ("", "en/"):
        together = dict(FORM.findall((site / prefix / "aan-de-slag" / "alle-werkbladen.html").read_text(encoding="utf-8")))
        for path, text in sheets.items():
            if path.startswith("en/") == bool(prefix):
                form_id, record = FORM.search(text).groups()
                assert together[form_id] == record, (path, record)
                assert record == f"werkblad:{'en' if prefix else 'nl'}:{path.split('/')[-1][:-5]}"


def test_site_worksheets_are_labelled_and_link_their_recommendation(site, sheets, all_pages):
    """On the built site every control has a name and the recommendation link reaches an existing anchor."""
    for path, text in sheets.items():
        forms = "".join(re.findall(r'<form class="werkblad.*?</form>', text, re.S))
        assert forms and Controls(forms).unlabelled() == [], path
        link = re.search(r'<p class="werkblad-aanbeveling">[^<]*<a href="([^"]+)"', text).group(1)
        target, anchor = resolve(site, path, link)
        assert target in all_pages, (path, link)
        assert not anchor or anchor in all_pages[target].ids, (path, link)


def test_site_worksheets_speak_the_page_language(sheets):
    """Dutch pages have Dutch buttons and saving words, English pages English ones."""
    for path, text in sheets.items():
        english = path.startswith("en/")
        assert (">Print blank<" in text) == english and (">Leeg afdrukken<" in text) != english, path
        assert ("Saved in this browser." in text) == english and ("Opgeslagen in deze browser." in text) != english
