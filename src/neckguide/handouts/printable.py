"""Turn a built furo page into the HTML that WeasyPrint prints as a handout.

A printed page cannot click a tab or open a dropdown, so every tab panel is shown with its
label as a real heading before it, and every dropdown is opened with its title as a heading
(the PDF then tags both as headings). Navigation chrome and decorative icons are left out,
links to other pages become absolute links to the site, and a block with the page's web
address and a QR code of it lets a reader get from paper back to the page.

>>> soup = article_of('<article><section id="a"><h2>A</h2><div class="sd-tab-set">'
...     '<input id="t" type="radio"><label class="sd-tab-label" for="t">Tab</label>'
...     '<div class="sd-tab-content"><p>Panel</p></div></div></section></article>')
>>> prepare_article(soup, resolve=lambda href: href)
>>> print(soup.section)
<section id="a"><h2>A</h2><div class="sd-tab-set"><h3 class="handout-tab-label">Tab</h3><div class="sd-tab-content"><p>Panel</p></div></div></section>
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import segno
from bs4 import BeautifulSoup, Tag

# Attributes that hold the id of another element (or a space-separated list of ids).
ID_REFERENCES = ("for", "aria-labelledby", "aria-describedby", "aria-controls")
# Decorative things that have no place on paper (their meaning is in the text beside them).
DECORATIVE = "a.headerlink, .sd-summary-state-marker, svg[aria-hidden='true'], img[alt='']"
# Parts of the page that only make sense on the site.
SITE_ONLY = ".page-handouts"
HEADING = re.compile(r"^h[1-6]$")


def article_of(page_html: str) -> Tag:
    """The ``<article>`` of a built page (its content, without the theme's navigation)."""
    start, end = page_html.find("<article"), page_html.rfind("</article>")
    if 0 <= start < end:  # parse only the article: the theme's chrome is most of the page
        page_html = page_html[start : end + len("</article>")]
    soup = BeautifulSoup(page_html, "html.parser")
    article = soup.find("article")
    if not isinstance(article, Tag):
        raise ValueError("the page has no <article> element")
    return article


def _heading_level(element: Tag) -> int:
    """The heading level for a tab label or dropdown title at ``element``: one below the
    heading of the section it is in, one more for each tab panel or dropdown it sits inside."""
    inside = 0
    for parent in element.parents:
        classes = parent.get("class") or []
        if "sd-tab-content" in classes or "sd-summary-content" in classes:
            inside += 1
        if parent.name == "section":
            heading = parent.find(HEADING, recursive=False)
            if isinstance(heading, Tag):
                return min(int(heading.name[1]) + 1 + inside, 6)
    return min(2 + inside, 6)


def _tab_sets_to_headings(article: Tag) -> None:
    """Each tab label becomes a heading right before its (always shown) panel."""
    for tab_set in article.select(".sd-tab-set"):
        level = _heading_level(tab_set)
        for child in list(tab_set.children):
            if not isinstance(child, Tag):
                continue
            if child.name == "input":
                child.decompose()
            elif child.name == "label":
                heading = Tag(name=f"h{level}", attrs={"class": ["handout-tab-label"]})
                heading.string = child.get_text(" ", strip=True)
                child.replace_with(heading)


def _dropdowns_to_headings(article: Tag) -> None:
    """Each dropdown (``<details>``) is shown open, its title a heading."""
    for details in article.find_all("details"):
        level = _heading_level(details)
        details.name = "div"
        details["class"] = [*details.get("class", []), "handout-dropdown"]
        details.attrs.pop("open", None)
        summary = details.find("summary")
        if isinstance(summary, Tag):
            summary.name = f"h{level}"
            summary["class"] = [*summary.get("class", []), "handout-dropdown-title"]
            for span in summary.select(".sd-summary-text"):
                span.unwrap()
        for body in details.select(":scope > .sd-summary-content"):
            body["class"] = [*body.get("class", []), "handout-dropdown-body"]


def _prefix_ids(article: Tag, prefix: str) -> None:
    """Make ids unique in a booklet: ``x`` → ``<prefix>x``, and the references to them."""
    for element in article.find_all(True):
        if element.get("id"):
            element["id"] = prefix + element["id"]
        for attribute in ID_REFERENCES:
            if element.get(attribute):
                element[attribute] = " ".join(prefix + ref for ref in element[attribute].split())


def prepare_article(
    article: Tag, *, resolve: Callable[[str], str | None], id_prefix: str = ""
) -> None:
    """Make a page's ``<article>`` printable, in place.

    ``resolve`` maps each link's ``href`` to the one the PDF should have (``None``: no link);
    ``id_prefix`` keeps ids unique when several pages share one booklet.
    """
    for element in article.select(f"{DECORATIVE}, {SITE_ONLY}"):
        element.decompose()
    _tab_sets_to_headings(article)
    _dropdowns_to_headings(article)
    if id_prefix:
        _prefix_ids(article, id_prefix)
    for link in article.find_all("a", href=True):
        target = resolve(link["href"])
        if target is None:
            del link["href"]
        else:
            link["href"] = target
    for element in article.find_all(attrs={"aria-controls": True}):
        del element["aria-controls"]


def page_link_resolver(
    page_url: str, same_document: Callable[[str, str], str | None]
) -> Callable[[str], str | None]:
    """A ``resolve`` for :func:`prepare_article`: links become absolute links to the site,
    unless ``same_document(url_without_fragment, fragment)`` gives an in-document target.

    >>> resolve = page_link_resolver("https://x.org/topics/a.html", lambda url, frag: None)
    >>> resolve("b.html#c"), resolve("#"), resolve("mailto:me@x.org")
    ('https://x.org/topics/b.html#c', None, 'mailto:me@x.org')
    """

    def resolve(href: str) -> str | None:
        if href in ("", "#"):
            return None
        url, fragment = urldefrag(urljoin(page_url, href))
        return same_document(url, fragment) or urljoin(page_url, href)

    return resolve


def rebase_sources(article: Tag, from_page: str, to_page: str) -> None:
    """Relative image sources written for ``from_page`` made to work from ``to_page``.

    >>> soup = article_of('<article><img alt="x" src="../_images/a.png"></article>')
    >>> rebase_sources(soup, "topics/a.html", "booklet.html")
    >>> soup.img["src"]
    '_images/a.png'
    """
    for image in article.find_all(["img", "source"], src=True):
        src = image["src"]
        if "://" in src or src.startswith(("data:", "/")):
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(from_page), src))
        image["src"] = posixpath.relpath(target, posixpath.dirname(to_page) or ".")


