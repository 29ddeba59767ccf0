"""The quiet build (``make``): progress, warnings and a summary, and never a hidden warning.

Each build here is of a tiny copy of the project, in a fresh process, through the same
``neckguide.build.build_html`` that ``make`` runs.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import tiny_project

BUILD = """\
import sys
from pathlib import Path
from neckguide import build
root = Path(sys.argv[1])
sys.exit(build.build_html("-D", "handouts_enabled=0", docs=root / "docs", outdir=root / "html",
                          staging=root / "staging", doctrees=root / "doctrees"))
"""


def quiet_build(root: Path, page: str) -> subprocess.CompletedProcess[str]:
    """Build a copy of conf.py, the templates and the registry with one page, quietly."""
    tiny_project(root, f"# Tiny\n\n{page}\n")
    command = [sys.executable, "-c", BUILD, str(root)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    return quiet_build(
        tmp_path_factory.mktemp("good"), "You need {fact}`calcium.daily.women_51_70`."
    )


def test_a_quiet_build_shows_progress_and_a_summary_only(
    good: subprocess.CompletedProcess[str],
) -> None:
    assert good.returncode == 0, good.stderr
    lines = good.stdout.splitlines()
    assert lines[0] == "reading sources...", lines
    assert lines[-1].startswith("Open ") and lines[-1].endswith("html/index.html"), lines
    assert lines[-2].startswith("Built in ") and "1 page written" in lines[-2], lines
    assert "(no PDF handouts)" in lines[-2]
    assert len(lines) <= 8, lines
    for noise in ("myst v", "MdParserConfig", "Writing evaluated template", "matplotlib"):
        assert noise not in good.stdout + good.stderr


def test_a_warning_still_shows_in_the_quiet_build(tmp_path: Path) -> None:
    bad = quiet_build(tmp_path, "You need {fact}`calcium.daily.woman_51_70`.")
    assert bad.returncode != 0
    assert (
        "index.md:3: WARNING: unknown figure 'calcium.daily.woman_51_70'; did you mean "
        "'calcium.daily.women_51_70'" in bad.stderr
    ), bad.stderr
    assert "[neckguide.fact]" in bad.stderr
    assert "The build failed: the messages above name each file and line to fix." in bad.stderr
    assert "build finished with problems" in bad.stdout
    assert not (tmp_path / "html").exists(), "a failed build must not publish"
