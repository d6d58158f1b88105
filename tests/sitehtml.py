"""Small helpers to read the built site's HTML with the standard library only."""
from __future__ import annotations

import functools
import html.parser
import pathlib
import re


FETCHED_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon"}
RE_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""")


class Page(html.parser.HTMLParser):
    """Parses one HTML file: ids, links, resources and the text of the main article."""

    def __init__(self, path: pathlib.Path):
        super().__init__(convert_charrefs=True)
        self.path = path
        self.ids: set[str] = set()
        self.links: list[str] = []          # href of every <a> (sidebar, header and footer included)
        self.article_links: list[str] = []  # href of <a> inside the article: what the page itself links
        self.resources: list[tuple[str, str]] = []  # (tag, url) loaded by the page
        self.headings: list[tuple[str, str, str]] = []  # (tag, id, text) inside the article
        self.lang = ""
        self.unlinked_text: list[str] = []  # article text in p/li that is not inside a link
        self.article_text: list[str] = []
        self._stack: list[str] = []
        self._in_article = 0
        self._in_a = 0
        self._heading: list | None = None
        feed(self, path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang", "")
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a":
            self._in_a += 1
            if attrs.get("href") is not None:
                self.links.append(attrs["href"])
                if self._in_article:
                    self.article_links.append(attrs["href"])
        for name, value in attrs.items():   # everything a browser may fetch for this element
            if value is None:
                continue
            if tag == "link" and name == "href":
                # a browser fetches these on load; any other link (prev, next, canonical …) is checked for
                # outside addresses all the same, but is no part of the page's weight
                fetched = set((attrs.get("rel") or "").split()) & FETCHED_RELS
                self.resources.append(("link" if fetched else "link-other", value))
            elif name in ("src", "data", "poster") or (name == "href" and tag in ("image", "use")) \
                    or name == "xlink:href" and tag in ("image", "use"):
                self.resources.append((tag, value))
            elif name in ("srcset", "imagesrcset"):
                self.resources += [(tag, part.split()[0]) for part in value.split(",") if part.strip()]
            elif name == "style":
                self.resources += [(tag, url) for url in RE_CSS_URL.findall(value)]
        if tag == "article":
            self._in_article += 1
        if self._in_article and re.fullmatch(r"h[1-6]", tag):
            self._heading = [tag, attrs.get("id", ""), ""]
        if tag not in ("br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "path", "rect",
                       "circle", "line", "polygon", "use", "stop", "area", "base", "embed", "track"):
            self._stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "a" and self._in_a:
            self._in_a -= 1
        if tag == "article" and self._in_article:
            self._in_article -= 1
        if self._heading and tag == self._heading[0]:
            self.headings.append((self._heading[0], self._heading[1], self._heading[2].replace("¶", "").strip()))
            self._heading = None
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self._stack and self._stack[-1] == "style":
            self.resources += [("style", url) for url in RE_CSS_URL.findall(data)]
        if self._heading is not None:
            self._heading[2] += data
        if self._in_article:
            self.article_text.append(data)
            if not self._in_a and ("p" in self._stack or "li" in self._stack) and not any(
                    h in self._stack for h in ("h1", "h2", "h3", "h4", "code", "pre")):
                self.unlinked_text.append(data)

    @property
    def text(self) -> str:
        """The article's visible text, whitespace folded."""
        return re.sub(r"\s+", " ", "".join(self.article_text))


def front_matter(markdown_file: pathlib.Path) -> dict:
    """The YAML front matter of a Markdown file ({} when it has none), read as MkDocs reads it."""
    from mkdocs.utils.meta import get_data

    return get_data(markdown_file.read_text(encoding="utf-8"))[1]


