"""The hosted edition (HOSTING.md, hooks/hosting.py): the site served by a real nginx, and what the build writes
for hosts and phones (404 and offline pages per language, manifests, the service worker's list, security.txt).

nginx runs as a subprocess on 127.0.0.1 with hosting/nginx/leidraad.conf (listen and root replaced), its pid,
logs and temp files in a temp folder, so this runs as any user. Without /usr/sbin/nginx the nginx tests skip
with a reason; under CI=true or REQUIRE_BROWSER=1 they fail (.ci/run installs nginx).
"""
from __future__ import annotations

import datetime
import getpass
import gzip
import http.client
import json
import pathlib
import re
import shutil
import socket
import subprocess
import time
import types

import pytest

import hosting
from gereedschap import bouw
from conftest import ROOT, browser_required

NGINX = "/usr/sbin/nginx"
CONF = ROOT / "hosting" / "nginx" / "leidraad.conf"
YEAR = "max-age=31536000"
SECURITY = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
MAIN_CONF = """worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
user {user};
events {{ worker_connections 256; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  include {tmp}/leidraad.conf;
}}
"""


# ------------------------------------------------------------------------------------------ nginx

def free_port() -> int:
    """A port nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_nginx(site: pathlib.Path, tmp: pathlib.Path, *, change=lambda conf: conf):
    """Start nginx with our server block for this site (change(conf) may break it on purpose): (process, base)."""
    if not pathlib.Path(NGINX).exists():
        if browser_required():
            pytest.fail(f"{NGINX} is missing: the hosting tests must run here (apt-get install nginx)")
        pytest.skip(f"{NGINX} not found (apt-get install nginx): the site is not tested behind nginx")
    port = free_port()
    conf = CONF.read_text(encoding="utf-8").replace("listen 80;", f"listen 127.0.0.1:{port};")
    conf = conf.replace("listen [::]:80;", "").replace("/srv/leidraad/site", str(site))
    (tmp / "leidraad.conf").write_text(change(conf), encoding="utf-8")
    (tmp / "nginx.conf").write_text(MAIN_CONF.format(tmp=tmp, user=getpass.getuser()), encoding="utf-8")
    process = subprocess.Popen([NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log"),
                                "-g", "daemon off;"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx stopped: {process.stdout.read().decode()}\n{(tmp / 'error.log').read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, f"127.0.0.1:{port}"
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("nginx did not start listening within 20 s")


def stop(process) -> None:
    """Stop nginx (graceful first) and wait for it."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def nginx(site, tmp_path_factory):
    """'127.0.0.1:PORT' of nginx serving the built site with our configuration."""
    started = time.monotonic()
    process, host = start_nginx(site, tmp_path_factory.mktemp("nginx"))
    print(f"nginx started in {time.monotonic() - started:.2f} s")
    yield host
    stop(process)


class Response:
    """Status, headers (case-insensitive) and body (un-gzipped) of one request."""

    def __init__(self, host: str, path: str, *, gzip_ok: bool = True, headers: dict | None = None):
        connection = http.client.HTTPConnection(host, timeout=10)
        connection.request("GET", path, headers={**({"Accept-Encoding": "gzip"} if gzip_ok else {}), **(headers or {})})
        answer = connection.getresponse()
        self.status, self.headers, raw = answer.status, answer.headers, answer.read()
        connection.close()
        self.gzipped = self.headers.get("Content-Encoding") == "gzip"
        self.body = gzip.decompress(raw) if self.gzipped else raw

    def text(self) -> str:
        return self.body.decode("utf-8")


def directives(policy: str) -> dict[str, set[str]]:
    """A policy as {directive: set of sources}."""
    found = {}
    for part in filter(None, (p.strip() for p in policy.split(";"))):
        name, *values = part.split()
        found[name] = set(values)
    return found


RE_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def header_problems(response: Response, path: str) -> list[str]:
    """What is wrong with a page's security headers: every one present, and the header policy at least as
    strict as the page's <meta> (both apply) while allowing every inline script the page runs."""
    problems = [f"{path}: {name} is {response.headers.get(name)!r}, not {value!r}"
                for name, value in SECURITY.items() if response.headers.get(name) != value]
    if "camera=()" not in (response.headers.get("Permissions-Policy") or ""):
        problems.append(f"{path}: no Permissions-Policy that refuses the camera")
    header = response.headers.get("Content-Security-Policy")
    if not header:
        return problems + [f"{path}: no Content-Security-Policy header"]
    sent = directives(header)
    if sent.get("frame-ancestors") != {"'none'"}:
        problems.append(f"{path}: the header policy does not refuse framing (frame-ancestors 'none')")
    meta = RE_META.search(response.text())
    if not meta:
        return problems + [f"{path}: the page lost its <meta> policy"]
    own = directives(meta.group(1).replace("&#39;", "'"))
    missing = own["script-src"] - sent.get("script-src", set())
    if missing:
        problems.append(f"{path}: the header policy would block the page's inline scripts {sorted(missing)}")
    for name, values in own.items():
        if name != "script-src" and sent.get(name) != values:
            problems.append(f"{path}: {name} differs between header ({sent.get(name)}) and meta ({values})")
    return problems


