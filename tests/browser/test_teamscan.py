"""The team scan and the team view in a real browser (README "Teamscan"), both languages, http and file://.

Two teachers fill in the scan in two fresh browsers and save it to a file; the team view reads both files
at once and counts them per row; wrong files are named with the reason and the rest is kept; a file read
twice counts once; the top three's links lead somewhere real; the scan prints on at most two A4 pages and
the team view on one; axe finds nothing on either with answers and data in them, light and dark. The logic
of reading and counting (merging languages, unknown fields, versions of one scan) is in tests/js.
"""
from __future__ import annotations

import datetime
import functools
import json
import pathlib
import re

import pytest

import sitehtml
from conftest import shared_result
from rondgang import light_and_dark

SCAN, VIEW = "teamscan.html", "teamoverzicht.html"
LEVELS = ("nooit", "soms", "vaak", "altijd")
# (name, {sub: level}, [subs to work on]) of the two teachers
SANNE = ("Sanne", {"1-1": "vaak", "1-3": "nooit", "2-1": "altijd", "5-3": "soms"}, ["1-3", "5-3"])
ANONIEM = ("", {"1-1": "soms", "1-3": "nooit", "6-3": "vaak"}, ["1-3", "6-3"])
WORDS = {
    "nl": {"gelezen": "2 bestanden gelezen. Van: Sanne en 1 zonder naam.", "bewaar": "Bewaar als bestand",
           "bestand": r"leidraad-teamscan-sanne-\d{4}-\d\d-\d\d\.json", "top": "2 van de 2 collega's willen hieraan werken.",
           "geen_json": "geen JSON", "ander": "komt niet van deze site", "geen_scan": "geen ingevulde teamscan",
           "dubbel": "dezelfde inhoud als", "kapot": "(„teamscan:nl:scan” klopt niet)"},
    "en": {"gelezen": "2 files read. From: Sanne and 1 without a name.", "bewaar": "Save to a file",
           "bestand": r"guideline-team-scan-sanne-\d{4}-\d\d-\d\d\.json", "top": "2 of the 2 colleagues want to work on this.",
           "geen_json": "not JSON", "ander": "does not come from this site", "geen_scan": "no team scan in it",
           "dubbel": "the same content as", "kapot": "(“teamscan:nl:scan” is wrong)"},
}


def address(base: str, lang: str, path: str) -> str:
    return f"{base}/{'en/' if lang == 'en' else ''}{path}"


def base_of(how: str, server: str, site) -> str:
    return site.as_uri() if how == "file" else server


def fill_scan(page, teacher) -> None:
    """Type the name, choose the levels and tick what to work on."""
    name, levels, work = teacher
    if name:
        page.locator("#teamscan-naam").fill(name)
    for sub, level in levels.items():
        page.locator(f'input[data-sleutel="vaak:{sub}"][value="{level}"]').check()
    for sub in work:
        page.locator(f'input[data-sleutel="werken:{sub}"]').check()


def save_scan(page, lang: str, tmp_path, prefix: str):
    """Click 'Bewaar als bestand' on the scan; return the saved path and the file's suggested name."""
    with page.expect_download() as download:
        page.locator("form.teamscan").get_by_role("button", name=WORDS[lang]["bewaar"]).click()
    name = download.value.suggested_filename
    path = tmp_path / f"{prefix}-{name}"
    download.value.save_as(path)
    return path, name


def scan_files(browser, base: str, lang: str, tmp_path) -> list:
    """Two teachers, each in a fresh browser of their own, fill in the scan and save it to a file."""
    paths = []
    for prefix, teacher in (("a", SANNE), ("b", ANONIEM)):
        context = browser.new_context(accept_downloads=True)
        try:
            page = context.new_page()
            page.goto(address(base, lang, SCAN))
            fill_scan(page, teacher)
            path, name = save_scan(page, lang, tmp_path, prefix)
            if teacher[0]:
                assert re.fullmatch(WORDS[lang]["bestand"], name), name
            paths.append(path)
        finally:
            context.close()
    return paths


def load_view(page, base: str, lang: str, paths) -> None:
    """Open the team view and choose all files at once; wait until it says how many it read."""
    page.goto(address(base, lang, VIEW))
    page.locator("[data-teamoverzicht-bestanden]").set_input_files([str(p) for p in paths])
    page.wait_for_function("() => /\\d/.test(document.querySelector('[data-teamoverzicht-status]').textContent)")


def counts(page, sub: str) -> dict[str, int]:
    """The numbers in one row of the table."""
    row = page.locator(f'tr[data-sub="{sub}"]')
    return {cell: int(row.locator(f'[data-n="{cell}"]').inner_text()) for cell in (*LEVELS, "werken")}


def top(page) -> list[str]:
    """The numbers of the sub-recommendations shown in the top list, in order."""
    return page.locator("[data-top-lijst] > li:not([hidden]) > a strong").evaluate_all(
        "items => items.map(s => s.textContent.split(' ')[0])")


@pytest.fixture(scope="session")
def files(browser, server, site, run_folder):
    """The two teachers' files, per (how, lang), made once per test run by whichever worker asks first
    (tests/conftest.py, shared_result; both workers read them: with one set per worker they were made twice)."""
    @functools.cache
    def get(how: str, lang: str):
        def make():
            folder = run_folder / f"scans-{how}-{lang}"
            folder.mkdir(exist_ok=True)
            return [str(path) for path in scan_files(browser, base_of(how, server, site), lang, folder)]
        return [pathlib.Path(path) for path in shared_result(run_folder, f"scans-{how}-{lang}", make)]
    return get


