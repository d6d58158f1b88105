"""Nothing a teacher types is lost (README "Je antwoorden bewaren"), tried in a real browser.

An answer stays with its question when the worksheet's definition changes; the same sheet shows the same
answers in another copy of the site and on the print-all page; a file carries them to a fresh browser;
wrong files are refused; failing storage is said plainly; the first storage format is carried over; two
tabs merge; paper shows every line. Over file:// (the USB stick) and http where it matters.
"""
from __future__ import annotations

import datetime
import json
import re

import pytest
from pypdf import PdfReader


SHEET = "aan-de-slag/herstelgesprek-voorbereiden.html"
ALL = "aan-de-slag/alle-werkbladen.html"
SCAN_PAGE = "teamscan.html"
FORM = "form.werkblad"


def sheet_v1() -> str:
    """A worksheet as it was first published."""
    return """# Herstel

```werkblad
titel: Herstel
aanbeveling: "6.3"
onderdelen:
  - checklist:
      titel: Voorbereiding
      items: [Noteer het verloop, Bedenk je eigen aandeel]
  - veld:
      label: Tijdlijn
      vak: 4
  - schaal:
      vraag: Welk cijfer geef je de situatie?
  - veld:
      label: Onze afspraak
      regels: 2
```
"""


def sheet_v2() -> str:
    """The same worksheet after an editor inserted a part at the top, removed one, reordered and reworded."""
    return """# Herstel

```werkblad
titel: Herstel
aanbeveling: "6.3"
onderdelen:
  - veld:
      label: Met welke leerling?
      regels: 1
  - schaal:
      vraag: Welk cijfer geef je de situatie?
  - checklist:
      titel: Voorbereiding
      items: [Bedenk je eigen aandeel, Noteer het verloop]
  - veld:
      label: Wat spreken we af?
      regels: 2
```
"""


@pytest.fixture(scope="module")
def two_copies(tmp_path_factory):
    """Two builds of the site in different folders: the first version, and a newer one with the changed sheet."""
    from proefsite import build_proefsite

    root = tmp_path_factory.mktemp("usb")
    build_proefsite(root / "leidraad-2026-11-01", {"aan-de-slag/herstel.md": sheet_v1()})
    build_proefsite(root / "leidraad-2026-12-01", {"aan-de-slag/herstel.md": sheet_v2()})
    return root


def base_of(how: str, folder, serve) -> str:
    """The address of a folder: from file://, or over http."""
    return folder.as_uri() if how == "file" else serve(folder)


def form(page):
    return page.locator(FORM).first


def orphans(page) -> list[tuple[str, str]]:
    """(question, answer) of every entry under 'Antwoorden zonder vraag'."""
    return [tuple(pair) for pair in page.locator(".werkblad-wees li").evaluate_all(
        "items => items.map(li => [li.querySelector('p').textContent, li.querySelector('.werkblad-wees__antwoord').textContent])")]


@pytest.mark.parametrize("how", ["file", "http"])
def test_a_changed_definition_keeps_every_answer_with_its_question(page, two_copies, serve, how):
    """Fill the first version; a newer copy in another folder shows each answer at its own question, moved
    parts and all, and lists the answers of removed or reworded questions with their old question."""
    base = base_of(how, two_copies, serve)
    page.goto(f"{base}/leidraad-2026-11-01/site/aan-de-slag/herstel.html")
    page.get_by_label("Noteer het verloop").check()
    page.get_by_label("Tijdlijn").fill("Maandag: ruzie bij de kapstok.")
    form(page).locator(".werkblad-schaal").get_by_label("7", exact=True).check()
    page.get_by_label("Onze afspraak").fill("Elke vrijdag even bijpraten.")
    page.goto(f"{base}/leidraad-2026-12-01/site/aan-de-slag/herstel.html")
    assert page.get_by_label("Noteer het verloop").is_checked()
    assert not page.get_by_label("Bedenk je eigen aandeel").is_checked()
    assert form(page).locator(".werkblad-schaal").get_by_label("7", exact=True).is_checked()
    assert page.get_by_label("Met welke leerling?").input_value() == ""
    assert page.get_by_label("Wat spreken we af?").input_value() == ""
    assert sorted(orphans(page)) == [("Vraag: Onze afspraak", "Elke vrijdag even bijpraten."),
                                     ("Vraag: Tijdlijn", "Maandag: ruzie bij de kapstok.")]
    page.get_by_label("Met welke leerling?").fill("Ilias")
    page.goto(f"{base}/leidraad-2026-11-01/site/aan-de-slag/herstel.html")
    assert page.get_by_label("Tijdlijn").input_value() == "Maandag: ruzie bij de kapstok."
    assert page.get_by_label("Onze afspraak").input_value() == "Elke vrijdag even bijpraten."
    assert [q for q, _ in orphans(page)] == ["Vraag: Met welke leerling?"]


