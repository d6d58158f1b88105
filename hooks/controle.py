"""Checks that catch an editor's slip before a reader meets it, all of them in one build.

MkDocs validates links and anchors, and our block hooks check their own blocks. What neither sees is
what Markdown silently shows as text or code, or what leaves a page half finished:

- a Dutch page without its English twin, or a nav title without its English translation;
- an exercise page not linked from the exercise index and from its recommendation;
- a fence whose language is a near miss of one of ours (```werkbald), a fence never closed or closed by
  a run of another length, one of our blocks inside a construct that cannot render it (tabs, raw HTML);
- `<script>`, `<style>`, an `on…=` attribute, a `javascript:` or `data:` link (a Markdown link too, whatever its
  case or entities: `JaVaScRiPt&#x3A;`), plugins and frame sets (`<object>`, `<embed>`, `<applet>`, `<frame>`)
  in Markdown (editors never need them), and markup that would load from another host or send the reader
  there (`<iframe>`, an image, an SVG `<use href>`, `<meta http-equiv="refresh">`): raw HTML is parsed as a
  browser parses it (a tag over several lines, entities such as `jav&#x61;script:`), not read line by line;
  a data: image may stay (the policy's img-src allows it; an image runs no script);
- a front matter that MkDocs would show as page text (never closed, a YAML error, not fields), and a page
  that is not UTF-8 (named with its line before any hook reads it; the build goes on with the wrong bytes
  as U+FFFD, so that one run lists every problem, and nothing stops with a traceback that names no file);
- markup in front matter (title, description, tags: it would be written raw into the page; it is
  escaped here as well, so a non-strict build shows it as text);
- a duplicate id on a page, or an id that is not valid in SVG/XML (which the whole-guide page embeds; its
  copies there are not named again).

Each problem is one warning "file, line N: what is wrong; how to fix it" under mkdocs.plugins.controle, once per
run (`gereedschap.meld`): `mkdocs build --strict` lists them all and then stops with their number. The checks
are plain functions of text (tested in tests/unit/test_controle.py); the MkDocs events below only feed them.
"""
from __future__ import annotations

import difflib
import html
import html.parser
import logging
import pathlib
import re

from markupsafe import escape

import gereedschap
import hele_leidraad
from gereedschap import uitvoer

log = logging.getLogger("mkdocs.plugins.controle")
EXCLUDED = ("assets/",)
RE_LINK_TARGET = re.compile(r"\]\(([^)\s]+)")
RE_SCHEME = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)     # an address with a scheme or a host of its own
RE_MD_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?\s*(?P<url>[^)\s>]+)")
# A Markdown link or image [text](target), and a reference definition [name]: target
RE_MD_LINK = re.compile(r"(?P<image>!?)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?\s*(?P<url>[^)\s>]+)")
RE_MD_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ \t]*<?(?P<url>[^\s>]+)", re.M)
RE_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""", re.I)
RE_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?(?P<url>[^'\"]*)", re.I)
# Elements that load what their attribute names (an outside host: a connection, whatever the policy says).
LOADS = {"iframe": ("src",), "img": ("src", "srcset"),
         "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",), "track": ("src",),
         "link": ("href",), "input": ("src",), "form": ("action",), "button": ("formaction",)}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "xlink:href", "srcset", "background"}
NO_SCRIPT = "remove it: pages hold no scripts of their own (worksheets and the circle come from their blocks)"
NO_EVENT = "remove the attribute: pages hold no scripts of their own"
NO_JS_LINK = "link to a page or an address instead"
NO_DATA = ("link to a page, or put the file in docs/assets/ and link to it: a data: address carries a whole document "
           "or script inside the link, out of the editor's sight")
# Elements a page never holds: plugins and frame sets (the policy's object-src 'none' refuses plugins anyway).
NO_PLUGIN = {"object", "embed", "applet", "frame", "frameset"}
NO_PLUGIN_FIX = ("remove it: pages hold no plugins or frame sets; link to the file instead (put it in docs/assets/), "
                 "or show a picture with ![…](…)")
NO_STYLE = ("remove it and put the rules in the site's CSS (docs/assets/stylesheets/): a <style> in a page can restyle "
            "or hide any part of the site and load from other hosts in ways no check can follow")
SCHEMES = ("javascript:", "vbscript:")
RE_XML_ID = re.compile(r"^[A-Za-z_][\w.-]*$")


def problem(path: str, line: int, message: str) -> str:
    """'docs/x.md, line 3: message' as every check reports it."""
    return f"{path}, line {line}: {message}"


# --------------------------------------------------------------------------------------- checks

def fence_problems(path: str, text: str, ours: list[str]) -> list[str]:
    """Near-miss fence languages, unclosed fences, and our blocks where they cannot render."""
    found = []
    for fence in gereedschap.scan_fences(text):
        if fence.close_line is None:
            hint = (f" (line {fence.near_close[0]} has {fence.near_close[1]}, {len(fence.near_close[1])} long; "
                    f"make it {fence.fence}, {len(fence.fence)} long)" if fence.near_close else "")
            found.append(problem(path, fence.open_line, f"the fence {fence.fence}{fence.lang} is never closed{hint}; "
                                 f"close it with {fence.fence} on a line of its own, or the rest of the page shows as code"))
        if fence.lang and fence.lang not in ours:
            close = difflib.get_close_matches(fence.lang, ours, n=1, cutoff=0.75)
            if close:
                found.append(problem(path, fence.open_line, f"unknown block '{fence.lang}'; did you mean '{close[0]}'? "
                                     f"Without the right name the block shows as plain text. Our blocks: {', '.join(ours)}"))
        if fence.lang in ours and fence.container not in gereedschap.RENDERABLE:
            where = {"tabs": "tabs (===)", "html": "raw HTML", "indented": "an indented code block"}[fence.container]
            found.append(problem(path, fence.open_line, f"a {fence.lang} block inside {where} is shown as code; move it to "
                                 "the page itself, a list item or an admonition (!!!)"))
    return found


def front_matter_end(lines: list[str]) -> int:
    """The line number of the front matter's closing line (0: no front matter, or never closed)."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    return next((n for n, line in enumerate(lines[1:], 2) if line.rstrip() in ("---", "...")), 0)


