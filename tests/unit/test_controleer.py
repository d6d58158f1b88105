"""scripts/controleer.py, what an editor reads: each problem once, and no 'commit now' while a scaffold's sentence
is still there (a newcomer's afternoon, 7 December: both were said)."""
from __future__ import annotations

import importlib.util

from conftest import ROOT

spec = importlib.util.spec_from_file_location("controleer", ROOT / "scripts" / "controleer.py")
controleer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(controleer)

OUTPUT = """WARNING -  docs/begrippen.md, line 20: the link 'theorie/x.md' leads to docs/theorie/x.md, which does not exist; did you mean 'theorie/y.md'?
WARNING -  Doc file 'begrippen.md' contains a link 'theorie/x.md', but the target is not found among documentation files.
WARNING -  docs/begrippen.md, line 16: the link 'a.md#kopp' leads to '#kopp', but docs/a.md has no heading or element with that id; did you mean 'kop'?
WARNING -  Doc file 'begrippen.md' contains a link 'a.md#kopp', but the doc 'a.md' does not contain an anchor '#kopp'.
WARNING -  Doc file 'index.md' contains a link 'b.md', but the target is not found among documentation files.
WARNING -  docs/c.md, line 3: a message that runs
  over two lines
Aborted with 6 warnings in strict mode!
"""


def test_each_problem_is_said_once_with_its_line():
    """MkDocs' own words about a link that our check named with its line go; a link only MkDocs names stays (the
    backstop), and a message over two lines is one sentence. Twin: the raw log holds six warnings."""
    problems = controleer.problems_in(OUTPUT)
    assert problems == [
        "docs/begrippen.md, line 20: the link 'theorie/x.md' leads to docs/theorie/x.md, which does not exist; did you "
        "mean 'theorie/y.md'?",
        "docs/begrippen.md, line 16: the link 'a.md#kopp' leads to '#kopp', but docs/a.md has no heading or element "
        "with that id; did you mean 'kop'?",
        "Doc file 'index.md' contains a link 'b.md', but the target is not found among documentation files.",
        "docs/c.md, line 3: a message that runs over two lines"]
    assert sum(line.startswith("WARNING") for line in OUTPUT.splitlines()) == 6


def test_a_green_run_says_commit_only_when_nothing_is_left_to_write():
    """With a scaffold's sentence left: green, but 'leg nog niets vast', each place, and what to do; without: commit."""
    done = controleer.the_end([], 12.4)
    assert done == ["Alles in orde (12 s). Je kunt je wijziging vastleggen (git commit)."]
    left = controleer.the_end(["docs/begrippen.md, regel 92: Schrijf hier …"], 12.4)
    assert left[0].startswith("Alles in orde (12 s)") and "leg nog niets vast" in left[0]
    assert "git commit" not in left[0] and "   docs/begrippen.md, regel 92: Schrijf hier …" in left
    assert left[1].startswith("Nog te schrijven") and left[-1].startswith("Vervang elke zin")


def test_changed_pages_without_a_line_in_the_changelog_are_reminded_of_it():
    """The reminder comes with a green run when pages changed and data/versies.yml did not; without it, none."""
    assert controleer.the_end([], 3, unversioned=True)[-1].startswith("Zien lezers je wijziging?")
    assert not any("versies.yml" in line for line in controleer.the_end([], 3, unversioned=False))
    assert controleer.the_end(["docs/x.md, regel 1: Schrijf hier …"], 3, unversioned=True)[-1].startswith("Zien lezers")
