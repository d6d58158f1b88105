"""Een redacteur begint hier: een nieuw werkblad, een nieuwe pagina of een nieuw begrip, in beide talen.

    scripts/nieuw-werkblad NAAM AANBEVELING ["Nederlandse titel" "English title"]
                                          bv. scripts/nieuw-werkblad samen-spelen 2.3 "Samen spelen" "Playing together"
    scripts/nieuwe-pagina PAD "Nederlandse titel" "English title"
                                          bv. scripts/nieuwe-pagina theorie/reflecteren "Reflecteren" "Reflecting"
    scripts/nieuw-begrip ID "Nederlandse term" "English term" [PAGINA]
                                          bv. scripts/nieuw-begrip kennismakingsgesprek "Kennismakingsgesprek"
                                              "Getting-to-know-you conversation" aanbevelingen/2-kansen-voor-positief-gedrag.md

Each does every step a machine can do (REDACTIE.md has the checklists): the Dutch and the English file, the
entry in mkdocs.yml's nav and, for a new section, its English name under nav_translations; a worksheet is also
linked from the exercise index and from its recommendation's "Aan de slag", in both languages; a term is put
in alphabetical order in both glossaries and, given a page, linked where that page first mentions it. What is
left is the content, marked "Schrijf hier" / "Write here" (scripts/controleer lists what is still there).
Nothing is overwritten: an existing file or term stops the script before it writes anything.
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

Write here in a few sentences what the exercise is about and why. Belongs to
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
PAGE = ("---\n# {opmerking}\naanvulling: true\n---\n\n# {titel}\n\n{tekst}\n")
PAGE_NOTE = {"nl": "Een pagina met eigen inhoud, niet uit de leidraad (REDACTIE.md, 'Wat van ons is'). Geeft de "
                   "pagina tekst uit de leidraad, haal de regel hieronder dan weg.",
             "en": "A page of this site's own, not from the guideline (REDACTIE.md, 'Wat van ons is'). If the page "
                   "gives text from the guideline, remove the line below."}
INDEX_LINE = {"nl": "- [{titel}]({name}.md): Schrijf hier in één zin wat de oefening is.",
              "en": "- [{titel}]({name}.md): Write here in one sentence what the exercise is."}
REC_LINE = {"nl": "    - [{titel}](../aan-de-slag/{name}.md): Schrijf hier in één zin wat de oefening is.",
            "en": "    - [{titel}](../aan-de-slag/{name}.md): Write here in one sentence what the exercise is."}
TERM = {"nl": "## {term} {{ #{id} }}\n\nSchrijf hier in een of twee zinnen wat {term} is. Deze eerste alinea is de "
              "uitleg die een lezer ziet als hij op een link naar dit begrip wijst.\n\n"
              "Meer: [Schrijf hier de pagina waar het begrip uitgelegd wordt](index.md)\n",
        "en": "## {term} {{ #{id} }}\n\nWrite here in one or two sentences what {term} is. This first paragraph "
              "is the explanation a reader sees when pointing at a link to this term.\n\n"
              "More: [Write here the page that explains the term](index.md)\n"}


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
        anchor = re.search(r"^(\s+)nav_translations:\n((?:\1  .*\n)*)", text, re.M)
        text = text[:anchor.end()] + f"{anchor.group(1)}  {translation[0]}: {translation[1]}\n" + text[anchor.end():]
    return text


def add_line_to_section(text: str, heading: str, line: str, *, indent: str = "") -> str:
    """text with line after the last list item (at indent) of the section that opens with `heading`."""
    lines = text.split("\n")
    start = next((i for i, l in enumerate(lines) if l.startswith(heading)), None)
    if start is None:
        fail(f"no heading '{heading}' found to add '{line}' under")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    items = [i for i in range(start + 1, end) if lines[i].startswith(f"{indent}- ")]
    if not items:
        fail(f"the section '{heading}' has no list to add '{line}' to")
    lines.insert(items[-1] + 1, line)
    return "\n".join(lines)


def nieuw_werkblad(name: str, number: str, titel: str | None = None, title: str | None = None) -> None:
    """docs/aan-de-slag/NAME.md and .en.md with a worksheet of recommendation NUMBER, in the nav, linked from
    the exercise index and from the recommendation's Aan de slag, in both languages."""
    from werkblad_syntax import AANBEVELINGEN

    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name):
        fail(f"'{name}' is not a good file name: use lower-case words with dashes, e.g. samen-spelen")
    if number not in AANBEVELINGEN or "." not in number:
        fail(f"aanbeveling '{number}' does not exist; give a sub-recommendation such as 2.3")
    rec = AANBEVELINGEN[number]
    main_number = number.split(".")[0]
    main = AANBEVELINGEN[main_number]
    titel = titel or name.replace("-", " ").capitalize()
    titles = {"nl": titel, "en": title or titel}
    docs = ROOT / "docs"
    sheet = {"nl": docs / "aan-de-slag" / f"{name}.md", "en": docs / "aan-de-slag" / f"{name}.en.md"}
    for path in sheet.values():
        if path.exists():
            fail(f"{path.relative_to(ROOT)} exists already; choose another name")
    print(f"New worksheet '{name}' for {number} {rec.titel}:")
    for language, template in (("nl", SHEET_NL), ("en", SHEET_EN)):
        write_new(sheet[language], template.format(titel=titles[language], nummer=number, sub_nl=rec.titel,
                                                   sub_en=rec.title, pagina=rec.pagina, anker=rec.anker))
    config = ROOT / "mkdocs.yml"
    config.write_text(add_to_nav(config.read_text(encoding="utf-8"), f"aan-de-slag/{name}.md",
                                 before="aan-de-slag/alle-werkbladen.md"), encoding="utf-8")
    print("  nav       mkdocs.yml (Aan de slag, before Alle werkbladen)")
    for language, suffix in (("nl", ".md"), ("en", ".en.md")):
        index = docs / "aan-de-slag" / f"index{suffix}"
        heading = ("## Bij aanbeveling " if language == "nl" else "## For recommendation ") + f"{main_number}:"
        index.write_text(add_line_to_section(index.read_text(encoding="utf-8"), heading,
                                             INDEX_LINE[language].format(titel=titles[language], name=name)),
                         encoding="utf-8")
        print(f"  link      {index.relative_to(ROOT)} (under recommendation {main_number})")
        page = docs / re.sub(r"\.md$", suffix, main.pagina)
        text = page.read_text(encoding="utf-8")
        heading = next((l for l in text.split("\n") if l.startswith("## ") and "{ #aan-de-slag }" in l), None)
        if heading is None:
            fail(f"{page.relative_to(ROOT)} has no section '## … {{ #aan-de-slag }}' to link the worksheet from")
        page.write_text(add_line_to_section(text, heading, REC_LINE[language].format(titel=titles[language],
                                                                                     name=name), indent="    "),
                        encoding="utf-8")
        print(f"  link      {page.relative_to(ROOT)} (section Aan de slag)")
    print("Left for you (REDACTIE.md, 'Een nieuw werkblad'):")
    print(f"  - write the sheet in docs/aan-de-slag/{name}.md and translate it in {name}.en.md;")
    print("  - replace every 'Schrijf hier' / 'Write here' (also in the four links above);")
    if not title:
        print(f"  - give the English page an English title (its first line still says '# {titel}');")
    print("  - then run scripts/controleer.")


