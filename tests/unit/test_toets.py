"""hooks/toets.py with toets_syntax.py: the chapter files' checks (every message), the blocks, the HTML.

A chapter file is checked as a whole at the start of a build: every problem of every file becomes a warning
naming the file, the line, what is wrong and how to fix it (strict builds stop on them). The fences are
tested Markdown in, HTML out, through the hooks as MkDocs calls them (tests/unit/conftest.py `markdown`).
"""
from __future__ import annotations

import logging
import os
import pathlib
import re
import shutil

import pytest

import toets
from gereedschap import bouw
import toets_syntax
from gereedschap import paginas
from conftest import ROOT
from markdownpagina import fake_config
from sitehtml import Controls

GOLDEN = ROOT / "tests" / "unit" / "golden"
DOCS = ROOT / "docs"
FILE = "data/toets/proef.yml"
HEAD = "titel:\n  nl: Proef\n  en: Trial\npagina: theorie/gehechtheidstheorie.md\nvragen:\n"   # lines 1-5
ANKER = "theorie/gehechtheidstheorie.md#mentale-representaties"


def question(n: int, *, goed: int = 1, extra: str = "", anker: str = ANKER, choices: int = 2) -> str:
    """A valid multiple-choice question of 16 lines (question 1 starts on line 6 of the file)."""
    lines = [f"  - id: vraag-{n}", "    vraag:", f"      nl: Vraag {n}?", f"      en: Question {n}?", "    keuzes:"]
    for c in range(1, choices + 1):
        lines += [f"      - nl: Keuze {c}", f"        en: Choice {c}"] + (["        goed: true"] if c == goed else [])
    lines += ["    uitleg:", "      nl: Daarom.", "      en: That is why.", f"    anker: {anker}", "    bron: 495-517"]
    return "\n".join(lines) + "\n" + extra


def valid(count: int = 5) -> str:
    """A chapter file with `count` valid questions."""
    return HEAD + "".join(question(n) for n in range(1, count + 1))


def check(text: str, *, name: str = "proef", docs: pathlib.Path = DOCS) -> list[str]:
    """The problems of a chapter file with this text (written to a temporary data/toets/)."""
    folder = check.tmp / "data" / "toets"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yml"
    path.write_text(text, encoding="utf-8")
    try:
        return toets_syntax.load_file(path, docs, check.tmp).problemen
    finally:
        path.unlink()


@pytest.fixture(autouse=True)
def _tmp(tmp_path):
    check.tmp = tmp_path


# --- the chapter files: every error path, with its exact message ----------------------------------

OPEN = ("  - id: open-1\n    vraag:\n      nl: Waarom?\n      en: Why?\n    modelantwoord:\n      nl: Omdat.\n"
        "      en: Because.\n    anker: " + ANKER + "\n    bron: 500-501\n")
