"""``{icon-array}``: a chance shown as 100 people (or 1,000), drawn at build time from the
registry, so the picture changes when a figure does.

The design follows icon-array research (Zikmund-Fisher; iconarray.com): the people a result
is about are grouped and filled from the bottom row up, row by row, so the height of the block
shows how big the chance is. A pair of pictures compares without and with a medicine; in the
second, the people the medicine spared keep their place but change to a second colour *and* a
second shape (a diamond), so the difference reads in black-and-white print too:

- a solid person: had the break;
- a diamond: spared by the medicine (would have had it without);
- an outlined person: everyone else.

Every picture has a visible caption that says the numbers (the text alternative), a label
above each half in the page's own text (so it never shrinks below the page's type on a
phone), and a ``<title>`` in each SVG (its name for screen readers and the PDF's /Alt).

>>> svg = icon_array_svg(affected=8, spared=7, title="With alendronate: 8 in 100")
>>> svg.startswith("<svg") and 'role="img"' in svg and svg.count("<path") == 3
True
>>> ranks = kinds(affected=8, spared=7)
>>> ranks[:9], ranks[14:16]
(['broke', 'broke', 'broke', 'broke', 'broke', 'broke', 'broke', 'broke', 'spared'], ['spared', 'rest'])
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from neckguide import registry as reg
from neckguide.entries import round_half_up, shown_number
from neckguide.sphinx_ext import WARNING_TYPE
from neckguide.sphinx_ext.facts import depend_on_registry, registry, source_mark
from neckguide.sphinx_ext.nodes import generated_raw

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Grid:
    """How ``per`` people are laid out: columns, rows, the size of one cell (SVG units),
    and each kind's shape as a path relative to its cell's top-left corner."""

    columns: int
    rows: int
    cell: int
    shapes: dict[str, str]


PERSON = (
    "m8.5 5.5a3.5 3.5 0 1 0 7 0a3.5 3.5 0 1 0-7 0zm-2.5 16.5v-7a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v7z"
)
GRIDS = {
    100: Grid(10, 10, 24, {"broke": PERSON, "spared": "m12 2l8 10l-8 10l-8-10z", "rest": PERSON}),
    1000: Grid(
        40,
        25,
        12,
        {"broke": "m2 2h8v8h-8z", "spared": "m6 1l5 5l-5 5l-5-5z", "rest": "m2 2h8v8h-8z"},
    ),
}
#: Each kind's look on paper and on a light page (guide.css gives the dark-mode colours).
STYLES = {
    "rest": 'fill="none" stroke="#5f6b73" stroke-width="1.2"',
    "spared": 'fill="#f2b84b" stroke="#6b4200" stroke-width="1.5"',
    "broke": 'fill="#8b1e3f"',
}
KINDS = ("rest", "spared", "broke")  # drawing order


@dataclass(frozen=True)
class Trial:
    """Words about a medicine's main trial (its figures are in facts/risk_tools.toml)."""

    name: str
    medicine: str
    who: str
    outcome: str = "had a new spine break"


TRIALS = {
    "alendronate": Trial(
        "FIT", "alendronate", "Women past menopause who had already broken a spine bone"
    ),
    "denosumab": Trial("FREEDOM", "denosumab", "Women past menopause with osteoporosis"),
    "raloxifene": Trial("MORE", "raloxifene", "Women past menopause with osteoporosis"),
    "romosozumab": Trial("FRAME", "romosozumab", "Women past menopause with osteoporosis"),
    "teriparatide": Trial("", "teriparatide", "Women past menopause with osteoporosis"),
}


def kinds(*, affected: int, spared: int = 0, per: int = 100) -> list[str]:
    """The kind of each person in fill order (rank 0 is bottom left): the affected first,
    then the spared, then the rest."""
    if not 0 <= affected + spared <= per or affected < 0 or spared < 0:
        raise ValueError(f"{affected} affected and {spared} spared do not fit in {per} people")
    return ["broke"] * affected + ["spared"] * spared + ["rest"] * (per - affected - spared)


