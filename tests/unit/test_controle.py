"""hooks/controle.py: each editor's slip gives one message with file, line and fix (and a clean text gives none).

Every check is a plain function of text, so each slip is shown here in a few lines; tests/site/test_bouw.py
shows that a strict build of a small project with all of them at once lists every message and stops.
"""
from __future__ import annotations

import logging

import controle
import csp
import gereedschap
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


def what_and_line(messages: list[str]) -> list[str]:
    """'line 3: an <object> element' of each message (the fix left out)."""
    return [m.split(", ", 1)[1].split(" in the Markdown")[0] for m in messages]


def test_plugins_and_frame_sets_are_refused_even_from_the_site():
    """B07: <object>, <embed>, <applet>, <frame>, <frameset> are refused whatever they load (not only from another host)."""
    text = ('# T\n\n<object data="x.swf"></object><embed src="x.swf">\n\n<applet code="X.class"></applet>\n\n'
            '<frameset cols="50%,50%">\n<frame src="a.html">\n</frameset>\n\n`<embed>` in code is fine\n')
    messages = controle.unsafe_problems("docs/x.md", text)
    assert what_and_line(messages) == ["line 3: an <object> element", "line 3: an <embed> element",
                                       "line 5: an <applet> element", "line 7: a <frameset> element",
                                       "line 8: a <frame> element"]
    assert messages[0] == ("docs/x.md, line 3: an <object> element in the Markdown; remove it: pages hold no plugins or "
                           "frame sets; link to the file instead (put it in docs/assets/), or show a picture with ![…](…)")


def test_a_style_element_is_refused():
    """B10: a <style> is refused as a whole (CSS escapes, @import without url() … no check of its rules can follow)."""
    text = ('# T\n\n<style>@import url(//evil.example/x.css); p{background:url( "https://evil.example/y" )}</style>\n\n'
            '<style>\np { color: red }\n</style>\n\n<p style="color: red">a style attribute on the site is fine</p>\n')
    messages = controle.unsafe_problems("docs/x.md", text)
    assert what_and_line(messages) == ["line 3: a <style> element", "line 5: a <style> element"]
    assert "put the rules in the site's CSS (docs/assets/stylesheets/)" in messages[0]


def test_data_addresses_are_refused_but_for_images():
    """B12: data: in a link or in what is not an image; a data: image stays (img-src in hooks/csp.py allows data:)."""
    text = ('# T\n\n<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>\n\n<iframe src="DATA:text/html,x"></iframe>\n\n'
            '<img src="data:image/png;base64,AAAA" alt=""> ![y](data:image/gif;base64,AAAA)\n\n'
            '<img src="data:text/html,x" alt="">\n\n<img srcset="data:image/png;base64,AA 1x, data:text/html,x 2x" alt="">\n\n'
            '[klik](data:text/html,hallo)\n')
    messages = controle.unsafe_problems("docs/x.md", text)
    assert what_and_line(messages) == ["line 3: a data: address (href= on <a>)", "line 5: a data: address (src= on <iframe>)",
                                       "line 9: a data: address (src= on <img>)", "line 11: a data: address (srcset= on <img>)",
                                       "line 13: a data: address in a link (data:text/html,hallo)"]
    assert messages[0].endswith("link to a page, or put the file in docs/assets/ and link to it: a data: address carries "
                                "a whole document or script inside the link, out of the editor's sight")
    assert "data:" in " ".join(csp.POLICY["img-src"])   # why a data: image may stay


