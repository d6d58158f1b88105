"""hooks/werkbladen.py with werkblad_syntax.py and werkblad_a4.py: syntax, every error message, identity, HTML.

Markdown in, HTML out through the hooks as MkDocs calls them (tests/unit/conftest.py `markdown`). A problem
in a block is a warning naming file, line, what is wrong and how to fix it (strict builds stop on it),
and the page shows an error box instead of the block: never the block as code.
"""
from __future__ import annotations

import html as htmllib
import os
import re
import textwrap

import pytest
import yaml

import gereedschap
import werkblad_a4
import werkblad_syntax
import werkbladen
from conftest import ROOT
from markdownpagina import fake_config
from sitehtml import Controls

FILE = "docs/aan-de-slag/proef.md"
FIXTURE = ROOT / "tests" / "unit" / "golden" / "werkblad-alle-onderdelen.md"
GOLDEN = ROOT / "tests" / "unit" / "golden"
MINIMAL = 'titel: Proef\naanbeveling: "1.3"\nonderdelen:\n  - tekst: Hallo\n'
HEAD = 'titel: Proef\naanbeveling: "1.3"\nonderdelen:\n'  # lines 4-6 of the page below; parts from line 7


def page_with(block: str) -> str:
    """A Markdown page whose ```werkblad fence is on line 3 (so the block's first line is line 4)."""
    return f"# Proef\n\n```werkblad\n{block}\n```\n"


@pytest.fixture
def error_of(markdown):
    """The one warning a block on page_with's page gives; the page shows the error box, not the block."""
    def error(block: str) -> str:
        result = markdown(page_with(block))
        assert len(result.warnings) == 1, result.warnings
        assert 'class="admonition failure blokfout" role="alert"' in result.html
        assert "language-werkblad" not in result.html and "<form" not in result.html
        return result.warnings[0]
    return error


@pytest.fixture
def twins(tmp_path, monkeypatch):
    """A docs folder of its own for the sheets' twins (hooks/werkbladen.py `twin` reads there)."""
    real = werkbladen.twin
    monkeypatch.setattr(werkbladen, "twin", lambda docs, *args, **kwargs: real(str(tmp_path), *args, **kwargs))
    return tmp_path


@pytest.fixture
def sheet_html(markdown, twins):
    """The HTML of a page with one block (no warnings allowed); an English page gets the same block as its Dutch twin."""
    def render(block: str, **options) -> str:
        if options.get("language") == "en":
            dutch_twin(twins, block)
        result = markdown(page_with(block), **options)
        assert result.warnings == []
        return result.html
    return render


def dutch_twin(docs, block: str, name: str = "proef") -> None:
    """docs/aan-de-slag/<name>.md holding block as its worksheet (the twin an English sheet takes its keys from)."""
    (docs / "aan-de-slag").mkdir(parents=True, exist_ok=True)
    (docs / "aan-de-slag" / f"{name}.md").write_text(page_with(block), encoding="utf-8")


def part_html(sheet_html, part_yaml: str, **options) -> str:
    """The HTML of a sheet with the parts given as YAML lines under onderdelen."""
    return sheet_html(HEAD + textwrap.indent(textwrap.dedent(part_yaml).strip("\n"), "  "), **options)


# --- every error path, with its exact message --------------------------------------------------