def outside_code(text: str) -> str:
    """A Markdown file with its front matter (checked on its own), fenced blocks and inline code spans blanked
    out: every line keeps its number, so a problem found in what is left names the right line."""
    lines = text.split("\n")
    skip = set(range(1, front_matter_end(lines) + 1))
    for fence in gereedschap.scan_fences(text):
        skip.update(range(fence.open_line, (fence.close_line or len(lines)) + 1))
    return "\n".join("" if n in skip else re.sub(r"`[^`]*`", lambda m: " " * len(m[0]), line)
                     for n, line in enumerate(lines, 1))


def compact(value: str) -> str:
    """An address as a browser reads it: entities decoded, whitespace and control characters dropped."""
    return re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(value or "")).lower()


def outside(url: str) -> bool:
    """An address on another host (a scheme or '//'; data: stays in the page)."""
    url = compact(url)
    return bool(RE_SCHEME.match(url)) and not url.startswith(("data:", "javascript:", "vbscript:"))


def data_image(value: str) -> bool:
    """Every address in the value is a data: image (img-src in hooks/csp.py allows data:; an image runs no script)."""
    found = re.findall(r"(?:^|,)data:([^;,]*)", compact(value))
    return bool(found) and all(kind.startswith("image/") for kind in found)


class RawHtml(html.parser.HTMLParser):
    """Raw HTML in a Markdown file, parsed as a browser would (tags over several lines, entities decoded):
    (line, what, fix) for every element or attribute a page must not hold."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []
        self.svg = 0                # depth of <svg> elements the parser is in
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs, closed=False):
        line = self.getpos()[0]
        values = {name: value or "" for name, value in attrs}
        if tag == "svg" and not closed:
            self.svg += 1
        if tag == "script":
            self.found.append((line, "a <script> element", NO_SCRIPT))
        if tag in NO_PLUGIN:
            self.found.append((line, f"{'an' if tag[0] in 'aeiou' else 'a'} <{tag}> element", NO_PLUGIN_FIX))
        if tag == "style":
            self.found.append((line, "a <style> element", NO_STYLE))
        for name, value in attrs:
            address = compact(value)
            if name.startswith("on"):
                self.found.append((line, f"an on…= event attribute ({name}= on <{tag}>)", NO_EVENT))
            elif name in URL_ATTRIBUTES and address.startswith(SCHEMES):
                self.found.append((line, "a javascript: link", NO_JS_LINK))
            elif name in URL_ATTRIBUTES and "data:" in address and (address.startswith("data:") or name == "srcset") \
                    and not (tag in ("img", "source") and name in ("src", "srcset") and data_image(value)):
                self.found.append((line, f"a data: address ({name}= on <{tag}>)", NO_DATA))
            elif name == "ping":
                self.found.append((line, f"a ping= attribute on <{tag}>", "remove it: a click must not report to another host"))
            elif self.svg and (name in ("href", "xlink:href") and outside(value)
                               or any(outside(url) for url in RE_CSS_URL.findall(html.unescape(value or "")))):
                self.found.append((line, f"an SVG <{tag}> that loads from another host ({name}=\"{value.strip()}\")",
                                   "put the file in docs/assets/ and use it from there, or draw it inside the <svg>: "
                                   "the site contacts no other host"))
        if tag == "meta" and values.get("http-equiv", "").strip().lower() == "refresh":
            target = RE_REFRESH_URL.search(values.get("content", ""))
            if target and (outside(target["url"]) or compact(target["url"]).startswith(("javascript:", "data:"))):
                self.found.append((line, f"a <meta http-equiv=\"refresh\"> to {target['url'].strip()}",
                                   "remove it: a page must not send its reader elsewhere by itself (the policy cannot stop "
                                   "it); write a link the reader can choose to follow"))
        if tag == "base":
            self.found.append((line, "a <base> element", "remove it: it would change where every link of the page leads"))
        for name in LOADS.get(tag, ()):
            if any(outside(part.strip().split(" ")[0]) for part in values.get(name, "").split(",")) if name == "srcset" \
                    else outside(values.get(name, "")):
                verb = "sends to" if tag in ("form", "button") else "loads from"
                self.found.append((line, f"{'an' if tag[0] in 'aeiou' else 'a'} <{tag}> that {verb} another host "
                                   f"({values[name].strip()})", "remove it or put the file in docs/assets/ and use it from "
                                   "there: the site contacts no other host (the browser would still open a connection)"))
        if not self.svg and any(outside(url) for url in RE_CSS_URL.findall(html.unescape(values.get("style", "")))):
            self.found.append((line, f"a style on <{tag}> that loads from another host", "put the file in docs/assets/ "
                               "and use it from there: the site contacts no other host"))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs, closed=True)

    def handle_endtag(self, tag):
        if tag == "svg" and self.svg:
            self.svg -= 1


def unsafe_problems(path: str, text: str) -> list[str]:
    """Scripts, event attributes, javascript: links, and markup that would load from or send the reader to another
    host, in a Markdown file's raw HTML and links (code left out)."""
    source = outside_code(text)
    found = RawHtml(source).found
    # a Markdown link's address as the browser reads it: entities decoded, any case (JaVaScRiPt&#x3A;)
    for match in [*RE_MD_LINK.finditer(source), *RE_MD_REFERENCE.finditer(source)]:
        line, address = source.count("\n", 0, match.start("url")) + 1, compact(match["url"])
        if address.startswith(SCHEMES):
            found.append((line, "a javascript: link", NO_JS_LINK))
        elif address.startswith("data:") and not (match.groupdict().get("image") and data_image(match["url"])):
            found.append((line, f"a data: address in a link ({match['url'][:40]})", NO_DATA))
    # javascript: in a Markdown link, even split over lines or written with entities (jav&#x61;script:)
    chars, lines = [], []
    for n, line in enumerate(source.split("\n"), 1):
        for char in compact(line):
            chars.append(char)
            lines.append(n)
    joined = "".join(chars)
    for match in re.finditer(r"(?:java|vb)script:", joined):
        if not any(line == lines[match.start()] and what == "a javascript: link" for line, what, _ in found):
            found.append((lines[match.start()], "a javascript: link", NO_JS_LINK))
    for match in RE_MD_IMAGE.finditer(source):
        if outside(match["url"]):
            found.append((source.count("\n", 0, match.start()) + 1, f"an image from another host ({match['url']})",
                          "put the image in docs/assets/ and use it from there: the site contacts no other host"))
    return [problem(path, line, f"{what} in the Markdown; {fix}")
            for line, what, fix in sorted(dict.fromkeys(found), key=lambda f: f[0])]


