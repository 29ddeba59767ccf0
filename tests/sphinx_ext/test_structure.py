"""The strict build refuses a structure mistake too (neckguide.sphinx_ext.structure): the
FAQ with one dropdown's closing fence removed, which MyST would read without a word (the
next question swallowed into the broken one)."""

from __future__ import annotations

from pathlib import Path

from neckguide.paths import DOCS
from tests.helpers import strict_build, tiny_project


def test_a_dropdown_left_open_fails_the_build_at_its_line(tmp_path: Path) -> None:
    lines = (DOCS / "topics" / "faq.md").read_text(encoding="utf-8").splitlines()
    opened = [n for n, line in enumerate(lines, 1) if line.startswith(":::{dropdown}")]
    first, second = opened[:2]
    closing = max(n for n in range(first, second) if lines[n - 1] == ":::")
    del lines[closing - 1]
    pages = {"glossary.md": "", "topics/faq.md": "\n".join(lines) + "\n"}
    docs = tiny_project(tmp_path, "# Tiny\n\n```{toctree}\ntopics/faq\nglossary\n```\n", pages)
    for snippet in (DOCS / "_snippets").glob("*.md"):
        (docs / "_snippets").mkdir(exist_ok=True)
        (docs / "_snippets" / snippet.name).write_text(snippet.read_text(encoding="utf-8"))
    result = strict_build(docs)
    assert result.returncode != 0
    assert (
        f"topics/faq.md:{first}: WARNING: this `:::{{dropdown}}` is never closed" in result.stderr
    ), result.stderr
    assert f"topics/faq.md:{second - 1}: WARNING: this `:::{{dropdown}}` opens inside" in (
        result.stderr
    )
    assert "[neckguide.structure]" in result.stderr
