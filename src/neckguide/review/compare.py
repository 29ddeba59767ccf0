"""What a change did, page by page: the pages changed (words and reading grade), the
handouts whose PDF changed (pages), the figures changed in the registry and where they show,
and the checks that fail now and did not before.

>>> new_problems(["a.md:3: too long", "b.md:1: x"], ["a.md:9: too long", "c.md:2: y"])
['c.md:2: y']
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from neckguide.handouts.names import HANDOUTS_DIR, PAGE_BUDGET

PAGES = re.compile(r"^docs/(?!_build/|_templates/|_static/).*\.md$")
#: Directives that show figures without naming each one: the figures they show.
SHOWS_ALL = {"food-table": "foods.", "tscore-scale": "tscore.", "references": ""}


@dataclass(frozen=True)
class PageChange:
    """A page changed: its words and reading grade before and after (None: no such page)."""

    path: str
    words: tuple[int | None, int | None]
    grade: tuple[float | None, float | None]


@dataclass(frozen=True)
class HandoutChange:
    """A PDF whose content changed: its pages before and after (0: no such PDF)."""

    file: str
    pages: tuple[int, int]
    over: bool  # a topic's standard handout now passes the page limit


@dataclass(frozen=True)
class FigureChange:
    """A figure added, removed or changed, as readers see it, and where it shows."""

    name: str
    before: str | None
    after: str | None
    pages: tuple[str, ...]
    handouts: tuple[str, ...]


def measure(path: Path) -> tuple[int | None, float | None]:
    """A page's words and Flesch–Kincaid grade (None, None when there is no such page)."""
    from neckguide.checks.pages import read_page
    from neckguide.checks.reading_level import measure as grade_of

    if not path.is_file():
        return None, None
    grade = grade_of(read_page(path))
    return grade.words, round(grade.grade, 1)


def pages_changed(changed: list[str], base: Path, head: Path) -> list[PageChange]:
    """Every page among ``changed``, measured in both trees."""
    found = []
    for name in changed:
        if PAGES.match(name):
            (w0, g0), (w1, g1) = measure(base / name), measure(head / name)
            found.append(PageChange(name, (w0, w1), (g0, g1)))
    return found


def manifest(site: Path) -> dict[str, dict]:
    try:
        data = json.loads((site / HANDOUTS_DIR / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data.get("files", {})


def handouts_changed(base_site: Path, head_site: Path) -> list[HandoutChange]:
    """Every PDF whose input changed (its manifest hash), with its pages before → after."""
    before, after = manifest(base_site), manifest(head_site)
    found = []
    for file in sorted(set(before) | set(after)):
        old, new = before.get(file, {}), after.get(file, {})
        if old.get("hash") == new.get("hash"):
            continue
        standard = not file.endswith("-large-print.pdf") and new.get("page", "").startswith(
            "topics/"
        )
        pages = (old.get("pages", 0), new.get("pages", 0))
        found.append(HandoutChange(file, pages, standard and pages[1] > PAGE_BUDGET))
    return found


def over_limit(head_site: Path) -> list[str]:
    """Every topic's standard handout over the page limit in the working tree."""
    return sorted(
        file
        for file, entry in manifest(head_site).items()
        if entry.get("page", "").startswith("topics/")
        and not file.endswith("-large-print.pdf")
        and entry.get("pages", 0) > PAGE_BUDGET
    )


def _figures(facts: Path) -> dict[str, tuple[str, str]] | str:
    """Each figure's display and ``says``, or why the registry cannot be read."""
    from neckguide import registry

    try:
        loaded = registry.load(facts)
    except (registry.RegistryError, OSError) as error:
        return str(error)
    return {name: (fact.display, fact.says) for name, fact in loaded.facts.items()}


def _uses(head: Path) -> dict[str, set[str]]:
    """Which pages show which figures: ``{fact}`name``` in a page or a snippet it includes,
    and the directives that show a set of them (food tables, the T-score scale)."""
    pages = [p for p in sorted((head / "docs").rglob("*.md")) if PAGES.match(rel(p, head))]
    text = {rel(p, head): p.read_text(encoding="utf-8") for p in pages}
    snippets = {n: t for n, t in text.items() if "/_snippets/" in f"/{n}"}
    uses: dict[str, set[str]] = {}
    for name, body in text.items():
        if name in snippets:
            continue
        included = [t for s, t in snippets.items() if Path(s).name in body]
        for chunk in [body, *included]:
            for fact in re.findall(r"\{fact\}`([^`]+)`", chunk):
                uses.setdefault(fact.strip(), set()).add(name)
            for directive, prefix in SHOWS_ALL.items():
                if "{" + directive + "}" in chunk:
                    uses.setdefault(f"{prefix}*", set()).add(name)
    return uses


def rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def figures_changed(base: Path, head: Path) -> list[FigureChange] | str:
    """Every figure whose reading changed between the trees, and the pages and handouts
    that show it; or why a registry cannot be read."""
    before, after = _figures(base / "facts"), _figures(head / "facts")
    if isinstance(after, str):
        return f"the working tree's registry cannot be read: {after}"
    if isinstance(before, str):
        before = {}
    uses = _uses(head)
    found = []
    for name in sorted(set(before) | set(after)):
        if before.get(name) == after.get(name):
            continue
        pages = set(uses.get(name, set()))
        for pattern, users in uses.items():
            if pattern.endswith("*") and name.startswith(pattern[:-1]):
                pages |= users
        topics = sorted(p for p in pages if p.startswith("docs/topics/"))
        handouts = [f"{Path(p).stem}.pdf" for p in topics] + (["the booklet"] if topics else [])
        old, new = before.get(name), after.get(name)
        found.append(
            FigureChange(
                name,
                old[0] if old else None,
                new[0] if new else None,
                tuple(sorted(pages)),
                tuple(handouts),
            )
        )
    return found


def new_problems(before: list[str], after: list[str]) -> list[str]:
    """The problems in ``after`` that ``before`` did not have (lines may have moved)."""

    def key(problem: str) -> str:
        return re.sub(r"^(\S+?):\d+: ", r"\1: ", problem)

    known = {key(problem) for problem in before}
    return [problem for problem in after if key(problem) not in known]