ERRORS = [
    ("yaml-colon", 'titel: Let op: dit\naanbeveling: "1.3"',
     "line 4: the text of 'titel' contains ': ', which YAML reads as the start of a new field. Put the text in "
     'quotes: titel: "Let op: dit"'),
    ("yaml-indent-too-far", HEAD + "  - veld:\n      label: Naam\n        regels: 1",
     "line 9: this line does not line up with the line above it (8 spaces against 6), so YAML reads 'regels: 1' "
     "as more of the text of 'label'. Give the fields of one part the same number of spaces."),
    ("yaml-indent-short", HEAD + "  - veld:\n     label: Naam\n      regels: 1\n  - tabel:\n      kolommen: [a]\n"
     "      rijen: 2",
     "line 8: this line does not line up with the line below it (5 spaces against 6), so YAML reads 'regels: 1' "
     "as more of the text of 'label'. Give the fields of one part the same number of spaces."),
    ("yaml-unclosed-quote", HEAD + '  - tekst: "open\n  - tekst: dicht',
     "line 7: YAML syntax error: while scanning a quoted scalar, found unexpected end of stream. Check the "
     "indentation (spaces, no tabs) and put a text in quotes when it contains ': ' or starts with a quote, '-', "
     "'[', '{' or '*'."),
    ("yaml-control-character", HEAD + "  - tekst: a\x07b",
     "line 7: YAML syntax error: unacceptable character #x0007: control characters are not allowed; "
     "remove that character."),
    ("duplicate-key", 'titel: Proef\ntitel: Nog eens\naanbeveling: "1.3"\nonderdelen:\n  - tekst: x',
     "line 5: field 'titel' appears twice here; keep one."),
    ("empty-block", "",
     "line 3: the werkblad block is empty; start with 'titel:', 'aanbeveling:' and 'onderdelen:' "
     "(see REDACTIE.md, 'Een werkblad')."),
    ("not-a-mapping-list", "- titel\n- proef",
     "line 4: a werkblad block holds fields (titel, aanbeveling, intro, onderdelen), each as 'name: value' on "
     "its own line, not a list."),
    ("not-a-mapping-text", "zomaar een zin",
     "line 4: a werkblad block holds fields (titel, aanbeveling, intro, onderdelen), each as 'name: value' on "
     "its own line, not a text ('zomaar een zin')."),
    ("unknown-top-field-near", 'titel: Proef\naanbeveling: "1.3"\nonderdeelen:\n  - tekst: x',
     "line 6: unknown field 'onderdeelen'; did you mean 'onderdelen'? "
     "Valid fields: titel, aanbeveling, intro, sleutel, onderdelen."),
    ("unknown-top-field", 'titel: Proef\naanbeveling: "1.3"\nkleur: rood\nonderdelen:\n  - tekst: x',
     "line 6: unknown field 'kleur'. Valid fields: titel, aanbeveling, intro, sleutel, onderdelen."),
    ("missing-titel", 'aanbeveling: "1.3"\nonderdelen:\n  - tekst: x',
     "line 3: missing field 'titel'; give the worksheet a title, e.g. 'titel: De 2×10-oefening'."),
    ("empty-titel", 'titel: ""\naanbeveling: "1.3"\nonderdelen:\n  - tekst: x',
     "line 4: field 'titel' is empty; give the worksheet a title."),
    ("titel-number", 'titel: 2010\naanbeveling: "1.3"\nonderdelen:\n  - tekst: x',
     "line 4: field 'titel' must be a text, not a number (2010); put it in quotes."),
    ("titel-list", 'titel: [a, b]\naanbeveling: "1.3"\nonderdelen:\n  - tekst: x',
     "line 4: field 'titel' must be a text, not a list."),
    ("intro-number", 'titel: Proef\naanbeveling: "1.3"\nintro: 12\nonderdelen:\n  - tekst: x',
     "line 6: field 'intro' must be a text, not a number (12); put it in quotes."),
    ("missing-aanbeveling", "titel: Proef\nonderdelen:\n  - tekst: x",
     "line 3: missing field 'aanbeveling'; name the recommendation the worksheet belongs to, "
     "e.g. 'aanbeveling: \"1.3\"'."),
    ("aanbeveling-does-not-exist", 'titel: Proef\naanbeveling: "7.1"\nonderdelen:\n  - tekst: x',
     'line 5: aanbeveling "7.1" does not exist; use "1" … "6" for a recommendation or "N.M" for a '
     "sub-recommendation (1.1–1.5, 2.1–2.5, 3.1–3.3, 4.1–4.3, 5.1–5.5, 6.1–6.4)."),
    ("aanbeveling-sub-too-high", 'titel: Proef\naanbeveling: "3.4"\nonderdelen:\n  - tekst: x',
     'line 5: aanbeveling "3.4" does not exist; use "1" … "6" for a recommendation or "N.M" for a '
     "sub-recommendation (1.1–1.5, 2.1–2.5, 3.1–3.3, 4.1–4.3, 5.1–5.5, 6.1–6.4)."),
    ("aanbeveling-comma", 'titel: Proef\naanbeveling: "1,3"\nonderdelen:\n  - tekst: x',
     'line 5: aanbeveling "1,3" does not exist; use "1" … "6" for a recommendation or "N.M" for a '
     'sub-recommendation (1.1–1.5, 2.1–2.5, 3.1–3.3, 4.1–4.3, 5.1–5.5, 6.1–6.4). Did you mean "1.3"?'),
    ("aanbeveling-list", "titel: Proef\naanbeveling: [1, 3]\nonderdelen:\n  - tekst: x",
     "line 5: field 'aanbeveling' must be a number in quotes such as \"1.3\", not a list."),
    ("missing-onderdelen", 'titel: Proef\naanbeveling: "1.3"',
     "line 3: missing field 'onderdelen'; list the parts of the worksheet below it, each starting with '- ' "
     "and a part name (tekst, aanvulling, stappen, checklist, vragen, veld, tabel, dagen, turven, schaal)."),
    ("empty-onderdelen", 'titel: Proef\naanbeveling: "1.3"\nonderdelen: []',
     "line 6: field 'onderdelen' is empty; add at least one part, e.g. '- tekst: …'."),
    ("onderdelen-text", 'titel: Proef\naanbeveling: "1.3"\nonderdelen: tekst',
     "line 6: field 'onderdelen' must be a list of parts, each on its own line starting with '- ', "
     "not a text ('tekst')."),
    ("unknown-part-near", HEAD + "  - tekst: x\n  - checkliste:\n      items: [a]",
     "line 8: unknown part 'checkliste'; did you mean 'checklist'? "
     "Valid parts: tekst, aanvulling, stappen, checklist, vragen, veld, tabel, dagen, turven, schaal."),
    ("unknown-part", HEAD + "  - plaatje: x.png",
     "line 7: unknown part 'plaatje'. Valid parts: tekst, aanvulling, stappen, checklist, vragen, veld, tabel, dagen, "
     "turven, schaal."),
    ("part-with-three-keys", HEAD + "  - veld:\n    label: Naam\n    regels: 2",
     "line 7: part 1 has 3 keys (veld, label, regels); a part has exactly one key, its name, with its fields "
     "indented below it (e.g. '- veld:' and on the next line '    label: …'). Start every part on its own line "
     "with '- '."),
    ("part-without-colon", HEAD + "  - tekst",
     "line 7: part 1 ('tekst') has no colon; write '- tekst:' with its fields indented below it."),
    ("part-number", HEAD + "  - tekst: x\n  - 12",
     "line 8: part 2 must be one part name with a colon, such as '- tekst: …' or '- stappen:', "
     "not a number (12)."),
    ("unknown-field-in-part", HEAD + "  - tabel:\n      kolomen: [Naam]\n      rijen: 3",
     "line 8: unknown field 'kolomen' in part 'tabel'; did you mean 'kolommen'? "
     "Valid fields: titel, kolommen, rijen, aanvulling."),
    ("missing-field-in-part", HEAD + "  - tabel:\n      kolommen: [Naam]",
     "line 7: part 'tabel' is missing field 'rijen' (a whole number from 1 to 40)."),
    ("part-without-fields", HEAD + "  - stappen:",
     "line 7: part 'stappen' is missing field 'items' (a list of texts, each on its own line starting "
     "with '- ')."),
    ("part-holds-text", HEAD + "  - stappen: Doe dit",
     "line 7: part 'stappen' must hold fields (titel, items, aanvulling) indented below 'stappen:', not a text ('Doe dit')."),
    ("aanvulling-not-a-flag", HEAD + "  - vragen:\n      items: [Wat?]\n      aanvulling: ja",
     "line 9: field 'aanvulling' in part 'vragen' must be true or false, not a text ('ja')."),
    ("tekst-empty", HEAD + "  - tekst:",
     "line 7: part 'tekst' is empty; write its text after 'tekst: '."),
    ("tekst-list", HEAD + "  - tekst: [a, b]",
     "line 7: part 'tekst' must be a text, not a list."),
    ("empty-titel-in-part", HEAD + '  - tabel:\n      titel: ""\n      kolommen: [Naam]\n      rijen: 2',
     "line 8: field 'titel' in part 'tabel' is empty; write it or leave the field out."),
    ("int-as-word", HEAD + "  - tabel:\n      kolommen: [Naam]\n      rijen: tien",
     "line 9: field 'rijen' in part 'tabel' must be a whole number from 1 to 40, not a text ('tien')."),
    ("int-in-quotes", HEAD + '  - tabel:\n      kolommen: [Naam]\n      rijen: "10"',
     "line 9: field 'rijen' in part 'tabel' must be a whole number, not a text ('10'); remove the quotes."),
    ("int-as-yes", HEAD + "  - veld:\n      label: Ruimte\n      regels: true",
     "line 9: field 'regels' in part 'veld' must be a whole number from 1 to 20, not a yes/no value (true)."),
    ("items-text", HEAD + "  - stappen:\n      items: Doe dit",
     "line 8: field 'items' in part 'stappen' must be a list of texts, each on its own line starting with '- ', "
     "not a text ('Doe dit')."),
    ("items-empty-list", HEAD + "  - checklist:\n      items: []",
     "line 8: field 'items' in part 'checklist' is empty; add at least one item, each on its own line "
     "starting with '- '."),
    ("items-nothing", HEAD + "  - checklist:\n      titel: Lijst\n      items:",
     "line 9: field 'items' in part 'checklist' is empty; add at least one item, each on its own line "
     "starting with '- '."),
    ("item-empty", HEAD + '  - stappen:\n      items:\n        - Eerst\n        - ""',
     "line 10: item 2 of field 'items' in part 'stappen' is empty; write its text or remove the line."),
    ("item-with-colon", HEAD + "  - vragen:\n      items:\n        - Vraag: wat zie je?",
     "line 9: item 1 of field 'items' in part 'vragen' must be a text, not a group of fields "
     "(a ': ' inside a text needs quotes)."),
    ("item-yes", HEAD + "  - checklist:\n      items:\n        - gedaan\n        - yes",
     "line 10: item 2 of field 'items' in part 'checklist' must be a text, not a yes/no value (true); "
     "put it in quotes."),
    ("optional-names-empty", HEAD + "  - dagen:\n      kolommen: []",
     "line 8: field 'kolommen' in part 'dagen' is empty; add at least one name, each on its own line "
     "starting with '- ', or leave the field out."),
    ("rijen-too-many", HEAD + "  - tabel:\n      kolommen: [Naam]\n      rijen: 41",
     "line 9: field 'rijen' in part 'tabel' is 41; it must be from 1 to 40."),
    ("regels-zero", HEAD + "  - vragen:\n      items: [Wat?]\n      regels: 0",
     "line 9: field 'regels' in part 'vragen' is 0; it must be from 1 to 10."),
    ("veld-regels-too-many", HEAD + "  - veld:\n      label: Ruimte\n      regels: 21",
     "line 9: field 'regels' in part 'veld' is 21; it must be from 1 to 20."),
    ("vak-too-big", HEAD + "  - veld:\n      label: Ruimte\n      vak: 31",
     "line 9: field 'vak' in part 'veld' is 31; it must be from 1 to 30."),
    ("kolommen-too-many", HEAD + "  - tabel:\n      kolommen: [a, b, c, d, e, f, g, h, i]\n      rijen: 2",
     "line 8: field 'kolommen' in part 'tabel' has 9 names; use 1 to 8."),
    ("dagen-kolommen-too-many", HEAD + "  - dagen:\n      kolommen: [a, b, c, d, e]",
     "line 8: field 'kolommen' in part 'dagen' has 5 names; use 1 to 4."),
    ("dagen-aantal-too-many", HEAD + "  - dagen:\n      aantal: 21",
     "line 8: field 'aantal' in part 'dagen' is 21; it must be from 1 to 20."),
    ("turven-too-many-days", HEAD + "  - turven:\n      dagen: 11",
     "line 8: field 'dagen' in part 'turven' is 11; it must be from 1 to 10."),
    ("schaal-too-high", HEAD + "  - schaal:\n      vraag: Hoe?\n      tot: 11",
     "line 9: field 'tot' in part 'schaal' is 11; it must be from 1 to 10."),
    ("veld-both", HEAD + "  - veld:\n      label: Ruimte\n      regels: 2\n      vak: 4",
     "line 7: part 'veld' has both 'regels' and 'vak'; choose one: 'regels' for lined space, "
     "'vak' for an open box."),
    ("veld-neither", HEAD + "  - veld:\n      label: Ruimte",
     "line 7: part 'veld' needs 'regels' (1–20 lines) or 'vak' (an open box of 1–30 lines)."),
    ("schaal-backwards", HEAD + "  - schaal:\n      vraag: Hoe?\n      van: 5\n      tot: 3",
     "line 7: in part 'schaal', 'van' (5) must be smaller than 'tot' (3)."),
    ("too-long-for-a-page", HEAD + "  - tabel:\n      kolommen: [Naam]\n      rijen: 40\n  - veld:\n"
                                   "      label: Meer\n      vak: 20",
     "line 3: the worksheet does not fit on one A4 page: its texts take about 69 mm and its 60 write-in lines at "
     "least 312 mm, about 381 mm of the 274 mm a page has. Shorten texts, drop a part or lower regels, vak, "
     "rijen, aantal or dagen."),
    ("sleutel-bad", 'titel: Proef\naanbeveling: "1.3"\nsleutel: Mijn Blad\nonderdelen:\n  - tekst: x',
     "line 6: field 'sleutel' ('Mijn Blad') may hold only lower-case letters, digits and dashes, e.g. 'herstel-kort'."),
    ("same-question-twice", HEAD + "  - vragen:\n      items: [Wat zie je?]\n  - vragen:\n      items: [Wat zie je?]",
     "line 9: two fields of this worksheet would keep their answers under the same name ('vraag:wat-zie-je'): "
     "'Wat zie je?' and 'Wat zie je?'. Give each question, column or part its own text (e.g. a different 'titel' "
     "for a second table), so that answers cannot mix."),
    ("two-untitled-tables", HEAD + "  - tabel:\n      kolommen: [Naam]\n      rijen: 2\n  - tabel:\n      kolommen: [Naam]\n      rijen: 2",
     "line 10: two fields of this worksheet would keep their answers under the same name ('tabel:naam'): the tabel "
     "'Naam' and the tabel 'Naam'. Give each question, column or part its own text (e.g. a different 'titel' for a "
     "second table), so that answers cannot mix."),
    ("dagen-column-named-datum", HEAD + "  - dagen:\n      kolommen: [Datum]",
     "line 7: two fields of this worksheet would keep their answers under the same name ('dagen:dagen:datum'): "
     "its date column and column 'Datum'. Give each question, column or part its own text (e.g. a different "
     "'titel' for a second table), so that answers cannot mix."),
    ("yaml-alias", HEAD + "  - tekst: &t Hallo\n  - tekst: *t",
     "line 7: '&t' is a YAML anchor or alias; they are not allowed in a block. Write the text out where you need it."),
    ("yaml-tag", 'titel: !!str Proef\naanbeveling: "1.3"\nonderdelen:\n  - tekst: x',
     "line 4: '!!str' is a YAML tag; tags are not allowed in a block. Write the plain value (a number, or a text in quotes)."),
    ("too-much-text-for-a-page", HEAD + "".join(f"  - tekst: {'Lange zin met veel woorden. ' * 12}\n"
                                                for _ in range(20)),
     "line 3: the worksheet does not fit on one A4 page: its texts take about 499 mm of the 274 mm a page has. "
     "Shorten texts or drop a part."),
]


