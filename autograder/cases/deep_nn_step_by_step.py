"""Hidden cases of ``week4_deep_nn_step_by_step/deep_nn_step_by_step.ipynb``
(see :mod:`autograder.cases`).

Other sizes than the public checks use: one unit or one example, wide and tall layers, and deeper
networks (L = 5, and 6 for the initialiser, where the public checks stop at 4) as well as L = 1 for
``initialize_parameters_deep``, ``L_model_forward``, ``L_model_backward`` and ``update_parameters``.

Seeding conventions are graded: both initialisers seed NumPy themselves (1 and 3); the grader sets
another global seed right before every call (``seed``), so a seed set outside the function, or no
seed at all, gives other numbers.

The networks of the forward and backward cases come from a real forward pass (the caches are
consistent with AL, so a correct backward pass that starts from dZ = AL - Y passes). In every
hidden layer unit 0 is dead (Z < 0 for every example) and the last unit alive (Z > 0): a correct
ReLU backward step gives the dead unit a zero row in dW and a sigmoid step does not, which lets the
hints tell the two apart, and the signal always reaches the output. The probabilities AL stay well
inside (0, 1). ``linear_backward`` has cases with a square W (a missing ``.T`` keeps the shape)
and cases with n_prev != m (m taken from the wrong axis shows).

The mistake recognisers are the public check's (:mod:`layerlab.checks.deep_forward` and
:mod:`layerlab.checks.deep_backward`); the properties below are contracts only the grader checks.
"""

from __future__ import annotations

import numpy as np

from autograder.cases import HiddenCase, HiddenSpec
from layerlab.judge.catalogue import mistake


def _rng(seed: int) -> np.random.RandomState:
    return np.random.RandomState(seed)


def _case(make, **kwargs) -> HiddenCase:
    return HiddenCase(make=make, **kwargs)


def _layers(parameters: dict) -> int:
    return len(parameters) // 2


def _parameter_names(L: int) -> list[str]:
    return [f"{p}{l}" for l in range(1, L + 1) for p in ("W", "b")]


# --------------------------------------------------------------------------- inputs

def _network(seed: int, layer_dims: list, m: int) -> tuple:
    """(X, parameters, AL, caches) of a forward pass [LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID.

    Weights of size ~sqrt(2/n[l-1]); in every hidden layer the last unit gets a bias that makes its
    Z positive for every example (the signal goes through) and unit 0, when there are more units,
    one that makes its Z negative for every example (its ReLU output is exactly 0)."""
    rng = _rng(seed)
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


