"""The published handouts folder, from the site built once per run."""

from __future__ import annotations

from pathlib import Path

import pytest

from neckguide.handouts.names import HANDOUTS_DIR


@pytest.fixture(scope="session")
def handouts(site: Path) -> Path:
    folder = site / HANDOUTS_DIR
    assert folder.is_dir(), f"no handouts were published in {folder}"
    return folder
