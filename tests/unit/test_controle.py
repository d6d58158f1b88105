"""hooks/controle.py: each editor's slip gives one message with file, line and fix (and a clean text gives none).

Every check is a plain function of text, so each slip is shown here in a few lines; tests/site/test_bouw.py
shows that a strict build of a small project with all of them at once lists every message and stops.
"""
from __future__ import annotations

import controle
from gereedschap import bouw

OURS = ["werkblad", "cirkel", "cirkel-verkenner", "cirkel-reflectie"]
SHEET = '```werkblad\ntitel: X\naanbeveling: "6.2"\nonderdelen:\n  - tekst: x\n```\n'


def test_a_clean_page_gives_no_message():
    text = "# Titel\n\n```cirkel\nmarkeer: leidend\n```\n\n````markdown\n```werkbald\n```\n````\n\n<div class=\"aanvulling\" markdown>\n\nx\n\n</div>\n"
    assert controle.fence_problems("docs/x.md", text, OURS) == []
    assert controle.unsafe_problems("docs/x.md", text) == []


def test_a_misspelt_block_name_is_named_with_the_right_one():
    assert controle.fence_problems("docs/x.md", "# T\n\n```werkbald\ntitel: x\n```\n", OURS) == [
        "docs/x.md, line 3: unknown block 'werkbald'; did you mean 'werkblad'? Without the right name the block shows "
        "as plain text. Our blocks: werkblad, cirkel, cirkel-verkenner, cirkel-reflectie"]
    (message,) = controle.fence_problems("docs/x.md", "~~~cirkle\n~~~\n", OURS)
    assert "unknown block 'cirkle'; did you mean 'cirkel'?" in message
    assert controle.fence_problems("docs/x.md", "```python\nx\n```\n", OURS) == []   # another language is fine


def test_an_unclosed_fence_and_a_closing_run_of_another_length():
    assert controle.fence_problems("docs/x.md", "# T\n\n```werkblad\ntitel: x\n", OURS) == [
        "docs/x.md, line 3: the fence ```werkblad is never closed; close it with ``` on a line of its own, or the "
        "rest of the page shows as code"]
    assert controle.fence_problems("docs/x.md", "~~~~cirkel\nmarkeer: leidend\n~~~~~\n", OURS) == [
        "docs/x.md, line 1: the fence ~~~~cirkel is never closed (line 3 has ~~~~~, 5 long; make it ~~~~, 4 long); "
        "close it with ~~~~ on a line of its own, or the rest of the page shows as code"]


def test_a_block_inside_tabs_raw_html_or_indentation_is_named():
    tabs = '=== "Tab"\n\n    ```werkblad\n    titel: x\n    ```\n'
    assert controle.fence_problems("docs/x.md", tabs, OURS) == [
        "docs/x.md, line 3: a werkblad block inside tabs (===) is shown as code; move it to the page itself, a list "
        "item or an admonition (!!!)"]
    html = "<div>\n  ```cirkel\n  ```\n</div>\n"
    assert "a cirkel block inside raw HTML is shown as code" in controle.fence_problems("docs/x.md", html, OURS)[0]
    fine = '!!! note "x"\n\n    ```cirkel\n    ```\n\n- item\n\n    ```cirkel\n    ```\n'
    assert controle.fence_problems("docs/x.md", fine, OURS) == []


def test_script_event_attributes_and_javascript_links_are_refused_outside_code():
    text = ("# T\n\n<script>alert(1)</script>\n\n<img src=\"a.png\" onerror=\"x()\">\n\n[klik](javascript:alert(1))\n\n"
            "`<script>` in code is fine\n\n```html\n<script></script>\n```\n")
    assert controle.unsafe_problems("docs/x.md", text) == [
        "docs/x.md, line 3: a <script> element in the Markdown; remove it: pages hold no scripts of their own "
        "(worksheets and the circle come from their blocks)",
        "docs/x.md, line 5: an on…= event attribute (onerror= on <img>) in the Markdown; remove the attribute: pages "
        "hold no scripts of their own",
        "docs/x.md, line 7: a javascript: link in the Markdown; link to a page or an address instead"]


def test_markup_is_parsed_as_html_not_read_line_by_line():
    """An attribute on the next line of its tag, an address written with entities or split over lines."""
    text = ('# T\n\n<img src="a.png"\n     onerror="x()">\n\n<a href="jav&#x61;script:alert(1)">x</a>\n\n'
            '<a href="java\nscript:alert(1)">y</a>\n\n[z](jav&#97;script:alert(1))\n\n<a HREF=" JaVaScRiPt:x()">w</a>\n')
    assert [m.split(": ", 1)[0] + ": " + m.split(": ", 1)[1].split(" in the Markdown")[0]
            for m in controle.unsafe_problems("docs/x.md", text)] == [
        "docs/x.md, line 3: an on…= event attribute (onerror= on <img>)",
        "docs/x.md, line 6: a javascript: link",
        "docs/x.md, line 8: a javascript: link",
        "docs/x.md, line 11: a javascript: link",
        "docs/x.md, line 13: a javascript: link"]


