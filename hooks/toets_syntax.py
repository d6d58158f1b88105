"""The self-test data (REDACTIE.md, "Toets jezelf"): one YAML file per chapter in data/toets/, its schema and checks.

`BESTAND`, `VRAAG` and `KEUZE` are the single description of what an editor writes in a chapter file:
each field with its kind, whether it is required and what it means (gereedschap.Field, like the worksheet
parts). Two kinds are this file's own, because the toolkit's kinds have no text per language and no
yes/no: `tweetalig` (a text in nl and en) and `janee` (true or false); the other kinds are checked by
gereedschap.check_field. `load` reads every file (gereedschap.parse_yaml: one loader, a line per key),
checks every question on its own, so one build lists every problem of every file, and checks each
question's `anker` against the headings of the page it names, in both languages.
"""
from __future__ import annotations

import copy
import dataclasses
import functools
import pathlib
import re

import gereedschap
from gereedschap import BlockError, Field, LANGUAGES, check_field, check_text, describe, line_of, unknown
from gereedschap.paginas import anchor_of, page_exists

BESTAND = {
    "titel": Field("tweetalig", required=True, help="the chapter's name, as the test's title"),
    "pagina": Field("text", required=True, help="the chapter's page in docs/, e.g. theorie/gehechtheidstheorie.md"),
    "vragen": Field("vragen", required=True, low=5, high=8, help="5 to 8 questions"),
}
VRAAG = {
    "id": Field("text", required=True, help="a short name (lower case, digits, dashes), unique in the file: "
                                            "answers are kept under it"),
    "vraag": Field("tweetalig", required=True, help="the question"),
    "keuzes": Field("keuzes", low=2, high=6, help="multiple choice: 2 to 6 choices, each with nl and en, "
                                                  "one of them with 'goed: true'"),
    "modelantwoord": Field("tweetalig", help="an open question: the model answer"),
    "uitleg": Field("tweetalig", help="why the answer is right (required with keuzes)"),
    "anker": Field("text", required=True, help="the section that holds the answer: a page in docs/ and its "
                                               "heading id, e.g. theorie/gehechtheidstheorie.md#mentale-representaties"),
    "bron": Field("text", required=True, help="the lines of the source text the answer rests on, e.g. 437-456"),
}
KEUZE = {
    "nl": Field("text", required=True, help="the choice in Dutch"),
    "en": Field("text", required=True, help="the choice in English"),
    "goed": Field("janee", help="true for the one correct choice"),
}
RE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RE_BRON = re.compile(r"^\d+(?:-\d+)?(?:, ?\d+(?:-\d+)?)*$")


@dataclasses.dataclass
class Hoofdstuk:
    """One chapter file, checked: its name, titles, page and questions (None when the file is unreadable)."""

    naam: str
    bestand: str                       # as an editor finds it, e.g. data/toets/gehechtheidstheorie.yml
    titel: dict = dataclasses.field(default_factory=dict)
    pagina: str = ""
    vragen: list = dataclasses.field(default_factory=list)
    problemen: list = dataclasses.field(default_factory=list)   # "file, line N: message"


# --------------------------------------------------------------- the key's length across all the tests

KEY_LONGEST_MAX = 1 / 3   # issue 22: a key that is the longest option gives itself away


def key_is_longest(question: dict, language: str) -> bool:
    """Whether a multiple-choice question's key is longer (in characters) than every other option."""
    choices = question.get("keuzes") or []
    key = [c[language] for c in choices if c.get("goed")]
    others = [len(c[language]) for c in choices if not c.get("goed")]
    return bool(key) and bool(others) and len(key[0]) > max(others)


def key_longest_share(chapters, language: str) -> tuple[int, int]:
    """(questions whose key is the longest option, multiple-choice questions) across these chapters."""
    questions = [q for chapter in chapters for q in chapter.vragen if q.get("keuzes")]
    return sum(key_is_longest(q, language) for q in questions), len(questions)


def key_length_problems(chapters) -> list[str]:
    """A message per language in which the key is the longest option in more than a third of the questions."""
    chapters = [c for c in chapters if not c.problemen]
    problems = []
    for language in LANGUAGES:
        longest, total = key_longest_share(chapters, language)
        if total and longest / total > KEY_LONGEST_MAX:
            names = [f"{c.naam}/{q['id']}" for c in chapters for q in c.vragen
                     if q.get("keuzes") and key_is_longest(q, language)]
            problems.append(
                f"data/toets: in {longest} of {total} multiple-choice questions the correct choice is the longest "
                f"({language}), more than a third: a reader can pass without reading. Make a plausible wrong choice "
                f"longer, or the key shorter (same meaning), in some of: {', '.join(names)}.")
    return problems


