"""hooks/werkbladen.py: the worksheet syntax, every error message, and the HTML it renders.

Markdown in, HTML out, through Python-Markdown with pymdownx.superfences configured by the hook's own
on_config (so an error that superfences would swallow shows up here). One strict build of a tiny
project shows that a malformed block stops `mkdocs build`; a few checks read the real site's build.
"""
from __future__ import annotations

import html.parser
import re
import textwrap
import types

import markdown
import pytest
import yaml

import werkbladen
from conftest import ROOT, build_site
from sitehtml import pages, resolve

FILE = "docs/aan-de-slag/proef.md"
FIXTURE = ROOT / "tests" / "unit" / "fixtures" / "werkblad-proef.md"
MINIMAL = 'titel: Proef\naanbeveling: "1.3"\nonderdelen:\n  - tekst: Hallo\n'
HEAD = 'titel: Proef\naanbeveling: "1.3"\nonderdelen:\n'  # lines 4-6 of the page below; parts from line 7


def fence_config(**overrides) -> types.SimpleNamespace:
    """A stand-in MkDocs config after the hook's on_config ran on it."""
    config = types.SimpleNamespace(markdown_extensions=["pymdownx.superfences"], use_directory_urls=False,
                                   mdx_configs={})
    config.__dict__.update(overrides)
    werkbladen.on_config(config)
    return config


def convert(text: str, *, src_uri: str = "aan-de-slag/proef.md", language: str = "nl") -> str:
    """Markdown -> HTML as on a page at docs/<src_uri>, with the werkblad fence registered."""
    url = src_uri[:-3] + ".html"
    werkbladen.CURRENT = werkbladen.Context(
        path=f"docs/{src_uri}", src_uri=src_uri, url=url, language=language, site_name="Leidraad",
        blocks=werkbladen.find_blocks(text, path=f"docs/{src_uri}", url=url, stem=src_uri.split("/")[-1][:-3]))
    config = fence_config()
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs).convert(text)


def page_with(block: str) -> str:
    """A Markdown page whose ```werkblad fence is on line 3 (so the block's first line is line 4)."""
    return f"# Proef\n\n```werkblad\n{block}\n```\n"


def error_of(block: str) -> str:
    """The build-stopping message for a block on page_with's page."""
    with pytest.raises(werkbladen.WerkbladError) as caught:
        convert(page_with(block))
    return str(caught.value)


@pytest.fixture(autouse=True)
def fresh_context():
    """Every test starts with the formatter's default page context and leaves it so."""
    werkbladen.CURRENT = werkbladen.Context()
    yield
    werkbladen.CURRENT = werkbladen.Context()


# --- every error path, with its exact message --------------------------------------------------

ERRORS = [
    ("yaml-colon", 'titel: Let op: dit\naanbeveling: "1.3"',
     "line 4: YAML syntax error: mapping values are not allowed in this context. Check the indentation (spaces, "
     "no tabs) and put a text in quotes when it contains ': ' or starts with a quote, '-', '[', '{' or '*'."),
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
     "(see the README, 'Een werkblad')."),
    ("not-a-mapping-list", "- titel\n- proef",
     "line 4: a werkblad block holds fields (titel, aanbeveling, intro, onderdelen), each as 'name: value' on "
     "its own line, not a list."),
    ("not-a-mapping-text", "zomaar een zin",
     "line 4: a werkblad block holds fields (titel, aanbeveling, intro, onderdelen), each as 'name: value' on "
     "its own line, not a text ('zomaar een zin')."),
    ("unknown-top-field-near", 'titel: Proef\naanbeveling: "1.3"\nonderdeelen:\n  - tekst: x',
     "line 6: unknown field 'onderdeelen'; did you mean 'onderdelen'? "
     "Valid fields: titel, aanbeveling, intro, onderdelen."),
    ("unknown-top-field", 'titel: Proef\naanbeveling: "1.3"\nkleur: rood\nonderdelen:\n  - tekst: x',
     "line 6: unknown field 'kleur'. Valid fields: titel, aanbeveling, intro, onderdelen."),
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
     "Valid fields: titel, kolommen, rijen."),
    ("missing-field-in-part", HEAD + "  - tabel:\n      kolommen: [Naam]",
     "line 7: part 'tabel' is missing field 'rijen' (a whole number from 1 to 40)."),
    ("part-without-fields", HEAD + "  - stappen:",
     "line 7: part 'stappen' is missing field 'items' (a list of texts, each on its own line starting "
     "with '- ')."),
    ("part-holds-text", HEAD + "  - stappen: Doe dit",
     "line 7: part 'stappen' must hold fields (titel, items) indented below 'stappen:', not a text ('Doe dit')."),
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
     "line 3: the worksheet does not fit on one A4 page: its texts take about 67 mm and its 60 write-in lines at "
     "least 312 mm, about 379 mm of the 274 mm a page has. Shorten texts, drop a part or lower regels, vak, "
     "rijen, aantal or dagen."),
    ("too-much-text-for-a-page", HEAD + "".join(f"  - tekst: {'Lange zin met veel woorden. ' * 12}\n"
                                                for _ in range(20)),
     "line 3: the worksheet does not fit on one A4 page: its texts take about 497 mm of the 274 mm a page has. "
     "Shorten texts or drop a part."),
]


