"""The team cycle's hand-outs on paper (docs/teamcyclus/, print rules in docs/assets/stylesheets/team.css).

A session page opened through its hand-out link (#hand-out) prints the hand-out only, on one A4 page, with
its aim and its agenda; printed as is, the page gives the whole session with the hand-out on a sheet of its
own. The check is a plain function of the PDF's text (papier.pdf_lines); its twins print a page broken on
purpose (a hand-out grown too long, one without its agenda) and see it fail. Over http for every session in
both languages, and from file:// (a USB stick) for one session.
"""
from __future__ import annotations

import re

import pytest

from conftest import outside_requests
from papier import heading_texts, norm, print_page, stamp_problems, stranded

SESSIONS = ["1-start-met-de-teamscan", "2-deel-1-positieve-relaties", "3-deel-2-negativiteit-beperken",
            "4-van-afspraak-naar-plan", "5-terugblik-tweede-scan"]
LANGUAGES = ["", "en/"]
SPARE_MM = 15   # what a hand-out leaves free at the foot of its sheet, at the least
PAGE_ONLY = {"": ["Voorbereiden", "Gespreksvragen", "Zo verwijs je", "Hand-out afdrukken"],    # what the hand-out leaves off paper
             "en/": ["Prepare", "Discussion questions", "How to cite", "Print the hand-out"]}
PRINT_BUTTON = {"": "Hand-out afdrukken", "en/": "Print the hand-out"}

# What the hand-out says it holds, read from the page: its aim (the paragraph that starts with Doel./Aim.)
# and the steps and minutes of its agenda (its first table).
HANDOUT_JS = """() => {
  const handout = document.querySelector('.handout');
  const aim = [...handout.querySelectorAll(':scope > p')].find(p => /^(Doel|Aim)\\./.test(p.textContent.trim()));
  const table = handout.querySelector('table');
  return {
    title: handout.querySelector(':scope > p').textContent,
    aim: aim ? aim.textContent : '',
    steps: table ? [...table.querySelectorAll('tbody tr')].map(tr => [...tr.cells].slice(0, 2).map(c => c.textContent)) : [],
  };
}"""


def handout_problems(pages: list[list[str]], expected: dict) -> list[str]:
    """What a printed hand-out lacks: one A4 page, its aim, every agenda step with its minutes."""
    problems = [] if len(pages) == 1 else [f"{len(pages)} pages, not one"]
    text = norm(" ".join(line for page in pages[:1] for line in page))
    squashed = re.sub(r"[\s-]", "", text)   # a wrapped 'sub-recommendations' loses its hyphen in pdftotext
    if not expected["aim"] or re.sub(r"[\s-]", "", norm(expected["aim"])) not in squashed:
        problems.append(f"the aim is not on the page: {expected['aim']!r}")
    if not expected["steps"]:
        problems.append("the hand-out has no agenda")
    for step, minutes in expected["steps"]:   # pdftotext gives a table cell by cell: step, then its minutes
        if f"{norm(step)} {minutes} " not in text:
            problems.append(f"agenda step {step!r} ({minutes} min) is not on the page")
    return problems


def print_handout(page, url: str, path) -> tuple[list[list[str]], dict]:
    """Open url, print it to an A4 PDF at path; return its text per page and what the hand-out holds."""
    page.goto(url)
    expected = page.evaluate(HANDOUT_JS)
    return print_page(page, path), expected


