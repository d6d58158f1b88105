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

import markdown
import pytest
from mkdocs.exceptions import PluginError
from pymdownx.superfences import SuperFencesException

import cirkel
from conftest import ROOT, build_site
from sitehtml import Page, broken_links

ORDER = ["leidend", "helpend", "begrijpend", "inschikkelijk", "onzeker", "ontevreden", "confronterend", "streng"]
VALID = "Valid sectors: " + ", ".join(ORDER)
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


def convert(source: str, page=None) -> str:
    """Markdown in, HTML out, with our fences registered as MkDocs would (via on_config)."""
    config = types.SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"), site_name="Leidraad",
                                   markdown_extensions=["admonition"], mdx_configs={})
    cirkel.on_config(config)
    cirkel.on_page_markdown(source, page=page, config=config, files=None)
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    return md.convert(source)


def fake_page(src_uri: str = "theorie/proef.md"):
    """Just enough of a MkDocs page for the hook: its file's paths and URL."""
    file = types.SimpleNamespace(src_uri=src_uri, abs_src_path=str(ROOT / "docs" / src_uri),
                                 url=src_uri.replace(".md", ".html"), content_string="")
    return types.SimpleNamespace(file=file)


def path_points(d: str) -> list[tuple[float, float]]:
    """The coordinate pairs of an SVG path (M, L, A end points; arc radii left out)."""
    points = []
    for command, args in re.findall(r"([MLAQZ])([^MLAQZ]*)", d):
        numbers = [float(n) for n in args.split()]
        if command == "A":
            numbers = numbers[5:]
        points += list(zip(numbers[0::2], numbers[1::2]))
    return points


@pytest.fixture(autouse=True)
def no_page_left_over():
    """Each test starts without a page remembered by the hook."""
    cirkel._state.update(page=None, files=None, fences=[], count=0)
    yield
    cirkel._state.update(page=None, files=None, fences=[], count=0)


# ---------------------------------------------------------------------------------------- geometry

def test_the_eight_sectors_clockwise_from_the_top():
    """The data file lists the sectors in the model's order; each is a 45-degree wedge."""
    assert cirkel.sector_ids() == ORDER
    for index in range(8):
        assert cirkel.sector_range(index) == (45 * index, 45 * (index + 1))


@pytest.mark.parametrize("index", range(8))
def test_each_label_lies_inside_its_own_sector(index):
    """A sector's name is anchored strictly inside its own wedge (angle and radius)."""
    x, y = cirkel.label_point(index)
    start, end = cirkel.sector_range(index)
    assert start < cirkel.angle_of(x, y) < end
    assert math.dist((x, y), (cirkel.CX, cirkel.CY)) < cirkel.R


def test_axes_lie_on_sector_borders_with_the_poles_in_place():
    """Invloed is vertical (dominant on top), nabijheid horizontal (samen right); both are borders."""
    axes = cirkel.axis_lines()
    x1, y1, x2, y2 = axes["invloed"]
    assert x1 == pytest.approx(cirkel.CX) and x2 == pytest.approx(cirkel.CX) and y1 < cirkel.CY < y2
    x1, y1, x2, y2 = axes["nabijheid"]
    assert y1 == pytest.approx(cirkel.CY) and y2 == pytest.approx(cirkel.CY) and x1 < cirkel.CX < x2
    # Top of the vertical axis (0 degrees) is the border streng | leidend, its bottom inschikkelijk | onzeker;
    # the right end (90) the border helpend | begrijpend, the left end (270) ontevreden | confronterend.
    borders = {0: ("streng", "leidend"), 90: ("helpend", "begrijpend"),
               180: ("inschikkelijk", "onzeker"), 270: ("ontevreden", "confronterend")}
    for angle, (before, after) in borders.items():
        assert cirkel.sector_range(ORDER.index(before))[1] % 360 == angle
        assert cirkel.sector_range(ORDER.index(after))[0] == angle
    labels = {label["pool"]: label for label in cirkel.axis_labels("nl")}
    assert float(labels["dominant"]["pool_y"]) < cirkel.CY - cirkel.R < cirkel.CY + cirkel.R < float(labels["volgzaam"]["pool_y"])
    assert float(labels["tegen"]["x"]) < cirkel.CX - cirkel.R and float(labels["samen"]["x"]) > cirkel.CX + cirkel.R
    assert labels["dominant"]["as"] == labels["volgzaam"]["as"] == "INVLOED"
    assert labels["tegen"]["as"] == labels["samen"]["as"] == "NABIJHEID"


