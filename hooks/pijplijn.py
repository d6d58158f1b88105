"""The build, on one screen: every step of our hooks, per MkDocs event, in the order in which it runs.

This file is mkdocs.yml's hook, with hooks/pijplijn_na.py (two lines that hand MkDocs the one step that must run
after static-i18n, STEPS["site"]). The modules it imports are plain Python: each step is a
function of what the event hands over (the Markdown, the HTML, the page, the config …) and returns the new
value, so it can be tested without MkDocs (tests/unit). Read STEPS from top to bottom to see the flow.

Why one pipeline and not one hook per file: the order of our steps matters (a worksheet's version is known
before the citation block is written, the whole guide is filled before its ids are checked, the policy's
hashes are taken last), and MkDocs orders hooks only by their place in a list. Here the order is the list
below; the order against other plugins is declared with `event_priority` on the handlers at the bottom:

- `on_config` runs after static-i18n's (-100), so that the language being built is known (`bouw.taal()`);
- `on_post_page` runs after the other plugins' (-50), so that the policy hashes the final inline scripts;
- the rest runs at the default priority, before static-i18n's `on_post_build` (-100) builds the English
  edition inside the Dutch one.

State: the pipeline starts a run (`bouw.start_run`) at the first `on_config` of `mkdocs build` or of each
rebuild of `mkdocs serve`, and each language's build (`bouw.start_language`); a step keeps what it must
remember in `gereedschap.staat(name)`, never in a module global. A step that must stop the build raises
`gereedschap.BouwFout` with a sentence for the editor; the pipeline turns it into MkDocs' PluginError.
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import aanvulling
import begrippen_tooltips
import cirkel
import controle
import csp
import hele_leidraad
import hosting
import links
import meldingen
import mijn_werk
import pagina_bestanden
import taal
import teamscan
import toets
import verklaringen
import vertaald
import verwijzing
import werkbladen
import zoeken
from gereedschap import bouw, build_language

# Per event, the steps in the order they run. A step returns the new value of the event's first argument
# (or None: unchanged), as a MkDocs hook does.
STEPS = {
    "startup": [
        meldingen.on_startup,       # a quiet build: no INFO lines an editor cannot act on
    ],
    "config": [            # once per language: register our fences and Markdown extensions, check data files
        meldingen.on_config,        # quiet in every build; collect its warnings (banners while serving)
        controle.on_config,         # a page that is not UTF-8 named with its line, before any step reads it
        aanvulling.on_config,       # the `aanvulling` tree processor (the marker of what the site adds)
        begrippen_tooltips.on_config,  # the tree processor that gives glossary links their definition
        werkbladen.on_config,       # ```werkblad
        cirkel.on_config,           # ```cirkel, ```cirkel-verkenner, ```cirkel-zelfreflectie
        toets.on_config,            # ```toets, ```toets-overzicht; reads data/toets/
        teamscan.on_config,         # ```teamscan, ```teamoverzicht
        mijn_werk.on_config,        # ```mijn-werk
        verklaringen.on_config,     # checks data/versies.yml
        zoeken.on_config,           # checks data/zoekwoorden.yml
    ],
    "pre_build": [
        begrippen_tooltips.on_pre_build,  # reads the glossary and abbreviations of this language
        taal.on_pre_build,                # the permalink's title in this language
    ],
    "files": [
        controle.on_files,          # an editor's slips in every Markdown file: twins, fences, unsafe HTML, nav
        hosting.on_files,           # the service worker's sources are not served from assets/
    ],
    "nav": [
        hele_leidraad.on_nav,       # the chapters' order
        controle.on_nav,            # a page that is not UTF-8: MkDocs gets its text from us (no traceback)
        verwijzing.on_nav,          # every page's version, for the worksheets' footers (rendered, not patched)
    ],
    "page_markdown": [
        aanvulling.on_page_markdown,
        werkbladen.on_page_markdown,          # the print-all page pulls in every worksheet
        cirkel.on_page_markdown,
        toets.on_page_markdown,
        begrippen_tooltips.on_page_markdown,  # abbreviations; the glossary's letter bar
        hele_leidraad.on_page_markdown,       # remembers the page that gathers the chapters
        teamscan.on_page_markdown,
        verklaringen.on_page_markdown,        # fills the statements' markers
        controle.on_page_markdown,            # front matter with markup
        zoeken.on_page_markdown,              # no synonyms in tags:
        hosting.on_page_markdown,             # the service worker's loader (not under mkdocs serve)
        links.on_page_markdown,               # links to missing files, with line and 'did you mean'
        vertaald.on_page_markdown,            # an English page that kept its Dutch title
    ],
    "page_content": [
        verwijzing.on_page_content,           # the edition stamp and the citation block
        pagina_bestanden.on_page_content,     # which CSS and JS this page needs
        mijn_werk.on_page_content,            # which tool (record) stands on which page; where Mijn werk is
        zoeken.on_page_content,               # remembers the page's ids
        links.on_page_content,                # … and so does the link check (last: every part is there)
    ],
    "page_context": [
        aanvulling.on_page_context,
        verklaringen.on_page_context,         # the footer's links to the statements
        pagina_bestanden.on_page_context,
        mijn_werk.on_page_context,            # bewaren.js's words: the link to Mijn werk, its table of pages
        zoeken.on_page_context,               # the links of an empty search result
    ],
    "template_context": [
        csp.on_template_context,              # 404.html: links relative to where it is written
    ],
    "post_template": [
        hosting.on_post_template,             # 404.html in this language's words; the offline page; the manifest
        csp.on_post_template,                 # 404.html (rendered apart from the pages) gets the policy too
    ],
    "post_page": [
        hele_leidraad.on_post_page,           # remembers the page's title
        controle.on_post_page,                # duplicate and invalid ids
        links.on_post_page,                   # anchors, once every page is rendered (before MkDocs' own check)
        csp.on_post_page,                     # the policy, with the hashes of the final inline scripts: last
    ],
    "post_build": [
        hele_leidraad.on_post_build,          # fills the whole guide with the built chapters
        controle.on_post_build,               # … and checks its ids; MkDocs counts both languages' warnings
        zoeken.on_post_build,                 # checks the search data's pages and ids; the browser's copy
        csp.on_post_build,                    # each language's 404.html in its folder; csp.txt
    ],
    "site": [              # once every language is built (hooks/pijplijn_na.py, after static-i18n's on_post_build)
        hosting.on_post_build,                # the service worker and what it fetches ahead, security.txt, headers
        meldingen.on_post_build,              # while serving: the build's warnings as a banner on every page
    ],
}


def alleen(*modules: str) -> None:
    """Keep only the steps of these modules: a small test site that needs a few of our blocks and none of the
    site's data (tests/proefsite.py, `pipeline_hook`)."""
    for event in STEPS:
        STEPS[event] = [step for step in STEPS[event] if step.__module__ in modules]


