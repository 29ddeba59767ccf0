"""Figures from the facts registry: ``{fact}``, ``{food}``, ``{worked}``, ``{food-table}``,
``{references}``, and the numbered mark that links each figure to its source.

- ``{fact}`name``` shows a figure from ``facts/`` with a numbered mark linking to its source,
  listed under "Where this comes from" at the end of the page (:mod:`.page`).
- ``{worked}`-2.7``` shows a number in a worked example; the page's doctests must use it.
- ``{food}`id``` shows a food with its portion ("1 cup of low-fat (1%) milk").
- ``{food-table}`` lists the registry's foods for one nutrient; ``{references}`` lists every
  source and the figures it supports.

The registry is the folder ``neckguide_facts_dir`` in ``conf.py`` names (default
``"../facts"``, relative to the folder of ``conf.py``). The build stops at once if it has
a mistake, with one line naming the file and line (:func:`use_registry`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from neckguide import registry as reg
from neckguide.sphinx_ext import WARNING_TYPE

logger = logging.getLogger(__name__)
#: The page's sources in the order their first mark appears (``env.temp_data`` key).
PAGE_SOURCES = "neckguide_sources"
#: How the ``{food-table}`` heads its nutrient column.
NUTRIENT_HEADINGS = {"calcium": "Calcium", "vitamin_d": "Vitamin D"}


def registry() -> reg.Registry:
    return reg.load()


def depend_on_registry(env: Any) -> None:
    """Rebuild the page being read whenever a file in facts/ changes."""
    for path in registry().files:
        env.note_dependency(str(path))


def citation(source: reg.Source) -> nodes.paragraph:
    """ "Organisation. Title (linked). Year." as on the references page and each page's list;
    a drug label gives its revision and DailyMed set ID, an undated page the day it was read.

    The organisation (often a list of authors), the title and the date (a label's set ID) are
    marked (``citation-by``, ``citation-title``, ``citation-when``): they are other people's
    words and codes, left out of the spell check."""
    para = nodes.paragraph()
    organisation = source.organisation
    by = organisation + (" " if organisation.endswith(".") else ". ")
    para += nodes.inline("", by, classes=["citation-by"])
    para += nodes.reference("", source.title, refuri=source.url, classes=["citation-title"])
    para += nodes.Text(". ")
    para += nodes.inline("", f"{source.when}.", classes=["citation-when"])
    return para


def source_mark(env: Any, source_id: str) -> nodes.superscript:
    """A numbered mark [n] linking to the page's own list of sources."""
    used: list[str] = env.temp_data.setdefault(PAGE_SOURCES, [])
    if source_id not in used:
        used.append(source_id)
    number = used.index(source_id) + 1
    source = registry().source(source_id)
    link = nodes.reference(
        "",
        f"[{number}]",
        refid=f"source-{source_id}",
        reftitle=source.citation,
        classes=["fact-source"],
    )
    return nodes.superscript("", "", link)


class RegistryRole(SphinxRole):
    """A role that shows something from the registry: an unknown name is a warning on the
    page (with the registry's suggestion), and the page is rebuilt when facts/ changes."""

    kind: ClassVar[str]  # the warning's subtype: "fact", "food"

    def lookup(self, find: Any) -> Any:
        """``find(name)`` for the role's text, or ``None`` after warning."""
        try:
            found = find(self.text.strip())
        except reg.RegistryError as err:
            logger.warning(
                "%s", err, location=self.get_location(), type=WARNING_TYPE, subtype=self.kind
            )
            return None
        depend_on_registry(self.env)
        return found

    def problematic(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        return [nodes.problematic(self.rawtext, self.rawtext)], []


class FactRole(RegistryRole):
    """``{fact}`calcium.daily.women_51_70``` → "1,200 mg" with a link to its source."""

    kind = "fact"

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        fact = self.lookup(registry().fact)
        if fact is None:
            return self.problematic()
        value = nodes.inline(fact.display, fact.display, classes=["fact"])
        return [value, source_mark(self.env, fact.source)], []


class FoodRole(RegistryRole):
    """``{food}`milk_low_fat``` → "1 cup of low-fat (1%) milk"."""

    kind = "food"

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        food = self.lookup(registry().food)
        if food is None:
            return self.problematic()
        text = f"{food.portion} of {food.name}"
        return [nodes.inline(text, text, classes=["food"])], []


class WorkedRole(SphinxRole):
    """``{worked}`1,107``` → a number from a worked example (a doctest on the page uses it)."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        text = self.text.strip().replace("-", "−")
        return [nodes.inline(text, text, classes=["worked"])], []


class FoodTable(SphinxDirective):
    """A table of the registry's foods that have a figure for one nutrient."""

    required_arguments = 1  # calcium | vitamin_d
    option_spec: ClassVar = {"caption": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        nutrient = self.arguments[0]
        foods = [f for f in registry().foods.values() if nutrient in f.nutrients]
        if not foods:
            logger.warning(
                "no food in facts/foods.toml has a %r figure",
                nutrient,
                location=self.get_location(),
                type=WARNING_TYPE,
                subtype="food-table",
            )
            return []
        heading = NUTRIENT_HEADINGS.get(nutrient, nutrient)
        foods.sort(key=lambda f: -f.nutrients[nutrient].numbers[0])
        lines = [f"| Food | Portion | {heading} |", "|---|---|---|"]
        lines += [
            f"| {f.name.capitalize()} | {f.portion} | {{fact}}`foods.{f.id}.{nutrient}` |"
            for f in foods
        ]
        if "caption" in self.options:
            lines = [f":::{{table}} {self.options['caption']}", *lines, ":::"]
        return self.parse_text_to_nodes("\n".join(lines))


class References(SphinxDirective):
    """Every source the guide cites, with the figures in the guide that come from it."""

    def run(self) -> list[nodes.Node]:
        facts = registry()
        depend_on_registry(self.env)
        by_source: dict[str, list[reg.Fact]] = {}
        for fact in facts.facts.values():
            by_source.setdefault(fact.source, []).append(fact)
        result = nodes.enumerated_list(classes=["references"])
        for source in facts.sorted_sources():
            item = nodes.list_item("", citation(source), ids=[f"ref-{source.id}"])
            figures = nodes.bullet_list(classes=["reference-figures"])
            for fact in by_source.get(source.id, []):
                says = fact.says or fact.name
                figures += nodes.list_item("", nodes.paragraph("", f"{says}: {fact.display}"))
            if not figures.children:
                text = "Cited for advice the guide gives (no figures)."
                figures += nodes.list_item("", nodes.paragraph("", text))
            item += figures
            result += item
        return [result]


#: What the build says after a registry mistake (the mistake itself is on the same line).
STOPPED = "the build stopped here: fix it, then build again"


def registry_stop(err: Exception, folder: str) -> str:
    """The one line a registry mistake stops the build with: ``file:line: what to do``.

    >>> registry_stop(reg.RegistryError("facts/falls.toml:3: unknown source 'kakra'"), "../facts")
    "facts/falls.toml:3: unknown source 'kakra' (the build stopped here: fix it, then build again)"
    >>> registry_stop(FileNotFoundError(2, "No such file or directory", "/x/sources.toml"), "../f")
    'docs/conf.py:1: the facts registry in ../f cannot be read (No such file or directory: /x/sources.toml); check neckguide_facts_dir (the build stopped here: fix it, then build again)'
    """
    if isinstance(err, OSError):
        return (
            f"docs/conf.py:1: the facts registry in {folder} cannot be read ({err.strerror}: "
            f"{err.filename}); check neckguide_facts_dir ({STOPPED})"
        )
    return f"{err} ({STOPPED})"


def use_registry(app: Sphinx, config: Any) -> None:
    """Read the project's registry (``neckguide_facts_dir``). A mistake in it stops the
    build at once with one plain line naming the file and line (as the ``sources`` gate
    says it), and exit status 2: no traceback, no "report this to Sphinx" (Sphinx's
    handling of a ``ConfigError`` prints both)."""
    try:
        reg.use(Path(app.confdir, config.neckguide_facts_dir))
    except (reg.RegistryError, OSError) as err:
        print(registry_stop(err, config.neckguide_facts_dir), file=sys.stderr, flush=True)
        raise SystemExit(2) from None


def setup_facts(app: Sphinx) -> None:
    app.add_config_value("neckguide_facts_dir", "../facts", "env", str)
    app.connect("config-inited", use_registry)
    app.add_role("fact", FactRole())
    app.add_role("food", FoodRole())
    app.add_role("worked", WorkedRole())
    app.add_directive("food-table", FoodTable)
    app.add_directive("references", References)