def test_an_answer_without_its_question_is_removed_only_when_asked(page, two_copies):
    """'Verwijder' under 'Antwoorden zonder vraag' asks first; cancel keeps it, OK removes it for good."""
    base = two_copies.as_uri()
    page.goto(f"{base}/leidraad-2026-11-01/site/aan-de-slag/herstel.html")
    page.get_by_label("Tijdlijn").fill("Weg ermee")
    page.goto(f"{base}/leidraad-2026-12-01/site/aan-de-slag/herstel.html")
    asked = []
    page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    page.locator(".werkblad-wees").get_by_role("button", name="Verwijder").click()
    assert orphans(page) == [("Vraag: Tijdlijn", "Weg ermee")]
    page.once("dialog", lambda d: (asked.append(d.message), d.accept()))
    page.locator(".werkblad-wees").get_by_role("button", name="Verwijder").click()
    assert asked == ["Dit antwoord verwijderen? Dit kun je niet ongedaan maken."] * 2
    page.reload()
    assert page.locator(".werkblad-wees").count() == 0


def test_the_print_all_page_shares_each_sheets_answers(page, server):
    """What is typed on a sheet's page is on the print-all page, and the other way round."""
    page.goto(f"{server}/{SHEET}")
    page.get_by_label("Naam").fill("Juf Sanne")
    page.goto(f"{server}/{ALL}")
    sheet = page.locator("#werkblad-herstelgesprek-voorbereiden")
    assert sheet.get_by_label("Naam").input_value() == "Juf Sanne"
    sheet.locator("textarea").last.fill("Vrijdag samen tekenen")
    page.goto(f"{server}/{SHEET}")
    assert form(page).locator("textarea").last.input_value() == "Vrijdag samen tekenen"


def save_file(page, button_name: str, tmp_path) -> tuple[dict, str]:
    """Click a 'save to file' button; return the file's JSON and its suggested name."""
    with page.expect_download() as download:
        page.get_by_role("button", name=button_name).first.click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return json.loads(path.read_text(encoding="utf-8")), download.value.suggested_filename


def restore_file(page, content: str | bytes, tmp_path, *, accept: bool = True, name: str = "antwoorden.json") -> list[str]:
    """Choose a file with 'Zet terug uit bestand' / 'Restore from a file'; answer the question; return it."""
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    asked = []
    page.once("dialog", lambda d: (asked.append(d.message), d.accept() if accept else d.dismiss()))
    lines = "() => [...document.querySelectorAll('[data-werkblad-status], [data-werkblad-melding]')].map(p => p.textContent).join('|')"
    before = page.evaluate(lines)   # e.g. the privacy line, which names a file too: wait for the answer to the import
    page.locator("[data-bestand]").first.set_input_files(str(path))
    page.wait_for_function(f"(before) => ({lines})() !== before && /bestand|file|overgenomen|taken over|Niets|Nothing/"
                           f".test(({lines})())", arg=before)
    return asked


@pytest.mark.parametrize("how", ["file", "http"])
def test_a_file_carries_the_answers_to_a_fresh_browser(browser, page, server, site, tmp_path, how):
    """'Bewaar als bestand' writes a dated, versioned file; in a fresh browser 'Zet terug' asks, then fills in."""
    base = site.as_uri() if how == "file" else server
    page.goto(f"{base}/{SHEET}")
    page.get_by_label("Naam").fill("Juf Sanne")
    form(page).locator("input[type=checkbox]").nth(2).check()
    data, name = save_file(page, "Bewaar als bestand", tmp_path)
    assert re.fullmatch(r"leidraad-werkblad-herstelgesprek-voorbereiden-\d{4}-\d\d-\d\d\.json", name)
    assert data["formaat"] == "leidraad-leerkracht-leerlingrelaties" and data["versie"] == 3
    velden = data["gegevens"]["werkblad:herstelgesprek-voorbereiden"]["velden"]
    assert velden["naam"]["v"] == "Juf Sanne" and velden["naam"]["q"] == "Naam"
    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        other.goto(f"{base}/{SHEET}")
        assert other.get_by_label("Naam").input_value() == ""
        asked = restore_file(other, json.dumps(data), tmp_path)
        assert asked == ["Uit dit bestand komen 2 nieuwe antwoorden en 0 antwoorden die anders zijn dan wat hier "
                         "staat. Wil je ze overnemen?"]
        assert other.get_by_label("Naam").input_value() == "Juf Sanne"
        assert form(other).locator("input[type=checkbox]").nth(2).is_checked()
        assert "2 antwoorden overgenomen" in other.locator("[data-werkblad-status]").first.inner_text()
        other.reload()
        assert other.get_by_label("Naam").input_value() == "Juf Sanne"
        other.get_by_label("Naam").fill("Meester Koen")
        asked = restore_file(other, json.dumps(data), tmp_path, accept=False)
        assert "1 antwoord dat anders is" in asked[0] and "• Naam" in asked[0]
        assert other.get_by_label("Naam").input_value() == "Meester Koen"
    finally:
        fresh.close()


