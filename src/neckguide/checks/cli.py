"""``python -m neckguide.checks``: run the content gates and list every problem.

Each problem is printed as ``file:line: message`` (editors and CI make these clickable);
the exit status is 1 if there is any. Name files to check only those (as a pre-commit
hook does); the menu, figure and spelling gates look at what they need.

>>> list(GATES)[:3]
['front-matter', 'navigation', 'raw-html']
>>> parser().parse_args(["--only", "figures,spelling", "docs/topics"]).only
['figures', 'spelling']
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path

from neckguide.checks import (
    Problem,
    Project,
    clarity,
    figures,
    front_matter,
    images,
    navigation,
    python_style,
    raw_html,
    reading_level,
    sorted_problems,
    sources,
    spelling,
    structure,
    typos,
)
from neckguide.paths import ROOT

# Every gate, in the order a writer meets them. CONTRIBUTING.md describes each one.
GATES: dict[str, Callable[[Project], list[Problem]]] = {
    "front-matter": front_matter.check,
    "navigation": navigation.check,
    "raw-html": raw_html.check,
    "structure": structure.check,
    "images": images.check,
    "figures": figures.check,
    "sources": sources.check,
    "reading-level": reading_level.check,
    "clarity": clarity.check,
    "spelling": spelling.check,
    "typos": typos.check,
    "python-style": python_style.check,
}


def _names(text: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in GATES]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown check {', '.join(unknown)}; the checks are {', '.join(GATES)}"
        )
    return names


def _files(paths: list[str]) -> tuple[Path, ...] | None:
    """The files named on the command line (folders stand for every file in them)."""
    if not paths:
        return None
    files: list[Path] = []
    for name in paths:
        path = Path(name).resolve()
        files += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    return tuple(files)


def parser() -> argparse.ArgumentParser:
    cli = argparse.ArgumentParser(
        prog="python -m neckguide.checks",
        description="Check the guide's pages, figures, spelling and code; list every problem.",
    )
    cli.add_argument("paths", nargs="*", help="files or folders to check (default: everything)")
    cli.add_argument("--root", type=Path, help="the project folder (default: this one)")
    cli.add_argument(
        "--only", type=_names, help=f"run only these checks, comma-separated: {', '.join(GATES)}"
    )
    cli.add_argument("--skip", type=_names, default=[], help="leave out these checks")
    cli.add_argument(
        "--today", type=dt.date.fromisoformat, help="compare review dates with this day"
    )
    cli.add_argument("--report", action="store_true", help="print each page's reading grade")
    cli.add_argument("--json", action="store_true", help="with --report: print JSON")
    return cli


def default_root() -> Path:
    """The current folder if it holds the guide's docs/, else this repository."""
    here = Path.cwd()
    return here if (here / "docs" / "conf.py").exists() else ROOT


def print_report(project: Project, as_json: bool) -> None:
    rows = reading_level.report(project)
    if as_json:
        data = [
            {"page": page, "grade": g.grade, "words": g.words, "sentences": g.sentences}
            for page, g in rows
        ]
        print(json.dumps({"limit": reading_level.MAX_GRADE, "pages": data}, indent=2))
        return
    print(f"grade  words  sentences  page   (Flesch–Kincaid; limit {reading_level.MAX_GRADE})")
    for page, g in rows:
        print(f"{g.grade:5.1f}  {g.words:5d}  {g.sentences:9d}  {page}")


def main(argv: list[str] | None = None) -> int:
    options = parser().parse_args(argv)
    project = Project(
        root=(options.root or default_root()).resolve(),
        selected=_files(options.paths),
        today=options.today or dt.date.today(),
    )
    if options.report:
        print_report(project, options.json)
        return 0
    names = [n for n in (options.only or GATES) if n not in options.skip]
    problems = sorted_problems(p for name in names for p in GATES[name](project))
    for problem in problems:
        print(problem)
    if problems:
        print(
            f"\n{len(problems)} problem(s) to fix. Each line above names the file and line, "
            "and says what to do; CONTRIBUTING.md explains every check.",
            file=sys.stderr,
        )
        return 1
    print(f"All checks passed: {', '.join(names)}.", file=sys.stderr)
    return 0
