"""Mijn werk (issue 22 point 6) in a real browser: the list of everything this browser keeps, one file for all
of it, what the browser answered when asked to keep the data, and the reminder after a week without a file.

Over file:// (the USB stick) and http where the protocol matters. Times are set with Playwright's clock.
"""
from __future__ import annotations

import datetime
import json

import pytest

SHEET = "aan-de-slag/herstelgesprek-voorbereiden.html"
TEST = "toets/gehechtheidstheorie.html"
MINE = "mijn-werk.html"
T0 = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.timezone.utc)


def base_of(how: str, site, server) -> str:
    return site.as_uri() if how == "file" else server


def fill_sheet(page, base: str, name: str = "Juf Sanne"):
    page.goto(f"{base}/{SHEET}")
    page.get_by_label("Naam").fill(name)


OPEN = "sensitief-reageren"   # an open question of the self-test: what is typed is the same in both languages


def answer_test(page, base: str):
    """Write an answer to an open question of a self-test."""
    page.goto(f"{base}/{TEST}")
    page.locator(f"fieldset[data-toets-vraag='{OPEN}'] textarea").fill("Troost bieden als een kind verdrietig is.")


def rows(page) -> dict[str, list[str]]:
    """The list on Mijn werk: record -> [what, last changed, in a file]."""
    page.wait_for_function("() => document.querySelector('[data-mijn-werk]').dataset.mijnWerkKlaar === '1'")
    return {row.get_attribute("data-record"): [cell.inner_text() for cell in row.locator("td").all()]
            for row in page.locator("[data-mijn-werk-lijst] tr").all()}


def save_all(page, tmp_path) -> dict:
    with page.expect_download() as download:
        page.get_by_role("button", name="Bewaar alles als bestand").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("how", ["file", "http"])
def test_mijn_werk_lists_what_was_filled_in_with_dates_and_working_links(page, site, server, how):
    """A worksheet and a self-test answer are listed with the date they changed and a link to their page (the
    sheet's own page, not the print-all page); the link leads to the answers, in English too."""
    base = base_of(how, site, server)
    page.clock.set_fixed_time(T0)
    fill_sheet(page, base)
    answer_test(page, base)
    page.goto(f"{base}/{MINE}")
    found = rows(page)
    assert set(found) == {"werkblad:herstelgesprek-voorbereiden", "toets:gehechtheidstheorie"}
    what, changed, saved = found["werkblad:herstelgesprek-voorbereiden"]
    assert what.startswith("Werkblad: ") and "(1 antwoord)" in what
    assert "2026" in changed and "7" in changed and saved == "nog niet als bestand bewaard"
    assert found["toets:gehechtheidstheorie"][0].startswith("Toets jezelf: ")
    assert page.locator("[data-mijn-werk-leeg]").is_hidden()
    page.locator("[data-record='werkblad:herstelgesprek-voorbereiden'] a").click()
    page.wait_for_load_state()
    assert page.url.endswith(SHEET) and "/en/" not in page.url
    assert page.get_by_label("Naam").input_value() == "Juf Sanne"
    page.goto(f"{base}/en/{MINE}")
    english = rows(page)
    assert english["werkblad:herstelgesprek-voorbereiden"][0].startswith("Worksheet: ")
    page.locator("[data-record='toets:gehechtheidstheorie'] a").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"en/{TEST}")
    assert page.locator(f"fieldset[data-toets-vraag='{OPEN}'] textarea").input_value() == \
        "Troost bieden als een kind verdrietig is."


def test_a_choice_made_in_dutch_shows_on_the_english_self_test(page, site):
    """The same self-test shows the same choice in both languages."""
    page.goto(f"{site.as_uri()}/{TEST}")
    question = page.locator("fieldset[data-toets-vraag]").first
    question.locator("input[type=radio]").first.check()
    question.locator("[data-toets-controleer]").click()
    page.goto(f"{site.as_uri()}/en/{TEST}")
    assert page.locator("fieldset[data-toets-vraag] input[type=radio]:checked").count() == 1


def test_an_empty_browser_says_so_and_an_unknown_record_has_no_link(page, site):
    """Nothing kept: the list says so. A record this version has no page for is listed, named, without a link."""
    page.goto(f"{site.as_uri()}/{MINE}")
    assert rows(page) == {}
    assert page.locator("[data-mijn-werk-leeg]").is_visible()
    page.evaluate("""() => localStorage.setItem('leidraad:v3:werkblad:bestaat-niet',
                     JSON.stringify({velden: {naam: {v: 'x', t: 1, q: 'Naam'}}}))""")
    page.reload()
    found = rows(page)
    assert "bestaat-niet (deze pagina staat niet in deze versie van de site)" in found["werkblad:bestaat-niet"][0]
    assert page.locator("[data-record='werkblad:bestaat-niet'] a").count() == 0


@pytest.mark.parametrize("how", ["file", "http"])
def test_one_file_restores_everything_in_a_fresh_browser(browser, page, site, server, tmp_path, how):
    """'Bewaar alles als bestand' holds the sheet and the self-test (version 3, records without a language);
    in a fresh browser 'Zet alles terug uit bestand' asks, then lists and fills in all of it."""
    base = base_of(how, site, server)
    fill_sheet(page, base)
    answer_test(page, base)
    page.goto(f"{base}/{MINE}")
    rows(page)
    data = save_all(page, tmp_path)
    assert data["versie"] == 3
    assert set(data["gegevens"]) == {"werkblad:herstelgesprek-voorbereiden", "toets:gehechtheidstheorie"}
    assert rows(page)["werkblad:herstelgesprek-voorbereiden"][2].startswith("bewaard als bestand op ")
    fresh = browser.new_context(locale="nl-NL")
    try:
        other = fresh.new_page()
        other.goto(f"{base}/{MINE}")
        assert rows(other) == {}
        path = tmp_path / "alles.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        asked = []
        other.once("dialog", lambda d: (asked.append(d.message), d.accept()))
        other.locator("[data-bestand]").set_input_files(str(path))
        other.wait_for_function("() => /overgenomen/.test(document.querySelector('[data-mijn-werk-status]').textContent)")
        assert asked and asked[0].startswith("Uit dit bestand komen")
        assert set(rows(other)) == {"werkblad:herstelgesprek-voorbereiden", "toets:gehechtheidstheorie"}
        other.goto(f"{base}/en/{SHEET}")
        assert other.get_by_label("Name", exact=True).input_value() == "Juf Sanne"
    finally:
        fresh.close()


