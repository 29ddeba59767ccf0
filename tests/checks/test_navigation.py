"""Navigation: every page reachable from the home page's menu, and no menu entry for a missing page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.checks.conftest import SAMPLE_NAME, run

# -- Navigation and pictures ----------------------------------------------------------------


def test_an_orphan_page_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(guide / SAMPLE_NAME, guide / "docs" / "topics" / "orphan.md")
    status, output = run(guide, capsys, "--only", "navigation")
    assert status == 1
    assert (
        "docs/topics/orphan.md:1: this page is not in any table of contents, so readers cannot "
        "reach it from the menu; add `topics/orphan` to a {toctree} in docs/index.md" in output
    )


def test_an_unreachable_page_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    topics = guide / "docs" / "topics"
    (topics / "parent.md").write_text("# Parent\n\n```{toctree}\nchild\n```\n")
    shutil.copy(guide / SAMPLE_NAME, topics / "child.md")
    status, output = run(guide, capsys, "--only", "navigation")
    assert status == 1
    assert (
        "docs/topics/child.md:1: this page is listed only in the table of contents of "
        "docs/topics/parent.md (line 4), which readers cannot reach from the home page; add "
        "`topics/child` to a {toctree} in docs/index.md" in output
    )
    assert "docs/topics/parent.md:1: this page is not in any table of contents" in output


def test_a_menu_entry_for_a_missing_page_fails(
    guide: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = guide / "docs" / "index.md"
    index.write_text(index.read_text().replace("topics/sample\n", "topics/sample\ntopics/gone\n"))
    number = index.read_text().splitlines().index("topics/gone") + 1
    status, output = run(guide, capsys, "--only", "navigation")
    assert status == 1
    assert (
        f"docs/index.md:{number}: the table of contents lists 'topics/gone', but there is no "
        "docs/topics/gone.md; fix the name or remove the line" in output
    )
