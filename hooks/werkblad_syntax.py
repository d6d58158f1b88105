"""The worksheet syntax (REDACTIE.md, "Een werkblad"): one declarative table of parts, and its checks.

`PARTS` is the single description of what an editor may write in a ```werkblad block: each part's
fields with their kind, range, default and meaning. The checks read it, and REDACTIE.md's table of parts is
generated from it (`readme_table`, kept in step by tests/unit/test_werkbladen.py). `validate` turns the
YAML of a block (read by gereedschap.parse_yaml, with a line per key) into checked, normalised data, or
raises a BlockError that says what is wrong, on which line, and how to fix it.
"""
from __future__ import annotations

import dataclasses
import re

from gereedschap import BlockError, Field, check_fields, check_text, data, describe, line_of, unknown


@dataclasses.dataclass(frozen=True)
class Part:
    """One kind of part: its fields (None: the part is a single text) and what it renders as."""

    fields: dict[str, Field] | None
    renders: str


TITEL = Field("text", help="a heading above the part")
OURS = Field("flag", default=False, help="true: the part is this site's own, shown inside the marker 'Aanvulling van deze site'")
PARTS: dict[str, Part] = {
    "tekst": Part(None, "a short paragraph"),
    "aanvulling": Part(None, "a tip of this site's own, inside the marker 'Aanvulling van deze site'"),
    "stappen": Part({"titel": TITEL, "items": Field("items", required=True, help="the steps")}, "numbered steps"),
    "checklist": Part({"titel": TITEL, "items": Field("items", required=True, help="the items")}, "tick boxes"),
    "vragen": Part({"titel": TITEL, "items": Field("items", required=True, help="the questions"),
                    "regels": Field("int", default=3, low=1, high=10, help="write-in lines per question")},
                   "each question with a write-in field"),
    "veld": Part({"label": Field("text", required=True, help="the question or label"),
                  "regels": Field("int", low=1, high=20, help="lined space, in lines"),
                  "vak": Field("int", low=1, high=30, help="an open box, in lines")},
                 "one write-in field (give either regels or vak)"),
    "tabel": Part({"titel": TITEL, "kolommen": Field("names", required=True, low=1, high=8, help="column names"),
                   "rijen": Field("int", required=True, low=1, high=40, help="empty rows")},
                  "a table with empty rows to fill in"),
    "dagen": Part({"titel": TITEL, "aantal": Field("int", default=10, low=1, high=20, help="school days"),
                   "kolommen": Field("names", default=(), low=1, high=4, help="extra columns")},
                  "a day tracker: one row per school day with a date, a tick box and the extra columns"),
    "turven": Part({"titel": TITEL, "dagen": Field("int", default=5, low=1, high=10, help="days")},
                   "a tally of positive and negative interactions per day, with the 3:1 check"),
    "schaal": Part({"vraag": Field("text", required=True, help="the scale question"),
                    "van": Field("int", default=1, low=0, high=9, help="lowest number"),
                    "tot": Field("int", default=10, low=1, high=10, help="highest number, more than van")},
                   "a scale question (schaalvraag): one tick circle per number"),
}
TOP_FIELDS = ("titel", "aanbeveling", "intro", "sleutel", "onderdelen")
RE_SLEUTEL = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


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
    """Every recommendation and sub-recommendation by its number, from data/aanbevelingen.yml."""
    found = {}
    for place, entry in enumerate(entries, 1):
        titles = [entry.get("titel")] + list(entry.get("sub") or [])
        if not (str(entry.get("nummer", "")).isdigit() and entry.get("pagina") and entry.get("sub")
                and all(isinstance(t, dict) and set(t) == {"nl", "en"} and all(t.values()) for t in titles)):
            raise ValueError(f"data/aanbevelingen.yml, entry {place}: needs nummer, pagina, titel and a list sub; "
                             "every title as {nl: …, en: …}")
        number = str(entry["nummer"])
        found[number] = Aanbeveling(number, entry["titel"]["nl"], entry["pagina"], "", entry["titel"]["en"])
        for m, title in enumerate(entry["sub"], 1):
            found[f"{number}.{m}"] = Aanbeveling(f"{number}.{m}", title["nl"], entry["pagina"],
                                                 f"aanbeveling-{number}-{m}", title["en"])
    return found