def _labels(rng: np.random.RandomState, m: int, dtype=np.int64) -> np.ndarray:
    """(1, m) labels 0/1, both present when m >= 2."""
    Y = np.zeros((1, m), dtype=dtype)
    Y[0, rng.permutation(m)[: (m + 1) // 2]] = 1
    return Y


def _forward_case(seed: int, layer_dims: list, m: int) -> tuple:
    X, parameters, _, _ = _network(seed, layer_dims, m)
    return X, parameters


def _backward_case(seed: int, layer_dims: list, m: int, dtype=np.int64) -> tuple:
    _, _, AL, caches = _network(seed, layer_dims, m)
    return AL, _labels(_rng(seed + 1), m, dtype), caches


def _linear_case(seed: int, n: int, n_prev: int, m: int) -> tuple:
    rng = _rng(seed)
    return rng.randn(n_prev, m), rng.randn(n, n_prev), rng.randn(n, 1)


def _activation_case(seed: int, n: int, n_prev: int, m: int, activation: str) -> tuple:
    A_prev, W, b = _linear_case(seed, n, n_prev, m)
    if n > 1:  # a unit that is dead for every example, and one that is alive for every example
        b[0, 0] = -np.abs(W[0] @ A_prev).max() - 0.3
        b[-1, 0] = np.abs(W[-1] @ A_prev).max() + 0.3
    return A_prev, W, b, activation


def _cost_case(seed: int, m: int, dtype=np.int64) -> tuple:
    rng = _rng(seed)
    AL = rng.uniform(0.02, 0.98, size=(1, m))
    return AL, _labels(rng, m, dtype)


def _linear_backward_case(seed: int, n: int, n_prev: int, m: int) -> tuple:
    rng = _rng(seed)
    return rng.randn(n, m), (rng.randn(n_prev, m), rng.randn(n, n_prev), rng.randn(n, 1))


def _activation_backward_case(seed: int, n: int, n_prev: int, m: int, activation: str) -> tuple:
    """dA and a cache whose Z has unit 0 negative and the last unit positive for every example."""
    rng = _rng(seed)
    linear_cache = (rng.randn(n_prev, m), rng.randn(n, n_prev), rng.randn(n, 1))
    Z = rng.randn(n, m)
    if n > 1:
        Z[0] = -np.abs(Z[0]) - 0.1
        Z[-1] = np.abs(Z[-1]) + 0.1
    return rng.randn(n, m), (linear_cache, Z), activation


def _update_case(seed: int, layer_dims: list, *learning_rate: float) -> tuple:
    rng = _rng(seed)
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


# --------------------------------------------------------------------------- output contracts

def _exact_parameter_keys(L_of):
    @mistake("parameters.keys", "parameters without exactly the keys W1, b1, ..., WL, bL",
             topic="return-values")
    def check(args, got):
        """Property: the parameters of an L-layer network have exactly the keys W1, b1, ..., WL, bL."""
        if not isinstance(got, dict):
            return None
        L = L_of(args)
        names = _parameter_names(L)
        if set(got) != set(names):
            return (f"the parameters of this {L}-layer network must be exactly the keys "
                    f"{', '.join(repr(k) for k in names)} (\"W\" or \"b\" and the layer number, "
                    f"from 1), the dict has {sorted(map(str, got))}")
        return None
    return check


@mistake("initialize.b-not-float", "biases created with an integer dtype", topic="initialisation")
def _float_biases(args, got):
    """Property: every b{l} holds floats."""
    if not isinstance(got, dict):
        return None
    for key, value in got.items():
        if str(key).startswith("b") and isinstance(value, np.ndarray) and value.dtype.kind != "f":
            return (f"{key} must hold floats (np.zeros((n, 1)) gives float64 zeros), its dtype is "
                    f"{value.dtype}")
    return None


@mistake("backward.grads-keys", "grads without exactly the expected keys", topic="return-values")
def _grads_keys(args, got):
    """Property: grads of an L-layer network has exactly dA0..dA{L-1}, dW1..dWL, db1..dbL."""
    if not isinstance(got, dict):
        return None
    L = len(args[2])
    names = ([f"dA{l}" for l in range(L)] + [f"dW{l}" for l in range(1, L + 1)]
             + [f"db{l}" for l in range(1, L + 1)])
    if set(got) != set(names):
        return (f"grads of this {L}-layer network must have exactly the keys dA0..dA{L - 1}, "
                f"dW1..dW{L} and db1..db{L}, it has {sorted(map(str, got))}")
    return None


CASES = {
    "initialize_parameters": HiddenSpec([
        _case(lambda: (6, 4, 2), seed=3),
        _case(lambda: (1, 1, 1), seed=17),
        _case(lambda: (2, 9, 1), seed=0),
        _case(lambda: (12, 3, 3), seed=2024),
        _case(lambda: (7, 10, 1), seed=5),
    ], properties=[_exact_parameter_keys(lambda args: 2), _float_biases]),
    "initialize_parameters_deep": HiddenSpec([
        _case(lambda: ([6, 5, 4, 3, 1],), seed=1),                # L = 4
        _case(lambda: ([3, 7, 1],), seed=11),
        _case(lambda: ([8, 6, 5, 4, 3, 2],), seed=0),             # L = 5
        _case(lambda: ([4, 4],), seed=5),                         # L = 1, a square W1
        _case(lambda: ([1, 2, 1],), seed=21),                     # one input feature
        _case(lambda: ([10, 9, 8, 7, 6, 5, 1],), seed=2),         # L = 6
    ], properties=[_exact_parameter_keys(lambda args: len(args[0]) - 1), _float_biases]),
    "linear_forward": HiddenSpec([
        _case(lambda: _linear_case(301, 4, 6, 7)),
        _case(lambda: _linear_case(302, 1, 1, 1)),                 # one unit, one example
        _case(lambda: _linear_case(303, 5, 5, 3)),                 # a square W
        _case(lambda: _linear_case(304, 2, 8, 12)),
        _case(lambda: _linear_case(305, 6, 3, 1)),                 # one example
    ]),
    "linear_activation_forward": HiddenSpec([
        _case(lambda: _activation_case(311, 4, 6, 5, "relu")),
        _case(lambda: _activation_case(312, 3, 2, 7, "sigmoid")),
        _case(lambda: _activation_case(313, 1, 5, 9, "sigmoid")),  # the output layer
        _case(lambda: _activation_case(314, 5, 3, 1, "relu")),     # one example
        _case(lambda: _activation_case(315, 2, 7, 4, "relu")),
        _case(lambda: _activation_case(316, 6, 4, 3, "sigmoid")),
    ]),
    "L_model_forward": HiddenSpec([
        _case(lambda: _forward_case(321, [7, 6, 5, 4, 3, 1], 6)),     # L = 5
        _case(lambda: _forward_case(322, [3, 5, 4, 2, 1], 12)),       # L = 4
        _case(lambda: _forward_case(323, [2, 3, 1], 1)),              # one example
        _case(lambda: _forward_case(324, [10, 1], 7)),                # L = 1
        _case(lambda: _forward_case(325, [4, 8, 8, 8, 8, 1], 9)),     # L = 5, wide layers
        _case(lambda: _forward_case(326, [1, 4, 3, 1], 8)),           # one feature
    ]),
    "compute_cost": HiddenSpec([
        _case(lambda: _cost_case(331, 8)),
        _case(lambda: _cost_case(332, 1)),                          # a single example
        _case(lambda: _cost_case(333, 13, np.float64)),             # float labels
        _case(lambda: _cost_case(334, 40)),
        _case(lambda: _cost_case(335, 6, np.float64)),
    ]),
    "linear_backward": HiddenSpec([
        _case(lambda: _linear_backward_case(341, 2, 6, 7)),
        _case(lambda: _linear_backward_case(342, 5, 5, 3)),         # a square W
        _case(lambda: _linear_backward_case(343, 1, 4, 1)),         # one unit, one example
        _case(lambda: _linear_backward_case(344, 6, 2, 10)),
        _case(lambda: _linear_backward_case(345, 4, 4, 9)),         # a square W
    ]),
    "linear_activation_backward": HiddenSpec([
        _case(lambda: _activation_backward_case(351, 4, 6, 5, "relu")),
        _case(lambda: _activation_backward_case(352, 4, 6, 5, "sigmoid")),
        _case(lambda: _activation_backward_case(353, 1, 3, 8, "sigmoid")),   # the output layer
        _case(lambda: _activation_backward_case(354, 6, 2, 1, "relu")),      # one example
        _case(lambda: _activation_backward_case(355, 3, 7, 11, "relu")),
        _case(lambda: _activation_backward_case(356, 5, 5, 4, "sigmoid")),
    ]),
    "L_model_backward": HiddenSpec([
        _case(lambda: _backward_case(361, [7, 6, 5, 4, 3, 1], 6)),           # L = 5
        _case(lambda: _backward_case(362, [3, 5, 4, 2, 1], 12, np.float64)),  # L = 4, float labels
        _case(lambda: _backward_case(363, [2, 3, 1], 1)),                    # one example
        _case(lambda: _backward_case(364, [10, 1], 7)),                      # L = 1
        _case(lambda: _backward_case(365, [4, 8, 8, 8, 8, 1], 9)),           # L = 5, wide layers
        _case(lambda: _backward_case(366, [1, 4, 3, 1], 8)),                 # one feature
    ], properties=[_grads_keys]),
    "update_parameters": HiddenSpec([
        _case(lambda: _update_case(371, [5, 4, 3, 2, 1], 0.05)),             # L = 4
        _case(lambda: _update_case(372, [3, 6, 5, 4, 3, 1]),                 # L = 5, by keyword
              kwargs={"learning_rate": 1.0}),
        _case(lambda: _update_case(373, [2, 1], 0.0075)),                    # L = 1
        _case(lambda: _update_case(374, [8, 8, 1], 2.5)),
        _case(lambda: _update_case(375, [1, 3, 3, 1], 0.3)),
    ], properties=[_exact_parameter_keys(lambda args: _layers(args[0]))]),
}
