"""The PDF handouts a reader downloads: complete, accessible, the right size, and honest on the site.

Uses the site built once per run (``site`` fixture); the render function's own behaviour
(reproducible bytes, problems reported) is tested on tiny HTML in ``tmp_path``.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from neckguide import build
from neckguide import handout_build as hb
from neckguide.handout_render import RenderJob, render_pdf
from neckguide.handouts import HANDOUTS_DIR

TOPICS = sorted(path.stem for path in (build.DOCS / "topics").glob("*.md"))
BOOKLET = "osteoporosis-in-the-neck-booklet"
VARIANTS = {"standard": "", "large-print": "-large-print"}
ALL_PDFS = [f"{stem}{suffix}.pdf" for stem in [*TOPICS, BOOKLET] for suffix in VARIANTS.values()]
# The page size: A4's width and US Letter's height, so it prints at full size on both.
A4_WIDTH_PT, LETTER_HEIGHT_PT = 595.28, 792.0


def squash(text: str) -> str:
    """Text without whitespace or source marks ("[2]"): a PDF's text breaks lines where the
    page does, and a raised source mark may come out of it before or after its line."""
    return re.sub(r"\[\d+\]", "", re.sub(r"\s+", "", text))


@cache
def reader(path: Path) -> PdfReader:
    return PdfReader(path)


@cache
def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in reader(path).pages)


@cache
def page_soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def handouts(site: Path) -> Path:
    folder = site / HANDOUTS_DIR
    assert folder.is_dir(), f"no handouts were published in {folder}"
    return folder


def expected_texts(page: Path) -> dict[str, list[str]]:
    """What a reader must find in the handout of a built page, read from the page itself."""
    soup = page_soup(page)
    article = soup.find("article")

    def blocks(container: BeautifulSoup) -> list[str]:
        return [el.get_text(" ") for el in container.find_all(["p", "li", "th", "td"])]

    return {
        "tab label": [label.get_text(" ") for label in article.select("label.sd-tab-label")],
        "tab panel": [
            text for panel in article.select(".sd-tab-content") for text in blocks(panel)
        ],
        "question": [summary.get_text(" ") for summary in article.select("details summary")],
        "answer": [
            text for body in article.select("details .sd-summary-content") for text in blocks(body)
        ],
        "disclaimer": [el.get_text(" ") for el in article.select(".disclaimer")],
        "review date": [el.get_text(" ") for el in article.select(".page-reviewed")],
    }


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
    assert pages <= 2, (
        f"docs/topics/{topic}.md prints on {pages} pages at 12 pt (limit: 2 sheets of A4 or "
        f"Letter): shorten the page or split it"
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
        if squash(sample) not in text
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
    sizes = text_sizes(handouts / f"{topic}{VARIANTS[variant]}.pdf")
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


# -- The site shows the real sizes ---------------------------------------------------------------


def shown_sizes(page: Path) -> dict[str, str]:
    return {
        span["data-handout"]: span.get_text()
        for span in page_soup(page).select("span.handout-meta")
    }


def real_size(path: Path) -> str:
    pages = len(reader(path).pages)
    return f"({hb.size_kb(path.stat().st_size)} KB, {pages} {'page' if pages == 1 else 'pages'})"


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


def test_pages_print_well_from_a_browser(site: Path) -> None:
    links = page_soup(site / "topics" / f"{TOPICS[0]}.html").select(
        'link[rel="stylesheet"][media="print"]'
    )
    assert any("print.css" in link["href"] for link in links), "print.css is not linked for print"
    css = (site / "_static" / "print.css").read_text()
    for rule in (".sd-tab-content", "details", ".sidebar-drawer", "html, body { height: auto; }"):
        assert rule in css, f"print.css lacks {rule!r}"


# -- The render step itself ------------------------------------------------------------------------


def tiny_page(tmp_path: Path, body: str) -> RenderJob:
    html = (
        f'<!DOCTYPE html><html lang="en"><head><title>Tiny</title></head><body>{body}</body></html>'
    )
    page = tmp_path / "tiny.html"
    page.write_text(html)
    return RenderJob(html, str(page), str(tmp_path / "tiny.pdf"), "topics/tiny")


def test_rendering_the_same_handout_twice_gives_identical_bytes(site: Path, tmp_path: Path) -> None:
    topic = hb.Topic(
        f"topics/{TOPICS[0]}",
        "Title",
        site / "topics" / f"{TOPICS[0]}.html",
        f"topics/{TOPICS[0]}.html",
    )
    site_info = hb.Site(site, "https://example.org/guide/", "Guide", "Authors", BOOKLET, "Booklet")
    handout = hb.topic_documents(topic, site_info)["standard"]
    outputs = []
    for run in ("first", "second"):
        job = RenderJob(
            handout.html,
            str(topic.page),
            str(tmp_path / f"{run}.pdf"),
            topic.docname,
            handout.stylesheets,
        )
        assert not render_pdf(job).problems
        outputs.append((tmp_path / f"{run}.pdf").read_bytes())
    assert outputs[0] == outputs[1], "two renders of the same HTML differ"


def test_a_missing_picture_is_reported_with_its_name(tmp_path: Path) -> None:
    result = render_pdf(tiny_page(tmp_path, '<p>Text</p><img src="no-such-picture.png" alt="x">'))
    assert any("no-such-picture.png" in problem for problem in result.problems), result.problems


def test_a_link_to_a_missing_anchor_is_reported(tmp_path: Path) -> None:
    result = render_pdf(tiny_page(tmp_path, '<p><a href="#nowhere">Jump</a></p>'))
    assert any("nowhere" in problem for problem in result.problems), result.problems


def test_a_missing_stylesheet_is_reported(tmp_path: Path) -> None:
    job = tiny_page(tmp_path, "<p>Text</p>")
    job = RenderJob(job.html, job.base_url, job.output, job.name, (str(tmp_path / "missing.css"),))
    result = render_pdf(job)
    assert any("missing.css" in problem for problem in result.problems), result.problems


def test_a_good_page_has_no_problems(tmp_path: Path) -> None:
    result = render_pdf(tiny_page(tmp_path, '<h1 id="a">Title</h1><p><a href="#a">Top</a></p>'))
    assert result.problems == () and result.pages == 1 and Path(result.output).is_file()


# -- Reading PDFs -------------------------------------------------------------------------------


def outline(path: Path) -> list[tuple[str, int]]:
    """Every bookmark (title, 0-based page), depth first."""
    pdf = reader(path)
    found: list[tuple[str, int]] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append((item.title, pdf.get_destination_page_number(item)))

    walk(pdf.outline)
    return found


def link_uris(path: Path) -> set[str]:
    uris = set()
    for page in reader(path).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action and "/URI" in action:
                uris.add(str(action["/URI"]))
    return uris


def struct_elements(pdf: PdfReader) -> list[DictionaryObject]:
    elements: list[DictionaryObject] = []
    todo = [pdf.trailer["/Root"]["/StructTreeRoot"]]
    while todo:
        node = todo.pop()
        node = node.get_object() if isinstance(node, IndirectObject) else node
        if isinstance(node, ArrayObject):
            todo.extend(node)
        elif isinstance(node, DictionaryObject):
            if node.get("/Type") in (None, "/StructElem") and "/S" in node:
                elements.append(node)
            if "/K" in node:
                todo.append(node["/K"])
    return elements


def fonts(pdf: PdfReader) -> list[tuple[str, bool]]:
    """Every font used (on pages and in drawn pictures) and whether its file is embedded."""
    found: dict[str, bool] = {}
    seen: set[int] = set()

    def visit(resources: DictionaryObject | None) -> None:
        if not resources:
            return
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            for real in [font, *(d.get_object() for d in font.get("/DescendantFonts", []))]:
                descriptor = real.get("/FontDescriptor")
                if descriptor is not None:
                    descriptor = descriptor.get_object()
                    embedded = any(
                        k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
                    )
                    found[str(real.get("/BaseFont"))] = embedded
                elif real.get("/Subtype") == "/Type3":
                    found[str(real.get("/Name", "Type3"))] = True
        for xobject in (resources.get("/XObject") or {}).values():
            if id(xobject.get_object()) not in seen:
                seen.add(id(xobject.get_object()))
                visit(xobject.get_object().get("/Resources"))

    for page in pdf.pages:
        visit(page.get("/Resources"))
    return sorted(found.items())


def text_sizes(path: Path) -> Counter[float]:
    """How many characters are set at each size (pt), over the whole PDF."""
    sizes: Counter[float] = Counter()

    def visit(text: str, cm: list, tm: list, font: dict, size: float) -> None:
        scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
        if text.strip():
            sizes[round(size * scale, 1)] += len(text.strip())

    for page in reader(path).pages:
        page.extract_text(visitor_text=visit)
    return sizes
