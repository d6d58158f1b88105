"""Citation and date: every page ends with "Zo verwijs je naar deze pagina" ("How to cite this page").

MkDocs and Material print no citation and no "last changed" date. This hook appends, in
`on_page_content`, a block rendered from `hooks/templates/verwijzing.html` with
- an APA-style reference to the page (page title, date, site name, address);
- the reference to the original guideline (NRO, onderwijskennis.nl; the source gives no year: "z.d.");
- the date the page last changed: front matter `bijgewerkt: 2025-06-03` wins, else the last git commit
  of the Markdown file (today for a page with changes not yet committed); without either, the block says so
  and gives the build date, labelled as such.

The address is `extra.verwijzing_basis_url` in mkdocs.yml plus the page path. Left empty, the block
shows the page path and `assets/javascripts/verwijzing.js` fills in the address the reader is using
(over http/https). A page opts out with front matter `verwijzing: false`.

On paper every page also opens with an edition stamp (`templates/verwijzing-stempel.html`, shown in
print only): site name, page title, "versie" with the date above, and the address, so a printout on the
staffroom wall says how old it is. A page that gathers chapters (`hele_leidraad:` in its front matter)
takes the newest date of its chapters. A worksheet's footer (`templates/werkblad.html`) names the version of
the page the sheet comes from: this hook gives every page's version to the blocks before they render (on_nav).
Words: `hooks/verwijzing.yml`.
"""
from __future__ import annotations

import datetime
import html as htmllib
import logging
import os
import pathlib
import re
import subprocess
import types

import jinja2
import yaml

import gereedschap

log = logging.getLogger("mkdocs.plugins.verwijzing")

LANGUAGES = ("nl", "en")
CHANGES_PAGE = "versies.html"   # docs/versies.md (hooks/verklaringen.py): the edition stamp points there
RE_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def texts(language: str) -> dict:
    """The block's and the stamp's words in one language (hooks/verwijzing.yml, `key: {nl: …, en: …}`)."""
    return gereedschap.words("verwijzing.yml", language)




def long_date(date: datetime.date, language: str) -> str:
    """'3 juni 2025' in Dutch, 'June 3, 2025' in English."""
    month = texts(language)["maanden"][date.month - 1]
    return f"{date.day} {month} {date.year}" if language == "nl" else f"{month} {date.day}, {date.year}"


def citation_date(date: datetime.date | None, language: str) -> str:
    """The date part of an APA reference: '2025, 3 juni' / '2025, June 3', or 'z.d.' / 'n.d.'."""
    if date is None:
        return texts(language)["zd"]
    month = texts(language)["maanden"][date.month - 1]
    return f"{date.year}, {date.day} {month}" if language == "nl" else f"{date.year}, {month} {date.day}"