ERRORS = [
    ("yaml-syntax", HEAD + "  - id: x: y\n",
     "line 6: the text of 'id' contains ': ', which YAML reads as the start of a new field. Put the text in quotes: "
     '- id: "x: y"'),
    ("yaml-alias", HEAD.replace("nl: Proef", "nl: &t Proef") + question(1),
     "line 2: '&t' is a YAML anchor or alias; they are not allowed in a block. Write the text out where you need it."),
    ("empty-file", "",
     "a chapter file holds the fields titel, pagina and vragen, each as 'name: value' on its own line, not nothing."),
    ("not-a-mapping", "- titel\n- pagina\n",
     "line 1: a chapter file holds the fields titel, pagina and vragen, each as 'name: value' on its own line, "
     "not a list."),
    ("unknown-top-field", valid().replace("pagina:", "bladzijde: x\npagina:"),
     "line 4: unknown field 'bladzijde'. Valid fields: titel, pagina, vragen."),
    ("unknown-top-field-near", valid().replace("pagina:", "vraagen: x\npagina:"),
     "line 4: unknown field 'vraagen'; did you mean 'vragen'? Valid fields: titel, pagina, vragen."),
    ("missing-titel", valid().replace("titel:\n  nl: Proef\n  en: Trial\n", ""),
     "the file is missing field 'titel' (the chapter's name, as the test's title)."),
    ("titel-text", valid().replace("titel:\n  nl: Proef\n  en: Trial\n", "titel: Proef\n"),
     "line 1: field 'titel' must hold a text per language, 'nl: …' and 'en: …' indented below it, not a text "
     "('Proef')."),
    ("titel-no-en", valid().replace("  en: Trial\n", ""),
     "line 1: field 'titel' has no 'en' text; every text is written in Dutch (nl) and English (en)."),
    ("titel-unknown-language", valid().replace("  en: Trial\n", "  en: Trial\n  de: Probe\n"),
     "line 4: unknown language 'de' in field 'titel'. Valid languages: nl, en."),
    ("titel-empty", valid().replace("  nl: Proef\n", '  nl: ""\n'),
     "line 2: the 'nl' text of field 'titel' is empty; write it."),
    ("titel-number", valid().replace("  nl: Proef\n", "  nl: 2010\n"),
     "line 2: the 'nl' text of field 'titel' must be a text, not a number (2010); put it in quotes."),
    ("pagina-missing", valid().replace("pagina: theorie/gehechtheidstheorie.md", "pagina: theorie/gehechtheid.md"),
     "line 4: there is no page docs/theorie/gehechtheid.md; did you mean 'theorie/gehechtheidstheorie.md'? Name a "
     "Markdown file in docs/, e.g. theorie/gehechtheidstheorie.md."),
    ("vragen-text", HEAD.replace("vragen:\n", "vragen: geen\n"),
     "line 5: field 'vragen' must be a list of questions, each starting with '- id: …', not a text ('geen')."),
    ("too-few", valid(4),
     "line 5: field 'vragen' has 4 questions; a test holds 5 to 8."),
    ("too-many", valid(9),
     "line 5: field 'vragen' has 9 questions; a test holds 5 to 8."),
    ("question-text", valid(4) + "  - Wat is nabijheid?\n",
     "line 66: question 5 must be a group of fields (id, vraag, keuzes or modelantwoord, uitleg, anker, bron) "
     "indented below '- ', not a text ('Wat is nabijheid?')."),
    ("unknown-field", valid(4) + question(5).replace("    bron:", "    antwoord: Ja\n    bron:"),
     "line 80: unknown field 'antwoord' in question 5 ('vraag-5'); did you mean 'modelantwoord'? Valid fields: id, "
     "vraag, keuzes, modelantwoord, uitleg, anker, bron."),
    ("missing-anker", valid(4) + question(5).replace(f"    anker: {ANKER}\n", ""),
     "line 66: question 5 ('vraag-5') is missing field 'anker' (the section that holds the answer: a page in docs/ "
     "and its heading id, e.g. theorie/gehechtheidstheorie.md#mentale-representaties)."),
    ("missing-id", valid(4) + question(5).replace("  - id: vraag-5\n    vraag:", "  - vraag:"),
     "line 66: question 5 is missing field 'id' (a short name (lower case, digits, dashes), unique in the file: "
     "answers are kept under it)."),
    ("bad-id", valid(4) + question(5).replace("id: vraag-5", "id: Vraag Vijf"),
     "line 66: the id 'Vraag Vijf' of question 5 ('Vraag Vijf') may hold only lower-case letters, digits and "
     "dashes, e.g. 'drie-dimensies'."),
    ("same-id", valid(4) + question(5).replace("id: vraag-5", "id: vraag-2"),
     "line 66: question 5 has the id 'vraag-2', like question 2; give each question its own id (answers are kept "
     "under it)."),
    ("vraag-no-nl", valid(4) + question(5).replace("      nl: Vraag 5?\n", ""),
     "line 67: field 'vraag' in question 5 ('vraag-5') has no 'nl' text; every text is written in Dutch (nl) and "
     "English (en)."),
    ("both-kinds", valid(4) + question(5).replace("    uitleg:", "    modelantwoord:\n      nl: Ja.\n      en: Yes.\n"
                                                   "    uitleg:"),
     "line 66: question 5 ('vraag-5') has both 'keuzes' and 'modelantwoord'; a question is multiple choice (2 to 6 "
     "'keuzes', one with 'goed: true') or open (a 'modelantwoord'): keep one."),
    ("neither-kind", valid(4) + OPEN.replace("    modelantwoord:\n      nl: Omdat.\n      en: Because.\n", ""),
     "line 66: question 5 ('open-1') has neither 'keuzes' nor 'modelantwoord'; a question is multiple choice (2 to "
     "6 'keuzes', one with 'goed: true') or open (a 'modelantwoord')."),
    ("no-correct-choice", valid(4) + question(5, goed=0),
     "line 70: question 5 ('vraag-5') has no correct choice; mark the right one with 'goed: true'."),
    ("two-correct-choices", valid(4) + question(5, choices=3).replace("en: Choice 3\n", "en: Choice 3\n        goed: true\n"),
     "line 70: question 5 ('vraag-5') has 2 correct choices (1 and 3); mark exactly one with 'goed: true'."),
    ("goed-as-word", valid(4) + question(5).replace("goed: true", "goed: ja"),
     "line 73: field 'goed' in choice 1 of field 'keuzes' in question 5 ('vraag-5') must be true or false (without "
     "quotes), not a text ('ja')."),
    ("one-choice", valid(4) + question(5, choices=1),
     "line 70: field 'keuzes' in question 5 ('vraag-5') has 1 choices; give 2 to 6."),
    ("choices-text", valid(4) + OPEN.replace("    modelantwoord:\n      nl: Omdat.\n      en: Because.\n",
                                             "    keuzes: ja of nee\n"),
     "line 70: field 'keuzes' in question 5 ('open-1') must be a list of choices, each starting with '- nl: …' and "
     "'en: …' below it, not a text ('ja of nee')."),
    ("choice-text", valid(4) + question(5).replace("      - nl: Keuze 2\n        en: Choice 2\n", "      - Keuze 2\n"),
     "line 74: choice 2 of field 'keuzes' in question 5 ('vraag-5') must hold 'nl: …' and 'en: …' (and 'goed: "
     "true' for the correct one), not a text ('Keuze 2')."),
    ("choice-unknown-field", valid(4) + question(5).replace("goed: true", "goedd: true"),
     "line 73: unknown field 'goedd' in choice 1 of field 'keuzes' in question 5 ('vraag-5'); did you mean 'goed'? "
     "Valid fields: nl, en, goed."),
    ("choice-no-en", valid(4) + question(5).replace("        en: Choice 2\n", ""),
     "line 74: choice 2 of field 'keuzes' in question 5 ('vraag-5') is missing field 'en' (the choice in English)."),
    ("same-choice-twice", valid(4) + question(5).replace("nl: Keuze 2", "nl: Keuze 1"),
     "line 74: choices 1 and 2 of question 5 ('vraag-5') read the same in 'nl'; give each choice its own text."),
    ("no-uitleg", valid(4) + question(5).replace("    uitleg:\n      nl: Daarom.\n      en: That is why.\n", ""),
     "line 66: question 5 ('vraag-5') is multiple choice but has no 'uitleg'; explain in nl and en why the correct "
     "answer is correct."),
    ("bron-words", valid(4) + question(5).replace("bron: 495-517", "bron: regel 495 tot 517"),
     "line 80: field 'bron' of question 5 ('vraag-5') ('regel 495 tot 517') must name lines of the source text, "
     "e.g. '437-456' or '437-456, 470'."),
    ("bron-number", valid(4) + question(5).replace("bron: 495-517", "bron: 495"),
     "line 80: field 'bron' in question 5 ('vraag-5') must be a text, not a number (495); put it in quotes."),
    ("anker-without-id", valid(4) + question(5, anker="theorie/gehechtheidstheorie.md"),
     "line 79: anker 'theorie/gehechtheidstheorie.md' has no '#id'; name the page and the heading that holds the "
     "answer, e.g. 'theorie/gehechtheidstheorie.md#mentale-representaties'."),
    ("anker-page-missing", valid(4) + question(5, anker="theorie/gehechtheid.md#mentale-representaties"),
     "line 79: there is no page docs/theorie/gehechtheid.md; did you mean 'theorie/gehechtheidstheorie.md'? Name a "
     "Markdown file in docs/, e.g. theorie/gehechtheidstheorie.md."),
    ("anker-id-missing", valid(4) + question(5, anker="theorie/gehechtheidstheorie.md#veilige-basis"),
     "line 79: anker 'theorie/gehechtheidstheorie.md#veilige-basis': docs/theorie/gehechtheidstheorie.md has no "
     "heading with the id 'veilige-basis'; did you mean 'veilige-basis-en-veilige-haven'? Ids there: "
     "gehechtheidstheorie, nabijheid-conflict-en-afhankelijkheid, veilige-basis-en-veilige-haven, "
     "mentale-representaties, aanbevelingen."),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in ERRORS], ids=[case[0] for case in ERRORS])
