"""The "Your numbers" tools, in Python: each tool on the site is the twin of one function here.

The tools in ``docs/_static/tools/`` do in the reader's browser what these functions do, with
the same figures (the build writes them from the registry into the tools' JSON) and the same
rules for reading what is typed (:mod:`neckguide.entries`). ``tests/browser/test_tools.py``
runs every tool over a grid of entries and fails on any difference from these functions.

Every name here is also in :mod:`neckguide.arithmetic` (which imports them at its end), so
page doctests can use them like the guide's other arithmetic.

| Tool | Twin |
|---|---|
| T-score reader | :func:`tool_t_scores` |
| Calcium counter | :func:`tool_calcium` |
| Vitamin D units | :func:`tool_vitamin_d` |
| Protein for your weight | :func:`tool_protein` |
| Your 10-year risk picture | :func:`tool_risk_picture` |
| Stay Independent check | :func:`tool_stay_independent` |

>>> tool_t_scores({"total_hip": "-2.6"}, "after_menopause", False).category
'osteoporosis'
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType

from neckguide.entries import ENTRY_MESSAGES, EntryError, read_number
from neckguide.registry import load

__all__ = [
    "TOOL_LIMITS",
    "TRIAL_MEDICINES",
    "T_SCORE_GROUPS",
    "T_SCORE_LIMITS",
    "T_SCORE_SITES",
    "CalciumCount",
    "FallCheck",
    "ProteinAmount",
    "RiskPicture",
    "TScoreReading",
    "VitaminDAmount",
    "calcium_foods",
    "calcium_upper_limit",
    "people_in_100",
    "pounds_limits",
    "relative_risk",
    "tool_calcium",
    "tool_protein",
    "tool_risk_picture",
    "tool_stay_independent",
    "tool_t_scores",
    "tool_vitamin_d",
]

#: The T-scores a scan report can show (the range ``who_category`` accepts).
T_SCORE_LIMITS = (-10.0, 10.0)
#: The sites a bone density scan reports, in the order of a DXA report.
T_SCORE_SITES = ("lower_spine", "total_hip", "femoral_neck")
#: Who the reader is. The WHO categories apply to the first two groups only.
T_SCORE_GROUPS = ("after_menopause", "man_50_plus", "before_menopause", "man_under_50")
#: The medicines whose main trial the registry holds (facts/risk_tools.toml).
TRIAL_MEDICINES = ("alendronate", "denosumab", "raloxifene", "romosozumab", "teriparatide")
#: The largest entries the tools accept (beyond these a slip of the finger is likelier).
TOOL_LIMITS = {"servings": 20, "vitamin_d_iu": 1_000_000, "weight_kg": (25, 300), "age": (19, 120)}


def _arithmetic() -> ModuleType:
    """:mod:`neckguide.arithmetic`, imported when first needed: it imports this module."""
    return importlib.import_module("neckguide.arithmetic")


def _field(
    errors: dict[str, str], name: str, text: str, **rules: float | str | None
) -> float | None:
    """:func:`read_number` for one field: the number, or ``None`` with its message noted."""
    try:
        return read_number(text, **rules)  # type: ignore[arg-type]
    except EntryError as error:
        errors[name] = str(error)
        return None


def _age(errors: dict[str, str], text: str) -> float | None:
    low, high = TOOL_LIMITS["age"]
    return _field(errors, "age", text, low=low, high=high, places=0, example="65")


# -- T-score reader --------------------------------------------------------------------------


@dataclass(frozen=True)
class TScoreReading:
    """What the T-score reader says: the lowest score, where, and its category.

    ``category`` is ``None`` when the WHO categories do not apply to the reader (before
    menopause, or a man under 50). ``small_break``: a hip or spine bone broken in a small
    fall, which means osteoporosis whatever the score.
    """

    errors: Mapping[str, str]
    lowest: float | None = None
    site: str | None = None
    category: str | None = None
    applies: bool = False
    small_break: bool = False
    by_score: str | None = None  # the category from the score alone (when they apply)


def tool_t_scores(scores: Mapping[str, str], group: str, small_break: bool) -> TScoreReading:
    """The T-score reader: one to three T-scores as typed (by site), who the reader is, and
    whether they broke a hip or spine bone in a small fall.

    >>> reading = tool_t_scores({"lower_spine": "-1.8", "total_hip": "-2.6"}, "after_menopause", False)
    >>> reading.lowest, reading.site, reading.category
    (-2.6, 'total_hip', 'osteoporosis')
    >>> reading = tool_t_scores({"femoral_neck": "-1.2"}, "man_50_plus", True)
    >>> reading.category, reading.by_score
    ('osteoporosis', 'low bone mass')
    >>> reading = tool_t_scores({"lower_spine": "-2.7"}, "before_menopause", False)
    >>> reading.applies, reading.category
    (False, None)
    >>> tool_t_scores({"lower_spine": "-12", "total_hip": "x"}, "", False).errors  # doctest: +NORMALIZE_WHITESPACE
    {'lower_spine': 'Type a number from −10 to 10.',
     'total_hip': 'Use only numbers and a decimal point here, like −2.1.',
     'group': 'Choose one of these.'}
    >>> tool_t_scores({}, "man_50_plus", False).errors
    {'lower_spine': 'Type at least one T-score from your report.'}
    """
    errors: dict[str, str] = {}
    typed: dict[str, float] = {}
    low, high = T_SCORE_LIMITS
    for site in T_SCORE_SITES:
        text = scores.get(site, "")
        if text.strip():
            number = _field(errors, site, text, low=low, high=high, places=1, example="−2.1")
            if number is not None:
                typed[site] = number
    if not typed and not errors:
        errors[T_SCORE_SITES[0]] = ENTRY_MESSAGES["no_t_score"]
    if group not in T_SCORE_GROUPS:
        errors["group"] = ENTRY_MESSAGES["choose"]
    if errors:
        return TScoreReading(errors)
    site = min(typed, key=lambda s: (typed[s], T_SCORE_SITES.index(s)))
    applies = group in T_SCORE_GROUPS[:2]
    by_score = _arithmetic().who_category(typed[site]) if applies else None
    category = "osteoporosis" if applies and small_break else by_score
    return TScoreReading({}, typed[site], site, category, applies, small_break, by_score)


# -- Calcium counter -----------------------------------------------------------------------


def calcium_foods() -> tuple[str, ...]:
    """The registry's foods that have a calcium figure, in the registry's order.

    >>> calcium_foods()[:2]
    ('yogurt_low_fat', 'milk_low_fat')
    """
    return tuple(f.id for f in load().foods.values() if "calcium" in f.nutrients)


def calcium_upper_limit(age: int) -> int:
    """The most calcium a day (mg) for an adult, from food and supplements together.

    >>> calcium_upper_limit(45), calcium_upper_limit(51)
    (2500, 2000)
    """
    _arithmetic()._check_age(age)
    facts = load()
    if age < facts["dri.ages.from_51"]:
        return facts["calcium.upper_limit.adults_19_50"]
    return facts["calcium.upper_limit.adults_51_plus"]


@dataclass(frozen=True)
class CalciumCount:
    """The calcium counter's answer: the day's total against the reader's need."""

    errors: Mapping[str, str]
    total_mg: int = 0
    needed_mg: int = 0
    upper_limit_mg: int = 0

    @property
    def short_by_mg(self) -> int:
        return max(0, self.needed_mg - self.total_mg)


