"""Do the reference solutions of the planar-classification assignment give the hand-checkable
answers, compute the right gradients, and learn the flower?

The hand-checked network used below (n_x = 1, n_h = 2, n_y = 1, m = 2) is built so that every
value is exact: tanh(ln 2) = 3/5 and σ(ln 3) = 3/4.

    X = [[0, ln 2]], W1 = [[1], [-1]], b1 = 0      →  A1 = [[0, 0.6], [0, -0.6]]
    W2 = [[ln 3 / 0.6, 0]], b2 = 0                 →  A2 = [[0.5, 0.75]]
"""

import math
import re
import time

import numpy as np
import pytest

from conftest import reference, source_notebook
from layerlab.datasets import load_planar_dataset
from layerlab.gradcheck import gradient_check

ASSIGNMENT = "week3_planar_classification"
A = math.log(3) / 0.6   # the weight W2[0, 0] of the hand-checked network


@pytest.fixture(scope="module")
def ref():
    return reference(ASSIGNMENT)


def hand_network():
    X = np.array([[0.0, math.log(2)]])
    parameters = {"W1": np.array([[1.0], [-1.0]]), "b1": np.zeros((2, 1)),
                  "W2": np.array([[A, 0.0]]), "b2": np.zeros((1, 1))}
    return X, parameters


def unit_scale_parameters(seed, n_x=2, n_h=4, n_y=1):
    rs = np.random.RandomState(seed)
    return {"W1": rs.randn(n_h, n_x), "b1": rs.randn(n_h, 1), "W2": rs.randn(n_y, n_h), "b2": rs.randn(n_y, 1)}


# --------------------------------------------------------------------------- the notebook

def test_the_sigmoid_is_provided_in_a_locked_cell_and_reaches_the_reference(ref):
    notebook = source_notebook(ASSIGNMENT)
    (cell,) = [c for c in notebook.nb.cells if "def sigmoid" in c.source]
    meta = cell.metadata["nbgrader"]
    assert meta["locked"] and not meta["solution"] and not meta["grade"]
    assert ref.sigmoid(0.0) == 0.5 and ref.sigmoid(np.array([math.log(3)]))[0] == pytest.approx(0.75)


def test_the_graded_functions_and_their_points():
    graded = {f.name: f.points for f in source_notebook(ASSIGNMENT).graded_functions}
    assert list(graded) == ["layer_sizes", "initialize_parameters", "forward_propagation", "compute_cost",
                            "backward_propagation", "update_parameters", "nn_model", "predict"]
    assert all(points > 0 for points in graded.values())


# --------------------------------------------------------------------------- layer_sizes

def test_layer_sizes_reads_the_data_and_returns_a_tuple(ref):
    sizes = ref.layer_sizes(np.zeros((5, 3)), np.zeros((2, 3)))
    assert sizes == (5, 4, 2) and type(sizes) is tuple
    X, Y = load_planar_dataset()
    assert ref.layer_sizes(X, Y) == (2, 4, 1)


# --------------------------------------------------------------------------- initialize_parameters

def test_initialize_parameters_shapes_scale_and_zero_biases(ref):
    np.random.seed(0)
    p = ref.initialize_parameters(3, 5, 2)
    assert list(p) == ["W1", "b1", "W2", "b2"]
    assert p["W1"].shape == (5, 3) and p["W2"].shape == (2, 5)
    assert p["b1"].shape == (5, 1) and p["b2"].shape == (2, 1)
    assert not p["b1"].any() and not p["b2"].any()
    assert 0 < np.abs(p["W1"]).max() < 0.05


def test_initialize_parameters_draws_W1_then_W2_from_the_callers_seed(ref):
    np.random.seed(2)
    p = ref.initialize_parameters(2, 4, 1)
    stream = np.random.RandomState(2).randn(12) * 0.01
    np.testing.assert_allclose(p["W1"].ravel(), stream[:8])
    np.testing.assert_allclose(p["W2"].ravel(), stream[8:])
    np.testing.assert_allclose(p["W1"][0], [-0.00416758, -0.00056267], atol=1e-8)  # the notebook's expected


def test_initialize_parameters_does_not_seed_inside(ref):
    np.random.seed(5)
    first = ref.initialize_parameters(2, 4, 1)
    second = ref.initialize_parameters(2, 4, 1)   # the generator moved on: other numbers
    assert not np.allclose(first["W1"], second["W1"])


# --------------------------------------------------------------------------- forward and cost

