"""Worksheets: a ```werkblad fence of YAML becomes a fillable form that prints on one A4 page.

Material and pymdown-extensions offer task lists and admonitions, but no write-in fields, tables of
empty rows, day trackers, tallies or scale questions, nothing that keeps what a teacher fills in, no
one-page print layout and no check of an editor's input. This hook adds them:

- the `werkblad` superfence, registered from on_config (a hook cannot be named in mkdocs.yml);
- parse (gereedschap.parse_yaml) -> validate (werkblad_syntax) -> fit on A4 (werkblad_a4) -> identify
  -> render (templates/werkblad*.html, autoescaped); any problem is reported with file, line and fix;
- a stable identity for every answer (REDACTIE.md, "Waar antwoorden blijven"): a sheet is known by its
  `sleutel` (default: its page's file name), a field of the Dutch sheet by its question's text, never by its
  position or the site's path, so inserting, removing or reordering parts never moves an answer to another
  question; a field of the English sheet by the key of the Dutch field in the same place (werkblad_sleutels),
  so the same answer shows in both languages, and a difference between the two sheets stops the build;
- the page holding `<!-- alle-werkbladen -->` gets every worksheet of its nav section, one per printed
  page, sharing the answers of each sheet's own page.

Saving, files and printing every written word live in docs/assets/javascripts/werkbladen.js and
bewaren.js; the screen and print layout in docs/assets/stylesheets/werkbladen.css.
Links on a sheet assume `use_directory_urls: false`, as in mkdocs.yml.
"""
from __future__ import annotations

import logging
import pathlib
import posixpath
import re

import gereedschap
from gereedschap import BlockError
from werkblad_a4 import WAAROM_REGELS, fit
from werkblad_sleutels import differences, follow, identify, text_key  # noqa: F401 - text_key: hooks/teamscan.py
from werkblad_syntax import validate

log = logging.getLogger("mkdocs.plugins.werkbladen")
FENCE = "werkblad"
MARKER = "<!-- alle-werkbladen -->"


def check(source: str) -> tuple[dict, float]:
    """parse -> validate -> fit: the checked sheet and its write-in line height, or a BlockError."""
    sheet = validate(*gereedschap.parse_yaml(source))
    return sheet, fit(sheet)


# --- identity -----------------------------------------------------------------------------------

def keys(sheet: dict, key: str, src_uri: str) -> dict[str, str]:
    """Give every field of the sheet its key (werkblad_sleutels): a Dutch sheet from its texts, an English sheet
    (x.en.md) from its Dutch twin. Returns the English sheet's old keys ({old: now}), which both pages carry."""
    docs = gereedschap.staat("werkbladen").get("docs_dir")
    if src_uri.endswith(".en.md"):
        dutch, fence = twin(docs, src_uri[: -len(".en.md")] + ".md", key)
        problems = differences(sheet, dutch, lambda part: fence.file_line(part["regel"]))
        if problems:
            raise BlockError(problems[0].message, problems[0].line, more=problems[1:])
        return follow(sheet, dutch)
    identify(sheet)
    english = src_uri[: -len(".md")] + ".en.md"
    try:
        found, _ = twin(docs, english, key, language="en")
    except BlockError:
        return {}   # the English page names what is wrong with its sheet
    return {} if differences(found, sheet, lambda part: 0) else follow(found, sheet)


def twin(docs: str | None, src_uri: str, key: str, *, language: str = "nl") -> tuple[dict, gereedschap.Fence]:
    """The sheet with this key on the page src_uri in the other language, checked (and, Dutch, identified)."""
    path = pathlib.Path(docs or "docs", src_uri)
    shown = f"docs/{src_uri}"
    if not path.is_file():
        raise BlockError(f"there is no Dutch page {shown} beside this English one; an English worksheet takes the "
                         "keys of its Dutch twin (REDACTIE.md, 'Waar antwoorden blijven'). Write the Dutch page first.")
    broken = False
    for fence in gereedschap.scan_fences(gereedschap.lees_bron(path)):
        if fence.lang != FENCE or fence.close_line is None:
            continue
        try:
            sheet, _ = check(fence.content)
            if (sheet["sleutel"] or page_stem(src_uri)) == key:
                return (identify(sheet) if language == "nl" else sheet), fence
        except BlockError:
            broken = True
    if broken:
        raise BlockError(f"the worksheet on {shown} has a problem of its own (named with its line); fix it first: "
                         "this English sheet takes its keys from it.")
    raise BlockError(f"{shown} has no worksheet kept under '{key}'; an English worksheet takes the keys of its Dutch "
                     "twin. Write the sheet there first, or give both the same 'sleutel:'.")


def sheet_key(sheet: dict, fence: gereedschap.Fence | None, context: gereedschap.PageContext) -> str:
    """The name a sheet's answers are kept under: its `sleutel`, else its own page's file name."""
    if sheet["sleutel"]:
        return sheet["sleutel"]
    stem = (fence.origin.get("stem") if fence and fence.origin else None) or page_stem(context.src_uri)
    if context.extra.get("werkbladen", 0) > 1:
        raise BlockError(f"this page holds {context.extra['werkbladen']} werkblad blocks; give each its own "
                         f"'sleutel:' (e.g. 'sleutel: {stem}-2'), so their answers are kept apart.")
    return stem


