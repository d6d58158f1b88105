"""Strict builds of tiny projects (another configuration than the session's site): a slip in a block stops
`mkdocs build --strict` with file, line and fix, every problem of the run listed at once, no traceback."""
from __future__ import annotations

import textwrap

from conftest import ROOT, build_site

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
        """) + "".join(f"  - {ROOT / 'hooks' / h}.py\n" for h in hooks)
        + f"nav:{nav}" + (f"\n  - Werkbladen:{section}" if section else "") + "\n", encoding="utf-8")
    return config


def output_of(result) -> str:
    return result.stdout + result.stderr


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
            "Valid fields: titel, kolommen, rijen.") in output
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
    assert output.count(message) == 2  # on its own page and on the print-all page, both named by the source
    assert "docs/werkbladen/alle.md" not in output


def test_a_fixed_block_builds(tmp_path):
    """Fixed, the same project builds strict and draws the circle as an accessible image."""
    config = tiny_project(tmp_path, {"index.md": page_with("markeer: [leidend]", "cirkel")})
    built = build_site(tmp_path / "out", config=config)
    assert built.returncode == 0, output_of(built)
    assert 'role="img"' in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