def pages_of(site: pathlib.Path) -> list[str]:
    """Every page of the built site, the 404 and offline pages included, as a path from the root."""
    return sorted(p.relative_to(site).as_posix() for pattern in ("*.html", "*.htm") for p in site.rglob(pattern))


def test_every_page_carries_the_policy_and_security_headers(nginx, site):
    """Over nginx every page (both languages) has the policy as a header, with its scripts' hashes and
    frame refusal, the other security headers, and still its <meta>."""
    started = time.monotonic()
    paths = pages_of(site)
    assert len(paths) >= 100 and "en/404.html" in paths and "en/offline.htm" in paths
    problems = []
    for path in paths:
        response = Response(nginx, "/" + path)
        assert response.status == 200, path
        problems += header_problems(response, path)
    assert problems == []
    print(f"{len(paths)} pages checked over nginx in {time.monotonic() - started:.2f} s")


@pytest.mark.parametrize("path", ["/assets/javascripts/taal.min.js", "/search/search_index.json",
                                  "/offline-werker.js", "/bestaat-niet.html"])
def test_files_and_errors_carry_the_security_headers_too(nginx, path):
    """Not only pages: scripts, data and the 404 answer carry the headers (add_header … always)."""
    response = Response(nginx, path)
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert response.headers.get("X-Frame-Options") == "DENY"
    assert "frame-ancestors 'none'" in response.headers.get("Content-Security-Policy", "")


@pytest.mark.parametrize("path, kind", [
    ("/index.html", "text/html; charset=utf-8"), ("/en/", "text/html; charset=utf-8"),
    ("/offline.htm", "text/html; charset=utf-8"),
    ("/assets/stylesheets/leidraad.min.css", "text/css; charset=utf-8"),
    ("/assets/javascripts/offline.min.js", "application/javascript; charset=utf-8"),
    ("/offline-werker.js", "application/javascript; charset=utf-8"),
    ("/search/search_index.json", "application/json; charset=utf-8"),
    ("/assets/favicon.svg", "image/svg+xml; charset=utf-8"),
    ("/assets/icons/icoon-192.png", "image/png"),
    ("/manifest.webmanifest", "application/manifest+json; charset=utf-8"),
    ("/en/manifest.webmanifest", "application/manifest+json; charset=utf-8"),
    ("/robots.txt", "text/plain; charset=utf-8"),
])
def test_content_types(nginx, path, kind):
    response = Response(nginx, path)
    assert response.status == 200
    assert response.headers.get("Content-Type") == kind


@pytest.mark.parametrize("path", ["/index.html", "/en/aanbevelingen/1-persoonlijke-band.html",
                                  "/assets/stylesheets/leidraad.min.css", "/assets/javascripts/taal.min.js",
                                  "/search/search_index.json", "/assets/favicon.svg", "/manifest.webmanifest"])
def test_text_is_compressed(nginx, path):
    """HTML, CSS, JS, JSON and SVG go gzipped to a browser that accepts it, plain to one that does not."""
    packed, plain = Response(nginx, path), Response(nginx, path, gzip_ok=False)
    assert packed.gzipped and "Accept-Encoding" in packed.headers.get("Vary", "")
    assert not plain.gzipped and plain.body == packed.body


def test_hashed_files_are_cached_for_a_year_the_rest_revalidated(nginx, site):
    """Material's files carry a content hash in their name: a year, immutable. Pages, the worker, the manifest
    and our own files (no hash in their name: checked) must be revalidated (no-cache, with a validator)."""
    hashed = hosting.versioned(site)
    assert {p.split("/")[-1].split(".")[0] for p in hashed} >= {"bundle", "main", "palette", "search"}
    for path in hashed:
        cache = Response(nginx, "/" + path).headers.get("Cache-Control", "")
        assert YEAR in cache and "immutable" in cache, path
    ours = sorted(p.relative_to(site).as_posix() for p in (site / "assets").rglob("*.min.*")
                  if not hosting.RE_VERSIONED.search(p.name))
    assert "assets/javascripts/taal.min.js" in ours
    for path in ["index.html", "en/toets/index.html", "offline-werker.js", "manifest.webmanifest", "offline.htm"] + ours:
        response = Response(nginx, "/" + path)
        assert response.headers.get("Cache-Control") == "no-cache", path
        assert response.headers.get("ETag") or response.headers.get("Last-Modified"), path
    again = Response(nginx, "/index.html", headers={"If-None-Match": Response(nginx, "/index.html").headers["ETag"]})
    assert again.status == 304


