"""Shared fixtures: the site is built once per test run and shared by every test that needs it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from neckguide import build
from neckguide.handouts.names import HANDOUTS_DIR
from neckguide.paths import BUILD


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Quick checks first, the browser last, so a writer's usual failure comes first: the
    content gates, then each handout's page count, then the rest, then the browser tests."""

    def order(item: pytest.Item) -> int:
        if item.get_closest_marker("browser"):
            return 3
        if "tests/checks/" in item.nodeid:
            return 0
        if "fits_on_two_pages" in item.nodeid:
            return 1
        return 2

    items.sort(key=order)  # a stable sort: the order within each group is kept


@pytest.fixture(scope="session")
def site() -> Path:
    """The built HTML site (with handouts), built strictly once per run.

    It is the same build `make` does (its staging folder and doctrees), so after `make` only
    what changed is built again; the published docs/_build/html is left alone.
    """
    outdir = BUILD / "staging"
    status = build.sphinx("html", outdir)
    assert status == 0, "the strict Sphinx build failed; its messages above name file and line"
    return outdir


@pytest.fixture(scope="session")
def handouts(site: Path) -> Path:
    """The published PDF handouts' folder in the built site."""
    folder = site / HANDOUTS_DIR
    assert folder.is_dir(), f"no handouts were published in {folder}"
    return folder


@pytest.fixture(scope="session")
def conf() -> dict[str, Any]:
    """The settings of docs/conf.py, read once per run."""
    return build.read_conf()


@pytest.fixture(scope="session")
def topic_pages(site: Path) -> list[Path]:
    """Every built topic page."""
    pages = sorted((site / "topics").glob("*.html"))
    assert pages, "no topic pages were built"
    return pages
