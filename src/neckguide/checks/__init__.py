"""Content gates: checks a writer's change must pass before it reaches readers.

Each gate is a small module with a ``check(project)`` function that returns a list of
:class:`Problem`, each naming a file, a line and what to do about it. Run them all with
``python -m neckguide.checks`` (see :mod:`neckguide.checks.__main__`).

>>> print(Problem("docs/topics/x.md", 12, "this sentence has 31 words; split it"))
docs/topics/x.md:12: this sentence has 31 words; split it
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# The repository this package lives in (src/neckguide/checks/ -> three levels up).
REPOSITORY = Path(__file__).resolve().parents[3]

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

    >>> project = Project(REPOSITORY)
    >>> project.relative(REPOSITORY / "docs" / "index.md")
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
