"""Gate: every page is easy to read.

Two limits, both on the words a reader sees (markup, code, doctests and front matter
left out; a figure from the registry counts as one short word):

- the page's Flesch–Kincaid grade is at most :data:`MAX_GRADE`, as measured by textstat
  0.7.3 (its rounding of the averages turned off, so a small edit moves the grade a little,
  not a whole step);
- no sentence is longer than :data:`MAX_WORDS_PER_SENTENCE` words.

>>> from neckguide.checks.pages import parse_page
>>> easy = parse_page(["# Strong bones", "", "Bone is alive. It needs food to grow."])
>>> measure(easy).grade <= MAX_GRADE
True
>>> hard = parse_page(["# Title", "", "Osteoporotic vertebral deformities necessitate "
...                    "comprehensive multidisciplinary evaluation."])
>>> print(problems_in(hard, "docs/topics/x.md")[0])  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
docs/topics/x.md:1: this page reads at grade 31.8 (Flesch–Kincaid); the limit is 8. Use shorter
sentences and everyday words, starting with the hardest sentences: line 3 (grade 34.3, 7 words: ...)
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

with (
    warnings.catch_warnings()
):  # textstat 0.7.3 imports pkg_resources, which warns it is deprecated
    warnings.simplefilter("ignore", UserWarning)
    from textstat.textstat import textstatistics

from neckguide.checks import Problem, Project
from neckguide.checks.pages import Page, read_page
from neckguide.checks.prose import Sentence, page_text, sentences_of

MAX_GRADE = 8  # Flesch–Kincaid grade; NHS.UK and most health writers aim lower still
MAX_WORDS_PER_SENTENCE = 25
HARDEST_SHOWN = 3

_textstat = textstatistics()
_textstat.set_rounding(False)


@dataclass(frozen=True)
class Hard:
    """A sentence with its own grade, to show the writer where to start."""

    sentence: Sentence
    grade: float


@dataclass(frozen=True)
class PageGrade:
    """A page's reading grade and the figures behind it."""

    grade: float
    words: int
    sentences: int
    hardest: tuple[Hard, ...]


def sentence_grade(text: str) -> float:
    """The Flesch–Kincaid grade of one sentence on its own.

    >>> sentence_grade("Bone is alive.") < sentence_grade("Bisphosphonates reduce resorption.")
    True
    """
    words = _textstat.lexicon_count(text)
    if not words:
        return 0.0
    syllables = _textstat.syllable_count(text)
    return round(0.39 * words + 11.8 * syllables / words - 15.59, 1)


def measure(page: Page) -> PageGrade:
    """The page's grade, its size and the sentences that raise its grade the most.

    A sentence raises the page's grade by being longer than the page's average sentence
    and by having more syllables than its words' share; the hardest are those that add
    the most, so a short heading with one long word does not crowd out a long sentence.
    """
    text, _ = page_text(page)
    if not text:
        return PageGrade(0.0, 0, 0, ())
    counted = [s for s in sentences_of(page) if s.words > 2]  # textstat ignores the others
    words = _textstat.lexicon_count(text)
    per_sentence = words / max(len(counted), 1)
    per_word = _textstat.syllable_count(text) / max(words, 1)

    def raises_grade_by(sentence: Sentence) -> float:
        length = 0.39 * (sentence.words - per_sentence) / max(len(counted), 1)
        syllables = _textstat.syllable_count(sentence.text) - sentence.words * per_word
        return length + 11.8 * syllables / max(words, 1)

    ranked = sorted(counted, key=lambda s: (-raises_grade_by(s), s.line))
    return PageGrade(
        grade=round(_textstat.flesch_kincaid_grade(text), 1),
        words=words,
        sentences=len(counted),
        hardest=tuple(Hard(s, sentence_grade(s.text)) for s in ranked[:HARDEST_SHOWN]),
    )


def quote(text: str, words: int = 8) -> str:
    """The start of a sentence, to help the writer find it.

    >>> quote("One two three four five six seven eight nine ten.")
    '"One two three four five six seven eight …"'
    """
    parts = text.split()
    return '"' + " ".join(parts[:words]) + (" …" if len(parts) > words else "") + '"'


def title_line(page: Page) -> int:
    """The line of the page's title (its first ``#`` heading), or 1."""
    for line in page.prose():
        if line.text.startswith("# "):
            return line.number
    return 1


def problems_in(page: Page, path: str) -> list[Problem]:
    problems = []
    result = measure(page)
    if result.grade > MAX_GRADE:
        hardest = "; ".join(
            f"line {h.sentence.line} (grade {h.grade:.1f}, {h.sentence.words} words: "
            f"{quote(h.sentence.text)})"
            for h in result.hardest
        )
        problems.append(
            Problem(
                path,
                title_line(page),
                f"this page reads at grade {result.grade:.1f} (Flesch–Kincaid); the limit is "
                f"{MAX_GRADE}. Use shorter sentences and everyday words, starting with the "
                f"hardest sentences: {hardest}",
            )
        )
    for sentence in sentences_of(page):
        if sentence.words > MAX_WORDS_PER_SENTENCE:
            problems.append(
                Problem(
                    path,
                    sentence.line,
                    f"this sentence has {sentence.words} words; the limit is "
                    f"{MAX_WORDS_PER_SENTENCE}; split it into shorter sentences: "
                    f"{quote(sentence.text)}",
                )
            )
    return problems


def check(project: Project) -> list[Problem]:
    """Every selected page: grade within the limit, no sentence too long."""
    return project.problems_on_pages(problems_in)


def report(project: Project) -> list[tuple[str, PageGrade]]:
    """Each page's grade (for ``python -m neckguide.checks --report``)."""
    return [(project.relative(path), measure(read_page(path))) for path in project.pages()]
