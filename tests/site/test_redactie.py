"""The editors' guide, carried out: every checklist of REDACTIE.md in one fresh copy of the project, step by step as
the guide words it; `scripts/controleer` says "Alles in orde" (the strict build and the content checks) right after
the scaffolds (no hand step) and again once the content of all five is written.

Each copy is a git repository with the project's history, as a fresh clone is (plus one commit of whatever the
working tree holds that is not committed yet); the editor's new files are not committed (they get today's date).
These tests build the whole project: marker `kopie` (not in --fast).
"""
from __future__ import annotations

import os
import pathlib
import re
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest

from conftest import ROOT

GUIDE = ROOT / "REDACTIE.md"
GIT = {"GIT_AUTHOR_NAME": "Redactie", "GIT_AUTHOR_EMAIL": "redactie@example.org",
       "GIT_COMMITTER_NAME": "Redactie", "GIT_COMMITTER_EMAIL": "redactie@example.org"}


def fresh_clone(tmp_path: pathlib.Path) -> pathlib.Path:
    """The project as a fresh clone has it (its files, one commit), with the shared .venv and node_modules."""
    copy = tmp_path / "project"
    top_level = {".venv", ".git", "site", "dist", "node_modules"}     # at the top only: tests/site stays

    def ignore(folder, names):
        return [n for n in names if n in ("__pycache__", ".pytest_cache") or (pathlib.Path(folder) == ROOT and n in top_level)]
    shutil.copytree(ROOT, copy, ignore=ignore)
    for shared in (".venv", "node_modules"):
        if (ROOT / shared).exists():
            (copy / shared).symlink_to((ROOT / shared).resolve())
    if (ROOT.parent / "shared").exists():   # ../shared beside the clone, as beside every checkout (the source)
        (tmp_path / "shared").symlink_to((ROOT.parent / "shared").resolve())

    def git(*command, check=True):
        return subprocess.run(["git", *command], cwd=copy, check=check, capture_output=True, text=True,
                              env={**os.environ, **GIT})
    git("init", "-q")
    if git("fetch", "-q", str(ROOT), "HEAD", check=False).returncode == 0:   # the history, as a clone has it
        git("reset", "-q", "--soft", "FETCH_HEAD")
    git("add", "-A")
    git("commit", "-qm", "the working tree as the test found it", "--allow-empty")
    return copy


