"""Draws the interpersonal circle (Roos van Leary) from fenced blocks, as inline SVG at build time.

Material and pymdown-extensions have no diagram that is drawn at build time, readable without
JavaScript, accessible (role="img", <title>, <desc>, a text alternative) and themed by CSS variables.
This hook adds three fenced blocks (syntax in README, "De interpersoonlijke cirkel"):

- ```cirkel            the circle: highlighted sectors, complementarity arrows, a profile;
- ```cirkel-verkenner  the explorer: choose a sector, read what it is and what it invites;
- ```cirkel-reflectie  the self-reflection: two profiles (now / as I want to be), kept in localStorage.

Names, descriptions and the complementarity table live in cirkel.yml beside this file; the markup in
templates/cirkel.svg and templates/cirkel.html. Bad input stops the build with the file, the line and
the valid names. Geometry: angles are degrees clockwise from the top; sector i spans i*45..(i+1)*45,
so the axes (0, 90, 180, 270 degrees) are borders between sectors.
"""
from __future__ import annotations

import dataclasses
import difflib
import functools
import math
import os
import pathlib
import re
import textwrap

import jinja2
import yaml

import gereedschap
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url
from pymdownx.superfences import SuperFencesException

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE / "cirkel.yml"
LANGUAGES = ("nl", "en")
FENCES = ("cirkel", "cirkel-verkenner", "cirkel-reflectie")
OPTIONS = {
    "cirkel": ("bijschrift", "markeer", "complementariteit", "profiel", "grootte", "taal"),
    "cirkel-verkenner": ("grootte", "taal"),
    "cirkel-reflectie": ("grootte", "taal"),
}
DEFAULT_SIZE = {"cirkel": 440, "cirkel-verkenner": 440, "cirkel-reflectie": 400}
SIZE_RANGE = (200, 800)
PROFILE_MAX = 10

# The drawing, in viewBox units: room beside the circle for the axis labels.
SECTOR = 45.0
R = 170.0
CX, CY = 104.0 + R, 50.0 + R
VIEW_W, VIEW_H = 2 * CX, 2 * CY
ARROW_RADIUS = 0.42 * R
RE_FENCE = re.compile(r"^(?P<indent>[ \t>]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[\w#.+-]+)[^\n]*$")


class CirkelError(SuperFencesException, PluginError):
    """A bad block: superfences lets it through (not swallowed) and MkDocs stops the build."""


# ---------------------------------------------------------------------------------------------- data

@functools.lru_cache(maxsize=1)
def load_data() -> dict:
    """cirkel.yml, checked: eight sectors with every text in both languages and a full table."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    problems = data_problems(data)
    if problems:
        raise PluginError("hooks/cirkel.yml: " + "; ".join(problems))
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
            for lang in LANGUAGES:
                if not isinstance((sector.get(field) or {}).get(lang), str):
                    problems.append(f"sector '{sector.get('id')}' has no '{field}' in '{lang}'")
        for link in sector.get("helpt") or []:
            if not (isinstance(link.get("doel"), str) and all(isinstance(link.get(k), str) for k in LANGUAGES)):
                problems.append(f"sector '{sector.get('id')}': every 'helpt' item needs doel, nl and en")
        if not sector.get("helpt"):
            problems.append(f"sector '{sector.get('id')}' has no 'helpt' links")
    table = data.get("complementariteit") or {}
    if sorted(table) != sorted(ids) or not set(table.values()) <= set(ids):
        problems.append(f"'complementariteit' must map each of {ids} to a sector")
    for key, value in (data.get("teksten") or {}).items():
        if not all(isinstance((value or {}).get(lang), str) for lang in LANGUAGES):
            problems.append(f"text '{key}' needs nl and en")
    return problems


def sector_ids() -> list[str]:
    """The eight sector names, clockwise from the top."""
    return [s["id"] for s in load_data()["sectoren"]]


def text(key: str, lang: str, **values) -> str:
    """A text from cirkel.yml's `teksten` in one language, with {placeholders} filled in."""
    return load_data()["teksten"][key][lang].format(**values)


# ------------------------------------------------------------------------------------------ geometry

def sector_range(index: int) -> tuple[float, float]:
    """Start and end angle of sector `index` (degrees clockwise from the top)."""
    return index * SECTOR, (index + 1) * SECTOR


def sector_center(index: int) -> float:
    """The angle halfway a sector."""
    start, end = sector_range(index)
    return (start + end) / 2


def point(angle: float, radius: float, cx: float = CX, cy: float = CY) -> tuple[float, float]:
    """The point at `angle` (clockwise from the top) and `radius` from the centre, in SVG coordinates."""
    rad = math.radians(angle)
    return cx + radius * math.sin(rad), cy - radius * math.cos(rad)


