"""Findable: the queries a pabo student really types land on the right page, in the page's language.

Each query is typed into Material's search on one loaded page per language; the expected page must be
among the first three results. Material groups results per page (the first link of a group is the page
itself), so "the first three results" are the first three pages listed. Material matches by prefix and
does not stem: synonyms, inflected forms and abbreviations that a page's text lacks are carried by its
front-matter `tags:` (indexed with a high boost; see ../shared/STACK.md, "Search").
"""
from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import outside_requests


TOP = 3

CIRKEL = ("theorie/interpersoonlijke-theorie.html", "theorie/cirkel-verkenner.html")
HERSTEL = "aanbevelingen/6-herstel-van-de-relatie.html"
CONFLICT = "aanbevelingen/5-conflicten-voorkomen.html"
BAND = "aanbevelingen/1-persoonlijke-band.html"
TWEE_X_TIEN = "aan-de-slag/2x10-oefening.html"

# (query, expected page or pages): typed on the Dutch home page, one of the pages must be in the top 3.
DUTCH = [
    # Inflected forms and plurals: Material does not stem, "gehechte" does not find "gehechtheid".
    ("gehechte", "theorie/gehechtheidstheorie.html"),
    ("conflicten", CONFLICT),
    ("leerlingen kennen", "aan-de-slag/leer-je-leerlingen-kennen.html"),
    ("herstelgesprekken", (HERSTEL, "aan-de-slag/herstelgesprek-voorbereiden.html")),
    ("reflecteren op relaties", "aanbevelingen/4-reflecteren-op-relaties.html"),
    ("gemotiveerd", "theorie/zelfdeterminatietheorie.html"),
    ("leerlingen motiveren", "theorie/zelfdeterminatietheorie.html"),
    ("boze leerling", HERSTEL),
    # Abbreviations of the interventions and instruments the guideline names.
    ("EMR", HERSTEL),
    ("LLInC", "aanbevelingen/4-reflecteren-op-relaties.html"),
    ("BeGRP", "aan-de-slag/perspectief-van-de-leerling.html"),
    ("QTI", CIRKEL),
    ("VIL", CIRKEL),
    # The 2x10 exercise, however it is written (the page itself writes 2×10).
    ("2x10", TWEE_X_TIEN),
    ("2 x 10", TWEE_X_TIEN),
    ("twee keer tien", TWEE_X_TIEN),
    ("drie tegen een", "aan-de-slag/drie-tegen-een-turven.html"),
    # The names students learn at the pabo.
    ("Roos van Leary", CIRKEL),
    ("leary", CIRKEL),
    ("zelfdeterminatie", "theorie/zelfdeterminatietheorie.html"),
    ("veilige haven", "theorie/gehechtheidstheorie.html"),
    ("emotieregulatie", HERSTEL),
    # "juf" and "meester" for leerkracht; the juf tag must not push aside the page the rest asks for.
    ("gedrag van de juf", CIRKEL),
    ("strenge meester", CIRKEL),
    ("band met de juf", BAND),
    ("welbevinden van de juf", "theorie/samenhang-en-effecten.html"),
    # Everyday words for the concepts.
    ("ruzie", (CONFLICT, HERSTEL)),
    ("ruzie met een leerling", (CONFLICT, HERSTEL)),
    ("complimenten", "aanbevelingen/2-kansen-voor-positief-gedrag.html"),
    ("keuzes geven", ("aanbevelingen/3-autonomie-en-structuur.html", "aan-de-slag/autonomie-ondersteunen.html")),
    ("structuur bieden", "aanbevelingen/3-autonomie-en-structuur.html"),
    ("regels", CONFLICT),
    ("lichaamstaal", ("aan-de-slag/non-verbale-communicatie.html", CONFLICT)),
    ("boos", HERSTEL),
    ("welbevinden", "theorie/samenhang-en-effecten.html"),
    ("ouders", BAND),
    ("pauze", BAND),
    ("schoolplein", BAND),
    # Parts of the site a student looks for.
    ("stappenplan", ("aan-de-slag/perspectief-van-de-leerling.html", "aan-de-slag/gedrag-positief-bijsturen.html")),
    ("werkblad", "aan-de-slag/index.html"),
    ("werkbladen printen", "aan-de-slag/index.html"),
    ("poster", "poster.html"),
    ("teamoverleg", "teamoverleg.html"),
    ("digibord", "teamoverleg.html"),
    ("samenvatting", "samenvatting.html"),
    # Guards: a query word matches every tag that starts with it ("2" finds the tag "2x10", "te" finds
    # "teamoverleg"), so a tag that starts like a common word ("goed", "school", "voor", "bij") would
    # crowd ordinary queries; these must still find their own page.
    ("aanbeveling 2", "aanbevelingen/2-kansen-voor-positief-gedrag.html"),
    ("hoe leer je je leerlingen te kennen", "aan-de-slag/leer-je-leerlingen-kennen.html"),
    ("goed voorbeeld", CONFLICT),
    ("veilig klimaat in het team", "aan-de-slag/veilig-klimaat-in-het-team.html"),
    ("interpersoonlijke cirkel", CIRKEL),
]