def test_everything_goes_into_one_file_from_the_print_all_page(page, server, tmp_path):
    """'Bewaar alles als bestand' holds every sheet's answers and the self-reflection's."""
    page.goto(f"{server}/{SHEET}")
    page.get_by_label("Naam").fill("Juf Sanne")
    page.goto(f"{server}/aan-de-slag/2x10-oefening.html")
    page.get_by_label("Naam").fill("Juf Sanne")
    page.goto(f"{server}/{ALL}")
    data, name = save_file(page, "Bewaar alles als bestand", tmp_path)
    assert re.fullmatch(r"leidraad-antwoorden-\d{4}-\d\d-\d\d\.json", name)
    assert {"werkblad:herstelgesprek-voorbereiden", "werkblad:2x10-oefening"} <= set(data["gegevens"])


def test_the_english_sheet_saves_and_restores_in_english(browser, page, server, tmp_path):
    """English pages speak English when saving and restoring; the file names the record without a language."""
    page.goto(f"{server}/en/{SHEET}")
    page.get_by_label("Name", exact=True).fill("Ms Sanne")
    data, name = save_file(page, "Save to a file", tmp_path)
    assert name.startswith("guideline-worksheet-herstelgesprek-voorbereiden-")
    assert list(data["gegevens"]) == ["werkblad:herstelgesprek-voorbereiden"]
    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        other.goto(f"{server}/en/{SHEET}")
        asked = restore_file(other, json.dumps(data), tmp_path)
        assert asked == ["This file holds 1 new answer and 0 answers that differ from what is here. "
                         "Do you want to take them over?"]
        assert "1 answer taken over from the file." in other.locator("[data-werkblad-status]").first.inner_text()
        assert other.get_by_label("Name", exact=True).input_value() == "Ms Sanne"
    finally:
        fresh.close()


WRONG_FILES = {
    "geen-json": ("dit is geen json", "het is geen antwoordenbestand (geen JSON)"),
    "andere-site": (json.dumps({"formaat": "iets-anders", "versie": 1, "gegevens": {}}), "het komt niet van deze site"),
    "nieuwere-versie": (json.dumps({"formaat": "leidraad-leerkracht-leerlingrelaties", "versie": 4, "gegevens": {}}),
                        "gemaakt met een nieuwere versie van de site"),
    "beschadigd": (json.dumps({"formaat": "leidraad-leerkracht-leerlingrelaties", "versie": 2,
                               "gegevens": {"werkblad:nl:x": {"velden": {"naam": {"v": {"kwaad": 1}}}}}}),
                   "het is beschadigd of onvolledig (antwoord „naam” in „werkblad:nl:x” klopt niet)"),
    "velden-null": (json.dumps({"formaat": "leidraad-leerkracht-leerlingrelaties", "versie": 2,
                                "gegevens": {"werkblad:nl:herstelgesprek-voorbereiden": {"velden": None}}}),
                    "(„werkblad:nl:herstelgesprek-voorbereiden” klopt niet)"),
    "proto": ('{"formaat": "leidraad-leerkracht-leerlingrelaties", "versie": 2, "gegevens": '
              '{"werkblad:nl:herstelgesprek-voorbereiden": {"velden": {"__proto__": {"v": "x", "t": 1}}}}}',
              "(antwoord „__proto__” in „werkblad:nl:herstelgesprek-voorbereiden” klopt niet)"),
    "te-groot": ("[" + " " * (6 * 1024 * 1024) + "]", "het is groter dan 5 MB"),
}


