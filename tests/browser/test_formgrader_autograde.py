"""The Formgrader's Autograde button grades in layerlab's sandbox, in a real browser.

A temporary course (the repository's nbgrader_config.py and the NumPy-basics source, released
with ``nbgrader generate_assignment``) holds a submission that disarmed the public checks
(``checks`` replaced by an object whose every method does nothing) and answered every function
wrong. Executed in its kernel, as stock nbgrader autogrades, it passes every test cell (10 / 10).
Clicking Autograde on the Formgrader's Manage Submissions page must give it layerlab's grade,
0 / 10, the same as ``python -m autograder grade``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from .conftest import REPO_ROOT

pytestmark = pytest.mark.browser

ASSIGNMENT, NOTEBOOK, STUDENT = "week2_numpy_basics", "numpy_basics", "disarmed"
DISARM = ("class _Quiet:\n    def __getattr__(self, name):\n        return lambda *args, **kwargs: None\n"
          "checks = _Quiet()")
VOLATILE = {"graded_at", "seconds", "slowest_cells", "output_excerpt"}


def disarmed_submission() -> nbformat.NotebookNode:
    """The release, every graded function answered with 0, the checks disarmed after the setup."""
    nb = nbformat.read(REPO_ROOT / "assignments" / ASSIGNMENT / f"{NOTEBOOK}.ipynb", 4)
    cells = []
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("solution"):
            cell.source = f"def {meta['grade_id']}(*args, **kwargs):\n    return 0.0"
        cells.append(cell)
        if meta.get("grade_id") == "setup":
            cells.append(nbformat.v4.new_code_cell(DISARM))
    nb.cells = cells
    return nb


def run(cwd: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"]}
    proc = subprocess.run([sys.executable, "-m", *argv], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc


def stable(value):
    if isinstance(value, dict):
        return {k: stable(v) for k, v in value.items() if k not in VOLATILE}
    return [stable(v) for v in value] if isinstance(value, list) else value


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = tmp_path_factory.mktemp("formgrader") / "course"
    root.mkdir()
    shutil.copy(REPO_ROOT / "nbgrader_config.py", root)
    shutil.copytree(REPO_ROOT / "source" / ASSIGNMENT, root / "source" / ASSIGNMENT)
    (root / ".exchange").mkdir(mode=0o777)
    run(root, "nbgrader", "generate_assignment", ASSIGNMENT)
    folder = root / "submitted" / STUDENT / ASSIGNMENT
    folder.mkdir(parents=True)
    nbformat.write(disarmed_submission(), folder / f"{NOTEBOOK}.ipynb")
    return root


def test_the_autograde_button_gives_the_sandboxed_grade(course, lab_in, browser, screenshot):
    from playwright.sync_api import expect

    results = course / "autograded" / STUDENT / ASSIGNMENT / "results.json"
    with lab_in(course) as server:
        # logged in with the server's token, as a browser that opened `make lab`'s URL is
        context = browser.new_context(viewport={"width": 1400, "height": 900},
                                      extra_http_headers={"Authorization": f"token {server.token}"})
        try:
            page = context.new_page()
            page.goto(server.url(f"/formgrader/manage_submissions/{ASSIGNMENT}"))
            row = page.locator("tr", has_text=STUDENT)
            try:
                expect(row).to_be_visible()
            except AssertionError:
                pytest.fail(f"no row of {STUDENT}; the server's log:\n{server.log()}")
            screenshot(page, "formgrader-01-before-autograde")
            row.locator(".autograde a").click()
            modal = page.locator("#success-modal")
            expect(modal).to_contain_text(f"Successfully autograded '{ASSIGNMENT}' for student "
                                          f"'{STUDENT}'", timeout=300_000)
            expect(modal).to_contain_text(f"layerlab's sandboxed grader: {STUDENT}/{ASSIGNMENT} "
                                          f"{NOTEBOOK}: 0 / 10")
            screenshot(page, "formgrader-02-autograded")
            modal.get_by_role("button", name="OK").click()
            expect(modal).to_be_hidden()
            expect(row.locator(".score")).to_have_text("0 / 10")
            screenshot(page, "formgrader-03-score")
        finally:
            context.close()
    by_button = json.loads(results.read_text())
    assert by_button["score"] == 0 and by_button["max_score"] == 10
    assert by_button["grader"]["sandbox"] == "bubblewrap"

    run(course, "autograder", "grade", "--student", STUDENT, "--force")
    assert stable(json.loads(results.read_text())) == stable(by_button)


SHOWING = "shows"
SHOW = ("print('the printed answer: 42')\n"
        "import matplotlib.pyplot as plt\n"
        "plt.plot([0, 1, 2], [0, 1, 4])\n"
        "from IPython.display import HTML, display\n"
        "display(HTML('<script>document.title = \"pwned\"; alert(1)</script><b id=rich>rich</b>'))\n"
        "print('<img id=planted src=x onerror=\"document.title = 1; alert(2)\">')")


def test_manual_grading_shows_the_outputs_and_runs_none_of_a_hostile_one(course, lab_in, browser, screenshot):
    """After ``nbgrader autograde``, the Formgrader's Manual Grading page of the submission shows
    what its cells printed and drew; the HTML and script it displayed do not run."""
    from playwright.sync_api import expect
    from nbgrader.api import Gradebook

    nb = nbformat.read(REPO_ROOT / "assignments" / ASSIGNMENT / f"{NOTEBOOK}.ipynb", 4)
    nb.cells.append(nbformat.v4.new_code_cell(SHOW))
    folder = course / "submitted" / SHOWING / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / f"{NOTEBOOK}.ipynb")
    run(course, "nbgrader", "autograde", ASSIGNMENT, "--student", SHOWING)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "layerlab") as gb:
        submission_id = gb.find_submission_notebook(NOTEBOOK, ASSIGNMENT, SHOWING).id
    with lab_in(course) as server:
        context = browser.new_context(viewport={"width": 1400, "height": 900},
                                      extra_http_headers={"Authorization": f"token {server.token}"})
        dialogs = []
        try:
            page = context.new_page()
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.goto(server.url(f"/formgrader/submissions/{submission_id}/"))
            printed = page.get_by_text("the printed answer: 42", exact=True)  # not the cell's code
            expect(printed).to_be_visible()
            picture = page.locator('img[src^="data:image/png;base64,"]').last
            picture.scroll_into_view_if_needed()
            expect(picture).to_be_visible()
            assert picture.evaluate("img => img.naturalWidth") > 100   # it decoded as a picture
            expect(page.get_by_text("text/html was left out")).to_be_visible()
            planted = '<img id=planted src=x onerror="document.title = 1; alert(2)">'
            expect(page.get_by_text(planted, exact=True)).to_be_visible()  # as text
            screenshot(page, "formgrader-04-manual-grading-outputs")
            assert page.locator("#planted, #rich").count() == 0
            assert page.title() not in ("pwned", "1") and dialogs == []
        finally:
            context.close()
