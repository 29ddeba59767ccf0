"""Typos (codespell): a common typo fails, a word in the word list passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.checks.conftest import SAMPLE_NAME, check_sample, set_line

# -- Typos -------------------------------------------------------------------------------


def test_a_misspelling_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_line(guide / SAMPLE_NAME, 10, "Bone is alive. It can recieve calcium.")  # codespell:ignore
    status, output = check_sample(guide, capsys, "typos")
    assert status == 1
    assert (
        f"{SAMPLE_NAME}:10: 'recieve' looks misspelt; write 'receive' "  # codespell:ignore
        "(if the word is right, add it to docs/wordlist.txt)" in output
    )


def test_a_word_in_the_word_list_passes(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_line(guide / SAMPLE_NAME, 10, "Bone is alive. Use a reacher to pick things up.")
    assert check_sample(guide, capsys, "typos") == (0, "")
    wordlist = guide / "docs" / "wordlist.txt"
    wordlist.write_text(wordlist.read_text().replace("reacher\n", ""))
    status, output = check_sample(guide, capsys, "typos")
    assert status == 1 and f"{SAMPLE_NAME}:10: 'reacher' looks misspelt" in output
