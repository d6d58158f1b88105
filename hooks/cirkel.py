"""Draws the interpersonal circle (Roos van Leary) from fenced blocks, as inline SVG at build time.

Material and pymdown-extensions have no diagram that is drawn at build time, readable without
JavaScript, accessible (role="img", <title>, <desc>, a text alternative) and themed by CSS variables.
This hook adds three fenced blocks (syntax in REDACTIE.md, "De interpersoonlijke cirkel"):

- ```cirkel            the circle: highlighted sectors, complementarity arrows, a profile;
- ```cirkel-verkenner  the explorer: choose a sector, read what it is and what it invites;
- ```cirkel-reflectie  the self-reflection: two profiles (now / as I want to be), kept by bewaren.js.

Names, descriptions and the complementarity table live in cirkel.yml beside this file; the geometry in
cirkel_meetkunde.py; the markup in templates/cirkel.svg and templates/cirkel.html. Options are one
declarative table per block (`options`), checked by the shared toolkit (gereedschap): a bad block is a
warning with file, line and the valid names, and an error box on the page, never a block shown as code.
"""
from __future__ import annotations

import logging
import re

from markupsafe import Markup

import gereedschap
from cirkel_meetkunde import (CX, CY, PROFILE_MAX, R, VIEW_H, VIEW_W, arrow, axis_lines, label_lines,
                              label_point, num, point, profile_path, wedge)
from gereedschap import BlockError, Field

log = logging.getLogger("mkdocs.plugins.cirkel")
DATA = "cirkel.yml"
FENCES = ("cirkel", "cirkel-verkenner", "cirkel-reflectie")
DEFAULT_SIZE = {"cirkel": 440, "cirkel-verkenner": 440, "cirkel-reflectie": 400}


# ---------------------------------------------------------------------------------------------- data

@gereedschap.per_run
def load_data() -> dict:
    """cirkel.yml, checked: eight sectors with every text in both languages and a full table."""
    data = gereedschap.data(DATA)
    problems = data_problems(data)
    if problems:
        raise gereedschap.BouwFout("data/cirkel.yml: " + "; ".join(problems))
    return data


def data_problems(data: dict) -> list[str]:
    """What is missing or inconsistent in the data file (empty when it is fine)."""
    problems = []
    sectors = data.get("sectoren") or []
    ids = [s.get("id") for s in sectors]
    if len(ids) != 8 or len(set(ids)) != 8:
        problems.append(f"expected 8 different sectors, found {ids}")
    for sector in sectors:
        for field in ("naam", "kort", "beschrijving", "voorbeeld", "uitnodiging"):
            for lang in gereedschap.LANGUAGES:
                if not isinstance((sector.get(field) or {}).get(lang), str):
                    problems.append(f"sector '{sector.get('id')}' has no '{field}' in '{lang}'")
        for link in sector.get("helpt") or []:
            if not (isinstance(link.get("doel"), str) and all(isinstance(link.get(k), str) for k in gereedschap.LANGUAGES)):
                problems.append(f"sector '{sector.get('id')}': every 'helpt' item needs doel, nl and en")
        if not sector.get("helpt"):
            problems.append(f"sector '{sector.get('id')}' has no 'helpt' links")
    table = data.get("complementariteit") or {}
    if sorted(table) != sorted(ids) or not set(table.values()) <= set(ids):
        problems.append(f"'complementariteit' must map each of {ids} to a sector")
    problems += gereedschap.missing_translations(data.get("teksten") or {}, "teksten")
    return problems


def sector_ids() -> list[str]:
    """The eight sector names, clockwise from the top."""
    return [s["id"] for s in load_data()["sectoren"]]


def words(lang: str) -> dict[str, str]:
    """All fixed texts in one language (templates pick what they need), with the site's marker label."""
    found = {key: value[lang] for key, value in load_data()["teksten"].items()}
    found["aanvulling"] = gereedschap.words("teksten.yml", lang)["aanvulling"]
    return found


def text(key: str, lang: str, **values) -> str:
    """A text from cirkel.yml's `teksten` in one language, with {placeholders} filled in."""
    return load_data()["teksten"][key][lang].format(**values)


def names(lang: str) -> dict[str, str]:
    """Sector id -> its name in `lang`."""
    return {s["id"]: s["naam"][lang] for s in load_data()["sectoren"]}


# ------------------------------------------------------------------------------------------- options

def options(kind: str) -> dict[str, Field]:
    """The declarative option table of a block kind (REDACTIE.md's table is generated from it)."""
    sectors = tuple(sector_ids())
    table = {}
    if kind == "cirkel":
        table = {
            "bijschrift": Field("text", default="", help="the figure's caption"),
            "markeer": Field("choices", default=(), choices=sectors, noun="sector", help="sectors to highlight"),
            "complementariteit": Field("choices", default=(), choices=sectors, noun="sector",
                                       help="teacher sectors: an arrow to the pupil behaviour each tends to invite"),
            "profiel": Field("scores", default={}, choices=sectors, low=0, high=PROFILE_MAX, noun="sector",
                             help="a value from 0 to 10 per sector"),
        }
    table["grootte"] = Field("int", default=DEFAULT_SIZE[kind], low=200, high=800, help="width in px")
    table["taal"] = Field("choice", choices=gereedschap.LANGUAGES, noun="language",
                          help="label language (default: the page's)")
    return table


