"""The base of a review and what changed since it, from git.

>>> short("0123456789abcdef0123")
'0123456789ab'
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def run_git(root: Path, *args: str) -> str:
    """``git <args>`` in ``root``; its output (raises CalledProcessError on failure)."""
    done = subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout.strip()


def short(commit: str) -> str:
    return commit[:12]


def base_commit(root: Path, base: str) -> str:
    """The commit to compare with: where the working tree's branch left ``base`` (their
    merge base), or ``base`` itself when they share no history."""
    target = run_git(root, "rev-parse", "--verify", f"{base}^{{commit}}")
    try:
        return run_git(root, "merge-base", target, "HEAD")
    except subprocess.CalledProcessError:
        return target


def changed_files(root: Path, commit: str) -> list[str]:
    """Files that differ between ``commit`` and the working tree (committed or not), and new
    files git does not ignore; paths from the top of the repository."""
    changed = run_git(root, "diff", "--name-only", commit, "--").splitlines()
    new = run_git(root, "ls-files", "--others", "--exclude-standard").splitlines()
    return sorted({name for name in changed + new if name})


def checkout(root: Path, commit: str, dest: Path) -> Path:
    """A checkout of ``commit`` at ``dest`` with its history (objects shared with ``root``,
    so it takes a moment): its pages get the same dates and history as in the real tree."""
    if not (dest / ".git").exists():
        dest.parent.mkdir(parents=True, exist_ok=True)
        run_git(dest.parent, "clone", "--quiet", "--shared", "--no-checkout", str(root), dest.name)
    run_git(dest, "checkout", "--quiet", "--detach", commit)
    return dest
