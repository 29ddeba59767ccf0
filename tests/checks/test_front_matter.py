"""Front matter and review dates: every key, real dates, and no page overdue for review."""

from __future__ import annotations

from pathlib import Path

import pytest

from neckguide.checks.cli import main
from tests.checks.conftest import SAMPLE_NAME, check_sample, set_line

# -- Front matter and review dates ----------------------------------------------------------


def test_a_missing_front_matter_key_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = guide / SAMPLE_NAME
    page.write_text(page.read_text().replace('reviewed_by: "Test team"\n', ""))
    status, output = check_sample(guide, capsys, "front-matter")
    assert status == 1
    assert (
        f"{SAMPLE_NAME}:1: the front matter key 'reviewed_by' is missing; write "
        '`reviewed_by: "Name, role"` between the --- lines at the top of the page '
        "(see docs/_templates/topic-page.md)" in output
    )


def test_a_misspelt_front_matter_key_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_line(guide / SAMPLE_NAME, 5, 'reviewd_by: "Test team"')
    status, output = check_sample(guide, capsys, "front-matter")
    assert status == 1
    assert f"{SAMPLE_NAME}:5: the front matter key 'reviewed_by' is spelt 'reviewd_by'" in output


def test_a_page_without_front_matter_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = guide / SAMPLE_NAME
    page.write_text(page.read_text().split("---\n", 2)[2])
    status, output = check_sample(guide, capsys, "front-matter")
    assert status == 1
    assert (
        f"{SAMPLE_NAME}:1: this page has no front matter; copy the lines between --- at the "
        "top of docs/_templates/topic-page.md to the top of the page and fill them in" in output
    )


@pytest.mark.parametrize(
    ("line", "text", "expected"),
    [
        (3, "last_reviewed: 10/01/2026", "3: last_reviewed must be a real date written YYYY-MM-DD"),
        (4, "next_review_due: 2027-02-30", "4: next_review_due must be a real date"),
        (4, "next_review_due: 2025-12-01", "4: next_review_due (2025-12-01) must come after"),
        (3, "last_reviewed: 2026-12-01", "3: last_reviewed (2026-12-01) is in the future"),
        (2, 'summary: "An unclosed quote', "5: the front matter cannot be read"),
        (8, "Bone is alive.", "8: the page must start with its title"),
    ],
)
def test_ill_formed_front_matter_fails(
    guide: Path, capsys: pytest.CaptureFixture[str], line: int, text: str, expected: str
) -> None:
    set_line(guide / SAMPLE_NAME, line, text)
    status, output = check_sample(guide, capsys, "front-matter")
    assert status == 1
    assert f"{SAMPLE_NAME}:{expected}" in output


def test_a_page_past_its_review_date_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--root", str(guide), "--today", "2027-01-11", "--only", "front-matter"])
    output = capsys.readouterr().out
    assert status == 1
    assert (
        f"{SAMPLE_NAME}:4: this page was due for review on 10 January 2027; review it, then "
        "move next_review_due forward (and set last_reviewed to the day of the review)" in output
    )
    assert main(["--root", str(guide), "--today", "2027-01-10", "--only", "front-matter",
                 str(guide / SAMPLE_NAME)]) == 0  # fmt: skip
