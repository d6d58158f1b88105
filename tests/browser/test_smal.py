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


@pytest.mark.parametrize("path", TOOLS)
def test_no_tool_makes_the_page_scroll_sideways(phone, server, path):
    """At 360 px the page is no wider than the screen, on arrival and after the first use of the tool."""
    phone.goto(f"{server}/{path}")
    settled(phone)
    assert sideways(phone.evaluate(SIDEWAYS_JS, SMALL['viewport']['width'])) == []
    use(phone, path)
    settled(phone)
    assert sideways(phone.evaluate(SIDEWAYS_JS, SMALL['viewport']['width'])) == []
    assert outside_requests(phone.requests_seen, server) == []


def test_an_english_tool_fits_too(phone, server):
    """The English tally sheet (other words, other widths) fits as well, also after "+1"."""
    phone.goto(f"{server}/en/{TALLY}")
    settled(phone)
    use(phone, TALLY)
    assert sideways(phone.evaluate(SIDEWAYS_JS, SMALL['viewport']['width'])) == []


def test_twin_a_too_wide_element_is_reported(phone, server):
    """Put a 500 px wide box into the tally sheet: the check names the page's width and the box."""
    phone.goto(f"{server}/{TALLY}")
    settled(phone)
    phone.evaluate("""() => { const d = document.createElement('div'); d.className = 'te-breed';
                              d.style.width = '500px'; d.textContent = 'x';
                              document.querySelector('article').appendChild(d); }""")
    problems = sideways(phone.evaluate(SIDEWAYS_JS, SMALL['viewport']['width']))
    assert problems and "is 5" in problems[0] and any("div.te-breed" in p for p in problems[1:])


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


def test_the_tally_stays_in_view_after_plus_one(phone, server):
    """After "+1" the day, both counts, the ratio, the heading "Mijn week", the goal and the whole result
    ("3 : 1 · ✓ 3:1 gehaald") are on the screen: the tally does not scroll at all (issue 22)."""
    phone.goto(f"{server}/{TALLY}")
    settled(phone)
    use(phone, TALLY)
    measured = phone.evaluate(TALLY_JS)
    assert tally_problems(measured) == []
    assert "gehaald" in measured["total"]


def test_twin_the_old_wide_tally_is_reported(phone, server):
    """Give the tally its old minimum width back (32em, 11.5em for the ratio): the check reports it."""
    phone.goto(f"{server}/{TALLY}")
    phone.add_style_tag(content=""".md-typeset .werkblad-deel--turven { overflow-x: auto !important; }
        .md-typeset table.werkblad-turftabel { min-width: 32em !important; }
        .md-typeset .werkblad-turftabel th:last-child { width: 11.5em !important; }""")
    settled(phone)
    use(phone, TALLY)
    problems = tally_problems(phone.evaluate(TALLY_JS))
    assert "the tally scrolls sideways" in problems


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


@pytest.mark.parametrize("lang", ["", "en/"])
def test_a_self_test_question_has_the_width_and_its_score_is_not_covered(phone, server, lang):
    """An option's text gets at least 260 px of the 360 (about 214 before), and "Back to top" does not sit on
    the score when the reader scrolls back up to it."""
    phone.goto(f"{server}/{lang}toets/gehechtheidstheorie.html")
    settled(phone)
    use(phone, "toets/gehechtheidstheorie.html")
    measured = phone.evaluate(SELFTEST_JS)
    assert measured["text"] >= 260
    assert measured["overlap"] is False


def test_twin_the_button_across_the_top_covers_the_score(phone, server):
    """Put Material's bar back at the top of the screen: the check sees it on the score."""
    phone.goto(f"{server}/toets/gehechtheidstheorie.html")
    settled(phone)
    use(phone, "toets/gehechtheidstheorie.html")
    phone.add_style_tag(content="""[dir] .md-top { top: 3.2rem !important; bottom: auto; left: 0; right: auto;
        margin-left: 50%; transform: translate(-50%); font-size: .7rem; }""")
    assert phone.evaluate(SELFTEST_JS)["overlap"] is True


# ------------------------------------------------------------------------------- tap for a definition

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


@pytest.mark.parametrize("lang, go", [("", "Naar de begrippenlijst"), ("en/", "Go to the glossary")])
def test_a_tap_shows_the_definition_in_place(phone, server, lang, go):
    """A tap opens a dialog with the term and its definition and a link to the entry; the address stays; Esc
    closes it and the focus is back on the term."""
    phone.goto(f"{server}/{lang}{RECOMMENDATION}")
    settled(phone)
    url = address(phone)
    link, title = glossary_link(phone)
    name, definition = title.split(": ", 1)
    link.tap()
    popover = phone.locator(POPOVER)
    popover.wait_for()
    assert address(phone) == url
    assert popover.get_attribute("role") == "dialog"
    assert phone.get_by_role("dialog", name=name).is_visible()
    assert definition[:60] in popover.inner_text()
    entry = popover.get_by_role("link", name=go)
    assert entry.get_attribute("href") == link.evaluate("e => e.href")
    box = popover.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert phone.evaluate(f"document.activeElement.closest('{POPOVER}') !== null")
    phone.keyboard.press("Escape")
    popover.wait_for(state="detached")
    assert link.evaluate("e => e === document.activeElement")
    assert address(phone) == url
    assert outside_requests(phone.requests_seen, server) == []