@pytest.mark.parametrize("kind", WRONG_FILES)
def test_a_wrong_file_is_refused_plainly_and_changes_nothing(page, site, tmp_path, kind):
    """Not JSON, another site's file, a newer format, a damaged or a too large file: said plainly, with the file's
    name and what is wrong in it; nothing changed, and no green line beside the red one."""
    content, reason = WRONG_FILES[kind]
    page.goto(f"{site.as_uri()}/{SHEET}")
    page.get_by_label("Naam").fill("Juf Sanne")
    before = page.evaluate("localStorage.getItem('leidraad:v3:werkblad:herstelgesprek-voorbereiden')")
    asked = restore_file(page, content, tmp_path)
    assert asked == []
    alert = form(page).locator("[data-werkblad-melding]")
    assert alert.is_visible() and reason in alert.inner_text() and "Er is niets veranderd." in alert.inner_text()
    assert alert.inner_text().startswith("antwoorden.json: ")
    assert form(page).locator("[data-werkblad-status]").inner_text() == ""
    assert page.get_by_label("Naam").input_value() == "Juf Sanne"
    assert page.evaluate("localStorage.getItem('leidraad:v3:werkblad:herstelgesprek-voorbereiden')") == before


def test_a_file_with_answers_to_questions_that_are_gone_puts_them_aside(page, site, tmp_path):
    """An answer in a file whose question no longer exists is kept under 'Antwoorden zonder vraag'."""
    page.goto(f"{site.as_uri()}/{SHEET}")
    data = {"formaat": "leidraad-leerkracht-leerlingrelaties", "versie": 2, "gemaakt": "2026-01-01T00:00:00Z",
            "gegevens": {"werkblad:nl:herstelgesprek-voorbereiden": {"velden": {
                "veld:oude-vraag": {"v": "Mijn oude antwoord", "t": 1, "q": "Een vraag die er niet meer is"}}}}}
    restore_file(page, json.dumps(data), tmp_path)
    assert orphans(page) == [("Vraag: Een vraag die er niet meer is", "Mijn oude antwoord")]


def test_storage_that_fills_up_half_way_through_an_import_leaves_everything_as_it_was(page, site, tmp_path):
    """The second of two records does not fit: the first is put back, the page shows what it showed, the red
    line says so and no green 'Opgeslagen' stays beside it; the next keystroke saves (issue 21, point 6)."""
    page.add_init_script("""(() => { const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (key.endsWith(':2x10-oefening')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return set.call(this, key, value); }; })();""")
    page.goto(f"{site.as_uri()}/{SHEET}")
    page.get_by_label("Naam").fill("Juf Sanne")
    key = "leidraad:v3:werkblad:herstelgesprek-voorbereiden"
    before = page.evaluate("(k) => localStorage.getItem(k)", key)
    data = {"formaat": "leidraad-leerkracht-leerlingrelaties", "versie": "2", "gegevens": {
        "werkblad:nl:herstelgesprek-voorbereiden": {"velden": {"naam": {"v": "Uit het bestand", "t": 1, "q": "Naam"},
                                                                "datum": {"v": "3 december", "t": 1, "q": "Datum"}}},
        "werkblad:nl:2x10-oefening": {"velden": {"naam": {"v": "Uit het bestand", "t": 1, "q": "Naam"}}}}}
    page.goto(f"{site.as_uri()}/{ALL}")   # the page that takes both worksheets (a worksheet takes only its own)
    restore_file(page, json.dumps(data), tmp_path)
    alert = page.locator("[data-werkblad-melding]")
    assert alert.is_visible() and alert.inner_text().startswith("Niet overgenomen: deze browser kon het niet bewaren")
    assert page.locator("[data-werkblad-status]").inner_text() == ""
    assert page.evaluate("(k) => localStorage.getItem(k)", key) == before
    sheet = page.locator("#werkblad-herstelgesprek-voorbereiden")
    assert (sheet.get_by_label("Naam").input_value(), sheet.get_by_label("Datum").input_value()) == ("Juf Sanne", "")
    sheet.get_by_label("Datum").fill("4 december")
    assert page.locator("[data-werkblad-status]").inner_text() == "Opgeslagen in deze browser."
    assert not alert.is_visible()