def cell_origin(rank: int, grid: Grid) -> tuple[int, int]:
    """Where person ``rank`` is drawn: rows fill left to right, from the bottom row up.

    >>> cell_origin(0, GRIDS[100]), cell_origin(9, GRIDS[100]), cell_origin(10, GRIDS[100])
    ((0, 216), (216, 216), (0, 192))
    """
    column, row_from_bottom = rank % grid.columns, rank // grid.columns
    return column * grid.cell, (grid.rows - 1 - row_from_bottom) * grid.cell


def path_data(kind_of_each: list[str], kind: str, grid: Grid) -> str:
    """One ``<path d>`` that draws every person of one kind (the tools' script makes the
    same string the same way: ``M x y`` then the kind's shape)."""
    parts = []
    for rank, each in enumerate(kind_of_each):
        if each == kind:
            x, y = cell_origin(rank, grid)
            parts.append(f"M{x} {y}{grid.shapes[kind]}")
    return "".join(parts)


def style(kind: str, per: int) -> str:
    """A kind's look; in 1,000 people the outlines are finer, so the grid stays light."""
    return (
        STYLES[kind].replace('stroke-width="1.2"', 'stroke-width="0.6"')
        if per == 1000
        else STYLES[kind]
    )


def icon_array_svg(*, affected: int, spared: int = 0, per: int = 100, title: str) -> str:
    """An SVG of ``per`` people: ``affected`` solid, then ``spared`` diamonds, the rest outlined."""
    grid = GRIDS[per]
    each = kinds(affected=affected, spared=spared, per=per)
    width, height = grid.columns * grid.cell, grid.rows * grid.cell
    paths = "".join(
        f'<path class="ia-{kind}" {style(kind, per)} d="{path_data(each, kind, grid)}"/>'
        for kind in KINDS
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'class="icon-array-svg" data-per="{per}"><title>{html.escape(title)}</title>{paths}</svg>'
    )


def swatch(kind: str, words: str, per: int = 100) -> str:
    """One shape of the key, drawn like the picture's, named for screen readers and the PDF."""
    grid = GRIDS[per]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {grid.cell} {grid.cell}" role="img" '
        f'class="icon-array-swatch"><title>{html.escape(words)}</title>'
        f'<path class="ia-{kind}" {STYLES[kind]} d="M0 0{grid.shapes[kind]}"/></svg>'
    )


@dataclass(frozen=True)
class Panel:
    """One half of a figure: its label, its number ("15 in 100") and its picture."""

    label: str
    number: str
    svg: str
    key: str = ""  # data-panel name for the tools' script
    medicine: str = ""  # the label's last word, left out on paper under a title that names it


def _label(panel: Panel) -> str:
    label = html.escape(panel.label)
    if panel.medicine and label.endswith(f" {panel.medicine}"):
        shown = label[: -len(panel.medicine) - 1]
        return f'{shown} <span class="icon-array-medicine">{html.escape(panel.medicine)}</span>'
    return label


def figure_html(
    panels: list[Panel], key: list[tuple[str, str]], per: int = 100, title: str = ""
) -> str:
    """The figure's picture part: labelled panels side by side, then the key."""
    halves = []
    for panel in panels:
        name = f' data-panel="{panel.key}"' if panel.key else ""
        halves.append(
            f'<div class="icon-array-panel" data-per="{per}"{name}><p class="icon-array-label">'
            f'<span class="icon-array-heading">{_label(panel)}</span> '
            f'<span class="icon-array-number">{html.escape(panel.number)}</span></p>'
            f"{panel.svg}</div>"
        )
    heading = f'<p class="icon-array-title">{html.escape(title)}</p>' if title else ""
    return (
        f'{heading}<div class="icon-array-panels" data-panels="{len(panels)}" data-per="{per}">'
        f"{''.join(halves)}</div>"
        f"{key_html(key, per)}"
    )


def key_html(key: list[tuple[str, str]], per: int = 100) -> str:
    """The key: each kind's shape, drawn as in the picture, with its words."""
    items = "".join(
        f'<li data-kind="{kind}">{swatch(kind, words, per)}<span>{html.escape(words)}</span></li>'
        for kind, words in key
    )
    return f'<ul class="icon-array-key" aria-label="Key to the picture">{items}</ul>'


