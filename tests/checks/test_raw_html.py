"""Raw HTML: tags, comments, {raw} blocks and MyST's HTML extensions fail; code passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.checks.conftest import SAMPLE_NAME, check_sample, run, set_line

# -- Raw HTML -------------------------------------------------------------------------------


def test_raw_html_and_a_script_fail(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = guide / SAMPLE_NAME
    set_line(page, 10, 'Bone is <span style="color: red">alive</span>.')
    set_line(page, 13, "<script>alert('hello')</script>")
    status, output = check_sample(guide, capsys, "raw-html")
    assert status == 1
    assert (
        f"{SAMPLE_NAME}:10: raw HTML (<span>) is not allowed in pages; write it in Markdown"
        in output
    )
    assert (
        f"{SAMPLE_NAME}:13: a <script> tag is not allowed in a page: it would run code in "
        "readers' browsers; remove it" in output
    )


def test_a_raw_block_and_an_html_comment_fail(
    guide: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = guide / SAMPLE_NAME
    set_line(page, 13, "```{raw} html\n<b>bold</b>\n```")
    set_line(page, 10, "<!-- a note -->")
    status, output = check_sample(guide, capsys, "raw-html")
    assert status == 1
    assert f"{SAMPLE_NAME}:13: a {{raw}} block puts HTML straight into the page" in output
    assert f"{SAMPLE_NAME}:10: an HTML comment (<!--) is not allowed in pages" in output


def test_html_in_code_is_allowed(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_line(guide / SAMPLE_NAME, 10, "Never type `<b>` into a page. A T-score < -2.5 is low.")
    assert check_sample(guide, capsys, "raw-html") == (0, "")


def test_mysts_html_extensions_fail(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conf = guide / "docs" / "conf.py"
    conf.write_text(conf.read_text() + '\nmyst_enable_extensions.append("html_image")\n')
    status, output = run(guide, capsys, "--only", "raw-html")
    assert status == 1
    number = len(conf.read_text().splitlines())
    assert (
        f"docs/conf.py:{number}: the MyST extension 'html_image' lets pages carry raw HTML"
        in output
    )
