"""Figures: no number typed into a page, and every worked number proved by a doctest."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.checks.conftest import SAMPLE_NAME, check_sample, set_line

# -- Figures --------------------------------------------------------------------------------


def test_a_figure_typed_into_a_page_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_line(guide / SAMPLE_NAME, 11, "Women aged 65 and over can ask for a scan.")
    status, output = check_sample(guide, capsys, "figures")
    assert status == 1
    assert (
        f"{SAMPLE_NAME}:11: the number 65 is typed into the text; use {{fact}}`name` for a "
        "figure from facts/*.toml (add it there with its source)" in output
    )


@pytest.mark.parametrize(
    "text",
    [
        "See [the scan page](https://example.org/page/2024) and `code 42`.",
        "Pain between C5 and C6, or at T12 and L1, can be checked on 2026-02-01.",
        "Take vitamin D3 with food. Ask your doctor: **A4 paper** is fine.",
    ],
)
def test_numbers_that_are_not_figures_pass(
    guide: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    set_line(guide / SAMPLE_NAME, 13, text)
    assert check_sample(guide, capsys, "figures") == (0, "")


def test_a_worked_number_without_a_doctest_fails(
    guide: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_line(guide / SAMPLE_NAME, 13, "These foods give {worked}`1,107` mg of calcium.")
    status, output = check_sample(guide, capsys, "figures")
    assert status == 1
    assert (
        f"{SAMPLE_NAME}:13: the worked-example number 1,107 is not checked by any doctest on "
        "this page; add a {doctest} block that produces it" in output
    )
    page = guide / SAMPLE_NAME
    page.write_text(
        page.read_text().replace("'osteoporosis'\n", "'osteoporosis'\n>>> 1000 + 107\n1107\n")
    )
    assert check_sample(guide, capsys, "figures") == (0, "")
