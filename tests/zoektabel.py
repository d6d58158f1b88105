"""The query table (tests/browser/zoekvragen.yml), its floors, and two ways to ask it the real search.

Shared by tests/site/test_zoekvragen.py, tests/browser/test_zoeken.py and scripts/benchmark.py, so the
benchmark measures exactly what the tests check. `ask_node` asks rows through scripts/zoekmotor.js (the
site's scripts and Material's search worker, in node: the whole table in seconds). `Zoeker` types into
Material's search box the way a reader does (the text, then one real key press, on which Material reads
the box) and reads `.md-search-result__item` as rendered; it also measures, inside the page, the time from
that last key press to the first rendering of the results. The browser asks a sample and checks that it
gets what node computed.
"""
from __future__ import annotations

import dataclasses
import functools
import json
import pathlib
import re
import statistics
import subprocess
from urllib.parse import unquote, urlsplit

import yaml

TABLE = pathlib.Path(__file__).resolve().parent / "browser" / "zoekvragen.yml"
GROUPS = ("begrippen", "alledaags", "samenstellingen", "typfouten", "vragen", "verkleinwoorden", "probleem",
          "engels")
OUTSIDE = "buiten"        # queries from outside the guideline's field: `verwacht: []`, the honest message is due
TOP = 3
RENDERED = 10             # Material renders the first ten result pages, more only as the reader scrolls
ENGINE = pathlib.Path(__file__).resolve().parent.parent / "scripts" / "zoekmotor.js"

PASS_SHARE = 0.95
# Issue 27's blind sets, written by people who had seen neither this table nor the code: the first measured 71%
# hit@3 before the new ranking and 78% after; the second, written after that change, 79%; the third (dev3),
# 84%. All three were then studied as development data (page words, thesaurus, forms, honesty: 97%, 99%, 96%
# after), so they are no longer blind: the figure that counts comes from a set written after the last change.
# Each keeps a floor a little under what was reached. The sixth (dev6, 7 December) was written blind as development
# data: 90% before, 95% after (node figure); its floor is that minus two points. The seventh (test7) was written
# blind after that round and held out from the ranking rules for situations: 96% before and after (node figure,
# 178 of 185); its floor is 0.96 minus two points. The eighth (test8) was written blind after the last ranking
# change: 96% (probleem 87%; node and chromium from file:// the same), then one typo fix; floor 0.96 minus two.
# The ninth (test9) was written blind after that fix, the last change: 97% (probleem 93%); floor 0.97 minus two.
BLIND_SETS = {"blind-2026-12-07a": 0.93, "blind-2026-12-07b": 0.95, "blind-dev3": 0.93, "blind-test4": 0.94,
              "blind-test5": 0.91, "blind-dev6": 0.93, "blind-test7": 0.94,
              "blind-test8": 0.94, "blind-test9": 0.95}
OUTSIDE_FLOOR = 0.85           # off-topic queries (groep buiten) with the honest message: 91% reached
FIELD_QUERIES = ("herstelgesprek", "ruzie met een leerling", "relatieherstel", "klas")   # never "no match"


@dataclasses.dataclass(frozen=True)
class Vraag:
    """One row of the table: a query, its group and the pages of which one must be in the top 3."""

    groep: str
    vraag: str
    verwacht: tuple[str, ...]
    bron: str = ""

    @property
    def taal(self) -> str:
        """The language of the site the query is asked on: English for the group 'engels'
        (an off-topic query in English letters only, e.g. "weather tomorrow", is asked on the Dutch site)."""
        return "en" if self.groep == "engels" else "nl"


def load_table(path: pathlib.Path = TABLE) -> list[Vraag]:
    """The rows of the table, checked: known group, a query, at least one expected page."""
    return list(_rows_of(path, path.stat().st_mtime_ns))


@functools.lru_cache(maxsize=None)
def _rows_of(path: pathlib.Path, _version: int) -> tuple[Vraag, ...]:
    """load_table's rows, read once per version of the file and process: about 1,900 rows, which PyYAML's pure
    Python loader took over a second for in every worker's collection (libyaml's loader, where PyYAML has it,
    reads the same table in a tenth of that)."""
    rows = []
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for number, row in enumerate(yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or [], start=1):
        outside = row.get("groep") == OUTSIDE
        if (row.get("groep") not in GROUPS + (OUTSIDE,) or not str(row.get("vraag") or "").strip()
                or bool(row.get("verwacht")) == outside):
            raise ValueError(f"{path.name}, entry {number}: needs groep (one of {', '.join(GROUPS)}; or "
                             f"{OUTSIDE} with verwacht: []), vraag and verwacht: {row!r}")
        wanted = tuple(str(path) for path in row["verwacht"] or ())
        if row["groep"] == "engels":      # asked on the English site: a Dutch path means its English twin
            wanted = tuple(path if path.startswith("en/") else "en/" + path for path in wanted)
        rows.append(Vraag(row["groep"], str(row["vraag"]), wanted, str(row.get("bron") or "")))
    return tuple(rows)