def test_every_problem_names_file_line_and_fix(text, expected):
    """Each kind of mistake in a chapter file gives 'file, line N: what is wrong; how to fix it', and only that."""
    expected = f"{FILE}, {expected}" if expected.startswith("line") else f"{FILE}: {expected}"
    assert check(text) == [expected]


def test_the_valid_file_has_no_problems_so_each_case_bites():
    """Without its one slip each case above is a valid file: the message comes from that slip alone."""
    assert check(valid()) == []
    assert check(valid(4) + OPEN) == []
    assert check(valid(8)) == []


def test_a_bad_file_name_is_named():
    """The file's name is the chapter's name (in the block and in the record): lower case and dashes only."""
    assert check(valid(), name="Proef_1") == [
        "data/toets/Proef_1.yml: the file name 'Proef_1.yml' may hold only lower-case letters, digits and dashes "
        "before '.yml', e.g. 'gehechtheidstheorie.yml': it is the chapter's name."]


def test_every_problem_of_a_file_is_listed_in_one_run():
    """Slips in the head and in three questions: all four reported, each at its own line."""
    text = (valid(2).replace("  en: Trial\n", "") + question(3, goed=0)
            + question(4, anker=ANKER + "-weg") + question(5).replace("bron: 495-517", "bron: x"))
    lines = [problem.split(":")[0] for problem in check(text)]
    assert lines == [f"{FILE}, line 1", f"{FILE}, line 39", f"{FILE}, line 62", f"{FILE}, line 78"]