AANBEVELINGEN = aanbevelingen(data("aanbevelingen.yml"))


def sub_ranges() -> str:
    """'1.1–1.5, 2.1–2.5, …' from the data, for error messages."""
    last: dict[str, int] = {}
    for number in AANBEVELINGEN:
        if "." in number:
            main, sub = number.split(".")
            last[main] = max(last.get(main, 0), int(sub))
    return ", ".join(f"{main}.1–{main}.{m}" for main, m in last.items())


def validate(value, lines: dict[tuple, int]) -> dict:
    """Checked, normalised worksheet data with defaults filled in, or a BlockError saying how to fix it."""
    if value is None:
        raise BlockError("the werkblad block is empty; start with 'titel:', 'aanbeveling:' and 'onderdelen:' "
                         "(see REDACTIE.md, 'Een werkblad').")
    if not isinstance(value, dict):
        raise BlockError("a werkblad block holds fields (titel, aanbeveling, intro, onderdelen), "
                         f"each as 'name: value' on its own line, not {describe(value)}.", 0)
    for key in value:
        if str(key) not in TOP_FIELDS:
            raise BlockError(unknown("field", key, TOP_FIELDS), line_of(lines, (key,)))
    if "titel" not in value:
        raise BlockError("missing field 'titel'; give the worksheet a title, e.g. 'titel: De 2×10-oefening'.")
    sheet = {
        "titel": check_text(value["titel"], "field 'titel'", line_of(lines, ("titel",)), "give the worksheet a title"),
        "aanbeveling": check_aanbeveling(value, lines),
        "intro": None,
        "sleutel": check_sleutel(value, lines),
    }
    if "intro" in value:
        sheet["intro"] = check_text(value["intro"], "field 'intro'", line_of(lines, ("intro",)),
                                    "write a sentence or leave the field out")
    sheet["onderdelen"] = check_parts(value, lines)
    return sheet


def check_sleutel(value: dict, lines: dict[tuple, int]) -> str | None:
    """The optional key under which a sheet's answers are kept (REDACTIE.md: "Waar antwoorden blijven")."""
    if "sleutel" not in value:
        return None
    line = line_of(lines, ("sleutel",))
    key = check_text(value["sleutel"], "field 'sleutel'", line, "write a short name such as 'herstel-kort'")
    if not RE_SLEUTEL.match(key):
        raise BlockError(f"field 'sleutel' ('{key}') may hold only lower-case letters, digits and dashes, "
                         "e.g. 'herstel-kort'.", line)
    return key


def check_aanbeveling(value: dict, lines: dict[tuple, int]) -> Aanbeveling:
    """The (sub-)recommendation the sheet belongs to: "1" … "6" or an existing "N.M"."""
    line = line_of(lines, ("aanbeveling",))
    if value.get("aanbeveling") is None:
        raise BlockError("missing field 'aanbeveling'; name the recommendation the worksheet belongs to, "
                         "e.g. 'aanbeveling: \"1.3\"'.", line)
    number = value["aanbeveling"]
    if isinstance(number, bool) or not isinstance(number, (str, int, float)):
        raise BlockError(f"field 'aanbeveling' must be a number in quotes such as \"1.3\", not {describe(number)}.", line)
    number = format(number, "g") if isinstance(number, float) else str(number).strip()
    if number not in AANBEVELINGEN:
        hint = f" Did you mean \"{number.replace(',', '.')}\"?" if number.replace(",", ".") in AANBEVELINGEN else ""
        raise BlockError(f"aanbeveling \"{number}\" does not exist; use \"1\" … \"6\" for a recommendation or "
                         f"\"N.M\" for a sub-recommendation ({sub_ranges()}).{hint}", line)
    return AANBEVELINGEN[number]


