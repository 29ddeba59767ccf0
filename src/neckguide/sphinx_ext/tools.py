"""``{tool}``: the "Your numbers" tools, and the JSON and scripts they need.

A page shows a tool with::

    ```{tool} calcium
    ```

which puts three things on the page: the tool's form (:mod:`.tool_forms`, hidden until its
script runs), a reference table that works without JavaScript (built here from the registry,
with source marks), and a fill-in version for paper. Only a page with a tool loads the
tools' scripts (``_static/tools/core.js`` and one file per tool it uses) and the tools' data:
the JSON :func:`tools_data` makes from the registry, written to ``_static/tools/tools.json``
and put inline in the page (no request, so it also works from a saved copy). Nothing a reader
types leaves the page: the scripts make no request and keep nothing.

>>> sorted(tools_data()["calcium"]["needs"])[:1]
[[50, 1000, 1000]]
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from neckguide import arithmetic as ar
from neckguide.arithmetic import KG_PER_POUND
from neckguide.entries import ENTRY_MESSAGES, NUMBER_TEXT, shown_number
from neckguide.registry import format_number
from neckguide.sphinx_ext import WARNING_TYPE
from neckguide.sphinx_ext.facts import depend_on_registry, registry
from neckguide.sphinx_ext.icon_array import GRIDS
from neckguide.sphinx_ext.nodes import generated_raw
from neckguide.sphinx_ext.tool_forms import TOOL_NAMES, form_html, paper_html
from neckguide.sphinx_ext.tool_text import TEXT

logger = logging.getLogger(__name__)
#: Where the tools' scripts and data live in the built site (from docs/_static/tools/).
FOLDER = "tools"
DATA_FILE = "tools.json"
DATA_ID = "neckguide-tools-data"


def _bands(rule: Any, *columns: Any) -> list[list[int]]:
    """``rule(column, age)`` for every adult age, as runs: ``[last age, value, value, …]``."""
    low, high = ar.TOOL_LIMITS["age"]
    bands: list[list[int]] = []
    for age in range(low, high + 1):
        values = [rule(column, age) for column in columns]
        if bands and bands[-1][1:] == values:
            bands[-1][0] = age
        else:
            bands.append([age, *values])
    return bands


def tools_data() -> dict[str, Any]:
    """Everything the tools' script needs, from the registry and the arithmetic (never typed)."""
    facts = registry()
    grid = GRIDS[100]
    kg_low, kg_high = ar.TOOL_LIMITS["weight_kg"]
    steadi_points = [
        ar.stay_independent_score([i == j for j in range(len(ar.STAY_INDEPENDENT_QUESTIONS))])
        for i in range(len(ar.STAY_INDEPENDENT_QUESTIONS))
    ]
    return {
        "number": NUMBER_TEXT,
        "messages": ENTRY_MESSAGES,
        "text": TEXT,
        "age": list(ar.TOOL_LIMITS["age"]),
        "icons": {
            "columns": grid.columns,
            "rows": grid.rows,
            "cell": grid.cell,
            "shapes": grid.shapes,
        },
        "t-score": {
            "normal": facts["tscore.normal_at_or_above"],
            "osteoporosis": facts["tscore.osteoporosis_at_or_below"],
            "limits": list(ar.T_SCORE_LIMITS),
            "sites": list(ar.T_SCORE_SITES),
            "groups": list(ar.T_SCORE_GROUPS),
            "applies": list(ar.T_SCORE_GROUPS[:2]),
            "z_below_age": facts["zscore.used_below_age"],
            "years": facts["frax.years"],
        },
        "calcium": {
            "foods": [[f, registry().food(f).calcium_mg] for f in ar.calcium_foods()],
            "servings": ar.TOOL_LIMITS["servings"],
            "needs": _bands(ar.calcium_needed, "female", "male"),
            "upper": _bands(lambda _, age: ar.calcium_upper_limit(age), None),
        },
        "vitamin-d": {
            "iu_per_mcg": facts["vitamin_d.iu_per_microgram"],
            "upper_iu": facts["vitamin_d.upper_limit"],
            "max_iu": ar.TOOL_LIMITS["vitamin_d_iu"],
        },
        "protein": {
            "kg_per_lb": KG_PER_POUND,
            "kg": [kg_low, kg_high],
            "lb": list(ar.pounds_limits()),
            "older_from": facts["protein.older_adults_from_age"],
            "older": list(facts["protein.older_adults_g_per_kg"]),
            "rda": facts["protein.rda_g_per_kg"],
        },
        "risk-picture": {
            "medicines": {m: ar.relative_risk(m) for m in ar.TRIAL_MEDICINES},
            "years": facts["frax.years"],
        },
        "stay-independent": {"points": steadi_points, "at_risk": facts["steadi.at_risk_score"]},
    }


