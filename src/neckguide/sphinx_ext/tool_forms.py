"""The HTML of each "Your numbers" tool: its form, and its fill-in version for paper.

Every form has visible labels, a message place beside each field (``.tool-message``, tied
to the field by ``aria-describedby``) and one result region (``role="status"``). The form is
``hidden`` until the tools' script shows it, so without JavaScript a reader sees only what
works without it: the reference table the directive puts after it. On paper (print and the
PDF handouts) the fill-in version shows instead, with boxes to write in, unless the reader
used the tool, in which case their own answer prints.

>>> "<label" in form_html("vitamin-d") and 'role="status"' in form_html("vitamin-d")
True
"""

from __future__ import annotations

import html

from neckguide.arithmetic import STAY_INDEPENDENT_QUESTIONS
from neckguide.registry import format_number
from neckguide.sphinx_ext.facts import registry
from neckguide.sphinx_ext.icon_array import icon_array_svg, key_html
from neckguide.your_numbers import T_SCORE_SITES, TRIAL_MEDICINES, calcium_foods

#: How each tool is named on the page (the form's accessible name).
TOOL_NAMES = {
    "t-score": "T-score reader",
    "calcium": "Calcium counter",
    "vitamin-d": "Vitamin D units",
    "protein": "Protein for your weight",
    "risk-picture": "Your 10-year risk picture",
    "stay-independent": "Stay Independent check",
}
SITE_NAMES = {
    "lower_spine": "lower spine",
    "total_hip": "total hip",
    "femoral_neck": "femoral neck (the top of the thigh bone)",
}
CATEGORY_NAMES = {
    "normal": "Normal",
    "low bone mass": "Low bone mass",
    "osteoporosis": "Osteoporosis",
}
PROMPT = "Your answer shows here when you fill in the form."


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def text_field(tool: str, name: str, label: str, *, hint: str = "", mode: str = "decimal") -> str:
    """A labelled text field (text, so a reader's slip gets a message, not a silent blank)."""
    field_id = f"{tool}-{name}"
    described = f"{field_id}-msg" + (f" {field_id}-hint" if hint else "")
    hint_html = f'<span class="tool-hint" id="{field_id}-hint">{_e(hint)}</span>' if hint else ""
    mode_attr = f' inputmode="{mode}"' if mode else ""
    return (
        f'<div class="tool-field"><label for="{field_id}">{_e(label)}</label>{hint_html}'
        f'<input id="{field_id}" name="{name}" type="text"{mode_attr} autocomplete="off" '
        f'spellcheck="false" aria-describedby="{described}">'
        f'<p class="tool-message" id="{field_id}-msg" data-for="{name}"></p></div>'
    )


def choice_field(tool: str, name: str, legend: str, choices: list[tuple[str, str]]) -> str:
    """Radio buttons in a fieldset, with a message place for the group."""
    field_id = f"{tool}-{name}"
    buttons = "".join(
        f'<label class="tool-option"><input type="radio" name="{name}" value="{_e(value)}"> '
        f"{_e(words)}</label>"
        for value, words in choices
    )
    return (
        f'<fieldset class="tool-choice" aria-describedby="{field_id}-msg"><legend>{_e(legend)}</legend>'
        f'{buttons}<p class="tool-message" id="{field_id}-msg" data-for="{name}"></p></fieldset>'
    )


def select_field(tool: str, name: str, label: str, choices: list[tuple[str, str]]) -> str:
    field_id = f"{tool}-{name}"
    options = "".join(f'<option value="{_e(v)}">{_e(w)}</option>' for v, w in choices)
    return (
        f'<div class="tool-field"><label for="{field_id}">{_e(label)}</label>'
        f'<select id="{field_id}" name="{name}" aria-describedby="{field_id}-msg">{options}</select>'
        f'<p class="tool-message" id="{field_id}-msg" data-for="{name}"></p></div>'
    )


def result_region(tool: str) -> str:
    return (
        f'<div class="tool-result" role="status" id="{tool}-result"><p>{PROMPT}</p></div>'
        '<div class="tool-buttons"><button type="button" class="tool-print">Print my answer'
        '</button> <button type="reset" class="tool-reset">Clear the form</button></div>'
    )


def _sex_and_age(tool: str) -> str:
    return choice_field(
        tool, "sex", "Are you a woman or a man?", [("female", "A woman"), ("male", "A man")]
    ) + (text_field(tool, "age", "Your age in years", mode="numeric"))


