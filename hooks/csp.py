"""A Content-Security-Policy on every page: the browser may contact no host but the site's own.

The site promises never to contact a third party (tests/browser/test_privacy.py checks what it does);
a CSP makes the browser refuse it even if a page were made to try (an injected image, script or request).
Material's pages carry a few small inline scripts (colour scheme, scope, search config), so the policy
allows exactly those by their SHA-256 hash, read from the built page: only after rendering are they
known, which is why this hook writes a <meta http-equiv> into the finished HTML rather than through a
template. The page is parsed, not searched: the policy goes into the real <head>, whatever the page's
text says (a page about CSP quotes `http-equiv="Content-Security-Policy"` in its body). Every page
passes `on_post_page`; 404.html is rendered apart from the pages and passes `on_post_template`. A <meta>
CSP works over http and from file:// alike (tested in a browser); `csp.txt` in the built site holds the
same policy for a web server that sends it as a header.

Styles may be inline (Material and our blocks set style attributes); what a style could load is still
bound by img-src and font-src. From file:// the vendored iframe-worker shim runs Material's search worker
in a hidden iframe and writes one small inline script into it (its text holds the page's worker path).
That text is recorded by running the shim itself in Node (`.venv/bin/python hooks/csp.py` writes hooks/csp.yml,
with the shim's SHA-256): the build reads no JavaScript, and a changed shim stops it with that command.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import json
import pathlib
import subprocess
import sys

import yaml

import gereedschap
from gereedschap import uitvoer
from gereedschap.uitvoer import Gelezen

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHIM = ROOT / "docs" / "assets" / "vendor" / "iframe-worker" / "shim.js"
RECORD = pathlib.Path(__file__).resolve().parent / "csp.yml"
WORKER = "@@werker@@"           # stands for the page's worker path in the recorded shim script
DATA_TYPES = ("application/json", "application/ld+json", "text/template")
POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],            # + the hashes of the page's inline scripts
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "manifest-src": ["'self'"],
    "frame-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
}


def read(html: "str | Gelezen") -> Gelezen:
    """A built page as a browser parses it (hooks/gereedschap/uitvoer.py: one parse shared with the id check)."""
    return html if isinstance(html, Gelezen) else uitvoer.lees(html)


def running_scripts(page: Gelezen) -> list[str]:
    """The inline scripts that run: not JSON data blocks, templates or scripts with src."""
    return [body for kind, body in page.scripts if kind != "src" and kind not in DATA_TYPES]


def script_hashes(html: "str | Gelezen") -> list[str]:
    """'sha256-…' of every inline script that runs (not of JSON data blocks or scripts with src)."""
    page = read(html)
    return sorted({sha256(body) for body in running_scripts(page)} | set(shim_hash(page)))


def sha256(text: str) -> str:
    """The CSP source for a script text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def shim_script(worker: str) -> str:
    """The inline script the iframe-worker shim writes for this worker path (as recorded in hooks/csp.yml)."""
    return recorded_shim(hashlib.sha256(SHIM.read_bytes()).hexdigest()).replace(WORKER, worker)


@functools.lru_cache(maxsize=2)
def recorded_shim(digest: str) -> str:
    """The recorded script, if it was recorded from the shim with this SHA-256."""
    record = yaml.safe_load(RECORD.read_text(encoding="utf-8"))
    if record.get("shim_sha256") != digest:
        raise gereedschap.BouwFout("hooks/csp.yml: the policy's record of what docs/assets/vendor/iframe-worker/shim.js writes "
                          "was made for another copy of the shim; run `.venv/bin/python hooks/csp.py` (needs Node) to record "
                          "it again, and commit hooks/csp.yml")
    return record["script"]


def shim_hash(page: "Gelezen | str") -> list[str]:
    """The hash of the script the iframe-worker shim writes on this page (none without a search config)."""
    page = read(page)
    worker = json.loads(page.config).get("search") if page.config else None
    return [sha256(shim_script(worker))] if worker else []


# Runs the vendored shim in Node with a stand-in document and prints what it writes into its iframe.
NODE_DRIVER = r"""
const fs = require("fs"), vm = require("vm");
const [shim, worker] = process.argv.slice(1);
const written = [];
const frame = {contentWindow: {document: {open() {}, write(text) { written.push(text); }, close() {}}}};
const window = {location: {protocol: "file:"}, document: {createElement: () => frame, body: {appendChild() {}}},
                EventTarget, MessageEvent: class {}, ErrorEvent: class {}, onmessage: null, onerror: null,
                Promise, structuredClone, postMessage() {}};
window.window = window;
vm.createContext(window);
vm.runInContext(fs.readFileSync(shim, "utf8"), window);
new window.Worker(worker);
process.stdout.write(JSON.stringify(written));
"""


def run_shim(worker: str = WORKER) -> str:
    """The inline script the shim writes into its iframe, read from running it (Node), not from its source."""
    result = subprocess.run(["node", "-e", NODE_DRIVER, str(SHIM), worker], capture_output=True, text=True,
                            check=True, timeout=60)
    scripts = running_scripts(uitvoer.Gelezen("".join(json.loads(result.stdout))))
    if len(scripts) != 1 or worker not in scripts[0]:
        raise RuntimeError(f"expected one inline script holding the worker path from {SHIM}; got {scripts!r}")
    return scripts[0]


