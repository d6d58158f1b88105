"""Size budgets that do not depend on the machine (README "Light and fast"): gzip bytes of built files.

Times and Lighthouse scores vary per machine: `scripts/benchmark` prints them; no test asserts them.
"""
from __future__ import annotations

import importlib.util
import re

import pytest

from conftest import ROOT
from sitehtml import front_matter

PAGE_BUDGET_KB = 90      # first load of a page: HTML + CSS + JS (+ icons), gzip; the search worker loads
                         # only when the reader searches (taal.js), the search index is counted apart
# A page that gathers others (alle-werkbladen, hele-leidraad) declares in its front matter how much each
# gathered part may add:  budget: {per: werkblad, kb: 1.0}  -> ceiling 90 KB + 1.0 KB per worksheet on it.
GATHERED = {"werkblad": re.compile(r'<form class="werkblad[ "]'),
            "hoofdstuk": re.compile(r'<section class="hele-leidraad__hoofdstuk"'),
            "hulpmiddel": re.compile(r"\sdata-cirkel-(?:verkenner|reflectie)[\s>]")}   # an interactive tool on the page
# Every page carries the whole nav, so each page an editor adds to mkdocs.yml makes every other page a little
# heavier (one entry: about 0.02 KB gzip). 90 KB is for a nav of up to NAV_INCLUDED entries; each entry beyond
# that raises every page's ceiling by NAV_KB_PER_ENTRY, several times what an entry costs, so no new page,
# worksheet or section can tip another page over its budget (issue 20: one entry tipped the circle explorer).
NAV_INCLUDED = 50
NAV_KB_PER_ENTRY = 0.1
OWN_BUDGET_KB = 20       # our own CSS and JS that one page loads, gzip (worksheet pages: ~17 KB with saving and files)
SEARCH_INDEX_BUDGET_KB = 200  # the search index both languages share, gzip


