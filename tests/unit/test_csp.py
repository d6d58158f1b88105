"""hooks/csp.py: the policy every page carries, with the hashes of exactly its inline scripts."""
from __future__ import annotations

import base64
import hashlib

import csp


def digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


PAGE = ('<!doctype html><html><head><meta charset="utf-8"><script>var a = 1;</script>'
        '<script id="__config" type="application/json">{"search": "../assets/javascripts/workers/search.js"}</script>'
        '<script src="x.js"></script></head><body><script type="module">b()</script></body></html>')


def test_only_running_inline_scripts_are_hashed():
    """Inline JavaScript (and modules) by hash; JSON data blocks and scripts with src are not hashed."""
    hashes = csp.script_hashes(PAGE)
    assert digest("var a = 1;") in hashes and digest("b()") in hashes
    assert digest('{"search": "../assets/javascripts/workers/search.js"}') not in hashes


def test_the_shim_script_for_file_urls_is_hashed_with_the_pages_worker_path():
    """The inline script the iframe-worker shim writes holds the worker path of this page's search config."""
    (shim,) = csp.shim_hash(PAGE)
    template, c, d = csp.shim_template()
    assert c.startswith("function c(") and d.startswith("function d(") and "${e}" in template
    expected = template.replace("${c}", c).replace("${d}", d).replace("${e}", "../assets/javascripts/workers/search.js")
    assert shim == digest(expected) and shim in csp.script_hashes(PAGE)
    assert csp.shim_hash("<html><head></head></html>") == []


def test_the_policy_comes_first_in_the_head_and_allows_no_other_host():
    """Before any script; every directive names only the site itself (and data:/blob: where needed)."""
    out = csp.with_policy(PAGE)
    assert out.index('http-equiv="Content-Security-Policy"') < out.index("<script")
    content = out.split('http-equiv="Content-Security-Policy" content="')[1].split('"')[0]
    assert "default-src 'self'" in content and "object-src 'none'" in content and "form-action 'none'" in content
    sources = [word for directive in content.split("; ") for word in directive.split()[1:]]
    assert not [s for s in sources if s not in ("'self'", "'none'", "'unsafe-inline'", "data:", "blob:")
                and not s.startswith("'sha256-")], "no host other than the site's own"
    assert csp.with_policy(out) == out  # once
