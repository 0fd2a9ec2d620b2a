"""The words every public check uses: how many checks passed, which argument a function changed,
and what a check cell run before its answer cell says (in a real kernel, as a student runs it)."""

from __future__ import annotations

import re

import nbformat
import numpy as np

from layerlab.checks import numpy_basics
from layerlab.checks.runner import CheckFailed, passed_phrase
from notebook_tools import execute


def test_the_count_of_checks_is_said_in_words():
    assert [passed_phrase(n) for n in (1, 2, 3)] == [
        "its public check", "both public checks", "all 3 public checks"]


def test_a_changed_input_is_named_by_its_parameter():
    def normalize_rows(x):
        x /= np.linalg.norm(x, axis=1, keepdims=True)
        return x

    try:
        numpy_basics.check_normalize_rows(normalize_rows)
    except CheckFailed as failure:
        report = failure.report
    assert "the argument `x`: normalize_rows changed its input in place" in report, report
    assert "argument 1" not in report


def _plain(output) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(output["traceback"]))


def test_a_check_cell_run_first_says_which_cell_to_run(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in (
        "from layerlab.checks import logistic_regression as checks",
        "checks.check_sigmoid(sigmoid)",            # the answer cell was not run
        "def f():\n    return undefined_helper\nf()",  # any other NameError: as IPython shows it
        "del checks\nchecks.check_predict(predict)",  # the imports were not run
    )])
    execute(nb, tmp_path, allow_errors=True)
    graded, other, imports = (cell.outputs[-1] for cell in nb.cells[1:])
    # Still an error output (what nbgrader's Validate and grading look for), in plain words.
    assert graded["output_type"] == "error" and graded["ename"] == "NameError"
    assert _plain(graded) == ("NameError: `sigmoid` is not defined yet: run the cell that defines "
                              "`sigmoid` first (the one above marked `# YOUR CODE HERE`), then run "
                              "this cell again.")
    assert other["ename"] == "NameError" and "name 'undefined_helper' is not defined" in _plain(other)
    assert "----> 2" in _plain(other)  # IPython's usual traceback
    assert "run the notebook's first code cell (the imports) first" in _plain(imports)
