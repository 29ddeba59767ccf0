"""Reading the published handouts: which PDFs there are, their text, bookmarks, links,
structure, fonts and type sizes, and what a page says each must contain."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from neckguide.handouts import names
from neckguide.paths import DOCS

TOPICS = sorted(path.stem for path in (DOCS / "topics").glob("*.md"))
BOOKLET = names.BOOKLET  # conf.py keeps the extension's default
VARIANTS = {variant: suffix for variant, (suffix, _) in names.VARIANTS.items()}
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
def found_in(sample: str, text: str) -> bool:
    """Whether ``sample`` (squashed) is in ``text`` (squashed), allowing one break in it: a
    paragraph that runs over a page break is extracted in two pieces, with the page's footer
    (and sometimes other text) between them. A dropped or cut paragraph still fails."""
    if sample in text:
        return True
    low, high = 0, len(sample)  # the longest start of the sample that is in the text
    while low < high:
        middle = (low + high + 1) // 2
        if sample[:middle] in text:
            low = middle
        else:
            high = middle - 1
    return low >= 20 and sample[low:] in text


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in reader(path).pages)


@cache
def page_soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _text(element: BeautifulSoup) -> str:
    """An element's words as a reader sees them on paper: without the web page's permalink
    marks ("#" after a heading or a figure caption), which the handouts leave out."""
    copy = BeautifulSoup(str(element), "html.parser")
    for link in copy.select("a.headerlink"):
        link.decompose()
    return copy.get_text(" ")


def expected_texts(page: Path) -> dict[str, list[str]]:
    """What a reader must find in the handout of a built page, read from the page itself."""
    soup = page_soup(page)
    article = soup.find("article")

    def blocks(container: BeautifulSoup) -> list[str]:
        return [_text(el) for el in container.find_all(["p", "li", "th", "td"])]

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


def text_sizes(path: Path, stop_at: str | None = None) -> Counter[float]:
    """How many characters are set at each size (pt), over the whole PDF, or up to the first
    text ``stop_at`` (for example the "Where this comes from" heading: a page with many
    sources has more small print in its source list than words of advice above it)."""
    sizes: Counter[float] = Counter()
    stopped = False

    def visit(text: str, cm: list, tm: list, font: dict, size: float) -> None:
        nonlocal stopped
        if stop_at is not None and stop_at in text:
            stopped = True
        if stopped or not text.strip():
            return
        scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
        sizes[round(size * scale, 1)] += len(text.strip())

    for page in reader(path).pages:
        if stopped:
            break
        page.extract_text(visitor_text=visit)
    return sizes