def in_per(fact: reg.Fact) -> tuple[float, str]:
    """A registry figure as a count out of 100, and the words that go before it.

    >>> in_per(reg.Fact("a", 15.0, "s", unit="in 100")), in_per(reg.Fact("b", 2, "s", prefix="1 in "))
    ((15.0, ''), (50.0, ''))
    >>> in_per(reg.Fact("c", 4, "s", prefix="up to 1 in ")), in_per(reg.Fact("d", 27.6, "s", unit="%"))
    ((25.0, 'up to '), (27.6, ''))
    """
    if isinstance(fact.value, tuple):
        raise ValueError(f"{fact.name!r} is a range; a picture needs one number")
    if fact.prefix.endswith("1 in ") and not fact.unit:
        return 100 / fact.value, fact.prefix[: -len("1 in ")]
    if fact.unit in ("in 100", "%"):
        return float(fact.value), fact.prefix
    raise ValueError(
        f"{fact.name!r} ({fact.display}) is not a chance: an icon array needs a figure in "
        "'%', 'in 100' or '1 in N'"
    )


def people(value_in_100: float, per: int) -> tuple[int, str]:
    """Whole people out of ``per`` for a chance given out of 100, and "about " when rounded.

    >>> people(15.0, 100), people(2.3, 100), people(0.5, 1000)
    ((15, ''), (2, 'about '), (5, ''))
    """
    exact = value_in_100 * per / 100
    count = int(round_half_up(exact))
    return count, "" if count == exact else "about "


class IconArray(SphinxDirective):
    """``{icon-array}``: a trial's result (``:trial:``), or any chance in the registry.

    Every problem is a warning at the directive's line (so the strict build stops): an
    unknown figure, a figure that is not a chance, a chance too rare to draw, a missing
    option, a figure typed into the words.
    """

    option_spec: ClassVar = {
        "trial": lambda v: directives.choice(v, tuple(TRIALS)),
        "value": directives.unchanged_required,
        "without": directives.unchanged_required,
        "with": directives.unchanged_required,
        "over": directives.unchanged_required,
        "who": directives.unchanged_required,
        "outcome": directives.unchanged_required,
        "medicine": directives.unchanged_required,
        "per": lambda v: int(directives.choice(v, ("100", "1000"))),
    }
    WORDS = ("who", "outcome", "medicine")

    def warn(self, message: str) -> list[nodes.Node]:
        logger.warning(
            "%s (CONTRIBUTING.md, 'Pictures of a chance')",
            message,
            location=self.get_location(),
            type=WARNING_TYPE,
            subtype="icon-array",
        )
        return []

    def settings(self) -> dict[str, Any]:
        """The options, with a ``:trial:`` filled in from the registry and :data:`TRIALS`."""
        options = dict(self.options)
        if "trial" in options:
            trial, name = TRIALS[options["trial"]], f"trials.{options['trial']}"
            filled = {"without": f"{name}.without", "with": f"{name}.with", "over": f"{name}.span"}
            words = {"who": trial.who, "outcome": trial.outcome, "medicine": trial.medicine}
            options = {**filled, **words, **options}
        return options

    def run(self) -> list[nodes.Node]:
        options = self.settings()
        typed = [
            k
            for k in self.WORDS
            if any(c.isdigit() for c in FACT_IN_WORDS.sub("", options.get(k, "")))
        ]
        if typed:
            return self.warn(
                f":{typed[0]}: must hold words only; write a figure as {{name}} of a registry figure"
            )
        cited: list[reg.Fact] = []
        try:
            for key in self.WORDS:
                if key in options:
                    options[key] = FACT_IN_WORDS.sub(lambda m: _cite(m[1], cited), options[key])
        except reg.RegistryError as err:
            return self.warn(str(err))
        pair = "without" in options or "with" in options
        needed = (
            ("without", "with", "who", "outcome", "medicine")
            if pair
            else ("value", "who", "outcome")
        )
        missing = [f":{key}:" for key in needed if key not in options]
        if missing:
            return self.warn(f"this {{icon-array}} needs {', '.join(missing)}")
        per = options.get("per", 100)
        try:
            figures = {
                k: registry().fact(options[k])
                for k in ("value", "without", "with", "over")
                if k in options
            }
            counts = {k: self.count(fact, per) for k, fact in figures.items() if k != "over"}
            if pair and counts["with"][0] > counts["without"][0]:
                raise ValueError(
                    "the picture with the medicine must not show more people than without it"
                )
        except (reg.RegistryError, ValueError) as err:
            return self.warn(str(err))
        depend_on_registry(self.env)
        over = f", over {figures['over'].display}" if "over" in figures else ""
        picture, caption = (pair_figure if pair else single_figure)(options, counts, per, over)
        figure = nodes.figure(classes=["icon-array", f"icon-array--per-{per}"])
        figure += generated_raw("", picture, format="html")
        text = nodes.caption("", caption + " ")
        for source in dict.fromkeys(fact.source for fact in [*figures.values(), *cited]):
            text += source_mark(self.env, source)
        figure += text
        return [figure]

    @staticmethod
    def count(fact: reg.Fact, per: int) -> tuple[int, str]:
        """Whole people out of ``per`` for ``fact``, with "about "/"up to " before them."""
        value, before = in_per(fact)
        count, about = people(value, per)
        exact = value * per / 100
        if count == 0 or abs(count - exact) / exact > MAX_ROUNDING:
            hint = " (try :per: 1000)" if per == 100 else ""
            raise ValueError(
                f"{fact.name} is {shown_number(exact, 2, trim=True)} in {per:,}: too rare to draw "
                f"as {per:,} people{hint}; tell a rare chance in words, with a familiar comparison"
            )
        return count, about + before


