"""Gate: what a program can check of "clear on every page" (CDC Clear Communication Index,
PEMAT-P), on every topic page.

- The last section is "What to do next"; a "What experts know and do not know yet" section
  exists (CCI 11).
- Every picture has a visible caption: ``{figure}`` with a caption, not a bare ``{image}``;
  the T-score picture has its ``:caption:`` (PEMAT-P 17).
- No list has more than :data:`MAX_LIST_ITEMS` items, outside a tick list (CCI 8).
- No "person-years" (CCI 15); no relative risk ("68% fewer") on a page that gives no
  absolute numbers ("8 in 100 ... 15 in 100") (CCI 15–16).
- No sentence starts in lower case because it starts with a figure ("about 3 in 4 ...").
- No abbreviation is used before it is explained: the first time a page uses one of
  :data:`ABBREVIATIONS`, the sentence spells it out or explains it (CCI 7; PEMAT-P 4).

>>> from neckguide.checks.pages import parse_page
>>> page = parse_page(["# T", "", "## What to do next", "", "- Ask about a DXA scan.", "",
...                    "## More", "", "Text."])
>>> for problem in problems_in(page, "docs/topics/x.md"):
...     print(problem)  # doctest: +NORMALIZE_WHITESPACE
docs/topics/x.md:7: the last section is "More"; end the page with "## What to do next" (the
reader's next steps), and put other sections before it
docs/topics/x.md:1: the page has no "## What experts know and do not know yet" section; add
one to three sourced sentences on what is known and what is not known yet
docs/topics/x.md:5: "DXA" is used before it is explained; spell it out or say what it is in
this sentence (e.g. "a DXA scan, a kind of X-ray that measures bone")
"""

from __future__ import annotations

import re

from neckguide import registry
from neckguide.checks import Problem, Project
from neckguide.checks.pages import Line, Page, read_page
from neckguide.checks.prose import strip_inline

LAST_SECTION = "What to do next"
EXPERTS_SECTION = "What experts know and do not know yet"
MAX_LIST_ITEMS = 7

#: Abbreviations a reader may not know, each with how a sentence can explain it.
ABBREVIATIONS = (
    "DXA", "BMD", "IU", "mcg", "FRAX", "CT", "MRI", "VFA", "ONJ", "AFF", "CDC", "STEADI",
    "NIH", "USPSTF", "BHOF", "ISCD", "RANKL", "PTH", "ER", "NSAID", "NSAIDs", "SERM", "FDA",
    "DISH", "ASBMR", "NICE",
)  # fmt: skip
EXPLAINED = (
    r"\({abbr}\)",  # emergency room (ER)
    r"{abbr}(?:\s+[a-z]+){{0,2}}\s*\(",  # DXA (a kind of X-ray), a DXA scan (an X-ray)
    r",\s*or\s+{abbr}\)",  # (osteonecrosis of the jaw, or ONJ)
    r"{abbr}[^.]{{0,40}}?,\s+(?:a|an|the|which|short for)\b",  # DXA scan, a quick X-ray
    r"{abbr}[^.]{{0,30}}?\s(?:is|are|means|stands for|measures)\b",  # FRAX is a tool
    r"\b(?:called|named|known as|as)\s+(?:a\s+|an\s+|the\s+)?{abbr}\b",  # a scan called DXA
    r"{abbr}[^.]{{0,30}}?:",  # IU: international units
    r"\bsay\s+\"",  # DXA (say "dex-a")
)
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
LIST_ITEM = re.compile(r"^(?P<indent>\s*)(?:[-*+]|\d{1,3}[.)])\s+")
PERSON_YEARS = re.compile(r"\b(?:person|patient|participant)[- ]years?\b", re.I)
RELATIVE = re.compile(r"%\s*(?:fewer|lower|less|reduction)|\btimes (?:as|more) likely\b", re.I)
FACT = re.compile(r"\{fact\}`(?P<name>[^`]+)`")


def _problem(path: str, line: int, message: str) -> Problem:
    return Problem(path, line, message)


def _top_headings(page: Page) -> list[tuple[int, int, str]]:
    """(line, level, text) of the page's Markdown headings outside directives."""
    found = []
    for line in page.lines:
        match = HEADING.match(line.text)
        if match and line.kind == "prose" and not line.directive:
            found.append((line.number, len(match[1]), match[2]))
    return found


