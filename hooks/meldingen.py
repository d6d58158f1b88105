"""What the build says, said where an editor looks: a quiet build, and problems on the page while serving.

MkDocs has no place for a build's warnings but the terminal, and `mkdocs serve --strict` stops at the first
rebuild with a warning ("The server will appear stuck"): the browser then shows the old page, or nothing.
This hook
- keeps the build quiet: mkdocs-static-i18n's INFO lines (which language it builds, the `extra.alternate`
  note, the settings it overrides) and MkDocs' "Cleaning site directory" say nothing an editor can act on;
  warnings and errors are never hidden (`quiet`);
- collects every warning of a build, in both languages (a logging handler on the `mkdocs` logger);
- while `scripts/serve` runs (`mkdocs serve --no-strict`, so a rebuild with a warning still finishes), writes
  those warnings as a banner at the top of every page: file, line and fix, as the strict build says them; an
  error that stops even that build (a broken data file in hooks/) still shows only in the terminal. While
  serving, the data files beside the hooks are read again for every build (scripts/serve watches hooks/).
  `scripts/serve build`, `scripts/controleer` and the tests stay strict: there the same warning stops the build.
"""
from __future__ import annotations

import html
import logging
import pathlib
import re

import gereedschap

QUIET_LOGGERS = ("mkdocs.plugins.mkdocs_static_i18n",)   # INFO lines only; its warnings still show
QUIET_LINES = ("Cleaning site directory", "Building documentation to directory")  # MkDocs INFO lines
BANNER_CLASS = "redactie-melding"
WORDS = {
    "nl": ("De bouw vindt {n}. Met scripts/serve build, scripts/controleer en de tests stopt de bouw hierop:",
           "Pas het aan in het genoemde bestand en sla op; deze pagina ververst vanzelf."),
    "en": ("The build finds {n}. With scripts/serve build, scripts/controleer and the tests it stops here:",
           "Change it in the file named and save; this page reloads by itself."),
}
COUNT = {"nl": ("één probleem", "{n} problemen"), "en": ("one problem", "{n} problems")}



def messages() -> list[str]:
    """The warnings and errors of this run, both languages (kept in the run's state: a new run starts empty)."""
    return gereedschap.staat("meldingen", run=True).setdefault("berichten", [])


class _DropLines(logging.Filter):
    """Drops the INFO lines listed in QUIET_LINES (never a warning)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno > logging.INFO or not str(record.msg).startswith(QUIET_LINES)


class _Collect(logging.Handler):
    """Keeps every warning and error of the build as the editor would read it in the terminal."""

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage().strip()
        if message and message not in messages():
            messages().append(message)


_HANDLER = _Collect(level=logging.WARNING)
_FILTER = _DropLines()


def quiet() -> None:
    """Set the noisy loggers to warnings only, and drop MkDocs' INFO lines an editor cannot act on."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    build_logger = logging.getLogger("mkdocs.commands.build")
    if _FILTER not in build_logger.filters:
        build_logger.addFilter(_FILTER)
    mkdocs_logger = logging.getLogger("mkdocs")
    if _HANDLER not in mkdocs_logger.handlers:
        mkdocs_logger.addHandler(_HANDLER)


RE_MKDOCS_LINK = re.compile(r"^Doc file '(?P<file>[^']+)' contains a link '(?P<target>[^']+)'")


def for_the_editor(messages: list[str]) -> list[str]:
    """The messages without MkDocs' own about a link that hooks/links.py has already named with its line."""
    def said_before(message: str) -> bool:
        found = RE_MKDOCS_LINK.match(message)
        return bool(found) and any(f"the link '{found['target']}'" in other and found["file"] in other
                                   for other in messages if other is not message)
    return [message for message in messages if not said_before(message)]


def banner(messages: list[str], language: str) -> str:
    """The banner's HTML: what the build found, each message escaped, and what to do."""
    messages = for_the_editor(messages)
    words = WORDS.get(language, WORDS["nl"])
    one, many = COUNT.get(language, COUNT["nl"])
    count = one if len(messages) == 1 else many.format(n=len(messages))
    items = "".join(f"<li>{html.escape(message)}</li>" for message in messages)
    style = ("margin:0;padding:.8rem 1.2rem;background:#fff3cd;color:#1a1a1a;border-bottom:4px solid #b00020;"
             "font:1rem/1.4 system-ui,sans-serif;position:relative;z-index:10")
    return (f'<div class="{BANNER_CLASS}" role="alert" style="{style}"><p style="margin:0 0 .4rem"><strong>'
            f"{html.escape(words[0].format(n=count))}</strong></p><ol style=\"margin:0 0 .4rem 1.2rem\">{items}</ol>"
            f'<p style="margin:0">{html.escape(words[1])}</p></div>')


def add_banner(page_html: str, messages: list[str], language: str) -> str:
    """The page with the banner right after <body …> (unchanged when there is nothing to say)."""
    if not messages or BANNER_CLASS in page_html:
        return page_html
    start = page_html.find("<body")
    end = page_html.find(">", start) + 1 if start >= 0 else 0
    return page_html[:end] + banner(messages, language) + page_html[end:]


def write_banners(site_dir: str, messages: list[str]) -> int:
    """Put the banner into every built page under site_dir; return how many pages got it."""
    count = 0
    for path in pathlib.Path(site_dir).rglob("*.html"):
        language = "en" if path.relative_to(site_dir).parts[0] == "en" else "nl"
        text = path.read_text(encoding="utf-8")
        new = add_banner(text, messages, language)
        if new != text:
            path.write_text(new, encoding="utf-8")
            count += 1
    return count


# ------------------------------------------------------------------------------------- MkDocs glue

def on_startup(command, **kwargs):
    """Be quiet from the start (the pipeline notes the command: `mkdocs serve` gets banners)."""
    quiet()


def on_config(config, **kwargs):
    """Be quiet in every build (a new run's messages start empty: the pipeline's run state; data files are read
    afresh each run: gereedschap.per_run)."""
    quiet()
    return config


def on_post_build(config, **kwargs):
    """While serving: once every language is built (a site step, after static-i18n's post_build), show what the
    build found on every page."""
    i18n = config.plugins.get("i18n") if hasattr(config.plugins, "get") else None
    if getattr(i18n, "building", False):
        return
    if gereedschap.bouw.opdracht() == "serve" and messages():
        write_banners(str(config.site_dir), list(messages()))
