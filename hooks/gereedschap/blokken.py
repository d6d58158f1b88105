"""Fenced blocks: find them in the Markdown an editor wrote, know the page, render, report a problem.

Superfences hands a fence formatter only the block's text. To name a file and line, `scan_fences` reads
the page's Markdown file itself (front matter included, so lines match the file) and `PageContext.locate`
finds the block among them. The same scan lets the build catch what Markdown would silently show as text
or code: a misspelt language, a fence that is never closed, a block inside a construct that cannot hold it.
"""
from __future__ import annotations

import dataclasses
import logging
import os
import posixpath
import re

import jinja2
from markupsafe import Markup

from .bouw import BouwFout, meld, per_run, staat
from .gegevens import HERE, BlockError, language_of, words

RE_OPEN = re.compile(r"^(?P<lead>(?:[ \t]*>)*)(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*?)[ \t]*$")
RE_CLOSE = re.compile(r"^(?:[ \t]*>)*[ \t]*(?P<fence>`{3,}|~{3,})[ \t]*$")
RE_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
# What a fence can sit in and still be rendered: the page itself, an admonition or details block, a list
# item, a block quote. Anything else (tabs without pymdownx.tabbed, raw HTML, plain indentation) shows
# the block as code or text.
RENDERABLE = ("page", "admonition", "list", "quote")


@dataclasses.dataclass
class Fence:
    """A fenced block as written in a Markdown file (lines are 1-based file lines)."""

    lang: str
    fence: str                  # the opening run, e.g. ``` or ~~~~
    open_line: int
    close_line: int | None      # None: never closed
    content: str                # the block's text, prefix and indentation removed
    container: str              # page, admonition, list, quote, tabs, html or indented
    near_close: tuple[int, str] | None = None   # a closing run of another length, when never closed
    used: bool = False
    origin: dict = dataclasses.field(default_factory=dict)  # for a block gathered from another page: its
                                                            # path (for messages), stem and url

    def file_line(self, line: int) -> int:
        """The file line of a 0-based line of the block's content (as gereedschap.parse_yaml counts it)."""
        lead = next((i for i, text in enumerate(self.content.split("\n")) if text.strip()), 0)
        return self.first_line + line - lead

    @property
    def first_line(self) -> int:
        """The file line of the block's first non-blank line (the fence's own line when it is empty)."""
        lead = next((i for i, line in enumerate(self.content.split("\n")) if line.strip()), None)
        return self.open_line + 1 + lead if lead is not None else self.open_line


def scan_fences(text: str) -> list[Fence]:
    """Every fenced block of a Markdown file, closed or not, with the construct it sits in."""
    lines = text.split("\n")
    found, index = [], 0
    while index < len(lines):
        opening = RE_OPEN.match(lines[index])
        if not opening:
            index += 1
            continue
        fence, end, near = opening["fence"], index + 1, None
        while end < len(lines):
            closing = RE_CLOSE.match(lines[end])
            if closing and closing["fence"] == fence:
                break
            if closing and closing["fence"][0] == fence[0] and near is None:
                near = (end + 1, closing["fence"])
            end += 1
        closed = end < len(lines)
        indent = len(opening["indent"].expandtabs(4))
        body = [strip_prefix(line, opening["lead"], indent) for line in lines[index + 1:end]]
        info = opening["info"].strip().lstrip("{").lstrip(".")
        found.append(Fence(lang=(info.split() or [""])[0].rstrip("}"), fence=fence, open_line=index + 1,
                           close_line=end + 1 if closed else None, content=normalise("\n".join(body)),
                           container=container_of(lines, index, indent, quoted=">" in opening["lead"]),
                           near_close=None if closed else near))
        # an unclosed fence: go on after the line that looked like its closing (the same slip, said once)
        index = end + 1 if closed else (near[0] if near else index + 1)
    return found


def strip_prefix(line: str, lead: str, indent: int) -> str:
    """A content line without the fence's block-quote markers and indentation."""
    if lead and line.lstrip().startswith(">"):
        line = re.sub(r"^(?:[ \t]*>){%d} ?" % lead.count(">"), "", line)
    expanded = line.expandtabs(4)
    return expanded[indent:] if expanded[:indent].strip() == "" else expanded.lstrip()


def container_of(lines: list[str], index: int, indent: int, *, quoted: bool) -> str:
    """The construct a fence at lines[index] with this indentation sits in."""
    if quoted:
        return "quote"
    if indent == 0:
        return "page"
    for line in reversed(lines[:index]):
        if not line.strip():
            continue
        own = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        if own >= indent:
            continue
        text = line.strip()
        if text.startswith(("!!!", "???")):
            return "admonition"
        if text.startswith("==="):
            return "tabs"
        if RE_LIST_ITEM.match(line):
            return "list"
        if text.startswith("<"):
            return "html"
        return "indented"
    return "indented" if indent >= 4 else "page"


def normalise(source: str) -> str:
    """Block content compared line by line: tabs expanded, trailing spaces and blank edges dropped."""
    return "\n".join(line.rstrip() for line in source.expandtabs(4).split("\n")).strip("\n")


# ------------------------------------------------------------------------------ the page being built

