"""Do the reference solutions of the deep network step by step give the hand-checkable answers, and
are their backward passes the true gradients of their forward passes?

Gradient checks use unit-scale random parameters and epsilon = 1e-5: with ×0.01 weights the first
layers' gradients are ~1e-4 and the rounding noise of a centred difference would dominate the
1e-7 threshold.
"""

import math

import numpy as np
import pytest

from conftest import reference
from layerlab.gradcheck import gradient_check, numerical_gradient, relative_error

EPSILON = 1e-5
THRESHOLD = 1e-7


@pytest.fixture(scope="module")
def dnn():
    return reference("week4_deep_nn_step_by_step")


def _random_parameters(rng, layer_dims):
    params = {}
    for l in range(1, len(layer_dims)):
        params[f"W{l}"] = rng.randn(layer_dims[l], layer_dims[l - 1])
        params[f"b{l}"] = rng.randn(layer_dims[l], 1)
    return params


# ------------------------------------------------------------------------------ provided helpers

def test_provided_activations_return_the_activation_and_z(dnn):
    Z = np.array([[-2.0, 0.0, 3.0]])
    A, cache = dnn.relu(Z)
    np.testing.assert_array_equal(A, [[0, 0, 3]])
    assert cache is Z
    A, cache = dnn.sigmoid(Z)
    np.testing.assert_allclose(A[0, 1], 0.5)
    assert cache is Z


def test_provided_backward_activations(dnn):
    Z = np.array([[-1.0, 0.0, 2.0]])
    dA = np.array([[4.0, 4.0, 4.0]])
    np.testing.assert_array_equal(dnn.relu_backward(dA, Z), [[0, 0, 4]])  # 0 at Z = 0 too
    np.testing.assert_allclose(dnn.sigmoid_backward(dA, np.zeros((1, 3))), [[1.0, 1.0, 1.0]])  # 4 * 0.25
    assert dA[0, 0] == 4.0  # the incoming gradient is not modified


# ------------------------------------------------------------------------------ initialisation

def test_initialize_parameters_draws_seed_1_numbers_scaled_by_a_hundredth(dnn):
    np.random.seed(42)  # whatever the global state, the function seeds itself
    p = dnn.initialize_parameters(3, 2, 1)
    assert list(p) == ["W1", "b1", "W2", "b2"]
    np.testing.assert_allclose(p["W1"], [[0.01624345, -0.00611756, -0.00528172],
                                         [-0.01072969, 0.00865408, -0.02301539]], atol=1e-8)
    np.testing.assert_allclose(p["W2"], [[0.01744812, -0.00761207]], atol=1e-8)
    np.testing.assert_array_equal(p["b1"], np.zeros((2, 1)))
    np.testing.assert_array_equal(p["b2"], np.zeros((1, 1)))


def test_initialize_parameters_deep_draws_seed_3_numbers_layer_by_layer(dnn):
    np.random.seed(0)
    p = dnn.initialize_parameters_deep([5, 4, 3])
    assert sorted(p) == ["W1", "W2", "b1", "b2"]
    assert p["W1"].shape == (4, 5) and p["W2"].shape == (3, 4)
    assert p["b1"].shape == (4, 1) and p["b2"].shape == (3, 1)
    np.testing.assert_allclose(p["W1"][0], [0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388],
                               atol=1e-8)
    assert not p["b1"].any() and not p["b2"].any()
    np.random.seed(7)
    again = dnn.initialize_parameters_deep([5, 4, 3])
    assert all(np.array_equal(p[k], again[k]) for k in p)


def test_initialize_parameters_deep_of_one_layer(dnn):
    p = dnn.initialize_parameters_deep([3, 1])
    assert sorted(p) == ["W1", "b1"] and p["W1"].shape == (1, 3)


# ------------------------------------------------------------------------------ forward

