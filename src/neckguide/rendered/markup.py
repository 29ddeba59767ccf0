"""Rule: no markup leaks into what readers see, on the web or on paper.

A directive option MyST did not take (``:link-type: doc``), a role it did not know
(``{term}`bone```), a fence left over (``:::``), Markdown it did not read (``**bold**``,
``[text](page)``) or an HTML tag shown as text (``<br>``) prints as it was typed. The text
checked is every built page's visible text (not code, scripts or styles), its title, its
description and the alternative text of its pictures, and the text of every PDF.

>>> [leak.rule for leak in leaks("Read more :link-type: doc here")]
['a directive option (:link-type:)']
>>> [leak.text for leak in leaks("See {term}`osteopenia` and ``` and ::: end")]
['{term}', '`', '`', '```', ':::']
>>> leaks("At 10:30, call 911. Ratio 1:2. Note: this is fine; <5 mg is a dose.")
[]
>>> leaks("Line one<br>line two &amp; more")[0].rule
'an HTML tag shown as text'
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Comment, Tag

from neckguide.checks import Problem
from neckguide.rendered.site import BuiltSite

#: What leaked markup looks like in rendered text, and what to call it.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("a directive option", re.compile(r"(?:(?<=\s)|^):[a-z][a-z0-9_-]*:(?=\s|$)")),
    ("a directive option", re.compile(r"\blink-type\b")),
    ("a role", re.compile(r"\{[a-z][\w.:+-]*\}")),
    ("a substitution", re.compile(r"\{\{|\}\}")),
    ("a fence", re.compile(r"`{3,}|~{3,}|:{3,}")),
    ("a backtick", re.compile(r"(?<!`)`(?!`)")),
    ("Markdown emphasis", re.compile(r"(?<!\*)\*\*(?!\*)")),
    ("a Markdown link", re.compile(r"\]\([^)\s]*\)")),
    ("an HTML tag shown as text", re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>")),
    ("an HTML tag shown as text", re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});")),
)
#: Elements whose text is code or machinery, not prose (a code sample may show markup).
NOT_TEXT = ("script", "style", "noscript", "template", "code", "pre", "kbd", "samp", "svg")
#: Attributes whose words readers get too (screen readers, tooltips).
READ_ATTRIBUTES = ("alt", "aria-label", "title")
#: A directive option's name, as a field list would show it.
OPTION_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
#: The blocks of text a page is read in (a match never spans two of them).
BLOCKS = (
    "p",
    "li",
    "dt",
    "dd",
    "th",
    "td",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "summary",
    "label",
    "figcaption",
    "caption",
)


@dataclass(frozen=True)
class Leak:
    """Markup found in text: which rule, the markup itself and the words around it."""

    rule: str
    text: str
    context: str
    start: int = 0


def leaks(text: str) -> list[Leak]:
    """Every piece of leaked markup in ``text``, in order."""
    found: list[Leak] = []
    taken: list[tuple[int, int]] = []  # one report for markup two rules see (":link-type:")
    for rule, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append(match.span())
            start, end = max(0, match.start() - 30), match.end() + 30
            context = " ".join(text[start:end].split())
            name = f"{rule} ({match[0]})" if rule == "a directive option" else rule
            found.append(Leak(name, match[0], context, match.start()))
    return sorted(found, key=lambda leak: leak.start)


def visible_text(soup: BeautifulSoup) -> Iterator[str]:
    """The text readers get from a built page: its title and description, the text of its
    body (blocks of it, so a match never spans two places) and its pictures' words."""
    if soup.title and soup.title.string:
        yield soup.title.string
    for meta in soup.find_all("meta", attrs={"name": "description"}):
        yield str(meta.get("content", ""))
    body = soup.body or soup
    for tag in body.find_all(NOT_TEXT):
        tag.extract()  # the soup is the checker's own copy
    for comment in body.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for element in body.find_all(True):
        if not isinstance(element, Tag):
            continue
        for attribute in READ_ATTRIBUTES:
            value = element.get(attribute)
            if isinstance(value, str) and value.strip():
                yield value
    for block in body.find_all(BLOCKS):
        own = "".join(
            piece for piece in block.find_all(string=True) if _nearest_block(piece) is block
        )
        if own.strip():
            yield own
    # Text outside any block (e.g. a leaked fence left as a bare line in a div).
    loose = [piece for piece in body.find_all(string=True) if _nearest_block(piece) is None]
    if "".join(loose).strip():
        yield " ".join(loose)


def _nearest_block(piece: object) -> Tag | None:
    for parent in getattr(piece, "parents", ()):
        if parent.name in BLOCKS:
            return parent
    return None


def options_as_fields(soup: BeautifulSoup) -> list[str]:
    """Directive options that MyST read as a field list (``:link: x`` after a blank line,
    or before the directive's title): the names of such fields, e.g. ``['link', 'link-type']``.

    >>> options_as_fields(BeautifulSoup('<dl class="field-list"><dt>link<span>:</span></dt>'
    ...     '<dd>x</dd><dt>Note</dt><dd>y</dd></dl>', "html.parser"))
    ['link']
    """
    names = []
    for field_list in soup.select("dl.field-list"):
        for name in field_list.find_all("dt"):
            text = name.get_text("", strip=True).rstrip(":")
            if OPTION_NAME.fullmatch(text):
                names.append(text)
    return names


def html_problems(site: BuiltSite) -> list[Problem]:
    """Leaked markup in every built page."""
    problems = []
    for page in site.pages():
        soup = BeautifulSoup((site.root / page).read_text(encoding="utf-8"), "html.parser")
        for name in options_as_fields(soup):
            problems.append(
                site.problem(
                    page,
                    f":{name}:",
                    f"{page} shows the directive option :{name}: as a field (“{name}: …”): "
                    "put a directive's options right after its first line, with no blank "
                    "line before them",
                )
            )
        for text in visible_text(soup):
            for leak in leaks(text):
                problems.append(
                    site.problem(
                        page,
                        leak.text if leak.rule.startswith("a directive") else leak.context,
                        f"{page} shows {leak.rule} as text: “{leak.context}”; fix the markup "
                        "in the page (a directive's options go right after its first line)",
                    )
                )
    return problems


def pdf_text_pages(path: Path) -> list[str]:
    """The text of each page of a PDF: poppler's ``pdftotext`` (fast), else pypdf."""
    if shutil.which("pdftotext"):
        run = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            check=True,
            timeout=120,
        )
        return run.stdout.decode("utf-8").split("\f")[:-1] or [""]
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(path).pages]


def pdf_problems(site: BuiltSite) -> list[Problem]:
    """Leaked markup in the text of every PDF of the build."""
    problems = []
    for pdf in site.pdfs():
        name = Path(pdf).name
        for number, text in enumerate(pdf_text_pages(site.root / pdf), start=1):
            for leak in leaks(text):
                problems.append(
                    site.problem(
                        pdf,
                        leak.text if leak.rule.startswith("a directive") else leak.context,
                        f"{name} page {number} prints {leak.rule}: “{leak.context}”; fix the "
                        "markup in the page the handout is made from",
                    )
                )
    return problems
