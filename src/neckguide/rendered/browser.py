"""A built site on a local server, and a headless Chromium to look at it with.

The site is served from 127.0.0.1 under the path it is published at (``/en/latest/``), so
site-absolute addresses (the 404 page's) work as they do online. Chromium is Debian's
(``/usr/bin/chromium``, or ``GUIDE_CHROMIUM``), driven by Playwright; no host name resolves
in it, so nothing is fetched from another server.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CHROMIUM = Path(os.environ.get("GUIDE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
LAPTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves a built site under ``prefix`` (``/en/latest/``), quietly."""

    def __init__(self, *args: Any, prefix: str, **kwargs: Any) -> None:
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        if path.startswith(self.prefix):
            path = "/" + path[len(self.prefix) :]
        return super().translate_path(path)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def served(folder: Path, prefix: str) -> Iterator[str]:
    """``folder`` served on a free port of 127.0.0.1; yields its address (ends with ``/``)."""
    handler = functools.partial(SiteHandler, directory=str(folder), prefix=prefix)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium (raises RuntimeError when there is none to start)."""
    if not CHROMIUM.is_file():
        raise RuntimeError(
            f"Chromium is missing at {CHROMIUM}: install it (`sudo apt-get install chromium`)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def context(browser: Any, mode: str = "light", **options: Any) -> Any:
    """A browser context in colour ``mode`` (furo reads it from localStorage first)."""
    made = browser.new_context(color_scheme=mode, **options)
    made.add_init_script(f"try {{ localStorage.setItem('theme', '{mode}'); }} catch (e) {{}}")
    return made
