"""Where the repository's folders are: the one place the command-line tools find them.

A Sphinx build never uses these: it finds the registry through ``neckguide_facts_dir``
in ``conf.py`` (resolved against the docs folder), so a copy of the project, or an
installed package, builds from its own files.

>>> (DOCS / "conf.py").is_file() and (FACTS / "sources.toml").is_file()
True
>>> BUILD.relative_to(ROOT).as_posix()
'docs/_build'
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # src/neckguide/paths.py -> the repository
DOCS = ROOT / "docs"
FACTS = ROOT / "facts"
BUILD = DOCS / "_build"
