"""From MyST source to the words a reader sees: markup out, sense kept.

>>> readable("See {term}`bone mineral density <BMD>` for {fact}`calcium.daily.women_51_70`.")
'See bone mineral density for X.'
>>> readable("- Read [the NIH page](https://ods.od.nih.gov/) or `code`, **now**.")
'Read the NIH page or code, now.'
>>> readable("| {food}`milk_low_fat` | {fact}`foods.milk_low_fat.calcium` |")
'food, X'
>>> for sentence in sentences_of(parse_page(["# Title", "", "A short line.", "And a", "second."])):
...     print(sentence)
Sentence(line=1, text='Title.', words=1)
Sentence(line=3, text='A short line.', words=3)
Sentence(line=4, text='And a second.', words=3)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from neckguide.checks.pages import Line, Page, parse_page

__all__ = ["Sentence", "parse_page", "readable", "sentences_of", "strip_inline"]

ROLE = re.compile(r"\{(?P<name>[\w:.+-]+)\}(?P<ticks>`+)(?P<text>.*?)(?P=ticks)")
CODE_SPAN = re.compile(r"(?P<ticks>`+)(?P<text>.+?)(?P=ticks)")
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<url>[^)]*)\)")
LINK = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<url>[^)]*)\)|\[(?P<reftext>[^\]^]+)\]\[[^\]]*\]")
URL = re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>|\bhttps?://[^\s)>\]]+")
ATTRIBUTES = re.compile(r"\{[#.%][^}]*\}")  # {.class}, {#id} after a span or a block
FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?")
HEADING = re.compile(r"^\s*#{1,6}\s+")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")

# How a role reads aloud, for counting words and syllables: a figure is one short word.
ROLE_READS_AS = {
    "fact": "X",
    "fact-in": "X",  # a figure shown in two units reads like one figure
    "worked": "X",
    "food": "food",
    "doc": "page",
    "source": "",
}


def role_display(name: str, text: str) -> str:
    """The text a role shows: ``{term}`bone density <BMD>``` shows "bone density".

    >>> role_display("term", "bone density <BMD>"), role_display("term", "DXA")
    ('bone density', 'DXA')
    """
    explicit = re.match(r"^(?P<title>.*?)\s*<[^<>]+>$", text, re.DOTALL)
    return explicit["title"] if explicit and explicit["title"] else text


def strip_inline(text: str, role: Callable[[str, str], str], code: str = "") -> str:
    """Replace inline markup: roles through ``role(name, text)``, code spans with ``code``,
    links and images with their text, addresses and attributes with nothing."""
    text = ROLE.sub(lambda m: role(m["name"], m["text"]), text)
    text = CODE_SPAN.sub(code, text)
    text = IMAGE.sub(lambda m: m["alt"], text)
    text = LINK.sub(lambda m: m["text"] if m["text"] is not None else m["reftext"], text)
    text = URL.sub("", text)
    text = ATTRIBUTES.sub("", text)
    return FOOTNOTE_REF.sub("", text)


def _reads_as(name: str, text: str) -> str:
    if name in ROLE_READS_AS:
        shown = role_display(name, text)
        return shown if name == "doc" and shown != text else ROLE_READS_AS[name]
    return role_display(name, text)


def readable(text: str) -> str:
    """One line as a reader reads it: markup gone, figures as "X", table cells as a list."""
    if TABLE_RULE.match(text):
        return ""
    text = strip_inline(text, _reads_as, code="code")
    text = HEADING.sub("", text)
    text = LIST_MARKER.sub("", text)
    text = re.sub(r"^\s*>\s?", "", text)  # a quotation
    if text.strip().startswith("|"):
        text = table_row(text)
    text = re.sub(r"\*+|(?<!\w)_+|_+(?!\w)|\\(?=\S)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def table_row(text: str) -> str:
    """A table row as a reader takes it in: short cells as a list, long cells as sentences.

    >>> table_row("| Women | X | Men |")
    'Women, X, Men'
    >>> table_row("| Do not bend far forward | Bend at the knees. |")
    'Do not bend far forward. Bend at the knees.'
    """
    row = last = ""
    for cell in (cell.strip() for cell in text.strip().strip("|").split("|")):
        if cell and row:
            ends = row[-1] in ".!?"
            row += " " if ends else (". " if len(last.split()) > 3 else ", ")
        if cell:
            row, last = row + cell, cell
    return row


@dataclass(frozen=True)
class Sentence:
    """A sentence as the reading-level gate counts it, with the line it starts on."""

    line: int
    text: str
    words: int


def _starts_unit(line: Line, previous: Line | None) -> bool:
    """True when a line starts a new paragraph, heading, list item, table row or term."""
    if previous is None or line.number != previous.number + 1:
        return True
    if line.kind == "title" or previous.kind == "title":
        return True
    for text in (line.text, previous.text):
        if HEADING.match(text) or text.lstrip().startswith("|"):
            return True
    if LIST_MARKER.match(line.text):
        return True
    if line.directive == "glossary":  # terms are not indented; definitions are
        return not line.text[:1].isspace() or not previous.text[:1].isspace()
    return False


def page_text(page: Page) -> tuple[str, list[tuple[int, int]]]:
    """The page's prose as one text, each paragraph ending in a full stop, with a map
    from character offsets to line numbers."""
    text, offsets = "", []
    previous: Line | None = None
    for line in page.prose():
        if _starts_unit(line, previous) and text and text[-1] not in ".!?":
            text += "."
        shown = readable(line.text)
        if shown:
            text += " " if text else ""
            offsets.append((len(text), line.number))
            text += shown
        previous = line
    if text and text.rstrip("\"')”’")[-1:] not in (".", "!", "?"):
        text += "."
    return text, offsets


# textstat 0.7.3 splits sentences with this expression; the gate uses the same one.
SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)


def sentences_of(page: Page) -> list[Sentence]:
    """Every sentence of the page's prose, with the line it starts on."""
    text, offsets = page_text(page)
    starts = [offset for offset, _ in offsets]
    result = []
    for match in SENTENCE.finditer(text):
        where = max(bisect.bisect_right(starts, match.start()) - 1, 0)
        words = len(re.sub(r"[^\w\s]", "", match[0]).split())
        result.append(Sentence(offsets[where][1], match[0].strip(), words))
    return result
