"""The "Your numbers" tools in a real browser: each one says exactly what its Python twin
(neckguide.your_numbers) says, for a grid of entries — every threshold exactly and 0.1 either
side, the extremes, and bad input — and is usable by keyboard, accessible, private, printable
and still useful without JavaScript.

Each grid runs inside the page in one call: set the fields, send an ``input`` event (as typing
does), read the messages beside the fields, the sentences in the status region, the result
the script worked out (``data-result``) and, for the pictures, the drawn paths.
"""

from __future__ import annotations

import itertools
import json
import random
from dataclasses import asdict
from typing import Any

import pytest

from neckguide import arithmetic as ar
from neckguide.sphinx_ext.icon_array import GRIDS, kinds, path_data
from neckguide.sphinx_ext.tool_forms import PROMPT
from neckguide.sphinx_ext.tool_text import describe

pytestmark = pytest.mark.browser

PAGES = {
    "t-score": "topics/t-score-reader.html",
    "calcium": "topics/calcium-counter.html",
    "vitamin-d": "topics/vitamin-d-units.html",
    "protein": "topics/protein-for-your-weight.html",
    "risk-picture": "topics/risk-picture.html",
    "stay-independent": "topics/stay-independent-check.html",
}
COMPARED: dict[str, int] = {}  # inputs compared per tool, printed at the end

# Fill the form with each case (field name → value: text, a radio's value, a checkbox's
# true/false), send "input", and read back what the page shows.
_RUN = """
([tool, cases]) => {
  const form = document.querySelector(`form.tool-form[data-tool="${tool}"]`);
  const out = [];
  for (const values of cases) {
    for (const el of form.elements) {
      if (el.type === 'radio' || el.type === 'checkbox') el.checked = false;
      else if (el.tagName === 'INPUT') el.value = '';
    }
    for (const [name, value] of Object.entries(values)) {
      const el = form.elements[name];
      if (el instanceof RadioNodeList) { for (const r of el) r.checked = r.value === value; }
      else if (el.type === 'checkbox') el.checked = value;
      else el.value = value;
    }
    form.dispatchEvent(new Event('input', {bubbles: true}));
    const messages = {};
    for (const p of form.querySelectorAll('.tool-message')) if (p.textContent) messages[p.dataset.for] = p.textContent;
    const paths = {};
    for (const svg of form.querySelectorAll('[data-picture] svg')) {
      const where = svg.closest('[data-picture]').dataset.picture + '/' + svg.closest('[data-panel]').dataset.panel;
      paths[where] = Object.fromEntries([...svg.querySelectorAll('path')].map(p => [p.getAttribute('class'), p.getAttribute('d')]));
    }
    out.push({
      messages,
      lines: [...form.querySelector('.tool-result').children].map(p => p.textContent),
      result: form.dataset.result ? JSON.parse(form.dataset.result) : null,
      invalid: [...form.querySelectorAll('[aria-invalid="true"]')].map(el => el.name).sort(),
      outputs: Object.fromEntries([...form.querySelectorAll('output[data-food]')].map(o => [o.dataset.food, o.textContent])),
      paths,
    });
  }
  return out;
}
"""


def _pristine(values: dict[str, Any]) -> bool:
    """Nothing typed, ticked or chosen (a drop-down list always has a choice: not counted)."""
    return not any(
        (v.strip() if isinstance(v, str) else v) for k, v in values.items() if k != "medicine"
    )


def _fields(result: Any) -> dict[str, Any]:
    fields = {k: v for k, v in asdict(result).items() if k != "errors"}
    if isinstance(result, ar.VitaminDAmount):
        fields["over_limit"] = result.over_limit
    return fields


