"""In a real browser: projection mode, the poster and the whole guide on paper, tooltips on keyboard focus.

Uses the fixtures of conftest.py: the site is served on 127.0.0.1; Debian's chromium prints to A4 PDF.
Every test also checks that nothing was requested from outside the site.
"""
from __future__ import annotations

import re

import pytest

from conftest import outside_requests
from papier import heading_texts, print_page, stamp_problems, stranded, versions


REC1 = "aanbevelingen/1-persoonlijke-band.html"
FULL_HD = {"width": 1920, "height": 1080}
THEORIES = ["gehechtheidstheorie", "zelfdeterminatietheorie", "interpersoonlijke-theorie"]
RECOMMENDATIONS = ["1-persoonlijke-band", "2-kansen-voor-positief-gedrag", "3-autonomie-en-structuur",
                   "4-reflecteren-op-relaties", "5-conflicten-voorkomen", "6-herstel-van-de-relatie"]


def projecting(page) -> bool:
    """True while the page is in projection mode."""
    return page.evaluate("document.documentElement.classList.contains('projectie')")


def ready(page) -> None:
    """Wait until the slides are there: projectie.js fetches projectie-dia.js when the mode is turned on."""
    page.wait_for_function("() => !!window.projectieDia && !!document.querySelector('.projectie-teller')"
                           " && document.querySelector('.projectie-teller').textContent !== ''")


def visible_h2(page) -> list[str]:
    """Ids of the H2 headings that are shown right now."""
    return page.locator("article h2").evaluate_all(
        "els => els.filter(e => e.offsetParent !== null).map(e => e.id)")


def all_h2(page) -> list[str]:
    """Ids of all H2 headings of the page's own sections."""
    return page.locator("article h2").evaluate_all("els => els.map(e => e.id)")


def assert_stayed_home(page, server):
    """No request left the site and nothing went wrong in the console."""
    assert outside_requests(page.requests_seen, server) == []
    assert page.console_errors == []


