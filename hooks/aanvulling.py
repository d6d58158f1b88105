"""Mark what this site adds to the guideline, so a reader can always tell the guideline from us.

Editors mark an addition in one of three ways (REDACTIE.md, "Wat van ons is"):

- `!!! aanvulling "Bespreek in je team"` (or `??? aanvulling` to fold it): an admonition of our own type;
- `<div class="aanvulling" markdown>` … `</div>` around any Markdown (md_in_html);
- `aanvulling: true` in a page's front matter: the whole page is ours (overrides/main.html wraps it).

Whatever the form, the reader sees the same label, "Aanvulling van deze site" / "Added by this site", in
the page's language. Admonitions and md_in_html give no way to add a fixed label in the page's language,
so this hook adds a small Markdown tree processor (after attr_list, so `{ .aanvulling }` counts too) that
puts the label into every element with the class `aanvulling` that has none yet. Blocks rendered by our
other hooks (worksheet tips, the circle explorer) write the label in their own templates.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

import gereedschap

CLASS = "aanvulling"
LABEL = "aanvulling__label"


def classes(element) -> list[str]:
    """The element's class names."""
    return (element.get("class") or "").split()


def label_element(tag: str, text: str) -> etree.Element:
    """The label as an element, from the one macro (templates/aanvulling.html)."""
    return etree.fromstring(gereedschap.macro("aanvulling.html", "label", tekst=text, tag=tag))


def add_labels(root: etree.Element, text: str) -> int:
    """Give every .aanvulling element without a label one; return how many were added."""
    added = 0
    for element in list(root.iter()):
        if CLASS not in classes(element) or any(LABEL in classes(e) for e in element.iter()):
            continue
        title = next((child for child in element if "admonition-title" in classes(child) or child.tag == "summary"),
                     None)
        if title is not None:  # an admonition or details block: the label leads its title
            label = label_element("span", text)
            label.tail, title.text = title.text, None
            title.insert(0, label)
        else:
            element.insert(0, label_element("span" if element.tag in ("span", "a", "em", "strong") else "p", text))
        added += 1
    return added


class LabelProcessor(Treeprocessor):
    """Runs on every page's element tree, after the inline patterns and attr_list."""

    def run(self, root):
        add_labels(root, gereedschap.words("teksten.yml", gereedschap.current().language)["aanvulling"])


class AanvullingExtension(Extension):
    """The Markdown extension that carries the tree processor."""

    def extendMarkdown(self, md):
        md.treeprocessors.register(LabelProcessor(md), "aanvulling", 4)


def on_config(config, **kwargs):
    """Register the extension once (static-i18n runs on_config once per language)."""
    if not any(isinstance(e, AanvullingExtension) for e in config.markdown_extensions):
        config.markdown_extensions.append(AanvullingExtension())
    return config


def on_page_markdown(markdown, page, config, files, **kwargs):
    """Let the tree processor know the page's language."""
    gereedschap.page_context(page, config)
    return markdown


def on_page_context(context, page, config, nav, **kwargs):
    """The label for a page that is ours as a whole (front matter `aanvulling: true`, overrides/main.html)."""
    context["aanvulling_label"] = gereedschap.macro(
        "aanvulling.html", "label", tekst=gereedschap.words("teksten.yml", gereedschap.language_of(page))["aanvulling"])
    return context
