"""On paper: a recommendation and two worksheets printed to A4 by Chromium and read back with pdftotext.

No heading or box title left alone at the foot of a page; every printout carries the edition stamp (site,
page title, 'versie' with the date the content last changed, address); nothing of no use on paper (the
links to the previous and next recommendation, buttons, search); blank worksheets stay one page; a field
that has the focus when printing starts prints no focus ring or text cursor; an answer of three pages prints
every line once, none struck through by a ruling line. The whole guide is checked in
test_team.py, on the PDF that test already makes. Each check is a function in tests/papier.py and has a
twin here that breaks it on purpose and sees it fail.
"""
from __future__ import annotations

import html
import re
import subprocess

import pytest

from conftest import outside_requests
from papier import heading_texts, print_page, stamp_problems, stranded, versions

REC3 = "aanbevelingen/3-autonomie-en-structuur.html"
SHEETS = ["aan-de-slag/2x10-oefening.html", "aan-de-slag/leer-je-leerlingen-kennen.html"]
USELESS = {"nl": ["Vorige en volgende", "Kopieer verwijzing", "Projectiemodus", "Projectie sluiten", "Zoeken"],
           "en": ["Previous and next", "Copy citation", "Projection mode", "Exit projection", "Search"]}
LANGS = [("nl", ""), ("en", "en/")]


def site_name(page) -> str:
    """The site's name in the page's language, as the header shows it (mkdocs.yml, per language)."""
    return page.locator(".md-header__topic").first.text_content().strip()


def citation_version(page, language: str) -> str:
    """The date of the page's citation block, written as the stamp writes it ('versie 3 juni 2025')."""
    text = page.locator(".verwijzing__datum time").first.inner_text()
    return ("versie " if language == "nl" else "version ") + text


# ------------------------------------------------------------------------- the checks bite (no browser)

def test_stranded_heading_detector_finds_a_heading_at_a_page_foot():
    """A page ending on a heading, also one that wraps over two lines, is found; running text is not."""
    headings = {"Aan de slag", "Wat is bekend uit onderzoek?", "3.1 Autonomie ondersteunen", "Structuur"}
    pages = [["Intro", "Leerlingen kiezen zelf.", "Aan de slag"],
             ["Tekst", "Wat is bekend uit", "onderzoek?"],
             ["Ga samen aan de slag met", "de werkbladen."],
             ["3.1 Autonomie ondersteunen", "Je kunt de eigen regie steunen."],
             ["Kinderen hebben behoefte aan", "structuur"]]  # a word that wraps alone is not the heading
    assert stranded(pages, headings) == [(1, "Aan de slag"), (2, "Wat is bekend uit onderzoek?")]
    assert stranded(pages[2:], headings) == []


def test_stamp_check_names_what_is_missing():
    """Site, title, a version with a date and the address are each required."""
    good = ["Leidraad · 3 Ondersteun autonomie · versie 25 november 2026 · http://x/aanbevelingen/", "3-a.html"]
    kwargs = {"site": "Leidraad", "title": "3 Ondersteun autonomie", "address": "http://x/aanbevelingen/3-a.html",
              "language": "nl"}
    assert stamp_problems(good, **kwargs) == []
    assert stamp_problems(["Leidraad · 3 Ondersteun autonomie · versie onbekend"], **kwargs) == [
        "no version with a date", "no address 'http://x/aanbevelingen/3-a.html'"]
    assert versions("version November 25, 2026", "en") == ["version November 25, 2026"]


# ------------------------------------------------------------------------------ a recommendation

# Both languages: the words decide where the pages break (a stranded heading) and the stamp has its own words.
@pytest.mark.parametrize("lang, prefix", LANGS)
def test_recommendation_prints_with_stamp_and_no_stranded_heading(page, server, tmp_path, lang, prefix):
    """Recommendation 3: stamp on page 1 with the page's own date, no heading at a page foot, nothing useless."""
    page.goto(f"{server}/{prefix}{REC3}")
    title = page.locator("article h1").first.inner_text().replace("¶", "").strip()
    version, site = citation_version(page, lang), site_name(page)
    pages = print_page(page, tmp_path / "rec3.pdf")
    headings = heading_texts(page)
    print(f"\n{prefix}{REC3}: {len(pages)} A4 pages, {len(headings)} headings and box titles")
    assert len(pages) >= 3 and len(headings) >= 10
    assert stamp_problems(pages[0][:4], site=site, title=title, address=f"{server}/{prefix}{REC3}",
                          language=lang) == []
    assert version in " ".join(" ".join(pages[0][:4]).split())
    changes = f"{server}/{prefix}versies.html"   # the stamp says where to see what changed since
    assert changes.replace("-", "") in "".join(pages[0][:5]).replace(" ", "").replace("-", ""), pages[0][:5]
    assert stranded(pages, headings) == []
    text = "\n".join("\n".join(p) for p in pages)
    assert [word for word in USELESS[lang] if word in text] == []
    assert len(pages[-1]) >= 6  # no last page with a few stray lines
    assert outside_requests(page.requests_seen, server) == []


