"""A worksheet's keys: the name each answer is kept under, the same in Dutch and English (REDACTIE.md,
"Waar antwoorden blijven").

The Dutch sheet (`x.md`) is the source. Each of its fields is known by its question's text
(`identify`), never by its position, so an editor may add, remove or move parts of a Dutch sheet and every
answer stays with its question. The English sheet (`x.en.md`) is a translation: its fields take the keys of
the Dutch fields in the same place (`follow`), so an answer typed on either page shows on both. Only the
parts that hold answers are paired (questions, tick lists, fields, scales, tables, day trackers, tallies);
texts and steps may differ between the two sheets. A difference in the answer parts is an editor's slip,
named with both files' lines and a fix (`differences`), every one of them in one run.

Before December 2026 an English field was keyed by its English text. `old_keys` gives, for an English sheet,
each such old key with the key it has now; both pages carry that map, and werkbladen.js moves an answer kept
under an old key to its question. Plain Python: no MkDocs, no files (hooks/werkbladen.py reads the twin).
"""
from __future__ import annotations

import copy
import hashlib
import re

from gereedschap import BlockError

# The parts that hold answers, and what of them decides their fields (the same in both sheets): (field, one, many).
ANSWERS = {
    "vragen": (("items", "question", "questions"),),
    "checklist": (("items", "item", "items"),),
    "veld": (),
    "schaal": (),   # its numbers: compared as a range below
    "tabel": (("kolommen", "column", "columns"), ("rijen", "row", "rows")),
    "dagen": (("aantal", "day", "days"), ("kolommen", "extra column", "extra columns")),
    "turven": (("dagen", "day", "days"),),
}


