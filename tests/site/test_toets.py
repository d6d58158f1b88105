"""The self-tests in the built site ("Toets jezelf"): nine tests per language, 45+ questions each, every
question's link lands on an existing section, the two languages ask the same questions with the same links;
and a strict build of a tiny project stops on a question whose anchor is gone.

Reads the session build (conftest.py `site`) with tests/sitehtml.py; the tiny project is built on its own.
"""
from __future__ import annotations

import html.parser
import json
import pathlib
import re
import textwrap

import pytest

from conftest import ROOT, build_site
from proefsite import pipeline_hook
from sitehtml import read, resolve
import sitehtml

CHAPTERS = ["gehechtheidstheorie", "zelfdeterminatietheorie", "interpersoonlijke-theorie", "1-persoonlijke-band",
            "2-kansen-voor-positief-gedrag", "3-autonomie-en-structuur", "4-reflecteren-op-relaties",
            "5-conflicten-voorkomen", "6-herstel-van-de-relatie"]
PAGES_OF = {name: (f"theorie/{name}.html" if not name[0].isdigit() else f"aanbevelingen/{name}.html")
            for name in CHAPTERS}
LANGS = {"nl": "", "en": "en/"}


class Toets(html.parser.HTMLParser):
    """The questions of a test page: per question its id, kind, choices (and which is right) and links."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.record, self.questions, self._current = None, [], None
        self.key_links: list[str] = []
        self._in_key = False
        sitehtml.feed(self, source)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if "toets" in classes and "data-toets" in attrs:
            self.record = attrs["data-toets"]
        if tag == "fieldset" and "data-toets-vraag" in attrs:
            self._current = {"id": attrs["data-toets-vraag"], "soort": attrs["data-soort"], "keuzes": 0,
                             "juist": None, "links": []}
            self.questions.append(self._current)
        if tag == "input" and attrs.get("type") == "radio" and self._current and "data-toets-oordeel" not in attrs:
            self._current["keuzes"] += 1
            if "data-toets-juist" in attrs:
                self._current["juist"] = self._current["keuzes"]
        if tag == "section" and "toets-sleutel" in classes:
            self._in_key, self._current = True, None
        if tag == "a" and attrs.get("href"):
            if self._in_key:
                self.key_links.append(attrs["href"])
            elif self._current is not None:
                self._current["links"].append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "section":
            self._in_key = False


@pytest.fixture(scope="module")
def tests(site) -> dict[tuple[str, str], Toets]:
    """(language, chapter) -> the parsed test page."""
    return {(lang, name): Toets((site / f"{prefix}toets/{name}.html").read_text(encoding="utf-8"))
            for lang, prefix in LANGS.items() for name in CHAPTERS}


def link_problems(site: pathlib.Path, page_path: str, test: Toets) -> list[str]:
    """Every question's feedback link (and the key's) that does not land on an existing id, or is missing."""
    problems, ids = [], {}
    for q in test.questions:
        if len(q["links"]) != 1:
            problems.append(f"{page_path} #{q['id']}: {len(q['links'])} links, not 1")
    for href in [link for q in test.questions for link in q["links"]] + test.key_links:
        target = resolve(site, page_path, href)
        file, fragment = target
        if not fragment or not (site / file).is_file():
            problems.append(f"{page_path}: {href} (no file or no #id)")
            continue
        ids.setdefault(file, read(site / file).ids)
        if fragment not in ids[file]:
            problems.append(f"{page_path}: {href} (no #{fragment} in {file})")
    return problems


def test_nine_tests_per_language_and_45_questions_each(site, tests):
    """Both languages: the nine tests, each with 5 to 8 questions and its own record; 45+ questions in all."""
    for lang, prefix in LANGS.items():
        names = sorted(p.stem for p in (site / f"{prefix}toets").glob("*.html") if p.stem != "index")
        assert names == sorted(CHAPTERS), lang
        for name in CHAPTERS:
            test = tests[(lang, name)]
            assert test.record == f"toets:{lang}:{name}"
            assert 5 <= len(test.questions) <= 8, (lang, name)
        assert sum(len(tests[(lang, name)].questions) for name in CHAPTERS) >= 45, lang


def test_every_question_has_its_answer(tests):
    """Multiple choice: 2 to 6 choices, exactly one marked right; open: a model answer with a self-assessment."""
    for (lang, name), test in tests.items():
        for q in test.questions:
            if q["soort"] == "keuze":
                assert 2 <= q["keuzes"] <= 6 and q["juist"] is not None, (lang, name, q)
            else:
                assert q["soort"] == "open" and q["keuzes"] == 0, (lang, name, q)


def test_every_questions_link_lands_on_an_existing_section(site, tests):
    """The feedback link of every question, and every link of the answer key, resolves to an id in the site."""
    problems = [p for (lang, name), test in tests.items()
                for p in link_problems(site, f"{LANGS[lang]}toets/{name}.html", test)]
    assert problems == []
    assert sum(len(test.key_links) for test in tests.values()) == sum(len(test.questions) for test in tests.values())


def test_the_link_check_bites(site, tests):
    """A question whose link points to a missing id, or that has lost its link, is reported."""
    source = (site / "toets/gehechtheidstheorie.html").read_text(encoding="utf-8")
    gone = Toets(source.replace("#veilige-basis-en-veilige-haven", "#veilige-basis", 1))
    assert link_problems(site, "toets/gehechtheidstheorie.html", gone) == [
        "toets/gehechtheidstheorie.html: ../theorie/gehechtheidstheorie.html#veilige-basis (no #veilige-basis in "
        "theorie/gehechtheidstheorie.html)"]
    unlinked = Toets(re.sub(r'<p class="toets-bron">.*?</p>', "", source, count=1))
    assert link_problems(site, "toets/gehechtheidstheorie.html", unlinked)[0].endswith("0 links, not 1")


def parity(tests, name: str, damaged: Toets | None = None) -> list[str]:
    """What differs between the Dutch and English test of a chapter: ids, kinds, choices, right answers, links."""
    dutch, english = tests[("nl", name)], damaged or tests[("en", name)]
    shape = lambda t: [(q["id"], q["soort"], q["keuzes"], q["juist"], q["links"]) for q in t.questions]  # noqa: E731
    return [] if shape(dutch) == shape(english) else [f"{name}: {shape(dutch)} != {shape(english)}"]


def test_both_languages_ask_the_same_questions_with_the_same_links(tests):
    """nl and en: the same questions in the same order, the same kind, choices and right choice, the same link."""
    assert [p for name in CHAPTERS for p in parity(tests, name)] == []


def test_the_parity_check_bites(site, tests):
    """An English test with a question fewer, or the right answer elsewhere, differs from its Dutch twin."""
    source = (site / "en/toets/gehechtheidstheorie.html").read_text(encoding="utf-8")
    fewer = Toets(re.sub(r'<li class="toets-vragen__item">.*?</li>\n(?=<li class="toets-vragen__item">)', "", source,
                        count=1, flags=re.S))
    assert parity(tests, "gehechtheidstheorie", fewer) != []
    moved = Toets(source.replace(" data-toets-juist", "", 1))
    assert parity(tests, "gehechtheidstheorie", moved) != []


def test_the_overview_lists_the_nine_tests_in_order(site):
    """toets/index.html links the nine tests in the order of the guideline, each with a score line for toets.js."""
    for lang, prefix in LANGS.items():
        source = (site / f"{prefix}toets/index.html").read_text(encoding="utf-8")
        block = source[source.index('<div class="toets-overzicht"'):]
        block = block[:block.index("</ul>\n</div>\n")]   # its own end, after each test's list to reread
        assert re.findall(r'<a href="([^"#]+)\.html">', block) == CHAPTERS, lang
        records = re.findall(r'data-toets-score-voor="([^"]+)"', block)
        assert records == [f"toets:{lang}:{name}" for name in CHAPTERS]
        specs = [json.loads(s.replace("&#34;", '"').replace("&quot;", '"'))
                 for s in re.findall(r'data-toets-spec="([^"]+)"', block)]
        assert [len(spec) for spec in specs] == [len(t.questions) for t in
                                                 (Toets((site / f"{prefix}toets/{n}.html").read_text(encoding="utf-8"))
                                                  for n in CHAPTERS)]


def test_test_pages_are_marked_as_ours_and_load_their_files(site):
    """Every test page sits inside the site's marker with its label, and loads bewaren.js, toets.js and toets.css;
    pages without a test do not load them."""
    labels = {"nl": "Aanvulling van deze site", "en": "Added by this site"}
    for lang, prefix in LANGS.items():
        for name in ["index", *CHAPTERS]:
            source = (site / f"{prefix}toets/{name}.html").read_text(encoding="utf-8")
            assert f'<div class="aanvulling aanvulling--pagina"><p class="aanvulling__label">{labels[lang]}' in source
            for asset in ("bewaren.min.js", "toets.min.js", "toets.min.css"):
                assert f"assets/{'javascripts' if asset.endswith('js') else 'stylesheets'}/{asset}" in source, asset
    assert "toets.min.js" not in (site / "index.html").read_text(encoding="utf-8")
    assert "toets.min.js" not in (site / "aanbevelingen/1-persoonlijke-band.html").read_text(encoding="utf-8")


def test_every_theory_and_recommendation_page_links_its_test_in_a_marked_line(site):
    """The end of each theory and recommendation page, in both languages, links its test inside the marker."""
    for lang, prefix in LANGS.items():
        for name, page in PAGES_OF.items():
            source = (site / f"{prefix}{page}").read_text(encoding="utf-8")
            article = source[source.index('<article class="md-content__inner'):source.index("</article>")]
            marker = article.rfind('<div class="aanvulling">')
            assert marker > 0 and f'href="../toets/{name}.html"' in article[marker:], (lang, page)
        for index in ("theorie/index.html", "aanbevelingen/index.html"):
            assert 'href="../toets/index.html"' in (site / f"{prefix}{index}").read_text(encoding="utf-8")


def test_only_the_list_of_tests_is_in_the_search_index(site):
    """Questions would crowd the search results for the guideline's own words: the test pages are left out of
    the index, the list of tests (with its synonyms) is in it."""
    locations = {doc["location"].split("#")[0] for doc in
                 json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]}
    assert {"toets/index.html", "en/toets/index.html"} <= locations
    assert not {loc for loc in locations if loc.startswith(("toets/", "en/toets/")) and "index" not in loc}


# --- a strict build stops on an anchor that is gone -------------------------------------------------

QUESTION = """\
  - id: vraag-{n}
    vraag:
      nl: Vraag {n}?
      en: Question {n}?
    keuzes:
      - nl: Ja
        en: "Yes"
        goed: true
      - nl: Nee
        en: "No, not so"
    uitleg:
      nl: Daarom.
      en: That is why.
    anker: theorie/proef.md#{anker}
    bron: 495-517