@pytest.mark.parametrize("path, language, heading", [
    ("/bestaat-niet.html", "nl", "Pagina niet gevonden"),
    ("/aanbevelingen/7-bestaat-niet.html", "nl", "Pagina niet gevonden"),
    ("/en/does-not-exist.html", "en", "Page not found"),
    ("/en/aanbevelingen/7-does-not-exist.html", "en", "Page not found"),
])
def test_404_in_the_readers_language(nginx, path, language, heading):
    response = Response(nginx, path)
    assert response.status == 404
    assert f'<html lang="{language}"' in response.text()
    assert f"<h1>{heading}</h1>" in response.text()
    assert RE_META.search(response.text()), "the 404 page carries its policy as <meta> too"


@pytest.mark.parametrize("path", ["/.hosting/nginx-headers.conf", "/.htaccess", "/_headers"])
def test_files_for_hosts_are_not_served(nginx, path):
    assert Response(nginx, path).status == 404


def test_the_checks_bite_on_a_broken_configuration(site, tmp_path):
    """Twin: nginx without the headers under /en/, without long caching and without the English 404 page;
    the checks above find each."""
    def breaking(conf: str) -> str:
        en = conf.index("location /en/ {")
        end = conf.index("}", en)
        block = conf[en:end].replace("error_page 404 /en/404.html;", "")
        block = re.sub(r"include [^;]*nginx-headers\.conf;", "", block)
        conf = conf[:en] + block + conf[end:]
        return conf.replace('"public, max-age=31536000, immutable"', '"no-cache"')

    process, host = start_nginx(site, tmp_path, change=breaking)
    try:
        assert header_problems(Response(host, "/index.html"), "index.html") == []
        problems = header_problems(Response(host, "/en/index.html"), "en/index.html")
        assert any("no Content-Security-Policy header" in p for p in problems)
        assert any("X-Frame-Options" in p for p in problems)
        with pytest.raises(AssertionError):
            test_hashed_files_are_cached_for_a_year_the_rest_revalidated(host, site)
        with pytest.raises(AssertionError):
            test_404_in_the_readers_language(host, "/en/does-not-exist.html", "en", "Page not found")
    finally:
        stop(process)


def test_header_check_sees_a_missing_inline_script_hash(nginx):
    """Twin of the policy check: a page whose <meta> allows a script the header does not is reported."""
    response = Response(nginx, "/index.html")
    response.body = response.body.replace(b"script-src 'self' ", b"script-src 'self' 'sha256-bijgevoegd=' ", 1)
    assert any("would block" in p for p in header_problems(response, "index.html"))


# ------------------------------------------------------------------------- what the build writes

def test_404_and_offline_pages_per_language(site):
    """static-i18n wrote the English 404 over the Dutch one; now each language has its own, and an offline page."""
    for path, language, heading in [("404.html", "nl", "Pagina niet gevonden"), ("en/404.html", "en", "Page not found"),
                                    ("offline.htm", "nl", "Niet beschikbaar zonder verbinding"),
                                    ("en/offline.htm", "en", "Not available offline")]:
        text = (site / path).read_text(encoding="utf-8")
        assert f'<html lang="{language}"' in text and f"<h1>{heading}</h1>" in text, path
        assert "404 - Not found" not in text and RE_META.search(text), path


def test_manifest_per_language(site):
    """Name, short name, colours, icons that exist at their stated size, and the start page of the language."""
    for path, language, start in [("manifest.webmanifest", "nl", "index.html"), ("en/manifest.webmanifest", "en", "en/index.html")]:
        manifest = json.loads((site / path).read_text(encoding="utf-8"))
        folder = (site / path).parent
        assert manifest["lang"] == language and manifest["display"] == "standalone"
        assert manifest["name"] and len(manifest["short_name"]) <= 20
        assert manifest["theme_color"] == hosting.THEME_COLOUR
        assert (folder / manifest["start_url"]).resolve() == (site / start).resolve()
        assert (folder / manifest["scope"]).resolve() == site.resolve()
        sizes = set()
        for icon in manifest["icons"]:
            file = (folder / icon["src"]).resolve()
            assert file.is_file(), icon["src"]
            if icon["type"] == "image/png":
                width, height = int.from_bytes(file.read_bytes()[16:20], "big"), int.from_bytes(file.read_bytes()[20:24], "big")
                assert icon["sizes"] == f"{width}x{height}", icon["src"]
                sizes.add(width)
        assert {192, 512} <= sizes
        assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])


