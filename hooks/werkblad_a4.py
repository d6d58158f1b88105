"""One A4 page per worksheet: the print geometry, and the write-in line height that fills the page.

A blank worksheet prints on exactly one A4 page. The hook estimates, in millimetres, what the texts and
rules of a sheet take (matching werkbladen.css: @page margins 10 mm × 12 mm, text 10.5pt, line 1.3) and
gives the write-in lines the height that fills the rest, between 5.2 and 9 mm; a sheet that cannot fit
stops the build with what to shorten. (A filled-in sheet may flow onto a second page: werkbladen.js
prints every word a teacher wrote, docs/privacy.md.)
"""
from __future__ import annotations

from gereedschap import BlockError

# Print geometry in mm, matching werkbladen.css (@page margins 10 mm × 12 mm, text 10.5pt, line 1.3).
PAGE_HEIGHT = 297 - 2 * 10 - 3      # 3 mm to spare for rounding and fonts that run longer
PAGE_WIDTH = 210 - 2 * 12
TEXT_LINE = 4.9                     # one line of 10.5pt text
CHAR = 2.0                          # an average character, generously (fonts differ per system)
DAY_COLUMNS = 61                    # Dag, Datum and Gedaan columns of a day tracker (16.5em at 10.5pt)
WRITE_MIN, WRITE_MAX = 5.2, 9.0     # height of one write-in line / table row
ROW_BORDER = 0.3                    # the rule between two table rows
WAAROM_REGELS = 2                   # write-in lines under a scale question for the why of the number


def text_lines(text: str, width: float = PAGE_WIDTH, char: float = CHAR) -> int:
    """How many printed lines a text takes at a width: words wrapped greedily at an average character width."""
    per_line = max(6, int(width / char))
    lines = 0
    for paragraph in text.split("\n"):
        used = None  # characters on the current line; None before the first word
        for word in paragraph.split() or [""]:
            if used is not None and used + 1 + len(word) <= per_line:
                used += 1 + len(word)
            else:
                lines += 1 + (len(word) - 1) // per_line if word else 1  # a long word breaks
                used = len(word) % per_line or (per_line if word else 0)
    return max(1, lines)


def part_size(part: dict) -> tuple[float, int]:
    """(mm of text and rules, number of write-in lines) that a part takes on paper."""
    kind = part["soort"]
    fixed, write = 3.5, 0                                     # space above a part
    if part.get("titel"):
        fixed += 6.5 * text_lines(part["titel"], char=2.6)
    if part.get("aanvulling") is True:          # the marker's label line and its dashed frame
        fixed += TEXT_LINE + 3
    if kind == "tekst":
        fixed += TEXT_LINE * text_lines(part["tekst"])
    elif kind == "aanvulling":
        fixed += TEXT_LINE * (1 + text_lines(part["tekst"])) + 2     # the label line, a dashed border
    elif kind in ("stappen", "checklist"):
        fixed += sum(TEXT_LINE * text_lines(item, PAGE_WIDTH - 10) + 1.2 for item in part["items"])
    elif kind == "vragen":
        for item in part["items"]:
            fixed += TEXT_LINE * text_lines(item, PAGE_WIDTH - 8) + 2.6
            write += part["regels"]
    elif kind == "veld":
        fixed += TEXT_LINE * text_lines(part["label"]) + 1.5
        write += part["regels"] or part["vak"]
    elif kind in ("tabel", "dagen"):
        columns = part["kolommen"] or ["Dag"]
        width = (PAGE_WIDTH - (0 if kind == "tabel" else DAY_COLUMNS)) / len(columns)
        rows = part["rijen"] if kind == "tabel" else part["aantal"]
        fixed += 2 + 4.6 * max(text_lines(name, width - 2.4, 1.9) for name in columns) + ROW_BORDER * rows
        write += rows
    elif kind == "turven":
        fixed += 7 + 7 + 2 * TEXT_LINE + 2 + ROW_BORDER * part["dagen"]   # header, totals, two notes
        write += part["dagen"]
    elif kind == "schaal":
        fixed += 5.5 * text_lines(part["vraag"], char=2.3) + 6            # bold question, row of circles
        fixed += TEXT_LINE + 1.5                                          # the why's label
        write += WAAROM_REGELS
    return fixed, write


def fit(sheet: dict) -> float:
    """The write-in line height (mm) that lets the sheet fill one A4 page; a BlockError if it cannot fit."""
    # site name, title, recommendation, the name line's margin, the two-line footer (address, newest version);
    # the name line itself is a write-in line
    fixed = 4.6 + 1 + 7.5 * text_lines(sheet["titel"], char=3.3) + 6 + 1 + 11.5   # the footer: two lines (10.5 mm measured)
    if sheet["intro"]:
        fixed += TEXT_LINE * text_lines(sheet["intro"]) + 1.5
    write = 1
    for part in sheet["onderdelen"]:
        part_fixed, part_write = part_size(part)
        fixed += part_fixed
        write += part_write
    height = (PAGE_HEIGHT - fixed) / write
    if height < WRITE_MIN:
        raise BlockError(too_long(fixed, write))
    return round(min(WRITE_MAX, height), 2)


def too_long(fixed: float, write: int) -> str:
    """The message for a worksheet that cannot print on one A4 page (write counts the name line too)."""
    fixed, write = fixed + WRITE_MIN, write - 1   # tell the editor about their own lines only
    if not write:
        return (f"the worksheet does not fit on one A4 page: its texts take about {fixed:.0f} mm of the "
                f"{PAGE_HEIGHT} mm a page has. Shorten texts or drop a part.")
    need = fixed + write * WRITE_MIN
    return (f"the worksheet does not fit on one A4 page: its texts take about {fixed:.0f} mm and its {write} "
            f"write-in lines at least {write * WRITE_MIN:.0f} mm, about {need:.0f} mm of the {PAGE_HEIGHT} mm "
            "a page has. Shorten texts, drop a part or lower regels, vak, rijen, aantal or dagen.")
