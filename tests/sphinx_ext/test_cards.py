"""Urgent-care cards, advice citations and the key message: each rule holds, and each is shown
refusing a bad example with the file, the line and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from neckguide.sphinx_ext.cards import MAX_CARDS_PER_PAGE
from tests.helpers import strict_build, tiny_project

FRONT = (
    '---\nsummary: "A page."\nkey_message: "Call 911 if your neck hurts after a fall."\n'
    'last_reviewed: 2026-01-10\nnext_review_due: 2099-01-10\nreviewed_by: "Test"\n---\n'
    "# A page\n\n"
)  # the body starts on line 10
GOOD_CARD = """\
:::{care-card} emergency
:heading: Call 911 if your neck hurts after a fall

Do not drive yourself. {source}`stiell-2001`
:::
"""
SNIPPETS = {
    "good.md": GOOD_CARD,
    "unsourced.md": ":::{care-card} urgent\n:heading: See a doctor today\n\nSome advice.\n:::\n",
}
INCLUDE = "```{include} ../_snippets/good.md\n```\n\n"
PAGES = {
    "good": INCLUDE
    + "Text {source}`stiell-2001,nice-ng232`.\n\n"
    + ":::{dropdown} Is it safe?\nYes. {source}`ernst-2003`\n:::\n\n"
    + "| Avoid | Do this instead |\n|---|---|\n| Toe touches | Hinge {source}`giangregorio-2015` |\n",
    "unknown-level": ":::{care-card} urgentish\n:heading: x\n\ny\n:::\n",
    "no-heading": ":::{care-card} emergency\n\nNo heading. {source}`stiell-2001`\n:::\n",
    "in-page": GOOD_CARD,
    "unsourced": "```{include} ../_snippets/unsourced.md\n```\n",
    "unknown-source": "Keep still. {source}`stiel-2001`\n",
    "too-many": INCLUDE * (MAX_CARDS_PER_PAGE + 1),
    "avoid-table": "| Avoid | Do this instead |\n|---|---|\n| Toe touches | Hinge |\n",
    "faq": ":::{dropdown} Is it safe?\nYes, probably.\n:::\n",
    "key-figure": "Body.\n",
}


@pytest.fixture(scope="module")
def cards_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """A strict build of a tiny copy with one good page and one broken page per rule."""
    root = tmp_path_factory.mktemp("cards")
    pages = {f"_snippets/{name}": text for name, text in SNIPPETS.items()}
    pages["glossary.md"] = ""
    for name, body in PAGES.items():
        front = FRONT
        if name == "key-figure":
            front = front.replace("Call 911 if your neck hurts", "About 1 in 2 women break a bone")
        pages[f"topics/{name}.md"] = front + body
    entries = "\n".join([*(f"topics/{n}" for n in PAGES), "glossary"])
    docs = tiny_project(root, f"# Tiny\n\n```{{toctree}}\n{entries}\n```\n", pages)
    log = root / "warnings.txt"
    result = strict_build(docs, warnings=log)
    text = log.read_text()
    assert "Traceback" not in text + result.stderr, text + result.stderr
    assert result.returncode != 0, "the strict build passed although pages are broken"
    return text.replace(str(docs) + "/", "docs/"), docs / "_build" / "html"


def test_a_good_page_with_a_card_a_source_an_answer_and_a_table_builds_clean(cards_build) -> None:
    log, _ = cards_build
    assert "topics/good.md" not in log
    assert "_snippets/good.md" not in log


def test_a_care_card_has_a_heading_a_hidden_level_and_the_action_first(cards_build) -> None:
    _, site = cards_build
    page = BeautifulSoup((site / "topics" / "good.html").read_text(), "html.parser")
    card = page.select_one(".care-card.care-card--emergency")
    assert card is not None
    heading = card.select_one("h3.care-card__heading")
    assert heading is not None, "the card's heading is not a real heading"
    level = heading.select_one(".visually-hidden")
    assert level is not None and level.get_text() == "Emergency: "
    assert heading.get_text(" ", strip=True).startswith("Emergency: Call 911")
    assert card.select_one(".care-card__content a.fact-source")


def test_a_source_mark_joins_the_pages_own_list(cards_build) -> None:
    _, site = cards_build
    page = BeautifulSoup((site / "topics" / "good.html").read_text(), "html.parser")
    listed = [li["id"] for li in page.select("#where-this-comes-from li")]
    assert listed == [
        "source-stiell-2001",
        "source-nice-ng232",
        "source-ernst-2003",
        "source-giangregorio-2015",
    ]
    marks = [a.get_text() for a in page.select("a.fact-source")]
    assert marks[:3] == ["[1]", "[1]", "[2]"]


def test_the_key_message_box_comes_right_after_the_summary(cards_build) -> None:
    _, site = cards_build
    article = BeautifulSoup((site / "topics" / "good.html").read_text(), "html.parser").article
    first = [el for el in article.select("section > *") if el.name != "span"][:3]
    assert first[0].name == "h1"
    assert "page-summary" in first[1]["class"]
    assert "key-message" in first[2]["class"]
    assert first[2].select_one("h2").get_text() == "What you need to know"


@pytest.mark.parametrize(
    "expected",
    [
        "docs/topics/unknown-level.md:10: WARNING: unknown care-card level 'urgentish': use one of "
        "non-urgent, urgent, emergency",
        "docs/topics/no-heading.md:10: WARNING: this care card has no heading",
        "docs/topics/in-page.md:10: WARNING: write care cards once, in docs/_snippets/",
        "docs/_snippets/unsourced.md:1: WARNING: this care card cites no source: add {source}`<id>`",
        "docs/topics/unknown-source.md:10: WARNING: unknown source 'stiel-2001'; did you mean "
        "'stiell-2001'",
        f"docs/topics/too-many.md:1: WARNING: this page has {MAX_CARDS_PER_PAGE + 1} care cards; "
        f"at most {MAX_CARDS_PER_PAGE}",
        'docs/topics/avoid-table.md:10: WARNING: this "moves to avoid" table cites no source',
        "docs/topics/faq.md:10: WARNING: the answer to 'Is it safe?' cites no source",
        "docs/topics/key-figure.md:1: WARNING: key_message: it has a figure (1, 2)",
    ],
    ids=lambda text: text.split(":")[0].rsplit("/", 1)[-1],
)
def test_the_build_refuses_unsafe_or_unsourced_advice(cards_build, expected: str) -> None:
    log, _ = cards_build
    assert expected in log, log
