"""Spelling (sphinxcontrib-spelling with hunspell en_US): a word the dictionary does not know
fails at its file and line, with suggestions, wherever readers see it; a word in the
project's word list passes. Each runs on a tiny copy of the guide (a one-page build)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from neckguide.checks import Project, spelling
from neckguide.paths import DOCS
from tests.helpers import tiny_project

FRONT = '---\nsummary: "{summary}"\n---\n'


def spell(root: Path, index: str) -> list[str]:
    """The spelling gate's problems for a tiny guide whose home page is ``index``."""
    docs = tiny_project(root, index)
    shutil.copy(DOCS / "wordlist.txt", docs / "wordlist.txt")
    return [str(problem) for problem in spelling.check(Project(root))]


def test_a_made_up_misspelling_is_found_with_its_line_and_a_suggestion(tmp_path: Path) -> None:
    found = spell(tmp_path, "# Tiny\n\nYou may be suceptible to a break.\n")
    assert found == [
        "docs/index.md:3: 'suceptible' is not in the dictionary; did you mean 'susceptible' or "
        "'susceptibly' or 'perceptible'? (if the word is right, add it to docs/wordlist.txt)"
    ]


def test_titles_dropdowns_and_the_summary_are_checked(tmp_path: Path) -> None:
    page = (
        FRONT.format(summary="A page about medecine.")
        + "# Tiny\n\nText.\n\n:::{dropdown} Is it hereditery?\nNo.\n:::\n"
    )
    found = spell(tmp_path, page)
    assert any(p.startswith("docs/index.md:2: 'medecine'") for p in found), found
    assert any(p.startswith("docs/index.md:8: 'hereditery'") for p in found), found
    assert not any("'dropdown'" in p for p in found), found


def test_drug_names_in_the_word_list_pass_and_fail_without_it(tmp_path: Path) -> None:
    page = "# Tiny\n\nAsk about alendronate, Prolia or Jubbonti.\n"
    assert spell(tmp_path / "with", page) == []
    docs = tiny_project(tmp_path / "without", page)
    (docs / "wordlist.txt").write_text("# empty\n", encoding="utf-8")
    found = [str(problem) for problem in spelling.check(Project(tmp_path / "without"))]
    assert [p.split("'")[1] for p in found] == ["alendronate", "Prolia", "Jubbonti"], found
    assert all(p.startswith("docs/index.md:3: ") for p in found), found


def test_a_misspelt_figure_description_is_found_in_the_registry(tmp_path: Path) -> None:
    docs = tiny_project(tmp_path, "# Tiny\n\n```{references}\n```\n")
    shutil.copy(DOCS / "wordlist.txt", docs / "wordlist.txt")
    facts = tmp_path / "facts" / "neck.toml"
    text = facts.read_text(encoding="utf-8")
    says = next(line for line in text.splitlines() if line.startswith("says = "))
    facts.write_text(text.replace(says, 'says = "Bones in the neck (the vertibrae)"'))
    line = facts.read_text().splitlines().index('says = "Bones in the neck (the vertibrae)"') + 1
    found = [str(problem) for problem in spelling.check(Project(tmp_path))]
    assert any(p.startswith(f"facts/neck.toml:{line}: 'vertibrae'") for p in found), found


def test_authors_names_in_citations_are_not_spell_checked(tmp_path: Path) -> None:
    found = spell(tmp_path, "# Tiny\n\nKeep still. {source}`stiell-2001`\n")
    assert found == [], found


@pytest.mark.parametrize("name", ["docs/topics/faq.md", "facts/neck.toml"])
def test_naming_files_checks_only_those(tmp_path: Path, name: str) -> None:
    docs = tiny_project(tmp_path, "# Tiny\n\nYou may be suceptible.\n")
    shutil.copy(DOCS / "wordlist.txt", docs / "wordlist.txt")
    other = Project(tmp_path, selected=(tmp_path / name,))
    assert spelling.check(other) == []
    index = Project(tmp_path, selected=(docs / "index.md",))
    assert [p.line for p in spelling.check(index)] == [3]