def test_an_anchor_missing_only_in_the_english_twin_is_named(tmp_path):
    """The id must exist in both languages: an English page that lost it is named as the culprit."""
    docs = tmp_path / "docs"
    shutil.copytree(DOCS / "theorie", docs / "theorie")
    twin = docs / "theorie" / "gehechtheidstheorie.en.md"
    twin.write_text(twin.read_text(encoding="utf-8").replace("{ #mentale-representaties }", "{ #mentale-representatie }"),
                    encoding="utf-8")
    problems = check(valid(), docs=docs)
    assert len(problems) == 5  # every question points there
    assert problems[0].startswith(f"{FILE}, line 19: anker '{ANKER}': docs/theorie/gehechtheidstheorie.en.md has no "
                                  "heading with the id 'mentale-representaties'; did you mean 'mentale-representatie'?")


def test_headings_are_read_as_toc_makes_their_ids(tmp_path):
    """Explicit ids, ids made from the text (toc's slugify), and no headings from fences or front matter."""
    page = tmp_path / "p.md"
    page.write_text("---\ntitle: x\n# niet\n---\n# De drie theorieën\n\n## Waar? { #waar .klein }\n\n"
                    "```yaml\n# geen kop\n```\n\n### [Link](x.md) en **vet**\n", encoding="utf-8")
    assert paginas.headings(page) == {"de-drie-theorieen": "De drie theorieën", "waar": "Waar?",
                                           "link-en-vet": "Link en vet"}


# --- the data of the site ---------------------------------------------------------------------------

def test_the_sites_chapter_files_are_all_valid():
    """data/toets/ holds the nine chapters, 5 to 8 questions each, without problems."""
    chapters = toets_syntax.load(ROOT / "data" / "toets", DOCS, ROOT)
    assert sorted(chapters) == sorted(["gehechtheidstheorie", "zelfdeterminatietheorie", "interpersoonlijke-theorie",
                                       "1-persoonlijke-band", "2-kansen-voor-positief-gedrag", "3-autonomie-en-structuur",
                                       "4-reflecteren-op-relaties", "5-conflicten-voorkomen", "6-herstel-van-de-relatie"])
    assert {name: c.problemen for name, c in chapters.items() if c.problemen} == {}
    assert all(5 <= len(c.vragen) <= 8 for c in chapters.values())
    assert sum(len(c.vragen) for c in chapters.values()) >= 45