def test_linear_forward_by_hand(dnn):
    A = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    W = np.array([[1.0, -1.0, 2.0]])
    b = np.array([[0.5]])
    Z, cache = dnn.linear_forward(A, W, b)
    np.testing.assert_allclose(Z, [[8.5, 10.5]])  # 1 - 3 + 10 + 0.5, 2 - 4 + 12 + 0.5
    assert cache[0] is A and cache[1] is W and cache[2] is b


def test_linear_activation_forward_by_hand(dnn):
    A = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    W = np.array([[1.0, -1.0, 2.0], [-2.0, 0.0, -1.0]])
    b = np.array([[0.5], [0.0]])
    out, ((A_prev, W_, b_), Z) = dnn.linear_activation_forward(A, W, b, "relu")
    np.testing.assert_allclose(Z, [[8.5, 10.5], [-7.0, -10.0]])
    np.testing.assert_allclose(out, [[8.5, 10.5], [0.0, 0.0]])
    assert A_prev is A
    out, _ = dnn.linear_activation_forward(A, np.zeros((2, 3)), np.zeros((2, 1)), "sigmoid")
    np.testing.assert_allclose(out, np.full((2, 2), 0.5))


def test_L_model_forward_of_a_two_layer_network_by_hand(dnn):
    # Z1 = [[1, -1], [-1, 1]] -> A1 = [[1, 0], [0, 1]] -> Z2 = [[ln 3, -ln 3]] -> AL = [[3/4, 1/4]]
    X = np.array([[1.0, -1.0]])
    params = {"W1": np.array([[1.0], [-1.0]]), "b1": np.zeros((2, 1)),
              "W2": np.array([[math.log(3), -math.log(3)]]), "b2": np.zeros((1, 1))}
    AL, caches = dnn.L_model_forward(X, params)
    np.testing.assert_allclose(AL, [[0.75, 0.25]])
    assert isinstance(caches, list) and len(caches) == 2
    (X_, W1, b1), Z1 = caches[0]
    assert X_ is X and W1 is params["W1"]
    np.testing.assert_allclose(Z1, [[1, -1], [-1, 1]])
    (A1, W2, b2), Z2 = caches[1]
    np.testing.assert_allclose(A1, [[1, 0], [0, 1]])
    np.testing.assert_allclose(Z2, [[math.log(3), -math.log(3)]])


@pytest.mark.parametrize("layer_dims", [[3, 1], [4, 3, 1], [5, 4, 3, 1], [6, 5, 4, 3, 1]])
def test_L_model_forward_keeps_one_cache_per_layer(dnn, layer_dims):
    rng = np.random.RandomState(len(layer_dims))
    X = rng.randn(layer_dims[0], 4)
    AL, caches = dnn.L_model_forward(X, _random_parameters(rng, layer_dims))
    assert AL.shape == (1, 4) and np.all((AL > 0) & (AL < 1))
    assert len(caches) == len(layer_dims) - 1
    for l, ((A_prev, W, b), Z) in enumerate(caches, start=1):
        assert A_prev.shape == (layer_dims[l - 1], 4) and W.shape == (layer_dims[l], layer_dims[l - 1])
        assert Z.shape == (layer_dims[l], 4)
        if l > 1:
            assert np.all(A_prev >= 0)  # hidden activations are ReLU outputs


def test_compute_cost_by_hand(dnn):
    cost = dnn.compute_cost(np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]]))
    assert np.ndim(cost) == 0
    assert float(cost) == pytest.approx(-(math.log(0.8) + math.log(0.9) + math.log(0.6)) / 3)
    assert float(dnn.compute_cost(np.full((1, 4), 0.5), np.array([[0, 1, 1, 0]]))) == pytest.approx(math.log(2))


# ------------------------------------------------------------------------------ backward by hand

def test_linear_backward_by_hand(dnn):
    A_prev = np.array([[1.0, 2.0]])
    W = np.array([[3.0]])
    dZ = np.array([[1.0, 1.0]])
    dA_prev, dW, db = dnn.linear_backward(dZ, (A_prev, W, np.zeros((1, 1))))
    np.testing.assert_allclose(dW, [[1.5]])       # (1*1 + 1*2) / 2
    np.testing.assert_allclose(db, [[1.0]])       # (1 + 1) / 2, shape (1, 1)
    np.testing.assert_allclose(dA_prev, [[3.0, 3.0]])  # W^T dZ, no 1/m


