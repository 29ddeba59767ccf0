"""The PDF step of the HTML build (``build-finished``): plan, render, record.

Every topic page (``docs/topics/*.md``) is printed with WeasyPrint to a PDF handout in
standard print (12 pt) and large print (16 pt), and the whole guide to a booklet in both
sizes, under ``_downloads/handouts/`` of the output. PDFs render in parallel; a PDF whose
input hash did not change is kept (:mod:`.manifest`). Any problem WeasyPrint reports (a
missing image or stylesheet, a link to an anchor that does not exist) is a Sphinx warning
naming the page, so the strict build fails. Then the real sizes go into the pages
(:mod:`.sizes`).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import time
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.display import status_iterator

from neckguide.handouts.names import HANDOUTS_DIR, PAGE_BUDGET, WARNING_TYPE, pdf_name
from neckguide.handouts.site import domain, enabled, topic_docnames

if TYPE_CHECKING:  # the PDF machinery (BeautifulSoup, segno, WeasyPrint) loads only when used
    from neckguide.handouts.assemble import Site, Topic
    from neckguide.handouts.manifest import ManifestEntry
    from neckguide.handouts.render import RenderJob, RenderResult

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Planned:
    """One PDF to make: the job for the renderer, its input hash, and the page its
    problems are reported on."""

    job: RenderJob
    digest: str
    report_on: str

    @property
    def file(self) -> str:
        return Path(self.job.output).name


def _git_date(path: Path) -> str | None:
    """The date of the last commit that touched ``path`` (SOURCE_DATE_EPOCH wins if set)."""
    if epoch := os.environ.get("SOURCE_DATE_EPOCH"):
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).isoformat()
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%cI", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        ).stdout.strip()
    except OSError:
        return None
    return out or None


#: The page the booklet ends with, so a reader holding the paper can look words up.
GLOSSARY = "glossary"


def _glossary(app: Sphinx) -> list[Topic]:
    """The glossary page as the booklet's last chapter (none if the project has no glossary)."""
    if GLOSSARY not in app.env.found_docs:
        return []
    return _pages(app, [GLOSSARY])


def _topics(app: Sphinx) -> list[Topic]:
    return _pages(app, topic_docnames(app.env))


def _pages(app: Sphinx, docnames: list[str]) -> list[Topic]:
    from neckguide.handouts.assemble import Topic

    env, outdir = app.env, Path(app.outdir)
    topics = []
    for docname in docnames:
        uri = app.builder.get_target_uri(docname)
        topics.append(
            Topic(
                docname=docname,
                title=env.titles[docname].astext(),
                page=outdir / uri,
                uri=uri,
                summary=str(env.metadata.get(docname, {}).get("summary", "")),
                date=_git_date(Path(env.doc2path(docname))),
            )
        )
    return topics


def plan(app: Sphinx, site: Site, topics: list[Topic]) -> list[Planned]:
    """Every PDF to make, the booklets first (the longest jobs)."""
    from neckguide.handouts.assemble import booklet_documents, topic_documents
    from neckguide.handouts.manifest import input_hash
    from neckguide.handouts.render import RenderJob

    folder = site.outdir / HANDOUTS_DIR
    report_booklet_on = domain(app.env).pages_with_list or [app.config.root_doc]
    plans = []
    for variant, handout in booklet_documents(topics, site, appendix=_glossary(app)).items():
        job = RenderJob(
            handout.html,
            base_url=str(topics[0].page),
            output=str(folder / pdf_name(site.booklet_name, variant)),
            name="booklet",
            stylesheets=handout.stylesheets,
            open_bookmarks=True,
        )
        plans.append(Planned(job, input_hash(handout, topics[0].page), report_booklet_on[0]))
    for topic in topics:
        for variant, handout in topic_documents(topic, site).items():
            job = RenderJob(
                handout.html,
                base_url=str(topic.page),
                output=str(folder / pdf_name(topic.slug, variant)),
                name=topic.docname,
                stylesheets=handout.stylesheets,
            )
            plans.append(Planned(job, input_hash(handout, topic.page), topic.docname))
    return plans


def _executor(workers: int) -> Executor | None:
    if workers <= 1:
        return None
    import weasyprint  # noqa: F401  (imported once here; forked workers inherit it)

    return ProcessPoolExecutor(max_workers=workers)


