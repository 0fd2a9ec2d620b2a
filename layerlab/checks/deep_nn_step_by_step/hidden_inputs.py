"""How the hidden inputs of week 4's step-by-step functions are drawn (the cases themselves, seeds
and sizes, are the ``hidden=`` arguments of :mod:`layerlab.checks.deep_nn_step_by_step`). This
module is the grader's only: the stripped copies of layerlab leave it out.

They use other sizes than the public cases: one unit or one example, wide and tall layers, deeper
networks (L = 5, and 6 for the initialiser) and L = 1, a square ``W`` (a missing ``.T`` keeps the
shape) and ``n_prev != m`` (m taken from the wrong axis shows); the grader sets another global seed
before every call (``seed``), so an initialiser that does not seed itself gives other numbers.

The networks of the forward and backward cases come from a real forward pass (the caches are
consistent with AL, so a correct backward pass that starts from dZ = AL - Y passes). In every
hidden layer unit 0 is dead (Z < 0 for every example) and the last unit alive (Z > 0): a correct
ReLU backward step gives the dead unit a zero row in dW and a sigmoid step does not, which lets the
hints tell the two apart, and the signal always reaches the output. The probabilities AL stay well
inside (0, 1). Every builder returns the argument tuple of one call (arrays of the shapes named
in its parameters: ``n`` units, ``n_prev`` inputs, ``m`` examples).
"""

from __future__ import annotations

import numpy as np


def generator(seed: int) -> np.random.RandomState:
    return np.random.RandomState(seed)


def network(seed: int, layer_dims: list, m: int) -> tuple:
    """(X, parameters, AL, caches) of a forward pass [LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID.

    Weights of size ~sqrt(2/n[l-1]); in every hidden layer the last unit gets a bias that makes its
    Z positive for every example (the signal goes through) and unit 0, when there are more units,
    one that makes its Z negative for every example (its ReLU output is exactly 0)."""
    rng = generator(seed)
    L = len(layer_dims) - 1
    X = rng.randn(layer_dims[0], m)
    parameters, caches, A = {}, [], X
    for l in range(1, L + 1):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        W = rng.randn(n, n_prev) * np.sqrt(2.0 / n_prev)
        b = rng.randn(n, 1) * 0.3
        Z = W @ A + b
        if l < L:
            b[-1, 0] -= min(Z[-1].min() - 0.2, 0.0)      # the last unit is alive for every example
            if n > 1:
                b[0, 0] -= Z[0].max() + 0.2             # unit 0 is dead for every example
            Z = W @ A + b
            A_next = np.maximum(0, Z)
        else:
            A_next = 1 / (1 + np.exp(-Z))
        parameters[f"W{l}"], parameters[f"b{l}"] = W, b
        caches.append(((A, W, b), Z))
        A = A_next
    return X, parameters, A, caches


def labels(rng: np.random.RandomState, m: int, dtype=np.int64) -> np.ndarray:
    """(1, m) labels 0/1, both present when m >= 2."""
    Y = np.zeros((1, m), dtype=dtype)
    Y[0, rng.permutation(m)[: (m + 1) // 2]] = 1
    return Y


def forward_case(seed: int, layer_dims: list, m: int) -> tuple:
    X, parameters, _, _ = network(seed, layer_dims, m)
    return X, parameters


def backward_case(seed: int, layer_dims: list, m: int, dtype=np.int64) -> tuple:
    _, _, AL, caches = network(seed, layer_dims, m)
    return AL, labels(generator(seed + 1), m, dtype), caches


def linear_case(seed: int, n: int, n_prev: int, m: int) -> tuple:
    rng = generator(seed)
    return rng.randn(n_prev, m), rng.randn(n, n_prev), rng.randn(n, 1)


def activation_case(seed: int, n: int, n_prev: int, m: int, activation: str) -> tuple:
    A_prev, W, b = linear_case(seed, n, n_prev, m)
    if n > 1:  # a unit that is dead for every example, and one that is alive for every example
        b[0, 0] = -np.abs(W[0] @ A_prev).max() - 0.3
        b[-1, 0] = np.abs(W[-1] @ A_prev).max() + 0.3
    return A_prev, W, b, activation


def cost_case(seed: int, m: int, dtype=np.int64) -> tuple:
    rng = generator(seed)
    AL = rng.uniform(0.02, 0.98, size=(1, m))
    return AL, labels(rng, m, dtype)


def linear_backward_case(seed: int, n: int, n_prev: int, m: int) -> tuple:
    rng = generator(seed)
    return rng.randn(n, m), (rng.randn(n_prev, m), rng.randn(n, n_prev), rng.randn(n, 1))


def activation_backward_case(seed: int, n: int, n_prev: int, m: int, activation: str) -> tuple:
    """dA and a cache whose Z has unit 0 negative and the last unit positive for every example."""
    rng = generator(seed)
    linear_cache = (rng.randn(n_prev, m), rng.randn(n, n_prev), rng.randn(n, 1))
    Z = rng.randn(n, m)
    if n > 1:
        Z[0] = -np.abs(Z[0]) - 0.1
        Z[-1] = np.abs(Z[-1]) + 0.1
    return rng.randn(n, m), (linear_cache, Z), activation


def update_case(seed: int, layer_dims: list, *learning_rate: float) -> tuple:
    rng = generator(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.randn(layer_dims[l], layer_dims[l - 1])
        parameters[f"b{l}"] = rng.randn(layer_dims[l], 1)
    grads = {}
    for l in range(len(layer_dims) - 1, 0, -1):  # in the order L_model_backward fills them
        grads[f"dA{l - 1}"] = rng.randn(layer_dims[l - 1], 4)
        grads[f"dW{l}"] = rng.randn(*parameters[f"W{l}"].shape)
        grads[f"db{l}"] = rng.randn(*parameters[f"b{l}"].shape)
    return (parameters, grads) + tuple(learning_rate)