def worker_build(site: pathlib.Path) -> dict:
    """The BOUW line of the built service worker."""
    text = (site / hosting.WORKER).read_text(encoding="utf-8")
    return json.loads(re.match(r"var BOUW = (.*);\n", text).group(1))


def test_the_worker_fetches_ahead_what_a_student_needs(site):
    """At the site root (its scope is the site), not under assets/; it fetches ahead, per language, the theories,
    the six recommendations, every worksheet, every self-test, and the shell (styles, scripts, search with its
    index and lunr languages, icons, manifests, offline pages); every listed file exists."""
    build = worker_build(site)
    assert not (site / hosting.WORKER_SOURCE).exists()
    assert re.fullmatch(r"[0-9a-f]{12}", build["versie"])
    for language, prefix in [("nl", ""), ("en", "en/")]:
        pages = build["paginas"][language]
        assert all(p.startswith(prefix) and (prefix or not p.startswith("en/")) for p in pages)
        assert sum(p.startswith(prefix + "aanbevelingen/") and p[len(prefix) + 14].isdigit() for p in pages) == 6
        assert {prefix + f"theorie/{t}.html" for t in ("gehechtheidstheorie", "zelfdeterminatietheorie",
                                                      "interpersoonlijke-theorie")} <= set(pages)
        worksheets = {p.relative_to(site).as_posix() for p in (site / prefix / "aan-de-slag").glob("*.html")
                      if '<form class="werkblad"' in p.read_text(encoding="utf-8")}
        assert worksheets and worksheets <= set(pages)
        assert {p.relative_to(site).as_posix() for p in (site / prefix / "toets").glob("*.html")} <= set(pages)
        assert prefix + "aan-de-slag/alle-werkbladen.html" not in pages
        count, size = hosting.ahead_size(site, build, language)
        packed = sum(len(gzip.compress((site / f).read_bytes())) for f in build["schil"] + pages)
        print(f"fetched ahead on a first visit ({language}): {count} files, {size / 1024:.0f} KB stored, "
              f"{packed / 1024:.0f} KB gzip over the wire")
        assert size < 5 * 1024 * 1024, "more than 5 MB fetched ahead: justify it in HOSTING.md first"
    shell = set(build["schil"])
    assert {"search/search_index.json", "offline.htm", "en/offline.htm", "manifest.webmanifest",
            "assets/javascripts/offline.min.js", "assets/javascripts/lunr/min/lunr.nl.min.js"} <= shell
    assert any(p.startswith("assets/javascripts/workers/search.") for p in shell)
    assert all((site / p).is_file() for p in shell | {p for ps in build["paginas"].values() for p in ps})


