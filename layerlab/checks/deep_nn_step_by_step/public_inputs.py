"""The public cases' inputs of week 4's step-by-step checks (see
:mod:`layerlab.checks.deep_nn_step_by_step`): small seeded networks of 1 to 4 layers, 2 to 5
examples. Shapes: W{l} (n[l], n[l-1]), b{l} (n[l], 1), A and Z of layer l (n[l], m); a cache is
((A_prev, W, b), Z). The hidden cases' inputs are :mod:`.hidden_inputs`.
"""

from __future__ import annotations

import numpy as np


def seeded(seed: int) -> np.random.RandomState:
    return np.random.RandomState(seed)


def array(values) -> np.ndarray:
    return np.array(values, dtype=float)


def global_seed(seed: int, args: tuple) -> tuple:
    """Set NumPy's global seed (to something other than the function's own seed), return args."""
    np.random.seed(seed)
    return args


def random_parameters(seed: int, layer_dims: list) -> dict:
    """Unit-scale random parameters (not an initialiser: the checks need non-trivial values)."""
    rng = seeded(seed)
    out = {}
    for layer in range(1, len(layer_dims)):
        out["W" + str(layer)] = rng.randn(layer_dims[layer], layer_dims[layer - 1])
        out["b" + str(layer)] = 0.5 * rng.randn(layer_dims[layer], 1)
    return out


def forward_case(seed: int, layer_dims: list, m: int) -> tuple:
    X = seeded(seed + 100).randn(layer_dims[0], m)
    return X, random_parameters(seed, layer_dims)


def linear_cache(rng, n: int, n_prev: int, m: int, nonnegative: bool) -> tuple:
    A_prev = rng.randn(n_prev, m)
    if nonnegative:
        A_prev = np.abs(A_prev)
    return A_prev, rng.randn(n, n_prev), rng.randn(n, 1)


def z_with_a_dead_unit(rng, n: int, m: int) -> np.ndarray:
    """Random Z whose unit 0 is negative for every example (if n > 1)."""
    Z = rng.randn(n, m)
    if n > 1:
        Z[0] = -np.abs(Z[0]) - 0.1
    return Z


def backward_layer_case(seed: int, n: int, n_prev: int, m: int, activation: str) -> tuple:
    rng = seeded(seed)
    linear = linear_cache(rng, n, n_prev, m, nonnegative=False)
    Z = z_with_a_dead_unit(rng, n, m)
    dA = rng.randn(n, m)
    return dA, (linear, Z), activation


def backward_case(seed: int, layer_dims: list, m: int) -> tuple:
    """(AL, Y, caches) of an L-layer network with random cache values."""
    rng = seeded(seed)
    L = len(layer_dims[1:])
    caches = []
    for layer in range(1, L + 1):
        linear = linear_cache(rng, layer_dims[layer], layer_dims[layer - 1], m, nonnegative=layer > 1)
        Z = z_with_a_dead_unit(rng, layer_dims[layer], m) if layer < L else rng.randn(1, m)
        caches.append((linear, Z))
    AL = rng.uniform(0.1, 0.9, size=(1, m))
    Y = np.array([[1, 0] * m])[:, :m]
    return AL, Y, caches


def update_case(seed: int, layer_dims: list, learning_rate: float) -> tuple:
    params = random_parameters(seed, layer_dims)
    rng = seeded(seed + 50)
    grads = {"d" + k: rng.randn(*v.shape) for k, v in params.items()}
    grads["dA0"] = rng.randn(layer_dims[0], 3)
    return params, grads, learning_rate


EXAMPLE_A = [[1., 2.], [3., 4.], [5., 6.]]
EXAMPLE_W = [[1., -1., 2.], [-2., 0., -1.]]
