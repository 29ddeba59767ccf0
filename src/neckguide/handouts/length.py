"""How long a handout is: its pages, how full its last page is, and so about how many lines
it has to spare, or is over, against the limit of :data:`~.names.PAGE_BUDGET` pages.

A "line" is a line of the standard handout's body text (12 pt type, 1.35 line height, see
``handout.css``), :data:`LINES_PER_PAGE` to a page: headings, pictures and boxes take more
than one, so the count is a guide ("about"), good to a line or two.

>>> verdict("faq", pages=2, fill=0.75)
'faq: 2 pages, about 11 lines spare'
>>> verdict("faq", pages=1, fill=0.5)
'faq: 1 page, about 64 lines spare'
>>> verdict("faq", pages=3, fill=0.25)
'faq: 3 pages, about 11 lines over (the limit is 2)'
>>> verdict("faq", pages=2, fill=1.0)
'faq: 2 pages, no lines spare'
"""

from __future__ import annotations

from typing import Any

from neckguide.handouts.names import PAGE_BUDGET

#: Lines of 12 pt body text (16.2 pt apart) that fit in a page's 251.4 mm of content height.
LINES_PER_PAGE = 43


def last_page_fill(document: Any) -> float:
    """How much of the last page's content height a WeasyPrint ``document`` fills (0 to 1):
    the lowest line, picture or table row on it, leaving out the page's footer."""
    return page_fill(document.pages[-1])


def slack_before_last(document: Any) -> float:
    """The share of the page before the last left empty (0 to 1; 0 for a one-page
    document): room that a box kept in one piece (the "About this page" box) could not use,
    so cutting that much less would bring the last page back."""
    return 1.0 - page_fill(document.pages[-2]) if len(document.pages) > 1 else 0.0


def page_fill(rendered_page: Any) -> float:
    """How much of one page's content height is filled (0 to 1)."""
    from weasyprint.formatting_structure import boxes

    page = rendered_page._page_box
    top, height = page.content_box_y(), page.height
    lowest = top
    for child in page.children:
        if isinstance(child, boxes.MarginBox):
            continue
        for box in child.descendants():
            if isinstance(box, (boxes.LineBox, boxes.ReplacedBox, boxes.TableRowBox)):
                lowest = max(lowest, box.position_y + box.margin_height())
    return min(1.0, max(0.0, (lowest - top) / height)) if height else 1.0


def lines_spare(pages: int, fill: float, budget: int = PAGE_BUDGET, slack: float = 0.0) -> int:
    """About how many lines the handout could grow before it passes ``budget`` pages
    (negative: how many lines it is over). ``slack`` is the share of the page before the
    last left empty: over the limit, that much less needs cutting.

    >>> lines_spare(2, 0.5), lines_spare(3, 0.5), lines_spare(4, 0.0)
    (22, -22, -43)
    >>> lines_spare(3, 0.35, slack=0.2)  # a 15-line box pushed over, 9 lines free before it
    -6
    """
    if pages <= budget:
        return round((budget - pages) * LINES_PER_PAGE + (1 - fill) * LINES_PER_PAGE)
    over = (pages - budget - 1) * LINES_PER_PAGE + max(0.0, fill - slack) * LINES_PER_PAGE
    return -max(1, round(over))


def verdict(
    name: str, pages: int, fill: float, budget: int = PAGE_BUDGET, slack: float = 0.0
) -> str:
    """``faq: 2 pages, about 11 lines spare`` or ``faq: 3 pages, about 11 lines over``."""
    spare = lines_spare(pages, fill, budget, slack)
    counted = f"{name}: {pages} {'page' if pages == 1 else 'pages'}"
    if spare > 0:
        return f"{counted}, about {spare} {'line' if spare == 1 else 'lines'} spare"
    if spare == 0:
        return f"{counted}, no lines spare"
    over = -spare
    return (
        f"{counted}, about {over} {'line' if over == 1 else 'lines'} over (the limit is {budget})"
    )