def run(event: str, value, **arguments):
    """Hand `value` through the event's steps in order; a BouwFout stops the build with its sentence."""
    for step in STEPS[event]:
        try:
            result = step(value, **arguments)
        except bouw.BouwFout as error:
            raise PluginError(str(error)) from None
        if result is not None:
            value = result
    return value


def _i18n_building(config) -> bool:
    """True while static-i18n builds a further language inside the first one (the same run)."""
    plugins = getattr(config, "plugins", None)
    i18n = plugins.get("i18n") if hasattr(plugins, "get") else None
    return bool(getattr(i18n, "building", False))


def on_startup(command, dirty):
    """Note the MkDocs command (`mkdocs serve` builds many runs: no service worker, banners instead of a hang)."""
    bouw.start_session(command)
    run("startup", command)


@event_priority(-110)
def on_config(config):
    """A language's build begins (after static-i18n has set the language); a new run unless i18n is inside one."""
    if not _i18n_building(config):
        bouw.start_run()
    bouw.start_language(build_language(config))
    return run("config", config)


def on_pre_build(config):
    """Run the pre_build steps."""
    return run("pre_build", config)


def on_files(files, config):
    """Run the files steps."""
    return run("files", files, config=config)


def on_nav(nav, config, files):
    """Run the nav steps."""
    return run("nav", nav, config=config, files=files)


def on_page_markdown(markdown, page, config, files):
    """Run the page_markdown steps."""
    return run("page_markdown", markdown, page=page, config=config, files=files)


def on_page_content(html, page, config, files):
    """Run the page_content steps."""
    return run("page_content", html, page=page, config=config, files=files)


def on_page_context(context, page, config, nav):
    """Run the page_context steps."""
    return run("page_context", context, page=page, config=config, nav=nav)


def on_template_context(context, template_name, config):
    """Run the template_context steps (pages rendered apart from the docs, such as 404.html)."""
    return run("template_context", context, template_name=template_name, config=config)


def on_post_template(output_content, template_name, config):
    """Run the post_template steps."""
    return run("post_template", output_content, template_name=template_name, config=config)


@event_priority(-50)
def on_post_page(output, page, config):
    """Run the post_page steps, after the other plugins' (the policy hashes the final page)."""
    return run("post_page", output, page=page, config=config)


def on_post_build(config):
    """Run the post_build steps (before static-i18n builds the next language)."""
    run("post_build", config)


@event_priority(-200)
def after_the_site(config):
    """Run the site steps: hooks/pijplijn_na.py hands this to MkDocs as its on_post_build, after static-i18n's
    (-100), which builds the other languages and merges the search index (a module has one on_post_build)."""
    run("site", config)
