"""Hidden cases of ``week3_planar_classification/planar_classification.ipynb``
(see :mod:`autograder.cases`).

Other sizes than the public checks use: one input feature, one hidden unit, wide hidden layers,
two output units for the functions that are written for any n_y, a single example and tens of
examples. Seeding conventions are graded: ``initialize_parameters`` draws from wherever NumPy's
global generator stands (the grader seeds it before the call with ``seed``), and ``nn_model`` must
seed with 3 itself (the grader seeds it with something else first).

``backward_propagation``: three cases have ``n_h = m = n_x + 1`` with a consistent cache solved
from drawn activations (as the public checks do), which lets the public hints name a wrong
derivative or a missing transpose; the others take their cache from a forward pass of random
parameters on more examples. Probabilities stay strictly inside (0, 1).
"""

from __future__ import annotations

import numpy as np

from autograder.cases import HiddenCase, HiddenSpec
from layerlab.judge.catalogue import mistake

KEYS = ("W1", "b1", "W2", "b2")


def _rng(seed: int) -> np.random.RandomState:
    return np.random.RandomState(seed)


def _labels(rng: np.random.RandomState, n_y: int, m: int) -> np.ndarray:
    """(n_y, m) float labels 0./1.; each row holds both labels when m >= 2."""
    Y = np.zeros((n_y, m))
    for row in Y:
        row[rng.permutation(m)[: (m + 1) // 2]] = 1.0
    return Y


def _parameters(rng: np.random.RandomState, n_x: int, n_h: int, n_y: int, scale: float = 1.0) -> dict:
    return {"W1": rng.randn(n_h, n_x) * scale, "b1": rng.randn(n_h, 1) * 0.5,
            "W2": rng.randn(n_y, n_h) * scale, "b2": rng.randn(n_y, 1) * 0.5}


def _case(make, **kwargs) -> HiddenCase:
    return HiddenCase(make=make, **kwargs)


# --------------------------------------------------------------------------- inputs

def _layer_case(seed: int, n_x: int, n_y: int, m: int) -> tuple:
    rng = _rng(seed)
    return rng.randn(n_x, m), _labels(rng, n_y, m)


def _forward_case(seed: int, n_x: int, n_h: int, n_y: int, m: int) -> tuple:
    rng = _rng(seed)
    X = rng.randn(n_x, m)
    return X, _parameters(rng, n_x, n_h, n_y)


def _cost_case(seed: int, m: int, dtype=np.float64) -> tuple:
    rng = _rng(seed)
    A2 = rng.uniform(0.03, 0.97, size=(1, m))
    return A2, _labels(rng, 1, m).astype(dtype)


def _solved_backward_case(seed: int, n_x: int) -> tuple:
    """(parameters, cache, X, Y) with n_h = m = n_x + 1: the activations are drawn, Z1 = arctanh(A1),
    Z2 = logit(A2), and the parameters solve Z1 = W1 X + b1, Z2 = W2 A1 + b2 exactly."""
    n_h = m = n_x + 1
    rng = _rng(seed)
    X = rng.randn(n_x, m)
    A1 = rng.uniform(-0.9, 0.9, size=(n_h, m))
    A2 = rng.uniform(0.1, 0.9, size=(1, m))
    Z1, Z2 = np.arctanh(A1), np.log(A2 / (1 - A2))
    first = np.linalg.solve(np.vstack([X, np.ones((1, m))]).T, Z1.T).T           # (n_h, n_x + 1)
    second = np.linalg.lstsq(np.vstack([A1, np.ones((1, m))]).T, Z2.T, rcond=None)[0].T
    parameters = {"W1": first[:, :n_x], "b1": first[:, n_x:], "W2": second[:, :n_h], "b2": second[:, n_h:]}
    return parameters, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}, X, _labels(rng, 1, m)


def _forward_backward_case(seed: int, n_x: int, n_h: int, m: int) -> tuple:
    """(parameters, cache, X, Y) with the cache of a forward pass (tanh, then sigmoid)."""
    rng = _rng(seed)
    X = rng.randn(n_x, m)
    parameters = _parameters(rng, n_x, n_h, 1, scale=0.7)
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    A2 = 1 / (1 + np.exp(-Z2))
    return parameters, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}, X, _labels(rng, 1, m)


