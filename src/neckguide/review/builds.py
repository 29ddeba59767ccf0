"""Building a tree of the guide for a review: its site and handouts, and its checks.

Each tree is built with its own code (its ``src/`` comes first on ``PYTHONPATH``), not
strictly (a change that adds a warning still gets its report; the warnings are kept), and
incrementally into its own folder. The base's results are kept beside its build, keyed by
its commit, so they are made once.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from neckguide.build import strict_args

#: What the base's build and checks leave behind, to reuse.
RESULTS = "results.json"
WARNING = re.compile(r"^(?P<where>[^\s:][^:]*:\d+): (?:WARNING|ERROR): (?P<message>.*)$")


@dataclass
class Built:
    """One tree built: where its site is, how the build went, and what the checks said."""

    tree: str
    site: str
    seconds: float
    status: int
    warnings: list[str] = field(default_factory=list)
    gates: list[str] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)
    cached: bool = False

    def save(self, folder: Path) -> None:
        (folder / RESULTS).write_text(json.dumps(asdict(self), indent=1), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> Built | None:
        try:
            data = json.loads((folder / RESULTS).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return cls(**{**data, "cached": True})


def environment(tree: Path) -> dict[str, str]:
    """The environment a tree is built in: its own code first."""
    env = dict(os.environ)
    if (tree / "src" / "neckguide").is_dir():
        env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(tree / "src"), env.get("PYTHONPATH")])
        )
    return env


def run(command: list[str], tree: Path, timeout: int = 3600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=tree, env=environment(tree), capture_output=True, text=True,
        timeout=timeout, check=False,
    )  # fmt: skip


def build_site(tree: Path, html: Path, doctrees: Path) -> Built:
    """The tree's site and handouts into ``html``."""
    started = time.perf_counter()
    command = [
        sys.executable, "-m", "sphinx", "-b", "html", *strict_args(warnings_are_errors=False),
        "-q", "-d", str(doctrees), str(tree / "docs"), str(html),
    ]  # fmt: skip
    done = run(command, tree)
    warnings = [line for line in done.stderr.splitlines() if WARNING.match(line)]
    if done.returncode != 0 and not warnings:
        warnings = done.stderr.strip().splitlines()[-5:]
    return Built(
        tree=str(tree),
        site=str(html),
        seconds=time.perf_counter() - started,
        status=done.returncode,
        warnings=[shorten(w, tree) for w in warnings],
    )


def shorten(line: str, tree: Path) -> str:
    """A message with the tree's folder left out of its paths."""
    return line.replace(f"{tree}/", "")


def gates(tree: Path) -> list[str]:
    """Every problem the content gates find in ``tree`` (with its own gates)."""
    done = run([sys.executable, "-m", "neckguide.checks", "--root", str(tree)], tree)
    return [line for line in done.stdout.splitlines() if re.match(r"^\S+:\d+: ", line)]


def rendered(tree: Path, site: Path, with_browser: bool) -> list[str]:
    """Every problem the rendered check finds in a built ``site`` of ``tree`` (this code's
    check, for both trees: it judges the output, whatever made it)."""
    command = [sys.executable, "-m", "neckguide.rendered", str(site), "--root", str(tree)]
    if not with_browser:
        command.append("--no-browser")
    env = dict(os.environ)  # the rendered check is this tree's, not the base's
    done = subprocess.run(
        command, cwd=tree, env=env, capture_output=True, text=True, timeout=1800, check=False
    )
    return [line for line in done.stdout.splitlines() if re.match(r"^\S+:\d+: ", line)]


def build_and_check(
    tree: Path, html: Path, doctrees: Path, *, with_browser: bool, keep: Path | None = None
) -> Built:
    """Build ``tree`` and run its checks; with ``keep``, reuse (or keep) the results there."""
    if keep is not None and (cached := Built.load(keep)) is not None and Path(cached.site).is_dir():
        return cached
    built = build_site(tree, html, doctrees)
    built.gates = gates(tree)
    built.rendered = rendered(tree, Path(built.site), with_browser)
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        built.save(keep)
    return built
