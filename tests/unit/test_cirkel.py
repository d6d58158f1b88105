"""The interpersonal circle (hooks/cirkel.py): geometry, complementarity, the block parser with every
error message, the rendered HTML, a strict build that stops on a bad block, and the built explorer page.
"""
from __future__ import annotations

import copy
import html.parser
import json
import math
import re
import textwrap
import types

import pytest

import cirkel
import cirkel_meetkunde as geo
import gereedschap
from conftest import ROOT

ORDER = ["leidend", "helpend", "begrijpend", "inschikkelijk", "onzeker", "ontevreden", "confronterend", "streng"]
VALID = "Valid sectors: " + ", ".join(ORDER) + "."
MIRROR = {"leidend": "inschikkelijk", "inschikkelijk": "leidend", "helpend": "begrijpend",
          "begrijpend": "helpend", "onzeker": "streng", "streng": "onzeker",
          "ontevreden": "confronterend", "confronterend": "ontevreden"}


# ----------------------------------------------------------------------------------------- helpers

class Svg(html.parser.HTMLParser):
    """Collects elements (tag, attributes, text) of rendered circle HTML, in document order."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self._open: list[dict] = []
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, **{k: (v if v is not None else "") for k, v in attrs}, "text": ""}
        self.elements.append(element)
        if tag not in ("path", "line", "circle", "rect", "input", "stop"):
            self._open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append({"tag": tag, **{k: (v if v is not None else "") for k, v in attrs}, "text": ""})

    def handle_endtag(self, tag):
        while self._open:
            if self._open.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for element in self._open:
            element["text"] += data

    def find(self, tag=None, **attrs) -> list[dict]:
        """Elements with this tag whose attributes contain these values (class matches a word)."""
        found = []
        for e in self.elements:
            if tag and e["tag"] != tag:
                continue
            if all((value in e.get("class", "").split()) if key == "class_" else e.get(key) == value
                   for key, value in attrs.items()):
                found.append(e)
        return found


def path_points(d: str) -> list[tuple[float, float]]:
    """The coordinate pairs of an SVG path (M, L, A end points; arc radii left out)."""
    points = []
    for command, args in re.findall(r"([MLAQZ])([^MLAQZ]*)", d):
        numbers = [float(n) for n in args.split()]
        if command == "A":
            numbers = numbers[5:]
        points += list(zip(numbers[0::2], numbers[1::2]))
    return points


@pytest.fixture
def convert(markdown):
    """Markdown in, HTML out, on a page at docs/theorie/proef.md (or another src_uri); no warnings allowed."""
    def run(source: str, src_uri: str = "theorie/proef.md") -> str:
        result = markdown(source, src_uri=src_uri)
        assert result.warnings == []
        return result.html
    return run


# ---------------------------------------------------------------------------------------- geometry

def test_the_eight_sectors_clockwise_from_the_top():
    """The data file lists the sectors in the model's order; each is a 45-degree wedge."""
    assert cirkel.sector_ids() == ORDER
    for index in range(8):
        assert geo.sector_range(index) == (45 * index, 45 * (index + 1))


@pytest.mark.parametrize("index", range(8))
def test_each_label_lies_inside_its_own_sector(index):
    """A sector's name is anchored strictly inside its own wedge (angle and radius)."""
    x, y = geo.label_point(index)
    start, end = geo.sector_range(index)
    assert start < geo.angle_of(x, y) < end
    assert math.dist((x, y), (geo.CX, geo.CY)) < geo.R


