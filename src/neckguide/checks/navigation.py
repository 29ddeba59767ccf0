"""Gate: every page can be reached from the menu, and every menu entry is a page.

The menu is built from the ``{toctree}`` blocks, starting at docs/index.md. A page that is
in no toctree is an *orphan*: Sphinx builds it, but no reader finds it. A page listed only
in the toctree of a page that is itself not reachable is *unreachable* in the same way.

>>> from neckguide.checks.pages import parse_page
>>> index = parse_page(["# Home", "", "```{toctree}", ":maxdepth: 1", "",
...                     "topics/diagnosis", "Falls <topics/preventing-falls>", "```"])
>>> toctree_entries(index, "index")
[(6, 'topics/diagnosis'), (7, 'topics/preventing-falls')]
"""

from __future__ import annotations

import fnmatch
import posixpath
from collections import deque
from pathlib import Path

from neckguide.checks import Problem, Project
from neckguide.checks.pages import Page, read_page

ROOT_PAGE = "index"


#: Advice written once and included by pages (docs/_snippets/): never in a menu.
SNIPPETS = "_snippets/"


def docname(project: Project, path: Path) -> str:
    """A page's name as toctrees write it: its path under docs/, without ``.md``."""
    return path.relative_to(project.docs).with_suffix("").as_posix()


def toctree_entries(page: Page, name: str) -> list[tuple[int, str]]:
    """(line, page name) for every entry of every toctree on a page, relative to docs/.

    Glob patterns (in a toctree with ``:glob:``) are kept as patterns.
    """
    entries = []
    folder = posixpath.dirname(name)
    for block in page.blocks_named("toctree"):
        for line in block.body:
            entry = line.text.strip()
            if not entry or entry.startswith(":") or entry == "self":
                continue
            if entry.endswith(">") and "<" in entry:
                entry = entry[entry.rindex("<") + 1 : -1].strip()
            if "://" in entry:
                continue
            entry = entry.removesuffix(".md")
            target = entry.lstrip("/") if entry.startswith("/") else posixpath.join(folder, entry)
            entries.append((line.number, posixpath.normpath(target)))
    return entries


def check(project: Project) -> list[Problem]:
    """The whole project (a menu problem can be anywhere, whichever file changed)."""
    pages = {docname(project, path): path for path in project.all_pages()}
    problems: list[Problem] = []
    listed_in: dict[str, list[tuple[str, int]]] = {}
    reached = {ROOT_PAGE}
    queue = deque([ROOT_PAGE])
    entries_of: dict[str, list[tuple[int, str]]] = {}
    for name, path in pages.items():
        page = read_page(path)
        globbing = any("glob" in block.options for block in page.blocks_named("toctree"))
        entries = []
        for line, target in toctree_entries(page, name):
            matches = [target]
            if globbing and any(ch in target for ch in "*?["):
                matches = sorted(fnmatch.filter(pages, target))
            elif target not in pages:
                problems.append(
                    Problem(
                        project.relative(path),
                        line,
                        f"the table of contents lists {target!r}, but there is no "
                        f"docs/{target}.md; fix the name or remove the line",
                    )
                )
                continue
            entries += [(line, match) for match in matches]
            for match in matches:
                listed_in.setdefault(match, []).append((name, line))
        entries_of[name] = entries
    while queue:
        for _, child in entries_of.get(queue.popleft(), []):
            if child not in reached:
                reached.add(child)
                queue.append(child)
    texts = {name: path.read_text(encoding="utf-8") for name, path in pages.items()}
    for name, path in sorted(pages.items()):
        if name.startswith(SNIPPETS):
            # A snippet is included by pages, not listed in a menu: it must be used.
            file = name.removeprefix(SNIPPETS) + ".md"
            if not any(f"{SNIPPETS}{file}" in text for text in texts.values()):
                problems.append(
                    Problem(
                        project.relative(path),
                        1,
                        "no page includes this snippet; include it where the advice is needed "
                        f"(```{{include}} ../{SNIPPETS}{file}```) or delete it",
                    )
                )
            continue
        if name in reached:
            continue
        where = project.relative(path)
        if name in listed_in:
            parents = ", ".join(
                f"docs/{parent}.md (line {line})" for parent, line in listed_in[name]
            )
            message = (
                f"this page is listed only in the table of contents of {parents}, which readers "
                f"cannot reach from the home page; add `{name}` to a {{toctree}} in "
                "docs/index.md, or make that page reachable"
            )
        else:
            message = (
                "this page is not in any table of contents, so readers cannot reach it from "
                f"the menu; add `{name}` to a {{toctree}} in docs/index.md (or delete the page "
                "if it is not needed)"
            )
        problems.append(Problem(where, 1, message))
    if ROOT_PAGE not in pages:
        problems.append(Problem("docs/index.md", 1, "the home page docs/index.md is missing"))
    return problems