def test_markup_that_loads_from_or_sends_to_another_host_is_refused():
    text = ('# T\n\n<meta http-equiv="Refresh" content="0; url=https://example.com/">\n\n'
            '<iframe src="https://example.com/"></iframe>\n\n<object data="//example.com/x.swf"></object>\n\n'
            '<embed src="HTTP://example.com/x">\n\n<frame src="https://example.com/">\n\n'
            '<img src="https://example.com/pixel.png" alt="">\n\n![plaatje](https://example.com/p.png)\n\n'
            '<link rel="preconnect" href="https://example.com">\n')
    messages = controle.unsafe_problems("docs/x.md", text)
    assert [m.split(",")[1].split(":")[0].strip() for m in messages] == [
        "line 3", "line 5", "line 7", "line 9", "line 11", "line 13", "line 15", "line 17"]
    assert messages[0] == ('docs/x.md, line 3: a <meta http-equiv="refresh"> to https://example.com/ in the Markdown; '
                           "remove it: a page must not send its reader elsewhere by itself (the policy cannot stop it); "
                           "write a link the reader can choose to follow")
    assert messages[1].startswith("docs/x.md, line 5: an <iframe> that loads from another host (https://example.com/) in "
                                  "the Markdown; remove it or put the file in docs/assets/")
    more = ('<base href="https://example.com/">\n<form action="https://example.com/"></form>\n'
            '<div style="background: url(&quot;https://example.com/x.png&quot;)">x</div>\n')
    assert [m.split(": ", 1)[1].split(" in the Markdown")[0] for m in controle.unsafe_problems("docs/x.md", more)] == [
        "a <base> element", "a <form> that sends to another host (https://example.com/)",
        "a style on <div> that loads from another host"]


def test_what_stays_on_the_site_or_is_only_a_link_is_fine():
    text = ('# T\n\n<a href="https://example.org/">een gewone link</a> [ook](https://example.org/x)\n\n'
            '<img src="../assets/a.png" alt=""> ![x](../assets/b.png) ![y](data:image/png;base64,AAAA)\n\n'
            '<iframe src="../poster.html"></iframe>\n\n<meta http-equiv="refresh" content="30">\n\n'
            '`<meta http-equiv="refresh" content="0; url=https://x.org">` and `onerror=` in code\n\n'
            '```html\n<iframe src="https://example.com/"></iframe>\n```\n')
    assert controle.unsafe_problems("docs/x.md", text) == []


def test_a_front_matter_that_is_not_closed_or_not_yaml():
    assert controle.front_matter_syntax_problems("docs/x.md", "---\ntitle: x\n\n# Kop\n") == [
        "docs/x.md, line 1: the front matter that starts here is never closed, so the page shows it as text; end it "
        "with a line --- after its last field"]
    (message,) = controle.front_matter_syntax_problems("docs/x.md", "---\ntitle: x\ndescription: [open\n---\n# K\n")
    assert message.startswith("docs/x.md, line 3: front matter: YAML syntax error")
    (message,) = controle.front_matter_syntax_problems("docs/x.md", "---\ntitle: x\n  tags: y\n---\n")
    assert message.startswith("docs/x.md, line 3: front matter: this line does not line up with the line above it")
    assert controle.front_matter_syntax_problems("docs/x.md", "---\n- a\n- b\n---\n") == [
        "docs/x.md, line 2: the front matter is a list, not fields, so the page shows it as text; write one field per "
        "line, e.g. title: Mijn pagina"]
    (message,) = controle.front_matter_syntax_problems("docs/x.md", "---\ntitle: x\n---")
    assert message.startswith("docs/x.md, line 3: the front matter's closing --- is the last line of the file")
    assert controle.front_matter_syntax_problems("docs/x.md", "---\ntitle: x\n---\n\n# K\n\n---\n") == []
    assert controle.front_matter_syntax_problems("docs/x.md", "---\ntitle: x\n---\n") == []
    assert controle.front_matter_syntax_problems("docs/x.md", "# K\n\n---\n\ntekst\n") == []


def test_a_byte_that_is_not_utf8_is_named_with_its_line():
    text, problems = controle.read_source("docs/x.md", "# Kop\n\nCafé\n".encode("latin-1"))
    assert problems == ["docs/x.md, line 3: byte 0xe9 is not UTF-8 (the file was saved in another encoding, or holds a "
                        "damaged character); save the file as UTF-8 in your editor and check the characters of this line"]
    assert text == "# Kop\n\nCaf\ufffd\n"
    assert controle.read_source("docs/x.md", "\ufeff# Café\n".encode()) == ("# Café\n", [])


def test_a_worksheet_for_a_recommendation_that_does_not_exist_is_left_to_the_worksheet_check():
    """"9.9" is no recommendation: the exercise check does not stop on it (hooks/werkblad_syntax.py names it)."""
    sources = {"aan-de-slag/turven.md": SHEET.replace('"6.2"', '"9.9"')}
    assert controle.exercise_problems(sources, {"6": "aanbevelingen/6-herstel.md"}) == []