def test_version_changes_with_any_file(tmp_path):
    """A new build with one changed file is a new version (the worker then announces it); the same build is not."""
    (tmp_path / "a.html").write_text("een", encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text("gisteren", encoding="utf-8")
    first = hosting.version(tmp_path, "bron")
    (tmp_path / "sitemap.xml").write_text("vandaag", encoding="utf-8")
    assert hosting.version(tmp_path, "bron") == first
    (tmp_path / "a.html").write_text("twee", encoding="utf-8")
    assert hosting.version(tmp_path, "bron") != first
    assert hosting.version(tmp_path, "andere bron") != hosting.version(tmp_path, "bron")


def test_security_txt_text():
    """RFC 9116 fields: an e-mail becomes mailto:, Expires is a year after the build, Canonical with site_url."""
    text = hosting.security_txt("meld@example.org", today=datetime.date(2026, 12, 7), site_url="https://example.org/leidraad/")
    assert text.splitlines() == ["Contact: mailto:meld@example.org", "Expires: 2027-12-07T00:00:00Z",
                                 "Preferred-Languages: nl, en",
                                 "Canonical: https://example.org/leidraad/.well-known/security.txt"]
    assert hosting.security_txt("https://example.org/melden", today=datetime.date(2026, 1, 1)).startswith(
        "Contact: https://example.org/melden\nExpires: 2027-01-01T00:00:00Z\n")


def hosts_files(tmp_path: pathlib.Path, contact: str) -> pathlib.Path:
    """Run the hook's site-wide step on a small copy (two pages) with this extra.contact."""
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    for page in ("index.html", "en/index.html"):
        shutil.copy(ROOT / "docs" / "assets" / "favicon.svg", site / "favicon.svg")
        (site / page).write_text("<html><head></head><body><script>var a = 1;</script></body></html>", encoding="utf-8")
    config = types.SimpleNamespace(site_dir=str(site), docs_dir=str(ROOT / "docs"), extra={"contact": contact},
                                   site_url="https://example.org/leidraad/")
    hosting.on_post_build(config)
    return site


def test_security_txt_only_when_a_contact_is_set(tmp_path, site):
    """With extra.contact the build writes .well-known/security.txt expiring a year ahead; without, none (and a
    stale one is removed). mkdocs.yml has no contact yet, so the real build has none."""
    assert not (site / ".well-known" / "security.txt").exists()
    written = hosts_files(tmp_path / "met", "meld@example.org")
    text = (written / ".well-known" / "security.txt").read_text(encoding="utf-8")
    expires = datetime.datetime.strptime(re.search(r"^Expires: (\S+)$", text, re.M).group(1), "%Y-%m-%dT%H:%M:%SZ")
    assert "Contact: mailto:meld@example.org" in text
    assert 364 <= (expires.date() - datetime.date.today()).days <= 366
    (tmp_path / "zonder" / "site" / ".well-known").mkdir(parents=True)
    (tmp_path / "zonder" / "site" / ".well-known" / "security.txt").write_text("oud", encoding="utf-8")
    assert not (hosts_files(tmp_path / "zonder", "  ") / ".well-known" / "security.txt").exists()


def test_headers_for_other_hosts(site):
    """_headers (Netlify, Cloudflare Pages) and .htaccess (Apache) carry the same policy as nginx's include."""
    nginx_policy = re.search(r'Content-Security-Policy "([^"]+)"', (site / ".hosting/nginx-headers.conf").read_text()).group(1)
    assert "frame-ancestors 'none'" in nginx_policy and "'sha256-" in nginx_policy
    netlify = (site / "_headers").read_text(encoding="utf-8")
    assert f"  Content-Security-Policy: {nginx_policy}\n" in netlify
    assert re.search(r"^/assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js\n  Cache-Control: public, max-age=31536000, immutable$",
                     netlify, re.M)
    apache = (site / ".htaccess").read_text(encoding="utf-8")
    assert f'Header always set Content-Security-Policy "{nginx_policy}"' in apache
    assert "ErrorDocument 404 /en/404.html" in apache


def test_mkdocs_serve_gets_no_worker(tmp_path):
    """Under `mkdocs serve` pages get no loader and the worker written is the one that removes itself (an editor
    must see every change at once); a build gets both back."""
    page = types.SimpleNamespace(meta={"bestanden": ["bewaren.js"]})
    heavy = types.SimpleNamespace(meta={"budget": {"per": "werkblad", "kb": 1.0}})
    try:
        bouw.start_session("serve")
        hosting.on_page_markdown("", page, None, None)
        assert page.meta["bestanden"] == ["bewaren.js"]
        site = hosts_files(tmp_path / "serve", "")
        assert (site / hosting.WORKER).read_text(encoding="utf-8") == (ROOT / "docs" / hosting.WORKER_OFF).read_text(encoding="utf-8")
        assert "unregister()" in (site / hosting.WORKER).read_text(encoding="utf-8")
    finally:
        bouw.start_session("build")
    hosting.on_page_markdown("", page, None, None)
    hosting.on_page_markdown("", heavy, None, None)
    assert page.meta["bestanden"] == ["bewaren.js", hosting.LOADER] and "bestanden" not in heavy.meta
    assert (hosts_files(tmp_path / "build", "") / hosting.WORKER).read_text(encoding="utf-8").startswith("var BOUW = ")


def test_loader_is_on_every_page_but_the_gathering_ones(all_pages):
    """The loader (274 bytes minified) is on every page except those that declare their own budget; the 404 page has none."""
    without = sorted(path for path, page in all_pages.items()
                     if not any(url.endswith("offline.min.js") for _, url in page.resources))
    assert without == ["aan-de-slag/alle-werkbladen.html", "en/aan-de-slag/alle-werkbladen.html", "en/hele-leidraad.html",
                       "en/theorie/cirkel-verkenner.html", "hele-leidraad.html", "theorie/cirkel-verkenner.html"]
