"""Urgent-care cards and advice citations: safety advice written once, and always sourced.

- ``{care-card}`` draws an NHS-style care card in one of three levels (``non-urgent``,
  ``urgent``, ``emergency``): a high-contrast box with a real heading, a prefix that screen
  readers hear ("Emergency: ") and print shows, and the action first in the body::

      :::{care-card} emergency
      :heading: Call 911 if your neck hurts after a fall
      Do not drive yourself ... {source}`stiell-2001`
      :::

  Care cards are written once, in ``docs/_snippets/``, and pages include them, so the
  advice after a fall has one wording on every page and every handout.
- ``{source}`stiell-2001``` cites a registry source for advice that has no figure: a
  numbered mark like ``{fact}``'s, and the source joins the page's own list at the end.

The build refuses (with file and line): an unknown level, a card with no heading or no
text, a card written in a page instead of a snippet, a card that cites nothing, more than
:data:`MAX_CARDS_PER_PAGE` cards on a page, a "moves to avoid" table or a question-and-answer
dropdown that cites nothing, and a ``{source}`` naming no registry source.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from neckguide import registry as reg
from neckguide.sphinx_ext import WARNING_TYPE
from neckguide.sphinx_ext.facts import depend_on_registry, registry, source_mark

logger = logging.getLogger(__name__)

#: Level → the words a screen reader hears (and print shows) before the heading.
LEVELS = {
    "non-urgent": "Non-urgent advice",
    "urgent": "Urgent advice",
    "emergency": "Emergency",
}
#: NHS: "Do not use too many care cards on a page: they lose their impact."
MAX_CARDS_PER_PAGE = 3
#: Where care cards live: one wording for each piece of urgent advice.
SNIPPETS = "_snippets"


def _cites_a_source(node: nodes.Node) -> bool:
    """True when ``node`` holds a numbered source mark (from ``{fact}`` or ``{source}``)."""
    return any("fact-source" in ref.get("classes", []) for ref in node.findall(nodes.reference))


def _warn(message: str, location: Any, subtype: str) -> None:
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=subtype)


class SourceRole(SphinxRole):
    """``{source}`stiell-2001``` (or ``a,b``) → a numbered mark for each source."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        marks: list[nodes.Node] = []
        for source_id in (s.strip() for s in self.text.split(",")):
            try:
                registry().source(source_id)
            except reg.RegistryError as err:
                _warn(f"{err}", self.get_location(), "source")
                return [nodes.problematic(self.rawtext, self.rawtext)], []
            marks.append(source_mark(self.env, source_id))
        depend_on_registry(self.env)
        return marks, []


class CareCard(SphinxDirective):
    """An NHS-style care card: level, heading, the action first, at least one source."""

    required_arguments = 1
    has_content = True
    option_spec: ClassVar = {
        "heading": directives.unchanged,
        "heading-level": lambda value: directives.choice(value, ("2", "3", "4")),
    }

    def run(self) -> list[nodes.Node]:
        level = self.arguments[0].strip()
        location = self.get_location()
        if level not in LEVELS:
            _warn(
                f"unknown care-card level {level!r}: use one of {', '.join(LEVELS)} "
                "(CONTRIBUTING.md, 'Urgent-care cards')",
                location,
                "care-card",
            )
            return []
        source, _line = self.get_source_info()
        if f"/{SNIPPETS}/" not in str(source).replace("\\", "/"):
            _warn(
                f"write care cards once, in docs/{SNIPPETS}/, and include the snippet in the page "
                "(```{include} ../_snippets/<name>.md```), so the advice has one wording everywhere",
                location,
                "care-card",
            )
        heading = self.options.get("heading", "").strip()
        if not heading:
            _warn(
                "this care card has no heading: add `:heading: Call 911 if ...` (what to do, first)",
                location,
                "care-card",
            )
            return []
        if not "".join(self.content).strip():
            _warn(
                "this care card is empty: say what to do now, who to call, and why",
                location,
                "care-card",
            )
            return []

        card = nodes.container(classes=["care-card", f"care-card--{level}"])
        card["care_level"] = level
        level_number = int(self.options.get("heading-level", 3))
        title = nodes.rubric(
            "", "", classes=["care-card__heading"], **{"heading-level": level_number}
        )
        title += nodes.inline("", f"{LEVELS[level]}: ", classes=["care-card__level"])
        inline, messages = self.parse_inline(heading, lineno=self.lineno)
        title += inline
        card += title
        body = nodes.container(classes=["care-card__content"])
        body += self.parse_content_to_nodes(allow_section_headings=False)
        card += body
        self.set_source_info(card)
        if not _cites_a_source(card):
            _warn(
                "this care card cites no source: add {source}`<id>` (an id from facts/sources.toml) "
                "to say where the advice comes from",
                location,
                "care-card",
            )
        return [card, *messages]


def _dropdown_question(node: nodes.Element) -> str:
    """The title of a sphinx-design dropdown (empty for anything else)."""
    if node.get("design_component") != "dropdown" or not node.children:
        return ""
    title = node.children[0]
    return title.astext().strip() if isinstance(title, nodes.rubric) else ""


def check_advice_is_sourced(app: Sphinx, doctree: nodes.document) -> None:
    """After a page is read: limit care cards, and make advice tables and answers cite."""
    cards = [n for n in doctree.findall(nodes.container) if "care-card" in n.get("classes", [])]
    if len(cards) > MAX_CARDS_PER_PAGE:
        _warn(
            f"this page has {len(cards)} care cards; at most {MAX_CARDS_PER_PAGE} keep their force "
            "(NHS care-card guidance): keep the most urgent and link to the rest",
            (app.env.docname, 1),  # the page, not the snippet the card came from
            "care-card",
        )
    for table in doctree.findall(nodes.table):
        head = next(iter(table.findall(nodes.thead)), None)
        first = head.astext().strip().split("\n")[0].strip().lower() if head else ""
        if first.startswith("avoid") and not _cites_a_source(table):
            _warn(
                'this "moves to avoid" table cites no source: add {source}`<id>` in a cell',
                table,
                "advice-source",
            )
    for dropdown in doctree.findall(nodes.container):
        question = _dropdown_question(dropdown)
        if question.endswith("?") and not _cites_a_source(dropdown):
            _warn(
                f"the answer to {question!r} cites no source: add {{source}}`<id>` (or a "
                "{fact}) for the advice it gives",
                dropdown,
                "advice-source",
            )


def setup_cards(app: Sphinx) -> None:
    """Register the care card, the ``{source}`` role and the advice checks."""
    app.add_directive("care-card", CareCard)
    app.add_role("source", SourceRole())
    app.connect("doctree-read", check_advice_is_sourced)