@pytest.mark.parametrize("block, expected", [case[1:] for case in ERRORS], ids=[case[0] for case in ERRORS])
def test_every_error_names_file_line_problem_and_fix(error_of, block, expected):
    """Each kind of mistake gives 'file, line N: what is wrong; how to fix it' and an error box."""
    assert error_of(block) == f"{FILE}, {expected}"


def test_all_problems_of_a_page_are_reported_at_once(markdown):
    """Two broken blocks on one page: two warnings in one run, both blocks replaced by an error box."""
    broken = page_with(HEAD + "  - tabel:\n      kolomen: [a]") + "\n" + page_with(HEAD + "  - plaatje: x")
    result = markdown(broken)
    assert [w.split(":")[0] for w in result.warnings] == [f"{FILE}, line 8", f"{FILE}, line 17"]
    assert result.html.count('class="admonition failure blokfout"') == 2


def test_an_unexpected_failure_is_reported_not_shown_as_code(markdown, monkeypatch):
    """Whatever breaks inside rendering (here a template error) is a warning and a box, never code."""
    def broken(*args, **kwargs):
        raise RuntimeError("kapot")
    monkeypatch.setattr(werkbladen, "identify", broken)
    result = markdown(page_with(MINIMAL))
    assert result.warnings == [f"{FILE}, line 3: could not render this 'werkblad' block (RuntimeError: kapot). "
                               "Check the block against REDACTIE.md."]
    assert "<pre" not in result.html and "blokfout" in result.html


