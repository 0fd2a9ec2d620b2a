"""Do the public checks pass the reference, and name the mistake when a student makes a typical one?"""

import math
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


# Each mistake: (function, buggy implementation, words the diagnosis must contain)
MISTAKES = [
    ("basic_sigmoid", lambda x: 1 / (1 + math.exp(x)), "σ(−x)"),
    ("basic_sigmoid", lambda x: np.array([1 / (1 + math.exp(-x))]), "return a Python float"),
    ("sigmoid", lambda x: 1 / (1 + math.exp(-x)), "`math` works on one number"),
    ("sigmoid", lambda x: 1 / (1 + np.exp(x)), "the exponent must be −x"),
    ("sigmoid", lambda x: None, "is a `return` statement missing"),
    ("sigmoid_derivative", lambda x: 1 / (1 + np.exp(-x)), "you returned s = σ(x) itself"),
    ("sigmoid_derivative", lambda x: x * (1 - x), "first compute s = σ(x)"),
    ("image2vector", lambda im: im.reshape(-1, 1, order="F"), "column-major"),
    ("image2vector", lambda im: im.reshape(1, -1), "transpose"),
    ("image2vector", lambda im: im.reshape(-1), "rank-1 array"),
    ("normalize_rows", lambda x: x / np.linalg.norm(x, axis=0, keepdims=True), "along axis=1"),
    ("normalize_rows", lambda x: x / np.linalg.norm(x), "the whole matrix"),
    ("normalize_rows", lambda x: x / np.linalg.norm(x, axis=1), "keepdims=True"),
    ("normalize_rows", lambda x: x / np.sum(x ** 2, axis=1, keepdims=True), "squared norm"),
    ("softmax", lambda x: np.exp(x) / np.sum(np.exp(x), axis=0, keepdims=True), "sum over axis=1"),
    ("softmax", lambda x: np.exp(x) / np.sum(np.exp(x)), "not over everything"),
    ("softmax", lambda x: np.exp(x) / np.sum(np.exp(x), axis=1), "keepdims=True"),
    ("softmax", lambda x: x / np.sum(x, axis=1, keepdims=True), "without exponentiating"),
    ("L1", lambda yhat, y: np.sum(y - yhat), "take the absolute value"),
    ("L1", lambda yhat, y: np.abs(y - yhat), "the loss is their sum"),
    ("L1", lambda yhat, y: np.mean(np.abs(y - yhat)), "you averaged"),
    ("L2", lambda yhat, y: np.linalg.norm(y - yhat), "the L2 loss is its square"),
    ("L2", lambda yhat, y: np.sum(np.abs(y - yhat)), "that is the L1 loss"),
    ("L2", lambda yhat, y: np.sum(y - yhat) ** 2, "square each difference, then sum"),
]


@pytest.mark.parametrize("name, buggy, words", MISTAKES, ids=[f"{m[0]}-{i}" for i, m in enumerate(MISTAKES)])
def test_typical_mistake_is_named(name, buggy, words):
    report = _diagnosis(name, buggy)
    assert f"✗ {name}" in report
    assert words in report, report


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
