"""The whole guide on one page: `docs/hele-leidraad.md` prints every chapter in order, each on a new page.

MkDocs builds one HTML file per page and Material prints one page at a time; the print-site plugin
builds only the default language (STACK.md). This hook, after each language's build (`on_post_build`),
reads the built `<article>` of every chapter, in nav order, and puts it into the page that holds the
marker `<div class="hele-leidraad" data-hele-leidraad></div>`. For each chapter it
- drops the citation block (the whole-guide page has its own) and demotes headings one level;
- prefixes every id, and every reference to one (`href="#…"`, `for`, `aria-*`, `url(#…)`), with the
  chapter's name, so ids stay unique on the combined page;
- rewrites relative links and sources for the page's own folder, so they still resolve;
- links a recommendation's unlinked mentions of itself ("aanbeveling 3" on page 3) to its chapter.

Which pages are chapters is written in the page's front matter, in nav order:

    hele_leidraad:
      hoofdstukken: [inleiding.md, theorie/, aanbevelingen/, samenvatting.md]  # a folder = its pages in nav order
      overslaan: [theorie/cirkel-verkenner.md]
"""
from __future__ import annotations

import html as htmllib
import logging
import pathlib
import posixpath
import re

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.hele_leidraad")

MARKER = '<div class="hele-leidraad" data-hele-leidraad></div>'
RE_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(?P<inner>.*?)</article>', re.S)
RE_CITATION = re.compile(r'\s*<aside class="verwijzing".*?</aside>', re.S)
RE_HEADING_TAG = re.compile(r"<(?P<close>/?)h(?P<level>[1-6])\b")
RE_ID_ATTR = re.compile(r'(?P<lead>\s(?:id|for|aria-labelledby|aria-describedby|aria-controls|headers)=")(?P<value>[^"]*)"')
RE_FRAGMENT_HREF = re.compile(r'(?P<lead>\s(?:xlink:)?href="#)(?P<value>[^"]+)"')
RE_URL_REF = re.compile(r"url\(#(?P<value>[^)\s]+)\)")
RE_RELATIVE = re.compile(r'(?P<lead>\s(?:href|src)=")(?P<value>[^"#][^"]*)"')
RE_TAG_OR_TEXT = re.compile(r"(<[^>]+>)")
RE_SKIP_TEXT_IN = re.compile(r"<(?P<close>/?)(?P<tag>a|h[1-6]|code|pre|script|style)\b", re.I)
RE_OWN_NUMBER = re.compile(r"^aanbevelingen/(?P<n>[1-6])-")

_state: dict = {}


def chapter_name(dest_uri: str) -> str:
    """A short, unique name for a chapter from its file: 'theorie/index.html' -> 'theorie'."""
    path = pathlib.PurePosixPath(dest_uri)
    return path.parent.name or "start" if path.stem == "index" else path.stem


def dest_of(entry: str) -> str:
    """The built path of a front-matter entry: 'inleiding.md' -> 'inleiding.html'; folders stay folders."""
    return entry if entry.endswith("/") else re.sub(r"\.md$", ".html", entry)


def select_chapters(nav_pages: list[tuple[str, str]], chapters: list[str], skip: list[str],
                    language_dir: str = "") -> list[tuple[str, str]]:
    """(dest_uri, title) of the chapters: each entry's page, or a folder's pages, in nav order.

    language_dir is the folder of a non-default language ('en/'), where i18n puts its pages."""
    skipped = {language_dir + dest_of(s) for s in skip}
    selected: list[tuple[str, str]] = []
    for entry in chapters:
        target = language_dir + dest_of(entry)
        matches = [(d, t) for d, t in nav_pages
                   if (d.startswith(target) if target.endswith("/") else d == target) and d not in skipped]
        if not matches:
            raise PluginError(f"hele-leidraad.md, front matter hele_leidraad.hoofdstukken: '{entry}' matches no "
                              f"page in the nav. Use a file such as 'inleiding.md' or a folder such as 'theorie/'.")
        selected += [m for m in matches if m not in selected]
    return selected


def prefix_ids(fragment: str, prefix: str) -> str:
    """Every id in the fragment, and every same-page reference to one, prefixed with 'prefix--'."""
    def ids(match: re.Match) -> str:
        value = " ".join(f"{prefix}--{token}" for token in match["value"].split())
        return f'{match["lead"]}{value}"'

    fragment = RE_ID_ATTR.sub(ids, fragment)
    fragment = RE_FRAGMENT_HREF.sub(lambda m: f'{m["lead"]}{prefix}--{m["value"]}"', fragment)
    return RE_URL_REF.sub(lambda m: f"url(#{prefix}--{m['value']})", fragment)


def rebase_links(fragment: str, chapter_dest: str, page_dest: str) -> str:
    """Relative href/src written for chapter_dest, rewritten to work from page_dest."""
    chapter_dir = posixpath.dirname(chapter_dest)
    page_dir = posixpath.dirname(page_dest) or "."

    def rebase(match: re.Match) -> str:
        value = htmllib.unescape(match["value"])
        if re.match(r"^[a-z][a-z0-9+.-]*:|^//|^/", value, re.I):
            return match.group(0)  # http:, mailto:, data:, absolute paths
        path, hash_, fragment = value.partition("#")
        target = posixpath.normpath(posixpath.join(chapter_dir, path)) if path else chapter_dest
        new = posixpath.relpath(target, page_dir) + (hash_ + fragment)
        return f'{match["lead"]}{htmllib.escape(new, quote=True)}"'

    return RE_RELATIVE.sub(rebase, fragment)


