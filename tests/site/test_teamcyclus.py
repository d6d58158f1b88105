"""The team cycle (docs/teamcyclus/): five sessions, each a page with the same six headings in both languages.

Assertions on the one strict build: every session page exists in Dutch and English, has Doel, Voorbereiden,
Agenda, Gespreksvragen, Hand-out and Daarna in that order, carries the site's marker, has an agenda (and a
hand-out agenda) of 60 minutes, points to the recommendations' discussion questions, and links only to what
exists; the team meeting page and the team scan link to the cycle. Each check is a plain function of the
page's HTML, and each has a twin that feeds it a page broken on purpose. Printing is tested in
tests/browser/test_teamcyclus.py.
"""
from __future__ import annotations

import html
import re

import pytest

from sitehtml import Page, broken_links, read

SESSIONS = ["1-start-met-de-teamscan", "2-deel-1-positieve-relaties", "3-deel-2-negativiteit-beperken",
            "4-van-afspraak-naar-plan", "5-terugblik-tweede-scan"]
LANGUAGES = {"nl": "", "en": "en/"}
HEADINGS = ["doel", "voorbereiden", "agenda", "gespreksvragen", "hand-out", "daarna"]
MINUTES = {"Minuten", "Minutes"}       # the agenda column the minutes are in, by its header
MINUTES_PER_SESSION = 60
SESSION_PAGES = [f"{prefix}teamcyclus/{s}.html" for prefix in LANGUAGES.values() for s in SESSIONS]
KIT_PAGES = [f"{prefix}teamcyclus/index.html" for prefix in LANGUAGES.values()] + SESSION_PAGES
RE_TAG = re.compile(r"<[^>]+>")
RE_BESPREEK = re.compile(r'href="\.\./aanbevelingen/[1-6]-[a-z-]+\.html#bespreek"')


# ---------------------------------------------------------------- checks: plain functions of a page's HTML

def article(page_html: str) -> str:
    """The page's article, where its own content is."""
    start = page_html.index("<article")
    return page_html[start:page_html.index("</article>", start)]


def h2_ids(page_html: str) -> list[str]:
    """The ids of the article's H2 headings, in order."""
    return re.findall(r'<h2 id="([^"]+)"', article(page_html))


def section(page_html: str, heading_id: str) -> str:
    """The HTML from the H2 with heading_id up to the next H2 (or the article's end)."""
    body = article(page_html)
    start = body.index(f'<h2 id="{heading_id}"')
    end = body.find("<h2 ", start + 1)
    return body[start:end if end != -1 else len(body)]


def heading_problems(page_html: str) -> list[str]:
    """What is wrong with the six fixed headings: missing, extra or out of order."""
    found = h2_ids(page_html)
    if found == HEADINGS:
        return []
    missing = [h for h in HEADINGS if h not in found]
    extra = [h for h in found if h not in HEADINGS]
    return [f"headings {found}, expected {HEADINGS}" + (f"; missing {missing}" if missing else "")
            + (f"; not expected {extra}" if extra else "")]


def is_marked(page_html: str) -> bool:
    """The whole page sits in the site's marker, with its label (front matter aanvulling: true)."""
    body = article(page_html)
    return bool(re.search(r'<div class="aanvulling aanvulling--pagina"><p class="aanvulling__label">', body))


def cells(row_html: str, tag: str) -> list[str]:
    """The plain text of a table row's th or td cells."""
    return [html.unescape(RE_TAG.sub("", c)).strip()
            for c in re.findall(rf"<{tag}[^>]*>(.*?)</{tag}>", row_html, re.S)]


def minutes(table_html: str) -> list[int]:
    """The minutes of each step of an agenda table, read from the column headed Minuten/Minutes."""
    header = cells(re.search(r"<thead>(.*?)</thead>", table_html, re.S).group(1), "th")
    column = next((i for i, name in enumerate(header) if name in MINUTES), None)
    if column is None:
        raise ValueError(f"no column {sorted(MINUTES)} in the agenda's header {header}")
    rows = re.findall(r"<tr>(.*?)</tr>", re.search(r"<tbody>(.*?)</tbody>", table_html, re.S).group(1), re.S)
    return [int(cells(row, "td")[column]) for row in rows]


def agenda_problems(page_html: str) -> list[str]:
    """The agenda (first table under Agenda) and the hand-out's agenda (its first table) must each add up to
    an hour."""
    problems = []
    for where, part in (("agenda", section(page_html, "agenda")), ("hand-out", handout(page_html))):
        table = re.search(r"<table>.*?</table>", part, re.S)
        if not table:
            problems.append(f"{where}: no table")
            continue
        total = sum(minutes(table.group(0)))
        if total != MINUTES_PER_SESSION:
            problems.append(f"{where}: the steps add up to {total} minutes, not {MINUTES_PER_SESSION}")
    return problems