def angle_of(x: float, y: float, cx: float = CX, cy: float = CY) -> float:
    """The angle (clockwise from the top, 0 <= angle < 360) of a point seen from the centre."""
    return math.degrees(math.atan2(x - cx, cy - y)) % 360


def sector_at(angle: float) -> int:
    """The index of the sector that holds `angle`."""
    return int((angle % 360) // SECTOR)


def mirror(index: int) -> int:
    """The sector mirrored across the horizontal axis: same nabijheid, opposite invloed."""
    return sector_at(180 - sector_center(index))


def num(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros (as cirkel.js writes them)."""
    out = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if out in ("-0", "") else out


def wedge(index: int, radius: float) -> str:
    """SVG path data of sector `index` filled out to `radius`."""
    start, end = sector_range(index)
    x1, y1 = point(start, radius)
    x2, y2 = point(end, radius)
    r = num(radius)
    return f"M{num(CX)} {num(CY)}L{num(x1)} {num(y1)}A{r} {r} 0 0 1 {num(x2)} {num(y2)}Z"


def profile_path(values: dict[str, float]) -> str:
    """One path of wedges, one per sector with a value above 0, radius proportional to the value."""
    return "".join(wedge(i, R * values[name] / PROFILE_MAX)
                   for i, name in enumerate(sector_ids()) if values.get(name, 0) > 0)


def label_point(index: int) -> tuple[float, float]:
    """Where a sector's name is written (horizontally, centred): inside its own wedge, in the widest
    horizontal stretch between the wedge's border lines and the rim.

    Beside the horizontal axis a wedge is widest close to that axis, so the name sits just above or
    below it, halfway between the diagonal and the rim. Beside the vertical axis a wedge is narrow
    near the centre, so the name goes further out, between the axis and the diagonal.
    """
    centre = sector_center(index)
    right = math.sin(math.radians(centre)) > 0
    top = math.cos(math.radians(centre)) > 0
    if index in (0, 3, 4, 7):  # the four sectors that touch the vertical axis
        dx, dy = 0.36 * R, 0.64 * R
    else:
        dy = 0.21 * R
        edge = dy + 0.056 * R  # the text's far edge from the axis (half a line of 17 units)
        dx = (edge + math.sqrt(R * R - edge * edge)) / 2
    return CX + (dx if right else -dx), CY + (-dy if top else dy)


def axis_lines() -> dict[str, tuple[float, float, float, float]]:
    """The two axes as (x1, y1, x2, y2), drawn on the sector borders at 0/180 and 90/270 degrees."""
    top, bottom = point(0, R + 6), point(180, R + 6)
    right, left = point(90, R + 6), point(270, R + 6)
    return {"invloed": (*top, *bottom), "nabijheid": (*left, *right)}


def arrow(van: int, naar: int, *, both_ways: bool = False) -> dict:
    """An arrow from one sector to the other: curved (bending left of its direction, so that the two
    directions of a pair separate), or straight with two heads when both directions are shown."""
    x1, y1 = point(sector_center(van), ARROW_RADIUS)
    x2, y2 = point(sector_center(naar), ARROW_RADIUS)
    if both_ways:
        return {"d": f"M{num(x1)} {num(y1)}L{num(x2)} {num(y2)}", "x1": num(x1), "y1": num(y1), "dubbel": True}
    dx, dy = x2 - x1, y2 - y1
    bend = 0.18
    qx, qy = (x1 + x2) / 2 + dy * bend, (y1 + y2) / 2 - dx * bend
    return {"d": f"M{num(x1)} {num(y1)}Q{num(qx)} {num(qy)} {num(x2)} {num(y2)}",
            "x1": num(x1), "y1": num(y1), "dubbel": False}


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


# ------------------------------------------------------------------------------------------- parsing

@dataclasses.dataclass
class Where:
    """The place of a block, for error messages: file (relative to the project) and fence line."""

    file: str = "<cirkel>"
    line: int = 0

    def error(self, offset: int | None, message: str) -> CirkelError:
        """An error at a line of the block (offset from the first line after the fence)."""
        line = self.line if offset is None else self.line + 1 + offset
        return CirkelError(f"{self.file}, line {line}: {message}")


def suggest(value: str, valid) -> str:
    """"; did you mean 'x'?" when value looks like one of the valid names, else "."."""
    close = difflib.get_close_matches(str(value), list(valid), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else "."


def describe(value) -> str:
    """How a wrongly typed value is named in a message."""
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (yes/no)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"'{value}'"


def parse_block(source: str, kind: str = "cirkel", where: Where | None = None) -> dict:
    """The options of one block, checked and completed with defaults; raises CirkelError on bad input."""
    where = where or Where()
    try:
        root = yaml.compose(source, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise where.error(mark.line if mark else None, f"the block is not valid YAML: {problem}") from None
    options = {"taal": None, "grootte": DEFAULT_SIZE[kind]}
    if kind == "cirkel":
        options.update(bijschrift="", markeer=[], complementariteit=[], profiel={})
    if root is None:
        return options
    if not isinstance(root, yaml.MappingNode):
        raise where.error(root.start_mark.line, "write the options as 'name: value' lines, e.g. 'taal: nl'")
    valid = OPTIONS[kind]
    seen = set()
    for key_node, value_node in root.value:
        key, line = construct(key_node), key_node.start_mark.line
        if key not in valid:
            raise where.error(line, f"unknown option '{key}' in '{kind}'{suggest(key, valid)} "
                                    f"Valid options: {', '.join(valid)}")
        if key in seen:
            raise where.error(line, f"option '{key}' is given twice")
        seen.add(key)
        options[key] = CHECKS[key](value_node, where)
    return options


def construct(node):
    """The Python value of a YAML node (safe types only)."""
    return yaml.SafeLoader("").construct_object(node, deep=True)


def check_text(node, where: Where) -> str:
    """bijschrift: a piece of text."""
    value = construct(node)
    if not isinstance(value, str) or not value.strip():
        raise where.error(node.start_mark.line, f"'bijschrift' must be text, got {describe(value)}")
    return value


def check_sector(node, where: Where, option: str) -> str:
    """One sector name."""
    value = construct(node)
    if not isinstance(value, str):
        raise where.error(node.start_mark.line,
                          f"'{option}' must list sector names, got {describe(value)}")
    if value not in sector_ids():
        raise where.error(node.start_mark.line,
                          f"unknown sector '{value}' in '{option}'{suggest(value, sector_ids())} "
                          f"Valid sectors: {', '.join(sector_ids())}")
    return value


def check_sectors(node, where: Where, option: str) -> list[str]:
    """markeer / complementariteit: a sector name or a list of them (duplicates dropped)."""
    if isinstance(node, yaml.ScalarNode):
        items = [node]
    elif isinstance(node, yaml.SequenceNode):
        items = node.value
    else:
        raise where.error(node.start_mark.line, f"'{option}' must be a sector name or a list of "
                                                f"sector names, got {describe(construct(node))}")
    return list(dict.fromkeys(check_sector(item, where, option) for item in items))


def check_profile(node, where: Where) -> dict[str, float]:
    """profiel: a mapping of sector name to a number from 0 to 10."""
    if not isinstance(node, yaml.MappingNode):
        raise where.error(node.start_mark.line, "'profiel' must be a mapping like {leidend: 8, helpend: 6}, "
                                                f"got {describe(construct(node))}")
    values = {}
    for key_node, value_node in node.value:
        name = check_sector(key_node, where, "profiel")
        value = construct(value_node)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= PROFILE_MAX:
            raise where.error(value_node.start_mark.line, f"'profiel' value for '{name}' must be a number "
                                                          f"from 0 to {PROFILE_MAX}, got {describe(value)}")
        values[name] = value
    return values


def check_size(node, where: Where) -> int:
    """grootte: a whole number of pixels within SIZE_RANGE."""
    value = construct(node)
    low, high = SIZE_RANGE
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise where.error(node.start_mark.line, f"'grootte' must be a whole number of pixels from {low} "
                                                f"to {high}, got {describe(value)}")
    return value


def check_language(node, where: Where) -> str:
    """taal: nl or en."""
    value = construct(node)
    if not isinstance(value, str):
        raise where.error(node.start_mark.line, f"'taal' must be nl or en, got {describe(value)}")
    if value not in LANGUAGES:
        raise where.error(node.start_mark.line, f"unknown language '{value}' in 'taal'"
                                                f"{suggest(value, LANGUAGES)} Valid languages: nl, en")
    return value


CHECKS = {
    "bijschrift": check_text,
    "markeer": functools.partial(check_sectors, option="markeer"),
    "complementariteit": functools.partial(check_sectors, option="complementariteit"),
    "profiel": check_profile,
    "grootte": check_size,
    "taal": check_language,
}


# ----------------------------------------------------------------------------------------- rendering

@functools.lru_cache(maxsize=1)
def templates() -> jinja2.Environment:
    """Jinja for our templates: every value escaped, a missing one an error."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def names(lang: str) -> dict[str, str]:
    """Sector id -> its name in `lang`."""
    return {s["id"]: s["naam"][lang] for s in load_data()["sectoren"]}


LABEL_LINE = 14  # characters per label line: longer names (English QTI names) wrap inside their sector


def label_lines(name: str) -> list[str]:
    """A sector name broken into short lines, after a slash or between words, so it stays in its sector."""
    words = name.replace("/", "/ ").split()
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + len(word) < LABEL_LINE and not lines[-1].endswith("/"):
            lines[-1] += " " + word
        else:
            lines.append(word)
    # a space stays at the end of a line broken between words, so the text reads whole to screen readers
    return [line if line.endswith("/") or i == len(lines) - 1 else line + " " for i, line in enumerate(lines)]


def svg_context(uid: str, lang: str, size: int, *, markeer=(), pijlen=(), profielen=(),
                keuze: bool = False) -> dict:
    """Everything cirkel.svg needs: geometry in viewBox units and the words in one language."""
    ids, name = sector_ids(), names(lang)
    table = load_data()["complementariteit"]
    sectors = []
    for i, sid in enumerate(ids):
        x, y = label_point(i)
        sectors.append({"id": sid, "naam": name[sid], "regels": label_lines(name[sid]), "d": wedge(i, R), "x": num(x), "y": num(y),
                        "markeer": sid in markeer})
    axes = axis_lines()
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
        "axes": {k: tuple(num(v) for v in line) for k, line in axes.items()},
        "axis_labels": axis_labels(lang),
        "arrows": arrows(pijlen),
        "profiles": list(profielen), "keuze": keuze,
    }


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
    return Markup(templates().get_template("cirkel.svg").render(**context))


def macro(name: str, **context) -> str:
    """One macro of cirkel.html, rendered."""
    return str(getattr(templates().get_template("cirkel.html").module, name)(**context))


def render_figure(options: dict, uid: str, lang: str) -> str:
    """```cirkel: the figure with caption, legend and text alternative."""
    ids, name, table = sector_ids(), names(lang), load_data()["complementariteit"]
    profiel = options["profiel"]
    profielen = [{"soort": "nu", "d": profile_path(profiel), "waarden": profiel}] if profiel else []
    context = svg_context(uid, lang, options["grootte"], markeer=options["markeer"],
                          pijlen=options["complementariteit"], profielen=profielen)
    rows = [{"naam": name[s], "kort": sector["kort"][lang], "markeer": s in options["markeer"],
             "waarde": (f"{profiel[s]:g}" if s in profiel else None)}
            for s, sector in zip(ids, load_data()["sectoren"])]
    return macro("figuur", uid=uid, lang=lang, svg=render_svg(context), bijschrift=options["bijschrift"],
                 rows=rows, t=words(lang), markeer=bool(options["markeer"]), profiel=bool(profiel),
                 dubbel=any(a["dubbel"] for a in context["arrows"]),
                 enkel=any(not a["dubbel"] for a in context["arrows"]),
                 pijlen=[text("pijl", lang, van=name[s], naar=name[table[s]])
                         for s in options["complementariteit"]])


def render_explorer(options: dict, uid: str, lang: str, link) -> str:
    """```cirkel-verkenner: the circle with clickable sectors, a radio group and one panel per sector."""
    ids, name, table = sector_ids(), names(lang), load_data()["complementariteit"]
    context = svg_context(uid, lang, options["grootte"], keuze=True)
    context["arrows"] = [{"van": s, "naar": table[s], **arrow(i, ids.index(table[s]))}
                         for i, s in enumerate(ids)]
    panels = [{"id": s["id"], "naam": s["naam"][lang], "beschrijving": s["beschrijving"][lang],
               "voorbeeld": s["voorbeeld"][lang], "uitnodiging": s["uitnodiging"][lang],
               "naar": table[s["id"]], "kop_uitnodiging": text("uitnodiging", lang, naar=name[table[s["id"]]]),
               "helpt": [{"href": link(h["doel"]), "tekst": h[lang]} for h in s["helpt"]]}
              for s in load_data()["sectoren"]]
    return macro("verkenner", uid=uid, lang=lang, svg=render_svg(context), panels=panels, t=words(lang))


def render_reflection(options: dict, uid: str, lang: str) -> str:
    """```cirkel-reflectie: two sliders per sector and both profiles drawn in the circle."""
    profielen = [{"soort": "nu", "d": "", "waarden": {}}, {"soort": "gewenst", "d": "", "waarden": {}}]
    context = svg_context(uid, lang, options["grootte"], profielen=profielen)
    rows = [{"id": s["id"], "naam": s["naam"][lang]} for s in load_data()["sectoren"]]
    return macro("reflectie", uid=uid, lang=lang, svg=render_svg(context), rows=rows, t=words(lang),
                 max=PROFILE_MAX)


def words(lang: str) -> dict[str, str]:
    """All fixed texts in one language (templates pick what they need)."""
    return {key: value[lang] for key, value in load_data()["teksten"].items()}


# ------------------------------------------------------------------------------------- MkDocs glue

_state: dict = {"root": None, "page": None, "files": None, "fences": [], "count": 0}


def on_config(config, **kwargs):
    """Register our fences with superfences (on_config runs once per language: add each only once)."""
    _state["root"] = os.path.dirname(config.config_file_path or "")
    load_data()  # a broken data file stops the build here, before any page
    if "pymdownx.superfences" not in config.markdown_extensions:
        config.markdown_extensions.append("pymdownx.superfences")
    fences = config.mdx_configs.setdefault("pymdownx.superfences", {}).setdefault("custom_fences", [])
    for name in FENCES:
        if not any(fence.get("name") == name for fence in fences):
            fences.append({"name": name, "class": name, "format": format_fence})
    return config


def on_page_markdown(markdown, page, config, files, **kwargs):
    """Remember the page and where its circle fences start, for ids and error messages."""
    gereedschap.page_context(page, config)
    _state.update(page=page, files=files, count=0, fences=find_fences(markdown))
    return markdown


def find_fences(markdown: str) -> list[dict]:
    """Every circle fence in a page: its language, first line (1-based) and dedented content."""
    found, lines = [], markdown.split("\n")
    index = 0
    while index < len(lines):
        match = RE_FENCE.match(lines[index])
        if match and match["lang"] in FENCES:
            fence, body, end = match["fence"], [], index + 1
            while end < len(lines) and not re.match(rf"^[ \t>]*{re.escape(fence)}[ \t]*$", lines[end]):
                body.append(lines[end][len(match["indent"]):])
                end += 1
            found.append({"lang": match["lang"], "line": index + 1, "source": textwrap.dedent("\n".join(body)),
                          "used": False})
            index = end
        index += 1
    return found


def locate(source: str, language: str) -> Where:
    """The page file and fence line of the block being formatted."""
    page = _state["page"]
    if page is None:
        return Where()
    path = page.file.abs_src_path or page.file.src_uri
    file = os.path.relpath(path, _state["root"]) if _state["root"] and page.file.abs_src_path else path
    candidates = [f for f in _state["fences"] if f["lang"] == language]
    for fence in candidates:
        if not fence["used"] and fence["source"].strip() == textwrap.dedent(source).strip():
            fence["used"] = True
            return Where(file.replace(os.sep, "/"), fence["line"])
    return Where(file.replace(os.sep, "/"), candidates[0]["line"] if candidates else 0)


def page_language(page) -> str:
    """The language of the page's source file (a Dutch fallback page under /en/ stays Dutch)."""
    if page is None:
        return "nl"
    locale = getattr(page.file, "locale", None)
    if locale in LANGUAGES:
        return locale
    return "en" if page.file.src_uri.endswith(".en.md") else "nl"


def link_from_page(target: str) -> str:
    """A docs-relative 'file.md#anchor' as a URL relative to the current page."""
    path, _, anchor = target.partition("#")
    page, files = _state["page"], _state["files"]
    suffix = f"#{anchor}" if anchor else ""
    if files is None:  # outside a MkDocs build (unit tests): .md -> .html, as use_directory_urls: false
        url = re.sub(r"\.md$", ".html", path)
        return (get_relative_url(url, page.file.url) if page is not None else url) + suffix
    file = files.get_file_from_path(path)
    if file is None:
        raise CirkelError(f"hooks/cirkel.yml: link target '{path}' is not a page in docs/")
    return get_relative_url(file.url, page.file.url) + suffix


def format_fence(source, language, class_name, options, md, **kwargs):
    """Superfences formatter for our three fences."""
    where = locate(source, language)
    gereedschap.current().need("cirkel.css", *(["cirkel.js"] if language != "cirkel" else []))
    parsed = parse_block(source, language, where)
    lang = parsed["taal"] or page_language(_state["page"])
    _state["count"] += 1
    uid = f"cirkel-{_state['count']}"
    render = {"cirkel": render_figure, "cirkel-verkenner": functools.partial(render_explorer, link=link_from_page),
              "cirkel-reflectie": render_reflection}[language]
    try:
        return render(parsed, uid, lang)
    except CirkelError:
        raise
    except Exception as error:  # superfences would swallow it and show the block as code: stop instead
        raise where.error(None, f"could not draw this '{language}' block: {error!r}") from error
