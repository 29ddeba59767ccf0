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
