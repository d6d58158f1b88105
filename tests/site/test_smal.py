"""What the phone's browser tests (tests/browser/test_smal.py) read from the page, in the built HTML of both
languages: the browser walks the Dutch page only, since English changes only these words and links.

- The glossary popover's words (begrippen-uitleg.js reads them from #leidraad-teksten, hooks/teksten.yml).
- The contents at the top of a long page (overrides/main.html, block hero): a title in the page's language and
  one link per section of the article.
"""
from __future__ import annotations

import json
import re

import pytest
import yaml

from conftest import ROOT

RECOMMENDATION = "aanbevelingen/1-persoonlijke-band.html"
PREFIX = {"nl": "", "en": "en/"}
TOC = {"nl": "Inhoudsopgave", "en": "Table of contents"}


def popover_words(source: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="leidraad-teksten">(.*?)</script>',
                                source, re.S).group(1))


def contents_problems(source: str, lang: str) -> list[str]:
    """The contents at the top are missing, titled in another language, or leave out a section."""
    found = re.search(r'<div class="pagina-inhoud md-typeset">(.*?)</div>', source, re.S)
    if not found:
        return ["no contents at the top of the page"]
    box = found.group(1)
    problems = [] if f"<summary>{TOC[lang]}</summary>" in box else [f"the contents are not titled {TOC[lang]!r}"]
    article = source[source.index("<article"):source.index("</article>")]
    links = set(re.findall(r'<a href="(#[^"]+)"', box))
    return problems + [f"#{h} not in the contents" for h in re.findall(r'<h2 id="([^"]+)"', article)
                       if f"#{h}" not in links]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_popover_and_the_contents_speak_the_pages_language(site, lang):
    """'Naar de begrippenlijst' / 'Go to the glossary' and the close button's words are the page's language's,
    and the contents at the top list every section under their title in that language."""
    source = (site / f"{PREFIX[lang]}{RECOMMENDATION}").read_text(encoding="utf-8")
    texts = yaml.safe_load((ROOT / "hooks" / "teksten.yml").read_text(encoding="utf-8"))
    words = popover_words(source)
    for key in ("begrip_naar_lijst", "begrip_sluit"):
        group = next(g for g in texts.values() if isinstance(g, dict) and key in g)
        assert words[key] == group[key][lang], (key, words[key])
    assert contents_problems(source, lang) == []


def test_twin_contents_without_a_section_or_in_the_other_language_are_reported(site):
    """A section left out of the contents, and an English page's contents with a Dutch title, are reported."""
    source = (site / f"en/{RECOMMENDATION}").read_text(encoding="utf-8")
    assert contents_problems(source.replace('<li><a href="#waarom">', '<li><a href="#weg">'), "en") == [
        "#waarom not in the contents"]
    assert contents_problems(source.replace("<summary>Table of contents<", "<summary>Inhoudsopgave<"), "en") == [
        "the contents are not titled 'Table of contents'"]
    assert contents_problems(source.replace('class="pagina-inhoud', 'class="iets-anders'), "en") == [
        "no contents at the top of the page"]
