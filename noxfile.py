"""Every job of the project, one session each.

Run through `make` (which uses the project's `.venv` with `--no-venv`), or directly with
`nox -s <session>`, in which case each session makes its own environment with only its
own dependency group from pyproject.toml, pinned by `requirements.lock`.
"""

from __future__ import annotations

import os

import nox

PROJECT = nox.project.load_toml()
LOCK = "requirements.lock"

nox.options.default_venv_backend = "uv|venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["docs", "lint", "doctest", "tests"]


def install(session: nox.Session, group: str) -> None:
    """Install one dependency group (pinned by the lock) and this project, unless running
    inside the project's `.venv` already (where `make` installed the whole lock)."""
    if session.venv_backend == "none":
        return
    session.install(*nox.project.dependency_groups(PROJECT, group), "-c", LOCK)
    session.install("--no-deps", "-e", ".")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the site and PDF handouts strictly; publish to docs/_build/html only on success.

    Quiet unless `-- html --verbose`. Pass a builder to build something else, e.g.
    `nox -s docs -- linkcheck`.
    """
    install(session, "docs")
    session.run("python", "-m", "neckguide.build", *(session.posargs or ["html"]))


@nox.session(name="docs-live")
def docs_live(session: nox.Session) -> None:
    """Live preview: rebuilds on every save and reloads the browser (http://127.0.0.1:8000).

    The preview skips the PDF handouts so a save shows in about a second; after each build
    the content gates run on the files you saved, and a topic page's standard handout is
    printed with its lines spare or over (neckguide.serve). `make` makes every PDF.
    """
    install(session, "live")
    session.run(
        "python", "-m", "neckguide.build", "live", "-D", "handouts_enabled=0", *session.posargs
    )


@nox.session
def handout(session: nox.Session) -> None:
    """One topic's standard handout in seconds: `make handout PAGE=faq` prints its pages and
    the lines spare or over the two-page limit, and keeps the PDF and a PNG of each page in
    docs/_build/handout/."""
    install(session, "docs")
    session.run("python", "-m", "neckguide.handouts.preview", *session.posargs)


@nox.session
def doctest(session: nox.Session) -> None:
    """Run the worked examples in the pages (Sphinx doctest builder)."""
    install(session, "docs")
    session.run("python", "-m", "neckguide.build", "doctest")


@nox.session
def tests(session: nox.Session) -> None:
    """Pytest: module doctests, content gates, the built site, the PDFs and the browser tests."""
    install(session, "test")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Every content gate in one run: ruff (lint and format), the pages' spelling
    (sphinxcontrib-spelling) and codespell, front matter and review dates, the menu, raw
    HTML, pictures, typed figures and reading level.

    Each problem prints as `file:line: what to do` (src/neckguide/checks/). Name files to
    check only those, e.g. `nox -s lint -- docs/topics/diagnosis.md`.
    """
    install(session, "lint")
    if os.environ.get("CI"):  # show the formatting change ruff wants, not just the file name
        session.run("ruff", "format", "--diff", ".", success_codes=[0, 1])
    session.run("python", "-m", "neckguide.checks", *session.posargs)


@nox.session
def review(session: nox.Session) -> None:
    """What a change does to the guide: `make review [BASE=main]` compares the working tree
    with the base and writes docs/_build/review/report.md with its images (pages, handouts,
    figures, checks that now fail, before/after PNGs, screenshots). The base's build is kept
    per commit, so a one-page change is quick."""
    install(session, "test")
    session.run("python", "-m", "neckguide.review", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmark build speed, page weight and PDF size against the project's budgets."""
    install(session, "docs")
    session.run("python", "-m", "neckguide.bench", *session.posargs)


@nox.session
def lock(session: nox.Session) -> None:
    """Re-pin requirements.lock: the newest versions every dependency group allows, for
    Python 3.11 (Debian 12's is 3.11.2), with uv. Downloads from PyPI: run by hand."""
    if session.venv_backend != "none":
        session.install("uv", "-c", LOCK)
    session.run(
        *("uv", "pip", "compile", "--quiet", "--upgrade", "--python-version", "3.11"),
        *("--group", "pyproject.toml:dev", "--custom-compile-command", "make lock", "-o", LOCK),
    )
