"""What was rendered: each PDF's input hash, pages, size and page, kept between builds.

A handout is rendered again only when its input hash (the HTML, every local file it uses,
:data:`~neckguide.handouts.names.VERSION` and WeasyPrint's version) differs from the
manifest's.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, NotRequired, TypedDict
from urllib.parse import urldefrag, urlsplit

from neckguide.handouts.names import VERSION

if TYPE_CHECKING:
    from neckguide.handouts.assemble import Prepared

MANIFEST = "manifest.json"


class ManifestEntry(TypedDict):
    """One PDF as the manifest records it."""

    hash: str
    pages: int
    bytes: int
    page: str  # the docname it was made from ("booklet" for the booklet)
    fill: NotRequired[float]  # how much of the last page is filled (.length)
    slack: NotRequired[float]  # how much of the page before the last is left empty


def local_files(handout: Prepared, base: Path) -> list[Path]:
    """The local files a handout uses: the site's stylesheets, and its images (whose
    relative addresses start at ``base``)."""
    refs = re.findall(r'<(?:img|source)\b[^>]*?\bsrc="([^"]+)"', handout.html)
    files = [Path(path) for path in handout.stylesheets]
    for ref in refs:
        if urlsplit(ref).scheme or ref.startswith(("/", "#")):
            continue
        files.append(Path(os.path.normpath(base.parent / urldefrag(ref)[0])))
    return files


def input_hash(handout: Prepared, base: Path) -> str:
    """What decides whether a handout must be rendered again: its HTML, the bytes of every
    local file it uses and :data:`VERSION` (and WeasyPrint's version)."""
    engine = metadata.version("weasyprint")  # (importing WeasyPrint itself takes seconds)
    digest = hashlib.sha256(f"{VERSION}\0{engine}\0".encode())
    digest.update(handout.html.encode("utf-8"))
    for path in local_files(handout, base):
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")
    return digest.hexdigest()


def read_manifest(folder: Path) -> dict[str, ManifestEntry]:
    """The previous build's record of each PDF: ``{file: {hash, pages, bytes, page}}``."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data.get("files", {}) if data.get("version") == VERSION else {}


def write_manifest(folder: Path, files: dict[str, ManifestEntry]) -> None:
    """Record each PDF (sorted, so the same build writes the same manifest)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"version": VERSION, "files": files}, indent=1, sort_keys=True)
    (folder / MANIFEST).write_text(text + "\n", encoding="utf-8")