def load_benchmark():
    """scripts/benchmark.py as a module: the weights are measured exactly as the benchmark prints them."""
    spec = importlib.util.spec_from_file_location("benchmark", ROOT / "scripts" / "benchmark.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def benchmark():
    return load_benchmark()


def source_of(site, path: str):
    """The Markdown file a built page comes from (x.html -> docs/x.md or docs/x.en.md)."""
    english = path.startswith("en/")
    stem = path.removeprefix("en/")[:-len(".html")]
    return ROOT / "docs" / (f"{stem}.en.md" if english else f"{stem}.md")


def nav_entries() -> int:
    """The entries of the nav in mkdocs.yml (pages and section names): every page carries them all."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = text[text.index("\nnav:\n") + 6:]
    return len(re.findall(r"^\s+- ", nav.split("\n\n")[0], re.M))


def ceiling_of(site, path: str) -> tuple[float, str]:
    """(KB, how it is made up): 90 (plus the nav's allowance), plus the allowance per gathered part the page's
    front matter declares."""
    source = source_of(site, path)
    budget = front_matter(source).get("budget") if source.exists() else None
    extra = max(0, nav_entries() - NAV_INCLUDED)
    base = PAGE_BUDGET_KB + extra * NAV_KB_PER_ENTRY
    why = (f"{PAGE_BUDGET_KB} KB + {extra} nav entries beyond {NAV_INCLUDED} × {NAV_KB_PER_ENTRY:g} KB"
           if extra else f"the {PAGE_BUDGET_KB} KB every page has")
    if not budget:
        return base, why
    count = len(GATHERED[budget["per"]].findall((site / path).read_text(encoding="utf-8")))
    kb = float(budget["kb"])
    return (base + count * kb,
            f"{why} + {count} × {kb:g} KB per {budget['per']} (front matter 'budget' of "
            f"{source.relative_to(ROOT)})")


def test_every_page_first_load_fits_the_budget(site, benchmark, all_pages):
    """Every page loads in 90 KB gzip, or in the ceiling its front matter derives from what it gathers."""
    rows = benchmark.weights(site, all_pages)
    assert len(rows) >= 72
    over = []
    for path, sizes, _ in rows:
        weight = sum(sizes.values()) / 1024
        ceiling, why = ceiling_of(site, path)
        if weight > ceiling:
            over.append(f"{path} weighs {weight:.1f} KB gzip on first load; its ceiling is {ceiling:.1f} KB ({why}). "
                        "Shorten the page or what it gathers; on a page that gathers others, raise 'kb' in its "
                        "front matter only after scripts/benchmark shows it still loads fast.")
    assert over == [], "\n".join(over)
    plain = ceiling_of(site, "index.html")[0]
    gathering = [path for path, _, _ in rows if ceiling_of(site, path)[0] > plain]
    assert sorted(gathering) == ["aan-de-slag/alle-werkbladen.html", "en/aan-de-slag/alle-werkbladen.html",
                                 "en/hele-leidraad.html", "en/theorie/cirkel-verkenner.html", "hele-leidraad.html",
                                 "theorie/cirkel-verkenner.html"]


def test_the_budget_check_bites(site, benchmark, monkeypatch, all_pages):
    """Given a ceiling it cannot meet, the print-all page fails the check, which names it."""
    real = ceiling_of
    monkeypatch.setitem(globals(), "ceiling_of", lambda s, p: (20, "a tiny allowance") if "alle" in p else real(s, p))
    with pytest.raises(AssertionError, match="alle-werkbladen.html weighs"):
        test_every_page_first_load_fits_the_budget(site, benchmark, all_pages)


def test_a_nav_entry_cannot_tip_a_page(site):
    """One more nav entry adds less to a page than the allowance it brings: a new entry beside the longest one
    in the circle explorer's nav, with a file name and a title of 30 random letters each (harder to compress
    than any real name), adds less than NAV_KB_PER_ENTRY gzip; and the nav is past NAV_INCLUDED, so the next
    entry does raise every ceiling."""
    import gzip
    import random
    import string

    html = (site / "theorie" / "cirkel-verkenner.html").read_text(encoding="utf-8")
    entries = re.findall(r'<li class="md-nav__item[^"]*">\s*<a href="[^"#][^"]*" class="md-nav__link">.*?</li>',
                         html, re.S)
    assert len(entries) > 20, "found no nav entries on the page"
    longest = max(entries, key=len)
    letters = random.Random(20).choices(string.ascii_lowercase, k=60)
    new = re.sub(r'href="[^"]*"', f'href="../aan-de-slag/{"".join(letters[:30])}.html"', longest)
    new = re.sub(r'(<span class="md-ellipsis">\s*).*?(\s*</span>)', lambda m: m[1] + "".join(letters[30:]) + m[2],
                 new, flags=re.S)
    size = lambda text: len(gzip.compress(text.encode("utf-8"), mtime=0))  # noqa: E731
    added = (size(html.replace(longest, longest + new, 1)) - size(html)) / 1024
    assert 0 < added < NAV_KB_PER_ENTRY, (f"one nav entry adds {added:.3f} KB gzip to every page, the allowance "
                                          f"per entry is {NAV_KB_PER_ENTRY} KB")
    assert nav_entries() >= NAV_INCLUDED, f"the nav has {nav_entries()} entries: the allowance starts after {NAV_INCLUDED}"


def test_first_load_counts_css_and_js(site, benchmark, all_pages):
    """The measurement is real: a page's first load includes Material's CSS and JS bundle and our files."""
    home = benchmark.first_load(site, "index.html", all_pages["index.html"])
    assert any(p.name.startswith("main.") for p in home["css"])
    assert any(p.name.startswith("bundle.") for p in home["js"])
    assert any(p.name == "projectie.min.js" for p in home["js"])


def test_circle_and_worksheet_files_load_only_where_needed(site, benchmark, all_pages):
    """hooks/pagina_bestanden.py: the home page has neither; a worksheet page and a circle page have theirs."""

    def loaded(path):
        return {p.name for group in benchmark.first_load(site, path, all_pages[path]).values() for p in group}
    assert not {"cirkel.min.js", "werkbladen.min.js", "cirkel.min.css", "werkbladen.min.css"} & loaded("index.html")
    assert {"werkbladen.min.js", "werkbladen.min.css"} <= loaded("en/aan-de-slag/2x10-oefening.html")
    assert {"cirkel.min.js", "cirkel.min.css"} <= loaded("theorie/cirkel-verkenner.html")
    assert {"cirkel.min.css", "cirkel.min.js"} <= loaded("aanbevelingen/5-conflicten-voorkomen.html") | {"cirkel.min.js"}
    assert "cirkel.min.js" not in loaded("aanbevelingen/5-conflicten-voorkomen.html")  # a figure needs no script
    assert loaded("hele-leidraad.html") & {"cirkel.min.css", "cirkel.min.js", "werkbladen.min.js"} == {"cirkel.min.css"}


def test_our_own_css_and_js_fit_the_budget(site, benchmark, all_pages):
    """No page loads more than 20 KB gzip of our own CSS and JS (each file is served minified)."""
    own = set(benchmark.own_assets(site))
    names = {p.name for p in own}
    assert {"leidraad.min.css", "werkbladen.min.css", "cirkel.min.css", "werkbladen.min.js", "cirkel.min.js",
            "taal.min.js"} <= names
    heaviest = {}
    for path, page in all_pages.items():
        files = set().union(*benchmark.first_load(site, path, page).values()) & own
        heaviest[path] = (sum(benchmark.gzip_size(f) for f in files), sorted(f.name for f in files))
    over = {path: f"{size / 1024:.1f} KB: {files}" for path, (size, files) in heaviest.items()
            if size > OWN_BUDGET_KB * 1024}
    assert over == {}
    assert max(size for size, _ in heaviest.values()) > 5 * 1024, "the measurement found none of our files"


def test_search_index_fits_the_budget(site, benchmark):
    index = site / "search" / "search_index.json"
    assert benchmark.gzip_size(index) <= SEARCH_INDEX_BUDGET_KB * 1024
