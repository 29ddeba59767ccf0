"""What each "Your numbers" tool says, once: the sentences (templates) the tools' script fills
in, and :func:`describe`, the Python twin of that filling-in, which the browser tests compare
with what the page shows.

>>> from neckguide.your_numbers import tool_vitamin_d
>>> describe("vitamin-d", tool_vitamin_d("5,000", "IU"), unit="IU")[0]
'5,000 IU is the same as 125 mcg.'
"""

from __future__ import annotations

from typing import Any

from neckguide.arithmetic import KG_PER_POUND
from neckguide.entries import shown_number
from neckguide.registry import format_number
from neckguide.sphinx_ext.facts import registry

#: Every sentence a tool can say. ``{name}`` is filled in; the script reads these from the JSON.
TEXT = {
    "check": "Some entries need a change: see the messages above.",
    "t-score": {
        "lowest": "Your lowest T-score is {score}, at your {site}.",
        "normal": "That is in the normal range ({normal} and above). Your bones are about as "
        "dense as a healthy young adult's.",
        "low bone mass": "That is low bone mass, also called osteopenia (between {normal} and "
        "{osteo}). Your bones are less dense than a healthy young adult's, but not as thin as "
        "in osteoporosis.",
        "osteoporosis": "That is in the osteoporosis range ({osteo} and below). Your bones are "
        "thin and can break easily.",
        "break": "You broke your hip or a spine bone in a small fall. Doctors count that as "
        "osteoporosis, whatever your T-score.",
        "not_for_you": "The T-score groups are for women past menopause and men aged {age} and "
        "over. For you, doctors use a Z-score instead.",
        "break_young": "Tell your doctor about your break: a break from a small fall can mean "
        "weak bones at any age.",
        "ask_normal": "Ask your doctor: When should I have my next scan?",
        "ask_low bone mass": "Ask your doctor: What is my chance of a break in the next {years} "
        "years? Do I need a medicine?",
        "ask_osteoporosis": "Ask your doctor: Which medicine would suit me, and what else can I "
        "do to protect my bones?",
        "ask_not_for_you": "Ask your doctor: What is my Z-score, and what does it mean for me?",
    },
    "calcium": {
        "total": "Your foods give you {total} mg of calcium today.",
        "need": "A {person} aged {age} needs {need} mg a day.",
        "short": "You are {short} mg short of that.",
        "met": "That meets what you need.",
        "over_upper": "That is more than the most you should have in a day ({upper} mg). Talk "
        "to your doctor.",
    },
    "vitamin-d": {
        "IU": "{iu} IU is the same as {mcg} mcg.",
        "mcg": "{mcg} mcg is the same as {iu} IU.",
        "below": "That is less than the upper limit for adults, {upper_iu} IU ({upper_mcg} mcg) "
        "a day.",
        "at": "That is the upper limit for adults: {upper_iu} IU ({upper_mcg} mcg) a day. Do "
        "not take more.",
        "over": "That is more than the upper limit for adults, {upper_iu} IU ({upper_mcg} mcg) "
        "a day. Only take this much if your doctor prescribed it for a short time.",
    },
    "protein": {
        "lb": "You weigh {weight} lb, which is about {other} kg.",
        "kg": "You weigh {weight} kg, which is about {other} lb.",
        "range": "Aim for {low} to {high} g of protein a day.",
        "single": "Aim for about {low} g of protein a day.",
        "kidney": "If you have kidney disease, ask your doctor how much protein is right for you.",
    },
    "risk-picture": {
        "major": "Out of 100 people with your chance, {without} would break a major bone in the "
        "next {years} years without medicine. With {medicine}, about {with}.",
        "hip": "For a hip break: {without} in 100 without medicine. The picture shows no "
        "medicine for hip breaks, because the trials counted hip breaks in a different way.",
        "approximate": "The picture with the medicine is a rough guide. It uses the spine "
        "breaks in the {medicine} trial. Ask your doctor what your numbers mean for you.",
        "panel": "{count} in 100",
        "title_without": "Without medicine: {count} in 100 people would have a {outcome}.",
        "title_with": "With {medicine}, roughly: {count} in 100 people would have a {outcome}; "
        "{spared} in 100 more would be spared by it.",
    },
    "stay-independent": {
        "score": "Your score is {score} {points}.",
        "fell": "You fell in the past year, so you may be at risk of falling, whatever your score.",
        "high": "A score of {at_risk} or more means you may be at risk of falling.",
        "low": "Your score is below {at_risk}. A low score does not mean you cannot fall, so keep "
        "up the steps that prevent falls.",
        "next": "Talk to your doctor about falls soon, and show them your answers.",
    },
}
SITE_WORDS = {
    "lower_spine": "lower spine",
    "total_hip": "total hip",
    "femoral_neck": "femoral neck",
}
OUTCOME_WORDS = {"major": "major break", "hip": "hip break"}


