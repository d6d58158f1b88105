"""Worksheets: a ```werkblad fence of YAML becomes a fillable form that prints on one A4 page.

Material and pymdown-extensions offer task lists and admonitions, but no write-in fields, tables of
empty rows, day trackers, tallies or scale questions, nothing that keeps what a teacher fills in, no
one-page print layout and no check of an editor's input. This hook adds them:

- it registers the `werkblad` superfence from on_config (a hook cannot be named in mkdocs.yml);
- parse -> validate -> fit -> render: YAML in, checked data, the write-in line height that makes the
  sheet fill one A4 page, HTML out through Jinja templates (hooks/templates, autoescaped);
- bad input stops the build with the file, the line, what is wrong and how to fix it;
- the page holding `<!-- alle-werkbladen -->` (aan-de-slag/alle-werkbladen.md) gets every worksheet of
  its nav section, one per printed page.

Saving in the browser, the tally counts and printing blank or filled in live in
docs/assets/javascripts/werkbladen.js; the screen and print layout in docs/assets/stylesheets/werkbladen.css.
Links on a sheet assume `use_directory_urls: false`, as in mkdocs.yml.
"""
from __future__ import annotations

import dataclasses
import difflib
import os
import pathlib
import posixpath
import re

import jinja2
import yaml

import gereedschap
from mkdocs.exceptions import PluginError
from pymdownx.superfences import SuperFencesException

HERE = pathlib.Path(__file__).resolve().parent
FENCE_NAME = "werkblad"
MARKER = "<!-- alle-werkbladen -->"
# libyaml's loader reads `[Waar hadden we het over?]` (README example); pure-Python PyYAML stops at the '?'.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
RE_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*werkblad(?![\w-])[^\n]*$")


class WerkbladError(SuperFencesException, PluginError):
    """A malformed worksheet: superfences re-raises it (it swallows others) and MkDocs stops the build."""


class BlockError(Exception):
    """A problem inside one block, with its 0-based line in the block (None: the block as a whole)."""

    def __init__(self, message: str, line: int | None = None):
        """Keep the editor-facing message and the line it is about."""
        super().__init__(message)
        self.message = message
        self.line = line


# --- data beside the code ---------------------------------------------------------------------

def load_data(name: str):
    """A YAML data file from beside this hook."""
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8"))


@dataclasses.dataclass(frozen=True)
class Aanbeveling:
    """A recommendation ("3") or sub-recommendation ("3.2"): its official title and where it lives."""

    nummer: str
    titel: str
    pagina: str   # path under docs/, e.g. aanbevelingen/3-autonomie-en-structuur.md
    anker: str    # "" for a whole recommendation
    title: str = ""  # the English title (TERMINOLOGY.md)

    def titel_in(self, language: str) -> str:
        """The title in the page's language: English on English pages, else the official Dutch one."""
        return self.title if language == "en" and self.title else self.titel

    @property
    def html(self) -> str:
        """The built page and anchor, relative to the site (language) root."""
        target = re.sub(r"\.md$", ".html", self.pagina)
        return f"{target}#{self.anker}" if self.anker else target


def aanbevelingen(entries: list[dict]) -> dict[str, Aanbeveling]:
    """Every recommendation and sub-recommendation by its number, from hooks/aanbevelingen.yml."""
    found = {}
    for entry in entries:
        number = str(entry["nummer"])
        found[number] = Aanbeveling(number, entry["titel"], entry["pagina"], "", entry["title"])
        for m, (title, english) in enumerate(zip(entry["sub"], entry["sub_en"], strict=True), 1):
            found[f"{number}.{m}"] = Aanbeveling(f"{number}.{m}", title, entry["pagina"],
                                                 f"aanbeveling-{number}-{m}", english)
    return found


AANBEVELINGEN = aanbevelingen(load_data("aanbevelingen.yml"))
UI = load_data("werkbladen.yml")


