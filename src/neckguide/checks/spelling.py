"""Gate: every word readers see is in the dictionary (sphinxcontrib-spelling).

The pages are built with Sphinx's ``spelling`` builder (sphinxcontrib-spelling, PyEnchant and
Debian's hunspell ``en_US`` dictionary), so the words are the ones readers get: titles,
dropdown and tab titles, the summary and key message from the front matter, and the
``says`` of each figure on the references page; not code, doctests, addresses or the names
of the sources' authors. Each word it does not know is a problem at its file and line, with
the dictionary's suggestions. A word that is right (a drug, a medical term, a name) goes in
``docs/wordlist.txt``, one a line.

The builder needs the Enchant C library, so it is loaded for this build only (``conf.py``
holds its settings), through this module's :func:`setup`; its files go to
``docs/_build/spelling`` and ``docs/_build/doctrees-spelling``, so a second run reads only
the pages that changed.

>>> print(parse_line('docs/topics/x.md:12: (suceptible) ["susceptible", "perceptible"] '))
docs/topics/x.md:12: 'suceptible' is not in the dictionary; did you mean 'susceptible' or 'perceptible'? (if the word is right, add it to docs/wordlist.txt)
>>> print(parse_line("<unknown>:None: (Prolai) []"))
<unknown>:1: 'Prolai' is not in the dictionary (if the word is right, add it to docs/wordlist.txt)
"""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any

from docutils import nodes

from neckguide.checks import Problem, Project

WORDLIST = "docs/wordlist.txt"
#: The extension this module is, for the spelling build (it loads sphinxcontrib.spelling).
EXTENSION = "neckguide.checks.spelling"
#: Elements whose text readers read, beyond the builder's paragraphs, titles and list items:
#: bold and italic words, link text, glossary terms, dropdown, tab and card titles.
READ_ELEMENTS = frozenset(
    {
        "strong",
        "emphasis",
        "inline",
        "reference",
        "rubric",
        "dropdown_title",
        "sd_tab_label",
        "PassthroughTextElement",
        "abbreviation",
        "subtitle",
        "caption",
    }
)
#: Classes of the words that are not the guide's to spell: sources' authors and titles.
NOT_OURS = ("citation-by", "citation-title", "citation-when")
#: One line of a ``<docname>.spelling`` file the builder writes.
LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+|None): \((?P<word>[^)]+)\) (?P<suggestions>\[.*?\])?"
)
ADVICE = f"(if the word is right, add it to {WORDLIST})"


def parse_line(text: str) -> Problem | None:
    """One line of the builder's output as a :class:`Problem` (None if it is not one)."""
    match = LINE.match(text)
    if not match:
        return None
    choices = re.findall(r'"([^"]+)"', match["suggestions"] or "")
    word = match["word"]
    hint = f"; did you mean {' or '.join(repr(c) for c in choices)}?" if choices else ""
    line = int(match["line"]) if match["line"].isdigit() else 1
    return Problem(match["path"], line, f"{word!r} is not in the dictionary{hint} {ADVICE}")


def locate(project: Project, problem: Problem) -> Problem:
    """Name the line that really holds the word. Sphinx gives text it made (the summary, a
    figure's ``says`` on the references page) the line of something near it: the word is
    looked for on that line, then in that file, then in the registry (``facts/*.toml``)."""
    word = problem.message.split("'")[1]
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
    path = project.root / problem.path
    candidates = [path] if path.is_file() else []
    candidates += sorted((project.root / "facts").glob("*.toml"))
    for candidate in candidates:
        lines = candidate.read_text(encoding="utf-8").splitlines()
        on_its_line = candidate == path and 0 < problem.line <= len(lines)
        if on_its_line and pattern.search(lines[problem.line - 1]):
            return problem
        for number, text in enumerate(lines, start=1):
            if pattern.search(text):
                return Problem(project.relative(candidate), number, problem.message)
    return problem


def extensions(project: Project) -> str:
    """The project's extensions and the spelling builder's, as ``-D extensions=`` wants."""
    from neckguide.build import read_conf

    return ",".join([*read_conf(project.docs)["extensions"], EXTENSION])


def run_builder(project: Project) -> list[Problem]:
    """Build the pages with the spelling builder; every word it does not know."""
    out = project.docs / "_build" / "spelling"
    for old in out.rglob("*.spelling") if out.is_dir() else []:
        old.unlink()  # only pages with a misspelling are written: leave no stale ones
    command = [
        *(sys.executable, "-m", "sphinx", "-b", "spelling", "-q"),
        *("-D", "handouts_enabled=0", "-D", f"extensions={extensions(project)}"),
        *("-d", str(project.docs / "_build" / "doctrees-spelling")),
        *(str(project.docs), str(out)),
    ]
    run = subprocess.run(
        command, cwd=project.root, capture_output=True, text=True, timeout=900, check=False
    )
    if run.returncode != 0:
        last = " ".join(run.stderr.strip().splitlines()[-3:])
        return [Problem(WORDLIST, 1, f"the spelling check could not run: {last}")]
    problems = []
    for report in sorted(out.rglob("*.spelling")):
        for text in report.read_text(encoding="utf-8").splitlines():
            problem = parse_line(text)
            if problem is not None:
                problems.append(locate(project, problem))
    return problems


def mark_not_ours(app: object, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: the sources' authors and titles are left out of the check."""
    for element in doctree.findall(nodes.Element):
        if any(name in element.get("classes", []) for name in NOT_OURS):
            for text in element.findall(nodes.Text):
                text.spellingIgnore = True  # type: ignore[attr-defined]  # the builder's mark


def setup(app: Any) -> dict[str, Any]:
    """The spelling build: sphinxcontrib-spelling's builder, reading every element whose
    words readers read (:data:`READ_ELEMENTS`), and none of the sources' names."""
    app.setup_extension("sphinxcontrib.spelling")
    from sphinxcontrib.spelling.builder import SpellingBuilder

    class GuideSpellingBuilder(SpellingBuilder):
        TEXT_NODES = SpellingBuilder.TEXT_NODES | READ_ELEMENTS

    app.add_builder(GuideSpellingBuilder, override=True)
    app.connect("doctree-resolved", mark_not_ours)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def missing_library() -> str | None:
    """Why PyEnchant cannot spell-check here (None when it can)."""
    try:
        import enchant

        enchant.Dict("en_US")
    except ImportError as error:
        return f"{error}; install Debian's libenchant-2-2 (`.ci/run` does)"
    except Exception as error:  # enchant.errors.DictNotFoundError
        return f"{error}; install Debian's hunspell-en-us (`.ci/run` does)"
    return None


def check(project: Project) -> list[Problem]:
    """The dictionary over the pages (or, with files named, over those of them that are
    pages or registry files: a registry file's words show on the references page)."""
    if not (project.root / WORDLIST).exists():
        return [Problem(WORDLIST, 1, "the project word list is missing; create it")]
    wanted: set[str] | None = None
    if project.selected is not None:
        wanted = {project.relative(path) for path in project.selected}
        if not any(name.endswith((".md", ".toml")) for name in wanted):
            return []
        if WORDLIST in wanted:  # a new word may make any page right
            wanted = None
    why = missing_library()
    if why:
        return [Problem(WORDLIST, 1, f"the spelling check cannot run: {why}")]
    problems = run_builder(project)
    return [p for p in problems if wanted is None or p.path in wanted]