def front_matter_syntax_problems(path: str, text: str) -> list[str]:
    """A front matter that MkDocs would show as page text: never closed, not YAML, or not a list of fields."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return []
    end = front_matter_end(lines)
    if not end:
        return [problem(path, 1, "the front matter that starts here is never closed, so the page shows it as text; "
                        "end it with a line --- after its last field")]
    if end == len(lines):
        return [problem(path, end, "the front matter's closing --- is the last line of the file, with no line break "
                        "after it, so the page shows it as text; end the line (press Enter) and write the page below")]
    try:
        value, _ = gereedschap.parse_yaml("\n".join(lines[1:end - 1]))
    except gereedschap.BlockError as error:
        return [problem(path, 2 + (error.line or 0), f"front matter: {error.message}")]
    if value is not None and not isinstance(value, dict):
        return [problem(path, 2, f"the front matter is {gereedschap.describe(value)}, not fields, so the page shows it as "
                        "text; write one field per line, e.g. title: Mijn pagina")]
    return []


def front_matter_problems(path: str, meta: dict) -> list[str]:
    """Markup in the title, description or tags of the front matter."""
    found = []
    texts = [("title", meta.get("title")), ("description", meta.get("description"))]
    texts += [("tags", tag) for tag in meta.get("tags") or []]
    for key, value in texts:
        if isinstance(value, str) and re.search(r"[<>]", value):
            found.append(problem(path, 1, f"front matter '{key}' holds markup ({value!r}); write plain text: it is "
                                 "shown exactly as typed"))
    return found


def twin_problems(sources: list[str]) -> list[str]:
    """Dutch pages (docs-relative paths) without their English twin."""
    have = set(sources)
    return [problem(f"docs/{src}", 1, f"this page has no English twin docs/{src[:-3]}.en.md; create it (copy the Dutch "
                    "page and translate it, keeping its headings and ids: REDACTIE.md, 'Een nieuwe pagina')")
            for src in sorted(have) if not src.endswith(".en.md") and f"{src[:-3]}.en.md" not in have]


def nav_titles(nav) -> list[str]:
    """Every title written in mkdocs.yml's nav (sections and named pages)."""
    titles = []
    for entry in nav or []:
        if isinstance(entry, dict):
            for title, value in entry.items():
                titles.append(title)
                titles += nav_titles(value) if isinstance(value, list) else []
    return titles