def parse_block(source: str, kind: str = "cirkel") -> dict:
    """The options of one block, checked and completed with defaults; a BlockError on bad input."""
    value, lines = gereedschap.parse_yaml(source)
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise BlockError("write the options as 'name: value' lines, e.g. 'taal: nl'", 0)
    return gereedschap.check_fields(value, options(kind), owner=f"'{kind}'", of="", lines=lines, path=(),
                                    noun="option")


def readme_table() -> str:
    """REDACTIE.md's table of the circle's options (scripts/readme-tabellen writes it)."""
    rows = ["| option | blocks | what it takes |", "| --- | --- | --- |"]
    for key in options("cirkel"):
        spec, blocks = options("cirkel")[key], [k for k in FENCES if key in options(k)]
        rows.append(f"| `{key}` | {', '.join(f'`{b}`' for b in blocks)} | {spec.hint()}: {spec.help} |")
    return "\n".join(rows)


# ----------------------------------------------------------------------------------------- rendering

def svg_context(uid: str, lang: str, size: int, *, markeer=(), pijlen=(), profielen=(), keuze: bool = False) -> dict:
    """Everything cirkel.svg needs: geometry in viewBox units and the words in one language."""
    ids, name, table = sector_ids(), names(lang), load_data()["complementariteit"]
    sectors = []
    for i, sid in enumerate(ids):
        x, y = label_point(i)
        sectors.append({"id": sid, "naam": name[sid], "regels": label_lines(name[sid]), "d": wedge(i, R),
                        "x": num(x), "y": num(y), "markeer": sid in markeer})
    desc = [text("beschrijving", lang, sectoren=", ".join(name[s] for s in ids))]
    if markeer:
        desc.append(text("gemarkeerd", lang, sectoren=", ".join(name[s] for s in markeer)))
    desc += [text("pijl", lang, van=name[s], naar=name[table[s]]) for s in pijlen]
    for profiel in profielen:
        if profiel.get("waarden"):
            desc.append(text("profiel", lang, waarden=", ".join(
                f"{name[s]} {profiel['waarden'][s]:g}" for s in ids if s in profiel["waarden"])))
    return {
        "uid": uid, "lang": lang, "width": size, "height": round(size * VIEW_H / VIEW_W),
        "view_w": num(VIEW_W), "view_h": num(VIEW_H), "cx": num(CX), "cy": num(CY), "r": num(R),
        "title": text("titel", lang), "desc": " ".join(desc), "sectors": sectors,
        "diagonals": [tuple(num(v) for v in (*point(a, R), *point(a + 180, R))) for a in (45, 135)],
        "axes": {k: tuple(num(v) for v in line) for k, line in axis_lines().items()},
        "axis_labels": axis_labels(lang), "arrows": arrows(pijlen), "profiles": list(profielen), "keuze": keuze,
    }


def arrows(pijlen) -> list[dict]:
    """The arrows for the sectors in `pijlen`; a sector and its complement together make one double arrow."""
    ids, table = sector_ids(), load_data()["complementariteit"]
    drawn = []
    for van in pijlen:
        naar = table[van]
        if naar in pijlen and ids.index(naar) < ids.index(van):
            continue  # already drawn as the double arrow of the pair
        drawn.append({"van": van, "naar": naar, **arrow(ids.index(van), ids.index(naar), both_ways=naar in pijlen)})
    return drawn


def axis_labels(lang: str) -> list[dict]:
    """The four ends of the axes: the axis name in small capitals and the pole beside the circle."""
    invloed, nabijheid = text("invloed", lang).upper(), text("nabijheid", lang).upper()
    gap = 12
    return [
        {"x": num(CX), "y": num(CY - R - gap - 16), "anchor": "middle", "as": invloed,
         "pool": text("boven", lang), "pool_y": num(CY - R - gap)},
        {"x": num(CX), "y": num(CY + R + gap + 30), "anchor": "middle", "as": invloed,
         "pool": text("onder", lang), "pool_y": num(CY + R + gap + 12)},
        {"x": num(CX - R - gap), "y": num(CY - 8), "anchor": "end", "as": nabijheid,
         "pool": text("links", lang), "pool_y": num(CY + 12)},
        {"x": num(CX + R + gap), "y": num(CY - 8), "anchor": "start", "as": nabijheid,
         "pool": text("rechts", lang), "pool_y": num(CY + 12)},
    ]


def render_svg(context: dict) -> Markup:
    """The inline SVG of one circle."""
    return Markup(gereedschap.templates().get_template("cirkel.svg").render(**context))


