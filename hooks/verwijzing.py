"""Citation and date: every page ends with "Zo verwijs je naar deze pagina" ("How to cite this page").

MkDocs and Material print no citation and no "last changed" date. This hook appends, in
`on_page_content`, a block rendered from `hooks/templates/verwijzing.html` with
- an APA-style reference to the page (page title, date, site name, address);
- the reference to the original guideline (NRO, onderwijskennis.nl; the source gives no year: "z.d.");
- the date the page last changed: front matter `bijgewerkt: 2025-06-03` wins, else the last git commit
  of the Markdown file; without either, the block says so and gives the build date, labelled as such.

The address is `extra.verwijzing_basis_url` in mkdocs.yml plus the page path. Left empty, the block
shows the page path and `assets/javascripts/verwijzing.js` fills in the address the reader is using
(over http/https). A page opts out with front matter `verwijzing: false`.
"""
from __future__ import annotations

import datetime
import functools
import html as htmllib
import logging
import os
import pathlib
import re
import subprocess

import jinja2

log = logging.getLogger("mkdocs.plugins.verwijzing")

TEMPLATES = pathlib.Path(__file__).with_name("templates")
MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
}
TEXTS = {
    "nl": {
        "kop": "Zo verwijs je naar deze pagina",
        "editie": "digitale editie",
        "noot_url": "Zet het webadres van de site vóór dit pad, of neem het adres over uit de adresbalk.",
        "bron": "Naar de oorspronkelijke leidraad",
        "zd": "z.d.",
        "leidraad": "Leidraad",
        "gewijzigd": "Deze pagina is voor het laatst gewijzigd op",
        "bron_git": "(volgens de versiegeschiedenis)",
        "onbekend": "Wanneer deze pagina voor het laatst is gewijzigd, is niet bekend (geen versiegeschiedenis "
                    "en geen datum bij de pagina). Deze versie van de site is gebouwd op",
        "kopieer": "Kopieer verwijzing",
        "gekopieerd": "Verwijzing gekopieerd",
    },
    "en": {
        "kop": "How to cite this page",
        "editie": "digital edition",
        "noot_url": "Put the site's web address in front of this path, or copy the address from the address bar.",
        "bron": "To cite the original guideline",
        "zd": "n.d.",
        "leidraad": "Guideline",
        "gewijzigd": "This page last changed on",
        "bron_git": "(according to the version history)",
        "onbekend": "When this page last changed is not known (no version history and no date on the page). "
                    "This version of the site was built on",
        "kopieer": "Copy citation",
        "gekopieerd": "Citation copied",
    },
}

_git_dates: dict[str, dict[str, datetime.date]] = {}  # docs_dir -> {absolute file path: last commit date}
_language = "nl"
_default_language: str | None = None  # the first language built (static-i18n builds the default first)


def long_date(date: datetime.date, language: str) -> str:
    """'3 juni 2025' in Dutch, 'June 3, 2025' in English."""
    month = MONTHS[language][date.month - 1]
    return f"{date.day} {month} {date.year}" if language == "nl" else f"{month} {date.day}, {date.year}"


def citation_date(date: datetime.date | None, language: str) -> str:
    """The date part of an APA reference: '2025, 3 juni' / '2025, June 3', or 'z.d.' / 'n.d.'."""
    if date is None:
        return TEXTS[language]["zd"]
    month = MONTHS[language][date.month - 1]
    return f"{date.year}, {date.day} {month}" if language == "nl" else f"{date.year}, {month} {date.day}"


def build_date() -> datetime.date:
    """Today, or SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).date()
    return datetime.date.today()


def git_dates(docs_dir: str) -> dict[str, datetime.date]:
    """{absolute path: date of the last commit that touched it} for every file under docs_dir ({} without git)."""
    if docs_dir in _git_dates:
        return _git_dates[docs_dir]
    dates: dict[str, datetime.date] = {}
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=docs_dir, capture_output=True,
                             text=True, timeout=30, check=True).stdout.strip()
        history = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", "."],
                                 cwd=docs_dir, capture_output=True, text=True, timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        history, top = "", ""
    current = None
    for line in history.splitlines():
        if line.startswith("\0"):
            current = datetime.date.fromisoformat(line[1:].strip())
        elif line.strip() and current is not None:
            dates.setdefault(str(pathlib.Path(top, line.strip())), current)  # newest commit comes first
    _git_dates[docs_dir] = dates
    return dates


def last_changed(page, docs_dir: str) -> tuple[datetime.date | None, str]:
    """(date, 'bijgewerkt' | 'git') for a page, or (None, '') when neither is known."""
    value = page.meta.get("bijgewerkt")
    if isinstance(value, datetime.datetime):
        return value.date(), "bijgewerkt"
    if isinstance(value, datetime.date):
        return value, "bijgewerkt"
    if isinstance(value, str) and value.strip():
        try:
            return datetime.date.fromisoformat(value.strip()), "bijgewerkt"
        except ValueError:
            log.warning("%s: front matter 'bijgewerkt: %s' is not a date like 2025-06-03", page.file.src_uri, value)
    date = git_dates(docs_dir).get(str(pathlib.Path(page.file.abs_src_path)))
    return (date, "git") if date else (None, "")


def page_title(page, html: str) -> str:
    """Front matter title, else the page's first <h1> (MkDocs takes an h1 only when it comes first)."""
    if page.meta.get("title"):
        return str(page.meta["title"])
    match = re.search(r"<h1\b[^>]*>(.*?)</h1>", html, re.S)
    if match:
        text = re.sub(r'<a class="headerlink".*?</a>|<[^>]+>', "", match.group(1), flags=re.S)
        text = re.sub(r"\s+", " ", htmllib.unescape(text)).strip()
        if text:
            return text
    return page.title or ""


def page_path(page, language: str, default_language: str) -> str:
    """The page's path from the site root, with the language folder for a non-default language."""
    url = page.url or "index.html"
    if language != default_language and not url.startswith(f"{language}/"):
        url = f"{language}/{url}"
    return url


@functools.lru_cache(maxsize=1)
def template() -> jinja2.Template:
    """The block's Jinja template, compiled once (autoescape; a missing variable is an error)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("verwijzing.html")


def render(*, page, config, language: str, title: str) -> str:
    """The citation block for one page."""
    date, source = last_changed(page, config.docs_dir)
    base = str(config.extra.get("verwijzing_basis_url") or "").strip()
    path = page_path(page, language, default_language=_default_language or language)
    url = f"{base.rstrip('/')}/{path}" if base else path
    today = build_date()
    return template().render(
        lang=language, t=TEXTS[language], title=title or config.site_name, site_name=config.site_name,
        citation_date=citation_date(date, language), date=date, long_date=long_date(date, language) if date else "",
        source=source, build_date=today, long_build_date=long_date(today, language),
        path=path, url=url, full_url=bool(base))


def on_pre_build(config):
    """Remember the language being built (i18n sets it in its on_config, which runs after ours)."""
    global _language, _default_language
    language = (config.theme.get("language") or "nl").split("_")[0]
    _language = language if language in TEXTS else "en"
    _default_language = _default_language or _language
    return config


def on_page_content(html, page, config, files):
    """Append the citation block, unless the page says `verwijzing: false`."""
    if page.meta.get("verwijzing") is False:
        return html
    return html + "\n" + render(page=page, config=config, language=_language, title=page_title(page, html))