def text_key(text: str) -> str:
    """A question's text as part of a key: its letters and digits; a long one shortened with a hash."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("×", "x")).strip("-") or "x"
    return slug if len(slug) <= 48 else f"{slug[:40]}-{hashlib.sha1(slug.encode()).hexdigest()[:6]}"


def identify(sheet: dict, *, strict: bool = True) -> dict:
    """Give every field of a (Dutch) sheet its key from its text; two fields with one key stop the build
    (strict=False: the later one keeps it, for reading old keys)."""
    seen: dict[str, str] = {}

    def key(value: str, what: str, part: dict) -> str:
        if value in seen and strict:
            raise BlockError(f"two fields of this worksheet would keep their answers under the same name "
                             f"('{value}'): {seen[value]} and {what}. Give each question, column or part its own text "
                             "(e.g. a different 'titel' for a second table), so that answers cannot mix.",
                             part.get("regel"))
        seen[value] = what
        return value

    for part in sheet["onderdelen"]:
        kind = part["soort"]
        if kind in ("vragen", "checklist"):
            prefix = "vraag" if kind == "vragen" else "vink"
            part["sleutels"] = [key(f"{prefix}:{text_key(item)}", f"'{item}'", part) for item in part["items"]]
        elif kind in ("veld", "schaal"):
            text = part["label"] if kind == "veld" else part["vraag"]
            part["sleutel"] = key(f"{kind}:{text_key(text)}", f"'{text}'", part)
            if kind == "schaal":   # the why of the number: a key of its own, derived from the scale's
                part["waarom_sleutel"] = key(f"{part['sleutel']}:waarom", "its why field", part)
        elif kind in ("tabel", "dagen", "turven"):
            name = part.get("titel") or ("-".join(part["kolommen"]) if kind == "tabel" else kind)
            part["sleutel"] = key(f"{kind}:{text_key(name)}", f"the {kind} '{name}'", part)
            columns = part.get("kolommen") or []
            if kind == "dagen":  # the tracker's own date and done columns
                key(f"{part['sleutel']}:datum", "its date column", part)
                key(f"{part['sleutel']}:gedaan", "its done column", part)
            part["kolom_sleutels"] = [key(f"{part['sleutel']}:{text_key(c)}", f"column '{c}'", part) for c in columns]
    return sheet


def answer_parts(sheet: dict) -> list[dict]:
    """The parts that hold answers, in order (texts and steps left out)."""
    return [part for part in sheet["onderdelen"] if part["soort"] in ANSWERS]


def stems(part: dict) -> list[str]:
    """The keys of a part's fields as the page writes them, before a row's or day's suffix (':r2', ':d3', ':waarom');
    a table's own key is only part of its columns' keys."""
    if part["soort"] in ("vragen", "checklist"):
        return list(part["sleutels"])
    if part["soort"] == "tabel":
        return list(part["kolom_sleutels"])
    return [part["sleutel"], *part.get("kolom_sleutels", [])]


def differences(english: dict, dutch: dict, dutch_line) -> list[BlockError]:
    """Every way the English sheet's answer parts differ from the Dutch sheet's (empty: they pair up).
    dutch_line(part) -> the Dutch part's line in its file, for the message."""
    mine, theirs = answer_parts(english), answer_parts(dutch)
    problems = []
    for place, (own, twin) in enumerate(zip(mine, theirs), 1):
        where = f"the Dutch sheet's {ordinal(place)} part with answers ('{twin['soort']}', line {dutch_line(twin)})"
        if own["soort"] != twin["soort"]:
            problems.append(BlockError(
                f"this is the English sheet's {ordinal(place)} part with answers, a '{own['soort']}', but {where} is "
                f"a '{twin['soort']}'. An English field keeps its answers under the key of the Dutch field in the "
                "same place: give both sheets the same parts with answers in the same order (texts may differ).",
                own.get("regel")))
            continue
        if own["soort"] == "schaal" and (own["van"], own["tot"]) != (twin["van"], twin["tot"]):
            problems.append(BlockError(
                f"this 'schaal' runs from {own['van']} to {own['tot']}, {where} from {twin['van']} to {twin['tot']}; "
                "give both the same 'van' and 'tot', so that a number ticked in one language shows in the other.",
                own.get("regel")))
        for field, one, many in ANSWERS[own["soort"]]:
            a, b = size(own.get(field)), size(twin.get(field))
            if a != b:
                problems.append(BlockError(
                    f"this '{own['soort']}' part has {a} {one if a == 1 else many}, {where} has {b}; give both the "
                    f"same {many} in the same order, so that each English field keeps the answers of its Dutch twin.",
                    own.get("regel")))
    if len(mine) != len(theirs):
        extra = mine[len(theirs):]
        if extra:
            problems.append(BlockError(
                f"the English worksheet has {len(mine)} parts with answers, the Dutch one {len(theirs)}: this "
                f"'{extra[0]['soort']}' part has no Dutch twin. Add it to the Dutch sheet too (at the same place), "
                "or remove it here.", extra[0].get("regel")))
        else:
            missing = theirs[len(mine)]
            problems.append(BlockError(
                f"the English worksheet has {len(mine)} parts with answers, the Dutch one {len(theirs)}: the Dutch "
                f"'{missing['soort']}' part on line {dutch_line(missing)} has no English twin. Translate it and add "
                "it here at the same place, or remove it there.", None))
    return problems


def size(value) -> int:
    """A count for the comparison: a list's length, a number itself."""
    return len(value) if isinstance(value, (list, tuple)) else int(value or 0)


def ordinal(n: int) -> str:
    """1 -> '1st', 2 -> '2nd', 11 -> '11th'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def follow(english: dict, dutch: dict) -> dict[str, str]:
    """Give the English sheet the keys of the (identified) Dutch sheet, part by part (differences() must be
    empty), and return its old keys: {key from the English text: key now} where they differ."""
    before = identify(copy.deepcopy(english), strict=False)
    for own, twin in zip(answer_parts(english), answer_parts(dutch)):
        for name in ("sleutels", "sleutel", "waarom_sleutel", "kolom_sleutels"):
            if name in twin:
                own[name] = list(twin[name]) if isinstance(twin[name], list) else twin[name]
    pairs = [pair for old_part, new_part in zip(answer_parts(before), answer_parts(english))
             for pair in zip(stems(old_part), stems(new_part))]
    now = {new for _, new in pairs}
    olds = [old for old, _ in pairs]
    # an old key that two fields had, or that a field has now, cannot say whose answer it holds: it stays
    return {old: new for old, new in pairs if old != new and old not in now and olds.count(old) == 1}
