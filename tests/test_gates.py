"""The content gates: the real guide passes them, and each kind of bad change fails them
with the file, the line and what to do.

Bad changes are made in a copy of the project (docs/, facts/, src/ and pyproject.toml in
a temporary folder), never in the real tree. Most tests break a small sample page that
passes every gate, so the line numbers are known; the build tests run a strict Sphinx
build of a tiny copy and read its warnings.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from neckguide import build
from neckguide.checks import REPOSITORY
from neckguide.checks.cli import GATES, main
from tests.helpers import copy_project, strict_build, tiny_project

TODAY = "2026-06-01"  # review dates below are compared with this day
SAMPLE_NAME = "docs/topics/sample.md"
SAMPLE = """\
---
summary: "A short page that passes every check."
last_reviewed: 2026-01-10
next_review_due: 2027-01-10
reviewed_by: "Test team"
---

# How strong are my bones?

Bone is alive. It needs calcium to stay strong.
Women aged {fact}`screening.women_from_age` and over can ask for a scan.

The C2 bone is at the top of your neck.

1. Sit up tall.
2. Look straight ahead.

A T-score of {worked}`-2.7` means you have {term}`osteoporosis`.

```{doctest}
:hide:
>>> who_category(-2.7)
'osteoporosis'
```
"""
PAGE_GATES = "front-matter,raw-html,images,figures,reading-level,spelling"


# -- Helpers ------------------------------------------------------------------------------


def copy_guide(root: Path) -> Path:
    """A copy of the guide with the sample page in its menu; returns its folder."""
    copy_project(root, with_code=True)
    (root / SAMPLE_NAME).write_text(SAMPLE, encoding="utf-8")
    with (root / "docs" / "index.md").open("a", encoding="utf-8") as index:
        index.write("\n```{toctree}\n:hidden:\n\ntopics/sample\n```\n")
    return root


@pytest.fixture
def guide(tmp_path: Path) -> Path:
    return copy_guide(tmp_path / "guide")


def set_line(path: Path, number: int, text: str) -> None:
    """Replace one line of a file (numbered from 1), as a writer's edit would."""
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[number - 1] = text
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(root: Path, capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str]:
    """Run ``python -m neckguide.checks`` on a copy; returns its exit status and output."""
    status = main(["--root", str(root), "--today", TODAY, *arguments])
    return status, capsys.readouterr().out


def check_sample(root: Path, capsys: pytest.CaptureFixture[str], gates: str) -> tuple[int, str]:
    return run(root, capsys, "--only", gates, str(root / SAMPLE_NAME))


# -- The real guide ---------------------------------------------------------------------


