"""Load the circle's and the worksheets' CSS and JS only on pages that use them.

Material puts every `extra_css` and `extra_javascript` file on every page and has no per-page setting.
Most pages have neither a circle nor a worksheet, so those files are not in mkdocs.yml's extra_css /
extra_javascript. Instead a block's renderer says what its page needs (`PageContext.need`, e.g.
"werkbladen.css"), a page may add files in front matter (`bestanden: [cirkel.css]`, for a page whose
content arrives after the build, such as hele-leidraad.md), and overrides/main.html links them from
its `styles` and `scripts` blocks. The minify plugin serves them as *.min.css / *.min.js.
"""
from __future__ import annotations

import gereedschap


def on_page_content(html: str, page, config, files, **kwargs) -> str:
    """Remember what the rendered page needs (the fence renderers ran during rendering)."""
    context = gereedschap.current()
    needs = set(context.extra.get("bestanden", ())) if context.extra.get("page") is page else set()
    page.bestanden = sorted(needs | set(page.meta.get("bestanden") or []))
    return html


ORDER = ("bewaren.js",)   # scripts others build on load first


def on_page_context(context, page, config, nav, **kwargs):
    """The page's own stylesheets and scripts, as paths for overrides/main.html (with bewaren.js's words)."""
    names = sorted(getattr(page, "bestanden", []), key=lambda n: (n not in ORDER, n))
    context["bewaren_teksten"] = (gereedschap.words("bewaren.yml", gereedschap.language_of(page))
                                  if "bewaren.js" in names else None)
    context["site_teksten"] = gereedschap.words("teksten.yml", gereedschap.language_of(page), section="js")
    context["pagina_css"] = [f"assets/stylesheets/{n[:-4]}.min.css" for n in names if n.endswith(".css")]
    context["pagina_js"] = [f"assets/javascripts/{n[:-3]}.min.js" for n in names if n.endswith(".js")]
    return context
