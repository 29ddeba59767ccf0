"""The render step itself on tiny HTML: reproducible bytes, and every problem reported."""

from __future__ import annotations

from pathlib import Path

from neckguide.handouts import assemble
from neckguide.handouts.render import RenderJob, render_pdf
from tests.handouts.pdf import (
    BOOKLET,
    TOPICS,
)

# -- The render step itself ------------------------------------------------------------------------


def tiny_page(tmp_path: Path, body: str) -> RenderJob:
    html = (
        f'<!DOCTYPE html><html lang="en"><head><title>Tiny</title></head><body>{body}</body></html>'
    )
    page = tmp_path / "tiny.html"
    page.write_text(html)
    return RenderJob(html, str(page), str(tmp_path / "tiny.pdf"), "topics/tiny")


def test_rendering_the_same_handout_twice_gives_identical_bytes(site: Path, tmp_path: Path) -> None:
    topic = assemble.Topic(
        f"topics/{TOPICS[0]}",
        "Title",
        site / "topics" / f"{TOPICS[0]}.html",
        f"topics/{TOPICS[0]}.html",
    )
    site_info = assemble.Site(
        site, "https://example.org/guide/", "Guide", "Authors", BOOKLET, "Booklet"
    )
    handout = assemble.topic_documents(topic, site_info)["standard"]
    outputs = []
    for run in ("first", "second"):
        job = RenderJob(
            handout.html,
            str(topic.page),
            str(tmp_path / f"{run}.pdf"),
            topic.docname,
            handout.stylesheets,
        )
        assert not render_pdf(job).problems
        outputs.append((tmp_path / f"{run}.pdf").read_bytes())
    assert outputs[0] == outputs[1], "two renders of the same HTML differ"


def test_a_missing_picture_is_reported_with_its_name(tmp_path: Path) -> None:
    result = render_pdf(tiny_page(tmp_path, '<p>Text</p><img src="no-such-picture.png" alt="x">'))
    assert any("no-such-picture.png" in problem for problem in result.problems), result.problems


def test_a_link_to_a_missing_anchor_is_reported(tmp_path: Path) -> None:
    result = render_pdf(tiny_page(tmp_path, '<p><a href="#nowhere">Jump</a></p>'))
    assert any("nowhere" in problem for problem in result.problems), result.problems


def test_a_missing_stylesheet_is_reported(tmp_path: Path) -> None:
    job = tiny_page(tmp_path, "<p>Text</p>")
    job = RenderJob(job.html, job.base_url, job.output, job.name, (str(tmp_path / "missing.css"),))
    result = render_pdf(job)
    assert any("missing.css" in problem for problem in result.problems), result.problems


def test_a_good_page_has_no_problems(tmp_path: Path) -> None:
    result = render_pdf(tiny_page(tmp_path, '<h1 id="a">Title</h1><p><a href="#a">Top</a></p>'))
    assert result.problems == () and result.pages == 1 and Path(result.output).is_file()
