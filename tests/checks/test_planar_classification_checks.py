"""Do the planar-classification public checks pass the reference, pass right solutions written
another way, and name the mistakes the notebook's corpus (tests/corpus/planar_classification.py,
run through both judges in tests/judge) does not hold?

The mistaken functions below are written as a student would write them (each one differs from a
right answer in one place); the right parts call the reference, so each test isolates one mistake.
"""

import re

import numpy as np
import pytest

from conftest import reference
from layerlab.checks import CheckFailed
from layerlab.checks import planar_classification as checks

ASSIGNMENT = "week3_planar_classification"


@pytest.fixture(scope="module")
def ref():
    return reference(ASSIGNMENT)


def _report(name, fn):
    with pytest.raises(CheckFailed) as info:
        getattr(checks, f"check_{name}")(fn)
    return re.sub(r"\x1b\[[0-9;]*m", "", info.value.report)  # without terminal colours


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


@pytest.mark.parametrize("name", sorted(checks.SPECS))
def test_reference_passes_every_public_check(ref, name, capsys):
    getattr(checks, f"check_{name}")(getattr(ref, name))
    assert f"✓ {name} passed " in capsys.readouterr().out


def test_every_graded_function_has_a_public_check(ref):
    from conftest import source_notebook

    graded = [f.name for f in source_notebook(ASSIGNMENT).graded_functions]
    assert graded == ["layer_sizes", "initialize_parameters", "forward_propagation", "compute_cost",
                      "backward_propagation", "update_parameters", "nn_model", "predict"]
    assert sorted(graded) == sorted(checks.SPECS)


# --------------------------------------------------------------------------- layer_sizes

def test_hard_coded_n_x_is_named():
    report = _report("layer_sizes", lambda X, Y: (2, 4, Y.shape[0]))
    assert "must be read from X.shape[0]" in report


# --------------------------------------------------------------------------- initialize_parameters

def _init(draw_first="W1", scale=0.01, seed=None, draw=np.random.randn, bias=np.zeros):
    def initialize_parameters(n_x, n_h, n_y):
        if seed is not None:
            np.random.seed(seed)
        shapes = {"W1": (n_h, n_x), "W2": (n_y, n_h)}
        order = ["W1", "W2"] if draw_first == "W1" else ["W2", "W1"]
        drawn = {k: draw(*shapes[k]) * scale for k in order}
        return {"W1": drawn["W1"], "b1": bias((n_h, 1)), "W2": drawn["W2"], "b2": bias((n_y, 1))}
    return initialize_parameters


def test_a_right_initialisation_passes(capsys):
    checks.check_initialize_parameters(_init())
    assert "passed all 3" in capsys.readouterr().out


@pytest.mark.parametrize("seed", [1, 2, 3, 42])
def test_seeding_inside_initialize_parameters_gets_a_clear_message(seed):
    report = _report("initialize_parameters", _init(seed=seed))
    assert f"np.random.seed({seed}) gives: do not call np.random.seed inside" in report


def test_forgotten_factor_001_is_named():
    assert "multiply the random numbers by 0.01" in _report("initialize_parameters", _init(scale=1.0))


def test_random_biases_are_named():
    report = _report("initialize_parameters", _init(bias=lambda shape: np.random.randn(*shape)))
    assert "the biases start at zero" in report


def test_rank_1_biases_are_reported_as_a_shape_problem():
    report = _report("initialize_parameters", _init(bias=lambda shape: np.zeros(shape[0])))
    assert "rank-1 array" in report


# --------------------------------------------------------------------------- forward_propagation

def _forward(hidden=np.tanh, output=_sigmoid, use_b1=True, order="A2 first"):
    def forward_propagation(X, parameters):
        W1, b1, W2, b2 = (parameters[k] for k in ("W1", "b1", "W2", "b2"))
        Z1 = W1 @ X + (b1 if use_b1 else 0)
        A1 = hidden(Z1)
        Z2 = W2 @ A1 + b2
        A2 = output(Z2)
        cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
        return (A2, cache) if order == "A2 first" else (cache, A2)
    return forward_propagation


def test_sigmoid_and_tanh_swapped_are_named():
    report = _report("forward_propagation", _forward(hidden=_sigmoid, output=np.tanh))
    assert "that is the sigmoid. The hidden layer uses tanh" in report
    assert "A2 is tanh(Z2), which can be negative" in report


def test_forward_with_a_transposed_product_gets_the_shape_hint():
    def forward_propagation(X, parameters):
        Z1 = np.dot(X.T, parameters["W1"].T)  # (m, n_h): examples as rows
        return _forward()(X, parameters)[0], {"Z1": Z1}
    report = _report("forward_propagation", forward_propagation)
    assert "transpose" in report


# --------------------------------------------------------------------------- compute_cost

def _cost(sign=-1.0, mean=True, kind=float):
    def compute_cost(A2, Y):
        m = Y.shape[1]
        total = np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))
        cost = sign * total / (m if mean else 1)
        return kind(cost)
    return compute_cost


def test_a_cost_as_a_1x1_array_is_told_to_squeeze():
    def compute_cost(A2, Y):
        m = Y.shape[1]
        return -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m   # (1, 1)
    report = _report("compute_cost", compute_cost)
    assert "expected a single number" in report and "float(np.squeeze(x))" in report


def test_a_numpy_float64_cost_is_accepted(capsys):
    checks.check_compute_cost(_cost(kind=np.float64))   # np.float64 is a subclass of float
    assert "✓ " in capsys.readouterr().out