def record_shim() -> None:
    """Write hooks/csp.yml: the shim's SHA-256 and the script it writes (the worker path as @@werker@@)."""
    RECORD.write_text("# What docs/assets/vendor/iframe-worker/shim.js writes into its iframe from file://, recorded by\n"
                      "# running it (.venv/bin/python hooks/csp.py, needs Node); hooks/csp.py hashes it for each page's worker path.\n"
                      + yaml.safe_dump({"shim_sha256": hashlib.sha256(SHIM.read_bytes()).hexdigest(),
                                        "script": run_shim()}, allow_unicode=True, width=1_000_000), encoding="utf-8")


def policy(hashes: list[str]) -> str:
    """The policy text for a page whose inline scripts have these hashes."""
    directives = {name: values + (hashes if name == "script-src" else []) for name, values in POLICY.items()}
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def with_policy(html: str) -> str:
    """The page with its policy as the first element of its <head> (before any script may run)."""
    page = read(html)
    if page.has_policy:
        return html
    hashes = script_hashes(page)
    meta = f'\n  <meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    at = page.head_end if page.head_end is not None else page.doctype_end
    finished = html[:at] + meta + html[at:]
    _recorded()[_digest(finished)] = hashes
    return finished


def page_hashes(html: str) -> list[str]:
    """script_hashes of a finished page: read from what with_policy recorded for exactly this text in this run,
    else parsed. The site-wide header policy (hooks/hosting.py) needs every page's hashes after the build; parsing
    all pages again cost a quarter of the build's time, and a page that changed after with_policy is parsed."""
    recorded = _recorded().get(_digest(html))
    return recorded if recorded is not None else script_hashes(html)   # a page without inline scripts is recorded too


def _recorded() -> dict[str, list[str]]:
    """{digest of a finished page: its script hashes}, for this run."""
    return gereedschap.staat("csp", run=True).setdefault("hashes", {})


def _digest(html: str) -> str:
    return hashlib.blake2b(html.encode("utf-8"), digest_size=16).hexdigest()


def on_post_page(output: str, page, config, **kwargs) -> str:
    """Every built page gets its policy."""
    return with_policy(output)


# ------------------------------------------------------------------------------------------ 404.html
# MkDocs renders 404.html apart from the pages, with absolute links (/assets/…) so that a server can send it
# for a missing address at any depth; from file:// those links point at the disk's root. Here its links
# are relative, as on every page, and overrides/404.html writes <base href="/"> (the site's root) when the
# page is not opened from file://, so both work. static-i18n renders it once per language into the same
# file (English last): the default language keeps 404.html, the others go to <lang>/404.html.

def error_pages() -> dict[str, str]:
    """{language folder: the finished 404.html} of this run (both languages)."""
    return gereedschap.staat("csp", run=True).setdefault("404", {})


def on_template_context(context, template_name: str, config, **kwargs):
    """404.html: links relative to where it is written; its root for http in error_page_root."""
    if template_name == "404.html":
        root = context["error_page_root"] = context["base_url"]
        context["base_url"] = "." if error_page_folder(config) == "" else ".."
        i18n = config.plugins.get("i18n") if hasattr(config.plugins, "get") else None
        if getattr(i18n, "extra_alternate", None):   # the language switcher: each language's home page, relative
            config.extra.alternate = [{**alt, "link": alt["link"][len(root):] if alt["link"].startswith(root)
                                          else alt["link"]} for alt in i18n.extra_alternate]
    return context


def on_post_template(output: str, template_name: str, config, **kwargs) -> str:
    """404.html (and any other theme page rendered apart from the docs) gets its policy too."""
    if not template_name.endswith(".html"):
        return output
    output = with_policy(output)
    if template_name == "404.html":
        error_pages()[error_page_folder(config)] = output
    return output


def error_page_folder(config) -> str:
    """'' for the default language (and a site without static-i18n), else the language's folder ('en/')."""
    language = str(config.theme.get("language") or "").split("_")[0].split("-")[0]
    i18n = config.plugins.get("i18n") if hasattr(config.plugins, "get") else None
    default = next((lang.locale for lang in i18n.config.languages if lang.default), None) if i18n else None
    return "" if i18n is None or language == default else f"{language}/"


def write_error_pages(config) -> None:
    """Each language's 404.html in its own folder (the last build wrote its own over the default one)."""
    for folder, output in error_pages().items():
        target = pathlib.Path(config.site_dir, folder, "404.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")


def on_post_build(config, **kwargs):
    """Each language's 404.html in its place; the policy without page hashes, for a server that sends CSP as a
    header (HOSTING.md)."""
    write_error_pages(config)
    pathlib.Path(config.site_dir, "csp.txt").write_text(
        "# Content-Security-Policy of this site. Every page also carries it (with the hashes of its inline\n"
        "# scripts) as <meta http-equiv>. As a header, add the script hashes of Material's pages or use the meta.\n"
        + policy([]) + "\n", encoding="utf-8")


if __name__ == "__main__":
    record_shim()
    print(f"wrote {RECORD.relative_to(ROOT)}", file=sys.stderr)