# The whole page and the hand-out were two tests that opened the same page; now one opens it, prints it whole,
# then prints the hand-out through its print button (the link's way, #hand-out, is the USB test's). The
# room to spare was a third print of the hand-out: now the hand-out is printed once, with the 15 mm added, and
# printed again without them only when it does not fit, to say which of the two failed. Both languages stay:
# their texts differ in length, and the length is what decides one sheet.
@pytest.mark.parametrize("session", SESSIONS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_prints_whole_and_through_its_link_the_handout_alone_on_one_a4(page, server, tmp_path, lang,
                                                                                 session):
    """Printed as is: the whole session, no heading left at a page foot, and one sheet that holds the hand-out
    and nothing else. Through its link: the hand-out alone, one A4 with its aim and its agenda, the edition
    stamp, none of the rest of the page, with room to spare; through its button the same, and after that print
    the page prints whole again."""
    address = f"{server}/{lang}teamcyclus/{session}.html"
    pages, expected = print_handout(page, address, tmp_path / "page.pdf")
    assert len(pages) > 1, "the whole page printed on one sheet"
    assert stranded(pages, heading_texts(page)) == []
    sheets = [p for p in pages if norm(expected["title"]) in norm(" ".join(p))]
    assert len(sheets) == 1, f"the hand-out's title is on {len(sheets)} sheets of the whole page"
    assert handout_problems(sheets, expected) == [], "the hand-out's sheet in the whole page"
    assert [word for word in PAGE_ONLY[lang] if word in " ".join(sheets[0])] == []

    # the hand-out's own print button (the page's link, #hand-out, is the USB test's way in): on screen it shows;
    # it marks the page for that one print (the print dialog itself is stubbed: it would wait for a person)
    page.emulate_media(media="screen")
    button = page.get_by_role("button", name=PRINT_BUTTON[lang])
    assert button.is_visible(), "the hand-out's print button is not shown"
    page.evaluate("() => { window.print = () => { window.gedrukt = document.documentElement.className; }; }")
    button.click()
    assert "druk-hand-out" in page.evaluate("window.gedrukt"), "the button did not mark the page for the hand-out"
    # room to spare for another browser's fonts and margins: 15 mm more still fits on the sheet
    page.evaluate(f"() => document.querySelector('.handout').append(Object.assign(document.createElement('div'),"
                  f" {{className: 'ruimte', style: 'height: {SPARE_MM}mm'}}))")
    pages = print_page(page, tmp_path / "hand-out.pdf")
    if len(pages) != 1:
        page.evaluate("() => document.querySelector('.handout .ruimte').remove()")
        without = print_page(page, tmp_path / "zonder-ruimte.pdf")
        assert len(without) != 1, f"less than {SPARE_MM} mm to spare on the hand-out's sheet"
    assert handout_problems(pages, expected) == []
    text = " ".join(pages[0])
    assert [word for word in PAGE_ONLY[lang] if word in text] == []
    assert norm(expected["title"]) in norm(text)
    # a copied sheet still says where it comes from: the edition stamp (site, page title, version, address)
    site = page.locator(".md-header__topic").first.text_content().strip()
    title = page.locator("article h1").first.inner_text().replace("¶", "").strip()
    assert stamp_problems(pages[0], site=site, title=title, address=address,
                          language="en" if lang else "nl") == []
    assert outside_requests(page.requests_seen, server) == [] and page.console_errors == []
    # after that print the page is whole again: a later Ctrl+P prints every part
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert "druk-hand-out" not in page.evaluate("document.documentElement.className")


# One language: from file:// what can differ is how the stylesheets load, not the words.
def test_handout_prints_on_one_a4_from_a_usb_stick(page, site, tmp_path):
    """From file:// too (no server): the fullest hand-out, with its empty plan, on one page."""
    url = (site / "teamcyclus/4-van-afspraak-naar-plan.html").as_uri() + "#hand-out"
    pages, expected = print_handout(page, url, tmp_path / "usb.pdf")
    assert handout_problems(pages, expected) == []
    assert page.console_errors == []


# ---------------------------------------------------------------- twins: the check on hand-outs broken on purpose

def test_twin_a_handout_grown_past_one_page_is_reported(page, server, tmp_path):
    """Twenty-five more questions on the hand-out push it onto a second sheet: the check says so."""
    page.goto(f"{server}/teamcyclus/1-start-met-de-teamscan.html#hand-out")
    page.evaluate("""() => {
      const list = document.querySelector('.handout ol');
      for (let i = 0; i < 25; i++) { list.append(Object.assign(document.createElement('li'),
        {textContent: 'Een extra vraag die de hand-out langer maakt dan één blad papier toelaat.'})); }
    }""")
    expected = page.evaluate(HANDOUT_JS)
    problems = handout_problems(print_page(page, tmp_path / "te-lang.pdf"), expected)
    assert problems and problems[0] == "2 pages, not one"


def test_twin_a_handout_without_aim_or_agenda_is_reported(page, server, tmp_path):
    """A hand-out that lost its agenda table, or prints without its aim, fails the check."""
    page.goto(f"{server}/en/teamcyclus/3-deel-2-negativiteit-beperken.html#hand-out")
    expected = page.evaluate(HANDOUT_JS)
    page.evaluate("() => document.querySelector('.handout table').remove()")
    problems = handout_problems(print_page(page, tmp_path / "zonder-agenda.pdf"), expected)
    assert problems and all(p.startswith("agenda step") for p in problems)
    assert len(problems) == len(expected["steps"])
    assert handout_problems(print_page(page, tmp_path / "zonder-agenda.pdf"), page.evaluate(HANDOUT_JS)) == [
        "the hand-out has no agenda"]
    page.evaluate("() => [...document.querySelectorAll('.handout > p')].find(p => p.textContent.startsWith('Aim.'))"
                  ".remove()")
    problems = handout_problems(print_page(page, tmp_path / "zonder-doel.pdf"), expected)
    assert any(p.startswith("the aim is not on the page") for p in problems)


def test_twin_without_the_link_the_whole_page_is_printed(page, server, tmp_path):
    """The hand-out-only rule hangs on the target: with another section targeted, more than the hand-out prints."""
    pages, expected = print_handout(page, f"{server}/teamcyclus/2-deel-1-positieve-relaties.html#agenda",
                                    tmp_path / "agenda.pdf")
    assert handout_problems(pages, expected)[0].endswith("pages, not one")