def test_source_lines_exist_in_the_source(require_shared):
    """Every question's 'bron' names lines that exist in the source text (so a reviewer can look them up)."""
    count = len((require_shared / "bron" / "leidraad-leerkracht-leerlingrelaties-po.txt")
                .read_text(encoding="utf-8").split("\n"))
    for chapter in toets_syntax.load(ROOT / "data" / "toets", DOCS, ROOT).values():
        for q in chapter.vragen:
            for part in q["bron"].split(","):
                first, _, last = part.strip().partition("-")
                assert 1 <= int(first) <= int(last or first) <= count, (chapter.naam, q["id"], q["bron"])


def test_the_correct_answer_is_not_always_in_one_place():
    """Across all multiple-choice questions the correct choice is not always A (or always the same letter)."""
    chapters = toets_syntax.load(ROOT / "data" / "toets", DOCS, ROOT).values()
    places = [next(i for i, c in enumerate(q["keuzes"]) if c["goed"]) for ch in chapters for q in ch.vragen
              if q["soort"] == "keuze"]
    assert len(set(places)) >= 3 and max(places.count(p) for p in set(places)) < 0.5 * len(places)


def test_the_key_is_the_longest_choice_in_at_most_a_third_of_the_questions():
    """Across all tests, per language, the correct choice is the longest (in characters) in at most a third of
    the multiple-choice questions, so length gives nothing away (issue 22); the build says the same."""
    chapters = list(toets_syntax.load(ROOT / "data" / "toets", DOCS, ROOT).values())
    for language in ("nl", "en"):
        longest, total = toets_syntax.key_longest_share(chapters, language)
        assert total >= 45 and longest / total <= 1 / 3, (language, longest, total)
    assert toets_syntax.key_length_problems(chapters) == []


def test_the_length_check_fails_on_tests_whose_keys_are_longest():
    """The twin: a set in which the key is the longest choice in 2 of 5 questions (nl) is named, with the
    questions to rework; 1 of 5 passes; a tie is not 'longest'; a file with problems is not counted."""
    def chapter(name, longest_nl, problems=()):
        questions = []
        for n in range(5):
            key = "Het goede antwoord, lang" if n < longest_nl else "Kort"
            questions.append({"id": f"v{n}", "keuzes": [{"nl": "Fout", "en": "Wrong choice", "goed": False},
                                                           {"nl": key, "en": "Right", "goed": True}]})
        return toets_syntax.Hoofdstuk(naam=name, bestand=f"data/toets/{name}.yml", vragen=questions,
                                      problemen=list(problems))
    problems = toets_syntax.key_length_problems([chapter("proef", 2)])
    assert len(problems) == 1 and "in 2 of 5 multiple-choice questions" in problems[0] and "(nl)" in problems[0]
    assert "proef/v0, proef/v1" in problems[0] and "proef/v2" not in problems[0]
    assert toets_syntax.key_length_problems([chapter("proef", 1)]) == []
    assert toets_syntax.key_longest_share([chapter("proef", 5)], "nl") == (5, 5)
    tie = {"keuzes": [{"nl": "abcd", "goed": False}, {"nl": "dcba", "goed": True}]}
    assert toets_syntax.key_is_longest(tie, "nl") is False
    assert toets_syntax.key_length_problems([chapter("kapot", 5, problems=["data/toets/kapot.yml: …"])]) == []
    site = list(toets_syntax.load(ROOT / "data" / "toets", DOCS, ROOT).values())
    assert toets_syntax.key_length_problems(site + [chapter("proef", 5)] * 4), "the site plus 20 longest keys"


# --- through MkDocs' events: warnings, once per build ------------------------------------------------