# Typed on the English home page: the English page must be in the top 3 and no Dutch page may be listed.
ENGLISH = [
    # Terms from TERMINOLOGY.md.
    ("closeness", "en/theorie/gehechtheidstheorie.html"),
    ("secure base", "en/theorie/gehechtheidstheorie.html"),
    ("autonomy support", ("en/aanbevelingen/3-autonomie-en-structuur.html", "en/aan-de-slag/autonomie-ondersteunen.html")),
    ("restorative conversation", ("en/aanbevelingen/6-herstel-van-de-relatie.html",
                                  "en/aan-de-slag/herstelgesprek-voorbereiden.html")),
    ("Leary's rose", ("en/theorie/interpersoonlijke-theorie.html", "en/theorie/cirkel-verkenner.html")),
    ("emotion regulation", "en/aanbevelingen/6-herstel-van-de-relatie.html"),
    ("motivating pupils", "en/theorie/zelfdeterminatietheorie.html"),
    ("2x10", "en/aan-de-slag/2x10-oefening.html"),
    ("2 x 10", "en/aan-de-slag/2x10-oefening.html"),
    # Everyday words.
    ("non-verbal", ("en/aan-de-slag/non-verbale-communicatie.html", "en/aanbevelingen/5-conflicten-voorkomen.html")),
    ("conflict", "en/aanbevelingen/5-conflicten-voorkomen.html"),
    ("quarrel", ("en/aanbevelingen/5-conflicten-voorkomen.html", "en/aanbevelingen/6-herstel-van-de-relatie.html")),
    ("angry pupil", "en/aanbevelingen/6-herstel-van-de-relatie.html"),
    ("parents", "en/aanbevelingen/1-persoonlijke-band.html"),
    ("playground", "en/aanbevelingen/1-persoonlijke-band.html"),
    ("praise", "en/aanbevelingen/2-kansen-voor-positief-gedrag.html"),
    ("rules", "en/aanbevelingen/5-conflicten-voorkomen.html"),
    # Parts of the site.
    ("worksheet", "en/aan-de-slag/index.html"),
    ("team meeting", "en/teamoverleg.html"),
    ("poster", "en/poster.html"),
    ("summary", "en/samenvatting.html"),
    # Guards, as in Dutch: a common word must not pull up one tagged page.
    ("teacher wellbeing", "en/theorie/samenhang-en-effecten.html"),
    ("interpersonal circle", ("en/theorie/interpersoonlijke-theorie.html", "en/theorie/cirkel-verkenner.html")),
]

# Words that occur in both editions: without taal.js a Dutch page would list English results for them.
BOTH_LANGUAGES = ["conflict", "2x10", "Leary"]

SEPARATOR = re.compile(r"[\s\-]+")  # Material's search separator (search_index.json "config")


def open_search(page, server: str, start: str, first: str) -> None:
    """Open a page, open the search box and wait until the search index answers a first query."""
    page.goto(f"{server}/{start}")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    assert ask(page, first, timeout_ms=10000), "search never answered: is the search worker loading?"


