"""Do the logistic-regression public checks pass the reference, and name the mistake when a student
makes a typical one?

Each buggy function below is what a student might write; it is built on the reference's own
``sigmoid``/``propagate``/... so that exactly one thing is wrong.
"""

import copy
import math
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


# --------------------------------------------------------------------------- buggy propagates

def _propagate_with(cost_fn=None, dw_fn=None, db_fn=None):
    """propagate with one piece replaced: each *_fn(A, X, Y, m) returns that piece."""
    def propagate(w, b, X, Y):
        m = X.shape[1]
        A = ref.sigmoid(w.T @ X + b)
        grads, cost = ref.propagate(w, b, X, Y)
        dw = dw_fn(A, X, Y, m) if dw_fn else grads["dw"]
        db = db_fn(A, X, Y, m) if db_fn else grads["db"]
        cost = cost_fn(A, X, Y, m) if cost_fn else cost
        return {"dw": dw, "db": db}, cost
    return propagate


def _cross_entropy_sum(A, Y):
    return np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))


# --------------------------------------------------------------------------- buggy optimizes

def _optimize_with(step_sign=-1.0, record_every=100, reset_inside=False, recompute_grads=False,
                   in_place=False, start_from_zeros=False):
    def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
        if start_from_zeros:
            w, b = ref.initialize_with_zeros(X.shape[0])
        costs = []
        for i in range(num_iterations):
            if reset_inside:
                w, b = ref.initialize_with_zeros(X.shape[0])
            grads, cost = ref.propagate(w, b, X, Y)
            if in_place:
                w += step_sign * learning_rate * grads["dw"]
            else:
                w = w + step_sign * learning_rate * grads["dw"]
            b = b + step_sign * learning_rate * grads["db"]
            if i % record_every == 0:
                costs.append(cost)
        if recompute_grads:
            grads, _ = ref.propagate(w, b, X, Y)
        return {"w": w, "b": b}, grads, costs
    return optimize


# --------------------------------------------------------------------------- buggy models

def _model_with(pass_iterations=True, pass_learning_rate=True, drop_key=None, stored_rate=None,
                swap_predictions=False):
    def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
        w, b = ref.initialize_with_zeros(X_train.shape[0])
        kwargs = {}
        if pass_iterations:
            kwargs["num_iterations"] = num_iterations
        if pass_learning_rate:
            kwargs["learning_rate"] = learning_rate
        params, _, costs = ref.optimize(w, b, X_train, Y_train, **kwargs)
        test_x, train_x = (X_train, X_test) if swap_predictions else (X_test, X_train)
        d = {"costs": costs,
             "Y_prediction_test": ref.predict(params["w"], params["b"], test_x),
             "Y_prediction_train": ref.predict(params["w"], params["b"], train_x),
             "w": params["w"], "b": params["b"],
             "learning_rate": learning_rate if stored_rate is None else stored_rate,
             "num_iterations": num_iterations}
        d.pop(drop_key, None)
        return d
    return model


def _predict_with(transform):
    def predict(w, b, X):
        return transform(ref.sigmoid(w.T @ X + b))
    return predict


