"""Gate: the project's Python passes ruff's lint rules and is formatted by ruff.

The rules and the line length are in pyproject.toml, ``[tool.ruff]``. Most problems fix
themselves with ``.venv/bin/ruff check --fix`` and ``.venv/bin/ruff format``.

>>> print(parse("src/neckguide/x.py:3:1: F401 [*] `os` imported but unused"))
... # doctest: +NORMALIZE_WHITESPACE
src/neckguide/x.py:3: F401 `os` imported but unused
(ruff can fix this: run `.venv/bin/ruff check --fix src/neckguide/x.py`)
>>> print(parse("src/neckguide/x.py:26:13: unformatted: File would be reformatted"))
... # doctest: +NORMALIZE_WHITESPACE
src/neckguide/x.py:26: this file is not formatted the project's way;
run `.venv/bin/ruff format src/neckguide/x.py` (`make lint` shows the change)
"""

from __future__ import annotations

import re

from neckguide.checks import Problem, Project

LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):\d+: (?P<code>[A-Z]+\d+|unformatted):?\s+(?P<message>.*)$"
)


def parse(output_line: str) -> Problem | None:
    """One line of ruff's concise output as a :class:`Problem` (None if it is not one)."""
    match = LINE.match(output_line.strip())
    if not match:
        return None
    path = match["path"].removeprefix("./")
    if match["code"] == "unformatted":
        message = (
            f"this file is not formatted the project's way; run `.venv/bin/ruff format {path}` "
            "(`make lint` shows the change)"
        )
    else:
        text = match["message"]
        fixable = text.startswith("[*] ")
        message = f"{match['code']} {text.removeprefix('[*] ')}"
        if fixable:
            message += f" (ruff can fix this: run `.venv/bin/ruff check --fix {path}`)"
    return Problem(path, int(match["line"]), message)


def _ruff(project: Project, *arguments: str) -> list[Problem]:
    return project.run_tool(
        "ruff", [*arguments, "--output-format", "concise"], parse, 1, "pyproject.toml"
    )


def check(project: Project) -> list[Problem]:
    """``ruff check`` and ``ruff format --check`` over the selected Python files, or all."""
    if project.selected is None:
        targets = ["."]
    else:
        targets = [project.relative(p) for p in project.selected if p.suffix in (".py", ".pyi")]
        if not targets:
            return []
    return _ruff(project, "check", "--force-exclude", *targets) + _ruff(
        project, "format", "--check", "--force-exclude", *targets
    )
