"""Worksheets in a real browser: kept, cleared, tallied, printed (the session's site).

Keeping answers (stable identity, files, tabs, failing storage, the old format, both languages) is in
test_bewaren.py; every sheet printed blank on one A4 page with its footer is in test_papier.py; the tally's
arithmetic and how high a box grows are in tests/js. Tests that open the same page walk one path and assert at
each step. Storage is tried over http and from file://, the protocols a sheet is opened with.
Uses the session's strict build (`site`, `server`) and Debian's chromium (`page`); under CI=true a
missing browser fails these tests instead of skipping them. A tiny extra build of
tests/unit/golden/werkblad-alle-onderdelen.md (every part, and `<script>` in its text) is opened from file://.
"""
from __future__ import annotations

import subprocess

import pytest

from conftest import ROOT, once_per_run, outside_requests
from papier import print_page
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
    """Print the page (print media, A4) and return its page count and text, whitespace folded. The text is read
    with pdftotext (tests/papier.py): pypdf took 18 of the print-all page's 20 seconds."""
    pages = print_page(page, tmp_path / name)
    page.emulate_media(media="screen")
    return len(pages), " ".join(" ".join(lines) for lines in pages)


def js_errors(page) -> list[str]:
    """Start recording uncaught script errors on the page."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def fill_in(page) -> dict[str, str]:
    """Type in the first text field and question box and tick the first box; return what was typed."""
    form = sheet(page)
    typed = {"naam": "Juf Sanne", "tekst": "Met Noor, omdat het contact stroef loopt"}
    form.locator("input[type=text]").first.fill(typed["naam"])
    form.locator("textarea.werkblad-regels").first.fill(typed["tekst"])   # a question's box (a table's cells are text boxes too)
    form.locator("input[type=checkbox]").first.check()
    return typed


def values(page) -> tuple[str, str, bool]:
    """What the first text field, textarea and tick box hold now."""
    form = sheet(page)
    return (form.locator("input[type=text]").first.input_value(), form.locator("textarea.werkblad-regels").first.input_value(),
            form.locator("input[type=checkbox]").first.is_checked())


def box_size(page, locator) -> dict:
    """A text box's height and whether its content fits without an inner scrollbar."""
    return locator.evaluate("e => ({height: e.offsetHeight, fits: e.scrollHeight <= e.clientHeight + 1, "
                            "overflow: getComputedStyle(e).overflowY})")


