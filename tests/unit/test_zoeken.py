"""hooks/zoeken.py: the editors' search words are checked, turned into locations and written safely."""
from __future__ import annotations

import json
import re
import types

import pytest
from gereedschap import BouwFout

import zoeken
from conftest import ROOT
from sitehtml import front_matter


def test_zoekwoorden_file_loads_for_both_languages():
    """The data file as shipped: both languages, page paths become search-index locations."""
    data = zoeken.load()
    assert set(data) == {"nl", "en"}
    assert "conflict" in data["nl"]["woorden"]["ruzie"]
    assert all(not key.startswith("en/") for key in data["nl"]["paginas"])
    assert all(key.startswith("en/") for key in data["en"]["paginas"])
    assert "theorie/samenhang-en-effecten.html#welbevinden-van-leerkrachten" in data["nl"]["paginas"]


def test_zoekwoorden_location():
    assert zoeken.location("aanbevelingen/1-persoonlijke-band.md#aanbeveling-1-5", "nl") == \
        "aanbevelingen/1-persoonlijke-band.html#aanbeveling-1-5"
    assert zoeken.location("teamoverleg.md", "en") == "en/teamoverleg.html"
    with pytest.raises(BouwFout, match="not a Markdown file"):
        zoeken.location("teamoverleg.html", "nl")


@pytest.mark.parametrize("bad, message", [
    ({"nl": {"woorden": {"ruzie": "<b>conflict</b>"}}}, "plain words"),
    ({"nl": {"paginas": {"x.md": [True]}}}, "yes/no"),
    ({"nl": {"woordjes": {}}}, "unknown section 'woordjes'; did you mean 'woorden'"),
])
def test_zoekwoorden_mistakes_stop_the_build(bad, message):
    """Markup, a yes/no value (YAML reads `on` as true) or a misspelt section name is refused."""
    with pytest.raises(BouwFout, match=re.escape(message)):
        zoeken.load(bad)


def test_zoekwoorden_script_cannot_close_its_script_tag():
    """The browser's copy is JSON in a script: nothing in it can end the <script> element."""
    text = zoeken.script({"nl": {"woorden": {"a": ["</script><b>"]}}})
    assert "</script" not in text and "<b>" not in text
    body = text.split("window.leidraadZoekwoorden = ", 1)[1].rstrip().rstrip(";")
    assert json.loads(body)["nl"]["woorden"]["a"] == ["</script><b>"]


def test_zoekwoorden_pages_and_ids_are_checked(tmp_path, monkeypatch):
    """A page or #id in the data file that the build does not have stops it, naming the entry (twin: the
    real ids pass)."""
    config = types.SimpleNamespace(site_dir=str(tmp_path), theme={"language": "nl"})
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    monkeypatch.setattr(zoeken, "load", lambda: {"nl": {"woorden": {}, "paginas": {
        "teamoverleg.html#opzett": ["x"]}, "stopwoorden": [], "algemeen": []}, "en": {}})
    monkeypatch.setattr(zoeken, "page_ids", lambda: {"teamoverleg.html": {"opzet", "ook-handig"}})
    with pytest.raises(BouwFout, match="has no section #opzett; did you mean 'opzet'"):
        zoeken.on_post_build(config)
    monkeypatch.setattr(zoeken, "page_ids", lambda: {"teamoverleg.html": {"opzett"}})
    zoeken.on_post_build(config)
    assert (tmp_path / "assets" / "javascripts" / "zoekwoorden.js").is_file()


def test_no_page_keeps_synonyms_in_tags():
    """One way for editors: synonyms live in data/zoekwoorden.yml, not in front-matter tags."""
    tagged = [str(path.relative_to(ROOT)) for path in (ROOT / "docs").rglob("*.md")
              if front_matter(path).get("tags")]
    assert tagged == []
