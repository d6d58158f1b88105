"""On a phone (390x844): wide worksheet tables say that they scroll, and the self-reflection's sliders can
be touched. Each check is a function of what the page measures; its twin breaks the page on purpose and sees
the check fail.
"""
from __future__ import annotations

import pytest

from conftest import outside_requests

PHONE = {"width": 390, "height": 844}
TABLE_SHEETS = ["aan-de-slag/leer-je-leerlingen-kennen.html", "aan-de-slag/2x10-oefening.html",
                "aan-de-slag/drie-tegen-een-turven.html"]
REFLECTION = "theorie/cirkel-verkenner.html"

TABLES_JS = """() => [...document.querySelectorAll('form.werkblad table.werkblad-tabel')].map(table => {
  let box = table.parentElement;  // the element that scrolls sideways, if any
  while (box && box !== document.body && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) {
    box = box.parentElement;
  }
  const scroller = box && box !== document.body ? box : null;
  const edge = Math.min(innerWidth, scroller ? scroller.getBoundingClientRect().right : innerWidth);
  const cue = scroller ? getComputedStyle(scroller, '::before') : null;
  return {
    columns: table.querySelectorAll('thead th').length,
    hidden: [...table.querySelectorAll('thead th')].filter(th => th.getBoundingClientRect().right > edge + 1)
      .map(th => th.textContent.trim()),
    scrolls: !!scroller && scroller.scrollWidth > scroller.clientWidth,
    cue: cue && cue.display !== 'none' && !['none', 'normal', '""'].includes(cue.content) ? cue.content : '',
    shadow: scroller ? getComputedStyle(scroller).backgroundImage.includes('gradient') : false,
  };
})"""


def hidden_without_cue(tables: list[dict]) -> list[str]:
    """Tables with columns beyond the screen's (or their box's) edge and no scroll cue, box or shadow."""
    problems = []
    for n, t in enumerate(tables, start=1):
        if t["hidden"] and not (t["scrolls"] and t["cue"] and t["shadow"]):
            problems.append(f"table {n}: {', '.join(t['hidden'])} out of sight; scrolls={t['scrolls']}, "
                            f"cue={t['cue']!r}, shadow={t['shadow']}")
    return problems


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("path", TABLE_SHEETS)
def test_wide_worksheet_tables_say_that_they_scroll(page, server, path, lang):
    """Columns that do not fit are reached by scrolling the table, which a line above it says (in the page's
    language) and a shadow shows; the page itself does not scroll sideways."""
    page.set_viewport_size(PHONE)
    page.goto(f"{server}/{lang}{path}")
    tables = page.evaluate(TABLES_JS)
    assert tables
    assert hidden_without_cue(tables) == []
    assert any(t["hidden"] for t in tables) or path.endswith("turven.html")  # the wide ones do overflow
    for t in tables:
        if t["hidden"]:
            assert ("Scroll" if lang else "Schuif") in t["cue"]
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    assert outside_requests(page.requests_seen, server) == []


def test_twin_a_table_cut_off_without_a_cue_is_reported(page, server):
    """Take the cue and the shadow away: the five-column table shows three columns and the check says so."""
    page.set_viewport_size(PHONE)
    page.goto(f"{server}/{TABLE_SHEETS[0]}")
    page.add_style_tag(content=""".md-typeset .werkblad-deel--tabel::before { content: none !important; }
        .md-typeset .werkblad-deel--tabel { background: none !important; }""")
    problems = hidden_without_cue(page.evaluate(TABLES_JS))
    assert problems and "out of sight" in problems[0]


SLIDERS_JS = """() => {
  const table = document.querySelector('.cirkel-schuiven');
  return {sliders: [...table.querySelectorAll('input[type=range]')].map(e => {
            const r = e.getBoundingClientRect();
            return {width: r.width, height: r.height, right: r.right, steps: +e.max - +e.min};
          }),
          tableRight: table.getBoundingClientRect().right, width: innerWidth};
}"""


def slider_problems(m: dict) -> list[str]:
    """Sliders too small to touch (under 24 px high, WCAG 2.5.8; under 160 px wide) or past the screen edge."""
    problems = []
    for n, s in enumerate(m["sliders"], start=1):
        if s["height"] < 24 or s["width"] < 160:
            problems.append(f"slider {n}: {s['width']:.0f}x{s['height']:.0f} px, {s['width'] / s['steps']:.0f} px a step")
        if s["right"] > m["width"]:
            problems.append(f"slider {n} ends at {s['right']:.0f} px of {m['width']}")
    if m["tableRight"] > m["width"]:
        problems.append(f"the table ends at {m['tableRight']:.0f} px of {m['width']}")
    return problems


@pytest.mark.parametrize("lang", ["", "en/"])
def test_reflection_sliders_are_large_enough_to_touch_on_a_phone(page, server, lang):
    """All sixteen sliders: at least 24 px high and 160 px wide (16 px or more a step), inside the screen."""
    page.set_viewport_size(PHONE)
    page.goto(f"{server}/{lang}{REFLECTION}")
    measured = page.evaluate(SLIDERS_JS)
    assert len(measured["sliders"]) == 16
    assert slider_problems(measured) == []
    assert outside_requests(page.requests_seen, server) == []


def test_twin_the_old_small_sliders_are_reported(page, server):
    """Put the browser's default 100x16 px back: the check reports every slider."""
    page.set_viewport_size(PHONE)
    page.goto(f"{server}/{REFLECTION}")
    page.add_style_tag(content=".cirkel-schuif input { height: 16px !important; width: 100px !important; min-width: 0 !important; }")
    assert len(slider_problems(page.evaluate(SLIDERS_JS))) == 16
