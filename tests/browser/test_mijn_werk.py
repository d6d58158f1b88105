"""Mijn werk (issue 22 point 6) in a real browser: the list of everything this browser keeps, one file for all
of it, what the browser answered when asked to keep the data, and the reminder after a week without a file.

Over file:// (the USB stick) and http where the protocol matters. Times are set with Playwright's clock.
"""
from __future__ import annotations

import datetime
import json


SHEET = "aan-de-slag/herstelgesprek-voorbereiden.html"
TEST = "toets/gehechtheidstheorie.html"
MINE = "mijn-werk.html"
T0 = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.timezone.utc)


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


# From file:// (the USB stick). Over http, Mijn werk lists, links and saves to a file in the reminder's test below;
# a restore from a file over http is the sheet's in test_bewaren.py (the same bewaren.js file buttons).
def test_mijn_werk_lists_links_saves_and_restores_everything(browser, page, site, tmp_path):
    """A teacher's path through Mijn werk, checked at every step:
    1. a worksheet and a self-test (an open answer and a choice) are listed with the date they changed and a link
       to their page (the sheet's own page, not the print-all page); the link leads to the answers, in English
       too, where the choice made in Dutch shows;
    2. 'Bewaar alles als bestand' holds the sheet and the self-test (version 3, records without a language), and the
       list says when they were saved to a file;
    3. in a fresh browser the list says nothing is kept; a record this version has no page for is listed, named,
       without a link; 'Zet alles terug uit bestand' asks, then lists and fills in all of it."""
    base = site.as_uri()
    page.clock.set_fixed_time(T0)
    fill_sheet(page, base)
    answer_test(page, base)
    question = page.locator("fieldset[data-toets-vraag]").first
    question.locator("input[type=radio]").first.check()
    question.locator("[data-toets-controleer]").click()
    page.goto(f"{base}/{MINE}")
    found = rows(page)
    assert set(found) == {"werkblad:herstelgesprek-voorbereiden", "toets:gehechtheidstheorie"}
    what, changed, saved = found["werkblad:herstelgesprek-voorbereiden"]
    assert what.startswith("Werkblad: ") and "(1 antwoord)" in what, what
    assert "2026" in changed and "7" in changed and saved == "nog niet als bestand bewaard"
    assert found["toets:gehechtheidstheorie"][0].startswith("Toets jezelf: ")
    assert page.locator("[data-mijn-werk-leeg]").is_hidden()
    page.locator("[data-record='werkblad:herstelgesprek-voorbereiden'] a").click()
    page.wait_for_load_state()
    assert page.url.endswith(SHEET) and "/en/" not in page.url, "1. the sheet's own page"
    assert page.get_by_label("Naam").input_value() == "Juf Sanne"
    page.goto(f"{base}/en/{MINE}")
    english = rows(page)
    assert english["werkblad:herstelgesprek-voorbereiden"][0].startswith("Worksheet: ")
    page.locator("[data-record='toets:gehechtheidstheorie'] a").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"en/{TEST}"), "1. the English self-test"
    assert page.locator(f"fieldset[data-toets-vraag='{OPEN}'] textarea").input_value() == \
        "Troost bieden als een kind verdrietig is."
    assert page.locator("fieldset[data-toets-vraag] input[type=radio]:checked").count() == 1, \
        "1. the choice made in Dutch shows on the English self-test"

    page.goto(f"{base}/{MINE}")
    rows(page)
    data = save_all(page, tmp_path)
    assert data["versie"] == 3
    assert set(data["gegevens"]) == {"werkblad:herstelgesprek-voorbereiden", "toets:gehechtheidstheorie"}
    assert rows(page)["werkblad:herstelgesprek-voorbereiden"][2].startswith("bewaard als bestand op "), "2."

    fresh = browser.new_context(locale="nl-NL")
    try:
        other = fresh.new_page()
        other.goto(f"{base}/{MINE}")
        assert rows(other) == {}, "3. a fresh browser keeps nothing"
        assert other.locator("[data-mijn-werk-leeg]").is_visible(), "3. and says so"
        other.evaluate("""() => localStorage.setItem('leidraad:v3:werkblad:bestaat-niet',
                         JSON.stringify({velden: {naam: {v: 'x', t: 1, q: 'Naam'}}}))""")
        other.reload()
        found = rows(other)
        assert "bestaat-niet (deze pagina staat niet in deze versie van de site)" in found["werkblad:bestaat-niet"][0]
        assert other.locator("[data-record='werkblad:bestaat-niet'] a").count() == 0, "3. no link to a missing page"
        path = tmp_path / "alles.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        asked = []
        other.once("dialog", lambda d: (asked.append(d.message), d.accept()))
        other.locator("[data-bestand]").set_input_files(str(path))
        other.wait_for_function("() => /overgenomen/.test(document.querySelector('[data-mijn-werk-status]').textContent)")
        assert asked and asked[0].startswith("Dit bestand bevat")
        restored = rows(other)
        assert set(restored) == {"werkblad:herstelgesprek-voorbereiden", "toets:gehechtheidstheorie",
                                 "werkblad:bestaat-niet"}, "3. everything listed after the restore"
        # what came from the file is in a file (the day it was made); what this browser alone holds is not
        assert restored["werkblad:herstelgesprek-voorbereiden"][2].startswith("bewaard als bestand op "), "3. in a file"
        assert restored["werkblad:bestaat-niet"][2] == "nog niet als bestand bewaard", "3. not in the file"
        other.goto(f"{base}/en/{SHEET}")
        assert other.get_by_label("Name", exact=True).input_value() == "Juf Sanne", "3. and filled in"
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


