"""Shared fixtures: one strict build per test session, a loopback web server and a browser.

The site is built once into a temporary directory; tests assert on the HTML there.
Browser tests use Playwright with Debian's chromium. Without /usr/bin/chromium they are
skipped for a plain user, and fail when CI=true or REQUIRE_BROWSER=1 (as in .ci/run).
"""
from __future__ import annotations

import fcntl
import functools
import http.server
import json
import os
import pathlib
import shutil
import subprocess
import sys
import threading

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
# Chromium takes only the last --disable-features it is given, so ours repeats the features Playwright 1.65.2
# switches off (its chromiumSwitches.ts; tests/unit/test_afhankelijkheden.py checks the installed driver against
# this list, so an upgrade that adds one fails there) and adds the address bar's pop-up: Chromium 156 opens a
# WebUI page (chrome://omnibox-popup.top-chrome) with a renderer process of its own for every browser context,
# which no test can see (headless, no address bar) and which cost about 0.7 s of CPU per context, a fifth of
# what a fresh context with two page loads costs (measured on this machine: 20 contexts, 48 → 35 CPU-seconds).
PLAYWRIGHT_DISABLED_FEATURES = [
    "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding", "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect", "TcpPortRandomizationWin", "OptimizationHints",
    "NetworkTimeServiceQuerying", "AimEnabled", "PreconnectToSearch", "msForceBrowserSignIn",
    "msEdgeUpdateLaunchServicesPreferredVersion"]
UNSEEN_BROWSER_UI = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-dev-shm-usage",
    "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED_FEATURES + UNSEEN_BROWSER_UI),
]