def _sections(page: Page, path: str) -> list[Problem]:
    headings = [(n, text) for n, level, text in _top_headings(page) if level == 2]
    problems = []
    if headings and headings[-1][1] != LAST_SECTION:
        number, text = headings[-1]
        problems.append(
            _problem(
                path,
                number,
                f'the last section is "{text}"; end the page with "## {LAST_SECTION}" (the '
                "reader's next steps), and put other sections before it",
            )
        )
    if not any(text.startswith("What experts know") for _, text in headings):
        problems.append(
            _problem(
                path,
                1,
                f'the page has no "## {EXPERTS_SECTION}" section; add one to three sourced '
                "sentences on what is known and what is not known yet",
            )
        )
    return problems


def _pictures(page: Page, path: str) -> list[Problem]:
    problems = []
    for block in page.blocks:
        if block.name == "image":
            problems.append(
                _problem(
                    path,
                    block.start,
                    "a picture needs a visible caption: use ```{figure}``` (with :alt:) and "
                    "write the caption as the block's text",
                )
            )
        elif block.name == "figure" and not any(
            line.text.strip() for line in block.body if line.kind in ("prose", "title")
        ):
            problems.append(
                _problem(path, block.start, "this figure has no caption: write one sentence "
                         "under its options that says what the picture shows and why it matters")
            )  # fmt: skip
        elif block.name == "tscore-scale" and "caption" not in block.options:
            problems.append(
                _problem(path, block.start, "the T-score picture needs a visible caption: add "
                         "`:caption: ...` (what the scale shows)")
            )  # fmt: skip
    return problems


def _lists(page: Page, path: str) -> list[Problem]:
    problems = []
    run: list[Line] = []
    previous_text = ""

    def close() -> None:
        if len(run) > MAX_LIST_ITEMS and ".checklist" not in previous_text:
            problems.append(
                _problem(
                    path,
                    run[0].number,
                    f"this list has {len(run)} items; keep lists to {MAX_LIST_ITEMS} or fewer "
                    "(split it into groups under their own headings), or make it a tick list "
                    "({.checklist} on the line before it)",
                )
            )

    indent = None
    for line in page.lines:
        match = LIST_ITEM.match(line.text) if line.kind == "prose" else None
        if match and (indent is None or match["indent"] == indent):
            if not run:
                previous_text = _before(page, line)
            indent = match["indent"]
            run.append(line)
        elif line.kind == "blank" or (run and line.text.startswith((" ", "\t"))):
            continue
        else:
            close()
            run, indent = [], None
    close()
    return problems


def _before(page: Page, line: Line) -> str:
    """The text of the non-blank line just before ``line``."""
    earlier = [x for x in page.lines if x.number < line.number and x.kind != "blank"]
    return earlier[-1].text if earlier else ""


def _numbers(page: Page, path: str, facts: registry.Registry) -> list[Problem]:
    problems = []
    shown = [m["name"] for line in page.prose() for m in FACT.finditer(line.text)]
    absolute = [n for n in shown if n in facts.facts and _is_absolute(facts.fact(n))]
    for line in page.prose():
        if PERSON_YEARS.search(line.text):
            problems.append(
                _problem(path, line.number, '"person-years" is a research unit readers do not '
                         'use; say "N in 100 people over Y years" instead')
            )  # fmt: skip
        relative = RELATIVE.search(strip_inline(line.text, lambda n, t: t))
        for match in FACT.finditer(line.text):
            name = match["name"]
            if name in facts.facts and _is_relative(facts.fact(name)):
                relative = relative or match
        if relative and not absolute:
            problems.append(
                _problem(path, line.number, "a relative risk (\"68% fewer\") needs the absolute "
                         "numbers on the same page: how many in 100 with and without the "
                         "medicine, over how long")
            )  # fmt: skip
        problems += _lower_case_starts(line, path, facts, _continues(page, line))
    return problems


