"""The editors' data (data/) and the interface words beside the hooks, the page's language, editor messages.

Content that an editor changes (the self-test questions, search words, versions, the recommendations' titles,
the circle's texts, abbreviations) lives in the top-level folder data/; the words of the interface stay beside
the code that shows them (hooks/*.yml). `data(name)` reads data/<name> when it is there, else hooks/<name>."""
from __future__ import annotations

import difflib
import pathlib

import yaml

from .bouw import per_run

HERE = pathlib.Path(__file__).resolve().parent.parent
DATA = HERE.parent / "data"      # the editors' data: questions, search words, versions, titles, circle texts
LANGUAGES = ("nl", "en")
# One loader for every block and data file. libyaml reads `[Waar hadden we het over?]` (REDACTIE.md's example);
# PyYAML's pure-Python loader stops at the '?', so every hook must use the same one (STACK.md).
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class BlockError(Exception):
    """A problem inside one block, with its 0-based line in the block (None: the block as a whole)."""

    def __init__(self, message: str, line: int | None = None, *, more: tuple = ()):
        """Keep the editor-facing message and the line it is about (more: further problems of the same block,
        each a BlockError, reported with their own lines in the same run)."""
        super().__init__(message)
        self.message = message
        self.line = line
        self.more = tuple(more)


# ------------------------------------------------------------------------------------ data and words

@per_run
def data(name: str):
    """A YAML file of data/ (an editor's content) or, when not there, of hooks/ (interface words): trusted, written
    by editors and checked by the step that uses it."""
    path = DATA / name if (DATA / name).is_file() else HERE / name
    return yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)


def duplicate_keys(text: str) -> list[tuple[int, str, int]]:
    """(line, key, line where it came first) for each key written twice in one mapping of a YAML text, 1-based:
    YAML keeps the last and silently drops the other, so an editor's second entry for a word hides the first.
    PyYAML has no option to refuse them; composing the node tree keeps every key with its line."""
    try:
        root = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError:
        return []   # a YAML slip is reported by the step that reads the file, with its line
    found, todo = [], [root] if root is not None else []
    while todo:
        node = todo.pop()
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else None
                if name is not None and name in first:
                    found.append((key.start_mark.line + 1, name, first[name]))
                elif name is not None:
                    first[name] = key.start_mark.line + 1
                todo.append(value)
        elif isinstance(node, yaml.SequenceNode):
            todo.extend(node.value)
    return sorted(found)


def words(name: str, language: str, section: str | None = None) -> dict[str, str]:
    """The texts of a bilingual data file (`key: {nl: …, en: …}`) in one language; unknown -> nl.

    A key whose value is a group of such texts (e.g. `js:` in teksten.yml) is read with `section`."""
    table = data(name)
    if section:
        table = table[section]
    lang = language if language in LANGUAGES else "nl"
    return {key: value[lang] for key, value in table.items() if not is_group(value)}


def is_group(value) -> bool:
    """A group of texts rather than one text in both languages."""
    return isinstance(value, dict) and not set(value) & set(LANGUAGES)


def missing_translations(table: dict, where: str) -> list[str]:
    """Keys of a `key: {nl, en}` table (groups included) that lack a text in one of the languages."""
    found = []
    for key, value in table.items():
        if is_group(value):
            found += missing_translations(value, f"{where}.{key}")
        else:
            found += [f"{where}: '{key}' has no text in '{lang}'" for lang in LANGUAGES
                      if not isinstance((value or {}).get(lang), str)]
    return found


# ------------------------------------------------------------------------------------------ language

def language_of(page) -> str:
    """The language of a page's source file: its i18n locale, or `.en.md` -> en; else nl."""
    if page is None:
        return "nl"
    locale = getattr(page.file, "locale", None)
    if locale in LANGUAGES:
        return locale
    return "en" if page.file.src_uri.endswith(".en.md") else "nl"


def build_language(config) -> str:
    """The language being built (static-i18n sets theme.language per build)."""
    language = str(config.theme.get("language") or "nl").split("_")[0].split("-")[0]
    return language if language in LANGUAGES else "nl"


# ---------------------------------------------------------------------------------- editor messages

def did_you_mean(word, valid) -> str:
    """"did you mean 'x'?" for a near miss among the valid words, else ''."""
    close = difflib.get_close_matches(str(word), [str(v) for v in valid], n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def unknown(what: str, word, valid, where: str = "") -> str:
    """The message for an unknown field, part or name, with a suggestion and the valid names."""
    plural = {"part": "parts", "sector": "sectors", "language": "languages", "option": "options"}.get(what, "fields")
    hint = did_you_mean(word, valid)
    return f"unknown {what} '{word}'{where}{'; ' + hint if hint else '.'} Valid {plural}: {', '.join(map(str, valid))}."


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