class Collect(logging.Handler):
    """Messages logged under mkdocs.plugins.toets."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def test_problems_are_warnings_under_mkdocs_plugins_once_per_build(tmp_path):
    """on_config logs each problem under mkdocs.plugins.toets (strict makes it fatal); the second language's
    on_config of the same build (static-i18n) does not repeat them; a new build does."""
    (tmp_path / "data" / "toets").mkdir(parents=True)
    (tmp_path / "data" / "toets" / "proef.yml").write_text(valid(4), encoding="utf-8")
    handler = Collect()
    logging.getLogger("mkdocs.plugins.toets").addHandler(handler)
    try:
        config = fake_config(config_file_path=str(tmp_path / "mkdocs.yml"))
        bouw.start_run()           # what the pipeline does at a run's first on_config
        toets.on_config(config)
        toets.on_config(config)    # the second language of the same run
        bouw.start_run()
        toets.on_config(fake_config(config_file_path=str(tmp_path / "mkdocs.yml")))
    finally:
        logging.getLogger("mkdocs.plugins.toets").removeHandler(handler)
    assert handler.messages == [f"{FILE}, line 5: field 'vragen' has 4 questions; a test holds 5 to 8."] * 2


# --- the blocks on a page ----------------------------------------------------------------------------

PAGE = "---\naanvulling: true\n---\n# Toets\n\n```toets\n{}\n```\n"   # the block's first line is line 7
PAGE_FILE = "docs/toets/proef.md"


@pytest.fixture
def block_error(markdown):
    """The one warning a toets block gives on a page; the page shows the error box, not the block."""
    def error(block: str, fence: str = "toets") -> str:
        result = markdown(PAGE.replace("```toets", f"```{fence}").format(block), src_uri="toets/proef.md")
        assert len(result.warnings) == 1, result.warnings
        assert 'class="admonition failure blokfout"' in result.html and "<fieldset" not in result.html
        return result.warnings[0]
    return error


BLOCK_ERRORS = [
    ("not-a-mapping", "toets", "gehechtheidstheorie",
     "line 7: a toets block names its chapter as 'hoofdstuk: gehechtheidstheorie', not a text ('gehechtheidstheorie')."),
    ("unknown-option", "toets", "hoofdstuk: gehechtheidstheorie\ntaal: en",
     "line 8: unknown option 'taal'. Valid options: hoofdstuk."),
    ("missing-hoofdstuk", "toets", "hoofdstukk: gehechtheidstheorie",
     "line 7: unknown option 'hoofdstukk'; did you mean 'hoofdstuk'? Valid options: hoofdstuk."),
    ("unknown-chapter", "toets", "hoofdstuk: gehechtheid",
     "line 7: unknown chapter 'gehechtheid'; did you mean 'gehechtheidstheorie'? Valid chapters (the files in "
     "data/toets/): 1-persoonlijke-band, 2-kansen-voor-positief-gedrag, 3-autonomie-en-structuur, "
     "4-reflecteren-op-relaties, 5-conflicten-voorkomen, 6-herstel-van-de-relatie, gehechtheidstheorie, "
     "interpersoonlijke-theorie, zelfdeterminatietheorie."),
    ("empty", "toets", "",
     "line 6: a toets block names its chapter as 'hoofdstuk: gehechtheidstheorie', not nothing."),
    ("overview-leaves-out", "toets-overzicht", "hoofdstukken: [gehechtheidstheorie]",
     "line 7: the list leaves out data/toets/1-persoonlijke-band.yml, data/toets/2-kansen-voor-positief-gedrag.yml, "
     "data/toets/3-autonomie-en-structuur.yml, data/toets/4-reflecteren-op-relaties.yml, "
     "data/toets/5-conflicten-voorkomen.yml, data/toets/6-herstel-van-de-relatie.yml, "
     "data/toets/interpersoonlijke-theorie.yml, data/toets/zelfdeterminatietheorie.yml; add them to "
     "'hoofdstukken', or remove the file."),
    ("overview-text", "toets-overzicht", "gehechtheidstheorie",
     "line 7: a toets-overzicht block lists the tests as 'hoofdstukken: [gehechtheidstheorie, …]', not a text "
     "('gehechtheidstheorie')."),
]
ALL = ("[gehechtheidstheorie, zelfdeterminatietheorie, interpersoonlijke-theorie, 1-persoonlijke-band, "
       "2-kansen-voor-positief-gedrag, 3-autonomie-en-structuur, 4-reflecteren-op-relaties, 5-conflicten-voorkomen, "
       "6-herstel-van-de-relatie]")
BLOCK_ERRORS += [
    ("overview-unknown", "toets-overzicht", "hoofdstukken: " + ALL.replace("]", ", gehechtheid]"),
     "line 7: unknown chapter 'gehechtheid'; did you mean 'gehechtheidstheorie'? Valid chapters (the files in "
     "data/toets/): 1-persoonlijke-band, 2-kansen-voor-positief-gedrag, 3-autonomie-en-structuur, "
     "4-reflecteren-op-relaties, 5-conflicten-voorkomen, 6-herstel-van-de-relatie, gehechtheidstheorie, "
     "interpersoonlijke-theorie, zelfdeterminatietheorie."),
]


@pytest.mark.parametrize("fence, block, expected", [c[1:] for c in BLOCK_ERRORS], ids=[c[0] for c in BLOCK_ERRORS])
def test_every_block_error_names_file_line_and_fix(block_error, fence, block, expected):
    """A slip in a toets or toets-overzicht block: 'file, line N: what is wrong; how to fix it', and an error box."""
    assert block_error(block, fence) == f"{PAGE_FILE}, {expected}"


def test_a_missing_test_page_is_named(markdown):
    """The overview links each test beside itself: a page that is not there stops the build."""
    page = PAGE.replace("```toets", "```toets-overzicht").format("hoofdstukken: " + ALL)
    result = markdown(page, src_uri="elders/proef.md")
    assert result.warnings == ["docs/elders/proef.md, line 7: the test page docs/elders/gehechtheidstheorie.md does "
                               "not exist; create it with a 'toets' block holding 'hoofdstuk: gehechtheidstheorie' "
                               "(the test pages sit beside this list)."]


def test_a_chapter_with_problems_is_not_rendered(markdown, monkeypatch):
    """A block naming a chapter whose file has problems points to them (listed earlier in the log)."""
    real = toets_syntax.load

    def broken(folder, docs, root):
        chapters = real(folder, docs, root)
        chapters["gehechtheidstheorie"].problemen.append("data/toets/gehechtheidstheorie.yml, line 9: kapot")
        return chapters
    monkeypatch.setattr(toets_syntax, "load", broken)
    result = markdown(PAGE.format("hoofdstuk: gehechtheidstheorie"), src_uri="toets/proef.md")
    assert result.warnings == ["data/toets/gehechtheidstheorie.yml, line 9: kapot",
                               f"{PAGE_FILE}, line 7: data/toets/gehechtheidstheorie.yml has 1 problem(s), listed in "
                               "the build log before this one; fix them and build again."]


def test_a_test_page_must_be_marked_as_an_addition(markdown):
    """Without 'aanvulling: true' in its front matter a page with a test gets a warning (it is ours as a whole)."""
    result = markdown("# Toets\n\n```toets\nhoofdstuk: gehechtheidstheorie\n```\n", src_uri="toets/proef.md")
    assert result.warnings == [f"{PAGE_FILE}: a page with a 'toets' or 'toets-overzicht' block is an addition of this "
                               "site as a whole; put 'aanvulling: true' in its front matter."]


# --- the HTML ---------------------------------------------------------------------------------------

@pytest.fixture
def golden_chapters(monkeypatch):
    """The chapters of tests/unit/golden/toets/ instead of the site's (a small, stable test)."""
    monkeypatch.setattr(toets_syntax, "load", lambda folder, docs, root: {
        path.stem: toets_syntax.load_file(path, docs, root) for path in sorted((GOLDEN / "toets").glob("*.yml"))})


