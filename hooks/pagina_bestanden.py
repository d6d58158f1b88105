"""Load the circle's and the worksheets' CSS and JS only on pages that use them.

Material puts every `extra_css` and `extra_javascript` file on every page and has no per-page setting.
Most pages have neither a circle nor a worksheet, so those files are not in mkdocs.yml's extra_css /
extra_javascript. Instead a block's renderer says what its page needs (`PageContext.need`, e.g.
"werkbladen.css"), a page may add files in front matter (`bestanden: [cirkel.css]`, for a page whose
content arrives after the build, such as hele-leidraad.md), and overrides/main.html links them from
its `styles` and `scripts` blocks. The minify plugin serves them as *.min.css / *.min.js.
A page with a worksheet, a self-test, the team scan or Mijn werk also gets bewaren-formulier.js (the part of
bewaren.js only those pages use), and bewaren.js's words of the groups its scripts need (hooks/bewaren.yml).
"""
from __future__ import annotations

import gereedschap


def on_page_content(html: str, page, config, files, **kwargs) -> str:
    """Remember what the rendered page needs (the fence renderers ran during rendering)."""
    context = gereedschap.current()
    needs = set(context.extra.get("bestanden", ())) if context.extra.get("page") is page else set()
    needs |= set(page.meta.get("bestanden") or [])
    if needs & set(FORM_PAGES):
        needs.add("bewaren-formulier.js")
    page.bestanden = sorted(needs)
    return html


# Pages with these scripts also get bewaren-formulier.js: a form's controls and the private-window hint.
FORM_PAGES = ("werkbladen.js", "teamscan.js", "toets.js", "mijn-werk.js")


ORDER = ("bewaren.js",)   # scripts others build on load first
# Groups of hooks/bewaren.yml and the scripts whose pages get them (a group's words are for those pages only).
WORD_GROUPS = {"werkbladen": ("werkbladen.js",), "mijn_werk": ("mijn-werk.js",)}


def saving_words(names, language: str) -> dict | None:
    """bewaren.js's words for a page that loads these scripts (None without bewaren.js): the common ones and
    the groups of the scripts on the page."""
    if "bewaren.js" not in names:
        return None
    found = gereedschap.words("bewaren.yml", language)
    for group, scripts in WORD_GROUPS.items():
        if set(scripts) & set(names):
            found.update(gereedschap.words("bewaren.yml", language, section=group))
    return found


def on_page_context(context, page, config, nav, **kwargs):
    """The page's own stylesheets and scripts, as paths for overrides/main.html (with bewaren.js's words)."""
    names = sorted(getattr(page, "bestanden", []), key=lambda n: (n not in ORDER, n))
    context["bewaren_teksten"] = saving_words(names, gereedschap.language_of(page))
    context["site_teksten"] = gereedschap.words("teksten.yml", gereedschap.language_of(page), section="js")
    context["pagina_css"] = [f"assets/stylesheets/{n[:-4]}.min.css" for n in names if n.endswith(".css")]
    context["pagina_js"] = [f"assets/javascripts/{n[:-3]}.min.js" for n in names if n.endswith(".js")]
    return context
