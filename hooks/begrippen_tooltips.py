"""Glossary tooltips: every link to a glossary term shows the term's short definition.

The glossary (`docs/begrippen.md`, or `docs/begrippen.en.md` in the English build when it exists) holds
one `## Display name { #id }` heading per term; the first paragraph below it is the definition.
Material only turns an existing `title` into a tooltip (`content.tooltips`, on hover and on keyboard
focus); nothing adds those titles for us. A Markdown tree processor (`TitleProcessor`) does, while the page
is converted, for every link that points to `begrippen.md#id` (the glossary's own `#id` links are left
alone: there the definition stands beside the link). A page with such links loads begrippen.js, which shows
the definition on a tap, where there is no hover (docs/assets/javascripts/begrippen.js).

It also writes the glossary's letter bar from its headings (`<!-- letterbalk -->`), and appends per-language abbreviations (`data/afkortingen.yml`) to each page's Markdown, because
`pymdownx.snippets` `auto_append` would give every language the same list (see STACK.md).
Both steps are idempotent: a link that already has a title and a page that already defines an
abbreviation are left alone, so the second (English) build changes nothing twice.
"""
from __future__ import annotations

import logging
import pathlib
import re

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

import gereedschap

log = logging.getLogger("mkdocs.plugins.begrippen_tooltips")

GLOSSARY = "begrippen.md"
AFKORTINGEN = gereedschap.DATA / "afkortingen.yml"
MAX_LENGTH = 300  # a tooltip, not a paragraph: longer definitions are cut at a sentence end

RE_TERM = re.compile(r"^##\s+(?P<name>.+?)\s*\{[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$")
RE_GLOSSARY_LINK = re.compile(r"^(?:(?:\.\./)*|\./)?begrippen(?:\.[a-z]{2})?\.md#(?P<id>[\w-]+)$")

# Per build language: {term id: (display name, definition)}; filled in on_config.


def plain_text(markdown: str) -> str:
    """Markdown of one paragraph as plain text: links, emphasis, code and attribute lists removed."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)      # [text](url) -> text
    text = re.sub(r"\{[:#.][^}]*\}", "", text)                        # { #id .class } attribute lists
    text = re.sub(r"<[^>]+>", "", text)                               # inline HTML
    text = re.sub(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    return re.sub(r"\s+", " ", text).strip()


def shorten(text: str, limit: int = MAX_LENGTH) -> str:
    """The text, or as many whole sentences of it as fit in limit characters (at least one, cut with …)."""
    if len(text) <= limit:
        return text
    sentences = re.split(r"(?<=[.!?])\s+", text)
    short = ""
    for sentence in sentences:
        if len(short) + len(sentence) + 1 > limit:
            break
        short = f"{short} {sentence}".strip()
    return short or text[: limit - 1].rstrip() + "…"


def parse_glossary(markdown: str) -> dict[str, tuple[str, str]]:
    """{id: (name, definition)} from `## Name { #id }` headings and the first paragraph under each."""
    terms: dict[str, tuple[str, str]] = {}
    lines = markdown.splitlines()
    for number, line in enumerate(lines):
        match = RE_TERM.match(line)
        if not match:
            continue
        paragraph: list[str] = []
        for following in lines[number + 1:]:
            if not following.strip():
                if paragraph:
                    break
                continue
            if following.startswith(("#", "!!!", "???", "```", "<", "|", "- ", "* ", "1. ")):
                break
            paragraph.append(following.strip())
        definition = plain_text(" ".join(paragraph))
        if definition and definition.upper() != "TODO":
            terms[match["id"]] = (plain_text(match["name"]), shorten(definition))
    return terms


def glossary_file(docs_dir: pathlib.Path, language: str) -> pathlib.Path:
    """The glossary source for a language: begrippen.<lang>.md when it exists, else begrippen.md."""
    translated = docs_dir / f"begrippen.{language}.md"
    return translated if translated.is_file() else docs_dir / GLOSSARY


def abbreviations(language: str) -> dict[str, str]:
    """The abbreviations in one language from data/afkortingen.yml ({} if the file is absent)."""
    if not AFKORTINGEN.is_file():
        return {}
    return {str(k): str(v) for k, v in gereedschap.words(AFKORTINGEN.name, language).items()}


def append_abbreviations(markdown: str, table: dict[str, str]) -> str:
    """The Markdown with `*[ABBR]: expansion` lines for the abbreviations it uses and does not define."""
    lines = [f"*[{short}]: {long}" for short, long in table.items()
             if re.search(rf"(?<!\w){re.escape(short)}(?!\w)", markdown) and f"*[{short}]:" not in markdown]
    return markdown + ("\n\n" + "\n".join(lines) + "\n" if lines else "")


def on_pre_build(config):
    """Read the glossary and the abbreviations of the language being built."""
    state = gereedschap.staat("begrippen_tooltips")
    state["abbreviations"] = abbreviations(gereedschap.taal())
    source = glossary_file(pathlib.Path(config.docs_dir), gereedschap.taal())
    state["terms"] = parse_glossary(gereedschap.lees_bron(source)) if source.is_file() else {}
    if not state["terms"]:
        log.info("begrippen_tooltips: no definitions found in %s; no tooltips added", source.name)
    return config


LETTER_BAR = "<!-- letterbalk -->"


def letter_bar(markdown: str) -> str:
    """'[A](#first-a-term) · [B](#…) …' from the page's own `## Term { #id }` headings (a digit first: '#')."""
    first: dict[str, str] = {}
    for line in markdown.splitlines():
        match = RE_TERM.match(line)
        if match:
            letter = plain_text(match["name"])[:1].upper()
            first.setdefault("#" if letter.isdigit() else letter, match["id"])
    return " · ".join(f"[{letter}](#{anchor})" for letter, anchor in sorted(first.items(), key=lambda i: (i[0] != "#", i[0])))


