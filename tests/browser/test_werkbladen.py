"""Worksheets in a real browser: kept, cleared, tallied, printed on one A4 page (the session's site).

Keeping answers (stable identity, files, tabs, failing storage, the old format) is in test_bewaren.py.
Uses the session's strict build (`site`, `server`) and Debian's chromium (`page`); under CI=true a
missing browser fails these tests instead of skipping them. A tiny extra build of
tests/unit/golden/werkblad-alle-onderdelen.md (every part, and `<script>` in its text) is opened from file://.
"""
from __future__ import annotations

import re
import subprocess

import pytest
from pypdf import PdfReader

from conftest import ROOT, outside_requests
from proefsite import build_proefsite


SHEET = "aan-de-slag/2x10-oefening.html"
ALL = "aan-de-slag/alle-werkbladen.html"
NAV_WORDS = ["Inleiding", "Begrippen", "Samenvatting", "Zoeken", "Vorige", "Volgende"]


def worksheet_pages(site) -> list[str]:
    """Every page (both languages) holding one worksheet, relative to the site root."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("aan-de-slag/*.html")
                  if path.name != "alle-werkbladen.html"
                  and '<form class="werkblad"' in path.read_text(encoding="utf-8"))


def sheet(page):
    """The worksheet form on the page."""
    return page.locator("form.werkblad").first


def pdf_text(page, tmp_path, name: str = "blad.pdf") -> tuple[int, str]:
    """Print the page (print media, A4) and return its page count and text, whitespace folded."""
    path = tmp_path / name
    page.emulate_media(media="print")
    page.pdf(path=str(path), format="A4", print_background=True)
    page.emulate_media(media="screen")
    reader = PdfReader(str(path))
    return len(reader.pages), re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def js_errors(page) -> list[str]:
    """Start recording uncaught script errors on the page."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def fill_in(page) -> dict[str, str]:
    """Type in the first text field and textarea and tick the first box; return what was typed."""
    form = sheet(page)
    typed = {"naam": "Juf Sanne", "tekst": "Met Noor, omdat het contact stroef loopt"}
    form.locator("input[type=text]").first.fill(typed["naam"])
    form.locator("textarea").first.fill(typed["tekst"])
    form.locator("input[type=checkbox]").first.check()
    return typed


def values(page) -> tuple[str, str, bool]:
    """What the first text field, textarea and tick box hold now."""
    form = sheet(page)
    return (form.locator("input[type=text]").first.input_value(), form.locator("textarea").first.input_value(),
            form.locator("input[type=checkbox]").first.is_checked())


def test_filled_in_values_come_back_after_reload(page, server):
    """Type, tick, reload: everything is back, the status says it is kept here, nothing left the site."""
    errors = js_errors(page)
    page.goto(f"{server}/{SHEET}")
    typed = fill_in(page)
    assert "Opgeslagen in deze browser." in sheet(page).locator("[data-werkblad-status]").inner_text()
    page.reload()
    assert values(page) == (typed["naam"], typed["tekst"], True)
    assert errors == []
    assert outside_requests(page.requests_seen, server) == []


def test_storage_is_per_sheet_and_shared_between_languages(page, server):
    """What is typed on the Dutch sheet shows on the English sheet at the same question (issue 22: one record for
    both languages, every English field under its Dutch twin's key); not on another worksheet."""
    page.goto(f"{server}/{SHEET}")
    typed = fill_in(page)
    page.goto(f"{server}/en/{SHEET}")
    assert values(page) == (typed["naam"], typed["tekst"], True)
    assert sheet(page).locator(".werkblad-wees").count() == 0
    page.goto(f"{server}/aan-de-slag/leer-je-leerlingen-kennen.html")
    assert sheet(page).locator("input[type=text]").first.input_value() == ""


def test_clear_asks_first_and_then_empties_the_sheet(page, server):
    """'Wissen' asks for confirmation: cancel keeps everything, OK empties the sheet and its storage."""
    page.goto(f"{server}/{SHEET}")
    typed = fill_in(page)
    asked = []

    def answer(accept: bool):
        """Answer the next confirm dialog."""
        page.once("dialog", lambda dialog: (asked.append(dialog.message),
                                            dialog.accept() if accept else dialog.dismiss()))

    answer(False)
    sheet(page).get_by_role("button", name="Wissen").click()
    assert values(page) == (typed["naam"], typed["tekst"], True)
    answer(True)
    sheet(page).get_by_role("button", name="Wissen").click()
    assert asked == ["3 antwoorden op dit werkblad wissen? Dit kun je niet ongedaan maken. Bewaar ze eerst als "
                     "bestand als je ze wilt houden."] * 2
    assert values(page) == ("", "", False)
    assert sheet(page).locator("[data-werkblad-status]").inner_text() == "Gewist."
    page.reload()
    assert values(page) == ("", "", False)
    kept = page.evaluate("""() => Object.keys(localStorage).filter(k => k.startsWith('leidraad:'))
        .flatMap(k => Object.values(JSON.parse(localStorage[k]).velden)).filter(e => e.v)""")
    assert kept == []


