"""The team scan and the team view: where does a school team stand on the 25 sub-recommendations?

Material and pymdown-extensions offer no questionnaire and nothing that adds up answers from several
people. NICE gives teams an Excel sheet for this; here it works in the browser, offline, with no server
and no account. Two fenced blocks, each without options (ENGINEERS.md; REDACTIE.md for editors):

- ```teamscan       every sub-recommendation of data/aanbevelingen.yml, linked to its anchor, with
                    "how often do you do this now?" (never / sometimes / often / always) and "I want to
                    work on this"; a name field. Kept by bewaren.js as the record `teamscan:<language>:scan`,
                    saved to a file like every worksheet.
- ```teamoverzicht  the team view: add the colleagues' files, one choice at a time; they fall into rounds
                    by the date each file was made. Per sub-recommendation how many chose each level and want
                    to work on it in the latest round (a table, a bar per row, what stands out), the two
                    latest rounds compared, a CSV of every round, and the three most chosen to work on, with
                    their page, worksheets and "Bespreek in je team" questions. "Maak ons plan" writes those
                    three into the record of the worksheet docs/aan-de-slag/ons-plan.md (PLAN) and opens it.
                    Nothing is uploaded or kept.

Which worksheet belongs to a sub-recommendation is read at build time from the `aanbeveling:` of the
werkblad blocks in docs/aan-de-slag/. Markup in templates/teamscan.html and templates/teamoverzicht.html,
words in teamscan.yml, behaviour in docs/assets/javascripts/teamscan.js, layout in teamscan.css.
"""
from __future__ import annotations

import dataclasses
import functools
import logging
import pathlib

import gereedschap
from gereedschap import BlockError
from werkblad_syntax import AANBEVELINGEN
from werkbladen import text_key

log = logging.getLogger("mkdocs.plugins.teamscan")
FENCES = ("teamscan", "teamoverzicht")
LEVELS = ("nooit", "soms", "vaak", "altijd")   # the stored values: the same in every language
WORDS = "teamscan.yml"
PLAN = "ons-plan"     # the worksheet the team view fills in (docs/aan-de-slag/ons-plan.md); not a sheet of one row


@dataclasses.dataclass(frozen=True)
class Sub:
    """A sub-recommendation as the scan and the view show it, with its links from the page being built."""

    nummer: str                 # "1.3"
    sleutel: str                # "1-3": the part of its answers' keys (vaak:1-3, werken:1-3)
    titel: str
    href: str                   # its anchor on the recommendation page
    bespreek: str               # the recommendation page's #bespreek section
    werkbladen: tuple           # ((title, href), …): the worksheets that belong to it
    index: tuple | None         # (label, href) of the exercise index section, when no worksheet is its own
    vraag_hoe_vaak: str
    vraag_werken: str


@dataclasses.dataclass(frozen=True)
class Group:
    """A recommendation with its sub-recommendations."""

    nummer: str
    titel: str
    href: str
    subs: tuple


# ---------------------------------------------------------------------------------- build-time data

@gereedschap.per_run
def worksheets(docs_dir: str, language: str) -> dict[str, tuple]:
    """{recommendation number ("1.3" or "2"): ((title, 'aan-de-slag/x.html'), …)} from the werkblad blocks.

    The English title comes from the page's .en.md twin when there is one. A block that cannot be read is
    skipped here: hooks/werkbladen.py reports it with its file and line.
    """
    found: dict[str, list] = {}
    folder = pathlib.Path(docs_dir) / "aan-de-slag"
    for path in sorted(folder.glob("*.md")):
        if path.name.endswith(".en.md") or path.stem == PLAN:
            continue
        twin = path.with_name(f"{path.stem}.en.md")
        source = twin if language == "en" and twin.exists() else path
        for fence in gereedschap.scan_fences(gereedschap.lees_bron(source)):
            if fence.lang != "werkblad" or fence.close_line is None:
                continue
            try:
                value, _ = gereedschap.parse_yaml(fence.content)
            except BlockError:
                continue
            if isinstance(value, dict) and value.get("aanbeveling") is not None and value.get("titel"):
                found.setdefault(str(value["aanbeveling"]), []).append(
                    (str(value["titel"]), f"aan-de-slag/{path.stem}.html"))
    return {number: tuple(sheets) for number, sheets in found.items()}


def index_anchor(page: str) -> str:
    """The exercise index's section for a recommendation page: 'aanbevelingen/1-persoonlijke-band.md' ->
    'bij-aanbeveling-1-persoonlijke-band' (the id of its heading in docs/aan-de-slag/index.md)."""
    return f"bij-aanbeveling-{pathlib.PurePosixPath(page).stem}"


