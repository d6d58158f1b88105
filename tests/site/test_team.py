"""For team meetings and study: glossary tooltips, citation block, poster, team page, the whole guide.

Two layers: small input-output tests of the hook functions (hooks/begrippen_tooltips.py,
hooks/verwijzing.py, hooks/hele_leidraad.py), then assertions on the HTML of the one strict build.
The browser side (projection mode, printing, tooltips on focus) is in test_team_browser.py.
"""
from __future__ import annotations

import datetime
import html
import re
import subprocess
from types import SimpleNamespace

import pytest
from gereedschap import BouwFout

import begrippen_tooltips
import hele_leidraad
import verwijzing
from conftest import ROOT
from sitehtml import broken_links, read

RECOMMENDATIONS = ["1-persoonlijke-band", "2-kansen-voor-positief-gedrag", "3-autonomie-en-structuur",
                   "4-reflecteren-op-relaties", "5-conflicten-voorkomen", "6-herstel-van-de-relatie"]
CHAPTERS = [f"aanbeveling-{n}" for n in range(1, 7)]   # their chapter names on the whole-guide page
SUB_COUNTS = [5, 5, 3, 3, 5, 4]
THEORIES = ["gehechtheidstheorie", "zelfdeterminatietheorie", "interpersoonlijke-theorie"]
RE_CITATION = re.compile(r'<aside class="verwijzing" lang="(?P<lang>\w+)"[^>]*>.*?</aside>', re.S)


# ---------------------------------------------------------------- glossary tooltips: hook functions

GLOSSARY = """# Begrippen

Intro with a [link](theorie/index.md).

## Veilige haven { #veilige-haven }

De leerkracht als plek om **terug** te komen bij stress, zie [gehechtheid](theorie/gehechtheidstheorie.md).
Tweede regel van dezelfde alinea.

Meer: [elders](x.md)

## Leeg { #leeg }

TODO

## 2×10-oefening { #twee-keer-tien }

Twee minuten per dag.
"""


def test_glossary_parser_takes_the_first_paragraph_as_plain_text():
    """Heading name and first paragraph, without Markdown; placeholders are left out."""
    terms = begrippen_tooltips.parse_glossary(GLOSSARY)
    assert terms == {
        "veilige-haven": ("Veilige haven", "De leerkracht als plek om terug te komen bij stress, zie gehechtheid. "
                                           "Tweede regel van dezelfde alinea."),
        "twee-keer-tien": ("2×10-oefening", "Twee minuten per dag."),
    }


def test_long_definitions_are_cut_at_a_sentence_end():
    """A tooltip keeps whole sentences within the limit; one very long sentence is cut with an ellipsis."""
    text = "Eerste zin is kort. " + "Tweede zin is veel langer dan de rest. " * 10
    short = begrippen_tooltips.shorten(text, limit=60)
    assert short == "Eerste zin is kort. Tweede zin is veel langer dan de rest."
    assert begrippen_tooltips.shorten("x" * 100, limit=20).endswith("…")


def test_links_to_terms_get_a_title_and_existing_titles_stay():
    """Only links to begrippen.md#known-term (as the editor wrote them, before MkDocs makes them .html) get a
    title, escaped when written; a link with a title keeps it; running twice changes nothing more."""
    import markdown
    terms = {"nabijheid": ("Nabijheid", 'Warmte & "steun".')}
    md = markdown.Markdown()
    source = ('[n](../begrippen.md#nabijheid) [o](begrippen.md#onbekend) [e](../begrippen.md#nabijheid "eigen") '
              '[x](elders.md#nabijheid) [en](begrippen.en.md#nabijheid)')
    root = md.parser.parseDocument(source.split("\n")).getroot()
    for processor in md.treeprocessors:
        processor.run(root)
    assert begrippen_tooltips.title_links(root, terms) == 2
    html_out = md.serializer(root)
    assert '<a href="../begrippen.md#nabijheid" title="Nabijheid: Warmte &amp; &quot;steun&quot;.">n</a>' in html_out
    assert 'title="eigen"' in html_out and 'href="elders.md#nabijheid">x</a>' in html_out
    assert begrippen_tooltips.title_links(root, terms) == 0