def test_svg_that_loads_from_another_host_is_refused():
    """B30: href/xlink:href (and url() in an attribute) of an SVG element to another host; javascript:/data: as anywhere."""
    text = ('# T\n\n<svg><use href="https://evil.example/s.svg#a"/></svg>\n\n'
            '<svg viewBox="0 0 1 1">\n  <image xlink:href="//evil.example/p.png"/>\n  <filter><feImage href="HTTPS://evil.example/f"/>'
            '</filter>\n  <rect fill="url(https://evil.example/#g)"/>\n  <a href="JavaScript:alert(1)"><text>x</text></a>\n'
            '  <a href="data:image/svg+xml,x"><text>y</text></a>\n  <use href="#eigen"/><a href="../pagina.md">z</a>\n</svg>\n\n'
            '<a href="https://example.org/">a link outside an SVG is fine</a>\n')
    messages = controle.unsafe_problems("docs/x.md", text)
    assert what_and_line(messages) == [
        'line 3: an SVG <use> that loads from another host (href="https://evil.example/s.svg#a")',
        'line 6: an SVG <image> that loads from another host (xlink:href="//evil.example/p.png")',
        'line 7: an SVG <feimage> that loads from another host (href="HTTPS://evil.example/f")',
        'line 8: an SVG <rect> that loads from another host (fill="url(https://evil.example/#g)")',
        "line 9: a javascript: link", "line 10: a data: address (href= on <a>)"]
    assert messages[0].endswith("put the file in docs/assets/ and use it from there, or draw it inside the <svg>: the "
                                "site contacts no other host")


def test_a_markdown_link_with_a_scheme_in_any_case_or_entities():
    """B05b: a Markdown link's address as the browser reads it: entities decoded and any case, in an inline link and a
    reference definition; data: too (a data: image stays)."""
    text = ("# T\n\n[twee](JaVaScRiPt&#x3A;alert(2))\n\n[drie][d]\n\n[d]: VbScRiPt&colon;x\n\n[vier](DaTa&#x3A;text/html,x)\n\n"
            "[vijf]( <data:text/html,y> )\n\n![zes](DATA:image/png;base64,AAAA)\n\n[zeven](https://example.org/data:x)\n")
    assert controle.unsafe_problems("docs/x.md", text) == [
        "docs/x.md, line 3: a javascript: link in the Markdown; link to a page or an address instead",
        "docs/x.md, line 7: a javascript: link in the Markdown; link to a page or an address instead",
        "docs/x.md, line 9: a data: address in a link (DaTa&#x3A;text/html,x) in the Markdown; " + controle.NO_DATA,
        "docs/x.md, line 11: a data: address in a link (data:text/html,y) in the Markdown; " + controle.NO_DATA]


class FakeFile:
    def __init__(self, path):
        self.abs_src_path, self.content_string = str(path), None


def test_a_page_that_is_not_utf8_is_reported_and_the_build_goes_on(tmp_path, caplog):
    """B16: a page that is not UTF-8 is a warning with file and line, not a stop: the other checks run, and MkDocs
    gets the page's text from us (the wrong byte as U+FFFD) instead of stopping with a traceback."""
    bouw.start_run()
    (tmp_path / "goed.md").write_text("# Goed\n\n<script>x()</script>\n", encoding="utf-8")
    (tmp_path / "fout.md").write_bytes("# Fout\n\nCaf\xe9\n".encode("latin-1"))
    config = type("Config", (), {"docs_dir": str(tmp_path)})()
    assert controle.on_config(config) is config
    assert [r.getMessage().split(" (")[0] for r in caplog.records] == ["docs/fout.md, line 3: byte 0xe9 is not UTF-8"]
    files = [FakeFile(tmp_path / "fout.md"), FakeFile(tmp_path / "goed.md")]
    pages = type("Files", (), {"documentation_pages": lambda self: files})()
    controle.on_nav("nav", config, pages)
    assert files[0].content_string == "# Fout\n\nCaf\ufffd\n" and files[1].content_string is None
    assert gereedschap.lees_bron(tmp_path / "fout.md") == "# Fout\n\nCaf\ufffd\n"   # for the hooks that read docs/


def test_a_block_error_is_said_once_per_run(caplog):
    """A block's problem on its own page and on a page that gathers it, or in both languages: one warning a run."""
    def render(source, language, context, fence):
        raise gereedschap.BlockError("kapot", None)
    format_fence = gereedschap.fence_format(render, logging.getLogger("mkdocs.plugins.proef"))
    bouw.start_run()
    boxes = [format_fence("x: 1", "proef", "proef", {}, None) for _ in range(2)]
    assert [r.getMessage() for r in caplog.records] == ["<block>: kapot"]
    assert all("kapot" in box for box in boxes)          # the box is on every page that shows the block
    bouw.start_run()
    format_fence("x: 1", "proef", "proef", {}, None)
    assert len(caplog.records) == 2                      # a new run says it again