# Each mistake: (function, buggy implementation, words the diagnosis must contain)
MISTAKES = [
    # sigmoid
    ("sigmoid", lambda z: 1 / (1 + np.exp(z)), "the exponent must be −z"),
    ("sigmoid", lambda z: 1 / (1 + math.exp(-z)), "`math` works on one number"),
    # initialize_with_zeros
    ("initialize_with_zeros", lambda dim: (np.zeros((dim, 1)), 0), "b must be the Python float 0.0, got an int"),
    ("initialize_with_zeros", lambda dim: (np.zeros((dim, 1)), np.zeros((1, 1))),
     "b must be the Python float 0.0, got an array of shape (1, 1)"),
    ("initialize_with_zeros", lambda dim: (np.zeros(dim), 0.0), "rank-1"),
    ("initialize_with_zeros", lambda dim: (np.zeros(dim), 0.0), "np.zeros((dim, 1))"),
    ("initialize_with_zeros", lambda dim: (np.zeros((1, dim)), 0.0), "not (1, dim)"),
    ("initialize_with_zeros", lambda dim: (np.zeros((dim, 1), dtype=int), 0.0), "w must hold floats"),
    # graph_forward_backward (J = 3(a + bc))
    ("graph_forward_backward", lambda a, b, c: (3 * (a + b * c), {"da": 3 * np.ones_like(a), "db": 3 * b,
                                                                 "dc": 3 * c}), "db and dc are swapped"),
    ("graph_forward_backward", lambda a, b, c: (3 * (a + b * c), {"da": 3 * np.ones_like(a), "db": c,
                                                                 "dc": b}), "multiplies it by dJ/du = 3"),
    ("graph_forward_backward", lambda a, b, c: (3 * (a + b * c), {"da": np.ones_like(a), "db": 3 * c,
                                                                 "dc": 3 * b}), "the 3 of J = 3v carries back"),
    ("graph_forward_backward", lambda a, b, c: (3 * (a + b * c), {"da": 3.0, "db": 3 * c, "dc": 3 * b}),
     "expected a float64 array of shape (1, 1)"),
    ("graph_forward_backward", lambda a, b, c: (3 * (a + b * c), (3.0, 3 * c, 3 * b)), 'grads = {"da"'),
    # propagate: gradients
    ("propagate", _propagate_with(dw_fn=lambda A, X, Y, m: X @ (A - Y).T), "dw is m times too large"),
    ("propagate", _propagate_with(db_fn=lambda A, X, Y, m: float(np.sum(A - Y))), "db is m times too large"),
    ("propagate", _propagate_with(dw_fn=lambda A, X, Y, m: (A - Y) @ X.T / m), "dw must have the shape of w"),
    ("propagate", _propagate_with(dw_fn=lambda A, X, Y, m: X @ (Y - A).T / m), "A − Y, not Y − A"),
    ("propagate", _propagate_with(db_fn=lambda A, X, Y, m: float(np.sum(Y - A)) / m), "db has the wrong sign"),
    ("propagate", _propagate_with(db_fn=lambda A, X, Y, m: np.sum(A - Y, axis=1, keepdims=True) / m),
     "db is one number"),
    # propagate: cost
    ("propagate", _propagate_with(cost_fn=lambda A, X, Y, m: float(_cross_entropy_sum(A, Y)) / m),
     "the cost has the wrong sign"),
    ("propagate", _propagate_with(cost_fn=lambda A, X, Y, m: -(Y @ np.log(A).T + (1 - Y) @ np.log(1 - A).T) / m),
     "the cost is a (1, 1) array"),
    ("propagate", _propagate_with(cost_fn=lambda A, X, Y, m: -float(_cross_entropy_sum(A, Y))),
     "divide by m"),
    # optimize
    ("optimize", _optimize_with(in_place=True), "optimize changed its input in place"),
    ("optimize", _optimize_with(record_every=1), "you recorded the cost at every iteration"),
    ("optimize", _optimize_with(record_every=1), "you recorded the cost at every iteration"),
    ("optimize", _optimize_with(reset_inside=True), "reset inside the loop"),
    ("optimize", _optimize_with(start_from_zeros=True), "the first recorded cost (iteration 0)"),
    ("optimize", _optimize_with(step_sign=+1.0), "the cost grows"),
    ("optimize", _optimize_with(recompute_grads=True), "the gradients of the last iteration"),
    # predict
    ("predict", _predict_with(lambda A: (A >= 0.5).astype(float)), "not A >= 0.5"),
    ("predict", _predict_with(lambda A: A), "not probabilities"),
    ("predict", _predict_with(lambda A: (A > 0.5).astype(float).ravel()), "rank-1"),
    ("predict", _predict_with(lambda A: (A < 0.5).astype(float)), "every label is swapped"),
    # model
    ("model", _model_with(pass_iterations=False, pass_learning_rate=False), "pass num_iterations on to optimize"),
    ("model", _model_with(pass_learning_rate=False), "did not pass learning_rate on to optimize"),
    ("model", _model_with(drop_key="num_iterations"), "exactly the keys"),
    ("model", _model_with(stored_rate=0.5), 'd["learning_rate"] must be the learning_rate model was given (0.1)'),
    ("model", _model_with(swap_predictions=True), "Y_prediction_test has one label per training example"),
]


@pytest.mark.parametrize("name, buggy, words", MISTAKES, ids=[f"{m[0]}-{i}" for i, m in enumerate(MISTAKES)])
def test_typical_mistake_is_named(name, buggy, words):
    report = _diagnosis(name, buggy)
    assert f"✗ {name}" in report
    assert words in report, report


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
