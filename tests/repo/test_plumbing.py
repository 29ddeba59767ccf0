"""Pull-request plumbing: CI, Read the Docs, pre-commit, the make targets and the
contributor docs agree with the repository."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml

from neckguide.checks.cli import GATES
from neckguide.paths import BUILD, ROOT

# -- Pull-request plumbing: CI, Read the Docs and pre-commit configuration ----------------------


def config(name: str) -> dict:
    data = yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{name} is not a YAML mapping"
    return data


def make_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
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
    assert ROOT / artifact["path"] == BUILD / "html"


def test_ci_publishes_main_to_github_pages() -> None:
    workflow = config(".github/workflows/docs.yml")
    pages = step_using("build", "actions/upload-pages-artifact")
    assert "push" in pages["if"] and "refs/heads/main" in pages["if"]
    assert ROOT / pages["with"]["path"] == BUILD / "html"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and "refs/heads/main" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert step_using("deploy", "actions/deploy-pages")


def test_each_pull_request_gets_one_review_comment_and_its_images() -> None:
    from neckguide.review.report import MARKER

    job = config(".github/workflows/docs.yml")["jobs"]["review"]
    assert job["if"] == "github.event_name == 'pull_request'"
    assert job["permissions"] == {"contents": "read", "pull-requests": "write"}
    steps = job["steps"]
    assert step_using("review", "actions/checkout")["with"]["fetch-depth"] == 0
    runs = [step.get("run", "") for step in steps]
    review = next(command for command in runs if command.startswith("make review"))
    assert "BASE=origin/${{ github.base_ref }}" in review
    assert "PR=${{ github.event.pull_request.number }}" in review
    assert "chromium" in "\n".join(runs) and "hunspell-en-us" in "\n".join(runs)
    cache = step_using("review", "actions/cache")["with"]
    assert ROOT / cache["path"] == BUILD / "review" / "cache"
    assert "github.event.pull_request.base.sha" in cache["key"]
    artifact = step_using("review", "actions/upload-artifact")["with"]
    assert {ROOT / line for line in artifact["path"].split()} == {
        BUILD / "review" / "report.md",
        BUILD / "review" / "images",
    }
    script = step_using("review", "actions/github-script")["with"]["script"]
    assert f"'{MARKER}'" in script, "the comment is found again by the report's marker"
    assert "updateComment" in script and "createComment" in script
    assert "docs/_build/review/report.md" in script


def test_read_the_docs_builds_previews_from_the_pinned_environment() -> None:
    rtd = config(".readthedocs.yaml")
    assert rtd["version"] == 2
    assert rtd["build"]["os"].startswith("ubuntu")
    assert rtd["build"]["tools"]["python"] == "3.11"
    assert (ROOT / rtd["sphinx"]["configuration"]) == ROOT / "docs" / "conf.py"
    installs = rtd["python"]["install"]
    assert {"requirements": "requirements.lock"} in installs
    assert {"method": "pip", "path": "."} in installs
    for install in installs:
        assert (ROOT / install.get("requirements", install.get("path", ""))).exists()
    assert (ROOT / "pyproject.toml").exists()


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
    text = (ROOT / name).read_text(encoding="utf-8")
    called = set(re.findall(r"\bmake +([a-z][\w-]*)", text))
    called -= {"sure", "a", "the", "it", "them", "your"}  # English after "make"
    assert called <= make_targets(), f"{name} calls make {called - make_targets()}"
    if re.search(r"(^|`|\s)make($|`|\n)", text, re.M):
        assert "all" in make_targets()


@pytest.mark.parametrize("name", ["CONTRIBUTING.md", ".github/PULL_REQUEST_TEMPLATE.md"])
def test_every_file_the_contributor_docs_name_exists(name: str) -> None:
    text = (ROOT / name).read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:\.?[\w-]+/)+[\w.-]*)`", text))
    named |= set(re.findall(r"`([\w-]+\.(?:md|toml|yaml|yml|txt|py|lock))`", text))
    skip = ("docs/_build", ".venv/", "docs/topics/short-name", "topics/short-name")
    missing = [
        path
        for path in sorted(named)
        if not path.startswith(skip) and "*" not in path and not (ROOT / path).exists()
    ]
    assert not missing, f"{name} names files that do not exist: {missing}"


def test_the_pull_request_template_has_a_checklist() -> None:
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 8
    assert "make test" in text and "source" in text.lower()


def test_every_data_file_of_the_package_is_shipped() -> None:
    """Read the Docs installs the package without -e: a file in src/neckguide/ that is not
    Python reaches the build only if pyproject.toml's package-data names it."""
    import fnmatch
    import tomllib

    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]["package-data"]
    src = ROOT / "src"
    data = [
        path
        for path in (src / "neckguide").rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    ]
    assert data, "the package has no data files: is the handouts' stylesheet gone?"
    for path in data:
        package = ".".join(path.parent.relative_to(src).parts)
        patterns = package_data.get(package, [])
        assert any(fnmatch.fnmatch(path.name, p) for p in patterns), (
            f"{path.relative_to(ROOT)} is not in [tool.setuptools.package-data] {package!r}"
        )