@pytest.mark.parametrize("block, expected", [case[1:] for case in ERRORS], ids=[case[0] for case in ERRORS])
def test_every_error_names_file_line_problem_and_fix(block, expected):
    """Each kind of mistake stops the page with 'file, line N: what is wrong; how to fix it'."""
    assert error_of(block) == f"{FILE}, {expected}"


def test_the_error_stops_superfences_and_mkdocs():
    """The error is a SuperFencesException (re-raised, not swallowed) and a PluginError (stops MkDocs)."""
    from mkdocs.exceptions import PluginError
    from pymdownx.superfences import SuperFencesException

    assert issubclass(werkbladen.WerkbladError, SuperFencesException)
    assert issubclass(werkbladen.WerkbladError, PluginError)


def test_lines_count_front_matter_and_indented_fences():
    """The line is the file's line: front matter counts, and a fence inside an admonition is found too."""
    text = ("---\ntitle: x\n---\n\n# Proef\n\n!!! aan-de-slag \"Doe mee\"\n\n    ~~~~werkblad\n"
            '    titel: Proef\n    aanbeveling: "1.3"\n    onderdelen:\n      - tabel:\n          kolomen: [a]\n'
            "    ~~~~\n")
    with pytest.raises(werkbladen.WerkbladError) as caught:
        convert(text)
    assert str(caught.value).startswith(f"{FILE}, line 14: unknown field 'kolomen' in part 'tabel';")


def test_a_block_the_page_does_not_hold_is_named_by_file_only():
    """When the source cannot be found in the page (generated Markdown), the message names the file only."""
    werkbladen.CURRENT = werkbladen.Context(path=FILE)
    with pytest.raises(werkbladen.WerkbladError) as caught:
        werkbladen.format_werkblad("titel: Proef", "werkblad", "werkblad", {}, None)
    assert str(caught.value) == f"{FILE}: missing field 'aanbeveling'; name the recommendation the worksheet " \
                                "belongs to, e.g. 'aanbeveling: \"1.3\"'."


def test_pure_python_yaml_explains_a_question_mark_in_brackets(monkeypatch):
    """Without libyaml, '[Waar ging het over?]' fails in PyYAML; the message says how to quote it."""
    monkeypatch.setattr(werkbladen, "LOADER", yaml.SafeLoader)
    message = error_of(HEAD + "  - dagen:\n      kolommen: [Waar ging het over?]")
    assert message.startswith(f"{FILE}, line 8: YAML syntax error: while parsing a flow sequence, expected ',' or "
                              "']', but got '?' (a '?' inside [ ] needs quotes: [\"Waar ging het over?\"]).")