def test_axes_lie_on_sector_borders_with_the_poles_in_place():
    """Invloed is vertical (dominant on top), nabijheid horizontal (samen right); both are borders."""
    axes = geo.axis_lines()
    x1, y1, x2, y2 = axes["invloed"]
    assert x1 == pytest.approx(geo.CX) and x2 == pytest.approx(geo.CX) and y1 < geo.CY < y2
    x1, y1, x2, y2 = axes["nabijheid"]
    assert y1 == pytest.approx(geo.CY) and y2 == pytest.approx(geo.CY) and x1 < geo.CX < x2
    # Top of the vertical axis (0 degrees) is the border streng | leidend, its bottom inschikkelijk | onzeker;
    # the right end (90) the border helpend | begrijpend, the left end (270) ontevreden | confronterend.
    borders = {0: ("streng", "leidend"), 90: ("helpend", "begrijpend"),
               180: ("inschikkelijk", "onzeker"), 270: ("ontevreden", "confronterend")}
    for angle, (before, after) in borders.items():
        assert geo.sector_range(ORDER.index(before))[1] % 360 == angle
        assert geo.sector_range(ORDER.index(after))[0] == angle
    labels = {label["pool"]: label for label in cirkel.axis_labels("nl")}
    assert float(labels["dominant"]["pool_y"]) < geo.CY - geo.R < geo.CY + geo.R < float(labels["volgzaam"]["pool_y"])
    assert float(labels["tegen"]["x"]) < geo.CX - geo.R and float(labels["samen"]["x"]) > geo.CX + geo.R
    assert labels["dominant"]["as"] == labels["volgzaam"]["as"] == "INVLOED"
    assert labels["tegen"]["as"] == labels["samen"]["as"] == "NABIJHEID"


def test_dominant_sectors_are_on_top_and_friendly_sectors_on_the_right():
    """Leidend, helpend, confronterend and streng lie above the horizontal axis; the first four on the right."""
    for index, name in enumerate(ORDER):
        x, y = geo.point(geo.sector_center(index), geo.R / 2)
        assert (y < geo.CY) == (name in ("leidend", "helpend", "confronterend", "streng")), name
        assert (x > geo.CX) == (name in ("leidend", "helpend", "begrijpend", "inschikkelijk")), name


def test_a_wedge_runs_from_the_centre_along_its_two_borders():
    """wedge(0, R) starts at the centre, goes straight up, and sweeps clockwise to 45 degrees."""
    points = path_points(geo.wedge(0, geo.R))
    assert points[0] == (geo.CX, geo.CY)
    assert points[1] == pytest.approx((geo.CX, geo.CY - geo.R), abs=0.01)
    assert geo.angle_of(*points[2]) == pytest.approx(45, abs=0.01)
    assert " 0 0 1 " in geo.wedge(0, geo.R)  # sweep flag 1: clockwise on screen


def test_profile_radius_is_proportional_to_the_value():
    """A profile value v draws its wedge out to v/10 of the radius; 0 draws nothing."""
    path = geo.profile_path({"helpend": 5, "streng": 10, "onzeker": 0}, ORDER)
    wedges = re.findall(r"M[^Z]*Z", path)
    assert len(wedges) == 2
    radii = [math.dist(path_points(w)[1], (geo.CX, geo.CY)) for w in wedges]
    assert radii == pytest.approx([geo.R / 2, geo.R], abs=0.01)
    helpend, streng = path_points(wedges[0]), path_points(wedges[1])
    assert [geo.angle_of(*helpend[1]), geo.angle_of(*helpend[2])] == pytest.approx([45, 90], abs=0.01)
    assert geo.angle_of(*streng[1]) == pytest.approx(315, abs=0.01)


# ------------------------------------------------------------------------------- complementarity

@pytest.mark.parametrize("teacher", ORDER)
def test_complementarity_table_is_the_mirror_rule(teacher):
    """The table in cirkel.yml: same side on nabijheid, opposite side on invloed, for all eight sectors."""
    table = cirkel.load_data()["complementariteit"]
    pupil = table[teacher]
    assert pupil == MIRROR[teacher]
    assert pupil == ORDER[geo.mirror(ORDER.index(teacher))]
    tx, ty = geo.point(geo.sector_center(ORDER.index(teacher)), geo.R)
    px, py = geo.point(geo.sector_center(ORDER.index(pupil)), geo.R)
    assert (tx > geo.CX) == (px > geo.CX)            # nabijheid: the same
    assert (ty < geo.CY) != (py < geo.CY)            # invloed: the opposite
    assert px == pytest.approx(tx) and py - geo.CY == pytest.approx(geo.CY - ty)  # exactly mirrored