def test_markup_in_front_matter_is_reported():
    meta = {"title": "Titel <b>vet</b>", "description": 'Zo"><script>', "tags": ["<img src=x>", "gewoon"]}
    messages = controle.front_matter_problems("docs/x.md", meta)
    assert [m.split("'")[1] for m in messages] == ["title", "description", "tags"]
    assert messages[0] == ("docs/x.md, line 1: front matter 'title' holds markup ('Titel <b>vet</b>'); write plain "
                           "text: it is shown exactly as typed")
    assert controle.front_matter_problems("docs/x.md", {"title": "Theorie & praktijk"}) == []


def test_markup_in_front_matter_is_escaped_for_the_page():
    page = type("Page", (), {})()
    page.meta = {"title": "<b>vet</b>", "description": "gewoon", "tags": ["<i>x</i>"]}
    page.file = type("File", (), {"abs_src_path": None, "src_uri": "x.md"})()
    config = type("Config", (), {"config_file_path": None})()
    controle.on_page_markdown("", page, config, None)
    assert str(page.meta["title"]) == "&lt;b&gt;vet&lt;/b&gt;" and page.meta["description"] == "gewoon"
    assert str(page.meta["tags"][0]) == "&lt;i&gt;x&lt;/i&gt;"


def test_a_dutch_page_without_its_english_twin():
    assert controle.twin_problems(["a.md", "a.en.md", "b/c.md"]) == [
        "docs/b/c.md, line 1: this page has no English twin docs/b/c.en.md; create it (copy the Dutch page and "
        "translate it, keeping its headings and ids: REDACTIE.md, 'Een nieuwe pagina')"]


def test_a_nav_title_without_its_translation():
    nav = [{"Home": "index.md"}, {"Theorie": ["theorie/index.md"]}, {"Nieuw deel": ["x.md"]}]
    config = "nav:\n  - Home: index.md\n  - Theorie:\n      - theorie/index.md\n  - Nieuw deel:\n      - x.md\n"
    assert controle.nav_problems(nav, {"Home": "Home", "Theorie": "Theory"}, config) == [
        "mkdocs.yml, line 5: the nav title 'Nieuw deel' has no en translation; add 'Nieuw deel: …' under "
        "nav_translations of the en language (plugins → i18n)"]


def test_an_exercise_linked_from_nowhere():
    recs = {"6": "aanbevelingen/6-herstel.md"}
    sources = {"aan-de-slag/turven.md": SHEET, "aan-de-slag/index.md": "[Turven](turven.md)",
               "aanbevelingen/6-herstel.md": "Zie [het werkblad](../aan-de-slag/turven.md#top)."}
    assert controle.exercise_problems(sources, recs) == []
    sources["aanbevelingen/6-herstel.md"] = "Geen link."
    sources["aan-de-slag/index.md"] = ""
    assert controle.exercise_problems(sources, recs) == [
        "docs/aan-de-slag/turven.md, line 1: this exercise is not linked from docs/aan-de-slag/index.md; add a "
        "link […](turven.md) there",
        "docs/aan-de-slag/turven.md, line 1: this exercise is not linked from docs/aanbevelingen/6-herstel.md; add a "
        "link […](../aan-de-slag/turven.md) there"]


def test_an_english_exercise_is_checked_against_the_english_pages():
    recs = {"6": "aanbevelingen/6-herstel.md"}
    sources = {"aan-de-slag/turven.en.md": SHEET, "aan-de-slag/index.en.md": "[Tally](turven.md)",
               "aanbevelingen/6-herstel.en.md": "", "aanbevelingen/6-herstel.md": "[x](../aan-de-slag/turven.md)"}
    (message,) = controle.exercise_problems(sources, recs)
    assert "docs/aan-de-slag/turven.en.md" in message and "docs/aanbevelingen/6-herstel.en.md" in message


def test_duplicate_ids_and_ids_invalid_in_svg():
    output = '<h2 id="aanpak">A</h2><form id="aanpak"></form><h3 id="2x10">B</h3><p id="ok_1.x">c</p>'
    source = "# T\n\n## Aanpak { #aanpak }\n"
    assert controle.id_problems("docs/x.md", output, source) == [
        "docs/x.md, line 3: the id 'aanpak' appears twice on this page; give one of them another id (a heading's "
        "{ #id }, or a worksheet's 'sleutel:')",
        "docs/x.md, line 1: the id '2x10' is not valid in SVG/XML (it must start with a letter and hold only letters, "
        "digits, '-', '_' and '.'); rename it"]


def test_each_problem_is_reported_once_per_build(caplog):
    """Both languages of a run report a problem once; a new run reports it again."""
    bouw.start_run()
    controle.report(["docs/x.md, line 1: a", "docs/x.md, line 1: a", "docs/y.md, line 2: b"])
    assert [r.getMessage() for r in caplog.records] == ["docs/x.md, line 1: a", "docs/y.md, line 2: b"]
    assert all(r.name == "mkdocs.plugins.controle" and r.levelname == "WARNING" for r in caplog.records)
