"""Worksheets: a ```werkblad fence of YAML becomes a fillable form that prints on one A4 page.

Material and pymdown-extensions offer task lists and admonitions, but no write-in fields, tables of
empty rows, day trackers, tallies or scale questions, nothing that keeps what a teacher fills in, no
one-page print layout and no check of an editor's input. This hook adds them:

- the `werkblad` superfence, registered from on_config (a hook cannot be named in mkdocs.yml);
- parse (gereedschap.parse_yaml) -> validate (werkblad_syntax) -> fit on A4 (werkblad_a4) -> identify
  -> render (templates/werkblad*.html, autoescaped); any problem is reported with file, line and fix;
- a stable identity for every answer (REDACTIE.md, "Waar antwoorden blijven"): a sheet is known by its
  `sleutel` (default: its page's file name), a field by its question's text, never by its position or the
  site's path, so inserting, removing or reordering parts never moves an answer to another question;
- the page holding `<!-- alle-werkbladen -->` gets every worksheet of its nav section, one per printed
  page, sharing the answers of each sheet's own page.

Saving, files and printing every written word live in docs/assets/javascripts/werkbladen.js and
bewaren.js; the screen and print layout in docs/assets/stylesheets/werkbladen.css.
Links on a sheet assume `use_directory_urls: false`, as in mkdocs.yml.
"""
from __future__ import annotations

import hashlib
import logging
import posixpath
import re


import gereedschap
from gereedschap import BlockError
from werkblad_a4 import WAAROM_REGELS, fit
from werkblad_syntax import validate

log = logging.getLogger("mkdocs.plugins.werkbladen")
FENCE = "werkblad"
MARKER = "<!-- alle-werkbladen -->"


def check(source: str) -> tuple[dict, float]:
    """parse -> validate -> fit: the checked sheet and its write-in line height, or a BlockError."""
    sheet = validate(*gereedschap.parse_yaml(source))
    return sheet, fit(sheet)


# --- identity -----------------------------------------------------------------------------------

def text_key(text: str) -> str:
    """A question's text as part of a key: its letters and digits; a long one shortened with a hash."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("×", "x")).strip("-") or "x"
    return slug if len(slug) <= 48 else f"{slug[:40]}-{hashlib.sha1(slug.encode()).hexdigest()[:6]}"


def identify(sheet: dict) -> dict:
    """Give every field of the sheet its key (stored with its answer); two fields with one key stop the build."""
    seen: dict[str, tuple[str, int | None]] = {}

    def key(value: str, what: str, part: dict) -> str:
        if value in seen:
            first, line = seen[value]
            raise BlockError(f"two fields of this worksheet would keep their answers under the same name "
                             f"('{value}'): {first} and {what}. Give each question, column or part its own text "
                             "(e.g. a different 'titel' for a second table), so that answers cannot mix.",
                             part.get("regel"))
        seen[value] = (what, part.get("regel"))
        return value

    for part in sheet["onderdelen"]:
        kind = part["soort"]
        if kind in ("vragen", "checklist"):
            prefix = "vraag" if kind == "vragen" else "vink"
            part["sleutels"] = [key(f"{prefix}:{text_key(item)}", f"'{item}'", part) for item in part["items"]]
        elif kind in ("veld", "schaal"):
            text = part["label"] if kind == "veld" else part["vraag"]
            part["sleutel"] = key(f"{kind}:{text_key(text)}", f"'{text}'", part)
            if kind == "schaal":   # the why of the number: a key of its own, derived from the scale's
                part["waarom_sleutel"] = key(f"{part['sleutel']}:waarom", "its why field", part)
                part["waarom_regels"] = WAAROM_REGELS
        elif kind in ("tabel", "dagen", "turven"):
            name = part.get("titel") or ("-".join(part["kolommen"]) if kind == "tabel" else kind)
            part["sleutel"] = key(f"{kind}:{text_key(name)}", f"the {kind} '{name}'", part)
            columns = part.get("kolommen") or []
            if kind == "dagen":  # the tracker's own date and done columns
                key(f"{part['sleutel']}:datum", "its date column", part)
                key(f"{part['sleutel']}:gedaan", "its done column", part)
            part["kolom_sleutels"] = [key(f"{part['sleutel']}:{text_key(c)}", f"column '{c}'", part) for c in columns]
    return sheet


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
    identify(sheet)
    key = sheet_key(sheet, fence, context)
    origin = fence.origin if fence and fence.origin else {"path": context.path, "url": context.url}
    if not context.extra.get("samen"):
        claim(key, context.language, origin["path"])
    context.need("werkbladen.css", "werkbladen.js", "bewaren.js")
    url = origin["url"]
    return gereedschap.render(
        "werkblad.html", sheet=sheet, id=f"werkblad-{key}", sleutel=key, record=f"werkblad:{context.language}:{key}",
        ui=ui_words(context.language), link=gereedschap.relative(sheet["aanbeveling"].html, start=context.src_uri),
        address=url, address_href=gereedschap.relative(url, start=context.url), site_name=context.site_name,
        spacing=f"{spacing:g}", together=bool(context.extra.get("samen")))


format_werkblad = gereedschap.fence_format(render_sheet, log)


# --- MkDocs events ------------------------------------------------------------------------------

def on_config(config, **kwargs):
    """Register the werkblad fence (once: static-i18n runs on_config per language); start a new build."""
    if config.use_directory_urls:
        raise gereedschap.BouwFout("hooks/werkbladen.py writes links for use_directory_urls: false; set it in mkdocs.yml.")
    gereedschap.register_fences(config, {FENCE: format_werkblad}, "hooks/werkbladen.py")
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
                            "url": item.url}
            context.fences.append(fence)
            parts.append(f"{fence.fence}{FENCE}\n{fence.content}\n{fence.fence}")
    context.extra["samen"] = True
    context.need("werkbladen.css", "werkbladen.js", "bewaren.js")
    toolbar = gereedschap.render("werkblad-knoppen.html", ui=ui_words(context.language), scope="pagina",
                                 sleutel="alle")
    return markdown.replace(MARKER, "\n\n".join([toolbar, *parts]))