def test_mirror_rule_check_bites():
    """A wrong pairing (leidend -> helpend) breaks the geometric rule the table test relies on."""
    tx, ty = geo.point(geo.sector_center(0), geo.R)
    px, py = geo.point(geo.sector_center(1), geo.R)
    assert not ((tx > geo.CX) == (px > geo.CX) and (ty < geo.CY) != (py < geo.CY))


def test_data_file_checks_report_what_is_wrong():
    """A damaged data file names the missing sector text, the short sector list and the broken table."""
    data = copy.deepcopy(cirkel.load_data())
    assert cirkel.data_problems(data) == []
    del data["sectoren"][1]["naam"]["en"]
    data["sectoren"].pop()
    data["complementariteit"]["leidend"] = "niemand"
    problems = cirkel.data_problems(data)
    assert "sector 'helpend' has no 'naam' in 'en'" in problems
    assert any(p.startswith("expected 8 different sectors") for p in problems)
    assert any(p.startswith("'complementariteit' must map each of") for p in problems)


# ------------------------------------------------------------------------------------------ parser

def test_defaults_and_friendly_forms():
    """An empty block gets defaults; one sector may be written without a list; repeats are dropped."""
    assert cirkel.parse_block("") == {"taal": None, "grootte": 440, "bijschrift": "", "markeer": [],
                                      "complementariteit": [], "profiel": {}}
    options = cirkel.parse_block("markeer: streng\ncomplementariteit: [leidend, leidend]\n"
                                 "profiel: {helpend: 7.5, streng: 0}\ngrootte: 200\ntaal: en")
    assert options["markeer"] == ["streng"] and options["complementariteit"] == ["leidend"]
    assert options["profiel"] == {"helpend": 7.5, "streng": 0}
    assert (options["grootte"], options["taal"]) == (200, "en")
    assert cirkel.parse_block("", "cirkel-reflectie") == {"grootte": 400, "taal": None}


