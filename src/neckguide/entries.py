"""What a reader types into a tool, read the same way here and in the tools' JavaScript;
numbers shown the same way; and figures converted to a second unit.

The "Your numbers" tools (:mod:`neckguide.your_numbers`, ``docs/_static/tools/``) read each
field with :func:`read_number`, round with :func:`round_half_up` and show numbers with
:func:`shown_number`; ``docs/_static/tools/core.js`` does the same, step for step, so the
browser tests can demand equal answers. ``{fact-in}`` (:mod:`neckguide.sphinx_ext.two_units`)
shows a registry figure in two units with :func:`convert_units` and :func:`in_second_unit`.

>>> read_number("1,200", low=0, high=5000, example="600")
1200.0
>>> shown_number(-2.5, 1)
'−2.5'
"""

from __future__ import annotations

import math
import re

from neckguide.registry import load

__all__ = [
    "CM_PER_INCH",
    "ENTRY_MESSAGES",
    "EntryError",
    "convert_units",
    "in_second_unit",
    "read_number",
    "round_half_even",
    "round_half_up",
    "second_unit_places",
    "shown_number",
    "unit_factors",
]

#: One inch is exactly this many centimetres (the international inch, 1959).
CM_PER_INCH = 2.54

#: What a tool says beside a field it cannot use (``{low}``, ``{high}``, ``{example}`` filled
#: in). The build copies these into the tools' JSON, so the page says exactly these words.
ENTRY_MESSAGES = {
    "empty": "Type a number here, like {example}.",
    "not_a_number": "Use only numbers and a decimal point here, like {example}.",
    "too_many_places": "Type it as your report shows it, like {example}.",
    "whole_number": "Type a whole number, like {example}.",
    "negative": "This cannot be less than zero.",
    "out_of_range": "Type a number from {low} to {high}.",
    "choose": "Choose one of these.",
    "no_t_score": "Type at least one T-score from your report.",
    "hip_above_major": (
        "Your hip number is usually smaller than your major break number. Check your report."
    ),
}
#: A number as readers type it: digits, an optional sign and point, thousands commas.
NUMBER_TEXT = r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|[+-]?\.[0-9]+"
_NUMBER_TEXT = re.compile(NUMBER_TEXT)


class EntryError(ValueError):
    """What a reader typed cannot be used: ``code`` names the rule, the message says why."""

    def __init__(self, code: str, **values: str) -> None:
        self.code = code
        super().__init__(ENTRY_MESSAGES[code].format(**values))


def round_half_up(number: float, places: int = 0) -> float:
    """Round to ``places`` decimals with halves going up, as readers do.

    Python's ``round`` sends halves to even (``round(0.5) == 0``); readers, and the tools'
    JavaScript, expect 0.5 → 1. ``floor(x × 10ⁿ + 0.5) ÷ 10ⁿ`` is worked out the same way in
    both languages, so both give the same answer for the same number.

    >>> round_half_up(0.5), round_half_up(2.5), round_half_up(0.25, 1), round_half_up(-1.5)
    (1.0, 3.0, 0.3, -1.0)
    """
    scale = 10**places
    return math.floor(number * scale + 0.5) / scale


def round_half_even(number: float) -> int:
    """Python's own ``round`` to a whole number (halves to even), spelt out for the
    JavaScript twin: :func:`neckguide.arithmetic.calcium_for_day` and
    :func:`neckguide.arithmetic.protein_range` use ``round``.

    >>> [round_half_even(x) for x in (0.5, 1.5, 88.5, 457.5, 2.4999)]
    [0, 2, 88, 458, 2]
    """
    return round(number)


def shown_number(number: float, places: int = 0, *, trim: bool = False) -> str:
    """A number as a tool shows it: rounded half up to ``places`` decimals, with thousands
    commas and a real minus sign; ``trim`` drops trailing zeros after the point.

    >>> shown_number(4000), shown_number(-2.5, 1), shown_number(-0.04, 1), shown_number(25.0, 1, trim=True)
    ('4,000', '−2.5', '0.0', '25')
    >>> shown_number(0.025, 2, trim=True), shown_number(12.5, 2, trim=True), shown_number(0.01, 1, trim=True)
    ('0.03', '12.5', '0')
    """
    rounded = round_half_up(number, places)
    if rounded == 0:
        rounded = 0.0  # never "−0"
    text = f"{rounded:,.{places}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace("-", "−")


