"""What ``make serve`` does after each build, for the files you just saved: the content
gates (front matter, structure, pictures, typed figures, reading level, clarity, spelling;
the registry's gate when ``facts/`` changed), and for a topic page its standard handout, with
how many lines it has spare or is over the two-page limit (:mod:`neckguide.handouts.preview`).

sphinx-autobuild runs ``python -m neckguide.serve`` after each successful build. It starts the
work in the background (``--wait`` does it in the foreground) and returns at once, so the
browser reloads without waiting; the results follow in the same terminal a few seconds later.
A newer save stops the work still running for an older one.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from neckguide.paths import BUILD, DOCS, FACTS, ROOT

LIVE_SITE = BUILD / "live"
STATE = BUILD / "serve-state.json"
WORKER = BUILD / "serve-worker.pid"
#: The gates that look at the pages you changed (quick, and each names file and line).
PAGE_GATES = (
    "front-matter",
    "raw-html",
    "structure",
    "images",
    "figures",
    "reading-level",
    "clarity",
    "spelling",
)
#: Folders under docs/ that hold no pages.
NOT_PAGES = ("_build", "_templates", "_static")


def watched() -> dict[str, float]:
    """Every file whose change the hook reports on, with its modification time."""
    root, docs, facts = ROOT, DOCS, FACTS
    files = [p for p in docs.rglob("*.md") if not set(p.relative_to(docs).parts) & {*NOT_PAGES}]
    files += [*facts.glob("*.toml"), docs / "wordlist.txt"]
    return {p.relative_to(root).as_posix(): p.stat().st_mtime for p in files if p.is_file()}


def changed_since(previous: dict[str, float], now: dict[str, float]) -> list[str]:
    """The files added or changed since ``previous``.

    >>> changed_since({"a.md": 1.0, "b.md": 2.0}, {"a.md": 1.0, "b.md": 3.0, "c.md": 1.0})
    ['b.md', 'c.md']
    """
    return sorted(name for name, mtime in now.items() if previous.get(name) != mtime)


def topic_slugs(names: list[str]) -> list[str]:
    """The topic pages among ``names`` (each has a standard handout).

    >>> topic_slugs(["docs/topics/faq.md", "docs/index.md", "facts/neck.toml"])
    ['faq']
    """
    return [Path(n).stem for n in names if n.startswith("docs/topics/") and n.endswith(".md")]


def check_changes(names: list[str], site: Path = LIVE_SITE) -> None:
    """Run the gates on ``names``, then print the handout of each topic page among them."""
    from neckguide.checks.cli import main as gates

    pages = [n for n in names if n.endswith(".md")]
    only = list(PAGE_GATES) + (["sources"] if any(n.endswith(".toml") for n in names) else [])
    print(f"\n[checks] {', '.join(names)}", flush=True)
    gates(["--only", ",".join(only), *(str(ROOT / n) for n in pages or names)])
    for slug in topic_slugs(names):
        from neckguide.handouts.preview import report

        try:
            print(f"[handout] {report(slug, site)}", flush=True)
        except (FileNotFoundError, OSError) as error:
            print(f"[handout] {slug}: could not print it ({error})", flush=True)


def stop_previous() -> None:
    """Stop the work still running for an earlier save (it is this hook's own child)."""
    with contextlib.suppress(OSError, ValueError):
        pid = int(WORKER.read_text())
        os.kill(pid, signal.SIGTERM)
    WORKER.unlink(missing_ok=True)


def work(site: Path = LIVE_SITE, state: Path = STATE) -> int:
    """Report on what changed since the last run, then remember what was seen."""
    previous = {}
    with contextlib.suppress(OSError, ValueError):
        previous = json.loads(state.read_text(encoding="utf-8"))
    now = watched()
    names = changed_since(previous, now) if previous else []
    if not previous:
        print("[checks] after each save: the gates on the files you changed, and the handout "
              "of a topic page you changed", flush=True)  # fmt: skip
    if names:
        check_changes(names, site)
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text(json.dumps(now), encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    cli = argparse.ArgumentParser(prog="python -m neckguide.serve", description=__doc__)
    cli.add_argument("--wait", action="store_true", help="do the work now, in the foreground")
    cli.add_argument("--site", type=Path, default=LIVE_SITE, help="the live build")
    options = cli.parse_args(argv)
    if options.wait:
        return work(options.site)
    stop_previous()
    worker = subprocess.Popen(
        [sys.executable, "-m", "neckguide.serve", "--wait"], cwd=ROOT, start_new_session=True
    )
    WORKER.parent.mkdir(parents=True, exist_ok=True)
    WORKER.write_text(str(worker.pid), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
