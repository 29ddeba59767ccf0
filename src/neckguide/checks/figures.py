"""Gate: every number a reader sees comes from the facts registry or a checked example.

A figure typed into a page has no source and silently goes stale. So a digit in a page's
text must be inside ``{fact}`` (a figure from facts/*.toml, with its source), ``{food}`` or
``{worked}`` (a number in a worked example). Code, doctests, front matter, directive options
and link addresses are not checked, and neither is anything matched by :data:`ALLOWLIST`:
the one place to list numbers that are names, not figures.

Every ``{worked}`` number must also appear in a ``{doctest}`` (or ``{testcode}`` /
``{testoutput}``) block on the same page, so the build proves the arithmetic.

>>> from neckguide.checks.pages import parse_page
>>> page = parse_page(["1. The C2 bone breaks in 1 in 4 falls.",
...                    "A T-score of {worked}`-2.7` is {fact}`tscore.osteoporosis_at_or_below`."])
>>> for problem in problems_in(page, "docs/topics/x.md"):
...     print(problem)  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
docs/topics/x.md:1: the number 1 is typed into the text; ...
docs/topics/x.md:1: the number 4 is typed into the text; ...
docs/topics/x.md:2: the worked-example number -2.7 is not checked by any doctest on this page;
add a {doctest} block that produces it
"""

from __future__ import annotations

import re

from neckguide.checks import Problem, Project
from neckguide.checks.pages import Page
from neckguide.checks.prose import role_display, strip_inline

# Numbers that are names or markers, not figures: (pattern, what it allows). Add to this
# list, with a reason, rather than switching the gate off for a page.
ALLOWLIST: tuple[tuple[str, str], ...] = (
    (r"^\s*\d{1,3}[.)](?=\s)", "the number of a step in a numbered list: 1. 2. 3."),
    (r"\b(?:C[1-7]|T(?:1[0-2]|[1-9])|L[1-5]|S[1-5])\b", "vertebrae: C1–C7, T1–T12, L1–L5, S1–S5"),
    (r"\b\d{4}-\d{2}-\d{2}\b", "dates written YYYY-MM-DD"),
    (r"\b(?:vitamin|Vitamin) (?:D[23]|K[12]|B(?:6|12))\b", "vitamin names: D2, D3, K1, K2, B12"),
    (r"\b(?:D[23]|K[12]|B12)\b(?= (?:vitamin|supplement|tablet))", "vitamin names"),
    (r"\b[Tt]ype [12] diabetes\b", "the names of diabetes types"),
    (r"\bA[3-6]\b(?= paper)|\bA[3-6] or\b", "paper sizes: A4 paper, A4 or US Letter"),
    (r"\bNHS 111\b|\b(?:[Cc]all|[Dd]ial|[Pp]hone|[Rr]ing) (?:999|911|112|111)\b", "help lines"),
    (r"\b911\b", "the US emergency number, 911, wherever it is named"),
)
# Roles whose content the reader does not see as typed (figures, links to other pages).
NOT_CHECKED_ROLES = frozenset(
    {"fact", "fact-in", "worked", "food", "source", "doc", "ref", "numref", "download", "any", "eq"}
    | {"octicon"}
)
DOCTEST_BLOCKS = ("doctest", "testcode", "testoutput")
NUMBER = re.compile(r"\d(?:[\d,.]*\d)?")
SIGNED_NUMBER = re.compile(r"[−-]?\d(?:[\d,]*\d)?(?:\.\d+)?")
WORKED = re.compile(r"\{worked\}(?P<ticks>`+)(?P<text>.*?)(?P=ticks)")


def normalise(text: str) -> str:
    """Numbers written the same way on the page and in a doctest.

    >>> normalise("1,107 mg and −2.7"), normalise("f(70, 84)")
    ('1107 mg and -2.7', 'f(70, 84)')
    """
    return re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text.replace("−", "-"))


def typed_numbers(text: str) -> list[str]:
    """The numbers in one line of prose that do not come from the registry.

    >>> typed_numbers("Women aged {fact}`screening.women_from_age` and over, from C2 to C7.")
    []
    >>> typed_numbers("About 50 people, see [page 2](https://example.org/p/3).")
    ['50', '2']
    """
    shown = strip_inline(
        text,
        lambda name, content: " " if name in NOT_CHECKED_ROLES else role_display(name, content),
        code=" ",
    )
    for pattern, _ in ALLOWLIST:
        shown = re.sub(pattern, " ", shown)
    return NUMBER.findall(shown)


def _in_doctests(number: str, doctests: str) -> bool:
    pattern = rf"(?<![\d.]){re.escape(normalise(number))}(?!\d|\.\d)"
    return re.search(pattern, doctests) is not None


def problems_in(page: Page, path: str) -> list[Problem]:
    """Typed figures, and worked-example numbers that no doctest on the page checks."""
    problems = []
    doctests = normalise(
        "\n".join(line.text for block in page.blocks_named(*DOCTEST_BLOCKS) for line in block.body)
    )
    for line in page.prose():
        for number in typed_numbers(line.text):
            problems.append(
                Problem(
                    path,
                    line.number,
                    f"the number {number} is typed into the text; use {{fact}}`name` for a "
                    "figure from facts/*.toml (add it there with its source), or "
                    f"{{worked}}`{number}` for a number that a doctest on this page works out. "
                    "A name, not a figure (like C7)? Add it to ALLOWLIST in "
                    "src/neckguide/checks/figures.py",
                )
            )
        for worked in WORKED.finditer(line.text):
            for number in SIGNED_NUMBER.findall(worked["text"]):
                if not _in_doctests(number, doctests):
                    problems.append(
                        Problem(
                            path,
                            line.number,
                            f"the worked-example number {number} is not checked by any "
                            "doctest on this page; add a {doctest} block that produces it",
                        )
                    )
    return problems


def check(project: Project) -> list[Problem]:
    """Every selected page."""
    return project.problems_on_pages(problems_in)