def test_the_readme_example_is_valid():
    """The worked example in README.md ("Een werkblad") renders, '?' inside [ ] and all."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"````markdown\n(```werkblad\n.*?\n```)\n````", readme, re.S).group(1)
    html = convert(example)
    assert 'class="werkblad"' in html and "Waar hadden we het over?" in html


# --- rendering: Markdown in, HTML out ----------------------------------------------------------

GOLDEN = """\
<h1>Proef</h1>
<form class="werkblad" id="werkblad-proef" aria-labelledby="werkblad-proef-titel" autocomplete="off" style="--wb-regel: 9mm">
<div class="werkblad-knoppen" role="group" aria-label="Werkblad afdrukken of wissen" data-werkblad-knoppen="werkblad" lang="nl" hidden>
<button type="button" class="md-button md-button--primary" data-werkblad-actie="afdrukken" title="Drukt het werkblad af met wat je hebt ingevuld.">Afdrukken</button>
<button type="button" class="md-button" data-werkblad-actie="leeg-afdrukken">Leeg afdrukken</button>
<button type="button" class="md-button" data-werkblad-actie="wissen" data-werkblad-vraag="Alles wat je op dit werkblad hebt ingevuld, wissen? Dit kun je niet ongedaan maken.">Wissen</button>
<p class="werkblad-status" role="status" data-werkblad-status data-opgeslagen="Opgeslagen in deze browser." data-gewist="Gewist.">Wat je invult, blijft alleen in deze browser op dit apparaat; er wordt niets verstuurd.</p>
</div><header class="werkblad-kop">
<p class="werkblad-bron">Werkblad · Leidraad</p>
<h2 class="werkblad-titel" id="werkblad-proef-titel">Proef</h2>
<p class="werkblad-aanbeveling">Hoort bij <a href="../aanbevelingen/1-persoonlijke-band.html#aanbeveling-1-3">aanbeveling 1.3: Maak tijd voor een-op-een contact met leerlingen</a></p>
<div class="werkblad-naam" lang="nl">
<label for="werkblad-proef-naam">Naam</label><input type="text" id="werkblad-proef-naam">
<label for="werkblad-proef-datum">Datum</label><input type="text" id="werkblad-proef-datum">
</div>
</header>
<p class="werkblad-tekst">Hallo</p>
<footer class="werkblad-voet"><span>Leidraad · <span class="werkblad-versie" data-versie-van="aan-de-slag/proef.html"></span></span> <span class="werkblad-adres" data-werkblad-adres="proef.html">aan-de-slag/proef.html</span>
<span class="werkblad-nieuwste">Nieuwste versie: op het adres hierboven, of in de leidraad onder Aan de slag.</span></footer>
</form>"""


def test_minimal_sheet_renders_exactly():
    """A minimal block gives this form: toolbar, head with the linked recommendation, name, part, print footer."""
    assert convert(page_with(MINIMAL)) == GOLDEN


def part_html(part_yaml: str, **options) -> str:
    """The HTML of a sheet with one part (given as YAML lines under onderdelen)."""
    return convert(page_with(HEAD + textwrap.indent(textwrap.dedent(part_yaml).strip("\n"), "  ")), **options)


def test_stappen_and_checklist():
    """Steps are an ordered list; a checklist has one labelled tick box per item."""
    html = part_html("""
        - stappen:
            titel: Zo doe je het
            items: [Kies een leerling, Plan een moment]
        - checklist:
            items: [Rooster bekeken]
    """)
    assert ('<section class="werkblad-deel werkblad-deel--stappen" role="group" aria-labelledby="werkblad-proef-1-titel">\n'
            '<h3 id="werkblad-proef-1-titel">Zo doe je het</h3>\n<ol class="werkblad-lijst">\n'
            "<li>Kies een leerling</li>\n<li>Plan een moment</li>\n</ol>") in html
    assert ('<li><input type="checkbox" id="werkblad-proef-2-1"><label for="werkblad-proef-2-1">Rooster bekeken'
            "</label></li>") in html


def test_vragen_and_veld():
    """Questions label their lined write-in fields; veld is one line, lines, or an open box."""
    html = part_html("""
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
            'class="werkblad-regels" rows="4" style="--regels: 4"></textarea></li>') in html
    assert ('<label for="werkblad-proef-2">Welke leerling?</label>\n<input type="text" id="werkblad-proef-2" '
            'class="werkblad-regels" style="--regels: 1">') in html
    assert '<textarea id="werkblad-proef-3" class="werkblad-vak" rows="6" style="--regels: 6"></textarea>' in html


