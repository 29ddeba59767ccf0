"""Structure errors are build errors: a dropdown, tab set or card left open, or opened
inside another by accident, is a warning at its file and line (so the strict build stops),
with the same words as the ``structure`` gate (:mod:`neckguide.checks.structure`).

MyST reads an unclosed fence without a word (the block takes in what follows), so the
check reads the page's source as the gate does, when Sphinx reads it (``source-read``).
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util import logging

from neckguide.checks.pages import parse_page
from neckguide.checks.structure import problems_in
from neckguide.sphinx_ext import WARNING_TYPE

logger = logging.getLogger(__name__)


def check_structure(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: warn about each structure problem of a MyST page, at its line."""
    if not str(app.env.doc2path(docname)).endswith(".md"):
        return
    page = parse_page(source[0].splitlines())
    for problem in problems_in(page, docname):
        logger.warning(
            "%s",
            problem.message,
            location=(docname, problem.line),
            type=WARNING_TYPE,
            subtype="structure",
        )


def setup_structure(app: Sphinx) -> None:
    app.connect("source-read", check_structure)
