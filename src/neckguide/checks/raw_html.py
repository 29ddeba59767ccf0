"""Gate: no raw HTML in the pages.

MyST passes HTML typed into a page straight through to the site, where a ``<script>`` could
run in a reader's browser and hand-made markup escapes the theme's accessibility work. So
pages are written in Markdown only: no HTML tags or comments outside code, no ``{raw}``
blocks, no ``.. raw::`` inside ``{eval-rst}``, and none of MyST's HTML extensions
(:data:`HTML_EXTENSIONS`) switched on in docs/conf.py.

>>> from neckguide.checks.pages import parse_page
>>> page = parse_page(["Text with <span>HTML</span>.", "A `<b>` in code is fine.",
...                    "<script>alert(1)</script>", "T-score < -2.5 is fine too."])
>>> for problem in problems_in(page, "docs/topics/x.md"):
...     print(problem)  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
docs/topics/x.md:1: raw HTML (<span>) is not allowed in pages; write it in Markdown instead ...
docs/topics/x.md:3: a <script> tag is not allowed in a page:
it would run code in readers' browsers; remove it
"""

from __future__ import annotations

import re

from neckguide.checks import Problem, Project
from neckguide.checks.pages import Page
from neckguide.checks.prose import CODE_SPAN

TAG = re.compile(r"</?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*>|<!--")
HTML_EXTENSIONS = ("html_admonition", "html_image")
HOW = (
    "write it in Markdown instead (**bold**, *italic*, a :::{note} box, ![alt text](figure.svg)); "
    "see CONTRIBUTING.md, 'Writing a page'"
)


def _message(tag: re.Match[str]) -> str:
    if tag[0] == "<!--":
        return (
            "an HTML comment (<!--) is not allowed in pages; "
            "write a MyST comment instead: a line starting with %"
        )
    if tag["name"].lower() == "script":
        return (
            "a <script> tag is not allowed in a page: "
            "it would run code in readers' browsers; remove it"
        )
    return f"raw HTML (<{tag['name']}>) is not allowed in pages; {HOW}"


def problems_in(page: Page, path: str) -> list[Problem]:
    """Every HTML tag outside code, every {raw} block, every raw:: inside {eval-rst}."""
    problems = []
    for line in page.prose():
        for tag in TAG.finditer(CODE_SPAN.sub("", line.text)):
            problems.append(Problem(path, line.number, _message(tag)))
            if tag["name"] and tag["name"].lower() == "script":
                break
    for block in page.blocks_named("raw"):
        problems.append(
            Problem(
                path,
                block.start,
                "a {raw} block puts HTML straight into the page, which is not allowed; remove it "
                "and write the content in Markdown (or ask for a directive that does the job)",
            )
        )
    for block in page.blocks_named("eval-rst"):
        for line in block.body:
            if re.match(r"^\s*\.\.\s+raw::", line.text):
                problems.append(
                    Problem(
                        path,
                        line.number,
                        "a `.. raw::` block puts HTML straight into the page, which is not "
                        "allowed; remove it",
                    )
                )
    return problems


def conf_problems(project: Project) -> list[Problem]:
    """MyST's HTML extensions must stay off in docs/conf.py."""
    conf = project.docs / "conf.py"
    if not conf.exists():
        return []
    problems = []
    for number, text in enumerate(conf.read_text(encoding="utf-8").splitlines(), 1):
        code = text.split("#", 1)[0]
        for name in HTML_EXTENSIONS:
            if re.search(rf"[\"']{name}[\"']", code):
                problems.append(
                    Problem(
                        project.relative(conf),
                        number,
                        f"the MyST extension {name!r} lets pages carry raw HTML; remove it from "
                        "myst_enable_extensions",
                    )
                )
    return problems


def check(project: Project) -> list[Problem]:
    """Every selected page, and docs/conf.py."""
    return conf_problems(project) + project.problems_on_pages(problems_in)