def _say(tool: str, key: str, **values: Any) -> str:
    return TEXT[tool][key].format(**values)  # type: ignore[index]


def describe(tool: str, result: Any, **typed: str) -> list[str]:
    """The sentences a tool shows for ``result`` (its twin's answer). ``typed`` holds what the
    reader typed where the wording depends on it (the unit, the age)."""
    if getattr(result, "errors", None):
        return [TEXT["check"]]  # type: ignore[list-item]
    return SAY[tool](result, **typed)


def _t_score(reading: Any) -> list[str]:
    facts = registry()
    lines = [
        _say(
            "t-score",
            "lowest",
            score=shown_number(reading.lowest, 1),
            site=SITE_WORDS[reading.site],
        )
    ]
    if not reading.applies:
        lines.append(
            _say("t-score", "not_for_you", age=format_number(facts["zscore.used_below_age"]))
        )
        if reading.small_break:
            lines.append(_say("t-score", "break_young"))
        return [*lines, _say("t-score", "ask_not_for_you")]
    normal = shown_number(facts["tscore.normal_at_or_above"], 1)
    osteo = shown_number(facts["tscore.osteoporosis_at_or_below"], 1)
    lines.append(_say("t-score", reading.by_score, normal=normal, osteo=osteo))
    if reading.small_break:
        lines.append(_say("t-score", "break"))
    years = format_number(facts["frax.years"])
    return [*lines, _say("t-score", f"ask_{reading.category}", years=years)]


def _calcium(count: Any, *, sex: str, age: str) -> list[str]:
    person = "woman" if sex == "female" else "man"
    lines = [
        _say("calcium", "total", total=shown_number(count.total_mg)),
        _say(
            "calcium",
            "need",
            person=person,
            age=shown_number(float(age.strip())),
            need=shown_number(count.needed_mg),
        ),
    ]
    if count.short_by_mg:
        lines.append(_say("calcium", "short", short=shown_number(count.short_by_mg)))
    else:
        lines.append(_say("calcium", "met"))
    if count.total_mg > count.upper_limit_mg:
        lines.append(_say("calcium", "over_upper", upper=shown_number(count.upper_limit_mg)))
    return lines


def _vitamin_d(amount: Any, *, unit: str) -> list[str]:
    upper = amount.upper_limit_iu
    values = {
        "iu": shown_number(amount.iu),
        "mcg": shown_number(amount.micrograms, 2, trim=True),
        "upper_iu": shown_number(upper),
        "upper_mcg": shown_number(upper / registry()["vitamin_d.iu_per_microgram"], 2, trim=True),
    }
    level = "over" if amount.iu > upper else "at" if amount.iu == upper else "below"
    return [_say("vitamin-d", unit, **values), _say("vitamin-d", level, **values)]


def _protein(amount: Any, *, unit: str, weight: str) -> list[str]:
    typed = float(weight.strip().replace(",", ""))
    other = amount.weight_kg if unit == "lb" else typed / KG_PER_POUND
    lines = [
        _say("protein", unit, weight=shown_number(typed, 1, trim=True), other=shown_number(other))
    ]
    if amount.low_g == amount.high_g:
        lines.append(_say("protein", "single", low=shown_number(amount.low_g)))
    else:
        lines.append(
            _say(
                "protein", "range", low=shown_number(amount.low_g), high=shown_number(amount.high_g)
            )
        )
    return [*lines, _say("protein", "kidney")]


def _risk_picture(picture: Any) -> list[str]:
    years = format_number(registry()["frax.years"])
    medicine = picture.medicine
    return [
        _say(
            "risk-picture",
            "major",
            without=picture.major_without,
            years=years,
            medicine=medicine,
            **{"with": picture.major_with},
        ),
        _say(
            "risk-picture",
            "hip",
            without=picture.hip_without,
        ),
        _say("risk-picture", "approximate", medicine=medicine),
    ]


def _stay_independent(check: Any) -> list[str]:
    at_risk = format_number(registry()["steadi.at_risk_score"])
    points = "point" if check.score == 1 else "points"
    lines = [_say("stay-independent", "score", score=check.score, points=points)]
    if check.fell:
        lines.append(_say("stay-independent", "fell"))
    elif check.at_risk:
        lines.append(_say("stay-independent", "high", at_risk=at_risk))
    else:
        lines.append(_say("stay-independent", "low", at_risk=at_risk))
    return lines + ([_say("stay-independent", "next")] if check.at_risk else [])


SAY = {
    "t-score": _t_score,
    "calcium": _calcium,
    "vitamin-d": _vitamin_d,
    "protein": _protein,
    "risk-picture": _risk_picture,
    "stay-independent": _stay_independent,
}