def ask_node(site: pathlib.Path, rows, *, understanding: bool = True) -> dict:
    """{language: {query: {"pages": [...], "strength": ..., "honest": bool}}} for rows (Vraag, or
    (query, language) pairs), asked through scripts/zoekmotor.js on the built site; with
    understanding=False the query understanding is off (queries go to Material's worker as typed)."""
    queries = [{"vraag": row.vraag, "taal": row.taal} if isinstance(row, Vraag) else {"vraag": row[0], "taal": row[1]}
               for row in rows]
    command = ["node", str(ENGINE), str(site)] + ([] if understanding else ["--uit"])
    result = subprocess.run(command, input=json.dumps(queries), capture_output=True, text=True, timeout=900,
                            check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)



# In the page: when did the reader press the last key, and when did results (or "no results") first show?
_INSTRUMENT = """() => {
  if (window.__zoekmeting) return;
  const m = window.__zoekmeting = {key: 0, shown: 0};
  const box = document.querySelector('.md-search-result');
  document.addEventListener('keydown', e => {
    if (e.target && e.target.matches && e.target.matches('.md-search__input')) { m.key = performance.now(); m.shown = 0; }
  }, true);
  new MutationObserver(() => { if (m.key && !m.shown) m.shown = performance.now(); })
    .observe(box, {childList: true, subtree: true, characterData: true});
}"""

# Before a query: empty the box and put in all but the last letter (what Ctrl+A and typing would do; the
# box is focused), and let the meter wait for the next key press.
_PREPARE = """([text]) => {
  const input = document.querySelector('input.md-search__input');
  input.focus();
  input.value = text;
  window.__zoekmeting.key = 0; window.__zoekmeting.shown = 0;
}"""

# Results of this query are in: something rendered after the last key press, 20 ms have passed since, and
# the list shows results or Material's "no results" line (not the placeholder of the empty box). Then the
# answer itself: the links of each result group, the time from the key press to the first rendering, the
# line above the list, and whether the honest message shows (no results, or the panel with its links: taal.js
# and zoeken.js have set it by then, zoeken.js a microtask after the results came).
_ANSWERED = """([placeholder]) => {
  const m = window.__zoekmeting;
  if (!m.shown || performance.now() - m.shown < 20) return false;
  const meta = document.querySelector('.md-search-result__meta').textContent.trim();
  const items = [...document.querySelectorAll('.md-search-result__item')];
  if (!items.length && (!meta || meta === placeholder)) return false;
  const shown = el => el && !el.hidden && el.offsetParent !== null;
  return {groups: items.map(item => [...item.querySelectorAll('a')].map(a => a.href)), timing: m.shown - m.key,
          meta, honest: [...document.querySelectorAll('[data-zoek-leeg]')].some(shown) || !items.length};
}"""


class Zoeker:
    """Asks queries through Material's search box on one open page (http or file://)."""

    def __init__(self, page, base: str):
        self.page = page
        self.base = base.rstrip("/") + "/"
        self.placeholder = ""
        self.last: tuple[str, tuple] | None = None   # the query asked last and its answer
        self.meta = ""                                  # ... the line above the results ("35 ...")
        self.said_honest = False                        # ... and whether the honest message showed

    def open(self, path: str = "index.html", *, timeout_ms: int = 15000) -> "Zoeker":
        """Open a page and its search box; wait until the search worker is ready and answers."""
        page = self.page
        page.goto(self.base + path)
        meta = page.locator(".md-search-result__meta")
        initializing = meta.text_content().strip()       # "Zoekfunctie initialiseren" until the worker is ready
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.wait_for_function("([text]) => document.querySelector('.md-search-result__meta').textContent.trim()"
                               " !== text", arg=[initializing], timeout=timeout_ms)
        self.placeholder = meta.text_content().strip()  # the empty box's line ("Typ om te zoeken")
        page.evaluate(_INSTRUMENT)
        self.ask("leerkracht" if "/en/" not in page.url else "teacher", timeout_ms=timeout_ms)
        return self

    def ask(self, query: str, *, timeout_ms: int = 5000) -> tuple[list[list[str]], float]:
        """Type query as a reader does; return the result groups (links per page) and the latency in ms.

        Material reads the box on keyup: the text but its last letter goes in at once, and the last letter
        is a real key press (three round trips to the browser per query)."""
        if self.last and self.last[0] == query:   # the same text again: Material does not search again
            return self.last[1]
        page = self.page
        page.evaluate(_PREPARE, [query[:-1]])
        page.keyboard.type(query[-1])
        answer = page.wait_for_function(_ANSWERED, arg=[self.placeholder], timeout=timeout_ms, polling=10).json_value()
        self.last = (query, (answer["groups"], answer["timing"]))
        self.meta, self.said_honest = answer["meta"], answer["honest"]
        return self.last[1]

    def count(self) -> int:
        """After ask(): how many result pages Material says it found (its line above the list; it renders
        the first RENDERED of them until the reader scrolls). No number in the line: none, or one."""
        number = re.search(r"\d+", self.meta)
        if number:
            return int(number.group())
        return 1 if self.last and self.last[1][0] else 0

    def honest(self) -> bool:
        """After ask(): does the dialog say that nothing matched well (no results, or the message that no
        result is a strong match)? Material's own "no results" line counts too. Read with the answer."""
        return self.said_honest

    def pages(self, groups: list[list[str]]) -> list[str]:
        """The site paths of the result pages in order (the first link of each group), without ?h= or #."""
        root = urlsplit(self.base).path
        return [unquote(urlsplit(links[0]).path).removeprefix(unquote(root)) for links in groups if links]