def test_a_teachers_path_on_a_sheet_over_http(page, server, tmp_path):
    """One sheet over http, as a teacher uses it, checked at every step:
    1. type and tick, reload: everything is back, the status says it is kept here;
    2. 'Afdrukken' prints what was filled in; 'Leeg afdrukken' prints none of it (not even hidden in the PDF), on
       one A4 page with the sheet's title, recommendation, site name and address, and no menus, search, prose or
       buttons; afterwards everything is back, also after a reload;
    3. twelve lines in a two-line box: the box grows to show them all (no inner scrollbar), also after a reload;
       emptied, it goes back to its own height;
    4. 'Wissen' asks first: cancel keeps everything, OK empties the sheet and its storage;
    and no script error, nothing requested outside the site."""
    errors = js_errors(page)
    page.goto(f"{server}/{SHEET}")
    typed = fill_in(page)
    assert "Opgeslagen in deze browser." in sheet(page).locator("[data-werkblad-status]").inner_text()
    page.reload()
    assert values(page) == (typed["naam"], typed["tekst"], True), "1. kept over a reload"

    title = sheet(page).locator(".werkblad-titel").inner_text()
    note = sheet(page).locator(".werkblad-aanbeveling").inner_text()
    prose = page.locator("article > p").first.inner_text()
    page.evaluate("() => { window.print = () => { window.geprint = (window.geprint || 0) + 1; }; }")
    sheet(page).get_by_role("button", name="Afdrukken", exact=True).click()
    _, filled = pdf_text(page, tmp_path, "ingevuld.pdf")
    assert typed["naam"] in filled and typed["tekst"] in filled and "✓" in filled, "2. printed as filled in"
    sheet(page).get_by_role("button", name="Leeg afdrukken").click()
    assert page.evaluate("window.geprint") == 2, "2. both buttons print"
    count, blank = pdf_text(page, tmp_path, "leeg.pdf")
    assert "Juf" not in blank and "Noor" not in blank and "✓" not in blank, "2. a blank print shows no answer"
    assert count == 1, "2. one A4 page"
    assert title in blank and note in blank, "2. title and recommendation on paper"
    assert "Leerkracht-leerlingrelaties in het primair onderwijs" in blank, "2. the site's name on paper"
    assert f"{server}/{SHEET}" in blank, "2. the address on paper"
    assert [word for word in NAV_WORDS if word in blank] == [], "2. no navigation on paper"
    assert " ".join(prose.split()[:6]) not in blank, "2. no prose on paper"
    assert "Afdrukken" not in blank and "Wissen" not in blank, "2. no buttons on paper"
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.werkblad-knoppen']
        .map(s => document.querySelector(s)).filter(Boolean).map(e => getComputedStyle(e).display)""")
    page.emulate_media(media="screen")
    assert hidden and set(hidden) == {"none"}, hidden
    assert values(page) == (typed["naam"], typed["tekst"], True), "2. the answers are back after a blank print"
    page.reload()
    assert values(page) == (typed["naam"], typed["tekst"], True), "2. and still stored"

    box = sheet(page).locator("textarea.werkblad-regels").first   # the box fill_in typed in
    before = box_size(page, box)
    box.fill("\n".join(f"Regel {n}" for n in range(1, 13)))
    grown = box_size(page, box)
    assert grown["height"] > 2 * before["height"] and grown["fits"], ("3. the box grows", before, grown)
    page.reload()
    assert box_size(page, box) == grown, "3. grown after a reload too"
    box.fill("")
    assert box_size(page, box)["height"] == before["height"], "3. emptied: its own height"
    box.fill(typed["tekst"])

    asked = []

    def answer(accept: bool):
        """Answer the next confirm dialog."""
        page.once("dialog", lambda dialog: (asked.append(dialog.message),
                                            dialog.accept() if accept else dialog.dismiss()))

    answer(False)
    sheet(page).get_by_role("button", name="Wissen").click()
    assert values(page) == (typed["naam"], typed["tekst"], True), "4. cancelled: nothing cleared"
    answer(True)
    sheet(page).get_by_role("button", name="Wissen").click()
    assert asked == ["3 antwoorden op dit werkblad wissen? Dit kun je niet ongedaan maken. Bewaar ze eerst als "
                     "bestand als je ze wilt houden."] * 2
    assert values(page) == ("", "", False), "4. cleared"
    assert sheet(page).locator("[data-werkblad-status]").inner_text() == "Gewist."
    page.reload()
    assert values(page) == ("", "", False), "4. cleared for good"
    kept = page.evaluate("""() => Object.keys(localStorage).filter(k => k.startsWith('leidraad:'))
        .flatMap(k => Object.values(JSON.parse(localStorage[k]).velden)).filter(e => e.v)""")
    assert kept == [], "4. nothing left in storage"
    assert errors == []
    assert outside_requests(page.requests_seen, server) == []


def test_twin_without_growing_a_long_answer_does_not_fit_its_box(page, server):
    """The same answer in a box whose growing is undone: it needs an inner scrollbar (the check can fail)."""
    page.goto(f"{server}/{SHEET}")
    box = sheet(page).locator("textarea.werkblad-regels").first
    box.fill("\n".join(f"Regel {n}" for n in range(1, 13)))
    box.evaluate("e => { e.style.height = ''; }")
    assert not box_size(page, box)["fits"]


def test_print_all_page_gives_each_worksheet_its_own_page(page, server, site, tmp_path):
    """alle-werkbladen prints one A4 page per worksheet, each starting on a new page, without navigation."""
    expected = len([p for p in worksheet_pages(site) if not p.startswith("en/")])
    page.goto(f"{server}/{ALL}")
    assert sheet(page).count() == 1 and page.locator("form.werkblad").count() == expected
    count, text = pdf_text(page, tmp_path)
    assert count == expected
    assert [word for word in NAV_WORDS if word in text] == []
    assert "Leeg afdrukken" not in text and "Op deze pagina staan alle werkbladen" not in text


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


SCALE_SHEET = "aan-de-slag/herstelgesprek-voorbereiden.html"


def test_worksheets_from_file_url_keep_values_and_stay_offline(page, site):
    """Opened from file://, a worksheet still saves and restores, shows its own address, and requests nothing
    outside the site. The why of a scale comes back beside its number after a reload; the number keeps its old
    key and the why has its own, derived from it, with the scale's question as its question."""
    errors = js_errors(page)
    base = site.as_uri()
    page.goto(f"{base}/{SHEET}")
    typed = fill_in(page)
    page.reload()
    assert values(page) == (typed["naam"], typed["tekst"], True), "kept over a reload from file://"
    assert sheet(page).locator(".werkblad-adres").inner_text() == f"{base}/{SHEET}"

    page.goto(f"{base}/{SCALE_SHEET}")
    scale = sheet(page).locator(".werkblad-schaal")
    scale.get_by_label("7", exact=True).check()
    why = scale.get_by_label("Waarom dit cijfer?")
    why.fill("Het ging beter sinds we samen de dag beginnen.")
    page.reload()
    assert scale.get_by_label("7", exact=True).is_checked(), "the scale's number"
    assert why.input_value() == "Het ging beter sinds we samen de dag beginnen.", "the why beside it"
    stored = page.evaluate("""() => JSON.parse(localStorage['leidraad:v3:werkblad:herstelgesprek-voorbereiden'])
        .velden""")
    number = [k for k in stored if k.startswith("schaal:") and not k.endswith(":waarom")]
    assert len(number) == 1 and stored[number[0]]["v"] == "7"
    assert stored[number[0] + ":waarom"]["v"] == "Het ging beter sinds we samen de dag beginnen."
    assert stored[number[0] + ":waarom"]["q"].startswith("Waarom dit cijfer? (Welk cijfer geef je de situatie")
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
def fixture_site(run_folder):
    """tests/unit/golden/werkblad-alle-onderdelen.md and the EDGE_SHEETS, built with our theme setup once per
    test run, by whichever worker asks first (file:// URL of the fixture page)."""
    pages = {"index.md": (ROOT / "tests" / "unit" / "golden" / "werkblad-alle-onderdelen.md").read_text(encoding="utf-8")}
    pages.update({f"rand-{name}.md": f"# {name}\n\n```werkblad\n{edge_sheet(name)}```\n" for name in EDGE_SHEETS})
    folder = run_folder / "proefsite-werkbladen"
    once_per_run(run_folder, "proefsite-werkbladen", lambda: build_proefsite(folder, pages))
    return (folder / "site" / "index.html").as_uri()