def nieuwe_pagina(path: str, titel: str, title: str) -> None:
    """docs/PATH.md and .en.md with a heading, in the nav: after the last page of its folder, or, for a new
    folder, in a new section at the end named after the page (its English name under nav_translations)."""
    if not re.fullmatch(r"([a-z0-9-]+/)?[a-z0-9]+(-[a-z0-9]+)*", path):
        fail(f"'{path}' is not a good path: a kebab-case name, optionally in a folder, e.g. theorie/reflecteren")
    files = [ROOT / "docs" / f"{path}.md", ROOT / "docs" / f"{path}.en.md"]
    for file in files:
        if file.exists():
            fail(f"{file.relative_to(ROOT)} exists already; choose another name")
    config_path = ROOT / "mkdocs.yml"
    config = config_path.read_text(encoding="utf-8")
    folder = path.split("/")[0] if "/" in path else None
    siblings = re.findall(rf"^\s+- ({folder}/[\w-]+\.md)$", config, re.M) if folder else []
    if folder and not siblings and re.search(rf"^\s+{re.escape(titel)}:", config, re.M):
        fail(f"mkdocs.yml already has a nav entry or translation named '{titel}'; choose another title")
    print(f"New page '{path}':")
    write_new(files[0], PAGE.format(opmerking=PAGE_NOTE["nl"], titel=titel, tekst="Schrijf hier de pagina."))
    write_new(files[1], PAGE.format(opmerking=PAGE_NOTE["en"], titel=title, tekst="Write the page here."))
    if siblings:
        config = add_to_nav(config, f"{path}.md", after=siblings[-1])
        print(f"  nav       mkdocs.yml (after {siblings[-1]})")
    elif folder:
        config = add_to_nav(config, f"{path}.md", section=titel, translation=(titel, title))
        print(f"  nav       mkdocs.yml (a new section '{titel}' at the end; English name '{title}' under "
              "nav_translations)")
    else:
        config = add_to_nav(config, f"{path}.md")
        print("  nav       mkdocs.yml (at the end)")
    config_path.write_text(config, encoding="utf-8")
    print("Left for you (REDACTIE.md, 'Een nieuwe pagina'):")
    print(f"  - write docs/{path}.md and translate it in docs/{path}.en.md: the same headings with the same "
          "{ #ids };")
    print("  - link to it from the pages that should lead to it; then run scripts/controleer.")


def gereedschap_relative(target: str, page: str) -> str:
    """The relative link from docs/page to docs/target ('../begrippen.md' from a page in a folder)."""
    import posixpath
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def term_heading(line: str) -> tuple[str, str] | None:
    """(name, id) of a glossary heading '## Name { #id }', or None."""
    match = re.match(r"^## (.+?)\s*\{[^}]*#([\w-]+)[^}]*\}\s*$", line)
    return (match[1], match[2]) if match else None


