"""The helpers the handout tests read PDFs with: they must still catch what is missing."""

from __future__ import annotations

from tests.handouts.pdf import found_in, squash

PANEL = squash("Denosumab or a drip can lower your calcium, mostly with kidney disease.")


def test_a_paragraph_split_by_a_page_break_is_found() -> None:
    text = squash(
        "Denosumab or a drip can lower your calcium, Medicine and lifestyle compared "
        "Page 1 of 4 Calcium pills alone did not help. mostly with kidney disease."
    )
    assert found_in(PANEL, text)


def test_a_dropped_or_cut_paragraph_is_not_found() -> None:
    assert not found_in(PANEL, squash("Calcium pills alone did not help."))
    assert not found_in(PANEL, squash("Denosumab or a drip can lower your calcium, Page 1 of 4"))
    assert not found_in(PANEL, squash("Denosumab or a drip can lower your calcium, mostly"))
