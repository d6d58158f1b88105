"""Findable: what pabo students and teachers type lands on the right page, in the page's language.

The table is tests/browser/zoekvragen.yml (editors add rows there; REDACTIE.md "Zoeken"). Every query is typed
into Material's real search box over http, on a Dutch page (group `engels`: on an English page), and read
from the rendered results; one expected page must be among the first three pages listed. Per group at least
95% must pass; the test lists every miss. The whole table is asked once per run (session fixture `answers`),
so the group tests only read the answers. From file:// (where the search worker runs through the shim) a
sample of every sixth row is asked and must give the same results as over http: the protocol changes how
the worker runs, not what it finds.

Each check has a twin that shows it can fail: the query understanding switched off loses hits, a query
about nothing in the guideline finds nothing, markup in a title would run without the escaping, and so on.
"""
from __future__ import annotations

import functools
import json

import pytest

from conftest import outside_requests, shared_result
from zoektabel import GROUPS, OUTSIDE, TOP, Zoeker, load_table, rank_of, scores

PASS_SHARE = 0.95
# Issue 27's blind sets, written by people who had seen neither this table nor the code: the first measured 71%
# hit@3 before the new ranking and 78% after; the second, written after that change, 79%; the third (dev3),
# 84%. All three were then studied as development data (page words, thesaurus, forms, honesty: 97%, 99%, 96%
# after), so they are no longer blind: the figure that counts comes from a set written after the last change.
# Each keeps a floor a little under what was reached. The sixth (dev6, 7 December) was written blind as development
# data: 90% before, 95% after (node figure); its floor is that minus two points.
BLIND_SETS = {"blind-2026-12-07a": 0.93, "blind-2026-12-07b": 0.95, "blind-dev3": 0.93, "blind-test4": 0.94, "blind-test5": 0.91, "blind-dev6": 0.93}
OUTSIDE_FLOOR = 0.85           # off-topic queries (groep buiten) with the honest message: 91% reached
TABLE = load_table()
PROTOCOLS = ("http", "file")
SAMPLE = 6                     # from file://, every sixth row of the table
HERSTEL = "aanbevelingen/6-herstel-van-de-relatie.html"


def base_of(protocol: str, server: str, site) -> str:
    return server if protocol == "http" else site.as_uri()


@pytest.fixture(scope="session")
def answers(browser, server, site, run_folder):
    """answers(protocol) -> {language: {query: [result page paths]}, language + "-outside": [urls]} for the
    whole table, asked through the search box once per test run and protocol (tests/conftest.py,
    shared_result: with two workers, each asks one protocol)."""

    def ask(protocol: str) -> dict:
        asked = {}
        for language in ("nl", "en"):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            requests = []
            page.on("request", lambda request: requests.append(request.url))
            searcher = Zoeker(page, base_of(protocol, server, site)).open(
                "index.html" if language == "nl" else "en/index.html")
            rows = TABLE if protocol == "http" else TABLE[::SAMPLE]
            asked[language] = {
                row.vraag: searcher.pages(searcher.ask(row.vraag)[0]) for row in rows if row.taal == language}
            asked[language + "-outside"] = outside_requests(requests, base_of(protocol, server, site))
            context.close()
        return asked

    @functools.cache
    def answers_of(protocol: str) -> dict:
        return shared_result(run_folder, f"zoekvragen-{protocol}", functools.partial(ask, protocol),
                             meanwhile=[(f"zoekvragen-{p}", functools.partial(ask, p)) for p in PROTOCOLS])

    return answers_of