# ------------------------------------------------------------------------------------- reading a file

def load(folder: pathlib.Path, docs_dir: pathlib.Path, root: pathlib.Path) -> dict[str, Hoofdstuk]:
    """Every chapter file in folder, by name, each checked with all its problems (none: fine).

    Checked again only when a chapter file or a page in docs/ changed (mkdocs serve, unit tests): a copy
    of the last result otherwise."""
    files = sorted(folder.glob("*.yml"))
    signature = (str(folder), str(docs_dir), str(root), stamp(files), stamp(sorted(pathlib.Path(docs_dir).rglob("*.md"))))
    return copy.deepcopy(_load(signature, tuple(files), pathlib.Path(docs_dir), root))


def stamp(paths: list[pathlib.Path]) -> tuple:
    """What tells one version of these files from another: name, time and size."""
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths)


@functools.lru_cache(maxsize=8)
def _load(signature: tuple, files: tuple, docs_dir: pathlib.Path, root: pathlib.Path) -> dict[str, Hoofdstuk]:
    """load, for one version of the files."""
    return {path.stem: load_file(path, docs_dir, root) for path in files}


def load_file(path: pathlib.Path, docs_dir: pathlib.Path, root: pathlib.Path) -> Hoofdstuk:
    """One chapter file read and checked: each top field and each question on its own, every problem kept."""
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    chapter = Hoofdstuk(naam=path.stem, bestand=shown)

    def problem(error: BlockError) -> None:
        where = f"{shown}, line {error.line + 1}" if error.line is not None else shown
        chapter.problemen.append(f"{where}: {error.message}")

    if not RE_ID.match(path.stem):
        problem(BlockError(f"the file name '{path.name}' may hold only lower-case letters, digits and dashes "
                           "before '.yml', e.g. 'gehechtheidstheorie.yml': it is the chapter's name."))
    try:
        value, lines = gereedschap.parse_yaml(path.read_text(encoding="utf-8"))
        if not isinstance(value, dict):
            raise BlockError("a chapter file holds the fields titel, pagina and vragen, each as 'name: value' on "
                             f"its own line, not {describe(value)}.", 0 if value is not None else None)
    except BlockError as error:
        problem(error)
        return chapter
    found: list[BlockError] = []
    fields = check_group(value, BESTAND, owner="the file", of="", lines=lines, path=(), collect=found)
    if "pagina" in fields:
        try:
            page_exists(fields["pagina"], docs_dir, line_of(lines, ("pagina",)))
        except BlockError as error:
            found.append(error)
    for error in found:
        problem(error)
    chapter.titel, chapter.pagina = fields.get("titel") or {}, fields.get("pagina") or ""
    seen: dict[str, int] = {}
    for index, item in enumerate(fields.get("vragen") or []):
        found = []
        question = check_question(item, index, lines, docs_dir, found)
        for error in found:
            problem(error)
        if question is None:
            continue
        if question["id"] in seen:
            problem(BlockError(f"question {index + 1} has the id '{question['id']}', like question "
                               f"{seen[question['id']]}; give each question its own id (answers are kept under it).",
                               line_of(lines, ("vragen", index, "id"))))
            continue
        seen[question["id"]] = index + 1
        chapter.vragen.append(question)
    return chapter


def bounded_list(value, spec: Field, where: str, line: int | None, *, shape: str, count: str) -> list:
    """A non-empty list of spec.low to spec.high items: '<where> must be a list of <shape>', '<where> has N <count>
    low to high'."""
    if not isinstance(value, list) or not value:
        raise BlockError(f"{where} must be a list of {shape}, not {describe(value)}.", line)
    if not spec.low <= len(value) <= spec.high:
        raise BlockError(f"{where} has {len(value)} {count} {spec.low} to {spec.high}.", line)
    return value


def check_list(items, spec: Field, where: str, lines: dict, path: tuple) -> list:
    """The list under 'vragen': 5 to 8 questions, each starting with '- '."""
    return bounded_list(items, spec, where, line_of(lines, path), shape="questions, each starting with '- id: …'",
                        count="questions; a test holds")


