"""The facts registry is the one source of truth: every figure sourced, every change flows to
the pages and pictures, and a wrong worked example cannot be published."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from neckguide import registry
from tests.helpers import copy_project, strict_build

# Reproductions read while compiling FACTS.md: never cite these; cite the original.
COPY_SITES = (
    "scribd.com",
    "docslib.org",
    "drugs.com",
    "medicinenet.com",
    "droracle.ai",
    "paperzz.com",
    "vdocument.in",
    "dummies.com",
    "wixlib.com",
    "medpath.com",
    "fpnotebook.com",
    "bonetalk.org",
    "estroden.com",
    "kratzertmd.com",
    "askdrjames.com",
    "webarchive",
    "cybercemetery",
)


def test_every_source_is_a_primary_document_with_an_address() -> None:
    for source in registry.load().sources.values():
        url = urlparse(source.url)
        assert url.scheme in {"http", "https"} and url.netloc, f"{source.id}: no usable address"
        assert not any(site in url.netloc for site in COPY_SITES), f"{source.id} cites a copy site"
        assert source.organisation and source.title and source.year, source.id


def write_registry(tmp_path: Path, figures: str) -> Path:
    (tmp_path / "sources.toml").write_text(
        '[cdc]\norganisation = "CDC"\ntitle = "Facts About Falls"\nyear = 2024\n'
        'url = "https://www.cdc.gov/falls/"\n'
    )
    (tmp_path / "falls.toml").write_text(figures)
    return tmp_path


@pytest.mark.parametrize(
    ("figures", "message"),
    [
        ("[falls.share]\nvalue = 27\n", "facts/falls.toml:1: figure 'falls.share' has no source"),
        (
            "[falls.share]\nvalue = 27\nsource = 'cdx'\n",
            "unknown source 'cdx'; did you mean 'cdc'?",
        ),
        ("[falls.share]\nvalue = 'many'\nsource = 'cdc'\n", "value must be a number"),
        ("[falls.share]\nvalue = 27\nsource = 'cdc'\nunits = '%'\n", "unknown keys ['units']"),
        ("[falls.share\n", "facts/falls.toml:1: not valid TOML"),
    ],
)
def test_a_mistake_in_the_registry_is_named(tmp_path: Path, figures: str, message: str) -> None:
    with pytest.raises(registry.RegistryError, match=re.escape(message)):
        registry.load(write_registry(tmp_path, figures))


def test_changing_a_figure_changes_every_page_and_picture(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    calcium = project / "facts" / "nutrition.toml"
    text = calcium.read_text()
    block = text.split("[calcium.daily.women_51_70]")[1].split("\n\n")[0]
    calcium.write_text(text.replace(block, block.replace("value = 1200", "value = 1300")))
    diagnosis = project / "facts" / "diagnosis.toml"
    diagnosis.write_text(diagnosis.read_text().replace("value = -2.5", "value = -2.6"))

    result = strict_build(project / "docs")
    assert result.returncode == 0, result.stderr
    html = project / "docs" / "_build" / "html"
    users = [
        p for p in (project / "docs").rglob("*.md") if "calcium.daily.women_51_70" in p.read_text()
    ]
    assert users, "no page shows the calcium figure any more; pick another figure for this test"
    for page in users:
        built = (html / page.relative_to(project / "docs")).with_suffix(".html").read_text()
        assert "1,300 mg" in built, f"{page.name} still shows the old calcium figure"
    references = (html / "references.html").read_text()
    assert "1,300 mg" in references
    scale = (html / "topics" / "diagnosis.html").read_text()
    start = scale.index('<figure class="tscore-scale">')
    svg = scale[start : scale.index("</svg>", start)]
    assert "−2.6" in svg and "−2.5" not in svg, "the T-score picture did not follow the registry"
