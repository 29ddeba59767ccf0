"""The review as Markdown: ``docs/_build/review/report.md``, images beside it in
``images/`` (the pull request's comment is this text; its images are the run's artifact).

>>> arrow(12, 15), arrow(None, 3), arrow(4, None), arrow(2.0, 2.0)
('12 → 15', 'new: 3', 'deleted (was 4)', '2.0 (same)')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from neckguide.handouts.names import PAGE_BUDGET
from neckguide.review.builds import Built
from neckguide.review.compare import FigureChange, HandoutChange, PageChange
from neckguide.review.images import PagePictures

MARKER = "<!-- neckguide-review -->"


def arrow(before: object, after: object) -> str:
    if before is None:
        return f"new: {after}"
    if after is None:
        return f"deleted (was {before})"
    if before == after:
        return f"{after} (same)"
    return f"{before} → {after}"


@dataclass
class Review:
    """Everything the report says."""

    base: str
    head: str
    base_build: Built
    head_build: Built
    changed: list[str]
    pages: list[PageChange]
    handouts: list[HandoutChange]
    over: list[str]
    figures: list[FigureChange] | str
    new_gates: list[str]
    new_rendered: list[str]
    new_warnings: list[str]
    pictures: list[PagePictures] = field(default_factory=list)
    more_pictures: dict[str, int] = field(default_factory=dict)
    screenshots: dict[str, list[Path]] = field(default_factory=dict)
    preview: str = ""
    seconds: float = 0.0


def _link(path: Path | None, folder: Path) -> str:
    return f"[{path.name}]({path.relative_to(folder).as_posix()})" if path else "—"


def render(review: Review, folder: Path) -> str:
    """The report's Markdown; image paths relative to ``folder``."""
    base_note = (
        "cached" if review.base_build.cached else f"built in {review.base_build.seconds:.0f} s"
    )
    lines = [
        MARKER,
        "## What this change does to the guide",
        "",
        f"Compared with `{review.base}` (base build {base_note}); the working tree at "
        f"`{review.head}`. Made by `make review` in {review.seconds:.0f} s.",
    ]
    if review.preview:
        lines.append(f"Preview of the site: {review.preview}")
    lines += ["", "### Pages changed", ""]
    if review.pages:
        lines += ["| Page | Words | Reading grade (limit 8) |", "|---|---|---|"]
        for page in review.pages:
            lines.append(f"| `{page.path}` | {arrow(*page.words)} | {arrow(*page.grade)} |")
    else:
        lines.append("No page's text changed.")
    lines += ["", "### Handouts", ""]
    if review.handouts:
        lines += ["| Handout | Pages |", "|---|---|"]
        for handout in review.handouts:
            flag = f" ⚠️ over the {PAGE_BUDGET}-page limit" if handout.over else ""
            before, after = handout.pages
            lines.append(f"| `{handout.file}` | {arrow(before or None, after or None)}{flag} |")
    else:
        lines.append("No handout changed.")
    if review.over:
        lines += ["", f"Standard handouts over {PAGE_BUDGET} pages now: "
                  + ", ".join(f"`{f}`" for f in review.over)]  # fmt: skip
    lines += ["", "### Figures changed in the registry", ""]
    if isinstance(review.figures, str):
        lines.append(review.figures)
    elif review.figures:
        lines += ["| Figure | Reads | Shown on | Handouts |", "|---|---|---|---|"]
        for figure in review.figures:
            shown = ", ".join(f"`{p}`" for p in figure.pages) or "no page"
            handouts = ", ".join(figure.handouts) or "—"
            lines.append(
                f"| `{figure.name}` | {arrow(figure.before, figure.after)} | {shown} | {handouts} |"
            )
    else:
        lines.append("No figure changed.")
    lines += ["", "### Checks that fail now", ""]
    failing = [
        ("Build warnings", review.new_warnings),
        ("Content gates", review.new_gates),
        ("Rendered check", review.new_rendered),
    ]
    if not any(found for _, found in failing):
        lines.append("None: every check that passed before still passes.")
    for title, found in failing:
        if found:
            lines += [f"**{title}** ({len(found)}):", "", "```", *found[:40], "```", ""]
            if len(found) > 40:
                lines.append(f"… and {len(found) - 40} more.")
    lines += ["", "### Pictures", ""]
    if review.pictures:
        lines += ["Handout pages that changed (before, after):", ""]
        for pic in review.pictures:
            lines.append(
                f"- `{pic.file}` page {pic.page}: {_link(pic.before, folder)}, "
                f"{_link(pic.after, folder)}"
            )
        for file, more in review.more_pictures.items():
            lines.append(f"- `{file}`: {more} more pages changed")
    if review.screenshots:
        lines += ["", "Web pages changed (laptop light, laptop dark, 360 px phone):", ""]
        for page, shots in review.screenshots.items():
            lines.append(f"- `{page}`: " + ", ".join(_link(s, folder) for s in shots))
    if not review.pictures and not review.screenshots:
        lines.append("Nothing to show.")
    changed = ", ".join(f"`{name}`" for name in review.changed[:30]) or "none"
    lines += ["", f"<sub>Files changed: {changed}</sub>", ""]
    return "\n".join(lines)
