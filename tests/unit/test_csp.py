"""hooks/csp.py: the policy every page carries, with the hashes of exactly its inline scripts."""
from __future__ import annotations

import base64
import hashlib
import shutil
import types

import pytest


import csp
import gereedschap
from conftest import browser_required


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
    """The inline script the iframe-worker shim writes holds the worker path of this page's search config; the
    hash is of what the shim really writes (run in Node now), not of pieces matched in its minified source."""
    if shutil.which("node") is None:
        if browser_required():
            pytest.fail("node is needed to check hooks/csp.yml against the vendored shim")
        pytest.skip("node is not installed: hooks/csp.yml not checked against the vendored shim")
    (shim,) = csp.shim_hash(PAGE)
    assert shim == digest(csp.run_shim("../assets/javascripts/workers/search.js")) and shim in csp.script_hashes(PAGE)
    assert csp.shim_hash("<html><head></head></html>") == []


def test_a_changed_shim_stops_the_build_with_the_command_that_records_it(tmp_path, monkeypatch):
    other = tmp_path / "shim.js"
    other.write_text(csp.SHIM.read_text(encoding="utf-8").replace("postMessage", "postMessage "), encoding="utf-8")
    monkeypatch.setattr(csp, "SHIM", other)
    with pytest.raises(gereedschap.BouwFout, match=r"hooks/csp.yml: .* run `\.venv/bin/python hooks/csp.py` \(needs Node\)"):
        csp.shim_hash(PAGE)


def test_a_page_that_quotes_the_policy_still_gets_it_in_its_real_head():
    """Issue 21: a page whose text shows `http-equiv="Content-Security-Policy"` (a code span, a comment before the
    head) was left without a policy; the page is parsed, and the policy goes into the real <head>."""
    page = ('<!doctype html><!-- <head> --><html><head><meta charset="utf-8"><script>var a = 1;</script></head><body>'
            '<p><code>&lt;meta http-equiv="Content-Security-Policy"&gt;</code></p>'
            '<pre>http-equiv="Content-Security-Policy" content="default-src *"</pre>'
            '<meta http-equiv="Content-Security-Policy" content="default-src *"></body></html>')
    out = csp.with_policy(page)
    assert out.count("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'") == 1
    assert out.index("default-src 'self'") > out.index("<html><head>") and out.index("default-src 'self'") < out.index("<meta charset")
    assert digest("var a = 1;") in out


def test_a_page_without_a_head_tag_gets_the_policy_where_the_browser_opens_its_head():
    out = csp.with_policy("<!DOCTYPE html><title>x</title><script>go()</script><p>tekst")
    assert out.startswith('<!DOCTYPE html>\n  <meta http-equiv="Content-Security-Policy"') and digest("go()") in out
    assert csp.with_policy("<p>x</p>").startswith('\n  <meta http-equiv="Content-Security-Policy"')


def test_the_404_page_gets_the_policy_through_its_own_event(tmp_path):
    """404.html is rendered apart from the pages (MkDocs' on_post_template, never on_post_page)."""
    config = types.SimpleNamespace(site_dir=str(tmp_path), theme={"language": "nl"}, plugins={})
    out = csp.on_post_template(PAGE, template_name="404.html", config=config)
    assert 'http-equiv="Content-Security-Policy"' in out
    assert csp.on_post_template("<urlset></urlset>", template_name="sitemap.xml", config=config) == "<urlset></urlset>"


def test_the_404_page_links_relative_to_where_it_is_written(tmp_path):
    """From file:// an absolute /assets/… is the disk's root: 404.html gets the relative base of the default
    language's root (.) and keeps the server's root for its <base> over http (overrides/404.html)."""
    config = types.SimpleNamespace(site_dir=str(tmp_path), theme={"language": "nl"}, plugins={})
    context = csp.on_template_context({"base_url": "/"}, template_name="404.html", config=config)
    assert context == {"base_url": ".", "error_page_root": "/"}
    assert csp.on_template_context({"base_url": ".."}, template_name="main.html", config=config) == {"base_url": ".."}


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