def test_vragen_default_to_three_lines():
    """vragen without regels gives three lines per question (README)."""
    assert 'rows="3" style="--regels: 3"' in part_html("- vragen:\n    items: [Wat?]")


def test_tabel_cells_are_labelled_with_their_row():
    """Every cell has an accessible name with the row: 'Leerling rij 3, Hobby's'."""
    html = part_html("""
        - tabel:
            kolommen: [Leerling, Hobby's]
            rijen: 3
    """)
    assert '<thead><tr><th scope="col">Leerling</th><th scope="col">Hobby&#39;s</th></tr></thead>' in html
    assert html.count("<tr><td>") == 3
    assert 'id="werkblad-proef-1-r3-k1" aria-label="Leerling rij 3"' in html
    assert 'id="werkblad-proef-1-r3-k2" aria-label="Leerling rij 3, Hobby&#39;s"' in html


def test_dagen_one_row_per_day_with_a_done_box():
    """The day tracker has a row per day (default 10), a 'gedaan' box and the extra columns."""
    html = part_html("- dagen:\n    kolommen: [Waar hadden we het over?]")
    assert html.count('<tr><th scope="row">Dag ') == 10
    assert ('<td class="werkblad-vinkcel"><input type="checkbox" id="werkblad-proef-1-d10-gedaan" '
            'aria-label="Dag 10, gedaan"></td>') in html
    assert 'aria-label="Dag 4, Waar hadden we het over?"' in html
    assert '<th scope="col">Gedaan</th><th scope="col">Waar hadden we het over?</th>' in html


def test_turven_counts_per_day_with_ratio_and_the_3_to_1_goal():
    """The tally has + and − counts per day (default 5) with +1 buttons, ratio outputs and totals."""
    html = part_html("- turven:\n    titel: Mijn week")
    assert html.count("<tr data-turf-rij>") == 5
    assert ('<input type="number" min="0" step="1" inputmode="numeric" id="werkblad-proef-1-d5-min" '
            'aria-label="Dag 5, aantal negatieve interacties" data-turf="min">') in html
    assert ('<button type="button" class="werkblad-turfknop" data-turf-erbij="werkblad-proef-1-d2-plus" '
            'aria-label="+1: één positieve interactie erbij op dag 2">+1</button>') in html
    assert html.count("<output data-turf-verhouding ") == 5
    assert "<output data-turf-verhouding-totaal></output>" in html
    assert "Doel: minstens 3 positieve interacties voor elke negatieve (3:1)." in html


def test_schaal_is_a_group_of_numbered_radio_buttons():
    """The scale question is a fieldset whose legend is the question, one radio per number."""
    html = part_html("- schaal:\n    vraag: Hoe erg vond je het?")
    assert '<fieldset class="werkblad-deel werkblad-schaal">\n<legend>Hoe erg vond je het?</legend>' in html
    assert html.count('type="radio" name="werkblad-proef-1"') == 10
    assert ('<label><input type="radio" name="werkblad-proef-1" id="werkblad-proef-1-10" value="10"><span>10'
            "</span></label>") in html
    assert html.count('type="radio"') == 10 and 'value="0"' not in html
    assert part_html("- schaal:\n    vraag: Hoe?\n    van: 0\n    tot: 5").count('type="radio"') == 6


class Controls(html.parser.HTMLParser):
    """Form controls and how each gets its accessible name (label[for], wrapping label or aria-label)."""

    def __init__(self, text: str):
        """Parse the HTML right away."""
        super().__init__()
        self.controls, self.label_for, self.in_label = [], set(), 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        """Note controls, labels and whether a control sits inside a label."""
        attrs = dict(attrs)
        if tag == "label":
            self.in_label += 1
            if attrs.get("for"):
                self.label_for.add(attrs["for"])
        if tag in ("input", "textarea", "select"):
            self.controls.append((attrs.get("id"), bool(attrs.get("aria-label")) or self.in_label > 0))

    def handle_endtag(self, tag):
        """Leave a label."""
        if tag == "label":
            self.in_label -= 1

    def unlabelled(self) -> list[str]:
        """Ids of controls with no accessible name."""
        return [cid for cid, named in self.controls if not named and cid not in self.label_for]