def _update_case(seed: int, n_x: int, n_h: int, n_y: int, *learning_rate: float) -> tuple:
    rng = _rng(seed)
    parameters = _parameters(rng, n_x, n_h, n_y)
    grads = {"d" + k: rng.randn(*v.shape) * 0.1 for k, v in parameters.items()}
    return (parameters, grads) + tuple(learning_rate)


def _nn_case(seed: int, n_x: int, m: int, n_h: int, num_iterations: int) -> tuple:
    rng = _rng(seed)
    return rng.randn(n_x, m), _labels(rng, 1, m), n_h, num_iterations


def _predict_case(seed: int, n_x: int, n_h: int, m: int) -> tuple:
    rng = _rng(seed)
    return _parameters(rng, n_x, n_h, 1, scale=1.5), rng.randn(n_x, m)


# --------------------------------------------------------------------------- output contracts

@mistake("layer-sizes.not-python-ints", "sizes returned as floats or NumPy values",
         topic="python-basics")
def _python_ints(args, got):
    """Property: the three sizes are Python ints."""
    if isinstance(got, (tuple, list)) and len(got) == 3:
        bad = [type(v).__name__ for v in got if isinstance(v, bool) or not isinstance(v, int)]
        if bad:
            return (f"the sizes must be Python ints (as X.shape[0] gives them), got {', '.join(bad)}: "
                    f"no float(...) or NumPy values")
    return None


@mistake("initialize.b-not-float", "biases created with an integer dtype", topic="initialisation")
def _zero_biases(args, got):
    """Property: b1 and b2 hold floats."""
    if not isinstance(got, dict):
        return None
    for key in ("b1", "b2"):
        b = got.get(key)
        if isinstance(b, np.ndarray) and b.dtype.kind != "f":
            return f"{key} must hold floats (np.zeros((n, 1)) gives float64 zeros), its dtype is {b.dtype}"
    return None


@mistake("forward.cache-keys", "the cache without exactly the keys Z1, A1, Z2, A2",
         topic="return-values")
def _cache_keys(args, got):
    """Property: the cache has exactly the keys "Z1", "A1", "Z2", "A2"."""
    cache = got[1] if isinstance(got, (tuple, list)) and len(got) == 2 else None
    if isinstance(cache, dict) and set(cache) != {"Z1", "A1", "Z2", "A2"}:
        return f'the cache must have exactly the keys "Z1", "A1", "Z2", "A2", it has {sorted(map(str, cache))}'
    return None


@mistake("backward.grads-keys", "grads without exactly the expected keys",
         topic="return-values")
def _grads_keys(args, got):
    """Property: grads has exactly the keys "dW1", "db1", "dW2", "db2"."""
    if isinstance(got, dict) and set(got) != {"dW1", "db1", "dW2", "db2"}:
        return (f'grads must have exactly the keys "dW1", "db1", "dW2", "db2" (a "d" before the '
                f'parameter\'s name), it has {sorted(map(str, got))}')
    return None


@mistake("parameters.keys", "parameters without exactly the keys W1, b1, ..., WL, bL",
         topic="return-values")
def _parameter_keys(args, got):
    """Property: the parameters have exactly the keys "W1", "b1", "W2", "b2"."""
    if isinstance(got, dict) and set(got) != set(KEYS):
        return f'the parameters must have exactly the keys "W1", "b1", "W2", "b2", it has {sorted(map(str, got))}'
    return None


@mistake("predict.not-labels", "predictions that are not 0/1 labels", topic="prediction")
def _predict_labels(args, got):
    """Property: predict returns only 0 and 1 (or booleans)."""
    if isinstance(got, np.ndarray) and got.dtype.kind in "biuf" and got.size:
        if not np.isin(np.unique(got.astype(np.float64)), [0.0, 1.0]).all():
            return "predict must return labels (True/False or 0/1), not probabilities: compare A2 with 0.5"
    return None