def nav_problems(nav, translations: dict[str, str], config_text: str, language: str = "en") -> list[str]:
    """Nav titles without a translation for the other language."""
    lines = config_text.split("\n")
    found = []
    for title in nav_titles(nav):
        if title not in translations:
            line = next((n for n, text in enumerate(lines, 1) if re.match(rf"^\s*-\s*{re.escape(title)}\s*:", text)), 1)
            found.append(problem("mkdocs.yml", line, f"the nav title '{title}' has no {language} translation; add "
                                 f"'{title}: …' under nav_translations of the {language} language (plugins → i18n)"))
    return found


def exercise_problems(sources: dict[str, str], recommendation_pages: dict[str, str]) -> list[str]:
    """Exercise pages (with a werkblad) that the exercise index or their recommendation does not link."""
    found = []
    for src, text in sorted(sources.items()):
        if not src.startswith("aan-de-slag/") or src.split("/")[-1].startswith(("index.", "alle-werkbladen.")):
            continue
        number = next((m.group(1) for f in gereedschap.scan_fences(text) if f.lang == "werkblad"
                       for m in [re.search(r'^aanbeveling:\s*["\']?(\d+)', f.content, re.M)] if m), None)
        if number not in recommendation_pages:
            continue  # no number, or one that is no recommendation: the worksheet's own check names it (line, fix)
        english = src.endswith(".en.md")
        name = src.split("/")[-1].replace(".en.md", ".md")
        index = "aan-de-slag/index.en.md" if english else "aan-de-slag/index.md"
        rec = recommendation_pages[number].replace(".md", ".en.md") if english else recommendation_pages[number]
        for page in (index, rec):
            links = {target.split("#")[0].split("/")[-1] for target in RE_LINK_TARGET.findall(sources.get(page, ""))}
            if name not in links:
                found.append(problem(f"docs/{src}", 1, f"this exercise is not linked from docs/{page}; add a link "
                                     f"[…]({'' if page.startswith('aan-de-slag/') else '../aan-de-slag/'}{name}) there"))
    return found