def tool_calcium(servings: Mapping[str, str], sex: str, age: str) -> CalciumCount:
    """The calcium counter: servings of the registry's foods (as typed; empty means none),
    the reader's sex and age → the day's total (``calcium_for_day``) and the need.

    >>> count = tool_calcium({"yogurt_low_fat": "1", "milk_low_fat": "1", "kale": "2"}, "female", "60")
    >>> count.total_mg, count.needed_mg, count.short_by_mg, count.upper_limit_mg
    (1107, 1200, 93, 2000)
    >>> tool_calcium({"kale": "-1", "milk_low_fat": "lots"}, "", "12").errors  # doctest: +NORMALIZE_WHITESPACE
    {'milk_low_fat': 'Use only numbers and a decimal point here, like 1.',
     'kale': 'This cannot be less than zero.', 'sex': 'Choose one of these.',
     'age': 'Type a number from 19 to 120.'}
    """
    errors: dict[str, str] = {}
    day: list[tuple[str, float]] = []
    for food in calcium_foods():
        text = servings.get(food, "")
        if text.strip():
            number = _field(errors, food, text, low=0, high=TOOL_LIMITS["servings"], example="1")
            if number is not None:
                day.append((food, number))
    if sex not in ("female", "male"):
        errors["sex"] = ENTRY_MESSAGES["choose"]
    years = _age(errors, age)
    if errors or years is None:
        return CalciumCount(errors)
    counted = _arithmetic().calcium_for_day(day, sex, int(years))
    return CalciumCount({}, counted.total_mg, counted.needed_mg, calcium_upper_limit(int(years)))


