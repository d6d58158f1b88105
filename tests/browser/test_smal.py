"""On a small phone (360x740, touch): every tool fits the width, a tap on a glossary term shows its definition in
place, and a long page shows its contents at the top (issue 22).

- No tool page (worksheets, self-tests, team scan and team view, circle explorer and self-reflection) makes the
  page scroll sideways, also after use ("+1" on the tally sheet, an answered self-test question); a table may
  scroll in its own box (tests/browser/test_telefoon.py checks that it says so).
- A tap on a glossary link opens a popover with the definition (docs/assets/javascripts/begrippen.js) and
  stays on the page; Esc closes it and gives the focus back. On a desktop, hover and focus still show
  Material's tooltip and a click still follows the link.
- Below 76.25em a page with a table of contents shows it folded at its top (overrides/main.html, block hero);
  not on a wide screen, not on paper.

Each check is a function of what the page measures; its twin breaks the page on purpose and sees it fail.
"""
from __future__ import annotations

import re

import pytest

from conftest import ROOT, outside_requests

SMALL = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def tool_pages() -> list[str]:
    """Every tool page of the Dutch site, from the sources: the worksheets (and their index and print-all
    page), the self-tests, the team scan and team view, the circle explorer with the self-reflection."""
    docs = ROOT / "docs"
    sources = [*sorted((docs / "aan-de-slag").glob("*.md")), *sorted((docs / "toets").glob("*.md")),
               docs / "teamscan.md", docs / "teamoverzicht.md", docs / "theorie" / "cirkel-verkenner.md"]
    return [p.relative_to(docs).with_suffix(".html").as_posix() for p in sources if not p.name.endswith(".en.md")]


TOOLS = tool_pages()
TALLY = "aan-de-slag/drie-tegen-een-turven.html"
RECOMMENDATION = "aanbevelingen/1-persoonlijke-band.html"


@pytest.fixture
def phone(browser):
    """A fresh page in a 360x740 touch context that records what it requested."""
    context = browser.new_context(**SMALL, locale="nl-NL")
    page = context.new_page()
    page.requests_seen = []
    page.on("request", lambda request: page.requests_seen.append(request.url))
    yield page
    context.close()


