"""Reading level: a page above grade 8, or a sentence over 25 words, fails."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.checks.conftest import SAMPLE_NAME, check_sample, set_line

# -- Reading level ----------------------------------------------------------------------


def test_a_page_above_the_reading_level_fails(
    guide: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = guide / SAMPLE_NAME
    set_line(
        page, 10, "Osteoporotic vertebral deformities necessitate multidisciplinary evaluation."
    )
    set_line(page, 13, "Pharmacological interventions substantially diminish subsequent fractures.")
    status, output = check_sample(guide, capsys, "reading-level")
    assert status == 1
    problem = re.search(rf"^{SAMPLE_NAME}:8: this page reads at grade ([\d.]+) .*$", output, re.M)
    assert problem, output
    assert float(problem[1]) > 8
    assert "the limit is 8" in problem[0]
    assert "Use shorter sentences and everyday words" in problem[0]
    assert "hardest sentences: line 10 (grade" in problem[0]
    assert "line 13 (grade" in problem[0]


def test_a_long_sentence_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    words = " ".join(["bone"] * 29)
    set_line(guide / SAMPLE_NAME, 10, f"Your {words}.")
    status, output = check_sample(guide, capsys, "reading-level")
    assert status == 1
    assert (
        f"{SAMPLE_NAME}:10: this sentence has 30 words; the limit is 25; split it into "
        "shorter sentences" in output
    )
