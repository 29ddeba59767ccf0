"""Render one handout's HTML to an accessible PDF with WeasyPrint, and report its problems.

This module runs in worker processes, so it takes and returns plain data. WeasyPrint tells
about problems (a missing image or stylesheet, a link to an anchor that does not exist)
through its ``weasyprint`` logger, not by raising: :func:`render_pdf` captures them and
returns them with the result, so the build can fail and name the page.

The same HTML always gives the same bytes: the PDF identifier is derived from the input,
and any dates come from the HTML's ``dcterms.created``/``dcterms.modified`` meta elements
(the build sets them from git, never from the clock).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

import pydyf

from neckguide.handouts.length import last_page_fill, slack_before_last

#: PDF/UA-1: tagged, marked, with title, language and embedded fonts.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "optimize_images": True}
#: WeasyPrint warnings that mean a broken handout, though logged below ERROR.
FATAL_WARNINGS = ("Anchor defined twice",)

# Only our collector hears WeasyPrint: its warnings about the theme's CSS are noise, and a
# theme dependency (a11y_pygments) sends the root logger's INFO output to the console.
logging.getLogger("weasyprint").propagate = False
# fontTools, which subsets the fonts when HarfBuzz's subsetter is missing, logs a line per
# font and table at INFO (thousands per build): only its warnings are shown, unless the
# build is verbose (:func:`font_subsetting_log`).
FONT_SUBSETTING = logging.getLogger("fontTools")
FONT_SUBSETTING.setLevel(logging.WARNING)


def font_subsetting_log(verbose: bool) -> None:
    """Show fontTools' INFO lines too (``make V=1``), or only its warnings. Set it before the
    worker processes start: they inherit it."""
    FONT_SUBSETTING.setLevel(logging.INFO if verbose else logging.WARNING)


@dataclass(frozen=True)
class RenderJob:
    """One PDF to make: its HTML, where relative URLs in it start, and where it goes."""

    html: str
    base_url: str
    output: str
    name: str = ""  # what the messages call it (the page's name)
    stylesheets: tuple[str, ...] = ()  # the site's CSS files (absolute paths), in order
    open_bookmarks: bool = False  # show the bookmarks when the PDF opens (the booklet)


@dataclass(frozen=True)
class RenderResult:
    """What came out: the file, its page count and size, and any problems WeasyPrint reported."""

    output: str
    pages: int
    size: int
    problems: tuple[str, ...] = field(default_factory=tuple)
    fill: float = 0.0  # how much of the last page is filled (0 to 1): see .length
    slack: float = 0.0  # how much of the page before the last is left empty (0 to 1)


class _Collector(logging.Handler):
    """Collects WeasyPrint's error messages (and the few warnings that mean a broken PDF)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.problems: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.levelno >= logging.ERROR or message.startswith(FATAL_WARNINGS):
            self.problems.append(message)


def identifier_for(html: str) -> bytes:
    """A PDF file identifier that depends only on the input (so rebuilds are identical).

    >>> identifier_for("<p>a</p>") == identifier_for("<p>a</p>"), len(identifier_for("x"))
    (True, 16)
    """
    return hashlib.sha256(html.encode("utf-8")).digest()[:16]


_parsed_css: dict[tuple[str, int, int], object] = {}


def _stylesheet(path: str) -> object:
    """The site's stylesheet at ``path``, parsed once per process (furo's CSS is large)."""
    from weasyprint import CSS

    stat = Path(path).stat()
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _parsed_css:
        _parsed_css[key] = CSS(filename=path)
    return _parsed_css[key]


def _open_bookmarks(document: object, pdf: pydyf.PDF) -> None:
    """A PDF viewer opens the document with its bookmarks (the booklet's chapters) shown."""
    pdf.catalog["PageMode"] = "/UseOutlines"


def render_pdf(job: RenderJob) -> RenderResult:
    """Render ``job`` to its output PDF; returns the page count, size and problems found.

    The site's stylesheets come first (parsed once per process), then the document's own
    ``<style>``, which wins over them.
    """
    from weasyprint import HTML

    collector = _Collector()
    weasy_logger = logging.getLogger("weasyprint")
    weasy_logger.addHandler(collector)
    level = weasy_logger.level
    weasy_logger.setLevel(logging.WARNING)
    try:
        stylesheets = [_stylesheet(path) for path in job.stylesheets]
        html = HTML(string=job.html, base_url=job.base_url)
        document = html.render(stylesheets=stylesheets, **PDF_OPTIONS)
        finisher = _open_bookmarks if job.open_bookmarks else None
        data = document.write_pdf(
            pdf_identifier=identifier_for(job.html), finisher=finisher, **PDF_OPTIONS
        )
    except Exception as error:  # WeasyPrint raising is a problem to report, like its errors
        return RenderResult(
            job.output, 0, 0, (*collector.problems, f"{type(error).__name__}: {error}")
        )
    finally:
        weasy_logger.removeHandler(collector)
        weasy_logger.setLevel(level)
    output = Path(job.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
    return RenderResult(
        job.output,
        len(document.pages),
        len(data),
        tuple(collector.problems),
        last_page_fill(document),
        slack_before_last(document),
    )
