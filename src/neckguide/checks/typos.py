"""Gate: no common typos in the pages, the facts registry or the code (codespell).

codespell knows lists of common misspellings (an "ie" written for "ei", a doubled or dropped
letter); it does not flag words it has never seen ("suceptible" passes it), so the pages are
also checked against a real dictionary by the ``spelling`` gate (:mod:`.spelling`). This one
covers what that cannot: the code, the tests and the registry's files. When codespell is
wrong about a word, add the word (lower case, one a line) to docs/wordlist.txt. Its settings
live in pyproject.toml, ``[tool.codespell]``; web addresses are not checked.

>>> print(parse("docs/topics/x.md:12: recieve ==> receive"))  # codespell:ignore
... # doctest: +NORMALIZE_WHITESPACE
docs/topics/x.md:12: 'recieve' looks misspelt; write 'receive'
(if the word is right, add it to docs/wordlist.txt)
>>> parse("src/a.py:3: teh ==> the, tea") is not None  # codespell:ignore
True
"""

from __future__ import annotations

import re

from neckguide.checks import Problem, Project

WORDLIST = "docs/wordlist.txt"
# What codespell reads: the pages, the registry, the code and the contributor documents.
TARGETS = ("docs", "facts", "src", "tests", "README.md", "CONTRIBUTING.md", "noxfile.py")
# Words inside web addresses are not words ("ods.od.nih.gov").
OPTIONS = ("--uri-ignore-words-list", "*")
LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<word>.+?) ==> (?P<fix>.+?)\s*$")


def parse(output_line: str) -> Problem | None:
    """One line of codespell's output as a :class:`Problem` (None if it is not one)."""
    match = LINE.match(output_line)
    if not match:
        return None
    fix = match["fix"].split("|")[0].strip().rstrip(",")
    choices = [f"'{choice.strip()}'" for choice in fix.split(",") if choice.strip()]
    advice = f"write {choices[0]}" if len(choices) == 1 else f"did you mean {' or '.join(choices)}?"
    return Problem(
        match["path"].removeprefix("./"),
        int(match["line"]),
        f"'{match['word']}' looks misspelt; {advice} (if the word is right, add it to {WORDLIST})",
    )


def check(project: Project) -> list[Problem]:
    """codespell over the selected files, or over :data:`TARGETS`."""
    if not (project.root / WORDLIST).exists():
        return [
            Problem(WORDLIST, 1, "the project word list is missing; create it (it may be empty)")
        ]
    if project.selected is None:
        targets = [name for name in TARGETS if (project.root / name).exists()]
    else:
        targets = [project.relative(path) for path in project.selected]
    if not targets:
        return []
    return project.run_tool("codespell_lib", [*OPTIONS, *targets], parse, 65, WORDLIST)