def check_question(item, index: int, lines: dict, docs_dir: pathlib.Path, problems: list) -> dict | None:
    """One question: its fields, multiple choice or open, and an anchor that exists in both languages.

    Every problem goes into problems (each field, then each rule); None when there was any."""
    path, name = ("vragen", index), f"question {index + 1}"
    line = line_of(lines, path)
    if not isinstance(item, dict):
        problems.append(BlockError(f"{name} must be a group of fields (id, vraag, keuzes or modelantwoord, uitleg, "
                                   f"anker, bron) indented below '- ', not {describe(item)}.", line))
        return None
    if isinstance(item.get("id"), str) and item["id"].strip():
        name = f"question {index + 1} ('{item['id'].strip()}')"
    found: list[BlockError] = []
    question = check_group(item, VRAAG, owner=name, of=f" in {name}", lines=lines, path=path, collect=found)
    rules = [
        ("id", lambda: check_id(question["id"], name, line_of(lines, path + ("id",)))),
        ("keuzes", lambda: check_kind(question, name, lines, path)),
        ("bron", lambda: check_bron(question["bron"], name, line_of(lines, path + ("bron",)))),
        ("anker", lambda: question.update(anchor_of(question["anker"], docs_dir, line_of(lines, path + ("anker",))))),
    ]
    for field, rule in rules:
        if field in question:
            try:
                rule()
            except BlockError as error:
                found.append(error)
    problems.extend(found)
    if found:
        return None
    question["regel"] = line
    return question


def check_id(value: str, name: str, line: int | None) -> None:
    """Lower-case letters, digits and dashes: the id names the answer in the browser and in answer files."""
    if not RE_ID.match(value):
        raise BlockError(f"the id '{value}' of {name} may hold only lower-case letters, digits and dashes, "
                         "e.g. 'drie-dimensies'.", line)


def check_kind(question: dict, name: str, lines: dict, path: tuple) -> None:
    """Multiple choice (keuzes, with one correct and an uitleg) or open (modelantwoord), never both or neither."""
    line = line_of(lines, path)
    if "modelantwoord" not in question or "keuzes" not in question:
        return  # a problem in one of them was found already
    if (question["keuzes"] is None) == (question["modelantwoord"] is None):
        both = question["keuzes"] is not None
        raise BlockError(f"{name} has {'both' if both else 'neither'} 'keuzes' {'and' if both else 'nor'} "
                         "'modelantwoord'; a question is multiple choice (2 to 6 'keuzes', one with 'goed: true') "
                         f"or open (a 'modelantwoord'){': keep one' if both else ''}.", line)
    question["soort"] = "keuze" if question["keuzes"] is not None else "open"
    if question["soort"] == "keuze":
        check_choices(question["keuzes"], name, lines, path + ("keuzes",))
        if question.get("uitleg", 0) is None:
            raise BlockError(f"{name} is multiple choice but has no 'uitleg'; explain in nl and en why the correct "
                             "answer is correct.", line)


def check_bron(value: str, name: str, line: int | None) -> None:
    """Lines of the source text, so a reviewer can check the answer against the guideline."""
    if not RE_BRON.match(value):
        raise BlockError(f"field 'bron' of {name} ('{value}') must name lines of the source text, "
                         "e.g. '437-456' or '437-456, 470'.", line)


def check_choices(choices: list, name: str, lines: dict, path: tuple) -> None:
    """Exactly one correct choice, and no two choices that read the same (answers are kept by their text)."""
    correct = [i + 1 for i, choice in enumerate(choices) if choice["goed"]]
    if len(correct) != 1:
        many = f"{len(correct)} correct choices ({' and '.join(map(str, correct))})" if correct else "no correct choice"
        fix = "mark exactly one" if correct else "mark the right one"
        raise BlockError(f"{name} has {many}; {fix} with 'goed: true'.", line_of(lines, path))
    for lang in LANGUAGES:
        texts = [choice[lang] for choice in choices]
        for i, text in enumerate(texts):
            if text in texts[:i]:
                raise BlockError(f"choices {texts.index(text) + 1} and {i + 1} of {name} read the same in '{lang}'; "
                                 "give each choice its own text.", line_of(lines, path + (i,)))