def on_page_markdown(markdown, page, config, files):
    """Append the abbreviations of the build language that the page uses; on the glossary, write its letter bar
    where the page holds `<!-- letterbalk -->` (so a new term never needs the bar edited by hand)."""
    if LETTER_BAR in markdown:
        markdown = markdown.replace(LETTER_BAR, letter_bar(markdown) + "\n{ .letterbalk }")
    return append_abbreviations(markdown, gereedschap.staat("begrippen_tooltips").get("abbreviations", {}))


def title_links(root, terms: dict[str, tuple[str, str]]) -> int:
    """Give every link to `begrippen.md#id` in the element tree the title "Name: definition" (a link that has
    a title keeps it); return how many got one."""
    given = 0
    for link in root.iter("a"):
        target = RE_GLOSSARY_LINK.match(link.get("href") or "")
        if target and target["id"] in terms and link.get("title") is None:
            name, definition = terms[target["id"]]
            link.set("title", f"{name}: {definition}")
            given += 1
    return given


class TitleProcessor(Treeprocessor):
    """Runs on every page's element tree before MkDocs rewrites `.md` links (its `relpath`, priority 0)."""

    def run(self, root):
        title_links(root, gereedschap.staat("begrippen_tooltips").get("terms", {}))
        if has_defined_links(root):
            gereedschap.current().need("begrippen.js")   # a tap shows the definition on a phone


def has_defined_links(root) -> bool:
    """Whether the tree holds a link to a glossary entry that carries its definition (a title)."""
    return any(RE_GLOSSARY_LINK.match(link.get("href") or "") and link.get("title") for link in root.iter("a"))


class TooltipExtension(Extension):
    """The Markdown extension that carries the tree processor."""

    def extendMarkdown(self, md):
        md.treeprocessors.register(TitleProcessor(md), "begrippen_tooltips", 3)


def on_config(config, **kwargs):
    """Register the extension once (on_config runs once per language)."""
    if not any(isinstance(e, TooltipExtension) for e in config.markdown_extensions):
        config.markdown_extensions.append(TooltipExtension())
    return config