def test_linear_activation_backward_by_hand(dnn):
    A_prev = np.array([[1.0, 2.0]])
    W, b = np.array([[3.0]]), np.zeros((1, 1))
    dA = np.array([[5.0, 5.0]])
    # relu: Z = [[-1, 2]] lets the gradient through for the second example only: dZ = [[0, 5]]
    dA_prev, dW, db = dnn.linear_activation_backward(dA, ((A_prev, W, b), np.array([[-1.0, 2.0]])), "relu")
    np.testing.assert_allclose(dW, [[5.0]])       # (0*1 + 5*2) / 2
    np.testing.assert_allclose(db, [[2.5]])
    np.testing.assert_allclose(dA_prev, [[0.0, 15.0]])
    # sigmoid at Z = 0: dZ = dA / 4
    _, dW, db = dnn.linear_activation_backward(dA, ((A_prev, W, b), np.zeros((1, 2))), "sigmoid")
    np.testing.assert_allclose(dW, [[1.25 * 1.5]])
    np.testing.assert_allclose(db, [[1.25]])


def test_L_model_backward_output_layer_gives_AL_minus_Y(dnn):
    # For the sigmoid output with cross-entropy, dZ[L] = AL - Y: check it on a 1-layer network.
    X = np.array([[1.0, 2.0, -1.0]])
    params = {"W1": np.array([[0.5]]), "b1": np.array([[-0.2]])}
    AL, caches = dnn.L_model_forward(X, params)
    Y = np.array([[1, 0, 1]])
    grads = dnn.L_model_backward(AL, Y, caches)
    assert sorted(grads) == ["dA0", "dW1", "db1"]
    np.testing.assert_allclose(grads["db1"], [[np.mean(AL - Y)]])
    np.testing.assert_allclose(grads["dW1"], (AL - Y) @ X.T / 3)


@pytest.mark.parametrize("L", [1, 2, 3, 4])
def test_L_model_backward_has_exactly_the_course_keys(dnn, L):
    layer_dims = [4, 3, 3, 2, 2][:L] + [1]
    rng = np.random.RandomState(L)
    params = _random_parameters(rng, layer_dims)
    AL, caches = dnn.L_model_forward(rng.randn(4, 3), params)
    grads = dnn.L_model_backward(AL, np.array([[1, 0, 1]]), caches)
    expected = {f"dA{l}" for l in range(L)} | {f"dW{l}" for l in range(1, L + 1)} | {f"db{l}" for l in range(1, L + 1)}
    assert set(grads) == expected
    for l in range(1, L + 1):
        assert grads[f"dW{l}"].shape == params[f"W{l}"].shape
        assert grads[f"db{l}"].shape == params[f"b{l}"].shape


def test_update_parameters_by_hand_returns_a_new_dict(dnn):
    params = {"W1": np.array([[1.0, 2.0]]), "b1": np.array([[0.5]])}
    grads = {"dW1": np.array([[10.0, -10.0]]), "db1": np.array([[1.0]]), "dA0": np.ones((2, 3))}
    new = dnn.update_parameters(params, grads, 0.1)
    assert new is not params and sorted(new) == ["W1", "b1"]
    np.testing.assert_allclose(new["W1"], [[0.0, 3.0]])
    np.testing.assert_allclose(new["b1"], [[0.4]])
    np.testing.assert_array_equal(params["W1"], [[1.0, 2.0]])  # the caller's arrays are untouched
    np.testing.assert_array_equal(params["b1"], [[0.5]])


# ------------------------------------------------------------------------------ numerical gradients