def test_lines_count_front_matter_and_indented_fences(markdown):
    """The line is the file's line: front matter counts, and a fence inside an admonition is found too."""
    text = ("---\ntitle: x\n---\n\n# Proef\n\n!!! aan-de-slag \"Doe mee\"\n\n    ~~~~werkblad\n"
            '    titel: Proef\n    aanbeveling: "1.3"\n    onderdelen:\n      - tabel:\n          kolomen: [a]\n'
            "    ~~~~\n")
    (warning,) = markdown(text).warnings
    assert warning.startswith(f"{FILE}, line 14: unknown field 'kolomen' in part 'tabel';")


def test_pure_python_yaml_explains_a_question_mark_in_brackets(error_of, monkeypatch):
    """Without libyaml, '[Waar ging het over?]' fails in PyYAML; the message says how to quote it."""
    monkeypatch.setattr(gereedschap.yamlblok, "LOADER", yaml.SafeLoader)
    message = error_of(HEAD + "  - dagen:\n      kolommen: [Waar ging het over?]")
    assert message.startswith(f"{FILE}, line 8: YAML syntax error: while parsing a flow sequence, expected ',' or "
                              "']', but got '?' (a '?' inside [ ] needs quotes: [\"Waar ging het over?\"]).")


def test_a_huge_block_is_refused_before_it_is_read(error_of):
    """A block over 20 000 characters fails fast with its size (a careless paste, or a hostile block)."""
    message = error_of(HEAD + "  - tekst: " + "x" * 20_100)
    assert "the block is 20" in message and "a block holds at most 20000. Split it" in message


# --- the README and its generated table ----------------------------------------------------------

def test_the_readme_example_is_valid(sheet_html):
    """The worked example in REDACTIE.md ("Een werkblad") renders, '?' inside [ ] and all."""
    readme = (ROOT / "REDACTIE.md").read_text(encoding="utf-8")
    example = re.search(r"````markdown\n```werkblad\n(.*?)\n```\n````", readme, re.S).group(1)
    html = sheet_html(example)
    assert 'class="werkblad"' in html and "Waar hadden we het over?" in html


def test_readme_table_of_parts_is_generated_from_the_syntax():
    """REDACTIE.md's table of parts is exactly werkblad_syntax.readme_table() (scripts/readme-tabellen writes it)."""
    readme = (ROOT / "REDACTIE.md").read_text(encoding="utf-8")
    table = re.search(r"<!-- onderdelen:begin -->\n(.*?)\n<!-- onderdelen:end -->", readme, re.S)
    assert table, "REDACTIE.md lacks the <!-- onderdelen:begin --> … <!-- onderdelen:end --> markers"
    assert table.group(1) == werkblad_syntax.readme_table(), "run scripts/readme-tabellen"
    assert "`kolommen` (required, 1–8 names" in werkblad_syntax.readme_table()


# --- golden files: Markdown in, HTML out ---------------------------------------------------------

GOLDEN_CASES = sorted(p.stem for p in GOLDEN.glob("werkblad-*.md"))


@pytest.mark.parametrize("name", GOLDEN_CASES)
def test_golden(markdown, name):
    """tests/unit/golden/NAME.md renders exactly as NAME.html (UPDATE_GOLDEN=1 rewrites after a change)."""
    source = (GOLDEN / f"{name}.md").read_text(encoding="utf-8")
    result = markdown(source, src_uri=f"aan-de-slag/{name}.md")
    assert result.warnings == []
    expected = GOLDEN / f"{name}.html"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected.write_text(result.html + "\n", encoding="utf-8")
    assert result.html + "\n" == expected.read_text(encoding="utf-8")


def test_golden_cases_exist():
    """There are golden files for the minimal sheet and for every part (else the golden test tests nothing)."""
    assert {"werkblad-minimaal", "werkblad-alle-onderdelen"} <= set(GOLDEN_CASES)


# --- rendering details ------------------------------------------------------------------------------

def test_stappen_and_checklist(sheet_html):
    """Steps are an ordered list; a checklist has one labelled tick box per item, keyed by its text."""
    html = part_html(sheet_html, """
        - stappen:
            titel: Zo doe je het
            items: [Kies een leerling, Plan een moment]
        - checklist:
            items: [Rooster bekeken]
    """)
    assert ('<section class="werkblad-deel werkblad-deel--stappen" role="group" aria-labelledby="werkblad-proef-1-titel">\n'
            '<h3 id="werkblad-proef-1-titel">Zo doe je het</h3>\n<ol class="werkblad-lijst">\n'
            "<li>Kies een leerling</li>\n<li>Plan een moment</li>\n</ol>") in html
    assert ('<li><input type="checkbox" id="werkblad-proef-2-1" data-sleutel="vink:rooster-bekeken">'
            '<label for="werkblad-proef-2-1">Rooster bekeken</label></li>') in html


