"""Hidden cases of ``week4_deep_nn_application/deep_nn_application.ipynb`` (see :mod:`autograder.cases`).

Small seeded problems that train in milliseconds (at most 12 examples and 201 iterations): the
grader runs every case in the student's worker, and the whole notebook must grade in seconds.
The grader serves the building blocks call by call (a round trip each), so the iterations are
kept to what the checks need: 1, 101 and 201 iterations record one, two and three costs.
Other sizes than the public checks use: one input feature, one hidden unit, a single step (one
recorded cost), deeper networks (L = 4 and 5 layers) and the shallowest one (L = 1), layer sizes
given as a tuple or a list, labels as ints or floats.

Seeding convention: both models call ``np.random.seed(1)`` themselves; the grader sets another
global seed right before every call (``seed``), so a model that does not seed, or seeds outside,
starts from other parameters (the public hints read that from the first recorded cost).
"""

from __future__ import annotations

import numpy as np

from autograder.cases import HiddenCase, HiddenSpec
from layerlab.judge.catalogue import mistake


def _problem(seed: int, n_x: int, m: int, dtype=np.int64) -> tuple:
    """X (n_x, m) and labels Y (1, m): label 1 when a fixed direction's projection (plus some noise)
    is positive; both labels present, so the cost never reaches 0 in a few hundred steps."""
    rng = np.random.RandomState(seed)
    X = rng.randn(n_x, m)
    w = rng.randn(1, n_x)
    score = w @ X + 0.5 * rng.randn(1, m)
    Y = (score > np.median(score)).astype(dtype)
    return X, Y


def _case(seed: int, n_x: int, m: int, layers_dims, learning_rate: float, num_iterations: int,
          global_seed: int, dtype=np.int64) -> HiddenCase:
    return HiddenCase(make=lambda: _problem(seed, n_x, m, dtype) + (layers_dims,),
                      kwargs={"learning_rate": learning_rate, "num_iterations": num_iterations},
                      seed=global_seed)


# --------------------------------------------------------------------------- output contracts

@mistake("model.costs-not-a-list", "costs returned as an array, not a list", topic="return-values")
def _costs_is_a_list(args, got):
    """Property: the recorded costs are a Python list."""
    costs = got[1] if isinstance(got, (tuple, list)) and len(got) == 2 else None
    if costs is not None and not isinstance(costs, list):
        what = f"an array of shape {costs.shape}" if isinstance(costs, np.ndarray) else type(costs).__name__
        return f"costs must be a Python list (append each recorded cost to a list), got {what}"
    return None


@mistake("parameters.keys", "parameters without exactly the keys W1, b1, ..., WL, bL",
         topic="return-values")
def _parameter_keys(args, got):
    """Property: the trained parameters have exactly the keys W1, b1, ..., WL, bL."""
    parameters = got[0] if isinstance(got, (tuple, list)) and len(got) == 2 else None
    if not isinstance(parameters, dict):
        return None
    L = len(args[2]) - 1
    names = [f"{p}{l}" for l in range(1, L + 1) for p in ("W", "b")]
    if set(parameters) != set(names):
        return (f"the trained parameters of this {L}-layer network must be exactly the keys "
                f"{', '.join(repr(k) for k in names)}, the dict has {sorted(map(str, parameters))}")
    return None


PROPERTIES = [_costs_is_a_list, _parameter_keys]

CASES = {
    "two_layer_model": HiddenSpec([
        _case(401, 4, 10, (4, 3, 1), 0.3, 201, global_seed=0),
        _case(402, 1, 6, (1, 5, 1), 0.5, 101, global_seed=7),       # one feature
        _case(403, 6, 12, [6, 1, 1], 0.2, 101, global_seed=3),      # one hidden unit, a list
        _case(404, 3, 5, (3, 8, 1), 0.1, 1, global_seed=42),        # one step, one cost
        _case(405, 5, 9, (5, 6, 1), 0.05, 101, global_seed=11, dtype=np.float64),
    ], properties=PROPERTIES),
    "L_layer_model": HiddenSpec([
        _case(411, 5, 10, [5, 6, 5, 4, 3, 1], 0.05, 201, global_seed=0),    # L = 5
        _case(412, 3, 8, [3, 4, 3, 2, 1], 0.1, 101, global_seed=9),         # L = 4
        _case(413, 4, 6, [4, 1], 0.5, 101, global_seed=5),                  # L = 1
        _case(414, 2, 12, (2, 6, 1), 0.3, 101, global_seed=21),             # a tuple
        _case(415, 6, 7, [6, 5, 4, 1], 0.2, 1, global_seed=3),              # one step
        _case(416, 1, 9, [1, 3, 3, 1], 0.1, 101, global_seed=13, dtype=np.float64),  # one feature
    ], properties=PROPERTIES),
}