def test_dominant_sectors_are_on_top_and_friendly_sectors_on_the_right():
    """Leidend, helpend, confronterend and streng lie above the horizontal axis; the first four on the right."""
    for index, name in enumerate(ORDER):
        x, y = cirkel.point(cirkel.sector_center(index), cirkel.R / 2)
        assert (y < cirkel.CY) == (name in ("leidend", "helpend", "confronterend", "streng")), name
        assert (x > cirkel.CX) == (name in ("leidend", "helpend", "begrijpend", "inschikkelijk")), name


def test_a_wedge_runs_from_the_centre_along_its_two_borders():
    """wedge(0, R) starts at the centre, goes straight up, and sweeps clockwise to 45 degrees."""
    points = path_points(cirkel.wedge(0, cirkel.R))
    assert points[0] == (cirkel.CX, cirkel.CY)
    assert points[1] == pytest.approx((cirkel.CX, cirkel.CY - cirkel.R), abs=0.01)
    assert cirkel.angle_of(*points[2]) == pytest.approx(45, abs=0.01)
    assert " 0 0 1 " in cirkel.wedge(0, cirkel.R)  # sweep flag 1: clockwise on screen


def test_profile_radius_is_proportional_to_the_value():
    """A profile value v draws its wedge out to v/10 of the radius; 0 draws nothing."""
    path = cirkel.profile_path({"helpend": 5, "streng": 10, "onzeker": 0})
    wedges = re.findall(r"M[^Z]*Z", path)
    assert len(wedges) == 2
    radii = [math.dist(path_points(w)[1], (cirkel.CX, cirkel.CY)) for w in wedges]
    assert radii == pytest.approx([cirkel.R / 2, cirkel.R], abs=0.01)
    helpend, streng = path_points(wedges[0]), path_points(wedges[1])
    assert [cirkel.angle_of(*helpend[1]), cirkel.angle_of(*helpend[2])] == pytest.approx([45, 90], abs=0.01)
    assert cirkel.angle_of(*streng[1]) == pytest.approx(315, abs=0.01)


# ------------------------------------------------------------------------------- complementarity

@pytest.mark.parametrize("teacher", ORDER)
def test_complementarity_table_is_the_mirror_rule(teacher):
    """The table in cirkel.yml: same side on nabijheid, opposite side on invloed, for all eight sectors."""
    table = cirkel.load_data()["complementariteit"]
    pupil = table[teacher]
    assert pupil == MIRROR[teacher]
    assert pupil == ORDER[cirkel.mirror(ORDER.index(teacher))]
    tx, ty = cirkel.point(cirkel.sector_center(ORDER.index(teacher)), cirkel.R)
    px, py = cirkel.point(cirkel.sector_center(ORDER.index(pupil)), cirkel.R)
    assert (tx > cirkel.CX) == (px > cirkel.CX)            # nabijheid: the same
    assert (ty < cirkel.CY) != (py < cirkel.CY)            # invloed: the opposite
    assert px == pytest.approx(tx) and py - cirkel.CY == pytest.approx(cirkel.CY - ty)  # exactly mirrored


def test_mirror_rule_check_bites():
    """A wrong pairing (leidend -> helpend) breaks the geometric rule the table test relies on."""
    tx, ty = cirkel.point(cirkel.sector_center(0), cirkel.R)
    px, py = cirkel.point(cirkel.sector_center(1), cirkel.R)
    assert not ((tx > cirkel.CX) == (px > cirkel.CX) and (ty < cirkel.CY) != (py < cirkel.CY))


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
    assert cirkel.parse_block("", "cirkel-reflectie") == {"taal": None, "grootte": 400}


