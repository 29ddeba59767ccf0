"""Fast builds and light pages: ``python -m neckguide.bench`` (``make bench``).

Measures, in one run on one snapshot of the sources (copied to a temporary folder; the real
``docs/`` and ``docs/_build`` are never touched), and prints each against its budget:

- the full HTML build (the project's conf.py, every extension, PDF step switched off) against
  the floor: the same pages built by bare Sphinx with only myst-parser and sphinx-design;
- the PDF step (every handout, both sizes, and the booklet), and per PDF;
- an incremental rebuild after one topic page of the copy is edited, and which PDFs it redid;
- each page's cold-load weight (gzipped HTML + CSS + JS + fonts + images) and each PDF's size;
- ``make test`` (with ``--with-make-test``) and a fresh clone to a built site (``--fresh-clone``).

Timings are the median of ``--runs`` builds (default 3), with their spread (min–max), wall
clock, each build a fresh ``python -m sphinx`` process as ``make html`` would start.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from neckguide.bench import report, runs
from neckguide.bench.floor import copy_project, make_floor
from neckguide.bench.measures import (
    BUDGET_HANDOUT_KB,
    BUDGET_MAKE_TEST_S,
    BUDGET_PAGE_KB,
    BenchRun,
    build_measures,
    size_measures,
)
from neckguide.bench.report import KB, Measure
from neckguide.bench.rounds import cold_rounds, edit_rounds, sequential_pdfs
from neckguide.bench.weight import page_weight, site_pages
from neckguide.build import read_conf
from neckguide.handouts.names import EXTENSION
from neckguide.paths import ROOT


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m neckguide.bench", description=__doc__)
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    add = parser.add_argument
    add("--runs", type=int, default=3, help="runs of each fast measure (default 3)")
    add("--page", help="topic page to edit for the incremental rebuilds (default: the first)")
    add("--with-make-test", action="store_true", help="also time `make test` (slow)")
    add("--fresh-clone", action="store_true", help="also time a fresh clone to a built site")
    add("--keep", action="store_true", help="keep the temporary build folders")
    add("--save", type=Path, default=ROOT / "bench-results", help="folder for the JSON record")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="neckguide-bench-"))
    try:
        return run_bench(args, work)
    finally:
        if args.keep:
            print(f"Build folders kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def run_bench(args: argparse.Namespace, work: Path) -> int:
    """Every measure, then the tables."""
    describe = ["git", "describe", "--always", "--dirty"]
    commit = subprocess.run(describe, cwd=ROOT, capture_output=True, text=True).stdout.strip()
    load = os.getloadavg()[0]
    print(
        f"Bench of {ROOT.name} at {commit or '?'}, {dt.datetime.now():%Y-%m-%d %H:%M}; "
        f"{os.cpu_count()} CPUs, load average {load:.1f} (a busy machine slows every figure)."
    )
    srcdir = copy_project(ROOT, work / "project")
    conf = read_conf(srcdir)
    extensions = list(conf.get("extensions", []))
    with_pdfs = EXTENSION in extensions
    floor, roles, directives = make_floor(ROOT, work / "floor", conf)
    print(
        "Floor: the same pages built with myst-parser + sphinx-design only (Sphinx's default "
        f"theme), with trivial stand-ins (literal text) for the roles {', '.join(roles) or '-'} "
        f"and the directives {', '.join(directives) or '-'}."
    )
    print(f"Cold builds, {args.runs} rounds (floor, full HTML without PDFs, full with PDFs):")
    out = work / "out"
    cold = cold_rounds(out, {"floor": floor, "project": srcdir}, with_pdfs, args.runs)
    no_pdf_reason = "" if with_pdfs else f"no {EXTENSION} in conf.py's extensions"
    if cold.pdf_failure:
        no_pdf_reason = f"the build with PDFs failed ({cold.pdf_failure})"
        with_pdfs = False  # measure the rest; the PDF rows say why they are missing
    if not with_pdfs:
        print("No PDFs were made: the PDF measures are not measured.")
    site = out / ("pdf" if with_pdfs else "html") / "html"
    compare_pages(site, out / "floor" / "html")

    sequential, gaps = (None, {})
    if with_pdfs:
        print("The PDF step again with one worker, to time each PDF:")
        sequential, gaps = sequential_pdfs(srcdir, out / "pdf")
        print(f"  {sequential.seconds:.2f} s")
    # Weights and sizes of the site as built, before the incremental rounds edit a page.
    weights = {p: page_weight(p, site) for p in site_pages(site)}
    pdfs = runs.pdf_snapshot(site)
    topics = sorted(f"topics/{p.stem}" for p in (srcdir / "topics").glob("*.md"))
    page = args.page or topics[0]
    print(f"Incremental rebuilds: a sentence appended to the copy of {page}.md, {args.runs} times.")
    with_pdf = edit_rounds(srcdir, out / "pdf", page, args.runs, True) if with_pdfs else None
    html_only = edit_rounds(srcdir, out / "html", page, args.runs, False)
    floor_edits = edit_rounds(floor, out / "floor", page, args.runs, True)

    step = sequential.handouts[2] if sequential and sequential.handouts else 0.0
    measures = build_measures(
        BenchRun(
            cold,
            html_only,
            floor_edits,
            topics,
            page,
            pdfs,
            with_pdf=with_pdf,
            sequential_step=step,
            sequential_gaps=gaps,
            no_pdf_reason=no_pdf_reason,
        )
    )
    measures += size_measures(weights, pdfs, topics, no_pdf_reason)
    measures += optional_measures(args)
    print_weights(site, weights)
    scripts = print_tool_scripts(site)
    print_pdfs(pdfs, topics, gaps)
    print("\n" + report.format_table(measures) + "\n")
    for m in measures:
        if m.note:
            print(f"- {m.name}: {m.note}")
    print(report.summary(measures))
    record = {
        "commit": commit,
        "load_average": load,
        "measures": [m.as_dict() for m in measures],
        "page_bytes": {str(p.relative_to(site)): w.total for p, w in weights.items()},
        "pdf_bytes": {name: state.size for name, state in pdfs.items()},
        "tool_script_bytes": scripts,
        "incremental_page": page,
        "incremental_pdfs_rewritten": with_pdf.redone if with_pdf else None,
    }
    save(args.save, record)
    return 0


def print_tool_scripts(site: Path) -> int:
    """The "Your numbers" tools' scripts, gzipped, against their budget (only tool pages load them)."""
    from neckguide.sphinx_ext.tools import SCRIPT_BUDGET, script_sizes

    total = sum(script_sizes(site / "_static" / "tools").values())
    print(
        f"\nThe tools' scripts together, gzipped -9: {total:,} bytes; budget ≤ {SCRIPT_BUDGET:,}."
    )
    return total


