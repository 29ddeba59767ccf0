"""The PDF handouts a reader downloads: every one there, complete, accessible, readable
type, and a booklet with contents and page numbers (the ``site`` built once per run)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from neckguide.handouts.length import verdict
from neckguide.handouts.manifest import read_manifest
from neckguide.handouts.names import HANDOUTS_DIR, PAGE_BUDGET
from neckguide.sphinx_ext.page import SOURCES_HEADING
from tests.handouts.pdf import (
    A4_WIDTH_PT,
    ALL_PDFS,
    BOOKLET,
    LETTER_HEIGHT_PT,
    TOPICS,
    VARIANTS,
    expected_texts,
    fonts,
    found_in,
    link_uris,
    outline,
    page_soup,
    pdf_text,
    reader,
    squash,
    struct_elements,
    text_sizes,
)

# -- Every handout is there ----------------------------------------------------------------


@pytest.mark.parametrize("name", ALL_PDFS)
def test_every_handout_is_published(handouts: Path, name: str) -> None:
    path = handouts / name
    assert path.is_file(), f"{name} was not published in {HANDOUTS_DIR}"
    assert reader(path).pages, f"{name} has no pages"


@pytest.mark.parametrize("name", ALL_PDFS)
def test_handout_page_size_prints_on_a4_and_letter(handouts: Path, name: str) -> None:
    for number, page in enumerate(reader(handouts / name).pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width <= A4_WIDTH_PT + 0.5 and height <= LETTER_HEIGHT_PT + 0.5, (
            f"{name} page {number} is {width:.0f} × {height:.0f} pt: too big for A4 or Letter"
        )


@pytest.mark.parametrize("topic", TOPICS)
def test_standard_topic_handout_fits_on_two_pages(handouts: Path, topic: str) -> None:
    pages = len(reader(handouts / f"{topic}.pdf").pages)
    entry = read_manifest(handouts).get(f"{topic}.pdf", {})
    slack = entry.get("slack", 0.0)
    said = (
        verdict(topic, pages, entry["fill"], slack=slack) if "fill" in entry else f"{pages} pages"
    )
    assert pages <= PAGE_BUDGET, (
        f"docs/topics/{topic}.md prints on {pages} pages at 12 pt (limit: {PAGE_BUDGET} sheets "
        f"of A4 or Letter): {said}. Shorten the page or split it; see it in seconds with "
        f"`make handout PAGE={topic}` (it prints the lines spare or over and keeps a PNG of "
        "each page), or while you edit with `make serve`"
    )


# -- Everything on the page reaches the paper ------------------------------------------------


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("topic", TOPICS)
def test_handout_has_every_tab_faq_disclaimer_and_review_date(
    site: Path, handouts: Path, topic: str, variant: str
) -> None:
    text = squash(pdf_text(handouts / f"{topic}{VARIANTS[variant]}.pdf"))
    missing = [
        f"{kind}: {sample.strip()[:70]!r}"
        for kind, samples in expected_texts(site / "topics" / f"{topic}.html").items()
        for sample in samples
        if not found_in(squash(sample), text)
    ]
    assert not missing, f"{topic}{VARIANTS[variant]}.pdf lacks:\n" + "\n".join(missing)


@pytest.mark.parametrize("topic", TOPICS)
def test_handout_gives_the_page_address(site: Path, handouts: Path, topic: str) -> None:
    url = page_soup(site / "topics" / f"{topic}.html").find("link", rel="canonical")["href"]
    for suffix in VARIANTS.values():
        assert squash(url) in squash(pdf_text(handouts / f"{topic}{suffix}.pdf")), (
            f"{topic}{suffix}.pdf lacks {url}"
        )
    links = link_uris(handouts / f"{topic}.pdf")
    assert url in links, f"{topic}.pdf has no live link to {url}"


@pytest.mark.parametrize("topic", TOPICS)
def test_tab_labels_and_questions_are_headings(site: Path, handouts: Path, topic: str) -> None:
    """Headings become the PDF's bookmarks: each tab label and question must be one."""
    texts = expected_texts(site / "topics" / f"{topic}.html")
    titles = {squash(title) for title, _ in outline(handouts / f"{topic}.pdf")}
    missing = [
        label for label in texts["tab label"] + texts["question"] if squash(label) not in titles
    ]
    assert not missing, f"{topic}.pdf does not make these headings: {missing}"


@pytest.mark.parametrize("topic", TOPICS)
def test_links_in_handouts_work_without_the_site(handouts: Path, topic: str) -> None:
    relative = [
        uri
        for uri in link_uris(handouts / f"{topic}.pdf")
        if not re.match(r"(https?|mailto):", uri)
    ]
    assert not relative, f"{topic}.pdf links to addresses a PDF cannot follow: {relative}"


# -- Sizes of type --------------------------------------------------------------------------


