"""The rendered check (neckguide.rendered) on what readers get: no markup shown as text and
no link that leads nowhere, in the built pages and the PDF handouts. Each rule is first shown
catching a bad example (a tiny site made here), then run on the real build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

from neckguide.handouts.render import RenderJob, render_pdf
from neckguide.rendered import links, markup
from neckguide.rendered.site import BuiltSite

BASE = "https://guide.example.org/en/latest/"
PAGE = """<!DOCTYPE html><html lang="en"><head><title>{title}</title></head>
<body><article>{body}</article></body></html>"""


def write(root: Path, name: str, body: str, title: str = "A page") -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(PAGE.format(title=title, body=body), encoding="utf-8")


@pytest.fixture
def tiny(tmp_path: Path) -> BuiltSite:
    """A built site of two pages, with the sources they came from."""
    docs = tmp_path / "docs"
    (docs / "topics").mkdir(parents=True)
    (docs / "index.md").write_text(
        "# Home\n\nintro\n\n:::{grid-item-card} Neck\n:link-type: doc\n:::\n"
    )
    (docs / "topics" / "faq.md").write_text("# FAQ\n\nSee {term}`osteopenia`.\n")
    html = tmp_path / "html"
    write(html, "index.html", '<h1 id="home">Home</h1><p>Start</p>')
    write(html, "topics/faq.html", '<h1 id="faq">FAQ</h1><p id="q1">Answer</p>')
    return BuiltSite(html, BASE, docs, tmp_path)


def messages(problems: list[Any]) -> list[str]:
    return [str(problem) for problem in problems]


# -- Leaked markup ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        ("<p>It weakens your bones. link-type: doc</p>", "a directive option (link-type)"),
        ("<p>Read on :link: topics/neck</p>", "a directive option (:link:)"),
        ("<p>See {term}`osteopenia` first.</p>", "a role"),
        ("<p>The end.</p><p>:::</p>", "a fence"),
        ("<p>Code ``` here</p>", "a fence"),
        ("<p>Line one&lt;br&gt;line two</p>", "an HTML tag shown as text"),
        ("<p>Tom &amp;amp; Jerry</p>", "an HTML tag shown as text"),
        ("<p>This is **very** important</p>", "Markdown emphasis"),
        ("<p>See [the FAQ](faq.md)</p>", "a Markdown link"),
        ('<p>A picture</p><img alt="Neck {fact}`neck.vertebrae`" src="x.svg">', "a role"),
    ],
    ids=["option-word", "option", "role", "colon-fence", "backtick-fence", "tag", "entity",
         "bold", "md-link", "alt-text"],
)  # fmt: skip
def test_markup_shown_as_text_is_found(tiny: BuiltSite, body: str, shown: str) -> None:
    write(tiny.root, "index.html", body)
    found = messages(markup.html_problems(tiny))
    assert any(f"index.html shows {shown} as text" in message for message in found), found


def test_a_directive_option_read_as_a_field_list_is_found_at_its_line(tiny: BuiltSite) -> None:
    write(
        tiny.root,
        "index.html",
        '<div class="sd-card"><dl class="field-list"><dt>link-type<span>:</span></dt>'
        "<dd><p>doc</p></dd></dl></div>",
    )
    found = messages(markup.html_problems(tiny))
    assert "docs/index.md:6: index.html shows the directive option :link-type: as a field" in (
        "\n".join(found)
    ), found


def test_the_problem_names_the_source_line_that_holds_the_leak(tiny: BuiltSite) -> None:
    write(tiny.root, "topics/faq.html", "<p>See {term}`osteopenia`.</p>")
    found = messages(markup.html_problems(tiny))
    assert found and found[0].startswith("docs/topics/faq.md:3: topics/faq.html shows a role"), (
        found
    )


def test_markup_in_code_is_not_a_leak(tiny: BuiltSite) -> None:
    write(tiny.root, "index.html", "<p>Type <code>{fact}`x`</code></p><pre>:::{note}\n:::</pre>")
    assert markup.html_problems(tiny) == []


def test_markup_printed_in_a_handout_is_found(tiny: BuiltSite) -> None:
    folder = tiny.root / "_downloads" / "handouts"
    folder.mkdir(parents=True)
    html = "<html lang='en'><body><p>Ask about {term}`BMD` and :link-type: doc</p></body></html>"
    result = render_pdf(RenderJob(html, str(tiny.root / "index.html"), str(folder / "faq.pdf")))
    assert not result.problems
    found = messages(markup.pdf_problems(tiny))
    assert any(m.startswith("docs/topics/faq.md:1: faq.pdf page 1 prints a role") for m in found)
    assert any("prints a directive option (:link-type:)" in m for m in found), found


# -- Links --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("href", "why"),
    [
        ("topics/missing.html", "no such file in the build (topics/missing.html)"),
        ("topics/faq.html#q9", "topics/faq.html has no #q9"),
        ("#nowhere", "index.html has no #nowhere"),
        ("/en/latest/topics/gone.html", "no such file in the build (topics/gone.html)"),
        ("/other/index.html", "a site-absolute address outside the site's path /en/latest/"),
        (BASE + "topics/faq.html#q2", "topics/faq.html has no #q2"),
        ("topics/neck-and-osteoporosis", "no such file in the build"),
    ],
    ids=["page", "anchor", "own-anchor", "site-absolute", "outside", "full-address", "no-suffix"],
)
def test_a_link_that_leads_nowhere_is_found(tiny: BuiltSite, href: str, why: str) -> None:
    write(tiny.root, "index.html", f'<h1 id="home">Home</h1><p><a href="{href}">Go</a></p>')
    found = messages(links.html_problems(tiny))
    assert any(f"index.html: the link {href} (“Go”) leads nowhere: {why}" in m for m in found), (
        found
    )


def test_links_that_resolve_pass(tiny: BuiltSite) -> None:
    hrefs = [
        "topics/faq.html#q1",
        "#home",
        "/en/latest/topics/faq.html",
        BASE + "index.html",
        "https://www.nhs.uk/",
        "mailto:x@example.org",
        "#",
    ]
    body = "".join(f'<a href="{h}">x</a>' for h in hrefs)
    write(tiny.root, "index.html", f'<h1 id="home">Home</h1><p>{body}</p>')
    write(tiny.root, "404.html", '<p><a href="/en/latest/index.html">Home</a></p>')
    assert links.html_problems(tiny) == []


def _pdf_with_a_named_link(path: Path, destination: str) -> None:
    """Add to a PDF an internal link to the named destination ``destination``."""
    writer = PdfWriter(clone_from=PdfReader(path))
    link = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (10, 10, 50, 30)]),
            NameObject("/Dest"): TextStringObject(destination),
        }
    )
    writer.add_annotation(0, link)
    writer.write(path)


def test_a_handout_link_to_a_missing_page_or_destination_is_found(tiny: BuiltSite) -> None:
    folder = tiny.root / "_downloads" / "handouts"
    folder.mkdir(parents=True)
    html = (
        "<html lang='en'><body><h1 id='top'>FAQ</h1>"
        f"<p><a href='{BASE}topics/missing.html'>Missing</a> "
        f"<a href='{BASE}topics/faq.html#q7'>No anchor</a> "
        f"<a href='{BASE}topics/faq.html#q1'>Fine</a> <a href='#top'>Top</a></p></body></html>"
    )
    pdf = folder / "faq.pdf"
    assert not render_pdf(RenderJob(html, str(tiny.root / "index.html"), str(pdf))).problems
    _pdf_with_a_named_link(pdf, "chapter-nowhere")
    found = messages(links.pdf_problems(tiny))
    assert len(found) == 3, found
    joined = "\n".join(found)
    assert f"faq.pdf links to {BASE}topics/missing.html: no such file in the build" in joined
    assert f"faq.pdf links to {BASE}topics/faq.html#q7: topics/faq.html has no #q7" in joined
    assert "faq.pdf has a link to #chapter-nowhere, which is nowhere in the PDF" in joined


# -- The real build -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(site: Path, conf: dict[str, Any]) -> BuiltSite:
    return BuiltSite(site, conf["html_baseurl"])


def test_no_built_page_shows_markup(built: BuiltSite) -> None:
    found = messages(markup.html_problems(built))
    assert not found, "\n".join(found)


def test_no_handout_prints_markup(built: BuiltSite) -> None:
    assert built.pdfs(), "no PDFs to check"
    found = messages(markup.pdf_problems(built))
    assert not found, "\n".join(found)


def test_every_internal_link_and_anchor_of_the_site_resolves(built: BuiltSite) -> None:
    assert "404.html" in built.pages()
    found = messages(links.html_problems(built))
    assert not found, "\n".join(found)


def test_every_link_in_the_handouts_to_the_site_resolves(built: BuiltSite) -> None:
    found = messages(links.pdf_problems(built))
    assert not found, "\n".join(found)