def test_each_language_reads_its_own_glossary(tmp_path):
    """begrippen.en.md serves the English build when it exists; otherwise the Dutch glossary."""
    (tmp_path / "begrippen.md").write_text(GLOSSARY, encoding="utf-8")
    assert begrippen_tooltips.glossary_file(tmp_path, "en").name == "begrippen.md"
    (tmp_path / "begrippen.en.md").write_text("## Safe haven { #veilige-haven }\n\nA place.\n", encoding="utf-8")
    assert begrippen_tooltips.glossary_file(tmp_path, "en").name == "begrippen.en.md"
    assert begrippen_tooltips.glossary_file(tmp_path, "nl").name == "begrippen.md"


def test_abbreviations_are_appended_per_language_and_only_once():
    """A page gets the abbreviations it uses, in its language, and never twice."""
    nl = begrippen_tooltips.abbreviations("nl")
    en = begrippen_tooltips.abbreviations("en")
    assert nl["NRO"] != en["NRO"] and "LLInC" in nl
    markdown = "Het NRO gaf de leidraad uit; LLInC is een programma.\n"
    once = begrippen_tooltips.append_abbreviations(markdown, nl)
    assert f"*[NRO]: {nl['NRO']}" in once and "*[LLInC]:" in once and "*[EMR]:" not in once
    assert begrippen_tooltips.append_abbreviations(once, nl) == once


# ---------------------------------------------------------------- citation: hook functions

def test_dates_are_written_in_apa_style_per_language():
    """'2025, 3 juni' in the reference, '3 juni 2025' in the sentence; 'z.d.' / 'n.d.' without a date."""
    date = datetime.date(2025, 6, 3)
    assert verwijzing.citation_date(date, "nl") == "2025, 3 juni"
    assert verwijzing.citation_date(date, "en") == "2025, June 3"
    assert verwijzing.long_date(date, "nl") == "3 juni 2025"
    assert verwijzing.citation_date(None, "nl") == "z.d." and verwijzing.citation_date(None, "en") == "n.d."


def _page(meta=None, path="docs/nergens.md", url="x/y.html", title="Titel"):
    """A stand-in for an MkDocs page: only what the citation hook reads."""
    return SimpleNamespace(meta=meta or {}, title=title, url=url,
                           file=SimpleNamespace(src_uri="x.md", abs_src_path=str(ROOT / path)))


def test_front_matter_date_wins_and_no_date_is_said_honestly(tmp_path):
    """`bijgewerkt:` comes first; a file without git history and without it has no date."""
    assert verwijzing.last_changed(_page({"bijgewerkt": datetime.date(2024, 1, 2)}), str(tmp_path)) == \
        (datetime.date(2024, 1, 2), "bijgewerkt")
    assert verwijzing.last_changed(_page({"bijgewerkt": "2024-01-05"}), str(tmp_path))[0] == datetime.date(2024, 1, 5)
    assert verwijzing.last_changed(_page(), str(tmp_path)) == (None, "")


def test_citation_block_without_a_known_date_names_the_build_date(monkeypatch):
    """The rendered block: reference, source, and a labelled build date when the change date is unknown."""
    monkeypatch.setattr(verwijzing, "git_dates", lambda docs_dir: {})
    config = SimpleNamespace(docs_dir=str(ROOT / "docs"), site_name="Site & co", extra={})
    block = verwijzing.render(page=_page(), config=config, language="nl", title="Mijn <pagina>")
    assert "<em>Mijn &lt;pagina&gt;</em>. (z.d.). Site &amp; co (digitale editie)." in block
    assert "https://www.onderwijskennis.nl/leidraad/gedrag-po" in block
    assert "is niet bekend" in block and "gebouwd op <time datetime=" in block


