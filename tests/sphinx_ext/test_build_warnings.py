"""The strict Sphinx build of a tiny copy: the good page passes, and each kind of broken
page fails with its file, line and what to do."""

from __future__ import annotations

import textwrap

import pytest

from tests.checks.conftest import SAMPLE
from tests.helpers import strict_build, tiny_project

# -- The strict Sphinx build of a tiny copy ---------------------------------------------------

BROKEN_PAGES = {
    "raw-html": 'Bone is <span class="x">alive</span>.\n\n<script>alert("hi")</script>\n',
    "unknown-fact": "You need {fact}`calcium.daily.woman_51_70` a day.\n",
    "unknown-term": "This is {term}`bone softening`.\n",
    "broken-myst": "```{notadirective}\ntext\n```\n\nA role {fcat}`x` here.\n",
    "failing-doctest": "```{doctest}\n>>> who_category(-2.7)\n'normal'\n```\n",
}
FRONT = '---\nsummary: "A page."\nkey_message: "Read it."\nlast_reviewed: 2026-01-10\n'
FRONT += 'next_review_due: 2099-01-10\nreviewed_by: "Test"\n---\n# A page\n\n'  # body: line 10


@pytest.fixture(scope="module")
def tiny_build(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A strict build (-W --keep-going -n) of conf.py, the glossary, a good page and one
    broken page per kind; returns the warnings of the dummy and doctest builders."""
    root = tmp_path_factory.mktemp("tiny")
    pages = {"glossary.md": "", "topics/good.md": SAMPLE}
    pages |= {f"topics/{name}.md": FRONT + body for name, body in BROKEN_PAGES.items()}
    entries = "\n".join(["topics/good", *(f"topics/{n}" for n in BROKEN_PAGES), "glossary"])
    docs = tiny_project(root, f"# Tiny\n\n```{{toctree}}\n{entries}\n```\n", pages)
    warnings = {}
    for builder in ("dummy", "doctest"):
        log = root / f"{builder}-warnings.txt"
        result = strict_build(docs, builder, warnings=log)
        text = log.read_text()
        assert "Traceback" not in text + result.stderr, f"the {builder} build crashed:\n{text}"
        assert result.returncode != 0, "the strict build passed although pages are broken"
        warnings[builder] = text.replace(str(docs) + "/", "docs/")
    return warnings


def test_a_tiny_build_accepts_the_good_page(tiny_build: dict[str, str]) -> None:
    assert "good.md" not in tiny_build["dummy"] + tiny_build["doctest"]


def test_the_build_refuses_raw_html(tiny_build: dict[str, str]) -> None:
    log = tiny_build["dummy"]
    assert "docs/topics/raw-html.md:10: WARNING: raw HTML is not allowed in pages (<span" in log
    assert "docs/topics/raw-html.md:12: WARNING: raw HTML is not allowed in pages (<script" in log


def test_the_build_refuses_an_unknown_fact(tiny_build: dict[str, str]) -> None:
    assert (
        "docs/topics/unknown-fact.md:10: WARNING: unknown figure 'calcium.daily.woman_51_70'; "
        "did you mean 'calcium.daily.women_51_70'" in tiny_build["dummy"]
    )


def test_the_build_refuses_an_unknown_term(tiny_build: dict[str, str]) -> None:
    assert (
        "docs/topics/unknown-term.md:10: WARNING: term not in glossary: 'bone softening'"
        in tiny_build["dummy"]
    )


def test_the_build_refuses_broken_myst(tiny_build: dict[str, str]) -> None:
    log = tiny_build["dummy"]
    assert "docs/topics/broken-myst.md:10: WARNING: Unknown directive type: 'notadirective'" in log
    assert 'docs/topics/broken-myst.md:14: WARNING: Unknown interpreted text role "fcat"' in log


def test_the_build_refuses_a_failing_doctest(tiny_build: dict[str, str]) -> None:
    log = tiny_build["doctest"]
    assert 'File "topics/failing-doctest.md", line 10' in log
    assert (
        textwrap.dedent(
            """\
        Expected:
            'normal'
        Got:
            'osteoporosis'"""
        )
        in log
    )
