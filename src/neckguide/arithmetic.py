"""The guide's arithmetic, with every threshold read from the facts registry.

The pages' ``{doctest}`` blocks call these functions, so a worked example in the guide is
proved by the same code and the same figures that the tests check.

>>> who_category(-2.7)
'osteoporosis'
>>> calcium_needed("female", 60)
1200
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from neckguide.registry import load

Sex = Literal["female", "male"]

# The CDC Stay Independent checklist, in the brochure's order. The first two count double.
STAY_INDEPENDENT_QUESTIONS: tuple[str, ...] = (
    "I have fallen in the past year.",
    "I use or have been advised to use a cane or walker to get around safely.",
    "Sometimes I feel unsteady when I am walking.",
    "I steady myself by holding onto furniture when walking at home.",
    "I am worried about falling.",
    "I need to push with my hands to stand up from a chair.",
    "I have some trouble stepping up onto a curb.",
    "I often have to rush to the toilet.",
    "I have lost some feeling in my feet.",
    "I take medicine that sometimes makes me feel light-headed or more tired than usual.",
    "I take medicine to help me sleep or improve my mood.",
    "I often feel sad or depressed.",
)


def t_score(bmd: float, young_adult_mean: float, young_adult_sd: float) -> float:
    """How far a bone density is from a healthy young adult's, in standard deviations.

    T = (your BMD − young-adult mean BMD) ÷ young-adult standard deviation, rounded to one
    decimal place as on a scan report.

    >>> t_score(0.700, 0.940, 0.100)
    -2.4
    >>> t_score(0.8, 0.9, 0)
    Traceback (most recent call last):
    ...
    ValueError: the standard deviation must be more than 0 (got 0)
    """
    if young_adult_sd <= 0:
        raise ValueError(f"the standard deviation must be more than 0 (got {young_adult_sd})")
    if bmd <= 0 or young_adult_mean <= 0:
        raise ValueError("bone mineral density must be more than 0 g/cm²")
    return round((bmd - young_adult_mean) / young_adult_sd, 1)


def who_category(score: float) -> str:
    """The WHO category for a T-score: 'normal', 'low bone mass' or 'osteoporosis'.

    >>> [who_category(s) for s in (0.5, -1.0, -1.8, -2.5, -3.1)]
    ['normal', 'normal', 'low bone mass', 'osteoporosis', 'osteoporosis']
    >>> who_category(-12)
    Traceback (most recent call last):
    ...
    ValueError: a T-score of -12 is outside the range a scan reports (-10 to +10)
    """
    if not -10 <= score <= 10:
        raise ValueError(f"a T-score of {score} is outside the range a scan reports (-10 to +10)")
    facts = load()
    if score >= facts["tscore.normal_at_or_above"]:
        return "normal"
    if score <= facts["tscore.osteoporosis_at_or_below"]:
        return "osteoporosis"
    return "low bone mass"


def _check_age(age: int) -> None:
    if not 19 <= age <= 120:
        raise ValueError(f"the guide's daily amounts are for adults aged 19 to 120 (got {age})")


def calcium_needed(sex: Sex, age: int) -> int:
    """Recommended calcium a day (mg) for an adult, from the registry (IOM 2011).

    >>> calcium_needed("female", 55), calcium_needed("male", 55), calcium_needed("male", 75)
    (1200, 1000, 1200)
    >>> calcium_needed("female", 12)
    Traceback (most recent call last):
    ...
    ValueError: the guide's daily amounts are for adults aged 19 to 120 (got 12)
    """
    _check_age(age)
    if sex not in ("female", "male"):
        raise ValueError(f"sex must be 'female' or 'male' (got {sex!r})")
    facts = load()
    if age <= 50:
        return facts["calcium.daily.adults_19_50"]
    if age <= 70:
        return facts[f"calcium.daily.{'women' if sex == 'female' else 'men'}_51_70"]
    return facts["calcium.daily.adults_71_plus"]


@dataclass(frozen=True)
class CalciumDay:
    """A day's calcium from food, against what the reader needs."""

    total_mg: int
    needed_mg: int

    @property
    def enough(self) -> bool:
        return self.total_mg >= self.needed_mg

    @property
    def short_by_mg(self) -> int:
        return max(0, self.needed_mg - self.total_mg)