def test_page_title_comes_from_the_first_h1_when_it_is_not_first():
    """A label above the h1 does not hide the title (MkDocs then falls back to the file name)."""
    content = '<p class="deel-label">Deel 1</p>\n<h1 id="x">1 Zorg &amp; band<a class="headerlink" href="#x">¶</a></h1>'
    assert verwijzing.page_title(_page(title="1 persoonlijke band"), content) == "1 Zorg & band"
    assert verwijzing.page_title(_page({"title": "Poster"}), content) == "Poster"


def test_version_and_stamp_name_the_date_or_say_it_is_unknown():
    """'versie 3 juni 2025' / 'version June 3, 2025'; without a date the build date, labelled; escaped."""
    assert verwijzing.version(datetime.date(2025, 6, 3), "nl") == "versie 3 juni 2025"
    assert verwijzing.version(datetime.date(2025, 6, 3), "en") == "version June 3, 2025"
    assert verwijzing.version(None, "nl").startswith("versie onbekend, site gebouwd op ")
    config = SimpleNamespace(docs_dir=str(ROOT / "docs"), site_name="Site & co", extra={})
    stamp = verwijzing.render_stamp(page=_page(), config=config, language="nl", title="Mijn <pagina>",
                                    date=datetime.date(2025, 6, 3))
    assert stamp.startswith('<div class="drukstempel" lang="nl"')
    assert "Site &amp; co" in stamp and "Mijn &lt;pagina&gt;" in stamp and "versie 3 juni 2025" in stamp
    assert 'data-pad="x/y.html"' in stamp
    assert 'data-pad="versies.html" data-vanaf="x/y.html">versies.html</span>' in stamp   # what changed since


def test_a_worksheet_footer_gets_the_version_of_the_page_it_comes_from(tmp_path):
    """Every page's version is known before the blocks render: from the front matter date, or 'onbekend' with the
    build date; a block finds it by its page's address (PageContext.version_of)."""
    source = tmp_path / "blad.md"
    source.write_text("---\nbijgewerkt: 2024-02-05\n---\n# Blad\n", encoding="utf-8")
    file = SimpleNamespace(url="aan-de-slag/blad.html", src_uri="aan-de-slag/blad.md", abs_src_path=str(source),
                           content_string=source.read_text(encoding="utf-8"), page=None)
    versions = verwijzing.page_versions(SimpleNamespace(documentation_pages=lambda: [file]), str(tmp_path), "nl")
    assert versions == {"aan-de-slag/blad.html": "versie 5 februari 2024"}
    file.content_string, file.abs_src_path = "# Blad\n", str(tmp_path / "nergens.md")
    unknown = verwijzing.page_versions(SimpleNamespace(documentation_pages=lambda: [file]), str(tmp_path), "en")
    assert unknown["aan-de-slag/blad.html"].startswith("version unknown, site built on ")


# ---------------------------------------------------------------- whole guide: hook functions

def test_ids_and_references_get_the_chapter_prefix():
    """id, for, aria-*, same-page href and url(#…) are prefixed together; other links are not."""
    fragment = ('<h2 id="waarom">W</h2><a href="#waarom">w</a><label for="v">l</label><input id="v">'
                '<svg aria-labelledby="t d"><title id="t">T</title><desc id="d">D</desc><linearGradient id="g"/>'
                '<path fill="url(#g)"/></svg><a href="a.html#waarom">x</a><a href="#elders">e</a>')
    out = hele_leidraad.prefix_ids(fragment, "aanbeveling-1")
    assert 'id="aanbeveling-1--waarom"' in out and 'href="#aanbeveling-1--waarom"' in out and 'for="aanbeveling-1--v"' in out
    assert 'aria-labelledby="aanbeveling-1--t aanbeveling-1--d"' in out and "url(#aanbeveling-1--g)" in out
    assert 'href="a.html#waarom"' in out and 'href="#elders"' in out  # an id of another chapter stays
    # only ids of the fragment are references: a title that happens to hold an id's word stays as it is
    assert 'title="waarom"' in hele_leidraad.prefix_ids('<h2 id="waarom" title="waarom">W</h2>', "p")
    # the citation block (marked for its own page only) is left out, whatever sits inside it
    assert hele_leidraad.prefix_ids('<p>a</p><aside data-alleen-eigen-pagina><p>b<br></p></aside><p>c</p>', "p") \
        == "<p>a</p><p>c</p>"


