"""Raw HTML that the extension makes itself (allowed), unlike raw HTML typed into a page."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx


class generated_raw(nodes.raw):
    """Raw HTML made by this extension (allowed), as opposed to raw HTML typed into a page."""


def visit_generated_raw(self: Any, node: nodes.Node) -> None:
    self.body.append(node.astext())
    raise nodes.SkipNode


def skip_node(self: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode


def setup_nodes(app: Sphinx) -> None:
    skip = (skip_node, None)
    app.add_node(
        generated_raw,
        html=(visit_generated_raw, None),
        text=skip,
        latex=skip,
        man=skip,
        texinfo=skip,
    )
