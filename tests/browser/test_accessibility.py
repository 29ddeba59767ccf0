"""Accessibility: axe-core (vendored, see vendor/README.md) finds nothing on any page.

WCAG 2.0, 2.1 and 2.2 levels A and AA, plus axe's best practices, in light and dark mode.
No rule is switched off: fix the templates (docs/_templates/) or guide.css instead. The
counts per page and mode are written to ``docs/_build/axe-results.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
_RESULTS: dict[str, dict[str, Any]] = {}


@pytest.fixture(scope="session")
def axe_report(site: Path):
    """Collects every page's violations; written to the build folder at the end."""
    yield _RESULTS
    out = site.parent / "axe-results.json"
    out.write_text(json.dumps(_RESULTS, indent=1, sort_keys=True), encoding="utf-8")


def _describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} [{len(v['nodes'])} element(s)]")
        for node in v["nodes"][:3]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    at {node['target']}: {summary[:300]}")
    return "\n".join(lines)


# axe skips what is hidden: closed dropdowns and the tabs not chosen. Show them all, then
# check just those parts again (same rules; the page's own styles otherwise).
_REVEAL_AND_RUN = """
async options => {
  const parts = [...document.querySelectorAll('details, .sd-tab-set')];
  if (!parts.length) return null;
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const style = document.createElement('style');
  style.textContent = '.sd-tab-set > .sd-tab-content { display: block !important; }';
  document.head.append(style);
  await new Promise(requestAnimationFrame);
  document.getAnimations().forEach(a => a.finish());
  return axe.run({include: parts.map(el => [el])}, options);
}
"""


def test_axe_finds_no_violations(themed, page_path: str, mode: str, axe_report: dict) -> None:
    page = themed.visit(page_path)  # axe is loaded by the context (conftest.themed)
    assert page.evaluate("document.body.dataset.theme") == mode, "furo did not take the mode"
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    violations = result["violations"]
    revealed = page.evaluate(_REVEAL_AND_RUN, AXE_OPTIONS)
    if revealed:
        for v in revealed["violations"]:
            v["help"] += " (in a dropdown or tab shown for the check)"
        violations += revealed["violations"]
    axe_report.setdefault(page_path, {})[mode] = {v["id"]: len(v["nodes"]) for v in violations}
    assert not violations, (
        f"axe {result['testEngine']['version']} on {page_path} ({mode} mode) found "
        f"{len(violations)} violation(s):\n{_describe(violations)}"
    )
