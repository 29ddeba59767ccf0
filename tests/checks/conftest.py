"""The gates' tests: a sample page that passes every gate, in a copy of the guide (the
``guide`` fixture) to break on purpose, and how to run the gates on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from neckguide.checks.cli import main
from tests.helpers import copy_project

TODAY = "2026-06-01"  # review dates below are compared with this day
SAMPLE_NAME = "docs/topics/sample.md"
SAMPLE = """\
---
summary: "A short page that passes every check."
last_reviewed: 2026-01-10
next_review_due: 2027-01-10
reviewed_by: "Test team"
key_message: "Ask your doctor about a bone density scan."
---
# How strong are my bones?

Bone is alive. It needs calcium to stay strong.
Women aged {fact}`screening.women_from_age` and over can ask for a scan.

The C2 bone is at the top of your neck.

1. Sit up tall.
2. Look straight ahead.

A T-score of {worked}`-2.7` means you have {term}`osteoporosis`.

```{doctest}
:hide:
>>> who_category(-2.7)
'osteoporosis'
```
"""
# The page-by-page gates (spelling, which builds the whole guide, is tested on its own).
PAGE_GATES = "front-matter,raw-html,images,figures,reading-level,typos"


# -- Helpers ------------------------------------------------------------------------------


def copy_guide(root: Path) -> Path:
    """A copy of the guide with the sample page in its menu; returns its folder."""
    copy_project(root, with_code=True)
    (root / SAMPLE_NAME).write_text(SAMPLE, encoding="utf-8")
    with (root / "docs" / "index.md").open("a", encoding="utf-8") as index:
        index.write("\n```{toctree}\n:hidden:\n\ntopics/sample\n```\n")
    return root


@pytest.fixture
def guide(tmp_path: Path) -> Path:
    return copy_guide(tmp_path / "guide")


def set_line(path: Path, number: int, text: str) -> None:
    """Replace one line of a file (numbered from 1), as a writer's edit would."""
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[number - 1] = text
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(root: Path, capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str]:
    """Run ``python -m neckguide.checks`` on a copy; returns its exit status and output."""
    status = main(["--root", str(root), "--today", TODAY, *arguments])
    return status, capsys.readouterr().out


def check_sample(root: Path, capsys: pytest.CaptureFixture[str], gates: str) -> tuple[int, str]:
    return run(root, capsys, "--only", gates, str(root / SAMPLE_NAME))