def test_projection_button_shortcut_large_type_and_no_chrome(page, server):
    """The header button turns it on (aria-pressed); text is 28px+ at 1920x1080; chrome hidden; contrast."""
    page.set_viewport_size(FULL_HD)
    page.goto(f"{server}/{REC1}")
    assert page.locator("button.projectie-knop").get_attribute("aria-pressed") == "false"
    page.get_by_role("button", name="Projectiemodus").click()
    ready(page)
    button = page.locator("button.projectie-knop")  # hidden with the header now, so not found by role
    assert projecting(page) and button.get_attribute("aria-pressed") == "true"
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer",
                     ".verwijzing"):
        assert not page.locator(selector).first.is_visible(), selector
    exit_button = page.get_by_role("button", name="Projectie sluiten")
    assert exit_button.is_visible()
    looks = exit_button.evaluate("e => { const s = getComputedStyle(e); return [s.opacity, s.color, s.backgroundColor]; }")
    assert looks == ["1", "rgb(0, 0, 0)", "rgb(255, 255, 255)"]  # full contrast, not grey on a projector
    page.keyboard.press("ArrowRight")  # the first section: running text in a paragraph
    sizes = page.locator("article p").evaluate_all(
        "els => els.filter(e => e.offsetParent !== null && !e.matches('.deel-label, .admonition-title'))"
        ".map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes and min(sizes) >= 28, sizes
    colours = page.evaluate("[getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]")
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    assert_stayed_home(page, server)


def test_keyboard_steps_one_section_per_screen(page, server):
    """'b' turns it on; arrows step H2 by H2; PageDown scrolls a long section, then steps; Escape leaves."""
    page.set_viewport_size(FULL_HD)
    page.goto(f"{server}/{REC1}")
    sections = all_h2(page)
    assert len(sections) >= 8
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("b")
    assert projecting(page)
    ready(page)
    assert visible_h2(page) == []  # the title screen
    page.keyboard.press("ArrowRight")
    assert visible_h2(page) == [sections[0]]
    page.keyboard.press("ArrowDown")  # a short section: straight to the next one
    shown = visible_h2(page)
    page.keyboard.press("ArrowRight")
    assert visible_h2(page) == [sections[sections.index(shown[0]) + 1]]
    page.keyboard.press("ArrowLeft")
    assert visible_h2(page) == shown
    assert page.url.endswith(f"#{shown[0]}")
    before = visible_h2(page)
    for _ in range(40):  # PageDown: scrolls while there is more, then moves on
        page.keyboard.press("PageDown")
        if visible_h2(page) != before:
            break
    assert visible_h2(page) == [sections[sections.index(before[0]) + 1]]
    assert page.evaluate("window.scrollY") == 0
    page.keyboard.press("PageUp")
    assert visible_h2(page) == before
    page.keyboard.press("Escape")
    assert not projecting(page)
    assert page.locator(".md-header").is_visible() and len(visible_h2(page)) == len(sections)
    assert_stayed_home(page, server)


# ------------------------------------------------------------------ projection: steps within one screen

HD_READY = {"width": 1280, "height": 720}
# The English recommendation pages are walked here with real key presses; the Dutch ones get the same checks in
# the in-page walk of every page (test_every_step_of_every_page_…), which walks them anyway.
RECOMMENDATION_PAGES = [f"en/aanbevelingen/{r}.html" for r in RECOMMENDATIONS]
DUTCH_RECOMMENDATIONS = {f"aanbevelingen/{r}.html" for r in RECOMMENDATIONS}
MEASURED = DUTCH_RECOMMENDATIONS | set(RECOMMENDATION_PAGES)   # walked inside the page and measured

STEP_JS = """() => {
  const article = document.querySelector('article.md-content__inner');
  const shown = e => e.getClientRects().length > 0;
  // How low the slide reaches: its top-level parts (a wrapper's children) enclose everything shown.
  const parts = [...article.children].flatMap(e => e.matches('.fallback-taal, .aanvulling--pagina') ? [...e.children] : [e]);
  let bottom = 0;
  parts.forEach(e => { if (shown(e)) { bottom = Math.max(bottom, e.getBoundingClientRect().bottom + scrollY); } });
  // The blocks a reader sees: paragraphs, list items, table rows, figures; not one inside another.
  const kinds = 'p, li, tr, pre, figure, .cirkel-blok';
  const blocks = [...article.querySelectorAll(kinds)].filter(e => shown(e) &&
    !e.matches('.admonition-title, .aanvulling__label, .deel-label') && !e.parentElement.closest(kinds));
  const inView = [...article.querySelectorAll('[id^="aanbeveling-"]')].filter(e => {
    const r = e.getBoundingClientRect();
    return shown(e) && /^aanbeveling-\\d-\\d$/.test(e.id) && r.top >= 0 && r.bottom <= innerHeight;
  }).map(e => e.id);
  return {counter: document.querySelector('.projectie-teller').textContent, bottom: Math.round(bottom),
          blocks: blocks.length, inView, height: innerHeight};
}"""


def walk(page, key: str = "ArrowRight") -> list[dict]:
    """Every step of the projected page, from the first, pressing key until the counter stops changing."""
    ready(page)
    steps = [page.evaluate(STEP_JS)]
    for _ in range(200):
        page.keyboard.press(key)
        step = page.evaluate(STEP_JS)
        if step["counter"] == steps[-1]["counter"]:
            return steps
        steps.append(step)
    raise AssertionError("the counter never stopped")


def counted(steps: list[dict]) -> list[str]:
    """Counters that do not say 'n / m' with n the step walked and m the number of steps walked."""
    return [f"step {n}: {s['counter']!r}" for n, s in enumerate(steps, 1) if s["counter"] != f"{n} / {len(steps)}"]


def too_tall(steps: list[dict]) -> list[str]:
    """Steps that reach below the screen while showing more than one block (paragraph, item, row, figure)."""
    return [f"{s['counter']}: {s['blocks']} blocks down to {s['bottom']} px of {s['height']}"
            for s in steps if s["bottom"] > s["height"] and s["blocks"] > 1]


def unseen(ids: list[str], steps: list[dict]) -> list[str]:
    """Sub-recommendation headings that no step brings wholly into view."""
    seen = {i for s in steps for i in s["inView"]}
    return [i for i in ids if i not in seen]


def sub_ids(page) -> list[str]:
    return page.locator("article h3[id^='aanbeveling-']").evaluate_all("els => els.map(e => e.id)")


@pytest.mark.parametrize("path", RECOMMENDATION_PAGES[:1])   # the other eleven: measured in the in-page walk
def test_arrow_right_brings_every_sub_recommendation_into_view_within_the_screen(page, server, path):
    """At 1280x720, → alone walks through every step: each sub-recommendation heading comes into view, no step
    is taller than the screen (unless it is one block), and the counter shows the step (4.2 / 10)."""
    page.set_viewport_size(HD_READY)
    page.goto(f"{server}/{path}?projectie=1")
    ids = sub_ids(page)
    assert len(ids) >= 3
    steps = walk(page)
    assert unseen(ids, steps) == []
    assert too_tall(steps) == []
    assert counted(steps) == []  # "12 / 17": step n of all the screens
    assert len(steps) > len(all_h2(page)) + 1  # sections cut into steps
    assert page.url.split("#")[1] in ("verder", "bespreek", "theorie")  # the hash follows the step
    assert_stayed_home(page, server)


@pytest.mark.parametrize("lang", ["", "en/"])
def test_page_down_walks_the_same_steps(page, server, lang):
    """A presentation clicker sends Page Down: it reaches every sub-recommendation of recommendation 3 too."""
    page.set_viewport_size(HD_READY)
    page.goto(f"{server}/{lang}aanbevelingen/3-autonomie-en-structuur.html?projectie=1")
    ids = sub_ids(page)
    steps = walk(page, "PageDown")
    assert unseen(ids, steps) == [] and too_tall(steps) == []
    assert_stayed_home(page, server)


def test_twin_slides_that_outgrow_the_screen_and_one_long_slide_are_caught(page, server):
    """Break it on purpose: type grown after the steps were cut overflows the screen; showing everything at
    once (the old 'Hoe doe je dat?' slide) leaves sub-recommendations below the screen. Both are reported, by the
    walk with real keys and by the in-page walk the Dutch recommendation pages get."""
    page.set_viewport_size(HD_READY)
    page.goto(f"{server}/aanbevelingen/3-autonomie-en-structuur.html?projectie=1")
    ids = sub_ids(page)
    ready(page)  # the steps are cut; now the type grows
    page.add_style_tag(content="html.projectie .md-typeset { font-size: 1.6rem !important; }")
    assert too_tall(walk(page)) != []
    assert too_tall(page.evaluate(WALK_IN_PAGE_JS, True)) != []   # the in-page walk of the Dutch pages sees it too
    page.goto(f"{server}/aanbevelingen/3-autonomie-en-structuur.html?projectie=1")
    page.add_style_tag(content="html.projectie body .projectie-verborgen { display: revert !important; }")
    assert unseen(ids, walk(page)) != []
    assert unseen(ids, page.evaluate(WALK_IN_PAGE_JS, True)) != []


# ------------------------------------------------------------------ projection a meeting can follow

HEADING_JS = """() => {
  // A heading (h1-h4) of the article that is shown and wholly within the screen, and the counter.
  const within = e => { const r = e.getBoundingClientRect(); return e.getClientRects().length > 0 && r.top >= 0 && r.bottom <= innerHeight; };
  const text = h => h.textContent.replace('¶', '').trim();
  const shown = [...document.querySelectorAll('article :is(h1, h2, h3, h4)')].filter(h =>
    within(h) && h.getBoundingClientRect().height > 0 && getComputedStyle(h).visibility !== 'hidden');
  // A table with rows on the screen shows its header row there too (a continued table repeats it).
  const headerless = [...document.querySelectorAll('article table')].filter(t => t.tHead && t.getClientRects().length &&
    [...t.tBodies].some(b => [...b.rows].some(within)) && !within(t.tHead))
    .map(t => t.tHead.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40));
  // Text under a sub-heading (h3) shows that sub-heading on the screen, or its copy on a continued step (the
  // guide's own sub-headings: a worksheet's part titles, inside its form, are the sheet's, not the text's).
  const onScreen = e => { const r = e.getBoundingClientRect(); return e.getClientRects().length > 0 && r.bottom > 0 && r.top < innerHeight; };
  // the first text on the screen; a walker that skips what is not shown (the other steps: thousands of
  // elements on the whole guide's page)
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_ELEMENT,
    {acceptNode: e => !e.getClientRects().length ? NodeFilter.FILTER_REJECT : e.matches('h1, h2, h3, h4') ?
      NodeFilter.FILTER_REJECT : e.matches('p, li, tr, figure, pre, dd') && onScreen(e) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP});
  const first = walker.nextNode();
  const above = first ? [...document.querySelectorAll('article :is(h2, h3):not(.projectie-vervolgkop)')]
    .filter(h => h.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING).pop() : null;
  const subheading = above && above.tagName === 'H3' && !above.closest('form') && !shown.some(h => h === above ||
    (h.classList.contains('projectie-vervolgkop') && text(h).startsWith(text(above)))) ? text(above) : null;
  return {counter: document.querySelector('.projectie-teller').textContent,
          heading: shown.length ? shown[0].textContent.trim() : null,
          headings: shown.map(text), headerless, subheading};
}"""


RECORD_JS = f"""() => {{
  // Records every screen as it is shown: each change of the counter (a → redraws it) notes what HEADING_JS sees.
  const look = {HEADING_JS};
  window.schermenGezien = [look()];
  new MutationObserver(() => window.schermenGezien.push(look()))
    .observe(document.querySelector('.projectie-teller'), {{childList: true, characterData: true, subtree: true}});
}}"""


def walk_headings(page) -> list[dict]:
    """From the projected page's first step, press → as often as the counter has screens (and once more, which
    must change nothing): per screen shown its counter and the first heading wholly within the screen."""
    page.keyboard.press("Home")
    page.evaluate(RECORD_JS)
    total = int(page.locator(".projectie-teller").text_content().split(" / ")[1])
    for _ in range(total):
        page.keyboard.press("ArrowRight")
    return page.evaluate("window.schermenGezien")


WALK_IN_PAGE_JS = f"""(measure) => {{
  // The same walk inside the page, for many pages at once: → as a keydown on the document (the mode's own
  // listener) as often as the counter has screens, and once more; each screen read right after its key. With
  // measure, each screen also says how low it reaches and which sub-recommendation headings it shows (STEP_JS).
  const heading = {HEADING_JS}, step = {STEP_JS};
  const look = () => measure ? Object.assign(step(), heading()) : heading();
  const press = key => document.dispatchEvent(new KeyboardEvent('keydown', {{key, bubbles: true, cancelable: true}}));
  press('Home');
  const seen = [look()];
  const total = parseInt(seen[0].counter.split(' / ')[1], 10);
  for (let i = 0; i < total; i++) {{ press('ArrowRight'); const now = look(); if (now.counter !== seen[seen.length - 1].counter) seen.push(now); }}
  return seen;
}}"""


def headless_steps(path: str, steps: list[dict]) -> list[str]:
    """Steps that show no heading within the screen, rows of a table without its header row, or text under a
    sub-heading without that sub-heading (or its copy)."""
    return ([f"{path} {s['counter']}" for s in steps if not s["heading"]] +
            [f"{path} {s['counter']}: rows of the table '{t}' without its header row"
             for s in steps for t in s.get("headerless", [])] +
            [f"{path} {s['counter']}: text under '{s['subheading']}' without that sub-heading"
             for s in steps if s.get("subheading")])


def test_every_step_of_every_page_shows_a_heading_and_the_counter_counts_the_screens(browser, server, site):
    """At 1280x720, a page of every kind (the walk's cover, tests/rondgang.py: every block, admonition, template
    and asset of the site is on one of them) and the twelve recommendation pages projected and walked with →
    alone (one browser context; the keys are sent inside the page, and test_arrow_right_… walks one page with
    real key presses): each step shows a heading (a continued step repeats it), text under a sub-heading shows
    that sub-heading or its copy, a table's rows come with its header row, and the counter says 'n / m' with m
    the number of steps walked. On the twelve recommendation pages also: every sub-recommendation heading
    comes into view and no step is taller than the screen unless it is one block. How a page is cut into steps
    is unit-tested in node (tests/js/projectie.test.js); this walk checks what only a browser shows, that a
    heading stands wholly within each screen, and so needs a page of every kind, not every page."""
    from rondgang import cover

    paths = sorted(set(cover(site)) | MEASURED)
    assert len(paths) >= len(MEASURED) + 5 and "hele-leidraad.html" in paths
    context = browser.new_context(viewport=HD_READY, locale="nl-NL")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    problems, walked, measured = [], 0, 0
    try:
        for path in paths:
            page.goto(f"{server}/{path}?projectie=1")
            ready(page)
            measure = path in MEASURED
            steps = page.evaluate(WALK_IN_PAGE_JS, measure)   # keys inside the page: 900 steps without a round trip each
            walked += len(steps)
            problems += headless_steps(path, steps) + [f"{path} {c}" for c in counted(steps)]
            if measure:
                ids = sub_ids(page)
                measured += 1
                problems += [f"{path}: {p}" for p in unseen(ids, steps) + too_tall(steps)] + ([] if len(ids) >= 3 else [f"{path}: {ids}"])
    finally:
        context.close()
    print(f"{len(paths)} pages, {walked} steps walked")
    assert problems == [] and errors == []
    assert walked > 3 * len(paths) and measured == len(MEASURED)


def test_twin_a_continued_step_without_its_heading_is_caught(page, server):
    """Break it on purpose: hide the repeated headings; the continued steps of recommendation 1 (such as
    the rest of the research box) and of the interpersonal theory then show no heading, and the walk says so."""
    page.set_viewport_size(HD_READY)
    for path in (REC1, "theorie/interpersoonlijke-theorie.html"):
        page.goto(f"{server}/{path}?projectie=1")
        ready(page)
        by_keys = walk_headings(page)
        assert headless_steps(path, by_keys) == []
        assert [s["counter"] for s in page.evaluate(WALK_IN_PAGE_JS)] == [s["counter"] for s in by_keys][:len(by_keys)]
        page.add_style_tag(content="html.projectie .md-typeset .projectie-vervolgkop { display: none !important; }")
        assert len(headless_steps(path, walk_headings(page))) >= 2, path
        assert len(headless_steps(path, page.evaluate(WALK_IN_PAGE_JS))) >= 2, path
    assert_stayed_home(page, server)


def test_twin_rows_without_their_header_row_and_text_without_its_sub_heading_are_caught(page, server):
    """Break it on purpose: with the tables' header rows hidden, the walk names the rows shown without them (the
    interpersonal theory's tables); with the copies of the sub-headings hidden (the copies of the H2 stay), it
    names the continued steps of recommendation 1 whose text stands under a sub-heading that is not shown."""
    page.set_viewport_size(HD_READY)
    for path, broken, found in (
            ("theorie/interpersoonlijke-theorie.html", "html.projectie .md-typeset thead { display: none !important; }",
             "without its header row"),
            (REC1, "html.projectie .md-typeset h3.projectie-vervolgkop { display: none !important; }",
             "without that sub-heading")):
        page.goto(f"{server}/{path}?projectie=1")
        ready(page)
        assert headless_steps(path, page.evaluate(WALK_IN_PAGE_JS)) == []
        page.add_style_tag(content=broken)
        named = [problem for problem in headless_steps(path, page.evaluate(WALK_IN_PAGE_JS)) if found in problem]
        assert len(named) >= 2, (path, named)
    assert_stayed_home(page, server)


GRID_JS = r"""() => {
  // The cells of the table shown: their borders and padding; where the table ends.
  const cells = [...document.querySelectorAll('article table td, article table th')].filter(c => c.getClientRects().length);
  const table = cells.length ? cells[0].closest('table').getBoundingClientRect() : null;
  return {cells: cells.length, bottom: table && table.bottom, height: innerHeight, problems: cells.flatMap(c => {
    const s = getComputedStyle(c);
    const found = [];
    for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
      const alpha = (s['border' + side + 'Color'].match(/rgba\(.*,\s*([\d.]+)\)/) || [0, '1'])[1];
      if (parseFloat(s['border' + side + 'Width']) < 1.5 || s['border' + side + 'Style'] === 'none' || parseFloat(alpha) < .9) {
        found.push(`${c.textContent.trim().slice(0, 12)}: ${side} ${s['border' + side + 'Width']} ${s['border' + side + 'Color']}`);
      }
    }
    if (parseFloat(s.paddingLeft) < 6 || parseFloat(s.paddingRight) < 6) { found.push(`${c.textContent.trim().slice(0, 12)}: padding ${s.padding}`); }
    return found;
  })};
}"""


@pytest.mark.parametrize("broken", [False, True])
def test_projected_timetable_has_a_grid_at_1280x720(page, server, broken):
    """The team meeting's timetable, projected at 1280x720: every cell has a dark border of 2 px and room
    around its text ('15–30 min' and 'Bespreken' no longer run together), the table within the screen.
    Its twin takes the grid away again (Material's own hairline look) and the check sees it."""
    page.set_viewport_size(HD_READY)
    page.goto(f"{server}/teamoverleg.html?projectie=1#opzet")
    ready(page)
    if broken:
        page.add_style_tag(content="html.projectie .md-typeset table td, html.projectie .md-typeset table th "
                                   "{ border: .05rem solid rgba(0,0,0,.12) !important; padding: 0 !important; }")
    grid = None
    for _ in range(4):  # from the section's first step to the table's
        grid = page.evaluate(GRID_JS)
        if grid["cells"]:
            break
        page.keyboard.press("ArrowRight")
    assert grid["cells"] >= 15
    assert grid["bottom"] <= grid["height"]
    assert (grid["problems"] != []) == broken, grid["problems"][:5]
    assert_stayed_home(page, server)


def test_go_to_key_lists_the_steps_and_lands_on_the_chosen_one(page, server):
    """'g' opens the list of steps on the current one; ↓ and Enter go to the chosen step (counter and
    heading); Escape closes the list without leaving projection; the button does the same as the key."""
    page.set_viewport_size(HD_READY)
    page.goto(f"{server}/{REC1}?projectie=1")
    ready(page)
    total = int(page.locator(".projectie-teller").text_content().split(" / ")[1])
    page.keyboard.press("g")
    menu = page.get_by_role("dialog", name="Ga naar…")
    assert menu.is_visible()
    items = menu.get_by_role("button")
    assert items.count() == total
    assert page.evaluate("document.activeElement.getAttribute('aria-current')") == "step"  # on step 1
    for _ in range(6):
        page.keyboard.press("ArrowDown")
    chosen = page.evaluate("document.activeElement.textContent")
    assert chosen.startswith("7. ")
    page.keyboard.press("Enter")
    assert not menu.is_visible() and projecting(page)
    assert page.locator(".projectie-teller").text_content() == f"7 / {total}"
    assert chosen[3:] in page.evaluate(HEADING_JS)["headings"]  # the step the list named
    page.keyboard.press("g")
    page.keyboard.press("End")
    assert page.evaluate("document.activeElement.textContent").startswith(f"{total}. ")
    page.keyboard.press("Escape")
    assert not menu.is_visible() and projecting(page)
    assert page.locator(".projectie-teller").text_content() == f"7 / {total}"
    page.get_by_role("button", name="Ga naar…").click()
    menu.get_by_role("button").nth(2).click()
    assert page.locator(".projectie-teller").text_content() == f"3 / {total}"
    assert_stayed_home(page, server)


def test_meeting_clock_follows_the_agenda_and_stays_off_paper(page, server):
    """'t' starts a clock in the corner; on the team meeting page it names the item of the timetable by the
    time gone (6 minutes: 'Casus bekijken'); 't' pauses it; it is not printed."""
    page.clock.install()
    page.set_viewport_size(HD_READY)
    page.goto(f"{server}/teamoverleg.html?projectie=1")
    ready(page)
    clock = page.locator(".projectie-klok")
    assert not clock.is_visible()
    page.keyboard.press("t")
    assert clock.text_content() == "00:00 · Terugblik"
    page.clock.run_for(6 * 60 * 1000)
    assert clock.text_content() == "06:00 · Casus bekijken"
    page.keyboard.press("t")  # pause
    page.clock.run_for(60 * 1000)
    assert clock.text_content() == "06:00 · Casus bekijken"
    page.emulate_media(media="print")
    assert not clock.is_visible()
    page.emulate_media(media="screen")
    page.keyboard.press("T")  # put away
    assert not clock.is_visible()
    assert_stayed_home(page, server)


LABELS_JS = """() => {
  const svg = [...document.querySelectorAll('.cirkel-blok .cirkel-svg')].find(s => s.getClientRects().length &&
    s.getBoundingClientRect().top < innerHeight && s.getBoundingClientRect().bottom > 0);
  if (!svg) { return null; }
  const scale = svg.getScreenCTM().a;
  const px = selector => Math.min(...[...svg.querySelectorAll(selector)].map(t => parseFloat(getComputedStyle(t).fontSize) * scale));
  return {label: px('.cirkel-label'), axis: px('.cirkel-asnaam'), bottom: svg.closest('figure').getBoundingClientRect().bottom,
          height: innerHeight};
}"""


def small_labels(sizes: dict) -> list[str]:
    """What keeps the circle from being read on a projector: labels under 18 px, or a figure below the screen."""
    problems = [f"sector labels {sizes['label']:.1f} px"] if sizes["label"] < 18 else []
    return problems + ([f"figure ends at {sizes['bottom']:.0f} px"] if sizes["bottom"] > sizes["height"] else [])


@pytest.mark.parametrize("lang", ["", "en/"])
def test_projected_circle_takes_the_screen_height_with_labels_of_18_px(page, server, lang):
    """Figure 1 projected at 1280x720: sector labels at least 18 px, the figure within the screen.
    Its twin: the same measurement on the page as read normally finds the small labels (about 13 px)."""
    page.set_viewport_size(HD_READY)
    page.goto(f"{server}/{lang}theorie/interpersoonlijke-theorie.html?projectie=0#interpersoonlijke-cirkel")
    page.locator(".cirkel-blok .cirkel-svg").first.scroll_into_view_if_needed()
    normal = page.evaluate(LABELS_JS)
    assert small_labels(normal) and normal["label"] < 14  # the twin: small in the normal view
    page.keyboard.press("b")
    ready(page)
    sizes = None
    for _ in range(5):  # from the section's first step to the figure's
        sizes = page.evaluate(LABELS_JS)
        if sizes:
            break
        page.keyboard.press("ArrowRight")
    assert sizes, "the figure never came on screen"
    assert small_labels(sizes) == [], sizes
    assert sizes["axis"] >= 13
    assert_stayed_home(page, server)


def test_the_mode_survives_navigation_and_escape_ends_it(page, server):
    """On with ?projectie=1, still on after Material's 'n' (next page); off after Escape, also on the next page."""
    page.set_viewport_size(FULL_HD)
    page.goto(f"{server}/{REC1}?projectie=1")
    assert projecting(page)
    page.keyboard.press("n")
    page.wait_for_url("**/2-kansen-voor-positief-gedrag.html*")
    assert projecting(page)
    assert not page.locator(".md-sidebar--primary").is_visible()
    page.keyboard.press("Escape")
    assert not projecting(page)
    page.goto(f"{server}/{REC1}")
    assert not projecting(page)
    page.goto(f"{server}/{REC1}?projectie=1")
    page.goto(f"{server}/{REC1}?projectie=0")
    assert not projecting(page)
    assert_stayed_home(page, server)


def test_typing_b_in_the_search_box_does_not_toggle(page, server):
    """The shortcut leaves text fields alone."""
    page.goto(f"{server}/{REC1}")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").click()
    page.keyboard.type("band")
    assert not projecting(page)
    assert_stayed_home(page, server)


def test_english_pages_name_the_button_in_english(page, server):
    """The accessible name follows the page language."""
    page.goto(f"{server}/en/{REC1}")
    assert page.get_by_role("button", name="Projection mode").is_visible()
    assert_stayed_home(page, server)


@pytest.mark.parametrize("lang", ["", "en/"])
def test_poster_prints_on_exactly_one_a4_landscape_page(page, server, pdf_pages, tmp_path, lang):
    """One page with landscape A4, and one landscape page when the browser follows the CSS page size."""
    page.goto(f"{server}/{lang}poster.html")
    assert pdf_pages(page, landscape=True) == 1
    from pypdf import PdfReader

    path = tmp_path / "poster-css.pdf"
    page.pdf(path=str(path), format="A4", prefer_css_page_size=True, print_background=True)
    reader = PdfReader(str(path))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    text = reader.pages[0].extract_text()
    for number in range(1, 7):
        assert re.search(rf"{number}\.1\b", text), number
    assert "Zo verwijs je" not in text and "Zoeken" not in text
    assert "How to cite" not in text and "Search" not in text
    assert_stayed_home(page, server)


def test_poster_is_readable_when_projected(page, server):
    """Projected, the poster shows one part per screen, its three cards side by side within the screen."""
    page.set_viewport_size(FULL_HD)
    page.goto(f"{server}/poster.html?projectie=1")
    ready(page)
    page.keyboard.press("ArrowRight")
    assert visible_h2(page) == ["deel-1"]
    cards = page.locator(".poster__kaart").evaluate_all(
        "els => els.filter(e => e.offsetParent !== null).map(e => e.getBoundingClientRect().toJSON())")
    assert len(cards) == 3 and len({round(c["top"]) for c in cards}) == 1
    assert all(c["right"] <= 1920 for c in cards)
    size = page.locator(".poster__kaart li").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 24
    assert_stayed_home(page, server)


def test_glossary_tooltip_appears_on_keyboard_focus(page, server):
    """Tabbing to a glossary link shows Material's tooltip with the definition, tied by aria-describedby."""
    page.goto(f"{server}/{REC1}")
    link = page.locator("article a[href*='begrippen.html#']").first
    definition = link.get_attribute("title")
    assert definition and ": " in definition
    # Focus whatever comes just before the link in tab order, then reach the link with the Tab key.
    link.evaluate("""el => {
        const all = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
            .filter(e => e.tabIndex >= 0 && e.offsetParent !== null);
        all[all.indexOf(el) - 1].focus();
    }""")
    page.keyboard.press("Tab")
    assert link.evaluate("el => el === document.activeElement"), "Tab did not reach the glossary link"
    # The link's own tooltip, found through aria-describedby: the element focused before it (a permalink ¶)
    # may still be fading its own tooltip out, so ".md-tooltip2--active" alone can match two.
    page.wait_for_function("el => !!el.getAttribute('aria-describedby')", arg=link.element_handle(), timeout=3000)
    described = link.get_attribute("aria-describedby")
    tooltip = page.locator(f"#{described}")
    assert tooltip.count() == 1
    page.wait_for_function("el => el.classList.contains('md-tooltip2--active')", arg=tooltip.element_handle(),
                           timeout=3000)
    tooltip.wait_for(state="visible", timeout=3000)
    assert tooltip.inner_text().strip() == definition
    assert_stayed_home(page, server)


@pytest.mark.parametrize("lang", ["", "en/"])
def test_whole_guide_prints_chapters_in_order_each_on_a_new_page(page, server, tmp_path, lang):
    """Theories before recommendations, the glossary and the sources at the end; every chapter's title opens
    a page; one edition stamp; no heading left at a page foot, no 'previous and next', no short last page."""
    page.goto(f"{server}/{lang}hele-leidraad.html")
    chapters = page.locator("section.hele-leidraad__hoofdstuk").evaluate_all(
        "els => els.map(e => [e.id, e.getAttribute('aria-label')])")
    assert [c for c, _ in chapters][-2:] == ["begrippen", "over-deze-leidraad"]
    pages = print_page(page, tmp_path / "hele-leidraad.pdf")
    texts = [" ".join(lines) for lines in pages]
    assert len(texts) >= max(9, len(chapters) + 1)
    first_page, previous = {}, 0
    for chapter, title in chapters:  # each title opens a later page (a part label may stand above it)
        starts = [n for n in range(previous + 1, len(texts)) if title.casefold() in texts[n][:len(title) + 100].casefold()]
        assert starts, f"{title} does not open a page after page {previous + 1}"
        first_page[chapter] = previous = starts[0]
    chapters_of_recommendations = [f"aanbeveling-{n}" for n in range(1, 7)]  # hooks/hele_leidraad.py names them so
    assert max(first_page[t] for t in THEORIES) < min(first_page[r] for r in chapters_of_recommendations)
    assert "Zoeken" not in "".join(texts[:3]) and "Search" not in "".join(texts[:3])  # no navigation, search
    language = "en" if lang else "nl"
    site = page.evaluate("document.querySelector('.drukstempel__site').textContent")
    title = page.locator("article h1").first.inner_text().replace("¶", "").strip()
    assert stamp_problems(pages[0][:4], site=site, title=title, address=f"{server}/{lang}hele-leidraad.html",
                          language=language) == []
    assert sum(len(versions(t, language)) for t in texts) == 1  # the chapters' own stamps stay off paper
    assert stranded(pages, heading_texts(page)) == []
    assert "Vorige en volgende" not in " ".join(texts) and "Previous and next" not in " ".join(texts)
    assert len(pages[-1]) >= 6, pages[-1]
    print(f"\n{lang}hele-leidraad.html: {len(texts)} A4 pages, {len(chapters)} chapters")
    assert_stayed_home(page, server)
