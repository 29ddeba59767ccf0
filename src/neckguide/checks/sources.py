"""Gate: the registry reads cleanly, every ``{source}`` names a real source, none is unused.

A mistake in ``facts/*.toml`` (broken TOML, a figure with no source, a source with a search
address or no year) is reported here in one line, ``file:line: what to do``, before any
build. A ``{source}`be-2001``` in a page or snippet must name a table of
``facts/sources.toml``; and every source there must be used, by a figure or by a page, so
the references page lists only what the guide really relies on.

>>> cited_ids("Keep still. {source}`stiell-2001,nice-ng232` and {fact}`x.y`")
['stiell-2001', 'nice-ng232']
"""

from __future__ import annotations

import re

from neckguide import registry
from neckguide.checks import Problem, Project
from neckguide.checks.pages import read_page

SOURCE_ROLE = re.compile(r"\{source\}(`+)(?P<ids>.*?)\1")
LOCATED = re.compile(r"^(?P<path>facts/[\w./-]+?)(?::(?P<line>\d+))?: (?P<message>.*)$", re.S)


def cited_ids(text: str) -> list[str]:
    """The source ids a line cites with ``{source}``."""
    return [i.strip() for m in SOURCE_ROLE.finditer(text) for i in m["ids"].split(",") if i.strip()]


def registry_problem(error: registry.RegistryError) -> Problem:
    """A registry error as one plain ``file:line: message`` problem."""
    match = LOCATED.match(str(error))
    if match:
        return Problem(match["path"], int(match["line"] or 1), match["message"])
    return Problem("facts/sources.toml", 1, str(error))


def check(project: Project) -> list[Problem]:
    """The whole registry and every page (a source may be cited anywhere)."""
    facts_dir = project.root / "facts"
    try:
        facts = registry.load(facts_dir)
    except registry.RegistryError as error:
        return [registry_problem(error)]
    problems: list[Problem] = []
    used = {fact.source for fact in facts.facts.values()}
    for path in project.all_pages():
        page = read_page(path)
        for line in page.lines:
            for source_id in cited_ids(line.text):
                used.add(source_id)
                if source_id not in facts.sources and path in project.pages():
                    message = registry.unknown_message("source", source_id, facts.sources)
                    problems.append(Problem(project.relative(path), line.number, message))
    text = (facts_dir / "sources.toml").read_text(encoding="utf-8")
    for source_id in sorted(set(facts.sources) - used):
        problems.append(
            Problem(
                "facts/sources.toml",
                registry.line_of_table(text, source_id),
                f"no figure and no page cites the source {source_id!r}; cite it with "
                f"{{source}}`{source_id}` where the guide relies on it, or delete it",
            )
        )
    return problems
