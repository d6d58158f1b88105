"""hooks/verklaringen.py: the changelog from data/versies.yml, the content version, the contact, the footer links.

A broken versies.yml stops the build with the entry it is about; an empty contact is a placeholder that says
so; the footer links carry the language folder of the build.
"""
from __future__ import annotations

import datetime

import pytest
from gereedschap import BouwFout

import gereedschap
import verklaringen
from conftest import ROOT


def test_the_changelog_is_written_newest_first_with_fixed_ids(markdown):
    """Every entry of versies.yml becomes a heading (id versie-YYYY-MM-DD) and a list, in the page's language."""
    html = markdown("# Versies\n\n<!-- wijzigingen -->\n", src_uri="versies.md").html
    days = [entry["datum"].isoformat() for entry in verklaringen.changes()]
    assert days == sorted(days, reverse=True)
    for day in days:
        assert f'id="versie-{day}"' in html
    assert "25 november 2026" in html and "<li>" in html
    english = markdown("# Versions\n\n<!-- wijzigingen -->\n", src_uri="versies.en.md").html
    assert "November 25, 2026" in english and "november 2026" not in english


@pytest.mark.parametrize("entries, message", [
    ([], "expected a list of entries"),
    ([{"datum": datetime.date(2026, 1, 2), "nl": ["x"]}], "entry 1: an entry has exactly the fields"),
    ([{"datum": "gisteren", "nl": ["x"], "en": ["y"]}], "'datum' must be a date"),
    ([{"datum": datetime.date(2026, 1, 2), "nl": ["x"], "en": []}], "'en' must be a list of texts"),
    ([{"datum": datetime.date(2026, 1, 1), "nl": ["x"], "en": ["y"]},
      {"datum": datetime.date(2026, 1, 2), "nl": ["x"], "en": ["y"]}], "entry 2: 2026-01-02 does not come before"),
])
def test_a_broken_changelog_names_the_entry(monkeypatch, entries, message):
    """Each slip in versies.yml stops the build with the file, the entry and what to do."""
    monkeypatch.setattr(gereedschap, "data", lambda name: entries)
    with pytest.raises(BouwFout, match=message):
        verklaringen.changes()


def test_the_content_version_is_the_newest_commit_of_docs_or_said_to_be_unknown(monkeypatch, tmp_path):
    """With git: the date of the last commit under docs/; without: 'unknown', and always the build date."""
    told = verklaringen.version_markdown("nl", str(ROOT / "docs"))
    assert told.startswith("**Versie van de inhoud:** ") and "volgens de versiegeschiedenis" in told
    verklaringen.content_date.cache_clear()
    unknown = verklaringen.version_markdown("en", str(tmp_path))
    assert "unknown: this copy of the site was built without a version history." in unknown
    assert "This copy of the site was built on" in unknown


@pytest.mark.parametrize("contact, expected", [
    ("meldingen@example.org", "**Contact voor meldingen:** [meldingen@example.org](mailto:meldingen@example.org)"),
    ("https://example.org/contact", "**Contact voor meldingen:** [https://example.org/contact](https://example.org/contact)"),
])
def test_a_contact_becomes_a_link(contact, expected):
    assert verklaringen.contact_markdown("nl", contact) == expected


def test_an_empty_contact_is_a_placeholder_that_says_so():
    """While mkdocs.yml has no extra.contact, the statements say plainly the publisher must fill it in."""
    placeholder = verklaringen.contact_markdown("nl", "  ")
    assert 'class="verklaring-invullen"' in placeholder
    assert "Nog in te vullen door de uitgever" in placeholder and "extra.contact" in placeholder
    assert "Still to be filled in by the publisher" in verklaringen.contact_markdown("en", "")


def test_footer_links_carry_the_language_folder():
    assert [link["pad"] for link in verklaringen.footer_links("nl")] == [
        "toegankelijkheid.html", "privacy.html", "versies.html"]
    assert [link["tekst"] for link in verklaringen.footer_links("en")] == [
        "Accessibility", "Privacy", "Versions and changes"]
    assert all(link["pad"].startswith("en/") for link in verklaringen.footer_links("en"))


def test_the_words_are_there_in_both_languages():
    table = gereedschap.data(verklaringen.WORDS)
    assert gereedschap.missing_translations(table, "verklaringen.yml") == []
    assert all(set(value) == {"nl", "en"} for value in table.values())