def test_a_worksheet_page_restores_only_its_worksheet_and_leaves_the_team_scan_alone(page, server, tmp_path):
    """Prober W18: a colleague's file with a team scan, restored on a worksheet, replaced the teacher's own team
    scan. Now the worksheet takes its own answers only, and the question and the message say the team scan in
    the file was left out and where it goes."""
    page.goto(f"{server}/{SCAN_PAGE}")
    page.locator("#teamscan-naam").fill("Juf Sanne")
    scan_key = "leidraad:v3:teamscan:scan"
    mine = page.evaluate("(k) => JSON.parse(localStorage.getItem(k)).velden.naam.v", scan_key)
    data = {"formaat": "leidraad-leerkracht-leerlingrelaties", "versie": 2, "gegevens": {
        "werkblad:nl:herstelgesprek-voorbereiden": {"velden": {"naam": {"v": "Meester Bram", "t": 1, "q": "Naam"}}},
        "teamscan:nl:scan": {"velden": {"naam": {"v": "Meester Bram", "t": 9e12, "q": "Naam"}}}}}
    page.goto(f"{server}/{SHEET}")
    asked = restore_file(page, json.dumps(data), tmp_path)
    assert asked[0].startswith("Uit dit bestand komen 1 nieuw antwoord en 0 antwoorden die anders zijn")
    assert "teamscan" in asked[0] and "niet bij deze pagina" in asked[0]
    status = form(page).locator("[data-werkblad-status]").inner_text()
    assert "1 antwoord overgenomen" in status and "teamscan" in status
    assert page.get_by_label("Naam").input_value() == "Meester Bram"
    assert page.evaluate("(k) => JSON.parse(localStorage.getItem(k)).velden.naam.v", scan_key) == mine == "Juf Sanne"


def test_restoring_with_storage_blocked_says_blocked_not_full(page, site, tmp_path):
    """Prober S03: with localStorage blocked (its getter throws), a restore said 'is de opslag vol?'. Our own
    scripts add no uncaught error; the two left come from Material (its inline __md_get and its bundle)."""
    page.add_init_script("""Object.defineProperty(window, 'localStorage', {get() {
        throw new DOMException('The operation is insecure.', 'SecurityError'); }});""")
    errors = []
    page.on("pageerror", lambda e: errors.append(e.stack or str(e)))
    page.goto(f"{site.as_uri()}/{SHEET}")
    data = {"formaat": "leidraad-leerkracht-leerlingrelaties", "versie": 2, "gegevens": {
        "werkblad:nl:herstelgesprek-voorbereiden": {"velden": {"naam": {"v": "Uit het bestand", "t": 1, "q": "Naam"}}}}}
    restore_file(page, json.dumps(data), tmp_path)
    alert = form(page).locator("[data-werkblad-melding]")
    assert alert.inner_text() == "Niet overgenomen: deze browser staat opslaan niet toe. Er is niets veranderd."
    # what is left is Material's: its inline __md_get (no stack) and its bundle; none comes from our scripts
    assert not [e for e in errors if re.search(r"assets/javascripts/(?!bundle\.)", e)], errors


def test_a_clock_that_was_ahead_does_not_bring_an_old_answer_back(page, server):
    """Typed with the clock three hours ahead, then typed again with the clock right: after a reload the new
    answer is there (issue 21, point 2: the old one came back while the page said 'Opgeslagen')."""
    page.clock.install(time=datetime.datetime(2026, 12, 7, 15, 0, tzinfo=datetime.timezone.utc))
    page.goto(f"{server}/{SHEET}")
    page.get_by_label("Naam").fill("Eerst dit")
    page.clock.set_system_time(datetime.datetime(2026, 12, 7, 12, 0, tzinfo=datetime.timezone.utc))
    page.reload()
    page.get_by_label("Naam").fill("Nu dit")
    assert form(page).locator("[data-werkblad-status]").inner_text() == "Opgeslagen in deze browser."
    page.reload()
    assert page.get_by_label("Naam").input_value() == "Nu dit"


def test_an_unreadable_stored_sheet_is_kept_aside_and_named_not_overwritten(page, server, tmp_path):
    """A stored record that cannot be read is copied aside before the first keystroke; the page names where,
    and 'Bewaar als bestand' takes it along (issue 21, point 7)."""
    key = "leidraad:v3:werkblad:herstelgesprek-voorbereiden"
    page.goto(f"{server}/{SHEET}")
    page.evaluate("(k) => localStorage.setItem(k, '{\"velden\": {\"naam\": {\"v\": \"Juf Anna')", key)
    page.reload()
    alert = form(page).locator("[data-werkblad-melding]")
    assert alert.is_visible() and "leidraad:apart:werkblad:herstelgesprek-voorbereiden" in alert.inner_text()
    page.get_by_label("Datum").fill("3 december")
    assert page.evaluate("(k) => JSON.parse(localStorage.getItem(k)).velden.datum.v", key) == "3 december"
    assert page.evaluate("localStorage.getItem('leidraad:apart:werkblad:herstelgesprek-voorbereiden')") == \
        '{"velden": {"naam": {"v": "Juf Anna'
    assert "onleesbaar" in form(page).locator("[data-werkblad-status]").inner_text()
    data, _ = save_file(page, "Bewaar als bestand", tmp_path)
    assert data["apart"] == {"leidraad:apart:werkblad:herstelgesprek-voorbereiden": '{"velden": {"naam": {"v": "Juf Anna'}


