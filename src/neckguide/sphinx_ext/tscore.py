"""``{tscore-scale}``: the T-score scale picture, an accessible SVG drawn from the WHO
thresholds in the registry (so the picture follows a changed figure, like the text).

It is drawn twice: wide (the bands named inside them) for laptops and paper, and narrow
(the bands named in a key below) for phones, where the wide drawing's labels would shrink
below 11 px. ``guide.css`` shows one or the other by the width of the screen.

>>> svg = tscore_scale_svg(normal_at_or_above=-1.0, osteoporosis_at_or_below=-2.5)
>>> svg.startswith("<svg") and 'role="img"' in svg
True
>>> "−2.5" in svg and "−1.0" in svg
True
>>> narrow = tscore_scale_narrow_svg(normal_at_or_above=-1.0, osteoporosis_at_or_below=-2.5)
>>> "Osteoporosis: −2.5 and below" in narrow and 'id="tscore-narrow-title"' in narrow
True
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from neckguide.registry import format_number
from neckguide.sphinx_ext.facts import depend_on_registry, registry, source_mark
from neckguide.sphinx_ext.nodes import generated_raw

WIDTH, HEIGHT = 640, 150
LOW, HIGH = -4.0, 2.0  # the part of the scale the picture shows
LEFT, RIGHT = 20, 620


def _x(score: float) -> float:
    return LEFT + (score - LOW) / (HIGH - LOW) * (RIGHT - LEFT)


def tscore_scale_svg(*, normal_at_or_above: float, osteoporosis_at_or_below: float) -> str:
    """The scale as SVG markup: three coloured bands with their names and limits.

    Colours are chosen to keep 4.5:1 contrast for the labels; the bands also differ in
    pattern of text, so the picture does not rely on colour alone.
    """
    normal, osteo = normal_at_or_above, osteoporosis_at_or_below
    if not LOW < osteo < normal < HIGH:
        raise ValueError("the thresholds must satisfy osteoporosis < normal, inside the scale")
    bands = [
        (LOW, osteo, "#7a1f3d", "Osteoporosis"),
        (osteo, normal, "#8a5a00", "Low bone mass"),
        (normal, HIGH, "#1e6b52", "Normal"),
    ]
    description = (
        f"A T-score scale. {format_number(normal)} and above is normal. "
        f"Between {format_number(normal)} and {format_number(osteo)} is low bone mass "
        f"(osteopenia). {format_number(osteo)} and below is osteoporosis."
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="tscore-title tscore-desc" class="tscore-svg tscore-svg--wide">',
        '<title id="tscore-title">The T-score scale</title>',
        f'<desc id="tscore-desc">{description}</desc>',
    ]
    for start, end, colour, label in bands:
        x0, x1 = _x(start), _x(end)
        parts.append(
            f'<rect x="{x0:.1f}" y="30" width="{x1 - x0:.1f}" height="50" fill="{colour}"/>'
        )
        parts.append(
            f'<text x="{(x0 + x1) / 2:.1f}" y="61" text-anchor="middle" fill="#ffffff" '
            f'font-size="17" font-weight="bold">{label}</text>'
        )
    for tick in range(int(LOW), int(HIGH) + 1):
        parts.append(
            f'<line x1="{_x(tick):.1f}" y1="80" x2="{_x(tick):.1f}" y2="90" stroke="currentColor"/>'
        )
        parts.append(
            f'<text x="{_x(tick):.1f}" y="108" text-anchor="middle" font-size="15" '
            f'fill="currentColor">{format_number(tick)}</text>'
        )
    for limit in (osteo, normal):
        parts.append(
            f'<line x1="{_x(limit):.1f}" y1="22" x2="{_x(limit):.1f}" y2="88" stroke="currentColor" '
            f'stroke-width="3"/>'
        )
        parts.append(
            f'<text x="{_x(limit):.1f}" y="16" text-anchor="middle" font-size="16" '
            f'font-weight="bold" fill="currentColor">{format_number(limit)}</text>'
        )
    parts.append(
        f'<text x="{LEFT}" y="138" font-size="15" fill="currentColor">← lower bone density</text>'
    )
    parts.append(
        f'<text x="{RIGHT}" y="138" font-size="15" text-anchor="end" fill="currentColor">'
        "higher bone density →</text>"
    )
    parts.append("</svg>")
    return "".join(parts)


#: The narrow drawing: a bar of NARROW_WIDTH units with a key below it.
NARROW_WIDTH, NARROW_HEIGHT = 320, 196
NARROW_LEFT, NARROW_RIGHT = 16, 304


def _narrow_x(score: float) -> float:
    return NARROW_LEFT + (score - LOW) / (HIGH - LOW) * (NARROW_RIGHT - NARROW_LEFT)


def tscore_scale_narrow_svg(*, normal_at_or_above: float, osteoporosis_at_or_below: float) -> str:
    """The scale for a phone: the same bands and limits, each band named in a key below
    the bar, so every label stays at least 11 px tall on a 360 px screen."""
    normal, osteo = normal_at_or_above, osteoporosis_at_or_below
    if not LOW < osteo < normal < HIGH:
        raise ValueError("the thresholds must satisfy osteoporosis < normal, inside the scale")
    n, o = format_number(normal), format_number(osteo)
    bands = [
        (LOW, osteo, "#7a1f3d", f"Osteoporosis: {o} and below"),
        (osteo, normal, "#8a5a00", f"Low bone mass: {o} to {n}"),
        (normal, HIGH, "#1e6b52", f"Normal: {n} and above"),
    ]
    description = (
        f"A T-score scale. {n} and above is normal. Between {n} and {o} is low bone mass "
        f"(osteopenia). {o} and below is osteoporosis."
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {NARROW_WIDTH} {NARROW_HEIGHT}" '
        'role="img" aria-labelledby="tscore-narrow-title tscore-narrow-desc" '
        'class="tscore-svg tscore-svg--narrow">',
        '<title id="tscore-narrow-title">The T-score scale</title>',
        f'<desc id="tscore-narrow-desc">{description}</desc>',
    ]
    for start, end, colour, _ in bands:
        x0, x1 = _narrow_x(start), _narrow_x(end)
        parts.append(
            f'<rect x="{x0:.1f}" y="28" width="{x1 - x0:.1f}" height="30" fill="{colour}"/>'
        )
    for tick in range(int(LOW), int(HIGH) + 1):
        x = _narrow_x(tick)
        parts.append(f'<line x1="{x:.1f}" y1="58" x2="{x:.1f}" y2="66" stroke="currentColor"/>')
        parts.append(
            f'<text x="{x:.1f}" y="84" text-anchor="middle" font-size="15" '
            f'fill="currentColor">{format_number(tick)}</text>'
        )
    for limit in (osteo, normal):
        x = _narrow_x(limit)
        parts.append(
            f'<line x1="{x:.1f}" y1="20" x2="{x:.1f}" y2="64" stroke="currentColor" stroke-width="3"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="15" text-anchor="middle" font-size="15" font-weight="bold" '
            f'fill="currentColor">{format_number(limit)}</text>'
        )
    for row, (_, _, colour, label) in enumerate(reversed(bands)):
        y = 112 + row * 28
        parts.append(
            f'<rect x="{NARROW_LEFT}" y="{y - 14}" width="18" height="18" fill="{colour}"/>'
        )
        parts.append(
            f'<text x="{NARROW_LEFT + 26}" y="{y}" font-size="15" fill="currentColor">{label}</text>'
        )
    foot = f'y="{NARROW_HEIGHT - 6}" font-size="14" fill="currentColor"'
    parts.append(f'<text x="{NARROW_LEFT}" {foot}>← lower</text>')
    parts.append(f'<text x="{NARROW_WIDTH / 2:g}" {foot} text-anchor="middle">bone density</text>')
    parts.append(f'<text x="{NARROW_RIGHT}" {foot} text-anchor="end">higher →</text>')
    parts.append("</svg>")
    return "".join(parts)


class TScoreScale(SphinxDirective):
    """The T-score scale picture, drawn from the registry's WHO thresholds, with a visible
    caption (``:caption:``) that readers see on the web and on paper."""

    option_spec: ClassVar = {"caption": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        facts = registry()
        depend_on_registry(self.env)
        limits = {
            "normal_at_or_above": facts["tscore.normal_at_or_above"],
            "osteoporosis_at_or_below": facts["tscore.osteoporosis_at_or_below"],
        }
        svg = tscore_scale_svg(**limits) + tscore_scale_narrow_svg(**limits)
        figure = generated_raw("", f'<figure class="tscore-scale">{svg}</figure>', format="html")
        mark = source_mark(self.env, facts.fact("tscore.osteoporosis_at_or_below").source)
        caption = nodes.paragraph("", "", classes=["figure-caption"])
        text = self.options.get("caption", "").strip()
        if text:
            words, messages = self.parse_inline(text, lineno=self.lineno)
            caption += words
            caption += nodes.Text(" ")
        else:
            messages = []
        caption += nodes.Text("Source of the category limits: ")
        caption += mark
        return [figure, caption, *messages]


def setup_tscore(app: Sphinx) -> None:
    app.add_directive("tscore-scale", TScoreScale)
