"""The pipeline (hooks/pijplijn.py): every step listed once, in the order that matters, and no state that
outlives a build."""
from __future__ import annotations

import ast
import importlib
import pathlib

import pytest
import yaml
from mkdocs.exceptions import PluginError

import pijplijn
from conftest import ROOT
from gereedschap import bouw

HOOKS = ROOT / "hooks"


def step_names(event: str) -> list[str]:
    """'module.function' of each step of an event, in order."""
    return [f"{step.__module__}.{step.__name__}" for step in pijplijn.STEPS[event]]


def test_mkdocs_runs_the_pipeline_and_nothing_else():
    """The pipeline in mkdocs.yml (and its last step, which MkDocs must call after static-i18n): the order lives
    in STEPS, not in a list of files."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["hooks"] == ["hooks/pijplijn.py", "hooks/pijplijn_na.py"]
    assert "after_the_site as on_post_build" in (HOOKS / "pijplijn_na.py").read_text(encoding="utf-8")


def test_every_handler_in_the_hooks_folder_is_a_step_of_the_pipeline():
    """A module's on_<event> function that the pipeline does not list would never run: each is listed once."""
    listed = [name for event in pijplijn.STEPS for name in step_names(event)]
    assert len(listed) == len(set(listed))
    found = []
    for path in sorted(HOOKS.glob("*.py")):
        if path.stem in ("pijplijn", "pijplijn_na"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{path.stem}.{node.name}" for node in tree.body
                  if isinstance(node, ast.FunctionDef) and node.name.startswith("on_")]
    assert sorted(found) == sorted(listed)
    for event, steps in pijplijn.STEPS.items():
        expected = "on_post_build" if event == "site" else f"on_{event}"
        assert all(step.__name__ == expected for step in steps), event


def test_the_order_that_matters():
    """The policy is taken last from the final page; the whole guide is filled before its ids are checked;
    a worksheet's version is known when the citation block is written (both on page_content, in order)."""
    assert step_names("post_page")[-1] == "csp.on_post_page"
    post_build = step_names("post_build")
    assert post_build.index("hele_leidraad.on_post_build") < post_build.index("controle.on_post_build")
    assert pijplijn.on_config.mkdocs_priority < -100          # after static-i18n has set the language
    assert pijplijn.on_post_page.mkdocs_priority < 0           # after the other plugins' post_page
    assert pijplijn.after_the_site.mkdocs_priority < -100      # after static-i18n has built every language


def test_no_hook_keeps_state_in_a_module_global():
    """No `global` statement and no mutable module-level dict, list or set in a hook or the toolkit, except
    the pipeline's own state holder (gereedschap/bouw.py)."""
    offenders = []
    for path in sorted([*HOOKS.glob("*.py"), *(HOOKS / "gereedschap").glob("*.py")]):
        if path.name == "bouw.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        offenders += [f"{path.name}:{node.lineno} global" for node in ast.walk(tree) if isinstance(node, ast.Global)]
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
            value = getattr(node, "value", None)
            mutable = isinstance(value, (ast.Dict, ast.List, ast.Set)) or (
                isinstance(value, ast.Call) and getattr(value.func, "id", "") in ("dict", "list", "set"))
            for target in targets:
                name = getattr(target, "id", "")
                if mutable and name and not name.isupper():
                    offenders.append(f"{path.name}:{node.lineno} {name}")
    assert offenders == []


def test_the_state_guard_bites(tmp_path):
    """Twin: a module with a global and a module-level dict is named by the same check."""
    bad = "_seen = {}\ndef on_files(files, config):\n    global _seen\n    _seen = {}\n"
    tree = ast.parse(bad)
    assert any(isinstance(node, ast.Global) for node in ast.walk(tree))
    assert isinstance(tree.body[0].value, ast.Dict) and not tree.body[0].targets[0].id.isupper()


def test_run_and_language_state():
    """A language's state starts empty at each language; the run's state lasts until the next run."""
    bouw.start_run()
    bouw.staat("proef", run=True)["x"] = 1
    bouw.staat("proef")["y"] = 2
    bouw.start_language("en")
    assert bouw.taal() == "en" and bouw.staat("proef", run=True) == {"x": 1} and bouw.staat("proef") == {}
    bouw.start_run()
    assert bouw.staat("proef", run=True) == {} and bouw.taal() == "nl"


def test_per_run_caches_are_emptied_when_a_run_starts(tmp_path):
    """A data file edited during `mkdocs serve` is read again at the next rebuild."""
    path = tmp_path / "x.txt"
    path.write_text("een", encoding="utf-8")
    read = bouw.per_run(lambda: path.read_text(encoding="utf-8"))
    assert read() == "een"
    path.write_text("twee", encoding="utf-8")
    assert read() == "een"
    bouw.start_run()
    assert read() == "twee"


def test_a_step_that_stops_the_build_says_why_without_a_traceback(monkeypatch):
    """BouwFout from a step becomes MkDocs' PluginError with the same sentence (no chained traceback)."""
    def broken(config, **_):
        raise bouw.BouwFout("data/versies.yml: 'datum' must be a date like 2026-12-01")

    monkeypatch.setitem(pijplijn.STEPS, "pre_build", [broken])
    with pytest.raises(PluginError, match="must be a date") as caught:
        pijplijn.on_pre_build(object())
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_block_code_imports_nothing_from_mkdocs():
    """The blocks and the toolkit can move to another Python-Markdown generator: only the pipeline (and the
    steps that talk to MkDocs' objects) import mkdocs."""
    allowed = {"pijplijn.py"}
    importers = []
    for path in sorted([*HOOKS.glob("*.py"), *(HOOKS / "gereedschap").glob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(name.split(".")[0] in ("mkdocs", "material") for name in names) and path.name not in allowed:
                importers.append(path.name)
    assert importers == []
    assert importlib.import_module("gereedschap").BouwFout is bouw.BouwFout