@pytest.mark.parametrize("group", GROUPS)
def test_zoekvragen_per_group(answers, group):
    """At least 95% of a group's queries list an expected page among the first three results."""
    protocol = "http"
    rows = [row for row in TABLE if row.groep == group and row.bron not in BLIND_SETS]
    assert rows, f"group {group} has no queries in zoekvragen.yml"
    ranks, misses = [], []
    for row in rows:
        found = answers(protocol)[row.taal][row.vraag]
        rank = rank_of(found, row.verwacht)
        ranks.append(rank)
        if rank is None or rank > TOP:
            misses.append(f"  {row.vraag!r}: expected {' or '.join(row.verwacht)}; top {TOP}: {found[:TOP]}")
    share = scores(ranks)["hit@3"]
    print(f"{protocol} {group}: hit@3 {share:.0%} of {len(rows)}" + ("\n" + "\n".join(misses) if misses else ""))
    assert share >= PASS_SHARE, (f"{protocol}, group {group}: {len(misses)} of {len(rows)} queries miss "
                                 f"(hit@3 {share:.0%}, needs {PASS_SHARE:.0%}):\n" + "\n".join(misses))


def test_zoekvragen_from_file_give_what_http_gives(answers):
    """From file:// a sample of the table (every sixth row, both languages) lists the same pages in the same
    order as over http; most of the sample finds something, so the agreement is not one of empty lists."""
    compared = 0
    for language in ("nl", "en"):
        for query, found in answers("file")[language].items():
            assert found == answers("http")[language][query], (language, query)
            compared += 1
    # every distinct query of the sample (a blind set may repeat a query of another set word for word)
    assert compared == len({(row.taal, row.vraag) for row in TABLE[::SAMPLE]})
    assert sum(1 for language in ("nl", "en") for found in answers("file")[language].values() if found) >= 0.8 * compared


@pytest.mark.parametrize("blind", list(BLIND_SETS))
def test_zoekvragen_blind_set(answers, blind):
    """Each of issue 27's blind sets (written by someone who had not seen this table or the code) keeps at
    least the hit@3 it reached; every miss is listed."""
    protocol = "http"
    rows = [row for row in TABLE if row.bron == blind and row.groep != OUTSIDE]
    assert len(rows) >= 80, f"the blind set {blind} is missing from zoekvragen.yml"
    ranks, misses = [], []
    for row in rows:
        found = answers(protocol)[row.taal][row.vraag]
        ranks.append(rank_of(found, row.verwacht))
        if ranks[-1] is None or ranks[-1] > TOP:
            misses.append(f"  {row.groep}: {row.vraag!r}: expected {' or '.join(row.verwacht)}; top {TOP}: {found[:TOP]}")
    share = scores(ranks)["hit@3"]
    print(f"{protocol} {blind}: hit@3 {share:.0%} of {len(rows)}\n" + "\n".join(misses))
    assert share >= BLIND_SETS[blind], f"{protocol}: {blind} hit@3 {share:.0%} < {BLIND_SETS[blind]:.0%}:\n" + "\n".join(misses)


def test_zoeken_outside_gets_the_honest_message(page, server):
    """A query from outside the guideline's field (group buiten) gets the plain message with the links to
    the glossary, the recommendations and the exercises: no list, or a list under "no strong match"
    (at least OUTSIDE_FLOOR of them; the misses are listed). Twin: queries of the field get neither."""
    rows = [row for row in TABLE if row.groep == OUTSIDE]
    assert rows, "no off-topic queries (groep: buiten) in zoekvragen.yml"
    searcher = Zoeker(page, server).open("index.html")
    dishonest = []
    for row in rows:
        groups, _ = searcher.ask(row.vraag)
        if not searcher.honest():
            dishonest.append(f"  {row.vraag!r}: top {TOP}: {searcher.pages(groups)[:TOP]}")
        else:
            shown = page.locator("[data-zoek-leeg]:visible")
            assert not groups or shown.count() == 1, f"{row.vraag!r}: results without the message"
            if shown.count():
                assert shown.locator("a").count() == 3
    share = 1 - len(dishonest) / len(rows)
    print(f"off-topic queries with the honest message: {share:.0%} of {len(rows)}\n" + "\n".join(dishonest))
    assert share >= OUTSIDE_FLOOR, "off-topic queries shown as if they matched:\n" + "\n".join(dishonest)
    for query in ["herstelgesprek", "ruzie met een leerling", "relatieherstel", "klas"]:
        groups, _ = searcher.ask(query)
        assert groups and not searcher.honest(), f"{query!r}: a query of the field got the 'no match' message"


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_zoekvragen_list_only_their_language(answers, protocol):
    """Dutch queries list no English page, English queries no Dutch page; no request leaves the site."""
    wrong = [f"{language}: {query!r} lists {path}"
             for language in ("nl", "en") for query, found in answers(protocol)[language].items()
             for path in found if path.startswith("en/") != (language == "en")]
    assert wrong == [], "\n".join(wrong)
    assert answers(protocol)["nl-outside"] == [] and answers(protocol)["en-outside"] == []


