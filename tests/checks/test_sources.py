"""Sources a specialist would accept: no searches, a year on every source, drug labels by their
DailyMed set ID and revision, and every source used. Each rule is shown refusing a bad example
with the file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from neckguide import registry
from neckguide.checks import Project, sources
from tests.helpers import copy_project

GOOD = '[cdc]\norganisation = "CDC"\ntitle = "Facts About Falls"\nyear = 2024\nurl = "https://www.cdc.gov/falls/"\n'


def test_every_source_has_a_year_or_an_accessed_date_and_no_search_address() -> None:
    for source in registry.load().sources.values():
        assert not registry.SEARCH_ADDRESS.search(source.url), f"{source.id}: a search address"
        if not isinstance(source.year, int):
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", source.accessed), source.id


def test_every_drug_label_is_cited_by_its_dailymed_set_id_and_revision() -> None:
    labels = [s for s in registry.load().sources.values() if "dailymed" in s.url]
    assert labels, "the guide cites no drug label"
    for label in labels:
        assert label.setid and label.revised, label.id
        assert label.url.endswith(f"drugInfo.cfm?setid={label.setid}"), label.id
        assert f"DailyMed set ID {label.setid}" in label.citation


@pytest.mark.parametrize(
    ("table", "line", "message"),
    [
        (
            'url = "https://pubmed.ncbi.nlm.nih.gov/?term=alendronate+fracture"',
            7,
            "its address is a search, not the document",
        ),
        ('year = "web page, undated"', 7, "it has no year"),
        (
            'url = "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=abc"',
            7,
            "a drug label needs its DailyMed `setid`",
        ),
    ],
    ids=["search-url", "no-year", "label-without-setid"],
)
def test_a_bad_source_stops_the_registry_naming_file_and_line(
    tmp_path: Path, table: str, line: int, message: str
) -> None:
    key = table.split(" = ")[0]
    bad = "\n".join(
        table if row.startswith(f"{key} =") else row
        for row in GOOD.replace("[cdc]", "[bad]").splitlines()
    )
    (tmp_path / "sources.toml").write_text(GOOD + "\n" + bad + "\n")
    with pytest.raises(registry.RegistryError) as error:
        registry.load(tmp_path)
    assert str(error.value).startswith(f"facts/sources.toml:{line}: source 'bad': {message}")


@pytest.fixture
def guide(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


def test_the_sources_gate_names_an_unknown_source_in_a_page(guide: Path) -> None:
    page = guide / "docs" / "topics" / "faq.md"
    page.write_text(page.read_text() + "\nKeep still. {source}`stiel-2001`\n")
    lines = page.read_text().count("\n")
    problems = [str(p) for p in sources.check(Project(guide))]
    assert any(
        p.startswith(
            f"docs/topics/faq.md:{lines}: unknown source 'stiel-2001'; did you mean 'stiell-2001'"
        )
        for p in problems
    ), problems


def test_the_sources_gate_names_an_unused_source(guide: Path) -> None:
    with (guide / "facts" / "sources.toml").open("a") as file:
        file.write(
            '\n[never-cited]\norganisation = "X"\ntitle = "Y"\nyear = 2020\nurl = "https://x.org/"\n'
        )
    lines = (guide / "facts" / "sources.toml").read_text().splitlines()
    line = lines.index("[never-cited]") + 1
    problems = [str(p) for p in sources.check(Project(guide))]
    assert (
        f"facts/sources.toml:{line}: no figure and no page cites the source 'never-cited'"
        in "\n".join(problems)
    )


def test_a_registry_mistake_is_one_plain_line(guide: Path) -> None:
    path = guide / "facts" / "falls.toml"
    path.write_text(path.read_text().replace('source = "kakara-2023"', 'source = "kakra-2023"', 1))
    problems = sources.check(Project(guide))
    assert len(problems) == 1
    assert str(problems[0]).startswith(
        "facts/falls.toml:3: figure 'falls.older_adults_who_fall_each_year': unknown source 'kakra-2023'"
    )
    assert "\n" not in str(problems[0]) and "Traceback" not in str(problems[0])
