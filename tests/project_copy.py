"""Copies of the project to break on purpose, and strict builds of them in a fresh process."""

from __future__ import annotations

from pathlib import Path

from neckguide import build


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

    env = dict(os.environ)
    docs = project / "docs"
    command = [sys.executable, "-m", "sphinx", "-b", builder, *build.STRICT, "-q"]
    command += ["-D", "handouts_enabled=0"]
    command += [str(docs), str(docs / "_build" / builder)]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
