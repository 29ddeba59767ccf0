"""`make review` on a fixture branch with a known change (a tiny guide in a temporary git
repository): the report says which page grew, which handouts changed, which figure changed
and where it shows, which check fails now, and keeps the pictures; a second run reuses the
base's build."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from neckguide.paths import DOCS, ROOT
from tests.helpers import tiny_project

FRONT = """---
summary: "{summary}"
key_message: "Ask your doctor about your bones."
last_reviewed: 2026-01-10
next_review_due: 2099-01-10
reviewed_by: "Test team"
---
"""
ALPHA = FRONT.format(summary="The bones of your neck.") + (
    "# Your neck\n\nYour neck has {fact}`neck.vertebrae` small bones.\n\n"
    "## What to do next\n\nAsk your doctor.\n"
)
BETA = FRONT.format(summary="Walking is good for you.") + (
    "# Walking\n\nWalking helps your bones.\n\n## What to do next\n\nGo for a walk.\n"
)
MORE = "\n\nWalk most days. Take a friend with you. There are 12 ways to walk safely.\n"
INDEX = "# Tiny guide\n\nA small guide.\n\n```{toctree}\ntopics/alpha\ntopics/beta\n```\n"


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, check=True
    ).stdout


def review(root: Path, *extra: str) -> tuple[str, float]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "neckguide.review", "--root", str(root), "--base", "main", *extra],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout, time.perf_counter() - started


@pytest.fixture(scope="module")
def fixture_branch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """main: two topic pages; the branch `longer-walks`: the walking page grows by a
    paragraph with a typed number (committed), and the neck figure goes from 7 to 8 (not
    committed yet)."""
    root = tmp_path_factory.mktemp("repo")
    docs = tiny_project(root, INDEX, {"topics/alpha.md": ALPHA, "topics/beta.md": BETA})
    shutil.copy(DOCS / "wordlist.txt", docs / "wordlist.txt")
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")  # the gates' settings
    (root / ".gitignore").write_text("docs/_build/\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "test@example.org")
    git(root, "config", "user.name", "Test")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "The tiny guide")
    git(root, "checkout", "-q", "-b", "longer-walks")
    (docs / "topics" / "beta.md").write_text(BETA + MORE)
    git(root, "commit", "-q", "-am", "Walking: a paragraph more")
    neck = root / "facts" / "neck.toml"
    neck.write_text(neck.read_text().replace("value = 7", "value = 8", 1))
    return root


@pytest.fixture(scope="module")
def first(fixture_branch: Path) -> tuple[str, str, float]:
    out, seconds = review(fixture_branch)
    print(out, f"\nmake review (first run, base built): {seconds:.1f} s")
    report = (fixture_branch / "docs" / "_build" / "review" / "report.md").read_text()
    return out, report, seconds


def test_the_report_names_the_page_that_changed_with_words_and_grade(first) -> None:
    _, report, _ = first
    row = next(line for line in report.splitlines() if line.startswith("| `docs/topics/beta"))
    words = [int(n) for n in re.findall(r"\| (\d+) → (\d+) \|", row)[0]]
    assert words[1] > words[0], row
    assert re.search(r"\| -?\d+\.\d → -?\d+\.\d \||\(same\)", row), row
    assert "docs/topics/alpha.md` |" not in report.split("### Handouts")[0], (
        "alpha's text did not change"
    )


def test_the_report_lists_the_handouts_that_changed_and_their_pages(first) -> None:
    _, report, _ = first
    handouts = report.split("### Handouts")[1].split("###")[0]
    for file in (
        "beta.pdf",
        "alpha.pdf",
        "beta-large-print.pdf",
        "osteoporosis-in-the-neck-booklet.pdf",
    ):
        assert re.search(rf"\| `{re.escape(file)}` \| \d+ (→ \d+|\(same\))", handouts), file


def test_the_report_names_the_figure_and_every_page_and_handout_showing_it(first) -> None:
    _, report, _ = first
    assert (
        "| `neck.vertebrae` | 7 → 8 | `docs/topics/alpha.md` | alpha.pdf, the booklet |" in report
    )


def test_the_report_shows_the_check_that_fails_now(first) -> None:
    _, report, _ = first
    gates = report.split("**Content gates**")[1].split("```")[1]
    assert re.search(r"docs/topics/beta\.md:\d+: .*12", gates), gates
    assert "alpha" not in gates


def test_the_report_keeps_before_and_after_pictures_and_screenshots(first, fixture_branch) -> None:
    _, report, _ = first
    folder = fixture_branch / "docs" / "_build" / "review"
    pictures = sorted(p.name for p in (folder / "images" / "handouts").glob("beta-page*.png"))
    assert "beta-page1-before.png" in pictures and "beta-page1-after.png" in pictures, pictures
    shots = sorted(p.name for p in (folder / "images" / "pages").glob("*.png"))
    for page in ("topics-alpha", "topics-beta"):
        for kind in ("laptop-light", "laptop-dark", "phone"):
            assert f"{page}-{kind}.png" in shots, shots
    assert "images/pages/topics-beta-phone.png" in report
    assert not any("index" in s for s in shots), "the home page did not change"


def test_a_second_review_reuses_the_base_and_is_quicker(first, fixture_branch) -> None:
    _, _, seconds = first
    out, again = review(fixture_branch, "--no-browser")
    print(f"make review (second run, base cached, no browser): {again:.1f} s")
    assert "the base: built before, reused" in out
    assert "(base build cached)" in out
    assert again < seconds