def test_every_worksheet_prints_on_exactly_one_a4_page(page, server, site, pdf_pages):
    """page.pdf(format='A4') of every worksheet page, Dutch and English, has exactly one page."""
    counts = {}
    for path in worksheet_pages(site):
        page.goto(f"{server}/{path}")
        counts[path] = pdf_pages(page)
    print("\nA4 pages per worksheet:", counts)
    assert len([p for p in counts if not p.startswith("en/")]) >= 14
    assert {path: n for path, n in counts.items() if n != 1} == {}


def test_print_all_page_gives_each_worksheet_its_own_page(page, server, site, tmp_path):
    """alle-werkbladen prints one A4 page per worksheet, each starting on a new page, without navigation."""
    expected = len([p for p in worksheet_pages(site) if not p.startswith("en/")])
    page.goto(f"{server}/{ALL}")
    assert sheet(page).count() == 1 and page.locator("form.werkblad").count() == expected
    count, text = pdf_text(page, tmp_path)
    assert count == expected
    assert [word for word in NAV_WORDS if word in text] == []
    assert "Leeg afdrukken" not in text and "Op deze pagina staan alle werkbladen" not in text


def test_printed_sheet_has_no_navigation_but_title_recommendation_site_and_address(page, server, tmp_path):
    """On paper: the sheet with its title, recommendation, site name and address; no menus, search or prose."""
    page.goto(f"{server}/{SHEET}")
    title = sheet(page).locator(".werkblad-titel").inner_text()
    note = sheet(page).locator(".werkblad-aanbeveling").inner_text()
    prose = page.locator("article > p").first.inner_text()
    count, text = pdf_text(page, tmp_path)
    assert count == 1
    assert title in text and note in text
    assert "Leerkracht-leerlingrelaties in het primair onderwijs" in text
    assert f"{server}/{SHEET}" in text
    assert [word for word in NAV_WORDS if word in text] == []
    assert " ".join(prose.split()[:6]) not in text
    assert "Afdrukken" not in text and "Wissen" not in text
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.werkblad-knoppen']
        .map(s => document.querySelector(s)).filter(Boolean).map(e => getComputedStyle(e).display)""")
    assert hidden and set(hidden) == {"none"}


def test_print_filled_in_or_blank(page, server, tmp_path):
    """'Afdrukken' prints what was filled in; 'Leeg afdrukken' prints none of it (not even hidden in the PDF)
    and puts everything back afterwards."""
    page.goto(f"{server}/{SHEET}")
    typed = fill_in(page)
    page.evaluate("() => { window.print = () => { window.geprint = (window.geprint || 0) + 1; }; }")
    sheet(page).get_by_role("button", name="Afdrukken", exact=True).click()
    _, filled = pdf_text(page, tmp_path, "ingevuld.pdf")
    assert typed["naam"] in filled and typed["tekst"] in filled and "✓" in filled
    sheet(page).get_by_role("button", name="Leeg afdrukken").click()
    assert page.evaluate("window.geprint") == 2
    _, blank = pdf_text(page, tmp_path, "leeg.pdf")
    assert "Juf" not in blank and "Noor" not in blank and "✓" not in blank
    assert sheet(page).locator(".werkblad-titel").inner_text() in blank
    assert values(page) == (typed["naam"], typed["tekst"], True)
    page.reload()
    assert values(page) == (typed["naam"], typed["tekst"], True)


def test_dark_mode_still_prints_black_on_white(browser, server, tmp_path):
    """A reader in dark mode gets a white sheet with dark ink, margins included (no page of black toner)."""
    context = browser.new_context(color_scheme="dark")
    try:
        dark = context.new_page()
        dark.goto(f"{server}/{SHEET}")
        assert dark.evaluate("document.body.dataset.mdColorScheme") == "slate"
        dark.emulate_media(media="print", color_scheme="dark")
        dark.pdf(path=str(tmp_path / "donker.pdf"), format="A4", print_background=True)
    finally:
        context.close()
    subprocess.run(["pdftoppm", "-r", "20", "-singlefile", str(tmp_path / "donker.pdf"), str(tmp_path / "donker")],
                   check=True)
    header, pixels = ppm(tmp_path / "donker.ppm")
    width, height = header
    corner, middle = pixels[0:3], pixels[(height // 2 * width + 2) * 3:(height // 2 * width + 2) * 3 + 3]
    assert min(corner) > 240 and min(middle) > 240, (corner, middle)
    assert sum(pixels) / len(pixels) > 200  # mostly white paper


def ppm(path) -> tuple[tuple[int, int], bytes]:
    """((width, height), RGB bytes) of a binary PPM image as written by pdftoppm."""
    data = path.read_bytes()
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P6"
    return (int(parts[1]), int(parts[2])), parts[4]


def test_worksheet_from_file_url_keeps_values_and_stays_offline(page, site):
    """Opened from file://, a worksheet still saves and restores, and requests nothing outside the site."""
    errors = js_errors(page)
    base = site.as_uri()
    page.goto(f"{base}/{SHEET}")
    typed = fill_in(page)
    page.reload()
    assert values(page) == (typed["naam"], typed["tekst"], True)
    assert sheet(page).locator(".werkblad-adres").inner_text() == f"{base}/{SHEET}"
    assert errors == []
    assert outside_requests(page.requests_seen, base) == []