def handout(page_html: str) -> str:
    """The hand-out block (div.handout) in the Hand-out section, or '' when there is none."""
    found = re.search(r'<div class="handout">.*?(?=<h2 |\Z)', section(page_html, "hand-out"), re.S)
    return found.group(0) if found else ""


RE_PRINT_BUTTON = re.compile(r'<p class="afdrukknop" hidden><button type="button" class="md-button[^"]*" '
                             r'data-afdrukken-doel="hand-out">([^<]+)</button></p>')


def print_button_problems(page_html: str) -> list[str]:
    """What is wrong with the hand-out's print button: missing, more than one, or not in the Hand-out section
    (hidden until verwijzing.js shows it; it prints the hand-out alone through its target, #hand-out)."""
    found = RE_PRINT_BUTTON.findall(article(page_html))
    if len(found) != 1:
        return [f"{len(found)} print buttons for the hand-out, expected 1"]
    return [] if RE_PRINT_BUTTON.search(section(page_html, "hand-out")) else ["the print button is not in the Hand-out section"]


def links_to_questions(page_html: str) -> int:
    """How many links the Gespreksvragen section has to a recommendation's 'Bespreek in je team'."""
    return len(RE_BESPREEK.findall(section(page_html, "gespreksvragen")))


def links_to_cycle(page: Page) -> bool:
    """The page's own text links to the cycle's front page."""
    return any(href.split("#")[0].endswith("teamcyclus/index.html") for href in page.article_links)


@pytest.fixture(scope="module")
def kit_html(site) -> dict[str, str]:
    """The built HTML of every kit page, by path."""
    return {path: (site / path).read_text(encoding="utf-8") for path in KIT_PAGES}


# ---------------------------------------------------------------- the pages

@pytest.mark.parametrize("session", SESSIONS)
def test_every_session_exists_in_both_languages(site, session):
    """Dutch at teamcyclus/x.html, English at en/teamcyclus/x.html, each in its own language."""
    for lang, prefix in LANGUAGES.items():
        page = site / f"{prefix}teamcyclus/{session}.html"
        assert page.exists(), page
        assert read(page).lang == lang


@pytest.mark.parametrize("path", SESSION_PAGES)
def test_session_has_the_six_headings_in_order(kit_html, path):
    assert heading_problems(kit_html[path]) == []


@pytest.mark.parametrize("path", KIT_PAGES)
def test_kit_page_carries_the_addition_marker(kit_html, path):
    assert is_marked(kit_html[path]), f"{path}: not inside the aanvulling marker (front matter aanvulling: true)"


@pytest.mark.parametrize("path", SESSION_PAGES)
def test_handout_has_one_print_button_in_its_section(kit_html, path):
    assert print_button_problems(kit_html[path]) == []
    assert "<script>" not in section(kit_html[path], "hand-out")   # no inline script: the site's CSP forbids it


def test_twin_a_missing_or_misplaced_print_button_is_reported(kit_html):
    page = kit_html[SESSION_PAGES[0]]
    button = RE_PRINT_BUTTON.search(page).group(0)
    assert print_button_problems(page.replace(button, "")) == ["0 print buttons for the hand-out, expected 1"]
    moved = page.replace(button, "").replace("</article>", button + "</article>", 1)   # under Daarna
    assert print_button_problems(moved) == ["the print button is not in the Hand-out section"]
    assert print_button_problems(page.replace(button, button * 2)) == ["2 print buttons for the hand-out, expected 1"]


@pytest.mark.parametrize("path", SESSION_PAGES)
def test_agenda_and_handout_agenda_take_an_hour(kit_html, path):
    assert agenda_problems(kit_html[path]) == []


@pytest.mark.parametrize("path", SESSION_PAGES)
def test_questions_point_to_the_recommendations_and_are_not_copied(kit_html, path):
    """Gespreksvragen links to 'Bespreek in je team' (#bespreek) and holds no numbered list of questions."""
    part = section(kit_html[path], "gespreksvragen")
    assert links_to_questions(kit_html[path]) >= 1
    assert "<ol>" not in part


def test_kit_links_resolve(site, all_pages):
    """Every link on the kit pages points to a file and anchor that exist."""
    kit = {path: all_pages[path] for path in KIT_PAGES}
    assert broken_links(site, kit) == []


