"""Timed runs for the bench: Sphinx builds, ``make test``, a fresh clone; PDF snapshots.

Each build runs ``python -m sphinx`` in a fresh process (as ``make html`` does), so its time
includes starting Python and importing Sphinx and the extensions.
"""

from __future__ import annotations

import hashlib
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from neckguide.build import parallel_flags, strict_args
from neckguide.handouts.names import HTML_ONLY

# The flags of the project's build without -W: a warning from someone's work in progress
# must not stop a measurement (it is printed instead).
SPHINX_FLAGS = strict_args(warnings_are_errors=False)
# What the handouts extension logs at the end of its step.
HANDOUTS_LOG = re.compile(r"handouts: (\d+) PDFs rendered, (\d+) unchanged kept, in ([\d.]+) s")
# A command still running after this long is stopped (a hung PDF render must not hang the bench).
TIMEOUT_S = float(os.environ.get("GUIDE_BENCH_TIMEOUT", "900"))
HOUR = 3600.0


@dataclass
class Run:
    """One timed command: wall-clock seconds, CPU seconds (user + system, with every process
    it started), exit status and what it printed on stderr."""

    seconds: float
    status: int
    stderr: str
    cpu_seconds: float = 0.0
    stdout: str = ""

    @property
    def handouts(self) -> tuple[int, int, float] | None:
        """From the handouts extension's log line: PDFs rendered, PDFs kept, seconds.

        >>> log = "handouts: 4 PDFs rendered, 18 unchanged kept, in 2.5 s (_downloads/handouts/)"
        >>> Run(1, 0, "", stdout=log).handouts
        (4, 18, 2.5)
        """
        found = HANDOUTS_LOG.search(self.stdout)
        return (int(found[1]), int(found[2]), float(found[3])) if found else None

    @property
    def warnings(self) -> list[str]:
        """The WARNING/ERROR lines it printed."""
        return [line for line in self.stderr.splitlines() if "WARNING" in line or "ERROR" in line]


def timed(
    cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 0
) -> Run:
    """Run ``cmd`` and time it (wall clock and CPU), keeping what it prints.

    After ``timeout`` seconds (default :data:`TIMEOUT_S`) it is stopped with every process it
    started (status -9)."""
    timeout = timeout or TIMEOUT_S
    cpu_before = _children_cpu()
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, so a timeout stops its workers too
    )
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        stdout, stderr = proc.communicate()
        stderr += f"\nStopped by the bench after {timeout:.0f} s: {' '.join(cmd)}"
    seconds = time.perf_counter() - started
    return Run(seconds, proc.returncode, stderr, _children_cpu() - cpu_before, stdout)


def _children_cpu() -> float:
    """CPU seconds used so far by finished child processes (and theirs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def sphinx_build(
    srcdir: Path,
    outdir: Path,
    doctrees: Path,
    handouts: bool = True,
    extra: list[str] | None = None,
) -> Run:
    """Build ``srcdir`` to HTML in ``outdir``, timed; ``handouts=False`` skips the PDF step."""
    jobs = parallel_flags(doctrees)  # as `make` builds: parallel for a cold build only
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-d", str(doctrees), *SPHINX_FLAGS, *jobs]
    switch = [] if handouts else list(HTML_ONLY)
    return timed([*cmd, *switch, *(extra or []), str(srcdir), str(outdir)])


@dataclass(frozen=True)
class PdfState:
    """A PDF's modification time and content hash."""

    mtime_ns: int
    sha256: str
    size: int


def pdf_snapshot(outdir: Path) -> dict[str, PdfState]:
    """Every PDF under ``outdir`` (by path relative to it) with its mtime, hash and size."""
    snapshot = {}
    for pdf in sorted(outdir.rglob("*.pdf")):
        stat = pdf.stat()
        digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
        snapshot[str(pdf.relative_to(outdir))] = PdfState(stat.st_mtime_ns, digest, stat.st_size)
    return snapshot