def test_twin_a_forced_break_after_a_heading_is_found(page, server, tmp_path):
    """The same check on the same page, with a page break forced right after 'Aan de slag': it must fail."""
    page.goto(f"{server}/{REC3}")
    page.add_style_tag(content="@media print { #aan-de-slag { break-after: page !important; } }")
    pages = print_page(page, tmp_path / "gebroken.pdf")
    assert (next(n for n, lines in enumerate(pages, 1) if "Aan de slag" in lines), "Aan de slag") in \
        stranded(pages, heading_texts(page))


def test_twin_a_printout_without_stamp_fails_the_stamp_check(page, server, tmp_path):
    """Hide the stamp and the same check reports it."""
    page.goto(f"{server}/{REC3}")
    page.add_style_tag(content="@media print { .drukstempel { display: none !important; } }")
    pages = print_page(page, tmp_path / "zonder.pdf")
    problems = stamp_problems(pages[0][:4], site=site_name(page), title="3 Ondersteun autonomie en bied structuur",
                              address=f"{server}/{REC3}", language="nl")
    assert "no version with a date" in problems


# ------------------------------------------------------------------------------ worksheets

def worksheet_pages(site) -> list[str]:
    """Every page (both languages) holding one worksheet, relative to the site root."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("aan-de-slag/*.html")
                  if path.name != "alle-werkbladen.html"
                  and '<form class="werkblad"' in path.read_text(encoding="utf-8"))


def test_every_blank_worksheet_is_one_page_with_its_version_and_where_the_newest_is(page, server, site, tmp_path):
    """Every worksheet page, Dutch and English, prints blank on exactly one A4 page; its footer names the site,
    the version (the page's date), the address and where the newest version is; its title is on it; no buttons;
    nothing requested outside the site. (One PDF per sheet: the page count was test_werkbladen's walk over every
    sheet, these footer checks were made here on two sheets per language, each with a PDF of its own.)"""
    sheets = worksheet_pages(site)
    assert len([p for p in sheets if not p.startswith("en/")]) >= 14
    newest = {"nl": "De nieuwste versie van dit werkblad:", "en": "The newest version of this worksheet:"}
    problems, counts = {}, {}
    for path in sheets:
        lang = "en" if path.startswith("en/") else "nl"
        page.emulate_media(media="screen")
        page.goto(f"{server}/{path}")
        # one round trip for the three texts (three locators cost a fifth of a second per sheet)
        title, date, name = (" ".join(text.split()) for text in page.evaluate("""() => [
            '.werkblad-titel', '.verwijzing__datum time', '.md-header__topic'].map(s => document.querySelector(s).textContent)"""))
        version = ("versie " if lang == "nl" else "version ") + date
        pages = print_page(page, tmp_path / "werkblad.pdf")
        counts[path] = len(pages)
        last = pages[-1]   # the footer ends on its "newest version" line (a scale's numbers may follow it in the text)
        end = next((n for n, line in enumerate(last) if newest[lang] in line), len(last) - 1)
        footer = last[max(0, end - 3):end + 1]
        text = "\n".join("\n".join(lines) for lines in pages)
        found = [f"{len(pages)} pages"] if len(pages) != 1 else []
        found += stamp_problems(footer, site=name, title=name, address=f"{server}/{path}", language=lang)
        found += [] if version in " ".join(" ".join(footer).split()) else [f"no {version!r} in the footer"]
        found += [] if newest[lang] in " ".join(footer) else [f"no {newest[lang]!r} in the footer"]
        found += [] if title in " ".join(pages[0]) else [f"no title {title!r}"]
        found += [f"{word!r} on paper" for word in USELESS[lang] if word in text]
        if found:
            problems[path] = found
    print("\nA4 pages per worksheet:", counts)
    assert problems == {}
    assert outside_requests(page.requests_seen, server) == []


def test_twin_a_worksheet_pushed_past_one_page_is_counted(page, server, tmp_path):
    """The page count reads the PDF: a sheet made too long on purpose prints on two pages."""
    page.goto(f"{server}/{SHEETS[0]}")
    page.add_style_tag(content="@media print { .werkblad-voet { margin-top: 120mm !important; } }")
    assert len(print_page(page, tmp_path / "te-lang.pdf")) == 2


FOCUS_JS = """() => {
  window.__bijAfdrukken = [];
  window.addEventListener('beforeprint', () => {
    const el = document.activeElement;
    window.__bijAfdrukken.push(el === document.body ? 'body' : el.tagName.toLowerCase());
  });
}"""


def focus_problems(page) -> list[str]:
    """With the focus in a field: what the printed page would show of it (focus, ring, cursor)."""
    seen = page.evaluate("window.__bijAfdrukken")
    problems = [f"focus on {tag} while printing" for tag in seen if tag != "body"] or ([] if seen else ["no print"])
    page.emulate_media(media="print")
    field = page.locator("form.werkblad textarea").first
    field.focus()
    style = field.evaluate("e => { const s = getComputedStyle(e); return [s.outlineStyle, s.caretColor]; }")
    if style[0] != "none":
        problems.append(f"outline {style[0]} in print")
    if style[1] not in ("transparent", "rgba(0, 0, 0, 0)"):
        problems.append(f"caret {style[1]} in print")
    page.emulate_media(media="screen")
    return problems


def test_a_focused_field_prints_no_focus_ring_or_cursor_and_gets_the_focus_back(page, server, tmp_path):
    """Ctrl+P while typing: the focus leaves the field for the print (beforeprint) and comes back after."""
    page.goto(f"{server}/{SHEETS[0]}")
    page.evaluate(FOCUS_JS)  # registered after verwijzing.js: sees what it left
    field = page.locator("form.werkblad textarea").first
    field.click()
    page.pdf(path=str(tmp_path / "focus.pdf"), format="A4")  # Ctrl+P: print media for the print only
    page.wait_for_function("() => document.activeElement === document.querySelector('form.werkblad textarea')")
    assert focus_problems(page) == []


def test_twin_without_the_blur_and_on_screen_the_focus_check_fails(page, server, tmp_path):
    """Disable the blur and look at screen styles: the same check reports the focus and the ring. (With
    JavaScript a field is hidden on paper behind its printed copy, which takes the focus away by itself; the
    twin shows the fields as they print without JavaScript, where only the blur does it.)"""
    page.goto(f"{server}/{SHEETS[0]}")
    page.evaluate("() => { HTMLElement.prototype.blur = function () {}; "
                  "document.querySelectorAll('form.werkblad--js').forEach(f => f.classList.remove('werkblad--js')); }")
    page.evaluate(FOCUS_JS)
    page.locator("form.werkblad textarea").first.click()
    print_page(page, tmp_path / "focus.pdf")
    problems = focus_problems(page)
    assert "focus on textarea while printing" in problems
    page.emulate_media(media="screen")
    caret = page.locator("form.werkblad textarea").first.evaluate("e => getComputedStyle(e).caretColor")
    assert caret not in ("transparent", "rgba(0, 0, 0, 0)")  # on screen it shows: the print rule hides it


# ------------------------------------------------------------------------------ a long answer on paper

LONG = 120   # numbered lines: about three A4 pages of answer at a worksheet's line height
STRIKE_DPI = 100


def numbered_answer(count: int = LONG) -> str:
    """An answer of numbered lines, short enough not to wrap, so each printed line holds one number."""
    return "\n".join(f"Regel {n:03d} van het lange antwoord, rustig om te lezen." for n in range(1, count + 1))


def rule_rows(pgm: bytes, x0: int, x1: int) -> list[int]:
    """The pixel rows of a greyscale PPM page (pdftoppm -gray) that are a ruled line between x0 and x1:
    more than 60 % of the row dark (text never inks that much of a row)."""
    parts = pgm.split(maxsplit=4)
    width, height, pixels = int(parts[1]), int(parts[2]), parts[4]
    return [y for y in range(height)
            if sum(1 for v in pixels[y * width + x0:y * width + x1] if v < 170) > 0.6 * (x1 - x0)]


def printed_lines(pdf) -> list[dict]:
    """Every text line of a PDF: page, text and its box in pt (pdftotext -bbox-layout), and whether a ruled
    line runs through that box (the page rendered with pdftoppm and its rules found by rule_rows)."""
    layout = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True,
                            check=True, timeout=120).stdout
    found = []
    for number, page in enumerate(layout.split("<page ")[1:], start=1):
        width = float(re.search(r'width="([\d.]+)"', page)[1])
        image = pdf.with_name(f"{pdf.stem}-{number}")
        subprocess.run(["pdftoppm", "-r", str(STRIKE_DPI), "-gray", "-f", str(number), "-l", str(number),
                        "-singlefile", str(pdf), str(image)], check=True, timeout=120)
        scale = STRIKE_DPI / 72
        rules = [y / scale for y in rule_rows(image.with_suffix(".pgm").read_bytes(), int(40 * scale),
                                              int((width - 40) * scale))]
        for top, bottom, words in re.findall(r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" '
                                             r'yMax="([\d.]+)">(.*?)</line>', page, re.S):
            text = " ".join(html.unescape(w) for w in re.findall(r">([^<]*)</word>", words))
            top, bottom = float(top), float(bottom)
            found.append({"page": number, "text": text,
                          "struck": any(top <= rule <= bottom for rule in rules)})
    return found


def long_answer_problems(lines: list[dict], count: int = LONG) -> list[str]:
    """What a printed long answer lacks: every numbered line once, none struck by a rule."""
    numbers = [int(m[1]) for line in lines for m in [re.match(r"Regel (\d{3}) ", line["text"])] if m]
    problems = [f"line {n} printed {numbers.count(n)} times" for n in range(1, count + 1) if numbers.count(n) != 1]
    problems += [f"page {line['page']}: a rule runs through {line['text'][:9]!r}" for line in lines
                 if line["struck"] and line["text"].startswith("Regel ")]
    return problems


def print_long_answer(page, server, tmp_path, css: str = "") -> tuple[list[dict], list[list[str]]]:
    """The 2×10 sheet with a numbered answer of LONG lines in its last text box, printed to A4."""
    page.goto(f"{server}/{SHEETS[0]}")
    page.locator("form.werkblad textarea").last.fill(numbered_answer())
    if css:
        page.add_style_tag(content=css)
    pages = print_page(page, tmp_path / "lang.pdf")
    return printed_lines(tmp_path / "lang.pdf"), pages


def test_a_three_page_answer_prints_every_line_once_and_readable(page, server, tmp_path):
    """An answer of 120 numbered lines (about three pages) prints every line exactly once, none struck through
    by a ruling line where it runs onto a new page; the sheet's footer follows the last line, on the last page."""
    lines, pages = print_long_answer(page, server, tmp_path)
    print(f"\n{LONG} numbered lines on {len(pages)} A4 pages")
    assert len(pages) >= 4
    assert long_answer_problems(lines) == []
    last = max(n for n, text in enumerate(pages) if any(t.startswith(f"Regel {LONG:03d}") for t in text))
    footer = [n for n, text in enumerate(pages) if any("De nieuwste versie van dit werkblad:" in t for t in text)]
    assert footer == [len(pages) - 1] and last <= footer[0]


def test_twin_a_plain_textarea_on_paper_loses_lines(page, server, tmp_path):
    """Print the text box itself instead of its copy: the box shows only its own lines, the rest is lost."""
    lines, _ = print_long_answer(page, server, tmp_path, "@media print { .md-typeset .werkblad--js textarea "
                                 "{ display: block !important; } .md-typeset .werkblad--js .werkblad-afdruk "
                                 "{ display: none !important; } }")
    problems = long_answer_problems(lines)
    assert len([p for p in problems if "printed 0 times" in p]) > LONG // 2, problems[:5]


def test_twin_rules_sliced_across_the_page_break_strike_a_line(page, server, tmp_path):
    """Rules drawn as one background sliced over the pages (as before): on the next page they no longer sit
    under the lines of text, and the check sees a rule run through one."""
    lines, _ = print_long_answer(page, server, tmp_path, "@media print { .md-typeset .werkblad--js "
                                 ".werkblad-afdruk.werkblad-regels { box-decoration-break: slice !important; "
                                 "-webkit-box-decoration-break: slice !important; } }")
    assert any("a rule runs through" in p for p in long_answer_problems(lines))