@dataclasses.dataclass
class PageContext:
    """What a fence formatter knows about the page being rendered (set by page_context)."""

    path: str = "<block>"            # the file as an editor finds it, e.g. docs/aan-de-slag/2x10-oefening.md
    src_uri: str = "block.md"
    url: str = "block.html"
    language: str = "nl"
    site_name: str = ""
    fences: list[Fence] = dataclasses.field(default_factory=list)
    extra: dict = dataclasses.field(default_factory=dict)   # per-hook state for this page

    def locate(self, source: str, lang: str) -> Fence | None:
        """The first not yet used fence of this language whose content is source."""
        wanted = normalise(source)
        for fence in self.fences:
            if not fence.used and fence.lang == lang and fence.content == wanted:
                fence.used = True
                return fence
        return None

    def version_of(self, url: str) -> str:
        """The version label of a page by its address ('versie 3 juni 2025'), as the build's versions step wrote
        it for this language (hooks/verwijzing.py on_nav); '' when none is known (a block rendered alone)."""
        return staat("paginaversies").get(url, "")

    def need(self, *files: str) -> None:
        """Files this page needs beyond every page's (e.g. 'werkbladen.css'); hooks/pagina_bestanden.py loads them."""
        self.extra.setdefault("bestanden", set()).update(files)

    def where(self, error: BlockError, fence: Fence | None) -> str:
        """'docs/…/x.md, line 14: message' for an error inside a block."""
        if fence is None:
            return f"{self.path}: {error.message}"
        path = fence.origin.get("path", self.path)
        if error.line is None:
            return f"{path}, line {fence.open_line}: {error.message}"
        return f"{path}, line {fence.file_line(error.line)}: {error.message}"


def current() -> PageContext:
    """The context of the page being rendered (kept in the build's state; a fresh default outside a page)."""
    return staat("blokken").get("pagina") or PageContext()


def shown_path(file, config) -> str:
    """A page's Markdown file as an editor finds it, e.g. docs/aan-de-slag/2x10-oefening.md."""
    root = os.path.dirname(config.config_file_path or "") or os.getcwd()
    if file.abs_src_path:
        return os.path.relpath(file.abs_src_path, root).replace(os.sep, "/")
    return f"docs/{file.src_uri}"  # a page generated by a plugin


def page_context(page, config) -> PageContext:
    """Set (once per page and build) and return the context for the page about to be rendered."""
    state = staat("blokken")
    if state.get("pagina") is None or state["pagina"].extra.get("page") is not page:
        state["pagina"] = PageContext(path=shown_path(page.file, config), src_uri=page.file.src_uri,
                                      url=getattr(page, "url", "") or "", language=language_of(page),
                                      site_name=config.site_name, fences=scan_fences(page.file.content_string or ""),
                                      extra={"page": page})
    return state["pagina"]


# --------------------------------------------------------------------------------- fence formatters

def fence_format(render, logger: logging.Logger):
    """A superfences formatter around render(source, language, context, fence) -> HTML.

    Whatever goes wrong becomes a warning naming file and line (strict builds stop after listing them
    all) and a visible error box in the page: never a block shown as plain code.
    """
    def format_fence(source, language, css_class, options, md, **kwargs):
        context = current()
        fence = context.locate(source, language)
        try:
            return render(source, language, context, fence)
        except BlockError as error:
            messages = [context.where(problem, fence) for problem in (error, *error.more)]
        except Exception as error:  # noqa: BLE001 - superfences would swallow it and show the block as code
            messages = [context.where(BlockError(f"could not render this '{language}' block ({type(error).__name__}: "
                                                 f"{error}). Check the block against REDACTIE.md.", None), fence)]
        for message in messages:
            meld(logger, message)   # once per run, though the block shows on more pages or in both languages
        return error_box("\n".join(messages), context.language)

    return format_fence


def register_fences(config, formatters: dict, hook: str) -> None:
    """Add our fences to superfences once (static-i18n runs on_config once per language)."""
    if "pymdownx.superfences" not in config.markdown_extensions:
        raise BouwFout(f"{hook} needs the pymdownx.superfences Markdown extension in mkdocs.yml.")
    fences = config.mdx_configs.setdefault("pymdownx.superfences", {}).setdefault("custom_fences", [])
    for name, format_fence in formatters.items():
        if not any(fence.get("name") == name for fence in fences):
            fences.append({"name": name, "class": name, "format": format_fence})


def error_box(message: str, language: str) -> str:
    """The visible stand-in for a block that could not be rendered."""
    return render("blokfout.html", t=words("teksten.yml", language), message=message)


# --------------------------------------------------------------------------------- templates, links

@per_run
def templates() -> jinja2.Environment:
    """The one Jinja environment of our hooks: every value escaped, a missing one an error."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render(name: str, **context) -> str:
    """A template rendered, blank lines dropped so Markdown keeps the HTML as one raw block."""
    return re.sub(r"\n\s*\n+", "\n", templates().get_template(name).render(**context)).strip()


def macro(name: str, macro_name: str, **context) -> Markup:
    """One macro of a template, rendered."""
    return Markup(getattr(templates().get_template(name).module, macro_name)(**context))


def relative(target: str, *, start: str) -> str:
    """A site-root path (with optional #anchor) as a link from the page at start."""
    path, _, anchor = target.partition("#")
    link = posixpath.relpath(path, posixpath.dirname(start) or ".")
    return f"{link}#{anchor}" if anchor else link
