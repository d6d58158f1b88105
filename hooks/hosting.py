"""The hosted edition: what a web server and a phone need beside the pages (HOSTING.md).

MkDocs and Material write a folder of pages; nothing in it tells a web server which headers to send, and
Material has no service worker or web app manifest. This hook writes, into the built site:

- the words of the 404 page in each language (hooks/csp.py writes `404.html` and `en/404.html`, each with its
  policy, since static-i18n builds the 404 page once per language to the same file);
- `offline.htm` and `en/offline.htm`: what the service worker shows for a page it does not have (`.htm`, so
  that the page walks and the sitemap, which are about the guideline's pages, leave it out);
- `manifest.webmanifest` and `en/manifest.webmanifest`: name, icons, colours and start page per language
  (offline.js links the page's own one, over http(s) only);
- `offline-werker.js`, the service worker, at the site root so that its scope is the whole site: the source
  in docs/assets/javascripts/offline-werker.js after one line with this build's version and the files it
  fetches ahead (`BOUW`);
- `.well-known/security.txt` when `extra.contact` is set, expiring a year after the build;
- the headers for hosts: `.hosting/nginx-headers.conf` (hosting/nginx/leidraad.conf includes it),
  `_headers` (Netlify, Cloudflare Pages) and `.htaccess` (Apache): the policy of hooks/csp.py with every
  page's script hashes and `frame-ancestors`, which a <meta> cannot carry, and the other security headers.

Steps (hooks/pijplijn.py lists them): under `mkdocs serve` (`gereedschap.bouw.opdracht()`) the pages get no
loader and the worker is one that removes itself, so that an editor sees each change; on_files keeps the
worker's sources out of assets/; on_post_template turns each language's 404 page into its 404 and offline
pages and writes its manifest; on_post_build runs last of all (hooks/pijplijn_na.py, after static-i18n has
built English and merged the search index) and writes the site-wide files.
"""
from __future__ import annotations

import datetime
import hashlib
import html
import json
import pathlib
import re
import urllib.parse

import csp
import gereedschap
from verwijzing import build_date

WORKER_SOURCE = "assets/javascripts/offline-werker.js"   # under docs/; written to the site root as:
WORKER_OFF = "assets/javascripts/offline-werker-uit.js"  # ... or, under `mkdocs serve`, this one
WORKER = "offline-werker.js"
MANIFEST = "manifest.webmanifest"
OFFLINE = "offline.htm"
LOADER = "offline.js"   # docs/assets/javascripts/: loads offline-melding.js (manifest, registration, announcement)
ANNOUNCEMENT = "assets/javascripts/offline-melding.min.js"   # minified by the minify plugin (mkdocs.yml)
# Fetched ahead in the reader's language (the service worker adds every page she opens): the start page,
# the theories, the six recommendations, the worksheets and the self-tests. The print-all page repeats
# every worksheet and is left to be cached when opened.
AHEAD = ("index.html", "theorie/", "aanbevelingen/", "aan-de-slag/", "toets/")
NOT_AHEAD = ("aan-de-slag/alle-werkbladen.html",)
# Files whose name carries a hash of their content (Material's bundle, styles and search worker): a year.
RE_VERSIONED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)(?:\.map)?$")
RE_H1_404 = re.compile(r"<h1>404 - Not found</h1>")
YEAR = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
THEME_COLOUR = "#3f51b5"   # Material's indigo, as in mkdocs.yml's palette
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",   # features Chrome knows: no console error
    "X-Frame-Options": "DENY",
}
GENERATED = (WORKER, "_headers", ".htaccess", ".hosting/nginx-headers.conf", ".well-known/security.txt",
             "sitemap.xml", "sitemap.xml.gz")   # left out of the version: made from the rest, or dated



def serving() -> bool:
    """`mkdocs serve`: no worker, so that an editor sees every change at once."""
    return gereedschap.bouw.opdracht() == "serve"


def words(language: str) -> dict[str, str]:
    """The hosted edition's words (hooks/teksten.yml, group `hosting`) in one language."""
    return gereedschap.words("teksten.yml", language, section="hosting")


