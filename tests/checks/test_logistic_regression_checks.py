"""Do the logistic-regression public checks pass the reference, and do they treat the edge cases
as documented? (The typical mistakes are the notebook's corpus, tests/corpus/logistic_regression.py.)"""

import copy
import re

import numpy as np
import pytest

from conftest import reference
from layerlab.checks import CheckFailed
from layerlab.checks import logistic_regression as checks
from layerlab.checks import logistic_hints

ref = reference("week2_logistic_regression")


@pytest.mark.parametrize("name", sorted(checks.SPECS))
def test_reference_passes_every_public_check(name, capsys):
    getattr(checks, f"check_{name}")(getattr(ref, name))
    assert f"✓ {name} passed " in capsys.readouterr().out


def test_every_graded_function_has_a_public_check():
    from conftest import source_notebook

    graded = [f.name for f in source_notebook("week2_logistic_regression").graded_functions]
    assert graded == ["sigmoid", "initialize_with_zeros", "graph_forward_backward", "propagate",
                      "optimize", "predict", "model"]
    assert sorted(graded) == sorted(checks.SPECS)


def _diagnosis(name, fn):
    with pytest.raises(CheckFailed) as info:
        getattr(checks, f"check_{name}")(fn)
    return re.sub(r"\x1b\[[0-9;]*m", "", info.value.report)  # without terminal colours


def _predict_with(transform):
    def predict(w, b, X):
        return transform(ref.sigmoid(w.T @ X + b))
    return predict


# The typical mistakes of this notebook, and the words that name them, are its corpus
# (tests/corpus/logistic_regression.py), run through the public checks and the grader alike
# (tests/judge/test_corpus_both_paths.py).


def test_optimize_costs_hint_agrees_with_the_every_100_rule():
    # 301 iterations record at 0, 100, 200, 300: four costs, not three
    spec = checks.SPECS["optimize"]
    label = spec.cases[1].label
    assert "num_iterations = 301" in label
    assert logistic_hints.expected_recordings(301) == 4 and logistic_hints.expected_recordings(300) == 3


def test_predict_may_return_booleans():
    # documented decision: a boolean (1, m) array has the right values (True == 1) and passes
    checks.check_predict(_predict_with(lambda A: A > 0.5))


def test_a_np_float64_bias_counts_as_a_float():
    checks.check_initialize_with_zeros(lambda dim: (np.zeros((dim, 1)), np.float64(0.0)))


def test_predict_case_hits_exactly_one_half():
    w, b, X = checks.SPECS["predict"].cases[1].make()
    np.testing.assert_array_equal(ref.sigmoid(w.T @ X + b), 0.5)


def test_stub_says_not_implemented_yet():
    def stub(w, b, X, Y):
        raise NotImplementedError()
    report = _diagnosis("propagate", stub)
    assert "not implemented yet" in report and "Traceback" not in report


def test_reference_optimize_leaves_the_callers_arrays_alone():
    for case in checks.SPECS["optimize"].cases:
        args = case.make()
        before = copy.deepcopy(args)
        ref.optimize(*args)
        for a, b in zip(args, before):
            np.testing.assert_array_equal(a, b)