def test_every_control_of_the_fixture_has_a_name_and_a_unique_id():
    """Every input and textarea of a sheet with all nine parts is labelled, and ids do not repeat."""
    text = FIXTURE.read_text(encoding="utf-8")
    controls = Controls(convert(text))
    assert len(controls.controls) > 30
    assert controls.unlabelled() == []
    ids = [cid for cid, _ in controls.controls]
    assert None not in ids and len(ids) == len(set(ids))
    assert Controls('<input id="a"><label for="b">x</label>').unlabelled() == ["a"]  # the check bites


def test_all_text_is_escaped():
    """'<script>' in a title or an item shows as text; nothing of the editor's text becomes markup."""
    html = convert(FIXTURE.read_text(encoding="utf-8"))
    assert "<script" not in html and "<b>" not in html
    assert "Proefwerkblad met &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&lt;b&gt;vet&lt;/b&gt; blijft tekst" in html
    assert "één blad &amp; niets verloren" in html


def test_recommendation_link_is_relative_to_the_page():
    """The note links the sub-recommendation's anchor from wherever the page sits; "4" links the page."""
    nested = convert(page_with(MINIMAL.replace('"1.3"', '"5.2"')))
    assert ('<a href="../aanbevelingen/5-conflicten-voorkomen.html#aanbeveling-5-2">aanbeveling 5.2: Let op je '
            "non-verbale communicatie</a>") in nested
    top = convert(page_with(MINIMAL.replace('"1.3"', '"4"')), src_uri="proef.md")
    assert ('<a href="aanbevelingen/4-reflecteren-op-relaties.html">aanbeveling 4: Reflecteer regelmatig op je '
            "relaties met individuele leerlingen</a>") in top


def test_aanbeveling_may_be_an_unquoted_number():
    """aanbeveling: 2.4 (a YAML number) means "2.4"; aanbeveling: 6 means the whole recommendation."""
    assert "aanbeveling 2.4: Wees je bewust" in convert(page_with(MINIMAL.replace('"1.3"', "2.4")))
    assert "aanbeveling 6: Zorg voor herstel van de relatie" in convert(page_with(MINIMAL.replace('"1.3"', "6")))


def test_english_pages_get_english_ui_words():
    """On an English build the buttons and labels are English; the editor's text stays as written."""
    html = part_html("- dagen:\n    aantal: 2", language="en")
    for words in (">Print<", ">Print blank<", ">Clear<", ">Name<", 'aria-label="Day 2, done"', "Belongs to",
                  "recommendation 1.3:", "Saved in this browser."):
        assert words in html, words
    assert "Afdrukken" not in html and "Naam" not in html
    assert '<div class="werkblad-naam" lang="en">' in html and 'data-werkblad-knoppen="werkblad" lang="en"' in html


def test_the_ui_words_exist_in_both_languages():
    """Every UI string has a Dutch and an English version (one data file, hooks/werkbladen.yml)."""
    assert set(werkbladen.UI["nl"]) == set(werkbladen.UI["en"])
    assert werkbladen.strings("en-GB") is werkbladen.UI["en"] and werkbladen.strings("de") is werkbladen.UI["nl"]


def test_two_sheets_on_one_page_get_their_own_ids():
    """Two identical blocks on one page render twice with different ids."""
    html = convert(page_with(MINIMAL) + "\n" + page_with(MINIMAL))
    assert 'id="werkblad-proef"' in html and 'id="werkblad-proef-2"' in html


def test_more_write_in_lines_means_narrower_lines_within_bounds():
    """The printed line height shrinks as a sheet gets fuller, never below the minimum or above the maximum."""
    heights = [werkbladen.check(HEAD + f"  - tabel:\n      kolommen: [Naam]\n      rijen: {n}")[1]
               for n in (5, 20, 30, 40)]
    assert heights[0] == werkbladen.WRITE_MAX
    assert heights == sorted(heights, reverse=True) and heights[1] > heights[-1]
    assert heights[-1] >= werkbladen.WRITE_MIN