def test_thousands_of_answers_without_a_question_are_counted_not_all_drawn(page, site, tmp_path):
    """A file with 3,000 answers to questions that are gone: all are taken over, 100 are drawn and the rest
    counted (drawing every one froze the page; the limit on a file's answers is in tests/js)."""
    page.goto(f"{site.as_uri()}/{SHEET}")
    velden = {f"veld:oud-{i}": {"v": f"antwoord {i}", "t": 1, "q": f"Oude vraag {i}"} for i in range(3000)}
    data = {"formaat": "leidraad-leerkracht-leerlingrelaties", "versie": 2,
            "gegevens": {"werkblad:nl:herstelgesprek-voorbereiden": {"velden": velden}}}
    restore_file(page, json.dumps(data), tmp_path)
    assert page.locator(".werkblad-wees li").count() == 100
    assert "En nog 2900; ze gaan mee in het bestand." in page.locator(".werkblad-wees").inner_text()
    stored = page.evaluate("Object.keys(JSON.parse(localStorage['leidraad:v3:werkblad:herstelgesprek-voorbereiden']).velden)")
    assert len([key for key in stored if key.startswith("veld:oud-")]) == 3000


FAILING = {
    "vol": ("""Storage.prototype.setItem = function () {
                 throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };""",
            "Niet opgeslagen: de opslag van deze browser is vol."),
    "geblokkeerd": ("""Object.defineProperty(window, 'localStorage', {
                         get() { throw new DOMException('Access is denied', 'SecurityError'); } });""",
                    "Niet opgeslagen: deze browser staat opslaan niet toe"),
}


@pytest.mark.parametrize("how", ["file", "http"])
@pytest.mark.parametrize("kind", FAILING)
def test_failing_storage_is_said_plainly_and_the_screen_keeps_the_answer(page, server, site, tmp_path, kind, how):
    """Storage full or blocked: the alert says so (never 'Opgeslagen'), the text stays, the file still works."""
    script, message = FAILING[kind]
    page.add_init_script(script)
    page.goto(f"{site.as_uri() if how == 'file' else server}/{SHEET}")
    page.get_by_label("Naam").fill("Juf Sanne")
    alert = form(page).locator("[data-werkblad-melding]")
    assert alert.is_visible() and alert.inner_text().startswith(message)
    assert "Bewaar het" in alert.inner_text()
    assert "Opgeslagen" not in form(page).locator("[data-werkblad-status]").inner_text()
    assert page.get_by_label("Naam").input_value() == "Juf Sanne"
    data, _ = save_file(page, "Bewaar als bestand", tmp_path)
    assert data["gegevens"]["werkblad:herstelgesprek-voorbereiden"]["velden"]["naam"]["v"] == "Juf Sanne"


def test_a_private_window_is_warned_where_the_browser_lets_a_page_tell(browser, server):
    """A small storage quota (how some browsers' private windows show) gives the warning; a normal one does not."""
    context = browser.new_context()
    try:
        private = context.new_page()
        private.add_init_script("navigator.storage.estimate = () => Promise.resolve({quota: 50 * 1024 * 1024, usage: 0});")
        private.goto(f"{server}/{SHEET}")
        alert = form(private).locator("[data-werkblad-melding]")
        alert.wait_for(state="visible")
        assert "privévenster" in alert.inner_text()
        normal = context.new_page()
        normal.goto(f"{server}/{SHEET}")
        normal.wait_for_timeout(300)
        assert not form(normal).locator("[data-werkblad-melding]").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("how", ["file", "http"])