def test_relative_links_are_rewritten_for_the_page_folder():
    """A link written for aanbevelingen/ still points at the same file from the site root."""
    fragment = ('<a href="../begrippen.html#x">b</a><a href="2-kansen.html">2</a><a href="https://e.org/">e</a>'
                '<img src="../assets/i.svg"><a href="index.html#deel-1">d</a>')
    out = hele_leidraad.rebase_links(fragment, "aanbevelingen/1-band.html", "hele-leidraad.html")
    assert 'href="begrippen.html#x"' in out and 'href="aanbevelingen/2-kansen.html"' in out
    assert 'href="https://e.org/"' in out and 'src="assets/i.svg"' in out
    assert 'href="aanbevelingen/index.html#deel-1"' in out
    en = hele_leidraad.rebase_links('<a href="../begrippen.html">b</a>', "en/theorie/a.html", "en/hele-leidraad.html")
    assert 'href="begrippen.html"' in en


def test_own_mentions_become_links_outside_links_and_headings():
    """'aanbeveling 3' in running text of chapter 3 links to the chapter; not inside a link or heading."""
    fragment = ('<p>Bij aanbeveling 3 en <a href="x">aanbeveling 3</a>.</p><h3>Aanbeveling 3</h3>'
                '<p>Ook aanbeveling 4.</p>')
    out = hele_leidraad.link_own_mentions(fragment, 3, "aanbeveling-3")
    assert out.count('<a href="#aanbeveling-3">') == 1
    assert "<h3>Aanbeveling 3</h3>" in out and "Ook aanbeveling 4." in out


def test_headings_are_demoted_and_chapters_selected_in_nav_order():
    """h1 becomes h2; folders expand to their pages in nav order; an unknown entry is named in the error."""
    assert hele_leidraad.demote_headings("<h1 id=a>x</h1><h6>y</h6>") == '<h2 id="a">x</h2><h6>y</h6>'
    nav = [("index.html", "Home"), ("theorie/index.html", "T"), ("theorie/a.html", "A"),
           ("theorie/cirkel-verkenner.html", "C"), ("aanbevelingen/1.html", "1")]
    chosen = hele_leidraad.select_chapters(nav, ["theorie/", "aanbevelingen/1.md"], ["theorie/cirkel-verkenner.md"])
    assert [d for d, _ in chosen] == ["theorie/index.html", "theorie/a.html", "aanbevelingen/1.html"]
    with pytest.raises(BouwFout, match="'bestaat-niet.md' matches no page"):
        hele_leidraad.select_chapters(nav, ["bestaat-niet.md"], [])
    assert hele_leidraad.chapter_name("theorie/index.html") == "theorie"
    assert hele_leidraad.chapter_name("aanbevelingen/1-band.html") == "aanbeveling-1"   # an id may not start with a digit
    assert hele_leidraad.chapter_name("en/aanbevelingen/1-band.html") == "aanbeveling-1"
    assert hele_leidraad.chapter_name("2x10.html") == "h-2x10"


# ---------------------------------------------------------------- the built site

NO_DATE = ("{path} has no version date. A page gets the date of its last commit (a page with changes not yet "
           "committed gets today's). Outside a git checkout: commit the page, or give it a date in its front "
           "matter, e.g. 'bijgewerkt: 2026-12-07'.")