def render_figure(options: dict, uid: str, lang: str, page: gereedschap.PageContext) -> str:
    """```cirkel: the figure with caption, legend and text alternative."""
    ids, name, table = sector_ids(), names(lang), load_data()["complementariteit"]
    profiel = options["profiel"]
    profielen = [{"soort": "nu", "d": profile_path(profiel, ids), "waarden": profiel}] if profiel else []
    context = svg_context(uid, lang, options["grootte"], markeer=options["markeer"],
                          pijlen=options["complementariteit"], profielen=profielen)
    rows = [{"naam": name[s], "kort": sector["kort"][lang], "markeer": s in options["markeer"],
             "waarde": (f"{profiel[s]:g}" if s in profiel else None)}
            for s, sector in zip(ids, load_data()["sectoren"])]
    return gereedschap.macro("cirkel.html", "figuur", uid=uid, lang=lang, svg=render_svg(context),
                             bijschrift=options["bijschrift"], rows=rows, t=words(lang), markeer=bool(options["markeer"]),
                             profiel=bool(profiel), dubbel=any(a["dubbel"] for a in context["arrows"]),
                             enkel=any(not a["dubbel"] for a in context["arrows"]),
                             pijlen=[text("pijl", lang, van=name[s], naar=name[table[s]])
                                     for s in options["complementariteit"]])


def render_explorer(options: dict, uid: str, lang: str, page: gereedschap.PageContext) -> str:
    """```cirkel-verkenner: the circle with clickable sectors, a radio group and one panel per sector."""
    ids, name, table = sector_ids(), names(lang), load_data()["complementariteit"]
    context = svg_context(uid, lang, options["grootte"], keuze=True)
    context["arrows"] = [{"van": s, "naar": table[s], **arrow(i, ids.index(table[s]))} for i, s in enumerate(ids)]
    panels = [{"id": s["id"], "naam": s["naam"][lang], "beschrijving": s["beschrijving"][lang],
               "voorbeeld": s["voorbeeld"][lang], "uitnodiging": s["uitnodiging"][lang], "naar": table[s["id"]],
               "kop_uitnodiging": text("uitnodiging", lang, naar=name[table[s["id"]]]),
               "helpt": [{"href": link_from_page(h["doel"], page), "tekst": h[lang]} for h in s["helpt"]]}
              for s in load_data()["sectoren"]]
    return gereedschap.macro("cirkel.html", "verkenner", uid=uid, lang=lang, svg=render_svg(context), panels=panels,
                             t=words(lang))


def render_reflection(options: dict, uid: str, lang: str, page: gereedschap.PageContext) -> str:
    """```cirkel-reflectie: two sliders per sector and both profiles drawn in the circle."""
    profielen = [{"soort": "nu", "d": "", "waarden": {}}, {"soort": "gewenst", "d": "", "waarden": {}}]
    context = svg_context(uid, lang, options["grootte"], profielen=profielen)
    rows = [{"id": s["id"], "naam": s["naam"][lang]} for s in load_data()["sectoren"]]
    stem = re.sub(r"(\.[a-z]{2})?\.md$", "", page.src_uri.rsplit("/", 1)[-1])
    page.need("bewaren.js")
    return gereedschap.macro("cirkel.html", "reflectie", uid=uid, lang=lang, svg=render_svg(context), rows=rows,
                             t=words(lang), max=PROFILE_MAX, record=f"reflectie:{page.language}:{stem}",
                             ui=gereedschap.words("bewaren.yml", lang))


def link_from_page(target: str, page: gereedschap.PageContext) -> str:
    """A docs-relative 'file.md#anchor' (cirkel.yml's `helpt`) as a URL relative to the current page."""
    path, _, anchor = target.partition("#")
    suffix = f"#{anchor}" if anchor else ""
    files = page.extra.get("files")
    if files is None:  # outside a MkDocs build (unit tests): .md -> .html, as use_directory_urls: false
        return gereedschap.relative(re.sub(r"\.md$", ".html", path), start=page.url or "x.html") + suffix
    file = files.get_file_from_path(path)
    if file is None:
        raise BlockError(f"data/cirkel.yml: link target '{path}' is not a page in docs/")
    return gereedschap.relative(file.url, start=page.url) + suffix


RENDER = {"cirkel": render_figure, "cirkel-verkenner": render_explorer, "cirkel-reflectie": render_reflection}


def render_block(source: str, language: str, page: gereedschap.PageContext, fence) -> str:
    """One of our three fences as HTML (the fence formatter's work; problems raise BlockError)."""
    parsed = parse_block(source, language)
    page.need("cirkel.css", *(["cirkel.js"] if language != "cirkel" else []))
    page.extra["cirkels"] = page.extra.get("cirkels", 0) + 1
    return RENDER[language](parsed, f"cirkel-{page.extra['cirkels']}", parsed["taal"] or page.language, page)


format_fence = gereedschap.fence_format(render_block, log)


# ------------------------------------------------------------------------------------- MkDocs glue

def on_config(config, **kwargs):
    """Register our fences with superfences (on_config runs once per language: add each only once)."""
    load_data()  # a broken data file stops the build here, before any page
    gereedschap.register_fences(config, {name: format_fence for name in FENCES}, "hooks/cirkel.py")
    return config


def on_page_markdown(markdown, page, config, files, **kwargs):
    """Tell the formatter about the page (and the site's files, for the explorer's links)."""
    gereedschap.page_context(page, config).extra["files"] = files
    return markdown
