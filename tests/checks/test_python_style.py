"""Python style: ruff's lint and format."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.checks.conftest import run

# -- Python ---------------------------------------------------------------------------------


def test_badly_formatted_python_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    module = guide / "src" / "neckguide" / "badly_formatted.py"
    module.write_text('"""A module."""\n\nimport os\n\n\ndef add( a,b ):\n  return a+b\n')
    status, output = run(guide, capsys, "--only", "python-style", str(module))
    assert status == 1
    name = "src/neckguide/badly_formatted.py"
    assert f"{name}:3: F401 `os` imported but unused" in output
    assert (
        f"{name}:6: this file is not formatted the project's way; run "
        f"`.venv/bin/ruff format {name}`" in output
    )