def data_json() -> str:
    """:func:`tools_data` as the JSON text the build writes and pages embed (stable order)."""
    return json.dumps(tools_data(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# -- Reference tables: what a reader needs without JavaScript (and on paper) --------------------


def reference_table(tool: str) -> str:
    """The tool's answers as a MyST table, with registry figures as ``{fact}`` roles."""
    facts = registry()
    if tool == "t-score":
        return (
            "| Your lowest T-score | What it is called |\n|---|---|\n"
            "| {fact}`tscore.normal_at_or_above` and above | Normal |\n"
            "| Between {fact}`tscore.normal_at_or_above` and {fact}`tscore.osteoporosis_at_or_below` | Low bone mass (osteopenia) |\n"
            "| {fact}`tscore.osteoporosis_at_or_below` and below | Osteoporosis |\n"
        )
    if tool == "calcium":
        return (
            "| Age | Women need a day | Men need a day |\n|---|---|---|\n"
            "| {fact}`dri.ages.band_19_50` | {fact}`calcium.daily.adults_19_50` | {fact}`calcium.daily.adults_19_50` |\n"
            "| {fact}`dri.ages.band_51_70` | {fact}`calcium.daily.women_51_70` | {fact}`calcium.daily.men_51_70` |\n"
            "| {fact}`dri.ages.from_71` and over | {fact}`calcium.daily.adults_71_plus` | {fact}`calcium.daily.adults_71_plus` |\n"
        )
    if tool == "vitamin-d":
        amounts = sorted(
            {400, 1000, 2000, 5000}
            | {
                facts["vitamin_d.daily.adults_to_70"],
                facts["vitamin_d.daily.adults_71_plus"],
                facts["vitamin_d.upper_limit"],
            }
        )
        rows = "".join(
            f"| {format_number(iu)} IU | {shown_number(ar.iu_to_micrograms(iu), 2, trim=True)} mcg |"
            + _vitamin_d_note(iu, facts["vitamin_d.upper_limit"])
            + "\n"
            for iu in amounts
        )
        return "| IU | mcg | Note |\n|---|---|---|\n" + rows
    if tool == "protein":
        older = facts["protein.older_adults_from_age"]
        rows = "".join(
            f"| {lb} lb ({shown_number(lb * KG_PER_POUND)} kg) | {_grams(ar.protein_range_lb(lb, older - 1))} | "
            f"{_grams(ar.protein_range_lb(lb, older))} |\n"
            for lb in range(100, 251, 25)
        )
        return (
            f"| Your weight | Protein a day, under {format_number(older)} | "
            "{fact}`protein.older_adults_from_age` and over |\n|---|---|---|\n" + rows
        )
    if tool == "risk-picture":
        # Major breaks only: the trials' result is for spine breaks, so no hip column.
        major = facts["frax.major_threshold"]
        rows = "".join(
            f"| {m.capitalize()} | about {ar.people_in_100(major * ar.relative_risk(m))} in 100 |\n"
            for m in ar.TRIAL_MEDICINES
        )
        return "| Medicine | People out of 100 with a major break, roughly |\n|---|---|\n" + rows
    points = ["{fact}`steadi.heavy_item_points`"] * 2 + ["{fact}`steadi.other_item_points`"] * 10
    rows = "".join(
        f"| {q} | {p} |\n" for q, p in zip(ar.STAY_INDEPENDENT_QUESTIONS, points, strict=True)
    )
    return "| If this is true for you | Points |\n|---|---|\n" + rows


def _vitamin_d_note(iu: float, upper: float) -> str:
    if iu == upper:
        return " the upper limit for adults, {fact-in}`vitamin_d.upper_limit:mcg` |"
    return " more than the upper limit |" if iu > upper else " |"


def _grams(range_g: tuple[int, int]) -> str:
    low, high = range_g
    return f"{low} g" if low == high else f"{low} to {high} g"


#: What each reference table shows (its caption).
REFERENCE_CAPTIONS = {
    "t-score": "What each T-score is called",
    "calcium": "How much calcium you need each day",
    "vitamin-d": "Vitamin D amounts in IU and mcg",
    "protein": "Protein to aim for each day",
    "risk-picture": "If your chance of a major break is {fact}`frax.major_threshold` without "
    "medicine: roughly how many in 100 with each medicine",
    "stay-independent": "The Stay Independent check",
}
#: Tools whose fill-in version already holds the reference table: on paper, print it once.
PAPER_REPEATS = {"t-score": ["screen-only"], "stay-independent": ["screen-only"]}


class Tool(SphinxDirective):
    """``{tool} <name>``: one of :data:`tool_forms.TOOL_NAMES`, with its table and paper version."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        tool = self.arguments[0].strip()
        if tool not in TOOL_NAMES:
            logger.warning(
                "unknown tool %r: use one of %s (CONTRIBUTING.md, 'Tools readers can use')",
                tool,
                ", ".join(TOOL_NAMES),
                location=self.get_location(),
                type=WARNING_TYPE,
                subtype="tool",
            )
            return []
        depend_on_registry(self.env)
        used: dict[str, list[str]] = self.env.neckguide_tools  # type: ignore[attr-defined]
        pages = used.setdefault(self.env.docname, [])
        if tool not in pages:
            pages.append(tool)
        box = nodes.container(classes=["tool", f"tool--{tool}"], ids=[f"{tool}-tool"])
        box += generated_raw("", form_html(tool), format="html")
        table = nodes.container(classes=["tool-reference", *PAPER_REPEATS.get(tool, [])])
        text = f":::{{table}} {REFERENCE_CAPTIONS[tool]}\n{reference_table(tool)}:::\n"
        table += self.parse_text_to_nodes(text)
        box += table
        box += generated_raw("", paper_html(tool), format="html")
        return [box]


# -- The scripts: small, and private --------------------------------------------------------

#: All the tools' scripts together, gzipped, at most this many bytes (1 KB = 1,000 bytes).
SCRIPT_BUDGET = 15_000
#: What a tool's script must never use: no request, no storage, no code from elsewhere.
FORBIDDEN = re.compile(
    r"\b(?:fetch|XMLHttpRequest|sendBeacon|WebSocket|EventSource|importScripts|localStorage"
    r"|sessionStorage|indexedDB|eval|Function)\s*[(.\[]|document\.cookie|\bimport\s*\(|https?://"
)


def script_sizes(folder: Path) -> dict[str, int]:
    """Each script in ``folder``, gzipped (level 9, no timestamp: the same bytes every time).

    >>> sizes = script_sizes(Path(__file__).parents[3] / "docs" / "_static" / FOLDER)
    >>> "core.js" in sizes and sum(sizes.values()) <= SCRIPT_BUDGET
    True
    """
    return {
        path.name: len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))
        for path in sorted(folder.glob("*.js"))
    }


def forbidden_uses(text: str) -> list[str]:
    """What a script does that a tool must not (a request, storage, a cookie, eval).

    >>> forbidden_uses("fetch('https://x.org/?t=' + score); localStorage.setItem('t', 1)")
    ['fetch(', 'https://', 'localStorage.']
    >>> forbidden_uses("var total = 0; form.reset();")
    []
    """
    return [match.group() for match in FORBIDDEN.finditer(text)]


# -- The build: which pages load the tools, and the data file ------------------------------


def init_env(app: Sphinx, env: Any, docnames: list[str]) -> None:
    if not hasattr(env, "neckguide_tools"):
        env.neckguide_tools = {}


def purge(app: Sphinx, env: Any, docname: str) -> None:
    getattr(env, "neckguide_tools", {}).pop(docname, None)


def merge(app: Sphinx, env: Any, docnames: list[str], other: Any) -> None:
    env.neckguide_tools.update({d: t for d, t in other.neckguide_tools.items() if d in docnames})


def add_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """A page with a tool gets the data (inline), ``core.js`` and each of its tools' scripts."""
    tools = getattr(app.env, "neckguide_tools", {}).get(pagename)
    if not tools:
        return
    app.add_js_file(
        None, body=data_json().replace("</", "<\\/"), type="application/json", id=DATA_ID
    )
    app.add_js_file(f"{FOLDER}/core.js", loading_method="defer")
    for tool in tools:
        app.add_js_file(f"{FOLDER}/{tool}.js", loading_method="defer")


def write_data(app: Sphinx, exception: Exception | None) -> None:
    """``_static/tools/tools.json``: the same data the pages embed, for anyone to read."""
    if exception is None and app.builder.format == "html":
        folder = Path(app.outdir) / "_static" / FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        (folder / DATA_FILE).write_text(data_json() + "\n", encoding="utf-8")


def setup_tools(app: Sphinx) -> None:
    app.add_directive("tool", Tool)
    app.add_css_file("tools.css")
    app.connect("env-before-read-docs", init_env)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("html-page-context", add_scripts)
    app.connect("build-finished", write_data)
