"""What a printout says: the PDF Chromium makes, read back as text per page (poppler's pdftotext), and the
checks that the paper tests share. The checks are plain functions of text, so each can be shown to bite on
a text made to fail (tests/browser/test_papier.py).

- `stranded`: a page whose last line(s) are a heading, a box title or a one-line bold paragraph;
- `stamp_problems`: the edition stamp (site, page title, "versie" + date, address) missing from a page.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata

import pytest

from conftest import browser_required

MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}
VERSION = {  # "versie 3 juni 2025" / "version June 3, 2025", as hooks/verwijzing.py writes it
    "nl": re.compile(rf"\bversie (\d{{1,2}}) ({'|'.join(MONTHS['nl'])}) (\d{{4}})\b"),
    "en": re.compile(rf"\bversion ({'|'.join(MONTHS['en'])}) (\d{{1,2}}), (\d{{4}})\b"),
}

# Everything a reader takes for a heading: headings, box titles, a details' summary, a legend or caption,
# the part label above a title, and a paragraph that is one bold phrase. Read in print media.
HEADINGS_JS = """() => {
  const selector = 'article :is(h1, h2, h3, h4, h5, h6, .admonition-title, summary, legend, caption, .deel-label)';
  const boldOnly = [...document.querySelectorAll('article p')].filter(p =>
    p.children.length === 1 && p.firstElementChild.tagName === 'STRONG' &&
    p.textContent.trim() === p.firstElementChild.textContent.trim());
  return [...document.querySelectorAll(selector), ...boldOnly].filter(e => e.getClientRects().length).map(e => {
    const copy = e.cloneNode(true);
    copy.querySelectorAll('.headerlink').forEach(x => x.remove());
    return getComputedStyle(e).textTransform === 'uppercase' ? copy.textContent.toUpperCase() : copy.textContent;
  });
}"""


def norm(text: str) -> str:
    """Text as compared: Unicode compatibility form (ligatures), one space. Case counts: a heading
    'Structuur' is not the word 'structuur' that a line of running text happens to end with."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def need_pdftotext() -> str:
    """The pdftotext program (poppler-utils), or skip/fail as conftest does for a missing browser."""
    found = shutil.which("pdftotext")
    if not found:
        message = "pdftotext not found (apt-get install poppler-utils)"
        if browser_required():
            pytest.fail(message)
        pytest.skip(message)
    return found


def pdf_lines(path: os.PathLike) -> list[list[str]]:
    """The non-empty text lines of every page of a PDF, in reading order."""
    out = subprocess.run([need_pdftotext(), "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                         check=True, timeout=120).stdout
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]  # pdftotext ends the last page with a form feed too
    return [[re.sub(r"\s+", " ", line).strip() for line in page.splitlines() if line.strip()] for page in pages]


def print_page(page, path: os.PathLike, **options) -> list[list[str]]:
    """Print the current page to an A4 PDF at path and return its text per page."""
    page.emulate_media(media="print")
    page.pdf(path=str(path), format="A4", print_background=True, **options)
    return pdf_lines(path)


def heading_texts(page) -> set[str]:
    """What reads as a heading on the printed page (call in print media), normalised."""
    page.emulate_media(media="print")
    return {norm(t) for t in page.evaluate(HEADINGS_JS) if norm(t)}


def stranded(pages: list[list[str]], headings: set[str]) -> list[tuple[int, str]]:
    """(page number, text) for each page whose last line, or last two or three lines together (a heading
    that wraps), is a heading: a heading left alone at the foot of a page."""
    found = []
    for number, lines in enumerate(pages, start=1):
        for count in (1, 2, 3):
            if len(lines) >= count and norm(" ".join(lines[-count:])) in headings:
                found.append((number, " ".join(lines[-count:])))
                break
    return found


def versions(text: str, language: str) -> list[str]:
    """The 'versie 3 juni 2025' / 'version June 3, 2025' strings in a text."""
    return [m.group(0) for m in VERSION[language].finditer(" ".join(text.split()))]


def stamp_problems(lines: list[str], *, site: str, title: str, address: str, language: str) -> list[str]:
    """What the edition stamp on a printed page lacks: site name, page title, version with a date, address."""
    text = " ".join(" ".join(lines).split())
    joined = re.sub(r"[\s-]", "", text)  # a long address wraps anywhere; pdftotext drops a hyphen at a line end
    problems = [f"no {what} {value!r}" for what, value in (("site name", site), ("title", title))
                if norm(value).casefold() not in norm(text).casefold()]
    if not versions(text, language):
        problems.append("no version with a date")
    if re.sub(r"[\s-]", "", address) not in joined:
        problems.append(f"no address {address!r}")
    return problems
