"""Glossary tooltips: every link to a glossary term shows the term's short definition.

The glossary (`docs/begrippen.md`, or `docs/begrippen.en.md` in the English build when it exists) holds
one `## Display name { #id }` heading per term; the first paragraph below it is the definition.
Material only turns an existing `title` into a tooltip (`content.tooltips`, on hover and on keyboard
focus); nothing adds those titles for us. This hook does, in `on_page_content`, for every link that
points to `begrippen.html#id` (not on the glossary itself, where the definition stands beside the link).

It also writes the glossary's letter bar from its headings (`<!-- letterbalk -->`), and appends per-language abbreviations (`hooks/afkortingen.yml`) to each page's Markdown, because
`pymdownx.snippets` `auto_append` would give every language the same list (see STACK.md).
Both steps are idempotent: a link that already has a title and a page that already defines an
abbreviation are left alone, so the second (English) build changes nothing twice.
"""
from __future__ import annotations

import html
import logging
import pathlib
import re

import gereedschap

log = logging.getLogger("mkdocs.plugins.begrippen_tooltips")

GLOSSARY = "begrippen.md"
AFKORTINGEN = pathlib.Path(__file__).with_name("afkortingen.yml")
MAX_LENGTH = 300  # a tooltip, not a paragraph: longer definitions are cut at a sentence end

RE_TERM = re.compile(r"^##\s+(?P<name>.+?)\s*\{[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$")
RE_LINK_TAG = re.compile(r"<a\b(?P<attrs>[^>]*)>")
RE_HREF = re.compile(r'\shref="(?P<href>[^"]*)"')
RE_GLOSSARY_HREF = re.compile(r"^(?:(?:\.\./)*|\./)?begrippen\.html#(?P<id>[\w-]+)$")

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


def add_titles(page_html: str, terms: dict[str, tuple[str, str]]) -> str:
    """Give every link to a glossary term a title "Name: definition" (links with a title keep theirs)."""
    def title_for(match: re.Match) -> str:
        attrs = match["attrs"]
        href = RE_HREF.search(attrs)
        if not href or re.search(r"\stitle=", attrs):
            return match.group(0)
        target = RE_GLOSSARY_HREF.match(href["href"])
        term_id = target["id"] if target else None
        if term_id not in terms:
            return match.group(0)
        name, definition = terms[term_id]
        title = html.escape(f"{name}: {definition}", quote=True)
        return f'<a{attrs} title="{title}">'

    return RE_LINK_TAG.sub(title_for, page_html)


def abbreviations(language: str) -> dict[str, str]:
    """The abbreviations in one language from hooks/afkortingen.yml ({} if the file is absent)."""
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
    state["terms"] = parse_glossary(source.read_text(encoding="utf-8")) if source.is_file() else {}
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


def on_page_content(html_text, page, config, files):
    """Add the glossary definition as title to every link to a glossary term."""
    return add_titles(html_text, gereedschap.staat("begrippen_tooltips").get("terms", {}))
