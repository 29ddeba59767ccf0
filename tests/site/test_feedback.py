"""Feedback from readers: every page and handout says how to report a mistake or ask about
the page: on the web a link opening a GitHub issue prefilled with the page (the issue form
in .github/ISSUE_TEMPLATE/), on paper the short address and the page's name."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from neckguide.paths import ROOT
from neckguide.sphinx_ext.feedback import FORM, short_address
from tests.handouts.pdf import TOPICS, pdf_text, squash
from tests.site.test_pages import content_pages


def test_the_issue_form_has_the_field_the_links_fill_in() -> None:
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / FORM).read_text())
    fields = {item.get("id") for item in form["body"]}
    assert {"page", "kind", "details"} <= fields
    assert "do not write your own medical details" in " ".join(
        form["body"][0]["attributes"]["value"].split()
    )


def test_every_page_links_to_a_prefilled_issue_about_itself(
    site: Path, conf: dict[str, Any]
) -> None:
    repository = conf["neckguide_repository"]
    pages = [p for p in content_pages(site) if p.name != "404.html"]
    assert len(pages) > 10
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        link = soup.select_one("aside.page-info p.page-feedback a[href]")
        assert link is not None, f"{page.name} has no feedback link"
        address = urlsplit(link["href"])
        assert f"{address.scheme}://{address.netloc}{address.path}" == f"{repository}/issues/new"
        query = parse_qs(address.query)
        canonical = soup.find("link", rel="canonical")["href"]
        assert query["template"] == [FORM] and query["page"] == [canonical], page.name
        title = soup.find("h1").get_text().rstrip("#").strip()
        assert query["title"] == [f"Page: {title}"], page.name


@pytest.mark.parametrize("topic", TOPICS)
def test_every_handout_gives_the_short_address_and_the_page(
    handouts: Path, site: Path, conf: dict[str, Any], topic: str
) -> None:
    text = squash(pdf_text(handouts / f"{topic}.pdf"))
    title = BeautifulSoup((site / "topics" / f"{topic}.html").read_text(), "html.parser")
    name = title.find("h1").get_text().rstrip("#").strip()
    assert squash(f"go to {short_address(conf['neckguide_repository'])}") in text, topic
    assert squash(f"name the page “{name}”") in text, topic
