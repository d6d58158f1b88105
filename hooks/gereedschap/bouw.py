"""The state of a build, kept by the pipeline (hooks/pijplijn.py) and nowhere else.

A run (`mkdocs build`, or one rebuild of `mkdocs serve`) builds the Dutch edition and then, inside it,
the English one (mkdocs-static-i18n). Some steps remember things while a language is built (the glossary's
definitions, the worksheets seen, the chapters of the whole guide); a few remember things across both
languages of a run (the editor problems already reported, the ids of every page for the search data).
Both live here, in two plain dicts that the pipeline makes anew: `start_run()` at the first `on_config` of
a run, `start_language()` when a language's build begins. A step asks for its own part by name:
`staat("hele_leidraad")` for this language, `staat("controle", run=True)` for the whole run. Nothing here
imports MkDocs, so the block code that uses it can move to another Python-Markdown generator.
"""
from __future__ import annotations

import dataclasses
import functools


class BouwFout(Exception):
    """A problem that stops the build, said to the editor (the pipeline turns it into MkDocs' PluginError)."""


@dataclasses.dataclass
class _Stand:
    """What the pipeline keeps: the run's and this language's state, and the language being built."""

    run: dict = dataclasses.field(default_factory=dict)
    language: dict = dataclasses.field(default_factory=dict)
    taal: str = "nl"


_stand = _Stand()
_opdracht = ["build"]   # the MkDocs command of this process (build, serve, gh-deploy): it outlives a run on purpose
_per_run: list = []   # caches of data read from files, emptied at every run (an editor's change shows)


def per_run(function):
    """A cache (functools.lru_cache) of what a function reads from files, emptied when a run starts, so that
    `mkdocs serve` sees an edited data file and no cached value outlives a build."""
    cached = functools.lru_cache(maxsize=None)(function)
    _per_run.append(cached)
    return cached


def start_session(command: str) -> None:
    """The MkDocs command this process runs (on_startup; `mkdocs serve` rebuilds many runs in one session)."""
    _opdracht[0] = command


def opdracht() -> str:
    """'serve' while `mkdocs serve` runs, else 'build' (or the command MkDocs was started with)."""
    return _opdracht[0]


def start_run() -> None:
    """A new run: forget everything of the previous one (the pipeline calls this; steps never do)."""
    global _stand
    _stand = _Stand()
    for cached in _per_run:
        cached.cache_clear()


def start_language(taal: str) -> None:
    """A language's build begins: its own state starts empty; the run's state stays."""
    _stand.language = {}
    _stand.taal = taal


def taal() -> str:
    """The language being built, 'nl' or 'en' (set by the pipeline from static-i18n's configuration)."""
    return _stand.taal


def staat(naam: str, *, run: bool = False) -> dict:
    """The named step's state for this language's build (or, with run=True, for the whole run)."""
    return (_stand.run if run else _stand.language).setdefault(naam, {})


def meld(logger, message: str) -> bool:
    """Log an editor's problem as a warning once per run: static-i18n builds the same Dutch file again for English
    (a page without its twin), and a block shows on its own page and on a page that gathers it; the problem is
    one, and so is its warning (and MkDocs' count of them). True when it was logged now."""
    said = staat("gemeld", run=True).setdefault("berichten", set())
    if message in said:
        return False
    said.add(message)
    logger.warning(message)
    return True
