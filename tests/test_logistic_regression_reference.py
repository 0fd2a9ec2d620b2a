"""Do the reference solutions of the logistic-regression assignment give the hand-checkable answers?"""

import math

import numpy as np
import pytest

from conftest import reference
from layerlab.gradcheck import gradient_check


@pytest.fixture(scope="module")
def lr():
    return reference("week2_logistic_regression")


# The small worked example used in the notebook and in the public checks
W = np.array([[1.0], [2.0]])
B = 2.0
X = np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]])
Y = np.array([[1, 0, 1]])


def test_sigmoid_known_values(lr):
    z = np.array([[0.0, math.log(3)], [-math.log(3), 50.0]])
    np.testing.assert_allclose(lr.sigmoid(z), [[0.5, 0.75], [0.25, 1.0]])
    assert lr.sigmoid(0.0) == 0.5


def test_graph_forward_backward_gives_the_worked_example_and_the_nudge(lr):
    # J = 3(a + bc) at a = 1, b = 2, c = 4: J = 27, dJ/da = 3, dJ/db = 3c = 12, dJ/dc = 3b = 6
    one = np.ones((1, 1))
    J, grads = lr.graph_forward_backward(1 * one, 2 * one, 4 * one)
    assert J.tolist() == [[27.0]]
    assert {k: v.tolist() for k, v in grads.items()} == {"da": [[3.0]], "db": [[12.0]], "dc": [[6.0]]}
    # the notebook's nudge: b = 2.001 moves J by 0.012, dJ/db times the nudge
    J_nudged, _ = lr.graph_forward_backward(1 * one, 2.001 * one, 4 * one)
    assert J_nudged[0, 0] == pytest.approx(27.012, abs=1e-12)
    # element-wise on arrays of any shape, each derivative the shape of its variable
    rng = np.random.RandomState(0)
    a, b, c = rng.randn(3, 2, 5)
    J, grads = lr.graph_forward_backward(a, b, c)
    np.testing.assert_allclose(J, 3 * (a + b * c))
    np.testing.assert_allclose(grads["db"], 3 * c)
    np.testing.assert_allclose(grads["dc"], 3 * b)
    assert grads["da"].shape == a.shape and np.all(grads["da"] == 3.0)


def test_initialize_with_zeros_gives_a_float_column_and_a_python_float(lr):
    w, b = lr.initialize_with_zeros(3)
    assert w.shape == (3, 1) and w.dtype == np.float64 and not w.any()
    assert type(b) is float and b == 0.0


def test_propagate_at_zero_costs_log_2_with_gradients_by_hand(lr):
    # w = 0, b = 0: every a is 0.5, so the cost is -log(0.5) = log 2 whatever the labels, and
    # A - Y = [[-0.5, 0.5]]: dw = X (A - Y)^T / 2 = [[(1 * -0.5 + 2 * 0.5) / 2], [(3 * -0.5 - 1 * 0.5) / 2]]
    X_small = np.array([[1.0, 2.0], [3.0, -1.0]])
    grads, cost = lr.propagate(np.zeros((2, 1)), 0.0, X_small, np.array([[1.0, 0.0]]))
    assert cost == pytest.approx(math.log(2))
    np.testing.assert_allclose(grads["dw"], [[0.25], [-1.0]])
    assert grads["db"] == pytest.approx(0.0)


def test_propagate_db_is_the_mean_error(lr):
    # all labels 1 at w = 0, b = 0: A - Y = -0.5 everywhere, so db = -0.5
    grads, _ = lr.propagate(np.zeros((3, 1)), 0.0, np.ones((3, 4)), np.ones((1, 4)))
    assert grads["db"] == pytest.approx(-0.5)
    np.testing.assert_allclose(grads["dw"], -0.5 * np.ones((3, 1)))


def test_propagate_on_the_worked_example(lr):
    grads, cost = lr.propagate(W, B, X, Y)
    assert set(grads) == {"dw", "db"}
    np.testing.assert_allclose(grads["dw"], [[0.99845601], [2.39507239]], rtol=1e-7)
    assert grads["db"] == pytest.approx(0.00145557813678, rel=1e-9)
    assert cost == pytest.approx(5.801545319394553, rel=1e-12)
    assert isinstance(cost, float) and isinstance(grads["db"], float)
    assert grads["dw"].shape == (2, 1)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_propagate_gradient_matches_finite_differences(lr, seed):
    rng = np.random.RandomState(seed)
    n_x, m = 5, 8
    X_ = rng.randn(n_x, m)
    Y_ = (rng.rand(1, m) > 0.5).astype(float)
    parameters = {"w": rng.randn(n_x, 1), "b": float(rng.randn())}  # unit scale, b a Python float

    def cost(params):
        assert isinstance(params["b"], float)  # gradient_check hands b back as a Python float
        return lr.propagate(params["w"], params["b"], X_, Y_)[1]

    grads, _ = lr.propagate(parameters["w"], parameters["b"], X_, Y_)
    result = gradient_check(cost, parameters, grads, verbose=False)
    assert result.passed
    assert max(result.relative_errors.values()) < 1e-7
    # ... and the check is not blind: a gradient missing its 1/m fails it
    wrong = {"dw": grads["dw"] * m, "db": grads["db"]}
    assert not gradient_check(cost, parameters, wrong, verbose=False).passed


