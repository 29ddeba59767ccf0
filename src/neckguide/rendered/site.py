"""The built site as the rendered check sees it: its pages, their ids, where each came from,
and how an address written in a page (relative, site-absolute or the full public address)
maps to a file of the build.

>>> import tempfile
>>> root = Path(tempfile.mkdtemp())
>>> (root / "topics").mkdir()
>>> _ = (root / "topics" / "faq.html").write_text('<h1 id="faq">FAQ</h1>', encoding="utf-8")
>>> site = BuiltSite(root, "https://guide.example.org/en/latest/")
>>> site.target("topics/faq.html", "../index.html#top")
Target(path='index.html', fragment='top', outside=False)
>>> site.target("index.html", "/en/latest/topics/faq.html#faq")
Target(path='topics/faq.html', fragment='faq', outside=False)
>>> site.target("index.html", "https://guide.example.org/en/latest/topics/")
Target(path='topics/index.html', fragment='', outside=False)
>>> site.target("index.html", "/somewhere/else.html").outside
True
>>> site.target("index.html", "https://www.nhs.uk/") is None  # another site: not ours to check
True
>>> sorted(site.ids("topics/faq.html"))
['faq']
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from neckguide.checks import Problem
from neckguide.paths import ROOT

#: Schemes that are not addresses of pages.
NOT_PAGES = ("mailto:", "tel:", "javascript:", "data:", "blob:")
#: Built folders that hold no pages of the guide (Sphinx's own copies and assets).
NOT_CONTENT = ("_static", "_sources", "_images", "_downloads")


@dataclass(frozen=True)
class Target:
    """Where an address leads in the build: a file (relative to the site) and a fragment;
    ``outside`` when it is a site-absolute address outside the published path."""

    path: str
    fragment: str
    outside: bool = False


@dataclass(frozen=True)
class BuiltSite:
    """A built site (``docs/_build/html``) published at ``baseurl``; ``docs`` is the source
    folder its pages came from (to name the file and line a writer can fix)."""

    root: Path
    baseurl: str
    docs: Path = ROOT / "docs"
    project: Path = ROOT

    @property
    def prefix(self) -> str:
        """The path the site is published under: ``/en/latest/``."""
        return urlsplit(self.baseurl).path or "/"

    def pages(self) -> list[str]:
        """Every built HTML page, relative to the site (``topics/faq.html``)."""
        return sorted(
            path.relative_to(self.root).as_posix()
            for path in self.root.rglob("*.html")
            if path.relative_to(self.root).parts[0] not in NOT_CONTENT
        )

    def pdfs(self) -> list[str]:
        """Every PDF of the build (the handouts), relative to the site."""
        return sorted(path.relative_to(self.root).as_posix() for path in self.root.rglob("*.pdf"))

    @functools.cache  # noqa: B019  (a site is checked once, then dropped)
    def soup(self, page: str) -> BeautifulSoup:
        return BeautifulSoup((self.root / page).read_text(encoding="utf-8"), "html.parser")

    @functools.cache  # noqa: B019
    def ids(self, page: str) -> frozenset[str]:
        """Every fragment a link may point at in ``page``: its ids and ``<a name>``s."""
        soup = self.soup(page)
        found = {tag["id"] for tag in soup.find_all(id=True)}
        found |= {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
        return frozenset(found)

    def target(self, page: str, href: str) -> Target | None:
        """Where ``href``, written in ``page``, leads in this build (None: not here)."""
        if href.startswith(NOT_PAGES) or href.startswith("//"):
            return None
        parts = urlsplit(href)
        fragment = unquote(parts.fragment)
        if parts.scheme or parts.netloc:
            if not href.startswith(self.baseurl):
                return None
            path = "/" + href[len(self.baseurl) :].split("#", 1)[0].split("?", 1)[0]
            path = self.prefix + path.lstrip("/")
        else:
            path = unquote(parts.path)
        if path.startswith("/"):
            if not path.startswith(self.prefix):
                return Target(path, fragment, outside=True)
            resolved = path[len(self.prefix) :]
        elif path:
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
            if path.endswith("/"):
                resolved += "/"
        else:
            resolved = page
        if resolved in ("", ".", "./") or resolved.endswith("/"):
            resolved = posixpath.join(resolved.rstrip("/").lstrip("."), "index.html").lstrip("/")
        elif (self.root / resolved).is_dir():
            resolved = posixpath.join(resolved, "index.html")
        return Target(resolved, fragment)

    def exists(self, path: str) -> bool:
        return not path.startswith("..") and (self.root / path).is_file()

    # -- Naming what to fix -------------------------------------------------------------------

    def source_of(self, page: str) -> Path | None:
        """The page's source file (``topics/faq.html`` → ``docs/topics/faq.md``), if any."""
        for suffix in (".md", ".rst"):
            source = self.docs / Path(page).with_suffix(suffix)
            if source.is_file():
                return source
        if page == "404.html":  # made from notfound_context in conf.py
            return self.docs / "conf.py"
        return None

    def problem(self, built: str, snippet: str, message: str) -> Problem:
        """A problem in the built file ``built``: named at the line of its source that holds
        ``snippet`` (the first line, if none does), or at the built file."""
        stem = Path(built).stem.removesuffix("-large-print")
        source = self.source_of(built) or self.source_of(f"topics/{stem}.html")
        if source is None:
            return Problem(self.shown(self.root / built), 1, message)
        return Problem(self.shown(source), line_holding(source, snippet), message)

    def shown(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.project.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


def line_holding(source: Path, snippet: str) -> int:
    """The first line of ``source`` that holds ``snippet`` (or its longest word), else 1."""
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    words = sorted(re.findall(r"[\w:{}`<>/-]{3,}", snippet), key=len, reverse=True)
    for needle in [snippet.strip(), *words[:1]]:
        if not needle:
            continue
        for number, line in enumerate(lines, start=1):
            if needle in line:
                return number
    return 1
