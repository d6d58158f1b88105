"""Declarative option tables for blocks (like pymdownx Blocks' OPTIONS) and the checks that read them."""
from __future__ import annotations

import dataclasses

from .gegevens import BlockError, describe, unknown
from .yamlblok import line_of


# ------------------------------------------------------------------------------- declarative options

@dataclasses.dataclass(frozen=True)
class Field:
    """One option of a block: its kind, whether required, default, range and choices, and a help text.

    Kinds: text, int (low..high), flag (true/false), items (a list of texts), names (low..high texts), choice
    (one of `choices`), choices (one choice or a list of them), scores (choice -> number from low to high).
    """

    kind: str
    required: bool = False
    default: object = None
    low: int | None = None
    high: int | None = None
    choices: tuple = ()
    help: str = ""
    noun: str = ""          # what one choice is called in messages: 'sector', 'language' …

    def hint(self) -> str:
        """What the field expects, in words: 'a whole number from 1 to 40', 'a list of texts' …"""
        if self.kind == "int":
            return f"a whole number from {self.low} to {self.high}"
        if self.kind == "items":
            return "a list of texts, each on its own line starting with '- '"
        if self.kind == "names":
            return f"a list of {self.low} to {self.high} names, e.g. [Naam, Datum]"
        if self.kind == "choice":
            return "one of " + ", ".join(self.choices)
        if self.kind == "choices":
            return "a name or a list of names: " + ", ".join(self.choices)
        if self.kind == "flag":
            return "true or false"
        if self.kind == "scores":
            return f"names with a number from {self.low} to {self.high}, e.g. {{{self.choices[0]}: 8}}"
        return "a text"

    def fresh_default(self):
        """The default value (a new list or mapping for those kinds, never a shared one)."""
        if isinstance(self.default, (tuple, list)):
            return list(self.default)
        return dict(self.default) if isinstance(self.default, dict) else self.default


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


def check_fields(value: dict, table: dict[str, Field], *, owner: str, of: str, lines: dict, path: tuple,
                 noun: str = "field") -> dict:
    """A group of options checked against its table, defaults filled in.

    owner names the group in 'is missing' messages ("part 'tabel'"), of in field messages (" in part 'tabel'").
    """
    for key in value:
        if str(key) not in table:
            raise BlockError(unknown(noun, key, list(table), of), line_of(lines, path + (key,)))
    checked = {}
    for key, spec in table.items():
        if key not in value:
            if spec.required:
                raise BlockError(f"{owner} is missing {noun} '{key}' ({spec.hint()}).", line_of(lines, path))
            checked[key] = spec.fresh_default()
            continue
        checked[key] = check_field(value[key], spec, f"{noun} '{key}'{of}", lines, path + (key,))
    return checked


def check_field(value, spec: Field, where: str, lines: dict, path: tuple):
    """One option's value against its spec: type, emptiness, range, choices."""
    line = line_of(lines, path)
    if spec.kind == "text":
        return check_text(value, where, line, "write it or leave the field out")
    if spec.kind == "int":
        return check_int(value, spec, where, line)
    if spec.kind == "flag":
        if not isinstance(value, bool):
            raise BlockError(f"{where} must be true or false, not {describe(value)}.", line)
        return value
    if spec.kind in ("choice", "choices"):
        values = value if spec.kind == "choices" and isinstance(value, list) else [value]
        if spec.kind == "choices" and value == []:
            return []
        return check_choices(values, spec, where, lines, path, single=spec.kind == "choice")
    if spec.kind == "scores":
        if not isinstance(value, dict):
            raise BlockError(f"{where} must be {spec.hint()}, not {describe(value)}.", line)
        names = check_choices(list(value), spec, where, lines, path, keys=True)
        scores = {}
        for name in names:
            number = value[name]
            if isinstance(number, bool) or not isinstance(number, (int, float)) or not spec.low <= number <= spec.high:
                raise BlockError(f"{where}: the value for '{name}' must be a number from {spec.low} to {spec.high}, "
                                 f"not {describe(number)}.", line_of(lines, path + (name,)))
            scores[name] = number
        return scores
    noun = "item" if spec.kind == "items" else "name"
    if value is None or value == []:
        optional = "" if spec.required else ", or leave the field out"
        raise BlockError(f"{where} is empty; add at least one {noun}, each on its own line starting with "
                         f"'- '{optional}.", line)
    if not isinstance(value, list):
        raise BlockError(f"{where} must be {spec.hint()}, not {describe(value)}.", line)
    if spec.kind == "names" and not spec.low <= len(value) <= spec.high:
        raise BlockError(f"{where} has {len(value)} names; use {spec.low} to {spec.high}.", line)
    return [check_text(item, f"{noun} {i} of {where}", line_of(lines, path + (i - 1,)),
                       "write its text or remove the line")
            for i, item in enumerate(value, 1)]


def check_int(value, spec: Field, where: str, line: int | None) -> int:
    """A whole number within the spec's range."""
    if isinstance(value, str) and value.strip().isdigit():
        raise BlockError(f"{where} must be a whole number, not a text ('{value}'); remove the quotes.", line)
    if isinstance(value, bool) or not isinstance(value, int):
        raise BlockError(f"{where} must be {spec.hint()}, not {describe(value)}.", line)
    if not spec.low <= value <= spec.high:
        raise BlockError(f"{where} is {value}; it must be from {spec.low} to {spec.high}.", line)
    return value


def check_choices(values: list, spec: Field, where: str, lines: dict, path: tuple, *, single: bool = False,
                  keys: bool = False) -> list:
    """Names that must each be one of spec.choices (duplicates dropped, order kept)."""
    noun = spec.noun or "name"
    found = []
    for index, value in enumerate(values):
        line = line_of(lines, path + ((value,) if keys else (index,) if not single else ()))
        if not isinstance(value, str):
            raise BlockError(f"{where} must be {spec.hint()}, not {describe(value)}.", line)
        if value not in spec.choices:
            raise BlockError(unknown(noun, value, spec.choices, f" in {where}"), line)
        if value not in found:
            found.append(value)
    return found[0] if single else found
