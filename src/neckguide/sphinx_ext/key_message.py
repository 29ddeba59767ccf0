"""The page's main message, first: a "What you need to know" box under the title.

Each topic page's front matter has a ``key_message``: one to three sentences in the active
voice, with the main action. The box comes right after the one-line summary, so it is the
first thing a reader sees on the web and on the handout (CDC Clear Communication Index items
1–3 and 10: one main message, at the top, emphasised).

The message is plain text (no roles, no figures): numbers belong in the page, where each
one carries its source. The build warns when it is too long or has a figure; a missing one
is reported with the rest of the front matter (:data:`neckguide.front_matter.REQUIRED`).
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from neckguide.sphinx_ext import WARNING_TYPE

logger = logging.getLogger(__name__)

HEADING = "What you need to know"
#: Help lines are names, not figures ("call 911").
HELP_LINE = re.compile(r"\b(?:[Cc]all|[Dd]ial|[Pp]hone|[Rr]ing) (?:911|999|112|111)\b")
MAX_SENTENCES = 3


def sentences(text: str) -> list[str]:
    """The sentences of a short message.

    >>> sentences("Call 911. Do not drive!  Keep still?")
    ['Call 911.', 'Do not drive!', 'Keep still?']
    """
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def problems(message: str) -> list[str]:
    """What is wrong with a key message, in words a writer can act on.

    >>> problems("Ask your doctor about a scan. It finds weak bones early.")
    []
    >>> problems("About 1 in 2 women break a bone.")
    ['it has a figure (1, 2): put figures in the page, where they carry their source']
    >>> problems("Call 911 if your neck hurts after a fall.")
    []
    >>> len(problems("One. Two. Three. Four."))
    1
    """
    found = []
    digits = re.findall(r"\d+", HELP_LINE.sub("", message))
    if digits:
        found.append(
            f"it has a figure ({', '.join(digits)}): put figures in the page, "
            "where they carry their source"
        )
    if len(sentences(message)) > MAX_SENTENCES:
        found.append(f"it has more than {MAX_SENTENCES} sentences: keep the one thing to remember")
    return found


def insert_key_message(app: Sphinx, doctree: nodes.document) -> None:
    """Put the "What you need to know" box after the title and summary of a page that has a
    key message (every topic page must; the home page has one too)."""
    env = app.env
    docname = env.docname
    meta = env.metadata.get(docname, {})
    message = str(meta.get("key_message", "")).strip()
    where = (docname, 1)  # Sphinx turns a docname into its file
    if not message:  # the front-matter check (sphinx_ext.page) reports it missing
        return
    for problem in problems(message):
        logger.warning(
            "key_message: %s", problem, location=where, type=WARNING_TYPE, subtype="key-message"
        )
    title = next(iter(doctree.findall(nodes.title)), None)
    if title is None:
        return
    section = title.parent
    box = nodes.container(classes=["key-message"])
    box += nodes.rubric("", HEADING, classes=["key-message__heading"], **{"heading-level": 2})
    box += nodes.paragraph("", message)
    after = section.index(title) + 1
    following = section.children[after] if len(section.children) > after else None
    if isinstance(following, nodes.paragraph) and "page-summary" in following.get("classes", []):
        after += 1
    section.insert(after, box)


def setup_key_message(app: Sphinx) -> None:
    app.connect("doctree-read", insert_key_message)
