"""The circle explorer and self-reflection in a real browser: keyboard and mouse selection, live
profiles, storage across reloads, one printed A4 page with its date, snapshots compared with today, no outside
requests, no script errors.
"""
from __future__ import annotations

import datetime
import json

import re

import pytest
from playwright.sync_api import expect

import cirkel
from conftest import outside_requests
from papier import print_page


PAGE = "theorie/cirkel-verkenner.html"
ORDER = ["leidend", "helpend", "begrijpend", "inschikkelijk", "onzeker", "ontevreden", "confronterend", "streng"]


def numbers(d: str) -> list[float]:
    """All numbers in SVG path data, to compare paths drawn by cirkel.js with those of cirkel.py."""
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", d)]


def watch(page) -> list[tuple[str, str]]:
    """Console errors with the URL they concern (the conftest fixture keeps only the text)."""
    seen: list[tuple[str, str]] = []
    page.on("console", lambda m: m.type == "error" and seen.append((m.text, m.location.get("url", ""))))
    page.on("pageerror", lambda error: seen.append((f"uncaught: {error}", "")))
    return seen


def shown_panel(page) -> str:
    """The sector of the one explorer panel that is visible."""
    visible = page.locator(".cirkel-paneel:visible")
    assert visible.count() == 1
    return visible.first.get_attribute("data-sector")


def profile_d(page, kind: str) -> str:
    return page.locator(f'.cirkel-reflectie path[data-profiel="{kind}"]').get_attribute("d") or ""


def set_slider(page, sector: str, kind: str, value: int) -> None:
    """Move a slider as a script would, firing the same 'input' event a user's drag fires."""
    page.locator(f'.cirkel-reflectie input[data-sector="{sector}"][data-profiel="{kind}"]').evaluate(
        "(el, v) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); }", value)



def test_the_explorer_by_keyboard_mouse_and_sliders(page, server):
    """The explorer over http, checked at every step:
    1. tab to the sector choice; arrow keys go clockwise and back (wrapping), the panel and circle follow;
    2. a click in the drawing selects that sector's radio and shows its panel with links that help;
    3. moving a slider changes the profile path; the drawn wedges equal cirkel.profile_path();
    4. after a reload nothing was requested from another host and no script logged an error."""
    errors = watch(page)
    page.goto(f"{server}/{PAGE}")
    assert shown_panel(page) == "leidend"
    first = page.locator('.cirkel-verkenner input[type=radio][value="leidend"]')
    first.focus()
    assert page.evaluate("document.activeElement.value") == "leidend"
    description = page.locator(".cirkel-paneel:visible p").first.inner_text()
    page.keyboard.press("ArrowRight")
    assert shown_panel(page) == "helpend", "1. ArrowRight: clockwise"
    assert page.locator(".cirkel-paneel:visible p").first.inner_text() != description
    assert page.locator(".cirkel-gekozen.is-aan").get_attribute("data-sector") == "helpend"
    assert page.locator(".cirkel-verkenner .cirkel-pijl.is-aan").get_attribute("data-naar") == "begrijpend"
    assert page.locator(".cirkel-uitgenodigd.is-aan").get_attribute("data-sector") == "begrijpend"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert shown_panel(page) == "streng", "1. from leidend back across the top to streng"
    assert "onzeker gedrag" in page.locator(".cirkel-paneel:visible").inner_text()

    page.locator('.cirkel-verkenner .cirkel-keuze[data-sector="ontevreden"]').click()
    assert shown_panel(page) == "ontevreden", "2. a click selects"
    assert page.locator('.cirkel-verkenner input[value="ontevreden"]').is_checked()
    assert page.locator(".cirkel-verkenner .cirkel-pijl.is-aan").get_attribute("data-naar") == "confronterend"
    links = page.locator(".cirkel-paneel:visible a")
    assert links.count() >= 2 and "aanbeveling-6-2" in links.first.get_attribute("href")

    assert profile_d(page, "nu") == "" and profile_d(page, "gewenst") == "", "3. no profile before a slider moves"
    slider = page.locator('.cirkel-reflectie input[data-sector="leidend"][data-profiel="nu"]')
    slider.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    before = profile_d(page, "nu")
    assert before != ""
    assert numbers(before) == pytest.approx(numbers(cirkel.profile_path({"leidend": 3}, ORDER)), abs=0.011)
    set_slider(page, "onzeker", "nu", 10)
    assert profile_d(page, "nu") != before
    assert numbers(profile_d(page, "nu")) == pytest.approx(
        numbers(cirkel.profile_path({"leidend": 3, "onzeker": 10}, ORDER)), abs=0.011)
    set_slider(page, "helpend", "gewenst", 8)
    assert numbers(profile_d(page, "gewenst")) == pytest.approx(numbers(cirkel.profile_path({"helpend": 8}, ORDER)), abs=0.011)
    assert page.locator('output[for$="-helpend-gewenst"]').inner_text() == "8"

    page.locator('.cirkel-verkenner .cirkel-keuze[data-sector="streng"]').click()
    set_slider(page, "streng", "nu", 6)
    page.reload()
    page.wait_for_function("() => document.querySelector('input[data-sector=streng][data-profiel=nu]').value === '6'")
    assert page.requests_seen and outside_requests(page.requests_seen, server) == [], "4. nothing left the site"
    assert errors == []


