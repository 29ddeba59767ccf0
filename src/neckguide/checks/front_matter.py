"""Gate: every topic page has its front matter, and is not overdue for review.

The front matter is the block between the two ``---`` lines at the top of a page
(docs/_templates/topic-page.md shows it). Every topic page needs the keys in
:data:`neckguide.front_matter.REQUIRED` (the build checks them too); the dates are
written YYYY-MM-DD; ``next_review_due`` comes after
``last_reviewed``; and once ``next_review_due`` has passed, the page fails until someone
reviews it and moves the date forward. The page itself starts with its title (``# ...``).

>>> import datetime as dt
>>> from neckguide.checks.pages import parse_page
>>> page = parse_page('''---
... summary: "How a scan finds osteoporosis."
... last_reviewed: 2026-01-10
... next_review_due: 2027-01-10
... reviewed_by: "Guide editorial team"
... key_message: "Ask your doctor whether you need a bone density scan."
... ---
... # How is osteoporosis found?'''.splitlines())
>>> problems_in(page, "docs/topics/x.md", today=dt.date(2026, 6, 1))
[]
>>> for problem in problems_in(page, "docs/topics/x.md", today=dt.date(2027, 2, 1)):
...     print(problem)  # doctest: +NORMALIZE_WHITESPACE
docs/topics/x.md:4: this page was due for review on 10 January 2027; review it, then move
next_review_due forward (and set last_reviewed to the day of the review)
"""

from __future__ import annotations

import datetime as dt
import difflib

from neckguide.checks import Problem, Project
from neckguide.checks.pages import Page, read_page
from neckguide.front_matter import REQUIRED, reader_date, review_date

EXAMPLES = {
    "summary": '"One sentence that says what the page answers."',
    "key_message": '"The one thing to remember, with the main action (one to three sentences)."',
    "last_reviewed": "2026-11-25",
    "next_review_due": "2027-11-25",
    "reviewed_by": '"Name, role"',
}
TEMPLATE = "docs/_templates/topic-page.md"


def _date(page: Page, key: str, path: str, problems: list[Problem]) -> dt.date | None:
    """The date under ``key`` (a problem is added if it is not written YYYY-MM-DD)."""
    value = (page.front_matter or {}).get(key)
    if value is None or value == "":
        return None
    day = review_date(value)
    if day is not None:
        return day
    problems.append(
        Problem(
            path,
            page.key_lines.get(key, 1),
            f"{key} must be a real date written YYYY-MM-DD, like {EXAMPLES[key]} (it says "
            f"{value!r}); fix the date",
        )
    )
    return None


def _keys(page: Page, path: str) -> list[Problem]:
    """Missing, empty or misspelt keys, and a summary that is not one line."""
    problems = []
    meta = page.front_matter or {}
    for key in REQUIRED:
        if key in meta and str(meta[key]).strip() and meta[key] is not None:
            continue
        misspelt = difflib.get_close_matches(key, [k for k in meta if k not in REQUIRED], 1)
        if misspelt:
            line, what = page.key_lines.get(misspelt[0], 1), f"is spelt {misspelt[0]!r}"
        elif key in meta:
            line, what = page.key_lines.get(key, 1), "is empty"
        else:
            line, what = 1, "is missing"
        problems.append(
            Problem(
                path,
                line,
                f"the front matter key {key!r} {what}; write `{key}: {EXAMPLES[key]}` between "
                f"the --- lines at the top of the page (see {TEMPLATE})",
            )
        )
    summary = meta.get("summary")
    if isinstance(summary, str) and "\n" in summary.strip():
        problems.append(
            Problem(
                path,
                page.key_lines.get("summary", 1),
                "the summary must be one line: shorten it to one sentence",
            )
        )
    return problems


def _title(page: Page, path: str) -> list[Problem]:
    first = next((line for line in page.lines if line.kind not in _BEFORE_TITLE), None)
    if first is not None and first.kind == "prose" and first.text.startswith("# "):
        return []
    return [
        Problem(
            path,
            first.number if first else page.front_matter_end or 1,
            "the page must start with its title: a line like `# How is osteoporosis found?` "
            "just after the front matter",
        )
    ]


_BEFORE_TITLE = ("front-matter", "blank", "markup")


def problems_in(page: Page, path: str, today: dt.date) -> list[Problem]:
    """Everything wrong with one topic page's front matter and title."""
    if page.front_matter_error:
        line, what = page.front_matter_error
        return [Problem(path, line, f"{what}; compare it with {TEMPLATE} and fix it")]
    if page.front_matter is None:
        return [
            Problem(
                path,
                1,
                "this page has no front matter; copy the lines between --- at the top of "
                f"{TEMPLATE} to the top of the page and fill them in",
            )
        ]
    problems = _keys(page, path) + _title(page, path)
    last = _date(page, "last_reviewed", path, problems)
    due = _date(page, "next_review_due", path, problems)
    due_line = page.key_lines.get("next_review_due", 1)
    if last and last > today:
        problems.append(
            Problem(
                path,
                page.key_lines.get("last_reviewed", 1),
                f"last_reviewed ({last}) is in the future; set it to the day the page was "
                "last reviewed",
            )
        )
    if last and due and due <= last:
        problems.append(
            Problem(
                path,
                due_line,
                f"next_review_due ({due}) must come after last_reviewed ({last}); set it to "
                "the day of the next planned review",
            )
        )
    elif due and due < today:
        problems.append(
            Problem(
                path,
                due_line,
                f"this page was due for review on {reader_date(due)}; review it, then move "
                "next_review_due forward (and set last_reviewed to the day of the review)",
            )
        )
    return problems


def check(project: Project) -> list[Problem]:
    """Every selected topic page (docs/topics/*.md)."""
    topics = sorted((project.docs / "topics").glob("*.md"))
    problems = []
    for path in project.only(topics):
        problems += problems_in(read_page(path), project.relative(path), project.today)
    return problems
