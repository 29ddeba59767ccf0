"""One topic's standard handout, in seconds: ``make handout PAGE=faq``.

``python -m neckguide.handouts.preview faq [diagnosis ...]`` builds the site's HTML (without
PDFs, into ``docs/_build/preview``, so only the pages that changed are read again), prints
each page in the standard handout and says how long it is against the limit of
:data:`~neckguide.handouts.names.PAGE_BUDGET` pages::

    faq: 2 pages, about 7 lines spare
    faq: 3 pages, about 12 lines over (the limit is 2)

and keeps the PDF and a PNG of each page to look at, in ``docs/_build/handout/``.
``--site DIR --no-build`` prints from a site already built (``make serve`` does, from its
live build).
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
from pathlib import Path

from neckguide.build import read_conf, shown, sphinx
from neckguide.handouts.assemble import Site, Topic, topic_documents
from neckguide.handouts.length import verdict
from neckguide.handouts.names import HTML_ONLY, PAGE_BUDGET
from neckguide.handouts.render import RenderJob, RenderResult, render_pdf
from neckguide.paths import BUILD, DOCS

PREVIEW_SITE = BUILD / "preview"
OUT = BUILD / "handout"
#: PNG resolution: a whole page readable on a screen, small enough to open at once.
PNG_DPI = 60


def build_site(site_dir: Path = PREVIEW_SITE) -> int:
    """The site's HTML, without PDFs, into ``site_dir`` (quiet; warnings still shown)."""
    doctrees = site_dir.parent / f"doctrees-{site_dir.name}"
    return sphinx("html", site_dir, *HTML_ONLY, doctrees=doctrees, status=io.StringIO())


def render(slug: str, site_dir: Path, out: Path = OUT) -> RenderResult:
    """Render the standard handout of ``topics/<slug>`` to ``out/<slug>.pdf``."""
    page = site_dir / "topics" / f"{slug}.html"
    if not page.is_file():
        raise FileNotFoundError(f"there is no topic page {slug!r} (no {shown(page)})")
    site = Site.from_config(site_dir, read_conf())
    topic = Topic(docname=f"topics/{slug}", title=slug, page=page, uri=f"topics/{slug}.html")
    handout = topic_documents(topic, site)["standard"]
    out.mkdir(parents=True, exist_ok=True)
    job = RenderJob(handout.html, str(page), str(out / f"{slug}.pdf"), slug, handout.stylesheets)
    return render_pdf(job)


def pictures(pdf: Path, dpi: int = PNG_DPI) -> list[Path]:
    """A PNG of each page of ``pdf`` beside it (``faq-1.png``...), with poppler's pdftoppm."""
    for old in pdf.parent.glob(f"{pdf.stem}-*.png"):
        old.unlink()
    if shutil.which("pdftoppm") is None:
        return []
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(pdf.with_suffix(""))],
        check=True,
        timeout=120,
    )
    return sorted(pdf.parent.glob(f"{pdf.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-")[-1]))


def report(slug: str, site_dir: Path, out: Path = OUT, *, with_pictures: bool = True) -> str:
    """Render one handout and say how long it is, and where to look at it."""
    result = render(slug, site_dir, out)
    said = verdict(slug, result.pages, result.fill, slack=result.slack)
    for problem in result.problems:
        said += f"\n  problem: {problem}"
    pngs = pictures(Path(result.output)) if with_pictures else []
    files = ", ".join(p.name for p in pngs)
    return f"{said}\n  look at it: {shown(Path(result.output))}" + (f" ({files})" if files else "")


def parser() -> argparse.ArgumentParser:
    cli = argparse.ArgumentParser(prog="python -m neckguide.handouts.preview", description=__doc__)
    cli.add_argument("pages", nargs="*", help="topic pages by name, e.g. faq diagnosis")
    cli.add_argument("--site", type=Path, default=PREVIEW_SITE, help="a built site")
    cli.add_argument("--no-build", action="store_true", help="use the site as it is")
    cli.add_argument("--out", type=Path, default=OUT, help="where the PDF and PNGs go")
    cli.add_argument("--no-png", action="store_true", help="leave out the PNGs")
    return cli


def main(argv: list[str] | None = None) -> int:
    options = parser().parse_args(argv)
    if not options.pages:
        topics = sorted(p.stem for p in (DOCS / "topics").glob("*.md"))
        print(
            "Say which page: make handout PAGE=faq (the name of a file in docs/topics/: "
            f"{', '.join(topics)})",
            file=sys.stderr,
        )
        return 2
    if not options.no_build and build_site(options.site) != 0:
        print("(the build has warnings, above; the handout shows the page as built)")
    for slug in options.pages:
        try:
            print(report(slug, options.site, options.out, with_pictures=not options.no_png))
        except FileNotFoundError as error:
            print(f"{slug}: {error}", file=sys.stderr)
            return 2
    print(f"The limit is {PAGE_BUDGET} pages for a topic's standard handout.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
