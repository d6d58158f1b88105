"""Self-tests ("Toets jezelf"): a ```toets fence shows one chapter's questions, ```toets-overzicht lists the tests.

Material and pymdown-extensions have no quiz: nothing that checks an answer, explains it, links to where
the guideline says it, keeps progress, or prints a question sheet with the answers at the end. This hook:

- reads the questions from one data file per chapter, data/toets/<hoofdstuk>.yml (shape and checks in
  toets_syntax.py), once per build, and reports every problem of every file with file, line and fix
  (warnings under mkdocs.plugins.toets, fatal under --strict); each question's `anker` must be a heading
  of the page it names, in both languages, so a link to a section that is gone stops the build;
- renders ```toets (`hoofdstuk: gehechtheidstheorie`) through templates/toets.html (autoescape): one
  fieldset per question with its legend, radio buttons or a text field with a model answer, feedback
  with the link to the section, and an answer key that only paper (and a browser without JavaScript) shows;
- renders ```toets-overzicht (`hoofdstukken: [...]`) as the list of tests, each with (once toets.js has read
  this browser's answers) done / in progress / not started, its score and the sections to reread: those the
  questions answered wrong point to;
- asks for bewaren.js, toets.js and toets.css on those pages (hooks/pagina_bestanden.py loads them).

Progress is kept by docs/assets/javascripts/toets.js through bewaren.js, in the record
"toets:<language>:<hoofdstuk>", one field per question's `id`. A choice is kept as its id, its place in the
data file ("1", "2" …: the same in both languages, whatever order an attempt shows); an earlier version kept the
choice's text, so each choice also carries the hashes of its Dutch and English texts (`text_hash`, as toets.js
computes them) and an old answer still counts. Links assume use_directory_urls: false.
"""
from __future__ import annotations

import logging
import pathlib
import posixpath
import re

import gereedschap
from gereedschap import BlockError, Field, paginas
import toets_syntax

log = logging.getLogger("mkdocs.plugins.toets")
FENCE, OVERVIEW = "toets", "toets-overzicht"
LETTERS = "ABCDEF"
ZELF = (("goed", "✓"), ("deels", "◐"), ("fout", "✗"))   # self-assessment of an open answer, with its icon
LABELS = {"goed": "goed", "deels": "deels", "fout": "niet_goed"}   # its word in toets.yml


# --- the data, once per build ---------------------------------------------------------------------

def _state() -> dict:
    """The chapters read in this run, and the docs folder (a default outside a build, for unit tests)."""
    return gereedschap.staat("toets", run=True) or {"chapters": {}, "docs": pathlib.Path("docs")}


def on_config(config, **kwargs):
    """Register the fences; read and check every chapter file (once per run: on_config runs per language)."""
    gereedschap.register_fences(config, {FENCE: format_toets, OVERVIEW: format_overzicht}, "hooks/toets.py")
    state = gereedschap.staat("toets", run=True)
    if not state:
        root = pathlib.Path(config.config_file_path or "mkdocs.yml").resolve().parent
        state["docs"] = pathlib.Path(config.docs_dir)
        state["chapters"] = toets_syntax.load(root / "data" / "toets", state["docs"], root)
        for chapter in state["chapters"].values():
            for message in chapter.problemen:
                log.warning(message)
        for message in toets_syntax.key_length_problems(state["chapters"].values()):
            log.warning(message)
    return config


def on_page_markdown(markdown, page, config, files, **kwargs):
    """Tell the formatters about the page; a page with a test is ours as a whole and says so."""
    context = gereedschap.page_context(page, config)
    if any(f.lang in (FENCE, OVERVIEW) for f in context.fences) and not (page.meta or {}).get("aanvulling"):
        log.warning(f"{context.path}: a page with a '{FENCE}' or '{OVERVIEW}' block is an addition of this site as a "
                    "whole; put 'aanvulling: true' in its front matter.")
    return markdown


# --- one chapter's test ---------------------------------------------------------------------------

def chapter_of(source: str, context: gereedschap.PageContext) -> toets_syntax.Hoofdstuk:
    """The chapter a ```toets block names, checked."""
    value, lines = gereedschap.parse_yaml(source)
    if not isinstance(value, dict):
        raise BlockError(f"a {FENCE} block names its chapter as 'hoofdstuk: gehechtheidstheorie', not "
                         f"{gereedschap.describe(value)}.", 0 if value is not None else None)
    table = {"hoofdstuk": Field("text", required=True, help="the name of a file in data/toets/")}
    name = gereedschap.check_fields(value, table, owner=f"the {FENCE} block", of="", lines=lines, path=(),
                                    noun="option")["hoofdstuk"]
    return checked_chapter(name, gereedschap.line_of(lines, ("hoofdstuk",)))


