"""tests/sitehtml.py: the site checks read a page once; a check's own parser gets what HTMLParser would give it."""
from __future__ import annotations

import html.parser
import os

import sitehtml

TEXT = ('<!doctype html><html lang="nl"><head><title>A &amp; B</title></head><body><!-- a comment -->'
        '<article><h2 id="k">Kop &eacute;n &#233;</h2><br/><img src="x.png" alt="&lt;x&gt;"><p>tekst &</p>'
        '<script>if (a < b) { x = "</p>"; }</script></article>trailing &amp')


class Calls(html.parser.HTMLParser):
    """Notes every call a parser's handlers get."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.calls = []

    def handle_starttag(self, tag, attrs):
        self.calls.append(("start", tag, list(attrs)))

    def handle_endtag(self, tag):
        self.calls.append(("end", tag))

    def handle_data(self, data):
        self.calls.append(("data", data))

    def handle_comment(self, data):
        self.calls.append(("comment", data))

    def handle_decl(self, decl):
        self.calls.append(("decl", decl))


def test_a_replayed_page_gives_a_parser_the_same_calls_as_parsing_it():
    """Start and end tags (a self-closing one through HTMLParser's own handle_startendtag), data with its
    character references, comments, the doctype, a script's text; a reference the text might still complete only on close()."""
    seen = {}
    for close in (False, True):
        parsed, replayed = Calls(), Calls()
        parsed.feed(TEXT)
        if close:
            parsed.close()
        sitehtml.feed(replayed, TEXT, close=close)
        assert replayed.calls == parsed.calls
        seen[close] = replayed.calls
    assert ("data", "trailing &") in seen[True] and ("data", "trailing &") not in seen[False]   # held back until close()
    assert ("start", "br", []) in seen[True] and ("end", "br") in seen[True]


def test_a_page_is_parsed_once_until_its_file_changes(tmp_path):
    """read() gives the same Page for the same file; a rewritten file is parsed again."""
    path = tmp_path / "p.html"
    path.write_text(TEXT, encoding="utf-8")
    first = sitehtml.read(path)
    assert sitehtml.read(path) is first and first.ids == {"k"}
    path.write_text(TEXT.replace('id="k"', 'id="l"'), encoding="utf-8")
    os.utime(path, ns=(1, 1))   # even with the same size, a new modification time
    assert sitehtml.read(path).ids == {"l"}
