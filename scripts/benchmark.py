"""Benchmark: build time, page weight, search index size, search speed and quality, Lighthouse scores.

Prints figures; asserts nothing (budgets with deterministic sizes are checked by tests/test_budgets.py).
Run through `scripts/benchmark` (sets up first). Lighthouse runs when npm and /usr/bin/chromium exist.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from sitehtml import pages  # noqa: E402
from zoektabel import Zoeker, load_table, rank_of, report  # noqa: E402

LIGHTHOUSE_RUNS = 3
LIGHTHOUSE_PAGES = ["index.html", "aanbevelingen/1-persoonlijke-band.html", "aan-de-slag/2x10-oefening.html"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a web host would: gzip for text files, no log line per request."""

    TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def log_message(self, *args):
        pass

    def send_head(self):
        path = pathlib.Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.suffix in self.TEXT and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def gzip_size(path: pathlib.Path) -> int:
    """Bytes of the file gzip-compressed at level 6, as a web server would send it (each version once)."""
    stat = path.stat()
    return _gzip_size(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4096)
def _gzip_size(path: str, mtime: int, size: int) -> int:
    return len(gzip.compress(pathlib.Path(path).read_bytes(), compresslevel=6))


def build(site_dir: pathlib.Path) -> float:
    """Seconds one strict build takes."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
                   cwd=ROOT, env=env, check=True)
    return time.perf_counter() - start


def first_load(site: pathlib.Path, path: str, page) -> dict[str, set[pathlib.Path]]:
    """The local files a first visit to a page loads, grouped as html / css / js / other.

    Material's search worker is not among them: taal.js starts it only when the reader turns to search
    (tests/test_budgets.py checks that in a browser). The search index is reported on its own."""
    base = (site / path).parent
    files = {"html": {site / path}, "css": set(), "js": set(), "other": set()}
    for tag, url in page.resources:
        if tag == "link-other" or re.match(r"^([a-z]+:)?//", url) or url.startswith("data:"):
            continue
        local = (base / url.split("?")[0].split("#")[0]).resolve()
        if not local.is_file():
            continue
        kind = "css" if local.suffix == ".css" else "js" if local.suffix == ".js" else "other"
        files[kind].add(local)
    return files


def weights(site: pathlib.Path, all_pages=None) -> list[tuple[str, dict[str, int], int]]:
    """Per page: first-load gzip bytes by kind, and the gzip bytes of a next page with a warm cache
    (all_pages: the site's pages parsed already, sitehtml.pages)."""
    all_pages = all_pages if all_pages is not None else pages(site)
    home = first_load(site, "index.html", all_pages["index.html"])
    cached = set().union(*home.values())
    rows = []
    for path, page in all_pages.items():
        files = first_load(site, path, page)
        sizes = {kind: sum(gzip_size(f) for f in group) for kind, group in files.items()}
        warm = sum(gzip_size(f) for group in files.values() for f in group if f not in cached or f == site / path)
        rows.append((path, sizes, warm))
    return rows


def own_assets(site: pathlib.Path) -> list[pathlib.Path]:
    """Our own CSS and JS files in the built site (not Material's, not vendored)."""
    return [p for p in (site / "assets").rglob("*") if p.is_file() and p.suffix in (".css", ".js")
            and "vendor" not in p.parts and not p.name.startswith(("main.", "palette.", "bundle.", "search."))
            and "workers" not in p.parts and "lunr" not in p.parts]


def lighthouse(site: pathlib.Path) -> list[tuple[str, dict[str, int]]]:
    """Lighthouse category scores (mobile) for a few pages served on loopback."""
    binary = ROOT / "benchmark" / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        if not shutil.which("npm"):
            return []
        subprocess.run(["npm", "ci", "--silent", "--no-audit", "--no-fund"], cwd=ROOT / "benchmark", check=True)
    if not pathlib.Path("/usr/bin/chromium").exists():
        return []
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    results = []
    env = dict(os.environ, CHROME_PATH="/usr/bin/chromium")
    try:
        for path in LIGHTHOUSE_PAGES:
            url = f"http://127.0.0.1:{httpd.server_address[1]}/{path}"
            runs = []
            for _ in range(LIGHTHOUSE_RUNS):  # scores vary by a few points per run: report the median
                out = subprocess.run(
                    [str(binary), url, "--output=json", "--quiet",
                     "--only-categories=performance,accessibility,best-practices,seo",
                     "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking"
                     " --disable-component-update --disable-dev-shm-usage"],
                    capture_output=True, text=True, env=env, timeout=300)
                if out.returncode != 0:
                    runs = [{"error": out.stderr.strip()[-200:]}]
                    break
                report = json.loads(out.stdout)
                runs.append({name: round(cat["score"] * 100) for name, cat in report["categories"].items()})
            if "error" in runs[0]:
                results.append((path, runs[0]))
                continue
            median = {name: statistics.median_low([run[name] for run in runs]) for name in runs[0]}
            median["performance runs"] = [run["performance"] for run in runs]
            results.append((path, median))
    finally:
        httpd.shutdown()
    return results


def search(site: pathlib.Path) -> str | None:
    """Every query of tests/browser/zoekvragen.yml typed into the search over file:// (as from a USB stick):
    the time from the last key press to the results shown (median, 95th percentile) and hit@1, hit@3 and
    MRR per group. The tests check the hits (the whole table in node, tests/site/test_zoekvragen.py; a sample
    in chromium that must agree); only this benchmark reports the times a reader waits."""
    if not pathlib.Path("/usr/bin/chromium").exists():
        return None
    from playwright.sync_api import sync_playwright

    results, timings = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-dev-shm-usage"])
        for language, start in (("nl", "index.html"), ("en", "en/index.html")):
            page = browser.new_page()
            searcher = Zoeker(page, site.as_uri()).open(start)
            for row in load_table():
                if row.taal != language:
                    continue
                groups, milliseconds = searcher.ask(row.vraag)
                results.append((row, rank_of(searcher.pages(groups), row.verwacht)))
                timings.append(milliseconds)
            page.close()
        browser.close()
    return report(results, timings)


def main() -> int:
    """Print the benchmark figures."""
    with tempfile.TemporaryDirectory() as tmp:
        site = pathlib.Path(tmp) / "site"
        times = []
        for run in range(3):
            shutil.rmtree(site, ignore_errors=True)
            times.append(build(site))
        print(f"strict build: median {statistics.median(times):.2f} s over 3 runs "
              f"({', '.join(f'{t:.2f}' for t in times)})")

        rows = weights(site)
        print(f"\nfirst-load weight per page (gzip KB: total = html + css + js + other; warm = next page, cached)")
        for path, sizes, warm in sorted(rows, key=lambda r: -sum(r[1].values())):
            total = sum(sizes.values())
            print(f"  {total / 1024:6.1f}  = {sizes['html'] / 1024:5.1f} + {sizes['css'] / 1024:5.1f} + "
                  f"{sizes['js'] / 1024:5.1f} + {sizes['other'] / 1024:4.1f}   warm {warm / 1024:5.1f}   {path}")
        totals = [sum(sizes.values()) for _, sizes, _ in rows]
        print(f"  pages: {len(rows)}, largest first load {max(totals) / 1024:.1f} KB, "
              f"median {statistics.median(totals) / 1024:.1f} KB")

        own = own_assets(site)
        print(f"\nour own CSS + JS: {sum(gzip_size(p) for p in own) / 1024:.1f} KB gzip "
              f"({', '.join(sorted(p.name for p in own))})")
        index = site / "search" / "search_index.json"
        print(f"search index: {index.stat().st_size / 1024:.0f} KB raw, {gzip_size(index) / 1024:.0f} KB gzip")
        helpers = [site / "assets" / "javascripts" / name for name in ("zoeken.min.js", "zoekwoorden.js")]
        print(f"search helpers, loaded when the reader turns to search: "
              f"{sum(gzip_size(p) for p in helpers) / 1024:.1f} KB gzip (zoeken.min.js, zoekwoorden.js)")
        size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        print(f"whole site: {size / 1024 / 1024:.1f} MB in {sum(1 for p in site.rglob('*') if p.is_file())} files")

        quality = search(site)
        if quality:
            print(f"\nsearch over file:// (tests/browser/zoekvragen.yml, one query per line as typed):\n{quality}")
        else:
            print("\nsearch: skipped (needs /usr/bin/chromium)")

        scores = lighthouse(site)
        if scores:
            print(f"\nLighthouse (mobile, median of {LIGHTHOUSE_RUNS} runs):")
            for path, score in scores:
                print(f"  {path}: {score}")
        else:
            print("\nLighthouse: skipped (needs npm and /usr/bin/chromium)")
    if "--zonder-tests" not in sys.argv:
        print("\ntest suite (this machine; aim on a quiet two-core machine: --fast within 30 s, everything within "
              "3 min, .ci/run within 4 min):")
        for label, args in (("scripts/test --fast", ["--fast"]), ("scripts/test", [])):
            wall, worker, summary = suite_time(args)
            print(f"  {label:20} {wall:6.0f} s wall, {worker:6.0f} worker-seconds summed   ({summary})")
    return 0


def suite_time(args: list[str]) -> tuple[float, float, str]:
    """(wall seconds, summed worker seconds, pytest's last line) of one run of the test command as README gives it
    (scripts/test, which runs the node tests first); whether it passes is the tests' business, not the benchmark's."""
    start = time.perf_counter()
    result = subprocess.run([str(ROOT / "scripts" / "test"), *args, "-q", "--durations=0", "-p", "no:cacheprovider"],
                            cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True)
    wall = time.perf_counter() - start
    worker = sum(float(line.split("s ", 1)[0]) for line in result.stdout.splitlines()
                 if re.match(r"^[0-9.]+s (call|setup|teardown) ", line))
    summary = next((line.strip("= ") for line in reversed(result.stdout.splitlines()) if " in " in line), "no result")
    return wall, worker, summary


if __name__ == "__main__":
    sys.exit(main())