def checked_chapter(name: str, line: int | None) -> toets_syntax.Hoofdstuk:
    """A chapter by name, whose file read without problems."""
    chapters = _state()["chapters"]
    if name not in chapters:
        hint = gereedschap.did_you_mean(name, list(chapters))
        raise BlockError(f"unknown chapter '{name}'{'; ' + hint if hint else '.'} Valid chapters (the files in "
                         f"data/toets/): {', '.join(chapters) or 'none yet'}.", line)
    chapter = chapters[name]
    if chapter.problemen:
        raise BlockError(f"{chapter.bestand} has {len(chapter.problemen)} problem(s), listed in the build log "
                         "before this one; fix them and build again.", line)
    return chapter


def ui_words(language: str) -> dict[str, str]:
    """The test's own words in the page's language, with bewaren.js's button words."""
    ui = gereedschap.words("toets.yml", language)
    saving = gereedschap.words("bewaren.yml", language)
    ui.update(bewaar=saving["knop_bewaar"], terug=saving["knop_terug"], niets=saving["wissen_niets"],
              gewist=saving["gewist"], lang=language if language in gereedschap.LANGUAGES else "nl")
    return ui


def link_of(question: dict, language: str, context: gereedschap.PageContext, own_page: str) -> dict:
    """Where a question's answer is explained: href from this page, the heading's text and (elsewhere) the page."""
    docs = _state()["docs"]
    source = paginas.source_of(docs, question["pagina"], language)
    html = re.sub(r"\.md$", ".html", question["pagina"])
    return {"href": gereedschap.relative(f"{html}#{question['doel']}", start=context.src_uri),
            "tekst": paginas.headings(source)[question["doel"]],
            "pagina": "" if question["pagina"] == own_page else paginas.page_title(docs, question["pagina"], language)}


def text_hash(text: str) -> str:
    """A choice's text as a short hex number: FNV-1a over its UTF-16 code units, as toets.js `textHash` computes it
    (an answer of an earlier version, kept as the choice's text, is recognised by it without the texts in the page)."""
    value = 2166136261
    data = text.encode("utf-16-le")
    for i in range(0, len(data), 2):
        value = ((value ^ int.from_bytes(data[i:i + 2], "little")) * 16777619) & 0xFFFFFFFF
    return format(value, "x")


def choice_id(place: int) -> str:
    """The id a choice is kept under: its place in the data file, counted from 1."""
    return str(place + 1)


def old_texts(choice: dict) -> str:
    """The hashes of a choice's texts in every language, as an earlier version kept the answer ('a1b2 c3d4')."""
    return " ".join(dict.fromkeys(text_hash(choice[lang]) for lang in gereedschap.LANGUAGES))


def questions_in(chapter: toets_syntax.Hoofdstuk, language: str, context) -> list[dict]:
    """The chapter's questions in one language, ready for the template."""
    prefix = f"vragen-{chapter.naam}"   # not toets-…: the page title's own id
    shown = []
    for question in chapter.vragen:
        choices = [{"letter": LETTERS[i], "tekst": choice[language], "goed": choice["goed"], "id": choice_id(i),
                    "oud": old_texts(choice)}
                   for i, choice in enumerate(question["keuzes"] or [])]
        shown.append({
            "id": question["id"], "html_id": f"{prefix}-{question['id']}", "soort": question["soort"],
            "vraag": question["vraag"][language], "keuzes": choices,
            "juist": next((c for c in choices if c["goed"]), None),
            "model": (question["modelantwoord"] or {}).get(language),
            "uitleg": (question["uitleg"] or {}).get(language),
            "link": link_of(question, language, context, chapter.pagina),
        })
    return shown


def render_toets(source: str, language: str, context: gereedschap.PageContext, fence) -> str:
    """One ```toets block as HTML (the fence formatter's work; problems raise BlockError)."""
    chapter = chapter_of(source, context)
    lang = context.language
    ui = ui_words(lang)
    context.need("bewaren.js", "toets.js", "toets.css")
    zelf = [{"waarde": value, "icoon": icon, "label": ui[LABELS[value]]} for value, icon in ZELF]
    return gereedschap.render(
        "toets.html", ui=ui, prefix=f"vragen-{chapter.naam}", record=f"toets:{lang}:{chapter.naam}",
        titel=chapter.titel[lang], questions=questions_in(chapter, lang, context), zelf=zelf,
        bestandsnaam=ui["bestandsnaam"].replace("{hoofdstuk}", chapter.naam), js=script_words(ui))