def test_the_fullest_sheet_the_hook_accepts_still_prints_on_one_page(page, fixture_site, pdf_pages):
    """The hook's page-fit estimate errs on the safe side: the fullest accepted sheet of each kind fits on A4.
    (One test walks all kinds: the same small site, one page each.)"""
    counts = {}
    for name in EDGE_SHEETS:
        page.goto(fixture_site.replace("index.html", f"rand-{name}.html"))
        assert page.locator("form.werkblad").count() == 1, name
        counts[name] = pdf_pages(page)
        page.emulate_media(media="screen")
    assert {name: n for name, n in counts.items() if n != 1} == {}


def test_the_fixture_sheet_escapes_tallies_and_names_every_control(page, fixture_site):
    """On the sheet with every part: '<script>' in the title and '<b>' in an item appear as literal text and no
    script runs; the tally's +1 buttons count per day, the ratio and the 3:1 check follow (the ratio's arithmetic is
    in tests/js/werkbladen-turven.test.js); controls are found by their accessible names (labels or aria-label), as
    a screen reader would; all of it survives a reload."""
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(fixture_site)
    assert sheet(page).locator(".werkblad-titel").inner_text() == 'Proefwerkblad met <script>alert("x")</script>'
    assert page.get_by_text("<b>vet</b> blijft tekst").count() == 1
    assert page.locator("form.werkblad b").count() == 0, "no markup from the editor's text"

    for _ in range(3):
        page.get_by_role("button", name="+1: één positieve interactie erbij op dag 1").click()
    page.get_by_role("button", name="+1: één negatieve interactie erbij op dag 1").click()
    table = page.locator("[data-werkblad-turven]")
    assert page.get_by_label("Dag 1, aantal positieve interacties").input_value() == "3"
    assert table.locator("[data-turf-verhouding]").first.inner_text() == "3 : 1"
    assert table.locator("[data-turf-verhouding-totaal]").inner_text() == "3 : 1 · ✓ 3:1 gehaald"
    page.get_by_label("Dag 2, aantal negatieve interacties").fill("1")
    assert table.locator("[data-turf-verhouding-totaal]").inner_text() == "1,5 : 1 · nog geen 3:1"

    page.get_by_label("Leerling rij 3, Hobby's").fill("voetbal")
    page.get_by_label("Dag 2, gedaan").check()
    sheet(page).locator(".werkblad-schaal").get_by_label("7", exact=True).check()
    page.get_by_label("Rooster bekeken").check()
    page.reload()
    assert table.locator("[data-turf-totaal='plus']").inner_text() == "3", "the tally after a reload"
    assert table.locator("[data-turf-totaal='min']").inner_text() == "2"
    assert page.get_by_label("Leerling rij 3, Hobby's").input_value() == "voetbal"
    assert page.get_by_label("Dag 2, gedaan").is_checked()
    assert sheet(page).locator(".werkblad-schaal").get_by_label("7", exact=True).is_checked()
    assert page.get_by_label("Rooster bekeken").is_checked()
    assert dialogs == [], "no script ran"