def strings(language: str) -> dict[str, str]:
    """The UI words for a page language (falls back to Dutch)."""
    return UI.get((language or "nl").split("-")[0].split("_")[0], UI["nl"])


def sub_ranges() -> str:
    """'1.1–1.5, 2.1–2.5, …' from the data, for error messages."""
    last = {}
    for number in AANBEVELINGEN:
        if "." in number:
            main, sub = number.split(".")
            last[main] = max(last.get(main, 0), int(sub))
    return ", ".join(f"{main}.1–{main}.{m}" for main, m in last.items())


# --- the author syntax ------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Field:
    """One field of a part: its kind ('text', 'items', 'names', 'int'), whether required, default, range."""

    kind: str
    required: bool = False
    default: object = None
    low: int | None = None
    high: int | None = None


TOP_FIELDS = ("titel", "aanbeveling", "intro", "onderdelen")
PARTS: dict[str, dict[str, Field] | None] = {
    "tekst": None,  # a plain string, not fields
    "aanvulling": None,  # a plain string: a tip of this site's own, shown with the site's label
    "stappen": {"titel": Field("text"), "items": Field("items", required=True)},
    "checklist": {"titel": Field("text"), "items": Field("items", required=True)},
    "vragen": {"titel": Field("text"), "items": Field("items", required=True),
               "regels": Field("int", default=3, low=1, high=10)},
    "veld": {"label": Field("text", required=True), "regels": Field("int", low=1, high=20),
             "vak": Field("int", low=1, high=30)},
    "tabel": {"titel": Field("text"), "kolommen": Field("names", required=True, low=1, high=8),
              "rijen": Field("int", required=True, low=1, high=40)},
    "dagen": {"titel": Field("text"), "aantal": Field("int", default=10, low=1, high=20),
              "kolommen": Field("names", default=(), low=1, high=4)},
    "turven": {"titel": Field("text"), "dagen": Field("int", default=5, low=1, high=10)},
    "schaal": {"vraag": Field("text", required=True), "van": Field("int", default=1, low=0, high=9),
               "tot": Field("int", default=10, low=1, high=10)},
}


def describe(value) -> str:
    """How a YAML value reads to an editor: 'a text', 'a number (12)', 'a list' …"""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"a text ('{value}')"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return f"a {type(value).__name__}"


def kind_hint(spec: Field) -> str:
    """What a field expects, in words: 'a whole number from 1 to 40', 'a list of texts' …"""
    if spec.kind == "int":
        return f"a whole number from {spec.low} to {spec.high}"
    if spec.kind == "items":
        return "a list of texts, each on its own line starting with '- '"
    if spec.kind == "names":
        return f"a list of {spec.low} to {spec.high} names, e.g. [Naam, Datum]"
    return "a text"


def did_you_mean(word: str, valid) -> str:
    """' did you mean 'x'?' for a near miss among the valid words, else ''."""
    close = difflib.get_close_matches(str(word), list(valid), n=1, cutoff=0.6)
    return f" did you mean '{close[0]}'?" if close else ""


def unknown(what: str, word, valid, where: str = "") -> str:
    """The message for an unknown field or part, with a suggestion and the valid names."""
    label = "parts" if what == "part" else "fields"
    hint = did_you_mean(word, valid)
    return f"unknown {what} '{word}'{where}{';' + hint if hint else '.'} Valid {label}: {', '.join(valid)}."


# --- parse ------------------------------------------------------------------------------------

