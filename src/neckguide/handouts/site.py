"""The handouts on the site: each topic page's links to its PDFs, and the ``{handouts}`` list.

Both show a placeholder where each PDF's size and page count go (:mod:`.sizes`): the numbers
are only known once the PDFs are rendered, at the end of the build.
"""

from __future__ import annotations

import posixpath
from collections.abc import Set
from typing import Any, ClassVar, cast

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from neckguide.handouts.names import HANDOUTS_DIR, LABELS, TOPICS, pdf_name
from neckguide.handouts.sizes import placeholder


def topic_docnames(env: BuildEnvironment) -> list[str]:
    """The topic pages in the order of the home page's contents, then any others."""
    ordered: list[str] = []

    def walk(docname: str) -> None:
        for child in env.toctree_includes.get(docname, []):
            if child not in ordered:
                ordered.append(child)
                walk(child)

    walk(env.config.root_doc)
    topics = [d for d in ordered if d.startswith(TOPICS)]
    return topics + sorted(d for d in env.found_docs if d.startswith(TOPICS) and d not in topics)


def enabled(app: Sphinx) -> bool:
    """Handouts are made by the ``html`` builder only, unless switched off (so a ``dirhtml``
    build links to no PDF it never makes)."""
    return bool(app.config.handouts_enabled) and app.builder.name == "html"


def handout_links(app: Sphinx, stem: str) -> list[dict[str, Any]]:
    """The template's ``handouts`` list for one topic or the booklet (sizes filled later)."""
    if not enabled(app):
        return []
    return [
        {
            "path": f"{HANDOUTS_DIR}/{pdf_name(stem, v)}",
            "file": pdf_name(stem, v),
            "label": label,
            "placeholder": placeholder(pdf_name(stem, v)),
        }
        for v, label in LABELS.items()
    ]


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    """Each topic page links to its own handouts (``partials/page-info.html``)."""
    if pagename.startswith(TOPICS):
        context["handouts"] = handout_links(app, pagename.rsplit("/", 1)[-1])


class HandoutsDomain(Domain):
    """What the handouts remember between builds: the pages that hold a ``{handouts}`` list
    (kept by Sphinx with each page, cleared and merged with it, as ``sphinx.ext.todo`` does)."""

    name = "handouts"
    label = "PDF handouts"
    initial_data: ClassVar[dict[str, Any]] = {"pages": {}}  # docname -> True
    data_version = 1

    @property
    def pages_with_list(self) -> list[str]:
        return sorted(self.data["pages"])

    def note_list(self, docname: str) -> None:
        self.data["pages"][docname] = True

    def clear_doc(self, docname: str) -> None:
        self.data["pages"].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["pages"]:
                self.data["pages"][docname] = True


def domain(env: BuildEnvironment) -> HandoutsDomain:
    return cast("HandoutsDomain", env.domains["handouts"])


class handout_list(nodes.General, nodes.Element):
    """Where the list of every handout goes (filled in when the page is written)."""


class HandoutList(SphinxDirective):
    """``{handouts}``: a table of every handout, both sizes, with size and page count."""

    def run(self) -> list[nodes.Node]:
        domain(self.env).note_list(self.env.docname)
        return [handout_list()]


def _link(app: Sphinx, docname: str, entry: dict[str, Any]) -> str:
    href = posixpath.relpath(entry["path"], posixpath.dirname(docname) or ".")
    return f'<a href="{href}" download>{entry["label"]} PDF</a> {entry["placeholder"]}'


def fill_handout_list(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace ``{handouts}`` with the table: the booklet, then each topic in order."""
    for node in list(doctree.findall(handout_list)):
        if not enabled(app):
            node.replace_self(nodes.paragraph("", "The PDF handouts were not made in this build."))
            continue
        rows = [
            (
                app.config.handouts_booklet_title + " (booklet with contents)",
                None,
                app.config.handouts_booklet,
            )
        ]
        for topic in topic_docnames(app.env):
            rows.append((app.env.titles[topic].astext(), topic, topic.rsplit("/", 1)[-1]))
        body = []
        for title, topic, stem in rows:
            name = title
            if topic:
                href = app.builder.get_relative_uri(docname, topic)
                name = f'<a class="reference internal" href="{href}">{title}</a>'
            cells = "".join(f"<td>{_link(app, docname, e)}</td>" for e in handout_links(app, stem))
            body.append(f'<tr><th scope="row">{name}</th>{cells}</tr>')
        head = "".join(f'<th scope="col">{h}</th>' for h in ("Handout", *LABELS.values()))
        table = (
            f'<div class="table-wrapper"><table class="handout-list docutils align-default">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
        )
        node.replace_self(nodes.raw("", table, format="html"))


def list_pages_outdated(
    app: Sphinx, env: BuildEnvironment, added: set, changed: set, removed: set
) -> list[str]:
    """A topic added, changed or removed: the handout list shows its title, write it again."""
    if any(d.startswith(TOPICS) for d in added | changed | removed):
        return domain(env).pages_with_list
    return []
