"""The guide's Sphinx extension, ``neckguide.sphinx_ext``: figures from the registry, page
furniture, publishing, and the checks that keep pages safe.

Everything here reports problems as Sphinx warnings with the page and line, so the strict
build (``-W``) stops and tells the writer what to change. Every warning has the type
:data:`WARNING_TYPE` and a subtype naming the rule (``neckguide.fact``,
``neckguide.front-matter``, …), shown at the end of the message.

One module per job, each registering itself in a ``setup_<job>(app)``:

- :mod:`.nodes`: raw HTML made by the extension itself (allowed), and its visitors;
- :mod:`.facts`: ``{fact}``, ``{food}``, ``{worked}``, ``{food-table}``, ``{references}``,
  numbered source marks, and the registry's location and check;
- :mod:`.tscore`: ``{tscore-scale}`` and the SVG drawing it needs;
- :mod:`.page`: each page's summary, its own sources, front matter warnings, review dates
  for the templates, and the refusal of raw HTML typed into a page;
- :mod:`.publish`: ``sitemap.xml`` and furo's duplicate table ids;
- :mod:`.cards`: urgent-care cards, ``{source}`` for advice, and the checks that advice
  cites its source;
- :mod:`.key_message`: the "What you need to know" box from each page's ``key_message``;
- :mod:`.icon_array`: ``{icon-array}``, a chance drawn as 100 (or 1,000) people;
- :mod:`.tools`: ``{tool}``, the "Your numbers" tools (forms :mod:`.tool_forms`, words
  :mod:`.tool_text`), their JSON from the registry, and their scripts on the pages that use them;
- :mod:`.two_units`: ``{fact-in}``, a registry figure shown in two units.
- :mod:`.structure`: a dropdown, tab set or card left open or nested by accident;
- :mod:`.feedback`: each page's link to report a mistake or ask about it;
- :mod:`.history`: "What changed on this page", from commits marked ``Reader-change:``.

A new role or directive goes in the module of its job (or a new one, with its own
``setup_<job>`` called below).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

#: The type of every warning this extension gives; the subtype names the rule.
WARNING_TYPE = "neckguide"


def setup(app: Sphinx) -> dict[str, Any]:
    from neckguide.sphinx_ext.cards import setup_cards
    from neckguide.sphinx_ext.facts import setup_facts
    from neckguide.sphinx_ext.feedback import setup_feedback
    from neckguide.sphinx_ext.history import setup_history
    from neckguide.sphinx_ext.icon_array import setup_icon_array
    from neckguide.sphinx_ext.key_message import setup_key_message
    from neckguide.sphinx_ext.nodes import setup_nodes
    from neckguide.sphinx_ext.page import setup_page
    from neckguide.sphinx_ext.publish import setup_publish
    from neckguide.sphinx_ext.structure import setup_structure
    from neckguide.sphinx_ext.tools import setup_tools
    from neckguide.sphinx_ext.tscore import setup_tscore
    from neckguide.sphinx_ext.two_units import setup_two_units

    setup_nodes(app)
    setup_facts(app)
    setup_tscore(app)
    setup_page(app)
    setup_key_message(app)  # after setup_page: the box goes under the summary
    setup_publish(app)
    setup_cards(app)
    setup_icon_array(app)  # {icon-array}: a chance as 100 people
    setup_tools(app)  # {tool}: the "Your numbers" tools, their data and scripts
    setup_two_units(app)  # {fact-in}: a figure in two units
    setup_structure(app)
    setup_feedback(app)
    setup_history(app)
    return {
        "version": "1",
        "parallel_read_safe": True,
        "parallel_write_safe": True,
        # Bump when a node class moves or changes: saved doctrees then are read again.
        "env_version": 4,  # 4: page histories (HistoryDomain); 3: two T-score drawings
    }
