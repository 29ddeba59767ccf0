"""``{fact-in}``: a registry figure shown in its own unit and a second one.

A figure is stated once in the registry, in one unit. US readers weigh themselves in pounds
and read supplement labels in mcg, so a page may show both::

    Stay under {fact-in}`vitamin_d.upper_limit:mcg` a day.   →  4,000 IU (100 mcg) [1]

The second number is worked out at build time by :func:`neckguide.entries.in_second_unit`
(doctested; the tools use the same factors), so it changes with the registry and is never
typed. An unknown figure, a unit the registry figure cannot be converted to, or IU ↔ mcg
for a figure that is not vitamin D is a warning at the page's line.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from neckguide.entries import in_second_unit
from neckguide.sphinx_ext import WARNING_TYPE
from neckguide.sphinx_ext.facts import RegistryRole, logger, registry, source_mark


def both_units(name: str, to: str) -> str:
    """The text ``{fact-in}`name:to``` shows (without its source mark).

    >>> both_units("vitamin_d.upper_limit", "mcg")
    '4,000 IU (100 mcg)'
    >>> both_units("protein.older_adults_g_per_kg", "g per lb")
    '1.0 to 1.2 g per kg (about 0.45 to 0.54 g per lb)'
    """
    fact = registry().fact(name)
    second = in_second_unit(fact.numbers, fact.unit, to, figure=name)
    return f"{fact.display} ({second})"


class FactInRole(RegistryRole):
    """``{fact-in}`name:unit``` → "4,000 IU (100 mcg)" with a link to the figure's source."""

    kind = "fact-in"

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        name, colon, to = self.text.strip().partition(":")
        if not colon or not to.strip():
            return self.refuse(
                f"{{fact-in}} needs a figure and a second unit, like "
                f"{{fact-in}}`vitamin_d.upper_limit:mcg` (got {self.text!r})"
            )
        fact = self.lookup(lambda text: registry().fact(name.strip()))
        if fact is None:
            return self.problematic()
        try:
            text = both_units(fact.name, to.strip())
        except ValueError as err:
            return self.refuse(f"{{fact-in}}`{self.text}`: {err}")
        value = nodes.inline(text, text, classes=["fact"])
        return [value, source_mark(self.env, fact.source)], []

    def refuse(self, message: str) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        logger.warning(
            "%s", message, location=self.get_location(), type=WARNING_TYPE, subtype=self.kind
        )
        return self.problematic()


def setup_two_units(app: Sphinx) -> None:
    app.add_role("fact-in", FactInRole())
