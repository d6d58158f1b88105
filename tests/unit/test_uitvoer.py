"""hooks/gereedschap/uitvoer.py: a finished page read once, by the id check and the policy alike."""
from __future__ import annotations

import re

import csp
from controle import id_problems
from gereedschap import uitvoer

PAGE = ('<!doctype html><html><head><script>var a = "<div id=\\"in-script\\">";</script></head><body>'
        '<!-- <p id="in-comment"> --><pre><code>&lt;p id="quoted"&gt;</code></pre>'
        '<h2 id="kop">Kop</h2><p id="kop">again</p><svg><g id="1-ring"></g></svg></body></html>')


def test_the_id_check_and_the_policy_share_one_reading():
    """The second step to read the same finished page gets the first one's reading, not a new parse; another
    text (the page with its policy) is read anew."""
    first = uitvoer.lees(PAGE)
    assert uitvoer.lees(PAGE) is first
    assert id_problems("p.html", PAGE) and csp.script_hashes(PAGE)
    assert uitvoer.lees(PAGE) is first
    assert uitvoer.lees(csp.with_policy(PAGE)) is not first


def test_ids_are_read_from_elements_not_from_text():
    """Only elements' ids count: not one in a script's text, a comment or quoted code. Twin: searching the text
    for id="…" would find those three as well."""
    assert uitvoer.lees(PAGE).ids == ["kop", "kop", "1-ring"]
    problems = id_problems("p.html", PAGE)
    assert any("'kop' appears twice" in p for p in problems) and any("'1-ring' is not valid" in p for p in problems)
    assert len(problems) == 2
    searched = re.findall(r'id=\\?"([^"\\]+)', PAGE)
    assert {"in-script", "in-comment", "quoted"} <= set(searched)


def test_the_site_header_policy_reads_what_the_policy_step_recorded(tmp_path):
    """hosting's site-wide policy takes a finished page's hashes from what with_policy recorded in this run for that
    very text, and parses a page it did not record (one changed after the policy step) as before. Twin: a record
    that says otherwise is what the header gets, so the record is read; a new run forgets it."""
    import hosting
    from gereedschap import bouw

    bouw.start_run()
    finished = csp.with_policy(PAGE)
    changed = PAGE.replace("var a", "var b")
    (tmp_path / "a.html").write_text(finished, encoding="utf-8")
    (tmp_path / "b.html").write_text(changed, encoding="utf-8")
    assert set(hosting.site_hashes(tmp_path)) == set(csp.script_hashes(PAGE)) | set(csp.script_hashes(changed))
    csp._recorded()[csp._digest(finished)] = ["'sha256-recorded'"]
    assert "'sha256-recorded'" in hosting.site_hashes(tmp_path)
    bouw.start_run()
    assert "'sha256-recorded'" not in hosting.site_hashes(tmp_path)