"""


def tiny_project(tmp_path: pathlib.Path, anchor: str) -> pathlib.Path:
    """A project with one chapter file (five questions, the last pointing at #anchor), a page the answers
    live on and a test page; our toets hook and the ones it works with. Returns its mkdocs.yml."""
    data = tmp_path / "data" / "toets"
    data.mkdir(parents=True)
    (data / "proef.yml").write_text(
        "titel:\n  nl: Proef\n  en: Trial\npagina: theorie/proef.md\nvragen:\n"
        + "".join(QUESTION.format(n=n, anker="gevonden" if n < 5 else anchor) for n in range(1, 6)), encoding="utf-8")
    docs = tmp_path / "docs"
    (docs / "theorie").mkdir(parents=True)
    (docs / "toets").mkdir()
    (docs / "index.md").write_text("# Start\n", encoding="utf-8")
    (docs / "theorie" / "proef.md").write_text("# Proef\n\n## Gevonden { #gevonden }\n\nHier staat het.\n",
                                               encoding="utf-8")
    (docs / "toets" / "proef.md").write_text("---\naanvulling: true\n---\n# Toets\n\n```toets\nhoofdstuk: proef\n```\n",
                                             encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(textwrap.dedent("""\
        site_name: Proefsite
        use_directory_urls: false
        strict: true
        markdown_extensions:
          - attr_list
          - pymdownx.superfences
        hooks:
        """) + f"  - {pipeline_hook(tmp_path, ('toets', 'pagina_bestanden'))}\n"
        + "nav:\n  - index.md\n  - theorie/proef.md\n  - toets/proef.md\n", encoding="utf-8")
    return config


def test_strict_build_renders_a_test_whose_anchors_exist(tmp_path):
    """The tiny project builds strict: five questions, each linking to the section that holds the answer."""
    result = build_site(tmp_path / "site", config=tiny_project(tmp_path, "gevonden"))
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site" / "toets" / "proef.html").read_text(encoding="utf-8")
    assert page.count('<fieldset class="toets-vraag') == 5
    assert page.count('href="../theorie/proef.html#gevonden"') == 10   # feedback and answer key


def test_strict_build_stops_on_a_question_whose_anchor_is_gone(tmp_path):
    """One question points to a heading the page does not have: the strict build fails, naming file, line,
    the missing id and the one that exists, without a traceback."""
    result = build_site(tmp_path / "site", config=tiny_project(tmp_path, "verdwenen"))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert ("data/toets/proef.yml, line 79: anker 'theorie/proef.md#verdwenen': docs/theorie/proef.md has no heading "
            "with the id 'verdwenen'. Ids there: proef, gevonden.") in output
    assert "docs/toets/proef.md, line 7: data/toets/proef.yml has 1 problem(s)" in output
    assert "Aborted with 2 warnings in strict mode" in output and "Traceback" not in output


# The browser tests of the self-test (tests/browser/test_toets.py) run most paths in one language now; what the
# other language changes is only the words, and these come from the page: the script's words as JSON
# (<script data-toets-woorden>), the buttons and labels as HTML, all from hooks/toets.yml and hooks/bewaren.yml.
WORDS_SHOWN = {  # words the browser tests saw on screen, per language (on the chapter's test page)
    "nl": ["Controleer", "Toon modelantwoord", "Begin opnieuw", "Bewaar als bestand", "Afdrukken als vragenblad",
           "Jouw antwoord", "Oefen wat je fout had", "Toon alle vragen", "Opgeslagen in deze browser.",
           "Nog niet begonnen.", "Antwoorden: Gehechtheidstheorie", "Lees het na:"],
    "en": ["Check", "Show model answer", "Start again", "Save to a file", "Print as a question sheet",
           "Your answer", "Practise what you got wrong", "Show all questions", "Saved in this browser.",
           "Not started yet.", "Answers: Attachment theory", "Read it again:"],
}


def words_problems(source: str, lang: str, *, test_page: bool) -> list[str]:
    """What on a self-test page (or the list of tests) is not in the page's language: a word of the script's
    JSON that is not the page's language's from hooks/toets.yml or hooks/bewaren.yml, and (on a test page) a
    button or label of WORDS_SHOWN missing or shown in the other language."""
    import yaml

    sources = {**yaml.safe_load((ROOT / "hooks" / "bewaren.yml").read_text(encoding="utf-8")),
               **yaml.safe_load((ROOT / "hooks" / "toets.yml").read_text(encoding="utf-8"))}
    words = json.loads(re.search(r'<script type="application/json" data-toets-woorden>(.*?)</script>',
                                 source, re.S).group(1))
    problems = [f"script word {key}: {words.get(key)!r}" for key in (
        "goed", "niet_goed", "deels", "juiste_antwoord", "gewist", "opnieuw_vraag", "score", "score_deels",
        "score_leeg", "oefen_niets", "oefen_bezig", "stand_bezig", "stand_klaar") if words.get(key) != sources[key][lang]]
    other = "en" if lang == "nl" else "nl"
    problems += [f"script word {k} in the other language: {v!r}" for k, v in words.items()
                 if isinstance(v, str) and isinstance(sources.get(k), dict)
                 and sources[k].get(other) == v != sources[k].get(lang)]
    if test_page:
        problems += [f"missing: {word!r}" for word in WORDS_SHOWN[lang] if word not in source]
        problems += [f"the other language's {word!r}" for word in WORDS_SHOWN[other]
                     if word not in WORDS_SHOWN[lang] and f">{word}<" in source]
    return problems


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_script_and_the_page_speak_the_pages_language(site, lang):
    """On the test page and on the list of tests, every word the script shows (feedback, score, status, the
    question before starting again, the overview's 'in progress' and 'done') is the page's language's from
    hooks/toets.yml or hooks/bewaren.yml, and the page's buttons and labels are in its language."""
    for path in (f"toets/{CHAPTERS[0]}.html", "toets/index.html"):
        source = (site / f"{LANGS[lang]}{path}").read_text(encoding="utf-8")
        assert words_problems(source, lang, test_page=path != "toets/index.html") == [], path


def test_the_language_check_bites(site):
    """An English test page with a Dutch button, and with a Dutch word in the script's JSON, is reported."""
    source = (site / f"en/toets/{CHAPTERS[0]}.html").read_text(encoding="utf-8")
    assert words_problems(source.replace(">Start again<", ">Begin opnieuw<"), "en", test_page=True) == [
        "missing: 'Start again'", "the other language's 'Begin opnieuw'"]
    broken = source.replace('"deels": "Partly correct"', '"deels": "Deels goed"')
    assert words_problems(broken, "en", test_page=False) == [
        "script word deels: 'Deels goed'", "script word deels in the other language: 'Deels goed'"]
