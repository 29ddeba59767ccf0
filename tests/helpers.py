"""What many tests need: a copy of the project to break on purpose, and a strict build of it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from neckguide.build import strict_args
from neckguide.paths import ROOT

IGNORE = shutil.ignore_patterns("_build", "__pycache__", "*.egg-info", ".pytest_cache")


def copy_project(dest: Path, *, with_code: bool = False) -> Path:
    """A copy of docs/ and facts/ (and, ``with_code``, src/ and pyproject.toml) in ``dest``,
    to break on purpose; the real tree is never touched. Returns ``dest``."""
    for folder in ("docs", "facts", "src") if with_code else ("docs", "facts"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=IGNORE)
    if with_code:
        shutil.copy(ROOT / "pyproject.toml", dest / "pyproject.toml")
    return dest


def strict_build(
    docs: Path, builder: str = "html", *, handouts: bool = False, warnings: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """A strict build (the project's flags, and ``-q``) of ``docs`` into ``docs/_build/<builder>``,
    without the PDF handouts unless asked; ``warnings`` also gets the warnings written to it.

    It runs in a fresh process: a build registers its roles in docutils and chooses its
    registry for the whole process, which must stay the real project's for the other tests.
    """
    command = [sys.executable, "-m", "sphinx", "-b", builder, *strict_args(), "-q"]
    if not handouts:
        command += ["-D", "handouts_enabled=0"]
    if warnings is not None:
        command += ["-w", str(warnings)]
    command += [str(docs), str(docs / "_build" / builder)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def tiny_project(root: Path, index: str, pages: dict[str, str] | None = None) -> Path:
    """A small project in ``root``: the real conf.py, templates, static files and registry,
    an ``index.md`` and ``pages`` (``{"topics/good.md": text}``; a page named
    ``glossary.md`` gets the real glossary). Returns its docs folder."""
    docs = root / "docs"
    shutil.copytree(ROOT / "facts", root / "facts")
    for folder in ("_static", "_templates"):
        shutil.copytree(ROOT / "docs" / folder, docs / folder)
    shutil.copy(ROOT / "docs" / "conf.py", docs / "conf.py")
    for name, text in (pages or {}).items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        if name == "glossary.md":
            shutil.copy(ROOT / "docs" / "glossary.md", docs / name)
        else:
            (docs / name).write_text(text, encoding="utf-8")
    (docs / "index.md").write_text(index, encoding="utf-8")
    return docs
