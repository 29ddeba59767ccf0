"""The home page's cards: each opens its own page, and a second page a card names is a
link in its text that opens that page (not the card's)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_each_card_opens_its_page_and_a_link_in_its_text_opens_the_second(open_page: Any) -> None:
    page = open_page("index.html")
    cards = page.locator(".sd-card")
    assert cards.count() >= 4, "the home page has no cards"
    for index in range(cards.count()):
        card = cards.nth(index)
        links = card.locator("a.sd-stretched-link")
        assert links.count() == 1, f"card {index + 1} has {links.count()} links of its own"
        assert links.first.get_attribute("href").startswith("topics/")
    second = page.get_by_role("link", name="how to take them safely")
    with page.expect_navigation():
        second.click()
    assert page.url.endswith("/topics/taking-medicines-safely.html"), page.url
    page.go_back()
    with page.expect_navigation():
        page.locator(".sd-card", has_text="Medicines that protect").click(
            position={"x": 20, "y": 20}
        )
    assert page.url.endswith("/topics/medicines.html"), page.url
