"""scripts/controleer: één opdracht die een redacteur na elke wijziging draait (REDACTIE.md, "Controleer je werk").

It does two things and says in plain Dutch what it found:
1. the strict build (the same as `scripts/serve build` and the tests): every problem with file, line and fix;
2. the content checks: the tests of tests/site that are about the content (links and anchors, the English
   twin of every page, the marker for additions, the statements, worksheets, self-tests, dates), run on that
   one build (LEIDRAAD_SITE, tests/conftest.py), in one process.
Left out, because only an engineer can act on them: the checks of the checks ("bites" twins), the tiny test
projects of tests/site/test_bouw.py, the USB zip, the weight of our own CSS and JS, the search index size,
and the whole-project copies (marker kopie); the browser tests need a browser and minutes; the query table
(tests/site/test_zoekvragen.py) needs node, and a new page may move a row's expected page out of the first
three, which is for an engineer to weigh. `scripts/test` runs everything.
"""
from __future__ import annotations

import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
import meldingen  # noqa: E402  (hooks/: the same filter as the banner while serving)

# Tests that check what only an engineer can change (see the docstring); matched against the test's name.
ENGINEER_ONLY = ["bites", "strict_build", "own_css", "search_index", "first_load_counts", "load_only_where",
                 "nav_entry_cannot", "builds_quietly"]
CONTENT_CHECKS = ["tests/site"]
LEFT_OUT_FILES = ["tests/site/test_bouw.py", "tests/site/test_usb.py", "tests/site/test_zoekvragen.py"]
RE_LOG = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)$")
RE_PLACEHOLDER = re.compile(r"Schrijf hier|Write here|Write the page here")   # the scaffolds' (scripts/nieuw.py)


def say(text: str = "") -> None:
    """Print a line at once (the editor watches it happen)."""
    print(text, flush=True)


def build(site: pathlib.Path) -> tuple[bool, list[str]]:
    """(built, the problems as sentences) from the strict build into site."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    problems = problems_in(result.stdout + result.stderr)
    if result.returncode != 0 and not problems:
        problems = [(result.stderr or result.stdout).strip().splitlines()[-1]]
    return result.returncode == 0, problems


def problems_in(output: str) -> list[str]:
    """The build's warnings and errors as sentences (a message over several lines joined), each once: MkDocs'
    own words about a link that hooks/links.py has named with its line are left out (hooks/meldingen.py)."""
    problems, current = [], None
    for line in output.splitlines():
        found = RE_LOG.match(line)
        if found:
            current = found[2].strip()
            problems.append(current)
        elif current is not None and line.startswith("  ") and not line.startswith("  File "):
            problems[-1] += " " + line.strip()    # a message that runs over several lines
        else:
            current = None
    return meldingen.for_the_editor([p for p in problems if not p.startswith("Aborted with")])


class Collector:
    """A pytest plugin that keeps each failed content check's question (docstring) and answer (message)."""

    def __init__(self):
        self.docs: dict[str, str] = {}
        self.failed: list[tuple[str, str, str]] = []
        self.passed = 0

    def pytest_collection_modifyitems(self, items):
        for item in items:
            doc = (getattr(getattr(item, "function", None), "__doc__", None) or item.name).strip()
            self.docs[item.nodeid] = re.sub(r"\s+", " ", doc.split("\n\n")[0])

    def pytest_collectreport(self, report):
        if report.failed:
            self.failed.append((report.nodeid, f"the checks in {report.nodeid} can be read", str(report.longrepr)[-1500:]))

    def pytest_runtest_logreport(self, report):
        if report.when == "call" and report.passed:
            self.passed += 1
        if report.failed:
            crash = getattr(report.longrepr, "reprcrash", None)
            message = crash.message if crash else str(report.longrepr)
            message = re.sub(r"^AssertionError: ", "", message).split("\nassert ")[0].strip()
            self.failed.append((report.nodeid, self.docs.get(report.nodeid, report.nodeid), message))