@pytest.mark.parametrize(("how", "lang"), [("http", "nl"), ("http", "en"), ("file", "nl")])
def test_two_scans_add_up_in_the_team_view(page, server, site, files, pdf_pages, how, lang):
    """Both files, chosen at once, are counted per row; the top three are the most wanted, then the least practised.
    Over http, with the view loaded: it prints on one A4 page (its twin: taller rows do not), and the bars' answers
    are told apart without colour (its twin: soms painted like vaak)."""
    base = base_of(how, server, site)
    paths = files(how, lang)
    data = json.loads(paths[0].read_text(encoding="utf-8"))
    velden = data["gegevens"]["teamscan:scan"]["velden"]
    assert list(data["gegevens"]) == ["teamscan:scan"]  # only the scan, no worksheets (one record for nl and en)
    assert velden["naam"]["v"] == "Sanne" and velden["vaak:1-1"]["v"] == "vaak" and velden["werken:1-3"]["v"] is True
    assert velden["vaak:1-1"]["q"].startswith("1.1 ")

    load_view(page, base, lang, paths)
    assert page.locator("[data-teamoverzicht-status]").inner_text() == WORDS[lang]["gelezen"]
    assert counts(page, "1-1") == {"nooit": 0, "soms": 1, "vaak": 1, "altijd": 0, "werken": 0}
    assert counts(page, "1-3") == {"nooit": 2, "soms": 0, "vaak": 0, "altijd": 0, "werken": 2}
    assert counts(page, "2-1") == {"nooit": 0, "soms": 0, "vaak": 0, "altijd": 1, "werken": 0}
    assert counts(page, "6-3") == {"nooit": 0, "soms": 0, "vaak": 1, "altijd": 0, "werken": 1}
    assert counts(page, "4-2") == {"nooit": 0, "soms": 0, "vaak": 0, "altijd": 0, "werken": 0}
    # 5.3 and 6.3 are wanted once each; 5.3 is practised less often ('soms' against 'vaak'), so it comes first
    assert top(page) == ["1.3", "5.3", "6.3"]
    assert page.locator('[data-top-lijst] > li[data-sub="1-3"] [data-top-aantal]').inner_text() == WORDS[lang]["top"]
    # one bar per row: the 1.3 row's 'never' part fills the bar, its want-to bar too
    bar = page.locator('tr[data-sub="1-3"] svg rect.teamoverzicht-nooit')
    assert bar.get_attribute("width") == "100"
    assert page.locator('tr[data-sub="1-3"] svg rect.teamoverzicht-werken').get_attribute("width") == "100"
    assert page.locator("tr[data-sub] svg").count() == 25
    assert page.locator("[data-teamoverzicht-geweigerd]").is_hidden()
    if how == "file":
        return
    if lang == "nl":
        # reading the last rows, the column heads stay in view under the header (a school leader's walk: in a
        # meeting nobody knew which column was "nooit"); the twin: without the sticky heads they scroll away
        assert heads_in_view(page) is True
        page.add_style_tag(content=".md-typeset .teamoverzicht-tabel thead th { position: static !important; }")
        assert heads_in_view(page) is False
        page.evaluate("() => window.scrollTo(0, 0)")
    # on paper (over http, the view already loaded): counts, bars and top three on exactly one A4 page
    assert pdf_pages(page) == 1
    if lang == "nl":
        # the bars' answers differ in pattern or lightness (not colour alone); the twin paints soms like vaak
        levels = page.evaluate(BARS_JS)
        assert [level["pattern"] for level in levels][:2] == ["rect", "circle"]
        assert bar_problems(levels) == []
        page.add_style_tag(content=".md-typeset .teamoverzicht-soms { fill: #4a5ab0 !important; }")
        assert bar_problems(page.evaluate(BARS_JS)) == ["soms ~ vaak"]
        # the page count bites: the same view with taller rows no longer fits one page
        page.add_style_tag(content="@media print { .md-typeset .teamoverzicht-tabel td { padding: 4mm !important; } }")
        assert pdf_pages(page) > 1


HEADS_JS = """() => {
  // Row 6.3 of the team view brought into view: is the column head 'Nooit' wholly visible, below the header?
  document.querySelector('tr[data-sub="6-3"]').scrollIntoView({block: 'center'});
  const head = document.querySelector('.teamoverzicht-tabel thead th:nth-child(2)').getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect();
  return head.top >= header.bottom - 1 && head.bottom <= innerHeight && window.scrollY > 0;
}"""