def expected(tool: str, values: dict[str, Any]) -> dict[str, Any]:
    """What the page must show for ``values``, from the Python twin and its wording."""
    if tool != "stay-independent" and _pristine(values):
        return {"messages": {}, "lines": [PROMPT], "result": None}
    typed = {}
    if tool == "t-score":
        scores = {s: values.get(s, "") for s in ar.T_SCORE_SITES}
        result = ar.tool_t_scores(scores, values.get("group", ""), bool(values.get("small_break")))
    elif tool == "calcium":
        servings = {f: values.get(f, "") for f in ar.calcium_foods()}
        result = ar.tool_calcium(servings, values.get("sex", ""), values.get("age", ""))
        typed = {"sex": values.get("sex", ""), "age": values.get("age", "")}
    elif tool == "vitamin-d":
        result = ar.tool_vitamin_d(values.get("amount", ""), values.get("unit", ""))
        typed = {"unit": values.get("unit", "")}
    elif tool == "protein":
        result = ar.tool_protein(
            values.get("weight", ""), values.get("unit", ""), values.get("age", "")
        )
        typed = {"unit": values.get("unit", ""), "weight": values.get("weight", "")}
    elif tool == "risk-picture":
        result = ar.tool_risk_picture(
            values.get("major", ""), values.get("hip", ""), values.get("medicine", "")
        )
    else:
        answers = [bool(values.get(f"q{i}")) for i in range(len(ar.STAY_INDEPENDENT_QUESTIONS))]
        result = ar.tool_stay_independent(answers)
    errors = dict(getattr(result, "errors", {}))
    return {
        "messages": errors,
        "lines": describe(tool, result, **typed),
        "result": {"errors": errors} if errors else _fields(result),
        "twin": result,
    }