def render_handouts(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: render what changed, keep the rest, write sizes into the pages."""
    if exception is not None or not enabled(app):
        return
    from neckguide.handouts.assemble import Site
    from neckguide.handouts.manifest import read_manifest, write_manifest
    from neckguide.handouts.sizes import fill_sizes

    started = time.perf_counter()
    if not app.config.html_baseurl:
        logger.warning(
            "handouts: set html_baseurl in conf.py: each handout links and QR-codes its page's address",
            type=WARNING_TYPE,
            subtype="handouts-config",
        )
    site = Site.from_config(Path(app.outdir), app.config)
    topics = _topics(app)
    if not topics:
        return
    folder = site.outdir / HANDOUTS_DIR
    previous = read_manifest(folder)
    files: dict[str, ManifestEntry] = {}
    todo = []
    plans = plan(app, site, topics)
    for planned in plans:
        old, output = previous.get(planned.file), Path(planned.job.output)
        if old and old.get("hash") == planned.digest and output.is_file():
            files[planned.file] = {**old, "bytes": output.stat().st_size}
        else:
            todo.append(planned)
    _render(app, todo, files)
    wanted = {planned.file for planned in plans}
    for stale in folder.glob("*.pdf"):
        if stale.name not in wanted:
            stale.unlink()
    write_manifest(folder, files)
    fill_sizes(site.outdir, files)
    logger.info(
        "handouts: %d PDFs rendered, %d unchanged kept, in %.1f s (%s/)",
        len(todo),
        len(plans) - len(todo),
        time.perf_counter() - started,
        HANDOUTS_DIR,
    )
    for line in over_budget(topics, files):
        logger.info("handouts: %s", line)


def over_budget(topics: list[Topic], files: dict[str, ManifestEntry]) -> list[str]:
    """A line for each topic whose standard handout passes the page limit: ``make`` says
    so (it is not a build error; ``make test`` fails on it), with the quick command."""
    from neckguide.handouts.length import verdict

    lines = []
    for topic in topics:
        entry = files.get(pdf_name(topic.slug, "standard"))
        if entry and entry["pages"] > PAGE_BUDGET:
            said = (
                verdict(topic.slug, entry["pages"], entry["fill"], slack=entry.get("slack", 0.0))
                if "fill" in entry  # (a PDF kept from before fills were recorded has none)
                else f"{topic.slug}: {entry['pages']} pages (the limit is {PAGE_BUDGET})"
            )
            lines.append(f"over the limit: {said}; see it with `make handout PAGE={topic.slug}`")
    return lines


def _render(app: Sphinx, todo: list[Planned], files: dict[str, ManifestEntry]) -> None:
    """Render ``todo`` on every core (``handouts_workers``), showing progress."""
    if not todo:
        return
    from neckguide.handouts.render import font_subsetting_log, render_pdf

    font_subsetting_log(app.verbosity > 0)
    workers = min(app.config.handouts_workers or os.cpu_count() or 1, len(todo))
    executor = _executor(workers)
    try:
        if executor is None:
            results: Iterator[RenderResult] = (render_pdf(p.job) for p in todo)
        else:
            futures = [executor.submit(render_pdf, p.job) for p in todo]
            results = (future.result() for future in as_completed(futures))
        by_output = {p.job.output: p for p in todo}
        for result in status_iterator(
            results,
            "rendering PDF handouts... ",
            "darkgreen",
            len(todo),
            app.verbosity,
            stringify_func=lambda r: Path(r.output).name,
        ):
            _record(result, by_output[result.output], files)
    finally:
        if executor is not None:
            executor.shutdown()


def _record(result: RenderResult, planned: Planned, files: dict[str, ManifestEntry]) -> None:
    """Log the problems of one PDF as warnings on its page; record it only when it is good."""
    for problem in result.problems:
        logger.warning(
            "PDF handout %s: %s",
            planned.file,
            problem,
            location=planned.report_on,
            type=WARNING_TYPE,
            subtype="handouts-pdf",
        )
    if result.problems:
        files.pop(planned.file, None)
        return
    files[planned.file] = {
        "hash": planned.digest,
        "pages": result.pages,
        "bytes": result.size,
        "page": planned.job.name,
        "fill": round(result.fill, 4),
        "slack": round(result.slack, 4),
    }