def page_words(language: str) -> dict[str, str]:
    """The words the hook writes into the page, with the file buttons' words of bewaren.yml."""
    ui = gereedschap.words(WORDS, language, "pagina")
    saving = gereedschap.words("bewaren.yml", language)
    ui.update(bewaar=saving["knop_bewaar"], terug=saving["knop_terug"],
              lang=language if language in gereedschap.LANGUAGES else "nl")
    return ui


def groups(language: str, start: str, docs_dir: str) -> list[Group]:
    """The six recommendations and their sub-recommendations, in order, with links from the page at start."""
    ui = page_words(language)
    sheets = worksheets(docs_dir, language) if docs_dir else {}

    def link(target: str) -> str:
        return gereedschap.relative(target, start=start)

    found = []
    for number, item in AANBEVELINGEN.items():
        if "." in number:
            continue
        page = item.html
        subs = []
        for sub_number, sub in AANBEVELINGEN.items():
            if sub_number.split(".")[0] != number or "." not in sub_number:
                continue
            title = sub.titel_in(language)
            own = sheets.get(sub_number, ())
            mine = own or sheets.get(number, ())
            index = None if own else (ui["top_werkbladen"].format(nummer=number),
                                      link(f"aan-de-slag/index.html#{index_anchor(item.pagina)}"))
            subs.append(Sub(nummer=sub_number, sleutel=sub_number.replace(".", "-"), titel=title,
                            href=link(sub.html), bespreek=link(f"{page}#bespreek"),
                            werkbladen=tuple((t, link(h)) for t, h in mine), index=index,
                            vraag_hoe_vaak=ui["vraag_hoe_vaak"].format(nummer=sub_number, titel=title),
                            vraag_werken=ui["vraag_werken"].format(nummer=sub_number, titel=title)))
        found.append(Group(nummer=number, titel=item.titel_in(language), href=link(page), subs=tuple(subs)))
    return found


def plan(language: str, start: str) -> dict:
    """What "Maak ons plan" writes into: the plan's record, its page from start, and the keys and questions of
    its sub-recommendation fields (a 'veld' is keyed by its Dutch label in both languages, hooks/werkblad_sleutels.py;
    teamscan.yml `plan_deel`)."""
    ui = page_words(language)
    labels = [ui["plan_deel"].format(n=n) for n in (1, 2, 3)]
    dutch = [page_words("nl")["plan_deel"].format(n=n) for n in (1, 2, 3)]
    return {"record": f"werkblad:{ui['lang']}:{PLAN}",
            "href": gereedschap.relative(f"aan-de-slag/{PLAN}.html", start=start),
            "sleutels": [f"veld:{text_key(label)}" for label in dutch], "vragen": labels}


# ------------------------------------------------------------------------------------------ render

def check_block(source: str, kind: str, context: gereedschap.PageContext) -> None:
    """Both blocks take no options, and each may appear once on a page (one record, one set of ids)."""
    if source.strip():
        raise BlockError(f"the {kind} block takes no options; leave it empty. Its questions are the "
                         "sub-recommendations of data/aanbevelingen.yml, its words are in hooks/teamscan.yml.", 0)
    seen = context.extra.setdefault("teamscan", set())
    if kind in seen:
        raise BlockError(f"this page already holds a {kind} block; a page can hold only one.")
    seen.add(kind)


def render_block(source: str, language: str, context: gereedschap.PageContext, fence) -> str:
    """A ```teamscan or ```teamoverzicht block as HTML (the fence formatter's work; problems raise BlockError)."""
    check_block(source, language, context)
    lang = context.language
    ui = page_words(lang)
    context.need("bewaren.js", "teamscan.js", "teamscan.css")
    found = groups(lang, context.src_uri, gereedschap.staat("teamscan").get("docs_dir", ""))
    script = gereedschap.words(WORDS, lang, "script")   # the scan's words; the view's only on the view
    levels = [{"waarde": level, "tekst": ui[f"niveau_{level}"]} for level in LEVELS]
    if language == "teamscan":
        return gereedschap.render("teamscan.html", ui=ui, groepen=found, niveaus=levels, woorden=script,
                                  record=f"teamscan:{lang}:scan")
    script.update(gereedschap.words(WORDS, lang, "overzicht"))
    return gereedschap.render("teamoverzicht.html", ui=ui, groepen=found, niveaus=levels, woorden=script,
                              plan=plan(lang, context.src_uri))


format_fence = gereedschap.fence_format(render_block, log)


# ------------------------------------------------------------------------------------- MkDocs glue

def on_config(config, **kwargs):
    """Register both fences (once: static-i18n runs on_config per language) and note the docs folder."""
    gereedschap.register_fences(config, {name: format_fence for name in FENCES}, "hooks/teamscan.py")
    gereedschap.staat("teamscan")["docs_dir"] = str(config.docs_dir)
    return config


def on_page_markdown(markdown, page, config, files, **kwargs):
    """Tell the formatter about the page."""
    gereedschap.page_context(page, config)
    return markdown