def test_the_whole_guide_does_not_name_a_chapters_faulty_id_again(tmp_path, caplog):
    """The whole guide repeats every chapter's ids as 'chapter--id': a duplicate named at its source is not named
    again as 'hele-leidraad.html, line 1'; one that only the whole guide has still is."""
    bouw.start_run()
    page = type("Page", (), {})()
    page.file = type("File", (), {"abs_src_path": None, "src_uri": "inleiding.md", "dest_uri": "inleiding.html",
                                  "content_string": "# T\n\n## A { #a }\n"})()
    config = type("Config", (), {"config_file_path": None, "site_dir": str(tmp_path)})()
    controle.on_post_page('<h2 id="a">A</h2><h2 id="a">B</h2>', page, config)
    (tmp_path / "hele-leidraad.html").write_text('<section id="inleiding"><h3 id="inleiding--a"></h3>'
                                                 '<h3 id="inleiding--a"></h3></section><p id="x"></p><p id="x"></p>',
                                                 encoding="utf-8")
    controle.on_post_build(config)
    assert [r.getMessage().split(";")[0] for r in caplog.records] == [
        "docs/inleiding.md, line 3: the id 'a' appears twice on this page",
        "hele-leidraad.html, line 1: the id 'x' appears twice on this page"]


def test_mkdocs_counts_the_warnings_of_every_language():
    """static-i18n builds English inside the Dutch build, with a counter of its own: a strict run said 'Aborted with
    1 warnings' under 24. The inner counter takes the outer one's figures (it has seen every language)."""
    from mkdocs.utils import CountHandler
    logger = logging.getLogger("mkdocs")
    outer, inner = CountHandler(), CountHandler()
    try:
        logger.addHandler(outer)
        outer.counts[logging.WARNING] = 23
        logger.addHandler(inner)
        inner.counts[logging.WARNING] = 1
        controle.count_every_language()
        assert inner.get_counts() == [("WARNING", 23)]
    finally:
        logger.removeHandler(outer)
        logger.removeHandler(inner)


def test_a_key_written_twice_in_a_data_file_is_named_with_both_lines(tmp_path):
    """YAML keeps the last of two equal keys and drops the other without a word: the build names both lines,
    in nested lists too; a file without a doubled key says nothing (the twin)."""
    import gereedschap
    text = "nl:\n  woorden:\n    ruzie: conflict\n    pauze: speelkwartier\n    ruzie: botsing\nen:\n  woorden:\n    fight: conflict\n"
    assert gereedschap.duplicate_keys(text) == [(5, "ruzie", 3)]
    assert gereedschap.duplicate_keys(text.replace("    ruzie: botsing\n", "")) == []
    assert gereedschap.duplicate_keys("- {a: 1, a: 2}\n- [x, {b: 1, b: 2}]\n") == [(1, "a", 1), (2, "b", 2)]
    assert gereedschap.duplicate_keys("a: [unclosed\n") == []   # a YAML slip: the reading step names it
    (tmp_path / "data" / "toets").mkdir(parents=True)
    (tmp_path / "hooks").mkdir()
    (tmp_path / "data" / "toets" / "x.yml").write_text("id: a\nid: b\n", encoding="utf-8")
    (tmp_path / "hooks" / "w.yml").write_text("knop: {nl: A, en: B}\n", encoding="utf-8")
    assert controle.data_slips(tmp_path / "data", tmp_path / "hooks") == [
        "data/toets/x.yml, line 2: 'id' is there twice in the same list (also on line 1); only this one would "
        "count and the other would be lost. Put both into one entry."]
    assert controle.data_slips() == [], "a data or words file of the site has a key twice"