ERRORS = [
    ('cirkel', 'markeer: [leidend, leident]',
     f"line 11: unknown sector 'leident' in option 'markeer'; did you mean 'leidend'? {VALID}"),
    ('cirkel', 'bijschrift: Figuur\nmarkeer:\n  - leidend\n  - helpnd',
     f"line 14: unknown sector 'helpnd' in option 'markeer'; did you mean 'helpend'? {VALID}"),
    ('cirkel', 'markeer: [paars]',
     f"line 11: unknown sector 'paars' in option 'markeer'. {VALID}"),
    ('cirkel', 'complementariteit: [streg]',
     f"line 11: unknown sector 'streg' in option 'complementariteit'; did you mean 'streng'? {VALID}"),
    ('cirkel', 'profiel:\n  leidend: 5\n  onzekr: 2',
     f"line 13: unknown sector 'onzekr' in option 'profiel'; did you mean 'onzeker'? {VALID}"),
    ('cirkel', 'profiel: {leidend: 11}',
     "line 11: option 'profiel': the value for 'leidend' must be a number from 0 to 10, not a number (11)."),
    ('cirkel', 'profiel: {leidend: -1}',
     "line 11: option 'profiel': the value for 'leidend' must be a number from 0 to 10, not a number (-1)."),
    ('cirkel', 'profiel: {leidend: veel}',
     "line 11: option 'profiel': the value for 'leidend' must be a number from 0 to 10, not a text ('veel')."),
    ('cirkel', 'profiel: {leidend: yes}',
     "line 11: option 'profiel': the value for 'leidend' must be a number from 0 to 10, not a yes/no value (true)."),
    ('cirkel', 'profiel: [leidend, helpend]',
     "line 11: option 'profiel' must be names with a number from 0 to 10, e.g. {leidend: 8}, not a list."),
    ('cirkel', 'grootte: 150',
     "line 11: option 'grootte' is 150; it must be from 200 to 800."),
    ('cirkel', 'grootte: 900',
     "line 11: option 'grootte' is 900; it must be from 200 to 800."),
    ('cirkel', 'grootte: 300.5',
     "line 11: option 'grootte' must be a whole number from 200 to 800, not a number (300.5)."),
    ('cirkel', 'grootte: groot',
     "line 11: option 'grootte' must be a whole number from 200 to 800, not a text ('groot')."),
    ('cirkel', 'taal: de',
     "line 11: unknown language 'de' in option 'taal'. Valid languages: nl, en."),
    ('cirkel', 'taal: nll',
     "line 11: unknown language 'nll' in option 'taal'; did you mean 'nl'? Valid languages: nl, en."),
    ('cirkel', 'taal: 1',
     "line 11: option 'taal' must be one of nl, en, not a number (1)."),
    ('cirkel', 'markeren: [leidend]',
     "line 11: unknown option 'markeren'; did you mean 'markeer'? Valid options: bijschrift, markeer, complementariteit, profiel, grootte, taal."),
    ('cirkel-verkenner', 'markeer: leidend',
     "line 11: unknown option 'markeer'. Valid options: grootte, taal."),
    ('cirkel-reflectie', 'taal: en\ngrote: 300',
     "line 12: unknown option 'grote'; did you mean 'grootte'? Valid options: grootte, taal."),
    ('cirkel', 'taal: nl\ntaal: en',
     "line 12: field 'taal' appears twice here; keep one."),
    ('cirkel', 'bijschrift: 3',
     "line 11: option 'bijschrift' must be a text, not a number (3); put it in quotes."),
    ('cirkel', "bijschrift: ''",
     "line 11: option 'bijschrift' is empty; write it or leave the field out."),
    ('cirkel', 'markeer: {leidend: 1}',
     "line 11: option 'markeer' must be a name or a list of names: leidend, helpend, begrijpend, inschikkelijk, onzeker, ontevreden, confronterend, streng, not a group of fields."),
    ('cirkel', 'markeer: [leidend, 3]',
     "line 11: option 'markeer' must be a name or a list of names: leidend, helpend, begrijpend, inschikkelijk, onzeker, ontevreden, confronterend, streng, not a number (3)."),
    ('cirkel', '- leidend\n- helpend',
     "line 11: write the options as 'name: value' lines, e.g. 'taal: nl'"),
    ('cirkel', 'markeer: [leidend\nbijschrift: x',
     "line 11: YAML syntax error: while parsing a flow sequence, did not find expected ',' or ']'. Check the indentation (spaces, no tabs) and put a text in quotes when it contains ': ' or starts with a quote, '-', '[', '{' or '*'."),
    ('cirkel', 'bijschrift: "open',
     "line 11: YAML syntax error: while scanning a quoted scalar, found unexpected end of stream. Check the indentation (spaces, no tabs) and put a text in quotes when it contains ': ' or starts with a quote, '-', '[', '{' or '*'."),
    ('cirkel', 'grootte: !!int abc',
     "line 11: '!!int' is a YAML tag; tags are not allowed in a block. Write the plain value (a number, or a text in quotes)."),
    ('cirkel', 'markeer: !foo leidend',
     "line 11: '!foo' is a YAML tag; tags are not allowed in a block. Write the plain value (a number, or a text in quotes)."),
    ('cirkel', 'a: &x [1]\nb: *x',
     "line 11: '&x' is a YAML anchor or alias; they are not allowed in a block. Write the text out where you need it."),
]


def circle_page(kind: str, source: str) -> str:
    """A page whose fence is on line 10 (so the block's first line is line 11)."""
    return "\n" * 9 + f"```{kind}\n{source}\n```\n"


