"""The bench's budgets, and the table's rows made from its measurements.

The budgets are the project's (issue 7); a measure without one is reported only.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path

from neckguide.bench import runs
from neckguide.bench.report import KB, Measure
from neckguide.bench.rounds import Edits, Rounds
from neckguide.bench.weight import PageWeight

# The project's budgets (issue 7). A measure without a budget is reported only.
BUDGET_RATIO = 1.3  # full HTML build ÷ floor build
BUDGET_INCREMENTAL_S = 1.5  # one edited topic page, with only that page's handouts redone
BUDGET_PAGE_KB = 120  # every page on a cold load, gzipped
BUDGET_HANDOUT_KB = 150  # every topic handout PDF
BUDGET_MAKE_TEST_S = 180  # `make test`, environment installed


def cpu_note(samples: list[float]) -> str:
    """The CPU seconds, for the notes (steadier than wall clock on a busy machine)."""
    return f"CPU {statistics.median(samples):.2f} s (median)" if samples else ""


@dataclass
class BenchRun:
    """What one bench run measured: the cold rounds, the incremental rounds (with PDFs, when
    there are any; HTML only; the floor), the topic pages and the one edited, the PDFs
    built, the PDF step with one worker, and why PDFs were not measured (if they were not)."""

    cold: Rounds
    html_only: Edits
    floor_edits: Edits
    topics: list[str]
    page: str
    pdfs: dict[str, runs.PdfState]
    with_pdf: Edits | None = None
    sequential_step: float = 0.0
    sequential_gaps: dict[str, float] = field(default_factory=dict)
    no_pdf_reason: str = ""


def build_measures(run: BenchRun) -> list[Measure]:
    """The table's rows for the cold builds, the PDF step and the incremental rebuilds."""
    cold, with_pdf, html_only, floor_edits = run.cold, run.with_pdf, run.html_only, run.floor_edits
    topics, page, pdfs, no_pdf_reason = run.topics, run.page, run.pdfs, run.no_pdf_reason
    sequential_step, sequential_gaps = run.sequential_step, run.sequential_gaps
    floor, html, pdf = cold.seconds("floor"), cold.seconds("html"), cold.seconds("pdf")
    ratios = [h / f for h, f in zip(html, floor, strict=True)]
    cpu_ratios = [h / f for h, f in zip(cold.cpu("html"), cold.cpu("floor"), strict=True)]
    measures = [
        Measure(
            "floor build, cold (myst + design only)",
            floor,
            "s",
            budget_label="reference",
            note=cpu_note(cold.cpu("floor")),
        ),
        Measure(
            "full HTML build, cold (no PDFs)",
            html,
            "s",
            BUDGET_RATIO * statistics.median(floor),
            note=f"budget = {BUDGET_RATIO} × the floor's median; {cpu_note(cold.cpu('html'))}",
        ),
        Measure(
            "full HTML ÷ floor",
            ratios,
            "×",
            BUDGET_RATIO,
            note="wall clock, paired by round",
        ),
        Measure(
            "full HTML ÷ floor, CPU time",
            cpu_ratios,
            "×",
            BUDGET_RATIO,
            note="user + system time of the build and its workers: steadier on a busy machine",
        ),
    ]
    if pdf:
        logged = [r.handouts for r in cold.runs["pdf"]]
        direct = all(logged)
        step = (
            [h[2] for h in logged if h]
            if direct
            else [p - h for p, h in zip(pdf, html, strict=True)]
        )
        per_handout = [t for n, t in sequential_gaps.items() if runs.owner(n, topics)]
        per_booklet = [t for n, t in sequential_gaps.items() if not runs.owner(n, topics)]
        measures += [
            Measure(
                "full build with PDFs, cold (make html)", pdf, "s", note=cpu_note(cold.cpu("pdf"))
            ),
            Measure(
                "PDF step: every handout + booklet",
                step,
                "s",
                note=(
                    f"{len(pdfs)} PDFs, in parallel; "
                    + ("as the handouts extension logs it" if direct else "with PDFs − without")
                    + f"; with one worker {sequential_step:.1f} s"
                ),
            ),
            Measure(
                "time per topic handout (one worker)",
                per_handout,
                "s",
                note="median and range over the topic PDFs, rendered one after another",
            ),
            Measure(
                "time per booklet (one worker)",
                per_booklet,
                "s",
                note="median and range over the booklet PDFs",
            ),
        ]
    else:
        measures += [
            Measure(name, [], "s", note=no_pdf_reason)
            for name in (
                "full build with PDFs, cold (make html)",
                "PDF step: every handout + booklet",
                "time per topic handout (one worker)",
                "time per booklet (one worker)",
            )
        ]
    if not with_pdf:
        measures.append(
            Measure(
                "incremental, 1 page edited, with PDFs",
                [],
                "s",
                BUDGET_INCREMENTAL_S,
                note=no_pdf_reason,
            )
        )
    else:
        own = {n for n in pdfs if runs.owner(n, topics) == page}
        redone = sorted({n for r in with_pdf.redone for n in r})
        stray = [n for n in redone if runs.owner(n, topics) not in (None, page)]
        missed = sorted({n for r in with_pdf.redone for n in own - set(r)})
        logged = [r.handouts for r in with_pdf.runs if r.handouts]
        note = f"PDFs rewritten: {', '.join(redone) or 'none'}"
        if logged:
            pdf_s = statistics.median(h[2] for h in logged)
            note += f"; of which the PDF step {pdf_s:.2f} s (median)"
        note += f"; other pages' handouts redone too: {', '.join(stray)}" if stray else ""
        note += f"; this page's handouts NOT redone: {', '.join(missed)}" if missed else ""
        measures.append(
            Measure(
                "incremental, 1 page edited, with PDFs",
                [r.seconds for r in with_pdf.runs],
                "s",
                BUDGET_INCREMENTAL_S,
                condition_met=not stray and not missed and bool(own),
                condition="only that page's handouts redone",
                note=note,
            )
        )
    measures += [
        Measure(
            "incremental, 1 page edited, HTML only",
            [r.seconds for r in html_only.runs],
            "s",
            BUDGET_INCREMENTAL_S,
            note=cpu_note([r.cpu_seconds for r in html_only.runs]),
        ),
        Measure(
            "incremental, 1 page edited, floor",
            [r.seconds for r in floor_edits.runs],
            "s",
            budget_label="reference",
            note=cpu_note([r.cpu_seconds for r in floor_edits.runs]),
        ),
    ]
    return measures


def size_measures(
    weights: dict[Path, PageWeight],
    pdfs: dict[str, runs.PdfState],
    topics: list[str],
    no_pdf_reason: str = "",
) -> list[Measure]:
    """The table's rows for page weight and PDF sizes."""
    kb = [w.total / KB for w in weights.values()]
    over = sum(k > BUDGET_PAGE_KB for k in kb)
    measures = [
        Measure(
            "heaviest page, cold load, gzipped",
            [max(kb)],
            "KB",
            BUDGET_PAGE_KB,
            note=f"{over} of {len(kb)} pages over budget",
        )
    ]
    handouts = [s.size / KB for n, s in pdfs.items() if runs.owner(n, topics)]
    over = sum(k > BUDGET_HANDOUT_KB for k in handouts)
    measures.append(
        Measure(
            "largest topic handout PDF",
            [max(handouts)] if handouts else [],
            "KB",
            BUDGET_HANDOUT_KB,
            note=f"{over} of {len(handouts)} over budget" if handouts else no_pdf_reason,
        )
    )
    for name, state in pdfs.items():
        if runs.owner(name, topics) is None:
            measures.append(Measure(f"PDF size: {Path(name).name}", [state.size / KB], "KB"))
    return measures
