"""Do the public checks pass the reference, and name the mistake when a student makes a typical one?"""

import re

import numpy as np
import pytest

from layerlab.checks import CheckFailed
from layerlab.checks import numpy_basics as checks


@pytest.mark.parametrize("name", sorted(checks.SPECS))
def test_reference_passes_every_public_check(numpy_basics, name, capsys):
    getattr(checks, f"check_{name}")(getattr(numpy_basics, name))
    assert f"✓ {name} passed " in capsys.readouterr().out


def _diagnosis(name, fn):
    with pytest.raises(CheckFailed) as info:
        getattr(checks, f"check_{name}")(fn)
    return re.sub(r"\x1b\[[0-9;]*m", "", info.value.report)  # without terminal colours


# The typical mistakes of this notebook, and the words that name them, are its corpus
# (tests/corpus/numpy_basics.py), run through the public checks and the grader alike
# (tests/judge/test_corpus_both_paths.py).


def test_stub_says_not_implemented_yet():
    def stub(x):
        raise NotImplementedError()
    report = _diagnosis("sigmoid", stub)
    assert "not implemented yet" in report
    assert "Traceback" not in report


def test_modifying_the_callers_input_is_reported():
    def in_place(x):
        x /= np.linalg.norm(x, axis=1, keepdims=True)
        return x
    report = _diagnosis("normalize_rows", in_place)
    assert "changed its input in place" in report


def test_exception_shows_only_the_students_own_frames():
    def helper(x):
        return x.no_such_attribute

    def buggy(x):
        return helper(x)
    report = _diagnosis("sigmoid", buggy)
    assert "AttributeError" in report
    assert "in helper" in report and "in buggy" in report
    assert "runner.py" not in report and "layerlab" not in report


def test_a_non_function_gets_a_clear_message():
    report = _diagnosis("softmax", np.zeros(3))
    assert "not a function" in report


def test_report_shows_which_case_and_the_largest_difference():
    report = _diagnosis("sigmoid", lambda x: 1 / (1 + np.exp(-x)) + 0.01 * np.asarray(x))
    assert "Case 1 (x = np.array([1, 2, 3]))" in report
    assert "largest difference" in report


def test_failed_check_renders_as_the_report_in_ipython():
    with pytest.raises(CheckFailed) as info:
        checks.check_L1(lambda yhat, y: 0.0)
    assert info.value._render_traceback_() == info.value.report.splitlines()
    assert isinstance(info.value, AssertionError)  # so nbgrader counts the test cell as failed


def test_a_broken_property_fails_even_when_values_match():
    from layerlab.checks.runner import Case, FunctionSpec, run_cases

    spec = FunctionSpec("zero", [Case("no input", lambda: ())],
                        properties=[lambda args, got: None if type(got) is float else
                                    f"must be a Python float, got {type(got).__name__}"])
    assert run_cases(lambda: 0.0, spec, [0.0]) == ""
    report = run_cases(lambda: 0, spec, [0.0])
    assert "must be a Python float, got int" in report


def test_an_all_zero_result_is_called_that():
    report = _diagnosis("normalize_rows", lambda x: np.zeros_like(x))
    assert "every entry is 0" in report
    assert "factor (0)" not in report
