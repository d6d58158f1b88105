"""Mijn werk: one page that lists everything this browser keeps, with a link to each tool's page.

Material has nothing that knows which page holds which tool. bewaren.js keeps a record per tool under a name
without a language ("werkblad:2x10-oefening", "toets:1-persoonlijke-band", "reflectie:cirkel-verkenner",
"teamscan:scan"); this hook notes, while the pages of a language are rendered, on which page each record's
tool stands (its data attribute), and hands that table to the Mijn werk page as links relative to it, in
bewaren.js's words ("paginas"). Every page that keeps work (bewaren.js) may show the reminder that work has
waited a week for a file (bewaren-bestand.js), and so gets the link to Mijn werk ("mijn_werk_href").

- ```mijn-werk   the list (filled in by docs/assets/javascripts/mijn-werk.js), what the browser answered
                 when asked to keep the data, and the buttons that save everything to one file and restore
                 it. No options. Words in hooks/bewaren.yml (group mijn_werk), markup in templates/mijn-werk.html.
"""
from __future__ import annotations

import logging
import re

import gereedschap
from gereedschap import BlockError

log = logging.getLogger("mkdocs.plugins.mijn_werk")
FENCE = "mijn-werk"
SCRIPTS = ("bewaren.js", "bewaren-bestand.js", "mijn-werk.js")
# A tool's record as the hooks write it: data-werkblad="werkblad:nl:2x10-oefening" and the like.
RE_RECORD = re.compile(r'\sdata-(?:werkblad|toets|record|teamscan)="([a-z]+):[a-z]{2}:([\w.-]+)"')


def records_in(html: str) -> list[str]:
    """The record names (without language) of the tools on a rendered page, in order, once each."""
    return list(dict.fromkeys(f"{kind}:{name}" for kind, name in RE_RECORD.findall(html)))


def note_page(table: dict, names: list[str], url: str, title: str) -> None:
    """Remember the page (url, title) for each record, unless a page with fewer tools has it (a sheet's own
    page before the page that gathers every sheet)."""
    for name in names:
        if name not in table or len(names) < table[name][0]:
            table[name] = (len(names), url, title)


def links_from(table: dict, url: str) -> dict[str, list[str]]:
    """Every record's page as [link from the page at url, its title]."""
    return {name: [gereedschap.relative(target, start=url), title]
            for name, (_, target, title) in sorted(table.items())}


def render_block(source: str, language: str, context: gereedschap.PageContext, fence) -> str:
    """A ```mijn-werk block as HTML (no options; once per page)."""
    if source.strip():
        raise BlockError("the mijn-werk block takes no options; leave it empty. Its words are in hooks/bewaren.yml "
                         "(group mijn_werk).", 0)
    if context.extra.get("mijn_werk"):
        raise BlockError("this page already holds a mijn-werk block; a page can hold only one.")
    context.extra["mijn_werk"] = True
    context.need(*SCRIPTS)
    lang = context.language
    ui = gereedschap.words("bewaren.yml", lang) | gereedschap.words("bewaren.yml", lang, section="mijn_werk")
    return gereedschap.render("mijn-werk.html", ui=ui, lang=lang)


format_fence = gereedschap.fence_format(render_block, log)


# ------------------------------------------------------------------------------------- MkDocs glue

def on_config(config, **kwargs):
    """Register the fence (once: static-i18n runs on_config per language)."""
    gereedschap.register_fences(config, {FENCE: format_fence}, "hooks/mijn_werk.py")
    return config


def on_page_content(html: str, page, **kwargs) -> str:
    """Note the tools on this page, and where Mijn werk is (every page is rendered before any is written)."""
    state = gereedschap.staat("mijn_werk")
    note_page(state.setdefault("paginas", {}), records_in(html), page.url, str(page.title or ""))
    context = gereedschap.current()
    if context.extra.get("page") is page and context.extra.get("mijn_werk"):
        state["href"] = page.url
    return html


def on_page_context(context, page, **kwargs):
    """bewaren.js's words get the link to Mijn werk and, on Mijn werk, every record's page."""
    words = context.get("bewaren_teksten")
    if words is None:
        return context
    state = gereedschap.staat("mijn_werk")
    if state.get("href"):     # the link of the reminder of a week (bewaren-bestand.js), on every page that keeps work
        words["mijn_werk_href"] = gereedschap.relative(state["href"], start=page.url)
    if "mijn-werk.js" in getattr(page, "bestanden", ()):
        words["paginas"] = links_from(state.get("paginas", {}), page.url)
    return context
