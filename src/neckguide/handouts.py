"""PDF handouts, made as part of the HTML build (Sphinx extension ``neckguide.handouts``).

When the HTML build has finished, every topic page (``docs/topics/*.md``) is printed with
WeasyPrint to a PDF handout in standard print (12 pt) and large print (16 pt), and the whole
guide to a booklet in both sizes, under ``_downloads/handouts/`` of the output. PDFs render in
parallel; a PDF whose input did not change is kept (see :mod:`neckguide.handout_build`).
Any problem WeasyPrint reports (a missing image or stylesheet, a link to an anchor that does
not exist) is a Sphinx warning naming the page, so the strict build fails.

Each topic page links to its handouts (``partials/page-info.html``) and the ``{handouts}``
directive lists them all; both show each PDF's real size and page count, written into the
built pages once the PDFs exist.

Set ``GUIDE_HANDOUTS=0`` (or ``handouts_enabled = False``) to build the site without PDFs.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import time
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.display import status_iterator

from neckguide import handout_site as site_links
from neckguide.handout_site import HANDOUTS_DIR, pdf_name, topic_docnames

if TYPE_CHECKING:  # the PDF machinery (BeautifulSoup, segno, WeasyPrint) loads only when used
    from neckguide import handout_build as hb
    from neckguide.handout_render import RenderJob, RenderResult

__all__ = ["HANDOUTS_DIR", "render_handouts", "setup"]

logger = logging.getLogger(__name__)

# Before printing from a browser, open every dropdown (print.css shows their bodies too,
# where the browser supports ::details-content); close them again afterwards.
PRINT_SCRIPT = (
    'addEventListener("beforeprint",()=>document.querySelectorAll("details:not([open])")'
    '.forEach(d=>{d.open=true;d.dataset.printOpened=""}));'
    'addEventListener("afterprint",()=>document.querySelectorAll("details[data-print-opened]")'
    ".forEach(d=>{d.open=false;delete d.dataset.printOpened}));"
)


def enabled(app: Sphinx) -> bool:
    """Handouts are made by the ``html`` builder only, unless switched off."""
    return bool(app.config.handouts_enabled) and app.builder.name == "html"


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


def _topics(app: Sphinx) -> list[hb.Topic]:
    from neckguide import handout_build as hb

    env, outdir = app.env, Path(app.outdir)
    topics = []
    for docname in topic_docnames(env):
        uri = app.builder.get_target_uri(docname)
        topics.append(
            hb.Topic(
                docname=docname,
                title=env.titles[docname].astext(),
                page=outdir / uri,
                uri=uri,
                summary=str(env.metadata.get(docname, {}).get("summary", "")),
                date=_git_date(Path(env.doc2path(docname))),
            )
        )
    return topics


def _jobs(app: Sphinx, site: hb.Site, topics: list[hb.Topic]) -> list[tuple[RenderJob, str, str]]:
    """Every PDF to make: (job, its input hash, the page its problems are reported on)."""
    from neckguide import handout_build as hb
    from neckguide.handout_render import RenderJob

    folder = site.outdir / HANDOUTS_DIR
    report_booklet_on = sorted(app.env.neckguide_handout_pages) or [app.config.root_doc]  # type: ignore[attr-defined]
    jobs = []
    for variant, handout in hb.booklet_documents(topics, site).items():  # longest jobs first
        output = folder / pdf_name(site.booklet_name, variant)
        job = RenderJob(
            handout.html, str(topics[0].page), str(output), "booklet", handout.stylesheets, True
        )
        jobs.append((job, hb.input_hash(handout, topics[0].page), report_booklet_on[0]))
    for topic in topics:
        for variant, handout in hb.topic_documents(topic, site).items():
            output = folder / pdf_name(topic.slug, variant)
            job = RenderJob(
                handout.html, str(topic.page), str(output), topic.docname, handout.stylesheets
            )
            jobs.append((job, hb.input_hash(handout, topic.page), topic.docname))
    return jobs


def _executor(workers: int) -> Executor | None:
    if workers <= 1:
        return None
    import weasyprint  # noqa: F401  (imported once here; forked workers inherit it)

    return ProcessPoolExecutor(max_workers=workers)


def render_handouts(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: render what changed, keep the rest, write sizes into the pages."""
    if exception is not None or not enabled(app):
        return
    from neckguide import handout_build as hb

    started = time.perf_counter()
    config = app.config
    if not config.html_baseurl:
        logger.warning(
            "handouts: set html_baseurl in conf.py: each handout links and QR-codes its page's address",
            type="handouts",
        )
    site = hb.Site(
        outdir=Path(app.outdir),
        baseurl=(config.html_baseurl or "").rstrip("/") + "/",
        name=config.project,
        author=config.author,
        booklet_name=config.handouts_booklet,
        booklet_title=config.handouts_booklet_title,
    )
    topics = _topics(app)
    if not topics:
        return
    folder = site.outdir / HANDOUTS_DIR
    previous = hb.read_manifest(folder)
    files: dict[str, dict] = {}
    todo = []
    jobs = _jobs(app, site, topics)
    for job, digest, location in jobs:
        name = Path(job.output).name
        old = previous.get(name)
        if old and old.get("hash") == digest and Path(job.output).is_file():
            files[name] = {**old, "bytes": Path(job.output).stat().st_size}
        else:
            todo.append((job, digest, location))
    _render(app, todo, files)
    for stale in folder.glob("*.pdf"):
        if stale.name not in files and stale.name not in {Path(j.output).name for j, _, _ in todo}:
            stale.unlink()
    hb.write_manifest(folder, files)
    hb.fill_sizes(site.outdir, files)
    logger.info(
        "handouts: %d PDFs rendered, %d unchanged kept, in %.1f s (%s/)",
        len(todo),
        len(jobs) - len(todo),
        time.perf_counter() - started,
        HANDOUTS_DIR,
    )


