"""How long a handout is, in lines a writer can act on: measured from the last page's filled
height, said by `make handout PAGE=…`, and warned about (not failed) by `make`."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from neckguide.handouts import preview
from neckguide.handouts.length import LINES_PER_PAGE, verdict
from neckguide.handouts.render import RenderJob, render_pdf
from tests.helpers import tiny_project
from tests.test_build import BUILD

# Body lines as the standard handout sets them: 12 pt type, 1.35 line height, on its page.
STYLE = (
    "@page { size: 210mm 279.4mm; margin: 12mm 16mm 16mm; }"
    "p { margin: 0; font: 12pt/1.35 'DejaVu Sans', sans-serif; }"
)


def lines_of_text(tmp_path: Path, lines: int, box: int = 0) -> tuple[int, float, float]:
    """Render ``lines`` one-line paragraphs, then a box of ``box`` lines kept in one piece;
    the page count, the last page's fill and the slack of the page before it."""
    body = "".join(f"<p>Line {n}</p>" for n in range(lines))
    if box:
        kept = "".join(f"<p>Box {n}</p>" for n in range(box))
        body += f"<div style='break-inside: avoid'>{kept}</div>"
    html = f"<html lang='en'><head><style>{STYLE}</style></head><body>{body}</body></html>"
    result = render_pdf(RenderJob(html, str(tmp_path / "x.html"), str(tmp_path / "x.pdf")))
    assert not result.problems
    return result.pages, result.fill, result.slack


@pytest.mark.parametrize(
    ("lines", "pages", "said"),
    [
        (10, 1, r"about (75|76|77) lines spare"),
        (50, 2, r"about (35|36|37) lines spare"),
        (100, 3, r"about (13|14|15) lines over \(the limit is 2\)"),
    ],
)
def test_the_lines_spare_or_over_are_counted_from_the_last_page(
    tmp_path: Path, lines: int, pages: int, said: str
) -> None:
    counted, fill, slack = lines_of_text(tmp_path, lines)
    assert counted == pages
    assert lines - LINES_PER_PAGE * 2 in (-76, -36, 14)  # what the counts above say
    text = verdict("faq", counted, fill, slack=slack)
    assert text.startswith(f"faq: {pages} page"), text
    assert re.search(said, text), text


def test_a_box_kept_whole_is_over_by_what_did_not_fit(tmp_path: Path) -> None:
    """80 lines, then a 20-line box that does not fit in the 6 lines left on page 2: cutting
    14 lines brings it back, not 20."""
    counted, fill, slack = lines_of_text(tmp_path, 80, box=20)
    assert counted == 3
    text = verdict("faq", counted, fill, slack=slack)
    assert re.search(r"about (13|14|15) lines over", text), text


def test_make_handout_prints_the_length_and_keeps_a_pdf_and_pngs(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = preview.main(["faq", "--site", str(site), "--no-build", "--out", str(tmp_path)])
    out = capsys.readouterr().out
    assert status == 0
    first = out.splitlines()[0]
    assert re.fullmatch(
        r"faq: \d+ pages?, (about \d+ lines? (spare|over)( \(the limit is 2\))?|no lines spare)",
        first,
    ), first
    pages = int(first.split()[1])
    assert (tmp_path / "faq.pdf").is_file()
    assert sorted(p.name for p in tmp_path.glob("faq-*.png")) == sorted(
        f"faq-{n}.png" for n in range(1, pages + 1)
    )


def test_make_handout_without_a_page_says_how(capsys: pytest.CaptureFixture[str]) -> None:
    assert preview.main([]) == 2
    assert "Say which page: make handout PAGE=faq" in capsys.readouterr().err


LONG_PAGE = """---
summary: "A long page."
key_message: "Read it."
last_reviewed: 2026-01-10
next_review_due: 2099-01-10
reviewed_by: "Test"
---
# A long page

{paragraphs}
"""


def test_make_warns_but_does_not_fail_when_a_handout_is_over(tmp_path: Path) -> None:
    paragraph = "Bone is alive and it needs food to grow strong again. " * 6
    page = LONG_PAGE.format(paragraphs="\n\n".join([paragraph] * 40))
    tiny_project(tmp_path, "# Tiny\n\n```{toctree}\ntopics/long\n```\n", {"topics/long.md": page})
    script = BUILD.replace('"-D", "handouts_enabled=0", ', "")
    assert script != BUILD, "tests/test_build.py's BUILD changed: update this test"
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stdout.splitlines() if "over the limit" in line]
    assert len(warned) == 1, result.stdout
    assert re.fullmatch(
        r"handouts: over the limit: long: [3-9] pages, about \d+ lines over \(the limit is 2\); "
        r"see it with `make handout PAGE=long`",
        warned[0],
    ), warned[0]