@pytest.mark.parametrize("name, src_uri", [("toets-proef", "toets/proef.md"), ("toets-proef-en", "toets/proef.en.md")])
def test_golden(markdown, golden_chapters, name, src_uri):
    """tests/unit/golden/NAME.md renders exactly as NAME.html (UPDATE_GOLDEN=1 rewrites after a change)."""
    source = (GOLDEN / f"{name}.md").read_text(encoding="utf-8")
    result = markdown(source, src_uri=src_uri)
    assert result.warnings == []
    expected = GOLDEN / f"{name}.html"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected.write_text(result.html + "\n", encoding="utf-8")
    assert result.html + "\n" == expected.read_text(encoding="utf-8")


def test_every_question_is_a_fieldset_with_a_legend_and_every_control_a_name(markdown):
    """Radio buttons and text fields are labelled; each question is a fieldset whose legend is its text."""
    html = markdown(PAGE.format("hoofdstuk: 5-conflicten-voorkomen"), src_uri="toets/proef.md").html
    assert html.count('<fieldset class="toets-vraag') == 8 == html.count('<legend><span class="toets-vraag__nummer">')
    controls = Controls(html)
    assert len(controls.controls) == 27 and controls.unlabelled() == []  # 6 × 3 choices, 2 × (text + 3), file
    assert html.count('aria-live="polite"') == 8
    assert 'data-toets="toets:nl:5-conflicten-voorkomen"' in html
    assert 'data-bestandsnaam="leidraad-toets-5-conflicten-voorkomen-{datum}.json"' in html