def test_vragen_and_veld(sheet_html):
    """Questions label their lined write-in fields; veld is one line, lines, or an open box."""
    html = part_html(sheet_html, """
        - vragen:
            items: [Wat ging goed?]
            regels: 4
        - veld:
            label: Welke leerling?
            regels: 1
        - veld:
            label: Aantekeningen
            vak: 6
    """)
    assert ('<li><label for="werkblad-proef-1-1">Wat ging goed?</label>\n<textarea id="werkblad-proef-1-1" '
            'class="werkblad-regels" rows="4" style="--regels: 4" data-sleutel="vraag:wat-ging-goed"></textarea></li>') in html
    assert ('<label for="werkblad-proef-2">Welke leerling?</label>\n<input type="text" id="werkblad-proef-2" '
            'class="werkblad-regels" style="--regels: 1" data-sleutel="veld:welke-leerling">') in html
    assert ('<textarea id="werkblad-proef-3" class="werkblad-vak" rows="6" style="--regels: 6" '
            'data-sleutel="veld:aantekeningen"></textarea>') in html


def test_vragen_default_to_three_lines(sheet_html):
    """vragen without regels gives three lines per question (README)."""
    assert 'rows="3" style="--regels: 3"' in part_html(sheet_html, "- vragen:\n    items: [Wat?]")


def test_tabel_cells_are_labelled_with_their_row(sheet_html):
    """Every cell has an accessible name with the row, and a key of its table, column and row."""
    html = part_html(sheet_html, """
        - tabel:
            kolommen: [Leerling, Hobby's]
            rijen: 3
    """)
    assert '<thead><tr><th scope="col">Leerling</th><th scope="col">Hobby&#39;s</th></tr></thead>' in html
    assert html.count("<tr><td>") == 3
    assert 'id="werkblad-proef-1-r3-k1" aria-label="Leerling rij 3" data-sleutel="tabel:leerling-hobby-s:leerling:r3"' in html
    assert 'id="werkblad-proef-1-r3-k2" aria-label="Leerling rij 3, Hobby&#39;s" data-sleutel="tabel:leerling-hobby-s:hobby-s:r3"' in html


def test_dagen_one_row_per_day_with_a_done_box(sheet_html):
    """The day tracker has a row per day (default 10), a 'gedaan' box and the extra columns."""
    html = part_html(sheet_html, "- dagen:\n    kolommen: [Waar hadden we het over?]")
    assert html.count('<tr><th scope="row">Dag ') == 10
    assert ('<td class="werkblad-vinkcel"><input type="checkbox" id="werkblad-proef-1-d10-gedaan" '
            'aria-label="Dag 10, gedaan" data-sleutel="dagen:dagen:gedaan:d10"></td>') in html
    assert 'aria-label="Dag 4, Waar hadden we het over?" data-sleutel="dagen:dagen:waar-hadden-we-het-over:d4"' in html
    assert '<th scope="col">Gedaan</th><th scope="col">Waar hadden we het over?</th>' in html


def test_turven_counts_per_day_with_ratio_and_the_3_to_1_goal(sheet_html):
    """The tally has + and − counts per day (default 5) with +1 buttons, ratio outputs and totals."""
    html = part_html(sheet_html, "- turven:\n    titel: Mijn week")
    assert html.count("<tr data-turf-rij>") == 5
    assert ('<input type="number" min="0" step="1" inputmode="numeric" id="werkblad-proef-1-d5-min" '
            'aria-label="Dag 5, aantal negatieve interacties" data-turf="min" data-sleutel="turven:mijn-week:min:d5">') in html
    assert ('<button type="button" class="werkblad-turfknop" data-turf-erbij="werkblad-proef-1-d2-plus" '
            'aria-label="+1: één positieve interactie erbij op dag 2">+1</button>') in html
    assert html.count("<output data-turf-verhouding ") == 5
    assert "<output data-turf-verhouding-totaal></output>" in html
    assert "Doel: minstens 3 positieve interacties voor elke negatieve (3:1)." in html


def test_schaal_is_a_group_of_numbered_radio_buttons(sheet_html):
    """The scale question is a fieldset whose legend is the question, one radio per number, one key."""
    html = part_html(sheet_html, "- schaal:\n    vraag: Hoe erg vond je het?")
    assert '<fieldset class="werkblad-deel werkblad-schaal">\n<legend>Hoe erg vond je het?</legend>' in html
    assert html.count('type="radio" name="werkblad-proef-1"') == 10
    assert html.count('data-sleutel="schaal:hoe-erg-vond-je-het"') == 10
    assert html.count('type="radio"') == 10 and 'value="0"' not in html
    assert part_html(sheet_html, "- schaal:\n    vraag: Hoe?\n    van: 0\n    tot: 5").count('type="radio"') == 6


def test_a_part_of_our_own_sits_inside_the_marker(sheet_html):
    """'aanvulling: true' on a part puts the whole part inside the marker, with its label."""
    html = part_html(sheet_html, "- vragen:\n    titel: Terugblik\n    items: [Wat ging goed?]\n    aanvulling: true")
    assert ('<div class="aanvulling werkblad-aanvulling"><p class="aanvulling__label">Aanvulling van deze site'
            '<span class="visueel-verborgen">: </span></p>\n<section class="werkblad-deel werkblad-deel--vragen"') in html
    assert "werkblad-aanvulling" not in part_html(sheet_html, "- vragen:\n    items: [Wat ging goed?]")


def test_a_tip_of_our_own_carries_the_site_marker(sheet_html):
    """Part 'aanvulling' renders inside the marker with its label, in the page's language."""
    html = part_html(sheet_html, "- aanvulling: Plan het op een vaste dag.")
    assert ('<div class="werkblad-tekst aanvulling"><p class="aanvulling__label">Aanvulling van deze site'
            '<span class="visueel-verborgen">: </span></p><p>Plan het op een vaste dag.</p></div>') in html
    assert ">Added by this site<" in part_html(sheet_html, "- aanvulling: Plan it.", language="en")


def test_every_control_has_a_name_a_unique_id_and_a_unique_key(markdown):
    """Every control of a sheet with every part is labelled; ids never repeat; keys repeat only in a scale."""
    controls = Controls(markdown(FIXTURE.read_text(encoding="utf-8")).html)
    assert len(controls.controls) > 30
    assert controls.unlabelled() == []
    ids = [cid for cid, _, _, kind in controls.controls if kind != "file"]
    assert None not in ids and len(ids) == len(set(ids))
    keys = [key for _, _, key, kind in controls.controls if kind not in ("radio", "file")]
    assert None not in keys and len(keys) == len(set(keys))
    assert Controls('<input id="a"><label for="b">x</label>').unlabelled() == ["a"]  # the check bites