def run(copy: pathlib.Path, *command: str) -> subprocess.CompletedProcess:
    """Run one of the project's scripts in the copy, as an editor types it."""
    return subprocess.run(["bash", *command], cwd=copy, capture_output=True, text=True, timeout=900,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def green(copy: pathlib.Path, after: str) -> str:
    """`scripts/controleer` ends with 'Alles in orde'; its output, for further checks."""
    result = run(copy, "scripts/controleer")
    assert result.returncode == 0 and "Alles in orde" in result.stdout, (
        f"after {after}, scripts/controleer is not green:\n{result.stdout[-4000:]}\n{result.stderr[-2000:]}")
    return result.stdout


def edit(path: pathlib.Path, *replacements: tuple[str, str]) -> None:
    """Replace texts in a file, each of which must be there (the guide names them)."""
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, f"{path.name} has no '{old}'"
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def checklist(title: str) -> str:
    """The text of one checklist of the guide ('### Een nieuw werkblad' up to the next heading)."""
    text = GUIDE.read_text(encoding="utf-8")
    found = re.search(rf"^### {re.escape(title)}\n(.*?)(?=^##)", text, re.S | re.M)
    assert found, f"REDACTIE.md has no checklist '{title}'"
    return found[1]


def command_of(title: str) -> list[str]:
    """The command of step 1 of a checklist, exactly as the guide prints it."""
    import shlex
    found = re.search(r"^1\. Typ: `(scripts/[^`]+)`", checklist(title), re.M)
    assert found, f"checklist '{title}' does not start with a command"
    return shlex.split(found[1])


def placeholders_left(copy: pathlib.Path, output: str) -> list[str]:
    """What scripts/controleer still lists as to be written."""
    return [line for line in output.split("Nog te schrijven", 1)[-1].splitlines()[1:]
            if line.startswith("   ")] if "Nog te schrijven" in output else []


# ------------------------------------------------------------------------------------- not a copy

CHECKLISTS = {"Een nieuw werkblad": "write_worksheet",     # the checklist -> the function that does its steps
              "Een nieuwe pagina": "write_page",
              "Een nieuw begrip": "write_term",
              "Een nieuwe toetsvraag": "write_question",
              "Een nieuw zoekwoord": "write_search_words"}


def test_every_checklist_in_the_guide_has_its_test():
    """REDACTIE.md's checklists are exactly the ones this module carries out (each by its function)."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text[text.index("## Checklists"):text.index("\n## ", text.index("## Checklists") + 5)]
    titles = re.findall(r"^### (.+)$", section, re.M)
    assert titles == list(CHECKLISTS), f"REDACTIE.md's checklists are {titles}: give each new one a test here"
    assert all(name in globals() for name in CHECKLISTS.values())


# ----------------------------------------------------------------------------------- the checklists
# One copy for the whole afternoon, as an editor works: the three scaffolds first (each checklist's step 1), one
# `scripts/controleer` that must be green with only the scaffolds' placeholders left, then every checklist's
# content, and one `scripts/controleer` that is green with nothing left to write. (Five copies with two runs each
# built the project ten times; a scaffold that breaks the build, or another scaffold's pages, still fails here.)

def where(lines: list[str]) -> dict[str, int]:
    """Placeholders left per file ('docs/x.md, regel 3' lines)."""
    counts: dict[str, int] = {}
    for line in lines:
        name = line.strip().split(",")[0]
        counts[name] = counts.get(name, 0) + 1
    return counts


def scaffold(copy: pathlib.Path, title: str) -> subprocess.CompletedProcess:
    """Step 1 of a checklist: its command, exactly as the guide prints it."""
    made = run(copy, *command_of(title))
    assert made.returncode == 0, f"'{' '.join(command_of(title))}' failed:\n{made.stdout}\n{made.stderr}"
    return made


def write_worksheet(copy: pathlib.Path) -> None:
    """Checklist 'Een nieuw werkblad', steps 2-4."""
    sheet = copy / "docs" / "aan-de-slag"
    edit(sheet / "samen-spelen.md",                                                                   # step 2
         ("Schrijf hier in een paar zinnen waar de oefening over gaat en waarom.",
          "Een kind dat zelf het spel kiest, laat zien wat het belangrijk vindt. Speel tien minuten mee en volg."),
         ("intro: Schrijf hier in één zin wat de leerkracht gaat doen.",
          "intro: Je speelt tien minuten mee met een spel dat het kind zelf kiest, en jij volgt."))
    edit(sheet / "samen-spelen.en.md",                                                                # step 3
         ("Write here in a few sentences what the exercise is about and why.",
          "A child who chooses the game shows what matters to them. Play along for ten minutes and follow."),
         ("intro: Write here in one sentence what the teacher is going to do.",
          "intro: You play for ten minutes with a game the child chooses, and you follow."))
    for page, text in (("aan-de-slag/index.md", "tien minuten meespelen met een spel dat het kind kiest."),  # step 4
                       ("aanbevelingen/2-kansen-voor-positief-gedrag.md", "tien minuten meespelen en volgen.")):
        edit(copy / "docs" / page, ("Schrijf hier in één zin wat de oefening is.", text))
    for page, text in (("aan-de-slag/index.en.md", "ten minutes of play in a game the child chooses."),
                       ("aanbevelingen/2-kansen-voor-positief-gedrag.en.md", "ten minutes of play, following the child.")):
        edit(copy / "docs" / page, ("Write here in one sentence what the exercise is.", text))


def write_page(copy: pathlib.Path) -> None:
    """Checklist 'Een nieuwe pagina', steps 2-4."""
    page = copy / "docs" / "theorie"
    edit(page / "reflecteren.md", ("Schrijf hier de pagina.",                                         # step 2
                                   "Wie terugkijkt op een dag in de klas, ziet soms een patroon.\n\n"
                                   "## Zo begin je { #zo-begin-je }\n\nKies elke vrijdag één moment uit de week."))
    edit(page / "reflecteren.en.md", ("Write the page here.",                                          # step 3
                                      "Looking back on a day in class, you sometimes see a pattern.\n\n"
                                      "## How to start { #zo-begin-je }\n\nEvery Friday, choose one moment of the week."))
    edit(page / "index.md", ("\n<div class=\"aanvulling\" markdown>",                                  # step 4
                             "\nOver terugkijken op je eigen week lees je meer bij [Reflecteren](reflecteren.md).\n"
                             "\n<div class=\"aanvulling\" markdown>"))
    edit(page / "index.en.md", ("\n<div class=\"aanvulling\" markdown>",
                                "\nYou read more about looking back on your own week under [Reflecting](reflecteren.md).\n"
                                "\n<div class=\"aanvulling\" markdown>"))


def write_term(copy: pathlib.Path) -> None:
    """Checklist 'Een nieuw begrip', steps 2-3."""
    edit(copy / "docs" / "begrippen.md",                                                               # step 2
         ("Schrijf hier in een of twee zinnen wat Kennismakingsgesprek is. Deze eerste alinea is de uitleg die een "
          "lezer ziet als hij op een link naar dit begrip wijst.",
          "Een gesprek aan het begin van het jaar met een kind en zijn ouders, om elkaar te leren kennen."),
         ("[Schrijf hier de pagina waar het begrip uitgelegd wordt](index.md)",
          "[aanbeveling 2](aanbevelingen/2-kansen-voor-positief-gedrag.md)"))
    edit(copy / "docs" / "begrippen.en.md",                                                            # step 3
         ("Write here in one or two sentences what Getting-to-know-you conversation is. This first paragraph is "
          "the explanation a reader sees when pointing at a link to this term.",
          "A talk at the start of the year with a child and their parents, to get to know each other."),
         ("[Write here the page that explains the term](index.md)",
          "[recommendation 2](aanbevelingen/2-kansen-voor-positief-gedrag.md)"))


def write_question(copy: pathlib.Path) -> None:
    """Checklist 'Een nieuwe toetsvraag', steps 1-2 (it has no scaffold: the editor appends to the chapter's file)."""
    chapter = copy / "data" / "toets" / "2-kansen-voor-positief-gedrag.yml"                          # step 1
    assert "data/toets/2-kansen-voor-positief-gedrag.yml" in checklist("Een nieuwe toetsvraag")
    assert chapter.read_text(encoding="utf-8").count("\n  - id: ") < 8
    with chapter.open("a", encoding="utf-8") as file:                                                  # step 2
        file.write("\n  - id: eigen-vraag\n    vraag:\n      nl: Wat kun je doen als een kind weinig positieve "
                   "momenten heeft in de klas?\n      en: What can you do when a child has few positive moments "
                   "in class?\n    modelantwoord:\n      nl: \"Een taak of rol geven waarin het kind kan laten zien "
                   "waar het goed in is.\"\n      en: \"Give a task or role in which the child can show what it is "
                   "good at.\"\n    anker: aanbevelingen/2-kansen-voor-positief-gedrag.md#aanbeveling-2-2\n"
                   "    bron: 1180-1190\n")


def write_search_words(copy: pathlib.Path) -> None:
    """Checklist 'Een nieuw zoekwoord', steps 1-3."""
    words = copy / "data" / "zoekwoorden.yml"                                                         # step 1
    steps = checklist("Een nieuw zoekwoord")
    assert "`speelkwartier: pauze`" in steps and "`recess: break`" in steps
    text = words.read_text(encoding="utf-8")
    text = text.replace("\nnl:\n  woorden:\n", "\nnl:\n  woorden:\n    speelkwartier: pauze\n", 1)      # step 2
    text = text.replace("\nen:\n  woorden:\n", "\nen:\n  woorden:\n    recess: break\n", 1)                # step 3
    assert text.count("speelkwartier: pauze") == 1 and text.count("recess: break") == 1
    words.write_text(text, encoding="utf-8")


SCAFFOLDED = {   # what each scaffold leaves to write, per file (scripts/controleer's "Nog te schrijven")
    "docs/aan-de-slag/samen-spelen.md": 2, "docs/aan-de-slag/samen-spelen.en.md": 2,
    "docs/aan-de-slag/index.md": 1, "docs/aan-de-slag/index.en.md": 1,
    "docs/aanbevelingen/2-kansen-voor-positief-gedrag.md": 1, "docs/aanbevelingen/2-kansen-voor-positief-gedrag.en.md": 1,
    "docs/theorie/reflecteren.md": 1, "docs/theorie/reflecteren.en.md": 1,
    "docs/begrippen.md": 2, "docs/begrippen.en.md": 2,
}


@pytest.mark.kopie
@pytest.mark.lang
def test_an_editors_afternoon_every_checklist_in_one_copy(tmp_path):
    """Every checklist of REDACTIE.md in one fresh copy: after the scaffolds alone `scripts/controleer` is green and
    lists exactly what they left to write; after the content of all five it is green with nothing left; the new
    term sorts in the English glossary, and the search words reach the built search script. A worksheet scaffolded
    without titles builds with one warning: its English page's Dutch title (was tests/site/test_bouw.py's copy)."""
    copy = fresh_clone(tmp_path)
    scaffold(copy, "Een nieuw werkblad")
    assert "aan-de-slag/samen-spelen.md" in (copy / "mkdocs.yml").read_text(encoding="utf-8")
    scaffold(copy, "Een nieuwe pagina")
    assert "now links to the term" in scaffold(copy, "Een nieuw begrip").stdout
    output = green(copy, "the three scaffolds alone (nieuw-werkblad, nieuwe-pagina, nieuw-begrip)")
    assert where(placeholders_left(copy, output)) == SCAFFOLDED, output
    for write in CHECKLISTS.values():
        globals()[write](copy)
    output = green(copy, "every checklist's content was written")
    assert placeholders_left(copy, output) == [] and "Nog te schrijven" not in output
    english = (copy / "docs" / "begrippen.en.md").read_text(encoding="utf-8")
    assert english.index("{ #kennismakingsgesprek }") < english.index("{ #invloed }")   # 'G' before 'I'
    # An editor who leaves out the titles: the scaffold says what to do, and the build names just that one thing,
    # the English page's Dutch title (hooks/vertaald.py). The same build carries the new search words.
    made = run(copy, "scripts/nieuw-werkblad", "samen-lezen", "2.3")
    assert made.returncode == 0 and "give the English page an English title" in made.stdout, made.stdout + made.stderr
    built = tmp_path / "site"
    result = subprocess.run([str(copy / ".venv" / "bin" / "python"), "-m", "mkdocs", "build", "--site-dir", str(built)],
                            cwd=copy, capture_output=True, text=True, timeout=900, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    warnings = [line for line in (result.stdout + result.stderr).splitlines() if "WARNING" in line]   # strict: true
    assert len(warnings) == 1 and ("docs/aan-de-slag/samen-lezen.en.md, line 1: this English page still has the Dutch "
                                   "title 'Samen lezen'") in warnings[0], warnings
    script = (built / "assets" / "javascripts" / "zoekwoorden.js").read_text(encoding="utf-8")
    assert "speelkwartier" in script and "recess" in script
    assert (built / "aan-de-slag" / "samen-spelen.html").exists() and (built / "en" / "theorie" / "reflecteren.html").exists()


# ------------------------------------------------------------------------------ quiet, and the banner

def test_an_unchanged_project_builds_quietly(site, run_folder):
    """The strict build of the project as it is prints one line: how long it took (no i18n INFO lines). The
    session's own build is that build (tests/conftest.py keeps what it printed)."""
    log = run_folder / "site.log"
    if not log.exists():
        pytest.skip("the site was built elsewhere (LEIDRAAD_SITE): its output is not here")
    lines = [line for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("INFO    -  Documentation built in"), lines


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, timeout: float) -> float | None:
    """Seconds until predicate() holds, or None after timeout."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate():
            return time.monotonic() - start
        time.sleep(0.5)
    return None


@pytest.mark.kopie
def test_a_typo_while_serving_shows_on_the_page(tmp_path):
    """With scripts/serve running, a misspelt part in a worksheet block shows as a banner with file, line and fix
    on every page; correcting it takes the banner away. The preview never hangs."""
    copy = fresh_clone(tmp_path)
    port = free_port()
    server = subprocess.Popen(["bash", "scripts/serve"], cwd=copy, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              env={**os.environ, "SERVE_ADDR": f"127.0.0.1:{port}"}, start_new_session=True)
    page = f"http://127.0.0.1:{port}/aan-de-slag/2x10-oefening.html"
    sheet = copy / "docs" / "aan-de-slag" / "2x10-oefening.md"
    try:
        assert wait_for(lambda: "2×10" in fetch(page), 300) is not None, "scripts/serve did not serve the site"
        assert "redactie-melding" not in fetch(page)
        line = sheet.read_text(encoding="utf-8").split("\n").index("  - veld:") + 1
        edit(sheet, ("  - veld:\n", "  - veldd:\n"))
        seconds = wait_for(lambda: "redactie-melding" in fetch(page), 300)
        assert seconds is not None, "no banner appeared"
        html = fetch(f"http://127.0.0.1:{port}/index.html")
        assert f"docs/aan-de-slag/2x10-oefening.md, line {line}: unknown part &#x27;veldd&#x27;; did you mean " \
               "&#x27;veld&#x27;?" in html
        print(f"banner after {seconds:.1f} s")
        edit(sheet, ("  - veldd:\n", "  - veld:\n"))
        assert wait_for(lambda: "redactie-melding" not in fetch(page) and "2×10" in fetch(page), 300) is not None
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
