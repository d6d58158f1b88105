"""Messages where the editor looks: the serve banner (hooks/meldingen.py), broken links and anchors with line and
"did you mean" (hooks/links.py), an English page with its Dutch title (hooks/vertaald.py)."""
from __future__ import annotations

import logging

import links
import meldingen
from gereedschap import bouw
import vertaald


# --------------------------------------------------------------------------------- the serve banner

def test_the_banner_names_every_problem_escaped_and_says_what_to_do():
    page = '<html><head></head><body dir="ltr"><header>x</header></body></html>'
    out = meldingen.add_banner(page, ["docs/a.md, line 3: unknown part '<veldd>'", "docs/b.md, line 1: x"], "nl")
    assert out.index('<div class="redactie-melding" role="alert"') == out.index('<body dir="ltr">') + len('<body dir="ltr">')
    assert "De bouw vindt 2 problemen" in out and "&lt;veldd&gt;" in out and "<veldd>" not in out
    assert "sla op; deze pagina ververst vanzelf" in out
    assert "The build finds one problem" in meldingen.add_banner(page, ["x"], "en")


def test_mkdocs_own_link_message_is_left_out_when_ours_named_the_link():
    ours = ("docs/samenvatting.md, line 78: the link 'aanbevelingen/1-persoonlijke-band.md#waarm' leads to '#waarm', "
            "but docs/aanbevelingen/1-persoonlijke-band.md has no heading or element with that id; did you mean 'waarom'?")
    theirs = ("Doc file 'samenvatting.md' contains a link 'aanbevelingen/1-persoonlijke-band.md#waarm', but the doc "
              "'aanbevelingen/1-persoonlijke-band.md' does not contain an anchor '#waarm'.")
    other = "Doc file 'index.md' contains a link 'x.md', but the target is not found among documentation files."
    assert meldingen.for_the_editor([ours, theirs, other]) == [ours, other]
    assert "De bouw vindt 2 problemen" in meldingen.banner([ours, theirs, other], "nl")


def test_no_banner_without_problems_and_never_twice():
    page = "<body><p>x</p></body>"
    assert meldingen.add_banner(page, [], "nl") == page
    once = meldingen.add_banner(page, ["x"], "nl")
    assert meldingen.add_banner(once, ["x"], "nl") == once


def test_banners_are_written_into_every_page_in_its_language(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text("<body>nl</body>", encoding="utf-8")
    (tmp_path / "en" / "index.html").write_text("<body>en</body>", encoding="utf-8")
    assert meldingen.write_banners(str(tmp_path), ["docs/a.md, line 1: x"]) == 2
    assert "De bouw vindt" in (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "The build finds" in (tmp_path / "en" / "index.html").read_text(encoding="utf-8")


def test_the_quiet_build_drops_info_lines_but_never_a_warning(caplog):
    meldingen.quiet()
    i18n = logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure")
    assert not i18n.isEnabledFor(logging.INFO) and i18n.isEnabledFor(logging.WARNING)
    build = logging.getLogger("mkdocs.commands.build")
    record = build.makeRecord(build.name, logging.INFO, __file__, 1, "Cleaning site directory", (), None)
    warning = build.makeRecord(build.name, logging.WARNING, __file__, 1, "Cleaning site directory", (), None)
    assert not build.filter(record) and build.filter(warning)


def test_warnings_are_collected_for_the_banner():
    meldingen.quiet()
    bouw.start_run()
    logging.getLogger("mkdocs.plugins.proef").warning("docs/a.md, line 2: iets")
    logging.getLogger("mkdocs.plugins.proef").warning("docs/a.md, line 2: iets")   # said twice: shown once
    assert meldingen.messages() == ["docs/a.md, line 2: iets"]
    bouw.start_run()
    assert meldingen.messages() == []      # a new run starts empty


# ------------------------------------------------------------------------------------- links

def test_links_are_found_with_their_line_outside_code():
    source = ("---\ntitle: x\n---\n# Kop\n\nZie [a](b.md#c) en `[d](e.md)`.\n\n```werkblad\n[f](g.md)\n```\n"
              "![plaatje](p.png) [[h]](i.md)\n")
    assert links.links(source) == [(6, "b.md#c"), (11, "i.md")]


def test_a_missing_page_is_named_with_line_and_a_suggestion(caplog):
    pages = {"index.html", "aanbevelingen/1-persoonlijke-band.html"}
    with caplog.at_level(logging.WARNING):
        later = links.check_files("docs/index.md", "# X\n\n[a](aanbevelingen/1-persoonlijk-band.md)\n"
                                  "[b](aanbevelingen/1-persoonlijke-band.md#waarm)\n[c](https://x.org/a.md)\n",
                                  "index.md", pages)
    assert caplog.messages == ["docs/index.md, line 3: the link 'aanbevelingen/1-persoonlijk-band.md' leads to "
                               "docs/aanbevelingen/1-persoonlijk-band.md, which does not exist; did you mean "
                               "'aanbevelingen/1-persoonlijke-band.md'?"]
    assert later == [(4, "aanbevelingen/1-persoonlijke-band.md#waarm", "aanbevelingen/1-persoonlijke-band.html",
                      "waarm")]


def test_a_missing_anchor_is_named_with_line_and_the_nearest_id():
    ids = {"aanbevelingen/1-persoonlijke-band.html": {"waarom", "onderzoek"}, "index.html": {"start"}}
    pending = [("docs/index.en.md", 4, "aanbevelingen/1-persoonlijke-band.md#waarm",
                "aanbevelingen/1-persoonlijke-band.html", "waarm"),
               ("docs/index.md", 5, "#start", "index.html", "start"),
               ("docs/index.md", 6, "#zzz", "index.html", "zzz")]
    assert links.check_anchors(pending, ids) == [
        "docs/index.en.md, line 4: the link 'aanbevelingen/1-persoonlijke-band.md#waarm' leads to '#waarm', but "
        "docs/aanbevelingen/1-persoonlijke-band.md has no heading or element with that id; did you mean 'waarom'? "
        "An id is what stands in { #… } after a heading.",
        "docs/index.md, line 6: the link '#zzz' leads to '#zzz', but docs/index.md has no heading or element with "
        "that id. An id is what stands in { #… } after a heading."]


def test_links_resolve_from_the_page_and_ignore_outside_addresses():
    assert links.resolve("../begrippen.md#nabijheid", "aan-de-slag/x.en.md") == ("begrippen.html", "nabijheid")
    assert links.resolve("#kop", "theorie/a.en.md") == ("theorie/a.html", "kop")
    assert links.resolve("mailto:a@b.nl", "index.md") is None
    assert links.resolve("assets/x.pdf", "index.md") is None


# ------------------------------------------------------------------------------ untranslated titles

def test_an_english_page_with_the_dutch_title_is_named():
    assert vertaald.untranslated("---\nx: 1\n---\n\n# Samen spelen\n", "# Samen spelen\n") == ("Samen spelen", 5)
    assert vertaald.untranslated("# Playing together\n", "# Samen spelen\n") is None
    assert vertaald.untranslated("---\ntitel_gelijk: true\n---\n# Check-in\n", "# Check-in\n") is None
    assert vertaald.untranslated("---\ntitle: Samen\n---\n# Together\n", "---\ntitle: Samen\n---\n# Samen\n") == \
        ("Samen", 2)