def test_the_recommendation_data_has_all_25_sub_recommendations():
    """hooks/aanbevelingen.yml: six recommendations, 25 sub-recommendations, each with its anchor."""
    subs = [n for n in werkbladen.AANBEVELINGEN if "." in n]
    assert len(subs) == 25 and len(werkbladen.AANBEVELINGEN) == 31
    assert werkbladen.AANBEVELINGEN["4.3"].html == \
        "aanbevelingen/4-reflecteren-op-relaties.html#aanbeveling-4-3"
    titles = ROOT.parent / "shared" / "bron" / "titels.txt"
    if titles.exists():  # the official titles, verbatim
        official = titles.read_text(encoding="utf-8").splitlines()
        assert [a.titel for a in werkbladen.AANBEVELINGEN.values() if a.titel not in official] == []


# --- the hook's events --------------------------------------------------------------------------

def test_on_config_registers_the_fence_once():
    """on_config runs once per language (static-i18n): the fence is registered exactly once."""
    config = fence_config()
    werkbladen.on_config(config)
    fences = config.mdx_configs["pymdownx.superfences"]["custom_fences"]
    assert [fence["name"] for fence in fences] == ["werkblad"]


def test_on_config_keeps_other_fences_and_says_what_is_missing():
    """Other custom fences stay; a config without superfences or with directory URLs is refused clearly."""
    other = {"name": "cirkel", "class": "cirkel", "format": print}
    config = fence_config(mdx_configs={"pymdownx.superfences": {"custom_fences": [other]}})
    assert [f["name"] for f in config.mdx_configs["pymdownx.superfences"]["custom_fences"]] == ["cirkel", "werkblad"]
    from mkdocs.exceptions import PluginError
    with pytest.raises(PluginError, match="needs the pymdownx.superfences Markdown extension"):
        fence_config(markdown_extensions=["tables"])
    with pytest.raises(PluginError, match="use_directory_urls: false"):
        fence_config(use_directory_urls=True)


def test_find_blocks_sees_backticks_tildes_and_indentation():
    """Fences of ``` or ~~~ (any length, indented or not) are found, other languages are not."""
    text = "```werkblad\na: 1\n```\n\n````python\nx\n````\n\n    ~~~ werkblad\n    b: 2\n    ~~~\n```werkbladen\nc\n```\n"
    blocks = werkbladen.find_blocks(text, path="p.md", url="p.html", stem="p")
    assert [(b.source, b.fence_line, b.first_line) for b in blocks] == [("a: 1", 1, 2), ("b: 2", 9, 10)]


# --- a real (tiny) MkDocs build ------------------------------------------------------------------

def tiny_project(tmp_path, pages: dict[str, str]):
    """A minimal MkDocs project in tmp_path that uses our hook; returns its mkdocs.yml."""
    docs = tmp_path / "docs"
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(textwrap.dedent(f"""\
        site_name: Proefsite
        use_directory_urls: false
        strict: true
        markdown_extensions:
          - admonition
          - pymdownx.superfences
        hooks:
          - {ROOT / "hooks" / "werkbladen.py"}
        nav:
          - index.md
          - Werkbladen:
              - werkbladen/proef.md
              - werkbladen/tweede.md
              - werkbladen/alle.md
        """), encoding="utf-8")
    return config


def test_strict_build_renders_sheets_and_the_print_all_page(tmp_path):
    """A real build renders the sheets, and the print-all page gets every sheet of its nav section."""
    config = tiny_project(tmp_path, {
        "index.md": "# Start\n",
        "werkbladen/proef.md": FIXTURE.read_text(encoding="utf-8"),
        "werkbladen/tweede.md": page_with(MINIMAL.replace("Proef", "Tweede")),
        "werkbladen/alle.md": "# Alle\n\n<!-- alle-werkbladen -->\n",
    })
    result = build_site(tmp_path / "site", config=config)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert (site / "werkbladen" / "proef.html").read_text(encoding="utf-8").count('<form class="werkblad"') == 1
    together = (site / "werkbladen" / "alle.html").read_text(encoding="utf-8")
    assert together.count('<form class="werkblad werkblad--samen"') == 2
    assert together.index('id="werkblad-proef"') < together.index('id="werkblad-tweede"')
    assert together.count('data-werkblad-knoppen="pagina"') == 1 and 'data-werkblad-knoppen="werkblad"' not in together
    assert 'data-werkblad-adres="proef.html">werkbladen/proef.html<' in together
    assert "alle-werkbladen" not in together


