"""Assemble the HTML of each handout from the built site.

Each topic handout is the page's ``<article>`` made printable (:mod:`.printable`); the
booklet is ONE document: a cover, a contents page with page numbers, then every topic's
article with its ids prefixed (``diagnosis--what-is-a-z-score``) so links between topics
become links inside the booklet.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from bs4 import Tag

from neckguide.handouts import printable
from neckguide.handouts.names import BOOKLET, BOOKLET_TITLE, VARIANTS


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

    @classmethod
    def from_config(cls, outdir: Path, config: Any) -> Site:
        """The site as ``conf.py`` (a Sphinx config, or its settings read with runpy) says."""
        if isinstance(config, dict):  # conf.py read with runpy: the extension's defaults apply
            settings = {"handouts_booklet": BOOKLET, "handouts_booklet_title": BOOKLET_TITLE}
            settings |= config
            get = settings.get
        else:
            get = lambda name: getattr(config, name)  # noqa: E731
        return cls(
            outdir=outdir,
            baseurl=(get("html_baseurl") or "").rstrip("/") + "/",
            name=get("project"),
            author=get("author"),
            booklet_name=get("handouts_booklet"),
            booklet_title=get("handouts_booklet_title"),
        )


def handout_style() -> str:
    """The handouts' own CSS (package data): page size, footer, sizes."""
    return resources.files("neckguide.handouts").joinpath("handout.css").read_text(encoding="utf-8")


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
    article = printable.article_of(page_html)
    page_url = site.url(topic.uri)
    chapters = booklet or {}

    def same_document(url: str, fragment: str) -> str | None:
        if booklet is None:
            return f"#{fragment}" if url == page_url and fragment else None
        if url not in chapters:
            return None
        return f"#{chapters[url]}--{fragment}" if fragment else f"#chapter-{chapters[url]}"

    resolve = printable.page_link_resolver(page_url, same_document)
    printable.prepare_article(
        article, resolve=resolve, id_prefix=f"{topic.slug}--" if booklet else ""
    )
    printable.size_svg_pictures(article, topic.page.parent)
    printable.add_online_block(article, printable.online_block(page_url))
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
            printable.document(
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


def booklet_documents(
    topics: list[Topic], site: Site, *, appendix: list[Topic] | None = None
) -> dict[str, Prepared]:
    """The whole guide as one HTML document: cover, contents, then each topic as a chapter,
    and the ``appendix`` pages (the glossary) at the end, so words are explained on paper too.

    Relative URLs start at the first topic's page (every topic page sits in ``topics/``).
    """
    chapters = {site.url(t.uri): t.slug for t in [*topics, *(appendix or [])]}
    parts, contents = [], []
    stylesheets: tuple[str, ...] = ()
    theme = ""
    for topic in [*topics, *(appendix or [])]:
        article, stylesheets, theme = _article(topic, site, booklet=chapters)
        printable.rebase_sources(article, topic.uri, topics[0].uri)
        article.attrs = {"class": ["booklet-chapter"], "id": f"chapter-{topic.slug}"}
        parts.append(str(article))
        contents.append(f'<li><a href="#chapter-{topic.slug}">{html.escape(topic.title)}</a></li>')
    cover = (
        f'<section class="booklet-cover"><h1>{html.escape(site.name)}</h1>'
        f'<p class="booklet-subtitle">A patient guide</p>'
        f"<p>Every page of the guide in one booklet: what osteoporosis does to your neck, "
        f"how it is found and treated, and what you can do. Each chapter ends with the web "
        f"address of its page and the date it was last reviewed.</p>"
        f"{printable.online_block(site.url('index.html'), 'Read the guide online')}</section>"
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