def test_optimize_on_the_worked_example(lr):
    w = W.copy()
    params, grads, costs = lr.optimize(w, B, X, Y, num_iterations=100, learning_rate=0.009)
    np.testing.assert_allclose(params["w"], [[0.19033591], [0.12259159]], rtol=1e-7)
    assert params["b"] == pytest.approx(1.92535983008, rel=1e-9)
    np.testing.assert_allclose(grads["dw"], [[0.67752042], [1.41625495]], rtol=1e-7)
    assert grads["db"] == pytest.approx(0.219194504541, rel=1e-9)
    assert costs == [pytest.approx(5.801545319394553)]
    np.testing.assert_array_equal(w, W)  # the caller's w is untouched
    assert isinstance(params["b"], float)


@pytest.mark.parametrize("num_iterations, recorded", [(1, 1), (100, 1), (101, 2), (300, 3), (301, 4)])
def test_optimize_records_one_cost_per_100_iterations(lr, num_iterations, recorded):
    _, _, costs = lr.optimize(W, B, X, Y, num_iterations=num_iterations, learning_rate=0.009)
    assert len(costs) == recorded == math.ceil(num_iterations / 100)


def test_optimize_prints_in_the_course_format(lr, capsys):
    lr.optimize(W, B, X, Y, num_iterations=201, learning_rate=0.009, print_cost=True)
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == [f"Cost after iteration {i}" for i in (0, 100, 200)]
    assert lines[0] == "Cost after iteration 0: 5.801545"


def test_optimize_lowers_the_cost(lr):
    _, _, costs = lr.optimize(W, B, X, Y, num_iterations=1000, learning_rate=0.009)
    assert all(later < earlier for earlier, later in zip(costs, costs[1:]))


def test_predict_thresholds_strictly_above_one_half(lr):
    X_ = np.array([[1.0, -2.0, 0.5, 3.0]])
    w = np.zeros((1, 1))
    np.testing.assert_array_equal(lr.predict(w, 0.0, X_), [[0, 0, 0, 0]])     # exactly 0.5 -> 0
    np.testing.assert_array_equal(lr.predict(w, 1e-9, X_), [[1, 1, 1, 1]])    # just above -> 1
    np.testing.assert_array_equal(lr.predict(w, -1e-9, X_), [[0, 0, 0, 0]])
    out = lr.predict(np.array([[1.0]]), 0.0, X_)                                # sign of x
    np.testing.assert_array_equal(out, [[1, 0, 1, 1]])
    assert out.shape == (1, 4) and out.dtype == np.float64


def test_predict_on_the_worked_example(lr):
    out = lr.predict(np.array([[0.1124579], [0.23106775]]), -0.3, np.array([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]]))
    np.testing.assert_array_equal(out, [[1.0, 1.0, 0.0]])


def _separable(m, seed):
    """Label 1 when x1 + x2 > 0, with a margin: points at distance >= 0.3 from the line."""
    rng = np.random.RandomState(seed)
    X_ = rng.randn(2, m)
    side = np.where(np.arange(m) % 2 == 0, 1.0, -1.0)
    X_ += side * (0.3 + np.abs(X_.sum(axis=0))) / 2  # push each point to its side of x1 + x2 = 0
    return X_, (X_.sum(axis=0, keepdims=True) > 0).astype(float)


def test_model_learns_a_linearly_separable_set_perfectly(lr):
    X_train, Y_train = _separable(40, 0)
    X_test, Y_test = _separable(20, 1)
    # (not so long or fast that a probability rounds to exactly 1: the course's cost formula would
    # then take log(0); the predictions would still be right)
    d = lr.model(X_train, Y_train, X_test, Y_test, num_iterations=1000, learning_rate=0.1)
    assert set(d) == {"costs", "Y_prediction_test", "Y_prediction_train", "w", "b", "learning_rate",
                      "num_iterations"}
    np.testing.assert_array_equal(d["Y_prediction_train"], Y_train)
    np.testing.assert_array_equal(d["Y_prediction_test"], Y_test)
    assert d["learning_rate"] == 0.1 and d["num_iterations"] == 1000 and len(d["costs"]) == 10
    assert d["costs"][0] == pytest.approx(math.log(2)) and d["costs"][-1] < 0.2
    assert d["w"].shape == (2, 1) and isinstance(d["b"], float)


def test_model_prints_accuracies_only_when_asked(lr, capsys):
    X_train, Y_train = _separable(10, 2)
    lr.model(X_train, Y_train, X_train, Y_train, num_iterations=10, learning_rate=0.1)
    assert capsys.readouterr().out == ""
    lr.model(X_train, Y_train, X_train, Y_train, num_iterations=10, learning_rate=0.1, print_cost=True)
    out = capsys.readouterr().out
    assert "Cost after iteration 0" in out and "train accuracy" in out and "test accuracy" in out