def test_all_text_is_escaped(markdown):
    """'<script>' in a title or an item shows as text; nothing of the editor's text becomes markup."""
    html = markdown(FIXTURE.read_text(encoding="utf-8")).html
    assert "<script" not in html and "<b>" not in html
    assert "Proefwerkblad met &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&lt;b&gt;vet&lt;/b&gt; blijft tekst" in html
    assert "één blad &amp; niets verloren" in html


def test_recommendation_link_is_relative_to_the_page(markdown):
    """The note links the sub-recommendation's anchor from wherever the page sits; "4" links the page."""
    nested = markdown(page_with(MINIMAL.replace('"1.3"', '"5.2"'))).html
    assert ('<a href="../aanbevelingen/5-conflicten-voorkomen.html#aanbeveling-5-2">aanbeveling 5.2: Let op je '
            "non-verbale communicatie</a>") in nested
    top = markdown(page_with(MINIMAL.replace('"1.3"', '"4"')), src_uri="proef.md").html
    assert ('<a href="aanbevelingen/4-reflecteren-op-relaties.html">aanbeveling 4: Reflecteer regelmatig op je '
            "relaties met individuele leerlingen</a>") in top


def test_aanbeveling_may_be_an_unquoted_number(sheet_html):
    """aanbeveling: 2.4 (a YAML number) means "2.4"; aanbeveling: 6 means the whole recommendation."""
    assert "aanbeveling 2.4: Wees je bewust" in sheet_html(MINIMAL.replace('"1.3"', "2.4"))
    assert "aanbeveling 6: Zorg voor herstel van de relatie" in sheet_html(MINIMAL.replace('"1.3"', "6"))


def test_english_pages_get_english_ui_words(sheet_html):
    """On an English page the buttons and labels are English; the editor's text stays as written."""
    html = part_html(sheet_html, "- dagen:\n    aantal: 2", language="en")
    for words in (">Print<", ">Print blank<", ">Clear<", ">Save to a file<", ">Restore from a file<", ">Name<",
                  'aria-label="Day 2, done"', "Belongs to", "recommendation 1.3:"):
        assert words in html, words
    assert "Afdrukken" not in html and "Naam" not in html
    assert '<div class="werkblad-naam" lang="en">' in html and 'data-werkblad-knoppen="werkblad" lang="en"' in html
    assert 'data-werkblad="werkblad:en:proef"' in html


def test_the_ui_words_exist_in_both_languages():
    """Every word of the worksheets and of saving has a Dutch and an English text (shape key: {nl, en})."""
    for name in ("werkbladen.yml", "bewaren.yml", "teksten.yml"):
        assert gereedschap.missing_translations(gereedschap.data(name), name) == []
    assert gereedschap.words("werkbladen.yml", "de")["afdrukken"] == "Afdrukken"   # unknown language -> Dutch


def test_more_write_in_lines_means_narrower_lines_within_bounds():
    """The printed line height shrinks as a sheet gets fuller, never below the minimum or above the maximum."""
    heights = [werkbladen.check(HEAD + f"  - tabel:\n      kolommen: [Naam]\n      rijen: {n}")[1]
               for n in (5, 20, 30, 40)]
    assert heights[0] == werkblad_a4.WRITE_MAX
    assert heights == sorted(heights, reverse=True) and heights[1] > heights[-1]
    assert heights[-1] >= werkblad_a4.WRITE_MIN


def test_the_recommendation_data_has_all_25_sub_recommendations(require_shared):
    """data/aanbevelingen.yml: six recommendations, 25 sub-recommendations, each with its official title."""
    subs = [n for n in werkblad_syntax.AANBEVELINGEN if "." in n]
    assert len(subs) == 25 and len(werkblad_syntax.AANBEVELINGEN) == 31
    assert werkblad_syntax.AANBEVELINGEN["4.3"].html == "aanbevelingen/4-reflecteren-op-relaties.html#aanbeveling-4-3"
    official = (require_shared / "bron" / "titels.txt").read_text(encoding="utf-8").splitlines()
    assert [a.titel for a in werkblad_syntax.AANBEVELINGEN.values() if a.titel not in official] == []


# --- identity: an answer belongs to its question, not to a position -----------------------------

HERSTEL = HEAD + """  - checklist:
      titel: Voorbereiding
      items: [Noteer het verloop, Bedenk je eigen aandeel]
  - veld:
      label: Tijdlijn
      vak: 5
  - schaal:
      vraag: Welk cijfer geef je de situatie?
  - veld:
      label: Onze afspraak
      regels: 2
"""


def keys_of(block: str) -> dict[str, str]:
    """The key of every field of a block -> the control's id (where it sits now)."""
    sheet, _ = werkbladen.check(block)
    werkbladen.identify(sheet)
    found = {}
    for index, part in enumerate(sheet["onderdelen"], 1):
        for n, key in enumerate(part.get("sleutels", []), 1):
            found[key] = f"{index}-{n}"
        if part.get("sleutel"):
            found[part["sleutel"]] = str(index)
    return found


def test_inserting_removing_and_reordering_parts_keeps_every_key():
    """A part inserted at the top moves every field's position but none of their keys."""
    before = keys_of(HERSTEL)
    inserted = keys_of(HERSTEL.replace(HEAD, HEAD + "  - veld:\n      label: Nieuwe vraag\n      regels: 1\n"))
    assert set(before) < set(inserted) and set(inserted) - set(before) == {"veld:nieuwe-vraag"}
    assert all(before[key] != inserted[key] for key in before)    # every position moved …
    removed = keys_of(HERSTEL.replace("  - veld:\n      label: Tijdlijn\n      vak: 5\n", ""))
    assert set(removed) == set(before) - {"veld:tijdlijn"}          # … yet the keys are the same
    parts = HERSTEL.split("\n  - ")
    reordered = keys_of("\n  - ".join([parts[0], *reversed(parts[1:])]).rstrip() + "\n")
    assert set(reordered) == set(before)


def test_changing_a_question_changes_only_its_key():
    """Rewording one question gives it a new key (its old answer goes to 'Antwoorden zonder vraag')."""
    before, after = keys_of(HERSTEL), keys_of(HERSTEL.replace("Onze afspraak", "Wat spreken we af?"))
    assert set(before) ^ set(after) == {"veld:onze-afspraak", "veld:wat-spreken-we-af"}