@pytest.mark.parametrize("kind, source, message", ERRORS, ids=[e[2][9:60] for e in ERRORS])
def test_bad_blocks_give_file_line_and_valid_names(markdown, kind, source, message):
    """Each error names the file and line and, where it helps, the valid names; the page shows a box, not code."""
    result = markdown(circle_page(kind, source), src_uri="theorie/proef.md")
    assert result.warnings == [f"docs/theorie/proef.md, {message}"]
    assert "blokfout" in result.html and "language-cirkel" not in result.html and "<svg" not in result.html


def test_errors_point_at_the_line_in_the_page(markdown):
    """Through Markdown: the error names the page file and the line of the bad value inside the page."""
    source = textwrap.dedent("""\
        # Proef

        ```cirkel
        markeer: leidend
        ```

        !!! note "Kader"

            ```cirkel
            bijschrift: Tweede
            markeer: [helpend, leident]
            ```
        """)
    assert markdown(source, src_uri="theorie/proef.md").warnings == [
        f"docs/theorie/proef.md, line 11: unknown sector 'leident' in option 'markeer'; did you mean 'leidend'? {VALID}"]


def test_on_config_registers_each_fence_once():
    """on_config runs once per language; the fences are registered only once."""
    from markdownpagina import fake_config
    config = fake_config()
    cirkel.on_config(config)
    cirkel.on_config(config)
    names = [f["name"] for f in config.mdx_configs["pymdownx.superfences"]["custom_fences"]]
    assert names == ["cirkel", "cirkel-verkenner", "cirkel-reflectie"]


def test_a_link_to_a_missing_page_is_reported():
    """A 'helpt' target that is not a page in docs/ is reported with the data file's name."""
    page = gereedschap.PageContext(extra={"files": types.SimpleNamespace(get_file_from_path=lambda path: None)})
    with pytest.raises(gereedschap.BlockError, match=r"^data/cirkel.yml: link target 'aanbevelingen/x.md' is not a page in docs/$"):
        cirkel.link_from_page("aanbevelingen/x.md#a", page)


def test_an_unexpected_failure_is_reported_instead_of_showing_code(markdown, monkeypatch):
    """Superfences turns a formatter's exception into a plain code block; ours becomes a warning and a box."""
    monkeypatch.setitem(cirkel.RENDER, "cirkel-reflectie", lambda *args: 1 / 0)
    result = markdown("# Proef\n\n```cirkel-reflectie\n```\n", src_uri="theorie/proef.md")
    assert result.warnings == ["docs/theorie/proef.md, line 3: could not render this 'cirkel-reflectie' block "
                               "(ZeroDivisionError: division by zero). Check the block against REDACTIE.md."]
    assert "<pre" not in result.html and "blokfout" in result.html


def test_readme_table_of_options_is_generated_from_the_option_tables():
    """REDACTIE.md's table of the circle's options is cirkel.readme_table() (scripts/readme-tabellen writes it)."""
    readme = (ROOT / "REDACTIE.md").read_text(encoding="utf-8")
    table = re.search(r"<!-- cirkel-opties:begin -->\n(.*?)\n<!-- cirkel-opties:end -->", readme, re.S)
    assert table and table.group(1) == cirkel.readme_table(), "run scripts/readme-tabellen"


# ---------------------------------------------------------------------------------------- rendering

FIGURE = """\
# Proef

```cirkel
bijschrift: "Figuur 1: <b>cirkel</b> & co"
markeer: [leidend, helpend]
complementariteit: [leidend, confronterend]
profiel: {leidend: 8, helpend: 7, begrijpend: 6, inschikkelijk: 3, onzeker: 2, ontevreden: 2, confronterend: 3, streng: 5}
grootte: 420
```

```cirkel
taal: en
```
"""


@pytest.fixture
def figure_html(convert) -> str:
    """Two circles on one page, rendered through Markdown."""
    return convert(FIGURE)