def ask(page, query: str, *, timeout_ms: int = 3000) -> list[list[str]]:
    """Clear the box, type query and return the results of exactly this query, grouped per page.

    Refresh check: the previous results must disappear once the box is empty (else this times out),
    and a read counts only when a result link highlights (?h=) nothing but words of this query and
    the list has stopped changing, so no earlier query's results are ever taken for the answer.
    """
    page.locator("input.md-search__input").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')", timeout=timeout_ms)
    # Material reads the box on keyup: the text goes in at once and the last letter is a real key press,
    # so the worker answers this one query instead of one per letter (a query per letter costs seconds).
    page.keyboard.insert_text(query[:-1])
    page.keyboard.type(query[-1])
    words = {word for word in SEPARATOR.split(query.lower()) if word}
    previous, stable = None, 0
    for _ in range(timeout_ms // 100):
        page.wait_for_timeout(100)
        groups = page.locator(".md-search-result__item").evaluate_all(
            "items => items.map(item => [...item.querySelectorAll('a')].map(a => a.href))")
        fresh = groups and any(_highlighted(link) and _highlighted(link) <= words
                               for links in groups for link in links)
        stable = stable + 1 if fresh and groups == previous else 0
        if stable >= 2:  # three reads in a row agree: rendering is done
            return groups
        previous = groups
    return []


def _highlighted(link: str) -> set[str]:
    """The words Material marks on the result page (its ?h= parameter), lower case."""
    value = parse_qs(urlsplit(link).query).get("h", [""])[0]
    return {word for word in SEPARATOR.split(value.lower()) if word}


def top_pages(groups: list[list[str]], server: str) -> list[str]:
    """The paths of the first TOP result pages (the first link of each group), without ?h= or #."""
    return [urlsplit(links[0]).path.removeprefix(urlsplit(server).path).lstrip("/") for links in groups[:TOP]]


def run_queries(page, server: str, table) -> tuple[list[str], dict[str, list[list[str]]]]:
    """Type every query of table; return one line per miss and every query's result groups.

    Prints one line per query (rank of the expected page or MISS): shown with `pytest -s` or on failure.
    """
    misses, answers = [], {}
    for query, expected in table:
        wanted = (expected,) if isinstance(expected, str) else expected
        answers[query] = ask(page, query)
        found = top_pages(answers[query], server)
        rank = next((found.index(path) + 1 for path in found if path in wanted), None)
        print(f"{'MISS' if rank is None else f'#{rank}  '} {query!r} -> {found}")
        if rank is None:
            misses.append(f"{query!r}: expected {' or '.join(wanted)}, top {TOP}: {found}")
    return misses, answers


def is_english(link: str, server: str) -> bool:
    """True for a result under /en/ (the English edition)."""
    return urlsplit(link).path.startswith(f"{urlsplit(server).path}/en/")


def test_dutch_queries_find_the_right_page(page, server):
    """Each Dutch query on a Dutch page lists the page that answers it among the first three."""
    open_search(page, server, "index.html", "leerkracht")
    misses, _ = run_queries(page, server, DUTCH)
    assert not misses, f"{len(misses)}/{len(DUTCH)} Dutch queries missed:\n" + "\n".join(misses)
    assert outside_requests(page.requests_seen, server) == []


def test_english_queries_find_the_english_page_only(page, server):
    """Each English query on an English page finds the English page and lists no Dutch page at all."""
    open_search(page, server, "en/index.html", "teacher")
    misses, answers = run_queries(page, server, ENGLISH)
    dutch = [f"{query!r}: {link}" for query, groups in answers.items()
             for links in groups for link in links if not is_english(link, server)]
    assert not misses, f"{len(misses)}/{len(ENGLISH)} English queries missed:\n" + "\n".join(misses)
    assert not dutch, "Dutch pages in English results:\n" + "\n".join(dutch)


def test_dutch_query_lists_no_english_page(page, server, site):
    """Words found in both editions list only Dutch pages on a Dutch page, though the index holds both."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    open_search(page, server, "index.html", "leerkracht")
    for query in BOTH_LANGUAGES:
        in_english = [doc["location"] for doc in index["docs"] if doc["location"].startswith("en/")
                      and query.lower() in " ".join([doc["title"], doc["text"], *doc.get("tags", [])]).lower()]
        assert in_english, f"{query!r} is not in the English index: this check would prove nothing"
        links = [link for links in ask(page, query) for link in links]
        assert links, f"{query!r} found nothing"
        english = [link for link in links if is_english(link, server)]
        assert english == [], f"{query!r} lists English pages on a Dutch page: {english}"
