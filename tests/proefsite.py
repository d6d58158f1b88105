"""A tiny site of our own making for browser tests (tests/browser/conftest.py has the fixtures).

`build_proefsite(folder, pages)` builds a few Markdown pages with Material, our overrides, hooks, CSS and JS
(no i18n, no search: a second or so), for what the real site cannot show: a worksheet whose definition
changed between two builds, two copies of the site in different folders, edge cases.
"""
from __future__ import annotations

import pathlib
import shutil

import yaml

from conftest import ROOT, build_site

OWN_JS = ["bewaren", "bewaren-bestand", "bewaren-formulier", "werkbladen", "cirkel", "projectie", "verwijzing", "taal"]
OWN_CSS = ["leidraad", "werkbladen", "cirkel", "projectie", "team"]
HOOKS = ["aanvulling", "werkbladen", "cirkel", "pagina_bestanden"]


def pipeline_hook(folder: pathlib.Path, modules) -> str:
    """A hook file for a small test site: our pipeline (hooks/pijplijn.py) with only the steps of `modules`
    (a throwaway site has none of the site's data, twins or nav for the other steps to check)."""
    path = pathlib.Path(folder) / "proef_pijplijn.py"
    path.write_text(f"import sys\nsys.path.insert(0, {str(ROOT / 'hooks')!r})\nimport pijplijn\n"
                    f"pijplijn.alleen(*{tuple(modules)!r})\nfrom pijplijn import *  # noqa: F401,F403\n",
                    encoding="utf-8")
    return str(path)


def build_proefsite(folder: pathlib.Path, pages: dict[str, str], *, site_name: str = "Proefsite") -> pathlib.Path:
    """Build pages ({path: Markdown}) with our theme setup into folder/site; return that folder."""
    project = folder / "project"
    if project.exists():
        shutil.rmtree(project)
    docs = project / "docs"
    for kind in ("stylesheets", "javascripts"):
        shutil.copytree(ROOT / "docs" / "assets" / kind, docs / "assets" / kind)
    shutil.copytree(ROOT / "docs" / "assets" / "vendor", docs / "assets" / "vendor")
    # our overrides, but the sitemap: it is mkdocs-static-i18n's template, which needs that plugin
    shutil.copytree(ROOT / "overrides", project / "overrides", ignore=shutil.ignore_patterns("sitemap.xml"))
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    config = {
        "site_name": site_name, "use_directory_urls": False,
        "theme": {"name": "material", "font": False, "language": "nl", "custom_dir": "overrides"},
        "extra_css": ["assets/stylesheets/leidraad.css"],
        "markdown_extensions": ["admonition", "attr_list", "md_in_html", "pymdownx.superfences"],
        "plugins": [{"minify": {"minify_js": True, "minify_css": True,
                                "js_files": [f"assets/javascripts/{n}.js" for n in OWN_JS],
                                "css_files": [f"assets/stylesheets/{n}.css" for n in OWN_CSS]}}],
        "hooks": [pipeline_hook(project, HOOKS)],
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    site = folder / "site"
    result = build_site(site, config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return site
