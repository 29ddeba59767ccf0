"""Rule: every internal link resolves, on the web and on paper.

In the HTML: every ``href`` and ``src`` of a built page that stays on the site — written
relative, site-absolute (``/en/latest/…``, as the 404 page writes them) or as the site's full
public address — names a file of the build, and its ``#anchor`` an element of that page. A
site-absolute address outside the published path is refused too: it works nowhere.

In the PDFs: every link to the site's address names a page (and anchor) that exists, and
every link inside a PDF (the booklet's contents) names a destination the PDF has.
"""

from __future__ import annotations

from pathlib import Path

from neckguide.checks import Problem
from neckguide.rendered.site import BuiltSite

#: (element, attribute) pairs that hold an address.
ADDRESSES = (
    ("a", "href"),
    ("link", "href"),
    ("img", "src"),
    ("script", "src"),
    ("source", "src"),
    ("iframe", "src"),
    ("use", "href"),
    ("use", "xlink:href"),
    ("form", "action"),
)
#: Links that point at nothing on purpose (furo's "back to top" is "#").
EMPTY = ("", "#")


def broken(site: BuiltSite, page: str, href: str) -> str | None:
    """Why ``href`` in ``page`` does not resolve (None when it does, or is not ours)."""
    if href.strip() in EMPTY:
        return None
    target = site.target(page, href.strip())
    if target is None:
        return None
    if target.outside:
        return f"a site-absolute address outside the site's path {site.prefix}"
    if not site.exists(target.path):
        return f"no such file in the build ({target.path})"
    page_has_it = not target.path.endswith(".html") or target.fragment in site.ids(target.path)
    if target.fragment and not page_has_it:
        return f"{target.path} has no #{target.fragment}"
    return None


def html_problems(site: BuiltSite) -> list[Problem]:
    """Every internal address of every built page that leads nowhere."""
    problems = []
    for page in site.pages():
        soup = site.soup(page)
        seen: set[str] = set()
        for tag, attribute in ADDRESSES:
            for element in soup.find_all(tag, attrs={attribute: True}):
                href = str(element[attribute])
                if href in seen:
                    continue
                seen.add(href)
                why = broken(site, page, href)
                if why:
                    text = element.get_text(" ", strip=True)[:40]
                    label = f" (“{text}”)" if text else ""
                    problems.append(
                        site.problem(
                            page,
                            href.split("#")[-1] if "#" in href else href,
                            f"{page}: the link {href}{label} leads nowhere: {why}",
                        )
                    )
    return problems


def pdf_links(path: Path) -> tuple[list[str], list[str], set[str]]:
    """A PDF's links: the addresses (URIs), the named destinations its internal links use,
    and the named destinations it has."""
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject

    reader = PdfReader(path)
    uris, wanted = [], []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            action = action.get_object() if action is not None else None
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
            destination = annotation.get("/Dest")
            if destination is None and action is not None and action.get("/S") == "/GoTo":
                destination = action.get("/D")
            if destination is not None and not isinstance(destination.get_object(), ArrayObject):
                wanted.append(str(destination.get_object()))
    return uris, wanted, set(reader.named_destinations)


def pdf_problems(site: BuiltSite) -> list[Problem]:
    """Every link of every PDF that leads to no page of the site, or to nothing inside it."""
    problems = []
    for pdf in site.pdfs():
        name = Path(pdf).name
        uris, wanted, destinations = pdf_links(site.root / pdf)
        for uri in sorted(set(uris)):
            if not uri.startswith(site.baseurl):
                continue  # another site, or mail: not ours to check offline
            target = site.target("index.html", uri)
            assert target is not None
            why = broken(site, "index.html", uri)
            if why:
                problems.append(
                    site.problem(pdf, target.fragment or uri, f"{name} links to {uri}: {why}")
                )
        for destination in sorted(set(wanted) - destinations):
            problems.append(
                site.problem(
                    pdf,
                    destination.split("--")[-1],
                    f"{name} has a link to #{destination}, which is nowhere in the PDF",
                )
            )
    return problems