def _render(app: Sphinx, todo: list[tuple[RenderJob, str, str]], files: dict[str, dict]) -> None:
    """Render ``todo`` on every core (``handouts_workers``), showing progress."""
    if not todo:
        return
    from neckguide.handout_render import render_pdf

    workers = min(app.config.handouts_workers or os.cpu_count() or 1, len(todo))
    executor = _executor(workers)
    try:
        if executor is None:
            results: Iterator[RenderResult] = (render_pdf(job) for job, _, _ in todo)
        else:
            futures = [executor.submit(render_pdf, job) for job, _, _ in todo]
            results = (future.result() for future in as_completed(futures))
        planned = {job.output: (job, digest, location) for job, digest, location in todo}
        for result in status_iterator(
            results,
            "rendering PDF handouts... ",
            "darkgreen",
            len(todo),
            app.verbosity,
            stringify_func=lambda r: Path(r.output).name,
        ):
            _record(result, planned[result.output], files)
    finally:
        if executor is not None:
            executor.shutdown()


def _record(
    result: RenderResult, planned: tuple[RenderJob, str, str], files: dict[str, dict]
) -> None:
    """Log the problems of one PDF as warnings on its page; record it only when it is good."""
    job, digest, location = planned
    name = Path(result.output).name
    for problem in result.problems:
        logger.warning(
            "PDF handout %s: %s",
            name,
            problem,
            location=location,
            type="handouts",
            subtype="weasyprint",
        )
    if result.problems:
        files.pop(name, None)
        return
    files[name] = {"hash": digest, "pages": result.pages, "bytes": result.size, "page": job.name}


def _skip(self: Any, node: Any) -> None:
    """Builders other than HTML leave the ``{handouts}`` list out."""
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value(
        "handouts_enabled", os.environ.get("GUIDE_HANDOUTS", "1") != "0", "html", bool
    )
    app.add_config_value("handouts_workers", 0, "", int)  # 0: one per core
    app.add_config_value("handouts_booklet", "osteoporosis-in-the-neck-booklet", "html", str)
    app.add_config_value(
        "handouts_booklet_title", "Osteoporosis in the Neck — a patient guide", "html", str
    )
    skip = (_skip, None)
    app.add_node(site_links.handout_list, html=skip, text=skip, latex=skip, man=skip, texinfo=skip)
    app.add_directive("handouts", site_links.HandoutList)
    app.add_js_file(None, body=PRINT_SCRIPT)
    app.connect("env-before-read-docs", site_links.init_env)
    app.connect("env-purge-doc", site_links.purge_doc)
    app.connect("env-merge-info", site_links.merge_info)
    app.connect("env-get-outdated", site_links.list_pages_outdated)
    app.connect("doctree-resolved", site_links.fill_handout_list)
    app.connect("html-page-context", site_links.page_context)
    app.connect("build-finished", render_handouts)
    return {
        "version": site_links.VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
        "env_version": 2,
    }
