"""Gate: every dropdown, tab set and card is opened and closed where the writer meant.

MyST does not complain about a fence left open: a ``:::{dropdown}`` without its closing
``:::`` takes in the next question, and a fence open at the end of a page takes in the rest
of it. The build shows the page without a word. This gate (and the build, through
:mod:`neckguide.sphinx_ext.structure`) refuses, at the line to fix:

- a block that is never closed;
- a block opened inside another with the same fence (``:::`` in ``:::``): its closing line
  would close the outer one, so the outer one was not closed (to nest on purpose, the outer
  fence takes more colons: ``::::{tab-set}`` around ``:::{tab-item}``);
- a dropdown inside a dropdown, and a question's dropdown (its title ends with "?") inside
  anything: every question is a dropdown of its own, at the top level of the page;
- a tab outside a tab set, a tab set holding anything but tabs, a grid item outside a grid.

>>> from neckguide.checks.pages import parse_page
>>> faq = parse_page(['# FAQ', '', ':::{dropdown} Is it safe?', 'Yes.', '',
...                   ':::{dropdown} Can I drive?', 'Ask.', ':::'])
>>> for problem in problems_in(faq, "docs/topics/faq.md"):
...     print(problem)  # doctest: +ELLIPSIS
docs/topics/faq.md:3: this `:::{dropdown}` is never closed: add a `:::` line where it ends ...
docs/topics/faq.md:6: this `:::{dropdown}` opens inside the `:::{dropdown}` of line 3, ...
"""

from __future__ import annotations

from neckguide.checks import Problem, Project
from neckguide.checks.pages import Block, Page

#: Blocks that must sit directly in a block of another kind, and the blocks a kind holds.
PARENTS = {"tab-item": "tab-set", "grid-item": "grid", "grid-item-card": "grid"}
CHILDREN = {"tab-set": ("tab-item",)}


def _shown(block: Block) -> str:
    return f"`{block.fence}{{{block.name}}}`" if block.is_directive else f"`{block.fence}`"


def parents(page: Page) -> dict[int, Block | None]:
    """Each block's innermost enclosing block (by its first line), None at the top level."""
    found: dict[int, Block | None] = {}
    for block in page.blocks:
        around = [
            other
            for other in page.blocks
            if other is not block
            and other.start < block.start
            and (other.end == 0 or block.start < other.end)
        ]
        found[block.start] = max(around, key=lambda b: b.start) if around else None
    return found


def problems_in(page: Page, path: str) -> list[Problem]:
    """The structure problems of one page."""
    problems = []
    outer_of = parents(page)
    reported_inside: set[int] = set()  # one "opens inside" per outer block is enough
    for block in page.blocks:
        if block.end == 0:
            problems.append(
                Problem(
                    path,
                    block.start,
                    f"this {_shown(block)} is never closed: add a `{block.fence}` line where it "
                    "ends (a fence left open takes in the rest of the page, or the next "
                    "block's closing line)",
                )
            )
        outer = outer_of[block.start]
        if outer is None:
            if block.name in PARENTS:
                problems.append(
                    Problem(
                        path,
                        block.start,
                        f"this {_shown(block)} is not inside a `{{{PARENTS[block.name]}}}`: "
                        f"put it in one (with a longer fence, e.g. "
                        f"`{block.fence[0] * (len(block.fence) + 1)}{{{PARENTS[block.name]}}}`)",
                    )
                )
            continue
        problems += _nesting(block, outer, path, reported_inside)
    return problems


def _nesting(block: Block, outer: Block, path: str, reported: set[int]) -> list[Problem]:
    """What is wrong with ``block`` sitting in ``outer``."""
    found = []
    same_fence = block.fence[0] == outer.fence[0] and len(block.fence) >= len(outer.fence)
    if outer.start in reported:
        return found  # the outer block is broken: what follows in it is its consequence
    if same_fence or outer.end == 0:
        reported.add(outer.start)
        found.append(
            Problem(
                path,
                block.start,
                f"this {_shown(block)} opens inside the {_shown(outer)} of line {outer.start}, "
                f"which is not closed before it: close that one first with a `{outer.fence}` "
                f"line (to nest on purpose, give the outer one a longer fence: "
                f"`{outer.fence[0] * (len(block.fence) + 1)}{{{outer.name}}}`)",
            )
        )
        return found
    if block.name == "dropdown" and outer.name == "dropdown":
        found.append(
            Problem(
                path,
                block.start,
                f"a dropdown inside the dropdown of line {outer.start}: readers would have to "
                "open two; close the first one before this one starts",
            )
        )
    elif block.name == "dropdown" and block.argument.rstrip().endswith("?"):
        found.append(
            Problem(
                path,
                block.start,
                f"the question {block.argument.strip()!r} is inside the {_shown(outer)} of line "
                f"{outer.start}: every question is a dropdown of its own, at the top level of "
                "the page",
            )
        )
    wanted = PARENTS.get(block.name)
    if wanted and outer.name != wanted:
        found.append(
            Problem(
                path,
                block.start,
                f"this {_shown(block)} is inside a {_shown(outer)} (line {outer.start}), not "
                f"directly in a `{{{wanted}}}`",
            )
        )
    allowed = CHILDREN.get(outer.name)
    if allowed and block.name not in allowed:
        found.append(
            Problem(
                path,
                block.start,
                f"a `{{{outer.name}}}` holds only {', '.join(f'`{{{a}}}`' for a in allowed)} "
                f"blocks; put this {_shown(block)} inside one of them",
            )
        )
    return found


def check(project: Project) -> list[Problem]:
    """Every selected page (and snippet)."""
    return project.problems_on_pages(problems_in)