def size_svg_pictures(article: Tag, folder: Path) -> None:
    """Give each SVG picture a printed width in proportion to its drawing (its viewBox), so
    its labels print at a readable size: ``--figure-scale`` (CSS) is millimetres per unit."""
    for image in article.find_all("img", src=True):
        src = image["src"]
        if "://" in src or not src.endswith(".svg"):
            continue
        try:
            head = (folder / src).read_text(encoding="utf-8")[:2000]
        except OSError:
            continue  # WeasyPrint reports the missing picture, naming it
        view_box = re.search(r'viewBox="[\d.-]+[ ,]+[\d.-]+[ ,]+([\d.]+)', head)
        if view_box:
            image["style"] = f"width: calc({float(view_box.group(1)):g} * var(--figure-scale))"


@functools.cache
def qr_svg(url: str, description: str) -> str:
    """An inline SVG QR code of ``url`` with a ``<title>`` (the PDF's alternative text)."""
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(
        scale=1, border=2, omitsize=True, title=description, svgclass="handout-qr"
    )


def online_block(url: str, lead: str = "Read this page online") -> str:
    """The web address of the page, as a link and as a QR code, for the end of a handout."""
    link = html.escape(url)
    qr = qr_svg(url, f"QR code: scan it to open {url}")
    return (
        f'<div class="handout-online">{qr}'
        f'<p><strong>{html.escape(lead)}:</strong> <a href="{link}">{link}</a></p></div>'
    )


def add_online_block(article: Tag, block_html: str) -> None:
    """Put the online block first in the page's "About this page" box (or at the end)."""
    block = BeautifulSoup(block_html, "html.parser")
    info = article.select_one("aside.page-info")
    if info is not None:
        info.insert(0, block)
    else:
        article.append(block)


def document(
    *,
    title: str,
    body: str,
    style: str,
    meta: dict[str, str],
    html_class: str,
    lang: str = "en",
) -> str:
    """A complete HTML document for WeasyPrint, with the handout's own ``style``.

    Furo's wrappers (``.page .main .content``) are kept so the theme's styles apply.
    """
    metas = "".join(
        f'<meta name="{html.escape(name)}" content="{html.escape(value)}">'
        for name, value in meta.items()
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}" class="{html_class}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>{metas}<style>{style}</style></head>\n"
        f'<body><div class="page"><div class="main"><div class="content">'
        f'<div class="article-container">{body}</div></div></div></div></body></html>\n'
    )
