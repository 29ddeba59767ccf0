"""The size budgets that do not depend on the machine, checked on every run: every page's
cold-load weight and every topic handout's size (``make bench`` keeps the timings).

Page weight is measured as the bench measures it (:mod:`neckguide.bench.weight`): the page
and every file it makes the browser fetch, gzipped, each file once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from neckguide.bench.measures import BUDGET_HANDOUT_KB, BUDGET_PAGE_KB
from neckguide.bench.report import KB
from neckguide.bench.weight import page_weight, site_pages
from tests.handouts.pdf import TOPICS, VARIANTS


def test_every_page_is_light_on_a_cold_load(site: Path) -> None:
    weights = {
        page.relative_to(site).as_posix(): page_weight(page, site) for page in site_pages(site)
    }
    assert "index.html" in weights and "topics/diagnosis.html" in weights, sorted(weights)
    missing = {page: w.missing for page, w in weights.items() if w.missing}
    assert not missing, f"pages load files that are not in the site: {missing}"
    over = {
        page: f"{w.total / KB:.1f} KB"
        for page, w in weights.items()
        if w.total / KB > BUDGET_PAGE_KB
    }
    assert not over, (
        f"these pages weigh more than {BUDGET_PAGE_KB} KB on a cold load (gzipped, with every "
        f"file they fetch): {over}; `make bench` lists what the heaviest one loads"
    )


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("topic", TOPICS)
def test_every_topic_handout_is_small(handouts: Path, topic: str, variant: str) -> None:
    pdf = handouts / f"{topic}{VARIANTS[variant]}.pdf"
    size = pdf.stat().st_size / KB
    assert size <= BUDGET_HANDOUT_KB, (
        f"{pdf.name} is {size:.1f} KB, over the {BUDGET_HANDOUT_KB} KB budget for a topic "
        "handout: look for a large picture, or a page that should be split"
    )