# --------------------------------------------------------------------------- backward_propagation

def _backward(derivative=lambda A1, Z1: 1 - A1 ** 2, mean=True, keepdims=True, transpose_A1=True,
              dZ2_from="A2", dW2_from="A1", sign=1.0):
    def backward_propagation(parameters, cache, X, Y):
        m = X.shape[1] if mean else 1
        W2 = parameters["W2"]
        A1, Z1 = cache["A1"], cache["Z1"]
        dZ2 = sign * (cache[dZ2_from] - Y)
        right = cache[dW2_from]
        dW2 = np.dot(dZ2, right.T if transpose_A1 else right) / m
        db2 = np.sum(dZ2, axis=1, keepdims=True) / m if keepdims else np.sum(dZ2) / m
        dZ1 = np.dot(W2.T, dZ2) * derivative(A1, Z1)
        dW1 = np.dot(dZ1, X.T) / m
        db1 = np.sum(dZ1, axis=1, keepdims=True) / m if keepdims else np.sum(dZ1, axis=1) / m
        return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return backward_propagation


def test_a_right_backward_in_another_style_passes(capsys):
    checks.check_backward_propagation(_backward())
    assert "passed all 3" in capsys.readouterr().out


def test_a_backward_that_recomputes_the_forward_pass_passes(ref, capsys):
    def backward_propagation(parameters, cache, X, Y):
        _, fresh = ref.forward_propagation(X, parameters)   # ignores the cache it was given
        return _backward()(parameters, fresh, X, Y)
    checks.check_backward_propagation(backward_propagation)
    assert "passed all 3" in capsys.readouterr().out


def test_missing_1_over_m_in_the_gradients_is_named():
    report = _report("backward_propagation", _backward(mean=False))
    assert "times too large: every gradient is an average over the m examples, so divide by m" in report


def test_dW2_without_transpose_is_named():
    report = _report("backward_propagation", _backward(transpose_A1=False))
    # the case with n_h = m gives wrong values with the right shape, the other a shape error
    assert "needs A1 transposed: np.dot(dZ2, A1.T)" in report
    assert "the second operand transposed would fit" in report


# --------------------------------------------------------------------------- update_parameters

def _update(sign=-1.0, fixed_rate=None, copy=True, in_place=False):
    def update_parameters(parameters, grads, learning_rate=1.2):
        rate = learning_rate if fixed_rate is None else fixed_rate
        new = dict(parameters) if copy else parameters
        for k in ("W1", "b1", "W2", "b2"):
            if in_place:
                new[k] -= rate * grads["d" + k]
            else:
                new[k] = parameters[k] + sign * rate * grads["d" + k]
        return new
    return update_parameters


def test_updating_the_callers_arrays_in_place_is_reported():
    report = _report("update_parameters", _update(in_place=True))
    assert "changed its input in place" in report


# --------------------------------------------------------------------------- nn_model

def _nn_model(ref, seed=3, use_n_h=True):
    def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
        if seed is not None:
            np.random.seed(seed)
        n_x, hidden, n_y = ref.layer_sizes(X, Y)
        parameters = ref.initialize_parameters(n_x, n_h if use_n_h else hidden, n_y)
        for _ in range(num_iterations):
            A2, cache = ref.forward_propagation(X, parameters)
            parameters = ref.update_parameters(parameters, ref.backward_propagation(parameters, cache, X, Y))
        return parameters
    return nn_model


def test_nn_model_with_another_seed_is_named(ref):
    report = _report("nn_model", _nn_model(ref, seed=1))
    assert "np.random.seed(1) gives" in report


def test_nn_model_prints_the_cost_every_1000_iterations(ref, capsys):
    X = np.random.RandomState(0).randn(2, 4)
    Y = np.array([[0, 1, 1, 0]])
    ref.nn_model(X, Y, 2, num_iterations=2001, print_cost=True)
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == [f"Cost after iteration {i}" for i in (0, 1000, 2000)]
    assert re.fullmatch(r"Cost after iteration 0: 0\.\d{6}", lines[0])


# --------------------------------------------------------------------------- predict

def _predict(ref, transform):
    def predict(parameters, X):
        A2, _ = ref.forward_propagation(X, parameters)
        return transform(A2)
    return predict


def test_predict_as_0_1_floats_or_rounded_passes(ref, capsys):
    checks.check_predict(_predict(ref, lambda A2: (A2 > 0.5).astype(float)))
    checks.check_predict(_predict(ref, np.round))
    assert capsys.readouterr().out.count("✓ ") == 2


def test_predict_rank_1_is_a_shape_problem(ref):
    assert "rank-1 array" in _report("predict", _predict(ref, lambda A2: (A2 > 0.5).ravel()))


def test_stub_says_not_implemented_yet():
    def stub(parameters, cache, X, Y):
        raise NotImplementedError()
    report = _report("backward_propagation", stub)
    assert "not implemented yet" in report and "Traceback" not in report


def test_a_model_calling_a_stub_names_the_stub(ref):
    def backward_propagation(parameters, cache, X, Y):
        raise NotImplementedError()

    def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
        np.random.seed(3)
        parameters = ref.initialize_parameters(X.shape[0], n_h, Y.shape[0])
        for _ in range(num_iterations):
            A2, cache = ref.forward_propagation(X, parameters)
            backward_propagation(parameters, cache, X, Y)
        return parameters
    report = _report("nn_model", nn_model)
    assert "`nn_model` calls `backward_propagation`, which is not implemented yet" in report
