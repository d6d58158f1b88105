"""Strict builds of tiny projects (another configuration than the session's site): a slip in a block stops
`mkdocs build --strict` with file, line and fix, every problem of the run listed at once, no traceback."""
from __future__ import annotations

import os
import pathlib
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT, build_site
from proefsite import pipeline_hook

HEAD = 'titel: Proef\naanbeveling: "1.3"\nonderdelen:\n'
MINIMAL = HEAD + "  - tekst: Hallo\n"
VALID_SECTORS = "Valid sectors: leidend, helpend, begrijpend, inschikkelijk, onzeker, ontevreden, confronterend, streng."


def page_with(block: str, fence: str = "werkblad") -> str:
    """A page whose fence is on line 3."""
    return f"# Proef\n\n```{fence}\n{block}\n```\n"


def tiny_project(tmp_path, pages: dict[str, str], hooks=("werkbladen", "cirkel")):
    """A minimal MkDocs project in tmp_path that uses our hooks; returns its mkdocs.yml."""
    docs = tmp_path / "docs"
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    nav = "".join(f"\n  - {name}" for name in pages if "/" not in name)
    section = "".join(f"\n      - {name}" for name in pages if name.startswith("werkbladen/"))
    config = tmp_path / "mkdocs.yml"
    config.write_text(textwrap.dedent("""\
        site_name: Proefsite
        use_directory_urls: false
        strict: true
        markdown_extensions:
          - admonition
          - pymdownx.superfences
        hooks:
        """) + f"  - {pipeline_hook(tmp_path, hooks)}\n"
        + f"nav:{nav}" + (f"\n  - Werkbladen:{section}" if section else "") + "\n", encoding="utf-8")
    return config


def output_of(result) -> str:
    return result.stdout + result.stderr


def counted_right(output: str) -> bool:
    """MkDocs' closing line counts every warning the strict run listed (each problem is one warning)."""
    warnings = sum(line.startswith("WARNING") for line in output.splitlines())
    return warnings > 0 and f"Aborted with {warnings} warnings in strict mode" in output


def test_strict_build_renders_sheets_and_the_print_all_page(tmp_path):
    """A real build renders the sheets, and the print-all page gets every sheet of its nav section."""
    config = tiny_project(tmp_path, {
        "index.md": "# Start\n",
        "werkbladen/proef.md": page_with(MINIMAL),
        "werkbladen/tweede.md": page_with(MINIMAL.replace("Proef", "Tweede")),
        "werkbladen/alle.md": "# Alle\n\n<!-- alle-werkbladen -->\n",
    })
    result = build_site(tmp_path / "site", config=config)
    assert result.returncode == 0, output_of(result)
    site = tmp_path / "site"
    assert (site / "werkbladen" / "proef.html").read_text(encoding="utf-8").count('<form class="werkblad"') == 1
    together = (site / "werkbladen" / "alle.html").read_text(encoding="utf-8")
    assert together.count('<form class="werkblad werkblad--samen"') == 2
    assert together.index('id="werkblad-proef"') < together.index('id="werkblad-tweede"')
    assert together.count('data-werkblad-knoppen="pagina"') == 1 and 'data-werkblad-knoppen="werkblad"' not in together
    assert 'data-werkblad-adres="proef.html">werkbladen/proef.html<' in together
    assert 'data-werkblad="werkblad:nl:proef"' in together
    assert "alle-werkbladen" not in together


def test_strict_build_lists_every_bad_block_at_once(tmp_path):
    """Two slips in two files: one strict build names both, with file, line and fix, and no traceback."""
    config = tiny_project(tmp_path, {
        "index.md": page_with("markeer: [leident]", "cirkel"),
        "werkbladen/proef.md": page_with(HEAD + "  - tabel:\n      kolomen: [Naam]\n      rijen: 3"),
        "werkbladen/tweede.md": page_with(MINIMAL),
    })
    result = build_site(tmp_path / "site", config=config)
    output = output_of(result)
    assert result.returncode != 0
    assert ("docs/werkbladen/proef.md, line 8: unknown field 'kolomen' in part 'tabel'; did you mean 'kolommen'? "
            "Valid fields: titel, kolommen, rijen, aanvulling.") in output
    assert f"docs/index.md, line 4: unknown sector 'leident' in option 'markeer'; did you mean 'leidend'? {VALID_SECTORS}" in output
    assert "Traceback" not in output and "Error reading page" not in output
    assert "Aborted with 2 warnings in strict mode" in output


