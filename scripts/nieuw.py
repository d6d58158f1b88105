"""An editor's front door: a new worksheet or page in both languages, in the nav, with what is left to do.

    scripts/nieuw-werkblad NAAM AANBEVELING          e.g. scripts/nieuw-werkblad samen-spelen 2.3
    scripts/nieuwe-pagina PAD "Nederlandse titel" "English title"
                                                     e.g. scripts/nieuwe-pagina theorie/reflecteren "Reflecteren" "Reflecting"

Both write the Dutch and the English file, add the page to the nav in mkdocs.yml (and the section's English
name when a new section is made), and print the links that an editor still has to add by hand (the build
names them too: hooks/controle.py). Nothing is overwritten.
"""
from __future__ import annotations

import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

SHEET_NL = """# {titel}

Schrijf hier in een paar zinnen waar de oefening over gaat en waarom. Hoort bij
[{nummer} {sub_nl}](../{pagina}#{anker}).

```werkblad
titel: {titel}
aanbeveling: "{nummer}"
intro: Schrijf hier in één zin wat de leerkracht gaat doen.
onderdelen:
  - stappen:
      titel: Zo ga je te werk
      items:
        - Eerste stap.
        - Tweede stap.
  - vragen:
      titel: Terugblik
      items:
        - Wat viel je op?
      aanvulling: true
```
"""
SHEET_EN = """# {titel}

Write a few sentences here on what the exercise is about and why. Belongs to
[{nummer} {sub_en}](../{pagina}#{anker}).

```werkblad
titel: {titel}
aanbeveling: "{nummer}"
intro: Write here in one sentence what the teacher is going to do.
onderdelen:
  - stappen:
      titel: How to go about it
      items:
        - First step.
        - Second step.
  - vragen:
      titel: Looking back
      items:
        - What struck you?
      aanvulling: true
```
"""
PAGE = "# {titel}\n\n{tekst}\n"


def fail(message: str) -> None:
    """Stop with a plain message."""
    print(f"nieuw: {message}", file=sys.stderr)
    raise SystemExit(2)


def write_new(path: pathlib.Path, text: str) -> None:
    """Write a file that must not exist yet."""
    if path.exists():
        fail(f"{path.relative_to(ROOT)} exists already; choose another name")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"  written   {path.relative_to(ROOT)}")


def add_to_nav(config: str, entry: str, *, before: str | None = None, after: str | None = None,
               section: str | None = None, translation: tuple[str, str] | None = None) -> str:
    """mkdocs.yml's text with the page in the nav (before or after a given entry, or at the end of the nav,
    in a new section if one is named), and a section's English name under nav_translations."""
    lines = config.split("\n")
    if before or after:
        index = next(i for i, line in enumerate(lines) if line.strip() == f"- {before or after}")
        indent = lines[index][:len(lines[index]) - len(lines[index].lstrip())]
        lines.insert(index if before else index + 1, f"{indent}- {entry}")
    else:
        start = next(i for i, line in enumerate(lines) if line.rstrip() == "nav:")
        end = start + 1
        while end < len(lines) and (lines[end].startswith(" ") or not lines[end].strip()):
            end += 1
        while not lines[end - 1].strip():
            end -= 1
        lines.insert(end, f"  - {section}:\n      - {entry}" if section else f"  - {entry}")
    text = "\n".join(lines)
    if translation:
        anchor = re.search(r"^(\s+)nav_translations:\n", text, re.M)
        text = text[:anchor.end()] + f"{anchor.group(1)}  {translation[0]}: {translation[1]}\n" + text[anchor.end():]
    return text


def nieuw_werkblad(name: str, number: str) -> None:
    """docs/aan-de-slag/NAME.md and .en.md with a worksheet of recommendation NUMBER, in the nav."""
    from werkblad_syntax import AANBEVELINGEN

    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name):
        fail(f"'{name}' is not a good file name: use lower-case words with dashes, e.g. samen-spelen")
    if number not in AANBEVELINGEN or "." not in number:
        fail(f"aanbeveling '{number}' does not exist; give a sub-recommendation such as 2.3")
    rec = AANBEVELINGEN[number]
    main = AANBEVELINGEN[number.split(".")[0]]
    values = {"titel": name.replace("-", " ").capitalize(), "nummer": number, "sub_nl": rec.titel,
              "sub_en": rec.title, "pagina": rec.pagina, "anker": rec.anker}
    docs = ROOT / "docs" / "aan-de-slag"
    print(f"New worksheet '{name}' for {number} {rec.titel}:")
    write_new(docs / f"{name}.md", SHEET_NL.format(**values))
    write_new(docs / f"{name}.en.md", SHEET_EN.format(**values))
    config = ROOT / "mkdocs.yml"
    config.write_text(add_to_nav(config.read_text(encoding="utf-8"), f"aan-de-slag/{name}.md",
                                 before="aan-de-slag/alle-werkbladen.md"), encoding="utf-8")
    print("  nav       mkdocs.yml (Aan de slag, before Alle werkbladen)")
    print("Still to do by hand (the strict build names what is missing):")
    print(f"  1. docs/aan-de-slag/index.md and index.en.md: a line under recommendation {number.split('.')[0]}:"
          f" - [{values['titel']}]({name}.md): what it is, in a sentence.")
    print(f"  2. docs/{main.pagina} and its .en.md, section 'Aan de slag' (#aan-de-slag): "
          f"[{values['titel']}](../aan-de-slag/{name}.md)")
    print("  3. Write the sheet (README 'Een werkblad'), translate it, and run scripts/test --fast.")


def nieuwe_pagina(path: str, titel: str, title: str) -> None:
    """docs/PATH.md and .en.md with a heading, in the nav (a folder's section, or the top level)."""
    if not re.fullmatch(r"([a-z0-9-]+/)?[a-z0-9]+(-[a-z0-9]+)*", path):
        fail(f"'{path}' is not a good path: a kebab-case name, optionally in a folder, e.g. theorie/reflecteren")
    print(f"New page '{path}':")
    write_new(ROOT / "docs" / f"{path}.md", PAGE.format(titel=titel, tekst="Schrijf hier de pagina."))
    write_new(ROOT / "docs" / f"{path}.en.md", PAGE.format(titel=title, tekst="Write the page here."))
    config_path = ROOT / "mkdocs.yml"
    config = config_path.read_text(encoding="utf-8")
    folder = path.split("/")[0] if "/" in path else None
    siblings = re.findall(rf"^\s+- ({folder}/[\w-]+\.md)$", config, re.M) if folder else []
    if siblings:
        config = add_to_nav(config, f"{path}.md", after=siblings[-1])
        print(f"  nav       mkdocs.yml (after {siblings[-1]})")
    else:
        config = add_to_nav(config, f"{path}.md")
        print("  nav       mkdocs.yml (at the end)")
    config_path.write_text(config, encoding="utf-8")
    print("Still to do by hand:")
    print("  1. Write the page and its translation (same headings, same { #ids }: README 'A new page').")
    print("  2. Link it from the pages that should lead to it, and run scripts/test --fast.")


if __name__ == "__main__":
    command, *arguments = sys.argv[1:] or [""]
    if command == "werkblad" and len(arguments) == 2:
        nieuw_werkblad(*arguments)
    elif command == "pagina" and len(arguments) == 3:
        nieuwe_pagina(*arguments)
    else:
        print(__doc__)
        raise SystemExit(2)
