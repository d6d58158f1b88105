"""The geometry of the interpersonal circle, in SVG viewBox units (hooks/cirkel.py draws with it).

Angles are degrees clockwise from the top; sector i spans i*45..(i+1)*45, so the axes (0, 90, 180, 270
degrees) are borders between sectors. cirkel.js redraws profiles with the same formulas (num, wedge).
"""
from __future__ import annotations

import math

SECTOR = 45.0
R = 170.0
CX, CY = 104.0 + R, 50.0 + R          # room beside the circle for the axis labels
VIEW_W, VIEW_H = 2 * CX, 2 * CY
ARROW_RADIUS = 0.42 * R
PROFILE_MAX = 10


def sector_range(index: int) -> tuple[float, float]:
    """Start and end angle of sector `index` (degrees clockwise from the top)."""
    return index * SECTOR, (index + 1) * SECTOR


def sector_center(index: int) -> float:
    """The angle halfway a sector."""
    start, end = sector_range(index)
    return (start + end) / 2


def point(angle: float, radius: float, cx: float = CX, cy: float = CY) -> tuple[float, float]:
    """The point at `angle` (clockwise from the top) and `radius` from the centre, in SVG coordinates."""
    rad = math.radians(angle)
    return cx + radius * math.sin(rad), cy - radius * math.cos(rad)


def angle_of(x: float, y: float, cx: float = CX, cy: float = CY) -> float:
    """The angle (clockwise from the top, 0 <= angle < 360) of a point seen from the centre."""
    return math.degrees(math.atan2(x - cx, cy - y)) % 360


def sector_at(angle: float) -> int:
    """The index of the sector that holds `angle`."""
    return int((angle % 360) // SECTOR)


def mirror(index: int) -> int:
    """The sector mirrored across the horizontal axis: same nabijheid, opposite invloed."""
    return sector_at(180 - sector_center(index))


def num(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros (as cirkel.js writes them)."""
    out = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if out in ("-0", "") else out


def wedge(index: int, radius: float) -> str:
    """SVG path data of sector `index` filled out to `radius`."""
    start, end = sector_range(index)
    x1, y1 = point(start, radius)
    x2, y2 = point(end, radius)
    r = num(radius)
    return f"M{num(CX)} {num(CY)}L{num(x1)} {num(y1)}A{r} {r} 0 0 1 {num(x2)} {num(y2)}Z"


def profile_path(values: dict[str, float], order: list[str]) -> str:
    """One path of wedges, one per sector (in `order`) with a value above 0, radius proportional to the value."""
    return "".join(wedge(i, R * values[name] / PROFILE_MAX)
                   for i, name in enumerate(order) if values.get(name, 0) > 0)


def label_point(index: int) -> tuple[float, float]:
    """Where a sector's name is written (horizontally, centred): inside its own wedge, in the widest
    horizontal stretch between the wedge's border lines and the rim.

    Beside the horizontal axis a wedge is widest close to that axis, so the name sits just above or
    below it, halfway between the diagonal and the rim. Beside the vertical axis a wedge is narrow
    near the centre, so the name goes further out, between the axis and the diagonal.
    """
    centre = sector_center(index)
    right = math.sin(math.radians(centre)) > 0
    top = math.cos(math.radians(centre)) > 0
    if index in (0, 3, 4, 7):  # the four sectors that touch the vertical axis
        dx, dy = 0.36 * R, 0.64 * R
    else:
        dy = 0.21 * R
        edge = dy + 0.056 * R  # the text's far edge from the axis (half a line of 17 units)
        dx = (edge + math.sqrt(R * R - edge * edge)) / 2
    return CX + (dx if right else -dx), CY + (-dy if top else dy)


def axis_lines() -> dict[str, tuple[float, float, float, float]]:
    """The two axes as (x1, y1, x2, y2), drawn on the sector borders at 0/180 and 90/270 degrees."""
    top, bottom = point(0, R + 6), point(180, R + 6)
    right, left = point(90, R + 6), point(270, R + 6)
    return {"invloed": (*top, *bottom), "nabijheid": (*left, *right)}


def arrow(van: int, naar: int, *, both_ways: bool = False) -> dict:
    """An arrow from one sector to the other: curved (bending left of its direction, so that the two
    directions of a pair separate), or straight with two heads when both directions are shown."""
    x1, y1 = point(sector_center(van), ARROW_RADIUS)
    x2, y2 = point(sector_center(naar), ARROW_RADIUS)
    if both_ways:
        return {"d": f"M{num(x1)} {num(y1)}L{num(x2)} {num(y2)}", "x1": num(x1), "y1": num(y1), "dubbel": True}
    dx, dy = x2 - x1, y2 - y1
    bend = 0.18
    qx, qy = (x1 + x2) / 2 + dy * bend, (y1 + y2) / 2 - dx * bend
    return {"d": f"M{num(x1)} {num(y1)}Q{num(qx)} {num(qy)} {num(x2)} {num(y2)}",
            "x1": num(x1), "y1": num(y1), "dubbel": False}


LABEL_LINE = 14  # characters per label line: longer names (English QTI names) wrap inside their sector


def label_lines(name: str) -> list[str]:
    """A sector name broken into short lines, after a slash or between words, so it stays in its sector."""
    words = name.replace("/", "/ ").split()
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + len(word) < LABEL_LINE and not lines[-1].endswith("/"):
            lines[-1] += " " + word
        else:
            lines.append(word)
    # a space stays at the end of a line broken between words, so the text reads whole to screen readers
    return [line if line.endswith("/") or i == len(lines) - 1 else line + " " for i, line in enumerate(lines)]