def test_every_page_ends_with_a_citation_and_a_date(site, all_pages):
    """Each page, in both languages, ends with the citation block in its language, with a date."""
    assert len(all_pages) > 50
    for path in all_pages:
        text = (site / path).read_text(encoding="utf-8")
        blocks = list(RE_CITATION.finditer(text))
        assert len(blocks) == 1, f"{path}: {len(blocks)} citation blocks"
        block = blocks[0]
        english = path.startswith("en/")
        assert block["lang"] == ("en" if english else "nl"), path
        assert ("How to cite this page" if english else "Zo verwijs je naar deze pagina") in block.group(0), path
        assert re.search(r'<time datetime="\d{4}-\d{2}-\d{2}">', block.group(0)), NO_DATE.format(path=path)
        assert "Nationaal Regieorgaan Onderwijsonderzoek (NRO)" in block.group(0), path
        assert f'data-pad="{path}"' in block.group(0), path
        after = text[block.end():text.index("</article>", block.end())]
        assert re.fullmatch(r"\s*(</div>\s*)?", after), f"{path}: something follows the citation block"


def test_every_page_opens_with_the_edition_stamp_and_every_sheet_names_its_version(site, all_pages):
    """Each page's article starts with one stamp (its language, a version, its path); no worksheet footer is
    left without its version; the whole guide's stamp carries the newest of its chapters' dates."""
    months = "|".join(verwijzing.texts("nl")["maanden"] + verwijzing.texts("en")["maanden"])
    for path in all_pages:
        text = (site / path).read_text(encoding="utf-8")
        if "<article" not in text:
            continue
        english = path.startswith("en/")
        stamps = re.findall(r'<div class="drukstempel" lang="(\w+)".*?</div>', text, re.S)
        # first in the article: only the wrappers (and the label of a page that is ours as a whole) come before it
        own = re.search(r'<article class="md-content__inner md-typeset">\s*(?:<div[^>]*>\s*'
                        r'(?:<p class="aanvulling__label">.*?</p>\s*)?)*<div class="drukstempel"'
                        r' lang="(\w+)"[^>]*>(.*?)</div>', text, re.S)
        assert own, f"{path}: the article does not open with the stamp"
        assert own[1] == ("en" if english else "nl") and f'data-pad="{path}"' in own[2], path
        assert re.search(rf"(versie|version) (\d+ )?({months})", own[2]), NO_DATE.format(path=path)
        if not path.endswith("hele-leidraad.html"):
            assert len(stamps) == 1, f"{path}: {len(stamps)} stamps"
        assert not re.search(r'class="werkblad-versie" data-versie-van="[^"]*"></span>', text), f"{path}: empty version"
    chapters = ["inleiding.html", "samenvatting.html", "begrippen.html", "over-deze-leidraad.html",
                *[p for p in all_pages if p.startswith(("theorie/", "aanbevelingen/")) and "cirkel-verkenner" not in p]]
    dates = [datetime.date.fromisoformat(d) for p in chapters + ["hele-leidraad.html"]
             for d in re.findall(r'<time datetime="(\d{4}-\d{2}-\d{2})">', (site / p).read_text(encoding="utf-8"))]
    guide = (site / "hele-leidraad.html").read_text(encoding="utf-8")
    stamp = re.search(r'<div class="drukstempel".*?</div>', guide, re.S).group(0)
    assert f"versie {verwijzing.long_date(max(dates), 'nl')}" in stamp


def test_citation_names_the_page_title_and_the_git_date(site, all_pages):
    """The reference carries the page's h1 and the date of the last commit of its Markdown file."""
    page = all_pages["aanbevelingen/1-persoonlijke-band.html"]
    h1 = next(text for tag, _, text in page.headings if tag == "h1")
    block = RE_CITATION.search((site / "aanbevelingen/1-persoonlijke-band.html").read_text(encoding="utf-8")).group(0)
    assert f"<em>{html.escape(h1, quote=True)}</em>" in block
    try:
        date = subprocess.run(["git", "log", "-1", "--format=%cs", "--", "docs/aanbevelingen/1-persoonlijke-band.md"],
                              cwd=ROOT, capture_output=True, text=True, timeout=30).stdout.strip()
    except OSError:
        date = ""
    if date:
        assert f'<time datetime="{date}">' in block and "versiegeschiedenis" in block
        assert f"({date[:4]}, " in block
    else:
        assert "is niet bekend" in block