def read_number(
    text: str,
    *,
    low: float,
    high: float,
    example: str,
    places: int | None = None,
) -> float:
    """What a reader typed in a tool's field, as a number; :class:`EntryError` if it is
    empty, not a number, has more decimals than ``places``, or is outside ``low``–``high``.

    Spaces around it, a real minus sign (−) and thousands commas (1,200) are accepted.

    >>> read_number(" −2.5 ", low=-10, high=10, places=1, example="−2.1")
    -2.5
    >>> for typed in ("", "abc", "-2.55", "-12", "1,20", "NaN", "1e3"):
    ...     try:
    ...         read_number(typed, low=-10, high=10, places=1, example="−2.1")
    ...     except EntryError as error:
    ...         print(f"{typed!r}: {error.code}: {error}")
    '': empty: Type a number here, like −2.1.
    'abc': not_a_number: Use only numbers and a decimal point here, like −2.1.
    '-2.55': too_many_places: Type it as your report shows it, like −2.1.
    '-12': out_of_range: Type a number from −10 to 10.
    '1,20': not_a_number: Use only numbers and a decimal point here, like −2.1.
    'NaN': not_a_number: Use only numbers and a decimal point here, like −2.1.
    '1e3': not_a_number: Use only numbers and a decimal point here, like −2.1.
    >>> read_number("-1", low=0, high=20, example="1")
    Traceback (most recent call last):
    ...
    neckguide.entries.EntryError: This cannot be less than zero.
    >>> read_number("70.5", low=19, high=120, places=0, example="65")
    Traceback (most recent call last):
    ...
    neckguide.entries.EntryError: Type a whole number, like 65.
    """
    typed = text.strip().replace("−", "-")
    if not typed:
        raise EntryError("empty", example=example)
    if not _NUMBER_TEXT.fullmatch(typed):
        raise EntryError("not_a_number", example=example)
    number = float(typed.replace(",", "")) + 0.0  # + 0.0 turns −0 into 0
    decimals = len(typed.partition(".")[2])
    if places is not None and decimals > places:
        raise EntryError("whole_number" if places == 0 else "too_many_places", example=example)
    if number < 0 <= low:
        raise EntryError("negative")
    if not low <= number <= high:
        raise EntryError("out_of_range", low=shown_number(low), high=shown_number(high))
    return number


# -- Figures in two units --------------------------------------------------------------------


def unit_factors() -> dict[tuple[str, str], float]:
    """(from, to) → factor, for a figure shown in a second unit. IU and mcg are vitamin D's
    units here (its factor comes from the registry); the others are exact definitions.

    >>> unit_factors()[("mcg", "IU")], unit_factors()[("lb", "kg")]
    (40.0, 0.45359237)
    """
    from neckguide.arithmetic import KG_PER_POUND  # (it imports this module at its end)

    per_microgram = float(load()["vitamin_d.iu_per_microgram"])
    return {
        ("kg", "lb"): 1 / KG_PER_POUND,
        ("lb", "kg"): KG_PER_POUND,
        ("cm", "in"): 1 / CM_PER_INCH,
        ("in", "cm"): CM_PER_INCH,
        ("g per kg", "g per lb"): KG_PER_POUND,
        ("g per lb", "g per kg"): 1 / KG_PER_POUND,
        ("IU", "mcg"): 1 / per_microgram,
        ("mcg", "IU"): per_microgram,
    }


def convert_units(value: float, unit: str, to: str, *, figure: str = "") -> float:
    """``value`` in ``unit``, expressed in ``to``. ``figure`` is the registry name: IU and mcg
    convert only for vitamin D figures (every vitamin has its own factor).

    >>> convert_units(4000, "IU", "mcg", figure="vitamin_d.upper_limit")
    100.0
    >>> round(convert_units(70, "kg", "lb"), 2)
    154.32
    >>> convert_units(1200, "mg", "g")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    ValueError: cannot show a figure in 'mg' in 'g'; the conversions known are: cm to in,
    g per kg to g per lb, g per lb to g per kg, in to cm, IU to mcg, kg to lb, lb to kg, mcg to IU
    >>> convert_units(90, "mcg", "IU", figure="vitamin_k.daily.women")
    Traceback (most recent call last):
    ...
    ValueError: IU and mcg convert with vitamin D's factor; 'vitamin_k.daily.women' is not a vitamin D figure
    """
    factors = unit_factors()
    if (unit, to) not in factors:
        known = ", ".join(f"{a} to {b}" for a, b in sorted(factors, key=lambda k: k[0].lower()))
        raise ValueError(
            f"cannot show a figure in {unit!r} in {to!r}; the conversions known are: {known}"
        )
    if {unit, to} == {"IU", "mcg"} and "vitamin_d" not in figure:
        raise ValueError(
            f"IU and mcg convert with vitamin D's factor; {figure!r} is not a vitamin D figure"
        )
    return value * factors[(unit, to)]


def second_unit_places(value: float) -> int:
    """Decimals for a converted figure: two significant figures, but every whole digit kept.

    >>> [second_unit_places(x) for x in (100.0, 69.85, 2.54, 0.4536, 661.4, 0.0)]
    [0, 0, 1, 2, 0, 0]
    """
    if not value:
        return 0
    if abs(value) >= 1:
        return max(0, 2 - len(str(int(abs(value)))))
    return 1 - math.floor(math.log10(abs(value)))


def in_second_unit(numbers: tuple[float, ...], unit: str, to: str, *, figure: str = "") -> str:
    """A figure's numbers shown in unit ``to``: converted, rounded to two significant figures
    (:func:`second_unit_places`), "about " before them unless every one is exact.

    >>> in_second_unit((4000,), "IU", "mcg", figure="vitamin_d.upper_limit")
    '100 mcg'
    >>> in_second_unit((1.0, 1.2), "g per kg", "g per lb")
    'about 0.45 to 0.54 g per lb'
    >>> in_second_unit((10,), "lb", "kg")
    'about 4.5 kg'
    """
    converted = [convert_units(n, unit, to, figure=figure) for n in numbers]
    shown = []
    exact = True
    for value in converted:
        places = second_unit_places(value)
        exact = exact and round_half_up(value, places) == value
        shown.append(shown_number(value, places))
    return ("" if exact else "about ") + " to ".join(shown) + f" {to}"