def with_words(script: str) -> str:
    """offline-melding.min.js with the announcement's words of both languages in its first line (once)."""
    table = {language: {key: value[language] for key, value in gereedschap.data("teksten.yml")["hosting"]["melding"].items()}
             for language in gereedschap.LANGUAGES}
    if script.startswith("var WOORDEN = "):
        script = script.split("\n", 1)[1]
    return f"var WOORDEN = {json.dumps(table, ensure_ascii=False)};\n{script}"


def site_path(config) -> str:
    """The path of the site on its host ('/' or '/leidraad/'), from site_url: Material's 404 page links so."""
    path = urllib.parse.urlsplit(config.site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def language_prefix(language: str) -> str:
    """'' for Dutch (the site root), 'en/' for English."""
    return "" if language == gereedschap.LANGUAGES[0] else f"{language}/"


# ------------------------------------------------------------------------------ 404 and offline pages

def page_from_404(page_404: str, *, title: str, text: str, home: str, home_text: str) -> str:
    """Material's 404 page with our heading, a sentence and a link home instead of '404 - Not found'."""
    body = (f"<h1>{html.escape(title)}</h1>\n<p>{html.escape(text)}</p>\n"
            f'<p><a href="{html.escape(home)}">{html.escape(home_text)}</a></p>')
    return csp.with_policy(RE_H1_404.sub(lambda _: body, page_404, count=1))


def manifest(*, language: str, name: str, description: str, short_name: str) -> dict:
    """The web app manifest of one language; paths relative to the manifest (at the root or in en/)."""
    up = "../" if language_prefix(language) else ""
    icons = f"{up}assets/icons/"
    return {
        "name": name, "short_name": short_name, "description": description, "lang": language,
        "start_url": "index.html", "scope": up or "./", "display": "standalone",
        "background_color": "#ffffff", "theme_color": THEME_COLOUR,
        "icons": [
            {"src": f"{icons}icoon-192.png", "sizes": "192x192", "type": "image/png"},
            {"src": f"{icons}icoon-512.png", "sizes": "512x512", "type": "image/png"},
            {"src": f"{icons}icoon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
            {"src": f"{icons}icoon.svg", "sizes": "any", "type": "image/svg+xml"},
        ],
    }


# ---------------------------------------------------------------------------- the service worker

def ahead_pages(site: pathlib.Path, language: str) -> list[str]:
    """The pages of one language the worker fetches ahead, as paths from the site root."""
    prefix = language_prefix(language)
    found = []
    for page in sorted(site.rglob("*.html")):
        path = page.relative_to(site).as_posix()
        if not path.startswith(prefix) or (not prefix and path.startswith(tuple(f"{l}/" for l in gereedschap.LANGUAGES))):
            continue
        own = path[len(prefix):]
        if own.startswith(AHEAD) and own not in NOT_AHEAD and own != "404.html":
            found.append(path)
    return found


def shell_files(site: pathlib.Path) -> list[str]:
    """What every page may need, fetched ahead in both languages: styles, scripts, the search worker with
    its index and lunr languages, icons, manifests and the offline pages."""
    found = [p for pattern in ("assets/stylesheets/*.css", "assets/javascripts/*.js",
                               "assets/javascripts/workers/*.js", "assets/icons/*", "assets/favicon.svg")
             for p in site.glob(pattern)]
    index = site / "search" / "search_index.json"
    if index.exists():
        found.append(index)
        languages = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", [])
        lunr = ["stemmer.support"] + [l for l in languages if l != "en"] + (["multi"] if len(languages) > 1 else [])
        found += [site / "assets/javascripts/lunr/min" / f"lunr.{name}.min.js" for name in lunr]
    for language in gereedschap.LANGUAGES:
        found += [site / language_prefix(language) / name for name in (MANIFEST, OFFLINE, "index.html")]
    return sorted({p.relative_to(site).as_posix() for p in found if p.is_file()})


def version(site: pathlib.Path, source: str) -> str:
    """A digest of the worker's source and every file of the site: a new build with any change is a new version."""
    digest = hashlib.sha256(source.encode("utf-8"))
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        if name in GENERATED or name.endswith(".map"):
            continue
        digest.update(name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def worker(site: pathlib.Path, source: str) -> tuple[str, dict]:
    """(the worker's text, what it fetches ahead): `var BOUW = {…};` before the source."""
    build = {"versie": version(site, source), "schil": shell_files(site),
             "paginas": {language: ahead_pages(site, language) for language in gereedschap.LANGUAGES},
             "talen": {language: language_prefix(language) for language in gereedschap.LANGUAGES}}
    return f"var BOUW = {json.dumps(build, ensure_ascii=False)};\n{source}", build


def ahead_size(site: pathlib.Path, build: dict, language: str) -> tuple[int, int]:
    """(number of files, bytes as stored) the worker fetches on a first visit in this language."""
    files = build["schil"] + build["paginas"][language]
    return len(files), sum((site / f).stat().st_size for f in files)


# ------------------------------------------------------------------------------------- headers

def site_hashes(site: pathlib.Path) -> list[str]:
    """The script hashes of every page (pages at another depth load the same scripts by another path)."""
    hashes: set[str] = set()
    for page in list(site.rglob("*.html")) + list(site.rglob("*.htm")):
        hashes.update(csp.page_hashes(page.read_text(encoding="utf-8")))
    return sorted(hashes)


def security_headers(site: pathlib.Path) -> dict[str, str]:
    """Every response's security headers: the policy of hooks/csp.py for all pages, refusing to be framed."""
    return {"Content-Security-Policy": csp.policy(site_hashes(site)) + "; frame-ancestors 'none'",
            **SECURITY_HEADERS}


def versioned(site: pathlib.Path) -> list[str]:
    """The files that may be cached for a year: their name changes with their content."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if RE_VERSIONED.search(p.name))


def nginx_headers(headers: dict[str, str]) -> str:
    """add_header lines for hosting/nginx/leidraad.conf (which includes them in every location)."""
    lines = [f'add_header {name} "{value}" always;' for name, value in headers.items()]
    return ("# Written by hooks/hosting.py at every build: the security headers of every response.\n"
            "# hosting/nginx/leidraad.conf includes this file; reload nginx after publishing a new build.\n"
            + "\n".join(lines) + "\n")


def netlify_headers(headers: dict[str, str], base: str, long_lived: list[str]) -> str:
    """A `_headers` file (Netlify, Cloudflare Pages): security headers everywhere, a year for hashed files.
    Both hosts revalidate everything else by default."""
    out = [f"{base}*"] + [f"  {name}: {value}" for name, value in headers.items()]
    for path in long_lived:
        out += [f"{base}{path}", f"  Cache-Control: {YEAR}"]
    return "# Written by hooks/hosting.py (HOSTING.md, 'Other hosts').\n" + "\n".join(out) + "\n"


def htaccess(headers: dict[str, str], base: str) -> str:
    """An Apache .htaccess (mod_headers, mod_deflate, mod_mime): the same headers, caching and 404 pages."""
    sets = "\n".join(f'  Header always set {name} "{value}"' for name, value in headers.items())
    return f"""# Written by hooks/hosting.py (HOSTING.md, 'Other hosts'). Needs AllowOverride FileInfo.
<IfModule mod_headers.c>
{sets}
  Header set Cache-Control "{REVALIDATE}"
  <FilesMatch "\\.[0-9a-f]{{8}}\\.min\\.(js|css)(\\.map)?$">
    Header set Cache-Control "{YEAR}"
  </FilesMatch>
</IfModule>
AddType application/manifest+json .webmanifest
AddDefaultCharset utf-8
AddCharset utf-8 .css .js .json .svg .txt .webmanifest .htm
<IfModule mod_deflate.c>
  AddOutputFilterByType DEFLATE text/html text/css text/plain application/javascript application/json image/svg+xml application/manifest+json
</IfModule>
ErrorDocument 404 {base}404.html
<If "%{{REQUEST_URI}} =~ m#^{base}en/#">
  ErrorDocument 404 {base}en/404.html
</If>
"""


# ----------------------------------------------------------------------------------- security.txt

def security_txt(contact: str, *, today: datetime.date, site_url: str = "") -> str:
    """RFC 9116: where to report a vulnerability, valid for a year; Canonical when the address is known."""
    contact = contact.strip()
    if "@" in contact and not contact.startswith(("mailto:", "http")):
        contact = f"mailto:{contact}"
    expires = datetime.datetime.combine(today + datetime.timedelta(days=365), datetime.time(), datetime.timezone.utc)
    lines = [f"Contact: {contact}", f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}", "Preferred-Languages: nl, en"]
    if site_url:
        lines.append(f"Canonical: {site_url.rstrip('/')}/.well-known/security.txt")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------------- MkDocs glue

def write(site: pathlib.Path, name: str, text: str) -> None:
    """Write a text file into the built site, making its folder."""
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def on_page_markdown(markdown: str, page, config, files, **kwargs) -> str:
    """The tiny loader of offline-melding.js on every page but those that declare their own first-load budget
    (the gathering pages, tests/site/test_budgets.py): their budget is spent, and the worker that any other
    page registers serves them too. hooks/pagina_bestanden.py links what `bestanden` lists."""
    if not page.meta.get("budget") and not serving():
        page.meta["bestanden"] = [*(page.meta.get("bestanden") or []), LOADER]
    return markdown


def on_files(files, config, **kwargs):
    """The worker's sources are not served from assets/: the built worker sits at the site root."""
    for name in (WORKER_SOURCE, WORKER_OFF):
        source = files.get_file_from_path(name)
        if source is not None:
            files.remove(source)
    return files


def on_post_template(output: str, template_name: str, config, **kwargs) -> str:
    """Each language's 404 page becomes its 404 and offline pages; its manifest is written beside them."""
    if template_name != "404.html":
        return output
    language = gereedschap.build_language(config)
    site, prefix, w = pathlib.Path(config.site_dir), language_prefix(language), words(language)
    # relative, as every address on the 404 page (overrides/404.html sets <base> to the site's root over http,
    # and from file:// the page's own folder is the base): the English page sits in en/
    home = ("../" + prefix if prefix else "") + "index.html"
    page_404 = page_from_404(output, title=w["niet_gevonden"], text=w["niet_gevonden_uitleg"], home=home,
                             home_text=w["naar_start"])
    write(site, prefix + OFFLINE, page_from_404(output, title=w["offline"], text=w["offline_uitleg"], home=home,
                                               home_text=w["naar_start"]))
    write(site, prefix + MANIFEST, json.dumps(manifest(language=language, name=config.site_name,
                                                       description=config.site_description or "",
                                                       short_name=w["korte_naam"]), ensure_ascii=False, indent=1))
    return page_404   # hooks/csp.py puts each language's 404 page in its own folder


def on_post_build(config, **kwargs):
    """The site-wide files, from the finished site (again after each language: the last call wins)."""
    site = pathlib.Path(config.site_dir)
    announcement = site / ANNOUNCEMENT
    if announcement.exists():
        write(site, ANNOUNCEMENT, with_words(announcement.read_text(encoding="utf-8")))
    if serving():
        write(site, WORKER, pathlib.Path(config.docs_dir, WORKER_OFF).read_text(encoding="utf-8"))
    else:
        source = pathlib.Path(config.docs_dir, WORKER_SOURCE).read_text(encoding="utf-8")
        write(site, WORKER, worker(site, source)[0])
    headers, base = security_headers(site), site_path(config)
    write(site, ".hosting/nginx-headers.conf", nginx_headers(headers))
    write(site, "_headers", netlify_headers(headers, base, versioned(site)))
    write(site, ".htaccess", htaccess(headers, base))
    contact = str((getattr(config, "extra", None) or {}).get("contact") or "").strip()
    security = site / ".well-known" / "security.txt"
    if contact:
        write(site, ".well-known/security.txt", security_txt(contact, today=build_date(), site_url=config.site_url or ""))
    elif security.exists():
        security.unlink()