def test_forward_propagation_on_the_hand_network(ref):
    X, parameters = hand_network()
    A2, cache = ref.forward_propagation(X, parameters)
    assert list(cache) == ["Z1", "A1", "Z2", "A2"]
    np.testing.assert_allclose(cache["Z1"], [[0, math.log(2)], [0, -math.log(2)]])
    np.testing.assert_allclose(cache["A1"], [[0, 0.6], [0, -0.6]], atol=1e-15)
    np.testing.assert_allclose(cache["Z2"], [[0, math.log(3)]], atol=1e-15)
    np.testing.assert_allclose(A2, [[0.5, 0.75]])
    assert cache["A2"] is A2


def test_forward_propagation_uses_tanh_then_sigmoid(ref):
    X = np.random.RandomState(0).randn(2, 6)
    A2, cache = ref.forward_propagation(X, unit_scale_parameters(1))
    assert (cache["A1"] < 0).any()            # tanh, not sigmoid, in the hidden layer
    assert A2.shape == (1, 6) and ((A2 > 0) & (A2 < 1)).all()


def test_compute_cost_known_values(ref):
    cost = ref.compute_cost(np.array([[0.5, 0.75]]), np.array([[1, 1]]))
    assert cost == pytest.approx(math.log(8 / 3) / 2)
    assert type(cost) is float
    assert ref.compute_cost(np.array([[0.5, 0.5, 0.5]]), np.array([[1, 0, 1]])) == pytest.approx(math.log(2))
    assert ref.compute_cost(np.array([[0.8, 0.3, 0.6]]), np.array([[1, 0, 1]])) == pytest.approx(0.3635480396729776)


def test_compute_cost_with_uint8_labels_like_the_flower(ref):
    A2 = np.array([[0.25, 0.75]])
    assert ref.compute_cost(A2, np.array([[0, 1]], dtype=np.uint8)) == pytest.approx(-math.log(0.75))


# --------------------------------------------------------------------------- backward

def test_backward_propagation_on_the_hand_network(ref):
    X, parameters = hand_network()
    Y = np.array([[1, 0]])
    _, cache = ref.forward_propagation(X, parameters)
    grads = ref.backward_propagation(parameters, cache, X, Y)
    assert list(grads) == ["dW1", "db1", "dW2", "db2"]
    # dZ2 = A2 - Y = [[-0.5, 0.75]];  dZ1 = W2ᵀ dZ2 * (1 - A1²) = [[-0.5 A, 0.48 A], [0, 0]]
    np.testing.assert_allclose(grads["dW2"], [[0.225, -0.225]])
    np.testing.assert_allclose(grads["db2"], [[0.125]])
    np.testing.assert_allclose(grads["dW1"], [[0.24 * A * math.log(2)], [0.0]], atol=1e-15)
    np.testing.assert_allclose(grads["db1"], [[-0.01 * A], [0.0]], atol=1e-15)
    for key, value in parameters.items():
        assert grads["d" + key].shape == value.shape


def _flower_sample():
    X, Y = load_planar_dataset()
    return X[:, ::20], Y[:, ::20]     # 20 points of both classes


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_backward_propagation_matches_numerical_gradients(ref, seed):
    X, Y = _flower_sample()
    parameters = unit_scale_parameters(seed)

    def cost(params):
        return ref.compute_cost(ref.forward_propagation(X, params)[0], Y)

    _, cache = ref.forward_propagation(X, parameters)
    grads = ref.backward_propagation(parameters, cache, X, Y)
    result = gradient_check(cost, parameters, grads, verbose=False)
    assert result.passed, result.report()
    assert max(result.relative_errors.values()) < 1e-7


def test_backward_propagation_matches_numerical_gradients_at_the_initial_parameters(ref):
    # At ×0.01 weights the gradients are small: epsilon 1e-5 keeps rounding noise below 1e-7, and
    # unbalanced classes keep db2 = mean(A2 - Y) away from 0 (A2 ≈ 0.5 everywhere at the start).
    X, Y = load_planar_dataset()
    X, Y = np.hstack([X[:, :30], X[:, 200:210]]), np.hstack([Y[:, :30], Y[:, 200:210]])
    np.random.seed(3)
    parameters = ref.initialize_parameters(2, 4, 1)

    def cost(params):
        return ref.compute_cost(ref.forward_propagation(X, params)[0], Y)

    _, cache = ref.forward_propagation(X, parameters)
    grads = ref.backward_propagation(parameters, cache, X, Y)
    result = gradient_check(cost, parameters, grads, epsilon=1e-5, verbose=False)
    assert result.passed, result.report()