def test_rendered_svg_is_an_accessible_image(figure_html):
    """role="img" labelled by its own <title> and <desc>; ids differ between the two circles."""
    doc = Svg(figure_html)
    svgs = doc.find("svg")
    assert len(svgs) >= 2
    main = [s for s in svgs if s.get("role") == "img"]
    assert len(main) == 2
    ids = [e["id"] for e in doc.elements if e.get("id")]
    assert len(ids) == len(set(ids)), "ids must be unique on the page"
    for svg in main:
        title_id, desc_id = svg["aria-labelledby"].split()
        assert doc.find("title", id=title_id)[0]["text"] == ("De interpersoonlijke cirkel" if svg["lang"] == "nl"
                                                               else "The interpersonal circle")
        desc = doc.find("desc", id=desc_id)[0]["text"]
        assert "dominant boven, volgzaam onder" in desc or "dominant at the top" in desc
    assert main[0]["width"] == "420" and main[1]["width"] == "440"
    first_desc = doc.find("desc", id="cirkel-1-desc")[0]["text"]
    assert "Gemarkeerd: leidend, helpend." in first_desc
    assert "Pijl van leidend naar inschikkelijk" in first_desc and "Profiel (0 tot 10): leidend 8" in first_desc


def test_long_english_names_wrap_into_short_lines_that_read_as_the_name():
    assert geo.label_lines("leadership") == ["leadership"]
    assert geo.label_lines("helpful/friendly") == ["helpful/", "friendly"]
    lines = geo.label_lines("student responsibility/freedom")
    assert lines == ["student ", "responsibility/", "freedom"]
    assert "".join(lines) == "student responsibility/freedom"


def test_sector_labels_are_text_in_order_inside_their_sectors(figure_html):
    """Eight <text> labels per circle, clockwise from the top, each drawn inside its own sector."""
    doc = Svg(figure_html)
    labels = doc.find("text", class_="cirkel-label")
    assert [label["text"] for label in labels[:8]] == ORDER
    assert [label["text"] for label in labels[8:]] == ["leadership", "helpful/friendly", "understanding", "student responsibility/freedom",
                                                        "uncertain", "dissatisfied", "admonishing", "strict"]
    for index, label in enumerate(labels[:8]):
        angle = geo.angle_of(float(label["x"]), float(label["y"]))
        assert geo.sector_at(angle) == index, label["text"]


def test_axes_are_labelled_in_the_language_of_the_block(figure_html):
    """INVLOED / dominant / volgzaam and NABIJHEID / tegen / samen in Dutch, and in English for taal: en."""
    doc = Svg(figure_html)
    words = [e["text"] for e in doc.find("text") if "cirkel-label" not in e.get("class", "")]
    assert words[:8] == ["INVLOED", "dominant", "INVLOED", "volgzaam", "NABIJHEID", "tegen", "NABIJHEID", "samen"]
    assert words[8:] == ["INFLUENCE", "dominant", "INFLUENCE", "submissive", "PROXIMITY", "opposition",
                         "PROXIMITY", "cooperation"]
    axes = doc.find("line", class_="cirkel-as")
    assert [a["data-as"] for a in axes[:2]] == ["invloed", "nabijheid"]


def test_highlight_arrows_and_profile_are_drawn(figure_html):
    """Highlighted wedges, arrows from teacher to invited pupil sector, one path of eight profile wedges."""
    doc = Svg(figure_html)
    assert [e["data-sector"] for e in doc.find("path", class_="cirkel-markeer")] == ["leidend", "helpend"]
    arrows = doc.find("g", class_="cirkel-pijl")
    assert [(a["data-van"], a["data-naar"]) for a in arrows] == [("leidend", "inschikkelijk"),
                                                                  ("confronterend", "ontevreden")]
    profile = doc.find("path", class_="cirkel-profiel--nu")
    assert len(profile) == 1 and profile[0]["d"].count("Z") == 8
    assert "url(#cirkel-1-arcering)" in figure_html and 'id="cirkel-1-arcering"' in figure_html
    assert "url(#cirkel-2-" not in figure_html.split('id="cirkel-2"')[0]


