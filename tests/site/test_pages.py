"""What a reader of the website needs: every topic reachable, tabs and FAQs complete,
glossary links that work, the disclaimer and review date everywhere, nothing from other hosts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from neckguide.paths import DOCS

TOPIC_SOURCES = sorted(p.stem for p in (DOCS / "topics").glob("*.md"))
COMPARISON_QUESTIONS = [
    "What is the main goal?",
    "How fast does it work?",
    "How much effort does it take?",
    "What are the side effects?",
    "How easy is it to get, and what does it cost?",
]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content_pages(site: Path) -> list[Path]:
    """Every page a reader can land on (not Sphinx's search and index pages)."""
    skip = {"search.html", "genindex.html"}
    return sorted(
        p for p in site.rglob("*.html") if p.name not in skip and "_static" not in p.parts
    )


def test_every_topic_page_is_in_the_navigation(site: Path) -> None:
    nav = soup(site / "index.html").select_one(".sidebar-tree")
    assert nav is not None, "the index page has no navigation tree"
    linked = {
        Path(a["href"]).stem for a in nav.select("a[href]") if a["href"].startswith("topics/")
    }
    missing = set(TOPIC_SOURCES) - linked
    assert not missing, f"topic pages not reachable from the navigation: {sorted(missing)}"


def test_each_topic_opens_with_a_summary_and_ends_with_what_to_do_next(
    topic_pages: list[Path],
) -> None:
    for page in topic_pages:
        article = soup(page).select_one("article")
        first = article.select_one("h1 + p.page-summary")
        assert first and first.get_text(strip=True), (
            f"{page.name}: no one-line summary under the title"
        )
        headings = [h.get_text(" ", strip=True).rstrip("#").strip() for h in article.select("h2")]
        real = [h for h in headings if h != "Where this comes from"]
        assert real and real[-1] == "What to do next", f"{page.name}: last section is {real[-1:]}"


def test_comparison_tabs_ask_the_same_five_questions_in_the_same_order(site: Path) -> None:
    page = soup(site / "topics" / "treatments-compared.html")
    tab_sets = page.select(".sd-tab-set")
    assert tab_sets, "treatments-compared has no tab set"
    tabs = tab_sets[0]
    labels = [label.get_text(strip=True) for label in tabs.select(":scope > label")]
    assert labels == ["Medical treatment", "Lifestyle changes"]
    for panel in tabs.select(":scope > .sd-tab-content"):
        asked = [h.get_text(" ", strip=True).rstrip("#").strip() for h in panel.select("h3")]
        assert asked == COMPARISON_QUESTIONS, f"a tab asks {asked}"
        for heading in panel.select("h3"):
            answer = heading.find_next_sibling()
            assert answer is not None and answer.get_text(strip=True), f"no answer to {heading}"


def test_faq_has_at_least_seven_questions_each_linking_deeper(site: Path) -> None:
    dropdowns = soup(site / "topics" / "faq.html").select("details.sd-dropdown")
    assert len(dropdowns) >= 7
    for dropdown in dropdowns:
        question = dropdown.select_one("summary").get_text(" ", strip=True)
        assert question.endswith("?"), f"FAQ title is not a question: {question!r}"
        links = dropdown.select(".sd-summary-content a.reference.internal")
        assert links, f"the answer to {question!r} links to no page that goes deeper"


def test_medicine_classes_are_tabs(site: Path) -> None:
    labels = [
        label.get_text(strip=True)
        for label in soup(site / "topics" / "medicines.html").select(".sd-tab-set > label")
    ]
    assert len(labels) >= 4, f"the medicines page should show each class as a tab; has {labels}"


def test_every_glossary_link_resolves(site: Path) -> None:
    glossary = soup(site / "glossary.html")
    anchors = {tag["id"] for tag in glossary.select("[id]")}
    used = 0
    for page in content_pages(site):
        for link in soup(page).select("a.reference.internal"):
            if "std-term" not in " ".join(link.find("span")["class"] if link.find("span") else []):
                continue
            target = urlparse(link["href"])
            assert Path(target.path).name == "glossary.html", f"{page.name}: {link['href']}"
            assert target.fragment in anchors, (
                f"{page.name}: glossary term #{target.fragment} missing"
            )
            used += 1
    assert used > 20, "the pages should link their medical terms to the glossary"


def test_disclaimer_and_review_date_on_every_page(site: Path, topic_pages: list[Path]) -> None:
    for page in content_pages(site):
        text = soup(page).select_one("article").get_text(" ", strip=True)
        assert "Medical disclaimer" in text and "not medical advice" in text, page.name
    for page in topic_pages:
        text = soup(page).select_one("article").get_text(" ", strip=True)
        assert re.search(r"Last reviewed: \d{1,2} \w+ \d{4}", text), f"{page.name}: no review date"


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    """Scripts, styles, fonts and images must come from the site itself (privacy, offline use)."""
    for page in content_pages(site):
        html = soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("source", "src")):
            for element in html.find_all(tag):
                if tag == "link" and not {"stylesheet", "icon", "preload", "manifest"} & set(
                    element.get("rel", [])
                ):
                    continue
                url = element.get(attr)
                if url:
                    assert not urlparse(url).netloc, f"{page.name}: <{tag}> loads {url}"
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            assert not urlparse(url).netloc, f"{css.name} loads {url}"


def test_publishing_basics(site: Path, conf: dict[str, Any]) -> None:
    html_baseurl = conf["html_baseurl"]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for topic in TOPIC_SOURCES:
        assert urljoin(html_baseurl, f"topics/{topic}.html") in sitemap, f"{topic} not in sitemap"
    page = soup(site / "topics" / "diagnosis.html")
    og = {m["property"]: m["content"] for m in page.select("meta[property^='og:']")}
    assert og["og:url"] == urljoin(html_baseurl, "topics/diagnosis.html")
    assert og["og:title"] and og["og:description"]
    not_found = soup(site / "404.html").get_text(" ", strip=True)
    assert "could not find that page" in not_found


@pytest.mark.parametrize(
    "figure", sorted((DOCS / "_static" / "figures").glob("*.svg")), ids=lambda p: p.name
)
def test_pictures_have_alt_text(site: Path, figure: Path) -> None:
    svg = figure.read_text(encoding="utf-8")
    assert "<title" in svg and 'role="img"' in svg, f"{figure.name}: needs role=img and a <title>"
    uses = [
        img
        for page in content_pages(site)
        for img in soup(page).select("img")
        if Path(img.get("src", "")).name == figure.name
    ]
    assert uses, f"{figure.name} is not shown on any page"
    assert all(len(img.get("alt", "")) > 20 for img in uses), f"{figure.name}: alt text too short"
