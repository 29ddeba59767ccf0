"""Reading a MyST page the way the gates need it: which lines are prose, and which are not.

A page is split into lines, each with a kind: front matter, a fence (``` or :::), a
directive option (``:hide:``), code (inside a code or doctest block), markup (comments,
targets, link definitions), a blank, a title (a box's heading, as in ``:::{note} Title``)
or prose. Fenced blocks are kept as :class:`Block` objects with their options and lines.

>>> page = parse_page('''---
... summary: "A short page."
... ---
...
... # Title
...
... Some prose.
...
... ```{doctest}
... :hide:
... >>> 1 + 1
... 2
... ```
... '''.splitlines())
>>> page.front_matter
{'summary': 'A short page.'}
>>> [(line.number, line.kind) for line in page.lines[4:]]  # doctest: +NORMALIZE_WHITESPACE
[(5, 'prose'), (6, 'blank'), (7, 'prose'), (8, 'blank'), (9, 'fence'), (10, 'option'),
 (11, 'code'), (12, 'code'), (13, 'fence')]
>>> block = page.blocks[0]
>>> block.name, block.start, block.options, [line.text for line in block.body]
('doctest', 9, {'hide': ''}, ['>>> 1 + 1', '2'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,}|:{3,})\s*(?P<info>.*?)\s*$")
DIRECTIVE = re.compile(r"^\{(?P<name>[\w:.+-]+)\}\s*(?P<argument>.*)$")
OPTION = re.compile(r"^\s*:(?P<key>[\w-]+):(?:\s+(?P<value>.*?))?\s*$")
MARKUP = re.compile(
    r"^\s*(%"  # a comment
    r"|\([\w:.-]+\)=\s*$"  # a target: (label)=
    r"|\[[^\]^]+\]:\s"  # a link definition: [name]: https://...
    r"|\{[#.][^}]*\}\s*$"  # a block attribute: {.class} or {#id}
    r"|\+\+\+)"  # a block break
)

# Directives whose content is not prose: code, tests, navigation and data.
NOT_PROSE_DIRECTIVES = frozenset(
    {
        "code",
        "code-block",
        "code-cell",
        "sourcecode",
        "literalinclude",
        "include",
        "doctest",
        "testcode",
        "testoutput",
        "testsetup",
        "testcleanup",
        "math",
        "raw",
        "eval-rst",
        "toctree",
        "csv-table",
        "mermaid",
        "graphviz",
    }
)
# Directives whose argument is a heading that readers see, e.g. ``:::{note} Title``.
TITLE_DIRECTIVES = frozenset(
    {
        "admonition",
        "attention",
        "caution",
        "danger",
        "error",
        "hint",
        "important",
        "note",
        "seealso",
        "tip",
        "warning",
        "dropdown",
        "tab-item",
        "card",
        "grid-item-card",
        "table",
        "list-table",
        "topic",
        "sidebar",
        "rubric",
    }
)


class _DatesAsText(yaml.SafeLoader):
    """YAML that keeps dates as written, so the front matter gate can explain a bad one."""


_DatesAsText.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


@dataclass(frozen=True)
class Line:
    """One line of a page: its number (from 1), its text and its kind."""

    number: int
    text: str
    kind: str
    directive: str = ""  # the innermost block the line is in, "" at the top level


@dataclass
class Block:
    """A fenced block: a directive such as ``{note}`` or ``{doctest}``, or a code block."""

    name: str
    is_directive: bool
    argument: str
    start: int
    options: dict[str, str] = field(default_factory=dict)
    option_lines: dict[str, int] = field(default_factory=dict)
    body: list[Line] = field(default_factory=list)
    fence: str = "```"
    end: int = 0

    @property
    def is_prose(self) -> bool:
        """True when the block's content is Markdown that readers read."""
        return self.is_directive and self.name not in NOT_PROSE_DIRECTIVES


@dataclass
class Page:
    """A page split into classified lines, its fenced blocks and its front matter."""

    lines: list[Line]
    blocks: list[Block]
    front_matter: dict[str, Any] | None = None
    front_matter_error: tuple[int, str] | None = None
    key_lines: dict[str, int] = field(default_factory=dict)
    front_matter_end: int = 0
    path: Path | None = None

    def prose(self) -> list[Line]:
        """The lines readers read as text: prose and the headings of boxes."""
        return [line for line in self.lines if line.kind in ("prose", "title")]

    def blocks_named(self, *names: str) -> list[Block]:
        return [block for block in self.blocks if block.name in names]