def test_strict_build_names_the_source_page_of_a_block_on_the_print_all_page(tmp_path):
    """A bad block met on the print-all page names its own file and line, not the print-all page."""
    config = tiny_project(tmp_path, {
        "index.md": "# Start\n", "werkbladen/proef.md": page_with(MINIMAL),
        "werkbladen/tweede.md": "---\ntitle: Twee\n---\n\n" + page_with(HEAD + "  - turven:\n      dagen: 12"),
        "werkbladen/alle.md": "# Alle\n\n<!-- alle-werkbladen -->\n",
    })
    output = output_of(build_site(tmp_path / "site", config=config))
    message = "docs/werkbladen/tweede.md, line 12: field 'dagen' in part 'turven' is 12; it must be from 1 to 10."
    assert output.count(message) == 1  # on its own page and on the print-all page: one problem, said once
    assert "Aborted with 1 warnings" in output
    assert "docs/werkbladen/alle.md" not in output


def test_a_fixed_block_builds(tmp_path):
    """Fixed, the same project builds strict and draws the circle as an accessible image."""
    config = tiny_project(tmp_path, {"index.md": page_with("markeer: [leidend]", "cirkel")})
    built = build_site(tmp_path / "out", config=config)
    assert built.returncode == 0, output_of(built)
    assert 'role="img"' in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def bilingual_project(tmp_path, pages: dict[str, str], nav_yaml: str, translations: str) -> "pathlib.Path":
    """A small nl/en project with mkdocs-static-i18n and our block and check hooks; returns its mkdocs.yml."""
    for name, text in pages.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    hooks = f"  - {pipeline_hook(tmp_path, ('werkbladen', 'cirkel', 'controle'))}\n"
    config.write_text(textwrap.dedent("""\
        site_name: Proefsite
        use_directory_urls: false
        markdown_extensions: [admonition, attr_list, md_in_html, pymdownx.superfences]
        plugins:
          - i18n:
              docs_structure: suffix
              languages:
                - {locale: nl, name: Nederlands, default: true, build: true}
                - locale: en
                  name: English
                  build: true
                  nav_translations:
        """) + translations + "hooks:\n" + hooks + nav_yaml, encoding="utf-8")
    return config


def test_every_slip_of_an_editor_stops_the_build_and_all_are_listed_at_once(tmp_path):
    """Each slip of issue 11 once, in one project: the strict build names every one with file, line and fix."""
    sheet = '```werkblad\ntitel: Turven\naanbeveling: "6.2"\nonderdelen:\n  - tekst: Tel elke dag.\n```\n'
    twin = {"index.md": "# Start\n", "index.en.md": "# Start\n",
            "aan-de-slag/index.md": "# Aan de slag\n", "aan-de-slag/index.en.md": "# Get started\n",
            "aanbevelingen/6-herstel-van-de-relatie.md": "# Zes\n", "aanbevelingen/6-herstel-van-de-relatie.en.md": "# Six\n",
            "aan-de-slag/turven.md": "# Turven\n\n" + sheet, "aan-de-slag/turven.en.md": "# Tally\n\n" + sheet}
    slips = {
        "zonder-twin.md": "# Alleen Nederlands\n\n```cirkel\nmarkeer: [leident]\n```\n",
        "fouten.en.md": "# Fouten\n\n```cirkel\nmarkeer: [helpent]\n```\n",
        "fouten.md": ("---\ntitle: Fouten <b>vet</b>\n---\n\n# Fouten\n\n```werkbald\ntitel: x\n```\n\n"
                      "=== \"Tab\"\n\n    ```cirkel\n    ```\n\n<script>alert(1)</script>\n\n## Dubbel { #werkblad-dubbel }\n\n"
                      "## Twee keer tien { #2x10 }\n\n```werkblad\ntitel: Dubbel\naanbeveling: \"1.3\"\nsleutel: dubbel\n"
                      "onderdelen:\n  - tekst: x\n```\n\n~~~~cirkel\n~~~~~\n"),
    }
    nav = ("nav:\n  - Start: index.md\n  - Aan de slag:\n      - aan-de-slag/index.md\n      - aan-de-slag/turven.md\n"
           "  - Fouten: fouten.md\n  - Alleen nl: zonder-twin.md\n  - aanbevelingen/6-herstel-van-de-relatie.md\n")
    config = bilingual_project(tmp_path, {**twin, **slips}, nav,
                               "                    Start: Start\n                    Aan de slag: Get started\n"
                               "                    Fouten: Mistakes\n")
    result = build_site(tmp_path / "site", config=config)
    output = output_of(result)
    expected = [
        "docs/zonder-twin.md, line 1: this page has no English twin docs/zonder-twin.en.md",
        "mkdocs.yml, line ",  # the nav title 'Alleen nl'
        "the nav title 'Alleen nl' has no en translation",
        "docs/aan-de-slag/turven.md, line 1: this exercise is not linked from docs/aan-de-slag/index.md",
        "docs/aan-de-slag/turven.md, line 1: this exercise is not linked from docs/aanbevelingen/6-herstel-van-de-relatie.md",
        "docs/aan-de-slag/turven.en.md, line 1: this exercise is not linked from docs/aan-de-slag/index.en.md",
        "docs/fouten.md, line 7: unknown block 'werkbald'; did you mean 'werkblad'?",
        "docs/fouten.md, line 13: a cirkel block inside tabs (===) is shown as code",
        "docs/fouten.md, line 16: a <script> element in the Markdown",
        "docs/fouten.md, line 1: front matter 'title' holds markup",
        "the id 'werkblad-dubbel' appears twice on this page",
        "the id '2x10' is not valid in SVG/XML",
        "docs/fouten.md, line 30: the fence ~~~~cirkel is never closed (line 31 has ~~~~~, 5 long; make it ~~~~, 4 long)",
    ]
    assert result.returncode != 0
    assert [text for text in expected if text not in output] == [], output
    assert "Aborted with" in output and "Traceback" not in output
    assert output.count("docs/zonder-twin.md, line 1:") == 1   # said once, not again for the English edition
    # the same block error in both editions (English falls back to the Dutch page): said once
    assert output.count("docs/zonder-twin.md, line 4: unknown sector 'leident'") == 1, output
    # MkDocs counts both editions' warnings, not only the English one's (static-i18n builds it inside the Dutch)
    assert "docs/fouten.en.md, line 4: unknown sector 'helpent'" in output     # a warning of the English build
    assert counted_right(output), output


