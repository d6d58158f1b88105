"""A Content-Security-Policy on every page: the browser may contact no host but the site's own.

The site promises never to contact a third party (tests/browser/test_privacy.py checks what it does);
a CSP makes the browser refuse it even if a page were made to try (an injected image, script or request).
Material's pages carry a few small inline scripts (colour scheme, scope, search config), so the policy
allows exactly those by their SHA-256 hash, computed from the built page: only after rendering are they
known, which is why this hook writes a <meta http-equiv> into the finished HTML (on_post_page) rather
than through a template. A <meta> CSP works over http and from file:// alike (tested in a browser);
`csp.txt` in the built site holds the same policy for a web server that sends it as a header.

Styles may be inline (Material and our blocks set style attributes); what a style could load is still
bound by img-src and font-src. From file:// the vendored iframe-worker shim runs Material's search worker
in a hidden iframe and writes one small inline script into it (its text holds the page's worker path):
that script's hash is derived from the shim's own source and the page's search config (`shim_hash`).
"""
from __future__ import annotations

import base64
import functools
import hashlib
import json
import pathlib
import re

SHIM = pathlib.Path(__file__).resolve().parent.parent / "docs" / "assets" / "vendor" / "iframe-worker" / "shim.js"
RE_CONFIG = re.compile(r'<script id="__config" type="application/json">(?P<json>.*?)</script>', re.S)
RE_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
RE_HEAD = re.compile(r"<head[^>]*>", re.I)
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


def script_hashes(html: str) -> list[str]:
    """'sha256-…' of every inline script that runs (not of JSON data blocks or scripts with src)."""
    hashes = []
    for match in RE_INLINE_SCRIPT.finditer(html):
        attrs = match["attrs"] or ""
        kind = re.search(r"""type=["']?([^"'\s>]+)""", attrs, re.I)
        if re.search(r"\ssrc=", attrs, re.I) or (kind and kind.group(1).lower() in DATA_TYPES):
            continue
        hashes.append(sha256(match["body"]))
    return sorted(set(hashes + shim_hash(html)))


def sha256(text: str) -> str:
    """The CSP source for a script text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@functools.lru_cache(maxsize=1)
def shim_template() -> tuple[str, str, str]:
    """(the inline script the shim writes, with ${e} for the worker URL; function c; function d), from shim.js."""
    source = SHIM.read_text(encoding="utf-8")
    c = re.search(r"function c\(.*?(?=function d\()", source, re.S).group(0)
    d = re.search(r"function d\(.*?(?=var o=class)", source, re.S).group(0)
    template = re.search(r"<html><body><script>(.*?)<\\/script>", source, re.S).group(1)
    return template, c, d


def shim_hash(html: str) -> list[str]:
    """The hash of the script the iframe-worker shim writes on this page (none without a search config)."""
    config = RE_CONFIG.search(html)
    worker = json.loads(config["json"]).get("search") if config else None
    if not worker:
        return []
    template, c, d = shim_template()
    return [sha256(template.replace("${c}", c).replace("${d}", d).replace("${e}", worker))]


def policy(hashes: list[str]) -> str:
    """The policy text for a page whose inline scripts have these hashes."""
    directives = {name: values + (hashes if name == "script-src" else []) for name, values in POLICY.items()}
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def with_policy(html: str) -> str:
    """The page with its policy as the first element of <head> (before any script may run)."""
    head = RE_HEAD.search(html)
    if not head or 'http-equiv="Content-Security-Policy"' in html:
        return html
    meta = f'\n  <meta http-equiv="Content-Security-Policy" content="{policy(script_hashes(html))}">'
    return html[:head.end()] + meta + html[head.end():]


def on_post_page(output: str, page, config, **kwargs) -> str:
    """Every built page gets its policy."""
    return with_policy(output)


def on_post_build(config, **kwargs):
    """The policy without page hashes, for a server that sends CSP as a header (README, "On a web server")."""
    pathlib.Path(config.site_dir, "csp.txt").write_text(
        "# Content-Security-Policy of this site. Every page also carries it (with the hashes of its inline\n"
        "# scripts) as <meta http-equiv>. As a header, add the script hashes of Material's pages or use the meta.\n"
        + policy([]) + "\n", encoding="utf-8")