# --- the fixture sheet: every part, and <script> in the editor's text -------------------------------

QUESTION = "Wat zag je gebeuren, wat deed jij op dat moment en hoe reageerde de leerling daar weer op?"
EDGE_SHEETS = {  # part YAML with {n}: the largest n the hook accepts must still print on one page
    "tabel": "  - tabel:\n      kolommen: [Naam leerling, Broers en zussen, Hobby's thuis, Waar blij van, "
             "Waar bang voor, Lievelingsvak, Beste vriend, Jarig in]\n      rijen: {n}\n",
    "vak": f"  - tekst: {QUESTION}\n  - veld:\n      label: {QUESTION}\n      vak: {{n}}\n"
           "  - veld:\n      label: Afspraak\n      regels: 3\n",
    "vragen": "  - vragen:\n      titel: Terugblik\n      items: [" + ", ".join(f'"{i}. {QUESTION}"' for i in range(6))
              + "]\n      regels: {n}\n",
    "checklist": "  - checklist:\n      titel: Voorbereiding\n      items:\n"
                 + "".join(f"        - {i}. {QUESTION} {QUESTION}\n" for i in range(3)) + "{checks}"
                 + "  - veld:\n      label: Notities\n      regels: 4\n",
    "dagen": "  - dagen:\n      aantal: {n}\n      kolommen: [Waarover?, Hoe ging het?, Wat viel op?, Vervolg]\n"
             f"  - vragen:\n      items: [\"{QUESTION}\"]\n      regels: 2\n",
    "turven": "  - turven:\n      dagen: {n}\n  - veld:\n      label: Aantekeningen\n      vak: 12\n"
              f"  - schaal:\n      vraag: {QUESTION} {QUESTION}\n",
}


def edge_sheet(name: str) -> str:
    """The fullest version of an EDGE_SHEETS template that the hook still accepts."""
    import gereedschap
    import werkbladen

    head = f"titel: Randgeval {name}\naanbeveling: \"2.1\"\nintro: {QUESTION}\nonderdelen:\n"
    best = None
    for n in range(1, 41):
        checks = "".join(f"        - {i + 3}. {QUESTION}\n" for i in range(n))
        block = head + EDGE_SHEETS[name].replace("{n}", str(n)).replace("{checks}", checks)
        try:
            werkbladen.check(block)
        except gereedschap.BlockError:
            continue
        best = block
    assert best, name
    return best


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """tests/unit/golden/werkblad-alle-onderdelen.md and the EDGE_SHEETS, built with our theme setup
    (file:// URL of the fixture page)."""
    pages = {"index.md": (ROOT / "tests" / "unit" / "golden" / "werkblad-alle-onderdelen.md").read_text(encoding="utf-8")}
    pages.update({f"rand-{name}.md": f"# {name}\n\n```werkblad\n{edge_sheet(name)}```\n" for name in EDGE_SHEETS})
    site = build_proefsite(tmp_path_factory.mktemp("proefsite"), pages)
    return (site / "index.html").as_uri()


@pytest.mark.parametrize("name", EDGE_SHEETS)
def test_the_fullest_sheet_the_hook_accepts_still_prints_on_one_page(page, fixture_site, pdf_pages, name):
    """The hook's page-fit estimate errs on the safe side: the fullest accepted sheet of each kind fits on A4."""
    page.goto(fixture_site.replace("index.html", f"rand-{name}.html"))
    assert page.locator("form.werkblad").count() == 1
    assert pdf_pages(page) == 1


def test_script_in_an_item_shows_as_text(page, fixture_site):
    """'<script>' in the title and '<b>' in an item appear as literal text; no script runs."""
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(fixture_site)
    assert sheet(page).locator(".werkblad-titel").inner_text() == 'Proefwerkblad met <script>alert("x")</script>'
    assert page.get_by_text("<b>vet</b> blijft tekst").count() == 1
    assert page.locator("form.werkblad b").count() == 0
    assert dialogs == []