def run_grid(page: Any, tool: str, cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Run ``cases`` on the page; fail on the first difference from the twin, naming the case."""
    shown = page.evaluate(_RUN, [tool, cases])
    for values, got in zip(cases, shown, strict=True):
        want = expected(tool, values)
        for key in ("messages", "lines", "result"):
            assert got[key] == want[key], (
                f"{tool} with {values}: the page's {key} differ from the Python twin's\n"
                f"  page:   {got[key]!r}\n  python: {want[key]!r}"
            )
        assert got["invalid"] == sorted(
            n for n in want["messages"] if page_field_is_text(tool, n)
        ), f"{tool} with {values}: aria-invalid on {got['invalid']}"
        text = " ".join(got["lines"]) + " ".join(got["messages"].values())
        assert not any(bad in text for bad in ("NaN", "undefined", "null", "Infinity", "{")), (
            f"{tool} with {values} shows {text!r}"
        )
        assert all(line.strip() for line in got["lines"]), f"{tool} with {values}: a blank line"
        got["twin"] = want.get("twin")
    COMPARED[tool] = COMPARED.get(tool, 0) + len(cases)
    return shown


def page_field_is_text(tool: str, name: str) -> bool:
    return name not in {"group", "sex", "unit", "medicine"}


@pytest.fixture
def tool_page(desktop):
    pages = []

    def _open(tool: str) -> Any:
        page = desktop.open(PAGES[tool])
        pages.append(page)
        page.wait_for_selector(f'form.tool-form[data-tool="{tool}"]:not([hidden])')
        return page

    yield _open
    for page in pages:
        page.close()


# -- The grids ------------------------------------------------------------------------------

BAD = ["", "   ", "abc", "1,2,3", "--1", "1e3", "NaN", "½"]


def around(*points: float, places: int = 1) -> list[str]:
    """Each point exactly, and 0.1 either side, as typed."""
    step = 10**-places
    return sorted({f"{p + d * step:.{places}f}" for p in points for d in (-1, 0, 1)})


def test_t_score_reader_matches_its_twin(tool_page) -> None:
    page = tool_page("t-score")
    facts = ar.load()
    normal, osteo = facts["tscore.normal_at_or_above"], facts["tscore.osteoporosis_at_or_below"]
    low, high = ar.T_SCORE_LIMITS
    values = [
        *around(normal, osteo, low, high, 0),
        "-12",
        "12",
        "−2.5",
        " -3 ",
        "-2.55",
        "+1.5",
        "-0",
        ".5",
        "-.5",
        "-2.",
        *BAD,
    ]
    groups = [*ar.T_SCORE_GROUPS, ""]
    cases = [
        {site: value, "group": group, "small_break": small_break}
        for site in ar.T_SCORE_SITES
        for value in values
        for group in groups
        for small_break in (False, True)
    ]
    few = ["-1.0", "-2.5", "-2.6", "0.5", "", "x"]
    cases += [
        {**dict(zip(ar.T_SCORE_SITES, combo, strict=True)), "group": group, "small_break": False}
        for combo in itertools.product(few, repeat=3)
        for group in ("after_menopause", "man_under_50")
    ]
    cases += [{"small_break": True}, {"group": "man_50_plus"}]
    run_grid(page, "t-score", cases)


def _exact_days(targets: list[int]) -> list[dict[str, str]]:
    """Whole servings of the foods that add up to exactly each target (when some do)."""
    foods = [(f, ar.load().food(f).calcium_mg) for f in ar.calcium_foods()]
    found = {}
    for servings in itertools.product(range(5), repeat=len(foods)):
        total = sum(n * mg for n, (_, mg) in zip(servings, foods, strict=True))
        if total in targets and total not in found:
            found[total] = {f: str(n) for n, (f, _) in zip(servings, foods, strict=True) if n}
    return list(found.values())


def test_calcium_counter_matches_its_twin(tool_page) -> None:
    page = tool_page("calcium")
    foods = ar.calcium_foods()
    servings = [
        "0",
        "1",
        "0.5",
        "1.5",
        "2.5",
        "0.1",
        "3.7",
        "19.9",
        "20",
        "20.1",
        "-1",
        "-0.5",
        *BAD,
    ]
    ages = ["19", "18", "50", "51", "70", "71", "120", "121", "65.5", "0", "-60", *BAD]
    cases = [{food: s, "sex": "female", "age": "60"} for food in foods for s in servings]
    cases += [
        {foods[0]: "2", "sex": sex, "age": age} for sex in ("female", "male", "") for age in ages
    ]
    targets = sorted(
        {
            ar.calcium_needed(s, a) + d
            for s in ("female", "male")
            for a in (30, 60, 80)
            for d in (-1, 0, 1)
        }
    )
    targets += [2000 + d for d in (-1, 0, 1)] + [2500 + d for d in (-1, 0, 1)]
    for day in _exact_days(targets):
        cases += [
            {**day, "sex": sex, "age": age}
            for sex in ("female", "male")
            for age in ("45", "60", "75")
        ]
    rng = random.Random(13)
    for _ in range(300):
        day = {f: rng.choice(["", "1", "2", "0.5", "1.5", "3", "0.25", "4.75"]) for f in foods}
        cases.append(
            {**day, "sex": rng.choice(["female", "male"]), "age": str(rng.randint(19, 120))}
        )
    shown = run_grid(page, "calcium", cases)
    for values, got in zip(cases, shown, strict=True):  # each food's own line of the record
        if got["result"] and "errors" not in got["result"]:
            for food in foods:
                typed = values.get(food, "").strip()
                mg = ar.load().food(food).calcium_mg
                want = f"{ar.shown_number(mg * float(typed))} mg" if typed else ""
                assert got["outputs"][food] == want, (
                    f"{values}: {food} shows {got['outputs'][food]!r}"
                )


def test_vitamin_d_units_match_their_twin(tool_page) -> None:
    page = tool_page("vitamin-d")
    facts = ar.load()
    upper, per = facts["vitamin_d.upper_limit"], facts["vitamin_d.iu_per_microgram"]
    amounts = [
        *around(upper, 0, 1, ar.TOOL_LIMITS["vitamin_d_iu"]),
        *around(upper / per, ar.TOOL_LIMITS["vitamin_d_iu"] / per),
        "10",
        "30",
        "600",
        "800",
        "5,000",
        "1,000,000",
        "1,000,001",
        "12.5",
        "0.025",
        "-5",
        *BAD,
    ]
    cases = [{"amount": a, "unit": unit} for a in amounts for unit in ("IU", "mcg", "")]
    rng = random.Random(13)
    cases += [
        {
            "amount": f"{rng.uniform(0, 20000):.{rng.randint(0, 3)}f}",
            "unit": rng.choice(["IU", "mcg"]),
        }
        for _ in range(200)
    ]
    run_grid(page, "vitamin-d", cases)


def test_protein_for_your_weight_matches_its_twin(tool_page) -> None:
    page = tool_page("protein")
    facts = ar.load()
    lb_low, lb_high = ar.pounds_limits()
    kg_low, kg_high = ar.TOOL_LIMITS["weight_kg"]
    older = facts["protein.older_adults_from_age"]
    weights = [*around(lb_low, lb_high, kg_low, kg_high, 154, 70), "1,000", "-5", *BAD]
    ages = [str(older - 1), str(older), str(older + 1), "18", "19", "120", "121", "65.5", ""]
    cases = [
        {"weight": w, "unit": unit, "age": age}
        for w in weights
        for unit in ("lb", "kg", "")
        for age in ages
    ]
    rng = random.Random(13)
    cases += [
        {
            "weight": f"{rng.uniform(56, 300):.{rng.randint(0, 2)}f}",
            "unit": rng.choice(["lb", "kg"]),
            "age": str(rng.randint(19, 120)),
        }
        for _ in range(300)
    ]
    run_grid(page, "protein", cases)


def _picture_paths(without: int, with_: int) -> dict[str, dict[str, str]]:
    grid = GRIDS[100]
    each = {
        "without": kinds(affected=without),
        "with": kinds(affected=with_, spared=without - with_),
    }
    return {
        panel: {f"ia-{k}": path_data(e, k, grid) for k in ("rest", "spared", "broke")}
        for panel, e in each.items()
    }


def test_risk_picture_matches_its_twin_and_draws_the_same_people(tool_page) -> None:
    page = tool_page("risk-picture")
    facts = ar.load()
    major_t, hip_t = facts["frax.major_threshold"], facts["frax.hip_threshold"]
    majors = [*around(major_t, 0, 100), "2.5", "0.5", "49.5", "50.55", "-1", *BAD]
    hips = [*around(hip_t, 0), "25", "2.5", "0.4", *BAD]
    cases = [
        {"major": m, "hip": h, "medicine": medicine}
        for m in majors
        for h in hips
        for medicine in ("alendronate", "romosozumab")
    ]
    cases += [{"major": "20", "hip": "3", "medicine": m} for m in (*ar.TRIAL_MEDICINES, "nonsense")]
    rng = random.Random(13)
    for _ in range(300):
        major = round(rng.uniform(0, 100), rng.randint(0, 1))
        hip = round(rng.uniform(0, major), 1)
        cases.append(
            {"major": str(major), "hip": str(hip), "medicine": rng.choice(ar.TRIAL_MEDICINES)}
        )
    shown = run_grid(page, "risk-picture", cases)
    for values, got in zip(cases, shown, strict=True):
        twin = got["twin"]
        if twin is None or twin.errors:
            counts = {"major": (0, 0), "hip": (0, 0)}
        else:
            counts = {
                "major": (twin.major_without, twin.major_with),
                "hip": (twin.hip_without, twin.hip_without),
            }
        for outcome, (without, with_) in counts.items():
            drawn = _picture_paths(without, with_)
            if outcome == "hip":  # no medicine side for hips: the trials counted spine breaks
                drawn = {"without": drawn["without"]}
                assert "hip/with" not in got["paths"], f"{values}: a hip picture with medicine"
            for panel, paths in drawn.items():
                assert got["paths"][f"{outcome}/{panel}"] == paths, (
                    f"{values}: the {outcome} picture {panel} the medicine is not the one "
                    "neckguide.sphinx_ext.icon_array draws"
                )


def test_stay_independent_check_matches_its_twin_for_every_set_of_answers(tool_page) -> None:
    page = tool_page("stay-independent")
    questions = len(ar.STAY_INDEPENDENT_QUESTIONS)
    cases = [
        {f"q{i}": yes for i, yes in enumerate(answers)}
        for answers in itertools.product((False, True), repeat=questions)
    ]
    run_grid(page, "stay-independent", cases)


GRID_TESTS = {
    "t-score": "test_t_score_reader_matches_its_twin",
    "calcium": "test_calcium_counter_matches_its_twin",
    "vitamin-d": "test_vitamin_d_units_match_their_twin",
    "protein": "test_protein_for_your_weight_matches_its_twin",
    "risk-picture": "test_risk_picture_matches_its_twin_and_draws_the_same_people",
    "stay-independent": "test_stay_independent_check_matches_its_twin_for_every_set_of_answers",
}


def test_every_tool_was_compared_over_its_grid(request: pytest.FixtureRequest, site) -> None:
    """Runs after the grids: each grid that ran compared at least 100 inputs (a grid that
    compared none would pass silently). The counts go to docs/_build/tool-comparisons.json."""
    ran = {item.name for item in request.session.items}
    wanted = {tool for tool, name in GRID_TESTS.items() if name in ran}
    assert wanted, "no grid ran"
    counts = {tool: COMPARED.get(tool, 0) for tool in sorted(wanted)}
    (site.parent / "tool-comparisons.json").write_text(json.dumps(counts, indent=1) + "\n")
    assert all(n >= 100 for n in counts.values()), f"inputs compared per tool: {counts}"


def test_a_difference_from_the_twin_fails_the_grid(tool_page) -> None:
    """The comparison can fail: with the page's threshold nudged, the grid must stop."""
    page = tool_page("t-score")
    page.evaluate("() => { window.neckguideTools.data['t-score'].osteoporosis = -2.4; }")
    with pytest.raises(AssertionError, match="differ from the Python twin"):
        run_grid(page, "t-score", [{"total_hip": "-2.4", "group": "after_menopause"}])
    page = tool_page("calcium")
    page.evaluate("() => { window.neckguideTools.data.calcium.foods[0][1] += 1; }")
    with pytest.raises(AssertionError, match="differ from the Python twin"):
        run_grid(page, "calcium", [{"yogurt_low_fat": "1", "sex": "female", "age": "60"}])


# -- Keyboard only --------------------------------------------------------------------------

KEYS = {
    # tool: (keys pressed after Tab reaches the form's first field, what the twin was given)
    "t-score": (
        ["type:-2.7", "Tab", "type:-1.2", "Tab", "Tab", "Space"],
        {"lower_spine": "-2.7", "total_hip": "-1.2", "group": "after_menopause"},
    ),
    "calcium": (
        ["Space", "ArrowDown", "Tab", "type:60", "Tab", "type:1", "Tab", "type:2"],
        {"sex": "male", "age": "60", "yogurt_low_fat": "1", "milk_low_fat": "2"},
    ),
    "vitamin-d": (["type:5,000", "Tab", "Space"], {"amount": "5,000", "unit": "IU"}),
    "protein": (
        ["type:154", "Tab", "Space", "Tab", "type:72"],
        {"weight": "154", "unit": "lb", "age": "72"},
    ),
    "risk-picture": (
        ["type:18", "Tab", "type:4", "Tab", "ArrowDown"],
        {"major": "18", "hip": "4", "medicine": "denosumab"},
    ),
    "stay-independent": (
        ["Space", "Tab", "Tab", "Space", "Tab", "Space"],
        {"q0": True, "q2": True, "q3": True},
    ),
}


@pytest.mark.parametrize("tool", list(KEYS))
def test_each_tool_works_from_the_keyboard_alone(tool_page, tool: str) -> None:
    from tests.browser.test_keyboard import _focus_ring, _tab_to

    page = tool_page(tool)
    _tab_to(page, f'form[data-tool="{tool}"] input')
    assert _focus_ring(page), f"{tool}: the focused field shows no focus ring"
    keys, values = KEYS[tool]
    for key in keys:
        if key.startswith("type:"):
            page.keyboard.type(key[len("type:") :])
        else:
            page.keyboard.press(key)
    status = page.locator(f'form[data-tool="{tool}"] .tool-result')
    assert status.get_attribute("role") == "status"
    want = expected(tool, values)["lines"]
    assert status.locator("p").all_text_contents() == want, (
        f"{tool}: keyboard entry gave another answer"
    )
    _tab_to(page, f'form[data-tool="{tool}"] button[type="reset"]')
    assert _focus_ring(page), f"{tool}: the focused button shows no focus ring"
    page.keyboard.press("Enter")
    page.wait_for_timeout(50)
    after = status.locator("p").all_text_contents()
    cleared = expected(tool, {})["lines"]
    assert after == cleared, f"{tool}: 'Clear the form' left {after}"


# -- Accessible, private, printable, and useful without JavaScript ----------------------------

FILLED = {
    "bad": {
        "t-score": {"lower_spine": "-12", "total_hip": "abc"},
        "calcium": {"yogurt_low_fat": "-1", "age": "12"},
        "vitamin-d": {"amount": "lots", "unit": "mcg"},
        "protein": {"weight": "20", "unit": "lb"},
        "risk-picture": {"major": "3", "hip": "5", "medicine": "alendronate"},
        "stay-independent": {},
    },
    "good": {tool: values for tool, (_, values) in KEYS.items()},
}


@pytest.mark.parametrize("state", list(FILLED))
@pytest.mark.parametrize("tool", list(PAGES))
def test_axe_finds_no_violations_in_a_used_tool(themed, tool: str, state: str, mode: str) -> None:
    from tests.browser.test_accessibility import AXE_OPTIONS, _describe

    page = themed.visit(PAGES[tool])
    page.evaluate(_RUN, [tool, [FILLED[state][tool]]])
    result = page.evaluate(
        "([tool, options]) => axe.run(document.querySelector(`form[data-tool='${tool}']`).closest('.tool'), options)",
        [tool, AXE_OPTIONS],
    )
    assert not result["violations"], f"{tool} ({state}, {mode}):\n{_describe(result['violations'])}"


def test_nothing_leaves_the_page_and_nothing_is_kept(desktop) -> None:
    for tool, path in PAGES.items():
        page = desktop.visit(path)
        before = page.evaluate(
            "() => ({local: Object.keys(localStorage).sort(), session: sessionStorage.length})"
        )
        loaded = list(page.requests)
        page.evaluate(_RUN, [tool, [FILLED["good"][tool], FILLED["bad"][tool]]])
        page.wait_for_timeout(100)
        assert page.requests == loaded, f"{tool} made requests: {page.requests[len(loaded) :]}"
        after = page.evaluate(
            "() => ({local: Object.keys(localStorage).sort(), session: sessionStorage.length, cookie: document.cookie})"
        )
        assert after == {**before, "cookie": ""}, f"{tool} kept something: {after}"


_PAPER = """
() => [...document.querySelectorAll('.tool')].map(box => ({
  form: box.querySelector(':scope > .tool-form').checkVisibility(),
  paper: box.querySelector(':scope > .tool-paper').checkVisibility(),
  boxes: box.querySelectorAll('.tool-paper .paper-box').length,
  buttons: [...box.querySelectorAll('.tool-buttons')].some(b => b.checkVisibility()),
  table: box.querySelector('.tool-reference table').checkVisibility(),
}))
"""


@pytest.mark.parametrize("tool", list(PAGES))
def test_print_shows_the_readers_answer_or_boxes_to_fill_in(printed, tool: str) -> None:
    page = printed.visit(PAGES[tool])
    if tool != "stay-independent":  # a tick list always has an answer
        [unused] = page.evaluate(_PAPER)
        assert unused["paper"] and not unused["form"], (
            f"{tool}: an unused tool should print its fill-in version"
        )
        assert unused["boxes"], f"{tool}: the fill-in version has no boxes"
    page.evaluate(_RUN, [tool, [FILLED["good"][tool]]])
    [used] = page.evaluate(_PAPER)
    assert used["form"] and not used["paper"], (
        f"{tool}: a used tool should print the reader's answer"
    )
    assert not used["buttons"], f"{tool}: buttons printed"
    from neckguide.sphinx_ext.tools import PAPER_REPEATS

    once = tool in PAPER_REPEATS  # its fill-in version holds the same table
    assert used["table"] != once, (
        f"{tool}: the reference table {'printed twice' if once else 'did not print'}"
    )


def test_without_javascript_the_reference_tables_stay(browser, server) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        for tool, path in PAGES.items():
            page.goto(server + path)
            assert not page.locator(f'form[data-tool="{tool}"]').is_visible(), (
                f"{tool}: a dead form shows"
            )
            table = page.locator(".tool-reference table")
            assert table.is_visible() and table.locator("tbody tr").count() >= 3, (
                f"{tool}: no reference table"
            )
            assert page.locator(".tool noscript").count() == 1
    finally:
        context.close()


_LABELS = """
() => {
  const small = [], cut = [];
  const figures = [...document.querySelectorAll('.icon-array')];
  for (const fig of figures) {
    const walker = document.createTreeWalker(fig, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.textContent.trim() || el.closest('svg, .visually-hidden') || !el.checkVisibility()) continue;
      const range = document.createRange(); range.selectNodeContents(node);
      const height = Math.min(...[...range.getClientRects()].map(r => r.height));
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 11 || height < 11) small.push(`${size}px/${height}px: ${node.textContent.trim().slice(0, 40)}`);
    }
    for (const text of fig.querySelectorAll('svg text')) {
      const svg = text.ownerSVGElement, scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const box = text.getBBox();
      if (box.height * scale < 11) small.push(`svg text ${box.height * scale}px: ${text.textContent}`);
      if (box.x < 0 || box.x + box.width > svg.viewBox.baseVal.width) cut.push(text.textContent);
    }
  }
  return {figures: figures.length, small, cut, scrollWidth: document.scrollingElement.scrollWidth};
}
"""


@pytest.mark.parametrize(
    "path",
    [
        "topics/trials-slowing-bone-loss.html",
        "topics/trials-building-bone.html",
        "topics/risk-picture.html",
        "topics/your-numbers.html",
    ],
)
def test_picture_labels_are_large_enough_on_a_phone(phone, path: str) -> None:
    page = phone.visit(path)
    if "risk-picture" in path:
        page.evaluate(_RUN, ["risk-picture", [FILLED["good"]["risk-picture"]]])
    result = page.evaluate(_LABELS)
    assert result["figures"], f"{path} has no pictures"
    assert not result["small"], (
        f"{path}: labels under 11 px on a 360 px phone: {result['small'][:5]}"
    )
    assert not result["cut"], f"{path}: labels cut off: {result['cut']}"
    assert result["scrollWidth"] <= phone.viewport["width"]


@pytest.mark.parametrize("state", list(FILLED))
def test_used_tools_fit_a_phone(phone, state: str) -> None:
    for tool, path in PAGES.items():
        page = phone.visit(path)
        page.evaluate(_RUN, [tool, [FILLED[state][tool]]])
        width = page.evaluate("document.scrollingElement.scrollWidth")
        assert width <= phone.viewport["width"], (
            f"{tool} ({state}) scrolls sideways on a phone: {width} px"
        )
