"""How the hidden inputs of week 3's graded functions are drawn (the cases themselves, seeds and
sizes, are the ``hidden=`` arguments of :mod:`layerlab.checks.planar_classification`). This module
is the grader's only: the stripped copies of layerlab leave it out.

They use other sizes than the public cases: one input feature, one hidden unit, wide hidden
layers, two output units where the function is written for any n_y, a single example and tens of
examples. Seeding conventions are graded: ``initialize_parameters`` draws from wherever NumPy's
global generator stands (the grader seeds it before the call with ``seed``), and ``nn_model`` must
seed with 3 itself (the grader seeds it with something else first). Three ``backward_propagation``
cases have ``n_h = m = n_x + 1`` with a cache solved from drawn activations (as the public cases
do); the others take their cache from a forward pass of random parameters on more examples.

Every builder returns the argument tuple of one call: ``X`` of shape (n_x, m), labels ``Y`` of
shape (n_y, m) holding 0. and 1. (both present when m >= 2), parameters ``W1`` (n_h, n_x), ``b1``
(n_h, 1), ``W2`` (n_y, n_h), ``b2`` (n_y, 1); probabilities stay strictly inside (0, 1).
"""

from __future__ import annotations

import numpy as np


def generator(seed: int) -> np.random.RandomState:
    return np.random.RandomState(seed)


def labels(rng: np.random.RandomState, n_y: int, m: int) -> np.ndarray:
    """(n_y, m) float labels 0./1.; each row holds both labels when m >= 2."""
    Y = np.zeros((n_y, m))
    for row in Y:
        row[rng.permutation(m)[: (m + 1) // 2]] = 1.0
    return Y


def random_parameters(rng: np.random.RandomState, n_x: int, n_h: int, n_y: int, scale: float = 1.0) -> dict:
    return {"W1": rng.randn(n_h, n_x) * scale, "b1": rng.randn(n_h, 1) * 0.5,
            "W2": rng.randn(n_y, n_h) * scale, "b2": rng.randn(n_y, 1) * 0.5}


def layer_case(seed: int, n_x: int, n_y: int, m: int) -> tuple:
    rng = generator(seed)
    return rng.randn(n_x, m), labels(rng, n_y, m)


def forward_case(seed: int, n_x: int, n_h: int, n_y: int, m: int) -> tuple:
    rng = generator(seed)
    X = rng.randn(n_x, m)
    return X, random_parameters(rng, n_x, n_h, n_y)


def cost_case(seed: int, m: int, dtype=np.float64) -> tuple:
    rng = generator(seed)
    A2 = rng.uniform(0.03, 0.97, size=(1, m))
    return A2, labels(rng, 1, m).astype(dtype)


def solved_backward_case(seed: int, n_x: int) -> tuple:
    """(parameters, cache, X, Y) with n_h = m = n_x + 1: the activations are drawn, Z1 = arctanh(A1),
    Z2 = logit(A2), and the parameters solve Z1 = W1 X + b1, Z2 = W2 A1 + b2 exactly."""
    n_h = m = n_x + 1
    rng = generator(seed)
    X = rng.randn(n_x, m)
    A1 = rng.uniform(-0.9, 0.9, size=(n_h, m))
    A2 = rng.uniform(0.1, 0.9, size=(1, m))
    Z1, Z2 = np.arctanh(A1), np.log(A2 / (1 - A2))
    first = np.linalg.solve(np.vstack([X, np.ones((1, m))]).T, Z1.T).T           # (n_h, n_x + 1)
    second = np.linalg.lstsq(np.vstack([A1, np.ones((1, m))]).T, Z2.T, rcond=None)[0].T
    parameters = {"W1": first[:, :n_x], "b1": first[:, n_x:], "W2": second[:, :n_h], "b2": second[:, n_h:]}
    return parameters, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}, X, labels(rng, 1, m)


def forward_backward_case(seed: int, n_x: int, n_h: int, m: int) -> tuple:
    """(parameters, cache, X, Y) with the cache of a forward pass (tanh, then sigmoid)."""
    rng = generator(seed)
    X = rng.randn(n_x, m)
    parameters = random_parameters(rng, n_x, n_h, 1, scale=0.7)
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    A2 = 1 / (1 + np.exp(-Z2))
    return parameters, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}, X, labels(rng, 1, m)


def update_case(seed: int, n_x: int, n_h: int, n_y: int, *learning_rate: float) -> tuple:
    rng = generator(seed)
    parameters = random_parameters(rng, n_x, n_h, n_y)
    grads = {"d" + k: rng.randn(*v.shape) * 0.1 for k, v in parameters.items()}
    return (parameters, grads) + tuple(learning_rate)


def nn_case(seed: int, n_x: int, m: int, n_h: int, num_iterations: int) -> tuple:
    rng = generator(seed)
    return rng.randn(n_x, m), labels(rng, 1, m), n_h, num_iterations


def predict_case(seed: int, n_x: int, n_h: int, m: int) -> tuple:
    rng = generator(seed)
    return random_parameters(rng, n_x, n_h, 1, scale=1.5), rng.randn(n_x, m)
