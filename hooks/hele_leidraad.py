"""The whole guide on one page: `docs/hele-leidraad.md` prints every chapter in order, each on a new page.

MkDocs builds one HTML file per page and Material prints one page at a time; the print-site plugin
builds only the default language (STACK.md). This hook, after each language's build (`on_post_build`),
reads the built `<article>` of every chapter, in nav order, and puts it into the page that holds the
marker `<div class="hele-leidraad" data-hele-leidraad></div>`. For each chapter it
- leaves out what is marked `data-alleen-eigen-pagina` (the citation block: the page has its own) and
  demotes headings one level;
- prefixes every id, and every reference to one (IDREF attributes, `href="#…"`, `url(#…)`), with the
  chapter's name, so ids stay unique on the combined page and valid in SVG/XML (`aanbeveling-3--…`);
  one HTML parser pass (`Rewriter`) does all of it, whatever the attribute order or quoting;
- rewrites relative links and sources for the page's own folder, so they still resolve;
- links a recommendation's unlinked mentions of itself ("aanbeveling 3" on page 3) to its chapter.

Which pages are chapters is written in the page's front matter, in nav order:

    hele_leidraad:
      hoofdstukken: [inleiding.md, theorie/, aanbevelingen/, samenvatting.md]  # a folder = its pages in nav order
      overslaan: [theorie/cirkel-verkenner.md]
"""
from __future__ import annotations

import html as htmllib
import html.parser as htmlparser
import logging
import pathlib
import posixpath
import re


import gereedschap

log = logging.getLogger("mkdocs.plugins.hele_leidraad")

MARKER = '<div class="hele-leidraad" data-hele-leidraad></div>'
RE_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(?P<inner>.*?)</article>', re.S)
LEAVE_OUT = "data-alleen-eigen-pagina"   # an element with this attribute (the citation block) stays off this page
# Attributes whose value is one id or a list of ids (HTML, ARIA and SVG IDREF attributes). Other attributes
# are rewritten only where they refer to an id as "#id" (href, xlink:href) or "url(#id)" (fill, style …).
IDREFS = {"for", "headers", "list", "form", "popovertarget", "aria-labelledby", "aria-describedby",
          "aria-controls", "aria-owns", "aria-flowto", "aria-activedescendant", "aria-details",
          "aria-errormessage", "data-kopieer", "data-turf-erbij"}
RE_URL_REF = re.compile(r"url\(#(?P<value>[^)\s]+)\)")
RE_HEADING = re.compile(r"^h([1-6])$")
RE_OWN_NUMBER = re.compile(r"^aanbevelingen/(?P<n>[1-6])-")
SKIP_TEXT_IN = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}



def chapter_name(dest_uri: str) -> str:
    """A short, unique name for a chapter, valid as the start of an XML id: 'theorie/index.html' ->
    'theorie', 'aanbevelingen/1-band.html' -> 'aanbeveling-1', 'begrippen.html' -> 'begrippen'."""
    path = pathlib.PurePosixPath(dest_uri)
    own = RE_OWN_NUMBER.match(dest_uri.split("/", 1)[1] if dest_uri.startswith("en/") else dest_uri)
    if own:
        return f"aanbeveling-{own['n']}"
    name = path.parent.name or "start" if path.stem == "index" else path.stem
    return name if name[:1].isalpha() else f"h-{name}"


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
            raise gereedschap.BouwFout(f"hele-leidraad.md, front matter hele_leidraad.hoofdstukken: '{entry}' matches no "
                              f"page in the nav. Use a file such as 'inleiding.md' or a folder such as 'theorie/'.")
        selected += [m for m in matches if m not in selected]
    return selected


