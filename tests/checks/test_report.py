"""The report mode: every page with its reading grade."""

from __future__ import annotations

import json

import pytest

from neckguide.checks.cli import main
from neckguide.paths import ROOT

# -- The report mode ----------------------------------------------------------------------


def test_the_report_lists_every_page_with_its_grade(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(ROOT), "--report", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    pages = {row["page"]: row for row in report["pages"]}
    assert report["limit"] == 8
    assert "docs/topics/diagnosis.md" in pages
    assert all(0 <= row["grade"] < 30 and row["words"] > 0 for row in pages.values())
