"""The tools' data and scripts on the built site: one JSON from the registry (the file and
every page's copy are the same), scripts only on pages with a tool, small, and private."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from neckguide.build import DOCS
from neckguide.sphinx_ext.tool_forms import TOOL_NAMES
from neckguide.sphinx_ext.tools import (
    DATA_ID,
    SCRIPT_BUDGET,
    data_json,
    forbidden_uses,
    script_sizes,
    tools_data,
)

SCRIPTS = DOCS / "_static" / "tools"
TOOL_DIRECTIVE = re.compile(r"^```\{tool\}\s+(\S+)", re.M)


def page_tools() -> dict[str, list[str]]:
    """Each page's tools, read from its source (``topics/x.html`` → tool names)."""
    found = {}
    for source in DOCS.rglob("*.md"):
        parts = source.relative_to(DOCS).parts
        if parts[0].startswith("_") or source.name == "README.md":
            continue
        found[source.relative_to(DOCS).with_suffix(".html").as_posix()] = TOOL_DIRECTIVE.findall(
            source.read_text(encoding="utf-8")
        )
    return found


def scripts_of(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [
        src.split("?")[0].rsplit("/", 1)[-1]
        for src in (tag.get("src", "") for tag in soup.find_all("script"))
        if "/tools/" in src
    ]


def test_pages_load_the_scripts_of_their_own_tools_and_no_others(site: Path) -> None:
    tools = page_tools()
    assert sum(map(len, tools.values())) >= len(TOOL_NAMES), "the tools are not on any page"
    for page, used in tools.items():
        loaded = scripts_of(site / page)
        want = ["core.js", *(f"{tool}.js" for tool in used)] if used else []
        assert loaded == want, f"{page} loads {loaded}, not {want}"
    assert not scripts_of(site / "index.html") and not scripts_of(site / "search.html")


def test_the_data_is_one_json_from_the_registry_in_the_file_and_every_page(site: Path) -> None:
    written = (site / "_static" / "tools" / "tools.json").read_text(encoding="utf-8").strip()
    assert written == data_json()
    assert json.loads(written) == json.loads(json.dumps(tools_data()))
    for page, used in page_tools().items():
        if used:
            soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
            inline = soup.find("script", id=DATA_ID)
            assert inline and inline.get("type") == "application/json", f"{page}: no data"
            assert json.loads(inline.string) == json.loads(written), f"{page}: other data"


def test_every_tool_has_its_script_and_every_script_a_tool() -> None:
    names = {p.stem for p in SCRIPTS.glob("*.js")}
    assert names == {*TOOL_NAMES, "core"}


def test_all_the_tools_scripts_together_are_small() -> None:
    sizes = script_sizes(SCRIPTS)
    total = sum(sizes.values())
    assert total <= SCRIPT_BUDGET, f"the tools' scripts are {total:,} bytes gzipped: {sizes}"


def test_the_size_check_fails_on_a_big_script(tmp_path: Path) -> None:
    import random

    rng = random.Random(13)
    (tmp_path / "big.js").write_text("".join(rng.choice("abcdefghij;{}()") for _ in range(40_000)))
    assert sum(script_sizes(tmp_path).values()) > SCRIPT_BUDGET


def test_no_script_makes_a_request_or_keeps_anything() -> None:
    for script in SCRIPTS.glob("*.js"):
        found = forbidden_uses(script.read_text(encoding="utf-8"))
        assert not found, f"{script.name} uses {found}"
    assert forbidden_uses("navigator.sendBeacon('/x', data); document.cookie = 't=1'") == [
        "sendBeacon(",
        "document.cookie",
    ]
