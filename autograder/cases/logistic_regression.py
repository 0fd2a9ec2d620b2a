"""Hidden cases of ``week2_logistic_regression/logistic_regression.ipynb`` (see :mod:`autograder.cases`).

Other sizes than the public checks use: one feature or one example, wide and tall inputs, labels
given as ints or floats, biases of both signs, iteration counts that record 1 to 3 costs. Weights
stay small enough that no probability reaches exactly 0 or 1 (the cross-entropy would be NaN).
The training cases are small (a few hundred steps on at most 16 examples): fast to grade.
"""

from __future__ import annotations

import numpy as np

from autograder.cases import HiddenCase, HiddenSpec
from layerlab.judge.catalogue import mistake


def _rng(seed: int) -> np.random.RandomState:
    return np.random.RandomState(seed)


def _labels(rng: np.random.RandomState, m: int) -> np.ndarray:
    """(1, m) float labels 0./1., both present when m >= 2."""
    Y = np.zeros((1, m))
    Y[0, rng.permutation(m)[: (m + 1) // 2]] = 1.0
    return Y


def _problem(seed: int, n_x: int, m: int, b: float, w_scale: float = 0.5) -> tuple:
    """(w (n_x, 1), b, X (n_x, m), Y (1, m)): moderate weights, probabilities well inside (0, 1)."""
    rng = _rng(seed)
    w = rng.randn(n_x, 1) * w_scale
    X = rng.randn(n_x, m)
    return w, b, X, _labels(rng, m)


def _int_labels(problem: tuple) -> tuple:
    w, b, X, Y = problem
    return w, b, X, Y.astype(np.int64)


def _toy_data(seed: int, n_x: int, m_train: int, m_test: int) -> tuple:
    """(X_train, Y_train, X_test, Y_test): label 1 when a fixed direction's projection is positive,
    with some overlap (noise), so training never drives a probability to 0 or 1."""
    rng = _rng(seed)
    direction = rng.randn(n_x, 1)

    def draw(m):
        X = rng.randn(n_x, m)
        Y = ((direction.T @ X + 0.8 * rng.randn(1, m)) > 0).astype(float)
        return X, Y

    return draw(m_train) + draw(m_test)


def _three(seed: int, shape: tuple, scale: float = 1.0) -> tuple:
    """Three different random arrays of ``shape`` (a, b, c of the computation graph), seeded."""
    rng = _rng(seed)
    return tuple(rng.randn(*shape) * scale for _ in range(3))


def _case(make, **kwargs) -> HiddenCase:
    return HiddenCase(make=make, **kwargs)


# --------------------------------------------------------------------------- output contracts

@mistake("sigmoid.int-array-result", "sigmoid returns an array of ints", topic="python-basics")
def _float_array(args, got):
    """Property: sigmoid returns an array of floats."""
    if isinstance(got, np.ndarray) and got.dtype.kind != "f":
        return (f"sigmoid returned an array of {got.dtype}: it must hold floats (probabilities "
                f"between 0 and 1)")
    return None


@mistake("optimize.params-keys", "params without exactly the keys w and b", topic="return-values")
def _params_keys(args, got):
    """Property: the params dict of optimize has exactly the keys "w" and "b"."""
    params = got[0] if isinstance(got, tuple) and got else None
    if isinstance(params, dict) and set(params) != {"w", "b"}:
        return f'params must have exactly the keys "w" and "b", it has {sorted(map(str, params))}'
    return None


@mistake("optimize.costs-not-a-list", "costs returned as an array, not a list",
         topic="return-values")
def _costs_is_a_list(args, got):
    """Property: the recorded costs are a Python list."""
    costs = got[2] if isinstance(got, tuple) and len(got) == 3 else None
    if costs is not None and not isinstance(costs, list):
        what = f"an array of shape {costs.shape}" if isinstance(costs, np.ndarray) else type(costs).__name__
        return f"costs must be a Python list (append each recorded cost to a list), got {what}"
    return None


@mistake("model.w-shape", "the learned w is not a (n_x, 1) column", topic="rank-1-and-keepdims")
def _model_w_shape(args, got):
    """Property: d["w"] has the shape (n_x, 1) of the training data's features."""
    w = got.get("w") if isinstance(got, dict) else None
    n_x = args[0].shape[0]
    if isinstance(w, np.ndarray) and w.shape != (n_x, 1):
        return f'd["w"] must be the learned weight column of shape (n_x, 1) = ({n_x}, 1), got {w.shape}'
    return None


CASES = {
    "sigmoid": HiddenSpec([
        _case(lambda: (_rng(101).randn(1, 9) * 3,)),
        _case(lambda: (_rng(102).randn(5, 4),)),
        _case(lambda: (_rng(103).randn(2, 3, 2) * 2,)),
        _case(lambda: (0.75,)),
        _case(lambda: (np.arange(-4, 4).reshape(2, 4),)),        # an int array
        _case(lambda: (_rng(104).uniform(-25, 25, size=(3, 1)),)),  # far in the tails
    ], properties=[_float_array]),
    "initialize_with_zeros": HiddenSpec([
        _case(lambda: (1,)),
        _case(lambda: (5,)),
        _case(lambda: (9,)),
        _case(lambda: (64,)),
        _case(lambda: (17,)),
    ]),
    "graph_forward_backward": HiddenSpec([
        _case(lambda: _three(151, (3, 4))),
        _case(lambda: _three(152, (1, 1), scale=5.0)),   # one number each
        _case(lambda: _three(153, (6,))),                # 1-D arrays
        _case(lambda: _three(154, (2, 2, 3))),           # any shape
    ]),
    "propagate": HiddenSpec([
        _case(lambda: _problem(111, 5, 10, b=0.3)),
        _case(lambda: _problem(112, 1, 6, b=-1.2, w_scale=1.0)),       # one feature
        _case(lambda: _problem(113, 8, 3, b=0.0)),                     # more features than examples
        _case(lambda: _problem(114, 3, 1, b=0.7)),                     # a single example
        _case(lambda: _int_labels(_problem(115, 6, 20, b=-0.4))),      # int labels
        _case(lambda: _problem(116, 2, 15, b=1.5, w_scale=1.5)),
    ]),
    "optimize": HiddenSpec([
        _case(lambda: _problem(121, 4, 9, b=0.2) + (101, 0.1)),        # 2 recorded costs
        _case(lambda: _problem(122, 1, 5, b=-0.5) + (1, 0.3)),         # one step, one cost
        _case(lambda: (np.zeros((6, 1)), 0.0) + _problem(123, 6, 12, b=0.0)[2:] + (205, 0.02)),
        _case(lambda: _problem(124, 3, 16, b=0.8, w_scale=0.3) + (150, 0.05)),
        _case(lambda: _int_labels(_problem(125, 7, 4, b=0.0, w_scale=0.2)) + (99, 0.01)),
    ], properties=[_params_keys, _costs_is_a_list]),
    "predict": HiddenSpec([
        _case(lambda: _problem(131, 5, 11, b=0.25, w_scale=1.0)[:3]),
        _case(lambda: _problem(132, 1, 8, b=-0.3, w_scale=2.0)[:3]),
        _case(lambda: _problem(133, 9, 1, b=0.1, w_scale=1.0)[:3]),    # a single example
        _case(lambda: (np.zeros((4, 1)), 0.0, _rng(134).randn(4, 6))),  # every probability is 0.5
        _case(lambda: _problem(135, 3, 25, b=-1.0, w_scale=1.5)[:3]),
    ]),
    "model": HiddenSpec([
        _case(lambda: _toy_data(141, 4, 12, 5) + (150, 0.1)),
        _case(lambda: _toy_data(142, 2, 8, 3) + (101, 0.5)),
        _case(lambda: _toy_data(143, 6, 16, 16) + (230, 0.05)),
        _case(lambda: _toy_data(144, 3, 5, 9) + (40, 0.8)),
    ], properties=[_model_w_shape]),
}
