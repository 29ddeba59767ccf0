"""Shared fixtures: the site is built once per test run and shared by every test that needs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from neckguide import build

TEST_BUILD = build.BUILD / "test"


@pytest.fixture(scope="session")
def site() -> Path:
    """The built HTML site (with handouts), built strictly once per run (incrementally)."""
    outdir = TEST_BUILD / "html"
    status = build.sphinx("html", outdir, doctrees=TEST_BUILD / "doctrees")
    assert status == 0, "the strict Sphinx build failed; its messages above name file and line"
    return outdir


@pytest.fixture(scope="session")
def topic_pages(site: Path) -> list[Path]:
    """Every built topic page."""
    pages = sorted((site / "topics").glob("*.html"))
    assert pages, "no topic pages were built"
    return pages


def copy_project(destination: Path) -> Path:
    """A copy of docs/ and facts/ to break on purpose; the real tree is never touched."""
    import shutil

    root = build.ROOT
    shutil.copytree(root / "docs", destination / "docs", ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(root / "facts", destination / "facts")
    return destination


def sphinx_in_copy(project: Path, builder: str = "html"):
    """Run a strict Sphinx build of a copied project in a fresh process; returns the result.

    A fresh process keeps the copy's registry (GUIDE_FACTS_DIR, set by its conf.py) out of
    this test process. PDF handouts are skipped: these tests are about the pages.
    """
    import os
    import subprocess
    import sys

    env = {**os.environ, "GUIDE_HANDOUTS": "0"}
    docs = project / "docs"
    command = [sys.executable, "-m", "sphinx", "-b", builder, *build.STRICT, "-q"]
    command += [str(docs), str(docs / "_build" / builder)]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