def parse(source: str) -> tuple[object, dict[tuple, int]]:
    """YAML text -> (data, the 0-based block line of every key and list item by its path)."""
    try:
        loader = LOADER(source)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        problem = (error.problem or "unreadable YAML").strip()
        if error.context:
            problem = f"{error.context.strip()}, {problem}"
        # An unclosed quote or bracket is noticed later on: point at where it was opened.
        opened = re.search(r"quoted scalar|flow|end of stream", problem) and error.context_mark is not None
        mark = error.context_mark if opened else (error.problem_mark or error.context_mark)
        if "got '?'" in problem:
            problem += " (a '?' inside [ ] needs quotes: [\"Waar ging het over?\"])"
        raise BlockError(
            f"YAML syntax error: {problem}. Check the indentation (spaces, no tabs) and put a text in "
            "quotes when it contains ': ' or starts with a quote, '-', '[', '{' or '*'.",
            mark.line if mark else None) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow, e.g. a control character
        line = source[:error.position].count("\n")
        raise BlockError(f"YAML syntax error: {str(error).splitlines()[0]}; remove that character.", line) from None
    lines: dict[tuple, int] = {}
    if node is not None:
        record_lines(node, (), lines)
    return data, lines


def record_lines(node, path: tuple, lines: dict[tuple, int]) -> None:
    """Walk the YAML node tree, noting each key's and item's line; a key given twice is an error."""
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                raise BlockError(f"field '{key}' appears twice here; keep one.", key_node.start_mark.line)
            seen.add(key)
            lines[path + (key,)] = key_node.start_mark.line
            record_lines(value_node, path + (key,), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line
            record_lines(item, path + (index,), lines)


def line_of(lines: dict[tuple, int], path: tuple) -> int | None:
    """The block line of a path, or of its nearest parent that has one."""
    path = tuple(str(p) if not isinstance(p, int) else p for p in path)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None


# --- validate ---------------------------------------------------------------------------------

def validate(data, lines: dict[tuple, int]) -> dict:
    """Checked, normalised worksheet data with defaults filled in, or a BlockError saying how to fix it."""
    if data is None:
        raise BlockError("the werkblad block is empty; start with 'titel:', 'aanbeveling:' and 'onderdelen:' "
                         "(see the README, 'Een werkblad').")
    if not isinstance(data, dict):
        raise BlockError("a werkblad block holds fields (titel, aanbeveling, intro, onderdelen), "
                         f"each as 'name: value' on its own line, not {describe(data)}.", 0)
    for key in data:
        if str(key) not in TOP_FIELDS:
            raise BlockError(unknown("field", key, TOP_FIELDS), line_of(lines, (key,)))
    if "titel" not in data:
        raise BlockError("missing field 'titel'; give the worksheet a title, e.g. 'titel: De 2×10-oefening'.")
    sheet = {
        "titel": check_text(data["titel"], "field 'titel'", line_of(lines, ("titel",)), "give the worksheet a title"),
        "aanbeveling": check_aanbeveling(data, lines),
        "intro": None,
    }
    if "intro" in data:
        sheet["intro"] = check_text(data["intro"], "field 'intro'", line_of(lines, ("intro",)),
                                    "write a sentence or leave the field out")
    sheet["onderdelen"] = check_parts(data, lines)
    return sheet


def check_text(value, name: str, line: int | None, fix: str) -> str:
    """A non-empty text; numbers and yes/no values must be quoted."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise BlockError(f"{name} is empty; {fix}.", line)
    if isinstance(value, (bool, int, float)):
        raise BlockError(f"{name} must be a text, not {describe(value)}; put it in quotes.", line)
    if not isinstance(value, str):
        hint = " (a ': ' inside a text needs quotes)" if isinstance(value, dict) else ""
        raise BlockError(f"{name} must be a text, not {describe(value)}{hint}.", line)
    return value.strip()


def check_aanbeveling(data: dict, lines: dict[tuple, int]) -> Aanbeveling:
    """The (sub-)recommendation the sheet belongs to: "1" … "6" or an existing "N.M"."""
    if "aanbeveling" not in data or data["aanbeveling"] is None:
        raise BlockError("missing field 'aanbeveling'; name the recommendation the worksheet belongs to, "
                         "e.g. 'aanbeveling: \"1.3\"'.", line_of(lines, ("aanbeveling",)))
    value = data["aanbeveling"]
    line = line_of(lines, ("aanbeveling",))
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise BlockError(f"field 'aanbeveling' must be a number in quotes such as \"1.3\", not {describe(value)}.", line)
    number = format(value, "g") if isinstance(value, float) else str(value).strip()
    if number not in AANBEVELINGEN:
        hint = f" Did you mean \"{number.replace(',', '.')}\"?" if number.replace(",", ".") in AANBEVELINGEN else ""
        raise BlockError(f"aanbeveling \"{number}\" does not exist; use \"1\" … \"6\" for a recommendation or "
                         f"\"N.M\" for a sub-recommendation ({sub_ranges()}).{hint}", line)
    return AANBEVELINGEN[number]


def check_parts(data: dict, lines: dict[tuple, int]) -> list[dict]:
    """The list under 'onderdelen', each part checked against PARTS."""
    if "onderdelen" not in data:
        raise BlockError("missing field 'onderdelen'; list the parts of the worksheet below it, each starting "
                         f"with '- ' and a part name ({', '.join(PARTS)}).")
    value = data["onderdelen"]
    line = line_of(lines, ("onderdelen",))
    if value is None or value == []:
        raise BlockError("field 'onderdelen' is empty; add at least one part, e.g. '- tekst: …'.", line)
    if not isinstance(value, list):
        raise BlockError("field 'onderdelen' must be a list of parts, each on its own line starting with '- ', "
                         f"not {describe(value)}.", line)
    return [check_part(part, index, lines) for index, part in enumerate(value)]


def check_part(part, index: int, lines: dict[tuple, int]) -> dict:
    """One part: exactly one known key whose fields are all valid."""
    path = ("onderdelen", index)
    number = index + 1
    line = line_of(lines, path)
    if isinstance(part, str) and part.strip() in PARTS:
        raise BlockError(f"part {number} ('{part.strip()}') has no colon; write '- {part.strip()}:' with its "
                         "fields indented below it.", line)
    if not isinstance(part, dict):
        raise BlockError(f"part {number} must be one part name with a colon, such as '- tekst: …' or "
                         f"'- stappen:', not {describe(part)}.", line)
    if len(part) != 1:
        keys = ", ".join(str(k) for k in part)
        raise BlockError(f"part {number} has {len(part)} keys ({keys}); a part has exactly one key, its name, "
                         "with its fields indented below it (e.g. '- veld:' and on the next line "
                         "'    label: …'). Start every part on its own line with '- '.", line)
    name, value = next(iter(part.items()))
    name = str(name)
    if name not in PARTS:
        raise BlockError(unknown("part", name, PARTS), line_of(lines, path + (name,)))
    fields = PARTS[name]
    here = path + (name,)
    if fields is None:  # tekst, aanvulling
        return {"soort": name, "tekst": check_text(value, f"part '{name}'", line, f"write its text after '{name}: '")}
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise BlockError(f"part '{name}' must hold fields ({', '.join(fields)}) indented below '{name}:', "
                         f"not {describe(value)}.", line)
    for key in value:
        if str(key) not in fields:
            raise BlockError(unknown("field", key, fields, f" in part '{name}'"), line_of(lines, here + (key,)))
    checked = {"soort": name}
    for key, spec in fields.items():
        where = f"field '{key}' in part '{name}'"
        key_line = line_of(lines, here + (key,))
        if key not in value:
            if spec.required:
                raise BlockError(f"part '{name}' is missing field '{key}' ({kind_hint(spec)}).", line)
            checked[key] = list(spec.default) if isinstance(spec.default, tuple) else spec.default
            continue
        checked[key] = check_field(value[key], spec, where, key_line, lines, here + (key,))
    return check_combination(checked, name, line)


def check_field(value, spec: Field, where: str, line: int | None, lines: dict[tuple, int], path: tuple):
    """One field's value against its spec: type, emptiness, range."""
    if spec.kind == "text":
        return check_text(value, where, line, "write it or leave the field out")
    if spec.kind == "int":
        if isinstance(value, str) and value.strip().isdigit():
            raise BlockError(f"{where} must be a whole number, not a text ('{value}'); remove the quotes.", line)
        if isinstance(value, bool) or not isinstance(value, int):
            raise BlockError(f"{where} must be {kind_hint(spec)}, not {describe(value)}.", line)
        if not spec.low <= value <= spec.high:
            raise BlockError(f"{where} is {value}; it must be from {spec.low} to {spec.high}.", line)
        return value
    noun = "item" if spec.kind == "items" else "name"
    if value is None or value == []:
        optional = "" if spec.required else ", or leave the field out"
        raise BlockError(f"{where} is empty; add at least one {noun}, each on its own line starting with "
                         f"'- '{optional}.", line)
    if not isinstance(value, list):
        raise BlockError(f"{where} must be {kind_hint(spec)}, not {describe(value)}.", line)
    if spec.kind == "names" and not spec.low <= len(value) <= spec.high:
        raise BlockError(f"{where} has {len(value)} names; use {spec.low} to {spec.high}.", line)
    return [check_text(item, f"{noun} {i} of {where}", line_of(lines, path + (i - 1,)),
                       "write its text or remove the line")
            for i, item in enumerate(value, 1)]


def check_combination(part: dict, name: str, line: int | None) -> dict:
    """Rules that involve two fields of one part (veld: regels or vak; schaal: van < tot)."""
    if name == "veld":
        if part["regels"] is not None and part["vak"] is not None:
            raise BlockError("part 'veld' has both 'regels' and 'vak'; choose one: 'regels' for lined space, "
                             "'vak' for an open box.", line)
        if part["regels"] is None and part["vak"] is None:
            raise BlockError("part 'veld' needs 'regels' (1–20 lines) or 'vak' (an open box of 1–30 lines).", line)
    if name == "schaal" and part["van"] >= part["tot"]:
        raise BlockError(f"in part 'schaal', 'van' ({part['van']}) must be smaller than 'tot' ({part['tot']}).", line)
    return part


# --- fit on one A4 page -----------------------------------------------------------------------

# Print geometry in mm, matching werkbladen.css (@page margins 10 mm × 12 mm, text 10.5pt, line 1.3).
PAGE_HEIGHT = 297 - 2 * 10 - 3      # 3 mm to spare for rounding and fonts that run longer
PAGE_WIDTH = 210 - 2 * 12
TEXT_LINE = 4.9                     # one line of 10.5pt text
CHAR = 2.0                          # an average character, generously (fonts differ per system)
DAY_COLUMNS = 61                    # Dag, Datum and Gedaan columns of a day tracker (16.5em at 10.5pt)
WRITE_MIN, WRITE_MAX = 5.2, 9.0     # height of one write-in line / table row
ROW_BORDER = 0.3                    # the rule between two table rows


def text_lines(text: str, width: float = PAGE_WIDTH, char: float = CHAR) -> int:
    """How many printed lines a text takes at a width: words wrapped greedily at an average character width."""
    per_line = max(6, int(width / char))
    lines = 0
    for paragraph in text.split("\n"):
        used = None  # characters on the current line; None before the first word
        for word in paragraph.split() or [""]:
            if used is not None and used + 1 + len(word) <= per_line:
                used += 1 + len(word)
            else:
                lines += 1 + (len(word) - 1) // per_line if word else 1  # a long word breaks
                used = len(word) % per_line or (per_line if word else 0)
    return max(1, lines)


def part_size(part: dict) -> tuple[float, int]:
    """(mm of text and rules, number of write-in lines) that a part takes on paper."""
    kind = part["soort"]
    fixed, write = 3.5, 0                                     # space above a part
    if part.get("titel"):
        fixed += 6.5 * text_lines(part["titel"], char=2.6)
    if kind == "tekst":
        fixed += TEXT_LINE * text_lines(part["tekst"])
    elif kind == "aanvulling":
        fixed += TEXT_LINE * (1 + text_lines(part["tekst"])) + 2     # the label line, a dashed border
    elif kind in ("stappen", "checklist"):
        fixed += sum(TEXT_LINE * text_lines(item, PAGE_WIDTH - 10) + 1.2 for item in part["items"])
    elif kind == "vragen":
        for item in part["items"]:
            fixed += TEXT_LINE * text_lines(item, PAGE_WIDTH - 8) + 2.6
            write += part["regels"]
    elif kind == "veld":
        fixed += TEXT_LINE * text_lines(part["label"]) + 1.5
        write += part["regels"] or part["vak"]
    elif kind in ("tabel", "dagen"):
        columns = part["kolommen"] or ["Dag"]
        width = (PAGE_WIDTH - (0 if kind == "tabel" else DAY_COLUMNS)) / len(columns)
        rows = part["rijen"] if kind == "tabel" else part["aantal"]
        fixed += 2 + 4.6 * max(text_lines(name, width - 2.4, 1.9) for name in columns) + ROW_BORDER * rows
        write += rows
    elif kind == "turven":
        fixed += 7 + 7 + 2 * TEXT_LINE + 2 + ROW_BORDER * part["dagen"]   # header, totals, two notes
        write += part["dagen"]
    elif kind == "schaal":
        fixed += 5.5 * text_lines(part["vraag"], char=2.3) + 6            # bold question, row of circles
    return fixed, write


def fit(sheet: dict) -> float:
    """The write-in line height (mm) that lets the sheet fill one A4 page; a BlockError if it cannot fit."""
    # site name, title, recommendation, the name line's margin, footer; the name line itself is a write-in line
    fixed = 4.6 + 1 + 7.5 * text_lines(sheet["titel"], char=3.3) + 6 + 1 + 10
    if sheet["intro"]:
        fixed += TEXT_LINE * text_lines(sheet["intro"]) + 1.5
    write = 1
    for part in sheet["onderdelen"]:
        part_fixed, part_write = part_size(part)
        fixed += part_fixed
        write += part_write
    height = (PAGE_HEIGHT - fixed) / write
    if height < WRITE_MIN:
        raise BlockError(too_long(fixed, write))
    return round(min(WRITE_MAX, height), 2)


def too_long(fixed: float, write: int) -> str:
    """The message for a worksheet that cannot print on one A4 page (write counts the name line too)."""
    fixed, write = fixed + WRITE_MIN, write - 1   # tell the editor about their own lines only
    if not write:
        return (f"the worksheet does not fit on one A4 page: its texts take about {fixed:.0f} mm of the "
                f"{PAGE_HEIGHT} mm a page has. Shorten texts or drop a part.")
    need = fixed + write * WRITE_MIN
    return (f"the worksheet does not fit on one A4 page: its texts take about {fixed:.0f} mm and its {write} "
            f"write-in lines at least {write * WRITE_MIN:.0f} mm, about {need:.0f} mm of the {PAGE_HEIGHT} mm "
            "a page has. Shorten texts, drop a part or lower regels, vak, rijen, aantal or dagen.")


# --- render -----------------------------------------------------------------------------------

ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                         undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render(sheet: dict, *, sheet_id: str, ui: dict, link: str, address: str, address_href: str,
           site_name: str, spacing: float, together: bool = False) -> str:
    """The worksheet's HTML (a <form>), all text escaped by the template."""
    html = ENV.get_template("werkblad.html").render(
        sheet=sheet, id=sheet_id, ui=ui, link=link, address=address, address_href=address_href,
        site_name=site_name, spacing=f"{spacing:g}", together=together)
    return compact(html)


def render_toolbar(ui: dict, *, scope: str) -> str:
    """The print/clear buttons; scope 'werkblad' acts on one sheet, 'pagina' on every sheet of the page."""
    return compact(ENV.get_template("werkblad-knoppen.html").render(ui=ui, scope=scope))


def compact(html: str) -> str:
    """Drop blank lines, so Markdown keeps the HTML as one raw block."""
    return re.sub(r"\n\s*\n+", "\n", html).strip()


def relative(target: str, *, start: str) -> str:
    """A site-root path (with optional #anchor) as a link from the page at start."""
    path, _, anchor = target.partition("#")
    link = posixpath.relpath(path, posixpath.dirname(start) or ".")
    return f"{link}#{anchor}" if anchor else link


def slug(text: str) -> str:
    """A lower-case id fragment of letters, digits and dashes."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "werkblad"


# --- where a block sits in the Markdown files -------------------------------------------------

@dataclasses.dataclass
class Block:
    """A ```werkblad fence found in a Markdown file."""

    source: str         # content, normalised (see normalise)
    fence: str          # the opening fence, e.g. ```
    path: str           # file as named in messages, e.g. docs/aan-de-slag/2x10-oefening.md
    first_line: int     # 1-based file line of the block's first non-blank content line (fence + 1 if none)
    fence_line: int     # 1-based file line of the opening fence
    url: str            # the built page the block belongs to, e.g. aan-de-slag/2x10-oefening.html
    stem: str           # its file name without .md, for the sheet's id


def normalise(source: str) -> str:
    """Block content compared line by line: tabs expanded, trailing spaces and blank edges dropped."""
    return "\n".join(line.rstrip() for line in source.expandtabs(4).split("\n")).strip("\n")


def find_blocks(text: str, *, path: str, url: str, stem: str) -> list[Block]:
    """Every ```werkblad fence in a Markdown file (front matter included, so lines match the file)."""
    lines = text.split("\n")
    blocks, index = [], 0
    while index < len(lines):
        opening = RE_FENCE_OPEN.match(lines[index])
        if not opening:
            index += 1
            continue
        fence, indent = opening["fence"], len(opening["indent"].expandtabs(4))
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = index + 1
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        content = [line.expandtabs(4)[indent:] if line[:indent].strip() == "" else line.lstrip()
                   for line in lines[index + 1:end]]
        lead = next((i for i, line in enumerate(content) if line.strip()), 0)
        blocks.append(Block(normalise("\n".join(content)), fence, path, index + 2 + lead, index + 1, url, stem))
        index = end + 1
    return blocks


@dataclasses.dataclass
class Context:
    """What the fence formatter knows about the page being built (set in on_page_markdown)."""

    path: str = "werkblad"
    src_uri: str = "werkblad.md"
    url: str = "werkblad.html"
    language: str = "nl"
    site_name: str = ""
    together: bool = False
    blocks: list[Block] = dataclasses.field(default_factory=list)
    ids: set[str] = dataclasses.field(default_factory=set)

    def find(self, source: str) -> Block:
        """The block in the page's files whose content is source (or a stand-in naming only the file)."""
        wanted = normalise(source)
        for block in self.blocks:
            if block.source == wanted:
                return block
        return Block(wanted, "```", self.path, 0, 0, self.url, "")

    def new_id(self, block: Block, title: str) -> str:
        """A sheet id unique on this page, from the worksheet's own page name."""
        base = f"werkblad-{slug(block.stem or title)}"
        sheet_id, n = base, 1
        while sheet_id in self.ids:
            n += 1
            sheet_id = f"{base}-{n}"
        self.ids.add(sheet_id)
        return sheet_id


CURRENT = Context()


def located(error: BlockError, block: Block, source: str) -> str:
    """'docs/…/x.md, line 14: message' for an error inside a block."""
    if not block.fence_line:
        return f"{block.path}: {error.message}"
    if error.line is None:
        return f"{block.path}, line {block.fence_line}: {error.message}"
    src_lines = source.expandtabs(4).split("\n")
    lead = next((i for i, line in enumerate(src_lines) if line.strip()), 0)
    return f"{block.path}, line {block.first_line + error.line - lead}: {error.message}"


def check(source: str) -> tuple[dict, float]:
    """parse -> validate -> fit: the checked sheet and its write-in line height, or a BlockError."""
    sheet = validate(*parse(source))
    return sheet, fit(sheet)


def format_werkblad(source, language, css_class, options, md, **kwargs) -> str:
    """Superfences formatter: one ```werkblad block as HTML, or a WerkbladError that stops the build."""
    context = CURRENT
    block = context.find(source)
    try:
        sheet, spacing = check(source)
    except BlockError as error:
        raise WerkbladError(located(error, block, source)) from None
    ui = strings(context.language)
    gereedschap.current().need("werkbladen.css", "werkbladen.js")
    return render(
        sheet, sheet_id=context.new_id(block, sheet["titel"]), ui=ui,
        link=relative(sheet["aanbeveling"].html, start=context.src_uri),
        address=block.url, address_href=relative(block.url, start=context.url),
        site_name=context.site_name, spacing=spacing, together=context.together)


# --- MkDocs events ----------------------------------------------------------------------------

def on_config(config, **kwargs):
    """Register the werkblad fence with superfences (once: static-i18n runs on_config per language)."""
    if "pymdownx.superfences" not in config.markdown_extensions:
        raise PluginError("hooks/werkbladen.py needs the pymdownx.superfences Markdown extension in mkdocs.yml.")
    if config.use_directory_urls:
        raise PluginError("hooks/werkbladen.py writes links for use_directory_urls: false; set it in mkdocs.yml.")
    settings = config.mdx_configs.setdefault("pymdownx.superfences", {})
    fences = settings.setdefault("custom_fences", [])
    if not any(fence.get("name") == FENCE_NAME for fence in fences):
        fences.append({"name": FENCE_NAME, "class": FENCE_NAME, "format": format_werkblad})
    return config


def on_page_markdown(markdown, page, config, files, **kwargs):
    """Tell the formatter which page it is on; on the print-all page, pull in every worksheet."""
    global CURRENT
    gereedschap.page_context(page, config)
    root = os.path.dirname(config.config_file_path or "") or os.getcwd()
    CURRENT = Context(path=shown_path(page.file, root), src_uri=page.file.src_uri, url=page.url,
                      language=config.theme.get("language") or "nl", site_name=config.site_name,
                      blocks=blocks_of(page, root))
    if MARKER in markdown:
        markdown = include_all(markdown, page, root)
    return markdown


def shown_path(file, root: str) -> str:
    """The Markdown file as an editor finds it, e.g. docs/aan-de-slag/2x10-oefening.md."""
    if file.abs_src_path:
        return os.path.relpath(file.abs_src_path, root).replace(os.sep, "/")
    return f"docs/{file.src_uri}"  # a page generated by a plugin


def blocks_of(page, root: str) -> list[Block]:
    """The ```werkblad fences of a page's Markdown file, with their lines."""
    stem = posixpath.basename(page.file.src_uri).split(".")[0]
    return find_blocks(page.file.content_string, path=shown_path(page.file, root), url=page.url, stem=stem)


def include_all(markdown: str, page, root: str) -> str:
    """Replace the marker with a page-wide toolbar and the worksheet of every page in the same nav section."""
    parts = []
    for item in page.parent.children if page.parent else []:
        if not getattr(item, "is_page", False) or item.file.src_uri == page.file.src_uri:
            continue
        for block in blocks_of(item, root):
            CURRENT.blocks.append(block)
            parts.append(f"{block.fence}werkblad\n{block.source}\n{block.fence}")
    CURRENT.together = True
    toolbar = render_toolbar(strings(CURRENT.language), scope="pagina")
    return markdown.replace(MARKER, "\n\n".join([toolbar, *parts]))
