"""The "(123 KB, 2 pages)" next to each handout link: written, described and filled here.

A page is written before its PDFs exist, so each link carries a placeholder
(:func:`placeholder`); once the PDFs are rendered, :func:`fill_sizes` writes each one's real
size and page count into every built page that links to it.

>>> placeholder("faq.pdf")
'<span class="handout-meta" data-handout="faq.pdf">(PDF)</span>'
>>> describe({"bytes": 123_456, "pages": 2}), describe({"bytes": 10, "pages": 1})
('(123 KB, 2 pages)', '(1 KB, 1 page)')
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

META_SPAN = re.compile(r'(<span class="handout-meta" data-handout="([^"]+)">)(.*?)(</span>)', re.S)


def placeholder(file: str) -> str:
    """Where the size and page count of the PDF ``file`` go, until they are known."""
    return f'<span class="handout-meta" data-handout="{file}">(PDF)</span>'


def size_kb(size: int) -> int:
    """Kilobytes of 1,000 bytes, as the site shows them (at least 1).

    >>> size_kb(123_456), size_kb(10)
    (123, 1)
    """
    return max(1, round(size / 1000))


def describe(entry: dict[str, Any]) -> str:
    """ "(123 KB, 2 pages)" for a manifest entry."""
    pages = entry["pages"]
    return f"({size_kb(entry['bytes'])} KB, {pages} {'page' if pages == 1 else 'pages'})"


def fill_sizes(outdir: Path, files: dict[str, Any]) -> int:
    """Write the real size and page count of each PDF into the built pages that link to it;
    returns how many pages changed."""
    changed = 0
    for page in outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if 'class="handout-meta"' not in text:
            continue

        def fill(match: re.Match[str]) -> str:
            entry = files.get(match.group(2))
            return match.group(1) + (describe(entry) if entry else match.group(3)) + match.group(4)

        new = META_SPAN.sub(fill, text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return changed
