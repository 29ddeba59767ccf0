"""Assemble the HTML of each handout from the built site, and record what was rendered.

Each topic handout is the page's ``<article>`` made printable (:mod:`neckguide.handout_html`);
the booklet is ONE document: a cover, a contents page with page numbers, then every topic's
article with its ids prefixed (``diagnosis--what-is-a-z-score``) so links between topics
become links inside the booklet. A handout is rendered again only when its input hash
(the HTML, every local file it uses, and :data:`VERSION`) differs from the manifest's.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from bs4 import Tag

from neckguide import handout_html as hh
from neckguide.handout_site import LABELS, VARIANTS, VERSION

__all__ = ["LABELS", "VARIANTS", "VERSION"]  # re-exported: the handouts' names and version

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Topic:
    """A topic page as the handouts see it."""

    docname: str  # "topics/diagnosis"
    title: str
    page: Path  # the built HTML file
    uri: str  # "topics/diagnosis.html", relative to the site's root
    summary: str = ""
    date: str | None = None  # W3C date of the page's last change (from git), or None

    @property
    def slug(self) -> str:
        return self.docname.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Site:
    """What every handout needs to know about the site."""

    outdir: Path
    baseurl: str  # ends with "/"
    name: str  # "Osteoporosis in the Neck"
    author: str
    booklet_name: str  # file stem of the booklet
    booklet_title: str

    def url(self, uri: str) -> str:
        return self.baseurl + uri


def handout_style() -> str:
    """The handouts' own CSS (package data): page size, footer, sizes."""
    return resources.files("neckguide").joinpath("handout.css").read_text(encoding="utf-8")


def _stylesheets(page: Path, page_html: str) -> tuple[str, ...]:
    """The site's stylesheets a built page links (files, in order; print.css included)."""
    links = [tag for tag in re.findall(r"<link\b[^>]*>", page_html) if 'rel="stylesheet"' in tag]
    hrefs = [re.search(r'href="([^"]+)"', tag) for tag in links]
    paths = [page.parent / href.group(1).split("?", 1)[0] for href in hrefs if href]
    return tuple(os.path.normpath(path) for path in paths)


def _theme_style(page_html: str) -> str:
    """The theme's ``<style>`` in a built page's head (furo puts the brand colours there)."""
    head = page_html.split("</head>", 1)[0]
    return "\n".join(re.findall(r"<style[^>]*>(.*?)</style>", head, flags=re.S))


@dataclass(frozen=True)
class Prepared:
    """A handout ready for WeasyPrint: its HTML and the site's stylesheets to apply."""

    html: str
    stylesheets: tuple[str, ...]


def _meta(site: Site, summary: str, date: str | None) -> dict[str, str]:
    meta = {"author": site.author, "description": summary}
    if date:
        meta["dcterms.created"] = meta["dcterms.modified"] = date
    return meta


def _article(
    topic: Topic, site: Site, *, booklet: dict[str, str] | None = None
) -> tuple[Tag, tuple[str, ...], str]:
    """A topic's printable ``<article>``, the stylesheets its page links and its theme style.

    ``booklet`` maps each topic's URL to its slug when the article goes into the booklet:
    links between topics then stay inside the booklet and ids get the topic's prefix.
    """
    page_html = topic.page.read_text(encoding="utf-8")
    article = hh.article_of(page_html)
    page_url = site.url(topic.uri)
    chapters = booklet or {}

    def same_document(url: str, fragment: str) -> str | None:
        if booklet is None:
            return f"#{fragment}" if url == page_url and fragment else None
        if url not in chapters:
            return None
        return f"#{chapters[url]}--{fragment}" if fragment else f"#chapter-{chapters[url]}"

    resolve = hh.page_link_resolver(page_url, same_document)
    hh.prepare_article(article, resolve=resolve, id_prefix=f"{topic.slug}--" if booklet else "")
    hh.size_svg_pictures(article, topic.page.parent)
    hh.add_online_block(article, hh.online_block(page_url))
    return article, _stylesheets(topic.page, page_html), _theme_style(page_html)


def _variants(
    site: Site,
    title: str,
    body: str,
    theme: str,
    meta: dict[str, str],
    stylesheets: tuple[str, ...],
) -> dict[str, Prepared]:
    """The same handout in each size: only the ``<html>`` class differs."""
    return {
        variant: Prepared(
            hh.document(
                title=title,
                body=body,
                style=theme + handout_style(),
                meta=meta,
                html_class=html_class,
            ),
            stylesheets,
        )
        for variant, (_, html_class) in VARIANTS.items()
    }