def script_words(ui: dict) -> dict:
    """The words toets.js shows (it holds no interface text of its own)."""
    keys = ("kies_eerst", "goed", "niet_goed", "deels", "juiste_antwoord", "oordeel_gezet", "oordeel_sleutel",
            "opnieuw_vraag", "score_leeg", "score", "score_deels", "niets", "gewist", "oefen", "oefen_alles",
            "oefen_bezig", "oefen_niets", "stand_klaar", "stand_bezig")
    return {**{key: ui[key] for key in keys}, "zelf": {value: ui[LABELS[value]] for value, _ in ZELF},
            "icoon": dict(ZELF)}


format_toets = gereedschap.fence_format(render_toets, log)


# --- the list of tests ----------------------------------------------------------------------------

def render_overzicht(source: str, language: str, context: gereedschap.PageContext, fence) -> str:
    """A ```toets-overzicht block: every test in the order given, with its number of questions and score."""
    value, lines = gereedschap.parse_yaml(source)
    if not isinstance(value, dict):
        raise BlockError(f"a {OVERVIEW} block lists the tests as 'hoofdstukken: [gehechtheidstheorie, …]', not "
                         f"{gereedschap.describe(value)}.", 0 if value is not None else None)
    chapters = _state()["chapters"]
    table = {"hoofdstukken": Field("items", required=True, help="the tests in the order shown")}
    names = gereedschap.check_fields(value, table, owner=f"the {OVERVIEW} block", of="", lines=lines, path=(),
                                     noun="option")["hoofdstukken"]
    line = gereedschap.line_of(lines, ("hoofdstukken",))
    missing = [name for name in chapters if name not in names]
    if missing:
        raise BlockError(f"the list leaves out {', '.join(f'data/toets/{n}.yml' for n in missing)}; add "
                         f"{'them' if len(missing) > 1 else 'it'} to 'hoofdstukken', or remove the file.", line)
    folder = posixpath.dirname(context.src_uri)
    lang = context.language
    ui = ui_words(lang)
    tests = []
    for name in names:
        page = posixpath.join(folder, f"{name}.md")
        chapter = checked_chapter(name, gereedschap.line_of(lines, ("hoofdstukken", names.index(name))))
        if not (_state()["docs"] / page).is_file():
            raise BlockError(f"the test page docs/{page} does not exist; create it with a '{FENCE}' block holding "
                             f"'hoofdstuk: {name}' (the test pages sit beside this list).", line)
        spec = [spec_of(q) for q in chapter.vragen]
        tests.append({"naam": name, "titel": chapter.titel[lang], "href": gereedschap.relative(
            posixpath.join(folder, f"{name}.html"), start=context.src_uri), "aantal": len(chapter.vragen),
            "record": f"toets:{lang}:{name}", "spec": spec, "nalezen": reread(chapter, lang, context)})
    context.need("bewaren.js", "toets.js", "toets.css")
    return gereedschap.render("toets-overzicht.html", ui=ui, tests=tests, js=script_words(ui))


def spec_of(question: dict) -> list:
    """A question as the overview scores it: [id, the correct choice's id, {hash of its text in a language: that id}]
    (an answer kept as that text by an earlier version is correct too); [id, None] for an open question."""
    if question["soort"] != "keuze":
        return [question["id"], None]
    place, right = next((i, c) for i, c in enumerate(question["keuzes"]) if c["goed"])
    return [question["id"], choice_id(place), {h: choice_id(place) for h in old_texts(right).split()}]


def reread(chapter: toets_syntax.Hoofdstuk, language: str, context: gereedschap.PageContext) -> list[dict]:
    """The sections a chapter's questions point to, each once, with the ids of the questions that point there
    (toets.js shows the ones whose questions were answered wrong: "what to reread")."""
    sections: dict[str, dict] = {}
    for question in chapter.vragen:
        link = link_of(question, language, context, own_page="")
        section = sections.setdefault(link["href"], {**link, "vragen": []})
        section["vragen"].append(question["id"])
    return list(sections.values())


format_overzicht = gereedschap.fence_format(render_overzicht, log)
