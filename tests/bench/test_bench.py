"""The bench's own arithmetic on tiny made-up inputs: page weight, PDF bookkeeping, the floor's
stand-ins, the table and the verdicts. Nothing here is timed (`make bench` does the timing)."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from neckguide.bench import runs
from neckguide.bench.floor import floor_conf, make_floor, project_markup
from neckguide.bench.report import MET, NO_BUDGET, NOT_MEASURED, NOT_MET, Measure, format_table
from neckguide.bench.weight import page_weight, site_pages


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def write(path: Path, text: str) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text.encode()


@pytest.fixture
def tiny_site(tmp_path: Path) -> Path:
    """A page in a sub-folder with a stylesheet that imports another and loads a font and a
    picture, a script, an image, an inline style, an external script and a data: image."""
    site = tmp_path / "site"
    write(site / "_static/base.css", "body { background: url('../_static/bg.png'); }")
    write(site / "_static/main.css", '@import "base.css"; @font-face { src: url(f.woff2) }')
    write(site / "_static/f.woff2", "FONT" * 100)
    write(site / "_static/bg.png", "PNG" * 50)
    write(site / "_static/app.js", "console.log('hi');" * 20)
    write(site / "_images/pic.svg", "<svg></svg>")
    write(site / "_images/inline.svg", "<svg/>")
    page = (
        '<html><head><link rel="stylesheet" href="../_static/main.css?v=123">'
        '<link rel="canonical" href="https://example.org/x.html">'
        '<script src="../_static/app.js"></script><script src="https://cdn.example/t.js"></script>'
        '</head><body><img src="../_images/pic.svg"><img src="data:image/png;base64,AAAA">'
        '<div style="background-image: url(../_images/inline.svg)"></div>'
        '<img src="../_images/gone.png"></body></html>'
    )
    write(site / "topics/a.html", page)
    write(site / "index.html", '<link rel="stylesheet" href="_static/main.css">')
    write(site / "_static/ignored.html", "<p>not a page</p>")
    return site


def test_page_weight_counts_the_page_and_everything_it_loads_gzipped(tiny_site: Path) -> None:
    weight = page_weight(tiny_site / "topics/a.html", tiny_site)
    loaded = {p.relative_to(tiny_site).as_posix() for p in weight.resources}
    assert loaded == {
        "_static/main.css",
        "_static/base.css",  # through @import
        "_static/f.woff2",  # a font in the stylesheet
        "_static/bg.png",  # an image in the imported stylesheet
        "_static/app.js",
        "_images/pic.svg",
        "_images/inline.svg",  # url() in a style attribute
    }
    expected = sum(gz((tiny_site / name).read_bytes()) for name in loaded)
    assert weight.total == gz((tiny_site / "topics/a.html").read_bytes()) + expected


def test_page_weight_lists_other_hosts_and_missing_files_instead_of_counting_them(
    tiny_site: Path,
) -> None:
    weight = page_weight(tiny_site / "topics/a.html", tiny_site)
    assert weight.external == ["https://cdn.example/t.js"]
    assert [p.name for p in weight.missing] == ["gone.png"]


def test_a_file_shared_by_two_stylesheets_counts_once(tmp_path: Path) -> None:
    write(tmp_path / "a.css", "@import 'b.css'; x { background: url(i.png) }")
    write(tmp_path / "b.css", "y { background: url(i.png) }")
    write(tmp_path / "i.png", "P" * 500)
    write(tmp_path / "p.html", '<link rel="stylesheet" href="a.css"><img src="i.png">')
    weight = page_weight(tmp_path / "p.html", tmp_path)
    assert sorted(p.name for p in weight.resources) == ["a.css", "b.css", "i.png"]


def test_site_pages_are_the_html_pages_outside_static(tiny_site: Path) -> None:
    assert [p.relative_to(tiny_site).as_posix() for p in site_pages(tiny_site)] == [
        "index.html",
        "topics/a.html",
    ]


def test_verdict_compares_the_median_with_the_budget() -> None:
    assert Measure("t", [1.0, 1.4, 9.0], "s", budget=1.5).verdict == MET  # median 1.4
    assert Measure("t", [1.6, 1.4, 9.0], "s", budget=1.5).verdict == NOT_MET  # median 1.6
    assert Measure("w", [120.0], "KB", budget=120).verdict == MET  # the budget itself is allowed
    assert Measure("t", [1.0], "s").verdict == NO_BUDGET
    assert Measure("t", [], "s", budget=1.0).verdict == NOT_MEASURED


def test_a_fast_rebuild_that_redid_other_pages_handouts_misses_its_budget() -> None:
    assert Measure("inc", [1.0], "s", budget=1.5, condition_met=False).verdict == NOT_MET


def test_table_shows_median_spread_budget_and_verdict_for_every_measure() -> None:
    table = format_table(
        [
            Measure("full HTML ÷ floor", [1.2, 1.1, 1.25], "×", budget=1.3),
            Measure("incremental", [1.9, 1.7, 2.2], "s", budget=1.5),
            Measure("heaviest page", [98.44], "KB", budget=120),
            Measure("floor build", [3.0, 3.1, 3.2], "s", budget_label="reference"),
        ]
    ).splitlines()
    assert table[0].split() == ["measure", "median", "spread", "(min–max)", "budget", "verdict"]
    assert set(table[1]) == {"-", " "}
    ratio, incremental, page, floor = table[2:]
    assert "1.20×" in ratio and "1.10–1.25×" in ratio and "≤ 1.30×" in ratio
    assert ratio.endswith("MET") and not ratio.endswith("NOT MET")
    assert "1.90 s" in incremental and "1.70–2.20 s" in incremental
    assert incremental.endswith("NOT MET")
    assert "98.4 KB" in page and "≤ 120.0 KB" in page
    assert "reference" in floor and floor.endswith("no budget")
    # the columns line up
    assert len({line.index("≤") for line in (ratio, incremental, page)}) == 1


def test_pdfs_written_again_are_found_by_time_or_content() -> None:
    before = {"a.pdf": runs.PdfState(1, "x", 5), "b.pdf": runs.PdfState(1, "y", 5)}
    after = {"a.pdf": runs.PdfState(1, "x", 5), "b.pdf": runs.PdfState(2, "y", 5)}
    assert runs.rewritten(before, after) == ["b.pdf"]


def test_each_handout_belongs_to_its_page_and_the_booklet_to_none() -> None:
    pages = ["topics/faq", "topics/diagnosis"]
    assert runs.owner("_downloads/handouts/faq-large-print.pdf", pages) == "topics/faq"
    assert runs.owner("_downloads/handouts/diagnosis.pdf", pages) == "topics/diagnosis"
    assert runs.owner("_downloads/handouts/guide-booklet-large-print.pdf", pages) is None


def test_floor_gets_stand_ins_for_the_projects_roles_and_directives() -> None:
    roles, directives = project_markup(["neckguide.sphinx_ext", "myst_parser", "sphinx_design"])
    assert {"fact", "food", "worked"} <= set(roles)
    assert {"food-table", "tscore-scale", "references"} <= set(directives)
    conf = floor_conf({"myst_enable_extensions": ["colon_fence"], "html_theme": "furo"}, roles, [])
    assert "extensions = ['myst_parser', 'sphinx_design']" in conf
    assert "myst_enable_extensions = ['colon_fence']" in conf
    assert "furo" not in conf


def test_floor_builds_a_page_that_uses_the_projects_markup(tmp_path: Path) -> None:
    """The floor must build the same pages, so the stand-ins have to work in a real build."""
    project = tmp_path / "project"
    write(project / "docs/conf.py", "extensions = ['neckguide.sphinx_ext', 'myst_parser']\n")
    write(
        project / "docs/index.md",
        "# Title\n\nCalcium: {fact}`calcium.daily.women_51_70`.\n\n"
        "```{food-table} calcium\n:caption: Foods\n```\n\n```{doctest}\n>>> 1 + 1\n2\n```\n",
    )
    conf = {"extensions": ["neckguide.sphinx_ext", "sphinx.ext.doctest", "myst_parser"]}
    srcdir, roles, _ = make_floor(project, tmp_path / "floor", conf)
    out = tmp_path / "out"
    # A fresh process: an in-process build would leave roles registered in docutils for the
    # tests that build the real site afterwards.
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", str(srcdir), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "calcium.daily.women_51_70" in html  # the role's text, as literal text
    assert 'class="highlight' in html  # the doctest, as a literal block
    assert "fact" in roles
