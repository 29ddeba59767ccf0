"""Re-pin ``requirements.lock`` from the dependency groups in ``pyproject.toml``.

``python -m neckguide.lock`` makes a throw-away virtual environment, installs the ``dev``
group (which includes every other group) with pip's ``--group`` support, and writes the exact
versions it got. It downloads from PyPI, so it is run by hand (``make lock``), never by a build.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import venv
from pathlib import Path

from neckguide.paths import ROOT

HEADER = (
    "# Exact versions tested together on Python 3.11 (Debian 12). Regenerate with `make lock`;\n"
    "# never edit by hand. Declared dependencies live in pyproject.toml [dependency-groups].\n"
)
BUILD_TOOLS = (
    "setuptools",
    "wheel",
)  # the editable install of this project builds without isolation


def pinned_lines(freeze_output: str) -> list[str]:
    """The lines of ``pip freeze`` to keep: every pin except this project itself.

    >>> pinned_lines("furo==2025.12.19\\n-e git+x#egg=neckguide\\nneckguide==0.1.0\\n")
    ['furo==2025.12.19']
    """
    return [
        line
        for line in freeze_output.splitlines()
        if line and not line.startswith("-e ") and not line.lower().startswith("neckguide")
    ]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        venv.create(tmp, with_pip=True)
        python = str(Path(tmp) / "bin" / "python")
        pip = [python, "-m", "pip", "--quiet"]
        subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
        subprocess.run(
            [*pip, "install", *BUILD_TOOLS, "--group", f"{ROOT / 'pyproject.toml'}:dev"], check=True
        )
        frozen = subprocess.run(
            [python, "-m", "pip", "freeze", "--all", "--exclude", "pip"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    lines = pinned_lines(frozen)
    (ROOT / "requirements.lock").write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"requirements.lock: {len(lines)} pinned packages", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
