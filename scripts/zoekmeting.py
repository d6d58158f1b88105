"""Measure the search on a table of queries: hit@1, hit@3 and MRR per group, latency, misses.

    .venv/bin/python scripts/zoekmeting.py --table /work/blind/set1.yml            # builds the site first
    .venv/bin/python scripts/zoekmeting.py --table T.yml --site /tmp/site --protocol file

The table has the rows of tests/browser/zoekvragen.yml (groep, vraag, verwacht); group `buiten` holds
off-topic queries with `verwacht: []`, counted by whether the dialog says honestly that nothing matched.
The driver is the one the browser tests use (tests/zoektabel.py, `Zoeker`): typed into Material's real search
box, so it also reports the latency a reader sees. The same hits in seconds, without a browser (the same
scripts and Material's worker in node, scripts/zoekmotor.js): `node scripts/zoekproef.js SITE T.yml --misses`.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import os
import pathlib
import subprocess
import sys
import tempfile
import threading

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from zoektabel import TABLE, load_table, measure  # noqa: E402


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", type=pathlib.Path, default=TABLE, help="YAML table (default: the test table)")
    parser.add_argument("--site", type=pathlib.Path, help="a built site (default: build one in a temp folder)")
    parser.add_argument("--protocol", choices=("http", "file"), default="http")
    parser.add_argument("--quiet", action="store_true", help="no list of misses")
    args = parser.parse_args()
    table = load_table(args.table)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = pathlib.Path(tmp) / "site"
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                           cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), check=True)
        site = site.resolve()
        httpd = None
        if args.protocol == "http":
            httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
            threading.Thread(target=httpd.serve_forever, daemon=True).start()
            base = f"http://127.0.0.1:{httpd.server_port}"
        else:
            base = site.as_uri()
        from playwright.sync_api import sync_playwright
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=[
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-dev-shm-usage"])
                print(f"{args.table} over {args.protocol} ({len(table)} queries)")
                print(measure(browser, base, table, misses=not args.quiet))
                browser.close()
        finally:
            if httpd:
                httpd.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