def test_keys_ignore_case_and_punctuation_and_long_ones_stay_unique():
    """'Wat zie je?' and 'wat zie je' are one question; two long questions differing at the end are two."""
    assert werkbladen.text_key("Wat zie je?") == werkbladen.text_key("wat zie je") == "wat-zie-je"
    long_a, long_b = "Een lange vraag " * 5 + "eind A", "Een lange vraag " * 5 + "eind B"
    assert werkbladen.text_key(long_a) != werkbladen.text_key(long_b)
    assert len(werkbladen.text_key(long_a)) <= 48


def test_a_sheet_is_kept_under_its_page_name_in_any_copy_of_the_site(sheet_html):
    """The record name holds the language and the page's file name, never a folder or the site's path."""
    html = sheet_html(MINIMAL)
    assert 'data-werkblad="werkblad:nl:proef"' in html and "aan-de-slag" not in re.search(r'data-werkblad="[^"]*"', html).group(0)
    assert 'data-werkblad="werkblad:nl:kort"' in sheet_html(MINIMAL.replace("onderdelen:", "sleutel: kort\nonderdelen:"))


def test_two_sheets_on_one_page_need_their_own_key(markdown):
    """Two blocks on one page without 'sleutel' are refused (their answers would mix); with keys both render."""
    result = markdown(page_with(MINIMAL) + "\n" + page_with(MINIMAL))
    assert result.warnings[0] == (f"{FILE}, line 3: this page holds 2 werkblad blocks; give each its own 'sleutel:' "
                                  "(e.g. 'sleutel: proef-2'), so their answers are kept apart.")
    keyed = markdown(page_with(MINIMAL.replace("onderdelen:", "sleutel: een\nonderdelen:")) + "\n" +
                     page_with(MINIMAL.replace("onderdelen:", "sleutel: twee\nonderdelen:")))
    assert keyed.warnings == [] and 'id="werkblad-een"' in keyed.html and 'id="werkblad-twee"' in keyed.html


# --- one key in two languages: an English sheet takes its Dutch twin's keys (issue 22) -------------------

DUTCH = HEAD + """  - tekst: Lees eerst de stappen.
  - vragen:
      items: [Wat is er gebeurd?, Wat was jouw aandeel?]
  - tabel:
      titel: Afspraken
      kolommen: [Wie, Wat]
      rijen: 2
  - schaal:
      vraag: Hoe gespannen was het?
"""
ENGLISH = HEAD + """  - tekst: Read the steps first.
  - aanvulling: A tip that only the English sheet has.
  - vragen:
      items: [What happened?, What was your part?]
  - tabel:
      titel: Agreements
      kolommen: [Who, What]
      rijen: 2
  - schaal:
      vraag: How tense was it?
"""
EN_FILE = "docs/aan-de-slag/proef.en.md"


def english(markdown, twins, block: str, dutch: str = DUTCH):
    """The English page with block, beside a Dutch page holding dutch (its sheet on line 4 of the file)."""
    dutch_twin(twins, dutch)
    return markdown(page_with(block), language="en")


def keys_in(html: str) -> list[str]:
    """The data-sleutel of every control, in order (row and day suffixes kept)."""
    return re.findall(r'data-sleutel="([^"]+)"', html)


def old_keys(html: str) -> dict:
    """The form's map of old English keys -> keys now (data-oude-sleutels), {} when there is none."""
    found = re.search(r'data-oude-sleutels="([^"]+)"', html)
    return dict(pair.split(">") for pair in htmllib.unescape(found.group(1)).split(" ")) if found else {}


def test_an_english_sheet_keeps_its_answers_under_the_dutch_keys(markdown, twins):
    """Every field of the English sheet has the key of the Dutch field in the same place; texts may differ."""
    dutch = markdown(page_with(DUTCH))
    result = english(markdown, twins, ENGLISH)
    assert result.warnings == [] and dutch.warnings == []
    assert keys_in(result.html) == keys_in(dutch.html)
    assert "vraag:wat-is-er-gebeurd" in keys_in(result.html) and "tabel:afspraken:wie:r2" in keys_in(result.html)
    assert not any("what" in key for key in keys_in(result.html))


def test_the_dutch_keys_stay_as_they_were():
    """The Dutch keys still come from the Dutch texts, so answers already kept in Dutch stay at their questions."""
    assert set(keys_of(DUTCH)) == {"vraag:wat-is-er-gebeurd", "vraag:wat-was-jouw-aandeel", "tabel:afspraken",
                                   "schaal:hoe-gespannen-was-het"}


def test_both_pages_carry_the_english_fields_old_keys(markdown, twins):
    """The keys the English fields had (from their English text) map to their keys now, on both pages; a key
    that did not change, a table's own key (only part of its columns' keys) and the name fields are not in it."""
    moved = {"vraag:what-happened": "vraag:wat-is-er-gebeurd", "vraag:what-was-your-part": "vraag:wat-was-jouw-aandeel",
             "tabel:agreements:who": "tabel:afspraken:wie",
             "tabel:agreements:what": "tabel:afspraken:wat", "schaal:how-tense-was-it": "schaal:hoe-gespannen-was-het"}
    assert old_keys(english(markdown, twins, ENGLISH).html) == moved
    (twins / "aan-de-slag" / "proef.en.md").write_text(page_with(ENGLISH), encoding="utf-8")
    dutch_page = twins / "aan-de-slag" / "proef.md"
    assert old_keys(markdown(dutch_page.read_text(encoding="utf-8")).html) == moved
    reworded = old_keys(markdown(page_with(DUTCH.replace("Hoe gespannen", "Hoe ernstig"))).html)
    assert reworded == {**moved, "schaal:how-tense-was-it": "schaal:hoe-ernstig-was-het"}, "read from its English twin"
    dutch_page.unlink()
    (twins / "aan-de-slag" / "proef.en.md").unlink()
    assert 'data-oude-sleutels' not in markdown(page_with(DUTCH)).html, "no English twin: no map"


def test_an_old_key_that_a_field_has_now_or_two_fields_had_is_left_out():
    """An old key that is some field's key now, or was two fields' keys, cannot say whose answer it holds."""
    from werkblad_sleutels import follow, identify
    dutch, _ = werkbladen.check(HEAD + "  - vragen:\n      items: [Naam kind, Wat zie je?, Wat doe je?]\n")
    eng, _ = werkbladen.check(HEAD + "  - vragen:\n      items: [Wat zie je?, What do you do?, what do you do]\n")
    assert follow(eng, identify(dutch)) == {}


