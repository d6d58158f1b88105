"""On a phone (390x844): wide worksheet tables say that they scroll, and the self-reflection's sliders can
be touched. Each check is a function of what the page measures; its twin breaks the page on purpose and sees
the check fail.
"""
from __future__ import annotations


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




def table_problems(page, lang: str, path: str) -> list[str]:
    """Columns that do not fit are reached by scrolling the table, which a line above it says (in the page's
    language) and a shadow shows; the page itself does not scroll sideways."""
    tables = page.evaluate(TABLES_JS)
    if not tables:
        return ["no worksheet table"]
    problems = hidden_without_cue(tables)
    if not (any(t["hidden"] for t in tables) or path.endswith("turven.html")):
        problems.append("no table overflows: the wide ones did")   # the wide ones do overflow
    word = "Scroll" if lang else "Schuif"
    problems += [f"the cue does not say {word!r}: {t['cue']!r}" for t in tables if t["hidden"] and word not in t["cue"]]
    width = page.evaluate("document.scrollingElement.scrollWidth")
    return problems + ([f"the page is {width} px wide"] if width > PHONE["width"] else [])


def sliders_twin(page) -> list[str]:
    """Put the browser's default 100x16 px back: the check reports every slider."""
    page.add_style_tag(content=".cirkel-schuif input { height: 16px !important; width: 100px !important; min-width: 0 !important; }")
    found = slider_problems(page.evaluate(SLIDERS_JS))
    return [] if len(found) == 16 else [f"twin: the old small sliders gave {len(found)} problems, not 16"]


def tables_twin(page) -> list[str]:
    """Take the cue and the shadow away: the five-column table shows three columns and the check says so."""
    page.add_style_tag(content=""".md-typeset .werkblad-deel--tabel::before { content: none !important; }
        .md-typeset .werkblad-deel--tabel { background: none !important; }""")
    found = hidden_without_cue(page.evaluate(TABLES_JS))
    return [] if found and "out of sight" in found[0] else [f"twin: a table cut off without a cue was not reported: {found}"]


# One test per sheet, language and twin opened a fresh phone ten times; the checks are functions of what each
# page measures, so one phone walks the pages (the twins last on the page they break) and names every failure.
# Both languages stay: the cue's words and the columns' widths differ.
def test_on_a_phone_wide_tables_say_that_they_scroll_and_the_sliders_can_be_touched(page, server):
    """Wide worksheet tables scroll in their box with a cue in the page's language and a shadow; all sixteen
    sliders of the self-reflection are at least 24 px high and 160 px wide, inside the screen."""
    page.set_viewport_size(PHONE)
    problems = {}
    for lang in ("", "en/"):
        for path in TABLE_SHEETS:
            page.goto(f"{server}/{lang}{path}")
            found = table_problems(page, lang, path)
            if (lang, path) == ("", TABLE_SHEETS[0]):
                found += tables_twin(page)
            problems[lang + path] = found
        page.goto(f"{server}/{lang}{REFLECTION}")
        measured = page.evaluate(SLIDERS_JS)
        found = slider_problems(measured) + ([] if len(measured["sliders"]) == 16 else [f"{len(measured['sliders'])} sliders"])
        if not lang:
            found += sliders_twin(page)
        problems[lang + REFLECTION] = found
    assert {path: found for path, found in problems.items() if found} == {}
    assert outside_requests(page.requests_seen, server) == []
