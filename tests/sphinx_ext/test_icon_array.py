"""Pictures of a chance ({icon-array}), figures in two units ({fact-in}) and the tools'
directive ({tool}): the design holds, the picture follows the registry, it reaches the PDF,
and every mistake a writer can make stops the build at its file and line."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from neckguide.sphinx_ext.icon_array import GRIDS, STYLES, cell_origin, icon_array_svg
from tests.helpers import copy_project, strict_build

MOVE = re.compile(r"M(\d+) (\d+)")


def people(svg: str) -> dict[str, list[tuple[int, int]]]:
    """Where each kind of person is drawn: the cell corners in each path."""
    found = {}
    for kind, d in re.findall(r'class="ia-(\w+)"[^>]*\bd="([^"]*)"', svg):
        found[kind] = [(int(x), int(y)) for x, y in MOVE.findall(d)]
    return found


def test_a_picture_is_100_people_the_affected_grouped_from_the_bottom_row_up() -> None:
    drawn = people(icon_array_svg(affected=15, spared=7, title="t"))
    assert sum(map(len, drawn.values())) == 100
    assert len(drawn["broke"]) == 15 and len(drawn["spared"]) == 7 and len(drawn["rest"]) == 78
    grid = GRIDS[100]
    order = [cell_origin(rank, grid) for rank in range(100)]  # bottom row, left to right, then up
    assert order[0] == (0, (grid.rows - 1) * grid.cell) and order[10][1] < order[0][1]
    assert drawn["broke"] == order[:15], "the affected are not the first 15 from the bottom left"
    assert drawn["spared"] == order[15:22], "the spared do not follow on from the affected"
    assert len(set(order)) == 100


def test_the_difference_has_its_own_colour_and_its_own_shape_and_reads_in_grey() -> None:
    grid = GRIDS[100]
    assert grid.shapes["spared"] != grid.shapes["broke"], "the spared need a second shape"

    def grey(style: str) -> float:
        fill = re.search(r'fill="#(\w{6})"', style)
        if not fill:
            return 1.0  # no fill: the paper shows through
        r, g, b = (int(fill[1][i : i + 2], 16) / 255 for i in (0, 2, 4))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    shades = sorted(grey(STYLES[k]) for k in ("broke", "spared", "rest"))
    gaps = [b - a for a, b in itertools.pairwise(shades)]
    assert min(gaps) >= 0.25, f"in black and white the three kinds are too alike: {shades}"


def test_a_trial_picture_says_its_numbers_in_words(site: Path) -> None:
    page = BeautifulSoup(
        (site / "topics" / "trials-slowing-bone-loss.html").read_text(), "html.parser"
    )
    figures = page.select("figure.icon-array")
    assert len(figures) == 3
    first = figures[0]
    caption = first.figcaption.get_text(" ", strip=True)
    assert "without alendronate, 15 in 100 had a new spine break" in caption
    assert "With alendronate, 8 in 100" in caption and "over 3 years" in caption
    titles = [svg.title.get_text() for svg in first.select("svg.icon-array-svg")]
    assert titles == [
        "Without alendronate: 15 in 100 had a new spine break.",
        "With alendronate: 8 in 100 had a new spine break; 7 in 100 more were spared by alendronate.",
    ]
    assert first.select_one("a.fact-source"), "the picture does not cite its source"
    building = BeautifulSoup(
        (site / "topics" / "trials-building-bone.html").read_text(), "html.parser"
    )
    romosozumab = building.select("figure.icon-array")[1]
    assert "18 in 1,000" in romosozumab.figcaption.get_text(), (
        "romosozumab is drawn in 1,000 people"
    )
    assert len(people(str(romosozumab.select("svg.icon-array-svg")[0]))["rest"]) == 1000 - 18


def test_pictures_reach_the_pdf_handout_with_their_words(site: Path) -> None:
    pdf = PdfReader(site / "_downloads" / "handouts" / "trials-slowing-bone-loss.pdf")
    alts = []

    def walk(element: object) -> None:
        element = element.get_object()  # type: ignore[attr-defined]
        if element.get("/S") == "/Figure":
            alts.append(str(element.get("/Alt", "")))
        kids = element.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            if hasattr(kid, "get_object") and hasattr(kid.get_object(), "get"):
                walk(kid)

    walk(pdf.trailer["/Root"]["/StructTreeRoot"])
    assert "Without alendronate: 15 in 100 had a new spine break." in alts
    assert any(alt.startswith("spared by") for alt in alts), "the key's shapes are not named"
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "15 in 100" in text and "spared by the medicine" in text
    drawn = b"".join(page.get_contents().get_data() for page in pdf.pages)
    broke = rb"0?\.5450\d* 0?\.1176\d* 0?\.2470\d* rg"  # the affected people's colour, #8b1e3f
    spared = rb"0?\.9490\d* 0?\.7215\d* 0?\.2941\d* rg"  # the spared, #f2b84b
    assert re.search(broke, drawn), "no affected person was drawn"
    assert re.search(spared, drawn), "no spared person was drawn"


def test_each_tool_handout_has_a_fill_in_version_and_no_dead_form(site: Path) -> None:
    handouts = site / "_downloads" / "handouts"
    for slug, title in [
        ("t-score-reader", "T-score reader: fill in"),
        ("calcium-counter", "Calcium counter: fill in"),
        ("vitamin-d-units", "Vitamin D units: fill in"),
        ("protein-for-your-weight", "Protein for your weight: fill in"),
        ("risk-picture", "Your 10-year risk picture: fill in"),
        ("stay-independent-check", "Stay Independent check: fill in"),
    ]:
        text = " ".join(p.extract_text() for p in PdfReader(handouts / f"{slug}.pdf").pages)
        text = " ".join(text.split())
        assert title in text, f"{slug}.pdf has no fill-in version"
        assert "Clear the form" not in text and "Your answer shows here" not in text, (
            f"{slug}.pdf prints the on-screen form"
        )


# -- The picture follows the registry; every mistake is a warning at its line --------------

BROKEN_PAGE = """\
---
summary: "Mistakes."
key_message: "Mistakes."
last_reviewed: 2026-12-01
next_review_due: 2027-12-01
reviewed_by: "Tests"
---