def demote_headings(fragment: str) -> str:
    """h1 -> h2 … h5 -> h6 (h6 stays): the chapters sit under the page's own h1."""
    return RE_HEADING_TAG.sub(lambda m: f"<{m['close']}h{min(int(m['level']) + 1, 6)}", fragment)


def link_own_mentions(fragment: str, number: int, anchor: str) -> str:
    """'aanbeveling N' ('recommendation N') in running text of recommendation N's chapter links to the chapter."""
    pattern = re.compile(rf"\b([Aa]anbeveling {number}|[Rr]ecommendation {number})\b")
    parts, depth = RE_TAG_OR_TEXT.split(fragment), 0
    for i, part in enumerate(parts):
        tag = RE_SKIP_TEXT_IN.match(part) if part.startswith("<") else None
        if tag:
            depth += -1 if tag["close"] else 1
            depth = max(depth, 0)
        elif not part.startswith("<") and depth == 0:
            parts[i] = pattern.sub(rf'<a href="#{anchor}">\1</a>', part)
    return "".join(parts)


def heading_text(fragment: str) -> str | None:
    """The text of the first <h1> in an HTML fragment, without its permalink."""
    match = re.search(r"<h1\b[^>]*>(.*?)</h1>", fragment, re.S)
    if not match:
        return None
    text = re.sub(r'<a class="headerlink".*?</a>|<[^>]+>', "", match.group(1), flags=re.S)
    return re.sub(r"\s+", " ", htmllib.unescape(text)).strip() or None


def chapter_html(built: str, *, dest: str, page_dest: str, title: str, language_dir: str = "") -> tuple[str, str]:
    """(title, section) for one chapter: the built page's article, cleaned, prefixed and rebased."""
    match = RE_ARTICLE.search(built)
    if not match:
        raise PluginError(f"hele_leidraad: no <article> found in the built page {dest}")
    name = chapter_name(dest)
    title = heading_text(match["inner"]) or title
    inner = RE_CITATION.sub("", match["inner"])
    inner = demote_headings(prefix_ids(inner, name))
    inner = rebase_links(inner, dest, page_dest)
    own = RE_OWN_NUMBER.match(dest[len(language_dir):])
    if own:
        inner = link_own_mentions(inner, int(own["n"]), name)
    return title, (f'<section class="hele-leidraad__hoofdstuk" id="{name}" '
                   f'aria-label="{htmllib.escape(title, quote=True)}">\n{inner.strip()}\n</section>')


def contents_html(chapters: list[tuple[str, str]], heading: str) -> str:
    """A linked list of the chapters, for the screen (the printout has page breaks instead)."""
    items = "\n".join(f'<li><a href="#{chapter_name(d)}">{htmllib.escape(t)}</a></li>' for d, t in chapters)
    return (f'<nav class="hele-leidraad__inhoud" aria-labelledby="hele-leidraad-inhoud">\n'
            f'<p id="hele-leidraad-inhoud"><strong>{htmllib.escape(heading)}</strong></p>\n<ol>\n{items}\n</ol>\n</nav>')


def on_config(config):
    """Start each language's build with a clean slate (i18n builds every language in one process)."""
    _state.clear()
    return config


def on_nav(nav, config, files):
    """Remember every page's built path in nav order (titles are known only once pages are rendered)."""
    _state["nav"] = [p.file.dest_uri for p in nav.pages]
    return nav


def on_post_page(output, page, config):
    """Remember each page's title, for the list of chapters."""
    _state.setdefault("titles", {})[page.file.dest_uri] = page.title or page.file.name
    return output


def on_page_markdown(markdown, page, config, files):
    """Remember the page that asks for the whole guide (front matter `hele_leidraad:`)."""
    spec = page.meta.get("hele_leidraad")
    if spec is not None:
        if not isinstance(spec, dict) or not spec.get("hoofdstukken"):
            raise PluginError(f"{page.file.src_uri}: front matter hele_leidraad needs a list 'hoofdstukken', "
                              f"e.g. hoofdstukken: [inleiding.md, theorie/, aanbevelingen/]")
        _state["page"] = (page.file.src_uri, page.file.dest_uri, spec)
    return markdown


def on_post_build(config):
    """Fill the whole-guide page of this language with the built chapters."""
    if "page" not in _state:
        return
    src, page_dest, spec = _state["page"]
    site = pathlib.Path(config.site_dir)
    titles = _state.get("titles", {})
    own_path = re.sub(r"(\.[a-z]{2})?\.md$", ".html", src)
    language_dir = page_dest[: -len(own_path)] if page_dest.endswith(own_path) else ""
    chapters = select_chapters([(d, titles.get(d, d)) for d in _state.get("nav", [])
                                if d.endswith(".html") and d != page_dest],
                               [str(e) for e in spec["hoofdstukken"]], [str(e) for e in spec.get("overslaan", [])],
                               language_dir)
    target = site / page_dest
    built = target.read_text(encoding="utf-8")
    if MARKER not in built:
        raise PluginError(f"{src}: the page needs the line {MARKER} where the chapters go")
    heading = "Inhoud" if (config.theme.get("language") or "nl").startswith("nl") else "Contents"
    sections, listed = [], []
    for dest, title in chapters:
        title, section = chapter_html((site / dest).read_text(encoding="utf-8"), dest=dest, page_dest=page_dest,
                                      title=title, language_dir=language_dir)
        sections.append(section)
        listed.append((dest, title))
    body = [contents_html(listed, heading), *sections]
    target.write_text(built.replace(MARKER, f'<div class="hele-leidraad">\n' + "\n".join(body) + "\n</div>"),
                      encoding="utf-8")
    log.debug("hele_leidraad: %d chapters written into %s", len(chapters), target)
