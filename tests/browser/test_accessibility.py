"""Do the pages students meet pass an axe-core audit without a serious or critical violation?

axe-core (pinned in tests/browser/package.json and its lockfile; ``npm ci`` in tests/browser
installs it) is injected with Playwright into: the JupyterLab course with a released notebook open,
the voila page of the widgets (``make demo``), and a feedback page as the grader writes it. Each
audit's full report (every violation of every impact, with the nodes) is kept as
``test-artifacts/browser/axe-<page>.json``; the test fails on a violation of impact "serious" or
"critical", naming the rule and the first nodes.

In JupyterLab, the violations of JupyterLab's own interface and of its extensions' toolbar buttons
(which no setting of the course changes) are listed in ``UPSTREAM``, each matched by rule and
element, and reported in the artifact as excused; any other serious or critical violation, and
every one in the course's own content (rendered cells, outputs, widgets), fails the test. The
voila page of the widgets and the feedback page are audited with no exclusion at all: the
sliders are named by the widgets' announcer (ipywidgets leaves their handles unnamed), and the
button that starts training is white on a green with contrast 5.1.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import ARTIFACTS_DIR, REPO_ROOT
from .test_widgets import KERNEL_TIMEOUT_MS, voila_page, voila_url  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

AXE = REPO_ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
NOTEBOOK = Path("assignments/week2_logistic_regression/logistic_regression.ipynb")

#: JupyterLab 4.6's own violations (rule id -> the elements, as regular expressions on axe's
#: selector followed by a space and the element's HTML): its toolkit buttons (jp-button) and extension toolbar buttons (voila's preview,
#: nbgrader's Validate) carry ARIA attributes their role does not allow; CodeMirror's editable
#: area has no accessible name; the windowed notebook's list has no listitem children while cells
#: are rendered lazily; a heading's collapse button has no text.
UPSTREAM = {
    "aria-allowed-attr": r"^jp-button|^\.voilaRender |^\.validate-button |^\.jp-DebuggerBugButton ",
    "aria-input-field-name": r'\.cm-content|class="cm-content"',
    "aria-required-children": r"^\.jp-WindowedPanel-viewport ",
    "button-name": r"^button\[data-heading-level=",
}

def _audit(page, name: str, context: str | None = None, excused: dict | None = None) -> list[dict]:
    """Run axe-core on ``page`` (or the part ``context`` selects); save the report; return the
    violations of a blocking impact, less the nodes ``excused`` ({rule id: selector pattern})."""
    if not AXE.exists():
        pytest.skip(f"axe-core is not installed: run `npm ci` in {AXE.parents[2].relative_to(REPO_ROOT)}")
    page.add_script_tag(path=str(AXE))
    report = page.evaluate(
        "async (context) => await axe.run(context ? document.querySelector(context) : document, "
        "{resultTypes: ['violations']})", context)
    blocking, upstream = [], []
    for violation in report["violations"]:
        pattern = (excused or {}).get(violation["id"])
        ours = [n for n in violation["nodes"]
                if not (pattern and re.search(pattern, " ".join(n["target"]) + " " + n["html"]))]
        if len(ours) < len(violation["nodes"]):
            upstream.append({"id": violation["id"], "impact": violation["impact"],
                             "nodes": len(violation["nodes"]) - len(ours)})
        if ours and violation["impact"] in BLOCKING:
            blocking.append({**violation, "nodes": ours})
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS_DIR / f"axe-{name}.json").write_text(json.dumps(
        {"url": page.url, "axe": report["testEngine"]["version"], "excused_upstream": upstream,
         "violations": report["violations"]}, indent=1))
    return blocking


def _summary(violations: list[dict]) -> str:
    return "\n".join(f"{v['impact']}: {v['id']} ({v['help']}): "
                     + "; ".join(" ".join(n["target"]) for n in v["nodes"][:4]) for v in violations)


def test_jupyterlab_with_a_course_notebook(lab_page, lab_server):
    from playwright.sync_api import expect

    page = lab_page
    try:
        page.goto(lab_server.url(f"/lab/tree/{NOTEBOOK.as_posix()}"))
        expect(page.locator(".jp-NotebookPanel .jp-Cell").first).to_be_visible()
        expect(page.locator(".jp-StatusBar-TextItem").filter(has_text=re.compile(r"\|\s*Idle$"))
               ).to_be_visible(timeout=90_000)
        blocking = _audit(page, "jupyterlab", excused=UPSTREAM)
    finally:
        lab_server.shut_down_kernels(NOTEBOOK.as_posix())
    assert not blocking, _summary(blocking)


def test_voila_page_of_the_widgets(voila_url, voila_page):  # noqa: F811 (fixtures)
    from playwright.sync_api import expect

    page = voila_page
    page.goto(voila_url)
    expect(page.locator(".layerlab-deep-network .jupyter-matplotlib-canvas-div")).to_be_visible(
        timeout=KERNEL_TIMEOUT_MS)
    assert "Traceback" not in page.locator("body").inner_text()
    # the week-2 explorer's figure in words is on the page, for readers who cannot see the figure
    expect(page.locator(".layerlab-figure-text")).to_have_count(3)
    # the announcer has named every slider (axe would report the unnamed ones too)
    expect(page.locator(".noUi-handle:not([aria-labelledby])")).to_have_count(0)
    blocking = _audit(page, "voila")
    assert not blocking, _summary(blocking)


def test_a_feedback_page(browser, tmp_path):
    from autograder.grading.feedback import render
    from autograder.grading.results import AssignmentResult, CellError, NotebookResult
    from autograder.grading.score import CaseOutcome, FunctionResult

    failing = CaseOutcome(1, "x = a float64 array of shape (2, 2)", False, ["wrong values"],
                          ["wrong values"], ["rows and columns swapped"], kind="k")
    passing = CaseOutcome(2, "x = a float64 array of shape (3, 1)", True, [], [], [], kind="k")
    functions = [FunctionResult("softmax", "numpy_basics", 2.0, 1.0, 1, 2, "`softmax` wrong values",
                                [failing, passing]),
                 FunctionResult("L1", "numpy_basics", 1.0, 1.0, 1, 1, "", [passing])]
    notebook = NotebookResult("numpy_basics", True, functions, errors=["a cell raised"],
                              cell_errors=[CellError("cell 3", "NameError", ["NameError: x"])],
                              warnings=["a warning"])
    result = AssignmentResult("ada", "week2_numpy_basics", [notebook], "2025-01-01T12:00:00+00:00")
    path = tmp_path / "feedback.html"
    path.write_text(render(result, notebook))
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        blocking = _audit(page, "feedback")
    finally:
        context.close()
    assert not blocking, _summary(blocking)