@pytest.mark.parametrize(("variant", "smallest"), [("standard", 12), ("large-print", 16)])
@pytest.mark.parametrize("topic", TOPICS)
def test_body_text_size(handouts: Path, topic: str, variant: str, smallest: float) -> None:
    # The advice: the text above the page's source list (which prints smaller on purpose).
    sizes = text_sizes(handouts / f"{topic}{VARIANTS[variant]}.pdf", stop_at=SOURCES_HEADING)
    body = sizes.most_common(1)[0][0]
    assert body >= smallest - 0.1, (
        f"{topic}{VARIANTS[variant]}.pdf body text is {body} pt (at least {smallest})"
    )


# -- Accessible PDF (PDF/UA-1) ---------------------------------------------------------------


@pytest.mark.parametrize("name", ALL_PDFS)
def test_pdf_ua_markers(handouts: Path, name: str) -> None:
    pdf = reader(handouts / name)
    root = pdf.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]), f"{name} is not marked (tagged)"
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]) == "en"
    assert pdf.metadata and pdf.metadata.title, f"{name} has no title"
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfuaid:part="1"' in xmp or "<pdfuaid:part>1</pdfuaid:part>" in xmp, (
        f"{name} is not marked PDF/UA-1"
    )


@pytest.mark.parametrize("topic", TOPICS)
def test_pdf_title_is_the_page_title(site: Path, handouts: Path, topic: str) -> None:
    title = page_soup(site / "topics" / f"{topic}.html").find("h1").get_text().rstrip("#")
    assert reader(handouts / f"{topic}.pdf").metadata.title == title


@pytest.mark.parametrize("name", ALL_PDFS)
def test_fonts_are_embedded(handouts: Path, name: str) -> None:
    missing = [font for font, embedded in fonts(reader(handouts / name)) if not embedded]
    assert not missing, f"{name} does not embed {missing}"


@pytest.mark.parametrize("name", ALL_PDFS)
def test_every_figure_has_alt_text(handouts: Path, name: str) -> None:
    figures = [el for el in struct_elements(reader(handouts / name)) if el.get("/S") == "/Figure"]
    without = [el for el in figures if not str(el.get("/Alt", "")).strip()]
    assert not without, f"{name}: {len(without)} of {len(figures)} figures have no alternative text"


# -- The booklet ---------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", VARIANTS.values())
def test_booklet_has_contents_outline_and_continuous_page_numbers(
    site: Path, handouts: Path, suffix: str
) -> None:
    path = handouts / f"{BOOKLET}{suffix}.pdf"
    pdf = reader(path)
    titles = [
        page_soup(site / "topics" / f"{t}.html").find("h1").get_text().rstrip("#") for t in TOPICS
    ]
    chapters = {squash(title): page for title, page in outline(path)}
    assert pdf.trailer["/Root"].get("/PageMode") == "/UseOutlines", "bookmarks not shown on opening"
    first_chapter = min(chapters[squash(t)] for t in titles if squash(t) in chapters)
    # (the contents may take more than one page)
    contents = squash("".join(page.extract_text() for page in pdf.pages[1:first_chapter]))
    assert contents.startswith("Contents"), "the booklet's second page is not its contents"
    for title in titles:
        assert squash(title) in chapters, f"the booklet's bookmarks lack {title!r}"
        page_number = chapters[squash(title)] + 1
        assert re.search(
            re.escape(squash(title)) + r"\.*" + str(page_number) + r"(?!\d)", contents
        ), f"the contents do not give page {page_number} for {title!r}"
    total = len(pdf.pages)
    for number, page in enumerate(pdf.pages[1:], start=2):
        assert f"Page{number}of{total}" in squash(page.extract_text()), (
            f"page {number} is not numbered {number} of {total}"
        )


def test_pages_print_well_from_a_browser(site: Path) -> None:
    links = page_soup(site / "topics" / f"{TOPICS[0]}.html").select(
        'link[rel="stylesheet"][media="print"]'
    )
    assert any("print.css" in link["href"] for link in links), "print.css is not linked for print"
    css = (site / "_static" / "print.css").read_text()
    for rule in (".sd-tab-content", "details", ".sidebar-drawer", "html, body { height: auto; }"):
        assert rule in css, f"print.css lacks {rule!r}"


@pytest.mark.parametrize("suffix", ["", "-large-print"])
def test_the_booklet_ends_with_the_words_it_uses(handouts: Path, suffix: str) -> None:
    """A reader holding the paper booklet cannot follow a link to the glossary."""
    path = handouts / f"{BOOKLET}{suffix}.pdf"
    pdf = reader(path)
    chapters = [squash(item.title) for item in pdf.outline if not isinstance(item, list)]
    assert chapters[-1] == squash("Words we use"), f"the booklet's last chapter is {chapters[-1]}"
    start = pdf.get_destination_page_number(
        [item for item in pdf.outline if not isinstance(item, list)][-1]
    )
    last_pages = squash(" ".join(p.extract_text() for p in pdf.pages[start:]))
    for word in ("DXA", "Dual-energy", "osteopenia"):
        assert word.lower() in last_pages.lower(), f"the printed glossary lacks {word!r}"
