"""What the site adds to the guideline carries one visible marker: an element with the class `aanvulling`
and, inside it, exactly one label `.aanvulling__label` in the page's language (hooks/aanvulling.py,
the worksheet part `aanvulling`, front matter `aanvulling: true`).

Everything here reads the article of each built page (`<article class="md-content__inner md-typeset">`),
not the navigation or the sidebar, from the session build (conftest.py).
"""
from __future__ import annotations

import html.parser
import pathlib
import re

import pytest
import yaml

from conftest import ROOT
import sitehtml

MARKER, LABEL = "aanvulling", "aanvulling__label"
LABELS = {lang: text for lang, text in
          yaml.safe_load((ROOT / "hooks" / "teksten.yml").read_text(encoding="utf-8"))["aanvulling"].items()}
RECOMMENDATIONS = ["1-persoonlijke-band", "2-kansen-voor-positief-gedrag", "3-autonomie-en-structuur",
                   "4-reflecteren-op-relaties", "5-conflicten-voorkomen", "6-herstel-van-de-relatie"]
# Page -> the sections (h2 ids) that must hold a marker; None: the page is ours as a whole.
MARKED = {
    **{f"aanbevelingen/{name}.html": ["bespreek"] for name in RECOMMENDATIONS},
    "aanbevelingen/6-herstel-van-de-relatie.html": ["onderzoek", "bespreek"],
    "theorie/cirkel-verkenner.html": ["verkennen", "zelfreflectie"],
    "teamoverleg.html": None,
    "teamscan.html": None,
    "teamoverzicht.html": None,
    "aan-de-slag/drie-tegen-een-turven.html": None,
}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "path", "rect", "circle", "line", "polygon", "polyline", "ellipse", "use", "stop"}


class Node:
    """One element of the article: tag, attributes, children (elements) and its own text."""

    def __init__(self, tag: str, attrs: dict, parent: "Node | None"):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node] = []
        self.text_parts: list[str] = []

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def iter(self):
        yield self
        for child in self.children:
            yield from child.iter()

    def text(self) -> str:
        """All text inside, whitespace folded."""
        return re.sub(r"\s+", " ", "".join(self.text_parts + [c.text() for c in self.children])).strip()

    def marker(self) -> "Node | None":
        """The nearest enclosing element (not itself) with the marker class."""
        node = self.parent
        while node is not None and MARKER not in node.classes:
            node = node.parent
        return node


class Article(html.parser.HTMLParser):
    """The element tree of a page's article (the first `article.md-content__inner`)."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.root: Node | None = None
        self._current: Node | None = None
        self._done = False
        sitehtml.feed(self, source)   # everything before the article is passed over (handle_starttag)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._done:
            return
        if self.root is None:
            if tag == "article" and "md-content__inner" in (attrs.get("class") or "").split():
                self.root = self._current = Node(tag, attrs, None)
            return
        node = Node(tag, attrs, self._current)
        self._current.children.append(node)
        if tag not in VOID:
            self._current = node

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.root is not None and not self._done and tag not in VOID and self._current.tag == tag:
            self._current = self._current.parent

    def handle_endtag(self, tag):
        if self.root is None or self._done:
            return
        node = self._current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is None:
            return  # a stray end tag
        if node is self.root:
            self._done = True
        else:
            self._current = node.parent

    def handle_data(self, data):
        if self.root is not None and not self._done and self._current is not None:
            self._current.text_parts.append(data)


def article(source: str) -> Node:
    """The page's article; fails when the page has none."""
    root = Article(source).root
    assert root is not None, "no <article class='md-content__inner'> in the page"
    return root


def markers(root: Node) -> list[Node]:
    return [node for node in root.iter() if MARKER in node.classes]


def label_problems(root: Node, lang: str) -> list[str]:
    """Every marker holds exactly one label of its own (labels of nested markers belong to those), in `lang`."""
    own: dict[int, list[Node]] = {id(node): [] for node in markers(root)}
    problems = []
    for label in (node for node in root.iter() if LABEL in node.classes):
        owner = label.marker()
        if owner is None:
            problems.append(f"a label outside any marker: {label.text()!r}")
            continue
        own[id(owner)].append(label)
        text = label.text().rstrip(": ").strip()
        if text != LABELS[lang]:
            problems.append(f"label {text!r} is not {LABELS[lang]!r}")
    for node in markers(root):
        found = len(own[id(node)])
        if found != 1:
            problems.append(f"<{node.tag} class={' '.join(node.classes)!r}> holds {found} labels, not 1: "
                            f"{node.text()[:60]!r}")
    return problems