#: A registry figure inside the words of an option: ``:who: women over {lifetime.from_age}``.
FACT_IN_WORDS = re.compile(r"\{([\w.]+)\}")


def _cite(name: str, cited: list[reg.Fact]) -> str:
    fact = registry().fact(name)
    cited.append(fact)
    return fact.display


#: A picture may round a figure by at most this share of itself (2.3 in 100 → 2 people is
#: 13%; 0.5 in 100 → 1 person doubles it, so it needs 1,000 people).
MAX_ROUNDING = 0.2


def pair_figure(options: dict[str, Any], counts: dict, per: int, over: str) -> tuple[str, str]:
    """Without and with a medicine, side by side: the picture and its caption."""
    (without, about_without), (with_, about_with) = counts["without"], counts["with"]
    medicine, outcome, of = options["medicine"], options["outcome"], f"in {per:,}"
    spared = without - with_
    before = f"Without {medicine}: {about_without}{without} {of} {outcome}."
    after = f"With {medicine}: {about_with}{with_} {of} {outcome}; {spared} {of} more were spared by {medicine}."
    panels = [
        Panel(
            f"Without {medicine}",
            f"{about_without}{without} {of}",
            icon_array_svg(affected=without, per=per, title=before),
            medicine=medicine,
        ),
        Panel(
            f"With {medicine}",
            f"{about_with}{with_} {of}",
            icon_array_svg(affected=with_, spared=spared, per=per, title=after),
            medicine=medicine,
        ),
    ]
    key = [("broke", outcome), ("spared", "spared by the medicine"), ("rest", "everyone else")]
    caption = (
        f"{options['who']}{over}: without {medicine}, {about_without}{without} {of} {outcome}. "
        f"With {medicine}, {about_with}{with_} {of}."
    )
    trial = TRIALS.get(str(options.get("trial", "")))
    title = medicine[:1].upper() + medicine[1:]
    if trial and trial.name:
        title += f" ({trial.name} trial)"
    return figure_html(panels, key, per, title), caption


def single_figure(options: dict[str, Any], counts: dict, per: int, over: str) -> tuple[str, str]:
    """One chance: the picture and its caption."""
    count, about = counts["value"]
    outcome, who = options["outcome"], options["who"]
    sentence = f"Out of {per:,} {who}{over}, {about}{count} {outcome}."
    panel = Panel(
        f"Out of {per:,} {who}",
        f"{about}{count} in {per:,}",
        icon_array_svg(affected=count, per=per, title=sentence),
    )
    return figure_html([panel], [("broke", outcome), ("rest", "everyone else")], per), sentence


def setup_icon_array(app: Sphinx) -> None:
    app.add_directive("icon-array", IconArray)