def test_strict_build_stops_on_a_malformed_block(tmp_path):
    """mkdocs build --strict fails and prints the file, the line and the fix (not swallowed by superfences)."""
    broken = page_with(HEAD + "  - tabel:\n      kolomen: [Naam]\n      rijen: 3")
    config = tiny_project(tmp_path, {
        "index.md": "# Start\n", "werkbladen/proef.md": broken,
        "werkbladen/tweede.md": page_with(MINIMAL), "werkbladen/alle.md": "# Alle\n",
    })
    result = build_site(tmp_path / "site", config=config)
    assert result.returncode != 0
    assert ("docs/werkbladen/proef.md, line 8: unknown field 'kolomen' in part 'tabel'; did you mean 'kolommen'? "
            "Valid fields: titel, kolommen, rijen.") in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_strict_build_names_the_source_page_of_a_block_on_the_print_all_page(tmp_path):
    """A bad block met first on the print-all page (built before it, alphabetically) names its own file and line."""
    config = tiny_project(tmp_path, {
        "index.md": "# Start\n", "werkbladen/proef.md": page_with(MINIMAL),
        "werkbladen/tweede.md": "---\ntitle: Twee\n---\n\n" + page_with(HEAD + "  - turven:\n      dagen: 12"),
        "werkbladen/alle.md": "# Alle\n\n<!-- alle-werkbladen -->\n",
    })
    result = build_site(tmp_path / "site", config=config)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "page 'werkbladen/alle.md'" in output
    assert ("docs/werkbladen/tweede.md, line 12: field 'dagen' in part 'turven' is 12; it must be from 1 to 10."
            in output)


# --- the real site ----------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def sheets(site):
    """Every worksheet page of the built site (both languages): path -> HTML."""
    found = {}
    for path in sorted(site.rglob("aan-de-slag/*.html")):
        text = path.read_text(encoding="utf-8")
        if path.name not in ("index.html", "alle-werkbladen.html"):
            found[path.relative_to(site).as_posix()] = text
    return found


def test_every_exercise_page_holds_one_worksheet(sheets):
    """At least 14 exercise pages, each with exactly one rendered worksheet (no raw YAML left)."""
    dutch = {path: text for path, text in sheets.items() if not path.startswith("en/")}
    assert len(dutch) >= 14
    assert {path: text.count('<form class="werkblad"') for path, text in dutch.items()} == {p: 1 for p in dutch}
    assert not any("language-werkblad" in text for text in sheets.values())


def test_print_all_page_holds_every_worksheet(site, sheets):
    """alle-werkbladen has every worksheet once, in nav order, in both languages."""
    for prefix in ("", "en/"):
        together = (site / prefix / "aan-de-slag" / "alle-werkbladen.html").read_text(encoding="utf-8")
        ids = re.findall(r'<form class="werkblad werkblad--samen" id="([\w-]+)"', together)
        expected = [f"werkblad-{p.split('/')[-1][:-5]}" for p in sheets if p.startswith(prefix) and
                    (prefix or not p.startswith("en/"))]
        assert sorted(ids) == sorted(expected)
        assert len(ids) == len(set(ids)) >= 14


def test_site_worksheets_are_labelled_and_link_their_recommendation(site, sheets):
    """On the built site every control has a name and the recommendation link reaches an existing anchor."""
    all_pages = pages(site)
    for path, text in sheets.items():
        forms = "".join(re.findall(r'<form class="werkblad.*?</form>', text, re.S))
        assert forms and Controls(forms).unlabelled() == [], path
        link = re.search(r'<p class="werkblad-aanbeveling">[^<]*<a href="([^"]+)"', text).group(1)
        target, anchor = resolve(site, path, link)
        assert target in all_pages, (path, link)
        assert not anchor or anchor in all_pages[target].ids, (path, link)


def test_site_worksheets_speak_the_page_language(sheets):
    """Dutch pages have Dutch buttons, English pages English ones."""
    for path, text in sheets.items():
        english = path.startswith("en/")
        assert (">Print blank<" in text) == english and (">Leeg afdrukken<" in text) != english, path