STRUCTURE_SLIPS = [
    ("fewer-questions", ENGLISH.replace("[What happened?, What was your part?]", "[What happened?]"),
     "line 9: this 'vragen' part has 1 question, the Dutch sheet's 1st part with answers ('vragen', line 8) has 2; "
     "give both the same questions in the same order, so that each English field keeps the answers of its Dutch twin."),
    ("other-kind", ENGLISH.replace("  - schaal:\n      vraag: How tense was it?", "  - veld:\n      label: How tense?\n      regels: 1"),
     "line 15: this is the English sheet's 3rd part with answers, a 'veld', but the Dutch sheet's 3rd part with answers "
     "('schaal', line 14) is a 'schaal'. An English field keeps its answers under the key of the Dutch field in the "
     "same place: give both sheets the same parts with answers in the same order (texts may differ)."),
    ("a-column-more", ENGLISH.replace("[Who, What]", "[Who, What, When]"),
     "line 11: this 'tabel' part has 3 columns, the Dutch sheet's 2nd part with answers ('tabel', line 10) has 2; "
     "give both the same columns in the same order, so that each English field keeps the answers of its Dutch twin."),
    ("other-rows", ENGLISH.replace("rijen: 2", "rijen: 3"),
     "line 11: this 'tabel' part has 3 rows, the Dutch sheet's 2nd part with answers ('tabel', line 10) has 2; "
     "give both the same rows in the same order, so that each English field keeps the answers of its Dutch twin."),
    ("another-scale", ENGLISH.replace("vraag: How tense was it?", "vraag: How tense was it?\n      tot: 5"),
     "line 15: this 'schaal' runs from 1 to 5, the Dutch sheet's 3rd part with answers ('schaal', line 14) from 1 to "
     "10; give both the same 'van' and 'tot', so that a number ticked in one language shows in the other."),
    ("an-extra-part", ENGLISH + "  - veld:\n      label: Anything else?\n      regels: 1\n",
     "line 17: the English worksheet has 4 parts with answers, the Dutch one 3: this 'veld' part has no Dutch twin. "
     "Add it to the Dutch sheet too (at the same place), or remove it here."),
    ("a-part-missing", ENGLISH.replace("  - schaal:\n      vraag: How tense was it?\n", ""),
     "line 3: the English worksheet has 2 parts with answers, the Dutch one 3: the Dutch 'schaal' part on line 14 "
     "has no English twin. Translate it and add it here at the same place, or remove it there."),
]


@pytest.mark.parametrize("block, expected", [c[1:] for c in STRUCTURE_SLIPS], ids=[c[0] for c in STRUCTURE_SLIPS])
def test_an_english_sheet_that_differs_from_its_dutch_twin_is_named_with_line_and_fix(markdown, twins, block, expected):
    """Each slip: the English file and line, what differs (with the Dutch line) and how to fix it; an error box.
    Its twin is ENGLISH itself, which builds without a warning (test_an_english_sheet_keeps…)."""
    result = english(markdown, twins, block)
    assert result.warnings == [f"{EN_FILE}, {expected}"]
    assert 'class="admonition failure blokfout"' in result.html and "<form" not in result.html


def test_every_difference_of_a_sheet_is_named_in_one_run(markdown, twins):
    """Two slips in one English sheet: two warnings, each with its own line."""
    block = ENGLISH.replace("[What happened?, What was your part?]", "[What happened?]").replace("rijen: 2", "rijen: 4")
    assert [w.split(":")[0] for w in english(markdown, twins, block).warnings] == [f"{EN_FILE}, line 9",
                                                                                   f"{EN_FILE}, line 11"]


def test_an_english_sheet_needs_its_dutch_sheet(markdown, twins):
    """No Dutch page, a Dutch page without a sheet under that key, a Dutch sheet that is broken: each said plainly.
    Twin: with the Dutch sheet there, the same English page builds (test_an_english_sheet_keeps…)."""
    alone = markdown(page_with(ENGLISH), language="en").warnings
    assert alone == [f"{EN_FILE}, line 3: there is no Dutch page docs/aan-de-slag/proef.md beside this English one; "
                     "an English worksheet takes the keys of its Dutch twin (REDACTIE.md, 'Waar antwoorden blijven'). "
                     "Write the Dutch page first."]
    other = english(markdown, twins, ENGLISH, DUTCH.replace("onderdelen:", "sleutel: anders\nonderdelen:")).warnings
    assert other == [f"{EN_FILE}, line 3: docs/aan-de-slag/proef.md has no worksheet kept under 'proef'; an English "
                     "worksheet takes the keys of its Dutch twin. Write the sheet there first, or give both the same "
                     "'sleutel:'."]
    broken = english(markdown, twins, ENGLISH, DUTCH.replace("rijen: 2", "rijen: 99")).warnings
    assert broken == [f"{EN_FILE}, line 3: the worksheet on docs/aan-de-slag/proef.md has a problem of its own (named "
                      "with its line); fix it first: this English sheet takes its keys from it."]


def test_the_sites_english_sheets_share_every_key_with_their_dutch_twins(markdown):
    """Every worksheet of the site: the English page's fields have exactly the Dutch page's keys."""
    folder = ROOT / "docs" / "aan-de-slag"
    pairs = [(p, p.with_name(p.stem + ".en.md")) for p in sorted(folder.glob("*.md"))
             if not p.name.endswith(".en.md") and "```werkblad" in p.read_text(encoding="utf-8")]
    assert len(pairs) >= 17
    for dutch, eng in pairs:
        nl = markdown(dutch.read_text(encoding="utf-8"), src_uri=f"aan-de-slag/{dutch.name}")
        en = markdown(eng.read_text(encoding="utf-8"), src_uri=f"aan-de-slag/{eng.name}")
        assert nl.warnings == en.warnings == [], dutch.name
        assert keys_in(en.html) == keys_in(nl.html), dutch.name


# --- the hook's events --------------------------------------------------------------------------

def test_on_config_registers_the_fence_once():
    """on_config runs once per language (static-i18n): the fence is registered exactly once."""
    config = fake_config()
    werkbladen.on_config(config)
    werkbladen.on_config(config)
    fences = config.mdx_configs["pymdownx.superfences"]["custom_fences"]
    assert [fence["name"] for fence in fences] == ["werkblad"]


def test_on_config_says_what_is_missing():
    """A config without superfences or with directory URLs is refused clearly."""
    from gereedschap import BouwFout
    with pytest.raises(BouwFout, match="needs the pymdownx.superfences Markdown extension"):
        werkbladen.on_config(fake_config(markdown_extensions=["tables"]))
    with pytest.raises(BouwFout, match="use_directory_urls: false"):
        werkbladen.on_config(fake_config(use_directory_urls=True))
