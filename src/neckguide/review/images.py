"""The review's pictures: before/after PNGs of each handout page that changed (poppler's
pdftoppm; a page is the same when its PNG is), and screenshots of each changed web page on a
laptop in light and dark mode and on a 360 px phone (Chromium)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

#: Handout pages drawn at this resolution: readable, and small enough for an artifact.
DPI = 50
#: At most this many changed pages of one PDF get pictures (a booklet's pages shift).
MOST_PAGES = 8
SHOTS = (("laptop-light", "light", "LAPTOP"), ("laptop-dark", "dark", "LAPTOP"), ("phone", "light", "PHONE"))  # fmt: skip


@dataclass(frozen=True)
class PagePictures:
    """One handout page that changed: its number and its PNGs (None: no such page)."""

    file: str
    page: int
    before: Path | None
    after: Path | None


def _pages(pdf: Path, folder: Path) -> list[Path]:
    """A PNG of each page of ``pdf`` in ``folder`` (none when there is no PDF)."""
    if not pdf.is_file():
        return []
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(DPI), str(pdf), str(folder / "page")],
        check=True,
        timeout=300,
    )
    return sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def handout_pages(before: Path, after: Path, out: Path) -> tuple[list[PagePictures], int]:
    """The pages of a handout that differ between two PDFs, as PNGs in ``out``; and how many
    more differ than were drawn."""
    if shutil.which("pdftoppm") is None:
        return [], 0
    out.mkdir(parents=True, exist_ok=True)
    stem = after.stem if after.is_file() else before.stem
    with tempfile.TemporaryDirectory() as tmp:
        old_dir, new_dir = Path(tmp, "before"), Path(tmp, "after")
        old_dir.mkdir()
        new_dir.mkdir()
        old, new = _pages(before, old_dir), _pages(after, new_dir)
        found, more = [], 0
        for number in range(1, max(len(old), len(new)) + 1):
            a = old[number - 1] if number <= len(old) else None
            b = new[number - 1] if number <= len(new) else None
            if a and b and a.read_bytes() == b.read_bytes():
                continue
            if len(found) >= MOST_PAGES:
                more += 1
                continue
            kept = []
            for picture, when in ((a, "before"), (b, "after")):
                if picture is None:
                    kept.append(None)
                    continue
                target = out / f"{stem}-page{number}-{when}.png"
                shutil.copy(picture, target)
                kept.append(target)
            found.append(PagePictures(after.name, number, kept[0], kept[1]))
    return found, more


def screenshots(site: Path, prefix: str, pages: list[str], out: Path) -> dict[str, list[Path]]:
    """Full-page screenshots of each built page (``topics/faq.html``) of ``site``, served
    under ``prefix``: laptop light, laptop dark, phone. Empty when Chromium is missing."""
    from neckguide.rendered import browser

    if not pages or not browser.CHROMIUM.is_file():
        return {}
    out.mkdir(parents=True, exist_ok=True)
    shots: dict[str, list[Path]] = {page: [] for page in pages}
    with browser.served(site, prefix) as base, browser.chromium() as chromium:
        for name, mode, size in SHOTS:
            options = {**getattr(browser, size), "device_scale_factor": 1}  # smaller files
            context = browser.context(chromium, mode, **options)
            tab = context.new_page()
            try:
                for page in pages:
                    tab.goto(base + page)
                    tab.evaluate("async () => { await document.fonts.ready; }")
                    target = (
                        out
                        / f"{Path(page).with_suffix('').as_posix().replace('/', '-')}-{name}.png"
                    )
                    tab.screenshot(path=str(target), full_page=True)
                    shots[page].append(target)
            finally:
                context.close()
    return shots