def test_the_reflection_is_kept_cleared_and_printed_on_one_page(page, server, tmp_path):
    """The self-reflection over http, checked at every step:
    1. values and the note come back after a reload; the English page shows the same (issue 22: one record for
       both languages);
    2. 'wis' asks first: cancel keeps everything, OK clears it, also in storage;
    3. the print button prints; on paper: one A4 page with today's date and the reflection's title, the
       reflection only (not the explorer), without the snapshot button."""
    page.clock.set_fixed_time(datetime.datetime(2026, 12, 7, 10, 0))
    page.goto(f"{server}/{PAGE}")
    page.locator(".cirkel-reflectie textarea").fill("Vaker doorvragen.")
    set_slider(page, "begrijpend", "nu", 4)   # after the note: a slider saves on its own
    set_slider(page, "begrijpend", "gewenst", 9)
    drawn = profile_d(page, "gewenst")
    page.reload()
    assert page.locator('input[data-sector="begrijpend"][data-profiel="gewenst"]').input_value() == "9", "1."
    assert page.locator(".cirkel-reflectie textarea").input_value() == "Vaker doorvragen."
    assert profile_d(page, "gewenst") == drawn != ""
    page.goto(f"{server}/en/{PAGE}")
    assert page.locator('input[data-sector="begrijpend"][data-profiel="gewenst"]').input_value() == "9", "1. English"
    page.goto(f"{server}/{PAGE}")
    asked = []
    page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    page.locator(".cirkel-reflectie [data-wissen]").click()
    assert profile_d(page, "gewenst") == drawn, "2. cancelled: nothing cleared"
    page.once("dialog", lambda d: (asked.append(d.message), d.accept()))
    page.locator(".cirkel-reflectie [data-wissen]").click()
    assert asked == ["3 antwoorden van je zelfreflectie wissen? Dit kun je niet ongedaan maken. Bewaar ze eerst "
                     "als bestand als je ze wilt houden."] * 2
    assert profile_d(page, "gewenst") == ""
    page.reload()
    assert page.locator('input[data-sector="begrijpend"][data-profiel="nu"]').input_value() == "0", "2. cleared"
    kept = page.evaluate("""() => Object.values(JSON.parse(localStorage['leidraad:v3:reflectie:cirkel-verkenner'])
        .velden).filter(e => e.v)""")
    assert kept == [], "2. nothing left in storage"

    assert page.locator(".cirkel-reflectie [data-cirkel-datum]").inner_text() == "7 december 2026"
    page.evaluate("() => { window.print = () => { window.geprint = (window.geprint || 0) + 1; }; }")
    page.get_by_role("button", name="Afdrukken").click()
    assert page.evaluate("window.geprint") == 1, "3. the print button prints"
    for index, sector in enumerate(ORDER):
        set_slider(page, sector, "nu", index + 2)
        set_slider(page, sector, "gewenst", 9 - index)
    page.locator(".cirkel-reflectie textarea").fill("Een doel voor de komende weken. " * 6)
    pages = print_page(page, tmp_path / "reflectie.pdf")
    assert len(pages) == 1, "3. one A4 page, filled in"
    text = " ".join(pages[0])
    assert "Datum: 7 december 2026" in text and "Zelfreflectie: mijn gedrag in de cirkel" in text
    assert "Bewaar als momentopname" not in text
    assert page.locator(".cirkel-reflectie svg.cirkel-svg").is_visible(), "3. the reflection's circle on paper"
    assert not page.locator(".cirkel-verkenner").is_visible(), "3. not the explorer"
    assert not page.locator("#zo-lees-je-de-cirkel").is_visible()
    assert page.locator(".cirkel-printtitel").is_visible()