# -- Vitamin D units -----------------------------------------------------------------------


@dataclass(frozen=True)
class VitaminDAmount:
    """An amount of vitamin D in both units, against the adult upper limit."""

    errors: Mapping[str, str]
    iu: float = 0.0
    micrograms: float = 0.0
    upper_limit_iu: float = 0.0

    @property
    def over_limit(self) -> bool:
        return self.iu > self.upper_limit_iu


def tool_vitamin_d(amount: str, unit: str) -> VitaminDAmount:
    """Vitamin D units: an amount in IU or mcg (as typed) → both, and the upper limit.

    >>> dose = tool_vitamin_d("5,000", "IU")
    >>> dose.micrograms, dose.over_limit
    (125.0, True)
    >>> dose = tool_vitamin_d("100", "mcg")
    >>> dose.iu, dose.over_limit
    (4000.0, False)
    >>> tool_vitamin_d("-5", "mcg").errors, tool_vitamin_d("5", "mg").errors
    ({'amount': 'This cannot be less than zero.'}, {'unit': 'Choose one of these.'})
    """
    errors: dict[str, str] = {}
    per_microgram = load()["vitamin_d.iu_per_microgram"]
    highest = TOOL_LIMITS["vitamin_d_iu"] / (per_microgram if unit == "mcg" else 1)
    number = _field(errors, "amount", amount, low=0, high=highest, example="1,000")
    if unit not in ("IU", "mcg"):
        errors["unit"] = ENTRY_MESSAGES["choose"]
    if errors or number is None:
        return VitaminDAmount(errors)
    arithmetic = _arithmetic()
    if unit == "IU":
        iu, micrograms = number, arithmetic.iu_to_micrograms(number)
    else:
        iu, micrograms = arithmetic.micrograms_to_iu(number), number
    return VitaminDAmount({}, iu, micrograms, float(load()["vitamin_d.upper_limit"]))


# -- Protein for your weight -------------------------------------------------------------------


def pounds_limits() -> tuple[int, int]:
    """The whole weights in pounds the protein tool accepts: inside its kilogram limits, and
    accepted by ``protein_range_lb`` (which the tool uses for pounds).

    >>> pounds_limits()
    (56, 660)
    """
    arithmetic = _arithmetic()
    low, high = TOOL_LIMITS["weight_kg"]
    per = arithmetic.KG_PER_POUND
    accepted = []
    for pounds in range(math.ceil(low / per), math.floor(high / per) + 1):
        try:
            arithmetic.protein_range_lb(pounds, 40)
        except ValueError:
            continue
        accepted.append(pounds)
    return accepted[0], accepted[-1]


@dataclass(frozen=True)
class ProteinAmount:
    """Protein a day for the reader's weight (from ``protein_range``)."""

    errors: Mapping[str, str]
    weight_kg: float = 0.0
    low_g: int = 0
    high_g: int = 0


def tool_protein(weight: str, unit: str, age: str) -> ProteinAmount:
    """Protein for your weight: a weight in pounds or kilograms (as typed) and an age.

    Pounds go to ``protein_range_lb`` (× ``KG_PER_POUND``, then ``protein_range``);
    kilograms to ``protein_range``.

    >>> protein = tool_protein("154", "lb", "72")
    >>> round(protein.weight_kg, 2), protein.low_g, protein.high_g
    (69.85, 70, 84)
    >>> tool_protein("70", "kg", "40").low_g
    56
    >>> tool_protein("20", "lb", "").errors
    {'weight': 'Type a number from 56 to 660.', 'age': 'Type a number here, like 65.'}
    """
    errors: dict[str, str] = {}
    low, high = pounds_limits() if unit == "lb" else TOOL_LIMITS["weight_kg"]
    number = _field(errors, "weight", weight, low=low, high=high, example="154")
    if unit not in ("lb", "kg"):
        errors["unit"] = ENTRY_MESSAGES["choose"]
    years = _age(errors, age)
    if errors or number is None or years is None:
        return ProteinAmount(errors)
    arithmetic = _arithmetic()
    if unit == "lb":
        weight_kg = arithmetic.pounds_to_kg(number)
        low_g, high_g = arithmetic.protein_range_lb(number, int(years))
    else:
        weight_kg = number
        low_g, high_g = arithmetic.protein_range(number, int(years))
    return ProteinAmount({}, weight_kg, low_g, high_g)


# -- Your 10-year risk picture -------------------------------------------------------------------