def test_front_matter_with_markup_comes_out_escaped(tmp_path):
    """A title, description and tag with markup: the strict build refuses them; a plain build writes them as
    text, in <title>, the meta description, the header and the nav (never as live HTML)."""
    page = ('---\ntitle: "Fout <img src=x onerror=alert(1)>"\ndescription: \'Zo"><script>alert(2)</script>\'\n'
            "tags: [\"<b>vet</b>\"]\n---\n\n# Kop\n")
    config = tiny_project(tmp_path, {"index.md": page}, hooks=("controle",))
    import shutil
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides", ignore=shutil.ignore_patterns("sitemap.xml"))
    config.write_text(config.read_text(encoding="utf-8").replace("strict: true\n", "")
                      + "theme:\n  name: material\n  custom_dir: overrides\n", encoding="utf-8")
    strict = build_site(tmp_path / "strict", config=config)
    assert strict.returncode != 0 and "front matter 'title' holds markup" in output_of(strict)
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "plain"), "--config-file", str(config)]
    plain = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert plain.returncode == 0, output_of(plain)
    html = (tmp_path / "plain" / "index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in html and "<script>alert(2)" not in html and "<b>vet</b>" not in html
    assert "Fout &lt;img src=x onerror=alert(1)&gt;" in html


def test_hostile_build_input_is_refused_with_file_and_line_all_at_once(tmp_path):
    """Issue 21, point 8: a recommendation that does not exist, markup spread over lines or hidden by entities, a
    redirect and a frame to another host, and two broken front matters: one strict build names every one with
    file and line, and no traceback reaches the editor."""
    config = tiny_project(tmp_path, {
        "index.md": "# Start\n",
        "werkbladen/negen.md": page_with('titel: Negen\naanbeveling: "9.9"\nonderdelen:\n  - tekst: x'),
        "markup.md": ('# Markup\n\n<img src="a.png"\n     onerror="alert(1)">\n\n<a href="jav&#x61;script:alert(2)">x</a>\n\n'
                      '<meta http-equiv="refresh" content="0; url=https://example.com/">\n\n'
                      '<iframe src="https://example.com/"></iframe>\n'),
        "plugins.md": ('# Plugins\n\n<object data="x.swf"></object><embed src="x.swf">\n\n'
                       '<style>@import url(//evil.example/x.css); p{background:url( "https://evil.example/y" )}</style>\n\n'
                       '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>\n\n'
                       '<svg><use href="https://evil.example/s.svg#a"/></svg>\n\n[twee](JaVaScRiPt&#x3A;alert(2))\n'),
        "yaml-fout.md": "---\ntitle: Fout\ndescription: [niet dicht\n---\n\n# Kop\n",
        "niet-dicht.md": "---\ntitle: Open\n\n# Kop\n",
    }, hooks=("begrippen_tooltips", "werkbladen", "cirkel", "controle"))
    # not UTF-8: the glossary (read by a hook before MkDocs) and a page with a bad block of its own
    (tmp_path / "docs" / "begrippen.md").write_bytes("# Begrippen\n\nCaf\xe9\n".encode("latin-1"))
    (tmp_path / "docs" / "latin.md").write_bytes(("# Latin\n\nge\xefnteresseerd\n\n```cirkel\nmarkeer: [leident]\n```\n"
                                                  "\n<script>x()</script>\n").encode("latin-1"))
    config.write_text(config.read_text(encoding="utf-8") + "  - markup.md\n  - yaml-fout.md\n"
                      "  - niet-dicht.md\n  - plugins.md\n  - begrippen.md\n  - latin.md\n", encoding="utf-8")
    result = build_site(tmp_path / "site", config=config)
    output = output_of(result)
    expected = [
        "docs/werkbladen/negen.md, line 5:",          # the worksheet check: 9.9 is no recommendation
        "docs/markup.md, line 3: an on…= event attribute (onerror= on <img>)",
        "docs/markup.md, line 6: a javascript: link",
        'docs/markup.md, line 8: a <meta http-equiv="refresh"> to https://example.com/',
        "docs/markup.md, line 10: an <iframe> that loads from another host (https://example.com/)",
        "docs/yaml-fout.md, line 3: front matter: YAML syntax error",
        "docs/niet-dicht.md, line 1: the front matter that starts here is never closed",
        "docs/plugins.md, line 3: an <object> element in the Markdown; remove it: pages hold no plugins",     # B07
        "docs/plugins.md, line 3: an <embed> element in the Markdown; remove it",
        "docs/plugins.md, line 5: a <style> element in the Markdown; remove it and put the rules in the site's CSS",  # B10
        "docs/plugins.md, line 7: a data: address (href= on <a>) in the Markdown; link to a page",                 # B12
        'docs/plugins.md, line 9: an SVG <use> that loads from another host (href="https://evil.example/s.svg#a")',  # B30
        "docs/plugins.md, line 11: a javascript: link in the Markdown; link to a page or an address instead",     # B05b
        "docs/begrippen.md, line 3: byte 0xe9 is not UTF-8",                                                       # B16
        "docs/latin.md, line 3: byte 0xef is not UTF-8",
        "docs/latin.md, line 6: unknown sector 'leident'",       # … and the other checks still run on that page
        "docs/latin.md, line 9: a <script> element in the Markdown",
    ]
    assert result.returncode != 0
    assert [text for text in expected if text not in output] == [], output
    assert "Traceback" not in output and "Error reading page" not in output and "KeyError" not in output
    assert "UnicodeDecodeError" not in output and "BuildError" not in output
    assert counted_right(output), output


def test_pages_that_are_not_utf8_are_all_named_and_the_build_goes_on(tmp_path):
    """A byte that is not UTF-8 stopped the build in the first hook that read the page (the glossary, the team
    scan, MkDocs), with a UnicodeDecodeError naming no file. Now every such page is named with its line, before
    any hook reads them, and the run goes on to its end (the wrong bytes read as U+FFFD)."""
    config = tiny_project(tmp_path, {"index.md": "# Start\n", "begrippen.md": "# Begrippen\n"},
                          hooks=("begrippen_tooltips", "werkbladen", "controle"))
    (tmp_path / "docs" / "begrippen.md").write_bytes("# Begrippen\n\nCaf\xe9\n".encode("latin-1"))
    (tmp_path / "docs" / "latin.md").write_bytes("# Latin\n\nGoed\n\nge\xefnteresseerd\n".encode("latin-1"))
    result = build_site(tmp_path / "site", config=config)
    output = output_of(result)
    assert result.returncode != 0
    assert "docs/begrippen.md, line 3: byte 0xe9 is not UTF-8" in output, output
    assert "docs/latin.md, line 5: byte 0xef is not UTF-8" in output and "save the file as UTF-8" in output
    assert "Traceback" not in output and "UnicodeDecodeError" not in output
    assert counted_right(output), output   # both pages, and MkDocs' note of the page not in the nav