def section(root: Node, anchor: str) -> list[Node] | None:
    """The elements after the h2 with this id, up to the next h2 on the same level (None: no such h2)."""
    for node in root.iter():
        if node.tag == "h2" and node.attrs.get("id") == anchor:
            siblings = node.parent.children
            after = siblings[siblings.index(node) + 1:]
            stop = next((i for i, sibling in enumerate(after) if sibling.tag == "h2"), len(after))
            return after[:stop]
    return None


def marked_problems(root: Node, sections: list[str] | None) -> list[str]:
    """A page that is ours as a whole sits inside a marker; a marked section holds one with its label."""
    if sections is None:
        wrapped = [node for node in markers(root) if "aanvulling--pagina" in node.classes]
        if not wrapped or not any(LABEL in child.classes for child in wrapped[0].children):
            return ["the page is ours as a whole but its content has no marker with a label"]
        return []
    problems = []
    for anchor in sections:
        nodes = section(root, anchor)
        if nodes is None:
            problems.append(f"no section #{anchor}")
            continue
        found = [node for top in nodes for node in top.iter() if MARKER in node.classes]
        if not any(LABEL in label.classes and label.marker() is node for node in found for label in node.iter()):
            problems.append(f"section #{anchor} has no marker with its label")
    return problems


def language(path: str) -> str:
    return "en" if path.startswith("en/") else "nl"


@pytest.fixture(scope="module")
def articles(site, all_pages) -> dict[str, Node]:
    """The article of every built page, by path."""
    return {path: article((site / path).read_text(encoding="utf-8")) for path in all_pages}


@pytest.mark.parametrize("path", sorted(MARKED))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_what_the_site_adds_is_marked(articles, path, lang):
    """'Bespreek in je team', the rec 6 research summary, the explorer and self-reflection, the team page and
    the tally sheet carry the marker with its label, in both languages."""
    built = path if lang == "nl" else f"en/{path}"
    assert marked_problems(articles[built], MARKED[path]) == []


def test_every_marker_has_exactly_one_label_in_the_page_language(articles):
    """No marker without a label, none with two, and no Dutch label on an English page (or the reverse)."""
    problems = {path: found for path, root in articles.items() if (found := label_problems(root, language(path)))}
    assert problems == {}
    assert sum(len(markers(root)) for root in articles.values()) >= 2 * 20


def test_english_pages_have_as_many_markers_as_their_dutch_twins(articles):
    """Each English page marks exactly as many additions as its Dutch twin."""
    differ = {path: (len(markers(root)), len(markers(articles[f"en/{path}"])))
              for path, root in articles.items() if not path.startswith("en/") and f"en/{path}" in articles
              and len(markers(root)) != len(markers(articles[f"en/{path}"]))}
    assert differ == {}


def test_the_marker_checks_bite(site, articles):
    """A copy of a page with one marker taken away, or one label taken away, fails the checks."""
    path = "aanbevelingen/2-kansen-voor-positief-gedrag.html"
    source = (site / path).read_text(encoding="utf-8")
    assert marked_problems(article(source), MARKED[path]) == []
    start = source.index('id="bespreek"')
    div = source.index('<div class="aanvulling">', start)
    unmarked = source[:div] + '<div class="was-aanvulling">' + source[div + len('<div class="aanvulling">'):]
    assert marked_problems(article(unmarked), MARKED[path]) == ["section #bespreek has no marker with its label"]
    assert len(markers(article(unmarked))) == len(markers(articles[f"en/{path}"])) - 1

    label = source.index(f'class="{LABEL}"', start)
    unlabelled = source[:label] + 'class="was-label"' + source[label + len(f'class="{LABEL}"'):]
    problems = label_problems(article(unlabelled), "nl")
    assert len(problems) == 1 and "holds 0 labels" in problems[0]
    assert label_problems(article(source), "en") != []  # a Dutch label on what claims to be an English page

    whole = (site / "teamoverleg.html").read_text(encoding="utf-8").replace("aanvulling--pagina", "gewoon", 1)
    assert marked_problems(article(whole), None) != []


def test_only_the_article_is_read():
    """A marker in the sidebar or header is not counted; the article is found and parsed as a tree."""
    source = ('<nav><div class="aanvulling"></div></nav><article class="md-content__inner md-typeset">'
              '<h2 id="bespreek">B</h2><div class="aanvulling"><p class="aanvulling__label">Aanvulling van deze '
              'site<span class="visueel-verborgen">: </span></p><p>x<br>y</p></div><h2 id="verder">V</h2>'
              '</article><div class="aanvulling"></div>')
    root = article(source)
    assert len(markers(root)) == 1
    assert label_problems(root, "nl") == []
    assert marked_problems(root, ["bespreek"]) == []
    assert marked_problems(root, ["verder"]) == ["section #verder has no marker with its label"]
