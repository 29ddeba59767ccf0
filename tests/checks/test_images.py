"""Pictures: SVG, with alt text, existing, and used by a page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.checks.conftest import SAMPLE_NAME, check_sample, run, set_line


def test_an_unused_figure_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    figures = guide / "docs" / "_static" / "figures"
    figures.mkdir(parents=True, exist_ok=True)
    (figures / "unused.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    status, output = run(guide, capsys, "--only", "images")
    assert status == 1
    assert (
        "docs/_static/figures/unused.svg:1: no page uses this figure; show it on a page" in output
    )


def test_a_picture_without_alt_text_or_not_svg_fails(
    guide: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_line(guide / SAMPLE_NAME, 13, "![](../_static/figures/photo.png)")
    status, output = check_sample(guide, capsys, "images")
    assert status == 1
    assert f"{SAMPLE_NAME}:13: the picture ../_static/figures/photo.png has no alt text" in output
    assert f"{SAMPLE_NAME}:13: the picture ../_static/figures/photo.png is not an SVG" in output
    assert f"{SAMPLE_NAME}:13: the picture ../_static/figures/photo.png does not exist" in output
