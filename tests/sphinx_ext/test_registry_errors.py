"""A mistake in facts/*.toml stops the build with one plain line, file:line and what to do
(as the sources gate says it): no traceback, no "Configuration error!" banner, no "report
this to Sphinx", and a non-zero exit, from Sphinx itself and from the quiet `make` build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import strict_build, tiny_project
from tests.test_build import BUILD

LINE = (
    "facts/falls.toml:3: figure 'falls.older_adults_who_fall_each_year': unknown source "
    "'kakra-2023'; did you mean 'kakara-2023'"
)
NOISE = ("Traceback", "Configuration error", "report", "sphinx-err-", "Versions")


def misspelt_source(root: Path) -> Path:
    """A tiny guide whose registry names a source that does not exist; its docs folder."""
    docs = tiny_project(root, "# Tiny\n\nHello.\n")
    falls = root / "facts" / "falls.toml"
    text = falls.read_text(encoding="utf-8")
    assert 'source = "kakara-2023"' in text, "falls.toml changed: pick another figure"
    falls.write_text(text.replace('source = "kakara-2023"', 'source = "kakra-2023"', 1))
    return docs


def test_sphinx_stops_with_one_plain_line(tmp_path: Path) -> None:
    result = strict_build(misspelt_source(tmp_path))
    assert result.returncode == 2
    said = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(said) == 1, result.stderr
    assert said[0].startswith(LINE), said[0]
    assert said[0].endswith("(the build stopped here: fix it, then build again)")
    for noise in NOISE:
        assert noise not in result.stderr + result.stdout, noise


@pytest.mark.parametrize(
    ("file", "broken", "line"),
    [
        ("sources.toml", '[stiell-2001\norganisation = "x"\n', "facts/sources.toml:"),
        ("neck.toml", "[neck.extra]\nvalue = 7\n", "facts/neck.toml:"),
    ],
    ids=["bad-toml", "figure-without-source"],
)
def test_other_registry_mistakes_stop_the_same_way(
    tmp_path: Path, file: str, broken: str, line: str
) -> None:
    docs = tiny_project(tmp_path, "# Tiny\n\nHello.\n")
    path = tmp_path / "facts" / file
    path.write_text(path.read_text(encoding="utf-8") + "\n" + broken, encoding="utf-8")
    result = strict_build(docs)
    assert result.returncode == 2
    said = [text for text in result.stderr.splitlines() if text.strip()]
    assert len(said) == 1 and said[0].startswith(line), result.stderr
    assert "Traceback" not in result.stderr


def test_the_quiet_build_names_the_line_and_keeps_the_last_good_site(tmp_path: Path) -> None:
    misspelt_source(tmp_path)
    command = [sys.executable, "-c", BUILD, str(tmp_path)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 2
    assert LINE in result.stderr
    assert "The build failed: the messages above name each file and line to fix." in result.stderr
    for noise in NOISE:
        assert noise not in result.stderr + result.stdout, noise
    assert not (tmp_path / "html").exists()
