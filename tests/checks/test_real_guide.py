"""The real guide passes every gate, and so do the sample page and the page template."""

from __future__ import annotations

from pathlib import Path

import pytest

from neckguide.checks.cli import GATES, main
from neckguide.paths import ROOT
from tests.checks.conftest import PAGE_GATES, check_sample, run

# -- The real guide ---------------------------------------------------------------------


@pytest.mark.parametrize("gate", list(GATES))
def test_the_real_guide_passes_every_gate(gate: str, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--root", str(ROOT), "--only", gate])
    output = capsys.readouterr().out
    assert status == 0, f"the {gate} check found problems in the guide:\n{output}"


def test_the_sample_page_passes_every_page_gate(
    guide: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The starting point of the tests below: list numbers, C2 and a proved worked number
    are all allowed."""
    status, output = check_sample(guide, capsys, PAGE_GATES)
    assert (status, output) == (0, "")
    _, output = run(guide, capsys, "--only", "navigation")
    assert "sample" not in output


def test_the_page_template_once_filled_in_passes(
    guide: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = guide / "docs" / "topics" / "new-page.md"
    text = (guide / "docs" / "_templates" / "topic-page.md").read_text(encoding="utf-8")
    page.write_text(text.replace("YYYY-MM-DD", "2026-05-01", 1).replace("YYYY-MM-DD", "2027-05-01"))
    status, output = run(guide, capsys, "--only", PAGE_GATES, str(page))
    assert (status, output) == (0, "")
    _, output = run(guide, capsys, "--only", "navigation")
    assert "docs/topics/new-page.md:1: this page is not in any table of contents" in output
