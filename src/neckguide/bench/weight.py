"""Page weight on a cold load: the HTML and every file it makes the browser fetch, gzipped.

A page's weight is the gzip-compressed size of the page itself plus every stylesheet,
script, image, icon and font it references: ``<link>`` (stylesheets, icons, preloads),
``<script src>``, ``<img src>`` and friends, ``url()`` in ``style`` attributes and
``<style>`` blocks, and, inside each stylesheet, ``@import`` and ``url()`` (fonts,
background images), followed recursively. Each file counts once per page. It is an upper
bound: a browser skips a ``url()`` whose rule never matches, but a cold cache cannot know.

Addresses on other hosts are not counted but listed (the guide should load none);
``data:`` addresses are already inside the file that holds them.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

GZIP_LEVEL = 6  # what web servers commonly use for on-the-fly compression

# <link rel=...> kinds that make the browser fetch the file on load.
FETCHED_LINK_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "preload",
    "modulepreload",
}

CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)""", re.I)
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+?)["']?\s*\)""", re.I)


def gzip_size(path: Path) -> int:
    """Bytes of ``path`` after gzip compression (cached: files shared by pages are read once)."""
    stat = path.stat()
    return _gzip_size(path, stat.st_mtime_ns, stat.st_size)


@cache
def _gzip_size(path: Path, mtime_ns: int, size: int) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0))


class _References(HTMLParser):
    """Collects the addresses an HTML page makes the browser fetch."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.css_urls: list[str] = []  # from style attributes and <style> blocks
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and FETCHED_LINK_RELS & set(a.get("rel", "").lower().split()):
            self.urls.append(a.get("href", ""))
        elif tag in (
            "script",
            "img",
            "iframe",
            "embed",
            "audio",
            "video",
            "source",
            "input",
            "track",
        ):
            self.urls.append(a.get("src", ""))
            if tag == "video":
                self.urls.append(a.get("poster", ""))
        elif tag == "object":
            self.urls.append(a.get("data", ""))
        elif tag in ("image", "use"):  # inside inline SVG; "#id" fragments are skipped later
            self.urls.append(a.get("href", a.get("xlink:href", "")))
        if "style" in a:
            self.css_urls += css_references(a["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.css_urls += css_references(data)


def html_references(html: str) -> tuple[list[str], list[str]]:
    """Addresses an HTML page fetches: (from elements, from inline CSS).

    >>> html_references('<link rel="stylesheet" href="a.css?v=1"><script src="b.js"></script>'
    ...                 '<link rel="canonical" href="x.html">'
    ...                 '<img src="c.png" style="background:url(d.svg)">')
    (['a.css?v=1', 'b.js', 'c.png'], ['d.svg'])
    """
    parser = _References()
    parser.feed(html)
    return [u for u in parser.urls if u], parser.css_urls


def css_references(css: str) -> list[str]:
    """Addresses a stylesheet fetches: ``@import`` targets and ``url()`` values (comments ignored).

    >>> css_references('@import "base.css"; /* url(no.png) */ .a{background:url( "i.png" )}'
    ...                '@font-face{src:url(f.woff2) format("woff2")}')
    ['base.css', 'i.png', 'f.woff2']
    """
    css = CSS_COMMENT.sub("", css)
    found = CSS_IMPORT.findall(css)
    found += [u for u in CSS_URL.findall(css) if u not in found]
    return found


def resolve(address: str, base: Path, site: Path) -> Path | str | None:
    """The local file an address points to, relative to ``base`` (a folder);
    the address itself (a string) when it is on another host; ``None`` for nothing to fetch.

    >>> site = Path("/s")
    >>> resolve("../_static/a.css?v=9", Path("/s/topics"), site)
    PosixPath('/s/_static/a.css')
    >>> resolve("https://cdn.example/x.js", site, site), resolve("data:,A", site, site)
    ('https://cdn.example/x.js', None)
    >>> resolve("#icon", site, site), resolve("/en/latest/x.png", Path("/s/topics"), site)
    (None, PosixPath('/s/en/latest/x.png'))
    """
    address = address.strip()
    parts = urlsplit(address)
    if parts.scheme == "data" or not (parts.scheme or parts.netloc or parts.path):
        return None
    if parts.scheme or parts.netloc:
        return address
    path = unquote(parts.path)
    if not path.startswith("/"):
        return Path(_normalise(str(base / path)))
    # A site-absolute address ("/en/latest/_static/x.css", as on the 404 page): the site is
    # served under some prefix, so drop leading folders until the file is found.
    segments = [s for s in path.split("/") if s]
    for start in range(len(segments)):
        candidate = Path(_normalise(str(site.joinpath(*segments[start:]))))
        if candidate.is_file():
            return candidate
    return Path(_normalise(str(site.joinpath(*segments))))


def _normalise(path: str) -> str:
    """Collapse ``..`` and ``.`` without touching the file system (no symlink resolution)."""
    out: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if out and out[-1] not in ("", ".."):
                out.pop()
        elif part != ".":
            out.append(part)
    return "/".join(out) or "/"


@dataclass
class PageWeight:
    """One page's cold-load weight: gzipped bytes of the page and of each file it fetches."""

    page: Path
    html_bytes: int
    resources: dict[Path, int] = field(default_factory=dict)
    external: list[str] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)

    @property
    def total(self) -> int:
        """The page plus everything it fetches, gzipped, in bytes."""
        return self.html_bytes + sum(self.resources.values())


def page_weight(page: Path, site: Path) -> PageWeight:
    """Measure one built page (``page`` inside the built ``site``) on a cold load."""
    weight = PageWeight(page, gzip_size(page))
    urls, inline_css_urls = html_references(page.read_text(encoding="utf-8"))
    queue = [(u, page.parent) for u in [*urls, *inline_css_urls]]
    while queue:
        address, base = queue.pop(0)
        target = resolve(address, base, site)
        if target is None:
            continue
        if isinstance(target, str):
            if target not in weight.external:
                weight.external.append(target)
            continue
        if target in weight.resources or target in weight.missing:
            continue
        if not target.is_file():
            weight.missing.append(target)
            continue
        weight.resources[target] = gzip_size(target)
        if target.suffix.lower() == ".css":
            css = target.read_text(encoding="utf-8", errors="replace")
            queue += [(u, target.parent) for u in css_references(css)]
    return weight


def site_pages(site: Path) -> list[Path]:
    """Every built HTML page of the site (not files under ``_static`` or ``_sources``)."""
    return sorted(
        p
        for p in site.rglob("*.html")
        if not ({"_static", "_sources", "_images"} & set(p.relative_to(site).parts))
    )
