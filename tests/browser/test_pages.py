"""Every page in a real browser: nothing fetched from other hosts, readable on a phone,
complete on paper."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

# What "navigation" means on paper: furo's sidebar, header, page-top buttons, footer links.
NAVIGATION = [
    ".sidebar-drawer",
    ".toc-drawer",
    ".mobile-header",
    ".skip-to-content",
    ".theme-toggle-container",
    ".back-to-top",
    ".related-pages",
]


def test_every_page_is_tested(site: Path, tested_pages: list[str], not_content: set[str]) -> None:
    built = {
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if not any(part.startswith("_") for part in p.relative_to(site).parts)
    }
    assert built - not_content == set(tested_pages), (
        "the browser tests' page list (conftest.content_pages) and the built site differ"
    )


def test_no_request_leaves_the_local_server(desktop, page_path: str) -> None:
    page = desktop.visit(page_path)
    assert page.requests, "no request was recorded"
    origin = desktop.base.split("/en/latest/")[0] + "/"
    offsite = [u for u in page.requests if not u.startswith((origin, "data:", "blob:"))]
    assert not offsite, f"{page_path} asks other hosts for: {offsite}"


# Measured with every dropdown open and every tab panel shown, so hidden content counts too.
_PHONE_CHECK = """
async () => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const style = document.createElement('style');
  style.textContent = '.sd-tab-set > .sd-tab-content { display: block !important; }';
  document.head.append(style);
  await new Promise(requestAnimationFrame);
  const vw = window.innerWidth;
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (el.classList.length ? '.' + [...el.classList].join('.') : '');
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const width = el.getBoundingClientRect().width;
    if (width > vw + 0.5 && el.checkVisibility()) wide.push(`${name(el)}: ${Math.round(width)} px`);
  }
  const small = [];
  for (const p of document.querySelectorAll('article p')) {
    const size = parseFloat(getComputedStyle(p).fontSize);
    if (size < 16) small.push(`${size} px: ${p.textContent.trim().slice(0, 60)}`);
  }
  return {vw, scrollWidth: document.scrollingElement.scrollWidth, wide, small,
          paragraphs: document.querySelectorAll('article p').length};
}
"""


def test_phone_no_sideways_scrolling_and_large_text(phone, page_path: str) -> None:
    result = phone.visit(page_path).evaluate(_PHONE_CHECK)
    width = phone.viewport["width"]
    assert result["vw"] == width
    assert result["scrollWidth"] <= width, (
        f"{page_path} scrolls sideways at {width} px: {result['scrollWidth']} px wide; "
        f"wider than the screen: {result['wide'][:10]}"
    )
    assert not result["wide"], f"{page_path}: wider than the screen: {result['wide'][:10]}"
    assert result["paragraphs"], f"{page_path} has no paragraphs"
    assert not result["small"], f"{page_path}: body text under 16 px: {result['small'][:5]}"


_FOLD_CHECK = """() => {
  const box = document.querySelector('article .key-message');
  if (!box) return null;
  return Math.ceil(box.getBoundingClientRect().bottom + window.scrollY);
}"""


def test_phone_shows_the_main_message_without_scrolling(phone, page_path: str) -> None:
    """CDC Clear Communication Index items 2 and 10: the main message ("What you need to
    know") on the first screen of a 360 x 740 phone, with the title and summary above it."""
    bottom = phone.visit(page_path).evaluate(_FOLD_CHECK)
    if bottom is None:
        pytest.skip(f"{page_path} has no key message")
    height = phone.viewport["height"]
    assert bottom <= height, (
        f"{page_path}: 'What you need to know' ends {bottom} px down, below the first screen "
        f"({height} px); shorten the title, the summary or the key_message"
    )


def test_fold_check_sees_a_message_below_the_first_screen(phone) -> None:
    """The check fails for a key message pushed below the first screen."""
    page = phone.open("index.html")
    try:
        assert page.evaluate(_FOLD_CHECK) <= phone.viewport["height"]
        page.evaluate(
            "() => { const s = document.createElement('div'); s.style.height = '900px';"
            " const box = document.querySelector('article .key-message');"
            " box.parentNode.insertBefore(s, box); }"
        )
        assert page.evaluate(_FOLD_CHECK) > phone.viewport["height"]
    finally:
        page.close()


# Tablets and laptops, one width between each two of furo's layout breakpoints (48em, 63em,
# 67em, 82em, 97em, in 16 px ems); the guide's type is larger than furo's, its columns not.
WIDTHS = [800, 1024, 1100, 1366, 1600]


def test_no_sideways_scrolling_at_common_screen_widths(desktop, page_path: str) -> None:
    page = desktop.visit(page_path)
    wider = {}
    try:
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": desktop.viewport["height"]})
            scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
            if scroll_width > width:
                wider[width] = scroll_width
    finally:
        page.set_viewport_size(desktop.viewport)
    assert not wider, f"{page_path} scrolls sideways (screen width: page width): {wider}"


_PRINT_CHECK = """
navigation => {
  const shown = el => el.checkVisibility({visibilityProperty: true, opacityProperty: true})
    && el.getBoundingClientRect().height > 0;
  const text = el => el.textContent.trim().replace(/\\s+/g, ' ').slice(0, 50);
  const hiddenPanels = [...document.querySelectorAll('.sd-tab-set > .sd-tab-content')]
    .filter(el => !shown(el)).map(text);
  const hiddenLabels = [...document.querySelectorAll('.sd-tab-set > label')]
    .filter(el => !shown(el)).map(text);
  const hiddenBodies = [...document.querySelectorAll('details')]
    .flatMap(d => [...d.children].filter(c => c.tagName !== 'SUMMARY'))
    .filter(el => !shown(el)).map(text);
  const shownNavigation = navigation
    .flatMap(sel => [...document.querySelectorAll(sel)].filter(shown).map(() => sel));
  return {
    printMedia: matchMedia('print').matches,
    panels: document.querySelectorAll('.sd-tab-content').length,
    dropdowns: document.querySelectorAll('details').length,
    hiddenPanels, hiddenLabels, hiddenBodies, shownNavigation,
  };
}
"""


def test_print_shows_every_panel_and_no_navigation(printed, page_path: str) -> None:
    result = printed.visit(page_path).evaluate(_PRINT_CHECK, NAVIGATION)
    assert result["printMedia"], "print media was not emulated"
    assert not result["hiddenPanels"], f"{page_path}: tab panels missing on paper"
    assert not result["hiddenLabels"], f"{page_path}: tab labels missing on paper"
    assert not result["hiddenBodies"], f"{page_path}: dropdown bodies missing on paper"
    assert not result["shownNavigation"], f"{page_path}: navigation printed"


def test_print_check_sees_tabs_and_dropdowns(printed) -> None:
    """The pages with tabs and dropdowns have them (else the print test checks nothing)."""
    tabs = printed.visit("topics/treatments-compared.html").evaluate(_PRINT_CHECK, NAVIGATION)
    assert tabs["panels"] >= 2
    faq = printed.visit("topics/faq.html").evaluate(_PRINT_CHECK, NAVIGATION)
    assert faq["dropdowns"] >= 2