def test_backward_propagation_leaves_its_inputs_alone(ref):
    X, Y = _flower_sample()
    parameters = unit_scale_parameters(4)
    _, cache = ref.forward_propagation(X, parameters)
    before = {k: v.copy() for k, v in {**parameters, **cache}.items()}
    ref.backward_propagation(parameters, cache, X, Y)
    for k, v in {**parameters, **cache}.items():
        np.testing.assert_array_equal(v, before[k])


# --------------------------------------------------------------------------- update

def test_update_parameters_steps_against_the_gradient_into_a_new_dict(ref):
    parameters = {k: np.ones((2, 2)) for k in ("W1", "b1", "W2", "b2")}
    grads = {"d" + k: np.full((2, 2), 0.5) for k in parameters}
    new = ref.update_parameters(parameters, grads)
    assert new is not parameters and list(new) == ["W1", "b1", "W2", "b2"]
    for k in parameters:
        np.testing.assert_allclose(new[k], 1 - 1.2 * 0.5)          # default learning rate 1.2
        np.testing.assert_array_equal(parameters[k], 1.0)          # inputs untouched
        np.testing.assert_array_equal(grads["d" + k], 0.5)
    half = ref.update_parameters(parameters, grads, learning_rate=0.1)
    np.testing.assert_allclose(half["b2"], 0.95)


# --------------------------------------------------------------------------- nn_model and predict

def test_nn_model_starts_from_seed_3_whatever_the_global_state(ref):
    X = np.random.RandomState(0).randn(2, 5)
    Y = np.array([[0, 1, 0, 1, 1]])
    np.random.seed(123)
    start = ref.nn_model(X, Y, 4, num_iterations=0)
    stream = np.random.RandomState(3).randn(12) * 0.01
    np.testing.assert_allclose(start["W1"].ravel(), stream[:8])
    np.testing.assert_allclose(start["W2"].ravel(), stream[8:])
    np.random.seed(456)
    a = ref.nn_model(X, Y, 3, num_iterations=50)
    b = ref.nn_model(X, Y, 3, num_iterations=50)
    for k in a:
        np.testing.assert_array_equal(a[k], b[k])


def test_nn_model_lowers_the_cost_and_prints_every_1000_iterations(ref, capsys):
    X, Y = _flower_sample()
    parameters = ref.nn_model(X, Y, 4, num_iterations=3000, print_cost=True)
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == [f"Cost after iteration {i}" for i in (0, 1000, 2000)]
    first, last = float(lines[0].split(": ")[1]), float(lines[-1].split(": ")[1])
    assert first == pytest.approx(math.log(2), abs=1e-3) and last < first
    assert ref.compute_cost(ref.forward_propagation(X, parameters)[0], Y) < last


def test_predict_thresholds_strictly_above_one_half(ref):
    X, parameters = hand_network()          # A2 = [[0.5, 0.75]]
    predictions = ref.predict(parameters, X)
    assert predictions.shape == (1, 2)
    np.testing.assert_array_equal(predictions, [[False, True]])


@pytest.mark.slow
def test_the_reference_network_learns_the_flower(ref):
    X, Y = load_planar_dataset()
    start = time.perf_counter()
    parameters = ref.nn_model(X, Y, n_h=4, num_iterations=10000)
    seconds = time.perf_counter() - start
    accuracy = float(np.mean(ref.predict(parameters, X) == Y))
    assert accuracy >= 0.85, accuracy
    print(f"flower, n_h = 4, 10000 iterations: {100 * accuracy:.2f}% in {seconds:.1f} s")


@pytest.mark.slow
def test_the_costs_the_text_quotes_hold_on_any_machine(ref, capsys):
    """Every `Cost after iteration N: c` line the notebook's text quotes is printed, to the digit,
    by the reference even when the arithmetic's last bits differ (as on another CPU: here the
    data are nudged by a relative 1e-13); the text's approximate final cost holds too."""
    text = "\n".join(c.source for c in source_notebook(ASSIGNMENT).nb.cells if c.cell_type == "markdown")
    quoted = re.findall(r"`(Cost after iteration \d+: [\d.]+)`", text)
    assert len(quoted) >= 2, quoted
    approximate = float(re.search(r"the last one is about `([\d.]+)`", text).group(1))
    X, Y = load_planar_dataset()
    nudged = X * (1 + 1e-13 * np.random.default_rng(0).standard_normal(X.shape))
    for data in (X, nudged):
        ref.nn_model(data, Y, 4, num_iterations=10000, print_cost=True)
        printed = capsys.readouterr().out.splitlines()
        assert set(quoted) <= set(printed), (quoted, printed)
        assert float(printed[-1].split(": ")[1]) == pytest.approx(approximate, abs=5e-4)