class _Recorder(html.parser.HTMLParser):
    """What HTMLParser (convert_charrefs=True) hands its handlers for a text, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("handle_starttag", tag, tuple(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.events.append(("handle_startendtag", tag, tuple(attrs)))

    def handle_endtag(self, tag):
        self.events.append(("handle_endtag", tag))

    def handle_data(self, data):
        self.events.append(("handle_data", data))

    def handle_comment(self, data):
        self.events.append(("handle_comment", data))

    def handle_decl(self, decl):
        self.events.append(("handle_decl", decl))

    def handle_pi(self, data):
        self.events.append(("handle_pi", data))

    def unknown_decl(self, data):
        self.events.append(("unknown_decl", data))


@functools.lru_cache(maxsize=512)   # more than the site's pages: a check that reads them all in turn must hit
def _events(text: str) -> tuple[tuple, tuple]:
    """(what feed(text) hands over, what close() adds), read once per text (about half a megabyte a page)."""
    recorder = _Recorder()
    recorder.feed(text)
    fed, recorder.events = recorder.events, []
    recorder.close()
    return tuple(fed), tuple(recorder.events)


def feed(parser: html.parser.HTMLParser, text: str, *, close: bool = False) -> None:
    """parser.feed(text) (and parser.close()) for a parser made with convert_charrefs=True that only overrides the
    handle_… methods: its handlers get the same calls in the same order, but the text is tokenised once for all
    the checks that read the same page (each has its own parser; tokenising was most of their time)."""
    fed, closing = _events(text)
    for name, *arguments in fed + (closing if close else ()):
        getattr(parser, name)(*arguments)


def read(path: pathlib.Path) -> Page:
    """The page at path, parsed once per version of the file in this process: the site checks read the same
    pages many times (every link's target, every page per check), and parsing is most of what they cost. Callers
    only read a Page; a test that rewrites a file gets the new version (its size or time changed)."""
    stat = pathlib.Path(path).stat()
    return _parsed(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=None)
def _parsed(path: str, mtime_ns: int, size: int) -> Page:
    return Page(pathlib.Path(path))


def pages(site: pathlib.Path) -> dict[str, Page]:
    """Every HTML page of the site by its path relative to the site root (404.html left out)."""
    return {p.relative_to(site).as_posix(): read(p) for p in sorted(site.rglob("*.html"))
            if p.name != "404.html"}


def resolve(site: pathlib.Path, page_path: str, href: str) -> tuple[str, str] | None:
    """The (page path, fragment) an internal href points to, or None for external / special links."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("//"):
        return None  # http:, https:, mailto:, data: ...
    target, _, fragment = href.partition("#")
    target = target.split("?", 1)[0]
    if not target:
        return page_path, fragment
    base = pathlib.PurePosixPath(page_path).parent
    parts = []
    for part in (base / target).parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    resolved = "/".join(parts)
    if (site / resolved).is_dir():
        resolved = (resolved + "/index.html").lstrip("/")
    return resolved, fragment


def broken_links(site: pathlib.Path, all_pages: dict[str, Page]) -> list[str]:
    """Every internal link whose file or #anchor does not exist, as 'page -> href (why)'."""
    problems = []
    for path, page in all_pages.items():
        for href in page.links:
            target = resolve(site, path, href)
            if target is None:
                continue
            file, fragment = target
            if not (site / file).exists():
                problems.append(f"{path} -> {href} (no file {file})")
            elif fragment and file.endswith(".html"):
                ids = all_pages[file].ids if file in all_pages else read(site / file).ids
                if fragment not in ids:
                    problems.append(f"{path} -> {href} (no #{fragment} in {file})")
    return problems


def outside_resources(page: Page) -> list[str]:
    """Resources (scripts, styles, images, fonts ...) a page would load from outside the site."""
    return [f"{tag} {url}" for tag, url in page.resources
            if url.startswith("//") or (re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I)
                                        and not url.startswith(("data:", "blob:", "about:", "#")))]


class Controls(html.parser.HTMLParser):
    """Form controls and how each gets its accessible name (label[for], wrapping label or aria-label)."""

    def __init__(self, text: str):
        """Parse the HTML right away."""
        super().__init__()
        self.controls, self.label_for, self.in_label = [], set(), 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        """Note controls, labels and whether a control sits inside a label."""
        attrs = dict(attrs)
        if tag == "label":
            self.in_label += 1
            if attrs.get("for"):
                self.label_for.add(attrs["for"])
        if tag in ("input", "textarea", "select"):
            self.controls.append((attrs.get("id"), bool(attrs.get("aria-label")) or self.in_label > 0,
                                  attrs.get("data-sleutel"), attrs.get("type")))

    def handle_endtag(self, tag):
        """Leave a label."""
        if tag == "label":
            self.in_label -= 1

    def unlabelled(self) -> list[str]:
        """Ids of controls with no accessible name."""
        return [cid for cid, named, *_ in self.controls if not named and cid not in self.label_for]