def id_problems(path: str, output: str, source: str = "", known: frozenset[str] = frozenset()) -> list[str]:
    """Duplicate ids on a built page, and ids that SVG/XML does not allow (a digit first, a space …); an id in
    `known` is left out (the whole guide repeats a chapter's ids with a prefix: named at the chapter already)."""
    found, seen = [], set()
    lines = source.split("\n")

    def line_of(value: str) -> int:
        return next((n for n, text in enumerate(lines, 1) if f"#{value}" in text or f"id: {value}" in text), 1)

    for value in uitvoer.lees(output).ids:
        if value in known:
            continue
        if value in seen:
            found.append(problem(path, line_of(value), f"the id '{value}' appears twice on this page; give one of "
                                 "them another id (a heading's { #id }, or a worksheet's 'sleutel:')"))
        seen.add(value)
        if not RE_XML_ID.match(value):
            found.append(problem(path, line_of(value), f"the id '{value}' is not valid in SVG/XML (it must start with "
                                 "a letter and hold only letters, digits, '-', '_' and '.'); rename it"))
    return sorted(set(found), key=found.index)


# ------------------------------------------------------------------------------------- MkDocs glue

def report(messages: list[str]) -> None:
    """Log each problem once per run (static-i18n runs the events once per language)."""
    for message in messages:
        gereedschap.meld(log, message)


def i18n_translations(config) -> dict[str, str] | None:
    """The nav translations of the second language of mkdocs-static-i18n (None without it)."""
    plugin = config.plugins.get("i18n") if hasattr(config.plugins, "get") else None
    if plugin is None:
        return None
    others = [lang for lang in plugin.config.languages if not lang.default]
    return dict(others[0].nav_translations or {}) if others else None


def data_slips(data_dir: pathlib.Path | None = None, words_dir: pathlib.Path | None = None) -> list[str]:
    """A key written twice in a data or words file (data/**/*.yml, hooks/*.yml): YAML would keep only the last."""
    data_dir, words_dir = data_dir or gereedschap.DATA, words_dir or gereedschap.HERE
    found = []
    for path in sorted(data_dir.glob("**/*.yml")) + sorted(words_dir.glob("*.yml")):
        shown = path.relative_to(data_dir.parent).as_posix()
        for line, key, first in gereedschap.duplicate_keys(path.read_text(encoding="utf-8", errors="replace")):
            found.append(f"{shown}, line {line}: '{key}' is there twice in the same list (also on line {first}); "
                         "only this one would count and the other would be lost. Put both into one entry.")
    return found


def on_config(config, **kwargs):
    """A key written twice in a data file (data_slips); pages that are not UTF-8: each named with its line as a
    warning, before any hook reads them. The build goes
    on, so one strict run lists every other problem too: our hooks read sources with gereedschap.lees_bron (a
    wrong byte becomes U+FFFD), and MkDocs gets such a page's text from us (on_nav)."""
    sources, problems = read_sources(pathlib.Path(config.docs_dir))
    report(problems + data_slips())
    bad = {problem.rsplit(", line ", 1)[0].removeprefix("docs/") for problem in problems}
    gereedschap.staat("controle", run=True)["niet_utf8"] = {
        str(pathlib.Path(config.docs_dir, src).resolve()): text for src, text in sources.items() if src in bad}
    return config


def on_nav(nav, config, files, **kwargs):
    """MkDocs reads a page strictly as UTF-8 and would stop with a traceback that names no file: a page that is
    not UTF-8 (named by on_config) gets its text from us, the wrong bytes as U+FFFD. Done here, after
    static-i18n has made its files (on_files, priority -100) and before MkDocs reads the pages."""
    bad = gereedschap.staat("controle", run=True).get("niet_utf8") or {}
    for file in files.documentation_pages() if bad else []:
        text = bad.get(str(pathlib.Path(file.abs_src_path).resolve())) if file.abs_src_path else None
        if text is not None:
            file.content_string = text
    return nav