def test_answers_of_the_first_format_are_carried_over_once(page, server, site, how):
    """v1 kept answers per page path and field position; on first load they move to the new record (from any
    folder the site was in), the old entry stays, and a cleared sheet is not filled again from it."""
    base = site.as_uri() if how == "file" else server
    page.goto(f"{base}/{SHEET}")
    sheet = form(page)
    tick, scale, box = (sheet.locator("input[type=checkbox]").nth(1), sheet.locator("input[type=radio][value='8']"),
                        sheet.locator("textarea.werkblad-vak").first)
    old = {"werkblad-herstelgesprek-voorbereiden-naam": "Juf Anna", tick.get_attribute("id"): True,
           scale.get_attribute("id"): True, box.get_attribute("id"): "Ruzie bij de kapstok"}
    key = "werkbladen:v1:nl:/media/usb/leidraad-2026-10-01/aan-de-slag/herstelgesprek-voorbereiden.html" \
          "#werkblad-herstelgesprek-voorbereiden"
    page.evaluate("([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }", [key, json.dumps(old)])
    for folder, value in (("a", "{kapot"), ("b", json.dumps("Juf Anna")), ("c", "[1, 2]")):   # unreadable, a text, a list
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key.replace("2026-10-01", folder), value])
    page.reload()
    assert page.locator(".werkblad-wees").count() == 0, "no one-letter answers without a question"
    assert page.get_by_label("Naam").input_value() == "Juf Anna"
    assert tick.is_checked() and scale.is_checked()
    assert box.input_value() == "Ruzie bij de kapstok"
    assert page.evaluate("(k) => localStorage.getItem(k) !== null", key)
    page.once("dialog", lambda d: d.accept())
    form(page).get_by_role("button", name="Wissen").click()
    page.reload()
    assert page.get_by_label("Naam").input_value() == ""


def test_two_tabs_merge_field_by_field(page, server):
    """Typing in two tabs at once: each tab sees the other's answer at once, and both survive a reload."""
    other = page.context.new_page()
    page.goto(f"{server}/{SHEET}")
    other.goto(f"{server}/{SHEET}")
    page.get_by_label("Naam").fill("Juf Sanne")
    other.get_by_label("Datum").fill("3 december")
    other.wait_for_function("() => document.querySelector('#werkblad-herstelgesprek-voorbereiden-naam').value === 'Juf Sanne'", polling=100)
    page.wait_for_function("() => document.querySelector('#werkblad-herstelgesprek-voorbereiden-datum').value === '3 december'", polling=100)
    # The field the teacher is typing in keeps her text; when she leaves it, the other tab's newer text shows.
    assert page.evaluate("document.activeElement.id") == "werkblad-herstelgesprek-voorbereiden-naam"
    other.get_by_label("Naam").fill("Juf Sanne de Vries")
    other.wait_for_timeout(300)
    assert page.get_by_label("Naam").input_value() == "Juf Sanne"
    page.get_by_label("Naam").blur()
    page.wait_for_function("() => document.querySelector('#werkblad-herstelgesprek-voorbereiden-naam').value === 'Juf Sanne de Vries'", polling=100)
    for tab in (page, other):
        tab.reload()
        assert (tab.get_by_label("Naam").input_value(), tab.get_by_label("Datum").input_value()) == \
            ("Juf Sanne de Vries", "3 december")
    other.close()


def test_a_long_answer_prints_every_line_and_a_blank_sheet_one_page(page, server, tmp_path, pdf_pages):
    """A 15-line answer in a 5-line box prints its first and its last line; blank, the sheet is still one A4."""
    page.goto(f"{server}/{SHEET}")
    field = form(page).locator("textarea.werkblad-vak").first
    field.fill("\n".join(f"Regel {n} van het verhaal." for n in range(1, 16)))
    page.get_by_label("Naam").focus()
    page.emulate_media(media="print")
    path = tmp_path / "lang.pdf"
    page.pdf(path=str(path), format="A4", print_background=True)
    text = " ".join(p.extract_text() for p in PdfReader(str(path)).pages)
    assert "Regel 1 van het verhaal." in text and "Regel 15 van het verhaal." in text
    page.once("dialog", lambda d: d.accept())
    page.emulate_media(media="screen")
    form(page).get_by_role("button", name="Wissen").click()
    assert pdf_pages(page) == 1