# One value off the scale in the browser (the page's line); every such value ("11", "-5", "abc", "1e9", "5.5") is
# refused in tests/js/cirkel-invoer.test.js, which reads the slider's limits as the page does.
def test_the_reflection_goes_into_a_file_and_a_wrong_one_is_refused(browser, page, server, tmp_path):
    """'Bewaar als bestand' on the self-reflection, and 'Zet terug uit bestand' in a fresh browser. Prober C01: a
    file with "11" for a slider was reported restored while the slider showed 0; now it is refused, with the
    answer and its value named, and nothing changes; the saved file still comes back."""
    page.goto(f"{server}/{PAGE}")
    set_slider(page, "helpend", "nu", 7)
    with page.expect_download() as download:
        page.locator(".cirkel-reflectie [data-bewaar]").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name.startswith("leidraad-zelfreflectie-")
    key = page.locator(".cirkel-reflectie").get_attribute("data-record")
    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        other.goto(f"{server}/{PAGE}")
        asked = []
        other.on("dialog", lambda d: (asked.append(d.message), d.accept()))
        wrong = tmp_path / "raar.json"
        wrong.write_text(json.dumps({"formaat": "leidraad-leerkracht-leerlingrelaties", "versie": 2, "gegevens": {
            key: {"velden": {"nu:helpend": {"v": "11", "t": 1, "q": "Helpend"}}}}}), encoding="utf-8")
        before = other.evaluate("JSON.stringify(Object.entries(localStorage))")
        other.locator(".cirkel-reflectie [data-bestand]").set_input_files(str(wrong))
        alert = other.locator("[data-cirkel-melding]")
        alert.wait_for(state="visible")
        assert alert.inner_text().startswith("raar.json: Dit bestand is niet gebruikt")
        assert "„11” past niet bij „nu:helpend”" in alert.inner_text()
        assert asked == [] and other.evaluate("JSON.stringify(Object.entries(localStorage))") == before, \
            "refused: nothing asked, nothing stored"
        other.locator(".cirkel-reflectie [data-bestand]").set_input_files(str(path))
        other.wait_for_function("() => document.querySelector('input[data-sector=helpend][data-profiel=nu]').value === '7'")
        assert other.locator('[data-profiel="nu"].cirkel-profiel').get_attribute("d") != ""
        assert other.locator("[data-cirkel-status]").inner_text() == "1 antwoord overgenomen uit het bestand."
    finally:
        fresh.close()


