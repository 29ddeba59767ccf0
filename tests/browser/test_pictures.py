"""Every picture's labels, measured in Chromium (neckguide.rendered.pictures): inside the
picture on a laptop and a phone, and at least 11 px tall on a 360 px phone. Each rule is
first shown catching a bad picture (a tiny site made here), then run on every page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from neckguide.rendered import pictures
from neckguide.rendered.browser import served
from neckguide.rendered.site import BuiltSite

pytestmark = pytest.mark.browser

LABELS = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} 100" role="img">
<title>{title}</title><rect width="{width}" height="100" fill="#eee"/>
<text x="{x}" y="40" font-size="{size}">Slide your head straight back</text>
<text x="10" y="80" font-size="{size}">Start</text></svg>"""
PAGE = """<!DOCTYPE html><html lang="en"><head><meta name="viewport"
content="width=device-width, initial-scale=1"><style>body {{ margin: 16px; }}</style></head>
<body><article>{body}</article></body></html>"""


@pytest.fixture
def tiny(tmp_path: Path) -> Iterator[tuple[BuiltSite, str]]:
    """An empty built site (pages are written by each test), served like the real one."""
    (tmp_path / "docs").mkdir()
    site = BuiltSite(tmp_path / "html", "https://guide.example.org/en/latest/", tmp_path / "docs")
    site.root.mkdir()
    with served(site.root, site.prefix) as base:
        yield site, base


def check(site: BuiltSite, base: str, context: Any, body: str, *, phone: bool) -> list[str]:
    (site.root / "page.html").write_text(PAGE.format(body=body), encoding="utf-8")
    tab = context.new_page()
    try:
        tab.goto(base + "page.html")
        return [str(p) for p in pictures.page_problems(site, "page.html", tab, {}, phone=phone)]
    finally:
        tab.close()


def test_a_label_cut_off_at_the_edge_is_found(tiny: tuple[BuiltSite, str], desktop: Any) -> None:
    site, base = tiny
    svg = LABELS.format(width=200, title="Chin tuck", x=-8, size=16)
    found = check(site, base, desktop.context, f"<figure>{svg}</figure>", phone=False)
    assert any(
        "in the picture Chin tuck, “Slide your head straight back” is cut off at the left edge "
        "(by 8 units) (on a laptop)" in problem
        for problem in found
    ), found
    assert any("cut off at the right edge" in problem for problem in found), found


def test_small_labels_on_a_phone_are_found_inline_and_in_img(
    tiny: tuple[BuiltSite, str], phone: Any
) -> None:
    site, base = tiny
    # 640 units drawn 328 px wide: 12-unit labels come out about 6 px tall.
    (site.root / "wide.svg").write_text(LABELS.format(width=640, title="Wide", x=10, size=12))
    body = (
        LABELS.format(width=640, title="Inline scale", x=10, size=12)
        + '<img src="wide.svg" alt="A wide picture" style="width: 100%">'
    )
    found = check(site, base, phone.context, body, phone=True)
    small = [problem for problem in found if "on a 360 px phone the labels of" in problem]
    assert len(small) == 2, found
    assert (
        "the labels of Inline scale are 6.1 px tall (“Slide your head straight back”)" in (small[0])
    ), small
    assert "the labels of wide.svg are 6.1 px tall" in small[1], small


def test_large_enough_labels_pass(tiny: tuple[BuiltSite, str], phone: Any) -> None:
    site, base = tiny
    (site.root / "narrow.svg").write_text(LABELS.format(width=320, title="Narrow", x=10, size=14))
    body = '<img src="narrow.svg" alt="A narrow picture" style="width: 100%">'
    assert check(site, base, phone.context, body, phone=True) == []


def test_hidden_pictures_are_measured_too(tiny: tuple[BuiltSite, str], phone: Any) -> None:
    """A picture in a closed dropdown still reaches readers who open it."""
    site, base = tiny
    svg = LABELS.format(width=640, title="In a dropdown", x=10, size=12)
    body = f"<details><summary>Open me</summary>{svg}</details>"
    found = check(site, base, phone.context, body, phone=True)
    assert any("the labels of In a dropdown are" in problem for problem in found), found


def test_a_page_wider_than_a_phone_is_found(tiny: tuple[BuiltSite, str], phone: Any) -> None:
    site, base = tiny
    found = check(site, base, phone.context, '<p style="width: 500px">Wide</p>', phone=True)
    assert any("page.html scrolls sideways on a 360 px phone" in problem for problem in found)


# -- Every page of the guide ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(site: Path, conf: dict[str, Any]) -> BuiltSite:
    return BuiltSite(site, conf["html_baseurl"])


_measured: dict[str, Any] = {}  # each SVG file measured once for the whole run


def test_every_picture_is_whole_and_readable_on_a_phone(
    built: BuiltSite, phone: Any, page_path: str
) -> None:
    found = pictures.page_problems(built, page_path, phone.visit(page_path), _measured, phone=True)
    assert not found, "\n".join(map(str, found))


def test_every_picture_is_whole_on_a_laptop(built: BuiltSite, desktop: Any, page_path: str) -> None:
    page = desktop.visit(page_path)
    found = pictures.page_problems(built, page_path, page, _measured, phone=False)
    assert not found, "\n".join(map(str, found))