def on_files(files, config, **kwargs):
    """Every Markdown source, read once per build: twins, fences, unsafe HTML, exercises, nav titles."""
    sources, found = read_sources(pathlib.Path(config.docs_dir))
    ours = [f["name"] for f in config.mdx_configs.get("pymdownx.superfences", {}).get("custom_fences", [])]
    found += twin_problems(list(sources))
    for src, text in sources.items():
        found += (front_matter_syntax_problems(f"docs/{src}", text) + fence_problems(f"docs/{src}", text, ours)
                  + unsafe_problems(f"docs/{src}", text))
    recs = {str(entry["nummer"]): entry["pagina"] for entry in gereedschap.data("aanbevelingen.yml")}
    found += exercise_problems(sources, recs)
    translations = i18n_translations(config)
    if translations is not None and config.config_file_path:
        found += nav_problems(config.nav, translations, pathlib.Path(config.config_file_path).read_text(encoding="utf-8"))
    report(found)
    return files


def read_sources(docs: pathlib.Path) -> tuple[dict[str, str], list[str]]:
    """Every Markdown source by its docs-relative path, and the problems of those that are not UTF-8."""
    sources, problems = {}, []
    for path in sorted(docs.rglob("*.md")):
        src = path.relative_to(docs).as_posix()
        if not src.startswith(EXCLUDED):
            sources[src], found = read_source(f"docs/{src}", path.read_bytes())
            problems += found
    return sources, problems


def read_source(path: str, data: bytes) -> tuple[str, list[str]]:
    """A Markdown file's text as MkDocs reads it (UTF-8, a BOM allowed); bytes that are not UTF-8 are reported
    with their line (and read as \ufffd)."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        return data.decode("utf-8-sig", errors="replace"), [problem(
            path, line, f"byte 0x{data[error.start]:02x} is not UTF-8 (the file was saved in another encoding, or "
            "holds a damaged character); save the file as UTF-8 in your editor and check the characters of this line")]


def on_page_markdown(markdown, page, config, files, **kwargs):
    """Markup in front matter: reported, and escaped so that a page never writes it raw."""
    report(front_matter_problems(gereedschap.shown_path(page.file, config), page.meta))
    for key in ("title", "description"):
        page.meta[key] = escaped(page.meta.get(key))
    if isinstance(page.meta.get("tags"), list):
        page.meta["tags"] = [escaped(tag) for tag in page.meta["tags"]]
    for key in [k for k, v in page.meta.items() if v is None and k in ("title", "description")]:
        del page.meta[key]
    return markdown


def escaped(value):
    """A front-matter text with markup, escaped (Material writes page.meta.title raw); others unchanged."""
    return escape(value) if isinstance(value, str) and re.search(r"[<>]", value) else value


def on_post_page(output, page, config, **kwargs):
    """Ids on the built page: no duplicates, all valid in SVG/XML (each page's faulty ids noted for the whole guide)."""
    problems = id_problems(gereedschap.shown_path(page.file, config), output, page.file.content_string or "")
    report(problems)
    if problems:
        faulty = {value for value in uitvoer.lees(output).ids if any(f"the id '{value}' " in message for message in problems)}
        gereedschap.staat("controle").setdefault("ids", {})[page.file.dest_uri] = faulty
    return output


def on_post_build(config, **kwargs):
    """The whole-guide page is filled after the build (hooks/hele_leidraad.py): check its ids too, but for the ids
    of a chapter already named at its source (the whole guide repeats them as 'chapter--id')."""
    site = pathlib.Path(config.site_dir)
    known = frozenset(f"{hele_leidraad.chapter_name(dest)}--{value}"
                      for dest, values in gereedschap.staat("controle").get("ids", {}).items() for value in values)
    for built in site.glob("**/hele-leidraad.html"):
        report(id_problems(built.relative_to(site).as_posix(), built.read_text(encoding="utf-8"), known=known))
    count_every_language()


def count_every_language() -> None:
    """'Aborted with N warnings' counts every language's warnings, not the last one's.

    mkdocs-static-i18n builds English inside the Dutch build (a second `build()`, with a warning counter of its
    own): a strict run stopped there with the English build's count only ("Aborted with 1 warnings" under 24
    messages). The outer build's counter, on the same logger since the run began, has seen them all: the inner
    one takes its figures (MkDocs' CountHandler, found by what it has: no import of MkDocs here)."""
    counters = [handler for handler in logging.getLogger("mkdocs").handlers
                if callable(getattr(handler, "get_counts", None)) and isinstance(getattr(handler, "counts", None), dict)]
    if len(counters) > 1:
        for level, count in counters[0].counts.items():
            counters[-1].counts[level] = max(count, counters[-1].counts.get(level, 0))