def calcium_for_day(foods: Iterable[str | tuple[str, float]], sex: Sex, age: int) -> CalciumDay:
    """Add up the calcium in a day's foods (registry ids, or (id, portions)).

    >>> day = calcium_for_day(["yogurt_low_fat", "milk_low_fat", ("kale", 2)], "female", 60)
    >>> day.total_mg, day.needed_mg, day.enough
    (1107, 1200, False)
    >>> day.short_by_mg
    93
    >>> calcium_for_day(["pizza"], "female", 60)
    Traceback (most recent call last):
    ...
    neckguide.registry.RegistryError: unknown food 'pizza' (figures live in facts/*.toml; add it there with its source)
    >>> calcium_for_day([("kale", -1)], "female", 60)
    Traceback (most recent call last):
    ...
    ValueError: portions cannot be negative (kale: -1)
    """
    registry = load()
    total = 0.0
    for item in foods:
        food_id, portions = (item, 1.0) if isinstance(item, str) else item
        if portions < 0:
            raise ValueError(f"portions cannot be negative ({food_id}: {portions})")
        total += registry.food(food_id).calcium_mg * portions
    return CalciumDay(total_mg=round(total), needed_mg=calcium_needed(sex, age))


def iu_to_micrograms(iu: float) -> float:
    """Vitamin D: international units (IU) to micrograms (mcg).

    >>> iu_to_micrograms(600), iu_to_micrograms(800)
    (15.0, 20.0)
    """
    if iu < 0:
        raise ValueError(f"an amount of vitamin D cannot be negative (got {iu})")
    return iu / load()["vitamin_d.iu_per_microgram"]


def micrograms_to_iu(micrograms: float) -> float:
    """Vitamin D: micrograms (mcg) to international units (IU).

    >>> micrograms_to_iu(15)
    600.0
    """
    if micrograms < 0:
        raise ValueError(f"an amount of vitamin D cannot be negative (got {micrograms})")
    return float(micrograms * load()["vitamin_d.iu_per_microgram"])


def protein_range(weight_kg: float, age: int) -> tuple[int, int]:
    """A day's protein (grams, rounded) for a body weight, from the registry's g-per-kg advice.

    Over 65 the PROT-AGE range applies; younger adults get the adult RDA as both ends.

    >>> protein_range(70, 72)
    (70, 84)
    >>> protein_range(70, 40)
    (56, 56)
    >>> protein_range(0, 70)
    Traceback (most recent call last):
    ...
    ValueError: body weight must be between 25 and 300 kg (got 0)
    """
    if not 25 <= weight_kg <= 300:
        raise ValueError(f"body weight must be between 25 and 300 kg (got {weight_kg})")
    _check_age(age)
    facts = load()
    if age >= facts["protein.older_adults_from_age"]:
        low, high = facts["protein.older_adults_g_per_kg"]
    else:
        low = high = facts["protein.rda_g_per_kg"]
    return round(weight_kg * low), round(weight_kg * high)


#: One pound is exactly this many kilograms (the international pound, defined in 1959).
KG_PER_POUND = 0.45359237


def pounds_to_kg(weight_lb: float) -> float:
    """A body weight in pounds (lb), as US scales show it, in kilograms (kg).

    >>> round(pounds_to_kg(154), 1), round(pounds_to_kg(100), 1)
    (69.9, 45.4)
    >>> pounds_to_kg(-5)
    Traceback (most recent call last):
    ...
    ValueError: a body weight cannot be negative (got -5 lb)
    """
    if weight_lb < 0:
        raise ValueError(f"a body weight cannot be negative (got {weight_lb} lb)")
    return weight_lb * KG_PER_POUND