@pytest.mark.parametrize("gate", list(GATES))
def test_the_real_guide_passes_every_gate(gate: str, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--root", str(REPOSITORY), "--only", gate])
    output = capsys.readouterr().out
    assert status == 0, f"the {gate} check found problems in the guide:\n{output}"


def test_the_sample_page_passes_every_page_gate(
    guide: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The starting point of the tests below: list numbers, C2 and a proved worked number
    are all allowed."""
    status, output = check_sample(guide, capsys, PAGE_GATES)
    assert (status, output) == (0, "")
    _, output = run(guide, capsys, "--only", "navigation")
    assert "sample" not in output


def test_the_page_template_once_filled_in_passes(
    guide: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = guide / "docs" / "topics" / "new-page.md"
    text = (guide / "docs" / "_templates" / "topic-page.md").read_text(encoding="utf-8")
    page.write_text(text.replace("YYYY-MM-DD", "2026-05-01", 1).replace("YYYY-MM-DD", "2027-05-01"))
    status, output = run(guide, capsys, "--only", PAGE_GATES, str(page))
    assert (status, output) == (0, "")
    _, output = run(guide, capsys, "--only", "navigation")
    assert "docs/topics/new-page.md:1: this page is not in any table of contents" in output


# -- Reading level ----------------------------------------------------------------------


def test_a_page_above_the_reading_level_fails(
    guide: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = guide / SAMPLE_NAME
    set_line(
        page, 10, "Osteoporotic vertebral deformities necessitate multidisciplinary evaluation."
    )
    set_line(page, 13, "Pharmacological interventions substantially diminish subsequent fractures.")
    status, output = check_sample(guide, capsys, "reading-level")
    assert status == 1
    problem = re.search(rf"^{SAMPLE_NAME}:8: this page reads at grade ([\d.]+) .*$", output, re.M)
    assert problem, output
    assert float(problem[1]) > 8
    assert "the limit is 8" in problem[0]
    assert "Use shorter sentences and everyday words" in problem[0]
    assert "hardest sentences: line 10 (grade" in problem[0]
    assert "line 13 (grade" in problem[0]


def test_a_long_sentence_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    words = " ".join(["bone"] * 29)
    set_line(guide / SAMPLE_NAME, 10, f"Your {words}.")
    status, output = check_sample(guide, capsys, "reading-level")
    assert status == 1
    assert (
        f"{SAMPLE_NAME}:10: this sentence has 30 words; the limit is 25; split it into "
        "shorter sentences" in output
    )


# -- Spelling -----------------------------------------------------------------------------


def test_a_misspelling_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_line(guide / SAMPLE_NAME, 10, "Bone is alive. It can recieve calcium.")  # codespell:ignore
    status, output = check_sample(guide, capsys, "spelling")
    assert status == 1
    assert (
        f"{SAMPLE_NAME}:10: 'recieve' looks misspelt; write 'receive' "  # codespell:ignore
        "(if the word is right, add it to docs/wordlist.txt)" in output
    )


def test_a_word_in_the_word_list_passes(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_line(guide / SAMPLE_NAME, 10, "Bone is alive. Use a reacher to pick things up.")
    assert check_sample(guide, capsys, "spelling") == (0, "")
    wordlist = guide / "docs" / "wordlist.txt"
    wordlist.write_text(wordlist.read_text().replace("reacher\n", ""))
    status, output = check_sample(guide, capsys, "spelling")
    assert status == 1 and f"{SAMPLE_NAME}:10: 'reacher' looks misspelt" in output


# -- Front matter and review dates ----------------------------------------------------------


def test_a_missing_front_matter_key_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = guide / SAMPLE_NAME
    page.write_text(page.read_text().replace('reviewed_by: "Test team"\n', ""))
    status, output = check_sample(guide, capsys, "front-matter")
    assert status == 1
    assert (
        f"{SAMPLE_NAME}:1: the front matter key 'reviewed_by' is missing; write "
        '`reviewed_by: "Name, role"` between the --- lines at the top of the page '
        "(see docs/_templates/topic-page.md)" in output
    )


def test_a_misspelt_front_matter_key_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_line(guide / SAMPLE_NAME, 5, 'reviewd_by: "Test team"')
    status, output = check_sample(guide, capsys, "front-matter")
    assert status == 1
    assert f"{SAMPLE_NAME}:5: the front matter key 'reviewed_by' is spelt 'reviewd_by'" in output


def test_a_page_without_front_matter_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = guide / SAMPLE_NAME
    page.write_text(page.read_text().split("---\n", 2)[2])
    status, output = check_sample(guide, capsys, "front-matter")
    assert status == 1
    assert (
        f"{SAMPLE_NAME}:1: this page has no front matter; copy the lines between --- at the "
        "top of docs/_templates/topic-page.md to the top of the page and fill them in" in output
    )


@pytest.mark.parametrize(
    ("line", "text", "expected"),
    [
        (3, "last_reviewed: 10/01/2026", "3: last_reviewed must be a real date written YYYY-MM-DD"),
        (4, "next_review_due: 2027-02-30", "4: next_review_due must be a real date"),
        (4, "next_review_due: 2025-12-01", "4: next_review_due (2025-12-01) must come after"),
        (3, "last_reviewed: 2026-12-01", "3: last_reviewed (2026-12-01) is in the future"),
        (2, 'summary: "An unclosed quote', "5: the front matter cannot be read"),
        (8, "Bone is alive.", "8: the page must start with its title"),
    ],
)
def test_ill_formed_front_matter_fails(
    guide: Path, capsys: pytest.CaptureFixture[str], line: int, text: str, expected: str
) -> None:
    set_line(guide / SAMPLE_NAME, line, text)
    status, output = check_sample(guide, capsys, "front-matter")
    assert status == 1
    assert f"{SAMPLE_NAME}:{expected}" in output


def test_a_page_past_its_review_date_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--root", str(guide), "--today", "2027-01-11", "--only", "front-matter"])
    output = capsys.readouterr().out
    assert status == 1
    assert (
        f"{SAMPLE_NAME}:4: this page was due for review on 10 January 2027; review it, then "
        "move next_review_due forward (and set last_reviewed to the day of the review)" in output
    )
    assert main(["--root", str(guide), "--today", "2027-01-10", "--only", "front-matter",
                 str(guide / SAMPLE_NAME)]) == 0  # fmt: skip


# -- Raw HTML -------------------------------------------------------------------------------


def test_raw_html_and_a_script_fail(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = guide / SAMPLE_NAME
    set_line(page, 10, 'Bone is <span style="color: red">alive</span>.')
    set_line(page, 13, "<script>alert('hello')</script>")
    status, output = check_sample(guide, capsys, "raw-html")
    assert status == 1
    assert (
        f"{SAMPLE_NAME}:10: raw HTML (<span>) is not allowed in pages; write it in Markdown"
        in output
    )
    assert (
        f"{SAMPLE_NAME}:13: a <script> tag is not allowed in a page: it would run code in "
        "readers' browsers; remove it" in output
    )


def test_a_raw_block_and_an_html_comment_fail(
    guide: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = guide / SAMPLE_NAME
    set_line(page, 13, "```{raw} html\n<b>bold</b>\n```")
    set_line(page, 10, "<!-- a note -->")
    status, output = check_sample(guide, capsys, "raw-html")
    assert status == 1
    assert f"{SAMPLE_NAME}:13: a {{raw}} block puts HTML straight into the page" in output
    assert f"{SAMPLE_NAME}:10: an HTML comment (<!--) is not allowed in pages" in output


def test_html_in_code_is_allowed(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_line(guide / SAMPLE_NAME, 10, "Never type `<b>` into a page. A T-score < -2.5 is low.")
    assert check_sample(guide, capsys, "raw-html") == (0, "")


def test_mysts_html_extensions_fail(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conf = guide / "docs" / "conf.py"
    conf.write_text(conf.read_text() + '\nmyst_enable_extensions.append("html_image")\n')
    status, output = run(guide, capsys, "--only", "raw-html")
    assert status == 1
    number = len(conf.read_text().splitlines())
    assert (
        f"docs/conf.py:{number}: the MyST extension 'html_image' lets pages carry raw HTML"
        in output
    )


# -- Navigation and pictures ----------------------------------------------------------------


def test_an_orphan_page_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(guide / SAMPLE_NAME, guide / "docs" / "topics" / "orphan.md")
    status, output = run(guide, capsys, "--only", "navigation")
    assert status == 1
    assert (
        "docs/topics/orphan.md:1: this page is not in any table of contents, so readers cannot "
        "reach it from the menu; add `topics/orphan` to a {toctree} in docs/index.md" in output
    )


def test_an_unreachable_page_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    topics = guide / "docs" / "topics"
    (topics / "parent.md").write_text("# Parent\n\n```{toctree}\nchild\n```\n")
    shutil.copy(guide / SAMPLE_NAME, topics / "child.md")
    status, output = run(guide, capsys, "--only", "navigation")
    assert status == 1
    assert (
        "docs/topics/child.md:1: this page is listed only in the table of contents of "
        "docs/topics/parent.md (line 4), which readers cannot reach from the home page; add "
        "`topics/child` to a {toctree} in docs/index.md" in output
    )
    assert "docs/topics/parent.md:1: this page is not in any table of contents" in output


def test_a_menu_entry_for_a_missing_page_fails(
    guide: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = guide / "docs" / "index.md"
    index.write_text(index.read_text().replace("topics/sample\n", "topics/sample\ntopics/gone\n"))
    number = index.read_text().splitlines().index("topics/gone") + 1
    status, output = run(guide, capsys, "--only", "navigation")
    assert status == 1
    assert (
        f"docs/index.md:{number}: the table of contents lists 'topics/gone', but there is no "
        "docs/topics/gone.md; fix the name or remove the line" in output
    )


def test_an_unused_figure_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    figures = guide / "docs" / "_static" / "figures"
    figures.mkdir(parents=True, exist_ok=True)
    (figures / "unused.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    status, output = run(guide, capsys, "--only", "images")
    assert status == 1
    assert (
        "docs/_static/figures/unused.svg:1: no page uses this figure; show it on a page" in output
    )


def test_a_picture_without_alt_text_or_not_svg_fails(
    guide: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_line(guide / SAMPLE_NAME, 13, "![](../_static/figures/photo.png)")
    status, output = check_sample(guide, capsys, "images")
    assert status == 1
    assert f"{SAMPLE_NAME}:13: the picture ../_static/figures/photo.png has no alt text" in output
    assert f"{SAMPLE_NAME}:13: the picture ../_static/figures/photo.png is not an SVG" in output
    assert f"{SAMPLE_NAME}:13: the picture ../_static/figures/photo.png does not exist" in output


# -- Python ---------------------------------------------------------------------------------


def test_badly_formatted_python_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    module = guide / "src" / "neckguide" / "badly_formatted.py"
    module.write_text('"""A module."""\n\nimport os\n\n\ndef add( a,b ):\n  return a+b\n')
    status, output = run(guide, capsys, "--only", "python-style", str(module))
    assert status == 1
    name = "src/neckguide/badly_formatted.py"
    assert f"{name}:3: F401 `os` imported but unused" in output
    assert (
        f"{name}:6: this file is not formatted the project's way; run "
        f"`.venv/bin/ruff format {name}`" in output
    )


# -- Figures --------------------------------------------------------------------------------


def test_a_figure_typed_into_a_page_fails(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_line(guide / SAMPLE_NAME, 11, "Women aged 65 and over can ask for a scan.")
    status, output = check_sample(guide, capsys, "figures")
    assert status == 1
    assert (
        f"{SAMPLE_NAME}:11: the number 65 is typed into the text; use {{fact}}`name` for a "
        "figure from facts/*.toml (add it there with its source)" in output
    )


@pytest.mark.parametrize(
    "text",
    [
        "See [the scan page](https://example.org/page/2024) and `code 42`.",
        "Pain between C5 and C6, or at T12 and L1, can be checked on 2026-02-01.",
        "Take vitamin D3 with food. Ask your doctor: **A4 paper** is fine.",
    ],
)
def test_numbers_that_are_not_figures_pass(
    guide: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    set_line(guide / SAMPLE_NAME, 13, text)
    assert check_sample(guide, capsys, "figures") == (0, "")


def test_a_worked_number_without_a_doctest_fails(
    guide: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_line(guide / SAMPLE_NAME, 13, "These foods give {worked}`1,107` mg of calcium.")
    status, output = check_sample(guide, capsys, "figures")
    assert status == 1
    assert (
        f"{SAMPLE_NAME}:13: the worked-example number 1,107 is not checked by any doctest on "
        "this page; add a {doctest} block that produces it" in output
    )
    page = guide / SAMPLE_NAME
    page.write_text(
        page.read_text().replace("'osteoporosis'\n", "'osteoporosis'\n>>> 1000 + 107\n1107\n")
    )
    assert check_sample(guide, capsys, "figures") == (0, "")


# -- The strict Sphinx build of a tiny copy ---------------------------------------------------

BROKEN_PAGES = {
    "raw-html": 'Bone is <span class="x">alive</span>.\n\n<script>alert("hi")</script>\n',
    "unknown-fact": "You need {fact}`calcium.daily.woman_51_70` a day.\n",
    "unknown-term": "This is {term}`bone softening`.\n",
    "broken-myst": "```{notadirective}\ntext\n```\n\nA role {fcat}`x` here.\n",
    "failing-doctest": "```{doctest}\n>>> who_category(-2.7)\n'normal'\n```\n",
}
FRONT = '---\nsummary: "A page."\nlast_reviewed: 2026-01-10\nnext_review_due: 2099-01-10\n'
FRONT += 'reviewed_by: "Test"\n---\n\n# A page\n\n'  # the body starts on line 10


@pytest.fixture(scope="module")
def tiny_build(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A strict build (-W --keep-going -n) of conf.py, the glossary, a good page and one
    broken page per kind; returns the warnings of the dummy and doctest builders."""
    root = tmp_path_factory.mktemp("tiny")
    pages = {"glossary.md": "", "topics/good.md": SAMPLE}
    pages |= {f"topics/{name}.md": FRONT + body for name, body in BROKEN_PAGES.items()}
    entries = "\n".join(["topics/good", *(f"topics/{n}" for n in BROKEN_PAGES), "glossary"])
    docs = tiny_project(root, f"# Tiny\n\n```{{toctree}}\n{entries}\n```\n", pages)
    warnings = {}
    for builder in ("dummy", "doctest"):
        log = root / f"{builder}-warnings.txt"
        result = strict_build(docs, builder, warnings=log)
        text = log.read_text()
        assert "Traceback" not in text + result.stderr, f"the {builder} build crashed:\n{text}"
        assert result.returncode != 0, "the strict build passed although pages are broken"
        warnings[builder] = text.replace(str(docs) + "/", "docs/")
    return warnings


def test_a_tiny_build_accepts_the_good_page(tiny_build: dict[str, str]) -> None:
    assert "good.md" not in tiny_build["dummy"] + tiny_build["doctest"]


def test_the_build_refuses_raw_html(tiny_build: dict[str, str]) -> None:
    log = tiny_build["dummy"]
    assert "docs/topics/raw-html.md:10: WARNING: raw HTML is not allowed in pages (<span" in log
    assert "docs/topics/raw-html.md:12: WARNING: raw HTML is not allowed in pages (<script" in log


def test_the_build_refuses_an_unknown_fact(tiny_build: dict[str, str]) -> None:
    assert (
        "docs/topics/unknown-fact.md:10: WARNING: unknown figure 'calcium.daily.woman_51_70'; "
        "did you mean 'calcium.daily.women_51_70'" in tiny_build["dummy"]
    )


def test_the_build_refuses_an_unknown_term(tiny_build: dict[str, str]) -> None:
    assert (
        "docs/topics/unknown-term.md:10: WARNING: term not in glossary: 'bone softening'"
        in tiny_build["dummy"]
    )


def test_the_build_refuses_broken_myst(tiny_build: dict[str, str]) -> None:
    log = tiny_build["dummy"]
    assert "docs/topics/broken-myst.md:10: WARNING: Unknown directive type: 'notadirective'" in log
    assert 'docs/topics/broken-myst.md:14: WARNING: Unknown interpreted text role "fcat"' in log


def test_the_build_refuses_a_failing_doctest(tiny_build: dict[str, str]) -> None:
    log = tiny_build["doctest"]
    assert 'File "topics/failing-doctest.md", line 10' in log
    assert (
        textwrap.dedent(
            """\
        Expected:
            'normal'
        Got:
            'osteoporosis'"""
        )
        in log
    )


# -- The report mode ----------------------------------------------------------------------


def test_the_report_lists_every_page_with_its_grade(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(REPOSITORY), "--report", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    pages = {row["page"]: row for row in report["pages"]}
    assert report["limit"] == 8
    assert "docs/topics/diagnosis.md" in pages
    assert all(0 <= row["grade"] < 30 and row["words"] > 0 for row in pages.values())


# -- Pull-request plumbing: CI, Read the Docs and pre-commit configuration ----------------------


def config(name: str) -> dict:
    data = yaml.safe_load((REPOSITORY / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{name} is not a YAML mapping"
    return data


def make_targets() -> set[str]:
    makefile = (REPOSITORY / "Makefile").read_text(encoding="utf-8")
    return {m[1] for m in re.finditer(r"^([\w.-]+)\s*:(?!=)", makefile, re.M)}


def workflow_steps(job: str) -> list[dict]:
    return config(".github/workflows/docs.yml")["jobs"][job]["steps"]


def step_using(job: str, action: str) -> dict:
    return next(step for step in workflow_steps(job) if step.get("uses", "").startswith(action))


def test_ci_builds_and_tests_every_pull_request() -> None:
    workflow = config(".github/workflows/docs.yml")
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as True
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]
    assert workflow["jobs"]["build"]["runs-on"].startswith("ubuntu")
    assert step_using("build", "actions/setup-python")["with"]["python-version"] == "3.11"
    commands = [step.get("run", "").strip() for step in workflow_steps("build")]
    assert "make" in commands and "make test" in commands
    installs = "\n".join(commands)
    assert "apt-get install" in installs
    assert "chromium" in installs and "poppler-utils" in installs
    artifact = step_using("build", "actions/upload-artifact")["with"]
    assert REPOSITORY / artifact["path"] == build.BUILD / "html"


def test_ci_publishes_main_to_github_pages() -> None:
    workflow = config(".github/workflows/docs.yml")
    pages = step_using("build", "actions/upload-pages-artifact")
    assert "push" in pages["if"] and "refs/heads/main" in pages["if"]
    assert REPOSITORY / pages["with"]["path"] == build.BUILD / "html"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and "refs/heads/main" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert step_using("deploy", "actions/deploy-pages")


def test_read_the_docs_builds_previews_from_the_pinned_environment() -> None:
    rtd = config(".readthedocs.yaml")
    assert rtd["version"] == 2
    assert rtd["build"]["os"].startswith("ubuntu")
    assert rtd["build"]["tools"]["python"] == "3.11"
    assert (REPOSITORY / rtd["sphinx"]["configuration"]) == REPOSITORY / "docs" / "conf.py"
    installs = rtd["python"]["install"]
    assert {"requirements": "requirements.lock"} in installs
    assert {"method": "pip", "path": "."} in installs
    for install in installs:
        assert (REPOSITORY / install.get("requirements", install.get("path", ""))).exists()
    assert (REPOSITORY / "pyproject.toml").exists()


def test_pre_commit_hooks_are_local_and_call_real_tools() -> None:
    repos = config(".pre-commit-config.yaml")["repos"]
    assert [repo["repo"] for repo in repos] == ["local"]
    tools = Path(sys.executable).parent
    for hook in repos[0]["hooks"]:
        assert hook["language"] == "system", hook["id"]
        program, *arguments = hook["entry"].split()
        assert program.startswith(".venv/bin/"), hook["id"]
        assert (tools / Path(program).name).exists(), f"{hook['id']}: no {program}"
        if "--only" in arguments:
            for gate in arguments[arguments.index("--only") + 1].split(","):
                assert gate in GATES, f"{hook['id']}: unknown check {gate}"


@pytest.mark.parametrize(
    "name",
    [
        ".github/workflows/docs.yml",
        ".github/PULL_REQUEST_TEMPLATE.md",
        "CONTRIBUTING.md",
        "README.md",
        ".ci/run",
    ],
)
def test_every_make_target_the_docs_and_configs_call_exists(name: str) -> None:
    text = (REPOSITORY / name).read_text(encoding="utf-8")
    called = set(re.findall(r"\bmake +([a-z][\w-]*)", text))
    called -= {"sure", "a", "the", "it", "them", "your"}  # English after "make"
    assert called <= make_targets(), f"{name} calls make {called - make_targets()}"
    if re.search(r"(^|`|\s)make($|`|\n)", text, re.M):
        assert "all" in make_targets()


@pytest.mark.parametrize("name", ["CONTRIBUTING.md", ".github/PULL_REQUEST_TEMPLATE.md"])
def test_every_file_the_contributor_docs_name_exists(name: str) -> None:
    text = (REPOSITORY / name).read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:\.?[\w-]+/)+[\w.-]*)`", text))
    named |= set(re.findall(r"`([\w-]+\.(?:md|toml|yaml|yml|txt|py|lock))`", text))
    skip = ("docs/_build", ".venv/", "docs/topics/short-name", "topics/short-name")
    missing = [
        path
        for path in sorted(named)
        if not path.startswith(skip) and "*" not in path and not (REPOSITORY / path).exists()
    ]
    assert not missing, f"{name} names files that do not exist: {missing}"


def test_the_pull_request_template_has_a_checklist() -> None:
    text = (REPOSITORY / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 8
    assert "make test" in text and "source" in text.lower()