def test_zoeken_language_filter_bites(page, server, site):
    """Twin: the index holds both languages, so words found in both would list English pages on a Dutch
    page without taal.js's filter; with it, none."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    searcher = Zoeker(page, server).open("index.html")
    for query in ["conflict", "2x10", "Leary"]:
        in_english = [doc["location"] for doc in index["docs"] if doc["location"].startswith("en/")
                      and query.lower() in " ".join([doc["title"], doc["text"]]).lower()]
        assert in_english, f"{query!r} is not in the English index: this check would prove nothing"
        found = searcher.pages(searcher.ask(query)[0])
        assert found, f"{query!r} found nothing"
        assert [path for path in found if path.startswith("en/")] == []


def test_zoeken_understanding_makes_the_difference(page, server, answers):
    """Twin of the table: with the query understanding switched off (queries go to Material as typed),
    compounds and typos lose most of their hits."""
    protocol = "http"
    rows = [row for row in TABLE if row.groep in ("samenstellingen", "typfouten")]
    searcher = Zoeker(page, server).open("index.html")
    page.evaluate("() => { window.LeidraadZoeken.aan = false; }")
    off = scores([rank_of(searcher.pages(searcher.ask(row.vraag)[0]), row.verwacht) for row in rows])["hit@3"]
    on = scores([rank_of(answers(protocol)["nl"][row.vraag], row.verwacht) for row in rows])["hit@3"]
    print(f"{protocol}: hit@3 with understanding {on:.0%}, without {off:.0%} ({len(rows)} queries)")
    assert off <= 0.7 and on - off >= 0.25, f"understanding on {on:.0%}, off {off:.0%}: it hardly matters"


def test_zoeken_rewrites_as_documented(page, server):
    """The query understanding itself: stop words go, compounds split, typos corrected, forms added, the
    word as typed weighs most, common words weigh 0 beside others, lunr syntax is left alone."""
    Zoeker(page, server).open("index.html")
    rewrite = lambda query, language="nl": page.evaluate(  # noqa: E731
        "([q, l]) => window.LeidraadZoeken.rewrite(q, l)", [query, language])
    def terms(query, language="nl"):
        """{term: weight} of the rewritten query (text:term*^2 -> term: 2)."""
        found = {}
        for clause in rewrite(query, language)["text"].split():
            term, weight = clause.removeprefix("text:").rsplit("^", 1)
            found[term.rstrip("*")] = weight
        return found
    assert {"relatie", "herstel"} <= set(terms("relatieherstel"))
    assert {"gedrag", "regels"} <= set(terms("gedragsregels"))
    assert "leerling" in terms("leerlign")                      # a transposition: distance 1
    assert "complimenten" in terms("complimentjes")
    assert "luisteren" in terms("luistert")
    question = terms("hoe voorkom ik ruzie met een leerling?")
    assert not {"hoe", "ik", "met", "een"} & set(question) and "conflict" in question
    assert "text:leerling*^2" in rewrite("hoe voorkom ik ruzie met een leerling?")["text"].split()
    assert int(question["leerling"]) < int(question["voorkom"])
    exact = terms("herstelgesprek")
    assert exact["herstelgesprek"] == max(exact.values(), key=int)   # as typed weighs most
    assert rewrite("+herstel -ruzie") is None and rewrite("herstel~1") is None
    assert "pupil" in terms("student", "en") and "restore" in terms("repair the relationship", "en")
    # Twin: a short word is not corrected (distance 1 needs 5 letters); a word like no other stays unknown.
    assert rewrite("klsa") is None and rewrite("xqzwv") is None


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_zoeken_empty_result_offers_links(page, server, site, protocol):
    """Nothing found: the dialog says so and links to the glossary, the recommendations and the exercises,
    in the page's language and relative to a deep page; a query that finds something hides them (twin)."""
    base = base_of(protocol, server, site)
    searcher = Zoeker(page, base).open("en/aanbevelingen/6-herstel-van-de-relatie.html")
    panel = page.locator("[data-zoek-leeg]")
    assert panel.is_hidden()
    groups, _ = searcher.ask("quantumchromodynamica")
    assert groups == []
    assert panel.is_visible()
    assert "Nothing found" in panel.inner_text()
    links = panel.locator("a").evaluate_all("links => links.map(a => [a.getAttribute('href'), a.href])")
    assert [href for href, _ in links] == ["../begrippen.html", "index.html",
                                           "../aan-de-slag/index.html"]
    for _, absolute in links:
        assert absolute.startswith(base.rstrip("/") + "/en/")
        relative = absolute[len(base.rstrip("/")) + 1:]
        assert (site / relative).is_file(), f"{relative} does not exist"
    assert searcher.ask("restore")[0]
    assert panel.is_hidden()
    page.goto(f"{base}/aan-de-slag/2x10-oefening.html")
    page.locator(".md-search__input").click()
    dutch = page.locator("[data-zoek-leeg] a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert dutch == ["../begrippen.html", "../aanbevelingen/index.html", "index.html"]
    assert "Niets gevonden" in page.locator("[data-zoek-leeg]").text_content()


def test_zoeken_shows_no_tag_chips_and_escapes(page, server):
    """Results show no tag chips; a title or tag with markup is escaped before Material writes it as HTML.
    Twin: the same title written as Material would without the escaping does create an element."""
    searcher = Zoeker(page, server).open("index.html")
    searcher.ask("emotieregulatie")
    assert page.locator(".md-search-result__item").count() > 0
    assert page.locator(".md-search-result .md-tag").count() == 0
    evil = "<img src=x data-evil=1>"
    doc = page.evaluate("""(evil) => {
      const message = {type: 0, data: {config: {fields: {}}, docs: [
        {location: 'x.html', title: 'Titel ' + evil, text: '', tags: [evil, 'boosheid']}]}};
      return window.LeidraadZoeken.prepare(message).data.docs[0];
    }""", evil)
    assert "tags" not in doc and "<img" not in doc["title"] and "&lt;img" in doc["title"]
    assert "<img" not in doc["zoekwoorden"]
    created = page.evaluate("""([escaped, raw]) => {
      const a = document.createElement('div'); a.innerHTML = escaped;
      const b = document.createElement('div'); b.innerHTML = raw;
      return [a.querySelectorAll('img').length, b.querySelectorAll('img').length];
    }""", [doc["title"], "Titel " + evil])
    assert created == [0, 1]


@pytest.mark.parametrize("protocol", ["http"])   # the protocol changes the worker, not this (see above)
def test_zoeken_typed_on_the_keyboard(page, server, site, protocol):
    """A few queries typed key by key, as a reader does (Material sends one query per key)."""
    base = base_of(protocol, server, site)
    for start, query, expected in [
        ("index.html", "relatieherstel", HERSTEL),
        ("aanbevelingen/index.html", "leerlign leren kennen", "aan-de-slag/leer-je-leerlingen-kennen.html"),
        ("en/index.html", "repair the relationship", "en/" + HERSTEL),
    ]:
        page.goto(f"{base}/{start}")
        page.locator(".md-search__input").click()
        page.keyboard.type(query, delay=40)
        page.wait_for_function(
            "(wanted) => [...document.querySelectorAll('.md-search-result__item')].slice(0, 3)"
            ".some(item => item.querySelector('a').href.split('?')[0].endsWith(wanted))", arg=expected,
            timeout=10_000)
    assert page.console_errors == []


def test_zoeken_weak_match_says_so(page, server):
    """Results that cover only part of the query come under a plain sentence and the three links; a strong
    match hides it, and so does emptying the box."""
    searcher = Zoeker(page, server).open("index.html")
    panel = page.locator("[data-zoek-leeg]")
    groups, _ = searcher.ask("sensitief kwantumfysica")
    assert groups, "one word of the query is in the guideline: its pages are listed"
    assert panel.is_visible() and "Geen sterke treffer" in panel.inner_text()
    assert "Niets gevonden" not in panel.inner_text()
    assert panel.locator("a").count() == 3
    assert searcher.ask("herstelgesprek voorbereiden")[0]
    assert panel.is_hidden(), "twin: a strong match shows no such sentence"
    groups, _ = searcher.ask("kwantumfysica")
    assert groups == []
    assert panel.is_visible() and "Niets gevonden" in panel.inner_text(), "nothing found: the other line"
    assert "Geen sterke treffer" not in panel.inner_text()


@pytest.mark.parametrize("protocol", ["http"])   # the protocol changes the worker, not this (see above)
def test_zoeken_cards_read_right(page, server, site, protocol):
    """No struck-through "missing" line on the cards, highlights that do not look like links, and the
    ✕ without a title (its tooltip stayed over the button). Twin: Material's own cards (the understanding
    switched off) do show the struck-through line for the same query."""
    searcher = Zoeker(page, base_of(protocol, server, site)).open("index.html")
    query = "ruzie met een leerling oplossen"
    searcher.ask(query)
    result = page.locator(".md-search-result")
    assert result.locator(".md-search-result__item").count() > 0
    assert result.locator("del, s").count() == 0 and "Ontbreekt" not in result.inner_text()
    mark = result.locator("mark").first
    assert mark.count() == 1, "no highlighted word to check"
    style = mark.evaluate("m => { const s = getComputedStyle(m); return [s.textDecorationLine, s.color, "
                          "getComputedStyle(m.parentElement).color, s.backgroundColor]; }")
    assert style[0] == "none" and style[1] == style[2], f"a highlight looks like a link: {style}"
    assert style[3] not in ("rgba(0, 0, 0, 0)", "transparent")
    reset = page.locator("button[type=reset].md-search__icon")
    assert reset.get_attribute("title") is None and reset.get_attribute("aria-label")
    page.evaluate("() => { window.LeidraadZoeken.aan = false; }")
    searcher.ask(query + " ")
    assert result.locator("del, s").count() > 0, "twin: Material's cards would strike the missing words through"


@pytest.mark.parametrize("protocol", ["http"])   # the protocol changes the worker, not this (see above)
def test_zoeken_pasted_query_searches(page, server, site, protocol):
    """A query pasted with the mouse (an input event, no key) searches. Twin: a value set without any event
    finds nothing, so the search came from the paste."""
    Zoeker(page, base_of(protocol, server, site)).open("index.html")
    page.evaluate("""() => { const box = document.querySelector('.md-search__input');
      box.value = 'xqzwv'; box.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true})); }""")
    page.wait_for_selector("[data-zoek-leeg]:visible")
    page.evaluate("() => { document.querySelector('.md-search__input').value = 'relatieherstel'; }")
    page.wait_for_timeout(300)      # nothing to await: the box has no event, Material cannot know
    assert page.locator(".md-search-result__item").count() == 0
    page.evaluate("""() => { const box = document.querySelector('.md-search__input');
      box.value = 'herstelgesprek';
      box.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste', data: null})); }""")
    page.wait_for_function("() => [...document.querySelectorAll('.md-search-result__item a')]"
                           ".some(a => a.href.includes('herstel'))", timeout=10_000)
    assert page.console_errors == []