def read_page(path: Path) -> Page:
    """Read and classify the page at ``path``."""
    page = parse_page(path.read_text(encoding="utf-8").splitlines())
    page.path = path
    return page


def _closes(line: str, block: Block) -> bool:
    fence = FENCE.match(line)
    return bool(
        fence
        and not fence["info"]
        and fence["fence"][0] == block.fence[0]
        and len(fence["fence"]) >= len(block.fence)
    )


def _read_front_matter(page: Page, lines: list[str]) -> int:
    """Parse the YAML between the first two ``---`` lines; returns the lines it used."""
    if not lines or lines[0].strip() != "---":
        return 0
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        page.front_matter_error = (1, "the front matter has no closing --- line")
        return 0
    text = "\n".join(lines[1:end])
    for i in range(1, end):
        key = re.match(r"^([\w-]+)\s*:", lines[i])
        if key:
            page.key_lines[key[1]] = i + 1
    try:
        data = yaml.load(text, Loader=_DatesAsText) if text.strip() else {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(err, "problem", None) or "it is not valid YAML"
        page.front_matter_error = (
            line,
            f"the front matter cannot be read ({problem}); check the quotes and colons on "
            "this line and the lines above it",
        )
        data = {}
    if not isinstance(data, dict):
        page.front_matter_error = (2, "the front matter must be `key: value` lines")
        data = {}
    page.front_matter = data
    page.front_matter_end = end + 1
    for i in range(end + 1):
        page.lines.append(Line(i + 1, lines[i], "front-matter"))
    return end + 1


def parse_page(lines: list[str]) -> Page:
    """Classify every line of a page (given as a list of lines)."""
    page = Page(lines=[], blocks=[])
    stack: list[Block] = []
    in_options = in_yaml_options = False  # just after a directive's opening fence

    def emit(number: int, text: str, kind: str) -> None:
        where = stack[-1].name if stack else ""
        page.lines.append(Line(number, text, kind, where))
        if stack and kind != "option":
            stack[-1].body.append(page.lines[-1])

    for index in range(_read_front_matter(page, lines), len(lines)):
        number, text = index + 1, lines[index]
        top = stack[-1] if stack else None
        if top is not None and _closes(text, top):
            top.end = number
            stack.pop()
            in_options = in_yaml_options = False
            emit(number, text, "fence")
        elif top is not None and in_yaml_options:
            in_yaml_options = text.strip() != "---"
            if in_yaml_options:
                _note_option(top, text, number, yaml_style=True)
            emit(number, text, "option")
        elif top is not None and in_options and _is_option(top, text):
            in_yaml_options = text.strip() == "---"
            if not in_yaml_options:
                _note_option(top, text, number)
            emit(number, text, "option")
        elif top is not None and not top.is_prose:
            in_options = False
            emit(number, text, "code")
        else:
            in_options = False
            block = _open_block(text, number)
            if block is None:
                emit(number, text, _kind_of(text))
                continue
            if block.is_directive and block.argument and block.name in TITLE_DIRECTIVES:
                emit(number, block.argument, "title")
            else:
                emit(number, text, "fence")
            page.blocks.append(block)
            stack.append(block)
            in_options = block.is_directive
    return page


def _is_option(block: Block, text: str) -> bool:
    """An option line (``:key: value``), or the ``---`` that starts YAML options."""
    if not block.is_directive:
        return False
    return bool(OPTION.match(text)) or (text.strip() == "---" and not block.options)


def _open_block(text: str, number: int) -> Block | None:
    """The block a fence line opens, or None if the line is not an opening fence."""
    fence = FENCE.match(text)
    if not fence or (fence["fence"][0] == "`" and "`" in fence["info"]):
        return None
    directive = DIRECTIVE.match(fence["info"])
    if directive:
        name, argument = directive["name"], directive["argument"].strip()
    else:
        name, argument = (fence["info"].split() or [""])[0], ""
    return Block(name, bool(directive), argument, number, fence=fence["fence"])


def _kind_of(text: str) -> str:
    if not text.strip():
        return "blank"
    return "markup" if MARKUP.match(text) else "prose"


def _note_option(block: Block, text: str, number: int, yaml_style: bool = False) -> None:
    match = re.match(r"^\s*([\w-]+):\s*(.*?)\s*$", text) if yaml_style else OPTION.match(text)
    if match:
        block.options[match[1]] = (match[2] or "").strip().strip("\"'")
        block.option_lines[match[1]] = number