class Rewriter(htmlparser.HTMLParser):
    """One pass over a chapter's built article: every id and every reference to one gets the chapter's
    prefix (ids are collected first, so nothing else is touched), relative links are rebased for the
    whole-guide page, headings go one level down, elements marked data-alleen-eigen-pagina are left out,
    and 'aanbeveling N' in running text of recommendation N links to its chapter."""

    def __init__(self, *, prefix: str = "", rebase=None, demote: bool = False, own: tuple[int, str] | None = None):
        super().__init__(convert_charrefs=False)
        self.prefix, self.rebase, self.demote, self.own = prefix, rebase, demote, own
        self.ids: set[str] = set()
        self.out: list[str] = []
        self.stack: list[str] = []
        self.leaving = 0

    def run(self, fragment: str) -> str:
        """The rewritten fragment."""
        self.ids = set(re.findall(r'\sid="([^"]+)"', fragment)) if self.prefix else set()
        self.feed(fragment)
        self.close()
        return "".join(self.out)

    def ref(self, value: str) -> str:
        return f"{self.prefix}--{value}" if value in self.ids else value

    def attribute(self, name: str, value: str | None) -> str:
        """One attribute, rewritten and written back with its value escaped."""
        if value is None:
            return f" {name}"
        if self.prefix:
            if name == "id" or name in IDREFS:
                value = " ".join(self.ref(token) for token in value.split())
            elif value.startswith("#") and name in ("href", "xlink:href"):
                value = "#" + self.ref(value[1:])
            value = RE_URL_REF.sub(lambda m: f"url(#{self.ref(m['value'])})", value)
        if self.rebase and name in ("href", "src") and not value.startswith("#"):
            value = self.rebase(value)
        return f' {name}="{htmllib.escape(value, quote=True)}"'

    def tag_name(self, tag: str) -> str:
        heading = RE_HEADING.match(tag)
        return f"h{min(int(heading[1]) + 1, 6)}" if heading and self.demote else tag

    def handle_starttag(self, tag, attrs, closed=False):
        if self.leaving or any(name == LEAVE_OUT for name, _ in attrs):
            if tag not in VOID and not closed:
                self.leaving += 1
            return
        self.out.append(f"<{self.tag_name(tag)}{''.join(self.attribute(n, v) for n, v in attrs)}{' /' if closed else ''}>")
        if tag not in VOID and not closed:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs, closed=True)

    def handle_endtag(self, tag):
        if self.leaving:
            self.leaving -= 1
            return
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass
        self.out.append(f"</{self.tag_name(tag)}>")

    def handle_data(self, data):
        if self.leaving:
            return
        if self.own and not SKIP_TEXT_IN.intersection(self.stack):
            number, anchor = self.own
            data = re.sub(rf"\b([Aa]anbeveling {number}|[Rr]ecommendation {number})\b", rf'<a href="#{anchor}">\1</a>', data)
        self.out.append(data)

    def handle_entityref(self, name):
        if not self.leaving:
            self.out.append(f"&{name};")

    def handle_charref(self, name):
        if not self.leaving:
            self.out.append(f"&#{name};")

    def handle_comment(self, data):
        if not self.leaving:
            self.out.append(f"<!--{data}-->")


def prefix_ids(fragment: str, prefix: str) -> str:
    """Every id in the fragment, and every reference to one, prefixed with 'prefix--'."""
    return Rewriter(prefix=prefix).run(fragment)


def rebase_links(fragment: str, chapter_dest: str, page_dest: str) -> str:
    """Relative href/src written for chapter_dest, rewritten to work from page_dest."""
    return Rewriter(rebase=rebaser(chapter_dest, page_dest)).run(fragment)


def rebaser(chapter_dest: str, page_dest: str):
    """A function that rewrites one relative link of chapter_dest for page_dest (others stay)."""
    chapter_dir, page_dir = posixpath.dirname(chapter_dest), posixpath.dirname(page_dest) or "."

    def rebase(value: str) -> str:
        if re.match(r"^[a-z][a-z0-9+.-]*:|^//|^/", value, re.I):
            return value  # http:, mailto:, data:, absolute paths
        path, hash_, fragment = value.partition("#")
        target = posixpath.normpath(posixpath.join(chapter_dir, path)) if path else chapter_dest
        return posixpath.relpath(target, page_dir) + hash_ + fragment

    return rebase


def demote_headings(fragment: str) -> str:
    """h1 -> h2 … h5 -> h6 (h6 stays): the chapters sit under the page's own h1."""
    return Rewriter(demote=True).run(fragment)


def link_own_mentions(fragment: str, number: int, anchor: str) -> str:
    """'aanbeveling N' ('recommendation N') in running text of recommendation N's chapter links to the chapter."""
    return Rewriter(own=(number, anchor)).run(fragment)