def heads_in_view(page) -> bool:
    return page.evaluate(HEADS_JS)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_wrong_files_are_named_and_the_rest_is_counted(page, server, site, files, tmp_path, lang):
    """Not JSON, another site's file, a file with no team scan, a scan whose answers are null, and the same
    scan saved again later (another 'gemaakt'): each is named with why it was left out, on one screen with the
    counts of the two good files (issue 21: one bad file used to blank the view, a resave to count twice)."""
    paths = files("http", lang)   # the files a browser saved; the view reads them from disk below
    resaved = json.loads(paths[0].read_text(encoding="utf-8"))
    # saved again a day later: the same round (a copy in a later round would count there, issue 23.2)
    made = datetime.datetime.fromisoformat(resaved["gemaakt"].replace("Z", "+00:00"))
    resaved["gemaakt"] = (made + datetime.timedelta(days=1)).isoformat().replace("+00:00", "Z")
    wrong = {"kapot.json": "dit is geen json {",
             "andere-site.json": json.dumps({"formaat": "iets-anders", "versie": 1, "gegevens": {}}),
             "werkblad.json": json.dumps({"formaat": "leidraad-leerkracht-leerlingrelaties", "versie": 2,
                                          "gemaakt": "2026-12-01T10:00:00Z", "gegevens": {
                                              "werkblad:nl:2x10-oefening": {"velden": {"naam": {"v": "Koen", "t": 1, "q": "Naam"}}}}}),
             "null.json": json.dumps({"formaat": "leidraad-leerkracht-leerlingrelaties", "versie": 2,
                                      "gegevens": {"teamscan:nl:scan": {"velden": None}}}),
             "later.json": json.dumps(resaved, indent=2)}
    extra = []
    for name, text in wrong.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        extra.append(tmp_path / name)
    copy = tmp_path / "kopie.json"
    copy.write_bytes(paths[0].read_bytes())
    load_view(page, site.as_uri(), lang, [paths[0], *extra, paths[1], copy])
    assert page.locator("[data-teamoverzicht-status]").inner_text() == WORDS[lang]["gelezen"]
    refused = dict(item.split(": ", 1) for item in page.locator("[data-teamoverzicht-geweigerd] li").all_inner_texts())
    assert set(refused) == {"kapot.json", "andere-site.json", "werkblad.json", "kopie.json", "null.json", "later.json"}
    assert WORDS[lang]["kapot"] in refused["null.json"]
    assert WORDS[lang]["dubbel"] in refused["later.json"] and paths[0].name in refused["later.json"]
    assert WORDS[lang]["geen_json"] in refused["kapot.json"]
    assert WORDS[lang]["ander"] in refused["andere-site.json"]
    assert WORDS[lang]["geen_scan"] in refused["werkblad.json"]
    assert WORDS[lang]["dubbel"] in refused["kopie.json"] and paths[0].name in refused["kopie.json"]
    assert counts(page, "1-3")["nooit"] == 2
    # choosing again adds to what is there: the copy once more is named as a copy, nothing is counted twice
    page.locator("[data-teamoverzicht-bestanden]").set_input_files([str(copy)])
    page.wait_for_function("() => document.querySelectorAll('[data-teamoverzicht-geweigerd] li').length === 7")
    assert counts(page, "1-3")["nooit"] == 2
    # each file can be removed: every refused one (the list goes), then the anonymous colleague's scan
    for _ in range(7):
        page.locator("[data-teamoverzicht-geweigerd] li button").first.click()
    assert page.locator("[data-teamoverzicht-geweigerd]").is_hidden()
    assert page.locator("[data-teamoverzicht-status]").inner_text() == WORDS[lang]["gelezen"]
    page.locator("[data-teamoverzicht-lijst] li").filter(has_text=paths[1].name).get_by_role("button").click()
    assert page.locator("[data-teamoverzicht-status]").inner_text().startswith("1 ")
    assert counts(page, "1-3")["nooit"] == 1


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_top_three_links_lead_to_real_pages_and_sections(page, server, site, files, lang):
    """Every link of the top three (sub-recommendation, worksheets, discussion questions) points to a page of the
    site in the same language, with the section it points to. The browser makes the links; the built pages they
    point to are read from disk (opening each in the browser, as this did until December 2026, checked the same
    file and id at the cost of ten page loads). Its twin: a link one letter off is caught."""
    load_view(page, server, lang, files("http", lang))
    hrefs = page.locator("[data-top-lijst] > li:not([hidden]) a").evaluate_all("links => links.map(a => a.href)")
    assert len(hrefs) >= 3 * 3
    assert any("#bespreek" in href for href in hrefs) and any("/aan-de-slag/" in href for href in hrefs)
    assert [problem for href in hrefs for problem in link_problems(site, server, href, lang)] == []
    assert link_problems(site, server, hrefs[0].replace(".html", "x.html"), lang)   # the twin
    assert link_problems(site, server, hrefs[0].split("#")[0] + "#nergens", lang)


def link_problems(site, server: str, href: str, lang: str) -> list[str]:
    """Why href (an address on the test server) does not open a page of the site in lang at its section."""
    path, anchor = sitehtml.resolve(site, "index.html", href.removeprefix(server + "/"))
    if not (site / path).is_file():
        return [f"{href}: no such page"]
    built = sitehtml.Page(site / path)
    return ([f"{href}: page in {built.lang!r}, not {lang!r}"] if built.lang != lang else []) + (
        [f"{href}: no section {anchor!r}"] if anchor and anchor not in built.ids else [])


@pytest.mark.parametrize("how", ["http", "file"])
def test_the_scan_keeps_answers_and_clears_them_when_asked(page, server, site, how):
    """Answers stay after a reload (record teamscan:scan) and go into the 'save everything' file of the
    worksheets; 'Wissen' asks first, then clears them."""
    base = base_of(how, server, site)
    page.goto(address(base, "nl", SCAN))
    fill_scan(page, SANNE)
    assert "Opgeslagen" in page.locator("[data-teamscan-status]").inner_text()
    page.reload()
    assert page.locator("#teamscan-naam").input_value() == "Sanne"
    assert page.locator('input[data-sleutel="vaak:2-1"][value="altijd"]').is_checked()
    assert page.locator('input[data-sleutel="werken:5-3"]').is_checked()
    stored = json.loads(page.evaluate("() => localStorage.getItem('leidraad:v3:teamscan:scan')"))
    assert stored["velden"]["vaak:2-1"]["v"] == "altijd"

    page.goto(address(base, "nl", "aan-de-slag/alle-werkbladen.html"))
    with page.expect_download() as download:
        page.get_by_role("button", name="Bewaar alles als bestand").first.click()
    everything = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert "teamscan:scan" in everything["gegevens"]

    page.goto(address(base, "nl", SCAN))
    asked = []
    page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    page.locator("form.teamscan").get_by_role("button", name="Wissen").click()
    assert asked and asked[0].startswith("7 antwoorden van je teamscan wissen?")
    assert page.locator("#teamscan-naam").input_value() == "Sanne"
    page.once("dialog", lambda d: d.accept())
    page.locator("form.teamscan").get_by_role("button", name="Wissen").click()
    assert page.locator("[data-teamscan-status]").inner_text() == "Gewist."
    page.reload()
    assert page.locator("#teamscan-naam").input_value() == ""
    assert page.locator("form.teamscan input:checked").count() == 0