@pytest.fixture
def desktop(browser):
    """A fresh page at desktop size with a mouse and no touch."""
    context = browser.new_context(**DESKTOP, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


# ------------------------------------------------------------------------------------------ the width

# The width is the screen's, not innerWidth: a mobile browser widens its layout viewport (and zooms out) to
# fit content that is too wide, and innerWidth grows with it.
SIDEWAYS_JS = """(screen) => {
  const inBox = e => {            // inside an element that scrolls or clips sideways and itself ends in view
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return p.getBoundingClientRect().right <= screen + 0.5;
    }
    return false;
  };
  const past = [...document.querySelectorAll('.md-content *')]
    .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > screen + 0.5 && !inBox(e); })
    .filter((e, i, all) => !all.includes(e.parentElement))        // the outermost only
    .slice(0, 5)
    .map(e => `${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]} ends at ${Math.round(e.getBoundingClientRect().right)} px`);
  return {width: document.scrollingElement.scrollWidth, viewport: screen, past};
}"""


def sideways(measured: dict) -> list[str]:
    """What makes the page wider than the screen (empty when it fits)."""
    if measured["width"] <= measured["viewport"]:
        return []
    return [f"the page is {measured['width']} px wide on a {measured['viewport']} px screen"] + measured["past"]


def settled(page) -> None:
    """Wait for the page's scripts and two frames of layout (fonts are the system's: nothing else to await)."""
    page.wait_for_load_state("load")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def use(page, path: str) -> None:
    """Use the tool the way a reader on a phone would begin."""
    if path == TALLY:
        for n in (0, 0, 0, 1, 2, 2, 2, 3):   # three positives and one negative on day 1 and on day 2
            page.locator("[data-turf-erbij]").nth(n).tap()
    elif path.startswith("toets/") and page.locator(".toets-vraag--keuze").count():
        vraag = page.locator(".toets-vraag--keuze").first
        vraag.locator(".toets-keuzes label").first.tap()
        vraag.locator("[data-toets-controleer]").tap()
        page.locator("[data-toets-score]:not([hidden])").wait_for()
    elif path == "teamscan.html":
        page.locator(".teamscan-keuzes label").nth(2).tap()     # "vaak" for the first practice


def test_every_tool_page_is_found():
    """The list covers all kinds of tools (a renamed folder would otherwise test nothing)."""
    assert len([p for p in TOOLS if p.startswith("aan-de-slag/")]) >= 17
    assert len([p for p in TOOLS if p.startswith("toets/")]) >= 10
    assert {TALLY, "teamscan.html", "teamoverzicht.html", "theorie/cirkel-verkenner.html"} <= set(TOOLS)


TALLY_JS = """() => {
  const part = document.querySelector('.werkblad-deel--turven');
  const seen = e => { const r = e.getBoundingClientRect(); return r.left >= -0.5 && r.right <= 360.5; };
  return {scrolls: part.scrollWidth > part.clientWidth + 1,
          hidden: [...part.querySelectorAll('thead th, h3, .werkblad-uitleg, [data-turf-verhouding-totaal]')]
                    .filter(e => !seen(e)).map(e => e.textContent.trim().slice(0, 30)),
          total: part.querySelector('[data-turf-verhouding-totaal]').textContent};
}"""


def tally_problems(m: dict) -> list[str]:
    """The tally's part scrolls sideways, or a column, its heading, the goal or the result is out of sight."""
    return ([f"the tally scrolls sideways"] if m["scrolls"] else []) + [f"out of sight: {t}" for t in m["hidden"]]


SELFTEST = "toets/gehechtheidstheorie.html"
SELFTEST_JS = """() => {
  const label = document.querySelector('.toets-keuzes label');
  const score = document.querySelector('[data-toets-score]');
  score.scrollIntoView({block: 'start'});
  scrollBy(0, -(document.querySelector('.md-header').offsetHeight + 8));
  const top = document.querySelector('.md-top');
  top.hidden = false;                         // as Material shows it when the reader scrolls back up
  const a = score.getBoundingClientRect(), b = top.getBoundingClientRect();
  const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  return {text: label.getBoundingClientRect().width, overlap};
}"""


def measure_width(page) -> list[str]:
    return sideways(page.evaluate(SIDEWAYS_JS, SMALL['viewport']['width']))


def tally_in_view(page) -> list[str]:
    """After "+1" the day, both counts, the ratio, the heading "Mijn week", the goal and the whole result
    ("3 : 1 · ✓ 3:1 gehaald") are on the screen: the tally does not scroll at all (issue 22). Its twins: a
    500 px wide box is named by the width check, and the tally's old minimum width (32em, 11.5em for the
    ratio) is reported."""
    measured = page.evaluate(TALLY_JS)
    problems = tally_problems(measured)
    if "gehaald" not in measured["total"]:
        problems.append(f"the result does not say the goal is met: {measured['total']!r}")
    page.evaluate("""() => { const d = document.createElement('div'); d.className = 'te-breed';
                             d.style.width = '500px'; d.textContent = 'x';
                             document.querySelector('article').appendChild(d); }""")
    twin = measure_width(page)
    if not (twin and "is 5" in twin[0] and any("div.te-breed" in p for p in twin[1:])):
        problems.append(f"twin: a 500 px box was not reported by the width check: {twin}")
    page.evaluate("() => document.querySelector('.te-breed').remove()")
    page.add_style_tag(content=""".md-typeset .werkblad-deel--turven { overflow-x: auto !important; }
        .md-typeset table.werkblad-turftabel { min-width: 32em !important; }
        .md-typeset .werkblad-turftabel th:last-child { width: 11.5em !important; }""")
    settled(page)
    if "the tally scrolls sideways" not in tally_problems(page.evaluate(TALLY_JS)):
        problems.append("twin: the old wide tally (32em) was not reported")
    return problems


def selftest_readable(page) -> list[str]:
    """An option's text gets at least 260 px of the 360 (about 214 before), and "Back to top" does not sit on
    the score when the reader scrolls back up to it. Twin: Material's bar put back at the top of the screen
    is seen on the score."""
    measured = page.evaluate(SELFTEST_JS)
    problems = [f"an option's text has {measured['text']:.0f} px, not 260"] if measured["text"] < 260 else []
    if measured["overlap"] is not False:
        problems.append("'Back to top' covers the score")
    page.add_style_tag(content="""[dir] .md-top { top: 3.2rem !important; bottom: auto; left: 0; right: auto;
        margin-left: 50%; transform: translate(-50%); font-size: .7rem; }""")
    if page.evaluate(SELFTEST_JS)["overlap"] is not True:
        problems.append("twin: the button across the top was not seen on the score")
    return problems


# This was one test (and one new phone context) per tool page, plus five more tests that opened the tally sheet
# and the self-test again. The check is the same function of every page, so one phone walks them all, checks the
# tally and the self-test where it passes them (twins last, on the page they break), and reports every page that
# fails at once. The English tally stands for English (other words, other widths); the self-test's width and
# the button over its score were also checked in English, which changes no layout rule (one language now).
def test_no_tool_makes_the_page_scroll_sideways(phone, server):
    """At 360 px every tool page is no wider than the screen, on arrival and after the first use of the tool
    (the English tally sheet too); the tally stays in view and the self-test has the width and a visible score."""
    problems = {}
    for path in [*TOOLS, f"en/{TALLY}"]:
        tool = path.removeprefix("en/")
        phone.goto(f"{server}/{path}")
        settled(phone)
        found = [f"on arrival: {p}" for p in measure_width(phone)]
        use(phone, tool)
        settled(phone)
        found += [f"after use: {p}" for p in measure_width(phone)]
        if path == TALLY:
            found += tally_in_view(phone)
        elif path == SELFTEST:
            found += selftest_readable(phone)
        if found:
            problems[path] = found
    assert problems == {}, "\n".join(f"{path}: {p}" for path, found in problems.items() for p in found)
    assert outside_requests(phone.requests_seen, server) == []


# ------------------------------------------------------------------------------ the contents at the top

CONTENTS_JS = """() => {
  const box = document.querySelector('div.pagina-inhoud');
  const heads = [...document.querySelectorAll('article h2[id]')].map(h => '#' + h.id);
  if (!box || getComputedStyle(box).display === 'none') return {shown: false, heads};
  return {shown: true, top: box.getBoundingClientRect().top + scrollY, heads,
          links: [...box.querySelectorAll('a')].map(a => a.getAttribute('href'))};
}"""


def contents_problems(m: dict) -> list[str]:
    """The page's contents are missing at the top, or leave out one of its sections."""
    if not m["shown"]:
        return ["no contents at the top of the page"]
    problems = [f"the contents start at {m['top']:.0f} px, below the first screen"] if m["top"] > 740 else []
    return problems + [f"{h} not in the contents" for h in m["heads"] if h not in m["links"]]


# ------------------------------------------------------------------------- tap for a definition

POPOVER = ".begrip-uitleg"


def address(page) -> str:
    """The page's address without its fragment (Material's navigation.tracking writes the section being read
    into the fragment as the page scrolls)."""
    return page.url.split("#")[0]


def glossary_link(page):
    """The first glossary link in the article, with its title as the build wrote it: a handle, not a locator,
    since Material takes the title away while its tooltip shows."""
    link = page.locator('article a[href*="begrippen.html#"][title]').first.element_handle()
    return link, link.get_attribute("title")


# The tap, the tap outside, the contents at the top and their twin opened the same page five times, in both
# languages; now one phone walks that page as a reader does. English changes only the words, which
# tests/site/test_smal.py checks in the built page (the popover's link text, the contents' title and links).
def test_on_a_phone_a_long_page_shows_its_contents_and_a_tap_shows_a_definition_in_place(phone, server):
    """A recommendation page (about 9,500 px tall here) lists its sections in the first screen; a tap on one
    brings it into view without the drawer. A tap on a glossary term opens a dialog with the term and its
    definition and a link to the entry; the address stays; Esc closes it and the focus is back on the term; a
    tap elsewhere closes it too. Twin: hidden contents are reported missing."""
    phone.goto(f"{server}/{RECOMMENDATION}")
    settled(phone)
    assert phone.evaluate("document.scrollingElement.scrollHeight") > 5000, "the page is not long here"
    measured = phone.evaluate(CONTENTS_JS)
    assert contents_problems(measured) == []
    phone.locator("div.pagina-inhoud details > summary").tap()
    target = measured["links"][-1]
    phone.locator(f"div.pagina-inhoud details a[href='{target}']").tap()
    heading = phone.locator(f"article h2[id='{target[1:]}']")
    phone.wait_for_function("h => { const r = h.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }",
                            arg=heading.element_handle())
    assert phone.locator("#__drawer").is_checked() is False, "the contents' link opened the drawer"

    url = address(phone)
    link, title = glossary_link(phone)
    name, definition = title.split(": ", 1)
    link.tap()
    popover = phone.locator(POPOVER)
    popover.wait_for()
    assert address(phone) == url, "the tap left the page"
    assert popover.get_attribute("role") == "dialog"
    assert phone.get_by_role("dialog", name=name).is_visible(), "the dialog is not named after the term"
    assert definition[:60] in popover.inner_text()
    entry = popover.get_by_role("link", name="Naar de begrippenlijst")
    assert entry.get_attribute("href") == link.evaluate("e => e.href")
    box = popover.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360, f"the popover passes the screen's edge: {box}"
    assert phone.evaluate(f"document.activeElement.closest('{POPOVER}') !== null"), "the popover has no focus"
    phone.keyboard.press("Escape")
    popover.wait_for(state="detached")
    assert link.evaluate("e => e === document.activeElement"), "Esc did not give the focus back to the term"
    assert address(phone) == url

    link.tap()
    popover.wait_for()
    phone.locator("article h1").tap()
    popover.wait_for(state="detached")
    assert address(phone) == url, "a tap outside the popover left the page"
    assert outside_requests(phone.requests_seen, server) == []

    phone.add_style_tag(content=".pagina-inhoud { display: none !important; }")
    assert contents_problems(phone.evaluate(CONTENTS_JS)) == ["no contents at the top of the page"], "twin"


def test_twin_without_the_script_a_tap_leaves_the_page(phone, server):
    """Without begrippen.js the same tap goes to the glossary: the tap test can fail."""
    phone.route(re.compile(r".*/begrippen\.min\.js$"), lambda route: route.abort())
    phone.goto(f"{server}/{RECOMMENDATION}")
    settled(phone)
    link, _ = glossary_link(phone)
    link.tap()   # not expect_navigation: Material's navigation.tracking writes a fragment as the tap scrolls
    phone.wait_for_url(re.compile(r"/begrippen\.html#"))
    assert phone.locator(POPOVER).count() == 0


# Two desktop tests opened the same page; now one.
def test_on_a_desktop_the_tooltip_shows_a_click_follows_the_link_and_the_contents_stay_in_the_sidebar(desktop,
                                                                                                        server):
    """The mouse and the keyboard work as before: Material's tooltip on hover and on focus, no popover, and a
    click goes to the glossary entry. The contents at the top are not on a wide screen (the sidebar shows them)
    nor on paper (they would only take room); at 360 px they are."""
    desktop.goto(f"{server}/{RECOMMENDATION}")
    settled(desktop)
    assert desktop.evaluate(CONTENTS_JS)["shown"] is False, "contents at the top on a wide screen"
    desktop.set_viewport_size({"width": 360, "height": 740})
    assert desktop.evaluate(CONTENTS_JS)["shown"] is True, "no contents at the top at 360 px"
    desktop.emulate_media(media="print")
    assert desktop.evaluate(CONTENTS_JS)["shown"] is False, "contents at the top on paper"
    desktop.emulate_media(media="screen")
    desktop.set_viewport_size(DESKTOP["viewport"])

    link, title = glossary_link(desktop)
    definition = title.split(": ", 1)[1]
    link.hover()
    tooltip = desktop.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert definition[:60] in tooltip.inner_text()
    desktop.mouse.move(0, 0)
    tooltip.wait_for(state="detached")
    link.focus()
    desktop.locator(".md-tooltip2--active").wait_for()
    assert desktop.locator(POPOVER).count() == 0, "a popover on a desktop"
    link.click()
    desktop.wait_for_url(re.compile(r"/begrippen\.html#"))


def test_the_script_loads_only_where_there_are_glossary_links(site):
    """begrippen.min.js is on a recommendation page (both languages) and not on the glossary itself, whose
    own links carry no definition."""
    def loads(path):
        return "begrippen.min.js" in (site / path).read_text(encoding="utf-8")
    assert loads(RECOMMENDATION) and loads(f"en/{RECOMMENDATION}")
    assert not loads("begrippen.html")


def test_the_home_page_leads_to_the_self_tests_and_the_team_pages(site):
    """The home page's article links to Toets jezelf, the team meeting and the team scan, in both languages."""
    for home in ("index.html", "en/index.html"):
        source = (site / home).read_text(encoding="utf-8")
        article = source[source.index('<article class="md-content__inner'):source.index("</article>")]
        links = set(re.findall(r'href="([^"#]+)"', article))
        assert {"toets/index.html", "teamoverleg.html", "teamscan.html"} <= links, home