def page_stem(src_uri: str) -> str:
    """'aan-de-slag/2x10-oefening.en.md' -> '2x10-oefening'."""
    return re.sub(r"(\.[a-z]{2})?\.md$", "", posixpath.basename(src_uri))


def claim(key: str, language: str, path: str) -> None:
    """Each sheet key belongs to one file per language; a second file with the same key is an error."""
    owner = gereedschap.staat("werkbladen").setdefault((language, key), path)   # the file that holds a sheet
    if owner != path:
        raise BlockError(f"the worksheet key '{key}' is used by {owner} too; answers of the two sheets would mix. "
                         "Give one of them its own 'sleutel:'.")


# --- render -------------------------------------------------------------------------------------

def ui_words(language: str) -> dict[str, str]:
    """The worksheet's own words in the page's language, with the site's marker label."""
    ui = gereedschap.words("werkbladen.yml", language)
    ui.update(bewaar=gereedschap.words("bewaren.yml", language)["knop_bewaar"],
              terug=gereedschap.words("bewaren.yml", language)["knop_terug"])
    ui.update(lang=language if language in gereedschap.LANGUAGES else "nl",
              aanvulling=gereedschap.words("teksten.yml", language)["aanvulling"])
    return ui


def render_sheet(source: str, language: str, context: gereedschap.PageContext, fence) -> str:
    """One ```werkblad block as HTML (the fence formatter's work; problems raise BlockError)."""
    sheet, spacing = check(source)
    key = sheet_key(sheet, fence, context)
    origin = fence.origin if fence and fence.origin else {"path": context.path, "url": context.url}
    moved = keys(sheet, key, origin.get("src_uri", context.src_uri))
    for part in sheet["onderdelen"]:
        if part["soort"] == "schaal":
            part["waarom_regels"] = WAAROM_REGELS
    if not context.extra.get("samen"):
        claim(key, context.language, origin["path"])
    context.need("werkbladen.css", "werkbladen.js", "bewaren.js")
    url = origin["url"]
    return gereedschap.render(
        "werkblad.html", sheet=sheet, id=f"werkblad-{key}", sleutel=key, record=f"werkblad:{context.language}:{key}",
        ui=ui_words(context.language), link=gereedschap.relative(sheet["aanbeveling"].html, start=context.src_uri),
        address=url, address_href=gereedschap.relative(url, start=context.url), site_name=context.site_name,
        version=context.version_of(url),
        spacing=f"{spacing:g}", together=bool(context.extra.get("samen")),
        oud=" ".join(f"{old}>{new}" for old, new in moved.items()))


format_werkblad = gereedschap.fence_format(render_sheet, log)


# --- MkDocs events ------------------------------------------------------------------------------

def on_config(config, **kwargs):
    """Register the werkblad fence (once: static-i18n runs on_config per language); start a new build."""
    if config.use_directory_urls:
        raise gereedschap.BouwFout("hooks/werkbladen.py writes links for use_directory_urls: false; set it in mkdocs.yml.")
    gereedschap.register_fences(config, {FENCE: format_werkblad}, "hooks/werkbladen.py")
    gereedschap.staat("werkbladen")["docs_dir"] = str(config.docs_dir)   # where a sheet's twin is read
    return config


def on_page_markdown(markdown, page, config, files, **kwargs):
    """Tell the formatter about the page; on the print-all page, pull in every worksheet."""
    context = gereedschap.page_context(page, config)
    context.extra["werkbladen"] = sum(f.lang == FENCE for f in context.fences)
    if MARKER in markdown:
        markdown = include_all(markdown, page, context, config)
    return markdown


def include_all(markdown: str, page, context: gereedschap.PageContext, config) -> str:
    """Replace the marker with a page-wide toolbar and the worksheet of every page in the same nav section."""
    parts = []
    for item in page.parent.children if page.parent else []:
        if not getattr(item, "is_page", False) or item.file.src_uri == page.file.src_uri:
            continue
        for fence in gereedschap.scan_fences(item.file.content_string):
            if fence.lang != FENCE or fence.close_line is None:
                continue
            fence.origin = {"path": gereedschap.shown_path(item.file, config), "stem": page_stem(item.file.src_uri),
                            "url": item.url, "src_uri": item.file.src_uri}
            context.fences.append(fence)
            parts.append(f"{fence.fence}{FENCE}\n{fence.content}\n{fence.fence}")
    context.extra["samen"] = True
    context.need("werkbladen.css", "werkbladen.js", "bewaren.js")
    toolbar = gereedschap.render("werkblad-knoppen.html", ui=ui_words(context.language), scope="pagina",
                                 sleutel="alle")
    return markdown.replace(MARKER, "\n\n".join([toolbar, *parts]))