def sort_key(name: str) -> str:
    """A term's place in the alphabet: letters only, lower case, accents ignored, a digit first."""
    import unicodedata
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9 ]", "", plain)


def insert_term(text: str, anchor: str, block: str, *, term: str) -> tuple[str, str | None]:
    """(the glossary with block before the first term that sorts after `term`, the id of that term); at the
    end when there is none."""
    lines = text.split("\n")
    terms = [(i, *found) for i, line in enumerate(lines) if (found := term_heading(line))]
    if any(found_id == anchor for _, _, found_id in terms):
        fail(f"the glossary already has a term with the id '{anchor}'")
    at, following = next(((i, found_id) for i, name, found_id in terms if sort_key(name) > sort_key(term)),
                         (None, None))
    if at is None:
        return text.rstrip("\n") + "\n\n" + block, None
    return "\n".join(lines[:at]) + "\n" + block + "\n" + "\n".join(lines[at:]), following


def link_first_mention(text: str, word: str, target: str) -> tuple[str, int | None]:
    """(text with the first mention of word in running text made a link to target, its 1-based line or None).
    Front matter, headings, fenced blocks, links and code are left alone."""
    lines = text.split("\n")
    front = 0
    if lines and lines[0].strip() == "---":
        front = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), 0) + 1
    fence = None
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.I)
    for number in range(front, len(lines)):
        line = lines[number]
        opening = re.match(r"^\s*(`{3,}|~{3,})", line)
        if opening:
            fence = None if fence and opening[1].startswith(fence) else (fence or opening[1])
            continue
        if fence or line.lstrip().startswith(("#", "<", "!!!", "???")):
            continue
        masked = re.sub(r"!?\[[^\]]*\]\([^)]*\)|`[^`]*`|<[^>]*>", lambda m: "\0" * len(m[0]), line)
        found = pattern.search(masked)
        if found:
            lines[number] = f"{line[:found.start()]}[{line[found.start():found.end()]}]({target}){line[found.end():]}"
            return "\n".join(lines), number + 1
    return text, None


def nieuw_begrip(anchor: str, term: str, english: str, page: str | None = None) -> None:
    """A term in docs/begrippen.md and begrippen.en.md, each in its own language's alphabetical order; with a
    page (e.g. aanbevelingen/2-kansen-voor-positief-gedrag.md), its first mention there linked to the term."""
    if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", anchor):
        fail(f"'{anchor}' is not a good id: lower-case words with dashes, starting with a letter, e.g. samen-spelen")
    if page and not (ROOT / "docs" / page).exists():
        fail(f"docs/{page} does not exist; give a page in docs/, e.g. aanbevelingen/1-persoonlijke-band.md")
    dutch, english_page = ROOT / "docs" / "begrippen.md", ROOT / "docs" / "begrippen.en.md"
    text_nl, following = insert_term(dutch.read_text(encoding="utf-8"), anchor,
                                     TERM["nl"].format(term=term, id=anchor), term=term)
    text_en, following_en = insert_term(english_page.read_text(encoding="utf-8"), anchor,
                                        TERM["en"].format(term=english, id=anchor), term=english)
    print(f"New term '{term}' (#{anchor}):")
    for glossary, text, before in ((dutch, text_nl, following), (english_page, text_en, following_en)):
        glossary.write_text(text, encoding="utf-8")
        print(f"  written   {glossary.relative_to(ROOT)}" + (f" (before #{before})" if before else " (at the end)"))
    linked = False
    if page:
        for suffix, word in ((".md", term), (".en.md", english)):
            path = ROOT / "docs" / re.sub(r"\.md$", suffix, page)
            if not path.exists():
                continue
            target = gereedschap_relative("begrippen.md", page) + f"#{anchor}"
            text, line = link_first_mention(path.read_text(encoding="utf-8"), word, target)
            if line:
                path.write_text(text, encoding="utf-8")
                print(f"  link      {path.relative_to(ROOT)}, line {line} ('{word}' now links to the term)")
                linked = linked or suffix == ".md"
            else:
                print(f"  no link   {path.relative_to(ROOT)} does not mention '{word}'")
    print("Left for you (REDACTIE.md, 'Een nieuw begrip'):")
    print("  - write the explanation in both glossaries and point 'Meer:' / 'More:' at the page that explains it;")
    if not linked:
        print(f"  - link the term from at least one page where it is used: [{term}](../begrippen.md#{anchor});")
    print("  - then run scripts/controleer.")


if __name__ == "__main__":
    command, *arguments = sys.argv[1:] or [""]
    if command == "werkblad" and len(arguments) in (2, 4):
        nieuw_werkblad(*arguments)
    elif command == "pagina" and len(arguments) == 3:
        nieuwe_pagina(*arguments)
    elif command == "begrip" and len(arguments) in (3, 4):
        nieuw_begrip(*arguments)
    else:
        print(__doc__)
        raise SystemExit(2)
