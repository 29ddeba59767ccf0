"""Page furniture and safety: each topic page's front matter is checked, its summary goes
under the title and its own numbered sources at the end (every page stands alone as a
handout); the templates get the review dates in a reader's format; raw HTML typed into a
page is refused.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from neckguide import front_matter
from neckguide.sphinx_ext import WARNING_TYPE
from neckguide.sphinx_ext.facts import PAGE_SOURCES, citation, registry
from neckguide.sphinx_ext.nodes import generated_raw

logger = logging.getLogger(__name__)
TOPICS = "topics/"
#: The heading of each page's own list of sources, at its end.
SOURCES_HEADING = "Where this comes from"


def warn_about_front_matter(app: Sphinx, doctree: nodes.document) -> None:
    """A topic page without a required key, or with a review date not written YYYY-MM-DD."""
    env = app.env
    if not env.docname.startswith(TOPICS):
        return
    meta = env.metadata.get(env.docname, {})
    location = (env.docname, 1)  # Sphinx turns a docname into its file
    for key in front_matter.REQUIRED:
        if not str(meta.get(key, "")).strip():
            logger.warning(
                "front matter is missing %r: add `%s: ...` between the --- lines at the top "
                "(see CONTRIBUTING.md, 'Page template')",
                key,
                key,
                location=location,
                type=WARNING_TYPE,
                subtype="front-matter",
            )
    for key in front_matter.DATES:
        if key in meta and front_matter.review_date(meta[key]) is None:
            logger.warning(
                "front matter %r must be a real date written YYYY-MM-DD (got %r)",
                key,
                meta[key],
                location=location,
                type=WARNING_TYPE,
                subtype="front-matter",
            )


def insert_summary(app: Sphinx, doctree: nodes.document) -> None:
    """The page's one-line summary (front matter), right under its title."""
    summary = app.env.metadata.get(app.env.docname, {}).get("summary")
    title = next(iter(doctree.findall(nodes.title)), None)
    if summary and title is not None:
        section = title.parent
        paragraph = nodes.paragraph("", str(summary), classes=["page-summary"])
        section.insert(section.index(title) + 1, paragraph)


def append_page_sources(app: Sphinx, doctree: nodes.document) -> None:
    """ "Where this comes from": the sources the page's marks point to (figures and advice)."""
    used: list[str] = app.env.temp_data.get(PAGE_SOURCES, [])
    if not used:
        return
    section = nodes.section(ids=["where-this-comes-from"], classes=["page-sources"])
    section += nodes.title("", SOURCES_HEADING)
    listing = nodes.enumerated_list()
    for source_id in used:
        source = registry().source(source_id)
        listing += nodes.list_item("", citation(source), ids=[f"source-{source_id}"])
    section += listing
    top = next(iter(doctree.findall(nodes.section)), None)
    (top or doctree).append(section)


def refuse_raw_html(app: Sphinx, doctree: nodes.document) -> None:
    """Raw HTML typed into a page could carry script into the site: refuse it."""
    for node in doctree.findall(nodes.raw):
        if isinstance(node, generated_raw):
            continue
        logger.warning(
            "raw HTML is not allowed in pages (%s...): use MyST Markdown or a directive instead "
            "(CONTRIBUTING.md, 'Writing a page')",
            node.astext().strip()[:40],
            location=node,
            type=WARNING_TYPE,
            subtype="raw-html",
        )


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    """Give templates the review dates in a reader's format."""
    meta = context.get("meta") or {}
    for key in front_matter.DATES:
        value = meta.get(key)
        if value:
            day = front_matter.review_date(value)
            context[key] = front_matter.reader_date(day) if day else str(value)


def setup_page(app: Sphinx) -> None:
    app.connect("doctree-read", warn_about_front_matter)
    app.connect("doctree-read", insert_summary)
    app.connect("doctree-read", append_page_sources)
    app.connect("doctree-read", refuse_raw_html)
    app.connect("html-page-context", page_context)