def check_parts(value: dict, lines: dict[tuple, int]) -> list[dict]:
    """The list under 'onderdelen', each part checked against PARTS."""
    if "onderdelen" not in value:
        raise BlockError("missing field 'onderdelen'; list the parts of the worksheet below it, each starting "
                         f"with '- ' and a part name ({', '.join(PARTS)}).")
    parts = value["onderdelen"]
    line = line_of(lines, ("onderdelen",))
    if parts is None or parts == []:
        raise BlockError("field 'onderdelen' is empty; add at least one part, e.g. '- tekst: …'.", line)
    if not isinstance(parts, list):
        raise BlockError("field 'onderdelen' must be a list of parts, each on its own line starting with '- ', "
                         f"not {describe(parts)}.", line)
    return [check_part(part, index, lines) for index, part in enumerate(parts)]


def check_part(part, index: int, lines: dict[tuple, int]) -> dict:
    """One part: exactly one known key whose fields are all valid."""
    path, number = ("onderdelen", index), index + 1
    line = line_of(lines, path)
    if isinstance(part, str) and part.strip() in PARTS:
        raise BlockError(f"part {number} ('{part.strip()}') has no colon; write '- {part.strip()}:' with its "
                         "fields indented below it.", line)
    if not isinstance(part, dict):
        raise BlockError(f"part {number} must be one part name with a colon, such as '- tekst: …' or "
                         f"'- stappen:', not {describe(part)}.", line)
    if len(part) != 1:
        raise BlockError(f"part {number} has {len(part)} keys ({', '.join(str(k) for k in part)}); a part has "
                         "exactly one key, its name, with its fields indented below it (e.g. '- veld:' and on the "
                         "next line '    label: …'). Start every part on its own line with '- '.", line)
    name, fields = next(iter(part.items()))
    name = str(name)
    if name not in PARTS:
        raise BlockError(unknown("part", name, PARTS), line_of(lines, path + (name,)))
    table = PARTS[name].fields
    if table is None:  # tekst, aanvulling
        return {"soort": name, "regel": line,
                "tekst": check_text(fields, f"part '{name}'", line, f"write its text after '{name}: '")}
    if fields is None:
        fields = {}
    if not isinstance(fields, dict):
        raise BlockError(f"part '{name}' must hold fields ({', '.join(table)}) indented below '{name}:', "
                         f"not {describe(fields)}.", line)
    checked = check_fields(fields, table, owner=f"part '{name}'", of=f" in part '{name}'", lines=lines,
                           path=path + (name,))
    return check_combination({"soort": name, "regel": line, **checked}, name, line)


for _part in PARTS.values():   # every part with fields may be one of the site's own
    if _part.fields is not None:
        _part.fields["aanvulling"] = OURS


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


def readme_table() -> str:
    """REDACTIE.md's table of parts, generated from PARTS (scripts/readme-tabellen writes it there)."""
    rows = ["| part | fields | renders as |", "| --- | --- | --- |"]
    for name, part in PARTS.items():
        if part.fields is None:
            fields = "a text"
        else:
            fields = "; ".join(field_doc(key, spec) for key, spec in part.fields.items() if spec is not OURS)
        rows.append(f"| `{name}` | {fields} | {part.renders} |")
    rows += ["", f"Every part with fields also takes `aanvulling` ({field_doc('aanvulling', OURS)[len('`aanvulling` ('):-1]})."]
    return "\n".join(rows)


def field_doc(key: str, spec: Field) -> str:
    """'`rijen` (required, 1–40: empty rows)' for REDACTIE.md."""
    notes = ["required"] if spec.required else ["optional"] if spec.default is None else []
    if spec.kind == "int":
        notes.append(f"{spec.low}–{spec.high}" + (f", default {spec.default}" if spec.default is not None else ""))
    elif spec.kind == "names":
        notes.append(f"{spec.low}–{spec.high} names")
    elif spec.kind == "items":
        notes.append("a list of texts")
    elif spec.kind == "flag":
        notes = ["true or false, default false"]
    return f"`{key}` ({', '.join(notes + [spec.help]) if notes else spec.help})"
