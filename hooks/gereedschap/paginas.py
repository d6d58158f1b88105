"""The pages an editor wrote: a page's Markdown in a language, its headings with their ids, its title,
and a link target 'page.md#id' checked against both languages' headings, with "did you mean".

Read from docs/ as written (not from the built HTML), so a block can check its links while the page that
holds it is being converted, before the linked page is built (the self-tests' `anker`, REDACTIE.md "Toets jezelf").
"""
from __future__ import annotations

import functools
import pathlib
import re

from markdown.extensions.toc import slugify

from .blokken import scan_fences
from .gegevens import LANGUAGES, BlockError, did_you_mean

RE_HEADING = re.compile(r"^(#{1,6})\s+(?P<text>.+?)\s*(?:\{:?\s*(?P<attrs>[^}]*)\})?\s*$")
RE_ATTR_ID = re.compile(r"(?:^|\s)#(?P<id>[\w-]+)")


def lees_bron(path) -> str:
    """A Markdown file of docs/ as text, as MkDocs reads it (UTF-8, a BOM allowed); a byte that is not UTF-8 becomes
    U+FFFD instead of stopping the build: hooks/controle.py names it with its line, and the build goes on to list
    every other problem of the run."""
    return pathlib.Path(path).read_bytes().decode("utf-8-sig", errors="replace")


def page_exists(page: str, docs_dir: pathlib.Path, line: int | None) -> None:
    """A page in docs/ (the Dutch file; its English twin is checked where a heading is looked up)."""
    if not page.endswith(".md") or not (docs_dir / page).is_file():
        pages = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md") if not p.name.endswith(".en.md"))
        hint = did_you_mean(page, pages)
        raise BlockError(f"there is no page docs/{page}{'; ' + hint if hint else '.'} Name a Markdown file in docs/, "
                         "e.g. theorie/gehechtheidstheorie.md.", line)


def anchor_of(anchor: str, docs_dir: pathlib.Path, line: int | None) -> dict:
    """'theorie/x.md#id' -> {pagina, id}, after checking the heading exists in the page and its English twin."""
    page, hash_, target = anchor.partition("#")
    if not hash_ or not target:
        raise BlockError(f"anker '{anchor}' has no '#id'; name the page and the heading that holds the answer, e.g. "
                         "'theorie/gehechtheidstheorie.md#mentale-representaties'.", line)
    page_exists(page, docs_dir, line)
    for lang in LANGUAGES:
        source = source_of(docs_dir, page, lang)
        ids = headings(source)
        if target not in ids:
            hint = did_you_mean(target, list(ids))
            raise BlockError(f"anker '{anchor}': docs/{source.relative_to(docs_dir).as_posix()} has no heading with the id "
                             f"'{target}'{'; ' + hint if hint else '.'} Ids there: {', '.join(ids)}.", line)
    return {"pagina": page, "doel": target}


def source_of(docs_dir: pathlib.Path, page: str, lang: str) -> pathlib.Path:
    """The Markdown file of a page in a language: x.en.md for English when it exists, else x.md."""
    twin = docs_dir / re.sub(r"\.md$", f".{lang}.md", page)
    return twin if lang != "nl" and twin.is_file() else docs_dir / page


def headings(path: pathlib.Path) -> dict[str, str]:
    """The headings of a Markdown file: id -> text (as the reader sees it), in order; cached per version."""
    stat = path.stat()
    return dict(_headings(str(path), stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=256)
def _headings(path: str, mtime: int, size: int) -> tuple[tuple[str, str], ...]:
    """(id, text) of every heading outside fenced blocks and front matter; ids explicit or as toc makes them."""
    text = lees_bron(path)
    lines = text.split("\n")
    skip = set()
    for fence in scan_fences(text):
        skip.update(range(fence.open_line, (fence.close_line or len(lines)) + 1))
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 2) if line.strip() in ("---", "...")), 1)
        skip.update(range(1, end + 1))
    found = []
    for number, line in enumerate(lines, 1):
        match = RE_HEADING.match(line) if number not in skip else None
        if not match:
            continue
        shown = plain(match["text"])
        explicit = RE_ATTR_ID.search(match["attrs"] or "")
        found.append((explicit["id"] if explicit else slugify(shown, "-"), shown))
    return tuple(found)


def plain(markdown: str) -> str:
    """A heading's Markdown as text: links, emphasis and code marks dropped."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"[*_`]+", "", text).strip()


def page_title(docs_dir: pathlib.Path, page: str, lang: str) -> str:
    """A page's title in a language: its first h1 (front matter titles here equal the h1)."""
    source = source_of(docs_dir, page, lang)
    first = next((line for line in lees_bron(source).split("\n") if line.startswith("# ")), "")
    return plain(RE_HEADING.match(first)["text"]) if first else page
