"""Browser fixtures: the built site on a local HTTP server, one headless Chromium, pages.

The site comes from the shared ``site`` fixture (built once per run, never again here). It is
served from a thread on 127.0.0.1, under ``/en/latest/`` like the published site, so the 404
page's absolute links work too. One browser serves the whole session; each colour mode gets
one context. Every request is recorded (``page.requests``, ``Site.requests``) for the privacy
test; Chromium cannot resolve any host name, so no test ever reaches another server.

Debian's ``chromium`` drives the tests (Playwright's own browser download does not work
offline). When it is missing the tests skip, or fail when ``CI=true``.
"""

from __future__ import annotations

import functools
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from neckguide.paths import DOCS
from neckguide.rendered.browser import SiteHandler

CHROMIUM = Path(os.environ.get("GUIDE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # No host name resolves: a request meant for another server fails at once, at no cost
    # to the local ones (routing every request through Playwright doubles page loads).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}
MODES = ["light", "dark"]
AXE = Path(__file__).parent / "vendor" / "axe.min.js"

# Built pages that are not content: no test needs them.
NOT_CONTENT = {"search.html", "genindex.html"}


def content_pages() -> list[str]:
    """Every content page, as a path relative to the site root (e.g. ``topics/faq.html``).

    Taken from the sources (so tests can be parametrized before the site is built), plus
    the 404 page; ``test_every_page_is_tested`` checks this against the built site.
    """
    pages = {"404.html"}
    for src in DOCS.rglob("*.md"):
        rel = src.relative_to(DOCS)
        if rel.parts[0].startswith(("_", ".")) or rel.name == "README.md":
            continue
        pages.add(rel.with_suffix(".html").as_posix())
    return sorted(pages)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """``page_path``: every content page; ``mode``: light and dark."""
    if "page_path" in metafunc.fixturenames:
        paths = content_pages()
        metafunc.parametrize("page_path", paths, ids=[p.removesuffix(".html") for p in paths])
    if "mode" in metafunc.fixturenames:
        metafunc.parametrize("mode", MODES, scope="session")


@pytest.fixture(scope="session")
def tested_pages() -> list[str]:
    """The pages every per-page browser test runs on."""
    return content_pages()


@pytest.fixture(scope="session")
def not_content() -> set[str]:
    """Built pages left out on purpose."""
    return set(NOT_CONTENT)


# -- Timing: print how long the browser tests took ------------------------------------------

_timing = {"tests": 0, "seconds": 0.0, "launch": 0.0, "build": 0.0}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if "browser" in report.keywords:
        _timing["seconds"] += report.duration
        if report.when == "call":
            _timing["tests"] += 1


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _timing["tests"]:
        build = _timing["build"]  # the site build, when a browser test started it
        build_note = f", site build {build:.1f} s not counted" if build >= 1 else ""
        terminalreporter.write_line(
            f"browser tests: {_timing['tests']:.0f} tests in "
            f"{_timing['seconds'] - build:.1f} s "
            f"(Chromium start {_timing['launch']:.1f} s{build_note})"
        )


# -- The local server -----------------------------------------------------------------------


@pytest.fixture(scope="session")
def server(site: Path, conf: dict[str, Any]) -> Iterator[str]:
    """Base URL of the built site served from 127.0.0.1 on a free port (ends with ``/``),
    under the path it is published at (``html_baseurl``'s, as the 404 page's links expect)."""
    prefix = urlsplit(conf["html_baseurl"]).path
    handler = functools.partial(SiteHandler, directory=str(site), prefix=prefix)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


# -- The browser ----------------------------------------------------------------------------


def _no_browser(why: str) -> None:
    message = (
        f"{why}: the browser tests need Debian's Chromium at {CHROMIUM}. "
        "Install it with `sudo apt-get install chromium` (or set GUIDE_CHROMIUM to another "
        "Chromium binary)."
    )
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " CI=true: failing instead of skipping.", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser(request: pytest.FixtureRequest) -> Iterator[Any]:
    """One headless Chromium for the whole session."""
    if not CHROMIUM.is_file():
        _no_browser("Chromium is missing")
    # Build and serve the site first: Sphinx's parallel build forks, and a fork after
    # Playwright has started its threads can deadlock. (The build is not browser time.)
    started = time.perf_counter()
    request.getfixturevalue("server")
    _timing["build"] = time.perf_counter() - started
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test group installs it
        _no_browser("the playwright package is missing (install the `test` dependency group)")
    started = time.perf_counter()
    pw = sync_playwright().start()
    try:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
    except Exception as error:
        pw.stop()
        _no_browser(f"Chromium did not start ({error})")
    _timing["launch"] = time.perf_counter() - started
    try:
        yield browser
    finally:
        browser.close()
        pw.stop()


@dataclass
class Site:
    """A browser context on the local site: opens pages and records every request.

    ``requests`` holds every URL the context asked for; each page also has
    ``page.requests``, the URLs of its latest load.
    """

    context: Any
    base: str
    mode: str
    media: str | None = None  # e.g. "print": emulated on every page
    viewport: dict[str, int] = field(default_factory=lambda: dict(DESKTOP))
    requests: list[str] = field(default_factory=list)
    _tab: Any = None

    def url(self, path: str) -> str:
        return self.base + path

    def _new_page(self) -> Any:
        page = self.context.new_page()
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        if self.media:
            page.emulate_media(media=self.media)
        return page

    def _load(self, page: Any, path: str, wait_until: str) -> Any:
        page.requests = []
        response = page.goto(self.url(path), wait_until=wait_until)
        assert response is not None, f"{path}: no response"
        assert response.ok, f"{path}: HTTP {response.status} (is it in the built site?)"
        # Fonts loaded, CSS transitions (theme, skip link) finished: checks see the final page.
        page.evaluate(
            "async () => { await document.fonts.ready;"
            " document.getAnimations().forEach(a => a.finish()); }"
        )
        return page

    def open(self, path: str, wait_until: str = "load") -> Any:
        """A new page showing ``path`` (close it when done)."""
        return self._load(self._new_page(), path, wait_until)

    def visit(self, path: str, wait_until: str = "load") -> Any:
        """Show ``path`` in this context's one reused tab (faster than a new page each time)."""
        if self._tab is None or self._tab.is_closed():
            self._tab = self._new_page()
        return self._load(self._tab, path, wait_until)


def _make_site(
    browser: Any, base: str, mode: str, media: str | None = None, **options: Any
) -> Site:
    context = browser.new_context(color_scheme=mode, **options)
    # furo reads the chosen theme from localStorage before it paints.
    context.add_init_script(f"try {{ localStorage.setItem('theme', '{mode}'); }} catch (e) {{}}")
    site = Site(context, base, mode, media, dict(options.get("viewport", DESKTOP)))
    context.on("request", lambda request: site.requests.append(request.url))
    return site


@pytest.fixture(scope="session")
def themed(browser: Any, server: str, mode: str) -> Iterator[Site]:
    """A desktop-sized context in colour ``mode`` (light or dark), with axe-core loaded.

    axe (vendor/axe.min.js) comes in as an init script: sent to the browser once, not
    with every page.
    """
    site = _make_site(browser, server, mode, viewport=DESKTOP)
    site.context.add_init_script(path=str(AXE))
    yield site
    site.context.close()


@pytest.fixture(scope="session")
def desktop(browser: Any, server: str) -> Iterator[Site]:
    """A desktop-sized context in light mode."""
    site = _make_site(browser, server, "light", viewport=DESKTOP)
    yield site
    site.context.close()


@pytest.fixture(scope="session")
def printed(browser: Any, server: str) -> Iterator[Site]:
    """A desktop-sized context with print media emulated (what the browser's Print shows)."""
    site = _make_site(browser, server, "light", media="print", viewport=DESKTOP)
    yield site
    site.context.close()


@pytest.fixture(scope="session")
def phone(browser: Any, server: str) -> Iterator[Site]:
    """A 360 px wide phone (mobile viewport, touch), light mode."""
    site = _make_site(
        browser,
        server,
        "light",
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    yield site
    site.context.close()


@pytest.fixture
def open_page(desktop: Site) -> Iterator[Callable[..., Any]]:
    """Open pages in the light desktop context; every page opened is closed afterwards."""
    pages: list[Any] = []

    def _open(path: str, **kwargs: Any) -> Any:
        page = desktop.open(path, **kwargs)
        pages.append(page)
        return page

    yield _open
    for page in pages:
        page.close()


@pytest.fixture
def page(open_page: Callable[..., Any], page_path: str) -> Any:
    """The page ``page_path`` open in the light desktop context."""
    return open_page(page_path)
