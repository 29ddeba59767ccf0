"""The site is honest about the handouts: each link shows the PDF's real size and page count."""

from __future__ import annotations

from pathlib import Path

import pytest

from neckguide import front_matter
from neckguide.handouts.names import HANDOUTS_DIR
from neckguide.handouts.sizes import size_kb
from tests.handouts.pdf import (
    ALL_PDFS,
    TOPICS,
    page_soup,
    reader,
)
from tests.helpers import strict_build, tiny_project

# -- The site shows the real sizes ---------------------------------------------------------------


def shown_sizes(page: Path) -> dict[str, str]:
    return {
        span["data-handout"]: span.get_text()
        for span in page_soup(page).select("span.handout-meta")
    }


def real_size(path: Path) -> str:
    pages = len(reader(path).pages)
    return f"({size_kb(path.stat().st_size)} KB, {pages} {'page' if pages == 1 else 'pages'})"


@pytest.mark.parametrize("topic", TOPICS)
def test_topic_page_links_its_handouts_with_real_sizes(
    site: Path, handouts: Path, topic: str
) -> None:
    page = site / "topics" / f"{topic}.html"
    shown = shown_sizes(page)
    assert set(shown) == {f"{topic}.pdf", f"{topic}-large-print.pdf"}
    for name, text in shown.items():
        assert text == real_size(handouts / name), f"{page.name} shows {text} for {name}"
    links = {a["href"] for a in page_soup(page).select(".page-handouts a[href]")}
    assert links == {f"../{HANDOUTS_DIR}/{name}" for name in shown}


def test_handouts_page_lists_every_pdf_with_real_sizes(site: Path, handouts: Path) -> None:
    page = site / "handouts.html"
    shown = shown_sizes(page)
    assert set(shown) == set(ALL_PDFS), f"handouts.html does not list {set(ALL_PDFS) - set(shown)}"
    wrong = {name: text for name, text in shown.items() if text != real_size(handouts / name)}
    assert not wrong, f"handouts.html shows the wrong size for {wrong}"
    for link in page_soup(page).select("table.handout-list a[download]"):
        assert (site / link["href"]).is_file(), f"handouts.html links to a missing {link['href']}"


DATES = {"last_reviewed": "2026-01-10", "next_review_due": "2099-01-10"}
# A topic page with every front matter key the build asks for, whichever they are.
PAGE = (
    "---\n"
    + "".join(f"{key}: {DATES.get(key, 'A page.')}\n" for key in front_matter.REQUIRED)
    + "---\n\n# A page\n\nBone is alive.\n"
)


def test_a_build_that_makes_no_pdfs_links_to_none(tmp_path: Path) -> None:
    """Only the html builder makes the PDFs: a dirhtml build must not link to them."""
    index = "# Tiny\n\n```{toctree}\ntopics/page\nhandouts\n```\n"
    pages = {"topics/page.md": PAGE, "handouts.md": "# Handouts\n\n```{handouts}\n```\n"}
    docs = tiny_project(tmp_path, index, pages)
    result = strict_build(docs, "dirhtml", handouts=True)
    assert result.returncode == 0, result.stderr
    built = docs / "_build" / "dirhtml"
    page = (built / "topics" / "page" / "index.html").read_text(encoding="utf-8")
    assert "Bone is alive." in page
    assert "handout-meta" not in page and ".pdf" not in page
    listing = (built / "handouts" / "index.html").read_text(encoding="utf-8")
    assert "The PDF handouts were not made in this build." in listing
    assert not list(built.rglob("*.pdf"))
