"""`make serve` after each build (neckguide.serve): the gates on the files just saved, and
the handout of a topic page with its lines spare or over, within seconds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from neckguide import serve


def test_the_first_build_only_remembers_what_it_saw(
    tmp_path: Path, site: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    state = tmp_path / "state.json"
    assert serve.work(site, state) == 0
    out = capfd.readouterr().out
    assert "[checks] after each save" in out and "[handout]" not in out
    assert "docs/topics/faq.md" in json.loads(state.read_text())
    assert serve.work(site, state) == 0  # nothing changed since
    assert "[checks] docs/" not in capfd.readouterr().out


def test_a_saved_topic_page_gets_its_gates_and_its_handout(
    tmp_path: Path, site: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    state = tmp_path / "state.json"
    seen = serve.watched()
    seen["docs/topics/fall-risk-check.md"] = 0.0  # as if it had just been saved
    state.write_text(json.dumps(seen))
    assert serve.work(site, state) == 0
    out, err = capfd.readouterr()
    assert "[checks] docs/topics/fall-risk-check.md" in out
    # The gates ran on that page only (whether or not the page passes them today).
    assert "All checks passed: front-matter, raw-html, structure" in err or "to fix" in err, err
    problems = [line for line in out.splitlines() if line.startswith("docs/")]
    assert all(line.startswith("docs/topics/fall-risk-check.md:") for line in problems), out
    handout = next(line for line in out.splitlines() if line.startswith("[handout] "))
    said = (
        r"\[handout\] fall-risk-check: \d+ pages?, (about \d+ lines? (spare|over)|no lines spare)"
    )
    assert re.match(said, handout), handout
    assert "docs/_build/handout/fall-risk-check.pdf" in out
    assert (serve.BUILD / "handout" / "fall-risk-check-1.png").is_file()
