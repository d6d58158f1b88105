"""Generated parts of REDACTIE.md, the editors' guide (scripts/readme-tabellen): each between two markers."""
from __future__ import annotations

import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))


def generated() -> dict[str, str]:
    """Marker name -> the text that belongs between its markers."""
    import toets_syntax
    import werkblad_syntax

    tables = {"onderdelen": werkblad_syntax.readme_table(), "toets-velden": toets_syntax.readme_table()}
    try:
        import cirkel
        tables["cirkel-opties"] = cirkel.readme_table()
    except (ImportError, AttributeError):
        pass
    return tables


GUIDE = "REDACTIE.md"


def update(text: str, tables: dict[str, str]) -> str:
    """The guide's text with every generated part replaced (a missing marker pair is an error)."""
    for name, table in tables.items():
        pattern = re.compile(rf"(<!-- {name}:begin -->\n).*?(\n<!-- {name}:end -->)", re.S)
        if not pattern.search(text):
            raise SystemExit(f"{GUIDE} has no <!-- {name}:begin --> … <!-- {name}:end --> markers")
        text = pattern.sub(lambda m: m.group(1) + table + m.group(2), text)
    return text


if __name__ == "__main__":
    guide = ROOT / GUIDE
    old = guide.read_text(encoding="utf-8")
    new = update(old, generated())
    guide.write_text(new, encoding="utf-8")
    print(f"{GUIDE}: generated tables " + ("updated" if new != old else "already up to date"))