def _t_score_body() -> str:
    facts = registry()
    age = format_number(facts["zscore.used_below_age"])
    sites = "".join(
        text_field("t-score", site, f"{SITE_NAMES[site].capitalize()} T-score", mode="")
        for site in T_SCORE_SITES
    )
    groups = [
        ("after_menopause", "A woman past menopause"),
        ("man_50_plus", f"A man aged {age} or over"),
        ("before_menopause", "A woman before menopause"),
        ("man_under_50", f"A man under {age}"),
    ]
    return (
        '<p class="tool-hint">Type one, two or all three T-scores from your scan report, '
        "with the minus sign if there is one.</p>"
        + sites
        + choice_field("t-score", "group", "Which of these are you?", groups)
        + '<div class="tool-field"><label class="tool-option"><input type="checkbox" '
        'name="small_break"> I have broken my hip or a bone in my spine in a small fall, '
        "or with no fall at all</label></div>"
    )


def _calcium_body() -> str:
    rows = []
    for food_id in calcium_foods():
        food = registry().food(food_id)
        field_id = f"calcium-{food_id}"
        rows.append(
            f'<tr><th scope="row"><label for="{field_id}">{_e(food.name.capitalize())}, '
            f"{_e(food.portion)}</label></th><td>{format_number(food.calcium_mg)} mg</td>"
            f'<td><input id="{field_id}" name="{food_id}" type="text" inputmode="decimal" '
            f'size="3" autocomplete="off" aria-describedby="{field_id}-msg">'
            f'<p class="tool-message" id="{field_id}-msg" data-for="{food_id}"></p></td>'
            f'<td class="tool-total"><output data-food="{food_id}"></output></td></tr>'
        )
    return (
        _sex_and_age("calcium")
        + '<table class="tool-table"><caption>What you ate and drank today: type how many '
        "servings of each (leave it empty for none)</caption><thead><tr>"
        '<th scope="col">Food (one serving)</th><th scope="col">Calcium</th>'
        '<th scope="col">Servings</th><th scope="col" class="tool-total">Total</th></tr>'
        "</thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def _vitamin_d_body() -> str:
    return text_field(
        "vitamin-d", "amount", "Amount of vitamin D", hint="as on the label"
    ) + choice_field(
        "vitamin-d",
        "unit",
        "Unit",
        [("IU", "IU (international units)"), ("mcg", "mcg (micrograms)")],
    )


def _protein_body() -> str:
    return (
        text_field("protein", "weight", "Your weight")
        + choice_field("protein", "unit", "Unit", [("lb", "pounds (lb)"), ("kg", "kilograms (kg)")])
        + text_field("protein", "age", "Your age in years", mode="numeric")
    )


def _risk_body() -> str:
    years = format_number(registry()["frax.years"])
    medicines = [(m, m.capitalize()) for m in TRIAL_MEDICINES]
    # A hip break gets no "with the medicine" side: the trials' result is for spine breaks.
    both = (("without", "Without medicine"), ("with", "With the medicine (approximate)"))
    pictures = "".join(
        f'<div class="icon-array" data-picture="{outcome}"><p class="icon-array-title">{title}</p>'
        f'<div class="icon-array-panels" data-panels="{len(panels)}" data-per="100">'
        + "".join(
            f'<div class="icon-array-panel" data-panel="{panel}"><p class="icon-array-label">'
            f'<span class="icon-array-heading">{heading}</span> '
            f'<span class="icon-array-number"></span></p>'
            + icon_array_svg(affected=0, title=f"{heading}: type your numbers first")
            + "</div>"
            for panel, heading in panels
        )
        + "</div></div>"
        for outcome, title, panels in (
            ("major", "A major break", both),
            ("hip", "A hip break", both[:1]),
        )
    )
    return (
        text_field(
            "risk-picture",
            "major",
            f"Your {years}-year chance of a major break, in %",
            hint="like 20",
        )
        + text_field(
            "risk-picture", "hip", f"Your {years}-year chance of a hip break, in %", hint="like 3"
        )
        + select_field("risk-picture", "medicine", "Show it with this medicine", medicines)
        + pictures
        + key_html(RISK_KEY)
    )


#: The key under the risk pictures.
RISK_KEY = [
    ("broke", "would break a bone"),
    ("spared", "spared by the medicine"),
    ("rest", "everyone else"),
]


def _points(points: int) -> str:
    return f"{format_number(points)} {'point' if points == 1 else 'points'}"


def _stay_independent_body() -> str:
    facts = registry()
    heavy, other = facts["steadi.heavy_item_points"], facts["steadi.other_item_points"]
    items = "".join(
        f'<li><label class="tool-option"><input type="checkbox" name="q{i}"> {_e(question)} '
        f'<span class="tool-points">({_points(heavy if i < 2 else other)})</span></label></li>'
        for i, question in enumerate(STAY_INDEPENDENT_QUESTIONS)
    )
    return (
        '<fieldset class="tool-choice"><legend>Tick each sentence that is true for you</legend>'
        f'<ul class="tool-ticks">{items}</ul></fieldset>'
    )


#: A tick list always has an answer (no ticks is a score of zero); other forms wait for input.
ALWAYS = {"stay-independent": " data-always"}
BODIES = {
    "t-score": _t_score_body,
    "calcium": _calcium_body,
    "vitamin-d": _vitamin_d_body,
    "protein": _protein_body,
    "risk-picture": _risk_body,
    "stay-independent": _stay_independent_body,
}


def form_html(tool: str) -> str:
    """The tool's form (hidden until its script runs) and a note for readers without scripts."""
    return (
        f'<form class="tool-form" id="tool-{tool}" data-tool="{tool}" aria-label="{TOOL_NAMES[tool]}" '
        f'hidden novalidate autocomplete="off"{ALWAYS.get(tool, "")}>{BODIES[tool]()}'
        f"{result_region(tool)}</form>"
        '<noscript><p class="tool-noscript">This tool needs JavaScript, which is turned off. '
        "The table below gives the same answers.</p></noscript>"
    )


# -- On paper ------------------------------------------------------------------------------

BOX = '<span class="paper-box" aria-hidden="true"></span>'


def _box_line(words: str, after: str = "") -> str:
    return f'<p class="paper-line">{_e(words)} <span class="paper-box"></span> {_e(after)}</p>'


def _ticks(lines: list[str]) -> str:
    return '<ul class="paper-ticks">' + "".join(f"<li>{_e(line)}</li>" for line in lines) + "</ul>"


def paper_html(tool: str) -> str:
    """The fill-in version: boxes to write numbers in, for a clinician and patient together."""
    facts = registry()
    if tool == "t-score":
        normal = format_number(facts["tscore.normal_at_or_above"])
        osteo = format_number(facts["tscore.osteoporosis_at_or_below"])
        body = (
            _rows(
                ["Where", "My T-score"], [[SITE_NAMES[s].capitalize(), ""] for s in T_SCORE_SITES]
            )
            + _box_line("My lowest T-score:")
            + _ticks(
                [
                    f"Normal: {normal} and above",
                    f"Low bone mass: between {normal} and {osteo}",
                    f"Osteoporosis: {osteo} and below",
                    "I have broken my hip or a spine bone in a small fall (this counts as osteoporosis)",
                ]
            )
            + _box_line("My question for the doctor:")
        )
    elif tool == "calcium":
        rows = [
            [f"{f.name.capitalize()}, {f.portion}", f"{format_number(f.calcium_mg)} mg", "", ""]
            for f in (registry().food(i) for i in calcium_foods())
        ]
        body = (
            _box_line("Date:")
            + _rows(
                ["Food, one serving", "Calcium in one serving", "Servings", "Calcium"],
                [*rows, ["Total", "", "", ""]],
            )
            + _box_line("I need this much a day:", "mg (see the table of needs)")
        )
    elif tool == "vitamin-d":
        body = _box_line("My vitamin D:", "IU") + _box_line(
            "The same in mcg:", "mcg (see the table)"
        )
    elif tool == "protein":
        body = _box_line("My weight:", "lb or kg") + _box_line(
            "Protein to aim for each day:", "g (see the table)"
        )
    elif tool == "risk-picture":
        years = format_number(facts["frax.years"])
        body = (
            '<div class="paper-picture"><p class="paper-line">Colour one person for each 1% '
            "of your chance of a major break:</p>"
            + icon_array_svg(affected=0, title="100 people to colour in")
            + "</div>"
            + _box_line(f"My {years}-year chance of a major break:", "%")
            + _box_line(f"My {years}-year chance of a hip break:", "%")
        )
    else:
        heavy, other = facts["steadi.heavy_item_points"], facts["steadi.other_item_points"]
        points = [heavy] * 2 + [other] * (len(STAY_INDEPENDENT_QUESTIONS) - 2)
        body = (
            _ticks(
                [
                    f"{q} ({_points(p)})"
                    for q, p in zip(STAY_INDEPENDENT_QUESTIONS, points, strict=True)
                ]
            )
            + _box_line("My total points:")
            + _ticks(["I fell in the past year: talk to my doctor about falls, whatever my total"])
        )
    return f'<div class="tool-paper"><p class="paper-title">{TOOL_NAMES[tool]}: fill in</p>{body}</div>'


def _rows(head: list[str], rows: list[list[str]]) -> str:
    header = "".join(f'<th scope="col">{_e(h)}</th>' for h in head)
    cells = "".join(
        "<tr>" + "".join(f"<td>{_e(c) if c else BOX}</td>" for c in row) + "</tr>" for row in rows
    )
    return (
        f'<table class="paper-table"><thead><tr>{header}</tr></thead><tbody>{cells}</tbody></table>'
    )
