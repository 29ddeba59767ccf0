"""Preview one topic's standard handout without building every PDF.

``python -m neckguide.handouts.preview diagnosis [faq ...]`` prints each handout's page count
(the budget is :data:`~neckguide.handouts.names.PAGE_BUDGET` pages) from the site last built
into ``docs/_build/html``. Build first with ``python -m neckguide.build html -D handouts_enabled=0``
for a quick loop while you edit a page.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from neckguide.build import read_conf
from neckguide.handouts.assemble import Site, Topic, topic_documents
from neckguide.handouts.names import PAGE_BUDGET
from neckguide.handouts.render import RenderJob, render_pdf
from neckguide.paths import BUILD


def preview(slug: str, site_dir: Path = BUILD / "html") -> int:
    """Render the standard handout of ``topics/<slug>`` into a temporary file; its page count."""
    conf = read_conf()
    site = Site.from_config(site_dir, conf)
    page = site_dir / "topics" / f"{slug}.html"
    topic = Topic(docname=f"topics/{slug}", title=slug, page=page, uri=f"topics/{slug}.html")
    handout = topic_documents(topic, site)["standard"]
    with tempfile.TemporaryDirectory() as tmp:
        job = RenderJob(
            handout.html, str(page), str(Path(tmp) / f"{slug}.pdf"), slug, handout.stylesheets
        )
        return render_pdf(job).pages


def main(slugs: list[str]) -> int:
    over = 0
    for slug in slugs:
        pages = preview(slug)
        verdict = "fits" if pages <= PAGE_BUDGET else f"{pages - PAGE_BUDGET} page(s) too long"
        over += pages > PAGE_BUDGET
        print(f"{slug}: {pages} pages ({verdict}; the budget is {PAGE_BUDGET})")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
