"""What every gate works with: the :class:`Project` being checked and the :class:`Problem`
found in it, each naming a file, a line and what to do about it.

>>> print(Problem("docs/topics/x.md", 12, "this sentence has 31 words; split it"))
docs/topics/x.md:12: this sentence has 31 words; split it
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from neckguide.checks.pages import Page, read_page

# Folders and files under docs/ that are not pages of the guide.
NOT_PAGES = ("_build", "_templates", "_static")
NOT_PAGE_NAMES = ("README.md",)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing to fix: the file (relative to the project), the line, and what to do."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Project:
    """The guide's files being checked: the real repository or a copy of it.

    ``selected`` limits the page-by-page gates to some files (as a pre-commit hook does);
    ``today`` is the date that review dates are compared with.

    >>> from neckguide.paths import ROOT
    >>> project = Project(ROOT)
    >>> project.relative(ROOT / "docs" / "index.md")
    'docs/index.md'
    >>> "docs/index.md" in [project.relative(p) for p in project.pages()]
    True
    """

    root: Path
    selected: tuple[Path, ...] | None = None
    today: dt.date = field(default_factory=dt.date.today)

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def relative(self, path: Path) -> str:
        """The path as a writer would type it, from the top of the project."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def all_pages(self) -> list[Path]:
        """Every Markdown page of the guide (not templates, build output or READMEs)."""
        return sorted(
            path
            for path in self.docs.rglob("*.md")
            if path.name not in NOT_PAGE_NAMES
            and not any(part in NOT_PAGES for part in path.relative_to(self.docs).parts)
        )

    def pages(self) -> list[Path]:
        """The pages to check: all of them, or only those named on the command line."""
        return self.only(self.all_pages())

    def problems_on_pages(self, problems_in: Callable[[Page, str], list[Problem]]) -> list[Problem]:
        """Run a page-by-page gate (``problems_in(page, path)``) over the selected pages."""
        problems: list[Problem] = []
        for path in self.pages():
            problems += problems_in(read_page(path), self.relative(path))
        return problems

    def run_tool(
        self,
        module: str,
        arguments: Iterable[str],
        parse: Callable[[str], Problem | None],
        problems_status: int,
        blame: str,
    ) -> list[Problem]:
        """Run a checking tool (``python -m module``) at the top of the project; each line of
        its output that ``parse`` understands is a problem. Exit 0 is clean and
        ``problems_status`` means problems were found; anything else, or that status with no
        problem found, means the tool itself could not run, reported against ``blame``."""
        run = subprocess.run(
            [sys.executable, "-m", module, *arguments],
            cwd=self.root,
            capture_output=True,
            text=True,
            check=False,
        )
        problems = [problem for problem in map(parse, run.stdout.splitlines()) if problem]
        if run.returncode not in (0, problems_status) or (
            run.returncode == problems_status and not problems
        ):
            problems.append(Problem(blame, 1, f"{module} could not run: {run.stderr.strip()}"))
        return problems

    def only(self, paths: Iterable[Path]) -> list[Path]:
        """Keep the paths that were selected (all of them when nothing was selected)."""
        if self.selected is None:
            return list(paths)
        chosen = {p.resolve() for p in self.selected}
        return [p for p in paths if p.resolve() in chosen]


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in reading order: by file, then line.

    >>> [str(p) for p in sorted_problems([Problem("b.md", 1, "x"), Problem("a.md", 9, "y")])]
    ['a.md:9: y', 'b.md:1: x']
    """
    return sorted(set(problems))