def content_checks(site: pathlib.Path) -> Collector:
    """Run the content checks on the built site; return what they found."""
    import pytest

    os.environ["LEIDRAAD_SITE"] = str(site)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    collector = Collector()
    arguments = [*CONTENT_CHECKS, *(f"--ignore={path}" for path in LEFT_OUT_FILES),
                 "-m", "not kopie and not browser", "-k", " and ".join(f"not {name}" for name in ENGINEER_ONLY),
                 "-o", "addopts=", "--import-mode=importlib", "-p", "no:terminal", "-p", "no:cacheprovider",
                 "-p", "no:xdist", "-W", "ignore"]
    os.chdir(ROOT)
    code = pytest.main(arguments, plugins=[collector])
    if code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED) or collector.passed == 0:
        collector.failed.append(("pytest", "the content checks ran", f"pytest stopped ({code!r}) after "
                                 f"{collector.passed} checks: run scripts/test --fast to see why"))
    return collector


def main() -> int:
    """Build, check, and say what to do next."""
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="controleer-") as folder:
        site = pathlib.Path(folder) / "site"
        say("1. De site bouwen, streng: elke waarschuwing telt …")
        built, problems = build(site)
        if not built:
            say(f"   De bouw stopt. {'Dit moet' if len(problems) == 1 else 'Deze punten moeten'} eerst anders:")
            for number, problem in enumerate(problems, 1):
                say(f"   {number}. {problem}")
            say("   Pas het aan in het genoemde bestand (op de genoemde regel) en draai scripts/controleer opnieuw.")
            return 1
        say(f"   In orde ({time.monotonic() - start:.0f} s).")
        say("2. De inhoud controleren: links, Engelse tweeling, markeringen, werkbladen, toetsen, datums …")
        found = content_checks(site)
        if found.failed:
            say(f"   {len(found.failed)} van de {len(found.failed) + found.passed} controles vinden iets:")
            for number, (_, question, answer) in enumerate(found.failed, 1):
                say(f"   {number}. Controle: {question}")
                say("      Gevonden: " + answer.replace("\n", "\n      "))
            say("   Pas het aan en draai scripts/controleer opnieuw. Weet je niet wat er bedoeld wordt? "
                "Zoek de zin op in REDACTIE.md, of vraag het een ontwikkelaar.")
            return 1
        say(f"   In orde: {found.passed} controles.")
    for line in the_end(placeholders(), time.monotonic() - start, changed_pages_without_a_version()):
        say(line)
    return 0


def the_end(left: list[str], seconds: float, unversioned: bool = False) -> list[str]:
    """What a green run says last: commit now, or (while a scaffold's sentence is still there) not yet, and where;
    with `unversioned` (pages changed, data/versies.yml not), the reminder of REDACTIE.md's last checklist step."""
    reminder = (["Zien lezers je wijziging? Zet dan ook een regel in data/versies.yml (REDACTIE.md, 'Verklaringen')."]
                if unversioned else [])
    if not left:
        return [f"Alles in orde ({seconds:.0f} s). Je kunt je wijziging vastleggen (git commit).", *reminder]
    return [f"Alles in orde ({seconds:.0f} s): de site bouwt en de controles slagen. Maar leg nog niets vast: er "
            "staan nog zinnen die je zelf moet schrijven.",
            "Nog te schrijven (de opdrachten nieuw-werkblad, nieuwe-pagina en nieuw-begrip zetten deze zinnen klaar):",
            *(f"   {where}" for where in left),
            "Vervang elke zin door je eigen tekst, draai scripts/controleer opnieuw en leg dan je wijziging vast.",
            *reminder]


def changed_pages_without_a_version() -> bool:
    """True when git sees a changed or new page under docs/ (or a data file) and data/versies.yml unchanged;
    False without git or outside a repository (nothing to compare with)."""
    try:
        result = subprocess.run(["git", "status", "--porcelain", "--", "docs", "data"], cwd=ROOT, capture_output=True,
                                text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    changed = [line[3:].strip() for line in result.stdout.splitlines()] if result.returncode == 0 else []
    return bool(changed) and not any(path.endswith("data/versies.yml") for path in changed)


def placeholders() -> list[str]:
    """'docs/x.md, regel 3' for every 'Schrijf hier' / 'Write here' a scaffold left and no one replaced yet."""
    found = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            if RE_PLACEHOLDER.search(line):
                found.append(f"{path.relative_to(ROOT)}, regel {number}: {line.strip()[:90]}")
    return found


if __name__ == "__main__":
    raise SystemExit(main())