def test_english_page_shows_english_texts_and_links_to_english_headings(markdown):
    """On an English page: the English question, choices, words and the heading text of the English twin."""
    html = markdown(PAGE.format("hoofdstuk: gehechtheidstheorie"), src_uri="toets/gehechtheidstheorie.en.md").html
    assert "Which three dimensions of the relationship" in html and "Welke drie dimensies" not in html
    assert '>Check</button>' in html and "Controleer" not in html
    assert ('<a href="../theorie/gehechtheidstheorie.html#veilige-basis-en-veilige-haven">Secure base and safe '
            'haven</a>') in html
    assert 'data-toets="toets:en:gehechtheidstheorie"' in html


def test_a_choice_is_kept_as_its_place_in_the_data_with_the_hashes_of_its_texts(markdown, golden_chapters):
    """Issue 22: a radio's value is its choice's place in the data file (the same in Dutch and English, whatever
    order an attempt shows); data-toets-oud holds the hashes of its Dutch and English texts, as toets.js computes
    them (tests/js/toets.test.js checks the same numbers), so an answer kept as a text still counts."""
    nl = markdown((GOLDEN / "toets-proef.md").read_text(encoding="utf-8"), src_uri="toets/proef.md").html
    en = markdown((GOLDEN / "toets-proef-en.md").read_text(encoding="utf-8"), src_uri="toets/proef.en.md").html
    values = re.compile(r'value="([^"]*)" data-toets-oud="([^"]*)"')
    assert values.findall(nl) == values.findall(en) and values.findall(nl)[:2] == [
        ("1", "e064847f c80f5696"), ("2", "1180a911 2e430863")]
    assert toets.text_hash("Met het leren van alle namen") == "72aa8852" and toets.text_hash("naïef 😀 ×") == "e1c0912"


def test_the_overview_scores_by_id_and_by_the_correct_choices_old_texts():
    """The overview's spec: [id, the correct choice's id, {hash of its Dutch and its English text: that id}]."""
    question = {"id": "eerste-stap", "soort": "keuze", "keuzes": [
        {"nl": "Met een toets", "en": "With a test", "goed": False},
        {"nl": "Met het leren van alle namen", "en": "With learning all their names", "goed": True}]}
    assert toets.spec_of(question) == ["eerste-stap", "2", {"72aa8852": "2", toets.text_hash("With learning all their names"): "2"}]
    assert toets.spec_of({"id": "open", "soort": "open"}) == ["open", None]


def test_a_link_to_another_page_names_that_page(markdown):
    """The answer's section is on another page than the chapter's: the link says which page."""
    html = markdown(PAGE.format("hoofdstuk: interpersoonlijke-theorie"), src_uri="toets/proef.md").html
    assert ('<a href="../theorie/samenhang-en-effecten.html#wat-ze-gemeen-hebben">Wat ze gemeen hebben</a> '
            "(Samenhang en effecten)") in html


def test_texts_are_escaped(markdown, tmp_path, monkeypatch):
    """A question is plain text: markup in the data shows as typed, in the page and in its script words."""
    folder = tmp_path / "toets"
    folder.mkdir()
    (folder / "proef.yml").write_text(valid().replace("Vraag 1?", "'<b>Vet</b> & co?'"), encoding="utf-8")
    monkeypatch.setattr(toets_syntax, "load", lambda f, docs, root: {"proef": toets_syntax.load_file(
        folder / "proef.yml", docs, tmp_path)})
    html = markdown(PAGE.format("hoofdstuk: proef"), src_uri="toets/proef.md").html
    assert "&lt;b&gt;Vet&lt;/b&gt; &amp; co?" in html and "<b>Vet</b>" not in html


# --- README ------------------------------------------------------------------------------------------

def test_readme_table_of_fields_is_generated_from_the_syntax():
    """REDACTIE.md's table of a chapter file's fields is exactly toets_syntax.readme_table() (scripts/readme-tabellen)."""
    readme = (ROOT / "REDACTIE.md").read_text(encoding="utf-8")
    table = re.search(r"<!-- toets-velden:begin -->\n(.*?)\n<!-- toets-velden:end -->", readme, re.S)
    assert table, "REDACTIE.md lacks the <!-- toets-velden:begin --> … <!-- toets-velden:end --> markers"
    assert table.group(1) == toets_syntax.readme_table(), "run scripts/readme-tabellen"
