"""Broken links and anchors named with file, line and a "did you mean", before MkDocs says it without them.

MkDocs' `validation` settings make a link to a missing page or anchor a warning (fatal under --strict), but
its message names no line and suggests nothing ("contains a link '…#x', but the doc '…' does not contain an
anchor '#x'"). This hook checks every Markdown link `[text](target)` of a page as the editor wrote it:
- in `on_page_markdown`, a link to a `.md` file that does not exist: file, line, and the nearest file name;
- once every page is rendered (the first `on_post_page`, before MkDocs validates anchors), a link to an
  anchor the target page does not have: file, line, and the nearest id on that page.
English pages link to the Dutch file names (static-i18n points them to the English page); anchors are
looked up on the page of the language being built. MkDocs' own validation stays on as the backstop.
"""
from __future__ import annotations

import difflib
import logging
import posixpath
import re

import gereedschap

log = logging.getLogger("mkdocs.plugins.links")

RE_LINK = re.compile(r"(?<!!)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
RE_CODE = re.compile(r"`[^`\n]*`")
RE_ID = re.compile(r'\sid="([^"]+)"')
RE_LANGUAGE_SUFFIX = re.compile(r"\.([a-z]{2})\.md$")



def state() -> dict:
    """Per language: 'ids' (page path without language -> its ids), 'pending' (links waiting for every page:
    shown file, line, target, page path, anchor) and 'checked'."""
    found = gereedschap.staat("links")
    if not found:
        found.update(ids={}, pending=[], checked=False)
    return found


def links(source: str) -> list[tuple[int, str]]:
    """(line number in the file, target) of every Markdown link outside fenced code and inline code."""
    lines = source.split("\n")
    fenced = set()
    for fence in gereedschap.scan_fences(source):
        fenced.update(range(fence.open_line, (fence.close_line or len(lines)) + 1))
    found = []
    for number, line in enumerate(lines):
        if number + 1 in fenced:
            continue
        for match in RE_LINK.finditer(RE_CODE.sub(lambda m: " " * len(m[0]), line)):
            found.append((number + 1, match["target"]))
    return found


def page_key(src_uri: str) -> str:
    """'theorie/x.en.md' or 'theorie/x.md' -> 'theorie/x.html' (the page, whatever its language)."""
    return re.sub(r"\.md$", ".html", RE_LANGUAGE_SUFFIX.sub(".md", src_uri))


def resolve(target: str, src_uri: str) -> tuple[str, str] | None:
    """(page path 'theorie/x.html', anchor) a relative link leads to, or None for an outside or non-page link."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("/"):
        return None
    path, _, anchor = target.partition("#")
    if not path:
        return page_key(src_uri), anchor
    if not path.endswith(".md"):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
    return page_key(joined), anchor


def suggestion(word: str, valid) -> str:
    """'; did you mean 'x'?' for a near miss, else '.'."""
    close = difflib.get_close_matches(word, sorted(valid), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else "."


def check_files(shown: str, source: str, src_uri: str, pages: set[str]) -> list[tuple[int, str, str, str]]:
    """Warn about links to pages that do not exist; return the others that carry an anchor, to check later."""
    later = []
    for line, target in links(source):
        found = resolve(target, src_uri)
        if found is None:
            continue
        page, anchor = found
        if page not in pages:
            wanted = re.sub(r"\.html$", ".md", page)
            close = difflib.get_close_matches(wanted, sorted(re.sub(r"\.html$", ".md", p) for p in pages), n=1,
                                              cutoff=0.6)
            near = f"; did you mean '{gereedschap.relative(close[0], start=src_uri)}'?" if close else "."
            gereedschap.meld(log, f"{shown}, line {line}: the link '{target}' leads to docs/{wanted}, which does not "
                                  f"exist{near}")
        elif anchor:
            later.append((line, target, page, anchor))
    return later


def check_anchors(pending, ids: dict[str, set[str]]) -> list[str]:
    """The messages for links whose anchor is not on the page they lead to."""
    problems = []
    for shown, line, target, page, anchor in pending:
        present = ids.get(page)
        if present is None or anchor in present:
            continue
        problems.append(f"{shown}, line {line}: the link '{target}' leads to '#{anchor}', but "
                        f"docs/{re.sub(r'[.]html$', '.md', page)} has no heading or element with that id"
                        f"{suggestion(anchor, present)} An id is what stands in {{ #… }} after a heading.")
    return problems


# ------------------------------------------------------------------------------------- MkDocs glue

def on_page_markdown(markdown, page, config, files, **kwargs):
    """Check the page's links to files now; keep its links with an anchor for when every page is rendered."""
    pages = {page_key(f.src_uri) for f in files.documentation_pages()}
    shown = gereedschap.shown_path(page.file, config)
    for line, target, path, anchor in check_files(shown, page.file.content_string or markdown,
                                                  page.file.src_uri, pages):
        state()["pending"].append((shown, line, target, path, anchor))
    return markdown


def on_page_content(html, page, config, files, **kwargs):
    """Note every id the rendered page has (the last page_content step: after the others added their parts)."""
    state()["ids"][page_key(page.file.src_uri)] = set(RE_ID.findall(html))
    return html


def on_post_page(output, page, config, **kwargs):
    """The first page written: every page is rendered, so check the anchors (MkDocs checks them after this)."""
    if not state()["checked"]:
        state()["checked"] = True
        for problem in check_anchors(state()["pending"], state()["ids"]):
            gereedschap.meld(log, problem)
    return output