# From file:// (the USB stick); carrying over the first format reads one origin's storage, the same over http.
def test_works_from_file_url_and_carries_over_the_first_format(page, site):
    """Opened from disk (file://) the explorer and the stored reflection still work. The first format kept the
    reflection per page path; its values come back once, under the new record, also when other old keys cannot be
    read (issue 21: one corrupt key stopped the carrying over)."""
    errors = watch(page)
    page.goto(f"{site.as_uri()}/{PAGE}")
    old = {"nu": {"streng": 6}, "gewenst": {"streng": 2}, "notitie": "Minder streng zijn."}
    page.evaluate("(v) => { localStorage.clear(); localStorage.setItem('cirkel-reflectie:/oude/map/theorie/"
                  "cirkel-verkenner.html:nl:cirkel-2', v); }", json.dumps(old))
    for n in range(6):   # the order of keys is the browser's: several unreadable ones, before and after
        page.evaluate("(k) => localStorage.setItem(k, '{kapot')", f"cirkel-reflectie:/map-{n}/theorie/cirkel-verkenner.html:nl:cirkel-2")
    page.reload()
    assert page.locator('input[data-sector="streng"][data-profiel="nu"]').input_value() == "6", "first format: now"
    assert page.locator('input[data-sector="streng"][data-profiel="gewenst"]').input_value() == "2", "first format: wish"
    assert page.locator(".cirkel-reflectie textarea").input_value() == "Minder streng zijn.", "first format: note"

    page.locator('.cirkel-verkenner input[value="leidend"]').focus()
    page.keyboard.press("ArrowRight")
    assert shown_panel(page) == "helpend"
    set_slider(page, "helpend", "nu", 7)
    page.reload()
    assert page.locator('input[data-sector="helpend"][data-profiel="nu"]').input_value() == "7"
    assert profile_d(page, "nu") != ""
    assert errors == []


def test_without_javascript_everything_is_still_readable(browser, server):
    """No script: the circle is drawn, all eight panels are listed, the radio group is hidden."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{server}/{PAGE}")
        assert page.locator(".cirkel-verkenner svg.cirkel-svg").is_visible()
        assert page.locator(".cirkel-paneel:visible").count() == 8
        assert not page.locator(".cirkel-keuzes").is_visible()
        assert page.locator(".cirkel-verkenner text.cirkel-label").all_text_contents() == ORDER
    finally:
        context.close()


# --- snapshots to compare with later ------------------------------------------------------------------

def test_a_snapshot_is_kept_after_reload_and_drawn_as_a_second_outline(page, site):
    """From file://: a snapshot of 7 November is listed on 7 December after a reload; 'Vergelijk met nu' draws
    its profile beside today's, dotted (not solid like now, not dashed like the wish), named in the legend."""
    url = f"{site.as_uri()}/{PAGE}"
    page.clock.set_fixed_time(datetime.datetime(2026, 11, 7, 9, 0))
    page.goto(url)
    set_slider(page, "leidend", "nu", 3)
    set_slider(page, "streng", "nu", 8)
    page.get_by_role("button", name="Bewaar als momentopname").click()
    expect(page.locator("[data-cirkel-status]")).to_have_text("Momentopname van 7 november 2026 bewaard.")
    page.clock.set_fixed_time(datetime.datetime(2026, 12, 7, 9, 0))
    page.reload()
    set_slider(page, "streng", "nu", 4)
    page.reload()
    listed = page.locator(".cirkel-momentlijst li")
    expect(listed).to_have_count(1)   # the snapshot code loads on demand
    assert "7 november 2026" in listed.inner_text()
    earlier = page.locator('.cirkel-reflectie path[data-profiel="eerder"]')
    assert (earlier.get_attribute("d") or "") == ""
    listed.get_by_role("button", name="Vergelijk met nu").click()
    assert numbers(earlier.get_attribute("d")) == pytest.approx(
        numbers(cirkel.profile_path({"leidend": 3, "streng": 8}, ORDER)), abs=0.011)
    assert profile_d(page, "nu") != earlier.get_attribute("d")
    assert numbers(profile_d(page, "nu")) == pytest.approx(
        numbers(cirkel.profile_path({"leidend": 3, "streng": 4}, ORDER)), abs=0.011)
    dashes = page.evaluate("""() => ['nu', 'gewenst', 'eerder'].map(k => getComputedStyle(
        document.querySelector(`.cirkel-reflectie path[data-profiel="${k}"]`)).strokeDasharray)""")
    assert len(set(dashes)) == 3 and dashes[0] == "none", dashes
    legend = page.locator("[data-legenda-eerder]")
    assert legend.is_visible() and "7 november 2026" in legend.inner_text()
    page.once("dialog", lambda d: d.accept())
    page.locator(".cirkel-reflectie [data-wissen]").click()
    assert page.locator(".cirkel-momentlijst li").count() == 1, "clearing the answers keeps the snapshots"