def build_date() -> datetime.date:
    """Today, or SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).date()
    return datetime.date.today()


@gereedschap.per_run
def git_dates(docs_dir: str) -> dict[str, datetime.date]:
    """{absolute path: date of the last commit that touched it} for every file under docs_dir ({} without git;
    read once per run)."""
    dates: dict[str, datetime.date] = {}
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=docs_dir, capture_output=True,
                             text=True, timeout=30, check=True).stdout.strip()
        history = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", "."],
                                 cwd=docs_dir, capture_output=True, text=True, timeout=60, check=True).stdout
        pending = subprocess.run(["git", "status", "--porcelain", "-z", "--untracked-files=all", "--", "."],
                                 cwd=docs_dir, capture_output=True, text=True, timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        history, top, pending = "", "", ""
    # A page that is new or changed but not yet committed changes today: it gets the build date, so that an
    # editor's fresh page has a version before its first commit (a renamed file's old name follows it: skip).
    entries = pending.split("\0")
    for number, entry in enumerate(entries):
        if len(entry) > 3 and not (number and entries[number - 1][:1] in "RC" and entries[number - 1][:1].strip()):
            dates[str(pathlib.Path(top, entry[3:]))] = build_date()
    current = None
    for line in history.splitlines():
        if line.startswith("\0"):
            current = datetime.date.fromisoformat(line[1:].strip())
        elif line.strip() and current is not None:
            dates.setdefault(str(pathlib.Path(top, line.strip())), current)  # newest commit comes first
    return dates


def date_of(meta: dict, abs_src_path: str | None, docs_dir: str, where: str = "") -> tuple[datetime.date | None, str]:
    """(date, 'bijgewerkt' | 'git') from front matter `bijgewerkt:` or else git, or (None, '') when neither."""
    value = (meta or {}).get("bijgewerkt")
    if isinstance(value, datetime.datetime):
        return value.date(), "bijgewerkt"
    if isinstance(value, datetime.date):
        return value, "bijgewerkt"
    if isinstance(value, str) and value.strip():
        try:
            return datetime.date.fromisoformat(value.strip()), "bijgewerkt"
        except ValueError:
            log.warning("%s: front matter 'bijgewerkt: %s' is not a date like 2025-06-03", where, value)
    date = git_dates(docs_dir).get(str(pathlib.Path(abs_src_path))) if abs_src_path else None
    return (date, "git") if date else (None, "")


def last_changed(page, docs_dir: str) -> tuple[datetime.date | None, str]:
    """(date, 'bijgewerkt' | 'git') for a page, or (None, '') when neither is known."""
    return date_of(page.meta, page.file.abs_src_path, docs_dir, page.file.src_uri)


def front_matter(file) -> dict:
    """The front matter of a page that may not have been read yet (for its `bijgewerkt:`); {} if none."""
    try:
        match = RE_FRONT_MATTER.match(file.content_string)
        meta = yaml.load(match["yaml"], Loader=gereedschap.LOADER) if match else {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return meta if isinstance(meta, dict) else {}


def file_date(file, docs_dir: str) -> datetime.date | None:
    """The last-changed date of the page a built file comes from, front matter first (None if unknown)."""
    page = getattr(file, "page", None)
    meta = page.meta if page is not None and page.meta else front_matter(file)
    return date_of(meta, file.abs_src_path, docs_dir, file.src_uri)[0]


def gathered_date(page, files, docs_dir: str) -> datetime.date | None:
    """For a page that gathers chapters (front matter `hele_leidraad.hoofdstukken`, hooks/hele_leidraad.py):
    the newest date among its own file and its chapters, since its content is theirs."""
    spec = page.meta.get("hele_leidraad")
    own = last_changed(page, docs_dir)[0]
    if not isinstance(spec, dict) or files is None:
        return own
    own_path = re.sub(r"(\.[a-z]{2})?\.md$", ".html", page.file.src_uri)
    lang_dir = page.url[: -len(own_path)] if page.url.endswith(own_path) else ""
    targets = [lang_dir + re.sub(r"\.md$", ".html", str(entry)) for entry in spec.get("hoofdstukken") or []]
    dates = [own] + [file_date(f, docs_dir) for f in files.documentation_pages()
                     if any(f.url.startswith(t) if t.endswith("/") else f.url == t for t in targets)]
    return max((d for d in dates if d), default=None)


def version(date: datetime.date | None, language: str) -> str:
    """'versie 3 juni 2025', or 'versie onbekend, site gebouwd op …' (the build date, labelled as such)."""
    t = texts(language)
    if date is None:
        return f"{t['versie_onbekend']} {long_date(build_date(), language)}"
    return f"{t['versie']} {long_date(date, language)}"


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


def template(name: str = "verwijzing.html") -> jinja2.Template:
    """A Jinja template of this hook, from the hooks' one environment (gereedschap.templates: autoescape,
    a missing variable is an error)."""
    return gereedschap.templates().get_template(name)


def address(page, config, language: str) -> tuple[str, str, bool]:
    """(path from the site root, address to show, whether that address is the site's fixed one)."""
    base = str(config.extra.get("verwijzing_basis_url") or "").strip()
    path = page_path(page, language, default_language=first_language())
    return path, (f"{base.rstrip('/')}/{path}" if base else path), bool(base)


def render(*, page, config, language: str, title: str, date=None, source: str | None = None) -> str:
    """The citation block for one page (date and source: a date found elsewhere, e.g. a gathered page's)."""
    if source is None:
        date, source = last_changed(page, config.docs_dir)
    path, url, full_url = address(page, config, language)
    today = build_date()
    return template().render(
        lang=language, t=texts(language), title=title or config.site_name, site_name=config.site_name,
        citation_date=citation_date(date, language), date=date, long_date=long_date(date, language) if date else "",
        source=source, build_date=today, long_build_date=long_date(today, language),
        path=path, url=url, full_url=full_url)


def render_stamp(*, page, config, language: str, title: str, date) -> str:
    """The edition stamp that opens every printout: site, page title, version (date) and address."""
    path, url, full_url = address(page, config, language)
    base = url[:len(url) - len(path)]
    changes_path = page_path(types.SimpleNamespace(url=CHANGES_PAGE), language, first_language())
    return template("verwijzing-stempel.html").render(
        lang=language, t=texts(language), site_name=config.site_name, title=title or config.site_name,
        version=version(date, language), path=path, url=url, full_url=full_url,
        changes_path=changes_path, changes_url=base + changes_path)


def page_versions(files, docs_dir: str, language: str) -> dict[str, str]:
    """{address: version label} of every page of this language's build, for the blocks that name the version of
    the page they come from (a worksheet's footer: on *Alle werkbladen* it is its own page's, not the gathering
    page's). Passed to the blocks when they render (`PageContext.version_of`), so nothing is patched afterwards."""
    return {file.url: version(file_date(file, docs_dir), language) for file in files.documentation_pages()}


def on_nav(nav, config, files):
    """Before any page renders: every page's version, for the worksheets' footers. (At `nav`, not `files`: by
    then static-i18n has given this language's build its own files and addresses, en/… for English.)"""
    gereedschap.staat("paginaversies").update(page_versions(files, config.docs_dir, gereedschap.taal()))
    return nav


def first_language() -> str:
    """The default language, whose pages have no language folder (static-i18n puts the others under en/ …)."""
    return gereedschap.LANGUAGES[0]


def on_page_content(html, page, config, files):
    """Open with the edition stamp and end with the citation block, unless the page says `verwijzing: false`."""
    language = gereedschap.taal()
    if page.meta.get("verwijzing") is False:
        return html
    title = page_title(page, html)
    date, source = last_changed(page, config.docs_dir)
    if page.meta.get("hele_leidraad"):
        date, source = gathered_date(page, files, config.docs_dir), "git"
    stamp = render_stamp(page=page, config=config, language=language, title=title, date=date)
    return stamp + "\n" + html + "\n" + render(page=page, config=config, language=language, title=title,
                                                date=date, source=source if date else "")
