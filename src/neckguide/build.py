"""Build the guide: ``python -m neckguide.build [html|doctest|live|<builder>]``.

The HTML build (with the PDF handouts) runs strictly (``-W --keep-going -n``) into a staging
folder; only a build with no warnings replaces ``docs/_build/html``, so a broken change never
leaves a half-built site where the published one was.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from neckguide.paths import BUILD, DOCS, FACTS, ROOT


def strict_args(*, warnings_are_errors: bool = True) -> list[str]:
    """The flags of every strict build: nitpicky, full tracebacks, every warning shown and,
    unless a measurement must not stop at one, each warning an error.

    >>> strict_args(), strict_args(warnings_are_errors=False)
    (['-W', '--keep-going', '-n', '-T'], ['--keep-going', '-n', '-T'])
    """
    return (["-W"] if warnings_are_errors else []) + ["--keep-going", "-n", "-T"]


STRICT = strict_args()  # (kept for the tests until they use strict_args)


def parallel_flags(doctrees: Path) -> list[str]:
    """``-j auto`` for a cold build only: on a small incremental build, parallel reading
    costs more than it saves (measured by ``make bench``)."""
    return [] if (doctrees / "environment.pickle").exists() else ["-j", "auto"]


def sphinx(builder: str, outdir: Path, *extra: str, doctrees: Path | None = None) -> int:
    """Run sphinx-build in this process; returns its exit status."""
    from sphinx.cmd.build import build_main

    doctrees = doctrees or BUILD / "doctrees"
    jobs = parallel_flags(doctrees)
    args = [
        "-b",
        builder,
        "-d",
        str(doctrees),
        *STRICT,
        *jobs,
        *extra,
        str(DOCS),
        str(outdir),
    ]
    return build_main(args)


def build_html(
    *extra: str, outdir: Path = BUILD / "html", staging: Path = BUILD / "staging"
) -> int:
    """Build the site and handouts into ``staging``; on success, publish to ``outdir``."""
    started = time.perf_counter()
    status = sphinx("html", staging, *extra)
    if status != 0:
        print(
            f"\nThe build failed: the messages above name each file and line to fix.\n"
            f"The last good site in {outdir.relative_to(ROOT)} was left as it was.",
            file=sys.stderr,
        )
        return status
    if outdir.exists():
        shutil.rmtree(outdir)
    shutil.copytree(staging, outdir)
    print(
        f"Site and handouts built in {time.perf_counter() - started:.1f} s: {outdir.relative_to(ROOT)}/index.html"
    )
    return 0


def live(*extra: str) -> int:
    """Rebuild on every save and serve with live reload (sphinx-autobuild)."""
    from sphinx_autobuild.__main__ import main

    args = [
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
    target = argv[0] if argv else "html"
    if target == "html":
        return build_html(*argv[1:])
    if target == "live":
        return live(*argv[1:])
    return sphinx(target, BUILD / target, *argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