def heading_text(fragment: str) -> str | None:
    """The text of the first <h1> in an HTML fragment, without its permalink."""
    match = re.search(r"<h1\b[^>]*>(.*?)</h1>", fragment, re.S)
    if not match:
        return None
    text = re.sub(r'<a class="headerlink".*?</a>|<[^>]+>', "", match.group(1), flags=re.S)
    return re.sub(r"\s+", " ", htmllib.unescape(text)).strip() or None


def chapter_html(built: str, *, dest: str, page_dest: str, title: str, language_dir: str = "") -> tuple[str, str]:
    """(title, section) for one chapter: the built page's article, cleaned, prefixed and rebased in one pass."""
    match = RE_ARTICLE.search(built)
    if not match:
        raise gereedschap.BouwFout(f"hele_leidraad: no <article> found in the built page {dest}")
    name = chapter_name(dest)
    title = heading_text(match["inner"]) or title
    own = RE_OWN_NUMBER.match(dest[len(language_dir):])
    inner = Rewriter(prefix=name, rebase=rebaser(dest, page_dest), demote=True,
                     own=(int(own["n"]), name) if own else None).run(match["inner"])
    return title, (f'<section class="hele-leidraad__hoofdstuk" id="{name}" '
                   f'aria-label="{htmllib.escape(title, quote=True)}">\n{inner.strip()}\n</section>')


def contents_html(chapters: list[tuple[str, str]], heading: str) -> str:
    """A linked list of the chapters, for the screen (the printout has page breaks instead)."""
    items = "\n".join(f'<li><a href="#{chapter_name(d)}">{htmllib.escape(t)}</a></li>' for d, t in chapters)
    return (f'<nav class="hele-leidraad__inhoud" aria-labelledby="hele-leidraad-inhoud">\n'
            f'<p id="hele-leidraad-inhoud"><strong>{htmllib.escape(heading)}</strong></p>\n<ol>\n{items}\n</ol>\n</nav>')


def on_nav(nav, config, files):
    """Remember every page's built path in nav order (titles are known only once pages are rendered)."""
    state = gereedschap.staat("hele_leidraad")
    state["nav"] = [p.file.dest_uri for p in nav.pages]
    return nav


def on_post_page(output, page, config):
    """Remember each page's title, for the list of chapters."""
    state = gereedschap.staat("hele_leidraad")
    state.setdefault("titles", {})[page.file.dest_uri] = page.title or page.file.name
    return output


def on_page_markdown(markdown, page, config, files):
    """Remember the page that asks for the whole guide (front matter `hele_leidraad:`)."""
    state = gereedschap.staat("hele_leidraad")
    spec = page.meta.get("hele_leidraad")
    if spec is not None:
        if not isinstance(spec, dict) or not spec.get("hoofdstukken"):
            raise gereedschap.BouwFout(f"{page.file.src_uri}: front matter hele_leidraad needs a list 'hoofdstukken', "
                              f"e.g. hoofdstukken: [inleiding.md, theorie/, aanbevelingen/]")
        state["page"] = (page.file.src_uri, page.file.dest_uri, spec)
    return markdown


def on_post_build(config):
    """Fill the whole-guide page of this language with the built chapters."""
    state = gereedschap.staat("hele_leidraad")
    if "page" not in state:
        return
    src, page_dest, spec = state["page"]
    site = pathlib.Path(config.site_dir)
    titles = state.get("titles", {})
    own_path = re.sub(r"(\.[a-z]{2})?\.md$", ".html", src)
    language_dir = page_dest[: -len(own_path)] if page_dest.endswith(own_path) else ""
    chapters = select_chapters([(d, titles.get(d, d)) for d in state.get("nav", [])
                                if d.endswith(".html") and d != page_dest],
                               [str(e) for e in spec["hoofdstukken"]], [str(e) for e in spec.get("overslaan", [])],
                               language_dir)
    target = site / page_dest
    built = target.read_text(encoding="utf-8")
    if MARKER not in built:
        raise gereedschap.BouwFout(f"{src}: the page needs the line {MARKER} where the chapters go")
    heading = gereedschap.words("teksten.yml", gereedschap.build_language(config))["inhoud"]
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