ERRORS = [
    ("cirkel", "markeer: [leidend, leident]",
     f"line 11: unknown sector 'leident' in 'markeer'; did you mean 'leidend'? {VALID}"),
    ("cirkel", "bijschrift: Figuur\nmarkeer:\n  - leidend\n  - helpnd",
     f"line 14: unknown sector 'helpnd' in 'markeer'; did you mean 'helpend'? {VALID}"),
    ("cirkel", "markeer: [paars]", f"line 11: unknown sector 'paars' in 'markeer'. {VALID}"),
    ("cirkel", "complementariteit: [streg]",
     f"line 11: unknown sector 'streg' in 'complementariteit'; did you mean 'streng'? {VALID}"),
    ("cirkel", "profiel:\n  leidend: 5\n  onzekr: 2",
     f"line 13: unknown sector 'onzekr' in 'profiel'; did you mean 'onzeker'? {VALID}"),
    ("cirkel", "profiel: {leidend: 11}", "line 11: 'profiel' value for 'leidend' must be a number from 0 to 10, got the number 11"),
    ("cirkel", "profiel: {leidend: -1}", "line 11: 'profiel' value for 'leidend' must be a number from 0 to 10, got the number -1"),
    ("cirkel", "profiel: {leidend: veel}", "line 11: 'profiel' value for 'leidend' must be a number from 0 to 10, got 'veel'"),
    ("cirkel", "profiel: {leidend: yes}", "line 11: 'profiel' value for 'leidend' must be a number from 0 to 10, got 'true' (yes/no)"),
    ("cirkel", "profiel: [leidend, helpend]",
     "line 11: 'profiel' must be a mapping like {leidend: 8, helpend: 6}, got a list"),
    ("cirkel", "grootte: 150", "line 11: 'grootte' must be a whole number of pixels from 200 to 800, got the number 150"),
    ("cirkel", "grootte: 900", "line 11: 'grootte' must be a whole number of pixels from 200 to 800, got the number 900"),
    ("cirkel", "grootte: 300.5", "line 11: 'grootte' must be a whole number of pixels from 200 to 800, got the number 300.5"),
    ("cirkel", "grootte: groot", "line 11: 'grootte' must be a whole number of pixels from 200 to 800, got 'groot'"),
    ("cirkel", "taal: de", "line 11: unknown language 'de' in 'taal'. Valid languages: nl, en"),
    ("cirkel", "taal: nll", "line 11: unknown language 'nll' in 'taal'; did you mean 'nl'? Valid languages: nl, en"),
    ("cirkel", "taal: 1", "line 11: 'taal' must be nl or en, got the number 1"),
    ("cirkel", "markeren: [leidend]",
     "line 11: unknown option 'markeren' in 'cirkel'; did you mean 'markeer'? "
     "Valid options: bijschrift, markeer, complementariteit, profiel, grootte, taal"),
    ("cirkel-verkenner", "markeer: leidend",
     "line 11: unknown option 'markeer' in 'cirkel-verkenner'. Valid options: grootte, taal"),
    ("cirkel-reflectie", "taal: en\ngrote: 300",
     "line 12: unknown option 'grote' in 'cirkel-reflectie'; did you mean 'grootte'? Valid options: grootte, taal"),
    ("cirkel", "taal: nl\ntaal: en", "line 12: option 'taal' is given twice"),
    ("cirkel", "bijschrift: 3", "line 11: 'bijschrift' must be text, got the number 3"),
    ("cirkel", "bijschrift: ''", "line 11: 'bijschrift' must be text, got ''"),
    ("cirkel", "markeer: {leidend: 1}",
     "line 11: 'markeer' must be a sector name or a list of sector names, got a mapping"),
    ("cirkel", "markeer: [leidend, 3]", "line 11: 'markeer' must list sector names, got the number 3"),
    ("cirkel", "- leidend\n- helpend", "line 11: write the options as 'name: value' lines, e.g. 'taal: nl'"),
    ("cirkel", "markeer: [leidend\nbijschrift: x",
     "line 12: the block is not valid YAML: expected ',' or ']', but got ':'"),
    ("cirkel", "bijschrift: \"open", "line 11: the block is not valid YAML: found unexpected end of stream"),
    ("cirkel", "\tmarkeer: leidend",
     "line 11: the block is not valid YAML: found character '\\t' that cannot start any token"),
]


