"""The site is honest about the handouts: each link shows the PDF's real size and page count."""

from __future__ import annotations

from pathlib import Path

import pytest

from neckguide.handouts.names import HANDOUTS_DIR
from neckguide.handouts.sizes import size_kb
from tests.handouts.pdf import (
    ALL_PDFS,
    TOPICS,
    page_soup,
    reader,
)

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