def topic_documents(topic: Topic, site: Site) -> dict[str, Prepared]:
    """What WeasyPrint prints as one topic's handouts (relative URLs start at its page)."""
    article, stylesheets, theme = _article(topic, site)
    meta = _meta(site, topic.summary, topic.date)
    return _variants(site, topic.title, str(article), theme, meta, stylesheets)


def booklet_documents(topics: list[Topic], site: Site) -> dict[str, Prepared]:
    """The whole guide as one HTML document: cover, contents, then each topic as a chapter.

    Relative URLs start at the first topic's page (every topic page sits in ``topics/``).
    """
    chapters = {site.url(t.uri): t.slug for t in topics}
    parts, contents = [], []
    stylesheets: tuple[str, ...] = ()
    theme = ""
    for topic in topics:
        article, stylesheets, theme = _article(topic, site, booklet=chapters)
        hh.rebase_sources(article, topic.uri, topics[0].uri)
        article.attrs = {"class": ["booklet-chapter"], "id": f"chapter-{topic.slug}"}
        parts.append(str(article))
        contents.append(f'<li><a href="#chapter-{topic.slug}">{html.escape(topic.title)}</a></li>')
    cover = (
        f'<section class="booklet-cover"><h1>{html.escape(site.name)}</h1>'
        f'<p class="booklet-subtitle">A patient guide</p>'
        f"<p>Every page of the guide in one booklet: what osteoporosis does to your neck, "
        f"how it is found and treated, and what you can do. Each chapter ends with the web "
        f"address of its page and the date it was last reviewed.</p>"
        f"{hh.online_block(site.url('index.html'), 'Read the guide online')}</section>"
    )
    toc = (
        f'<nav class="booklet-contents" aria-label="Contents"><h2>Contents</h2>'
        f"<ol>{''.join(contents)}</ol></nav>"
    )
    dates = sorted(t.date for t in topics if t.date)
    meta = _meta(
        site, f"{site.booklet_title}: every topic of the guide.", dates[-1] if dates else None
    )
    return _variants(
        site, site.booklet_title, cover + toc + "".join(parts), theme, meta, stylesheets
    )


def local_files(handout: Prepared, base: Path) -> list[Path]:
    """The local files a handout uses: the site's stylesheets, and its images (whose
    relative addresses start at ``base``)."""
    refs = re.findall(r'<(?:img|source)\b[^>]*?\bsrc="([^"]+)"', handout.html)
    files = [Path(path) for path in handout.stylesheets]
    for ref in refs:
        if urlsplit(ref).scheme or ref.startswith(("/", "#")):
            continue
        files.append(Path(os.path.normpath(base.parent / urldefrag(ref)[0])))
    return files


def input_hash(handout: Prepared, base: Path) -> str:
    """What decides whether a handout must be rendered again: its HTML, the bytes of every
    local file it uses and :data:`VERSION` (and WeasyPrint's version)."""
    engine = metadata.version("weasyprint")  # (importing WeasyPrint itself takes seconds)
    digest = hashlib.sha256(f"{VERSION}\0{engine}\0".encode())
    digest.update(handout.html.encode("utf-8"))
    for path in local_files(handout, base):
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")
    return digest.hexdigest()


def read_manifest(folder: Path) -> dict[str, dict]:
    """The previous build's record of each PDF: ``{file: {hash, pages, bytes, page}}``."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data.get("files", {}) if data.get("version") == VERSION else {}


def write_manifest(folder: Path, files: dict[str, dict]) -> None:
    """Record each PDF (sorted, so the same build writes the same manifest)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"version": VERSION, "files": files}, indent=1, sort_keys=True)
    (folder / MANIFEST).write_text(text + "\n", encoding="utf-8")


def size_kb(size: int) -> int:
    """Kilobytes of 1,000 bytes, as the site shows them (at least 1).

    >>> size_kb(123_456), size_kb(10)
    (123, 1)
    """
    return max(1, round(size / 1000))


def describe(entry: dict) -> str:
    """ "(123 KB, 2 pages)" for a manifest entry."""
    pages = entry["pages"]
    return f"({size_kb(entry['bytes'])} KB, {pages} {'page' if pages == 1 else 'pages'})"


META_SPAN = re.compile(r'(<span class="handout-meta" data-handout="([^"]+)">)(.*?)(</span>)', re.S)


def fill_sizes(outdir: Path, files: dict[str, dict]) -> int:
    """Write the real size and page count of each PDF into the built pages that link to it;
    returns how many pages changed."""
    changed = 0
    for page in outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if 'class="handout-meta"' not in text:
            continue

        def fill(match: re.Match[str]) -> str:
            entry = files.get(match.group(2))
            return match.group(1) + (describe(entry) if entry else match.group(3)) + match.group(4)

        new = META_SPAN.sub(fill, text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return changed
