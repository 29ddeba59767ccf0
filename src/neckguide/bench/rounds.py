"""The bench's measuring rounds: cold builds side by side, then incremental rebuilds.

Cold builds are interleaved (floor, full without PDFs, full with PDFs; then again), so a
busy moment on the machine slows every kind alike and the per-round ratios stay fair.
"""

from __future__ import annotations

import itertools
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from neckguide.bench import runs


@dataclass
class Rounds:
    """Cold builds of each kind ("floor", "html", "pdf"), one per round."""

    runs: dict[str, list[runs.Run]] = field(default_factory=dict)
    pdf_failure: str = ""  # why the build with PDFs failed (the bench goes on without it)

    def seconds(self, kind: str) -> list[float]:
        """Wall-clock seconds of each round's build of ``kind``."""
        return [r.seconds for r in self.runs.get(kind, [])]

    def cpu(self, kind: str) -> list[float]:
        """CPU seconds of each round's build of ``kind``."""
        return [r.cpu_seconds for r in self.runs.get(kind, [])]


@dataclass
class Edits:
    """Incremental rebuilds after an edit: each run, and the PDFs it wrote again."""

    runs: list[runs.Run] = field(default_factory=list)
    redone: list[list[str]] = field(default_factory=list)


def fail(what: str, run: runs.Run) -> None:
    """Stop the bench: a build failed (perhaps someone's work in progress; try again later)."""
    print(f"\n{what} failed (exit {run.status}); its last messages:\n", file=sys.stderr)
    print("\n".join(run.stderr.splitlines()[-25:]), file=sys.stderr)
    raise SystemExit(2)


def cold_rounds(out: Path, sources: dict[str, Path], with_pdfs: bool, rounds: int) -> Rounds:
    """``rounds`` rounds of cold builds into ``out/<kind>``: the floor (``sources["floor"]``),
    the full build without PDFs (``-D handouts_enabled=0``) and, ``with_pdfs``, with them.
    """
    result = Rounds()
    kinds = [("floor", True), ("html", False)] + ([("pdf", True)] if with_pdfs else [])
    for i in range(rounds):
        for kind, handouts in list(kinds):
            site, doctrees = out / kind / "html", out / kind / "doctrees"
            shutil.rmtree(out / kind, ignore_errors=True)  # every round builds from cold
            src = sources["floor" if kind == "floor" else "project"]
            run = runs.sphinx_build(src, site, doctrees, handouts)
            if run.status != 0 and kind == "pdf":  # report it, and measure the rest
                result.pdf_failure = f"exit {run.status}: {run.stderr.strip().splitlines()[-1]}"
                print(f"  The build with PDFs failed ({result.pdf_failure}); going on without it.")
                kinds.remove((kind, handouts))
                result.runs.pop(kind, None)
                continue
            if run.status != 0:
                fail(f"The {kind} build", run)
            result.runs.setdefault(kind, []).append(run)
            if i == 0 and run.warnings:
                print(
                    f"  ({kind} build: {len(run.warnings)} warnings; "
                    f"first: {run.warnings[0][:140]})"
                )
        times = ", ".join(f"{k} {v[-1].seconds:.2f} s" for k, v in result.runs.items())
        print(f"  round {i + 1}/{rounds}: {times}")
    return result


def edit_rounds(
    src: Path, built: Path, page: str, rounds: int, handouts: bool, flags: list[str] | None = None
) -> Edits:
    """Append a sentence to ``page`` of the copy in ``src`` and rebuild ``built`` (a folder
    with ``html`` and ``doctrees``) incrementally, ``rounds`` times."""
    site, doctrees = built / "html", built / "doctrees"
    edits = Edits()
    for i in range(rounds):
        before = runs.pdf_snapshot(site)
        with (src / f"{page}.md").open("a", encoding="utf-8") as f:
            f.write(f"\n\nBench edit {i + 1}: a sentence added to the bench's copy of this page.\n")
        run = runs.sphinx_build(src, site, doctrees, handouts, flags)
        if run.status != 0:
            fail("An incremental rebuild", run)
        edits.runs.append(run)
        edits.redone.append(runs.rewritten(before, runs.pdf_snapshot(site)))
    return edits


def pdf_write_gaps(site: Path) -> dict[str, float]:
    """For each PDF, seconds since the file written just before it: its render time when the
    PDFs are rendered one after another (meaningless if they are rendered in parallel)."""
    files = sorted((p.stat().st_mtime_ns, p) for p in site.rglob("*") if p.is_file())
    return {
        str(path.relative_to(site)): (mtime - prev) / 1e9
        for (prev, _), (mtime, path) in itertools.pairwise(files)
        if path.suffix == ".pdf"
    }


def sequential_pdfs(src: Path, built: Path) -> tuple[runs.Run, dict[str, float]]:
    """Render every PDF of the build in ``built`` again, one after another (one worker), and
    time each one by the gaps between the files' writes. The first PDF's time includes the
    step's preparation (the handouts' HTML, the input hashes)."""
    site = built / "html"
    for pdf in site.rglob("*.pdf"):
        pdf.unlink()
    run = runs.sphinx_build(src, site, built / "doctrees", True, ["-D", "handouts_workers=1"])
    if run.status != 0:
        fail("The PDF step with one worker", run)
    return run, pdf_write_gaps(site)
