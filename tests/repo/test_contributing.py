"""What a new contributor reads agrees with the repository: the system packages CI installs
are the ones CONTRIBUTING.md lists, and CODEOWNERS sends what readers are told to the
clinical reviewers."""

from __future__ import annotations

import fnmatch
import re

from neckguide.paths import ROOT

CLINICAL = "@osteoporosis-neck-guide/clinical-reviewers"


def ci_packages() -> set[str]:
    """Every Debian package .ci/run may install."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    named = set(re.findall(r"need\+=\(([\w.+-]+)\)", script))
    for loop in re.findall(r"for package in ([^;]+);", script):
        named |= set(loop.split())
    return named


def test_contributing_lists_every_system_package_ci_installs() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    packages = ci_packages()
    assert {"chromium", "poppler-utils", "libenchant-2-2", "hunspell-en-us"} <= packages
    table = text.split("| System package", 1)[1].split("\n\n", 1)[0]
    command = text.split("sudo apt-get install", 1)[1].split("```", 1)[0]
    for package in packages:
        assert f"`{package}`" in table, f"CONTRIBUTING.md's table does not list {package}"
        assert package in command.split(), f"CONTRIBUTING.md's apt-get line lacks {package}"


def owners(path: str) -> list[str]:
    """The owners CODEOWNERS gives ``path`` (its last matching line wins)."""
    found: list[str] = []
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *teams = line.split()
        anchored = pattern.lstrip("/")
        if pattern == "*" or path.startswith(anchored) or fnmatch.fnmatch(path, anchored):
            found = teams
    return found


def test_pages_snippets_and_facts_go_to_the_clinical_reviewers() -> None:
    for path in ("docs/topics/faq.md", "docs/_snippets/after-a-fall.md", "facts/falls.toml"):
        assert (ROOT / path).exists(), path
        assert owners(path) == [CLINICAL], path
    assert CLINICAL not in owners("src/neckguide/build.py")
    assert owners("src/neckguide/build.py"), "the code has no owner"
