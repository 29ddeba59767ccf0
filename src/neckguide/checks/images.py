"""Gate: pictures are SVG files of the project, with alt text, and every figure is used.

SVG stays sharp at any size and in the large-print handouts; alt text is what a reader
using a screen reader hears instead of the picture. Files in docs/_static/figures/ that no
page uses are dead weight and go stale, so they fail too.

>>> from neckguide.checks.pages import parse_page
>>> page = parse_page(["![](../_static/figures/a.svg)", "", "```{image} photo.png",
...                    ":alt: A photo.", "```"])
>>> [(line, target) for line, target, alt in pictures(page)]
[(1, '../_static/figures/a.svg'), (3, 'photo.png')]
"""

from __future__ import annotations

import re
from pathlib import Path

from neckguide.checks import Problem, Project
from neckguide.checks.pages import Page, read_page
from neckguide.checks.prose import CODE_SPAN

IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<url>[^)\s]*)[^)]*\)")
FIGURES = Path("_static") / "figures"


def pictures(page: Page) -> list[tuple[int, str, str]]:
    """(line, file, alt text) for every picture on a page, Markdown or directive."""
    found = []
    for line in page.prose():
        for image in IMAGE.finditer(CODE_SPAN.sub("", line.text)):
            found.append((line.number, image["url"], image["alt"].strip()))
    for block in page.blocks_named("image", "figure"):
        found.append((block.start, block.argument, block.options.get("alt", "").strip()))
    return sorted(found)


def _problems_with(path: Path, line: int, target: str, alt: str, project: Project) -> list[str]:
    messages = []
    if "://" in target:
        return [
            f"the picture {target} is on another website; save it as an SVG file in "
            "docs/_static/figures/ and use it from there (the handouts must work offline)"
        ]
    if not alt:
        messages.append(
            f"the picture {target} has no alt text; describe what it shows for readers who "
            "cannot see it (`:alt: ...` under the {image} line, or ![description](file.svg))"
        )
    if not target.lower().endswith(".svg"):
        messages.append(
            f"the picture {target} is not an SVG; draw or export it as SVG so it stays sharp "
            "at any size and in large print"
        )
    file = (project.docs / target.lstrip("/")) if target.startswith("/") else path.parent / target
    if target and not file.exists():
        messages.append(f"the picture {target} does not exist; check the file name and folder")
    return messages


def unused_figures(project: Project) -> list[Problem]:
    """Files in docs/_static/figures/ that no page, template or docs/conf.py mentions."""
    folder = project.docs / FIGURES
    if not folder.is_dir():
        return []
    texts = [path.read_text(encoding="utf-8") for path in project.all_pages()]
    texts += [
        path.read_text(encoding="utf-8")
        for path in [project.docs / "conf.py", *(project.docs / "_templates").rglob("*")]
        if path.is_file()
    ]
    everything = "\n".join(texts)
    problems = []
    for figure in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = figure.relative_to(project.docs / "_static").as_posix()
        if name not in everything:
            problems.append(
                Problem(
                    project.relative(figure),
                    1,
                    "no page uses this figure; show it on a page with an {image} block and "
                    "its :alt: text (CONTRIBUTING.md, 'Pictures'), or delete the file",
                )
            )
    return problems


def check(project: Project) -> list[Problem]:
    """Pictures on the selected pages, and unused figures in the whole project."""
    problems = unused_figures(project)
    for path in project.pages():
        for line, target, alt in pictures(read_page(path)):
            for message in _problems_with(path, line, target, alt, project):
                problems.append(Problem(project.relative(path), line, message))
    return problems