# Mistakes

```{icon-array}
:value: onj.per_people_treated
:who: people treated
:outcome: get it
```

```{icon-array}
:trial: romosozumab
```

```{icon-array}
:value: frax.years
:who: people
:outcome: had it
```

```{icon-array}
:value: lifetime.women_over_50
:who: women over 50
:outcome: will break a bone
```

```{icon-array}
:value: lifetime.women_over_51
:who: women
:outcome: will break a bone
```

```{icon-array}
:value: lifetime.women_over_50
:who: women
```

```{tool} pizza
```

Stay under {fact-in}`vitamin_d.upper_limit:kg` a day.

Men need {fact-in}`vitamin_k.daily.men:IU` a day.

Stay under {fact-in}`vitamin_d.upper_limit` a day.
"""

# What each mistake above must say, in order: one per directive and per {fact-in} line.
MISTAKES = [
    ("icon-array", "'onj.per_people_treated' is a range; a picture needs one number"),
    (
        "icon-array",
        "trials.romosozumab.with is 0.5 in 100: too rare to draw as 100 people (try :per: 1000)",
    ),
    ("icon-array", "'frax.years' (10 years) is not a chance"),
    ("icon-array", ":who: must hold words only"),
    (
        "icon-array",
        "unknown figure 'lifetime.women_over_51'; did you mean 'lifetime.women_over_50'",
    ),
    ("icon-array", "this {icon-array} needs :outcome:"),
    ("tool", "unknown tool 'pizza'"),
    ("fact-in", "cannot show a figure in 'IU' in 'kg'"),
    ("fact-in", "'vitamin_k.daily.men' is not a vitamin D figure"),
    ("fact-in", "{fact-in} needs a figure and a second unit"),
]
MISTAKE_LINES = [
    number
    for number, line in enumerate(BROKEN_PAGE.splitlines(), start=1)
    if line.startswith("```{") or "{fact-in}" in line
]
EXPECTED = [(line, *mistake) for line, mistake in zip(MISTAKE_LINES, MISTAKES, strict=True)]


@pytest.fixture(scope="module")
def changed_copy(tmp_path_factory: pytest.TempPathFactory):
    """A copy with the FIT result changed in the registry and a page of mistakes, built once."""
    project = copy_project(tmp_path_factory.mktemp("risk"))
    toml = project / "facts" / "risk_tools.toml"
    text = toml.read_text()
    toml.write_text(text.replace("value = 15.0", "value = 20.0", 1))
    (project / "docs" / "topics" / "mistakes.md").write_text(BROKEN_PAGE)
    return project, strict_build(project / "docs")


def test_the_picture_and_the_tools_follow_the_registry(changed_copy) -> None:
    project, _result = changed_copy
    built = project / "docs" / "_build" / "html"
    page = BeautifulSoup(
        (built / "topics" / "trials-slowing-bone-loss.html").read_text(), "html.parser"
    )
    first = page.select_one("figure.icon-array")
    assert "without alendronate, 20 in 100 had a new spine break" in first.figcaption.get_text(" ")
    assert len(people(str(first.select("svg.icon-array-svg")[0]))["broke"]) == 20
    data = (built / "_static" / "tools" / "tools.json").read_text()
    assert '"alendronate":0.4' in data, (
        "the tools' relative risk did not follow the registry (8 ÷ 20)"
    )


@pytest.mark.parametrize(("line", "subtype", "message"), EXPECTED)
def test_each_mistake_is_a_warning_at_its_line(
    changed_copy, line: int, subtype: str, message: str
) -> None:
    _, result = changed_copy
    assert result.returncode != 0, "the strict build passed a page of mistakes"
    warnings = [w for w in result.stderr.splitlines() if "mistakes.md" in w]
    at_line = [w for w in warnings if f"mistakes.md:{line}:" in w]
    assert any(message in w and f"[neckguide.{subtype}]" in w for w in at_line), (
        f"no [neckguide.{subtype}] warning at mistakes.md:{line} saying {message!r}; got:\n"
        + "\n".join(warnings)
    )
