"""Publishing: ``sitemap.xml`` of every page, and furo's duplicate table ids removed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform


def write_sitemap(app: Sphinx, exception: Exception | None) -> None:
    """sitemap.xml of every page at ``html_baseurl``. Written from the whole project each time
    (sphinx-sitemap lists only the pages rewritten by an incremental build)."""
    if exception or app.builder.format != "html" or not app.config.html_baseurl:
        return
    base = app.config.html_baseurl.rstrip("/") + "/"
    urls = [
        f"  <url><loc>{base}{app.builder.get_target_uri(doc)}</loc></url>"
        for doc in sorted(app.env.found_docs)
    ]
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(urls)
        + "\n</urlset>\n"
    )
    Path(app.outdir, "sitemap.xml").write_text(xml, encoding="utf-8")


class UniqueTableIds(SphinxPostTransform):
    """Furo wraps each table in a container and copies the table's id onto it, so a captioned
    table's id appears twice (invalid HTML, and a broken anchor in PDFs). Keep it on the table."""

    formats = ("html",)
    default_priority = 501  # just after furo's wrapper (500)

    def run(self, **kwargs: Any) -> None:
        for wrapper in self.document.findall(nodes.container):
            if "table-wrapper" in wrapper["classes"]:
                wrapper["ids"] = []


def setup_publish(app: Sphinx) -> None:
    app.connect("build-finished", write_sitemap)
    app.add_post_transform(UniqueTableIds)