def build_site(site_dir: pathlib.Path, *, config: pathlib.Path | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` into site_dir; return the finished process."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    if config is not None:
        command += ["--config-file", str(config)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(command, cwd=config.parent if config else ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def run_folder(tmp_path_factory, worker_id) -> pathlib.Path:
    """A folder of this test run that all workers share (pytest-xdist: scripts/test runs one per core)."""
    if worker_id == "master":
        return tmp_path_factory.getbasetemp()
    return tmp_path_factory.getbasetemp().parent


def once_per_run(folder: pathlib.Path, name: str, make, *, wait: bool = True) -> bool:
    """Run make() once per test run, whichever worker asks first; the others wait until it is done (or,
    with wait=False, go on at once when another worker is at it). make() writes its results under folder;
    this returns whether they are there. A failed make() is not retried: each asker fails with its error."""
    done, failed = folder / f"{name}.klaar", folder / f"{name}.fout"
    with open(folder / f"{name}.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            return False
        if not done.exists() and not failed.exists():
            try:
                make()
                done.write_text("ok")
            except BaseException as error:
                failed.write_text(f"{type(error).__name__}: {error}")
                raise
    if failed.exists():
        pytest.fail(f"{name}, made by another worker, failed:\n{failed.read_text()}")
    return True


def shared_result(folder: pathlib.Path, name: str, make, *, meanwhile=()):
    """make() -> a JSON value, made once per test run by whichever worker asks first, and read back by all.
    A worker that finds it being made first makes each of `meanwhile` ((name, make) pairs) that no one has
    taken yet, so that two workers share the long jobs instead of one waiting for the other."""
    def producing(what: str, how):
        return lambda: (folder / f"{what}.json").write_text(json.dumps(how()), encoding="utf-8")

    if not once_per_run(folder, name, producing(name, make), wait=False):
        for other, other_make in meanwhile:
            once_per_run(folder, other, producing(other, other_make), wait=False)
        once_per_run(folder, name, producing(name, make))
    return json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def site(run_folder) -> pathlib.Path:
    """The site, built once per test run with the strict build (by the first worker that needs it);
    fails loudly if the build does. LEIDRAAD_SITE names a site already built from this checkout (scripts/controleer
    builds once and hands its build to the content checks)."""
    if os.environ.get("LEIDRAAD_SITE"):
        return pathlib.Path(os.environ["LEIDRAAD_SITE"])
    site_dir = run_folder / "site"

    def build():
        result = build_site(site_dir)
        (run_folder / "site.log").write_text(result.stdout + result.stderr, encoding="utf-8")   # what it printed
        if result.returncode != 0:
            raise RuntimeError(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")

    once_per_run(run_folder, "site", build)
    return site_dir


@pytest.fixture(scope="session")
def zoekmotor(site, run_folder) -> dict:
    """The whole query table (tests/browser/zoekvragen.yml) and zoektabel.FIELD_QUERIES asked once per test
    run through scripts/zoekmotor.js (the site's search in node): {language: {query: {pages, strength,
    honest}}}. tests/site checks the table's floors on it; tests/browser checks that chromium agrees."""
    return table_in_node(site, run_folder)


def table_in_node(site: pathlib.Path, run_folder: pathlib.Path, *, meanwhile=()) -> dict:
    """The `zoekmotor` fixture's answers, made once per test run (shared_result: a worker that finds node at it
    makes the jobs of `meanwhile` that no one has taken yet; test_zoeken.py passes the browser's samples)."""
    from zoektabel import FIELD_QUERIES, ask_node, load_table

    if shutil.which("node") is None:
        message = "node is missing: the query table is asked in node (apt-get install nodejs)"
        if browser_required():
            pytest.fail(message)
        pytest.skip(message)
    rows = load_table() + [(query, "nl") for query in FIELD_QUERIES]
    return shared_result(run_folder, "zoekvragen-node", lambda: ask_node(site, rows), meanwhile=meanwhile)


@pytest.fixture(scope="session")
def worker_id(request) -> str:
    """The xdist worker's name ('gw0' …), or 'master' without xdist (pytest-xdist provides it otherwise)."""
    return getattr(request.config, "workerinput", {}).get("workerid", "master")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request to stderr."""

    def log_message(self, *args):  # noqa: D401 - silence
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A loopback server that says nothing when a browser drops a connection it no longer needs (a page left
    while a file was still on its way): that is the browser's right, not an error of the site."""

    def handle_error(self, request, client_address):
        """Ignore a dropped connection; report anything else as the standard server does."""
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def server(site) -> str:
    """Base URL of the built site served on 127.0.0.1 (a free port)."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


LAYERS = ("unit", "site", "browser")
LONG_JOBS = {"walk_over_http", "answers"}   # session fixtures that share one long job per run (tests/browser)


def pytest_collection_modifyitems(config, items):
    """Every test under tests/browser is a browser test (`scripts/test --fast` leaves them out).

    Order: first a test marked `lang` (minutes on its own, needing no site build: started first, it does not
    finish last while the other worker builds the site); then the tests that read the long shared jobs (the walk through every page, the query table), so
    that the workers share those jobs while there is other work for the rest; then the layers unit, site,
    browser (while one worker builds the site, the others run the unit tests, which need no build)."""
    def layer(item) -> str:
        return pathlib.Path(str(item.fspath)).relative_to(ROOT / "tests").parts[0]

    def place(item) -> int:
        if item.get_closest_marker("lang"):
            return -2
        if set(getattr(item, "fixturenames", ())) & LONG_JOBS:
            return -1
        return LAYERS.index(layer(item)) if layer(item) in LAYERS else len(LAYERS)

    for item in items:
        if layer(item) == "browser":
            item.add_marker(pytest.mark.browser)
    items.sort(key=place)


SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def require_shared() -> pathlib.Path:
    """../shared (the source guideline and its tools), beside this checkout: a skip that says why, but a
    failure under CI, where it must be there."""
    if not (SHARED / "bron" / "titels.txt").exists():
        if browser_required():
            pytest.fail(f"{SHARED} is missing: the own-words and official-title checks must run here")
        pytest.skip(f"{SHARED} is not beside this checkout (the source guideline and bron-overlap): "
                    "own-words and official-title checks not run")
    return SHARED


def browser_required() -> bool:
    """True where a missing browser must fail the run (CI), not skip it."""
    return os.environ.get("CI", "").lower() == "true" or os.environ.get("REQUIRE_BROWSER") == "1"


@pytest.fixture(scope="session")
def browser():
    """A headless Debian chromium driven by Playwright."""
    problem = None
    if not os.path.exists(CHROMIUM):
        problem = f"{CHROMIUM} not found (apt-get install chromium)"
    else:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as error:  # pragma: no cover - requirements install it
            problem = f"playwright is not installed: {error}"
    if problem:
        if browser_required():
            pytest.fail(f"browser tests must run here: {problem}")
        pytest.skip(problem)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        chromium.new_context = functools.partial(_service_workers_blocked_unless_asked, chromium.new_context)
        yield chromium
        chromium.close()


def _service_workers_blocked_unless_asked(new_context, **options):
    """browser.new_context with service workers blocked unless a test asks for them (service_workers="allow").
    Over http the site's offline worker (offline-werker.js) fetches the whole site, about 110 files, on a
    context's first page: about 0.5 s of CPU per context (measured: ten fresh contexts, each one page and one
    second, 11.8 against 6.8 CPU-seconds), in the background of a test that never looks at it. The tests that
    are about the worker (test_hosted.py) and the ones that watch every request of a context (the privacy
    walk, tests/rondgang.py, and test_privacy.py) allow it."""
    options.setdefault("service_workers", "block")
    return new_context(**options)


@pytest.fixture
def page(browser):
    """A fresh browser page (own context: clean localStorage) that records what it requested."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.requests_seen = []
    page.console_errors = []
    page.on("request", lambda request: page.requests_seen.append(request.url))
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    yield page
    context.close()


def outside_requests(urls: list[str], base: str) -> list[str]:
    """The requested URLs that leave the site (not under base, not data:/blob:/about:)."""
    allowed = (base, "data:", "blob:", "about:")
    return [url for url in urls if not url.startswith(allowed)]


@pytest.fixture
def pdf_pages(tmp_path):
    """Print the current page to A4 PDF and return its number of pages."""
    def count(page, **options) -> int:
        from pypdf import PdfReader

        path = tmp_path / "print.pdf"
        page.emulate_media(media="print")
        page.pdf(path=str(path), format="A4", print_background=True, **options)
        return len(PdfReader(str(path)).pages)

    return count