@pytest.mark.parametrize("how", ["file", "http"])
def test_one_sheet_in_two_languages_shows_the_same_answers(page, server, site, how):
    """Issue 22: filled in on the Dutch page, the English page shows the answers; changed in English, the Dutch
    page shows the change; one record, stored without the language, every field under the Dutch field's key
    (hooks/werkblad_sleutels.py), so a free-text answer shows at its question in both languages."""
    base = site.as_uri() if how == "file" else server
    page.goto(f"{base}/{SHEET}")
    page.get_by_label("Naam").fill("Juf Sanne")
    page.get_by_label("Datum").fill("3 december")
    form(page).locator("textarea").last.fill("Vrijdag samen tekenen")
    page.goto(f"{base}/en/{SHEET}")
    assert page.get_by_label("Name", exact=True).input_value() == "Juf Sanne"
    assert page.get_by_label("Date", exact=True).input_value() == "3 december"
    assert form(page).locator("textarea").last.input_value() == "Vrijdag samen tekenen" and orphans(page) == []
    page.get_by_label("Date", exact=True).fill("December 4")
    page.goto(f"{base}/{SHEET}")
    assert page.get_by_label("Naam").input_value() == "Juf Sanne"
    assert page.get_by_label("Datum").input_value() == "December 4"
    assert form(page).locator("textarea").last.input_value() == "Vrijdag samen tekenen"
    keys = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('leidraad:'))")
    assert keys == ["leidraad:v3:werkblad:herstelgesprek-voorbereiden"]


def test_a_free_text_answer_shows_at_its_question_in_the_other_language(page, site):
    """The same worksheet field shows the same text in Dutch and English."""
    page.goto(f"{site.as_uri()}/{SHEET}")
    form(page).locator("textarea").last.fill("Vrijdag samen tekenen")
    page.goto(f"{site.as_uri()}/en/{SHEET}")
    assert form(page).locator("textarea").last.input_value() == "Vrijdag samen tekenen"


OLD_KEY = "veld:our-agreement-this-is-how-we-take-that-step"   # the English field's key before December 2026


def test_an_answer_kept_under_an_old_english_key_shows_at_its_question(page, site):
    """An answer typed on the English page of the previous version (keyed by the English label) shows at its
    question on the Dutch page and the English one, not under 'Antwoorden zonder vraag'; the record keeps it under
    the Dutch key and the old entry is a dated empty one."""
    page.goto(f"{site.as_uri()}/{SHEET}")
    record = {"velden": {OLD_KEY: {"v": "Next Monday we talk", "t": 1000, "q": "Our agreement"}}}
    page.evaluate("""r => { localStorage.clear();
        localStorage.setItem('leidraad:v3:werkblad:herstelgesprek-voorbereiden', r); }""", json.dumps(record))
    page.reload()
    assert form(page).locator("textarea").last.input_value() == "Next Monday we talk"
    assert orphans(page) == []
    velden = page.evaluate("JSON.parse(localStorage['leidraad:v3:werkblad:herstelgesprek-voorbereiden']).velden")
    assert velden[OLD_KEY]["v"] is None and velden["veld:onze-afspraak-zo-zetten-we-dat-stapje"]["v"] == "Next Monday we talk"
    page.goto(f"{site.as_uri()}/en/{SHEET}")
    assert form(page).locator("textarea").last.input_value() == "Next Monday we talk" and orphans(page) == []


def test_answers_kept_per_language_are_joined_and_none_is_lost(page, site):
    """A browser of the previous version kept a record per language: the newest answer shows at its question in
    both languages, the other language's different answer under 'Antwoorden zonder vraag'; the old entries stay."""
    page.goto(f"{site.as_uri()}/{SHEET}")
    old_nl = {"velden": {"naam": {"v": "Juf Anna", "t": 1000, "q": "Naam"},
                         "datum": {"v": "maandag", "t": 1000, "q": "Datum"}}, "v1": True}
    old_en = {"velden": {"naam": {"v": "Ms Anna", "t": 2000, "q": "Name"}}, "v1": True}
    page.evaluate("""([nl, en]) => { localStorage.clear();
        localStorage.setItem('leidraad:v2:werkblad:nl:herstelgesprek-voorbereiden', nl);
        localStorage.setItem('leidraad:v2:werkblad:en:herstelgesprek-voorbereiden', en); }""",
                  [json.dumps(old_nl), json.dumps(old_en)])
    page.reload()
    assert page.get_by_label("Naam").input_value() == "Ms Anna"
    assert page.get_by_label("Datum").input_value() == "maandag"
    assert orphans(page) == [("Vraag: Naam", "Juf Anna")]
    page.goto(f"{site.as_uri()}/en/{SHEET}")
    assert page.get_by_label("Name", exact=True).input_value() == "Ms Anna"
    assert orphans(page) == [("Question: Naam", "Juf Anna")]
    assert page.evaluate("localStorage.getItem('leidraad:v2:werkblad:nl:herstelgesprek-voorbereiden')") == json.dumps(old_nl)