# --- rounds: three teachers, two dates (issue 23) -------------------------------------------------

SEPT = datetime.datetime(2026, 9, 1, 10, 0, tzinfo=datetime.timezone.utc)
MARCH = datetime.datetime(2027, 3, 2, 9, 0, tzinfo=datetime.timezone.utc)
# (name, levels in September, levels changed in March, subs to work on): each teacher fills in the scan in
# September and changes some answers in the same browser in March; the ticks stay.
TEAM = [("Anna", {"1-1": "soms", "1-2": "nooit", "1-3": "nooit"}, {"1-2": "vaak", "1-3": "soms"}, ["1-2", "1-3"]),
        ("Bram", {"1-1": "vaak", "1-2": "nooit", "1-3": "soms"}, {"1-2": "soms", "1-3": "vaak"}, ["1-2"]),
        ("Cas", {"1-1": "altijd", "1-2": "soms", "1-3": "vaak"}, {"1-2": "altijd"}, ["1-3", "2-1"])]


def round_counts(sub: str, later: bool) -> dict[str, int]:
    """What the team answered for a sub-recommendation in the first or the second round."""
    found = dict.fromkeys((*LEVELS, "werken"), 0)
    for _, first, second, work in TEAM:
        level = {**first, **second}.get(sub) if later else first.get(sub)
        if level:
            found[level] += 1
        found["werken"] += sub in work
    return found


@pytest.fixture(scope="session")
def team_files(browser, server, run_folder):
    """The six files of the three teachers (September, March), saved once per test run over http (shared_result,
    as `files`); the browser's clock is set to the day each is saved, so 'gemaakt' and the answers' times are
    those days. team_files(how) gives the same six files for either protocol: a file is read from disk the same
    way wherever the view runs, and saving from file:// is covered by the two-scan test's files."""
    def make() -> dict:
        folder, paths = run_folder / "rondes", {"sep": [], "mrt": []}
        folder.mkdir(exist_ok=True)
        for index, (name, first, second, work) in enumerate(TEAM):
            context = browser.new_context(accept_downloads=True)
            try:
                page = context.new_page()
                page.clock.set_fixed_time(SEPT + datetime.timedelta(hours=index))
                page.goto(address(server, "nl", SCAN))
                fill_scan(page, (name, first, work))
                paths["sep"].append(save_scan(page, "nl", folder, f"sep-{name}")[0])
                page.clock.set_fixed_time(MARCH + datetime.timedelta(hours=index))
                page.reload()
                fill_scan(page, ("", second, []))
                paths["mrt"].append(save_scan(page, "nl", folder, f"mrt-{name}")[0])
            finally:
                context.close()
        return {round_: [str(path) for path in saved] for round_, saved in paths.items()}

    @functools.cache
    def made() -> dict:
        return {round_: [pathlib.Path(path) for path in saved]
                for round_, saved in shared_result(run_folder, "rondes", make).items()}

    return lambda how: made()


def add_files(page, paths, listed: int) -> None:
    """Choose files (added to those there) and wait until the view lists this many files in all."""
    page.locator("[data-teamoverzicht-bestanden]").set_input_files([str(p) for p in paths])
    page.wait_for_function("n => document.querySelectorAll('[data-teamoverzicht-lijst] li, [data-teamoverzicht-geweigerd] li')"
                           ".length === n", arg=listed)


def compared(page, sub: str) -> dict[str, str]:
    """The cells of one row of the comparison: 'before → after (change)'."""
    row = page.locator(f'tr[data-vergelijk="{sub}"]')
    return {cell: row.locator(f'[data-v="{cell}"]').inner_text() for cell in (*LEVELS, "werken")}


PROJECTED_JS = """() => {
  // What a meeting sees of the team view in projection mode: the parts shown and the heading of the step.
  const shown = sel => [...document.querySelectorAll(sel)].some(e => e.getClientRects().length > 0);
  const h2 = [...document.querySelectorAll('article h2')].find(h => h.getClientRects().length > 0);
  return {picker: shown('[data-teamoverzicht-kies]'), files: shown('[data-teamoverzicht-lijst] li'),
          names: shown('[data-teamoverzicht-status]'), howto: shown('.teamoverzicht-projectie'),
          result: shown('[data-teamoverzicht-rondes]'), heading: h2 ? h2.id : null,
          counter: document.querySelector('.projectie-teller').textContent};
}"""


def share(n: int, total: int) -> str:
    """A count as the view shows it in the comparison: '2 van 3 (67%)'."""
    return f"{n} van {total} ({round(100 * n / total) if total else 0}%)"