def test_linear_backward_matches_numerical_gradients(dnn):
    rng = np.random.RandomState(0)
    A_prev, W, b = rng.randn(4, 5), rng.randn(3, 4), rng.randn(3, 1)
    G = rng.randn(3, 5)  # dJ/dZ per example: J = (1/m) sum(G * Z)
    m = A_prev.shape[1]
    params = {"W": W, "b": b}

    def cost(p):
        Z, _ = dnn.linear_forward(A_prev, p["W"], p["b"])
        return np.sum(G * Z) / m

    dA_prev, dW, db = dnn.linear_backward(G, (A_prev, W, b))
    result = gradient_check(cost, params, {"dW": dW, "db": db}, epsilon=EPSILON, threshold=THRESHOLD,
                            verbose=False)
    assert result.passed, result.report()
    # dA_prev carries no 1/m (the next layer's dW and db apply it): it is the gradient of m * J
    A = A_prev.copy()
    approx = numerical_gradient(lambda: np.sum(G * dnn.linear_forward(A, W, b)[0]), A, epsilon=EPSILON)
    assert relative_error(dA_prev, approx) < THRESHOLD


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_linear_activation_backward_matches_numerical_gradients(dnn, activation):
    rng = np.random.RandomState(1 if activation == "relu" else 2)
    A_prev, W, b = rng.randn(4, 5), rng.randn(3, 4), rng.randn(3, 1)
    G = rng.randn(3, 5)
    m = A_prev.shape[1]

    def cost(p):
        A, _ = dnn.linear_activation_forward(A_prev, p["W"], p["b"], activation)
        return np.sum(G * A) / m

    _, cache = dnn.linear_activation_forward(A_prev, W, b, activation)
    dA_prev, dW, db = dnn.linear_activation_backward(G, cache, activation)
    result = gradient_check(cost, {"W": W, "b": b}, {"dW": dW, "db": db}, epsilon=EPSILON,
                            threshold=THRESHOLD, verbose=False)
    assert result.passed, result.report()
    A = A_prev.copy()
    approx = numerical_gradient(lambda: np.sum(G * dnn.linear_activation_forward(A, W, b, activation)[0]),
                                A, epsilon=EPSILON)
    assert relative_error(dA_prev, approx) < THRESHOLD


@pytest.mark.parametrize("layer_dims", [[3, 1], [4, 3, 1], [5, 4, 3, 1], [4, 5, 3, 2, 1], [3, 4, 4, 3, 2, 1]],
                         ids=lambda dims: f"L={len(dims) - 1}")
def test_L_model_backward_matches_numerical_gradients(dnn, layer_dims):
    rng = np.random.RandomState(sum(layer_dims))
    m = 5
    X = rng.randn(layer_dims[0], m)
    Y = np.array([[1, 0, 1, 1, 0]])
    params = _random_parameters(rng, layer_dims)

    def cost(p):
        return dnn.compute_cost(dnn.L_model_forward(X, p)[0], Y)

    AL, caches = dnn.L_model_forward(X, params)
    grads = dnn.L_model_backward(AL, Y, caches)
    result = gradient_check(cost, params, grads, epsilon=EPSILON, threshold=THRESHOLD, verbose=False)
    assert result.passed, result.report()
    # dA0 is the per-example gradient with respect to the input: m times dJ/dX
    Xc = X.copy()
    approx = numerical_gradient(lambda: m * float(dnn.compute_cost(dnn.L_model_forward(Xc, params)[0], Y)),
                                Xc, epsilon=EPSILON)
    assert relative_error(grads["dA0"], approx) < THRESHOLD


def test_one_step_of_gradient_descent_lowers_the_cost(dnn):
    rng = np.random.RandomState(3)
    X, Y = rng.randn(4, 20), (rng.rand(1, 20) > 0.5).astype(float)
    params = _random_parameters(rng, [4, 5, 3, 1])
    AL, caches = dnn.L_model_forward(X, params)
    before = float(dnn.compute_cost(AL, Y))
    new = dnn.update_parameters(params, dnn.L_model_backward(AL, Y, caches), 0.05)
    assert float(dnn.compute_cost(dnn.L_model_forward(X, new)[0], Y)) < before
