"""Build the guide: ``python -m neckguide.build [html|doctest|live|<builder>] [--verbose]``.

The HTML build (with the PDF handouts) runs strictly (``-W --keep-going -n``) into a staging
folder; only a build with no warnings replaces ``docs/_build/html``, so a broken change never
leaves a half-built site where the published one was.

It is quiet: Sphinx's progress is cut down to one line per stage and the rest of its chatter
is left out (:class:`QuietStatus`), then a summary says what was built and where to open it.
Only Sphinx's status stream is filtered: warnings and errors go to stderr untouched.
``--verbose`` (``make V=1``) shows everything, with Sphinx's ``-v``.
"""

from __future__ import annotations

import contextlib
import io
import re
import runpy
import shlex
import shutil
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from neckguide.paths import BUILD, DOCS, FACTS, ROOT


def strict_args(*, warnings_are_errors: bool = True) -> list[str]:
    """The flags of every strict build: nitpicky, full tracebacks, every warning shown and,
    unless a measurement must not stop at one, each warning an error.

    >>> strict_args(), strict_args(warnings_are_errors=False)
    (['-W', '--keep-going', '-n', '-T'], ['--keep-going', '-n', '-T'])
    """
    return (["-W"] if warnings_are_errors else []) + ["--keep-going", "-n", "-T"]


def read_conf(docs: Path = DOCS) -> dict[str, Any]:
    """The settings a ``conf.py`` makes, run as Sphinx runs it (names not starting with ``_``).

    >>> read_conf()["html_baseurl"].endswith("/")
    True
    """
    namespace = runpy.run_path(str(docs / "conf.py"), run_name="conf")
    return {k: v for k, v in namespace.items() if not k.startswith("_")}


def parallel_flags(doctrees: Path) -> list[str]:
    """``-j auto`` for a cold build only: on a small incremental build, parallel reading
    costs more than it saves (measured by ``make bench``)."""
    return [] if (doctrees / "environment.pickle").exists() else ["-j", "auto"]


def sphinx(
    builder: str,
    outdir: Path,
    *extra: str,
    doctrees: Path | None = None,
    docs: Path = DOCS,
    status: TextIO | None = None,
) -> int:
    """Run sphinx-build in this process; returns its exit status. Its status output goes to
    ``status`` (default: stdout); warnings always go to stderr."""
    from sphinx.cmd.build import build_main

    doctrees = doctrees or BUILD / "doctrees"
    jobs = parallel_flags(doctrees)
    args = [
        "-b",
        builder,
        "-d",
        str(doctrees),
        *strict_args(),
        *jobs,
        *extra,
        str(docs),
        str(outdir),
    ]
    try:
        if status is None:
            return build_main(args)
        with contextlib.redirect_stdout(status):
            return build_main(args)
    except SystemExit as stop:  # the extension stopped at once, having said why in one line
        return stop.code if isinstance(stop.code, int) else 2


def shown(path: Path) -> Path:
    """A path as the person at the top of the repository would type it."""
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


