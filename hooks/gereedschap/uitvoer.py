"""A finished page as a browser parses it, read once: its ids, its inline scripts, where its <head> ends.

Two steps read every built page after it is rendered: hooks/controle.py (duplicate and invalid ids) and
hooks/csp.py (the hashes of the inline scripts, and where the policy goes). Parsing a page with the standard
library's HTMLParser is the slowest thing the build does, so the two share one parse: `lees(html)` keeps the
last few pages it read (by their text), and the second step to ask for the same text gets the same reading. The
page is parsed, not searched: an id or a <script> quoted in a page's text or code does not count.
Nothing here imports MkDocs.
"""
from __future__ import annotations

import functools
import html.parser
import re

RE_NEWLINE = re.compile("\n")


class Gelezen(html.parser.HTMLParser):
    """One page: `ids` (every id attribute, in order), `scripts` (the text of each inline script with its kind),
    `config` (Material's __config script), `head_end` and `doctype_end` (where a <meta> in the head can go),
    `has_policy` (a Content-Security-Policy <meta> in the head)."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.text, self.ids, self.scripts, self.head_end, self.has_policy = text, [], [], None, False
        self.doctype_end = 0
        self.config: str | None = None
        self._offsets = [0] + [match.end() for match in RE_NEWLINE.finditer(text)]
        self._script: list[str] | None = None
        self._in_head = False
        self._kind = ""
        self.feed(text)
        self.close()

    def position(self) -> int:
        """The position in the text of what the parser reads now."""
        line, column = self.getpos()
        return self._offsets[line - 1] + column

    def handle_decl(self, decl):
        if self.head_end is None:   # a page without a <head> tag: the policy goes right after <!doctype>,
            self.doctype_end = self.text.index(">", self.position()) + 1   # where the browser opens the head

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        self.ids += [value for name, value in attrs if name == "id" and value is not None]
        if tag == "head" and self.head_end is None:
            self.head_end, self._in_head = self.position() + len(self.get_starttag_text()), True
        elif tag == "body":
            self._in_head = False
        elif tag == "meta" and self._in_head and values.get("http-equiv", "").lower() == "content-security-policy":
            self.has_policy = True
        elif tag == "script":
            self._kind = "src" if "src" in values else values.get("type", "").strip().lower()
            if values.get("id") == "__config":
                self._kind = "config"
            self._script = []

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False
        elif tag == "script" and self._script is not None:
            body = "".join(self._script)
            if self._kind == "config":
                self.config = body
            else:
                self.scripts.append((self._kind, body))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)


@functools.lru_cache(maxsize=4)
def lees(text: str) -> Gelezen:
    """The reading of a finished page; the same text read a moment ago is not parsed again."""
    return Gelezen(text)