@pytest.mark.parametrize("kind, source, message", ERRORS, ids=[e[2][9:60] for e in ERRORS])
def test_bad_blocks_stop_with_file_line_and_valid_names(kind, source, message):
    """Each error names the file and line (fence on line 10) and, where it helps, the valid names."""
    with pytest.raises(cirkel.CirkelError) as caught:
        cirkel.parse_block(source, kind, cirkel.Where("docs/theorie/proef.md", 10))
    assert str(caught.value) == f"docs/theorie/proef.md, {message}"
    assert isinstance(caught.value, SuperFencesException) and isinstance(caught.value, PluginError)


def test_errors_point_at_the_line_in_the_page():
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
    with pytest.raises(cirkel.CirkelError) as caught:
        convert(source, page=fake_page("theorie/proef.md"))
    assert str(caught.value) == f"docs/theorie/proef.md, line 11: unknown sector 'leident' in 'markeer'; did you mean 'leidend'? {VALID}"


def test_on_config_registers_each_fence_once():
    """on_config runs once per language; the fences are registered only once."""
    config = types.SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"), markdown_extensions=[], mdx_configs={})
    cirkel.on_config(config)
    cirkel.on_config(config)
    names = [f["name"] for f in config.mdx_configs["pymdownx.superfences"]["custom_fences"]]
    assert names == ["cirkel", "cirkel-verkenner", "cirkel-reflectie"]
    assert config.markdown_extensions == ["pymdownx.superfences"]


def test_a_link_to_a_missing_page_stops_the_build():
    """A 'helpt' target that is not a page in docs/ is reported with the data file's name."""
    cirkel._state.update(page=fake_page(), files=types.SimpleNamespace(get_file_from_path=lambda path: None))
    with pytest.raises(cirkel.CirkelError, match=r"^hooks/cirkel.yml: link target 'aanbevelingen/x.md' is not a page in docs/$"):
        cirkel.link_from_page("aanbevelingen/x.md#a")


def test_an_unexpected_failure_stops_the_build_instead_of_showing_code(monkeypatch):
    """Superfences turns a formatter's exception into a plain code block; ours becomes a CirkelError."""
    monkeypatch.setattr(cirkel, "render_reflection", lambda *args: 1 / 0)
    with pytest.raises(cirkel.CirkelError) as caught:
        convert("# Proef\n\n```cirkel-reflectie\n```\n", page=fake_page())
    assert str(caught.value) == ("docs/theorie/proef.md, line 3: could not draw this 'cirkel-reflectie' block: "
                                 "ZeroDivisionError('division by zero')")


