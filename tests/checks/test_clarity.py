"""The clarity gate: each rule a program can check of CDC's Clear Communication Index and
PEMAT-P, shown passing on a clear page and failing, with file and line, on a bad one."""

from __future__ import annotations

import pytest

from neckguide import registry
from neckguide.checks.clarity import MAX_LIST_ITEMS, problems_in
from neckguide.checks.pages import parse_page

CLEAR = """\
# How strong are my bones?

A DXA scan, a quick kind of X-ray, measures your bones.

```{figure} ../_static/figures/neck-vertebrae.svg
:alt: The seven neck bones.

The seven bones of your neck.
```

On alendronate, {fact}`alendronate.spine_fractures_treated` had a new break; on a
dummy pill, {fact}`alendronate.spine_fractures_placebo`.

## What experts know and do not know yet

Experts know medicine lowers the chance of a break.

## What to do next

- Ask your doctor about a scan.
"""
PATH = "docs/topics/x.md"


def problems(text: str) -> list[str]:
    return [str(p) for p in problems_in(parse_page(text.splitlines()), PATH, registry.load())]


def test_a_clear_page_passes() -> None:
    assert problems(CLEAR) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("## What to do next\n\n- Ask your doctor about a scan.\n", "## What to do next\n\n- Ask.\n\n## More\n\nText.\n"),
            f'{PATH}:22: the last section is "More"; end the page with "## What to do next"',
        ),
        (
            ("## What experts know and do not know yet", "## Who knows"),
            f'{PATH}:1: the page has no "## What experts know and do not know yet" section',
        ),
        (
            ("```{figure} ../_static/figures/neck-vertebrae.svg", "```{image} ../_static/figures/neck-vertebrae.svg"),
            f"{PATH}:5: a picture needs a visible caption: use ```{{figure}}```",
        ),
        (
            ("The seven bones of your neck.\n", ""),
            f"{PATH}:5: this figure has no caption",
        ),
        (
            ("- Ask your doctor about a scan.\n", "".join(f"- Step {chr(65 + i)}.\n" for i in range(MAX_LIST_ITEMS + 1))),
            f"{PATH}:20: this list has {MAX_LIST_ITEMS + 1} items; keep lists to {MAX_LIST_ITEMS} or fewer",
        ),
        (
            ("Experts know medicine", "Breaks fell from 2 to 1 per 100 person-years. Experts know medicine"),
            f'{PATH}:16: "person-years" is a research unit readers do not use',
        ),
        (
            ("On alendronate, {fact}`alendronate.spine_fractures_treated` had a new break; on a\ndummy pill, {fact}`alendronate.spine_fractures_placebo`.", "Denosumab gave {fact}`denosumab.spine_fracture_reduction` new breaks."),
            f"{PATH}:11: a relative risk (\"68% fewer\") needs the absolute numbers on the same page",
        ),
        (
            ("Experts know medicine", "{fact}`lifetime.men_over_50` men break a bone. Experts know medicine"),
            f'{PATH}:16: this sentence starts with the figure "up to 1 in 4", so it starts in lower case',
        ),
        (
            ("A DXA scan, a quick kind of X-ray, measures your bones.", "Ask for a DXA scan. A DXA scan is an X-ray."),
            f'{PATH}:3: "DXA" is used before it is explained',
        ),
    ],
    ids=["last-section", "experts", "image", "caption", "long-list", "person-years",
         "relative-risk", "lower-case", "abbreviation"],
)  # fmt: skip
def test_each_clarity_rule_names_the_line(change: tuple[str, str], expected: str) -> None:
    old, new = change
    assert old in CLEAR
    found = problems(CLEAR.replace(old, new))
    assert any(p.startswith(expected) for p in found), found


def test_a_long_tick_list_is_a_tool_not_a_list() -> None:
    items = "".join(f"- Step {chr(65 + i)}.\n" for i in range(MAX_LIST_ITEMS + 3))
    page = CLEAR.replace("- Ask your doctor about a scan.\n", "{.checklist}\n" + items)
    assert problems(page) == []


def test_the_t_score_picture_needs_its_caption() -> None:
    page = CLEAR.replace("## What experts", "```{tscore-scale}\n```\n\n## What experts")
    assert any("the T-score picture needs a visible caption" in p for p in problems(page))
    page = CLEAR.replace(
        "## What experts",
        "```{tscore-scale}\n:caption: Where your T-score falls.\n```\n\n## What experts",
    )
    assert problems(page) == []


def test_a_figure_that_carries_on_a_sentence_is_not_a_lower_case_start() -> None:
    wrapped = "Over that age, about\n{fact}`lifetime.men_over_50` men break a bone."
    lead_in = "In the study:\n\n- {fact}`lifetime.men_over_50` men broke a bone."
    for text in (wrapped, lead_in):
        page = CLEAR.replace("Experts know medicine", text + "\n\nExperts know medicine")
        assert not [p for p in problems(page) if "lower case" in p], text


def test_a_snippet_the_page_includes_can_explain_a_word(tmp_path) -> None:
    (tmp_path / "_snippets").mkdir()
    (tmp_path / "_snippets" / "card.md").write_text("Go to the emergency room (ER) now.\n")
    (tmp_path / "topics").mkdir()
    page_text = CLEAR.replace(
        "## What experts",
        "```{include} ../_snippets/card.md\n```\n\nGo to the ER now.\n\n## What experts",
    )
    path = tmp_path / "topics" / "x.md"
    path.write_text(page_text)
    from neckguide.checks.pages import read_page

    assert problems_in(read_page(path), PATH, registry.load()) == []
    assert any('"ER" is used before' in p for p in problems(page_text))
