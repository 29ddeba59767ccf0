"""The bench's figures: one measure each, its budget, its verdict, and the printed table.

Everything here is pure (no builds, no clocks), so the tests run it on made-up samples.

>>> m = Measure("full build ÷ bare build", [1.21, 1.18, 1.25], "×", budget=1.3)
>>> m.median, m.spread
(1.21, (1.18, 1.25))
>>> m.verdict
'MET'
>>> print(format_table([m]))
measure                  median  spread (min–max)  budget   verdict
-----------------------  ------  ----------------  -------  -------
full build ÷ bare build  1.21×   1.18–1.25×        ≤ 1.30×  MET
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

MET = "MET"
NOT_MET = "NOT MET"
NO_BUDGET = "no budget"
NOT_MEASURED = "not measured"

KB = 1000  # bytes: page weight and PDF sizes are in kilobytes of 1,000 bytes


@dataclass
class Measure:
    """One figure: its samples (one per run), unit, budget (``None`` when there is none)
    and, for some, a condition besides the number (e.g. "only that page's handouts redone")."""

    name: str
    samples: list[float]
    unit: str  # "s", "×", "KB"
    budget: float | None = None
    condition_met: bool | None = None  # None: no extra condition
    condition: str = ""  # what the extra condition is, for the notes
    note: str = ""
    budget_label: str = ""  # shown instead of the budget, e.g. "reference" for the floor build

    @property
    def median(self) -> float | None:
        """The median of the samples (``None`` when nothing was measured)."""
        return statistics.median(self.samples) if self.samples else None

    @property
    def spread(self) -> tuple[float, float] | None:
        """The smallest and largest sample."""
        return (min(self.samples), max(self.samples)) if self.samples else None

    @property
    def verdict(self) -> str:
        """MET / NOT MET against the budget (and the extra condition, when there is one).

        >>> Measure("x", [2.0], "s", budget=1.5).verdict
        'NOT MET'
        >>> Measure("x", [1.0], "s", budget=1.5, condition_met=False).verdict
        'NOT MET'
        >>> Measure("x", [1.0], "s").verdict
        'no budget'
        >>> Measure("x", [], "s", budget=1.0).verdict
        'not measured'
        """
        return verdict(self.median, self.budget, self.condition_met)

    def as_dict(self) -> dict[str, Any]:
        """The measure as plain data (for the JSON record in ``bench-results/``)."""
        data = asdict(self)
        data.update(median=self.median, spread=self.spread, verdict=self.verdict)
        return data


def verdict(value: float | None, budget: float | None, condition_met: bool | None = None) -> str:
    """MET when ``value`` is within ``budget`` (≤) and any extra condition holds.

    >>> verdict(1.3, 1.3)
    'MET'
    >>> verdict(1.31, 1.3)
    'NOT MET'
    >>> verdict(None, 1.3)
    'not measured'
    >>> verdict(5.0, None)
    'no budget'
    """
    if value is None:
        return NOT_MEASURED
    if budget is None:
        return NO_BUDGET
    if value > budget:
        return NOT_MET
    return NOT_MET if condition_met is False else MET


def format_value(value: float | None, unit: str) -> str:
    """A number with its unit, as the table shows it.

    >>> format_value(1.234, "s"), format_value(1.234, "×"), format_value(98.44, "KB")
    ('1.23 s', '1.23×', '98.4 KB')
    >>> format_value(192.4, "s"), format_value(None, "s")
    ('192 s', '—')
    """
    if value is None:
        return "—"
    if unit == "×":
        return f"{value:.2f}×"
    if unit == "KB":
        return f"{value:.1f} KB"
    if unit == "s" and value >= 100:
        return f"{value:.0f} s"
    return f"{value:.2f} {unit}"


def format_spread(spread: tuple[float, float] | None, unit: str, runs: int) -> str:
    """``min–max`` with the unit; "1 run" when there is only one sample.

    >>> format_spread((1.0, 1.5), "s", 3)
    '1.00–1.50 s'
    >>> format_spread((4.0, 4.0), "s", 1)
    '(1 run)'
    """
    if spread is None:
        return "—"
    if runs <= 1:
        return "(1 run)"
    low, high = (format_value(v, unit) for v in spread)
    suffix = {"×": "×", "KB": " KB"}.get(unit, f" {unit}")
    return f"{low.removesuffix(suffix)}–{high}"


def format_budget(budget: float | None, unit: str) -> str:
    """``≤ budget``, or "none set".

    >>> format_budget(1.5, "s"), format_budget(120, "KB"), format_budget(None, "s")
    ('≤ 1.50 s', '≤ 120.0 KB', 'none set')
    """
    return "none set" if budget is None else f"≤ {format_value(budget, unit)}"


def table_rows(measures: Sequence[Measure]) -> list[list[str]]:
    """The cells of the table, one row per measure (without the header)."""
    return [
        [
            m.name,
            format_value(m.median, m.unit),
            "—" if m.unit == "KB" else format_spread(m.spread, m.unit, len(m.samples)),
            m.budget_label or format_budget(m.budget, m.unit),
            m.verdict,
        ]
        for m in measures
    ]


def format_table(measures: Sequence[Measure]) -> str:
    """The measures as an aligned plain-text table: measure, median, spread, budget, verdict."""
    header = ["measure", "median", "spread (min–max)", "budget", "verdict"]
    return align([header, *table_rows(measures)])


def align(rows: Sequence[Sequence[str]], underline_header: bool = True) -> str:
    """Left-aligned columns two spaces apart; a dashed line under the first row.

    >>> print(align([["a", "bb"], ["ccc", "d"]]))
    a    bb
    ---  --
    ccc  d
    """
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    if underline_header:
        lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def summary(measures: Sequence[Measure]) -> str:
    """One line: how many budgets were met.

    >>> summary([Measure("a", [1], "s", 2), Measure("b", [3], "s", 2), Measure("c", [1], "s")])
    '1 of 2 budgets met; NOT MET: b'
    """
    judged = [m for m in measures if m.verdict in (MET, NOT_MET)]
    missed = [m.name for m in judged if m.verdict == NOT_MET]
    text = f"{len(judged) - len(missed)} of {len(judged)} budgets met"
    return f"{text}; NOT MET: {', '.join(missed)}" if missed else text