# One protocol per test: the reminder's code is loaded when due, over http here and from file:// below.
def test_the_reminder_comes_a_week_after_the_last_save_to_a_file_not_before(page, server, tmp_path):
    """Saved to a file on day 0, changed an hour later: no reminder on day 6, a reminder on day 8 on Mijn werk and
    on the sheet (with a link to Mijn werk); saving again makes it go."""
    base = server
    page.clock.set_fixed_time(T0)
    fill_sheet(page, base)
    assert reminder_on_sheet(page) is None, "day 0: no reminder"
    page.goto(f"{base}/{MINE}")
    rows(page)
    save_all(page, tmp_path)
    page.clock.set_fixed_time(T0 + datetime.timedelta(hours=1))
    fill_sheet(page, base, "Juf Sanne de Vries")
    page.clock.set_fixed_time(T0 + datetime.timedelta(days=6, hours=23))
    page.goto(f"{base}/{SHEET}")
    assert reminder_on_sheet(page) is None, "day 6: none on the sheet"
    assert reminder_on_mine(page, base) is None, "day 6: none on Mijn werk"
    page.clock.set_fixed_time(T0 + datetime.timedelta(days=8))
    page.goto(f"{base}/{SHEET}")
    line = reminder_on_sheet(page)
    assert line and "niet meer als bestand bewaard" in line and "Bewaar alles op Mijn werk." in line, line
    page.locator("[data-herinnering] a").click()
    page.wait_for_load_state()
    assert page.url.endswith(MINE)
    assert "niet meer als bestand bewaard" in reminder_on_mine(page, base)
    save_all(page, tmp_path)
    assert page.locator("[data-mijn-werk-herinnering]").is_hidden(), "saved again: gone on Mijn werk"
    page.goto(f"{base}/{SHEET}")
    assert reminder_on_sheet(page) is None, "saved again: gone on the sheet"


def test_never_saved_work_is_reminded_a_week_after_its_first_answer(page, site):
    """Never saved to a file: the reminder comes seven days after the first answer, in English on English pages;
    the circle explorer's self-reflection gets it too (its words arrive with bewaren-bestand.js, so the page's
    first load keeps within its budget). From file://."""
    explorer = f"{site.as_uri()}/theorie/cirkel-verkenner.html"
    page.clock.set_fixed_time(T0)
    fill_sheet(page, site.as_uri())
    page.goto(explorer)
    page.locator(".cirkel-reflectie textarea").fill("Vaker doorvragen.")
    page.clock.set_fixed_time(T0 + datetime.timedelta(days=6))
    page.goto(f"{site.as_uri()}/en/{SHEET}")
    assert reminder_on_sheet(page) is None, "day 6: none on the sheet"
    page.goto(explorer)
    assert reminder_on_sheet(page) is None, "day 6: none on the explorer"
    page.clock.set_fixed_time(T0 + datetime.timedelta(days=7, minutes=1))
    page.goto(f"{site.as_uri()}/en/{SHEET}")
    assert "has never been saved to a file" in reminder_on_sheet(page)
    page.clock.set_fixed_time(T0 + datetime.timedelta(days=8))
    page.goto(explorer)
    line = reminder_on_sheet(page)
    assert line and "nog nooit als bestand bewaard" in line and "Bewaar alles op Mijn werk." in line, line


PERSIST = {
    "granted": ("navigator.storage.persist = () => Promise.resolve(true);", "heeft toegezegd"),
    "refused": ("navigator.storage.persist = () => Promise.resolve(false);", "heeft niet toegezegd"),
    "unknown": ("Object.defineProperty(navigator, 'storage', {value: undefined});", "kan niet beloven"),
}


def test_the_page_says_what_the_browser_answered_when_asked_to_keep_the_data(browser, site):
    """Mijn werk asks navigator.storage.persist() and says in words: granted, not granted, or not supported (one
    page per answer in one context; the choice of words per answer is also in tests/js/bewaren.test.js)."""
    context = browser.new_context(locale="nl-NL")
    try:
        for answer, (script, words) in PERSIST.items():
            page = context.new_page()
            page.add_init_script(script)
            page.goto(f"{site.as_uri()}/{MINE}")
            page.wait_for_function("() => !/gevraagd/.test(document.querySelector('[data-mijn-werk-opslag]').textContent)")
            line = page.locator("[data-mijn-werk-opslag]").inner_text()
            assert words in line, (answer, line)
            page.close()
    finally:
        context.close()
