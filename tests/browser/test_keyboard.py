"""Keyboard use: skip link, the comparison tabs and the FAQ dropdowns, with focus you can see."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

MAX_TABS = 150  # Tab presses allowed to reach a control from the top of a page

# The focus ring drawn for an element: its outline or box-shadow (or, for a tab's hidden
# radio button, its label's).
_RING = """
el => {
  const ring = e => {
    const s = getComputedStyle(e);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
      ? `${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}` : null;
    const shadow = s.boxShadow !== 'none' ? s.boxShadow : null;
    return outline || shadow;
  };
  const shown = el.matches('.sd-tab-set > input') ? el.nextElementSibling : el;
  return ring(shown);
}
"""


def _active(page: Any, selector: str) -> bool:
    return page.evaluate("s => document.activeElement.matches(s)", selector)


def _tab_to(page: Any, selector: str) -> int:
    """Press Tab until the focused element matches ``selector``; returns the presses."""
    for presses in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        if _active(page, selector):
            return presses
    pytest.fail(f"{selector} was not reached with {MAX_TABS} presses of Tab")


def _focus_ring(page: Any) -> str | None:
    page.evaluate("document.getAnimations().forEach(a => a.finish())")
    return page.evaluate_handle("document.activeElement").evaluate(_RING)


@pytest.mark.parametrize("path", ["index.html", "topics/faq.html"])
def test_skip_link_is_first_and_jumps_to_the_content(open_page, path: str) -> None:
    page = open_page(path)
    page.keyboard.press("Tab")
    assert _active(page, "a.skip-to-content"), "the first Tab does not reach 'Skip to content'"
    assert _focus_ring(page), "the focused skip link shows no focus ring"
    box = page.locator("a.skip-to-content").bounding_box()
    assert box and box["y"] >= 0 and box["height"] > 0, "the focused skip link is off screen"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#furo-main-content"
    top = page.evaluate("document.getElementById('furo-main-content').getBoundingClientRect().top")
    assert top < page.viewport_size["height"] / 2, "the content was not scrolled into view"
    page.keyboard.press("Tab")
    assert page.evaluate(
        "document.getElementById('furo-main-content').contains(document.activeElement)"
    ), "after the skip link, Tab does not continue inside the main content"


_TAB_STATE = """
() => [...document.querySelectorAll('.sd-tab-set > input')].map(input => ({
  label: input.nextElementSibling.textContent.trim(),
  checked: input.checked,
  focused: input === document.activeElement,
  panelShown: input.nextElementSibling.nextElementSibling.checkVisibility(),
}))
"""


def test_comparison_tabs_work_from_the_keyboard(open_page) -> None:
    page = open_page("topics/treatments-compared.html")
    tabs = page.evaluate(_TAB_STATE)
    labels = [t["label"] for t in tabs]
    assert "Medical treatment" in labels and "Lifestyle changes" in labels, labels
    first, second = labels.index("Medical treatment"), labels.index("Lifestyle changes")

    _tab_to(page, ".sd-tab-set > input")
    tabs = page.evaluate(_TAB_STATE)
    assert tabs[first]["focused"] and tabs[first]["checked"] and tabs[first]["panelShown"]
    assert not tabs[second]["panelShown"]
    assert _focus_ring(page), "the focused tab shows no focus ring"

    page.keyboard.press("ArrowRight")
    tabs = page.evaluate(_TAB_STATE)
    assert tabs[second]["focused"] and tabs[second]["checked"], "ArrowRight did not switch tabs"
    assert tabs[second]["panelShown"] and not tabs[first]["panelShown"]
    assert _focus_ring(page), "the focused tab shows no focus ring"

    page.keyboard.press("ArrowLeft")
    tabs = page.evaluate(_TAB_STATE)
    assert tabs[first]["checked"] and tabs[first]["panelShown"], "ArrowLeft did not switch back"
    assert not tabs[second]["panelShown"]


def _dropdown(page: Any) -> dict[str, Any]:
    return page.evaluate(
        """() => {
          const d = document.activeElement.closest('details');
          const body = [...d.children].find(c => c.tagName !== 'SUMMARY');
          return {id: d.id, open: d.open, bodyShown: body.checkVisibility()};
        }"""
    )


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_faq_dropdowns_open_with_the_keyboard(open_page, key: str) -> None:
    page = open_page("topics/faq.html")
    assert page.locator("article details").count() >= 2, "the FAQ has no dropdowns"
    _tab_to(page, "article details > summary")
    first = _dropdown(page)
    assert not first["open"] and not first["bodyShown"]
    assert _focus_ring(page), "the focused question shows no focus ring"

    page.keyboard.press(key)
    assert _dropdown(page) == {**first, "open": True, "bodyShown": True}, f"{key} did not open it"
    page.keyboard.press(key)
    assert _dropdown(page) == first, f"{key} did not close it again"

    _tab_to(page, "article details > summary")  # the next question, after the closed answer
    second = _dropdown(page)
    assert second["id"] != first["id"]
    page.keyboard.press(key)
    assert _dropdown(page)["open"], f"{key} did not open the second question"
