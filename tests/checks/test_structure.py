"""Structure: a dropdown, tab set or card left open, or opened inside another by accident,
fails at its line (the gate here; the build in tests/sphinx_ext/test_structure.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from neckguide.checks.cli import main
from neckguide.paths import DOCS

FAQ = "docs/topics/faq.md"


def copy_faq(root: Path) -> list[str]:
    """A project holding only a copy of the FAQ page; returns its lines."""
    (root / "docs" / "topics").mkdir(parents=True)
    shutil.copy(DOCS / "topics" / "faq.md", root / FAQ)
    return (root / FAQ).read_text(encoding="utf-8").splitlines()


def gate(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["--root", str(root), "--only", "structure"])
    return status, capsys.readouterr().out


def test_the_real_faq_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy_faq(tmp_path)
    assert gate(tmp_path, capsys) == (0, "")


def test_a_dropdown_without_its_closing_fence_is_refused_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = copy_faq(tmp_path)
    opened = [n for n, line in enumerate(lines, 1) if line.startswith(":::{dropdown}")]
    first, second = opened[:2]
    closing = max(n for n in range(first, second) if lines[n - 1] == ":::")
    del lines[closing - 1]  # the first question's closing fence
    (tmp_path / FAQ).write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, output = gate(tmp_path, capsys)
    assert status == 1
    assert f"{FAQ}:{first}: this `:::{{dropdown}}` is never closed" in output, output
    assert (
        f"{FAQ}:{second - 1}: this `:::{{dropdown}}` opens inside the `:::{{dropdown}}` of line "
        f"{first}, which is not closed before it: close that one first with a `:::` line"
    ) in output, output
    assert len(output.splitlines()) == 2, output


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (
            "Text.\n\n:::{note}\nA box left open at the end of the page.\n",
            3,
            "this `:::{note}` is never closed: add a `:::` line where it ends",
        ),
        (
            "::::{dropdown} More detail\n:::{dropdown} Even more\nText.\n:::\n::::\n",
            2,
            "a dropdown inside the dropdown of line 1",
        ),
        (
            "::::{tab-set}\n:::{tab-item} A\n::::{dropdown} Is it safe?\nYes.\n::::\n:::\n::::\n",
            3,
            "this `::::{dropdown}` opens inside the `:::{tab-item}` of line 2",
        ),
        (
            "::::{note} Box\n:::{dropdown} Is it safe?\nYes.\n:::\n::::\n",
            2,
            "the question 'Is it safe?' is inside the `::::{note}` of line 1: every question is "
            "a dropdown of its own, at the top level of the page",
        ),
        (
            ":::{tab-item} Alone\nText.\n:::\n",
            1,
            "this `:::{tab-item}` is not inside a `{tab-set}`",
        ),
        (
            "::::{tab-set}\n:::{note}\nText.\n:::\n::::\n",
            2,
            "a `{tab-set}` holds only `{tab-item}` blocks; put this `:::{note}` inside one",
        ),
        (
            ":::{grid-item-card} A card\nText.\n:::\n",
            1,
            "this `:::{grid-item-card}` is not inside a `{grid}`",
        ),
    ],
    ids=["open-at-end", "dropdown-in-dropdown", "same-fence", "question-nested", "lone-tab",
         "tab-set-holds-a-note", "lone-card"],
)  # fmt: skip
def test_each_structure_mistake_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, line: int, message: str
) -> None:
    page = tmp_path / "docs" / "page.md"
    page.parent.mkdir()
    page.write_text(body, encoding="utf-8")
    status, output = gate(tmp_path, capsys)
    assert status == 1
    assert f"docs/page.md:{line}: {message}" in output, output
