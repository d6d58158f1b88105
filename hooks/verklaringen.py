"""The statements a Dutch public site needs: accessibility, privacy, versions. Linked from every page's footer.

Material's footer has no slot for links and MkDocs knows nothing of a version of the content. This hook
- hands overrides/partials/copyright.html the footer links to the three statements, in the language
  being built (`voet_links`; the template makes them relative with `| url`, so they work from file://);
- replaces four markers in a page's Markdown (REDACTIE.md, "Verklaringen"):
  `<!-- wijzigingen -->`  what changed, newest first, from data/versies.yml (one entry per day);
  `<!-- inhoudsversie -->` the version of the content: the date of the newest commit under docs/, and the
                          build date of this copy;
  `<!-- contact -->`      where to report a problem: `extra.contact` in mkdocs.yml, or, while that is empty,
                          a placeholder that says plainly the publisher still has to fill it in;
  `<!-- aantal-paginas -->` "108 pagina's (54 per taal)": counted from docs/, so a new page needs no edit
                          of the accessibility statement.
Words in hooks/verklaringen.yml. A broken versies.yml stops the build with the entry it is about.
"""
from __future__ import annotations

import datetime
import pathlib
import re
import subprocess


import gereedschap
from verwijzing import build_date, long_date

WORDS = "verklaringen.yml"
CHANGES = "versies.yml"
STATEMENTS = ("toegankelijkheid", "privacy", "versies")   # docs/<name>.md, in the footer in this order
RE_MARKER = re.compile(r"<!--\s*(wijzigingen|inhoudsversie|contact|aantal-paginas)\s*-->")
RE_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)


def words(language: str) -> dict[str, str]:
    """This hook's words in one language."""
    return gereedschap.words(WORDS, language)


# ------------------------------------------------------------------------------------------ changes

def changes() -> list[dict]:
    """data/versies.yml, checked: a list of {datum, nl, en}, newest first, each day once."""
    entries = gereedschap.data(CHANGES)
    if not isinstance(entries, list) or not entries:
        raise gereedschap.BouwFout(f"data/{CHANGES}: expected a list of entries (datum, nl, en), newest first.")
    previous = None
    for number, entry in enumerate(entries, 1):
        where = f"data/{CHANGES}, entry {number}"
        if not isinstance(entry, dict) or set(entry) != {"datum", "nl", "en"}:
            raise gereedschap.BouwFout(f"{where}: an entry has exactly the fields datum, nl and en.")
        if not isinstance(entry["datum"], datetime.date):
            raise gereedschap.BouwFout(f"{where}: 'datum' must be a date like 2026-12-01, not {entry['datum']!r}.")
        for language in gereedschap.LANGUAGES:
            items = entry[language]
            if not isinstance(items, list) or not items or not all(isinstance(i, str) and i.strip() for i in items):
                raise gereedschap.BouwFout(f"{where}: '{language}' must be a list of texts, one per change.")
        if previous is not None and entry["datum"] >= previous:
            raise gereedschap.BouwFout(f"{where}: {entry['datum']} does not come before {previous}; put the newest first, "
                              "one entry per day.")
        previous = entry["datum"]
    return entries


def changes_markdown(language: str) -> str:
    """The changelog as Markdown: a heading per day (id versie-YYYY-MM-DD, the same in both languages)."""
    parts = []
    for entry in changes():
        day = entry["datum"]
        parts.append(f"### {long_date(day, language)} {{ #versie-{day.isoformat()} }}\n")
        parts.append("\n".join(f"- {item.strip()}" for item in entry[language]) + "\n")
    return "\n".join(parts)


# ---------------------------------------------------------------------------------- content version

@gereedschap.per_run
def content_date(docs_dir: str) -> datetime.date | None:
    """The date of the newest commit that touched docs/ (None without git or history)."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", "."], cwd=docs_dir, capture_output=True,
                             text=True, timeout=30, check=True).stdout.strip()
        return datetime.date.fromisoformat(out) if out else None
    except (OSError, subprocess.SubprocessError, ValueError):
        return None


def version_markdown(language: str, docs_dir: str) -> str:
    """'**Versie van de inhoud:** 1 december 2026: …' and the build date of this copy."""
    w = words(language)
    date = content_date(docs_dir)
    told = w["inhoud_datum"].format(datum=long_date(date, language)) if date else w["inhoud_onbekend"]
    return f"**{w['inhoud']}:** {told} {w['gebouwd'].format(datum=long_date(build_date(), language))}"


def contact_markdown(language: str, contact: str) -> str:
    """The contact for reports as a link, or a marked placeholder while mkdocs.yml has none."""
    w = words(language)
    contact = contact.strip()
    if not contact:
        return f'<p class="verklaring-invullen"><strong>{w["contact"]}:</strong> {w["contact_leeg"]}</p>'
    href = f"mailto:{contact}" if RE_EMAIL.match(contact) else contact
    return f"**{w['contact']}:** [{contact}]({href})"


def page_count(docs_dir: str) -> int:
    """The pages per language: the Dutch Markdown files under docs/ (every one has its English twin)."""
    docs = pathlib.Path(docs_dir)
    return sum(1 for path in docs.rglob("*.md") if not re.search(r"\.[a-z]{2}\.md$", path.name))


def count_markdown(language: str, docs_dir: str) -> str:
    """"108 pagina's (54 per taal)" / "108 pages (54 per language)", from the files in docs/."""
    per_language = page_count(docs_dir)
    return words(language)["aantal_paginas"].format(alle=per_language * len(gereedschap.LANGUAGES),
                                                    per_taal=per_language)


# ------------------------------------------------------------------------------------- MkDocs glue

def on_config(config, **kwargs):
    """Check data/versies.yml before any page is built."""
    changes()
    return config


def on_page_markdown(markdown, page, config, files, **kwargs):
    """Fill in the markers of the statement pages."""
    if "<!--" not in markdown:
        return markdown
    language = gereedschap.language_of(page)
    fill = {"wijzigingen": lambda: changes_markdown(language),
            "inhoudsversie": lambda: version_markdown(language, str(config.docs_dir)),
            "aantal-paginas": lambda: count_markdown(language, str(config.docs_dir)),
            "contact": lambda: contact_markdown(language, str((getattr(config, "extra", None) or {}).get("contact") or ""))}
    return RE_MARKER.sub(lambda match: fill[match.group(1)](), markdown)


def footer_links(language: str) -> list[dict]:
    """The statements in the footer: text and site-root path in the language being built."""
    w = words(language)
    prefix = "" if language == gereedschap.LANGUAGES[0] else f"{language}/"
    return [{"tekst": w[name], "pad": f"{prefix}{name}.html"} for name in STATEMENTS]


def on_page_context(context, page, config, nav, **kwargs):
    """Give overrides/partials/copyright.html the footer links and the name of their group."""
    language = gereedschap.build_language(config)
    context["voet_links"] = footer_links(language)
    context["voet_links_naam"] = words(language)["voet_naam"]
    return context