CASES = {
    "layer_sizes": HiddenSpec([
        _case(lambda: _layer_case(201, 7, 1, 11)),
        _case(lambda: _layer_case(202, 1, 3, 4)),
        _case(lambda: _layer_case(203, 12, 1, 1)),   # a single example
        _case(lambda: _layer_case(204, 4, 2, 9)),
        _case(lambda: _layer_case(205, 2, 1, 40)),
    ], properties=[_python_ints]),
    "initialize_parameters": HiddenSpec([
        _case(lambda: (5, 3, 1), seed=5),
        _case(lambda: (1, 6, 1), seed=13),
        _case(lambda: (8, 2, 3), seed=21),
        _case(lambda: (3, 7, 2), seed=42),
        _case(lambda: (10, 1, 1), seed=1001),
    ], properties=[_parameter_keys, _zero_biases]),
    "forward_propagation": HiddenSpec([
        _case(lambda: _forward_case(211, 5, 6, 1, 9)),
        _case(lambda: _forward_case(212, 1, 2, 1, 4)),     # one feature
        _case(lambda: _forward_case(213, 4, 1, 1, 7)),     # one hidden unit
        _case(lambda: _forward_case(214, 3, 8, 1, 1)),     # one example
        _case(lambda: _forward_case(215, 2, 5, 2, 30)),    # two output units
    ], properties=[_cache_keys]),
    "compute_cost": HiddenSpec([
        _case(lambda: _cost_case(221, 9)),
        _case(lambda: _cost_case(222, 1)),                  # a single example
        _case(lambda: _cost_case(223, 25)),
        _case(lambda: _cost_case(224, 6, np.int64)),       # int labels
        _case(lambda: _cost_case(225, 12, np.uint8)),
    ]),
    "backward_propagation": HiddenSpec([
        _case(lambda: _solved_backward_case(231, 4)),       # n_x = 4, n_h = m = 5
        _case(lambda: _solved_backward_case(232, 2)),       # n_x = 2, n_h = m = 3
        _case(lambda: _solved_backward_case(233, 6)),       # n_x = 6, n_h = m = 7
        _case(lambda: _forward_backward_case(234, 3, 4, 12)),
        _case(lambda: _forward_backward_case(235, 1, 6, 8)),
        _case(lambda: _forward_backward_case(236, 5, 2, 1)),  # a single example
    ], properties=[_grads_keys]),
    "update_parameters": HiddenSpec([
        _case(lambda: _update_case(241, 5, 3, 1, 0.01)),
        _case(lambda: _update_case(242, 1, 7, 1)),          # the default learning rate
        _case(lambda: _update_case(243, 4, 2, 2, 2.5)),
        _case(lambda: _update_case(244, 6, 6, 1, 0.3)),
        _case(lambda: _update_case(245, 2, 1, 1)),
    ], properties=[_parameter_keys]),
    "nn_model": HiddenSpec([
        _case(lambda: _nn_case(251, 2, 9, 6, 0), seed=7),        # only the initial parameters
        _case(lambda: _nn_case(252, 3, 10, 5, 3), seed=0),
        _case(lambda: _nn_case(253, 1, 6, 2, 10), seed=1),
        _case(lambda: _nn_case(254, 5, 15, 4, 25), seed=11),
        _case(lambda: _nn_case(255, 2, 20, 1, 40), seed=2),
    ], properties=[_parameter_keys]),
    "predict": HiddenSpec([
        _case(lambda: _predict_case(261, 5, 3, 11)),
        _case(lambda: _predict_case(273, 1, 6, 4)),
        _case(lambda: _predict_case(263, 4, 1, 9)),
        _case(lambda: _predict_case(264, 2, 8, 1)),     # a single example
        _case(lambda: _predict_case(265, 3, 5, 30)),
    ], properties=[_predict_labels]),
}
