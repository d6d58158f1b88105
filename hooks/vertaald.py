"""An English page that still carries its Dutch title is named as such, with file, line and fix.

static-i18n builds an English page from `x.en.md` whatever it says, and a title left in Dutch passes the
build; the tests then report only that "section ids differ" (the title's id comes from its words). This hook
compares each English page's title (front matter `title:` or its first `# heading`) with its Dutch twin's and
warns when they are the same (fatal under --strict). A title that is the same in both languages (a name)
says so with `titel_gelijk: true` in the English page's front matter.
"""
from __future__ import annotations

import logging
import pathlib
import re

import yaml

import gereedschap

log = logging.getLogger("mkdocs.plugins.vertaald")

RE_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*\n", re.S)
RE_TITLE = re.compile(r"^#[ \t]+(?P<title>.+?)(?:[ \t]*\{[^}]*\})?[ \t]*$", re.M)


def title_of(source: str) -> tuple[str | None, int, bool]:
    """(title, its 1-based line, titel_gelijk) of a Markdown file: front matter 'title:' first, else the first '# '."""
    match = RE_FRONT_MATTER.match(source)
    meta, body_start = {}, 0
    if match:
        try:
            meta = yaml.load(match["yaml"], Loader=gereedschap.LOADER) or {}
        except yaml.YAMLError:
            meta = {}
        meta = meta if isinstance(meta, dict) else {}
        body_start = match.end()
    same = meta.get("titel_gelijk") is True
    if isinstance(meta.get("title"), str):
        line = next((i for i, text in enumerate(source.split("\n"), 1) if text.startswith("title:")), 1)
        return meta["title"].strip(), line, same
    heading = RE_TITLE.search(source, body_start)
    if not heading:
        return None, 1, same
    return heading["title"].strip(), source.count("\n", 0, heading.start()) + 1, same


def untranslated(english: str, dutch: str) -> tuple[str, int] | None:
    """(the title, its line in the English file) when the English page's title is its Dutch twin's, else None."""
    title, line, same = title_of(english)
    dutch_title = title_of(dutch)[0]
    if title and not same and title == dutch_title:
        return title, line
    return None


def on_page_markdown(markdown, page, config, files, **kwargs):
    """On an English page (x.en.md): warn when its title is still its Dutch twin's."""
    src = page.file.abs_src_path
    if not src or not src.endswith(".en.md"):
        return markdown
    twin = pathlib.Path(src[: -len(".en.md")] + ".md")
    if not twin.exists():
        return markdown   # hooks/controle.py names a page without its twin
    found = untranslated(page.file.content_string or markdown, gereedschap.lees_bron(twin))
    if found:
        shown = gereedschap.shown_path(page.file, config)
        log.warning(f"{shown}, line {found[1]}: this English page still has the Dutch title '{found[0]}' (the same "
                    f"as {shown.replace('.en.md', '.md')}); translate it. If the title is the same in both "
                    "languages (a name), put 'titel_gelijk: true' in the page's front matter.")
    return markdown