def reminder_on_sheet(page) -> str | None:
    """The reminder on a sheet, once the page's load handler has run (it loads bewaren-bestand.js only when due)."""
    due = page.evaluate("() => !!document.querySelector('script[src*=\"bewaren-bestand\"]')")
    if not due:
        return None
    page.wait_for_selector("[data-herinnering]")
    return page.locator("[data-herinnering]").inner_text()


def reminder_on_mine(page, base: str) -> str | None:
    page.goto(f"{base}/{MINE}")
    rows(page)
    line = page.locator("[data-mijn-werk-herinnering]")
    return line.inner_text() if line.is_visible() else None


@pytest.mark.parametrize("how", ["file", "http"])
def test_the_reminder_comes_a_week_after_the_last_save_to_a_file_not_before(page, site, server, tmp_path, how):
    """Saved to a file on day 0, changed an hour later: no reminder on day 6, a reminder on day 8 on Mijn werk and
    on the sheet (with a link to Mijn werk); saving again makes it go."""
    base = base_of(how, site, server)
    page.clock.set_fixed_time(T0)
    fill_sheet(page, base)
    assert reminder_on_sheet(page) is None
    page.goto(f"{base}/{MINE}")
    rows(page)
    save_all(page, tmp_path)
    page.clock.set_fixed_time(T0 + datetime.timedelta(hours=1))
    fill_sheet(page, base, "Juf Sanne de Vries")
    page.clock.set_fixed_time(T0 + datetime.timedelta(days=6, hours=23))
    page.goto(f"{base}/{SHEET}")
    assert reminder_on_sheet(page) is None
    assert reminder_on_mine(page, base) is None
    page.clock.set_fixed_time(T0 + datetime.timedelta(days=8))
    page.goto(f"{base}/{SHEET}")
    line = reminder_on_sheet(page)
    assert line and "niet meer als bestand bewaard" in line and "Bewaar alles op Mijn werk." in line
    page.locator("[data-herinnering] a").click()
    page.wait_for_load_state()
    assert page.url.endswith(MINE)
    assert "niet meer als bestand bewaard" in reminder_on_mine(page, base)
    save_all(page, tmp_path)
    assert page.locator("[data-mijn-werk-herinnering]").is_hidden()
    page.goto(f"{base}/{SHEET}")
    assert reminder_on_sheet(page) is None


def test_never_saved_work_is_reminded_a_week_after_its_first_answer(page, site):
    """Never saved to a file: the reminder comes seven days after the first answer, in English on English pages."""
    page.clock.set_fixed_time(T0)
    fill_sheet(page, site.as_uri())
    page.clock.set_fixed_time(T0 + datetime.timedelta(days=6))
    page.goto(f"{site.as_uri()}/en/{SHEET}")
    assert reminder_on_sheet(page) is None
    page.clock.set_fixed_time(T0 + datetime.timedelta(days=7, minutes=1))
    page.goto(f"{site.as_uri()}/en/{SHEET}")
    assert "has never been saved to a file" in reminder_on_sheet(page)


def test_the_circle_explorers_self_reflection_is_reminded_too(page, site):
    """The circle explorer's self-reflection, never saved to a file, gets the reminder a week after its first answer
    (its words arrive with bewaren-bestand.js, so the page's first load keeps within its budget)."""
    explorer = f"{site.as_uri()}/theorie/cirkel-verkenner.html"
    page.clock.set_fixed_time(T0)
    page.goto(explorer)
    page.locator(".cirkel-reflectie textarea").fill("Vaker doorvragen.")
    page.clock.set_fixed_time(T0 + datetime.timedelta(days=6))
    page.goto(explorer)
    assert reminder_on_sheet(page) is None
    page.clock.set_fixed_time(T0 + datetime.timedelta(days=8))
    page.goto(explorer)
    line = reminder_on_sheet(page)
    assert line and "nog nooit als bestand bewaard" in line and "Bewaar alles op Mijn werk." in line


PERSIST = {
    "granted": ("navigator.storage.persist = () => Promise.resolve(true);", "heeft toegezegd"),
    "refused": ("navigator.storage.persist = () => Promise.resolve(false);", "heeft niet toegezegd"),
    "unknown": ("Object.defineProperty(navigator, 'storage', {value: undefined});", "kan niet beloven"),
}


@pytest.mark.parametrize("answer", PERSIST)
def test_the_page_says_what_the_browser_answered_when_asked_to_keep_the_data(page, site, answer):
    """Mijn werk asks navigator.storage.persist() and says in words: granted, not granted, or not supported."""
    script, words = PERSIST[answer]
    page.add_init_script(script)
    page.goto(f"{site.as_uri()}/{MINE}")
    line = page.locator("[data-mijn-werk-opslag]")
    page.wait_for_function("() => !/gevraagd/.test(document.querySelector('[data-mijn-werk-opslag]').textContent)")
    assert words in line.inner_text()
