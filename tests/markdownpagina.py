"""Markdown in, HTML out, through our hooks exactly as MkDocs calls them, without a build (the unit layer).

`convert` converts a page's text with Python-Markdown configured by the hooks' own on_config (so
superfences and our fences, the aanvulling label, everything a page build would use) and returns the
HTML with the warnings the hooks logged. Golden files live in tests/unit/golden/ (NAME.md -> NAME.html);
`UPDATE_GOLDEN=1 scripts/test -k golden` rewrites them after a deliberate change (read the diff!).
"""
from __future__ import annotations

import dataclasses
import importlib
import logging
import types

import markdown as python_markdown
from mkdocs.utils.meta import get_data

from conftest import ROOT
from gereedschap import bouw

HOOKS = ("aanvulling", "werkbladen", "cirkel", "toets", "teamscan", "verklaringen")   # the hooks that change how Markdown renders


def load_hook(name: str):
    """A hook module by name (hooks/ is on sys.path via pytest.ini, as MkDocs puts it while loading hooks)."""
    return importlib.import_module(name)


@dataclasses.dataclass
class Result:
    """What converting one page gave: its HTML and the warnings logged (file, line: message)."""

    html: str
    warnings: list[str]


class Collect(logging.Handler):
    """Keeps the messages of warnings logged under mkdocs.plugins.*."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def fake_page(text: str, src_uri: str):
    """Just enough of a MkDocs page: its file (paths, source text) and URL."""
    file = types.SimpleNamespace(src_uri=src_uri, abs_src_path=str(ROOT / "docs" / src_uri), content_string=text,
                                 url=src_uri[:-3] + ".html", locale=None, name=src_uri.rsplit("/", 1)[-1][:-3])
    return types.SimpleNamespace(file=file, url=file.url, meta={}, parent=None, title="Proef")


def fake_config(language: str = "nl", **overrides):
    """A stand-in MkDocs config as our hooks read it."""
    config = types.SimpleNamespace(
        markdown_extensions=["admonition", "attr_list", "md_in_html", "pymdownx.superfences"], mdx_configs={},
        use_directory_urls=False, site_name="Leidraad", config_file_path=str(ROOT / "mkdocs.yml"),
        theme={"language": language}, docs_dir=str(ROOT / "docs"))
    config.__dict__.update(overrides)
    return config


def convert(text: str, *, src_uri: str = "aan-de-slag/proef.md", language: str | None = None) -> Result:
    """Markdown -> HTML as on a page at docs/<src_uri> (an .en.md page is English), with every warning."""
    language = language or ("en" if src_uri.endswith(".en.md") else "nl")
    if language == "en" and not src_uri.endswith(".en.md"):
        src_uri = src_uri[:-3] + ".en.md"
    config, page = fake_config(language), fake_page(text, src_uri)
    text, page.meta = get_data(text)  # front matter, as MkDocs reads it before on_page_markdown
    handler = Collect()
    logging.getLogger("mkdocs.plugins").addHandler(handler)
    bouw.start_run()   # each conversion is a run of its own, as the pipeline starts one (hooks/pijplijn.py)
    bouw.start_language(language)
    try:
        for name in HOOKS:
            load_hook(name).on_config(config)
        for name in HOOKS:
            hook = load_hook(name)
            text = hook.on_page_markdown(text, page=page, config=config, files=None)
        md = python_markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        html = md.convert(text)
    finally:
        logging.getLogger("mkdocs.plugins").removeHandler(handler)
    return Result(html, handler.messages)