def protein_range_lb(weight_lb: float, age: int, ill: bool = False) -> tuple[int, int]:
    """A day's protein (grams, rounded) for a body weight in pounds, so no reader converts.

    The same advice as :func:`protein_range`, after :func:`pounds_to_kg`. With ``ill=True``
    it gives PROT-AGE's higher range for older adults who are ill (from the same age).
    About half a gram of protein per pound, over 65:

    >>> protein_range_lb(154, 72)
    (70, 84)
    >>> protein_range_lb(154, 72, ill=True)
    (84, 105)
    >>> protein_range_lb(154, 40)
    (56, 56)
    >>> protein_range_lb(30, 70)
    Traceback (most recent call last):
    ...
    ValueError: body weight must be between 56 and 660 pounds (got 30)
    """
    if not 56 <= weight_lb <= 660:
        raise ValueError(f"body weight must be between 56 and 660 pounds (got {weight_lb})")
    if not ill:
        return protein_range(pounds_to_kg(weight_lb), age)
    _check_age(age)
    facts = load()
    if age < facts["protein.older_adults_from_age"]:
        raise ValueError(
            f"the advice for illness is for people aged {facts['protein.older_adults_from_age']} "
            f"and over (got {age})"
        )
    low, high = facts["protein.older_adults_illness_g_per_kg"]
    weight_kg = pounds_to_kg(weight_lb)
    return round(weight_kg * low), round(weight_kg * high)


def calcium_ticks(calcium_mg: float, round_up: bool = False) -> int:
    """Calcium counted in ticks: one tick is as much as in half a cup of low-fat milk.

    The food page's calcium tally counts ticks, not milligrams, so readers never add up
    milligrams: a food is worth a whole number of ticks (to the nearest tick), and a day's
    need is rounded up, so a reader who reaches the goal is never short.

    >>> calcium_ticks(305), calcium_ticks(448), calcium_ticks(181)
    (2, 3, 1)
    >>> calcium_ticks(1000, round_up=True), calcium_ticks(1200, round_up=True)
    (7, 8)
    >>> calcium_ticks(-1)
    Traceback (most recent call last):
    ...
    ValueError: an amount of calcium cannot be negative (got -1)
    """
    if calcium_mg < 0:
        raise ValueError(f"an amount of calcium cannot be negative (got {calcium_mg})")
    ticks = calcium_mg / calcium_per_tick()
    return math.ceil(ticks) if round_up else math.floor(ticks + 0.5)


def calcium_per_tick() -> float:
    """Milligrams of calcium in one tick of the tally: half a cup of low-fat milk.

    >>> calcium_per_tick()
    152.5
    """
    return load().food("milk_low_fat").calcium_mg / 2


def stay_independent_score(answers: Iterable[bool]) -> int:
    """Score the CDC Stay Independent checklist: yes to the first two scores 2, others 1.

    >>> stay_independent_score([True, False] + [False] * 10)
    2
    >>> stay_independent_score([False, False, True, True, False, False] + [False] * 6)
    2
    >>> stay_independent_score([True])
    Traceback (most recent call last):
    ...
    ValueError: the checklist has 12 questions; got 1 answers
    """
    answers = list(answers)
    facts = load()
    expected = facts["steadi.items"]
    if len(answers) != expected or len(STAY_INDEPENDENT_QUESTIONS) != expected:
        raise ValueError(f"the checklist has {expected} questions; got {len(answers)} answers")
    heavy = facts["steadi.heavy_item_points"]
    return sum((heavy if i < 2 else 1) for i, yes in enumerate(answers) if yes)


def may_be_at_risk_of_falling(score: int) -> bool:
    """True when a Stay Independent score reaches the CDC's at-risk threshold.

    >>> may_be_at_risk_of_falling(3), may_be_at_risk_of_falling(4)
    (False, True)
    """
    return score >= load()["steadi.at_risk_score"]


def screened_at_risk_of_falling(score: int, fell_in_past_year: bool) -> bool:
    """The CDC STEADI screening rule: at risk with a Stay Independent score at the threshold or
    above, OR after any fall in the past year, whatever the score.

    >>> screened_at_risk_of_falling(4, fell_in_past_year=False)
    True
    >>> screened_at_risk_of_falling(2, fell_in_past_year=True)
    True
    >>> screened_at_risk_of_falling(3, fell_in_past_year=False)
    False
    """
    return fell_in_past_year or may_be_at_risk_of_falling(score)


# The "Your numbers" tools' twins and the way they read what readers type are part of the
# guide's arithmetic too (neckguide.your_numbers, neckguide.entries; new code lives there).
from neckguide.entries import *  # noqa: E402, F403
from neckguide.your_numbers import *  # noqa: E402, F403