def test_strict_build_fails_on_a_bad_block(tmp_path):
    """A tiny project with a bad block fails `mkdocs build --strict` with our message; fixed, it builds."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "mkdocs.yml").write_text(textwrap.dedent(f"""\
        site_name: Proef
        use_directory_urls: false
        hooks:
          - {ROOT / 'hooks' / 'cirkel.py'}
        markdown_extensions:
          - pymdownx.superfences
        """), encoding="utf-8")
    page = docs / "index.md"
    page.write_text("# Proef\n\n```cirkel\nmarkeer: [leident]\n```\n", encoding="utf-8")
    failed = build_site(tmp_path / "out", config=tmp_path / "mkdocs.yml")
    assert failed.returncode != 0
    assert (f"docs/index.md, line 4: unknown sector 'leident' in 'markeer'; did you mean 'leidend'? {VALID}"
            in failed.stdout + failed.stderr)
    page.write_text("# Proef\n\n```cirkel\nmarkeer: [leidend]\n```\n", encoding="utf-8")
    built = build_site(tmp_path / "out", config=tmp_path / "mkdocs.yml")
    assert built.returncode == 0, built.stderr
    assert 'role="img"' in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


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
def figure_html() -> str:
    """Two circles on one page, rendered through Markdown."""
    return convert(FIGURE, page=fake_page())


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
    assert cirkel.label_lines("leadership") == ["leadership"]
    assert cirkel.label_lines("helpful/friendly") == ["helpful/", "friendly"]
    lines = cirkel.label_lines("student responsibility/freedom")
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
        angle = cirkel.angle_of(float(label["x"]), float(label["y"]))
        assert cirkel.sector_at(angle) == index, label["text"]


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


def test_a_pair_that_invites_each_other_becomes_one_double_arrow():
    """leidend and inschikkelijk both listed: one straight arrow with two heads; helpend alone: one head."""
    html = convert("```cirkel\ncomplementariteit: [inschikkelijk, helpend, leidend]\n```\n", page=fake_page())
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


def test_explorer_renders_radios_panels_and_every_arrow():
    """The explorer: eight radios (first checked), eight panels with links, an arrow for every sector."""
    html = convert("```cirkel-verkenner\n```\n", page=fake_page("theorie/cirkel-verkenner.md"))
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


def test_reflection_renders_labelled_sliders_and_the_disclaimer():
    """Sixteen sliders labelled by sector and column, two empty profiles, the plain statement on QTI/VIL."""
    html = convert("```cirkel-reflectie\n```\n", page=fake_page())
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


def test_an_english_page_gets_english_labels_by_default():
    """Without taal, the language follows the page file (.en.md -> en)."""
    html = convert("```cirkel\n```\n", page=fake_page("theorie/proef.en.md"))
    assert 'lang="en"' in html and ">leadership</text>" in html


# ------------------------------------------------------------------------------------- built site

def test_explorer_page_is_built_with_explorer_and_reflection(site):
    """The built explorer page holds both widgets, the words 'Roos van Leary' and links back to the theory."""
    page = Page(site / "theorie" / "cirkel-verkenner.html")
    html = (site / "theorie" / "cirkel-verkenner.html").read_text(encoding="utf-8")
    assert "data-cirkel-verkenner" in html and "data-cirkel-reflectie" in html
    assert "Roos van Leary" in page.text
    assert "interpersoonlijke-theorie.html#interpersoonlijke-cirkel" in page.links
    assert "interpersoonlijke-theorie.html#complementariteit" in page.links
    assert "QTI" in page.text and "VIL" in page.text


def test_explorer_links_resolve_in_both_languages(site):
    """Every link on the explorer page (the recommendations that help included) reaches its anchor."""
    for path in ("theorie/cirkel-verkenner.html", "en/theorie/cirkel-verkenner.html"):
        page = Page(site / path)
        assert sum("#aanbeveling-" in href for href in page.links) >= 24
        assert broken_links(site, {path: page}) == []


def test_explorer_page_has_a_search_boost(site):
    """The page's front matter boost reaches the search index."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = [d for d in index["docs"] if d["location"] == "theorie/cirkel-verkenner.html"]
    assert entries and entries[0].get("boost") == 2


def test_help_links_carry_the_official_titles_in_both_languages():
    """Every `helpt` entry in cirkel.yml reads 'N.M title' exactly as hooks/aanbevelingen.yml has it."""
    import yaml
    recs = yaml.safe_load((ROOT / "hooks" / "aanbevelingen.yml").read_text(encoding="utf-8"))
    titles = {f"{r['nummer']}-{i}": (f"{r['nummer']}.{i} {nl}", f"{r['nummer']}.{i} {en}")
              for r in recs for i, (nl, en) in enumerate(zip(r["sub"], r["sub_en"]), 1)}
    entries = [h for s in cirkel.load_data()["sectoren"] for h in s["helpt"]]
    assert len(entries) >= 8
    for entry in entries:
        number = entry["doel"].rsplit("#aanbeveling-", 1)[1]
        assert (entry["nl"], entry["en"]) == titles[number], entry["doel"]