# ------------------------------------------------------------------------- fields, with our own kinds

def check_group(value: dict, table: dict[str, Field], *, owner: str, of: str, lines: dict, path: tuple,
                collect: list | None = None) -> dict:
    """Like gereedschap.check_fields, with this file's kinds: unknown and missing fields, then each value.

    With collect, every problem is added to it (and the field left out of the result); else the first is raised."""
    checked: dict = {}

    def check(key, action) -> None:
        try:
            action()
        except BlockError as error:
            if collect is None:
                raise
            collect.append(error)
            checked.pop(key, None)

    def unknown_key(key) -> None:
        raise BlockError(unknown("field", key, list(table), of), line_of(lines, path + (key,)))

    for key in value:
        if str(key) not in table:
            check(None, lambda key=key: unknown_key(key))
    for key, spec in table.items():
        check(key, lambda key=key, spec=spec: checked.__setitem__(key, check_value(value, key, spec, owner, of,
                                                                                   lines, path)))
    return checked


def check_value(value: dict, key: str, spec: Field, owner: str, of: str, lines: dict, path: tuple):
    """One field of a group: missing (required, or its default), else checked by its kind."""
    if key not in value:
        if spec.required:
            raise BlockError(f"{owner} is missing field '{key}' ({spec.help}).", line_of(lines, path))
        return spec.fresh_default()
    where = f"field '{key}'{of}"
    if spec.kind == "text" and spec.required:  # the toolkit's hint 'or leave the field out' does not apply
        return check_text(value[key], where, line_of(lines, path + (key,)), "write it")
    return KINDS.get(spec.kind, check_field)(value[key], spec, where, lines, path + (key,))


def check_bilingual(value, spec: Field, where: str, lines: dict, path: tuple) -> dict:
    """A text in both languages: 'nl:' and 'en:' indented below the field."""
    line = line_of(lines, path)
    if not isinstance(value, dict):
        raise BlockError(f"{where} must hold a text per language, 'nl: …' and 'en: …' indented below it, not "
                         f"{describe(value)}.", line)
    for key in value:
        if str(key) not in LANGUAGES:
            raise BlockError(unknown("language", key, LANGUAGES, f" in {where}"), line_of(lines, path + (key,)))
    texts = {}
    for lang in LANGUAGES:
        if lang not in value:
            raise BlockError(f"{where} has no '{lang}' text; every text is written in Dutch (nl) and English (en).", line)
        texts[lang] = check_text(value[lang], f"the '{lang}' text of {where}", line_of(lines, path + (lang,)),
                                 "write it")
    return texts


def check_yes_no(value, spec: Field, where: str, lines: dict, path: tuple) -> bool:
    """true or false, unquoted."""
    if not isinstance(value, bool):
        raise BlockError(f"{where} must be true or false (without quotes), not {describe(value)}.", line_of(lines, path))
    return value


def check_choice_list(value, spec: Field, where: str, lines: dict, path: tuple) -> list[dict]:
    """2 to 6 choices, each a group of nl, en and optionally goed."""
    line = line_of(lines, path)
    bounded_list(value, spec, where, line, shape="choices, each starting with '- nl: …' and 'en: …' below it",
                 count="choices; give")
    choices = []
    for i, choice in enumerate(value):
        name = f"choice {i + 1} of {where}"
        if not isinstance(choice, dict):
            raise BlockError(f"{name} must hold 'nl: …' and 'en: …' (and 'goed: true' for the correct one), not "
                             f"{describe(choice)}.", line_of(lines, path + (i,)))
        choices.append(check_group(choice, KEUZE, owner=name, of=f" in {name}", lines=lines, path=path + (i,)))
        choices[-1]["goed"] = bool(choices[-1]["goed"])
    return choices


KINDS = {"tweetalig": check_bilingual, "janee": check_yes_no, "keuzes": check_choice_list, "vragen": check_list}


def readme_table() -> str:
    """REDACTIE.md's table of a chapter file's fields, generated from the tables above."""
    rows = ["| field | in | what it takes |", "| --- | --- | --- |"]
    for owner, table in (("file", BESTAND), ("question", VRAAG), ("choice", KEUZE)):
        for key, spec in table.items():
            rows.append(f"| `{key}` | {owner} | {'required: ' if spec.required else ''}{spec.help} |")
    return "\n".join(rows)