def test_glossary_links_carry_their_definition(site, all_pages):
    """Every link to a glossary term on a Dutch page has the term's name and definition as title."""
    terms = begrippen_tooltips.parse_glossary((ROOT / "docs" / "begrippen.md").read_text(encoding="utf-8"))
    assert len(terms) >= 25
    checked, missing = 0, []
    for path in all_pages:
        if path.startswith("en/") or path == "begrippen.html":
            continue
        for tag in re.findall(r"<a\b[^>]*>", (site / path).read_text(encoding="utf-8")):
            href = re.search(r'href="([^"]*begrippen\.html#([\w-]+))"', tag)
            if not href or href.group(2) not in terms:
                continue
            name, definition = terms[href.group(2)]
            title = re.search(r'title="([^"]*)"', tag)
            if not title or html.unescape(title.group(1)) != f"{name}: {definition}":
                missing.append(f"{path}: {href.group(1)}")
            checked += 1
    assert checked >= 50 and missing == []


def test_english_pages_have_tooltips_too(site):
    """The English build adds titles as well (from begrippen.en.md when it exists)."""
    text = (site / "en" / "aanbevelingen" / "1-persoonlijke-band.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="\.\./begrippen\.html#[\w-]+" title="[^"]+: [^"]+">', text)


def test_abbreviations_have_their_expansion(site):
    """NRO, EMR, LLInC … become <abbr title> where a page uses them, in the page's language."""
    dutch = (site / "over-deze-leidraad.html").read_text(encoding="utf-8")
    english = (site / "en" / "over-deze-leidraad.html").read_text(encoding="utf-8")
    assert '<abbr title="Nationaal Regieorgaan Onderwijsonderzoek">NRO</abbr>' in dutch
    assert "Netherlands Initiative for Education Research" in english


def loads(page, asset: str) -> bool:
    """Whether a page loads one of our files (served minified: projectie.min.js …) from the site itself."""
    return any(re.search(rf"/{asset}(\.min)?\.(js|css)$", url) and not url.startswith(("http", "//"))
               for _, url in page.resources)


def test_projection_mode_and_team_assets_are_on_every_page(all_pages):
    """projectie.js / .css and verwijzing.js on every page; team.css only on the pages that use it (the team
    meeting, the poster, the whole guide and the team cycle's sessions)."""
    team_pages = {f"{lang}{name}.html" for lang in ("", "en/") for name in ("teamoverleg", "poster", "hele-leidraad")}
    for path, page in all_pages.items():
        assert loads(page, "projectie") and loads(page, "verwijzing"), path
        assert loads(page, "team") == (path in team_pages or path.removeprefix("en/").startswith("teamcyclus/")), path


def test_poster_has_two_parts_with_three_recommendations_each(site, all_pages):
    """Two parts, six numbered recommendations in order, all 25 sub-recommendations linked; A4 landscape."""
    page = all_pages["poster.html"]
    h2 = [anchor for tag, anchor, _ in page.headings if tag == "h2"]
    h3 = [anchor for tag, anchor, _ in page.headings if tag == "h3"]
    assert h2 == ["deel-1", "deel-2"]
    assert h3 == [f"aanbeveling-{n}" for n in range(1, 7)]
    text = (site / "poster.html").read_text(encoding="utf-8")
    assert text.index('id="deel-1"') < text.index('id="aanbeveling-3"') < text.index('id="deel-2"') \
        < text.index('id="aanbeveling-4"')
    for number, (name, count) in enumerate(zip(RECOMMENDATIONS, SUB_COUNTS), 1):
        assert f'href="aanbevelingen/{name}.html"' in text
        for sub in range(1, count + 1):
            assert f'href="aanbevelingen/{name}.html#aanbeveling-{number}-{sub}"' in text, (number, sub)
    css = (ROOT / "docs" / "assets" / "stylesheets" / "team.css").read_text(encoding="utf-8")
    assert re.search(r"@page poster\s*\{[^}]*size:\s*A4 landscape", css)
    assert re.search(r"\.poster\s*\{[^}]*page:\s*poster", css)


def test_team_page_has_a_plan_per_recommendation(all_pages):
    """Six sections, each linking its recommendation and at least one exercise; marked as our suggestion."""
    page = all_pages["teamoverleg.html"]
    ids = [anchor for tag, anchor, _ in page.headings if tag == "h2"]
    for number in range(1, 7):
        assert f"aanbeveling-{number}" in ids
    assert "projectiemodus" in ids
    assert "voorstel" in page.text.lower() and "45 minuten" in page.text
    for name in RECOMMENDATIONS:
        assert any(href.startswith(f"aanbevelingen/{name}.html") for href in page.article_links), name
    assert sum(href.startswith("aan-de-slag/") for href in page.article_links) >= 14


def _sections(text: str) -> list[str]:
    """The chapter ids of the whole-guide page, in order."""
    return re.findall(r'<section class="hele-leidraad__hoofdstuk" id="([^"]+)"', text)


@pytest.mark.parametrize("path", ["hele-leidraad.html", "en/hele-leidraad.html"])
def test_whole_guide_holds_theories_then_recommendations_with_unique_ids(site, all_pages, path):
    """Theories before recommendations, in order; unique ids; one citation block; headings demoted."""
    text = (site / path).read_text(encoding="utf-8")
    chapters = _sections(text)
    assert [c for c in chapters if c in THEORIES] == THEORIES
    assert [c for c in chapters if c in CHAPTERS] == CHAPTERS
    assert max(chapters.index(t) for t in THEORIES) < min(chapters.index(r) for r in CHAPTERS)
    assert "cirkel-verkenner" not in chapters
    ids = re.findall(r'\sid="([^"]+)"', text)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    for number, (name, count) in enumerate(zip(CHAPTERS, SUB_COUNTS), 1):
        for sub in range(1, count + 1):
            assert f'id="{name}--aanbeveling-{number}-{sub}"' in text
    assert len(RE_CITATION.findall(text)) == 1  # its own, not one per chapter
    article = text[text.index('<div class="hele-leidraad">'):]
    assert "<h1" not in article  # chapter titles sit under the page's h1
    assert read(site / path).lang == ("en" if path.startswith("en/") else "nl")


def test_whole_guide_links_resolve_and_self_mentions_are_links(site, all_pages):
    """No broken link from the whole-guide page; 'aanbeveling N' is never bare running text there."""
    problems = [p for p in broken_links(site, all_pages) if p.startswith(("hele-leidraad.html", "en/hele-leidraad"))]
    assert problems == []
    bare = re.findall(r"\b[Aa]anbeveling [1-6]\b", " ".join(all_pages["hele-leidraad.html"].unlinked_text))
    assert bare == []


def test_the_glossarys_letter_bar_is_made_from_its_headings(site):
    """Every letter a term starts with links to the first term with that letter; nothing else is in the bar."""
    import begrippen_tooltips

    for path in ("begrippen.html", "en/begrippen.html"):
        page = read(site / path)
        terms = [(text, anchor) for tag, anchor, text in page.headings if tag == "h2" and anchor]
        html = (site / path).read_text(encoding="utf-8")
        bar = re.search(r'<p class="letterbalk">(.*?)</p>', html, re.S).group(1)
        letters = re.findall(r'<a href="#([\w-]+)">(.)</a>', bar)
        expected = {}
        for text, anchor in terms:
            letter = "#" if text[0].isdigit() else text[0].upper()
            expected.setdefault(letter, anchor)
        assert dict((letter, anchor) for anchor, letter in letters) == expected, path
    assert begrippen_tooltips.letter_bar("## Zee { #zee }\n## Appel { #appel }\n## 2×10 { #tien }") == \
        "[#](#tien) · [A](#appel) · [Z](#zee)"