@pytest.mark.parametrize("how", ["file"])   # files are read the same over http (the two-scan test reads them both ways)
def test_three_teachers_on_two_dates_are_added_one_by_one_grouped_in_two_rounds_and_compared(
        page, server, site, team_files, pdf_pages, how):
    """Six files chosen one at a time fall into two rounds by date (the same teacher counts once in each), each
    named by its dates; the table holds the latest round with what stands out (two of three colleagues, not one),
    the comparison both rounds as shares of each round's colleagues; a copy is named and not counted; a file can
    be removed, and then the rounds differ in size, which the view says; the printout carries the rounds' dates.
    Projected, the view shows how to read it before files are chosen and starts at the result after; never the
    picker or the names (its twin puts the picker back and the check sees it)."""
    paths = team_files(how)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(address(base_of(how, server, site), "nl", VIEW) + "?projectie=1")
    page.wait_for_function("() => !!window.projectieDia && document.querySelector('.projectie-teller').textContent !== ''")
    for _ in range(8):   # from the introduction to the view's own section
        page.keyboard.press("ArrowRight")
        before = page.evaluate(PROJECTED_JS)
        if before["heading"] == "overzicht":
            break
    assert (before["heading"], before["howto"], before["picker"], before["names"]) == ("overzicht", True, False, False)
    page.keyboard.press("Escape")
    for listed, path in enumerate([*paths["sep"], *paths["mrt"]], 1):
        add_files(page, [path], listed)
    data = json.loads(paths["sep"][0].read_text(encoding="utf-8"))
    assert data["gemaakt"].startswith("2026-09-01T10:00")
    assert page.locator("[data-teamoverzicht-status]").inner_text() == "6 bestanden gelezen. Van: Anna, Bram en Cas."
    assert page.locator("[data-teamoverzicht-rondes]").inner_text() == (
        "Ronde van 1 sep 2026: 3 collega's. Ronde van 2 mrt 2027: 3 collega's.")
    files = page.locator("[data-teamoverzicht-lijst] li").all_inner_texts()
    assert len(files) == 6
    assert any(re.fullmatch(r"sep-Anna-\S+\.json van Anna, gemaakt op 1 september 2026 \(ronde van 1 sep 2026\) Weghalen", f) for f in files), files
    assert any(re.fullmatch(r"mrt-Cas-\S+\.json van Cas, gemaakt op 2 maart 2027 \(ronde van 2 mrt 2027\) Weghalen", f) for f in files), files
    for sub in ("1-1", "1-2", "1-3", "2-1", "4-2"):
        assert counts(page, sub) == round_counts(sub, later=True), sub
    assert page.locator("[data-vergelijking-kop]").inner_text() == (
        "Ronde van 1 sep 2026 (3 collega's) en ronde van 2 mrt 2027 (3 collega's) vergeleken")
    assert page.locator("[data-vergelijking-let-op]").is_hidden()   # the same size: nothing to warn about
    assert compared(page, "1-2") == {k: f"{share(round_counts('1-2', False)[k], 3)} → {share(round_counts('1-2', True)[k], 3)}"
                                     for k in (*LEVELS, "werken")}
    assert compared(page, "1-2")["nooit"] == "2 van 3 (67%) → 0 van 3 (0%)"
    assert compared(page, "1-3")["vaak"] == "1 van 3 (33%) → 2 van 3 (67%)"
    # what stands out in the latest round of three: at least two colleagues (one of three is a third, not a pattern)
    def stands_out(sub):
        return page.locator(f'tr[data-sub="{sub}"] .teamoverzicht-signaal').all_inner_texts()
    assert stands_out("1-2") == ["veel willen eraan werken"] and stands_out("1-3") == ["veel willen eraan werken"]
    assert stands_out("2-1") == [] and stands_out("1-1") == [] and stands_out("4-2") == []   # one 'soms', one tick
    assert page.locator("[data-teamoverzicht-regel]").inner_text() == (
        "Een rij valt op als minstens 2 van de 3 collega's nooit of soms kozen, of eraan willen werken.")

    # the same file again: named as a copy, the counts stay
    add_files(page, [paths["mrt"][2]], 7)
    assert "is al gekozen; het telt één keer mee" in page.locator("[data-teamoverzicht-geweigerd] li").inner_text()
    assert counts(page, "1-2") == round_counts("1-2", later=True)
    # projected with files chosen: it starts at the result, without the picker, the file list or the names, also
    # when the address names another section (Material rewrites it while the reader scrolls: a school leader who
    # scrolled to the end and pressed b saw the page's last screen)
    page.evaluate("() => history.replaceState(null, '', '#' + [...document.querySelectorAll('article h2[id]')].pop().id)")
    page.evaluate("document.activeElement.blur()")   # the mode's key works outside a field
    page.keyboard.press("b")
    page.wait_for_function("() => document.documentElement.classList.contains('projectie')"
                           " && !!window.projectieDia && document.querySelector('.projectie-teller').textContent !== ''")
    shown = page.evaluate(PROJECTED_JS)
    assert shown["heading"] == "overzicht" and not shown["counter"].startswith("1 /"), shown
    assert (shown["result"], shown["picker"], shown["files"], shown["names"], shown["howto"]) == (True, False, False, False, False)
    assert heads_in_view(page) is True   # projected, without Material's header, the column heads stay at the top
    page.add_style_tag(content="html.projectie .md-typeset .teamoverzicht .teamoverzicht-kies { display: block !important; }")
    assert page.evaluate(PROJECTED_JS)["picker"] is True   # the twin: the check sees a picker that is shown
    page.keyboard.press("Escape")
    # the twin of the start: without the result's data-projectie-begin, the rewritten address decides (not overzicht).
    # Address and key in one task: Escape scrolled the page, and Material rewrites the address 250 ms after a scroll
    # (navigation.tracking); a key pressed later under load found Material's address, not this one.
    page.evaluate("""() => {
      document.querySelector('[data-projectie-begin]').removeAttribute('data-projectie-begin');
      history.replaceState(null, '', '#' + [...document.querySelectorAll('article h2[id]')].pop().id);
      document.dispatchEvent(new KeyboardEvent('keydown', {key: 'b', bubbles: true, cancelable: true}));
    }""")
    page.wait_for_function("() => document.documentElement.classList.contains('projectie')")
    assert page.evaluate(PROJECTED_JS)["heading"] != "overzicht"
    page.keyboard.press("Escape")
    # on paper: the rounds and their dates, not the file list or the buttons; at most two A4 pages
    page.emulate_media(media="print")
    assert page.locator("[data-teamoverzicht-rondes]").is_visible()
    assert page.locator("[data-teamoverzicht-lijst]").is_hidden() and page.locator("[data-teamoverzicht-csv]").is_hidden()
    assert pdf_pages(page) <= 2
    page.emulate_media(media="screen")
    # removing Cas's March file: its copy counts in its place; with the copy removed too, two colleagues are left
    page.locator("[data-teamoverzicht-lijst] li").filter(has_text="mrt-Cas").get_by_role("button").click()
    assert page.locator("[data-teamoverzicht-geweigerd]").is_hidden()
    assert page.locator("[data-teamoverzicht-rondes]").inner_text().endswith("Ronde van 2 mrt 2027: 3 collega's.")
    page.locator("[data-teamoverzicht-lijst] li").filter(has_text="mrt-Cas").get_by_role("button").click()
    assert page.locator("[data-teamoverzicht-rondes]").inner_text().endswith("Ronde van 2 mrt 2027: 2 collega's.")
    assert counts(page, "1-2")["altijd"] == 0
    # 3 colleagues, then 2: the head and a note say so, and the cells compare shares, not counts
    assert page.locator("[data-vergelijking-kop]").inner_text() == (
        "Ronde van 1 sep 2026 (3 collega's) en ronde van 2 mrt 2027 (2 collega's) vergeleken")
    assert "niet evenveel collega's" in page.locator("[data-vergelijking-let-op]").inner_text()
    assert compared(page, "1-2")["nooit"] == "2 van 3 (67%) → 0 van 2 (0%)"
    assert compared(page, "1-2")["werken"] == "2 van 3 (67%) → 2 van 2 (100%)"
    assert page.locator("[data-teamoverzicht-bestanden]").evaluate("input => input === document.activeElement")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_csv_has_one_row_per_sub_recommendation_with_the_counts_of_each_round(page, server, team_files, lang):
    """'Bewaar als CSV': UTF-8 with a byte-order mark, ';' between cells, a header and 25 rows: number, title,
    and per round (named by its dates) its colleagues, then per answer and for who want to work on it the count
    and its percent; made in the browser (a blob: download)."""
    paths = team_files("http")
    page.goto(address(server, lang, VIEW))
    add_files(page, [*paths["sep"], *paths["mrt"]], 6)
    with page.expect_download() as download:
        page.locator("[data-teamoverzicht-csv]").click()
    assert download.value.url.startswith("blob:")
    assert re.fullmatch(r"(leidraad-teamoverzicht|guideline-team-view)-\d{4}-\d\d-\d\d\.csv", download.value.suggested_filename)
    raw = open(download.value.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").split("\r\n")
    assert lines.pop() == ""
    rows = [line.split(";") for line in lines]
    head = {"nl": ["Nummer", "Deelaanbeveling", "Ronde van 1 sep 2026: collega's", "Ronde van 1 sep 2026: Nooit",
                   "Ronde van 1 sep 2026: Nooit (%)"],
            "en": ["Number", "Sub-recommendation", "Round of Sep 1, 2026: colleagues", "Round of Sep 1, 2026: Never",
                   "Round of Sep 1, 2026: Never (%)"]}[lang]
    assert rows[0][:5] == head and len(rows[0]) == 2 + 2 * (1 + 2 * 5)   # per round: colleagues, count and % per answer
    assert rows[0][-1] == {"nl": "Ronde van 2 mrt 2027: Wil eraan werken (%)", "en": "Round of Mar 2, 2027: Want to work on it (%)"}[lang]
    assert len(rows) == 1 + 25 and all(len(row) == len(rows[0]) for row in rows)
    assert [row[0] for row in rows[1:4]] == ["1.1", "1.2", "1.3"] and rows[-1][0] == "6.4"
    titles = page.locator("tr[data-sub] > th").evaluate_all("cells => cells.map(c => c.textContent.trim().replace(/^\\S+ /, ''))")
    assert [row[1] for row in rows[1:]] == titles
    for sub in ("1-2", "1-3", "2-1"):
        row = next(r for r in rows if r[0] == sub.replace("-", "."))
        expected = [n for later in (False, True) for n in
                    [3, *[m for k in (*LEVELS, "werken") for m in (round_counts(sub, later)[k], round(100 * round_counts(sub, later)[k] / 3))]]]
        assert [int(n) for n in row[2:]] == expected, sub


BARS_JS = """() => {
  const lum = (css) => {
    const [r, g, b] = css.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number).map(v => v / 255)
      .map(v => v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  return ['nooit', 'soms', 'vaak', 'altijd'].map(level => {
    const rect = document.querySelector(`.teamoverzicht-legenda rect.teamoverzicht-${level}`);
    const fill = getComputedStyle(rect).fill, id = (fill.match(/#([\\w-]+)/) || [])[1];
    const pattern = id && document.getElementById(id);
    const base = pattern ? getComputedStyle(pattern.querySelector('rect')).fill : fill;
    return { level, pattern: pattern ? [...pattern.children].slice(1).map(c => c.tagName).join() : '', lum: lum(base) };
  });
}"""


def bar_problems(levels: list[dict]) -> list[str]:
    """What makes two answers' bar parts hard to tell apart without colour: the same pattern and nearly the
    same lightness (relative luminance within 0.1)."""
    return [f"{a['level']} ~ {b['level']}" for i, a in enumerate(levels) for b in levels[i + 1:]
            if a["pattern"] == b["pattern"] and abs(a["lum"] - b["lum"]) < 0.1]


LONG_CELL = ("Elke ochtend begroeten we iedere leerling bij de deur met naam; wie iets opvalt, noteert dat "
             "in het logboek van de groep en bespreekt het vrijdag")


@pytest.mark.parametrize("how", ["http", "file"])
def test_our_plan_is_filled_from_the_view_kept_after_reload_and_printed_on_one_page(
        page, server, site, team_files, pdf_pages, how):
    """'Maak ons plan' writes the latest round's top three into the worksheet's record and opens it filled in;
    the plan keeps them after a reload, shows all of a long cell on screen (it wraps and grows), prints on one
    A4, and a plan the team changed is not overwritten without asking."""
    base = base_of(how, server, site)
    paths = team_files(how)
    page.goto(address(base, "nl", VIEW))
    add_files(page, [*paths["sep"], *paths["mrt"]], 6)
    titles = dict(page.locator("tr[data-sub]").evaluate_all("rows => rows.map(r => [r.dataset.sub, r.querySelector('th').textContent.trim()])"))
    top_three = [titles[sub] for sub in ("1-2", "1-3", "2-1")]
    assert top(page) == ["1.2", "1.3", "2.1"]
    page.get_by_role("button", name="Maak ons plan").click()
    page.wait_for_url("**/aan-de-slag/ons-plan.html")
    fields = [page.locator(f'form.werkblad [data-sleutel="veld:deelaanbeveling-{n}"]') for n in (1, 2, 3)]
    assert [field.input_value() for field in fields] == top_three
    page.locator('form.werkblad [data-sleutel="tabel:plan-bij-deelaanbeveling-1:doel:r1"]').fill("Elk kind vijf minuten per maand")
    # a cell shows all its text on screen (a school leader's plan was cut off): it wraps and grows
    doing = page.locator('form.werkblad [data-sleutel="tabel:plan-bij-deelaanbeveling-1:wat-we-doen:r1"]')
    doing.fill(LONG_CELL)
    cut = "e => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1"
    assert doing.evaluate(cut) is False and doing.evaluate("e => e.offsetHeight") > 60
    page.reload()
    assert doing.input_value() == LONG_CELL and doing.evaluate(cut) is False   # grown again after a reload
    assert [field.input_value() for field in fields] == top_three
    assert page.locator('form.werkblad [data-sleutel="tabel:plan-bij-deelaanbeveling-1:doel:r1"]').input_value() == (
        "Elk kind vijf minuten per maand")
    assert pdf_pages(page) == 1
    page.emulate_media(media="screen")
    page.add_style_tag(content=".md-typeset .werkblad textarea.werkblad-cel { height: 1.9em !important; }")
    assert doing.evaluate(cut) is True   # the twin: a cell held to one line cuts the text, and the check sees it
    # the team writes its own choice in; making the plan again never moves a heading away from what the team
    # wrote under it (a school leader's walk-through found goals under the wrong heading): the slots keep their
    # sub-recommendations, and what does not fit is named on the page
    fields[2].fill("4.2 Eigen keuze")
    fields[2].blur()
    page.goto(address(base, "nl", VIEW))
    add_files(page, [*paths["sep"], *paths["mrt"]], 6)
    asked = []
    page.on("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    page.get_by_role("button", name="Maak ons plan").click()
    message = page.locator("[data-plan-melding]")
    message.wait_for(state="visible")
    assert asked == [] and "geen lege plek" in message.inner_text() and top_three[2] in message.inner_text()
    assert page.url.split("#")[0].endswith("teamoverzicht.html")
    stored = json.loads(page.evaluate("() => localStorage.getItem('leidraad:v3:werkblad:ons-plan')"))
    assert stored["velden"]["veld:deelaanbeveling-3"]["v"] == "4.2 Eigen keuze"
    assert [stored["velden"][f"veld:deelaanbeveling-{n}"]["v"] for n in (1, 2)] == top_three[:2]
    assert stored["velden"]["tabel:plan-bij-deelaanbeveling-1:doel:r1"]["v"] == "Elk kind vijf minuten per maand"


# --- on paper ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_scan_prints_on_at_most_two_pages_blank_and_filled(page, server, pdf_pages, lang):
    """Only the scan (title, marker, name field, the 25 rows), on at most two A4 pages, blank or all filled in."""
    page.goto(address(server, lang, SCAN))
    assert pdf_pages(page) <= 2
    page.emulate_media(media="screen")
    page.locator("#teamscan-naam").fill("Mevrouw Van den Berg-Oudshoorn")
    for index, sub in enumerate(page.locator(".teamscan-vraag").evaluate_all(
            "items => items.map(p => p.id.replace('teamscan-', ''))")):
        page.locator(f'input[data-sleutel="vaak:{sub}"]').nth(index % 4).check()
        page.locator(f'input[data-sleutel="werken:{sub}"]').check()
    assert page.locator("form.teamscan input:checked").count() == 50
    assert pdf_pages(page) <= 2


# --- accessibility with answers and data in them --------------------------------------------------

@pytest.mark.parametrize("lang", ["nl"])
def test_axe_finds_nothing_on_the_filled_scan_and_the_loaded_view(page, server, files, axe_source, tmp_path, lang):
    """The scan with answers and its status line, and the view with data and a refused file: 0 violations.
    One language: the English scan and view are the same markup (tests/site/test_engels.py checks their words,
    and tests/browser/test_toegankelijkheid.py runs axe on every English page)."""
    page.goto(address(server, lang, SCAN))
    fill_scan(page, SANNE)
    problems = light_and_dark(page, axe_source)
    wrong = tmp_path / "kapot.json"
    wrong.write_text("geen json", encoding="utf-8")
    load_view(page, server, lang, [*files("http", lang), wrong])
    assert page.locator("[data-teamoverzicht-geweigerd]").is_visible()
    problems += light_and_dark(page, axe_source)
    assert problems == []


def scan_file(path, velden: dict, gemaakt: str = "2026-12-01T10:00:00Z"):
    path.write_text(json.dumps({"formaat": "leidraad-leerkracht-leerlingrelaties", "versie": 2, "gemaakt": gemaakt,
                                "gegevens": {"teamscan:nl:scan": {"velden": velden}}}), encoding="utf-8")
    return path


def test_the_scan_refuses_a_file_with_an_answer_it_cannot_show(page, server, tmp_path):
    """Prober T02/T05: "regelmatig" or "<script>" for a level, "ja" for the tick were reported as taken over while
    nothing showed. Now the file is refused with the answer and its value named, and nothing is stored. The three
    files one after the other on one page (the logic is in tests/js: T02/T05)."""
    page.goto(address(server, "nl", SCAN))
    asked = []
    page.on("dialog", lambda d: (asked.append(d.message), d.accept()))
    alert = page.locator("[data-teamscan-melding]")
    for n, (key, value) in enumerate([("vaak:1-1", "regelmatig"), ("vaak:1-1", "<script>"), ("werken:1-3", "ja")]):
        path = scan_file(tmp_path / f"raar-{n}.json", {"naam": {"v": "Bram", "t": 1}, key: {"v": value, "t": 1}})
        page.locator("form.teamscan [data-bestand]").set_input_files(str(path))
        expected = f"„{value}” past niet bij „{key}” in „teamscan:nl:scan”"
        page.wait_for_function("text => { const a = document.querySelector('[data-teamscan-melding]');"
                               " return !a.hidden && a.textContent.includes(text); }", arg=expected)
        assert "overgenomen" not in alert.inner_text() and asked == [], value
        assert page.evaluate("localStorage.getItem('leidraad:v2:teamscan:nl:scan')") is None
        assert page.evaluate("localStorage.getItem('leidraad:v3:teamscan:scan')") is None
        assert page.locator("#teamscan-naam").input_value() == ""


def test_names_in_the_view_are_isolated_and_different_names_are_different_teachers(page, server, tmp_path):
    """Prober O01b: a right-to-left override in one name reversed the other names in "Van: …"; O01c: two files
    with the same answer times but different names were taken for two versions of one scan."""
    same = {"vaak:1-1": {"v": "vaak", "t": 100}, "werken:1-3": {"v": True, "t": 101}}
    paths = [scan_file(tmp_path / "a.json", {"naam": {"v": "\u202eAnna", "t": 99}, **same}, "2026-12-01T10:00:00Z"),
             scan_file(tmp_path / "b.json", {"naam": {"v": "Bea", "t": 99}, **same}, "2026-12-02T10:00:00Z"),
             scan_file(tmp_path / "c.json", {"naam": {"v": "Cor", "t": 5}, "vaak:1-1": {"v": "soms", "t": 6}})]
    load_view(page, server, "nl", paths)
    status = page.locator("[data-teamoverzicht-status]")
    assert status.inner_text() == "3 bestanden gelezen. Van: Anna, Bea en Cor."
    assert status.locator("bdi").all_inner_texts() == ["Anna", "Bea", "Cor"]
    assert "\u202e" not in status.evaluate("e => e.textContent")
    assert page.locator("[data-teamoverzicht-geweigerd]").is_hidden()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_tie_at_the_top_threes_cut_off_is_said_under_it(page, server, tmp_path, lang):
    """Issue 23.5: 1.1 and 1.2 wanted by two, 1.3, 2.1 and 5.3 by one each: the top three shows one of the three
    ties and says which stand equal; with one more tick for 1.3 the cut-off is clear and the line goes."""
    def ticks(*subs):
        return {f"werken:{sub}": {"v": True, "t": 10 + n} for n, sub in enumerate(subs)}
    record = f"teamscan:{lang}:scan"
    made = "2026-10-05T10:00:00Z"
    def one(name, *subs):
        path = tmp_path / f"{name}-{lang}.json"
        path.write_text(json.dumps({"formaat": "leidraad-leerkracht-leerlingrelaties", "versie": 2, "gemaakt": made,
                                    "gegevens": {record: {"velden": {"naam": {"v": name, "t": 1}, **ticks(*subs)}}}}),
                        encoding="utf-8")
        return path
    paths = [one("Anna", "1-1", "1-2", "1-3"), one("Bea", "1-1", "1-2", "2-1"), one("Cor", "5-3")]
    load_view(page, server, lang, paths)
    tie = page.locator("[data-top-gelijk]")
    expected = {"nl": "1.3, 2.1 en 5.3 staan gelijk: evenveel collega's willen eraan werken. Kies samen welke jullie oppakken.",
                "en": "1.3, 2.1 and 5.3 are tied: as many colleagues want to work on each. Choose together which to take up."}
    assert tie.is_visible() and tie.inner_text() == expected[lang]
    assert len(top(page)) == 3
    # the twin: Dirk ticks 1.3 too, the third place is 1.3 alone and nothing is said
    page.locator("[data-teamoverzicht-bestanden]").set_input_files(str(one("Dirk", "1-3")))
    page.wait_for_function("() => document.querySelector('[data-top-gelijk]').hidden")
    assert tie.is_hidden()
