"""PDF handouts, made as part of the HTML build (Sphinx extension ``neckguide.handouts``).

When the HTML build has finished, every topic page is printed to a PDF handout in standard
and large print, and the whole guide to a booklet in both sizes (:mod:`.pipeline`). Each
topic page links to its handouts (``partials/page-info.html``) and the ``{handouts}``
directive lists them all (:mod:`.site`); both show each PDF's real size and page count
(:mod:`.sizes`).

The modules, in the order the data flows: :mod:`.names` (file names, sizes of print),
:mod:`.site` (the Sphinx side), :mod:`.assemble` (a handout's HTML from the built page),
:mod:`.printable` (a furo page made printable), :mod:`.manifest` (what was rendered),
:mod:`.render` (the WeasyPrint worker), :mod:`.pipeline` (plan, render, record),
:mod:`.sizes` (the sizes shown on the site) and :mod:`.preview` (one handout's page count).

Build with ``-D handouts_enabled=0`` (:data:`.names.HTML_ONLY`) for the site without PDFs.
This extension stands on its own: it needs nothing from ``neckguide.sphinx_ext``.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from neckguide.handouts import site
from neckguide.handouts.names import BOOKLET, BOOKLET_TITLE, HANDOUTS_DIR, VERSION
from neckguide.handouts.pipeline import render_handouts

__all__ = ["HANDOUTS_DIR", "render_handouts", "setup"]

# Before printing from a browser, open every dropdown (print.css shows their bodies too,
# where the browser supports ::details-content); close them again afterwards.
PRINT_SCRIPT = (
    'addEventListener("beforeprint",()=>document.querySelectorAll("details:not([open])")'
    '.forEach(d=>{d.open=true;d.dataset.printOpened=""}));'
    'addEventListener("afterprint",()=>document.querySelectorAll("details[data-print-opened]")'
    ".forEach(d=>{d.open=false;delete d.dataset.printOpened}));"
)


def _skip(self: Any, node: Any) -> None:
    """Builders other than HTML leave the ``{handouts}`` list out."""
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("handouts_enabled", True, "html", bool)
    app.add_config_value("handouts_workers", 0, "", int)  # 0: one per core
    app.add_config_value("handouts_booklet", BOOKLET, "html", str)
    app.add_config_value("handouts_booklet_title", BOOKLET_TITLE, "html", str)
    skip = (_skip, None)
    app.add_node(site.handout_list, html=skip, text=skip, latex=skip, man=skip, texinfo=skip)
    app.add_directive("handouts", site.HandoutList)
    app.add_js_file(None, body=PRINT_SCRIPT)
    app.add_domain(site.HandoutsDomain)
    app.connect("env-get-outdated", site.list_pages_outdated)
    app.connect("doctree-resolved", site.fill_handout_list)
    app.connect("html-page-context", site.page_context)
    app.connect("build-finished", render_handouts)
    return {
        "version": VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
        "env_version": 4,  # 4: the pages with a {handouts} list are kept in HandoutsDomain
    }
