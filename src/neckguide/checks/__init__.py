"""Content gates: checks a writer's change must pass before it reaches readers.

Each gate is a small module with a ``check(project)`` function that returns a list of
:class:`Problem`, each naming a file, a line and what to do about it. Run them all with
``python -m neckguide.checks`` (the command line is :mod:`neckguide.checks.cli`).
"""

from neckguide.checks.project import (
    NOT_PAGE_NAMES,
    NOT_PAGES,
    Problem,
    Project,
    sorted_problems,
)

__all__ = ["NOT_PAGES", "NOT_PAGE_NAMES", "Problem", "Project", "sorted_problems"]