def rank_of(found: list[str], wanted: tuple[str, ...]) -> int | None:
    """1-based rank of the first expected page among the results, or None."""
    return next((number for number, path in enumerate(found, start=1) if path in wanted), None)


def scores(ranks: list[int | None]) -> dict[str, float]:
    """hit@1, hit@3 and mean reciprocal rank (over all results) of a list of ranks."""
    count = len(ranks) or 1
    return {"hit@1": sum(1 for r in ranks if r == 1) / count,
            "hit@3": sum(1 for r in ranks if r is not None and r <= TOP) / count,
            "MRR": sum(1 / r for r in ranks if r) / count}


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def report(results: list[tuple[Vraag, int | None]], timings: list[float] | None = None,
           honest: list[tuple[Vraag, bool]] | None = None) -> str:
    """A table of hit@1, hit@3 and MRR per group (and latency median/p95 when given); for off-topic
    queries (group buiten) the share that got the honest message."""
    lines = [f"  {'group':16} {'n':>4} {'hit@1':>6} {'hit@3':>6} {'MRR':>6}"]
    for group in GROUPS + ("all",):
        ranks = [rank for row, rank in results if group in ("all", row.groep) and row.groep != OUTSIDE]
        if ranks:
            s = scores(ranks)
            lines.append(f"  {group:16} {len(ranks):4} {s['hit@1']:6.0%} {s['hit@3']:6.0%} {s['MRR']:6.2f}")
    if honest:
        lines.append(f"  {OUTSIDE:16} {len(honest):4}  honest message shown: "
                     f"{sum(1 for _, ok in honest if ok) / len(honest):.0%}")
    if timings:
        lines.append(f"  latency last key -> results shown: median {statistics.median(timings):.0f} ms, "
                     f"p95 {percentile(timings, 0.95):.0f} ms (n={len(timings)})")
    return "\n".join(lines)


def measure(browser, base: str, table: list[Vraag], *, misses: bool = True) -> str:
    """Ask every row of a table through the search at base (http://… or file://…) and return the report:
    hit@1, hit@3, MRR per group, the off-topic rows' honest message, latency; with misses listed."""
    results, timings, honest, lines, weak = [], [], [], [], []
    for language, start in (("nl", "index.html"), ("en", "en/index.html")):
        rows = [row for row in table if row.taal == language]
        if not rows:
            continue
        page = browser.new_page()
        searcher = Zoeker(page, base).open(start)
        for row in rows:
            groups, milliseconds = searcher.ask(row.vraag)
            found = searcher.pages(groups)
            timings.append(milliseconds)
            if row.groep == OUTSIDE:
                ok = searcher.honest()
                honest.append((row, ok))
                if not ok and misses:
                    lines.append(f"  MISS {row.groep:15} {row.vraag!r}: no honest message; top {TOP}: {found[:TOP]}")
                continue
            rank = rank_of(found, row.verwacht)
            results.append((row, rank))
            if searcher.honest():
                weak.append(row)
            if misses and (rank is None or rank > TOP):
                lines.append(f"  MISS {row.groep:15} {row.vraag!r}: expected {' or '.join(row.verwacht)}; "
                             f"top {TOP}: {found[:TOP]}")
        page.close()
    lines += [f"  weak {row.groep:15} {row.vraag!r}" for row in weak] if misses else []
    return "\n".join(lines + [report(results, timings, honest),
                               f"  field queries with the 'no strong match' message or no results: {len(weak)} of {len(results)}"])