class QuietStatus(io.TextIOBase):
    """Sphinx's status stream, cut down: the first line of each stage with a progress count
    ("reading sources...", "rendering PDF handouts..."), the handouts' own summary, and the
    build's last word. It remembers how many pages were written and what the handouts did,
    for the summary. Nothing else Sphinx says on its status stream is shown (the MyST
    settings, "Writing evaluated template result", one line per file)."""

    STAGE = re.compile(r"^([a-z][\w ]*?\.\.\.) *\[ *\d+%\]")
    PAGES = re.compile(r"^building \[\w+\]: targets for (\d+) source files")
    HANDOUTS = re.compile(r"^handouts: (\d+) PDFs rendered, (\d+) unchanged kept")
    KEEP = ("handouts: ", "build succeeded", "build finished with problems")
    COLOUR = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

    def __init__(self, out: TextIO) -> None:
        super().__init__()
        self.out = out
        self.stages: list[str] = []
        self.pages: int | None = None
        self.handouts: tuple[int, int] | None = None
        self._partial = ""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        *lines, self._partial = re.split(r"[\r\n]", self._partial + text)
        for line in lines:
            self._line(line.strip())
        return len(text)

    def _line(self, line: str) -> None:
        line = self.COLOUR.sub("", line)  # Sphinx colours its output when it may (FORCE_COLOR)
        if stage := self.STAGE.match(line):
            if stage[1] not in self.stages:
                self.stages.append(stage[1])
                print(stage[1], file=self.out, flush=True)
            return
        if pages := self.PAGES.match(line):
            self.pages = int(pages[1])
        if handouts := self.HANDOUTS.match(line):
            self.handouts = (int(handouts[1]), int(handouts[2]))
        if line.startswith(self.KEEP):
            print(line, file=self.out, flush=True)

    def summary(self, seconds: float, site: Path) -> str:
        r"""What was built, in how long, and where to open it.

        >>> quiet = QuietStatus(io.StringIO())
        >>> _ = quiet.write("building [html]: targets for 18 source files that are out of date\n")
        >>> _ = quiet.write("handouts: 4 PDFs rendered, 26 unchanged kept, in 2.1 s\n")
        >>> print(quiet.summary(16.04, ROOT / "docs/_build/html"))
        Built in 16.0 s: 18 pages written, 4 PDF handouts rendered and 26 unchanged kept.
        Open docs/_build/html/index.html
        """
        pages = "the site"
        if self.pages is not None:
            pages = f"{self.pages} {'page' if self.pages == 1 else 'pages'} written"
        pdfs = (
            f", {self.handouts[0]} PDF handouts rendered and {self.handouts[1]} unchanged kept"
            if self.handouts
            else " (no PDF handouts)"
        )
        return f"Built in {seconds:.1f} s: {pages}{pdfs}.\nOpen {shown(site)}/index.html"


def build_html(
    *extra: str,
    outdir: Path = BUILD / "html",
    staging: Path = BUILD / "staging",
    docs: Path = DOCS,
    doctrees: Path = BUILD / "doctrees",
    verbose: bool = False,
) -> int:
    """Build the site and handouts into ``staging``; on success, publish to ``outdir``."""
    started = time.perf_counter()
    quiet = None if verbose else QuietStatus(sys.stdout)
    flags = ["-v"] if verbose else []
    status = sphinx("html", staging, *flags, *extra, docs=docs, doctrees=doctrees, status=quiet)
    if status != 0:
        print(
            f"\nThe build failed: the messages above name each file and line to fix.\n"
            f"The last good site in {shown(outdir)} was left as it was.",
            file=sys.stderr,
        )
        return status
    if outdir.exists():
        shutil.rmtree(outdir)
    shutil.copytree(staging, outdir)
    seconds = time.perf_counter() - started
    if quiet is None:
        print(f"Site and handouts built in {seconds:.1f} s: {shown(outdir)}/index.html")
    else:
        print(quiet.summary(seconds, outdir))
    return 0


def live(*extra: str) -> int:
    """Rebuild on every save and serve with live reload (sphinx-autobuild); after each build,
    the gates and the handout of what changed (:mod:`neckguide.serve`, in the background)."""
    from sphinx_autobuild.__main__ import main

    args = [
        "--post-build",
        shlex.join([sys.executable, "-m", "neckguide.serve"]),
        str(DOCS),
        str(BUILD / "live"),
        "-d",
        str(BUILD / "doctrees-live"),
        "--watch",
        str(FACTS),
        "--watch",
        str(ROOT / "src" / "neckguide"),
        "--ignore",
        "*/_build/*",
        "--port",
        "8000",
        *extra,
    ]
    main(args)
    return 0


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    argv = [arg for arg in argv if arg != "--verbose"]
    target = argv[0] if argv else "html"
    if target == "html":
        return build_html(*argv[1:], verbose=verbose)
    if target == "live":
        return live(*argv[1:])
    return sphinx(target, BUILD / target, *argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
