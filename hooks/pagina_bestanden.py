"""Load the circle's and the worksheets' CSS and JS only on pages that hold a circle or a worksheet.

Material puts every `extra_css` and `extra_javascript` file on every page and has no per-page setting.
Most pages have neither a circle nor a worksheet, so this hook removes those four tags from a page's
HTML when the page has no element of that kind (about 8 KB gzip less on a first visit: README budgets).
A page is checked by its built HTML, so a worksheet or circle added anywhere keeps its files.
"""
from __future__ import annotations

import re

# file stem -> pieces of HTML of which pages using it contain one (class names the hooks write; the
# whole-guide page gets its chapters only after the build, in hooks/hele_leidraad.py, so it keeps both)
NEEDED_BY = {
    "cirkel": ('class="cirkel', "data-hele-leidraad"),
    "werkbladen": ('class="werkblad', "data-hele-leidraad"),
}
RE_TAG = re.compile(r'\s*<(?:link rel="stylesheet" href|script src)="[^"]*/(?P<stem>[a-z]+)(?:\.min)?\.(?:css|js)"[^>]*>'
                    r'(?:</script>)?')


def on_post_page(output: str, page, config, **kwargs) -> str:
    """Drop the <link>/<script> of a stem in NEEDED_BY when the page has no element that needs it."""
    unused = {stem for stem, markers in NEEDED_BY.items() if not any(m in output for m in markers)}
    if not unused:
        return output
    return RE_TAG.sub(lambda m: "" if m["stem"] in unused else m.group(0), output)