def test_tally_counts_and_checks_three_to_one(page, fixture_site):
    """+1 buttons count per day; the ratio and the 3:1 check follow, and survive a reload."""
    page.goto(fixture_site)
    for _ in range(3):
        page.get_by_role("button", name="+1: één positieve interactie erbij op dag 1").click()
    page.get_by_role("button", name="+1: één negatieve interactie erbij op dag 1").click()
    table = page.locator("[data-werkblad-turven]")
    assert page.get_by_label("Dag 1, aantal positieve interacties").input_value() == "3"
    assert table.locator("[data-turf-verhouding]").first.inner_text() == "3 : 1"
    assert table.locator("[data-turf-verhouding-totaal]").inner_text() == "3 : 1 · ✓ 3:1 gehaald"
    page.get_by_label("Dag 2, aantal negatieve interacties").fill("1")
    assert table.locator("[data-turf-verhouding-totaal]").inner_text() == "1,5 : 1 · nog geen 3:1"
    page.reload()
    assert table.locator("[data-turf-totaal='plus']").inner_text() == "3"
    assert table.locator("[data-turf-totaal='min']").inner_text() == "2"


def test_scale_and_every_control_can_be_reached_by_its_label(page, fixture_site):
    """Controls are found by their accessible names (labels or aria-label), as a screen reader would."""
    page.goto(fixture_site)
    page.get_by_label("Leerling rij 3, Hobby's").fill("voetbal")
    page.get_by_label("Dag 2, gedaan").check()
    sheet(page).locator(".werkblad-schaal").get_by_label("7", exact=True).check()
    page.get_by_label("Rooster bekeken").check()
    page.reload()
    assert page.get_by_label("Leerling rij 3, Hobby's").input_value() == "voetbal"
    assert page.get_by_label("Dag 2, gedaan").is_checked()
    assert sheet(page).locator(".werkblad-schaal").get_by_label("7", exact=True).is_checked()
    assert page.get_by_label("Rooster bekeken").is_checked()


# --- text boxes that grow, and the why of a scale -----------------------------------------------------

def box_size(page, locator) -> dict:
    """A text box's height and whether its content fits without an inner scrollbar."""
    return locator.evaluate("e => ({height: e.offsetHeight, fits: e.scrollHeight <= e.clientHeight + 1, "
                            "overflow: getComputedStyle(e).overflowY})")


def test_a_text_box_grows_with_the_answer_on_input_and_on_load(page, server):
    """Twelve lines in a three-line box: the box grows to show them all (no inner scrollbar), also after a
    reload; emptied, it goes back to its own height."""
    page.goto(f"{server}/{SHEET}")
    box = sheet(page).locator("textarea.werkblad-regels").first
    before = box_size(page, box)
    box.fill("\n".join(f"Regel {n}" for n in range(1, 13)))
    grown = box_size(page, box)
    assert grown["height"] > 2 * before["height"] and grown["fits"], (before, grown)
    page.reload()
    assert box_size(page, box) == grown
    box.fill("")
    assert box_size(page, box)["height"] == before["height"]


def test_twin_without_growing_a_long_answer_does_not_fit_its_box(page, server):
    """The same answer in a box whose growing is undone: it needs an inner scrollbar (the check can fail)."""
    page.goto(f"{server}/{SHEET}")
    box = sheet(page).locator("textarea.werkblad-regels").first
    box.fill("\n".join(f"Regel {n}" for n in range(1, 13)))
    box.evaluate("e => { e.style.height = ''; }")
    assert not box_size(page, box)["fits"]


SCALE_SHEET = "aan-de-slag/herstelgesprek-voorbereiden.html"


def test_the_why_of_a_scale_is_kept_beside_its_number_after_reload(page, site):
    """From file://: a number and its why come back after a reload; the number keeps its old key and the why
    has its own, derived from it, with the scale's question as its question."""
    page.goto(f"{site.as_uri()}/{SCALE_SHEET}")
    scale = sheet(page).locator(".werkblad-schaal")
    scale.get_by_label("7", exact=True).check()
    why = scale.get_by_label("Waarom dit cijfer?")
    why.fill("Het ging beter sinds we samen de dag beginnen.")
    page.reload()
    assert scale.get_by_label("7", exact=True).is_checked()
    assert why.input_value() == "Het ging beter sinds we samen de dag beginnen."
    stored = page.evaluate("""() => JSON.parse(localStorage['leidraad:v3:werkblad:herstelgesprek-voorbereiden'])
        .velden""")
    number = [k for k in stored if k.startswith("schaal:") and not k.endswith(":waarom")]
    assert len(number) == 1 and stored[number[0]]["v"] == "7"
    assert stored[number[0] + ":waarom"]["v"] == "Het ging beter sinds we samen de dag beginnen."
    assert stored[number[0] + ":waarom"]["q"].startswith("Welk cijfer geef je de situatie")