def relative_risk(medicine: str) -> float:
    """The chance of a new spine break on ``medicine`` divided by the chance on a dummy pill,
    in its main trial (facts/risk_tools.toml).

    >>> round(relative_risk("alendronate"), 3), round(relative_risk("denosumab"), 3)
    (0.533, 0.319)
    >>> relative_risk("aspirin")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    ValueError: the registry holds no trial of 'aspirin'
    (it has alendronate, denosumab, raloxifene, romosozumab, teriparatide)
    """
    if medicine not in TRIAL_MEDICINES:
        known = ", ".join(TRIAL_MEDICINES)
        raise ValueError(f"the registry holds no trial of {medicine!r} (it has {known})")
    facts = load()
    return facts[f"trials.{medicine}.with"] / facts[f"trials.{medicine}.without"]


def people_in_100(percent: float) -> int:
    """A chance in percent as whole people out of 100, halves rounded up (2.5% → 3 people).

    >>> people_in_100(18), people_in_100(2.4), people_in_100(2.5), people_in_100(0.4)
    (18, 2, 3, 0)
    """
    return math.floor(percent + 0.5)


@dataclass(frozen=True)
class RiskPicture:
    """The 10-year risk picture: people out of 100, without and (roughly) with a medicine.

    Only the major-break picture has a "with the medicine" side. The trials' relative risk is
    for spine breaks; the registry holds no hip result of these trials, so a hip chance is
    shown without medicine only (a spine result must not be carried over to hips).
    """

    errors: Mapping[str, str]
    medicine: str = ""
    major_without: int = 0
    major_with: int = 0
    hip_without: int = 0


def tool_risk_picture(major: str, hip: str, medicine: str) -> RiskPicture:
    """Your 10-year risk picture: the reader's own 10-year chances of a major break and of a
    hip break (from a FRAX or other report, as typed) → people out of 100, and, for a major
    break only, about how many with ``medicine``, from the relative risk of its main trial.
    Approximate: the trials counted spine breaks, and studied people who may not be like the
    reader. The hip chance gets no medicine side: the trials' spine result does not apply to
    hips.

    >>> tool_risk_picture("18", "4", "alendronate")  # doctest: +NORMALIZE_WHITESPACE
    RiskPicture(errors={}, medicine='alendronate', major_without=18, major_with=10,
                hip_without=4)
    >>> tool_risk_picture("3", "5", "alendronate").errors
    {'hip': 'Your hip number is usually smaller than your major break number. Check your report.'}
    >>> tool_risk_picture("120", "", "x").errors  # doctest: +NORMALIZE_WHITESPACE
    {'major': 'Type a number from 0 to 100.', 'hip': 'Type a number here, like 3.',
     'medicine': 'Choose one of these.'}
    """
    errors: dict[str, str] = {}
    major_pct = _field(errors, "major", major, low=0, high=100, places=1, example="20")
    hip_pct = _field(errors, "hip", hip, low=0, high=100, places=1, example="3")
    if medicine not in TRIAL_MEDICINES:
        errors["medicine"] = ENTRY_MESSAGES["choose"]
    if major_pct is not None and hip_pct is not None and hip_pct > major_pct:
        errors["hip"] = ENTRY_MESSAGES["hip_above_major"]
    if errors or major_pct is None or hip_pct is None:
        return RiskPicture(errors)
    ratio = relative_risk(medicine)
    return RiskPicture(
        {},
        medicine,
        people_in_100(major_pct),
        people_in_100(major_pct * ratio),
        people_in_100(hip_pct),
    )


# -- Stay Independent check ------------------------------------------------------------------


@dataclass(frozen=True)
class FallCheck:
    """The Stay Independent check added up, with the CDC's rule for who is at risk."""

    score: int
    fell: bool  # "I have fallen in the past year": at risk whatever the score
    at_risk: bool


def tool_stay_independent(answers: Sequence[bool]) -> FallCheck:
    """The Stay Independent tick list: the score, and at risk if it reaches the CDC's
    threshold OR the reader fell in the past year (the STEADI algorithm).

    >>> tool_stay_independent([True] + [False] * 11)
    FallCheck(score=2, fell=True, at_risk=True)
    >>> tool_stay_independent([False, True, True, False] + [False] * 8)
    FallCheck(score=3, fell=False, at_risk=False)
    >>> tool_stay_independent([False, False] + [True] * 4 + [False] * 6).at_risk
    True
    """
    arithmetic = _arithmetic()
    score = arithmetic.stay_independent_score(answers)
    fell = bool(answers[0])
    return FallCheck(score, fell, arithmetic.screened_at_risk_of_falling(score, fell))