def compare_pages(site: Path, floor_site: Path) -> None:
    """Say whether the floor built the same pages as the full build."""
    full = {str(p.relative_to(site)) for p in site_pages(site)}
    floor = {str(p.relative_to(floor_site)) for p in site_pages(floor_site)}
    extra = ", ".join(sorted(full - floor)) or "none"
    missing = ", ".join(sorted(floor - full)) or "none"
    print(
        f"Pages: {len(full)} in the full build, {len(floor)} in the floor "
        f"(only in the full build: {extra}; only in the floor: {missing})."
    )


def print_weights(site: Path, weights: dict) -> None:
    """Every page's weight against its budget, and what the heaviest one loads."""
    print(
        f"\nPage weight on a cold load (gzip -6; 1 KB = 1,000 bytes); budget ≤ {BUDGET_PAGE_KB} KB:"
    )
    rows = [["page", "HTML", "total", "verdict"]]
    for path, w in weights.items():
        total = w.total / KB
        verdict = report.verdict(total, BUDGET_PAGE_KB)
        rows.append(
            [str(path.relative_to(site)), f"{w.html_bytes / KB:.1f} KB", f"{total:.1f} KB", verdict]
        )
        for problem in [*w.external, *map(str, w.missing)]:
            rows.append(["  ! on another host or missing:", problem, "", ""])
    print(report.align(rows))
    heaviest = max(weights, key=lambda p: weights[p].total)
    parts = sorted(weights[heaviest].resources.items(), key=lambda kv: -kv[1])
    listing = ", ".join(f"{f.relative_to(site)} {b / KB:.1f}" for f, b in parts)
    print(f"Files the heaviest page ({heaviest.relative_to(site)}) loads, KB: {listing}")


def print_pdfs(pdfs: dict[str, runs.PdfState], topics: list[str], gaps: dict[str, float]) -> None:
    """Every PDF's size against its budget, and its render time with one worker."""
    if not pdfs:
        return
    print(
        f"\nPDFs; budget ≤ {BUDGET_HANDOUT_KB} KB a topic handout (render time with one worker; "
        "* the first rendered, whose time includes the step's preparation):"
    )
    rows = [["PDF", "size", "render", "verdict"]]
    for name, state in pdfs.items():
        budget = BUDGET_HANDOUT_KB if runs.owner(name, topics) else None
        verdict = report.verdict(state.size / KB, budget)
        render = f"{gaps[name]:.2f} s" if name in gaps else "—"
        render += " *" if gaps and name == next(iter(gaps)) else ""
        rows.append([name, f"{state.size / KB:.1f} KB", render, verdict])
    print(report.align(rows))


def optional_measures(args: argparse.Namespace) -> list[Measure]:
    """``make test`` and the fresh clone: measured only when asked for."""
    measures = []
    if args.with_make_test:
        print("\nTiming `make test` (warm environment)…")
        run = runs.make_test(ROOT)
        slowest = runs.slowest_tests(run.stdout)
        if slowest:
            print("Slowest steps of the tests (pytest --durations):\n  " + "\n  ".join(slowest))
        measures.append(
            Measure(
                "make test (warm)",
                [run.seconds],
                "s",
                BUDGET_MAKE_TEST_S,
                condition_met=run.status == 0,
                note=f"exit status {run.status}",
            )
        )
    else:
        measures.append(
            Measure(
                "make test (warm)",
                [],
                "s",
                BUDGET_MAKE_TEST_S,
                note="not run: pass --with-make-test",
            )
        )
    if args.fresh_clone:
        print("\nTiming a fresh clone to a built site (fresh venv, no pip cache; downloads)…")
        clone = runs.fresh_clone(ROOT)
        ok = "build" in clone and all(r.status == 0 for r in clone.values())
        steps = ", ".join(f"{k} {r.seconds:.0f} s (exit {r.status})" for k, r in clone.items())
        measures.append(
            Measure(
                "fresh clone to built site",
                [sum(r.seconds for r in clone.values())],
                "s",
                condition_met=ok,
                note=f"{steps}; the committed HEAD only",
            )
        )
    return measures


def save(folder: Path, record: dict) -> None:
    """Write the figures to ``bench-results/bench-<time>.json`` (ignored by git)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bench-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(record, indent=1, default=str), encoding="utf-8")
    print(f"Figures saved to {path}")


if __name__ == "__main__":
    sys.exit(main())