def rewritten(before: dict[str, PdfState], after: dict[str, PdfState]) -> list[str]:
    """PDFs written again (new mtime or new content) or new since ``before``.

    >>> a = {"x.pdf": PdfState(1, "h", 9), "y.pdf": PdfState(1, "h", 9)}
    >>> b = {**a, "x.pdf": PdfState(2, "h", 9), "z.pdf": PdfState(1, "h", 1)}
    >>> rewritten(a, b)
    ['x.pdf', 'z.pdf']
    """
    return sorted(name for name, state in after.items() if before.get(name) != state)


def is_booklet(pdf: str) -> bool:
    """True for the booklet (every page in one PDF) rather than one topic's handout.

    >>> is_booklet("_downloads/booklet-large.pdf"), is_booklet("handouts/exercise.pdf")
    (True, False)
    """
    return "booklet" in Path(pdf).name.lower()


def owner(pdf: str, pages: list[str]) -> str | None:
    """The page a handout belongs to: the page whose name its file name starts with (the
    longest such name), or ``None`` (the booklet, or anything else).

    >>> pages = ["topics/exercise", "topics/exercise-at-home", "topics/faq"]
    >>> owner("handouts/exercise-large-print.pdf", pages), owner("h/exercise-at-home.pdf", pages)
    ('topics/exercise', 'topics/exercise-at-home')
    >>> owner("booklet.pdf", pages) is None
    True
    """
    stem = Path(pdf).stem.lower()
    matches = [
        page
        for page in pages
        if stem == Path(page).name.lower()
        or stem.startswith((f"{Path(page).name.lower()}-", f"{Path(page).name.lower()}_"))
    ]
    return max(matches, key=len, default=None) if not is_booklet(pdf) else None


def make_test(root: Path) -> Run:
    """``make test`` in the project, timed (the environment already installed); pytest is
    asked for its slowest tests, to show where the time goes."""
    return timed(["make", "test"], cwd=root, env={"PYTEST_ADDOPTS": "--durations=12"})


def slowest_tests(pytest_output: str) -> list[str]:
    r"""The lines of pytest's "slowest durations" report.

    >>> slowest_tests("x\n==== slowest 2 durations ====\n9.1s setup t.py::a\n1.0s call t.py::b\n\n== 2 passed")
    ['9.1s setup t.py::a', '1.0s call t.py::b']
    """
    lines = pytest_output.splitlines()
    start = next(
        (i for i, line in enumerate(lines) if "slowest" in line and "durations" in line), None
    )
    if start is None:
        return []
    found = []
    for line in lines[start + 1 :]:
        if not line.strip() or line.startswith("="):
            break
        found.append(line.strip())
    return found


def fresh_clone(root: Path) -> dict[str, Run]:
    """Clone the repository (its committed HEAD) to a temporary folder and ``make`` there with
    a fresh virtual environment and no download cache: clone, install, build — each timed."""
    with tempfile.TemporaryDirectory(prefix="neckguide-clone-") as tmp:
        clone = Path(tmp) / "clone"
        runs = {"clone": timed(["git", "clone", "--quiet", str(root), str(clone)], timeout=HOUR)}
        if runs["clone"].status != 0:
            return runs
        base_python = getattr(sys, "_base_executable", sys.executable)
        # No download caches, as on a new machine: pip's off, uv's a new empty folder.
        env = {
            "PIP_NO_CACHE_DIR": "1",
            "UV_CACHE_DIR": str(Path(tmp) / "uv-cache"),
            "PYTHON": base_python,
            "VIRTUAL_ENV": "",
        }
        runs["install"] = timed(
            ["make", f"PYTHON={base_python}", ".venv/.installed"], cwd=clone, env=env, timeout=HOUR
        )
        if runs["install"].status == 0:
            runs["build"] = timed(
                ["make", f"PYTHON={base_python}"], cwd=clone, env=env, timeout=HOUR
            )
        return runs