@pytest.mark.parametrize("source", ["teamoverleg.html", "teamscan.html"])
@pytest.mark.parametrize("prefix", LANGUAGES.values())
def test_team_meeting_and_scan_link_to_the_cycle(all_pages, source, prefix):
    assert links_to_cycle(all_pages[f"{prefix}{source}"])


def test_cycle_front_page_lists_every_session(kit_html):
    """The front page links each of the five sessions, in both languages."""
    for prefix in LANGUAGES.values():
        body = article(kit_html[f"{prefix}teamcyclus/index.html"])
        assert [s for s in SESSIONS if f'href="{s}.html"' not in body] == []


def test_english_nav_names_the_section(site):
    """On a page beside it (the team scan), the nav section reads 'Teamcyclus' in Dutch and 'Team cycle' in
    English (nav_translations), never the Dutch name in English."""
    dutch = (site / "teamscan.html").read_text(encoding="utf-8")
    english = (site / "en/teamscan.html").read_text(encoding="utf-8")
    assert "Teamcyclus" in dutch
    assert "Team cycle" in english and "Teamcyclus" not in english


# ---------------------------------------------------------------- twins: each check on a page broken on purpose

SAMPLE = "teamcyclus/2-deel-1-positieve-relaties.html"


def test_twin_a_missing_or_moved_heading_is_reported(kit_html):
    page = kit_html[SAMPLE]
    without = re.sub(r'<h2 id="gespreksvragen".*?</h2>', "", page, flags=re.S)
    assert heading_problems(without) and "missing ['gespreksvragen']" in heading_problems(without)[0]
    moved = page.replace('<h2 id="daarna"', '<h2 id="tmp"').replace('<h2 id="doel"', '<h2 id="daarna"') \
        .replace('<h2 id="tmp"', '<h2 id="doel"')
    assert heading_problems(moved)
    extra = page.replace('<h2 id="daarna"', '<h2 id="extra">Extra</h2><h2 id="daarna"')
    assert "not expected ['extra']" in heading_problems(extra)[0]


def test_twin_a_page_without_the_marker_is_reported(kit_html):
    unmarked = kit_html[SAMPLE].replace("aanvulling aanvulling--pagina", "gewoon")
    assert not is_marked(unmarked)


def test_twin_an_agenda_that_runs_over_or_lacks_minutes_is_reported(kit_html):
    page = kit_html[SAMPLE]
    agenda = section(page, "agenda")
    longer = agenda.replace("<td>5</td>", "<td>15</td>", 1)
    problems = agenda_problems(page.replace(agenda, longer))
    assert problems == [f"agenda: the steps add up to 70 minutes, not {MINUTES_PER_SESSION}"]
    short_handout = handout(page).replace("<td>20</td>", "<td>10</td>", 1)
    assert agenda_problems(page.replace(handout(page), short_handout)) == [
        f"hand-out: the steps add up to 50 minutes, not {MINUTES_PER_SESSION}"]
    renamed = page.replace(agenda, agenda.replace("<th>Minuten</th>", "<th>Tijd</th>"))
    with pytest.raises(ValueError, match="no column"):
        agenda_problems(renamed)
    assert agenda_problems(page.replace(handout(page), "")) == ["hand-out: no table"]


def test_twin_copied_questions_or_no_links_are_reported(kit_html):
    page = kit_html[SAMPLE]
    part = section(page, "gespreksvragen")
    unlinked = RE_BESPREEK.sub('href="../aanbevelingen/index.html"', part)
    assert links_to_questions(page.replace(part, unlinked)) == 0
    copied = page.replace(part, part + "<ol><li>Een gekopieerde vraag</li></ol>")
    assert "<ol>" in section(copied, "gespreksvragen")


def test_twin_a_broken_kit_link_is_reported(site, all_pages):
    page = all_pages[SAMPLE]
    original = list(page.links)
    page.links = original + ["../aanbevelingen/1-persoonlijke-band.html#bestaat-niet", "6-bestaat-niet.html"]
    try:
        problems = broken_links(site, {SAMPLE: page})
    finally:
        page.links = original
    assert len(problems) == 2 and "#bestaat-niet" in problems[0] and "6-bestaat-niet.html" in problems[1]


def test_twin_a_page_that_does_not_link_the_cycle_is_reported(all_pages):
    page = all_pages["teamoverleg.html"]
    original = list(page.article_links)
    page.article_links = [href for href in original if "teamcyclus/" not in href]
    try:
        assert not links_to_cycle(page)
    finally:
        page.article_links = original