def test_a_pair_that_invites_each_other_becomes_one_double_arrow(convert):
    """leidend and inschikkelijk both listed: one straight arrow with two heads; helpend alone: one head."""
    html = convert("```cirkel\ncomplementariteit: [inschikkelijk, helpend, leidend]\n```\n")
    doc = Svg(html)
    arrows = doc.find("g", class_="cirkel-pijl")
    assert [(a["data-van"], a["data-naar"], "data-dubbel" in a) for a in arrows] == [
        ("helpend", "begrijpend", False), ("leidend", "inschikkelijk", True)]
    paths = doc.find("path", **{"marker-end": "url(#cirkel-1-pijlpunt)"})
    assert ["marker-start" in p for p in paths] == [False, True]
    assert len(doc.find("details", class_="cirkel-tekstversie")[0]["text"].split("Pijl van")) == 4
    assert "dubbele pijl" in html and "pijl: gedrag van de leerkracht" in html


def test_caption_is_escaped_and_text_version_lists_the_sectors(figure_html):
    """The caption is a <figcaption> with its text escaped; below, all eight sectors with a description."""
    assert "<figcaption>Figuur 1: &lt;b&gt;cirkel&lt;/b&gt; &amp; co</figcaption>" in figure_html
    assert "<b>cirkel</b>" not in figure_html
    doc = Svg(figure_html)
    details = doc.find("details", class_="cirkel-tekstversie")
    assert len(details) == 2
    text = details[0]["text"]
    positions = [text.index(f"{name}") for name in ORDER]
    assert positions == sorted(positions)
    assert "leidend (gemarkeerd): Je neemt de leiding en geeft richting. (profiel: 8)" in text
    assert "Pijl van confronterend naar ontevreden" in text
    assert "Text version of the figure" in details[1]["text"]


def test_explorer_renders_radios_panels_and_every_arrow(convert):
    """The explorer: eight radios (first checked), eight panels with links, an arrow for every sector."""
    html = convert("```cirkel-verkenner\n```\n", "theorie/cirkel-verkenner.md")
    doc = Svg(html)
    radios = doc.find("input", type="radio")
    assert [r["value"] for r in radios] == ORDER and "checked" in radios[0] and "checked" not in radios[1]
    panels = doc.find("section", class_="cirkel-paneel")
    assert [p["data-sector"] for p in panels] == ORDER
    assert [(a["data-van"], a["data-naar"]) for a in doc.find("g", class_="cirkel-pijl")] == [
        (name, MIRROR[name]) for name in ORDER]
    assert "Wat het bij leerlingen vaak uitlokt: inschikkelijk gedrag" in panels[0]["text"]
    links = [e["href"] for e in doc.find("a")]
    assert "../aanbevelingen/3-autonomie-en-structuur.html#aanbeveling-3-2" in links
    assert len(doc.find("path", class_="cirkel-keuze")) == 8


def test_reflection_renders_labelled_sliders_and_the_disclaimer(convert):
    """Sixteen sliders labelled by sector and column, two empty profiles, the plain statement on QTI/VIL."""
    html = convert("```cirkel-reflectie\n```\n")
    doc = Svg(html)
    sliders = doc.find("input", type="range")
    assert len(sliders) == 16
    ids = {e["id"] for e in doc.elements if e.get("id")}
    for slider in sliders:
        assert (slider["min"], slider["max"]) == ("0", "10")
        assert all(part in ids for part in slider["aria-labelledby"].split())
    assert [p["data-profiel"] for p in doc.find("path", class_="cirkel-profiel")] == ["nu", "gewenst"]
    note = doc.find("p", class_="cirkel-noot")[0]["text"]
    assert "geen gevalideerde vragenlijst" in note
    assert "QTI (Questionnaire on Teacher Interaction)" in note and "VIL (Vragenlijst Interpersoonlijk Leraarsgedrag)" in note


def test_an_english_page_gets_english_labels_by_default(convert):
    """Without taal, the language follows the page file (.en.md -> en)."""
    html = convert("```cirkel\n```\n", "theorie/proef.en.md")
    assert 'lang="en"' in html and ">leadership</text>" in html


