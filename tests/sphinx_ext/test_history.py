"""What changed on this page (neckguide.sphinx_ext.history): the commits marked
`Reader-change:` that touched the page, dated from git; a clear note and a link when the
history is not there (a shallow clone, no git); a new entry shows without a source change."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.helpers import strict_build, tiny_project

PAGE = "# Driving\n\nAsk your doctor before you drive.\n"


def git(root: Path, *args: str) -> str:
    env = {
        "GIT_COMMITTER_DATE": "2026-11-20T10:00:00+00:00",
        "GIT_AUTHOR_DATE": "2026-11-20T10:00:00+00:00",
    }
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True,
                          env={**__import__("os").environ, **env})  # fmt: skip
    return done.stdout


def history_of(docs: Path) -> BeautifulSoup:
    result = strict_build(docs)
    assert result.returncode == 0, result.stderr
    page = (docs / "_build" / "html" / "driving.html").read_text(encoding="utf-8")
    box = BeautifulSoup(page, "html.parser").select_one(".page-history")
    assert box is not None, "the page has no history box"
    return box


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A tiny guide in git: one commit for readers, one that is not."""
    root = tmp_path / "repo"
    tiny_project(root, "# Tiny\n\n```{toctree}\ndriving\n```\n", {"driving.md": PAGE})
    (root / ".gitignore").write_text("docs/_build/\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "t@example.org")
    git(root, "config", "user.name", "T")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "The tiny guide\n\nReader-change: A new page about driving.")
    page = root / "docs" / "driving.md"
    page.write_text(PAGE + "\nTake someone with you.\n")
    git(root, "commit", "-q", "-am", "Driving: a typo")
    return root


def test_each_reader_change_is_a_dated_line_and_other_commits_are_not(repo: Path) -> None:
    box = history_of(repo / "docs")
    items = [li.get_text(" ", strip=True) for li in box.select("li")]
    assert items == ["20 November 2026 : A new page about driving."], items
    assert box.select_one("time")["datetime"] == "2026-11-20"
    assert "typo" not in box.get_text()


def test_a_change_committed_after_the_build_shows_at_the_next_build(repo: Path) -> None:
    docs = repo / "docs"
    history_of(docs)  # built, then only a commit: the page's file does not change
    git(repo, "commit", "-q", "--allow-empty", "-m", "x")  # (not touching the page: no entry)
    (docs / "driving.md").write_text(PAGE + "\nTake a break every hour.\n")
    history_of(docs)
    git(repo, "commit", "-q", "-am", "Driving: breaks\n\nReader-change: Take a break every hour.")
    items = [li.get_text(" ", strip=True) for li in history_of(docs).select("li")]
    assert items[0] == "20 November 2026 : Take a break every hour.", items


def test_a_shallow_clone_builds_and_says_its_history_is_partial(repo: Path, tmp_path: Path) -> None:
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)],
                   check=True)  # fmt: skip
    text = history_of(shallow / "docs").get_text(" ", strip=True)
    assert "this copy of the guide has only part of the history of its changes" in text
    link = history_of(shallow / "docs").select_one("a")["href"]
    assert link == ("https://github.com/osteoporosis-neck-guide/guide/commits/main/docs/driving.md")


def test_a_copy_without_git_builds_and_links_to_the_history(repo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(repo, copy, ignore=shutil.ignore_patterns(".git", "_build"))
    box = history_of(copy / "docs")
    assert "this copy of the guide has no history of its changes" in box.get_text(" ", strip=True)
    assert box.select_one("a")["href"].endswith("/commits/main/docs/driving.md")