def _continues(page: Page, line: Line) -> bool:
    """True when ``line`` carries on a sentence from the line before (a wrapped paragraph)."""
    if line.text.lstrip().startswith("|"):
        return False
    if LIST_ITEM.match(line.text):
        # An item that finishes a lead-in sentence ("In a study:") may start in lower case.
        earlier = [x for x in page.lines if x.number < line.number and x.kind != "blank"]
        lead = next((x for x in reversed(earlier) if not LIST_ITEM.match(x.text)
                     and not x.text.startswith((" ", "\t"))), None)  # fmt: skip
        return bool(lead and lead.kind == "prose" and lead.text.rstrip().endswith(":"))
    before = [x for x in page.lines if x.number == line.number - 1]
    if not before or before[0].kind not in ("prose", "title") or HEADING.match(before[0].text):
        return False
    return not before[0].text.rstrip().rstrip("*_`)\"'").endswith((".", "!", "?"))


def _is_relative(fact: registry.Fact) -> bool:
    return fact.name.endswith("_reduction") or "fewer" in fact.unit


def _is_absolute(fact: registry.Fact) -> bool:
    return fact.unit in {"in 100", "%"} and not _is_relative(fact)


def _lower_case_starts(
    line: Line, path: str, facts: registry.Registry, continues: bool = False
) -> list[Problem]:
    problems = []
    text = re.sub(r"^\s*(?:[-*+]|\d{1,3}[.)]|\|)\s*(?:\*\*)?", "", line.text)
    for match in FACT.finditer(text):
        before = text[: match.start()].rstrip(" *")
        starts = (before == "" and not continues) or before.endswith((".", "!", "?", ":**"))
        name = match["name"]
        if starts and name in facts.facts and facts.fact(name).display[:1].islower():
            problems.append(
                _problem(path, line.number, f"this sentence starts with the figure "
                         f"\"{facts.fact(name).display}\", so it starts in lower case; begin "
                         "the sentence with a word")
            )  # fmt: skip
    return problems


INCLUDE = re.compile(r"^\s*(`{3,}|:{3,})\{include\}\s+(?P<file>\S+)")


def _included_prose(page: Page, line: Line) -> list[str]:
    """The prose of a snippet that ``line`` includes (```{include} ../_snippets/x.md```)."""
    match = INCLUDE.match(line.text)
    if not match or page.path is None:
        return []
    snippet = (page.path.parent / match["file"]).resolve()
    if not snippet.is_file():
        return []
    return [x.text for x in read_page(snippet).prose()]


def _abbreviations(page: Page, path: str) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for line in page.lines:
        for text in _included_prose(page, line):  # a card explains its own words
            shown = strip_inline(text, lambda name, t: _shown(name, t), code=" ")
            seen.update(
                a for a in ABBREVIATIONS if re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", shown)
            )
        if line.kind not in ("prose", "title") or HEADING.match(line.text):
            continue
        shown = strip_inline(line.text, lambda name, text: _shown(name, text), code=" ")
        for abbr in ABBREVIATIONS:
            if abbr in seen or not re.search(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", shown):
                continue
            seen.add(abbr)
            sentence = _sentence_with(shown, abbr)
            escaped = re.escape(abbr)
            if not any(re.search(p.format(abbr=escaped), sentence) for p in EXPLAINED):
                problems.append(
                    _problem(path, line.number, f'"{abbr}" is used before it is explained; '
                             "spell it out or say what it is in this sentence (e.g. \"a DXA "
                             'scan, a kind of X-ray that measures bone")')
                )  # fmt: skip
    return problems


def _shown(name: str, text: str) -> str:
    if name in ("fact", "worked", "food", "source", "doc", "ref"):
        return " X "
    explicit = re.match(r"^(?P<title>.*?)\s*<[^<>]+>$", text, re.DOTALL)
    return explicit["title"] if explicit and explicit["title"] else text


def _sentence_with(text: str, abbr: str) -> str:
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if re.search(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", sentence):
            return sentence
    return text


def problems_in(page: Page, path: str, facts: registry.Registry | None = None) -> list[Problem]:
    """Every clarity problem on one topic page."""
    problems = _sections(page, path) + _pictures(page, path) + _lists(page, path)
    if facts is not None:
        problems += _numbers(page, path, facts)
    return problems + _abbreviations(page, path)


def check(project: Project) -> list[Problem]:
    """Every selected topic page (docs/topics/*.md)."""
    try:
        facts = registry.load(project.root / "facts")
    except registry.RegistryError:
        facts = None  # the sources gate reports it
    topics = sorted((project.docs / "topics").glob("*.md"))
    problems: list[Problem] = []
    for path in project.only(topics):
        problems += problems_in(read_page(path), project.relative(path), facts)
    return problems
