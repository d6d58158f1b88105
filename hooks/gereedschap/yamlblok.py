"""YAML blocks read with limits: one loader, no anchors, aliases or tags, a bounded size, a line per key."""
from __future__ import annotations

import re

import yaml

from .gegevens import LOADER, BlockError

MAX_BLOCK_CHARS = 20_000          # a worksheet of two A4 pages is about 4 000 characters


# ------------------------------------------------------------------------------------ YAML, bounded

def parse_yaml(source: str) -> tuple[object, dict[tuple, int]]:
    """YAML text -> (data, the 0-based block line of every key and list item by its path).

    Anchors, aliases and tags are refused (an editor never needs them; aliases can blow a block up to
    millions of nodes, tags construct types we do not check); a block is at most MAX_BLOCK_CHARS long.
    """
    if len(source) > MAX_BLOCK_CHARS:
        raise BlockError(f"the block is {len(source)} characters long; a block holds at most {MAX_BLOCK_CHARS}. "
                         "Split it or shorten its texts.")
    try:
        refuse_special_tokens(source)
        loader = LOADER(source)
        try:
            node = loader.get_single_node()
            value = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        raise yaml_problem(error, source) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow, e.g. a control character
        raise BlockError(f"YAML syntax error: {str(error).splitlines()[0]}; remove that character.",
                         source[:error.position].count("\n")) from None
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as error:
        raise BlockError(f"the block could not be read as YAML ({type(error).__name__}: {error}).") from None
    lines: dict[tuple, int] = {}
    if node is not None:
        record_lines(node, (), lines)
    return value, lines


def refuse_special_tokens(source: str) -> None:
    """Stop at the first anchor (&x), alias (*x) or tag (!x, !!int) in the block."""
    loader = LOADER(source)
    try:
        while loader.check_token():
            token = loader.get_token()
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                sign = "&" if isinstance(token, yaml.AnchorToken) else "*"
                raise BlockError(f"'{sign}{token.value}' is a YAML anchor or alias; they are not allowed in a block. "
                                 "Write the text out where you need it.", token.start_mark.line)
            if isinstance(token, yaml.TagToken):
                handle, suffix = token.value
                raise BlockError(f"'{handle or ''}{suffix}' is a YAML tag; tags are not allowed in a block. "
                                 "Write the plain value (a number, or a text in quotes).", token.start_mark.line)
    finally:
        loader.dispose()


RE_KEY_LINE = re.compile(r"^(?P<indent> *)(?:- +)?(?P<key>[\w-]+):(?: +(?P<value>.*))?$")
QUOTES_HINT = ("Check the indentation (spaces, no tabs) and put a text in quotes when it contains ': ' or starts "
               "with a quote, '-', '[', '{' or '*'.")


def indent(line: str) -> int:
    """The number of spaces a line starts with."""
    return len(line) - len(line.lstrip(" "))


def misaligned(lines: list[str], at: int) -> BlockError | None:
    """Plain words for 'mapping values are not allowed' (or a key not found) at line `at`, when the cause is a
    line indented further than a field with a text above it: YAML then reads it as more of that text. The
    culprit is the one of the two whose indentation the block's other fields do not share."""
    above = next((i for i in range(at - 1, -1, -1) if lines[i].strip()), None)
    if above is None or indent(lines[at]) <= indent(lines[above]):
        return None
    field = RE_KEY_LINE.match(lines[above])
    if not field or not field["value"] or field["value"].strip() in (">", ">-", "|", "|-"):
        return None
    usual = [indent(line) for line in lines if RE_KEY_LINE.match(line) and not line.lstrip().startswith("-")]
    culprit, other = (above, at) if usual.count(indent(lines[above])) < usual.count(indent(lines[at])) else (at, above)
    where = "the line below it" if other > culprit else "the line above it"
    return BlockError(f"this line does not line up with {where} ({indent(lines[culprit])} spaces against "
                      f"{indent(lines[other])}), so YAML reads '{lines[at].strip()}' as more of the text of "
                      f"'{field['key']}'. Give the fields of one part the same number of spaces.", culprit)


def colon_in_text(lines: list[str], at: int, column: int) -> BlockError | None:
    """Plain words for a text that holds ': ' (YAML reads it as a field): quote the text."""
    field = RE_KEY_LINE.match(lines[at])
    if not field or not field["value"] or ": " not in field["value"] or column <= len(field["indent"]) + len(field["key"]):
        return None
    start = lines[at].index(field["key"]) + len(field["key"]) + 1
    quoted = field["value"].strip().replace('"', '\\"')
    return BlockError(f"the text of '{field['key']}' contains ': ', which YAML reads as the start of a new field. "
                      f"Put the text in quotes: {lines[at][:start].strip()} \"{quoted}\"", at)


def yaml_problem(error: yaml.MarkedYAMLError, source: str = "") -> BlockError:
    """A YAML syntax error as an editor reads it, at the line where the problem starts, in plain words where
    the cause is a common slip (a line indented too far or not far enough, ': ' inside a text)."""
    problem = (error.problem or "unreadable YAML").strip()
    lines = source.split("\n")
    mark = error.problem_mark
    if mark is not None and mark.line < len(lines) and ("mapping values are not allowed" in problem
                                                         or "did not find expected key" in problem):
        plain = misaligned(lines, mark.line) or (colon_in_text(lines, mark.line, mark.column)
                                                  if "mapping values" in problem else None)
        if plain:
            return plain
    if mark is not None and mark.line < len(lines) and re.search(r"expected key|expected '-'|expected <block end>",
                                                                 problem):
        above = next((i for i in range(mark.line - 1, -1, -1) if lines[i].strip()), None)
        if above is not None and lines[mark.line].strip() and indent(lines[mark.line]) != indent(lines[above]):
            return BlockError(f"this line does not line up with the lines of its part ({indent(lines[mark.line])} "
                              f"spaces, the line above {indent(lines[above])}). A field lines up with the other "
                              "fields of its part, and every '- ' of the list 'onderdelen' with the others.",
                              mark.line)
    if error.context:
        problem = f"{error.context.strip()}, {problem}"
    # An unclosed quote or bracket is noticed later on: point at where it was opened.
    opened = re.search(r"quoted scalar|flow|end of stream", problem) and error.context_mark is not None
    mark = error.context_mark if opened else (error.problem_mark or error.context_mark)
    if "got '?'" in problem:
        problem += " (a '?' inside [ ] needs quotes: [\"Waar ging het over?\"])"
    return BlockError(f"YAML syntax error: {problem}. {QUOTES_HINT}", mark.line if mark else None)


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
    path = tuple(p if isinstance(p, int) else str(p) for p in path)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None