def test_a_tap_outside_closes_the_definition(phone, server):
    """A second tap elsewhere on the page closes it, and the page stays where it is."""
    phone.goto(f"{server}/{RECOMMENDATION}")
    settled(phone)
    url = address(phone)
    link, _ = glossary_link(phone)
    link.tap()
    phone.locator(POPOVER).wait_for()
    phone.locator("article h1").tap()
    phone.locator(POPOVER).wait_for(state="detached")
    assert address(phone) == url


def test_twin_without_the_script_a_tap_leaves_the_page(phone, server):
    """Without begrippen.js the same tap goes to the glossary: the tap test can fail."""
    phone.route(re.compile(r".*/begrippen\.min\.js$"), lambda route: route.abort())
    phone.goto(f"{server}/{RECOMMENDATION}")
    settled(phone)
    link, _ = glossary_link(phone)
    with phone.expect_navigation():
        link.tap()
    assert "begrippen.html#" in phone.url
    assert phone.locator(POPOVER).count() == 0


def test_on_a_desktop_hover_and_focus_show_materials_tooltip_and_a_click_follows_the_link(desktop, server):
    """The mouse and the keyboard work as before: Material's tooltip on hover and on focus, no popover, and a
    click goes to the glossary entry."""
    desktop.goto(f"{server}/{RECOMMENDATION}")
    settled(desktop)
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
    assert desktop.locator(POPOVER).count() == 0
    with desktop.expect_navigation():
        link.click()
    assert "begrippen.html#" in desktop.url


def test_the_script_loads_only_where_there_are_glossary_links(site):
    """begrippen.min.js is on a recommendation page (both languages) and not on the glossary itself, whose
    own links carry no definition."""
    def loads(path):
        return "begrippen.min.js" in (site / path).read_text(encoding="utf-8")
    assert loads(RECOMMENDATION) and loads(f"en/{RECOMMENDATION}")
    assert not loads("begrippen.html")


# ------------------------------------------------------------------------------ finding your way

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


@pytest.mark.parametrize("lang", ["", "en/"])
def test_a_long_page_shows_its_contents_at_the_top(phone, server, lang):
    """A recommendation page (about 9,500 px tall here) lists its sections in the first screen; a tap on
    one brings it into view without the drawer."""
    phone.goto(f"{server}/{lang}{RECOMMENDATION}")
    settled(phone)
    assert phone.evaluate("document.scrollingElement.scrollHeight") > 5000
    measured = phone.evaluate(CONTENTS_JS)
    assert contents_problems(measured) == []
    phone.locator("div.pagina-inhoud details > summary").tap()
    target = measured["links"][-1]
    phone.locator(f"div.pagina-inhoud details a[href='{target}']").tap()
    heading = phone.locator(f"article h2[id='{target[1:]}']")
    phone.wait_for_function("h => { const r = h.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }",
                            arg=heading.element_handle())
    assert phone.locator("#__drawer").is_checked() is False


def test_twin_hidden_contents_are_reported(phone, server):
    """Hide the contents again: the check says they are missing."""
    phone.goto(f"{server}/{RECOMMENDATION}")
    phone.add_style_tag(content=".pagina-inhoud { display: none !important; }")
    assert contents_problems(phone.evaluate(CONTENTS_JS)) == ["no contents at the top of the page"]


def test_the_contents_at_the_top_are_not_on_a_wide_screen_or_paper(desktop, server):
    """On a desktop the sidebar shows the contents, and on paper they would only take room."""
    desktop.goto(f"{server}/{RECOMMENDATION}")
    assert desktop.evaluate(CONTENTS_JS)["shown"] is False
    desktop.set_viewport_size({"width": 360, "height": 740})
    assert desktop.evaluate(CONTENTS_JS)["shown"] is True
    desktop.emulate_media(media="print")
    assert desktop.evaluate(CONTENTS_JS)["shown"] is False


def test_the_home_page_leads_to_the_self_tests_and_the_team_pages(site):
    """The home page's article links to Toets jezelf, the team meeting and the team scan, in both languages."""
    for home in ("index.html", "en/index.html"):
        source = (site / home).read_text(encoding="utf-8")
        article = source[source.index('<article class="md-content__inner'):source.index("</article>")]
        links = set(re.findall(r'href="([^"#]+)"', article))
        assert {"toets/index.html", "teamoverleg.html", "teamscan.html"} <= links, home
